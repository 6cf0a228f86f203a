"""A query with a time limit runs in a child process (kg/time_limit.py) that gets the query
kg/query.py prepared: a forked child inherits it, a spawned one prepares it again from its text
(rdflib's algebra does not unpickle). Both give the rows the query gives in-process."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

import kg.time_limit
from kg.query import run_query

SELECT_ALL = "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o"


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("child") / "graph.nt"
    path.write_text("<http://example.org/treaty> <http://example.org/signedBy> \"Norway\" .\n"
                    "<http://example.org/treaty> <http://example.org/signedBy> \"Chile\" .\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("forked", [True, False], ids=["forked", "spawned"])
def test_child_gives_the_rows_of_the_query_in_process(graph, monkeypatch, forked):
    monkeypatch.setattr(kg.time_limit, "fork_is_safe", lambda: forked)
    in_process = run_query([graph], SELECT_ALL)
    in_child = run_query([graph], SELECT_ALL, timeout=math.inf)
    assert (in_child.columns, in_child.rows) == (in_process.columns, in_process.rows)
    assert in_child.columns == ["o", "p", "s"]   # SELECT *'s variables, sorted
    assert [row[0] for row in in_child.rows] == ["Chile", "Norway"]
