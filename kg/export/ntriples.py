"""N-Triples, N-Quads and TriG, streamed: a KnowledgeGraph to lines without an rdflib graph in
memory.

Keeps exactly what the other RDF formats keep (the quads come from kg/export/rdf_terms.py, the
same generator `to_rdf` uses); N-Triples puts them all in one graph, N-Quads and TriG keep each
document's named graph. Drops nothing else: no prefixes are needed in a line format.

TriG is written as N-Triples lines (which are TriG triples of the default graph), a chunk's
lines of a named graph wrapped in `<graph> { … }`. A graph's triples thus come in several blocks,
which TriG merges. rdflib's TriG writer, laid out for reading, took 259 s for 400 news articles
that take 3 s as N-Quads.

Memory: besides the KnowledgeGraph itself and the sorted lists of its parts, one block of
chunks (an entity, a fact with its assertions, a document, …) at a time per process.
Determinism comes from the chunks' sorted order (kg.export.rdf_terms.ChunkPlan) plus sorting the
lines within each chunk, so the file is byte-identical for the same graph, and each line is unique
because no quad is in two chunks. The file is not sorted as a whole (that would need the whole
graph): `sort -u` on two exports gives the same bytes when the graphs are the same.

Terms are written in RDF 1.1 N-Triples syntax, UTF-8. In a literal only `"`, `\\`, line feed and
carriage return must be escaped (rdflib's `Literal.n3()` would write a triple-quoted Turtle
string for text with newlines, which is not N-Triples, hence the writer here).
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import IO, Callable

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import OutputError
from kg.export.files import BLOCKS_PREFIX, atomic_open
from kg.export.rdf_terms import BuildInfo, ChunkPlan, Quad
from kg.model import KnowledgeGraph
from kg.processes import fork_is_safe, ignore_interrupts
from kg.vocab import DATA_BASE

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# Characters N-Triples' IRIREF production forbids; kg's own IRIs are percent-encoded, so one of
# these means a bug or a bad --base, and a line a parser rejects must never be written.
_IRI_FORBIDDEN = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def write_ntriples(graph: KnowledgeGraph, path: str | Path, *, base: str = DATA_BASE,
                   build_info: BuildInfo, quads: bool = False, trig: bool = False,
                   processes: int = 1) -> None:
    """Write `graph` as N-Triples (or, with `quads`, N-Quads with the documents' named graphs;
    with `trig`, TriG with them) to `path`, atomically, one chunk of quads at a time; with
    `processes` > 1, that many forked processes make and render the chunks, block by block, and
    this one joins their blocks in order (the same bytes)."""
    plan = ChunkPlan(graph, base=base, build_info=build_info, named_graphs=quads or trig)
    render = _render_trig if trig else _render
    total = len(plan)
    blocks = [(start, min(start + _BLOCK, total)) for start in range(0, total, _BLOCK)]
    with atomic_open(path, "wb") as out:
        if processes < 2 or len(blocks) < 2 or not fork_is_safe():
            # Elsewhere (macOS, Windows, a process running threads such as a Dask client) this
            # process writes alone.
            for start, stop in blocks:
                out.write(render(plan, start, stop).encode("utf-8"))
        else:
            _write_in_processes(plan, render, blocks, processes, out, Path(path).parent)


# Chunks per block handed to a process: about a megabyte of lines, so a large graph's blocks
# spread evenly over the processes and each costs little to hand over.
_BLOCK = 1000
# what forked processes render, and how (they inherit it)
_plan_to_render: tuple[ChunkPlan, Callable[[ChunkPlan, int, int], str]] | None = None


def _write_in_processes(plan: ChunkPlan, render: Callable[[ChunkPlan, int, int], str],
                        blocks: list[tuple[int, int]], processes: int, out: IO[bytes],
                        folder: Path) -> None:
    """Each process writes the blocks it rendered to files of their own beside the export (a
    file copy is cheaper than sending the text through a pipe); this one appends them in order."""
    global _plan_to_render
    _plan_to_render = (plan, render)
    # Frozen, the graph's objects are left alone by the children's garbage collector, which
    # would otherwise touch, and so copy, every page of them.
    gc.freeze()
    try:
        with tempfile.TemporaryDirectory(prefix=f"{BLOCKS_PREFIX}{os.getpid()}-",
                                         dir=folder) as parts, \
                multiprocessing.get_context("fork").Pool(
                    processes, initializer=ignore_interrupts) as pool:
            tasks = [(start, stop, os.path.join(parts, f"{start}.nt")) for start, stop in blocks]
            for part in pool.imap(_render_block_to, tasks):
                with open(part, "rb") as rendered:
                    shutil.copyfileobj(rendered, out)
                os.unlink(part)
    finally:
        gc.unfreeze()
        _plan_to_render = None


def _render_block_to(task: tuple[int, int, str]) -> str:
    start, stop, part = task
    assert _plan_to_render is not None, "only forked processes render blocks"
    plan, render = _plan_to_render
    with open(part, "wb") as out:
        out.write(render(plan, start, stop).encode("utf-8"))
    return part


def _render(plan: ChunkPlan, start: int, stop: int) -> str:
    # A set: a fact stated twice in one document gives one line.
    return "".join("".join(sorted({quad_line(quad) for quad in chunk}))
                   for chunk in plan.chunks(start, stop))


def _render_trig(plan: ChunkPlan, start: int, stop: int) -> str:
    """Each chunk's default-graph triples as lines, then each of its named graphs' as a block."""
    parts: list[str] = []
    for chunk in plan.chunks(start, stop):
        by_graph: dict[str, set[str]] = {}
        for s, p, o, g in chunk:
            by_graph.setdefault("" if g is None else _iri(g), set()).add(quad_line((s, p, o, None)))
        for graph in sorted(by_graph):
            lines = "".join(sorted(by_graph[graph]))
            parts.append(f"{graph} {{\n{lines}}}\n" if graph else lines)
    return "".join(parts)


def quad_line(quad: Quad) -> str:
    """One N-Quads line (an N-Triples line when the quad is in the default graph)."""
    s, p, o, g = quad
    obj = _iri(o) if type(o) is URIRef else term_text(o)   # the common case first: it is cheap
    if g is None:
        return f"{_iri(s)} {_iri(p)} {obj} .\n"
    return f"{_iri(s)} {_iri(p)} {obj} {_iri(g)} .\n"


def term_text(term: Node) -> str:
    """A term in N-Triples syntax: <iri> or "lexical form" with its language or datatype."""
    if isinstance(term, Literal):
        text = str(term)
        # Most literals hold none of the four characters; scanning for them is cheaper than
        # translating every character.
        if '"' in text or "\\" in text or "\n" in text or "\r" in text:
            text = text.translate(_ESCAPES)
        if term.language:
            return f'"{text}"@{term.language}'
        datatype = term.datatype
        return f'"{text}"^^{_iri(datatype)}' if datatype is not None else f'"{text}"'
    if isinstance(term, URIRef):
        return _iri(term)
    raise OutputError(f"cannot write {term!r} in N-Triples: kg's exports have no blank nodes")


# Predicates and datatypes repeat on every line, a subject on every line of its chunk, entities
# and graphs in many chunks.
@lru_cache(maxsize=1 << 14)
def _iri(iri: URIRef) -> str:
    if _IRI_FORBIDDEN.search(iri):
        raise OutputError(f"cannot write the IRI {str(iri)!r}: it holds a character IRIs may not "
                          "(a space, <, >, \", {, }, |, ^, ` or \\); check --base")
    return f"<{iri}>"
