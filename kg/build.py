"""`kg build`: documents → extractions → one KnowledgeGraph → exports.

The library function behind the CLI command; it reports progress and skipped files through
callbacks and never prints.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from kg import __version__
from kg.background import add_background_facts
from kg.documents import read_documents
from kg.errors import InputError, KGError
from kg.export import check_output_paths, remove_empty_folders, write_export
from kg.export.rdf import BuildInfo, check_base
from kg.model import Document, DocumentExtraction, KnowledgeGraph
from kg.nlp.extract import extract
from kg.nlp.gazetteer import default_gazetteer
from kg.nlp.pipeline import load_pipeline
from kg.vocab import DATA_BASE

DEFAULT_OUTPUTS = ("exports/graph.ttl", "exports/graph.graphml", "exports/graph.gexf")
BATCH_SIZE = 32


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    build_info: BuildInfo
    built: int = 0
    skipped: list[InputError] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


class NothingToBuild(KGError):
    """Every input was unreadable: nothing is written."""


def extract_documents(documents: Iterable[Document], nlp,
                      on_document: Callable[[Document], None] | None = None,
                      ) -> Iterator[DocumentExtraction]:
    """Run the pipeline over documents in batches and our rules over each Doc."""
    gazetteer = default_gazetteer()
    stream = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
        yield extract(doc, document, gazetteer)
        if on_document is not None:
            on_document(document)


def build_graph(inputs: Sequence[str], *, model: str | None = None, strict: bool = False,
                on_skip: Callable[[InputError], None] | None = None,
                on_document: Callable[[Document], None] | None = None,
                on_total: Callable[[int], None] | None = None) -> BuildResult:
    """Read every input, extract, merge into one graph. Raises InputError for the first bad input
    (strict) or for the only one (when nothing else was given), NothingToBuild when no document
    could be read."""
    skipped: list[InputError] = []
    documents = list(read_documents(inputs, strict=strict, on_skip=skipped.append))
    if not documents and len(skipped) == 1:
        raise skipped[0]  # one bad input: its own message, not "skipped" and then "nothing"
    if on_skip is not None:
        for error in skipped:  # reading is quick; the slow part (the model) comes after
            on_skip(error)
    if not documents:
        raise NothingToBuild("nothing to build: no readable document in "
                             + ", ".join(str(i) for i in inputs))
    if on_total is not None:
        on_total(len(documents))
    nlp, info = load_pipeline(model)
    graph = KnowledgeGraph()
    for extraction in extract_documents(documents, nlp, on_document):
        graph.add_extraction(extraction)
    add_background_facts(graph, default_gazetteer())
    build_info = BuildInfo(kg_version=__version__, model_name=info.name, model_version=info.version)
    return BuildResult(graph, build_info, built=len(documents), skipped=skipped)


def build(inputs: Sequence[str], outputs: Sequence[str] = DEFAULT_OUTPUTS, *,
          model: str | None = None, base: str = DATA_BASE, strict: bool = False,
          on_skip: Callable[[InputError], None] | None = None,
          on_document: Callable[[Document], None] | None = None,
          on_total: Callable[[int], None] | None = None) -> BuildResult:
    """Build the graph of `inputs` and write every output (format by extension), atomically."""
    created: list[Path] = []
    try:
        paths = check_output_paths(outputs, created)  # fail before the slow part on a bad -o
        result = build_graph(inputs, model=model, strict=strict, on_skip=on_skip,
                             on_document=on_document, on_total=on_total)
        for path in paths:
            write_export(result.graph, path, base=base, build_info=result.build_info)
            result.outputs.append(path)
    except BaseException:
        remove_empty_folders(created)  # a failed build leaves no trace, not even a folder
        raise
    return result
