"""Readers: plain-text files, folders, JSONL files and standard input → `Document`.

Offsets. `Document.text` is the input with two normalisations, made once, here: a UTF-8 byte-order
mark is dropped and CRLF line ends become LF. Every offset the pipeline makes indexes
`Document.text`, and `Document.text` is what the exporters write, so offsets and exported text
always agree (they would not with the raw bytes of a CRLF file).

Inputs. A `.txt` file is one article; its id is the file's stem, or, inside a folder, its path
relative to the folder without the extension ("2020/baku"), so two `a.txt` in different folders
differ. A `.jsonl` file holds one article a line (`text` required; `id`, `title`, `date`,
`source`, `url` optional; blank lines skipped); an article with no `id` gets
"{stem or relative path}-{line number}". A folder is read recursively (`*.txt`, `*.jsonl`; hidden
files and folders skipped) in order of relative path. `-` is standard input, one text article
with id "stdin". Ids repeated across inputs get "-2", "-3", … in reading order.

Datelines ("MOSCOW, Nov 10 (Reuters) -", "BAKU, Azerbaijan") give `dateline_place`, `body_start`
and possibly a date. The document date is the metadata date; failing that the dateline's, when
it states its year. A year-less dateline date ("Nov 10") is used only to refine a metadata date
that gives the year (and month) but not the day; it is never completed by a guess. Under a title
line, a dateline or a date alone on the next line ("Readout of …⏎May 31, 2022") counts the same.
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterator, Sequence

from kg.errors import InputError
from kg.model import Document
from kg.nlp.dates import MONTH_NAME, date_parts

SUPPORTED = (".txt", ".jsonl")
STDIN = "-"
_STDIN_NAME = "<stdin>"
_SNIFF = 8192                  # bytes inspected for binary content
_CONTROL_RATIO = 0.1           # more control characters than this in the sniffed bytes: binary
_BOM = b"\xef\xbb\xbf"
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v")
_OPTIONAL_FIELDS = ("title", "source", "url")


def read_documents(paths: Sequence[str], *, strict: bool = False,
                   on_skip: Callable[[InputError], None] | None = None) -> Iterator[Document]:
    """Documents from files, folders, JSONL files and `-` (standard input), in order.

    An input that cannot be read (a missing path, an empty or binary file, a malformed JSONL
    line, …) raises `InputError` when `strict`; otherwise it is passed to `on_skip` and skipped,
    and the caller decides whether reading nothing at all is an error.
    """
    seen: set[str] = set()
    for path in paths:
        for item in _read_path(path):
            if isinstance(item, InputError):
                if strict:
                    raise item
                if on_skip is not None:
                    on_skip(item)
                continue
            yield replace(item, id=_unique_id(item.id, seen))


def _unique_id(wanted: str, seen: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in seen:
        candidate, n = f"{wanted}-{n}", n + 1
    seen.add(candidate)
    return candidate


# --- paths ---------------------------------------------------------------------------------------

def _read_path(path: str) -> Iterator[Document | InputError]:
    if path == STDIN:
        yield from _guard(_read_stdin)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_folder(p, path)
    elif not p.exists():
        yield InputError(f"no such file or folder: {path}")
    elif p.suffix.lower() not in SUPPORTED:
        yield InputError(f"{path}: unsupported file type '{p.suffix or p.name}' (kg reads .txt and "
                         f".jsonl files, folders of them, and - for standard input)")
    else:
        yield from _read_file(p, path, p.stem)


def _read_folder(folder: Path, shown: str) -> Iterator[Document | InputError]:
    files = _folder_files(folder)
    if not files:
        yield InputError(f"{shown}: no .txt or .jsonl files in this folder")
    for relative, full in files:
        yield from _read_file(full, str(full), relative[: -len(full.suffix)])


def _folder_files(folder: Path) -> list[tuple[str, Path]]:
    """(relative POSIX path, path) of the readable files below `folder`, sorted: the same folder
    gives the same documents in the same order on every machine."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED:
                continue
            full = Path(dirpath) / name
            found.append((full.relative_to(folder).as_posix(), full))
    return sorted(found, key=lambda f: f[0])


def _read_file(path: Path, shown: str, base_id: str) -> Iterator[Document | InputError]:
    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, shown, base_id)
    else:
        yield from _guard(lambda: _read_txt(path, shown, base_id))


def _guard(read: Callable[[], Document]) -> Iterator[Document | InputError]:
    try:
        yield read()
    except InputError as error:
        yield error


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None


# --- text ----------------------------------------------------------------------------------------

def _read_txt(path: Path, shown: str, doc_id: str) -> Document:
    return _text_document(_read_bytes(path, shown), shown, doc_id)


def text_document(text: str, doc_id: str, shown: str) -> Document:
    """An article held in memory, read exactly as a `.txt` file holding `text` would be (BOM,
    line ends, dateline); `shown` names it in messages. `kg eval` reads gold texts with it."""
    return _text_document(text.encode("utf-8", "surrogatepass"), shown, doc_id)


