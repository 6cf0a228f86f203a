"""When an agreement was made, where its own words give no date: the story's time.

News tells when things happen once and then goes on at that time: "On June 15, A held talks
with B. … Following the talks, the ministers signed an Agreement on …" (signed on June 15);
"Secretary A met today with B. The two signed a memorandum on …" (signed today). A lead
paragraph reports the day's news: "Canada welcomes the truce reached by …" in a
release of May 3 is that day's truce.

So an agreement with no date of its own takes, where the text reports it made (a signing verb
in the past, "the signing of", "agreed to extend"), the last full date the story gave before it
in the opening paragraphs or in its own paragraph, or failing one the document's date when it
stands in the opening paragraphs. A described agreement in a dated release's lead ("welcomes
the 72-hour ceasefire", "congratulated A and B on their agreement") takes the release's date.
Nothing is dated that the text reports as not done, proposed or ended, nor a named agreement
the lead only cites.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.nlp.agreement_mentions import SIGN_VERBS, AgreementMention, parse_head
from kg.nlp.agreement_participants import RENEW_VERBS, list_head, object_of_verb
from kg.nlp.agreement_tense import reported_done, reported_not_done
from kg.nlp.context import DocContext
from kg.nlp.dates import DAY, find_dates

if TYPE_CHECKING:
    from kg.nlp.agreements import Agreement

# Verbs that make or renew an agreement: "signed", "issued a joint statement", "extended the
# truce" (the renewal is the news, so its day is the agreement's as the news reports it).
MAKING_VERBS = SIGN_VERBS | RENEW_VERBS
# Statuses that say the agreement was not made on the story's day.
_NOT_MADE = {"proposed", "under_negotiation", "terminated", "violated"}
_OPENING_PARAGRAPHS = 2   # the lead and the paragraph after it tell the day's news


def story_date(ctx: DocContext, agreement: Agreement) -> tuple[str, int, int, str] | None:
    """The date the story gives an undated agreement: (ISO date, evidence begin and end as
    token indices, rule), or None."""
    if agreement.dates or agreement.own_text or _NOT_MADE & set(agreement.statuses):
        return None
    paragraphs = ctx.story_lines.paragraphs
    for mention in agreement.mentions:
        begin = ctx.doc[mention.start].idx
        index = next((i for i, (start, end) in enumerate(paragraphs) if start <= begin < end),
                     None)
        if index is None:
            continue
        head = parse_head(mention)
        verb = _making_verb(head)
        if verb is not None and reported_not_done(verb, head):
            return None   # "will sign the accord next week", "aims to reach a ceasefire"
        opening = index < _OPENING_PARAGRAPHS
        found: tuple[str, int, int, str] | None = None
        if verb is not None and reported_done(verb):
            since = paragraphs[0 if opening else index][0]
            told = _last_full_date(ctx, since, begin)
            if told is not None:   # the evidence is the making, which names the agreement
                found = (told, mention.start, mention.end, "story:date-told-before")
        elif not (index == 0 and not mention.proper
                  and head.tag_ not in ("NNS", "NNPS") and _told_as_news(head)):
            continue   # only the lead's news is the day's without a making verb
        if found is None and opening and ctx.document.date:
            found = (ctx.document.date, mention.start, mention.end, "story:document-date-of-lead")
        if found is not None and not _sentence_says_otherwise(ctx, mention, found[0]):
            return found
    return None


def _sentence_says_otherwise(ctx: DocContext, mention: AgreementMention, iso: str) -> bool:
    """The mention's sentence gives another date, which the parse did not tie to it ("welcomed
    the signing of a memorandum …, known as the 123 Agreement, in November 2023"): the story's
    day is not to be trusted over it."""
    sentence = ctx.sentence(mention.head.i)
    return any(not iso.startswith(value.iso) and not value.iso.startswith(iso)
               for _, _, value in find_dates(sentence.text, ctx.document.date))


def _making_verb(head: Token) -> Token | None:
    """The verb (or "signing") that makes the agreement: "signed a memorandum", "signed A and
    an Agreement on …", "the signing of the agreement", "extend the truce", "the accord was
    signed"."""
    head = list_head(head)
    verb = head.head
    if head.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lower_ == "signing":
        return verb.head
    if not (object_of_verb(head) or head.dep_ == "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb if verb.lemma_.lower() in MAKING_VERBS else None


def _told_as_news(head: Token) -> bool:
    """The agreement is what a clause of the lead is about ("welcomes the ceasefire", "the
    truce took effect", "congratulated them on their agreement"), not one a noun cites
    ("the implementation of the normalization deal", "obligations under the memorandum")."""
    token = list_head(head)
    if token.dep_ == "pobj":
        token = token.head
    return token.head.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT"


def _last_full_date(ctx: DocContext, since: int, before: int) -> str | None:
    """The last date given to the day between two character offsets (ISO)."""
    text = ctx.doc.text[since:before]
    found = [value for _, _, value in find_dates(text, ctx.document.date)
             if value.precision == DAY]
    return found[-1].iso if found else None


def in_lead(ctx: DocContext, i: int) -> bool:
    """Token i stands in the story's first paragraph."""
    paragraphs = ctx.story_lines.paragraphs
    return bool(paragraphs) and paragraphs[0][0] <= ctx.doc[i].idx < paragraphs[0][1]
