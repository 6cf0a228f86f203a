"""Write a KnowledgeGraph as RDF: Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML.

What RDF keeps: every entity (type, label, aliases, kind, known attributes), every fact as a
direct triple plus one kg:Assertion per piece of evidence (document, offsets, sentence, rule,
confidence, claim), claims, mentions as NIF strings, documents with their full text, background
facts with their table, and the build (kg version, model). docs/rdf-model.md is the full account.

What it drops: unknown entity attributes, a document's local file path and body offset (not
portable, not provenance), and anything that points at an entity the graph does not describe —
facts (as KnowledgeGraph.to_networkx drops them, so every export holds the same facts), mentions
and claimants naming an unknown key — so nothing links to an IRI with no label or kind.

Output is deterministic, byte for byte in every format: IRIs come from keys or content hashes,
there are no blank nodes or timestamps, and what rdflib leaves in hash order is sorted here.
TriG and N-Quads put what is each document's alone (its description, mentions, claims and
assertions) in the named graph `{base}graph/{document id}`, and what holds whichever documents say
it (entities, the direct triples of facts, background facts, the build) in the default graph:
every triple is in exactly one graph, so a store's union of graphs counts each once.

Which quads a graph yields is decided once, in kg/export/rdf_terms.py. Turtle, JSON-LD and
RDF/XML go through an rdflib Dataset (`to_rdf`); N-Triples, N-Quads and TriG stream line by line
(kg/export/ntriples.py) and never build one, so they are the formats for large graphs. Turtle of
STREAMED_TURTLE_DOCUMENTS documents or more is streamed too, as N-Triples lines: valid Turtle,
less readable, written in seconds rather than minutes.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.serializers.jsonld import from_rdf as jsonld_from_rdf
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.errors import OutputError
from kg.export.files import atomic_open
from kg.export.rdf_literals import typed_date
from kg.export.rdf_terms import BuildInfo, check_base, digest, rdf_chunks
from kg.model import KnowledgeGraph
from kg.vocab import DATA_BASE, prefixes

__all__ = ["RDF_FORMATS", "DATASET_FORMATS", "BuildInfo", "check_base", "digest", "rdf_format",
           "serialize", "to_rdf", "typed_date", "write_rdf"]

RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
               ".jsonld": "json-ld", ".rdf": "xml"}
# Formats that keep named graphs; the others get one graph holding everything.
DATASET_FORMATS = frozenset({"trig", "nquads"})
# Line-based formats, written by streaming (kg/export/ntriples.py) rather than through rdflib.
STREAMED_FORMATS = frozenset({"nt", "nquads", "trig"})
# From this many documents on, Turtle is written as N-Triples lines (which are Turtle too) by the
# same streaming writer: rdflib's Turtle serializer slows down more than linearly (18 s for 100
# news articles, 10 minutes for 1,000, on our 2-core machine), the streaming writer does not.
STREAMED_TURTLE_DOCUMENTS = 200
# Written by kg.export's other modules; named here only so the error lists every extension.
_OTHER_EXTENSIONS = (".graphml", ".gexf")


def rdf_format(path: str | Path) -> str:
    """The rdflib format name for a file name's extension; OutputError when it has none."""
    suffix = Path(path).suffix.lower()
    if suffix in RDF_FORMATS:
        return RDF_FORMATS[suffix]
    known = ", ".join(sorted((*RDF_FORMATS, *_OTHER_EXTENSIONS)))
    shown = f"'{suffix}'" if suffix else "no extension"
    raise OutputError(f"cannot write {path}: {shown} is not a format kg writes; "
                      f"use one of these extensions: {known}")


def write_rdf(graph: KnowledgeGraph, path: str | Path, *, base: str = DATA_BASE,
              build_info: BuildInfo, processes: int = 1) -> None:
    """Write `graph` to `path` in the RDF format its extension names (see RDF_FORMATS); the
    line formats (N-Triples, N-Quads) with up to `processes` processes."""
    fmt = rdf_format(path)
    streamed_turtle = fmt == "turtle" and len(graph.documents) >= STREAMED_TURTLE_DOCUMENTS
    if fmt in STREAMED_FORMATS or streamed_turtle:
        from kg.export.ntriples import write_ntriples

        write_ntriples(graph, path, base=base, build_info=build_info, quads=fmt == "nquads",
                       trig=fmt == "trig", processes=processes)
        return
    dataset = to_rdf(graph, base=base, build_info=build_info,
                     named_graphs=fmt in DATASET_FORMATS)
    text = serialize(dataset, fmt, base=base)
    with atomic_open(path, "w") as out:
        out.write(text)


def serialize(dataset: Dataset, fmt: str, *, base: str = DATA_BASE) -> str:
    """Serialise a dataset made by to_rdf: the same triples give the same bytes in every format.
    Single-graph formats get the default graph."""
    if fmt == "trig":
        return _serialize_trig(dataset)
    if fmt in ("nquads", "nt"):
        # rdflib writes lines in its store's hash order; sorted, they repeat.
        source = dataset if fmt == "nquads" else dataset.default_graph
        lines = source.serialize(format=fmt).splitlines()
        return "".join(sorted(line + "\n" for line in lines if line.strip()))
    if fmt == "turtle":  # rdflib sorts Turtle itself
        return dataset.default_graph.serialize(format=fmt)
    graph = _sorted_copy(dataset.default_graph, base)
    if fmt == "json-ld":
        return _serialize_jsonld(graph, base)
    return graph.serialize(format=fmt)


def _sorted_copy(graph: Graph, base: str) -> Graph:
    # rdflib's default store keeps triples in sets, so serialisers that do not sort (JSON-LD,
    # RDF/XML) would follow the hash seed; SimpleMemory keeps insertion order, which we sort.
    copy = Graph(store="SimpleMemory", bind_namespaces="core")
    for prefix, namespace in prefixes(base).items():
        copy.bind(prefix, namespace, override=True, replace=True)
    for triple in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        copy.add(triple)
    return copy


def _serialize_jsonld(graph: Graph, base: str) -> str:
    # An inline context, never a remote one: the file must read offline and forever. rdflib
    # collects nodes from a set, so we order them by @id ourselves.
    data = jsonld_from_rdf(graph, context_data=prefixes(base), auto_compact=True)
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: node.get("@id", ""))
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _serialize_trig(dataset: Dataset) -> str:
    serializer = TrigSerializer(dataset)
    # rdflib writes the graphs in its store's hash order; sorted, the bytes repeat.
    serializer.contexts.sort(key=lambda g: str(g.identifier))
    out = io.BytesIO()
    serializer.serialize(out, encoding="utf-8")
    return out.getvalue().decode("utf-8")


def to_rdf(graph: KnowledgeGraph, *, base: str = DATA_BASE, build_info: BuildInfo,
           named_graphs: bool = True) -> Dataset:
    """The graph as an RDF dataset.

    With `named_graphs`, each document's assertions, mentions, claims and its own description go
    into the named graph `{base}graph/{doc id}`; entities, the direct triples of facts,
    background facts and the build go into the default graph. Without, everything goes into the
    default graph. The quads come from `rdf_chunks`, as the streamed N-Triples do.
    """
    check_base(base)
    dataset = Dataset(default_union=True)  # SPARQL over it sees every graph
    for prefix, namespace in prefixes(base).items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    graphs: dict[URIRef | None, Graph] = {None: dataset.default_graph}
    for chunk in rdf_chunks(graph, base=base, build_info=build_info, named_graphs=named_graphs):
        for s, p, o, g in chunk:
            if g not in graphs:
                graphs[g] = dataset.graph(g)
            graphs[g].add((s, p, o))
    return dataset
