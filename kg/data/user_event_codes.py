"""User event tables: rows the user adds to kg's event coding (`kg build --events FILE`),
without editing kg/data/event_codes.csv.

A file is CSV with a header row naming the columns of kg's table, in any order: ``lemma``,
``pos`` (``verb`` or ``noun``) and ``type`` (a PLOVER type) are required; ``mode``, ``cameo`` (two
to four digits) and ``needs`` (the lemma of a word the sense must be linked to, or "@name" for
any word of one of kg's classes, ``kg/data/event_word_classes.csv``) may be left out.
What a row does (kg.data.event_codes.event_table):

- a lemma, part of speech and `needs` kg's table lacks: a new code;
- the same lemma, part of speech and `needs` as rows of kg's table: yours replace all of them
  (several rows of yours for one word are all kept, as kg keeps two senses of "protest");
- type ``NONE``: kg's rows of that lemma, part of speech and `needs` are switched off; the
  word's other rows stay ("strike" beside "hunger" is a row of its own).

Reading checks everything and raises EventTableError ("FILE line N: why") at the first
mistake. Nothing here imports spaCy.
"""
from __future__ import annotations

import os
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from kg.data.event_codes import (COLUMNS, SWITCHED_OFF, CodeKey, EventCode, check_code,
                                 expanded)
from kg.data.user_files import csv_rows, quote, read_user_text, rows_digest
from kg.errors import EventTableError

FORMAT = 1   # part of the digest: bump when the meaning of a row changes
REQUIRED = ("lemma", "pos", "type")
# Columns a file may carry for its readers; kg ignores them.
_IGNORED_COLUMNS = ("note", "notes", "comment", "source", "example")


def read_user_event_codes(paths: Iterable[str | os.PathLike]) -> tuple[EventCode, ...]:
    """Every row of every file, in the order given. Raises EventTableError ("FILE line N:
    why") at the first mistake."""
    rows: list[tuple[EventCode, str]] = []
    for path in paths:
        rows.extend(read_user_event_table(path))
    _check_coded_or_off(rows)
    return tuple(code for code, _ in rows)


def read_user_event_table(path: str | os.PathLike) -> list[tuple[EventCode, str]]:
    """The rows of one file, each with where it was read ("FILE line N")."""
    label = str(path)
    suffix = Path(path).suffix.lower()
    if suffix != ".csv":
        raise EventTableError(f"{label}: an event table is a .csv file (with a header row: "
                              f"{','.join(COLUMNS)}), not "
                              f"{suffix or 'a file without an extension'}")
    text = read_user_text(path, "event table", EventTableError)
    rows = []
    for line, cells in csv_rows(text, label, COLUMNS, REQUIRED, _IGNORED_COLUMNS,
                                EventTableError):
        where = f"{label} line {line}"
        rows.extend((code, where) for code in expanded(check_code(cells, where, switch_off=True)))
    if not rows:
        raise EventTableError(f"{label}: no rows (a header row, {','.join(COLUMNS)}, and one "
                              f"word a line)")
    return rows


def _check_coded_or_off(rows: list[tuple[EventCode, str]]) -> None:
    """A word both switched off and coded by the user's rows is a contradiction."""
    off: dict[CodeKey, str] = {}
    coded: dict[CodeKey, str] = {}
    for code, where in rows:
        (off if code.type == SWITCHED_OFF else coded).setdefault(code.key, where)
        if code.key in off and code.key in coded:
            other = coded[code.key] if code.type == SWITCHED_OFF else off[code.key]
            state = "coded" if code.type == SWITCHED_OFF else "switched off"
            raise EventTableError(f"{where}: {_word(code)} is {state} at {other}; a word is "
                                  f"either coded or switched off ({SWITCHED_OFF})")


def _word(code: EventCode) -> str:
    needs = f", needs {quote(code.needs)}" if code.needs else ""
    return f"{quote(code.lemma)} ({code.pos}{needs})"


@lru_cache(maxsize=8)
def codes_digest(codes: tuple[EventCode, ...]) -> str:
    """The rows' digest (kg.data.user_files.rows_digest): "" for none."""
    return rows_digest(FORMAT, [asdict(code) for code in codes])
