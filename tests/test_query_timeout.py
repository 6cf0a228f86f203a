"""`kg query --timeout SECONDS`, over files and over a store, and Ctrl-C with `--store`
(kg/time_limit.py): a query that would run for hours ends with a one-line error, the process that
ran it is gone, and a query that finishes gives the rows it gives without a limit."""
from __future__ import annotations

import functools
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.query import run_query
from kg.store import load_store, query_store
from kg.time_limit import run_with_time_limit

# Every triple with every triple with every triple: 300³ rows to count, hours for rdflib.
PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
STOPPED = "kg: error: stopped after 1 s: "


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("timeout") / "graph.nt"
    path.write_text("".join(f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n"
                            for i in range(300)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(graph) -> Path:
    folder = graph.parent / "store"
    load_store([graph], folder)
    return folder


def test_a_query_over_files_stops_at_the_time_limit(graph):
    result = CliRunner().invoke(app, ["query", str(graph), PRODUCT, "--timeout", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith(STOPPED + "reading the graphs and running the query had "
                                    "not finished; ")
    assert result.stderr.count("\n") == 1 and result.stdout == ""
    assert multiprocessing.active_children() == []


def test_a_query_over_a_store_stops_at_the_time_limit(store):
    result = CliRunner().invoke(app, ["query", "--store", str(store), PRODUCT, "--timeout", "1"])
    assert result.exit_code == 1
    assert result.stderr.startswith(STOPPED + "the query had not finished; narrow the query")
    assert multiprocessing.active_children() == []


def test_a_query_that_finishes_gives_the_same_rows_with_a_limit(graph, store):
    query = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3"
    assert run_query([graph], query, timeout=60) == run_query([graph], query)
    assert query_store(store, query, timeout=60) == query_store(store, query)
    result = CliRunner().invoke(app, ["query", str(graph), "ASK { ?s ?p ?o }", "--timeout", "0",
                                      "--format", "csv"])
    assert (result.exit_code, result.stdout) == (0, "ask\ntrue\n")


def test_errors_in_the_query_process_come_back_as_they_are(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<http://example.org/a> <http://example.org/b> .\n", encoding="utf-8")
    with pytest.raises(QueryError) as in_process:
        run_query([broken], "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError) as limited:
        run_query([broken], "ASK { ?s ?p ?o }", timeout=60)
    assert str(limited.value) == str(in_process.value)
    with pytest.raises(QueryError, match="no kg store there"):
        query_store(tmp_path / "nothing", "ASK { ?s ?p ?o }", timeout=60)


def test_a_negative_time_limit_is_a_usage_error(graph):
    result = CliRunner().invoke(app, ["query", str(graph), "ASK { ?s ?p ?o }", "--timeout", "-1"])
    assert result.exit_code == 2


def test_the_process_is_killed_at_the_deadline_and_a_dead_one_is_reported():
    with pytest.raises(QueryError, match="^stopped after 0.5 s: the sleep had not finished"):
        run_with_time_limit(functools.partial(time.sleep, 600), 0.5, "the sleep")
    assert multiprocessing.active_children() == []
    with pytest.raises(QueryError, match=r"its process exited with code 3\)"):
        run_with_time_limit(functools.partial(os._exit, 3), 60)


def test_ctrl_c_stops_a_store_query(store):
    """Oxigraph runs the query in Rust with the GIL released, where Python never acts on a
    signal; Ctrl-C used to wait for the query to end."""
    command = [sys.executable, "-m", "kg.cli", "query", "--store", str(store), PRODUCT]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    children = _children_once_started(process.pid)
    time.sleep(0.5)  # well into the query
    process.send_signal(signal.SIGINT)
    try:
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert (process.returncode, stderr) == (130, "kg: error: interrupted\n")
    time.sleep(0.2)
    assert children and not any(Path(f"/proc/{pid}").exists() for pid in children)


def test_killing_kg_query_kills_its_query(store):
    command = [sys.executable, "-m", "kg.cli", "query", "--store", str(store), PRODUCT]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = _children_once_started(process.pid)
    process.kill()
    process.wait()
    for _ in range(100):  # the kernel kills the orphan at once; allow for a loaded machine
        if not any(Path(f"/proc/{pid}").exists() for pid in children):
            break
        time.sleep(0.1)
    assert children and not any(Path(f"/proc/{pid}").exists() for pid in children)


def _children_once_started(pid: int) -> list[str]:
    """The processes `pid` has started (the query's), waiting up to 30 s for the first."""
    children_file = Path(f"/proc/{pid}/task/{pid}/children")
    for _ in range(300):
        children = children_file.read_text().split() if children_file.exists() else []
        if children:
            return children
        time.sleep(0.1)
    return []
