"""Streamed N-Triples / N-Quads (kg/export/ntriples.py): the same quads as `to_rdf`, each line
once, valid for strict parsers, the same bytes whatever the insertion or hash order, and no rdflib
graph built on the way."""
from __future__ import annotations

import os
import pickle
import random
import subprocess
import sys
import threading
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef

from kg.errors import OutputError
from kg.export import ntriples
from kg.export.ntriples import term_text, write_ntriples
from kg.export.rdf import BuildInfo, to_rdf, write_rdf
from kg.model import Document, Entity, Evidence, Fact, KnowledgeGraph, Mention

ROOT = Path(__file__).resolve().parents[1]
BUILD = BuildInfo(kg_version="0.1.0", model_name="en_core_web_sm", model_version="3.8.0")


@pytest.fixture(scope="module")
def examples(examples_graph) -> tuple[KnowledgeGraph, BuildInfo]:
    """The graph of examples/ (built once per session, tests/conftest.py)."""
    return examples_graph.graph, examples_graph.build_info


def _quads(dataset: rdflib.Dataset) -> set[tuple]:
    return set(dataset.quads((None, None, None, None)))


def _parsed(path: Path, fmt: str) -> set[tuple]:
    dataset = rdflib.Dataset()
    dataset.parse(str(path), format=fmt)
    return _quads(dataset)


@pytest.mark.parametrize("ext,fmt,named", [(".nt", "nt", False), (".nq", "nquads", True)])
def test_streamed_export_holds_exactly_the_quads_of_to_rdf(examples, tmp_path, ext, fmt, named):
    graph, info = examples
    path = tmp_path / f"g{ext}"
    write_rdf(graph, path, build_info=info)
    expected = _quads(to_rdf(graph, build_info=info, named_graphs=named))
    lines = path.read_text(encoding="utf-8").splitlines()
    # No blank nodes anywhere, so equal quad sets are isomorphic graphs.
    assert not any(isinstance(term, BNode) for quad in expected for term in quad)
    parsed = _parsed(path, fmt)
    assert parsed == expected
    assert len(lines) == len(set(lines)) == len(expected), "a quad was written twice"
    graphs = {g for *_, g in parsed} - {rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
    assert len(graphs) == (len(graph.documents) if named else 0)


def test_strict_parser_reads_every_line(examples, tmp_path):
    graph, info = examples
    path = tmp_path / "g.nq"
    write_rdf(graph, path, build_info=info)
    quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(path.read_text(encoding="utf-8").splitlines())


def _shuffled(graph: KnowledgeGraph, seed: int) -> KnowledgeGraph:
    """The same graph with every dict and list in another insertion order."""
    rng = random.Random(seed)

    def shuffled(items: list) -> list:
        return rng.sample(items, len(items))

    copy = pickle.loads(pickle.dumps(graph))
    copy.entities = dict(shuffled(list(copy.entities.items())))
    copy.facts = {f: shuffled(ev) for f, ev in shuffled(list(copy.facts.items()))}
    copy.background = dict(shuffled(list(copy.background.items())))
    copy.documents = dict(shuffled(list(copy.documents.items())))
    copy.mentions = shuffled(copy.mentions)
    copy.claims = shuffled(copy.claims)
    return copy


@pytest.mark.parametrize("ext", [".nt", ".nq"])
def test_bytes_follow_the_graph_not_its_insertion_order(examples, tmp_path, ext):
    graph, info = examples
    first, second = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
    write_rdf(graph, first, build_info=info)
    write_rdf(_shuffled(graph, seed=7), second, build_info=info)
    assert first.read_bytes() == second.read_bytes()


def test_bytes_are_identical_across_processes_and_hash_seeds(examples, tmp_path):
    graph, info = examples
    pickled = tmp_path / "graph.pickle"
    pickled.write_bytes(pickle.dumps((graph, info)))
    code = ("import pickle, sys\n"
            "from kg.export.rdf import write_rdf\n"
            "graph, info = pickle.load(open(sys.argv[1], 'rb'))\n"
            "for ext in ('.nt', '.nq'):\n"
            "    write_rdf(graph, sys.argv[2] + '/g' + ext, build_info=info)\n")
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / seed
        folder.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-c", code, str(pickled), str(folder)], check=True,
                       env=env)
        outputs.append({p.name: p.read_bytes() for p in folder.iterdir()})
    assert outputs[0].keys() == {"g.nt", "g.nq"}
    assert outputs[0] == outputs[1]


