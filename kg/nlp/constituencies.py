"""Constituencies the statistical NER calls ORG: "in the riding of Northvale-Eastmarch", "MP
for Kirkby-Lowfield". Their names join two or more places with hyphens and hold no body's
head word; in a sentence about an election, such a name is a seat, not an organisation.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg.nlp.context import DocContext
from kg.nlp.elections import electoral

# First parts of hyphenated names that are articles of other languages: "Al-Shabaab".
_ARTICLES = {"al", "el", "ul", "ad", "as", "ash", "at", "ar", "an", "az"}


def names_a_constituency(ctx: DocContext, span: Span) -> bool:
    """Whether an ORG span is a constituency's hyphenated name in a sentence about an
    election (module docstring)."""
    from kg.nlp.organizations import HEAD_KINDS

    tokens = [t for t in span if t.lower_ != "the"]
    if len(tokens) < 3 or len(tokens) % 2 == 0:
        return False
    parts, joins = tokens[::2], tokens[1::2]
    if not all(j.text in ("-", "–") and not j.whitespace_ for j in joins):
        return False
    if not all(p.is_title and p.is_alpha for p in parts) or parts[0].lower_ in _ARTICLES \
            or any(p.lower_ in HEAD_KINDS for p in parts):
        return False
    return electoral(ctx, span.start)
