"""Fuzzing `kg build`: small documents damaged at random, built in this process, and the outcome
judged. Shared by tests/test_cli_fuzz.py (a few dozen cases, in CI) and benchmarks/fuzz_cli.py
(a thousand, with figures).

A case passes when the build ends without a traceback, exits 0 or 1, says what went wrong in
one line when it exits 1, and every export it wrote parses: the RDF ones in rdflib and in
Oxigraph, GraphML and GEXF as strict XML.
"""
from __future__ import annotations

import json
import random
import traceback
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

# Documents written for the fuzzer: agency-news style, names invented or well known.
NEWS = ("VIENNA, 4 June 2024 (Reuters) — Austria and Slovenia signed a memorandum on "
        "border rail links on Tuesday, the Austrian foreign ministry said.\n\n"
        "Foreign Minister Karla Reiter said the agreement would take effect in September.\n")
TREATY = ("Agreement between the Republic of Chile and the Argentine Republic on Fisheries\n\n"
          "The Republic of Chile and the Argentine Republic, hereinafter the Parties,\n"
          "Have agreed as follows:\n\nArticle 1\nThe Parties shall cooperate.\n\n"
          "Done at Santiago on 3 March 2021.\n")
FRONT = "---\ntitle: Talks resume\ndate: 2023-05-02\nsource: Wire\n---\n" + NEWS
MARKDOWN = "# Talks resume in Vienna\n\n" + NEWS.replace("Austria", "**Austria**")
HTML = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
        f"<p>{NEWS.strip()}</p><p>{TREATY.splitlines()[0]}.</p></article></body></html>\n")

# Characters a text may hold that break writers, parsers or terminals.
ODD_CHARACTERS = ("\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85",
                  "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u200f", "\u202e",
                  "\u0301", "\U0001f600", "\udc80", "]]>", "<", "&", '"', "\\", "\r", "\t")
ENCODINGS = ("utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "utf-8-sig", "gb18030")
EXPORTS = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".graphml", ".gexf")


@dataclass
class Case:
    name: str           # the file name: its extension picks the reader
    data: bytes
    mutation: str       # what was done to it, for reports


@dataclass
class Outcome:
    case: Case
    exit_code: int
    traceback: str | None = None                          # an exception the CLI let through
    bad_message: str | None = None                        # exit 1 without a one-line error
    unparsable: list[str] = field(default_factory=list)   # "graph.rdf: why"

    @property
    def ok(self) -> bool:
        return self.traceback is None and self.bad_message is None and not self.unparsable


# --- mutations -----------------------------------------------------------------------------------

def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def _insert_characters(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "surrogateescape")
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(ODD_CHARACTERS) * rng.randint(1, 3) + text[i:]
    return text.encode("utf-8", "surrogatepass")


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def _huge_token(data: bytes, rng: random.Random) -> bytes:
    token = rng.choice(("A", "x", "9", "-", "Ä", "ش", "\u0301")) * rng.randint(2_000, 20_000)
    i = rng.randrange(len(data) + 1)
    return data[:i] + token.encode("utf-8") + data[i:]


def _reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", "replace")
    return text.encode(rng.choice(ENCODINGS), "replace")