def test_streaming_builds_no_rdflib_graph(examples, tmp_path, monkeypatch):
    graph, info = examples

    def refuse(*args, **kwargs):
        raise AssertionError("an rdflib graph was built")

    monkeypatch.setattr(rdflib.Graph, "add", refuse)
    write_rdf(graph, tmp_path / "g.nt", build_info=info)
    write_rdf(graph, tmp_path / "g.nq", build_info=info)
    with pytest.raises(AssertionError):  # the patch bites: Turtle goes through rdflib
        write_rdf(graph, tmp_path / "g.ttl", build_info=info)


AWKWARD = ('Line one "quoted" \\ back\\slash\nline two\r\nTab\there; ünïcødé, emoji 🕊, '
           'a triple quote """ and an end quote"')


def _awkward_graph() -> KnowledgeGraph:
    graph = KnowledgeGraph()
    graph.documents["odd id ü"] = Document("odd id ü", AWKWARD, title='A "title"\n2nd line')
    graph.entities["state/AZE"] = Entity("state/AZE", "state", 'Azer"baijan\\',
                                         aliases={"line\nbreak"}, attributes={"iso3": "AZE"})
    graph.mentions.append(Mention("state/AZE", "odd id ü", 0, 4, AWKWARD[:4]))
    return graph


@pytest.mark.parametrize("ext,fmt,ox_format", [(".nt", "nt", ox.RdfFormat.N_TRIPLES),
                                               (".nq", "nquads", ox.RdfFormat.N_QUADS)])
