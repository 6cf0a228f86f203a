"""kg: news about international politics → a knowledge graph with provenance.

Public API: a user can do in Python what the CLI does.
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"