def _read_stdin() -> Document:
    buffer = getattr(sys.stdin, "buffer", None)
    data = buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")
    return _text_document(data, _STDIN_NAME, "stdin")


def _text_document(data: bytes, shown: str, doc_id: str) -> Document:
    skipped = len(_BOM) if data.startswith(_BOM) else 0
    data = data[skipped:]
    if not data:
        raise InputError(f"{shown}: empty file")
    _check_not_binary(data[:_SNIFF], shown)
    text = _decode(data, shown, skipped)
    if not text.strip():
        raise InputError(f"{shown}: contains only whitespace")
    return _build_document(doc_id, _normalise(text), path=shown)


def _check_not_binary(sample: bytes, shown: str) -> None:
    nul = sample.find(b"\0")
    if nul >= 0:
        raise InputError(f"{shown}: looks like a binary file (NUL byte at offset {nul}); "
                         f"kg reads UTF-8 text")
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    if sample and controls / len(sample) > _CONTROL_RATIO:
        raise InputError(f"{shown}: looks like a binary file ({controls} control characters in "
                         f"the first {len(sample)} bytes); kg reads UTF-8 text")


def _decode(data: bytes, where: str, offset: int) -> str:
    """UTF-8 text; `offset` is where `data` starts in its file, so the message points into it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 (byte 0x{data[exc.start]:02x} at byte offset "
                         f"{offset + exc.start}); save the file as UTF-8") from None


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n")


# --- JSONL ---------------------------------------------------------------------------------------

def _read_jsonl(path: Path, shown: str, base_id: str) -> Iterator[Document | InputError]:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF)
            handle.seek(0)
            if not head.strip():
                yield InputError(f"{shown}: no articles (the file is empty or blank)")
                return
            _check_not_binary(head, shown)
            yield from _jsonl_lines(handle, shown, base_id)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(f"{shown}: cannot read ({exc.strerror or exc})")


def _jsonl_lines(lines: Iterator[bytes], shown: str, base_id: str
                 ) -> Iterator[Document | InputError]:
    offset = 0
    for number, raw in enumerate(lines, 1):
        start, offset = offset, offset + len(raw)
        if number == 1 and raw.startswith(_BOM):
            raw, start = raw[len(_BOM):], start + len(_BOM)
        if not raw.strip():
            continue
        where = f"{shown} line {number}"
        try:
            record = _parse_json_line(raw, where, start)
            yield _record_document(record, where, f"{base_id}-{number}", shown)
        except InputError as error:
            yield error


def _parse_json_line(raw: bytes, where: str, offset: int) -> object:
    line = _decode(raw, where, offset)
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _record_document(record: object, where: str, default_id: str, shown: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object with a "text" field, '
                         f"got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        raise InputError(f'{where}: no "text" field (each line needs the article as "text")')
    if not isinstance(text, str):
        raise InputError(f'{where}: "text" must be a string, not {_json_type(text)}')
    if not text.strip():
        raise InputError(f'{where}: "text" is empty')
    fields = {name: _optional_string(record, name, where) for name in _OPTIONAL_FIELDS}
    return _build_document(_record_id(record, where, default_id), _normalise(text), path=shown,
                           date=_record_date(record, where), **fields)


def _optional_string(record: dict, name: str, where: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(f'{where}: "{name}" must be a string, not {_json_type(value)}')
    return value or None


def _record_id(record: dict, where: str, default: str) -> str:
    value = record.get("id")
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f'{where}: "id" must be a non-empty string, not {_json_type(value)}')
    return value


def _record_date(record: dict, where: str) -> str | None:
    value = _optional_string(record, "date", where)
    if value is None:
        return None
    iso = iso_date(value)
    if iso is None:
        raise InputError(f'{where}: "date" is not an ISO 8601 date: {value!r} '
                         f"(use YYYY-MM-DD, YYYY-MM or YYYY)")
    return iso


def iso_date(value: str) -> str | None:
    """A metadata date at its precision ("2020", "2020-11", "2020-11-10"); a timestamp
    ("2020-11-10T08:15:00Z") keeps its calendar date. None when it is not ISO 8601."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return value
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return value if 1 <= int(value[5:]) <= 12 else None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].+", value):
            return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None
    return None


# --- datelines -----------------------------------------------------------------------------------

_PLACE_WORD = r"[A-Z][A-Z.'’\-]*(?![a-z0-9])"    # "BAKU", "U.S.", "NUR-SULTAN"; not "Armenia"
_NAME_WORD = r"[A-Z][A-Za-z.'’\-]*"              # "Azerbaijan", "D.C."
_DATELINE_DATE = (rf"(?:{MONTH_NAME})[ ]*\d{{1,2}}(?:,[ ]*\d{{4}})?"
                  rf"|\d{{1,2}}[ ]+(?:{MONTH_NAME})(?:[ ]+\d{{4}})?")
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ ]+{_PLACE_WORD}){{0,3}})"
    rf"(?:,[ ]+(?!(?:{MONTH_NAME})[ ]*\d)(?P<country>{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,2}}))?"
    rf"(?:,?[ ]+(?P<date>{_DATELINE_DATE}))?"
    rf"(?:[ ]*\((?P<agency>[^()\n]{{1,40}})\))?"
    rf"[ ]*(?:(?P<dash>--|[-–—])[ \t]*)?")
