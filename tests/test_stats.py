"""Counts over exports: triples, instances per class, triples per predicate."""
from __future__ import annotations

from pathlib import Path

import rdflib

from kg.stats import graph_stats

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini_graph.ttl"
MINI_TRIG = DATA / "mini_graph.trig"


def test_counts_of_the_fixture():
    stats = graph_stats([MINI])
    assert stats.triples == len(rdflib.Graph().parse(MINI, format="turtle"))
    classes = dict(stats.classes)
    assert classes["kg:State"] == 3
    assert classes["kg:Agreement"] == 3
    assert classes["kg:Ministry"] == 1
    assert classes["nif:Phrase"] == 4
    relations = dict(stats.relations)
    assert relations["kg:party"] == 5
    assert relations["rdfs:label"] == 18
    assert relations["skos:altLabel"] == 8


def test_sorted_by_count_then_name():
    stats = graph_stats([MINI])
    for pairs in (stats.classes, stats.relations):
        assert pairs == sorted(pairs, key=lambda pair: (-pair[1], pair[0]))
    assert stats.relations[0] == ("rdf:type", 32)


def test_union_of_named_graphs_and_files_counts_each_triple_once():
    assert graph_stats([MINI_TRIG]) == graph_stats([MINI])
    # The same triples from two files are one graph's triples.
    assert graph_stats([MINI, MINI_TRIG]) == graph_stats([MINI])
