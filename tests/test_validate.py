"""SHACL validation of exports: the fixture conforms, broken graphs give readable violations."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KGError, QueryError

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini_graph.ttl"
MINI_TRIG = DATA / "mini_graph.trig"

try:
    from kg.ontology_files import shapes_path
    shapes_path()
    HAVE_SHAPES = True
except (ImportError, KGError):
    HAVE_SHAPES = False

pytestmark = pytest.mark.skipif(not HAVE_SHAPES, reason="ontology/shapes.ttl is not written yet")

BROKEN = """@base <https://w3id.org/diplograph/id/> .
@prefix kg: <https://w3id.org/diplograph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<state/AZE> a kg:State ; rdfs:label "Azerbaijan" ; kg:kind "state" ; kg:iso3 "az" .
<agreement/x> a kg:Agreement ; rdfs:label "x" ; kg:kind "agreement" ;
    kg:party <state/AZE> ; kg:status "signd" .
<person/p> a kg:Person ; rdfs:label "P" ; kg:kind "person" ; kg:holds <state/AZE> .
"""


def validate(paths):
    from kg.validate import validate_graph
    return validate_graph(paths)


def test_fixture_conforms():
    report = validate([MINI])
    assert report.conforms, report.violations
    assert report.violations == []


def test_named_graphs_are_validated_as_one_union():
    # The claim is in the named graph <doc/d1>, its claimant (which must be a kg:Person) in the
    # default graph: only their union shows the claimant's class.
    report = validate([MINI_TRIG])
    assert report.conforms, report.violations


def test_broken_graph_gives_readable_violations(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    report = validate([path])
    assert not report.conforms
    found = {(v.focus, v.path): v for v in report.violations}
    iso3 = found[("kgd:state/AZE", "kg:iso3")]
    assert iso3.severity == "Violation"
    assert iso3.value == "az"
    assert "ISO 3166" in iso3.message
    assert found[("kgd:agreement/x", "kg:status")].value == "signd"
    assert found[("kgd:person/p", "kg:holds")].value == "kgd:state/AZE"
    assert any("two kg:party" in v.message for v in report.violations
               if v.focus == "kgd:agreement/x")
    for violation in report.violations:
        assert violation.message and "\n" not in violation.message


def test_violations_are_sorted_and_distinct(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(BROKEN, encoding="utf-8")
    violations = validate([path, path]).violations  # the same file twice adds nothing
    keys = [(v.focus, v.path, v.message) for v in violations]
    assert keys == sorted(keys)
    assert len(set(violations)) == len(violations)


def test_unreadable_file_is_a_query_error(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(QueryError, match="graph.ttl: not valid Turtle"):
        validate([path])
