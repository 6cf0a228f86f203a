"""The `kg` command line, end to end: help and version, builds (formats, several inputs, stdin,
bad inputs, skipped files, determinism), queries, stats and validate.

Results go to stdout and nothing else does; progress, summaries and errors go to stderr; a user
mistake is one line on stderr and exit code 1, never a traceback, and never a half-written or
clobbered export. Where a real process matters (exit codes, a clean stdout) the tests run one;
elsewhere they use typer's CliRunner, which keeps stderr apart from stdout (click ≥ 8.2 always
does; older versions need `mix_stderr=False`).

Loading the spaCy model is the slow part, so examples/ is built once per module (twice, in
parallel, for the determinism check) and every test that only reads a graph reuses that build.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib
import typer
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.export import supported_extensions
from kg.export.gexf import read_gexf
from kg.export.graphml import read_graphml
from kg.query import list_queries

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
README = ROOT / "README.md"

GRAPH_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml"}
DATASET_FORMATS = {".trig": "trig", ".nq": "nquads"}
PROPERTY_GRAPH_EXTENSIONS = (".graphml", ".gexf")
ALL_EXTENSIONS = (*GRAPH_FORMATS, *DATASET_FORMATS, *PROPERTY_GRAPH_EXTENSIONS)

# The scorer reads these four as CSV: their headers are a contract.
CONTRACT_HEADERS = {
    "states": ["state", "name", "iso3"],
    "organizations": ["org", "name", "type", "state_iso3", "parent_name"],
    "officials": ["person", "name", "post", "org_name", "state_iso3"],
    "agreements": ["agreement", "name", "date", "status", "party_name", "party_iso3"],
}

# Short news texts written for these tests.
TEXT_A = ("PARIS, March 3, 2023 (kg) — France and Germany agreed on Friday to expand joint "
          "patrols along their border, the French foreign ministry said.\n")
TEXT_B = ("TOKYO — Japan and Vietnam opened talks on Tuesday about a fisheries agreement in the "
          "South China Sea, officials in Tokyo said.\n")
JSONL_RECORDS = [
    {"id": "nairobi-trade", "title": "Kenya and Tanzania sign trade memorandum",
     "date": "2023-05-02",
     "text": "Kenya and Tanzania signed a memorandum on cross-border trade in Nairobi on Tuesday."},
    {"id": "andes-water",
     "text": "Chile and Peru began negotiations on a treaty to share the waters of the Lauca "
             "river, the two governments said."},
]
STDIN_TEXT = ("OSLO — Norway and Sweden signed an agreement on Monday to build a new railway link "
              "between Oslo and Stockholm.\n")
GOOD_TEXT = "Portugal and Spain signed a water-sharing agreement in Lisbon on Monday.\n"
OTHER_GOOD_TEXT = "Greece and Bulgaria agreed on Thursday to build a gas pipeline.\n"


# --- running kg -------------------------------------------------------------------------------

def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        return CliRunner()  # click >= 8.2: stderr is always kept apart


RUNNER = _runner()


def invoke(*args: object, input: str | bytes | None = None):
    return RUNNER.invoke(app, [str(a) for a in args], input=input)


def kg_command() -> list[str]:
    """The installed `kg` entry point beside this Python, else `python -m kg.cli`."""
    script = Path(sys.executable).with_name("kg")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "kg.cli"]


def run_kg(*args: object, input: str | None = None, cwd: Path | None = None
           ) -> subprocess.CompletedProcess:
    return subprocess.run([*kg_command(), *(str(a) for a in args)], input=input,
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def start_kg(*args: object) -> subprocess.Popen:
    return subprocess.Popen([*kg_command(), *(str(a) for a in args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def commands() -> dict[str, object]:
    return dict(typer.main.get_command(app).commands)


def parse_csv(text: str) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(text)))
    assert rows, "no CSV output at all (not even a header)"
    return rows[0], rows[1:]


def records(text: str) -> list[dict[str, str]]:
    header, rows = parse_csv(text)
    return [dict(zip(header, row)) for row in rows]


def folder_listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def assert_user_error(result, *named: str) -> str:
    """Exit code 1, one line on stderr naming `named`, nothing on stdout, no traceback."""
    assert result.exit_code != 0, f"expected a failure, got exit 0; stderr: {result.stderr!r}"
    assert result.exit_code == 1, (result.exit_code, result.stderr)
    # An unexpected exception ends up here instead of a SystemExit from typer.Exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"crashed with {type(result.exception).__name__}: {result.exception}"
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == "", f"an error wrote to stdout: {result.stdout!r}"
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, f"expected a one-line error, got: {result.stderr!r}"
    for name in named:
        assert name in lines[0], f"{name!r} not in {lines[0]!r}"
    return lines[0]


# --- the shared build of examples/ -------------------------------------------------------------

@dataclass
class ExamplesBuild:
    folder: Path
    returncode: int
    stdout: str
    stderr: str

    def path(self, extension: str) -> Path:
        return self.folder / f"graph{extension}"


def _expected_documents() -> int:
    count = 0
    for path in EXAMPLES.rglob("*"):
        if path.suffix == ".txt":
            count += 1
        elif path.suffix == ".jsonl":
            count += sum(1 for line in path.read_text(encoding="utf-8").splitlines()
                         if line.strip())
    return count


@pytest.fixture(scope="module")
def example_builds(tmp_path_factory) -> tuple[ExamplesBuild, ExamplesBuild]:
    """examples/ built twice, in every format, by two `kg` processes running side by side."""
    started = []
    for name in ("first", "second"):
        folder = tmp_path_factory.mktemp(name)
        outputs = [arg for ext in ALL_EXTENSIONS for arg in ("-o", folder / f"graph{ext}")]
        started.append((folder, start_kg("build", EXAMPLES, *outputs)))
    builds = []
    for folder, process in started:
        stdout, stderr = process.communicate(timeout=180)
        builds.append(ExamplesBuild(folder, process.returncode, stdout, stderr))
    return builds[0], builds[1]


@pytest.fixture(scope="module")
def built(example_builds) -> ExamplesBuild:
    build = example_builds[0]
    if build.returncode != 0:
        pytest.fail(f"kg build examples/ failed ({build.returncode}): {build.stderr}")
    return build


@pytest.fixture(scope="module")
def graph_ttl(built: ExamplesBuild) -> Path:
    return built.path(".ttl")


@pytest.fixture(scope="module")
def turtle_graph(graph_ttl: Path) -> rdflib.Graph:
    graph = rdflib.Graph().parse(graph_ttl, format="turtle")
    assert len(graph) > 0
    return graph


# --- version, help, README ---------------------------------------------------------------------

def test_version_prints_kg_and_a_semantic_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"kg \d+\.\d+\.\d+\S*\n", result.stdout), result.stdout
    assert result.stdout == f"kg {kg.__version__}\n"


def test_the_app_has_the_four_commands() -> None:
    assert {"build", "query", "stats", "validate"} <= set(commands())


def _help_body(output: str) -> str:
    """The help without its usage paragraph (which names the command, but is no example)."""
    usage, _, rest = output.partition("\n\n")
    assert usage.startswith("Usage:"), output
    return rest


def test_top_level_help_has_a_description_and_examples() -> None:
    result = invoke("--help")
    assert result.exit_code == 0, result.stderr
    body = _help_body(result.stdout)
    assert "knowledge graph" in body
    assert re.search(r"Examples?:", body), "kg --help shows no example"
    assert re.search(r"^\s*kg (build|query|stats|validate)\b", body, re.MULTILINE), body
    for name in commands():
        assert re.search(rf"^\s+{name}\s+\S", body, re.MULTILINE), f"{name} not listed"


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_has_help_with_a_description_and_an_example(name: str) -> None:
    command = commands()[name]
    assert command.help and command.help.strip(), f"kg {name} has no help text"
    result = invoke(name, "--help")
    assert result.exit_code == 0, result.stderr
    body = _help_body(result.stdout)
    first_line = command.help.strip().splitlines()[0]
    assert " ".join(first_line.split()) in " ".join(body.split()), \
        f"the description of kg {name} is not in its --help"
    example = re.search(r"Examples?:(.*)", body, re.DOTALL)
    assert example, f"kg {name} --help has no 'Example:' section"
    assert re.search(rf"(^|\s|\|\s*)kg {name}\b", example.group(1)), \
        f"kg {name} --help has no example running kg {name}"


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_has_a_readme_entry(name: str) -> None:
    if not README.is_file():
        pytest.skip("README.md does not exist yet")
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"\bkg {name}\b", text), f"README.md never shows `kg {name}`"


# --- build: the main command ---------------------------------------------------------------------

def test_build_writes_every_output_and_nothing_to_stdout(built: ExamplesBuild) -> None:
    assert built.stdout == "", "kg build printed to stdout; results only go to files"
    assert "Traceback" not in built.stderr
    assert re.search(rf"\bbuilt {_expected_documents()}\b", built.stderr), built.stderr
    for extension in ALL_EXTENSIONS:
        path = built.path(extension)
        assert path.is_file() and path.stat().st_size > 0, f"{path.name} not written"
    assert not [p for p in built.folder.iterdir() if p.name.startswith(".")], \
        "temporary files left beside the exports"


def test_build_graphml_and_gexf_hold_the_same_graph(built: ExamplesBuild) -> None:
    graphml = read_graphml(built.path(".graphml"))
    gexf = read_gexf(built.path(".gexf"))
    assert graphml.number_of_nodes() > 0 and graphml.number_of_edges() > 0
    assert set(graphml.nodes) == set(gexf.nodes)
    assert set(graphml.edges(keys=True)) == set(gexf.edges(keys=True))
    assert any(data.get("kind") == "state" for _, data in graphml.nodes(data=True))


@pytest.mark.parametrize("extension", list(GRAPH_FORMATS))
def test_every_single_graph_format_parses_to_the_turtle_graph(
        built: ExamplesBuild, turtle_graph: rdflib.Graph, extension: str) -> None:
    other = rdflib.Graph().parse(built.path(extension), format=GRAPH_FORMATS[extension])
    assert len(other) == len(turtle_graph)
    assert isomorphic(other, turtle_graph), f"{extension} and .ttl hold different graphs"


@pytest.mark.parametrize("extension", list(DATASET_FORMATS))
def test_named_graph_formats_merge_to_the_turtle_graph(
        built: ExamplesBuild, turtle_graph: rdflib.Graph, extension: str) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(built.path(extension), format=DATASET_FORMATS[extension])
    named = {g.identifier for g in dataset.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID}
    assert any("/graph/" in str(name) for name in named), \
        f"{extension} has no per-document named graph"
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, turtle_graph), f"the union of {extension}'s graphs is not the .ttl graph"


def test_json_ld_has_an_inline_context(built: ExamplesBuild) -> None:
    document = json.loads(built.path(".jsonld").read_text(encoding="utf-8"))
    assert isinstance(document, dict) and "@context" in document
    context = document["@context"]
    assert isinstance(context, dict), f"@context is not inline: {context!r}"
    assert context.get("kg") == "https://w3id.org/diplograph/ontology#"


def test_builds_are_byte_identical(example_builds) -> None:
    first, second = example_builds
    assert first.returncode == 0 and second.returncode == 0, (first.stderr, second.stderr)
    different = [ext for ext in ALL_EXTENSIONS
                 if first.path(ext).read_bytes() != second.path(ext).read_bytes()]
    assert not different, f"two builds of examples/ differ in {different}"


def test_unknown_extension_lists_the_supported_ones_and_writes_nothing(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    before = folder_listing(tmp_path)
    result = invoke("build", article, "-o", tmp_path / "good.ttl", "-o", tmp_path / "out.csv")
    line = assert_user_error(result, "out.csv")
    for extension in (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".graphml", ".gexf"):
        assert extension in line, f"{extension} missing from: {line}"
    assert set(supported_extensions()) == set(ALL_EXTENSIONS)
    assert folder_listing(tmp_path) == before, "a failed build wrote files"


# --- build: inputs ---------------------------------------------------------------------------

def _documents(graph: Path) -> set[str]:
    result = invoke("query", graph, "documents", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return {row["document"].rsplit("/doc/", 1)[-1] for row in records(result.stdout)}


def _states(graph: Path) -> set[str]:
    result = invoke("query", graph, "states", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return {row["iso3"] for row in records(result.stdout)}


def test_build_reads_several_files_and_jsonl_into_one_graph(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "news.jsonl").write_text(
        "\n".join(json.dumps(r) for r in JSONL_RECORDS) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "out.ttl"
    result = invoke("build", tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "news.jsonl",
                    "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert re.search(r"\bbuilt 4\b", result.stderr), result.stderr
    assert _documents(out) == {"a", "b", "nairobi-trade", "andes-water"}
    assert {"FRA", "DEU", "JPN", "VNM", "KEN", "TZA", "CHL", "PER"} <= _states(out)


def test_build_reads_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "out.ttl"
    result = invoke("build", "-", "-o", out, input=STDIN_TEXT.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert re.search(r"\bbuilt 1\b", result.stderr), result.stderr
    assert _documents(out) == {"stdin"}
    assert {"NOR", "SWE"} <= _states(out)


def test_build_skips_a_bad_file_in_a_folder(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "one.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (news / "two.txt").write_text(OTHER_GOOD_TEXT, encoding="utf-8")
    (news / "broken.txt").write_bytes(b"\x00\x01binary\x00junk")
    out = tmp_path / "out.ttl"
    result = invoke("build", news, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    skipped = [line for line in result.stderr.splitlines() if "skipped" in line.lower()
               and "broken.txt" in line]
    assert len(skipped) == 1, result.stderr
    summary = result.stderr.strip().splitlines()[-1]
    assert re.search(r"\bbuilt 2\b", summary) and re.search(r"\bskipped 1\b", summary), summary
    assert out.is_file()
    assert _documents(out) == {"one", "two"}


def test_strict_build_stops_at_the_bad_file_and_writes_nothing(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "one.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (news / "two.txt").write_text(OTHER_GOOD_TEXT, encoding="utf-8")
    (news / "broken.txt").write_bytes(b"\x00\x01binary\x00junk")
    before = folder_listing(tmp_path)
    result = invoke("build", news, "--strict", "-o", tmp_path / "out" / "out.ttl",
                    "-o", tmp_path / "out.gexf")
    assert_user_error(result, "broken.txt")
    assert folder_listing(tmp_path) == before, "a failed strict build wrote files or folders"


def test_strict_build_names_the_bad_jsonl_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(JSONL_RECORDS[0]) + "\n" + '{"text": "Chile and Peru",\n',
                    encoding="utf-8")
    result = invoke("build", feed, "--strict", "-o", tmp_path / "out.ttl")
    assert_user_error(result, "feed.jsonl", "line 2")
    assert not (tmp_path / "out.ttl").exists()


# --- build: bad inputs and outputs ---------------------------------------------------------------

SENTINEL = b"# an export from an earlier build: a failed build must leave it as it is\n"

BAD_INPUTS = {
    # name: (file content or None for a missing file, file name, what the message must name)
    "missing": (None, "missing.txt", ("missing.txt",)),
    "empty": (b"", "empty.txt", ("empty.txt",)),
    "binary": (b"Armenia\x00\x00\x01\x02Azerbaijan\x00" * 8, "binary.txt", ("binary.txt",)),
    "latin-1": ("Le président de la République a signé l'accord à Genève.".encode("latin-1"),
                "latin.txt", ("latin.txt",)),
    "malformed-jsonl": (b"\n" + b'{"text": "Chile and Peru signed", "id": }\n',
                        "feed.jsonl", ("feed.jsonl", "line 2")),
}


def _bad_input(tmp_path: Path, case: str) -> tuple[Path, tuple[str, ...]]:
    content, name, named = BAD_INPUTS[case]
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    return path, named


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_a_bad_input_is_a_one_line_error_and_writes_nothing(tmp_path: Path, case: str) -> None:
    path, named = _bad_input(tmp_path, case)
    existing = tmp_path / "existing.ttl"
    existing.write_bytes(SENTINEL)
    before = folder_listing(tmp_path)
    result = invoke("build", path, "-o", existing, "-o", tmp_path / "new" / "new.graphml")
    assert_user_error(result, *named)
    assert existing.read_bytes() == SENTINEL, "a failed build changed an existing export"
    assert folder_listing(tmp_path) == before, "a failed build wrote files or folders"


@pytest.mark.parametrize("case", ["latin-1", "malformed-jsonl"])
def test_a_bad_input_fails_cleanly_in_a_real_process(tmp_path: Path, case: str) -> None:
    path, named = _bad_input(tmp_path, case)
    existing = tmp_path / "existing.ttl"
    existing.write_bytes(SENTINEL)
    process = run_kg("build", path, "-o", existing)
    assert process.returncode == 1, (process.returncode, process.stderr)
    assert process.stdout == ""
    assert "Traceback" not in process.stderr
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1 and all(n in lines[0] for n in named), process.stderr
    assert existing.read_bytes() == SENTINEL


@pytest.mark.parametrize("target", ["/proc/kg-test/out.ttl", "{tmp}/somefile.txt/out.ttl"])
def test_an_unwritable_output_folder_is_a_one_line_error(tmp_path: Path, target: str) -> None:
    article = tmp_path / "article.txt"
    article.write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "somefile.txt").write_text("a file, not a folder\n", encoding="utf-8")
    existing = tmp_path / "existing.ttl"
    existing.write_bytes(SENTINEL)
    before = folder_listing(tmp_path)
    bad = target.format(tmp=tmp_path)
    result = invoke("build", article, "-o", existing, "-o", bad)
    assert_user_error(result, bad)
    assert existing.read_bytes() == SENTINEL
    assert folder_listing(tmp_path) == before
    assert not Path(bad).exists()


# --- query ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(CONTRACT_HEADERS))
def test_named_query_csv_has_the_contract_header(graph_ttl: Path, name: str) -> None:
    result = invoke("query", graph_ttl, name, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "", f"query wrote to stderr: {result.stderr!r}"
    header, rows = parse_csv(result.stdout)
    assert header == CONTRACT_HEADERS[name]
    assert rows, f"{name} returned no rows over examples/"
    assert all(len(row) == len(header) for row in rows)
    assert all(row[0].startswith("https://") for row in rows), "first column is not an IRI"


def test_states_rows_are_iso3_codes_with_state_iris(graph_ttl: Path) -> None:
    result = invoke("query", graph_ttl, "states", "--format", "csv")
    rows = records(result.stdout)
    assert len({row["state"] for row in rows}) == len(rows), "a state appears twice"
    for row in rows:
        assert re.fullmatch(r"[A-Z]{3}", row["iso3"]), row
        assert row["state"].endswith(f"/state/{row['iso3']}"), row
        assert row["name"], row


def test_named_query_csv_in_a_real_process_has_a_clean_stdout(graph_ttl: Path) -> None:
    process = run_kg("query", graph_ttl, "agreements", "--format", "csv")
    assert process.returncode == 0, process.stderr
    assert "Traceback" not in process.stderr
    header, rows = parse_csv(process.stdout)
    assert header == CONTRACT_HEADERS["agreements"]
    assert rows and all(len(row) == len(header) for row in rows)


def test_piped_query_defaults_to_csv(graph_ttl: Path) -> None:
    result = invoke("query", graph_ttl, "states")
    assert result.exit_code == 0, result.stderr
    assert parse_csv(result.stdout)[0] == CONTRACT_HEADERS["states"]


@pytest.mark.parametrize("name", ["states", "agreements"])
def test_named_query_json_matches_the_csv(graph_ttl: Path, name: str) -> None:
    as_json = invoke("query", graph_ttl, name, "--format", "json")
    as_csv = invoke("query", graph_ttl, name, "--format", "csv")
    assert as_json.exit_code == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert isinstance(data, list) and data
    assert all(list(item) == CONTRACT_HEADERS[name] for item in data)
    assert data == records(as_csv.stdout)


def test_sparql_text_returns_at_most_its_limit(graph_ttl: Path) -> None:
    result = invoke("query", graph_ttl, "SELECT ?s WHERE { ?s a ?t } LIMIT 5", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header, rows = parse_csv(result.stdout)
    assert header == ["s"]
    assert 1 <= len(rows) <= 5


def test_query_list_names_each_query_with_a_description() -> None:
    result = invoke("query", "--list")
    assert result.exit_code == 0, result.stderr
    listed = {}
    for line in result.stdout.splitlines():
        name, _, description = line.strip().partition(" ")
        listed[name] = description.strip()
    for name in CONTRACT_HEADERS:
        assert listed.get(name), f"{name} missing or without a description in kg query --list"
    assert set(listed) == {name for name, _ in list_queries()}


UPDATES = [
    "INSERT DATA { <https://example.org/a> <https://example.org/b> <https://example.org/c> }",
    "PREFIX ex: <https://example.org/>\nDELETE WHERE { ?s ?p ?o }",
    "DROP ALL",
    "CLEAR DEFAULT",
]


@pytest.mark.parametrize("update", UPDATES)
def test_an_update_is_refused_and_the_graph_is_unchanged(graph_ttl: Path, update: str) -> None:
    before = graph_ttl.read_bytes()
    result = invoke("query", graph_ttl, update)
    line = assert_user_error(result)
    assert "update" in line.lower(), line
    assert graph_ttl.read_bytes() == before


def test_an_update_is_refused_in_a_real_process(graph_ttl: Path) -> None:
    before = graph_ttl.read_bytes()
    process = run_kg("query", graph_ttl, UPDATES[1])
    assert process.returncode == 1, process.stderr
    assert process.stdout == "" and "Traceback" not in process.stderr
    assert len(process.stderr.strip().splitlines()) == 1, process.stderr
    assert graph_ttl.read_bytes() == before


# --- stats, validate -------------------------------------------------------------------------

def test_stats_counts_states_and_agreements(graph_ttl: Path) -> None:
    result = invoke("stats", graph_ttl, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header, rows = parse_csv(result.stdout)
    assert header == ["what", "name", "count"]
    classes = {name: int(count) for what, name, count in rows if what == "class"}
    states = invoke("query", graph_ttl, "states", "--format", "csv")
    agreements = invoke("query", graph_ttl, "agreements", "--format", "csv")
    # `states` lists the states the texts mention; stats counts every kg:State, including
    # states present only through background facts (the state a mentioned city lies in)
    every_state = invoke("query", graph_ttl,
                         "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:State }", "--format", "csv")
    mentioned = invoke("query", graph_ttl,
                       "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:State . "
                       "?m itsrdf:taIdentRef ?s }", "--format", "csv")
    assert classes.get("kg:State") == int(records(every_state.stdout)[0]["n"])
    assert int(records(mentioned.stdout)[0]["n"]) == len(records(states.stdout))
    assert classes.get("kg:Agreement") == len({r["agreement"] for r in records(agreements.stdout)})
    assert classes["kg:State"] > 0 and classes["kg:Agreement"] > 0


def test_validate_accepts_the_build(graph_ttl: Path) -> None:
    result = invoke("validate", graph_ttl)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "conforms" in result.stderr
