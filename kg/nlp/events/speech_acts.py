"""Events a verb of saying tells by what it says: what a speaker says another must do is a
DEMAND ("Iran said the United States must withdraw"), a warning of what the speaker will do,
or of the harm the one warned could face, a THREATEN ("warned it would strike", "warned
Damascus it could face sanctions"), and a clause that sets an act's price an ultimatum ("…
or face air strikes"). Each is returned as (the word that tells the event, its code, the clause
it is told in) for kg.nlp.events.triggers to make a trigger of.
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from kg.data.event_codes import EventCode, EventTable, word_classes
from kg.nlp.claims import SPEECH_LEMMAS
from kg.nlp.events.factuality import (FUTURE_AUXILIARIES, HOSTILE, HYPOTHETICAL_MODALS,
                                      POSSIBLE_MODALS)
from kg.nlp.modality import FORESEEN_MODIFIERS, SPEAKER_PRONOUNS, the_speaker

# The modals that make what a speaker says a demand put on another ("should" only asks).
OBLIGATIONS = {"must": EventCode("must", "verb", "DEMAND", None, "100", None)}
WARNING = EventCode("warn", "verb", "THREATEN", None, "130", None)
# Verbs of what one warned would suffer ("warned Syria it could face sanctions").
SUFFERING = frozenset({"face", "risk", "suffer", "pay", "meet"})   # "… would be met with force"
# "… or face sanctions", "… or risk arrest": the words that set an ultimatum's price.
ULTIMATUM_VERBS = frozenset({"face", "risk"})
ULTIMATUM = EventCode("face", "verb", "THREATEN", None, "139", None)
# Verbs that tell a harm to come by what they are "of" or "at" ("warned of sanctions",
# "hinted at military action").
WARNED_OF = {"warn": "of", "hint": "at"}
# (the word that tells the event, its code, the clause it is told in)
Told = tuple[Token, EventCode, Token]
# Verbs by which a speaker judges what it reports: saying it, and naming, blaming or
# condemning it ("…, calling the flights a provocation", "…, accusing Ankara of …").
JUDGING = SPEECH_LEMMAS | frozenset({
    "call", "describe", "term", "brand", "label", "condemn", "denounce", "deplore", "blame",
    "criticise", "criticize", "reject", "dismiss", "demand", "urge", "vow", "threaten"})


def speaker_of_participle(clause: Token, lemmas: list[str]) -> Token | None:
    """The verb of saying a participle of judging belongs to, where the parser hangs it on the
    clause reported: in "Athens said Turkish jets had entered its airspace, calling the flights
    a provocation", Athens calls, not the jets. Not where the verb of saying follows what it
    reports ("Britain expelled two diplomats, accusing them of spying, the ministry said":
    Britain accuses)."""
    head = clause.head
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and lemmas[clause.i] in JUDGING \
            and head.dep_ == "ccomp" and head.head.i < head.i \
            and lemmas[head.head.i] in SPEECH_LEMMAS \
            and head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return head.head
    return None


def report_of_participle(clause: Token, lemmas: list[str]) -> Token | None:
    """The clause reported that a participle of doing after the attribution belongs to, where
    the parser hangs it on the verb of saying: in "Iraqi troops pulled back, the Pentagon said,
    ending a build-up", the troops end it, not the Pentagon (a participle of judging there is
    the speaker's: "…, the ministry said, calling the raid a provocation")."""
    head = clause.head
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or lemmas[clause.i] in JUDGING \
            or lemmas[head.i] not in SPEECH_LEMMAS or clause.i < head.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)


def ultimatums(sentence: Span, lemmas: list[str], table: EventTable) -> list[int]:
    """Where the sentence sets an act's price ("pull back their guns or face air strikes",
    "leave within a week or risk arrest", "leave the country or be killed"): the clause that
    holds it is an ultimatum, a threat (CAMEO 139), whatever it tells (a demand, a deadline
    given)."""
    doc = sentence.doc
    return [i for i in range(sentence.start + 2, sentence.end)
            if (doc[i].lower_ in ULTIMATUM_VERBS and doc[i - 1].lower_ == "or") or (
                doc[i - 2].lower_ == "or" and doc[i - 1].lower_ == "be"
                and table.types(lemmas[i], "verb") & HOSTILE)]


def obligations(sentence: Span, lemmas: list[str]) -> list[Told]:
    """"Iran said the United States must withdraw", "told Khartoum that it must allow": a
    speaker telling another what it must do makes a demand (CAMEO 10), whatever the act; the
    event is told by the verb of saying, from its subject to the clause's subject or the one
    told."""
    found = []
    for tok in said(sentence, lemmas, SPEECH_LEMMAS):
        modals = {c.lower_ for c in tok.children if c.dep_ == "aux"} & set(OBLIGATIONS)
        # "told Khartoum that it must allow …": "it" is the one told, not the speaker
        told = any(c.dep_ in ("dobj", "dative") for c in tok.head.children)
        if modals and any(c.dep_ in ("nsubj", "nsubjpass")
                          and (told or c.lower_ not in SPEAKER_PRONOUNS) for c in tok.children):
            code = OBLIGATIONS[modals.pop()]
            found.append((tok.head, code, tok.head))
    return found


