"""kg's answers for gold documents, in process: one model load for the whole gold file.

For each document (read by kg.documents.text_document, as a .txt file is read) this makes the
graph `kg build DOC.txt -o DOC.ttl` would export (same extraction, same background facts, same
RDF) and runs the named queries `kg query DOC.ttl NAME` would run, so `kg eval` measures what the
CLI gives. Only the process boundary is skipped.
"""
from __future__ import annotations

from typing import Iterable

from kg import __version__
from kg.build import assemble_graph, extract_documents
from kg.evaluate.fields import Row, SystemRows
from kg.evaluate.gold import FIELDS
from kg.export.rdf import BuildInfo, to_rdf
from kg.model import Document
from kg.nlp.pipeline import load_pipeline
from kg.query import QueryResult, query_graph


class InProcessKG:
    """The spaCy pipeline, loaded once, and what kg makes of one text."""

    def __init__(self, model: str | None = None, extra_entries: tuple = (),
                 extra_codes: tuple = ()) -> None:
        """`extra_entries`: a user gazetteer's (kg.data.user_gazetteer.read_user_gazetteers);
        `extra_codes`: a user event table's rows (kg.data.user_event_codes)."""
        self.extra_entries = extra_entries
        self.extra_codes = extra_codes
        self.nlp, info = load_pipeline(model, extra_entries)
        self.model = f"{info.name} {info.version}"
        self.build_info = BuildInfo(kg_version=__version__, model_name=info.public_name,
                                    model_version=info.version)

    def rows(self, document: Document, queries: Iterable[str]) -> SystemRows:
        """The rows of each named query in `queries` (the others empty) over the graph of
        `document`."""
        graph = assemble_graph(extract_documents([document], self.nlp,
                                                 extra_entries=self.extra_entries,
                                                 extra_codes=self.extra_codes),
                               self.extra_entries)
        # One default graph, as in the Turtle file the CLI would write and query.
        dataset = to_rdf(graph, build_info=self.build_info, named_graphs=False)
        found: SystemRows = {name: [] for name in FIELDS}
        for name in queries:
            found[name] = records(query_graph(dataset, name))
        return found


def records(result: QueryResult) -> list[Row]:
    """Rows as {column: value}, values stripped: what a reader of `--format csv` gets."""
    return [{c: v.strip() for c, v in zip(result.columns, row)} for row in result.rows]