def _repeat(data: bytes, rng: random.Random) -> bytes:
    # Kept under ~100 KB: long documents have tests and benchmarks of their own, and the
    # fuzzer's budget is better spent on many small ones.
    return data * max(2, min(rng.randint(2, 40), 100_000 // max(len(data), 1)))


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "flip": _flip_bytes, "characters": _insert_characters, "truncate": _truncate,
    "huge-token": _huge_token, "encoding": _reencode, "repeat": _repeat}


def _damaged_jsonl(rng: random.Random) -> tuple[bytes, str]:
    """A JSONL file of a few records, one or more of them damaged."""
    records = [{"id": f"r{i}", "text": rng.choice((NEWS, TREATY)), "date": "2024-06-04"}
               for i in range(rng.randint(1, 3))]
    lines = [json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in records]
    damage = rng.choice(("cut", "types", "surrogate", "big-number", "nesting", "not-object",
                         "bad-date", "blank", "nan", "duplicate-id"))
    i = rng.randrange(len(lines))
    if damage == "cut":
        lines[i] = lines[i][:rng.randrange(len(lines[i]))]
    elif damage == "types":
        field_name = rng.choice(("text", "id", "title", "date", "source", "url"))
        value = rng.choice((None, 7, 1.5, True, [], {}, ""))
        lines[i] = json.dumps({**records[i], field_name: value})
    elif damage == "surrogate":
        lines[i] = lines[i].replace("Tuesday", "Tues\\ud800day").replace("Have", "Ha\\udfffve")
    elif damage == "big-number":
        lines[i] = json.dumps(records[i])[:-1] + ', "id": ' + "7" * rng.randint(4_000, 6_000) + "}"
    elif damage == "nesting":
        depth = rng.choice((100, 5_000, 50_000))
        lines[i] = json.dumps(records[i])[:-1] + ', "x": ' + "[" * depth + "]" * depth + "}"
    elif damage == "not-object":
        lines[i] = rng.choice(("[]", "null", '"text"', "42", "{}"))
    elif damage == "bad-date":
        lines[i] = json.dumps({**records[i], "date": rng.choice(("yesterday", "2024-13-01",
                                                                  "99999-01-01"))})
    elif damage == "blank":
        lines[i] = " \t "
    elif damage == "nan":
        lines[i] = json.dumps(records[i])[:-1] + ', "score": NaN}'
    else:
        lines.append(lines[i])
    return ("\n".join(lines) + rng.choice(("\n", "", "\r\n"))).encode("utf-8"), f"jsonl-{damage}"


_SEEDS = (("news.txt", NEWS), ("treaty.txt", TREATY), ("front.txt", FRONT),
          ("release.md", MARKDOWN), ("page.html", HTML))


def make_case(rng: random.Random) -> Case:
    """One damaged document: a JSONL file with damaged lines, or a text, Markdown or HTML
    file with one or two mutations."""
    if rng.random() < 0.25:
        data, mutation = _damaged_jsonl(rng)
        return Case("news.jsonl", data, mutation)
    name, text = rng.choice(_SEEDS)
    data = text.encode("utf-8")
    applied = []
    for _ in range(rng.choice((1, 1, 2))):
        mutation = rng.choice(list(MUTATIONS))
        data = MUTATIONS[mutation](data, rng) if data else data
        applied.append(mutation)
    return Case(name, data, "+".join(applied))


def make_cases(count: int, seed: int = 14) -> list[Case]:
    rng = random.Random(seed)
    return [make_case(rng) for _ in range(count)]


# --- running and judging -------------------------------------------------------------------------

def run_case(case: Case, folder: Path, runner, app, exports: tuple[str, ...] = EXPORTS
             ) -> Outcome:
    """Build `case` with the CLI in this process (typer's CliRunner `runner`, kg's `app`) into
    `folder`, and judge the outcome."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / case.name
    source.write_bytes(case.data)
    outputs = [folder / f"graph{ext}" for ext in exports]
    args = ["build", str(source), "--no-cache", "--lang", "en"]
    for output in outputs:
        args += ["-o", str(output)]
    result = runner.invoke(app, args)
    outcome = Outcome(case, result.exit_code)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        outcome.traceback = "".join(traceback.format_exception(result.exception)).strip()
        return outcome
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error:")]
    if result.exit_code not in (0, 1) or (result.exit_code == 1 and len(errors) != 1):
        outcome.bad_message = f"exit {result.exit_code}: {result.stderr.strip()[:300]!r}"
    if result.exit_code == 0:
        outcome.unparsable = [f"{path.name}: {why}" for path in outputs
                              if (why := unparsable(path)) is not None]
    return outcome


def unparsable(path: Path) -> str | None:
    """Why the export at `path` does not parse (None when it does): RDF in rdflib and in
    Oxigraph, GraphML and GEXF as XML."""
    if not path.is_file():
        return "not written"
    suffix = path.suffix
    try:
        if suffix in (".graphml", ".gexf"):
            ET.parse(path)
            return None
        import pyoxigraph
        import rdflib

        formats = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
                   ".jsonld": "json-ld", ".rdf": "xml"}
        rdflib.Dataset().parse(str(path), format=formats[suffix])
        list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.from_extension(
            suffix.lstrip("."))))
    except Exception as exc:   # any parser's any complaint is a failure to report
        return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
    return None
