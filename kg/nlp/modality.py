"""Words that make a clause tell what has not happened: intentions, appeals, possibilities
("fears of an offensive"), denials ("denied that …"), and negated subjects.

One table for every reader of clauses (agreements signed, events done), so that "is expected to
sign" and "is expected to deploy" are read alike, and "no state has signed" and "no state has
attacked" too.
"""
from __future__ import annotations

from spacy.tokens import Token

from kg.data.event_codes import word_classes

# Heads whose "to" complement is still to come: "expected to sign", "plans to deploy", "is
# ready to lift", "aims to delay", "is poised to attack".
INTENT_HEADS = frozenset({"expect", "plan", "schedule", "set", "due", "prepare", "prepared",
                          "intend", "aim", "ready", "willing", "want", "poise", "poised"})
# Nouns whose "to" clause is still to come: "an offer to host talks", "a pledge to withdraw".
INTENT_NOUNS = frozenset({"offer", "promise", "pledge", "plan", "proposal", "commitment",
                          "readiness", "willingness", "intention", "interest"})
# The prepositions by which a noun of intention names the act intended: "an offer of talks", "a
# proposal for joint patrols", "no interest in talks".
INTENDED_PREPOSITIONS = frozenset({"of", "for", "in"})
# Words whose "of" phrase (or a noun's "to" clause) may come or not: "raising fears of a fresh
# offensive", "the risk of a coup", "rumours of a ceasefire", "a chance to settle", "warned of
# raids by smugglers".
POSSIBILITY_NOUNS = frozenset({"fear", "risk", "threat", "prospect", "possibility", "danger",
                               "spectre", "specter", "likelihood", "chance", "rumour", "rumor",
                               "warning", "warn", "question"})
# Determiners of a noun that name no act done: any of a kind, or none ("to deter any
# offensive", "there was no provocation").
NO_ACT_DETERMINERS = frozenset({"any", "no"})
# Subjects that stand for the speaker of the clause they are reported in.
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Possessives that make a thing the speaker's or the actor's own ("its troops").
OWN_POSSESSIVES = frozenset({"its", "his", "her", "their", "our"})
# Verbs of sending someone to act for the sender.
SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "appoint", "name", "assign", "fly"})
# Modifiers of an act foreseen at someone's hands ("an imminent attack", "the feared
# offensive"): a warning of it is no threat by the one who warns.
FORESEEN_MODIFIERS = frozenset({"imminent", "impending", "feared"})
# Modifiers that make an act one that may come, or one only claimed: "a possible offensive",
# "an imminent attack", "the planned talks", "the alleged massacre".
POSSIBLE_MODIFIERS = FORESEEN_MODIFIERS | frozenset({
    "possible", "potential", "likely", "planned", "expected", "proposed", "future",
    "prospective", "rumoured", "rumored", "alleged", "suspected"})
# Verbs of denial: what their "that" clause tells is not so ("denied that its troops had
# fired", "denied reports that it had tested a missile").
DENIALS = frozenset({"deny"})
# Verbs of asking: what they ask for is not done ("urged Togo to withdraw", "called for the
# release of", "requested military aid").
APPEAL_HEADS = frozenset({"urge", "ask", "call", "appeal", "request", "plead", "implore", "beg",
                          "exhort", "invite", "encourage", "advise", "recommend", "entreat",
                          "press", "pressure", "lobby", "seek"})
# Nouns of asking: what they ask for is not done ("pressure to let monitors in", "calls for a
# withdrawal", "a plea to free the hostages").
APPEAL_NOUNS = frozenset({"pressure", "call", "appeal", "plea", "request", "urging"})
# Verbs of asking that ask only with one of these prepositions ("called on", "called for"), or,
# for those in _ASKING_WITH_AN_OBJECT, with an object ("pressed Manila to", not "pressed on").
_APPEAL_PREPOSITIONS = {"call": frozenset({"on", "upon", "for"}),
                        "press": frozenset({"for"}), "pressure": frozenset({"for"})}
