"""The committed exports (exports/) are what the README's main command makes from examples/ today,
and they conform to kg's SHACL shapes. (That the GraphML and GEXF follow Gephi's import rules, and
the GEXF is valid GEXF 1.3, is tests/test_gephi_rules.py's part.)

When this fails after a change to extraction or to an exporter, rebuild and commit the exports:
  kg build examples/ -o exports/graph.ttl -o exports/graph.graphml -o exports/graph.gexf
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.build import build
from kg.export.gexf import read_gexf
from kg.export.graphml import read_graphml
from kg.validate import validate_graph

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
EXPORTS = ROOT / "exports"
REBUILD = "run: kg build examples/ -o exports/graph.ttl -o exports/graph.graphml -o exports/graph.gexf"
EXTENSIONS = (".ttl", ".graphml", ".gexf")
SHOWN = 5  # differences listed in a failure message


def committed(extension: str) -> Path:
    """exports/graph{extension}; fails (not skips) when it is missing: the exports are part of
    the project and the README points at them."""
    path = EXPORTS / f"graph{extension}"
    if not path.is_file() or path.stat().st_size == 0:
        pytest.fail(f"{path.relative_to(ROOT)} is missing or empty; {REBUILD}")
    return path


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> dict[str, Path]:
    """examples/ built now, in the three committed formats."""
    folder = tmp_path_factory.mktemp("fresh")
    paths = {ext: folder / f"graph{ext}" for ext in EXTENSIONS}
    result = build([str(EXAMPLES)], [str(p) for p in paths.values()])
    assert not result.skipped, f"examples/ has unreadable inputs: {result.skipped}"
    return paths


def _some(items) -> str:
    if not items:
        return "none"
    items = sorted(items, key=str)
    more = f" … and {len(items) - SHOWN} more" if len(items) > SHOWN else ""
    return ", ".join(str(i) for i in items[:SHOWN]) + more


def assert_same_property_graph(old: nx.MultiDiGraph, new: nx.MultiDiGraph, what: str) -> None:
    """Same nodes with the same attributes, same edges (by key) with the same attributes."""
    problems = []
    if set(old.nodes) != set(new.nodes):
        problems.append(f"nodes only in the committed {what}: {_some(set(old) - set(new))}; "
                        f"only in a fresh build: {_some(set(new) - set(old))}")
    changed = [n for n in set(old) & set(new) if old.nodes[n] != new.nodes[n]]
    if changed:
        n = sorted(changed)[0]
        problems.append(f"{len(changed)} node(s) with other attributes, e.g. {n}: "
                        f"committed {old.nodes[n]} vs fresh {new.nodes[n]}")
    old_edges = {(u, v, k): d for u, v, k, d in old.edges(keys=True, data=True)}
    new_edges = {(u, v, k): d for u, v, k, d in new.edges(keys=True, data=True)}
    assert len(old_edges) == old.number_of_edges() and len(new_edges) == new.number_of_edges()
    if set(old_edges) != set(new_edges):
        problems.append(f"edges only in the committed {what}: "
                        f"{_some(set(old_edges) - set(new_edges))}; only in a fresh build: "
                        f"{_some(set(new_edges) - set(old_edges))}")
    changed_edges = [e for e in set(old_edges) & set(new_edges) if old_edges[e] != new_edges[e]]
    if changed_edges:
        e = sorted(changed_edges)[0]
        problems.append(f"{len(changed_edges)} edge(s) with other attributes, e.g. {e}: "
                        f"committed {old_edges[e]} vs fresh {new_edges[e]}")
    if old.graph != new.graph:
        problems.append(f"graph attributes differ: committed {old.graph} vs fresh {new.graph}")
    assert not problems, f"exports/graph.{what} is out of date ({REBUILD}):\n" + "\n".join(problems)


def test_committed_turtle_is_a_fresh_build_of_the_examples(fresh: dict[str, Path]) -> None:
    old = rdflib.Graph().parse(committed(".ttl"), format="turtle")
    new = rdflib.Graph().parse(fresh[".ttl"], format="turtle")
    if isomorphic(old, new):
        return
    _, only_old, only_new = graph_diff(to_isomorphic(old), to_isomorphic(new))
    only_old, only_new = ({" ".join(t.n3() for t in triple) for triple in g}
                          for g in (only_old, only_new))
    pytest.fail(f"exports/graph.ttl is out of date ({REBUILD}): {len(only_old)} triple(s) only in "
                f"the committed file, e.g. {_some(only_old)}; {len(only_new)} only in a fresh "
                f"build, e.g. {_some(only_new)}")


def test_committed_graphml_is_a_fresh_build_of_the_examples(fresh: dict[str, Path]) -> None:
    old = read_graphml(committed(".graphml"))
    new = read_graphml(fresh[".graphml"])
    assert new.number_of_nodes() > 0
    assert_same_property_graph(old, new, "graphml")


def test_committed_gexf_is_a_fresh_build_of_the_examples(fresh: dict[str, Path]) -> None:
    old = read_gexf(committed(".gexf"))
    new = read_gexf(fresh[".gexf"])
    assert new.number_of_nodes() > 0
    assert_same_property_graph(old, new, "gexf")


def test_committed_turtle_conforms_to_the_shapes() -> None:
    report = validate_graph([committed(".ttl")])
    violations = [v for v in report.violations if v.severity == "Violation"]
    assert report.conforms, (f"exports/graph.ttl breaks {len(violations)} shape(s): "
                             + "; ".join(f"{v.focus} {v.path}: {v.message}"
                                         for v in violations[:SHOWN]))
