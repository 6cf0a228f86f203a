"""How an event trigger is told: as a fact, negated, refused, only supposed, or intended.

- Negated triggers ("did not attack", "no talks") and hypothetical ones (a modal "may",
  "could", "might", "should", "must"; a clause of "if" or "whether"; what a fear or a risk is
  of, "fears of a fresh offensive"; any act of a kind, "to deter any offensive"; what someone
  forecasts another will do; what a denial says is not so, "denied that its soldiers opened fire";
  what an appeal asks for, "urged Togo to withdraw", but for support or condemnation rallied)
  are no events, and neither is anything inside them; but a refused yes ("did not accept the
  plan", "would not agree") is a REJECT, and so is a cooperative act that will not be done
  ("will not attend the summit",
  "has no intention of returning", "vowed never to give up its claim", "is not ready to sign",
  "has no interest in talks", "has yet to accept"); a forecast denied ("is not expected to
  sign") is no event. Nor is an act someone is wanted or suspected for, nor a toll ("soldiers
  killed on both sides": kg.nlp.events.triggers drops it, and what it is the toll of stands),
  nor what forces prepare for or what something comes ahead of ("in preparation for an
  assault"), nor what a disaster or an accident does ("a ferry capsized, killing 40").
- What a sentence tells only as the time of its main event ("…, a day after a mine blast
  killed four traders", "as fighting went on") is found here (time_clause) and left out by
  kg.nlp.events.finder where the sentence tells another event and the clause no date.
- An intended act ("will provide aid", "would blockade", "plans to deploy", "is ready to lift",
  "an offer of talks", and the purpose of one: "would send an envoy to mediate")
  is a statement of intent: PLOVER codes intent to cooperate as AGREE and intent to harm as
  THREATEN. So is an act on a condition ("will withdraw unless …"): a THREATEN. A measure
  kept in place ("would keep its embargo") is a refusal to ease it, told now.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from kg.nlp.modality import (INTENT_HEADS, NO_ACT_DETERMINERS, POSSIBILITY_NOUNS,
                             POSSIBLE_MODIFIERS, asked_for, denied_clause, intention_noun,
                             negated_argument, says_of_itself, sent_to_do)

if TYPE_CHECKING:
    from kg.nlp.events.triggers import Trigger

# Event types that, intended, are an offer (AGREE) rather than a threat (THREATEN).
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE",
                         "RETREAT"})
HOSTILE = frozenset({"REJECT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"})
# Acts that, asked of others, are themselves the event: rallying support for or opposition to
# a third party (CAMEO 053, 113: "urged Europe to back Kyiv", "called on others to condemn").
RALLIED = frozenset({"SUPPORT", "DISAPPROVE"})
# Acts whose refusal ("would not agree", "did not accept") is a REJECT.
REFUSABLE = frozenset({"AGREE", "CONCEDE"})
# Verbs of keeping a measure in place, a refusal to ease it (CAMEO 1244) however it is told.
KEEPING = frozenset({"keep", "maintain", "retain"})
HYPOTHETICAL_MODALS = frozenset({"may", "might", "could", "should", "must", "can"})
# Disasters and accidents, whose harm is no one's act.
NATURAL_FORCES = frozenset({"earthquake", "quake", "tremor", "flood", "flooding", "storm",
                            "cyclone", "typhoon", "hurricane", "tornado", "tsunami", "landslide",
                            "mudslide", "avalanche", "eruption", "drought", "famine", "epidemic",
                            "outbreak", "disease", "heatwave", "wildfire", "blaze", "crash",
                            "accident", "collision", "derailment", "rain", "rainfall",
                            "downpour", "monsoon", "snow", "blizzard", "lightning", "fire",
                            "cholera", "malaria", "measles", "meningitis", "virus", "fever",
                            "starvation", "water", "floodwater", "mud", "lava"})
# Verbs of accidents, whose harm, with no object, is no one's act ("a ferry capsized, killing
# 40"; but "the navy sank a trawler").
MISHAPS = frozenset({"collide", "crash", "plunge", "capsize", "derail", "overturn", "collapse",
                     "sink", "topple"})
FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll"})
# A preposition and the word it hangs from that tell an act still awaited.
AWAITED = frozenset({("for", "preparation"), ("for", "readiness"), ("of", "ahead"),
                     ("of", "anticipation")})
# Words of a clause, and prepositions of a phrase, that tell the time of another act by an
# earlier, a later or a concurrent one.
TIME_MARKS = frozenset({"after", "before", "since", "as", "while"})
TIME_PREPOSITIONS = frozenset({"after", "before", "since", "following"})
HYPOTHETICAL_MARKS = frozenset({"if", "whether", "provided", "providing"})
# Words whose clause is a condition: "provided they halt", "on condition that …".
CONDITION_WORDS = frozenset({"provided", "providing", "condition", "proviso"})
THREAT_MARKS = frozenset({"unless"})
# Modals of what may be done, which told of the speaker's own harm make a threat ("said it
# could retaliate", "might impose sanctions unless …").
POSSIBLE_MODALS = frozenset({"could", "might", "may"})
# Heads of a "to" clause that, denied, refuse it ("is not ready to sign", "does not want to
# meet"); a denied forecast ("is not expected to sign") only tells it is not done.
WILLING_HEADS = frozenset({"ready", "willing", "prepared", "prepare", "want", "intend", "plan"})
# Verbs of forecasting what another will do.
FORECASTING = frozenset({"expect", "predict", "forecast", "anticipate"})
# Verbs of reluctance, which denied tell an intent: "will not hesitate to strike".
RELUCTANCE = frozenset({"hesitate"})
# Verbs of the toll a participle counts ("soldiers killed", "people wounded").
CASUALTIES = frozenset({"kill", "wound", "injure", "maim"})
# Participles of those an act is laid at: "wanted for the attack", "suspected of the bombing".
SUSPECTING = frozenset({"want", "suspect"})
# Verbs of deciding: to decide not to do a cooperative act refuses it ("decided not to lift
# the sanctions", "voted not to attend").
DECIDING = frozenset({"decide", "vote", "choose", "opt", "resolve"})


def read_factuality(trigger: Trigger, noun: Token, lemmas: list[str]) -> None:
    """Set how `trigger` is told (see module doc): whether as a fact (`told_as_fact`), as to
    come (`intended`), and the type that makes of it (a REJECT, an AGREE, a THREATEN). `noun`
    is what stands for a noun trigger in its clause (triggers.standing)."""
    clause = trigger.anchor
    words = [c for c in clause.children] + ([c for c in trigger.token.children]
                                            if trigger.token.i != clause.i else [])
    if noun.i != trigger.token.i:
        words += list(noun.children)                  # "no new round of talks"
    if noun.dep_ in ("nsubj", "nsubjpass") and trigger.token.pos_ == "NOUN":
        words += list(noun.head.children)             # "patrols have not resumed"
    words += _shared_auxiliaries(clause)
    auxiliaries = {c.lower_ for c in words if c.dep_ in ("aux", "auxpass")}
    intention = intention_noun(clause, lemmas)
    denied = intention is not None and any(c.dep_ == "det" and c.lower_ == "no"
                                           for c in intention.children)
    governor = _denied_governor(clause)
    refused = governor is not None and (lemmas[governor.i] in WILLING_HEADS
                                        or _not_yet(governor))
    if trigger.type == "THREATEN" and trigger.code.type == "REJECT":
        return      # "did not rule out military action": a threat, told as a fact
    if (any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in words)
            or _neither_nor(clause) or negated_argument(clause) or denied or refused):
        # "did not accept the plan" rejects it (CAMEO codes a refused yes as a rejection), and
        # so does a cooperative act that will not be done ("will not attend the summit",
        # "would never recognise the republic", "is not ready to sign", "has no interest in
        # talks": CAMEO 12, declining to yield or to meet); any other act not done is no event
        to_come = denied or refused or bool(auxiliaries & FUTURE_AUXILIARIES) or (
            clause.dep_ == "xcomp" and lemmas[clause.head.i] in DECIDING)
        trigger.told_as_fact = (trigger.type in REFUSABLE and trigger.token.pos_ == "VERB") or (
            to_come and trigger.type in COOPERATIVE and (clause.pos_ == "VERB" or denied))
        trigger.type, trigger.mode = "REJECT", None
        return
    marks = {m.lower_ for c in clause.children if c.dep_ == "advcl" for m in c.children
             if m.dep_ == "mark"}
    if auxiliaries & POSSIBLE_MODALS and trigger.type in HOSTILE \
            and says_of_itself(clause) and not _in_condition(clause):
        # "Seoul said it could retaliate if the shelling continued", "said it might close the
        # crossing": harm the speaker says it may do (not a forecast of what others could do)
        trigger.type, trigger.mode, trigger.intended = "THREATEN", None, True
        return
    if auxiliaries & HYPOTHETICAL_MODALS or _in_condition(clause) or _background(clause) or \
            _forecast(clause, lemmas) or \
            _by_nature(clause, lemmas) or _suspected_of(noun, lemmas) or \
            _only_possible(noun, lemmas) or denied_clause(clause, lemmas) or (
            trigger.type not in RALLIED
            and asked_for(clause, lemmas, counting_itself=trigger.token.i != clause.i)):
        trigger.told_as_fact = False
        return
    intended = bool(auxiliaries & FUTURE_AUXILIARIES) or _intended(clause, lemmas) or \
        _purpose_of_intent(clause, lemmas)
    trigger.intended = intended
    if marks & THREAT_MARKS and trigger.type != "THREATEN":
        trigger.type, trigger.mode = "THREATEN", None
    elif intended and trigger.type in COOPERATIVE and trigger.type != "AGREE":
        trigger.type, trigger.mode = "AGREE", None
    elif intended and trigger.type in HOSTILE and not _declining_to_yield(trigger):
        trigger.type, trigger.mode = "THREATEN", trigger.mode
    if governor is not None:
        trigger.told_as_fact = False


def _forecast(clause: Token, lemmas: list[str]) -> bool:
    """"Bankers expect the central bank to ease controls": what someone forecasts another will
    do is not done (but "is expected to sign", the news's own word for what is planned, tells
    an intent: _intended)."""
    head = clause.head
    # another's act: the clause has its own subject, or the forecaster names who will act
    # ("expect Kiev to sign"; not "officials expect to sign", their own intent)
    if clause.dep_ not in ("ccomp", "xcomp") or clause.i < head.i \
            or lemmas[head.i] not in FORECASTING \
            or not any(c.dep_ == "nsubj" for c in head.children):
        return False
    return any(c.dep_ == "nsubj" for c in clause.children) \
        or any(c.dep_ == "dobj" for c in head.children)


def _declining_to_yield(trigger: Trigger) -> bool:
    """"would keep its embargo in place": a refusal to ease a measure, told as to come, is told
    now (CAMEO 124), not threatened."""
    return trigger.type == "REJECT" and trigger.code.lemma in KEEPING


def _neither_nor(clause: Token) -> bool:
    """"its gunboats had neither entered the bay nor shelled the port": a clause of "neither", and
    one joined to it by "nor", is denied."""
    first = clause.head if clause.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" for c in clause.head.children) else clause
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in first.children)


def _shared_auxiliaries(clause: Token) -> list[Token]:
    """"would pursue the rebels and hit their bases", "will not attack or invade": a bare verb
    conjoined to another, with no subject or auxiliary of its own, shares the other's
    auxiliaries and negation (not a verb with a tense of its own: "did not attack the town but
    shelled its outskirts"). The tagger may take a bare "hit" or "cut" for a past tense, which
    after a modal it cannot be."""
    if clause.dep_ != "conj" or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in clause.children):
        return []
    shared = [c for c in clause.head.children if c.dep_ in ("aux", "auxpass", "neg")]
    bare = clause.tag_ == "VB" or (clause.lower_ == clause.lemma_
                                   and any(c.tag_ == "MD" for c in shared))
    return shared if bare else []


def _by_nature(clause: Token, lemmas: list[str]) -> bool:
    """"An earthquake struck northern Iran, killing 35,000", "floods killed 200", "a bus
    plunged into a ravine, killing 30": what a disaster or an accident does is no one's act."""
    node = clause
    # "nine died when a cyclone hit the coast": the force a "when" clause tells
    if any(c.dep_ == "advcl" and any(g.lower_ in ("when", "as") for g in c.children)
           and any(g.dep_ == "nsubj" and lemmas[g.i] in NATURAL_FORCES for g in c.children)
           for c in clause.children):
        return True
    while True:
        # the force as subject or as a passive's agent ("were killed by floods")
        if any((c.dep_ == "nsubj" and lemmas[c.i] in NATURAL_FORCES) or (c.dep_ == "agent" and any(
                lemmas[g.i] in NATURAL_FORCES for g in c.children)) for c in node.children):
            return True
        if lemmas[node.i] in MISHAPS and not any(c.dep_ in ("dobj", "obj")
                                                 for c in node.children):
            return True
        # a clause with a conjunction of its own tells an act of its own ("crashed after
        # rebels shot it down")
        if node.dep_ not in ("advcl", "conj", "xcomp") or node.head.i == node.i \
                or any(c.dep_ == "mark" for c in node.children):
            return False
        node = node.head


def casualties(verb: Token, lemmas: list[str]) -> bool:
    """"…, saying a dozen guards were killed on each side", "with 40 people wounded": the dead
    and wounded a participle counts, with no one named as killing them, are a fight's or an
    attack's toll, not an act of their own (but "civilians killed by troops" is one)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and lemmas[verb.i] in CASUALTIES \
        and not any(c.dep_ == "agent" for c in verb.children)


def _suspected_of(noun: Token, lemmas: list[str]) -> bool:
    """"two men wanted for the hotel attack", "suspected of involvement in the bombing",
    "wanted over the murders": an act someone is wanted or suspected for is
    what they are said to have done before, not an event the sentence tells."""
    node = noun
    for _ in range(4):      # up through "in connection with", "of involvement in"
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return False
        node = node.head
        if lemmas[node.i] in SUSPECTING and node.pos_ in ("VERB", "ADJ"):
            return True
    return False


def _only_possible(noun: Token, lemmas: list[str]) -> bool:
    """"fears of a fresh offensive", "the risk of a coup", "a chance to settle", "a possible
    offensive", "in preparation for an offensive", "no question of negotiating", "would answer
    any incursion", "the first such raid": an act named as what may come, any act of a kind,
    or the kind of one told already."""
    return (noun.dep_ in ("pobj", "pcomp") and noun.head.lower_ == "of"
            and lemmas[noun.head.head.i] in POSSIBILITY_NOUNS) or (
        # "moved armour in preparation for an assault", "ahead of talks next week"
        noun.dep_ == "pobj" and (noun.head.lower_, lemmas[noun.head.head.i]) in AWAITED) or (
        noun.dep_ in ("acl", "relcl") and lemmas[noun.head.i] in POSSIBILITY_NOUNS) or (
        noun.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in POSSIBLE_MODIFIERS
                                    or c.dep_ == "det" and c.lower_ in NO_ACT_DETERMINERS
                                    or c.lower_ == "such" for c in noun.children))


def _background(clause: Token) -> bool:
    """"restored the parliament he had dissolved a year earlier": what a relative clause tells
    in the past perfect happened before the story, as its background; and so did what a thing
    is the first or the worst since ("the first visit since the two fought a border war",
    "it was the worst fighting since the rebels took the town"; not a "since" of cause on a
    verb: "since the rebels attacked, the army has shelled …")."""
    # a noun's act is told in the verb it hangs from ("traders who had taken part in a
    # boycott")
    verb = up_to_its_verb(clause)[-1]
    if verb.dep_ == "relcl" and verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return True
    return clause.dep_ == "advcl" and clause.tag_ == "VBD" and any(
        c.dep_ == "mark" and c.lower_ == "since" for c in clause.children) and (
        clause.head.pos_ in ("ADJ", "NOUN") or clause.head.lemma_ == "be")


def up_to_its_verb(word: Token) -> list[Token]:
    """The word and the words it hangs from, up to the verb of its clause ("a court of
    inquiry" → "court" → "convened"), or to the root of a fragment ("For the release of
    …")."""
    chain = [word]
    while chain[-1].pos_ not in ("VERB", "AUX") and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def time_clause(token: Token) -> Token | None:
    """The "after", "before", "since", "as" or "while" clause ("…, a day after a mine blast
    killed four traders", "…, as fighting went on near the border") or the "after", "before",
    "since" or "following" phrase ("talks resumed after a month of shelling", "following an
    offensive") the word is told in, as the time of another act, if it is."""
    node = token
    while True:
        if any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in node.children):
            return node
        if node.dep_ == "pobj" and node.head.lower_ in TIME_PREPOSITIONS:
            return node
        if node.head.i == node.i:
            return None
        node = node.head


def _in_condition(clause: Token) -> bool:
    """Whether the clause, or one it hangs from, is an "if"/"whether"/"unless" clause or a
    condition in other words ("provided they halt", "as long as Britain apologises", "on
    condition that Libya withdraws")."""
    node = clause
    while True:
        if any(m.dep_ == "mark" and (m.lower_ in HYPOTHETICAL_MARKS | THREAT_MARKS or (
                m.lower_ == "as" and node.head.lower_ == "long")) for m in node.children):
            return True
        if node.dep_ in ("pcomp", "ccomp", "acl") and node.head.lower_ in CONDITION_WORDS:
            return True
        before = node.doc[node.left_edge.i - 1] if node.left_edge.i > 0 else None
        if before is not None and before.lower_ in CONDITION_WORDS and before.n_lefts == 0 \
                and before.n_rights == 0:
            return True     # "reopen the crossing provided Kabul disarmed …", misparsed
        if node.head.i == node.i or node.dep_ in ("ROOT", "conj"):
            return False
        node = node.head


def _intended(clause: Token, lemmas: list[str]) -> bool:
    """"plans to deploy", "is ready to lift", "an offer to host talks", "its intention of
    withdrawing": the clause is the complement of an intention."""
    head = clause.head
    return (clause.dep_ == "xcomp" and (lemmas[head.i] in INTENT_HEADS or _reluctance_denied(
        head))) or intention_noun(clause, lemmas) is not None


def _reluctance_denied(head: Token) -> bool:
    """"will not hesitate to strike": reluctance denied is an intent."""
    return head.lemma_.lower() in RELUCTANCE and any(c.dep_ == "neg" for c in head.children)


def _purpose_of_intent(clause: Token, lemmas: list[str]) -> bool:
    """"would send an envoy to mediate", "plans to fly troops in to fight": the purpose of an
    act to come is to come too."""
    if sent_to_do(clause):
        head = clause.head.head         # "would send an envoy to mediate"
    elif clause.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        head = clause.head
    else:
        return False
    return head.pos_ == "VERB" and (_intended(head, lemmas) or any(
        c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in head.children))


def _denied_governor(clause: Token) -> Token | None:
    """The word the clause is the "to" complement of, where that is denied: "did not try to
    attack", "was not ready to sign" (the adjective's verb denied), "has yet to accept",
    "failed to ratify"."""
    if clause.dep_ != "xcomp" or _reluctance_denied(clause.head):
        return None
    head = clause.head
    holders = [head, head.head] if head.dep_ == "acomp" else [head]
    denied = head.lemma_ == "fail" or any(_not_yet(h) or any(c.dep_ == "neg" for c in h.children)
                                          for h in holders)
    return head if denied else None


def _not_yet(word: Token) -> bool:
    """"has yet to accept", "is yet to withdraw": what is still to be done is not done."""
    return any(c.dep_ == "advmod" and c.lower_ == "yet" for c in word.children)
