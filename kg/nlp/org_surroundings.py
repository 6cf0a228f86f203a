"""What the words around an ORG span of the statistical NER say about it: that it names no
body (a site, a place, a title and its holder), or the body it belongs to.

The NER's span is often shorter than the thing named: "Azovstal" of "the Azovstal plant",
"Press" of "Press Secretary", "Defense Lloyd Austin" of "Secretary of Defense Lloyd Austin",
"Mushaki" of "the locality of Mushaki". The words right before and after it tell.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg import model
from kg.nlp.context import DocContext
from kg.nlp.not_organizations import SITE_NOUNS
from kg.nlp.titles import title_at

# "the town of X": a settlement or an area, no body.
SETTLEMENT_WORDS = {"town", "city", "village", "locality", "settlement", "township", "district",
                    "region", "province", "municipality", "suburb", "neighbourhood",
                    "neighborhood", "port", "island"}
# Lower-case words that may stand between a name and the site it names: "the Akkuyu nuclear
# power plant". (Not events: "the Security Council meeting" is the body's.)
_SITE_MODIFIERS = 3


def names_no_body_here(span: Span) -> bool:
    """Whether the words around the span show it names a site, a place or a post, no body."""
    return _before_site_word(span) or _after_settlement_word(span) or _inside_a_title(span)


def _before_site_word(span: Span) -> bool:
    """"the Azovstal plant", "the Akkuyu nuclear power plant", "the Zvezda shipyard"."""
    doc = span.doc
    for i in range(span.end, min(span.end + _SITE_MODIFIERS + 1, len(doc))):
        token = doc[i]
        if not token.is_alpha or not token.is_lower:
            return False
        if token.lower_ in SITE_NOUNS:
            return True
    return False


def _after_settlement_word(span: Span) -> bool:
    """"the locality of X", "the village of X": a place the tables do not know."""
    start = span.start
    return start >= 2 and span.doc[start - 1].lower_ == "of" and \
        span.doc[start - 2].lower_ in SETTLEMENT_WORDS and span.doc[start - 2].is_lower


def _inside_a_title(span: Span) -> bool:
    """A title that begins in the span and ends after it ("Press" of "Press Secretary X"), or
    begins before it and ends inside it ("Defense Lloyd Austin" of "Secretary of Defense Lloyd
    Austin"): the NER took a title's words (and its holder) for a body."""
    doc = span.doc
    limit = min(len(doc), span.end + 4)
    starting = title_at(doc, span.start, limit)
    if starting is not None and starting.end > span.end:
        return True
    for start in range(max(0, span.start - 3), span.start):
        title = title_at(doc, start, limit)
        if title is not None and span.start < title.end < span.end:
            return True
    return False


def owner_state(ctx: DocContext, span: Span) -> str | None:
    """The state of the body whose possessive comes right before the span: "the Department of
    the Treasury's Office of Foreign Assets Control" is a unit of a US body."""
    start = span.start
    if start < 2 or span.doc[start - 1].text not in ("'s", "’s"):
        return None
    owner = ctx.actor_at(start - 2)
    if owner is None or owner.kind not in model.ORGANIZATION_KINDS:
        return None
    return owner.state
