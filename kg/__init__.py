"""kg: news about international politics → a knowledge graph with provenance.

Public API: a user can do in Python what the CLI does.
"""
from __future__ import annotations

import sys
import types
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


def query(graphs, query_text_or_name, timeout=None):
    """Run a named query or SPARQL over RDF exports; returns a QueryResult (columns, rows).
    With `timeout` (seconds), QueryError when reading and querying take longer."""
    from kg.query import run_query

    return run_query(graphs, query_text_or_name, timeout=timeout)


def validate(graphs):
    """Check exports against kg's SHACL shapes; returns a ValidationReport."""
    from kg.validate import validate_graph

    return validate_graph(graphs)


def load(graphs, store):
    """Load RDF exports into the on-disk Oxigraph store in the folder `store` (created when
    missing); returns a kg.store.LoadResult. Query it with kg.store.query_store(store, query)."""
    from kg.store import load_store

    return load_store(graphs, store)


class _Package(types.ModuleType):
    """kg.build, kg.query and kg.validate are both functions of this API and submodules. Python
    binds a submodule to its package's attribute when it is first imported, which would turn
    `kg.build(...)` into "'module' object is not callable" once anything imported kg.build. The
    functions keep their names; the submodules stay importable (`from kg.build import …`)."""

    def __setattr__(self, name: str, value: object) -> None:
        if name in _API_FUNCTIONS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


_API_FUNCTIONS = frozenset({"build", "query", "validate", "load"})
sys.modules[__name__].__class__ = _Package
