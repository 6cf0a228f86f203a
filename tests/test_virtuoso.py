"""Virtuoso 7 (Debian's virtuoso-opensource) as another store for kg's Turtle: one server for the
module, on 127.0.0.1 with a temporary database, loaded with exports/graph.ttl. Every named query
runs over its SPARQL HTTP endpoint and gives `kg query`'s rows in kg's order, and runs in isql as
printed. Numbers are compared as kg prints them (kg.query_output.literal_text): kg writes them as
xsd:decimal, which Virtuoso gives back in full (an xsd:double it would print with six significant
digits, openlink/virtuoso-opensource#1006). Skips, saying why, where Virtuoso is not installed or
does not start; .ci/run installs it."""
from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import rdflib

from kg import vocab
from kg.query import QueryResult, list_queries, load_graph, query_graph, query_text
from kg.query_output import literal_text

ROOT = Path(__file__).resolve().parent.parent
TURTLE = ROOT / "exports" / "graph.ttl"
GRAPH = "urn:kg:test:exports"
EARLIER = "urn:kg:test:earlier"   # documents seen before the export (_documents_seen_before)
NAMES = [name for name, _ in list_queries()]
_START_SECONDS = 60


@dataclass
class Virtuoso:
    endpoint: str     # the SPARQL HTTP endpoint
    isql: list[str]   # the isql command connected as dba, without the statement


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ini(folder: Path, sql_port: int, http_port: int) -> str:
    db = folder / "db"
    return f"""[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {folder}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def _wait_until_up(server: subprocess.Popen, endpoint: str, log: Path) -> None:
    deadline = time.monotonic() + _START_SECONDS
    probe = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(probe, timeout=5):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    tail = " | ".join(log.read_text(errors="replace").strip().splitlines()[-3:])
    pytest.skip(f"Virtuoso did not start within {_START_SECONDS} s ({tail or 'no output'})")


def _isql(virtuoso: Virtuoso, *args: str) -> str:
    done = subprocess.run([*virtuoso.isql, *args], capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert "*** Error" not in output, output   # isql exits 0 even when a statement fails
    return output


def _documents_seen_before(path: Path) -> str:
    """isql statements that put the export's document IRIs, one at a time in reverse order, in a
    graph of their own. Virtuoso numbers an IRI when it first sees it and orders an aggregate's
    IRIs (MIN(?doc)) by that number, so a query that orders such IRIs without STR() shows it,
    as it would in a store that held the documents before."""
    documents = sorted(load_graph([path]).subjects(rdflib.RDF.type, vocab.SCHEMA.NewsArticle),
                       reverse=True)
    assert len(documents) > 1
    return "".join(f"SPARQL INSERT DATA {{ GRAPH <{EARLIER}> {{ <{d}> a <{EARLIER}#Seen> }} }};"
                   for d in documents)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """A Virtuoso server of its own, loaded with the Turtle export; stopped after the module."""
    server_bin, isql_bin = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server_bin is None or isql_bin is None:
        pytest.skip("Virtuoso 7 is not installed (Debian: apt-get install virtuoso-opensource); "
                    ".ci/run installs it")
    folder = tmp_path_factory.mktemp("virtuoso")
    (folder / "db").mkdir()
    sql_port, http_port = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(_ini(folder, sql_port, http_port))
    log = folder / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen([server_bin, "+configfile", str(folder / "virtuoso.ini"),
                                   "+foreground"], cwd=folder, stdout=out,
                                  stderr=subprocess.STDOUT)
    try:
        endpoint = f"http://127.0.0.1:{http_port}/sparql"
        _wait_until_up(server, endpoint, log)
        found = Virtuoso(endpoint, [isql_bin, f"127.0.0.1:{sql_port}", "dba", "dba"])
        turtle = folder / "graph.ttl"
        shutil.copyfile(TURTLE, turtle)
        _isql(found, f"exec={_documents_seen_before(TURTLE)}"
                     f"DB.DBA.TTLP_MT(file_to_string_output('{turtle}'), '', '{GRAPH}', 0);"
                     "checkpoint;")
        yield found
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def kg_rows():
    """kg's result of a named query over the Turtle export (what `kg query` prints), run once."""
    graph, results = load_graph([TURTLE]), {}

    def result(name: str) -> QueryResult:
        if name not in results:
            results[name] = query_graph(graph, name)
        return results[name]
    return result


def sparql_json(virtuoso: Virtuoso, sparql: str) -> dict:
    """The SPARQL 1.1 Protocol: the query POSTed as a form, SPARQL JSON results back."""
    form = urllib.parse.urlencode({"query": sparql, "default-graph-uri": GRAPH}).encode()
    request = urllib.request.Request(virtuoso.endpoint, data=form, headers={
        "Accept": "application/sparql-results+json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:
        pytest.fail(f"Virtuoso refused the query: {exc.read().decode(errors='replace')[:300]}")


def virtuoso_rows(results: dict) -> tuple[list[str], list[list[str]]]:
    """Columns, and each row's cells as kg prints them."""
    columns = results["head"]["vars"]
    rows = []
    for binding in results["results"]["bindings"]:
        row = []
        for column in columns:
            term = binding.get(column)
            if term is None:
                row.append("")
            elif term["type"] in ("literal", "typed-literal"):
                row.append(literal_text(term["value"], term.get("datatype")))
            else:
                row.append(term["value"])
        rows.append(row)
    return columns, rows


@pytest.mark.parametrize("name", NAMES)
def test_named_query_gives_kgs_rows_over_virtuosos_endpoint(virtuoso, kg_rows, name) -> None:
    expected = kg_rows(name)
    assert expected.rows, f"{name}: no rows over exports/graph.ttl, so the test proves nothing"
    columns, rows = virtuoso_rows(sparql_json(virtuoso, query_text(name)))
    assert columns == expected.columns
    assert rows == expected.rows   # the same rows in the same order


@pytest.mark.parametrize("name", NAMES)
def test_named_query_runs_in_isql_as_printed(virtuoso, kg_rows, name) -> None:
    """isql ends a statement at a `;` and reads quotes even inside a SPARQL `#` comment."""
    statement = f"SPARQL define input:default-graph-uri <{GRAPH}>\n{query_text(name)}\n;\n"
    output = _isql(virtuoso, f"exec={statement}")
    counted = re.findall(r"^(\d+) Rows\.", output, re.MULTILINE)
    assert counted == [str(len(kg_rows(name).rows))], output[-500:]
