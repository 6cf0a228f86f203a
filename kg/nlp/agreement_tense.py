"""Whether a text reports the making of an agreement (its signing, negotiation or renewal) as
done, still to come or not done, from the making verb's tense, auxiliaries, negation and the
verb that governs it. The one place these readings live: kg.nlp.agreement_participants reads a
signing's status with them, kg.nlp.agreement_status a settled or negotiated status, and
kg.nlp.agreement_time whether the story's day is the making's.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.agreement_mentions import SIGN_VERBS
from kg.nlp.modality import INTENT_HEADS, NEGATIVE_WORDS

# Prepositions before a gerund of making that report it done ("on concluding", "after signing";
# not "before signing").
_DONE_GERUND_PREPOSITIONS = {"on", "upon", "after", "for", "in"}


def not_done(verb: Token, head: Token | None = None) -> bool:
    """"aims to sign", "would sign", "has not signed", "which neither side has yet signed",
    "no treaty has been signed": a signing that has not happened."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.lower_ in NEGATIVE_WORDS for c in verb.subtree
           if c.dep_ in ("det", "nsubj", "nsubjpass", "preconj")):
        return True
    if head is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "could", "may", "might", "shall")
           for c in verb.children):
        return True
    return verb.dep_ == "xcomp"


def done_in_the_past(verb: Token) -> bool:
    """A verb in the past passive ("was negotiated", "had been negotiated")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN")
                                      for c in verb.children)


def to_come(verb: Token) -> bool:
    """A signing the text puts in the future: "will sign", "is expected to sign", "plan to
    sign" (and not "has not signed" or "refused to sign")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    # not "shall": in a treaty's own text it binds ("shall be signed in two originals")
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS and not any(
        c.dep_ == "neg" for c in verb.head.children)


def reported_not_done(verb: Token, head: Token) -> bool:
    """"will sign", "aims to reach": not_done, but a making agreed to ("agreed to extend the
    truce") is done when the agreeing is; not_done alone reads every complement verb as not
    done, so that "agreed to sign" is no signing yet."""
    agree = verb.head
    if verb.dep_ == "xcomp" and agree.lemma_.lower() in SIGN_VERBS:
        return not_done(agree)
    return not_done(verb, head)


def reported_done(verb: Token) -> bool:
    """Reported as done: "signed", "was signed", "have signed", "the signing of", "agreed to
    extend"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True   # the noun "signing": what the text reports has taken place
    if verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return True
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" \
            and verb.head.lower_ in _DONE_GERUND_PREPOSITIONS:
        return True   # "congratulated A and B on concluding their agreement"
    agree = verb.head
    return verb.dep_ == "xcomp" and agree.lemma_.lower() in SIGN_VERBS and reported_done(agree)
