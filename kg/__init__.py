"""kg: news about international politics → a knowledge graph with provenance.

Public API: a user can do in Python what the CLI does.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"


def build(inputs, outputs=("exports/graph.ttl", "exports/graph.graphml", "exports/graph.gexf"),
          **options):
    """Build the graph of `inputs` (files, folders, "-") and write `outputs`; see kg.build.build.
    Imported lazily: `import kg` does not load spaCy."""
    from kg.build import build as run_build

    return run_build(inputs, outputs, **options)


def query(graphs, query_text_or_name):
    """Run a named query or SPARQL over RDF exports; returns a QueryResult (columns, rows)."""
    from kg.query import run_query

    return run_query(graphs, query_text_or_name)


def validate(graphs):
    """Check exports against kg's SHACL shapes; returns a ValidationReport."""
    from kg.validate import validate_graph

    return validate_graph(graphs)