def test_awkward_text_is_escaped_and_reads_back_exactly(tmp_path, ext, fmt, ox_format):
    graph = _awkward_graph()
    path = tmp_path / f"g{ext}"
    write_rdf(graph, path, build_info=BUILD)
    assert _parsed(path, fmt) == _quads(to_rdf(graph, build_info=BUILD, named_graphs=ext == ".nq"))
    texts = {q.object.value for q in ox.parse(path=str(path), format=ox_format)
             if isinstance(q.object, ox.Literal)}
    assert {AWKWARD, 'A "title"\n2nd line', 'Azer"baijan\\', "line\nbreak"} <= texts
    assert all(line.endswith(" .") for line in path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("ext,fmt", [(".nt", "nt"), (".nq", "nquads")])
@pytest.mark.parametrize("evidence", [0, 1, 2])
def test_a_fact_both_extracted_and_from_the_tables_is_one_line(tmp_path, ext, fmt, evidence):
    graph = KnowledgeGraph()
    text = "Baku, Azerbaijan. Baku lies in Azerbaijan."
    graph.documents["d"] = Document("d", text)
    graph.entities["state/AZE"] = Entity("state/AZE", "state", "Azerbaijan")
    graph.entities["place/AZE/baku"] = Entity("place/AZE/baku", "place", "Baku")
    fact = Fact("place/AZE/baku", "locatedIn", "state/AZE")
    graph.facts[fact] = [Evidence("d", b, b + 4, 0, len(text), "r", 0.9)
                         for b in (0, 18)][:evidence]  # 0, 1 or 2 statements in one document
    graph.add_background(fact, "places")
    path = tmp_path / f"g{ext}"
    write_rdf(graph, path, build_info=BUILD)
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = _quads(to_rdf(graph, build_info=BUILD, named_graphs=ext == ".nq"))
    assert _parsed(path, fmt) == expected
    assert len(lines) == len(set(lines)) == len(expected)


def test_term_text_is_n_triples_syntax():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert term_text(URIRef("https://a.example/x")) == "<https://a.example/x>"
    assert term_text(Literal("a\nb")) == '"a\\nb"'  # n3() would give """a\nb""": Turtle only
    assert term_text(Literal("hi", lang="en")) == '"hi"@en'
    assert term_text(Literal("5", datatype=URIRef(xsd + "integer"))) == f'"5"^^<{xsd}integer>'
    with pytest.raises(OutputError):
        term_text(BNode("b0"))


@pytest.mark.parametrize("processes", [1, 2])
def test_an_iri_no_parser_accepts_is_refused(tmp_path, monkeypatch, processes):
    monkeypatch.setattr(ntriples, "_BLOCK", 2)   # several blocks, so processes are used
    with pytest.raises(OutputError, match="IRI"):
        write_ntriples(_awkward_graph(), tmp_path / "g.nt", base="https://a.example/sp ace/",
                       build_info=BUILD, processes=processes)
    assert not list(tmp_path.iterdir()), "a refused export left a file behind"


# --- several processes write one export ----------------------------------------------------------

@pytest.fixture
def used_processes(monkeypatch) -> list[int]:
    """Small blocks, and a record of every export written by forked processes."""
    calls: list[int] = []
    original = ntriples._write_in_processes

    def spy(plan, render, blocks, processes, out, folder):
        calls.append(len(blocks))
        original(plan, render, blocks, processes, out, folder)

    monkeypatch.setattr(ntriples, "_BLOCK", 7)
    monkeypatch.setattr(ntriples, "_write_in_processes", spy)
    return calls


# Run in a process of its own: earlier tests (a Dask cluster's) may leave threads running in
# this one, and then the writer rightly works alone.
WRITE_WITH_PROCESSES = """
import pickle, sys
from pathlib import Path
from kg.export import ntriples
graph, info = pickle.load(open(sys.argv[1], "rb"))
folder, calls = Path(sys.argv[2]), []
original = ntriples._write_in_processes
def spy(plan, render, blocks, processes, out, where):
    calls.append(len(blocks))
    original(plan, render, blocks, processes, out, where)
ntriples._BLOCK = 7
ntriples._write_in_processes = spy
for ext, quads in ((".nt", False), (".nq", True)):
    ntriples.write_ntriples(graph, folder / ("one" + ext), build_info=info, quads=quads)
    ntriples.write_ntriples(graph, folder / ("two" + ext), build_info=info, quads=quads,
                            processes=2)
print(*calls)
"""


def test_processes_write_the_same_bytes_as_one(examples, tmp_path):
    pickled = tmp_path / "graph.pickle"
    pickled.write_bytes(pickle.dumps(examples))
    out = tmp_path / "out"
    out.mkdir()
    run = subprocess.run([sys.executable, "-c", WRITE_WITH_PROCESSES, str(pickled), str(out)],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    calls = [int(n) for n in run.stdout.split()]   # blocks of each export written by processes
    assert len(calls) == 2 and all(blocks > 2 for blocks in calls), \
        "the forked processes were not used"
    for ext in (".nt", ".nq"):
        assert (out / f"one{ext}").read_bytes() == (out / f"two{ext}").read_bytes()
    assert sorted(p.name for p in out.iterdir()) == ["one.nq", "one.nt", "two.nq", "two.nt"], \
        "the processes' block files were left behind"


def test_a_process_with_threads_writes_alone(examples, tmp_path, used_processes):
    # Forking a process that runs threads is unsafe: one may hold a lock the child then needs.
    graph, info = examples
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        write_ntriples(graph, tmp_path / "threaded.nt", build_info=info, processes=2)
    finally:
        stop.set()
        thread.join()
    assert used_processes == []
    write_ntriples(graph, tmp_path / "alone.nt", build_info=info)
    assert (tmp_path / "threaded.nt").read_bytes() == (tmp_path / "alone.nt").read_bytes()


def test_turtle_of_many_documents_is_streamed_as_lines_that_are_turtle(examples, tmp_path,
                                                                      monkeypatch):
    from kg.export import rdf

    graph, info = examples
    pretty, lines = tmp_path / "pretty.ttl", tmp_path / "lines.ttl"
    write_rdf(graph, pretty, build_info=info)
    monkeypatch.setattr(rdf, "STREAMED_TURTLE_DOCUMENTS", len(graph.documents))
    write_rdf(graph, lines, build_info=info)
    assert pretty.read_text(encoding="utf-8").startswith("@prefix")
    text = lines.read_text(encoding="utf-8")
    assert text.startswith("<") and all(line.endswith(" .") for line in text.splitlines())
    assert _parsed(lines, "turtle") == _parsed(pretty, "turtle")
    write_rdf(graph, tmp_path / "g.nt", build_info=info)
    assert text == (tmp_path / "g.nt").read_text(encoding="utf-8")   # the same writer
