"""Who takes part in an agreement, read from the words around a mention: "the treaty between
A and B", "A and B signed the deal", "signed by the two leaders", "brokered by C", "signed in
the presence of the two presidents"; and whether a signing happened at all ("aims to sign",
read by kg.nlp.agreement_tense).
`agreement` is a kg.nlp.agreements.Agreement (its parties, signatories, mediators, statuses).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from kg import model
from kg.nlp.agreement_mentions import SIGN_VERBS, AgreementMention, parse_head
from kg.nlp.agreement_referents import STATEMENT_KINDS, referred_actors
from kg.nlp.agreement_tense import not_done, to_come
from kg.nlp.context import Actor, DocContext

if TYPE_CHECKING:
    from kg.nlp.agreements import Agreement

MEDIATE_VERBS = {"broker", "mediate", "facilitate", "host"}
# Verbs that renew an agreement: their subjects are its parties ("agreed to extend the truce").
RENEW_VERBS = {"extend", "renew", "prolong"}


def group(ctx: DocContext, token: Token) -> list[Actor]:
    """The actors of a token and its conjuncts: "Quito, Lima and Bogotá"; for "the two
    leaders" or "both sides", those the text just named."""
    found = []
    for t in [token, *token.conjuncts]:
        actor = ctx.actor_at(t) or _named_in_apposition(ctx, t)
        if actor is not None and actor not in found:
            found.append(actor)
    return found or referred_actors(ctx, token)


def _named_in_apposition(ctx: DocContext, token: Token) -> Actor | None:
    """The actor a noun is followed by in apposition: "his Finnish counterpart, X", "the
    foreign minister, Y" (the noun itself names nobody)."""
    return next((actor for c in token.children if c.dep_ == "appos"
                 and (actor := ctx.actor_at(c)) is not None), None)


