"""Errors the library raises. Messages say what went wrong, why, and how to fix it.

Only the CLI turns these into one-line messages and exit codes.
"""
from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An input document cannot be read: missing, empty, binary, not UTF-8, malformed JSONL."""


class OutputError(KGError):
    """An export cannot be written: unknown format, unwritable folder."""


class QueryError(KGError):
    """A query cannot be run: unknown name, bad SPARQL, an update, an unreadable graph."""


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded."""


class GazetteerError(KGError):
    """A user gazetteer file is malformed."""


class EventTableError(KGError):
    """An event coding table (kg's own, or a user's given with --events) is malformed."""


class EngineError(KGError):
    """Extraction cannot run where it was asked to: bad --workers/--engine options, a Dask
    scheduler out of reach or not installed, a worker that died or runs another kg."""
