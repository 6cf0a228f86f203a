"""`kg serve` (kg/serve.py, the Oxigraph server over a store) and `kg query --endpoint`
(kg/endpoint.py): plain HTTP gets SPARQL JSON, XML, CSV and TSV by Accept; every named query gives
the rows of `kg query --store`; updates are refused; start-up mistakes are one-line errors; Ctrl-C
stops it cleanly. Everything binds 127.0.0.1 only."""
from __future__ import annotations

import csv
import io
import json
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.query import list_queries
from kg.serve import ServeError, check_server_version, start_server
from kg.store import load_store

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
NAMES = [name for name, _ in list_queries()]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
INSERT = "INSERT DATA { <urn:kg:test:s> <urn:kg:test:p> <urn:kg:test:o> }"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args])


def kg_serve(store: Path, port: int) -> subprocess.Popen:
    """`kg serve STORE --port PORT` as a user runs it, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(store), "--port",
                             str(port)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve") / "graph.db"
    load_store([ROOT / "exports" / "graph.ttl"], folder)
    return folder


@pytest.fixture(scope="module")
def served(store):
    """`kg serve STORE` as a user runs it, on a free port: (endpoint URL, its first message
    line). Stopped with Ctrl-C (SIGINT) at the end, which must exit 0 without a traceback."""
    port = free_port()
    process = kg_serve(store, port)
    try:
        first = process.stderr.readline()
        assert f"http://{HOST}:{port}/query" in first, first + process.stderr.read()
        yield f"http://{HOST}:{port}/query", first
    finally:
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "stopped" in stderr
    assert stdout == ""


def http(url: str, query: str, accept: str, *, post: bool = False, field: str = "query"):
    data = urllib.parse.urlencode({field: query})
    if post:
        request = urllib.request.Request(url, data=data.encode(), headers={"Accept": accept})
    else:
        request = urllib.request.Request(f"{url}?{data}", headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.headers.get_content_type(), response.read().decode("utf-8")


def store_count(store: Path) -> str:
    result = invoke("query", "--store", store, COUNT, "--format", "csv")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[1]


def test_start_message_names_the_url_and_a_named_query_to_run(served):
    url, first = served
    assert first.startswith("kg serve: SPARQL endpoint at ")


@pytest.mark.parametrize("post", [False, True], ids=["GET", "POST"])
def test_plain_http_gets_every_results_format_by_accept(served, store, post):
    url, _ = served
    expected = store_count(store)
    kind, body = http(url, COUNT, "application/sparql-results+json", post=post)
    assert kind == "application/sparql-results+json"
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == expected
    kind, body = http(url, COUNT, "application/sparql-results+xml", post=post)
    assert kind == "application/sparql-results+xml"
    literal = ET.fromstring(body).find(".//{http://www.w3.org/2005/sparql-results#}literal")
    assert literal is not None and literal.text == expected
    kind, body = http(url, COUNT, "text/csv", post=post)
    assert kind == "text/csv" and list(csv.reader(io.StringIO(body))) == [["n"], [expected]]
    kind, body = http(url, COUNT, "text/tab-separated-values", post=post)
    assert kind == "text/tab-separated-values"
    assert body.split()[0] == "?n" and expected in body.split()[1]


@pytest.mark.parametrize("name", NAMES)
def test_every_named_query_gives_the_rows_of_the_store(served, store, name):
    url, _ = served
    over_http = invoke("query", name, "--endpoint", url, "--format", "csv")
    local = invoke("query", "--store", store, name, "--format", "csv")
    assert over_http.exit_code == 0, over_http.output
    assert local.exit_code == 0, local.output
    assert len(local.stdout.splitlines()) > 1, f"{name} gives no rows: the comparison is empty"
    assert over_http.stdout == local.stdout


@pytest.mark.parametrize("query", [
    "ASK { ?s a kg:Agreement }",
    "CONSTRUCT { ?a kg:party ?p } WHERE { ?a kg:party ?p }",   # N-Triples over HTTP
    "SELECT * WHERE { ?s kg:iso3 ?code } ORDER BY ?code"])
def test_ask_construct_and_select_star_give_the_rows_of_the_store(served, store, query):
    over_http = invoke("query", query, "--endpoint", served[0], "--format", "csv")
    assert over_http.exit_code == 0, over_http.output
    assert len(over_http.stdout.splitlines()) > 1
    assert over_http.stdout == invoke("query", "--store", store, query, "--format", "csv").stdout


def test_endpoint_declares_the_prefixes_kg_prints(served, store):
    # kg: and rdfs: are not declared in the text; kg declares them for the endpoint, as it
    # binds them over files and over a store.
    query = 'SELECT ?name WHERE { ?s kg:iso3 "AZE" ; rdfs:label ?name }'
    over_http = invoke("query", query, "--endpoint", served[0], "--format", "csv")
    assert over_http.exit_code == 0, over_http.output
    assert over_http.stdout == invoke("query", "--store", store, query, "--format", "csv").stdout
    assert over_http.stdout.splitlines()[1:] == ["Azerbaijan"]


def test_updates_are_refused_and_change_nothing(served, store):
    url, _ = served
    before = store_count(store)
    base = url.rsplit("/", 1)[0]
    with pytest.raises(urllib.error.HTTPError) as update:
        http(f"{base}/update", INSERT, "*/*", post=True, field="update")
    assert 400 <= update.value.code < 500
    with pytest.raises(urllib.error.HTTPError) as as_query:
        http(url, INSERT, "*/*", post=True)
    assert 400 <= as_query.value.code < 500
    _, body = http(url, COUNT, "text/csv")
    assert body.split()[1] == before
    refused = invoke("query", INSERT, "--endpoint", url)
    assert refused.exit_code == 1 and "update" in refused.output


@pytest.mark.parametrize("problem", ["no store", "damaged store", "port in use", "bad host",
                                     "bad port"])
def test_start_up_mistakes_are_one_line_errors(store, tmp_path, problem):
    args = ["serve", store, "--port", str(free_port())]
    if problem == "no store":
        args[1] = tmp_path / "missing.db"
    elif problem == "damaged store":
        damaged = tmp_path / "damaged.db"
        damaged.mkdir()
        (damaged / "CURRENT").write_text("not a manifest\n")
        args[1] = damaged
    elif problem == "bad host":
        args += ["--host", "no-such-host.invalid"]
    elif problem == "bad port":
        args[3] = "70000"
    with socket.socket() as taken:
        if problem == "port in use":
            taken.bind((HOST, 0))
            taken.listen()
            args[3] = str(taken.getsockname()[1])
        result = invoke(*args)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:"), result.output
    assert {"no store": "kg load", "damaged store": "damaged", "port in use": "in use",
            "bad host": "no such host", "bad port": "1 to 65535"}[problem] in lines[0]


def test_unreachable_endpoint_is_a_one_line_error():
    result = invoke("query", "states", "--endpoint", f"http://{HOST}:{free_port()}/query")
    assert result.exit_code == 1
    assert "cannot reach the endpoint" in result.output and "Traceback" not in result.output


def test_an_endpoint_that_never_answers_is_stopped_by_the_time_limit():
    with socket.socket() as silent:   # accepts connections (the backlog) and never answers
        silent.bind((HOST, 0))
        silent.listen()
        url = f"http://{HOST}:{silent.getsockname()[1]}/query"
        result = invoke("query", "states", "--endpoint", url, "--timeout", "1")
    assert result.exit_code == 1, result.output
    assert f"stopped after 1 s: the answer of {url}" in result.output


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc (Linux)")
def test_kg_serve_says_so_when_the_server_dies(store):
    port = free_port()
    process = kg_serve(store, port)
    try:
        assert "SPARQL endpoint" in process.stderr.readline()
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        assert len(children) == 1
        os.kill(int(children[0]), signal.SIGKILL)   # as the kernel's out-of-memory killer does
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 1
    assert "the Oxigraph server stopped" in stderr and "Traceback" not in stderr


def test_the_time_limit_is_passed_to_oxigraph_in_whole_seconds(store):
    server = start_server(store, host=HOST, port=free_port(), timeout=2.5)
    try:
        assert server.process.args[-2:] == ["--timeout-s", "3"]
    finally:
        server.stop()
    unlimited = start_server(store, host=HOST, port=free_port(), timeout=0)
    try:
        assert "--timeout-s" not in unlimited.process.args
    finally:
        unlimited.stop()


def test_cross_origin_pages_may_query_only_with_cors(served, store):
    def allowed_origin(url: str) -> str | None:
        request = urllib.request.Request(f"{url}?query=ASK%7B%7D",
                                         headers={"Origin": "https://yasgui.triply.cc"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.headers.get("Access-Control-Allow-Origin")

    assert allowed_origin(served[0]) is None
    server = start_server(store, host=HOST, port=free_port(), cors=True)
    try:
        assert allowed_origin(server.url) == "*"
    finally:
        server.stop()


def test_a_server_that_fails_to_start_gives_its_error_in_one_line(store, tmp_path, monkeypatch):
    failing = tmp_path / "oxigraph"
    failing.write_text("#!/bin/sh\necho 'Error: the disk said no' >&2\n"
                       "echo 'Stack backtrace:' >&2\nexit 1\n")
    failing.chmod(0o755)
    monkeypatch.setattr("kg.serve.server_program", lambda: str(failing))
    with pytest.raises(ServeError) as caught:
        start_server(store, host=HOST, port=free_port())
    assert str(caught.value) == "the Oxigraph server did not start: the disk said no"


def test_a_server_of_another_release_series_is_refused(tmp_path):
    # A store written by pyoxigraph 0.5 must not be opened by an Oxigraph 0.4 server.
    fake = tmp_path / "oxigraph"
    fake.write_text("#!/bin/sh\necho 'oxigraph 0.4.11'\n")
    fake.chmod(0o755)
    with pytest.raises(ServeError, match="Oxigraph 0.4.11"):
        check_server_version(str(fake))
