"""Several agreements named at once by their dates: "the trilateral agreements of March 3, 2021,
July 8, 2022 and October 1, 2023". Each date is one agreement, signed that day; a qualifier that
counts the parties ("trilateral") takes the states of the sentence when it names that many.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from kg import model
from kg.nlp.agreement_mentions import AgreementMention
from kg.nlp.context import DocContext
from kg.nlp.dates import find_dates

# What may stand between two dates of the list: "," / "and" / ", and".
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_PARTY_COUNTS = {"bilateral": 2, "trilateral": 3, "tripartite": 3, "quadrilateral": 4}


def dates_listed_after(ctx: DocContext, mention: AgreementMention) -> list[tuple[str, Span]]:
    """The dates a plural mention lists after "of" (its parties may come first: "the agreements
    between A, B and C of March 3, 2021, and January 11 and July 8, 2022"), each with its span:
    [] unless there are two or more, one right after the other. A day without a year takes the
    year the list ends with."""
    of = _of_after(ctx, mention)
    if of is None:
        return []
    doc = ctx.doc
    begin = of.idx + len(of)
    text = ctx.text[begin:ctx.sentence(mention.head.i).end_char]
    full = [value for _, _, value in find_dates(text, None) if value.precision == "day"]
    if not full:
        return []
    listed, position = [], 0
    for start, end, value in find_dates(text, f"{full[-1].iso[:4]}-12-31"):
        gap = text[position:start]
        if listed and not _JOIN.fullmatch(gap) or not listed and gap.strip():
            break
        span = doc.char_span(begin + start, begin + end, alignment_mode="expand")
        if span is None:
            break
        listed.append((value.iso, span))
        position = end
    return listed if len(listed) >= 2 else []


def _of_after(ctx: DocContext, mention: AgreementMention):
    """The "of" after a plural mention, or after the parties it names first ("between A, B and
    C of …"); None when other words come between."""
    doc = ctx.doc
    if mention.head.tag_ not in ("NNS", "NNPS"):
        return None
    i = mention.end
    if i < len(doc) and doc[i].lower_ == "between":
        i += 1
        while i < len(doc) and (doc[i].lower_ in (",", "and", "the")
                                or ctx.actor_at(doc[i]) is not None):
            i += 1
    return doc[i] if i < len(doc) and doc[i].lower_ == "of" else None


def dated_mention(mention: AgreementMention, iso: str, span: Span) -> AgreementMention:
    """One agreement of the list, mentioned by its date: "the trilateral agreement of March 3,
    2021" (the plural's name made singular)."""
    words = mention.name.split()
    last = words[-1]
    words[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") \
        else last
    if words[0].lower() == "the":
        words = words[1:]
    return AgreementMention(span.start, span.end, span.root, mention.kind,
                            f"{' '.join(words)} of {span.text}", True, True, None)


def counted_parties(ctx: DocContext, mention: AgreementMention) -> list[str]:
    """The sentence's states when the mention's qualifier counts exactly as many ("the
    trilateral agreements" in a sentence that names three states); else []."""
    words = {t.lower_ for t in ctx.doc[mention.start:mention.end]}
    counts = [n for word, n in _PARTY_COUNTS.items() if word in words]
    if len(counts) != 1:
        return []
    sentence = ctx.sentence(mention.head.i)
    states = sorted({a.key for a in ctx.actors_in(sentence) if a.kind == model.STATE})
    return states if len(states) == counts[0] else []