_ASKING_WITH_AN_OBJECT = frozenset({"press", "pressure"})
# The links along which a clause is what a verb asks for: its complement, its object, and the
# objects of its prepositions (not a clause of time or cause, nor a conjoined one).
_ASKED_LINKS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "dative", "oprd", "acl"})
# Determiners and pronouns that deny a clause through its subject or object: "no state has
# sent troops", "neither side fired", "nobody signed".
NEGATIVE_WORDS = frozenset({"neither", "no", "nobody", "none"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def negated_argument(verb: Token) -> bool:
    """Whether a subject or object of the verb is denied ("No country has sent troops",
    "Neither Chile nor Peru attacked", "The army shelled no villages")."""
    for arg in verb.children:
        if arg.dep_ not in _ARGUMENTS:
            continue
        if arg.lower_ in NEGATIVE_WORDS or any(
                c.dep_ in ("det", "preconj") and c.lower_ in NEGATIVE_WORDS for c in arg.children):
            return True
    return False


def asked_for(clause: Token, lemmas: list[str], *, counting_itself: bool) -> bool:
    """Whether the clause is part of what a verb of asking asks for: "called on Kenya to free
    the reporters", "called for the release of", and, counting the clause itself (the verb that
    tells a noun's event), "Norway requested aid". An appeal, which PLOVER does not code, tells
    that nothing has happened yet."""
    node, edge = clause, "dobj"
    # "urged Japan to open its markets and expand joint projects": each of the acts asked for
    while edge in _ASKED_LINKS or (edge == "conj" and (node.dep_ in _ASKED_LINKS - {"dobj"}
                                                       or bare_infinitive(node))):
        if (counting_itself or node is not clause) and _asks(node, lemmas):
            return True
        if node.head.i == node.i:
            return False
        # what an appeal asks for, though the parser hangs it as a clause of purpose
        edge = "xcomp" if bare_infinitive(node) else node.dep_
        node = node.head
    return False


def bare_infinitive(clause: Token) -> bool:
    """A "to" clause the parser hangs as adverbial, with no subject of its own: a complement
    with words between it and its verb ("called on donors on Tuesday to provide aid",
    "threatened last week to suspend imports"), or a purpose."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in ("nsubj", "csubj") for c in clause.children)


def says_of_itself(clause: Token) -> bool:
    """Whether the clause is what its speaker says of itself ("Seoul said it could …",
    "Hungary said it will support", "Kabul said its forces would strike")."""
    return clause.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "csubj") and the_speaker(c)
                                          for c in clause.children)


def the_speaker(subject: Token) -> bool:
    """Whether a subject of what a speaker says stands for the speaker: a pronoun, or the
    speaker's own forces ("its forces", "their fighters")."""
    return subject.lower_ in SPEAKER_PRONOUNS or (
        subject.lemma_.lower() in word_classes()["troops"]
        and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in subject.children))


def sent_to_do(clause: Token) -> bool:
    """"sent an envoy to mediate", "dispatched a team to investigate": an infinitive that tells
    what the one sent is to do (not "gave both sides a chance to settle")."""
    head = clause.head
    return clause.dep_ == "relcl" and head.dep_ == "dobj" and \
        head.head.lemma_.lower() in SENDING_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _asks(verb: Token, lemmas: list[str]) -> bool:
    """Whether the word is a verb of asking, with the preposition it may need, or a noun of
    asking."""
    lemma = lemmas[verb.i]
    if verb.pos_ == "NOUN":
        return lemma in APPEAL_NOUNS
    if lemma not in APPEAL_HEADS or verb.pos_ != "VERB":
        return False
    needed = _APPEAL_PREPOSITIONS.get(lemma)
    if lemma in _ASKING_WITH_AN_OBJECT and any(c.dep_ == "dobj" for c in verb.children):
        return True
    # "called a strike for Thursday": a "for" of time asks for nothing
    return needed is None or any(c.dep_ == "prep" and c.lower_ in needed and not any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)
        for c in verb.children)


def that_clause(word: Token) -> bool:
    """Whether a "that" clause hangs from the word ("denied that …", "reports that …")."""
    return any(a_that_clause(c) for c in word.children)


def denied_clause(clause: Token, lemmas: list[str]) -> bool:
    """Whether the clause is what a denial says is not so: the "that" clause of a verb of
    denial or of its object ("denied that its soldiers opened fire", "denied reports that …"), and
    a clause joined to it ("denied that its patrols raided the camp and burned huts")."""
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if not a_that_clause(clause):
        return False
    head = clause.head
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "nsubjpass"):
        head = head.head
    return lemmas[head.i] in DENIALS


def a_that_clause(clause: Token) -> bool:
    return clause.dep_ in ("ccomp", "acl") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def intention_noun(clause: Token, lemmas: list[str]) -> Token | None:
    """The noun of intention the clause (or an act's noun) completes: "an offer to host talks",
    "no intention of returning the paintings", "an offer of talks", "no interest in talks"."""
    head = clause.head
    if clause.dep_ == "pcomp" and head.lower_ == "of" or (
            clause.dep_ == "pobj" and head.lower_ in INTENDED_PREPOSITIONS):
        head = head.head
    elif clause.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB":
        # "signalled its readiness on Friday to open talks": words between the noun and its
        # "to" clause make the parser hang the clause on the verb
        head = next((c for c in head.children if c.dep_ == "dobj" and c.i < clause.i), head)
    elif clause.dep_ != "acl":
        return None
    return head if head.pos_ == "NOUN" and lemmas[head.i] in INTENT_NOUNS else None
