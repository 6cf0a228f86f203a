"""Reported speech: who claims what, and which facts the article only reports as claimed.

The last step of extraction. It reads the parse for reporting constructions, makes a model.Claim
for each (the claimant, the organisation or state they speak for, the date, the claimed span, the
cue), then marks every Evidence whose span lies inside a claimed span with that claim's key. The
other steps need not know about claims: a fact found in "X said Y signed Z" is the same fact, only
held as claimed rather than asserted.

Constructions (each a function below, each with a test in tests/test_extract_claims.py):
- a speech verb with a clausal complement: "X said (that) …", "…, X said.", "“…,” X said",
  "X stressed/noted/warned/claimed that …"; a quotation that opened in an earlier sentence is
  followed back to its opening mark;
- a participle cue that borrows the subject of its clause: "Stressing that …, he said …";
- "according to X, …": the rest of the sentence, and the evidence anywhere in the sentence
  outside the phrase naming X (the phrase scopes over its whole sentence);
- "X accused Y of …": from Y to the end of the "of" phrase.

Speakers: the entity mentioned at the subject; in a noun phrase without one ("an Armenian Foreign
Ministry official") the organisation or state named inside it; "he"/"she" the last person who
spoke (else the last person named), "it" the last organisation or state that spoke, "the
ministry" the last body of that kind named before.

What stays out: evidence that only overlaps a claimed span (a heuristic whose evidence is the
whole sentence, speaker included) is the article's; so is everything in a dateline.
"""
from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Span, Token

from kg import model
from kg.model import Claim
from kg.nlp.context import Actor, DocContext
from kg.nlp.dates import find_dates
from kg.nlp.keys import stable_key
from kg.nlp.organizations import HEAD_KINDS
from kg.nlp.people import SPEECH_VERBS

# Lemmas of the verbs that report speech. people.SPEECH_VERBS (surface forms, used to spot names
# before a verb) is accepted too, so the two lists cannot drift apart in what they admit.
SPEECH_LEMMAS = frozenset({
    "say", "tell", "add", "state", "stress", "note", "announce", "declare", "warn", "accuse",
    "insist", "claim", "argue", "write", "allege", "assert", "emphasize", "emphasise",
    "underline", "confirm", "report", "charge", "maintain", "reiterate", "complain", "explain",
    "predict", "suggest", "acknowledge", "admit", "tweet"})
PERSON_PRONOUNS = frozenset({"he", "she"})
THING_PRONOUNS = frozenset({"it"})
_QUOTES = "“”\"‘’'«»"
_OPENING_QUOTES = "“\"«"


@dataclass(frozen=True)
class Speaker:
    claimant: str | None      # entity key of who speaks (a person, organisation or state)
    org: str | None           # the organisation or state they speak for


@dataclass(frozen=True)
class Report:
    """One reporting construction found in the parse, before its speaker is resolved."""

    cue: Token                # the reporting verb (or "according")
    speaker: Token | None     # the head of the speaker's noun phrase
    content: tuple[int, int]  # token range [start, end) of the claimed text
    # Token ranges where evidence counts as reported: by default the content itself. "According
    # to X" scopes over its whole sentence except the phrase naming X (`source`).
    reach: tuple[int, int] | None = None
    source: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Scope:
    """Character ranges of one claim: evidence inside `reach` and not inside `source` is
    reported within `claim`."""

    claim: Claim
    reach: tuple[int, int]
    source: tuple[int, int] | None

    def covers(self, begin: int, end: int) -> bool:
        inside = self.reach[0] <= begin and end <= self.reach[1]
        in_source = self.source is not None and self.source[0] <= begin and end <= self.source[1]
        return inside and not in_source


