"""The event coding table (``event_codes.csv``): which words name which kind of event.

Each row codes one lemma of one part of speech with a PLOVER event type, the PLOVER mode where
the word gives one, and the nearest CAMEO code. `needs` narrows a general word to the sense that
is an event: the lemma of a word the trigger must be linked to in the parse (its head or one of
its children): "open" codes an event only with "fire" ("opened fire"), "strike" is a hunger
strike only beside "hunger". Rows with a `needs` are tried before the plain row of their lemma.
A `needs` of "@name" names a class of words (``event_word_classes.csv``) and stands for one row
per word of the class: "mass,verb,MOBILIZE,troops,152,@troops" codes "massed troops", "massed
soldiers", "massed warships"….
Users extend the coding without editing this table (`kg build --events FILE`, read by
kg.data.user_event_codes): `event_table` adds their rows to these. A row of theirs replaces every
row here with the same lemma, part of speech and `needs`; one of type NONE switches them off.
Every row, here or a user's, is checked by `check_code`.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from importlib import resources
from typing import Iterable, Mapping

from kg.data.user_files import quote
from kg.errors import EventTableError

COLUMNS = ("lemma", "pos", "type", "mode", "cameo", "needs")
CLASS_MARK = "@"      # a `needs` that names a class of words
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT", "FIGHT", "DEMAND", "INVESTIGATE")
PARTS_OF_SPEECH = ("verb", "noun")
SWITCHED_OFF = "NONE"   # a user row of this type switches kg's rows of its word off
_CAMEO = re.compile(r"[0-9]{2,4}")

CodeKey = tuple[str, str, str | None]   # lemma, pos, needs: what a user row replaces


@dataclass(frozen=True)
class EventCode:
    lemma: str
    pos: str                 # "verb" or "noun"
    type: str                # PLOVER event type (SWITCHED_OFF only in a user's rows)
    mode: str | None
    cameo: str | None
    needs: str | None        # lemma of a linked word the sense requires

    @property
    def key(self) -> CodeKey:
        return (self.lemma, self.pos, self.needs)


@dataclass(frozen=True)
class EventTable:
    """A coding: (lemma, pos) → its codes, the ones that need a linked word first, and every
    lemma it codes, of any part of speech (the trigger finder looks only at those words)."""

    codes: Mapping[tuple[str, str], tuple[EventCode, ...]]
    lemmas: frozenset[str]

    def types(self, lemma: str, pos: str, *, plain: bool = False) -> frozenset[str]:
        """The types the table gives the word in any sense (with `plain`, in the senses that
        need no other word): whether "sanction" is hostile, "embargo" a measure."""
        return frozenset(c.type for c in self.codes.get((lemma, pos), ())
                         if not plain or c.needs is None)

    @cached_property
    def easing(self) -> frozenset[str]:
        """The verbs of easing a measure: those with a CONCEDE row of CAMEO 081 ("lifted its
        ban", "scrapped the curbs", "eased restrictions")."""
        return self._conceding("081")

    @cached_property
    def permitting(self) -> frozenset[str]:
        """The verbs of permitting what a measure stopped: those with a CONCEDE row of CAMEO
        085 ("allowed", "permitted")."""
        return self._conceding("085")

    def _conceding(self, cameo: str) -> frozenset[str]:
        return frozenset(lemma for (lemma, pos), codes in self.codes.items() if pos == "verb"
                         and any(c.type == "CONCEDE" and c.cameo == cameo for c in codes))

    @cached_property
    def words(self) -> frozenset[str]:
        """Every lemma the coding names: the coded words and the words their senses need."""
        return self.lemmas | {c.needs for codes in self.codes.values() for c in codes if c.needs}


@lru_cache(maxsize=1)
def event_codes() -> dict[tuple[str, str], tuple[EventCode, ...]]:
    """(lemma, pos) → its codes, the ones that need a linked word first."""
    text = (resources.files(__package__) / "event_codes.csv").read_text(encoding="utf-8")
    return codes_from(text, "kg/data/event_codes.csv")


@lru_cache(maxsize=1)
def coded_lemmas() -> frozenset[str]:
    """Every lemma the table codes, of any part of speech."""
    return frozenset(lemma for lemma, _ in event_codes())


def event_table(extra: tuple[EventCode, ...] = ()) -> EventTable:
    """kg's coding with a user's rows (kg.data.user_event_codes.read_user_event_codes): each
    replaces kg's rows of its lemma, pos and needs, or switches them off (type NONE). Without
    rows, kg's table as read once. Cached per set of rows, as a worker meets the same ones in
    every task."""
    return _extended_table(extra) if extra else _kg_table()


@lru_cache(maxsize=1)
def _kg_table() -> EventTable:
    return EventTable(event_codes(), coded_lemmas())


@lru_cache(maxsize=8)
def _extended_table(extra: tuple[EventCode, ...]) -> EventTable:
    replaced = {code.key for code in extra}
    kept = [c for codes in event_codes().values() for c in codes if c.key not in replaced]
    codes = _grouped([*kept, *(c for c in extra if c.type != SWITCHED_OFF)])
    return EventTable(codes, frozenset(lemma for lemma, _ in codes))


def codes_from(text: str, where: str) -> dict[tuple[str, str], tuple[EventCode, ...]]:
    """The codes of kg's own table, whose header is exactly COLUMNS."""
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise EventTableError(f"{where} has columns {reader.fieldnames}, expected "
                              f"{list(COLUMNS)}")
    return _grouped(code for line, row in enumerate(reader, start=2)
                    for code in expanded(check_code(row, f"{where} line {line}")))


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """Class name → its words (``event_word_classes.csv``: class,word), for `needs` "@name"."""
    text = (resources.files(__package__) / "event_word_classes.csv").read_text(encoding="utf-8")
    classes: dict[str, list[str]] = {}
    for row in csv.DictReader(io.StringIO(text)):
        classes.setdefault(row["class"], []).append(row["word"])
    return {name: tuple(words) for name, words in classes.items()}


def expanded(code: EventCode) -> tuple[EventCode, ...]:
    """The code, or one code per word of the class its `needs` names ("@troops")."""
    if code.needs is None or not code.needs.startswith(CLASS_MARK):
        return (code,)
    return tuple(replace(code, needs=word) for word in word_classes()[code.needs[1:]])


def _grouped(codes: Iterable[EventCode]) -> dict[tuple[str, str], tuple[EventCode, ...]]:
    found: dict[tuple[str, str], list[EventCode]] = {}
    for code in codes:
        found.setdefault((code.lemma, code.pos), []).append(code)
    return {key: tuple(sorted(codes, key=lambda c: c.needs is None))
            for key, codes in found.items()}


def check_code(cells: Mapping[str, str | None], where: str,
               switch_off: bool = False) -> EventCode:
    """One row of a coding table, checked; EventTableError names `where` ("FILE line N").
    `switch_off`: the row may have type NONE (a user's row)."""
    def cell(name: str) -> str:
        return (cells.get(name) or "").strip()

    lemma, needs = cell("lemma").lower(), cell("needs").lower()
    if not lemma:
        raise EventTableError(f"{where}: no lemma (the word's dictionary form, such as attack)")
    for column, word in (("lemma", lemma), ("needs", needs)):
        if len(word.split()) > 1:
            raise EventTableError(f"{where}: {column} {quote(word)} is more than one word (a "
                                  f"lemma is one word, such as attack)")
    if needs.startswith(CLASS_MARK) and needs[1:] not in word_classes():
        known = ", ".join(CLASS_MARK + name for name in word_classes())
        raise EventTableError(f"{where}: needs {quote(needs)} names no class of words (kg's "
                              f"classes: {known})")
    pos = cell("pos").lower()
    if pos not in PARTS_OF_SPEECH:
        raise EventTableError(f"{where}: " + (f"unknown part of speech {quote(pos)}" if pos
                                              else "no pos") + " (expected verb or noun)")
    kind = cell("type").upper()
    if kind not in PLOVER_TYPES and not (switch_off and kind == SWITCHED_OFF):
        raise EventTableError(f"{where}: {_type_problem(kind, switch_off)}")
    cameo = cell("cameo")
    if cameo and not _CAMEO.fullmatch(cameo):
        raise EventTableError(f"{where}: cameo {quote(cameo)} is not a CAMEO code (two to four "
                              f"digits, such as 190, or empty)")
    return EventCode(lemma, pos, kind, cell("mode") or None, cameo or None, needs or None)


def _type_problem(kind: str, switch_off: bool) -> str:
    expected = f"expected a PLOVER type: {', '.join(PLOVER_TYPES)}" + (
        f"; or {SWITCHED_OFF} to switch kg's rows of the word off" if switch_off else "")
    if not kind:
        return f"no type ({expected})"
    close = difflib.get_close_matches(kind, PLOVER_TYPES, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown PLOVER type {quote(kind)} ({expected}){hint}"
