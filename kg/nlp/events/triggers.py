"""Event triggers in a sentence: the verbs and nouns the coding table names, with what the parse
says of them (negated, hypothetical, intended, or part of a larger event).

- A noun trigger whose code needs its governing verb ("opened fire", "ordered patrols") makes
  one event with that verb: the verb's own coding gives way to the noun's.
- A verb that stops what its object names makes an event of its own: stopping a cooperative
  act, or trade (the class "trade": "halted beef imports", "cut off gas supplies"), reduces
  relations, stopping a hostile one eases it ("halted military cooperation" is a SANCTION,
  "ended its offensive" a RETREAT); so does a noun of stopping ("the end of its boycott").
- A noun of an undertaking is the act the noun before it names ("a mediation bid").
- A trigger inside another trigger's clause is part of that event, not one of its own:
  "threatened to launch an offensive" is one THREATEN, "accused X of attacking" one DISAPPROVE,
  "staged demonstrations to demand reforms" one PROTEST. Conjoined clauses stay separate.
- Whether a trigger is told as a fact, intended, refused or only supposed is read by
  kg.nlp.events.factuality.
- What a verb of saying tells by what it says (kg.nlp.events.speech_acts): what a speaker says
  another must do is a DEMAND ("Iran said the United States must withdraw"); what it should do
  is an appeal, which PLOVER does not code (nor any request: see docs/events-requests.csv to
  code them as REQUEST). A warning of what the speaker will or could do, or of the harm the one
  warned could face, is a THREATEN ("warned it would strike"), whatever the act warned of
  ("warned it could pull its monitors out").
- What is done by way of a concession a participle before it tells is a concession ("Yielding
  to the protests, the president dismissed his cabinet").
- A toll is no act of its own: the dead a participle counts ("reporting 14 soldiers killed")
  or a "when" clause ties to what was done ("six guards died when their post was raided"); what
  it is the toll of is the event. An order to envoys, monitors or agencies to get out of a state
  expels them.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.data.event_codes import EventCode, EventTable, word_classes
from kg.nlp.events.factuality import (CASUALTIES, COOPERATIVE, HOSTILE, POSSIBLE_MODALS,
                                      TIME_PREPOSITIONS, casualties, read_factuality,
                                      up_to_its_verb)
from kg.nlp.events.phrases import agents_of, of_objects
from kg.nlp.events.speech_acts import (ULTIMATUM, WARNING, obligations,
                                       speaker_of_participle, ultimatums, warnings)
from kg.nlp.modality import DENIALS, OWN_POSSESSIVES, negated_argument, that_clause

# What agreeing to, signing or ratifying is (PLOVER: "actions which ratify, sign, or finalize
# an agreement" are a SUPPORT); not a state's own bill or decree (DOMESTIC_ACTS).
AGREEMENT_EVENTS = frozenset({"AGREE", "SUPPORT"})
# Verbs of commanding, whose order to one's own forces (modality.OWN_POSSESSIVES) is no demand.
COMMANDING = frozenset({"order", "instruct", "command", "direct"})
# Forces that fight a state, never the ones its commands are given to ("ordered the rebels to
# surrender" is a demand on them).
INSURGENTS = frozenset({"rebel", "guerrilla", "militant", "separatist", "insurgent"})
# Verbs of leaving a place: an order to leave one is an expulsion, coded as the verb of
# expelling is; and the places it may name ("to leave the country", not "to leave the talks").
LEAVING = frozenset({"leave", "quit", "depart"})
PLACES_LEFT = frozenset({"country", "territory", "capital", "city", "town", "region", "area",
                         "province", "island", "kingdom", "republic", "state", "north", "south",
                         "east", "west", "zone", "district"})
INQUIRED_INTO = frozenset({"into", "of", "about"})     # "an inquiry into the killings"
RESIGNING = "0831"     # CAMEO's code for a change of leadership, which kg gives resignations
GIVING_TIME = "give"    # "gave the consul two days to leave"
EXPELLING = "expel"
# Verbs that only tell the event their object names ("gave an ultimatum", "issued a demand",
# "offered an apology", "launched an inquiry", "ordered the expulsion of", "announced an
# amnesty"), and verbs of entering into the event their "on", "in" or "for" names ("went on
# strike", "engaged in heavy combat", "joined in the protests", "joined them for exercises").
ENTERING_VERBS = frozenset({"go", "engage", "join", "take", "participate", "begin",
                            "continue", "remain"})
LIGHT_VERBS = ENTERING_VERBS | {"give", "make", "offer", "issue", "hold", "launch", "put",
                                "extend", "pay", "stage", "conduct", "carry", "lodge", "file",
                                "start", "set", "order", "announce", "approve", "open",
                                "bring"}
# A state's own instruments: signing or adopting one agrees with no one.
DOMESTIC_ACTS = frozenset({"bill", "law", "decree", "legislation", "budget", "ordinance",
                           "amendment", "constitution", "order"})
# Acts whose place is where the sides meet, not whom they act on ("talks resumed in Geneva"),
# but for one who travels there for them ("arrived in Ankara for talks": Turkey is the host).
MEETINGS = frozenset({"CONSULT"})
# Nouns that count or time the events of their "of" phrase, which takes their place in the
# clause: "held a third round of talks", "launched a wave of air strikes", "two days of
# consultations", "sent a letter of protest".
PARTITIVES = frozenset({"round", "wave", "series", "spate", "string", "flurry", "barrage",
                        "volley", "salvo", "burst", "hour", "day", "night", "week", "month",
                        "year", "note", "letter", "most", "part", "bulk", "half", "some",
                        "all"})
# Verbs that stop or ease the act their object names ("halted military cooperation",
# "suspended aid", "called off the strike", "ended its offensive", "lifted the embargo"), and
# the kind of event stopping each kind of act is, with its CAMEO code: a cooperative act
# stopped reduces relations (CAMEO 16), a hostile one stopped eases it (CAMEO 08).
STOPPING = frozenset({"halt", "suspend", "stop", "cancel", "cut", "freeze", "scrap",
                      "terminate", "abandon", "discontinue", "end", "lift", "revoke", "rescind",
                      "repeal"})
STOPPING_PARTICLES = {"call": "off", "break": "off"}
# Nouns of stopping, with their verbs (whose rows they share: "the end of its boycott" is coded
# as "ended its boycott" is).
STOPPING_NOUNS = {"end": "end", "lifting": "lift", "suspension": "suspend", "halt": "halt",
                  "cancellation": "cancel", "freeze": "freeze", "termination": "terminate",
                  "cessation": "cease", "easing": "ease", "relaxation": "relax",
                  "removal": "remove", "plug": "stop"}   # "pulled the plug on aid"
STOPPED = {"COOPERATE": ("SANCTION", "160"), "AID": ("SANCTION", "162"),
           "CONSULT": ("SANCTION", "164"), "AGREE": ("SANCTION", "160"),
           "SUPPORT": ("SANCTION", "160"), "PROTEST": ("CONCEDE", "082"),
           "COERCE": ("CONCEDE", "081"), "FIGHT": ("RETREAT", "087"),
           "ASSAULT": ("RETREAT", "087"), "MOBILIZE": ("RETREAT", "087"),
           "SANCTION": ("RETREAT", "085")}
# Fights between armed sides, which a killing "in" them is told by ("killed 14 rebels in a
# clash"; not "in a bomb attack", one-sided).
COMBAT = frozenset({"clash", "battle", "fighting", "firefight", "skirmish", "gunbattle",
                    "gunfight", "combat"})
# Talks that end were held: "ended three days of talks in Doha" is a consultation.
TALKS_HELD = EventCode("end", "verb", "CONSULT", None, "040", None)
# Verbs of refusing a possibility, whose denial keeps a harm open ("did not rule out").
RULING_OUT = frozenset({"rule"})
# Nouns of an undertaking, which is the act the noun before them names: "a mediation bid",
# "a bombing campaign", "a search operation", "an aid package", "an arrest drive". ("effort"
# paid on one half of a gold pool and cost on the other: an effort is often only tried.)
UNDERTAKINGS = frozenset({"bid", "campaign", "mission", "operation", "drive",
                          "initiative", "attempt", "spree", "blitz", "programme", "program",
                          "package", "process"})
# What one takes for an act one owns up to, and the verbs of owning up ("claimed responsibility
# for the attack", "took credit for the raid"): the act owned is the event, not the verb.
OWNING = frozenset({"responsibility", "credit"})
OWNING_UP = frozenset({"claim", "take", "accept", "admit", "assume"})
# Words that complete a verb as a particle ("ordered … out", "handed … back").
PARTICLES = frozenset({"out", "back", "off", "away", "down", "up", "over"})
# Links along which one event holds another (everything but a conjoined clause).
_SEPARATE = frozenset({"conj", "parataxis"})
# A noun's governing verb stands for the noun's event when the noun is its object ("opened
# fire", "staged demonstrations"); a subject noun keeps its own clause ("clashes broke out").
_ARGUMENTS = frozenset({"dobj", "attr", "obj"})


@dataclass
class Trigger:
    token: Token
    code: EventCode
    anchor: Token             # the clause the event is told in: the verb, or a noun's verb
    type: str                 # the type as told (intent may make an AGREE or a THREATEN)
    mode: str | None
    told_as_fact: bool = True  # False: negated or hypothetical, so no event
    intended: bool = False     # told as to come ("will provide", "plans to visit")


def mended_lemmas(lowers: list[str], lemmas: list[str], table: EventTable) -> list[str]:
    """The lemmas, with the ones the rule lemmatizer cuts one letter short mended where the
    coding names the whole word: "staged" → "stag" is "stage", "raped" and "raping" → "rap" are
    "rape" (but "rapped" stays "rap"), a plural the lemmatizer takes for another word's is its
    singular ("bases" → "basis" is "base"); and a word the tokenizer splits at its hyphen is the
    whole word at its last part, with or without the hyphen, where the coding names it
    ("a sit-in": the table's "sit-in" at "in")."""
    mended = None
    for i, lower in enumerate(lowers):
        if i >= 2 and lowers[i - 1] == "-":
            whole = next((w for w in (f"{lowers[i - 2]}-{lemmas[i]}", lowers[i - 2] + lemmas[i])
                          if w in table.words), lemmas[i])
        elif lower.endswith(("ed", "ing")):
            whole = lower[:-1] if lower.endswith("ed") else lower[:-3] + "e"
            if not whole.startswith(lemmas[i]) or whole not in table.words:
                continue
        elif lower.endswith("es") and lower[:-1] in table.words:
            whole = lower[:-1]          # "bases" is "base", not "basis"
        else:
            continue
        if whole != lemmas[i]:
            mended = mended or list(lemmas)
            mended[i] = whole
    return mended or lemmas


def find_triggers(sentence: Span, lemmas: list[str], table: EventTable) -> list[Trigger]:
    """The triggers of events the sentence tells as facts, in text order, as `table` codes
    them (kg.data.event_codes.event_table)."""
    # Only words the table names become Tokens (a Token costs more than a list look-up).
    coded = table.lemmas
    doc = sentence.doc
    found = [t for t in (_candidate(doc[i], lemmas, table)
                         for i in range(sentence.start, sentence.end) if lemmas[i] in coded)
             if t is not None]
    # "30 rebels killed in the clashes", "four soldiers were killed when their patrol was
    # ambushed": a toll is no act, and what it is the toll of stands
    tolls = {t.anchor.head.i for t in found if _when_of(t.anchor)}
    found = [t for t in _matters_dropped(found) if not casualties(t.token, lemmas) and not (
        t.token.i in tolls and lemmas[t.token.i] in CASUALTIES)]
    for t in found:
        _harm_not_ruled_out(t, lemmas, table)
    # "opened fire", "gave an ultimatum", "went on strike": the noun names the event and the
    # verb only tells it (its own coding, if any, gives way)
    light = {t.anchor.i for t in found if t.anchor.i != t.token.i
             and lemmas[t.anchor.i] in LIGHT_VERBS | {t.code.needs}}
    found = [t for t in found if t.token.i not in light]
    # "a bombing killed …": a noun that is the subject or object of a trigger verb is that
    # event's participant, not an event of its own
    verbs = {t.token.i: t for t in found if t.anchor.i == t.token.i}
    for t in found:
        if t.anchor.i != t.token.i and t.anchor.i in verbs:
            _promised_harm(verbs[t.anchor.i], t)
    found = [t for t in found if t.anchor.i == t.token.i or t.anchor.i not in verbs]
    # "an inquiry into allegations of torture", "a probe into the bombing": what an inquiry is
    # into is its matter, not an act the sentence tells (the parser may hang the "into" on the
    # verb that tells the inquiry: "convened a court of inquiry into …")
    inquiries = {w.i for t in found if t.type == "INVESTIGATE" for w in up_to_its_verb(t.token)}
    found = [t for t in found if t.type == "INVESTIGATE" or not (
        t.token.dep_ == "pobj" and t.token.head.lower_ in INQUIRED_INTO
        and t.token.head.head.i in inquiries)]
    # "demanded a halt to the fighting": a noun of stopping that a trigger verb governs is that
    # event's participant, as any noun is (but for a verb that only tells it: "ordered a freeze")
    stopped = [t for t in _stopped(sentence, lemmas, table)
               if t.anchor.i == t.token.i or t.anchor.i not in verbs
               or lemmas[t.anchor.i] in LIGHT_VERBS]
    if stopped:     # "suspended aid": the stopping is the event, not the aid nor "suspend"
        verbs = {t.token.i for t in stopped}
        # "ordered a freeze on aid": the verb that only tells a stopping noun gives way
        verbs |= {t.anchor.i for t in stopped if lemmas[t.anchor.i] in LIGHT_VERBS}
        found = [t for t in found
                 if t.token.i not in verbs and t.anchor.i not in verbs] + stopped
    anchors = {t.anchor.i: t for t in found}
    told = obligations(sentence, lemmas) + warnings(sentence, lemmas, table)
    found += [Trigger(token, code, anchor, code.type, code.mode) for token, code, anchor in told
              if anchor.i not in anchors]
    # "warned it would bring its monitors home", "warned it could pull its troops out": what
    # the speaker warns it will or may do is a threat, whatever the act (CAMEO 13: to cut aid,
    # to boycott, to withdraw)
    warned = {anchor.i for token, code, anchor in told if code is WARNING and token.i != anchor.i}
    found.sort(key=lambda t: t.token.i)
    anchors = {t.anchor.i: t for t in found}
    acts_at = Counter(t.anchor.i for t in found)
    kept = []
    for trigger in found:
        if _the_manner_of(trigger.token) and acts_at[trigger.anchor.i] > 1:
            continue    # "recalled its envoy in protest": the recall is the protest
        holder = _inside_another(trigger, anchors, lemmas)
        if holder is not None:
            promised = holder.code.type == "AGREE" and trigger.anchor.dep_ == "xcomp" \
                and trigger.anchor.head.i == holder.anchor.i
            denied = any(c.dep_ == "neg" for c in trigger.anchor.children)
            if promised and not denied:
                _promised_harm(holder, trigger)
            # "vowed never to give up its claim": a promise not to yield is a refusal (but
            # "agreed not to attack" is an agreement)
            elif promised and denied and trigger.code.type in COOPERATIVE:
                holder.type, holder.mode = "REJECT", None
            # "yielding to the protests, the president sacked his prime minister": what is done
            # by way of a concession a participle before it tells is the concession (CAMEO 083;
            # not one after it: "…, ending a ten-day closure")
            if trigger.type == "CONCEDE" and trigger.anchor.dep_ == "advcl" \
                    and trigger.anchor.tag_ == "VBG" and trigger.anchor.head.i == holder.anchor.i \
                    and trigger.anchor.i < holder.anchor.i and not denied \
                    and not negated_argument(trigger.anchor):
                holder.type, holder.mode = "CONCEDE", None
            # "air strikes killed 20 civilians": the act named as the subject of what it did
            # is the event ("killed" tells its result), and so is the fight a killing was in
            # ("troops killed 14 rebels in a clash")
            if (trigger.token.dep_ == "nsubj" and trigger.token.head.i == holder.token.i
                or trigger.token.dep_ == "pobj" and trigger.token.head.lower_ in ("in", "during")
                    and trigger.token.head.head.i == holder.token.i
                    and lemmas[trigger.token.i] in COMBAT) \
                    and holder.code.type == "ASSAULT" and trigger.code.type == "FIGHT":
                holder.type, holder.mode = trigger.code.type, trigger.code.mode
            continue
        read_factuality(trigger, standing(trigger.token, lemmas), lemmas)
        if trigger.anchor.i in warned:
            if _told_as_possible(trigger.anchor):   # a threat, not a mere possibility
                trigger.type, trigger.mode, trigger.told_as_fact = WARNING.type, None, True
            elif trigger.intended and trigger.type != "REJECT":
                trigger.type, trigger.mode = WARNING.type, None
        if trigger.told_as_fact:
            kept.append(trigger)
    for at in ultimatums(sentence, lemmas, table):
        for trigger in kept:
            if trigger.anchor.left_edge.i <= at <= trigger.anchor.right_edge.i:
                trigger.type, trigger.mode, trigger.code = ULTIMATUM.type, None, ULTIMATUM
    return kept


def _told_as_possible(clause: Token) -> bool:
    """Whether the clause is told with "could", "may" or "might" and not denied."""
    return any(c.dep_ == "aux" and c.lower_ in POSSIBLE_MODALS for c in clause.children) \
        and not any(c.dep_ == "neg" for c in clause.children)


def _when_of(clause: Token) -> bool:
    """Whether the clause is a "when" clause of the verb it hangs from ("were killed when their
    patrol was ambushed")."""
    return clause.dep_ == "advcl" and any(c.lower_ == "when" for c in clause.children)


def _matters_dropped(found: list[Trigger]) -> list[Trigger]:
    """"began an inquiry into the shelling": where a verb's object names an event, the event a
    phrase of the verb names is what it is about, not one of its own (both nouns take the verb
    as their clause)."""
    objects = {t.anchor.i for t in found if t.token.dep_ in _ARGUMENTS
               and t.token.head.i == t.anchor.i != t.token.i}
    return [t for t in found if not (t.anchor.i in objects and t.token.dep_ == "pobj"
                                     and t.token.head.head.i == t.anchor.i)]


def _kinds_named(nouns: Iterable[Token]) -> list[Token]:
    """The nouns and the nouns that name their kind ("peacekeeping troops", "an aid convoy",
    "an arms shipment"): a sense may need either."""
    given = list(nouns)
    return given + [c for n in given for c in n.children
                    if c.dep_ == "compound" and c.pos_ == "NOUN"]


def _harm_not_ruled_out(trigger: Trigger, lemmas: list[str], table: EventTable) -> None:
    """"did not rule out military action", "would not rule out the use of force": a harm its
    doer will not rule out is a threat (CAMEO 138), told as a fact (kg.nlp.events.factuality
    keeps a denied refusal so retyped)."""
    verb = trigger.token
    if trigger.code.type != "REJECT" or lemmas[verb.i] not in RULING_OUT or not any(
            c.dep_ == "neg" for c in verb.children):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(table.types(lemmas[g.i], "noun") & HOSTILE
           for g in objects + [g for o in objects for g in of_objects(o)]):
        trigger.type, trigger.mode = "THREATEN", None


def _promised_harm(promise: Trigger, promised: Trigger) -> None:
    """A promise of harm is a threat: "vowed to retaliate", and a promise whose object is the
    harm ("promised a wave of attacks", "pledged more bombings")."""
    if promise.code.type == "AGREE" and promised.code.type in HOSTILE | {"THREATEN"}:
        promise.type, promise.mode = "THREATEN", None


def _stopped(sentence: Span, lemmas: list[str], table: EventTable) -> list[Trigger]:
    """Verbs of stopping whose object (or passive subject) the table codes as an act: the
    stopping is an event of the kind STOPPED gives ("halted military cooperation" is a
    SANCTION, "called off the strike" a CONCEDE); see _stopping."""
    doc, found = sentence.doc, []
    for i in range(sentence.start, sentence.end):
        lemma = lemmas[i]
        if lemma not in STOPPING and lemma not in STOPPING_PARTICLES:
            continue
        verb = doc[i]
        if verb.pos_ != "VERB" or (lemma in STOPPING_PARTICLES and not any(
                c.dep_ == "prt" and c.lower_ == STOPPING_PARTICLES[lemma] for c in verb.children)):
            continue
        for noun in verb.children:
            if noun.dep_ not in ("dobj", "nsubjpass") or (
                    noun.pos_ != "NOUN" and lemmas[noun.i] not in PARTITIVES):
                continue    # "suspended most of its sanctions": a partitive may be no noun
            code = _stopping(lemma, _counted(noun, lemmas), lemmas, table)
            if code is None:
                continue
            if code.needs is None:  # else the table codes this stopping itself, as a trigger
                found.append(Trigger(verb, code, verb, code.type, None))
            break
    return found + _stopped_by_nouns(sentence, lemmas, table)


def _stopped_by_nouns(sentence: Span, lemmas: list[str], table: EventTable) -> list[Trigger]:
    """Nouns of stopping whose "of" (or "to", "on") the table codes as an act: "announced the
    end of its boycott" (a CONCEDE), "the lifting of sanctions", "a freeze on aid" (a
    SANCTION), as their verbs would be."""
    doc, found = sentence.doc, []
    for i in range(sentence.start, sentence.end):
        noun = doc[i]
        if lemmas[i] not in STOPPING_NOUNS or noun.pos_ != "NOUN":
            continue
        # the parser may hang the "on" on the verb whose object the noun is ("pulled the plug
        # on aid", "imposed a freeze on loans")
        holders = [(noun, ("of", "to", "on"))] + ([(noun.head, ("on",))]
                                                  if noun.dep_ == "dobj" else [])
        stopped = [g for h, prepositions in holders for p in h.children
                   if p.dep_ == "prep" and p.lower_ in prepositions
                   for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        verb = STOPPING_NOUNS[lemmas[i]]
        for act in (_counted(g, lemmas) for g in stopped):
            code = _stopping(verb, act, lemmas, table)
            if code is None:
                continue
            code = replace(code, lemma=lemmas[i], pos="noun", needs=None)
            found.append(Trigger(noun, code, _noun_anchor(noun, code, lemmas), code.type,
                                 code.mode))
            break
    return found


def _stopping(verb: str, act: Token, lemmas: list[str], table: EventTable) -> EventCode | None:
    """How stopping the act is coded for the verb of stopping: by the verb's own row for it
    ("lifted the blockade", "ended its boycott"), else by the kind of act stopped (STOPPED:
    "halted military cooperation", "cut off gas supplies"); talks that end were held
    (TALKS_HELD), not stopped."""
    own = next((c for c in table.codes.get((verb, "verb"), ()) if c.needs == lemmas[act.i]),
               None)
    if own is not None:
        return own
    kind = _sense_of_noun(act, lemmas, table) or (
        "COOPERATE" if lemmas[act.i] in word_classes()["trade"] else None)
    if kind == "CONSULT" and verb == "end":
        return TALKS_HELD   # "ended three days of talks": they were held, and are over
    if kind not in STOPPED:
        return None
    kind, cameo = STOPPED[kind]
    return EventCode(verb, "verb", kind, None, cameo, None)


def _counted(noun: Token, lemmas: list[str]) -> Token:
    """The events a partitive counts ("suspended a series of joint drills": the drills)."""
    if lemmas[noun.i] in PARTITIVES:
        return next((g for g in of_objects(noun)), noun)
    return noun


def _sense_of_noun(noun: Token, lemmas: list[str], table: EventTable) -> str | None:
    """The type the table gives the noun: of the sense whose needed word is linked to it, else
    of its plain sense, else of its first."""
    codes = table.codes.get((lemmas[noun.i], "noun"))
    if not codes:
        return None
    linked = _linked(noun, lemmas)
    chosen = next((c for c in codes if c.needs in linked), None) or next(
        (c for c in codes if c.needs is None), codes[0])
    return chosen.type


def _candidate(tok: Token, lemmas: list[str], table: EventTable) -> Trigger | None:
    # a word that only modifies a noun ("battle zones", "the suspended talks") tells no event,
    # but for a noun of an undertaking, which is the act its modifier names ("launched a
    # mediation bid", "began a bombing campaign"): that noun stands for it in the clause
    word = tok
    if tok.dep_ == "compound" and tok.pos_ == "NOUN" and lemmas[tok.head.i] in UNDERTAKINGS:
        if (lemmas[tok.head.i], "noun") in table.codes:
            return None     # "a joint rescue mission": the undertaking's own coding tells it
        tok = tok.head
    elif tok.dep_ in ("compound", "amod"):
        return None
    pos = "noun" if word.pos_ == "NOUN" or _a_plural_read_as_a_verb(word) else \
        "verb" if word.pos_ == "VERB" else None
    codes = table.codes.get((lemmas[word.i], pos)) if pos else None
    if not codes:
        return None
    linked = _linked(tok, lemmas)
    if pos == "verb" and lemmas[tok.i] in OWNING_UP and any(
            c.dep_ == "dobj" and lemmas[c.i] in OWNING for c in tok.children):
        return None     # "accepted responsibility for the raid": the raid is the act
    if pos == "verb":
        codes = _verb_senses(tok, codes, lemmas)
        if _told_to_leave(tok, lemmas):
            # "ordered two attaches to go", "told the relief groups to quit the state", "gave
            # the consul two days to leave": an order to envoys, monitors or agencies to leave,
            # or a time given them to leave in, expels them (CAMEO 166), as
            # "expelled" is coded; one to others stays a demand
            codes = tuple(c for c in table.codes.get((EXPELLING, "verb"), ())
                          if c.type == "SANCTION") + codes
    for code in codes:
        if code.needs is None or code.needs in linked:
            if code.type == "FIGHT" and _a_scourge_fought(tok, lemmas):
                return None
            anchor = _noun_anchor(tok, code, lemmas) if pos == "noun" else tok
            return Trigger(tok, code, anchor, code.type, code.mode)
    return None


def _a_scourge_fought(tok: Token, lemmas: list[str]) -> bool:
    """"pledged to fight organised crime", "the battle against corruption": what is fought
    is a scourge (the class `scourges`), not an armed side."""
    scourges = word_classes()["scourges"]
    fought = [c for c in tok.children if c.dep_ == "dobj"] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("against", "on")
        for g in c.children if g.dep_ == "pobj"]
    return any(lemmas[f.i] in scourges for f in fought)


def _a_plural_read_as_a_verb(word: Token) -> bool:
    """"staged landing drills", "rejected the demands": the tagger may read a plural noun as a
    verb in the present (VBZ), which its place as an object or a subject shows it is not."""
    return word.tag_ == "VBZ" and word.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")


def _told_to_leave(verb: Token, lemmas: list[str]) -> bool:
    """Whether the verb orders or tells someone to leave, or to leave a place, or gives them
    a time to leave in ("ordered him to leave by Friday", "told the envoys to quit the kingdom",
    "ordered the agencies to leave Kordofan", "gave the consul two days to leave the kingdom";
    not "told the company to leave the talks")."""
    if lemmas[verb.i] in COMMANDING | {"tell"}:
        told = [c for c in verb.children if c.dep_ == "dobj"]
        leaving = [c for c in verb.children if c.dep_ == "xcomp"]
    elif lemmas[verb.i] == GIVING_TIME:
        # "gave the consul two days to leave": the leaving hangs from the verb or the time
        times = [c for c in verb.children if c.dep_ in ("npadvmod", "dobj")
                 and any(g.dep_ in ("relcl", "acl") for g in c.children)]
        told = [c for c in verb.children if c.dep_ in ("dative", "dobj") and c not in times]
        leaving = [c for c in verb.children if c.dep_ == "advcl"] + [
            g for c in times for g in c.children if g.dep_ in ("relcl", "acl")]
    else:
        return False
    if not told or any(lemmas[c.i] in word_classes()["troops"] for c in told):
        # "ordered its troops to leave the town" withdraws them; "told Eritrean troops to
        # leave the border town" demands that another's forces withdraw
        return False
    return any(lemmas[c.i] in LEAVING and all(
        lemmas[o.i] in PLACES_LEFT or o.pos_ == "PROPN"
        for o in c.children if o.dep_ == "dobj") for c in leaving)


def _linked(tok: Token, lemmas: list[str]) -> set[str]:
    """The lemmas a sense may need: the head (and a preposition's head), the children (but
    not an "in" or "on" that only looks like a particle: "gave a speech in Cairo"), the objects
    of the children's prepositions ("took to the streets", "spoke by phone", "put on alert")
    and of a particle's ("pulled out of the talks"), the subject and the "to" of a complement
    clause ("allowed monitors to visit", "told Eritrea to withdraw"), each of conjoined objects
    or subjects, what they are "of" or, for a sum, "in" ("lifted the state of emergency",
    "allowed a delegation of monitors to visit", "thousands of troops massed", "granted $5
    million in aid"). The subject counts: a sense's word may name who acts, not what is acted
    on, so a row must need a word that cannot be its verb's subject ("took in refugees" cannot
    be coded: "refugees took refuge")."""
    linked = {lemmas[tok.head.i], lemmas[standing(tok, lemmas).head.i],
              lemmas[_first_conjunct(tok).head.i]}
    if tok.dep_ == "pobj":      # "an offer of talks": what the preposition hangs from
        linked.add(lemmas[tok.head.head.i])
        if (verb := _verb_of_a_sum(tok, lemmas)) is not None:
            linked.add(lemmas[verb.i])                  # "approved $5 million in aid"
    # "hundreds of rebels massed": the counted group the verb's head counts
    linked.update(lemmas[g.i] for g in of_objects(tok.head))
    # "held UNITA responsible": the parser may take an object's complement that follows it
    # for the object's modifier
    linked.update(lemmas[a.i] for o in tok.children if o.dep_ in ("dobj", "obj")
                  for a in o.children if a.dep_ == "amod" and a.i > o.i)
    if tok.pos_ == "NOUN":      # "the bombing of the bases by jets": who acts counts
        linked.update(lemmas[g.i] for g in agents_of(tok))
    arguments = []
    for child in tok.children:
        if not _a_preposition_not_a_particle(child):
            # a preposition as written: "according to" is no accord
            linked.add(child.lower_ if child.dep_ == "prep" else lemmas[child.i])
        # "spoke by phone", "summoned for questioning"; but what tells only when is no word a
        # sense needs ("gave the reporters passes after a week": no deadline given)
        if child.dep_ == "prep" and child.lower_ not in TIME_PREPOSITIONS:
            # "described the moves as provocative": the parser may take the adjective an "as"
            # names for its modifier
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp") or (
                child.lower_ == "as" and g.dep_ in ("amod", "acomp"))]
            # "the deployment of peacekeeping troops" (not "opened a zone in a border town")
            linked.update(lemmas[g.i] for g in (
                _kinds_named(objects) if child.lower_ == "of" else objects))
        if child.dep_ == "agent":         # "were bombed by jets": who acts, as a subject
            linked.update(lemmas[g.i] for g in child.children if g.dep_ == "pobj")
        if child.lower_ in PARTICLES:     # "pulled out of the talks": the particle's "of"
            linked.update(lemmas[g.i] for p in child.children if p.dep_ == "prep"
                          for g in p.children if g.dep_ == "pobj")
        if child.dep_ == "advmod":        # "hit back hard": the parser may hang the particle
            linked.update(lemmas[g.i] for g in child.children  # on the adverb after it
                          if g.dep_ == "advmod" and g.lower_ in PARTICLES)
        # "thousands of troops massed", "termed the seizure an act of piracy"
        if child.dep_ in ("ccomp", "xcomp", "oprd") and not any(
                g.dep_ in ("aux", "nsubj", "nsubjpass") for g in child.children):
            # "called the move a provocation": the parser may hang the naming on the thing
            # named, as its object, in a small clause with no verb of its own
            arguments.extend(g for g in child.children if g.dep_ in ("dobj", "attr"))
        if child.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                         for c in child.children):
            # "sent 500 soldiers to join the peacekeeping force": the kind of what its purpose
            # acts on names what is sent
            linked.update(lemmas[g.i] for o in child.children if o.dep_ == "dobj"
                          for g in _kinds_named([o])[1:])
        if child.dep_ in ("dobj", "nsubj", "oprd"):
            arguments.append(child)
        elif child.dep_ in ("ccomp", "xcomp"):
            subjects = [g for g in child.children if g.dep_ == "nsubj"]
            arguments.extend(subjects)
            # "told Eritrea to withdraw", "wants Washington to halt", "was told to leave": the
            # "to" of an infinitive complement that someone is told to do (not "wants to join")
            if subjects or any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                linked.update(lemmas[g.i] for g in child.children if g.dep_ == "aux")
    # "provided satellite images and other intelligence": each of conjoined arguments
    arguments += [c for a in arguments for c in a.children if c.dep_ == "conj"]
    for argument in _kinds_named(arguments):
        linked.add(lemmas[argument.i])
        linked.update(lemmas[g.i] for g in _kinds_named(of_objects(argument)))
        # "granted Poland 100 million ECUs in food aid": what a sum is in
        linked.update(lemmas[g.i] for p in argument.children if p.dep_ == "prep"
                      and p.lower_ == "in" for g in p.children if g.dep_ == "pobj")
        # "handed over two men wanted for murder": what the participle after it names them
        linked.update(lemmas[g.i] for g in argument.children
                      if g.dep_ == "acl" and g.tag_ == "VBN")
        # "ordered the ambassador out of the country", "set free 40 detainees": the parser
        # may hang the particle, or the adjective right after the verb, on the object
        linked.update(lemmas[g.i] for g in argument.children
                      if g.lower_ in PARTICLES or g.dep_ == "amod" and g.i == tok.i + 1)
    return linked


