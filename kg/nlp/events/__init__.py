"""Events: who did what to whom, coded with PLOVER types (and CAMEO codes where one fits).

    coding table (kg/data/event_codes.csv, with the user's --events rows)
        ──▶ triggers (negation, modality, nesting)
        ──▶ roles (the clause's arguments) over phrases (the actors a noun phrase stands for)
        ──▶ model.Event + participants

`find_events` is the extraction step (kg.nlp.extract runs it after claims).
"""
from __future__ import annotations

from kg.nlp.events.finder import find_events

__all__ = ["find_events"]
