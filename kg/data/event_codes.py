"""The event coding table (``event_codes.csv``): which words name which kind of event.

Each row codes one lemma of one part of speech with a PLOVER event type, the PLOVER mode where
the word gives one, and the nearest CAMEO code. `needs` narrows a general word to the sense that
is an event: the lemma of a word the trigger must be linked to in the parse (its head or one of
its children): "open" codes an event only with "fire" ("opened fire"), "strike" is a hunger
strike only beside "hunger". Rows with a `needs` are tried before the plain row of their lemma.
Users extend the coding by adding rows; a test checks every type is one of PLOVER's.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.errors import KGError

COLUMNS = ("lemma", "pos", "type", "mode", "cameo", "needs")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT", "FIGHT", "DEMAND", "INVESTIGATE")
PARTS_OF_SPEECH = ("verb", "noun")


@dataclass(frozen=True)
class EventCode:
    lemma: str
    pos: str                 # "verb" or "noun"
    type: str                # PLOVER event type
    mode: str | None
    cameo: str | None
    needs: str | None        # lemma of a linked word the sense requires


@lru_cache(maxsize=1)
def event_codes() -> dict[tuple[str, str], tuple[EventCode, ...]]:
    """(lemma, pos) → its codes, the ones that need a linked word first."""
    text = (resources.files(__package__) / "event_codes.csv").read_text(encoding="utf-8")
    return codes_from(text, "kg/data/event_codes.csv")


@lru_cache(maxsize=1)
def coded_lemmas() -> frozenset[str]:
    """Every lemma the table codes, of any part of speech."""
    return frozenset(lemma for lemma, _ in event_codes())


def codes_from(text: str, where: str) -> dict[tuple[str, str], tuple[EventCode, ...]]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise KGError(f"{where} has columns {reader.fieldnames}, expected {list(COLUMNS)}")
    found: dict[tuple[str, str], list[EventCode]] = {}
    for line, row in enumerate(reader, start=2):
        cells = {k: (v or "").strip() for k, v in row.items()}
        if cells["type"] not in PLOVER_TYPES or cells["pos"] not in PARTS_OF_SPEECH:
            raise KGError(f"{where} line {line}: {cells['type']!r} {cells['pos']!r} is not a "
                          f"PLOVER type ({', '.join(PLOVER_TYPES)}) of a verb or noun")
        code = EventCode(cells["lemma"].lower(), cells["pos"], cells["type"],
                         cells["mode"] or None, cells["cameo"] or None,
                         cells["needs"].lower() or None)
        found.setdefault((code.lemma, code.pos), []).append(code)
    return {key: tuple(sorted(codes, key=lambda c: c.needs is None))
            for key, codes in found.items()}
