"""`kg eval`: score kg against gold facts (precision, recall, F1 per named query).

    gold JSONL ──▶ read_gold ──▶ per document: kg's graph (in process) ──▶ the four named
    queries ──▶ field scorers (the project scorer's matching rules) ──▶ EvalReport

The matching rules are in `match.py` (names, people, dates), `fields.py` (states,
organisations, officials), `agreements.py` and `events.py`; they are the rules of ../shared/eval/score.py, so
`kg eval` and that scorer give the same figures (tests/test_evaluate.py checks it).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from kg.evaluate.agreements import score_agreements
from kg.evaluate.events import score_events
from kg.evaluate.fields import Score, SystemRows, score_officials, score_organizations, score_states
from kg.evaluate.gold import FIELDS, GoldDocument, read_gold
from kg.evaluate.report import (DocumentResult, EvalReport, report_details, report_json,
                                report_table)
from kg.language import ENGLISH

if TYPE_CHECKING:
    from kg.evaluate.system import InProcessKG
    from kg.model import Document

__all__ = ["FIELDS", "DocumentResult", "EvalReport", "GoldDocument", "evaluate", "read_gold",
           "report_details", "report_json", "report_table", "score_document"]

SCORERS: dict[str, Callable[[dict, SystemRows], dict[str, Score]]] = {
    "states": score_states, "organizations": score_organizations,
    "officials": score_officials, "agreements": score_agreements, "events": score_events}


def score_document(doc: GoldDocument, rows: SystemRows) -> dict[str, Score]:
    """All the scores of one document, on the fields it is scored on."""
    scores: dict[str, Score] = {}
    for name in FIELDS:
        if name in doc.fields:
            scores.update(SCORERS[name](doc.gold, rows))
    return scores


def evaluate(gold_path: str | Path, *, model: str | None = None,
             gazetteers: Sequence[str | os.PathLike] = (),
             event_tables: Sequence[str | os.PathLike] = (), language: str | None = None,
             on_total: Callable[[int], None] | None = None,
             on_document: Callable[[GoldDocument], None] | None = None) -> EvalReport:
    """Build each gold document's graph with kg, run the named queries, and score the rows.

    A bad gold file (or an unreadable text in it) raises InputError naming the file and line,
    before the model is loaded. A document kg fails on is recorded in the report and scores
    zero, as the project's scorer counts it. `gazetteers`: user gazetteer files, as for
    `kg build --gazetteer` (a bad one raises GazetteerError, also before the model loads);
    `event_tables`: user event tables, as for `kg build --events` (EventTableError likewise).
    `language`: as for `kg build`: None scores a document that looks like another language than
    English as one kg could not build (kg build skips it); "en" builds it as English.
    """
    from kg.data.user_event_codes import read_user_event_codes
    from kg.data.user_gazetteer import read_user_gazetteers
    from kg.documents import language_skip, text_document

    gold_path = Path(gold_path)
    extra = read_user_gazetteers(gazetteers)
    codes = read_user_event_codes(event_tables)
    golds = read_gold(gold_path)
    # Each text is read as `kg build` reads a .txt file (dateline included). All of them are
    # read before the model loads, so an unreadable text fails at once, naming its line.
    documents = [text_document(g.text, g.id, f"{gold_path} line {g.line}: the text")
                 for g in golds]
    if on_total is not None:
        on_total(len(golds))
    from kg.evaluate.system import InProcessKG  # loads spaCy

    system = InProcessKG(model, extra, codes)
    report = EvalReport(gold_path, system.model)
    for gold, document in zip(golds, documents):
        skip = None if language == ENGLISH else language_skip(document, document.path or gold.id)
        if skip is not None:    # as `kg build` skips it
            rows, error = {name: [] for name in FIELDS}, str(skip)
        else:
            rows, error = _rows_or_error(system, document, gold)
        report.documents.append(DocumentResult(gold.id, score_document(gold, rows), error))
        if on_document is not None:
            on_document(gold)
    return report


def _rows_or_error(system: InProcessKG, document: Document, gold: GoldDocument
                   ) -> tuple[SystemRows, str | None]:
    try:
        return system.rows(document, gold.fields), None
    except Exception as exc:  # noqa: BLE001 — one failing document must not stop the run
        return {name: [] for name in FIELDS}, f"{type(exc).__name__}: {exc}"