def _a_preposition_not_a_particle(word: Token) -> bool:
    """"gave a speech in Cairo", "signed the accord on Friday": "in" or "on" with an object is
    a preposition, not the particle of "gave in" or "signed on to" (other particles with an
    object are still particles to the parser: "voted down the bill")."""
    return word.dep_ == "prep" and word.lower_ in ("in", "on") and any(
        g.dep_ == "pobj" for g in word.children)


def _verb_senses(tok: Token, codes: tuple[EventCode, ...], lemmas: list[str]
                 ) -> tuple[EventCode, ...]:
    """The codes of a verb its objects leave open."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(lemmas[c.i] in DOMESTIC_ACTS for c in objects) or (
            tok.dep_ in ("acl", "relcl") and lemmas[tok.head.i] in DOMESTIC_ACTS):
        # "signed the bill into law", "the decree was approved", "a bill signed by the
        # minister": a state's own act, agreed with no one
        codes = tuple(c for c in codes if c.type not in AGREEMENT_EVENTS)
    if lemmas[tok.i] in DENIALS and any(that_clause(c) for c in [tok, *objects]):
        # "denied that its soldiers opened fire", "denied reports that its navy had seized a
        # trawler": a fact denied is a statement, not a refusal of what was asked ("denied a
        # request")
        codes = tuple(c for c in codes if c.type != "REJECT")
    if any(that_clause(c) for c in [tok, *objects]):
        # "charged that the police tortured detainees": a charge told as what is so is made
        # in words (DISAPPROVE), no one charged before a court
        codes = tuple(c for c in codes if c.type != "COERCE")
    if any(c.dep_ == "dobj" and lemmas[c.i] not in word_classes()["posts"] for c in objects):
        # "quit the capital", "resigned himself to defeat": a resignation leaves a post
        codes = tuple(c for c in codes if c.cameo != RESIGNING or c.needs is not None)
    if lemmas[tok.i] in COMMANDING and any(_own_forces(c, lemmas) for c in objects):
        # "ordered its troops to withdraw": a command to one's own forces is no demand on
        # another; the act ordered is the event
        codes = tuple(c for c in codes if c.type != "DEMAND")
    if lemmas[tok.i] == "meet" and any(c.dep_ == "auxpass" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return ()   # "was met with protests", "will be met with force": a reaction, no meeting
    publications = word_classes()["publications"]
    if lemmas[tok.i] == "release" and (any(lemmas[c.i] in publications for c in objects) or (
            tok.dep_ in ("acl", "relcl") and lemmas[tok.head.i] in publications)):
        # "released a statement", "figures released by the agency": made public, not let go
        return ()
    in_words = tuple(c for c in codes if c.mode != "demo-org")
    # a street sense that needs its word ("took to the streets") is told by that word
    plain_street = any(c.mode == "demo-org" and c.needs is None for c in codes)
    if any(c.dep_ == "dobj" for c in objects) or (in_words and plain_street and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
        # "demonstrated its resolve": a street protest has no object, nor anyone it is made
        # to; "protested the decision", "protested to Pakistan" is a protest in words (the
        # table's other sense of the verb, if it has one; "took to the streets" has none)
        codes = in_words
    return codes


def _own_forces(noun: Token, lemmas: list[str]) -> bool:
    """"its troops", "his soldiers", "the army": forces the text gives no other owner (not
    "Ugandan troops", "the rebels' fighters", nor rebels)."""
    if lemmas[noun.i] not in word_classes()["troops"] or lemmas[noun.i] in INSURGENTS:
        return False
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    return all(c.lower_ in OWN_POSSESSIVES for c in owners if c.dep_ == "poss") and not any(
        c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ") and c.text[:1].isupper()
        for c in owners)


def _noun_anchor(tok: Token, code: EventCode, lemmas: list[str]) -> Token:
    """The clause a noun's event is told in: the verb whose object it is ("staged
    demonstrations"), the verb of entering its "on"/"in"/"for" hangs from ("went on strike",
    "joined Moroccan forces for exercises"), the
    word its sense needs as its head ("opened fire") or its preposition's ("came to the
    defence of"), the "for" of a journey to a meeting or the "on" of one on a visit
    ("flew to Ankara for talks", "arrived in Kampala on a visit"), the verb of a sum "in" it
    ("voted 40 million euros in aid"), else the noun itself; a partitive stands in for the
    noun ("staged a wave of protests")."""
    noun = standing(_first_conjunct(tok), lemmas)
    head = noun.head
    if code.needs is not None and lemmas[head.i] == code.needs:
        return head
    if code.needs is not None and noun.dep_ == "pobj" and head.head.pos_ == "VERB" \
            and lemmas[head.head.i] == code.needs:
        return head.head        # "leapt to the defence of": the verb its sense needs
    if noun.dep_ == "pobj" and head.lower_ in ("on", "in", "into", "for") \
            and lemmas[head.head.i] in ENTERING_VERBS:
        return head.head        # "joined Moroccan forces for joint exercises"
    if noun.dep_ in _ARGUMENTS and head.pos_ in ("VERB", "AUX"):
        return head
    if _the_manner_of(noun):
        return head.head        # "walked out in protest": done by whoever walked out
    if (verb := _verb_of_a_sum(noun, lemmas)) is not None:
        return verb             # "voted 40 million euros in food aid": the sum's verb
    if noun.dep_ == "nsubjpass" and lemmas[head.i] in LIGHT_VERBS - {"announce"}:
        # "the raid was carried out by commandos": the verb only tells it (but who announces
        # a release only reports it)
        return head
    if code.type in MEETINGS and noun.dep_ == "pobj" and head.head.pos_ == "VERB" and (
            head.lower_ == "for" or (head.lower_ == "on" and code.mode == "visit")):
        # "arrived in Ankara for talks", "arrived in Kampala on a visit": the journey's
        # preposition tells the meeting
        return head
    return tok


def _the_manner_of(noun: Token) -> bool:
    """"walked out in protest", "recalled its envoy in retaliation": a bare singular noun after
    "in" tells the manner of the verb's act, so who does the act does what the noun names
    (not "killed in an ambush", "wounded in clashes")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ == "VERB" \
        and noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in noun.children)


