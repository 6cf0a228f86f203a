"""The `kg` command line: thin wrappers over library functions, one module per command family.

Results go to stdout; progress, warnings and summaries go to stderr. Errors the library raises on
purpose (KGError) become one line on stderr and exit code 1, never a traceback.
"""
from __future__ import annotations

from kg.cli import build, graph  # noqa: F401  (each module registers its commands on `app`)
from kg.cli import evaluate  # noqa: F401  (kg eval)
from kg.cli import explain  # noqa: F401  (kg explain)
from kg.cli import render  # noqa: F401  (kg render)
from kg.cli import serve, store  # noqa: F401  (kg serve, kg load)
from kg.cli.common import app

__all__ = ["app"]