def find_claims(ctx: DocContext) -> None:
    """Add a Claim for every reporting construction and mark the evidence found inside it."""
    speakers = _SpeakerMemory(ctx)
    scopes: dict[tuple[int, int], _Scope] = {}
    for sentence in ctx.sentences:
        for report in _reports(ctx, sentence):
            speaker = speakers.resolve(report.speaker)
            span = _claimed_span(ctx, report.content)
            if span is None or span in scopes and scopes[span].claim.claimant is not None:
                continue  # two cues for one span: the first with a known speaker wins
            claim = _make_claim(ctx, report, speaker, span)
            scopes[span] = _Scope(claim, _chars(ctx, report.reach or report.content, span),
                                  report.source and _chars(ctx, report.source))
            speakers.remember(speaker)
    ctx.extraction.claims.extend(scope.claim for scope in scopes.values())
    _mark_claimed_evidence(ctx, list(scopes.values()))


def _chars(ctx: DocContext, tokens: tuple[int, int],
           also: tuple[int, int] | None = None) -> tuple[int, int]:
    """Character range of a token range, widened to cover `also` (the trimmed claimed span,
    which a quotation opened in an earlier sentence may extend)."""
    span = ctx.doc[tokens[0]:tokens[1]]
    begin, end = span.start_char, span.end_char
    if also is not None:
        begin, end = min(begin, also[0]), max(end, also[1])
    return _after_dateline(ctx, begin, end), end


def _after_dateline(ctx: DocContext, begin: int, end: int) -> int:
    """`begin`, moved past the dateline when a span starts in it and runs into the article
    ("WASHINGTON, Feb. 22 — Russia has …, Putin said"): the dateline is the paper's, no one's
    claim."""
    body = ctx.document.body_start
    return body if begin < body < end else begin


# --- constructions --------------------------------------------------------------------------

def _reports(ctx: DocContext, sentence: Span) -> Iterator[Report]:
    lowers, lemmas = ctx.lowers, ctx.lemmas
    for i in range(sentence.start, sentence.end):
        if lowers[i] == "according":
            yield from _according_to(sentence, ctx.doc[i])
        elif (lemmas[i] in SPEECH_LEMMAS or lowers[i] in SPEECH_VERBS) and \
                is_speech_verb(token := ctx.doc[i]):
            yield from _accusation(token)
            yield from _speech_with_complement(sentence, token)


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in SPEECH_LEMMAS
                                              or token.lower_ in SPEECH_VERBS)


def _speech_with_complement(sentence: Span, verb: Token) -> Iterator[Report]:
    """"X said (that) …", "…, X said", "“…,” X said": each clausal complement is one claim; a
    verb with none that sits next to a quotation claims the quotation."""
    speaker = _subject(verb)
    complements = [c for c in verb.children if c.dep_ == "ccomp"]
    for clause in complements:
        yield Report(verb, speaker, (clause.left_edge.i, clause.right_edge.i + 1))
    if not complements and verb.lemma_.lower() != "accuse":
        quoted = _quotation(sentence)
        # A verb inside the quotation is part of what is said, not the one saying it.
        if quoted is not None and not quoted[0] <= verb.i < quoted[1]:
            yield Report(verb, speaker, quoted)