def _verb_of_a_sum(noun: Token, lemmas: list[str]) -> Token | None:
    """The verb whose object is a sum of money "in" the noun ("voted 40 million euros in food
    aid": "voted"), if the noun is what a sum is in."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    total, classes = noun.head.head, word_classes()
    verb = total.head
    if total.dep_ in _ARGUMENTS and verb.pos_ == "VERB" and (
            lemmas[total.i] in classes["funds"] or lemmas[total.i] in classes["currencies"]):
        return verb
    return None


def _first_conjunct(tok: Token) -> Token:
    """The first of conjoined nouns, which stands in the clause for them all ("imposed an air
    and arms embargo": "embargo" hangs from "air")."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def standing(tok: Token, lemmas: list[str]) -> Token:
    """The noun that stands for a trigger noun in its clause: the partitive whose "of" phrase
    it is ("a round of talks"), else the noun itself."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of" and lemmas[head.head.i] in PARTITIVES:
        return head.head
    return tok


def _inside_another(trigger: Trigger, anchors: dict[int, Trigger], lemmas: list[str]
                    ) -> Trigger | None:
    """The trigger whose clause, up the tree, holds this one (see module doc), if any; a
    speaker's participle of judging is held by its verb of saying, not by the clause reported
    (speech_acts.speaker_of_participle)."""
    node = trigger.anchor
    while node.head.i != node.i:
        said = speaker_of_participle(node, lemmas)
        edge, node = ("ccomp", said) if said is not None else (node.dep_, node.head)
        other = anchors.get(node.i)
        if edge not in _SEPARATE and other is not None and other is not trigger:
            return other
    return None
