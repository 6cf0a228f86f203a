"""An agreement's status from the words that govern a mention of it: "delay the signing of a
treaty" (proposed), "talks on a peace treaty" (under negotiation), "the treaty entered into
force", "withdrew from the accord" (terminated), "violated the ceasefire"."""
from __future__ import annotations

from spacy.tokens import Span

from kg.nlp.agreement_mentions import AgreementMention, parse_head
from kg.nlp.agreement_tense import done_in_the_past, not_done
from kg.nlp.context import DocContext

STATUS_CUES = {  # lemma -> status
    "negotiate": "under_negotiation", "negotiation": "under_negotiation", "talk": "under_negotiation",
    "propose": "proposed", "draft": "proposed", "delay": "proposed", "await": "proposed",
    # pursued, not yet had: "efforts to secure a ceasefire", "called for a truce", "work toward
    # a peace agreement", "seeks a deal"
    "effort": "proposed", "seek": "proposed", "aim": "proposed", "pursue": "proposed",
    "push": "proposed", "urge": "proposed", "call": "proposed", "toward": "proposed",
    "towards": "proposed", "hope": "proposed",
    "enter": "in_force", "ratify": "in_force", "implement": "in_force",
    "withdraw": "terminated", "suspend": "terminated", "end": "terminated",
    "cancel": "terminated", "annul": "terminated", "revoke": "terminated",
    "repudiate": "terminated", "terminate": "terminated", "expire": "terminated",
    "collapse": "terminated", "scrap": "terminated", "abandon": "terminated",
    "violate": "violated", "violation": "violated", "breach": "violated",
}


def read_status(ctx: DocContext, statuses: dict[str, tuple[Span, str, float]],
                mention: AgreementMention) -> None:
    """Status cues among the words that govern the mention: "delay the signing of a treaty",
    "talks on a peace treaty", "the treaty entered into force", "withdrew from the accord"."""
    head = token = parse_head(mention)
    steps = 0
    while token.head is not token and steps < 4:
        token, steps = token.head, steps + 1
        lemma = token.lemma_.lower()
        if lemma == "signing" or token.dep_ == "prep" and lemma in _GOVERNING_PREPOSITIONS:
            continue
        status = STATUS_CUES.get(lemma)
        if status == "under_negotiation" and done_in_the_past(token):
            return  # "The treaty was negotiated by X": negotiated, and so no longer under way
        if status is not None and head.dep_ == "nsubj" and steps == 1 \
                and lemma not in _SUBJECT_CUES:
            return  # the agreement does not negotiate or violate: whoever does is the subject
        if lemma in _OBJECT_CUES and not (steps == 1 and head.dep_ == "dobj"):
            return  # "ended the accord", but "the war ended with the accord"
        if status in _SETTLED_STATUSES and not_done(token):
            return  # "the accord would enter into force", "may be suspended": not (yet) so
        if status is not None:
            evidence = ctx.doc[min(token.i, mention.start):max(token.i + 1, mention.end)]
            statuses.setdefault(status, (evidence, f"pattern:status-{lemma}", 0.7))
            return
        if token.pos_ == "VERB" and token.lemma_.lower() in _GETTING_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # "efforts to secure a ceasefire": what governs the infinitive tells
        if token.pos_ in ("VERB", "AUX", "ADP"):
            return  # another verb or a preposition such as "after" governs the mention


# Statuses a text gives as facts; a cue in the future, a modal or a negation does not set them.
_SETTLED_STATUSES = {"in_force", "terminated", "violated"}
# Verbs of getting an agreement not yet had; through their infinitive a cue governs it ("efforts
# to secure a truce"), but not through one of keeping or changing an agreement that exists
# ("called on all parties to respect the convention", "talks to extend the treaty").
_GETTING_VERBS = {"secure", "reach", "conclude", "strike", "finalise", "finalize", "achieve",
                  "broker", "seal", "clinch", "forge", "agree", "hammer", "obtain", "win", "get",
                  "complete", "produce", "deliver", "establish", "create", "adopt"}
# Cues whose subject is the agreement itself: "the treaty entered into force", "the deal expired".
_SUBJECT_CUES = {"enter", "expire", "collapse", "lapse", "terminate", "implement"}
# Cues that end an agreement only when it is their object: "the government ended the accord".
_OBJECT_CUES = {"end", "cancel", "annul", "revoke", "repudiate"}
# Prepositions through which a cue governs an agreement: "talks on", "withdrew from".
_GOVERNING_PREPOSITIONS = {"on", "over", "about", "of", "from", "to", "for", "into", "with"}