def read_between(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"the treaty between Armenia and Azerbaijan", "a treaty signed in 1923 between Turkey
    and Greece"."""
    head = parse_head(mention)
    holders = [head, *(c for c in head.children if c.dep_ in ("acl", "relcl"))]
    holders += [t for t in ctx.doc[mention.start:mention.end] if t.i > head.i]   # "… of
    # hostilities between A and B"
    if head.dep_ == "nsubjpass":
        holders.append(head.head)   # "The accord was signed in Lomé between A and B"
    for child in (c for h in holders for c in h.children):
        if child.lower_ == "between":
            actors = _named_pair_before(ctx, child) or actors_after(ctx, child)
            if actors:
                evidence = ctx.doc[mention.start:max(a.end for a in actors)]
                add_participants(agreement.parties, agreement.signatories, ctx, actors,
                                  evidence, "pattern:agreement-between")


def names_other_states(ctx: DocContext, own: Agreement, mention: AgreementMention) -> bool:
    """In a treaty text, "the agreement between Peru and the European Union" in a recital is
    another agreement when it names a state or body that is none of the text's own parties."""
    if not own.parties:
        return False
    between = [t for t in ctx.doc[mention.start:min(len(ctx.doc), mention.end + 2)]
               if t.lower_ == "between"]
    return any(actor.key not in own.parties and actor.kind != model.PERSON
               for b in between for actor in actors_after(ctx, b))


# "between the two countries": the two states the sentence has named.
_PAIR_WORDS = {"two", "both"}
_PAIR_NOUNS = {"countries", "states", "nations", "governments", "sides", "neighbours",
               "neighbors", "republics"}


def _named_pair_before(ctx: DocContext, between: Token) -> list[Actor]:
    """"Uruguay and Paraguay have agreed a river pact between the two countries": the
    two states named before in the sentence, when it names exactly two."""
    doc, i = ctx.doc, between.i + 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    if not (i + 1 < len(doc) and doc[i].lower_ in _PAIR_WORDS and doc[i + 1].lower_ in _PAIR_NOUNS):
        return []
    sentence = ctx.sentence(between.i)
    states: dict[str, Actor] = {}
    for actor in ctx.actors_in(doc[sentence.start:between.i]):
        if actor.kind == model.STATE:
            states.setdefault(actor.key, actor)
    return list(states.values()) if len(states) == 2 else []


# Words that end the list of signers after "by" / "between": "signed by A, B and C on ...".
_LIST_ENDS = {"on", "in", "at", "after", "before", "during", "while", "which", "who", "that",
              "to", "for", "under", "when", "as", ";", "(", "—", "–"}


def actors_after(ctx: DocContext, preposition: Token) -> list[Actor]:
    """The actors listed after "by" or "between", up to the end of the list. A more robust
    reading than the parse's conjuncts, which often break on titles before names."""
    doc, end = ctx.doc, preposition.i + 1
    sent_end = ctx.sentence(preposition.i).end
    while end < sent_end and doc[end].lower_ not in _LIST_ENDS and \
            not (doc[end].pos_ in ("VERB", "AUX") and end > preposition.i + 1):
        end += 1
    return [a for a in ctx.actors_in(doc[preposition.i + 1:end])
            if a.kind == model.PERSON or a.kind == model.STATE and not places_a_territory(ctx, a)
            or a.kind in model.ORGANIZATION_KINDS and not _member_states(doc, a.end)]


def places_a_territory(ctx: DocContext, state: Actor) -> bool:
    """A state named only to place a territory that is a party itself: "Macao, China", "the
    Macao Special Administrative Region of the People's Republic of China"."""
    doc, i = ctx.doc, state.start
    if i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    if i >= 2 and doc[i - 1].text == ",":
        before = ctx.actor_at(doc[i - 2])   # "Macao, China", as "Valletta, Malta"
        return before is not None and before.kind == model.PLACE
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ == "region"


def _member_states(doc: Doc, end: int) -> bool:
    """"between the Alpine States and Peru", "the ASEAN Member States", "between an Alpine
    State and Peru": a body's name before "States" names its member states (or one of them),
    who are the parties, not the body."""
    words = [t.lower_ for t in doc[end:end + 2]]
    return words[:1] in (["states"], ["state"]) or words in (["member", "states"],
                                                           ["member", "state"])


def add_participants(parties: dict, signatories: dict, ctx: DocContext, actors: list[Actor],
                      evidence: Span, rule: str, confidence: float = 0.85) -> None:
    """People of a list sign; states and bodies are parties, except the body of a listed
    person's post ("White House senior adviser Jared Kushner", "Meir Ben-Shabbat, head of
    Israel's National Security Council"): its state is the party, for whom the person signs."""
    bodies = {post_in.object for person in actors if person.kind == model.PERSON
              for holds in ctx.facts_about(person.key, model.HOLDS)
              for post_in in ctx.facts_about(holds.object, model.POST_IN)}
    for actor in actors:
        if actor.kind == model.PERSON:
            signatories.setdefault(actor.key, (evidence, rule, confidence))
        elif actor.key in bodies:
            if actor.state:
                parties.setdefault(ctx.state_entity(actor.state), (evidence, rule, confidence))
        elif actor.kind == model.STATE or actor.kind in model.ORGANIZATION_KINDS:
            parties.setdefault(actor.key, (evidence, rule, confidence))


def list_head(token: Token) -> Token:
    """The first item of the list a noun is in, which stands for the list in the sentence:
    "signed a Plan of … and an Agreement on …" (the parser may also hang a later item from the
    verb itself, as its conjunct: then that item is the verb's object)."""
    while token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def object_of_verb(head: Token) -> bool:
    """The noun is the verb's object, or an item the parser hung from the verb in a list of
    objects ("signed A and an Agreement on …")."""
    return head.dep_ == "dobj" or head.dep_ == "conj" and head.head.pos_ == "VERB" and any(
        c.dep_ == "dobj" for c in head.head.children)


def read_signing(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"the statement signed by X, Y and Z", "X and Y signed the deal", "brokered by X",
    "signed a plan and an agreement"."""
    own = parse_head(mention)
    head = list_head(own)
    obj = object_of_verb(head)
    verb = head if head.dep_ not in ("dobj", "nsubjpass", "pobj") and not obj else head.head
    candidates = [c for c in own.children if c.dep_ in ("acl", "relcl")]
    if verb is not head:
        candidates.append(verb)
    candidates += _described_by(head)
    for v in candidates:
        lemma = v.lemma_.lower()
        if lemma not in SIGN_VERBS and lemma not in MEDIATE_VERBS:
            continue
        evidence = ctx.doc[min(mention.start, v.left_edge.i):max(mention.end, v.right_edge.i + 1)]
        target = agreement.mediators if lemma in MEDIATE_VERBS else agreement.parties
        for agent in (c for c in v.children if c.dep_ == "agent"):
            add_participants(target, agreement.signatories, ctx, actors_after(ctx, agent)
                              or _referred_agent(ctx, agent), evidence,
                              f"pattern:agreement-{lemma}-by")
        if v is verb and obj:
            for subj in _subjects(v):
                add_participants(target, agreement.signatories, ctx, group(ctx, subj),
                                  evidence, f"pattern:subject-{lemma}-agreement")
            for prep in (c for c in v.children if c.lower_ == "with" and c.dep_ == "prep"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    add_participants(target, agreement.signatories, ctx, group(ctx, pobj),
                                      evidence, f"pattern:{lemma}-agreement-with")
        if lemma in SIGN_VERBS and not not_done(v, head):
            agreement.statuses.setdefault("signed", (evidence, f"pattern:{lemma}", 0.8))
        elif lemma in SIGN_VERBS and to_come(v):
            # "will sign the accord next month", "are expected to sign": not signed yet, and a
            # date the text gives is when the signing is planned, not a cue that it took place
            agreement.statuses.setdefault("proposed", (evidence, f"pattern:{lemma}-to-come", 0.7))
    if obj and verb.lemma_.lower() in RENEW_VERBS:
        _read_renewal(ctx, agreement, mention, verb)


def _read_renewal(ctx: DocContext, agreement: Agreement, mention: AgreementMention,
                  verb: Token) -> None:
    """"A and B agreed to extend the ceasefire", "A and B renewed the accord": who renews an
    agreement is bound by it."""
    agree = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SIGN_VERBS \
        else verb
    evidence = ctx.doc[min(mention.start, agree.left_edge.i):max(mention.end, verb.i + 1)]
    for subj in _subjects(agree):
        add_participants(agreement.parties, agreement.signatories, ctx, group(ctx, subj),
                         evidence, f"pattern:subject-{verb.lemma_.lower()}-agreement")


_BRACKETED_ALIAS_TOKENS = 12   # "(“Guidelines document”)", "(RAA)" after a name


def read_signing_noun(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"the signing of the X Guidelines (“Guidelines document”) by the A Ministry of Defense
    and the B Ministry of National Defense", "the signing of the X Agreement (XA) between A
    and B": who signs after the name, read along the words (the parse of such phrases
    wanders)."""
    doc, lowers, i = ctx.doc, ctx.lowers, mention.start - 1
    while i > 0 and lowers[i] in ("the", "a", "an"):
        i -= 1
    if i < 1 or lowers[i] != "of" or lowers[i - 1] != "signing":
        return
    j = mention.end
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(len(doc), j + _BRACKETED_ALIAS_TOKENS))
                      if doc[k].text == ")"), None)
        j = close + 1 if close is not None else j
    if j < len(doc) and lowers[j] in ("by", "between"):
        actors = actors_after(ctx, doc[j])
        if actors:
            add_participants(agreement.parties, agreement.signatories, ctx, actors,
                             doc[i - 1:max(a.end for a in actors)], "pattern:signing-of-by")