def _accusation(verb: Token) -> Iterator[Report]:
    """"X accused Y of Z": the claim runs from Y to the end of "of Z"."""
    if verb.lemma_.lower() != "accuse":
        return
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None)
    of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None and accused is not None:  # the parser may attach "of" to the accused
        of = next((c for c in accused.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if accused is not None and of is not None:
        yield Report(verb, _subject(verb), (accused.left_edge.i, of.right_edge.i + 1))


def _according_to(sentence: Span, according: Token) -> Iterator[Report]:
    """"according to X, …" / "…, according to X": the rest of the sentence is X's claim."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return
    phrase_start, phrase_end = according.left_edge.i, max(according.right_edge.i, source.i) + 1
    if phrase_start <= sentence.start + 1:
        # Opening the sentence, the phrase ends at its comma: the parser may run the subject
        # of the main clause into X as an apposition ("According to the ministry, Armenia …").
        comma = next((t.i for t in sentence.doc[source.i:phrase_end] if t.text == ","), None)
        phrase_end = comma if comma is not None else phrase_end
    before, after = (sentence.start, phrase_start), (phrase_end, sentence.end)
    content = max(before, after, key=lambda r: r[1] - r[0])
    if phrase_start - sentence.start > 2 and sentence.end - phrase_end > 2:
        content = (sentence.start, sentence.end)  # mid-sentence: the whole sentence is claimed
    yield Report(according, source, content, reach=(sentence.start, sentence.end),
                 source=(phrase_start, phrase_end))


def _subject(verb: Token) -> Token | None:
    """The verb's subject; a participle or second verb ("Stressing that …, he said", "accused …
    and said …") borrows the subject of the verb it hangs from."""
    subject = _nominal_subject(verb)
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
        subject = _nominal_subject(verb.head)
    return subject


def _nominal_subject(verb: Token) -> Token | None:
    # The nearest one: after a dateline the parser may take its place name for a second subject.
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: abs(c.i - verb.i), default=None)


def _quotation(sentence: Span) -> tuple[int, int] | None:
    """The tokens between the sentence's first pair of quotation marks, if it has one."""
    marks = [t.i for t in sentence if t.text in _QUOTES and t.text not in ("'",)]
    if len(marks) < 2:
        return None
    return marks[0] + 1, marks[1]


# --- the claimed span ------------------------------------------------------------------------

def _claimed_span(ctx: DocContext, content: tuple[int, int]) -> tuple[int, int] | None:
    """Character offsets of the claimed text: the tokens less the quotation marks, punctuation
    and "that" at its edges; a quotation opened in an earlier sentence is followed back."""
    doc = ctx.doc
    start, end = content
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or doc[start].lower_ == "that" and doc[start].dep_ == "mark"
                           # "…, the ministry said, adding that …": the cue's own word
                           or doc[start].tag_ == "VBG" and is_speech_verb(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None
    begin, stop = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return _opening_quote(ctx.document.text, _after_dateline(ctx, begin, stop), stop), stop


def _opening_quote(text: str, begin: int, end: int) -> int:
    """Where a quotation that closes right after `end` but opens before `begin` starts: a quote
    may run over several sentences of one paragraph ("“… . …,” he said")."""
    closing = text[end:end + 3].lstrip(",.;: ")
    if not closing or closing[0] not in "”\"»" or any(q in text[begin:end] for q in "“«"):
        return begin
    line_start = text.rfind("\n", 0, begin) + 1
    opened = max(text.rfind(q, line_start, begin) for q in _OPENING_QUOTES)
    if opened < 0 or (text[opened] == '"' and text.count('"', line_start, begin) % 2 == 0):
        return begin
    return opened + 1


def _make_claim(ctx: DocContext, report: Report, speaker: Speaker,
                span: tuple[int, int]) -> Claim:
    begin, end = span
    return Claim(key=stable_key("claim", ctx.document.id, begin, end), document=ctx.document.id,
                 begin=begin, end=end, claimant=speaker.claimant, claimant_org=speaker.org,
                 date=_claim_date(ctx, report), cue=_cue_text(report.cue))


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    return cue.lower_


def _claim_date(ctx: DocContext, report: Report) -> str | None:
    """The date of the reporting clause ("said on Tuesday", "In a statement on Sept. 13, …
    accused"), else the document's date. Dates inside the claimed text are the events', not the
    claim's, so phrases that reach into it are skipped."""
    start, end = report.content
    for child in report.cue.children:
        left, right = child.left_edge.i, child.right_edge.i + 1
        if child.dep_ not in ("prep", "npadvmod") or (left < end and start < right):
            continue
        found = find_dates(ctx.doc[left:right].text, ctx.document.date)
        if found:
            return found[0][2].iso
    return ctx.document.date


def _mark_claimed_evidence(ctx: DocContext, scopes: list[_Scope]) -> None:
    """Evidence is frozen: each one inside a claim's reach is rebuilt with the innermost claim."""
    facts = ctx.extraction.facts
    # Scopes by where their reach starts: an evidence is read against the scopes that start
    # before it and are long enough to hold it, not against every claim of the document.
    order = sorted(range(len(scopes)), key=lambda k: scopes[k].reach[0])
    starts = [scopes[k].reach[0] for k in order]
    longest = max((s.reach[1] - s.reach[0] for s in scopes), default=0)
    for i, (fact, evidence) in enumerate(facts):
        if evidence.claim is not None:
            continue
        near = order[bisect_left(starts, evidence.end - longest):
                     bisect_right(starts, evidence.begin)]
        around = [k for k in near if scopes[k].covers(evidence.begin, evidence.end)]
        if around:
            inner = scopes[min(around, key=lambda k: (scopes[k].reach[1] - scopes[k].reach[0], k))]
            facts[i] = (fact, dataclasses.replace(evidence, claim=inner.claim.key))


# --- speakers --------------------------------------------------------------------------------

class _SpeakerMemory:
    """Who spoke last, for pronouns and bare nouns: a small within-document coreference."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.last_person: Speaker | None = None
        self.last_body: Speaker | None = None

    def remember(self, speaker: Speaker) -> None:
        kind = self.kind(speaker.claimant)
        if kind == model.PERSON:
            self.last_person = speaker
        elif kind is not None:
            self.last_body = speaker

    def kind(self, key: str | None) -> str | None:
        entity = self.ctx.extraction.entities.get(key) if key else None
        return entity.kind if entity else None

    def resolve(self, head: Token | None) -> Speaker:
        if head is None:
            return Speaker(None, None)
        if head.lower_ in PERSON_PRONOUNS:
            return self.last_person or self.speaking_for(_last_actor(self.ctx, head, model.PERSON))
        if head.lower_ in THING_PRONOUNS:
            return self.last_body or Speaker(None, None)
        named = _actor_in_phrase(self.ctx, head)
        if named is None and head.lower_ in HEAD_KINDS:  # "the ministry said"
            named = _last_actor(self.ctx, head, HEAD_KINDS[head.lower_])
        return self.speaking_for(named)

    def speaking_for(self, actor: Actor | None) -> Speaker:
        if actor is None:
            return Speaker(None, None)
        if actor.kind != model.PERSON:
            return Speaker(actor.key, actor.key)
        return Speaker(actor.key, self.represented(actor.key))

    def represented(self, person: str) -> str | None:
        """The organisation or state of the person's first post in this document, else their
        state: holds → post → postIn."""
        for holds in self.ctx.facts_about(person, model.HOLDS):
            where = self.ctx.facts_about(holds.object, model.POST_IN)
            if where:
                return where[0].object
        states = self.ctx.facts_about(person, model.STATE_OF)
        return states[0].object if states else None


def _actor_in_phrase(ctx: DocContext, head: Token) -> Actor | None:
    """The entity the speaker's noun phrase names: the one at its head, else the person,
    organisation or state inside it ("an Armenian Foreign Ministry official")."""
    at_head = ctx.actor_at(head)
    if at_head is not None:
        return at_head
    phrase = ctx.doc[head.left_edge.i:head.right_edge.i + 1]
    inside = ctx.actors_in(phrase)
    for kinds in ((model.PERSON,), model.ORGANIZATION_KINDS, (model.STATE,)):
        found = [a for a in inside if a.kind in kinds]
        if found:
            return found[0]
    return None


def _last_actor(ctx: DocContext, before: Token, kind: str) -> Actor | None:
    earlier = [a for a in ctx.actors if a.kind == kind and a.end <= before.i]
    return max(earlier, key=lambda a: a.start, default=None)
