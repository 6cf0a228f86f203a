"""Errors the library raises. Messages say what went wrong, why, and how to fix it.

Only the CLI turns these into one-line messages and exit codes.
"""
from __future__ import annotations


def one_line(text: str, limit: int = 200) -> str:
    """What another library or a server said, fit for the middle of a one-line message: the first
    line of `text` that is not blank, its runs of whitespace made one space, cut to `limit`
    characters (ending in "…"); "" for blank text. Later lines are dropped, not joined: parsers
    and servers put a dump of the input or a page of HTML there."""
    line = next((" ".join(line.split()) for line in text.splitlines() if line.strip()), "")
    return line if len(line) <= limit else line[:limit - 1] + "…"


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