_LOWER_PLACE_WORDS = frozenset({"and", "of", "es", "au", "de", "del", "la", "el", "al", "the"})


@dataclass(frozen=True)
class Dateline:
    """A dateline: its place (title-cased), where the body starts, its (year, month, day)."""

    place: str
    body_start: int
    date: tuple[int | None, int, int | None] | None


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening `text`, if its first non-blank line starts with one.

    A dateline is a place in capitals (1-4 words) with at least one of: ", Country", a date,
    "(Agency)", a dash. Then either the line ends (the body is the next non-blank line) or a
    dash or "(Agency)" led into the body on the same line. A bare line of capitals is more often
    a headline than a dateline, so it is not taken for one.
    """
    line_start = len(text) - len(text.lstrip())
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    m = _DATELINE.match(text, line_start, line_end)
    if m is None or not (m["country"] or m["date"] or m["agency"] or m["dash"]):
        return None
    if text[m.end():line_end].strip():
        if not (m["dash"] or m["agency"]):
            return None      # "NATO, Russia clash over …": a sentence, not a dateline
        body_start = m.end()
    else:
        rest = text[line_end:]
        body_start = line_end + len(rest) - len(rest.lstrip())
        if body_start >= len(text):
            return None      # nothing follows: no article for this to be the dateline of
    parts = date_parts(m["date"]) if m["date"] else None
    return Dateline(_title_place(m["place"]), body_start, parts)


def _title_place(place: str) -> str:
    """'BAKU' → 'Baku', 'DAR ES SALAAM' → 'Dar es Salaam', 'PORT-AU-PRINCE' → 'Port-au-Prince'."""
    def word(w: str, first: bool) -> str:
        return w.lower() if not first and w.lower() in _LOWER_PLACE_WORDS else w.capitalize()

    words = place.split()
    return " ".join("-".join(word(piece, i == 0 and j == 0) for j, piece in enumerate(w.split("-")))
                    for i, w in enumerate(words))


def _document_date(metadata: str | None, dateline: tuple[int | None, int, int | None] | None
                   ) -> str | None:
    """Metadata first; a dateline date only where metadata gives none, or refines it."""
    if dateline is None:
        return metadata
    year, month, day = dateline
    if metadata is None:
        return _iso(year, month, day) if year is not None else None
    meta_year = int(metadata[:4])
    if len(metadata) == 10 or (year is not None and year != meta_year):
        return metadata
    if len(metadata) == 7 and int(metadata[5:7]) != month:
        return metadata      # metadata and dateline disagree: metadata wins
    return _iso(meta_year, month, day) or metadata


def _iso(year: int, month: int, day: int | None) -> str | None:
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:       # "Feb 29" refined with a common year
        return None


def _under_title(text: str) -> tuple[str, int] | None:
    """The line under a title line, and where it starts: a release's "Readout of …⏎May 31, 2022"
    or a story's "Headline⏎⏎QUITO, Feb. 3 (Reuters) — …". None when the text has no such lines."""
    first = text.lstrip()
    title_end = first.find("\n")
    if title_end < 0 or not 0 < len(first[:title_end].strip()) <= _TITLE_CHARS:
        return None
    rest = first[title_end:]
    start = len(text) - len(first) + title_end + len(rest) - len(rest.lstrip())
    line_end = text.find("\n", start)
    return text[start:line_end if line_end >= 0 else len(text)], start


_TITLE_CHARS = 300    # a line longer than this is a paragraph, not a title


def _date_under_title(text: str) -> tuple[int | None, int, int | None] | None:
    """A date alone on the line under the title: the release's own date."""
    found = _under_title(text)
    if found is None:
        return None
    parts = date_parts(_WEEKDAY_BEFORE.sub("", found[0].strip()))
    return parts if parts is not None and parts[0] is not None else None


_WEEKDAY_BEFORE = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+")


def _dateline_under_title(text: str) -> Dateline | None:
    """A dateline that opens the line under a headline."""
    found = _under_title(text)
    if found is None:
        return None
    dateline = find_dateline(found[0])
    if dateline is None:
        return None
    return replace(dateline, body_start=found[1] + dateline.body_start)


def _build_document(doc_id: str, text: str, *, path: str, title: str | None = None,
                    date: str | None = None, source: str | None = None,
                    url: str | None = None) -> Document:
    dateline = find_dateline(text) or _dateline_under_title(text)
    if dateline is None:
        date = _document_date(date, _date_under_title(text))
        return Document(doc_id, text, title=title, date=date, source=source, url=url, path=path)
    return Document(doc_id, text, title=title, date=_document_date(date, dateline.date),
                    source=source, url=url, dateline_place=dateline.place,
                    body_start=dateline.body_start, path=path)
