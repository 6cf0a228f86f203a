"""The date of an agreement, read where a mention stands: in its own phrase ("the accord of
1998") or in the clause that signs it ("signed … on Nov. 10, 2020")."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.agreement_mentions import SIGN_VERBS, AgreementMention, parse_head
from kg.nlp.context import DocContext
from kg.nlp.dates import find_dates


# The dates found for one agreement: ISO date -> (evidence, rule, confidence).
Dates = dict[str, tuple[Span, str, float]]


def read_dates(ctx: DocContext, dates: Dates, mention: AgreementMention) -> None:
    """A date in the mention's phrase or its signing clause: "signed ... on Nov. 10, 2020", "the
    accord of 1998", "The statement of Nov. 10, 2020, was signed"; not a date inside another
    clause ("the statement that ended the 2020 war")."""
    for lo, hi in _date_scopes(parse_head(mention), ctx.sentence(mention.head.i).end):
        span = ctx.doc[lo:hi]
        for begin, end, value in find_dates(span.text, ctx.document.date):
            evidence = ctx.doc.char_span(span.start_char + begin, span.start_char + end,
                                         alignment_mode="expand") or span
            whole = ctx.doc[min(mention.start, evidence.start):max(mention.end, evidence.end)]
            dates.setdefault(value.iso, (whole, "pattern:agreement-date", 0.75))
            return


def _date_scopes(head: Token, sent_end: int) -> list[tuple[int, int]]:
    """Token ranges where a date belongs to the agreement: its own phrase without relative and
    adverbial clauses that do not sign it, then the signing verb's phrase."""
    scopes = []
    skip = [c for c in head.children if c.dep_ in ("relcl", "acl", "advcl", "conj", "cc")
            and c.lemma_.lower() not in SIGN_VERBS]
    hi = head.right_edge.i + 1
    for clause in skip:
        if clause.i > head.i:
            hi = min(hi, clause.left_edge.i)
    scopes.append((head.left_edge.i, max(hi, head.i + 1)))
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ == "signing":
        # "the signing of a memorandum …, in November 2023": the signing's date
        scopes.append((verb.head.left_edge.i, verb.head.right_edge.i + 1))
    if head.dep_ in ("dobj", "nsubjpass", "nsubj") and verb.lemma_.lower() in SIGN_VERBS | {"be"}:
        # without a clause joined after the agreement ("signed a memorandum … and reaffirmed
        # their commitment to the 1984 treaty": 1984 is the treaty's)
        verb_hi = verb.right_edge.i + 1
        for clause in verb.children:
            if clause.dep_ in ("conj", "cc", "advcl") and clause.i > head.i:
                verb_hi = min(verb_hi, clause.left_edge.i)
        scopes.append((verb.left_edge.i, max(verb_hi, head.i + 1)))
    nxt = head.i + 1
    # "the Treaty of Lindau in 1822": a year or date right after the name, whatever the parse
    while nxt < sent_end and (head.doc[nxt].is_title or head.doc[nxt].lower_ in ("of", "the")):
        nxt += 1
    if nxt + 1 < sent_end and head.doc[nxt].lower_ in ("in", "on", "of") and \
            head.doc[nxt + 1].ent_type_ == "DATE":
        scopes.append((nxt, min(sent_end, nxt + 6)))
    return scopes
