"""A body's name inside an election's: "the 2004 European Parliament election", "the 1998
Ruritanian Assembly elections". The text names an election there, not the body acting, and
the body is no organisation mention of the text (encyclopaedic gold names the election as a
whole)."""
from __future__ import annotations

from spacy.tokens import Doc

ELECTION_WORDS = {"election", "elections", "by-election", "by-elections"}


def names_an_election(doc: Doc, end: int) -> bool:
    """Whether the name that ends before token `end` is followed by "election(s)"."""
    return end < len(doc) and doc[end].lower_ in ELECTION_WORDS
