"""When an event happened: the dates a sentence tells an act by, and the one in its clause."""
from __future__ import annotations

from spacy.tokens import Span

from kg import model
from kg.nlp.context import DocContext
from kg.nlp.dates import find_dates
from kg.nlp.events.triggers import Trigger

# How a date names a thing rather than telling when an act happened: "the 1963 pact".
_NAMING = frozenset({"compound", "nummod", "amod", "poss", "nmod"})


def adverbial_dates(ctx: DocContext, sentence: Span) -> list[tuple[int, int, str]]:
    """(begin, end, ISO date) of the dates the sentence tells when something happened, resolved
    against the document's date; not a date that names a thing ("the 1963 pact", "last year's
    raid", "the 2005 Accord"), which dates the thing, not the act."""
    doc, offset = sentence.doc, sentence.start_char
    found = []
    for begin, end, value in find_dates(sentence.text, ctx.document.date):
        span = doc.char_span(offset + begin, offset + end, alignment_mode="expand")
        if span is None or not len(span) or not _names_a_thing(ctx, span):
            found.append((offset + begin, offset + end, value.iso))
    return found


def _names_a_thing(ctx: DocContext, date: Span) -> bool:
    root = date.root
    if root.dep_ not in _NAMING or date.start <= root.head.i < date.end:
        return False
    # a name is no thing: the parse reads "Last Tuesday Abiy and Isaias met" as one name
    head = ctx.actor_at(root.head.i)
    return root.head.pos_ == "NOUN" or (head is not None and head.kind == model.AGREEMENT)


def clause_date(trigger: Trigger, dates: list[tuple[int, int, str]]) -> str | None:
    """The first date told in the event's own clause."""
    clause = trigger.anchor
    first, last = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    return next((iso for begin, end, iso in dates if first <= begin and end <= last), None)