# Verbs of saying: "A and B said in a joint statement" makes A and B the statement's makers.
SAYING_VERBS = {"say", "announce", "state", "declare", "add", "affirm", "reaffirm", "pledge",
                "vow", "stress", "underline", "note", "express", "agree", "call", "urge"}


def read_saying(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"Peru and Chile said in a joint statement", "In a joint declaration, the two leaders
    pledged …": who speaks in a joint statement made it; its parties are they, or their
    states."""
    head = parse_head(mention)
    if mention.kind not in STATEMENT_KINDS or head.dep_ != "pobj" or head.head.lower_ != "in":
        return
    verb = head.head.head
    if verb.lemma_.lower() not in SAYING_VERBS:
        return
    evidence = ctx.doc[min(mention.start, verb.left_edge.i):max(mention.end, verb.i + 1)]
    for subj in _subjects(verb):
        add_participants(agreement.parties, agreement.signatories, ctx, group(ctx, subj),
                         evidence, "pattern:said-in-joint-statement")


def read_presence(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"Documents were signed in the presence of the two presidents, including an Agreement on
    …": those in whose presence it was signed sign for its parties (their states)."""
    # the verb the mention hangs from, through the list it may be part of ("including …")
    verb = next((t for t in parse_head(mention).ancestors if t.pos_ in ("VERB", "AUX")
                 and t.lower_ != "including"), None)
    if verb is None or verb.lemma_.lower() not in SIGN_VERBS:
        return
    for presence in (t for t in verb.subtree if t.lower_ == "presence" and t.dep_ == "pobj"
                     and t.head.head.i == verb.i):
        for person in (c for of in presence.children if of.lower_ == "of"
                       for c in of.children if c.dep_ == "pobj"):
            evidence = ctx.doc[min(mention.start, verb.i):max(mention.end, person.i + 1)]
            add_participants(agreement.parties, agreement.signatories, ctx,
                              group(ctx, person), evidence, "pattern:signed-in-presence-of")


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is joined to ("The leaders met and signed
    a memorandum")."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if not found and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        found = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return found


def _referred_agent(ctx: DocContext, agent: Token) -> list[Actor]:
    """"signed by the two leaders", "signed by the two countries' ministers": those the text
    just named."""
    for pobj in (c for c in agent.children if c.dep_ == "pobj"):
        owners = [c for c in pobj.children if c.dep_ == "poss"]
        return referred_actors(ctx, pobj) or (referred_actors(ctx, owners[0]) if owners else [])
    return []


def _described_by(head: Token) -> list[Token]:
    """"The Munich Agreement was a settlement reached by A and B": the verbs that describe the
    noun the agreement is said to be."""
    if head.dep_ != "nsubj" or head.head.lemma_ != "be":
        return []
    return [verb for attr in head.head.children if attr.dep_ == "attr"
            for verb in attr.children if verb.dep_ in ("acl", "relcl")]