def warnings(sentence: Span, lemmas: list[str], table: EventTable) -> list[Told]:
    """"North Korea warned it would strike the United States": a warning of what the speaker
    itself will (or could) do is a threat (CAMEO 13), whatever the act, aimed at the act's
    object; and so is a warning of what the one warned would suffer ("warned Damascus it could
    face sanctions", "warned that violators would pay dearly", "that intruders would be
    shot"; not what onlookers say: _onlookers_say), and one "of" a hostile act ("warned of
    sanctions", "hinted at military action")."""
    found = []
    for tok in said(sentence, lemmas, SPEECH_LEMMAS):
        warned = lemmas[tok.head.i] == "warn"
        auxiliaries = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        of_itself = any(c.dep_ == "nsubj" and the_speaker(c) for c in tok.children)
        # what it warns it could do is as much a threat ("warned it could pull its troops out")
        if warned and auxiliaries & (FUTURE_AUXILIARIES | POSSIBLE_MODALS) and of_itself:
            found.append((tok.head, WARNING, tok))
        elif (auxiliaries & (FUTURE_AUXILIARIES | HYPOTHETICAL_MODALS)
              or (warned and tok.tag_ == "VBD")) and (warned or not of_itself) \
                and lemmas[tok.i] in SUFFERING and _a_harm(tok, lemmas, table) \
                and not _onlookers_say(tok.head, lemmas):
            # what another would suffer, told as to come, is a threat, warned of or said ("a
            # general said India would face nuclear retaliation if it crossed the line"); a
            # warning tells it as a fact (a past tense is reported speech's: "warned Tehran it
            # faced an embargo")
            found.append((tok.head, WARNING, tok.head))
        elif warned and auxiliaries & FUTURE_AUXILIARIES \
                and any(c.dep_ == "auxpass" for c in tok.children) \
                and table.types(lemmas[tok.i], "verb", plain=True) & HOSTILE:
            # "warned that intruders would be shot": a harm to come, done by no one else named
            # (by a verb that is hostile whatever its object: not "the bridge would be closed")
            found.append((tok.head, WARNING, tok.head))
    return found + _warnings_of(sentence, lemmas, table)


def _onlookers_say(verb: Token, lemmas: list[str]) -> bool:
    """"Western diplomats said Khartoum could face new sanctions": what onlookers (analysts,
    diplomats, observers; class "onlookers") say another may suffer is a forecast, not a threat
    of theirs."""
    onlookers = word_classes()["onlookers"]
    return any(c.dep_ == "nsubj" and lemmas[c.i] in onlookers for c in verb.children)


def _warnings_of(sentence: Span, lemmas: list[str], table: EventTable) -> list[Told]:
    """"Britain warned of sanctions", "hinted at military action": a warning of a hostile act
    that names no one else to do it is a threat by the one who warns (CAMEO 13); "warned
    of attacks by militants" is not."""
    found = []
    for i in range(sentence.start, sentence.end):
        tok = sentence.doc[i]
        if lemmas[i] not in WARNED_OF or tok.pos_ != "VERB":
            continue
        # "warned Minsk of sanctions", "warned Syria on Sunday of grave consequences": the
        # parser may hang the "of" on the one warned or on a date
        holders = [tok, *(c for c in tok.children if c.dep_ == "dobj"), *(
            g for p in tok.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")]
        harms = [g for h in holders for p in h.children
                 if p.dep_ == "prep" and p.lower_ == WARNED_OF[lemmas[i]]
                 for g in p.children if g.dep_ == "pobj" and _hostile_noun(g, lemmas, table)
                 and not any(c.dep_ == "amod" and c.lower_ in FORESEEN_MODIFIERS
                             for c in g.children)]
        # "warned of raids by smugglers" (the parser may hang the "by" on the verb)
        if harms and not any(c.dep_ == "prep" and c.lower_ == "by"
                             for g in [tok, *harms] for c in g.children):
            found.append((tok, WARNING, tok))
    return found


def _hostile_noun(noun: Token, lemmas: list[str], table: EventTable) -> bool:
    """A reprisal, or a noun the table codes as hostile in any sense ("sanctions", "action")."""
    return lemmas[noun.i] in word_classes()["reprisals"] or bool(
        table.types(lemmas[noun.i], "noun") & HOSTILE)


def _a_harm(verb: Token, lemmas: list[str], table: EventTable) -> bool:
    """Whether what the verb's object (or its "with") names is a harm done by someone: a
    reprisal, a price, force, or an act the table codes as hostile ("face sanctions", "risk
    arrest", "be met with force"; not "face a default")."""
    harms = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
        for g in p.children if g.dep_ == "pobj"]
    return any(lemmas[c.i] in ("price", "force") or _hostile_noun(c, lemmas, table)
               for c in harms)


def said(sentence: Span, lemmas: list[str], verbs: Collection[str]) -> list[Token]:
    """The clauses told by the sentence's verbs of saying (Tokens made only for those verbs)."""
    doc = sentence.doc
    return [c for i in range(sentence.start, sentence.end) if lemmas[i] in verbs
            for c in doc[i].children if c.dep_ == "ccomp"]
