"""Agreements as first-class nodes: parties, signatories, mediators, date and status.

The mentions come from kg.nlp.agreement_mentions. Mentions with the same name are one
agreement; a bare "the deal" / "this Agreement" refers back to the agreement the text last
named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.nlp.agreement_dates import read_dates
from kg.nlp.agreement_lists import counted_parties, dated_mention, dates_listed_after
from kg.nlp.agreement_mentions import (AGREEMENT_WORDS, FORMAL_NAME_WORDS, NEEDS_QUALIFIER,
                                        SIGN_VERBS, AgreementMention, is_generic, mention_at,
                                        other_names, parse_head)
from kg.nlp.agreement_referents import (heads_the_document, maker_list_start, possessors,
                                        referred_actors, states_in_joined_names)
from kg.nlp.context import Actor, DocContext
from kg.nlp.treaty import name_from_parties, read_treaty_text

MEDIATE_VERBS = {"broker", "mediate", "facilitate", "host"}
STATUS_CUES = {  # lemma -> status
    "negotiate": "under_negotiation", "negotiation": "under_negotiation", "talk": "under_negotiation",
    "propose": "proposed", "draft": "proposed", "delay": "proposed", "await": "proposed",
    "enter": "in_force", "ratify": "in_force", "implement": "in_force",
    "withdraw": "terminated", "suspend": "terminated", "end": "terminated",
    "cancel": "terminated", "annul": "terminated", "revoke": "terminated",
    "repudiate": "terminated", "terminate": "terminated", "expire": "terminated",
    "collapse": "terminated", "scrap": "terminated", "abandon": "terminated",
    "violate": "violated", "violation": "violated", "breach": "violated",
}


@dataclass
class Agreement:
    name: str
    kind: str
    mentions: list[AgreementMention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)   # "the Harwick Protocol or Harwick Agreement"
    parties: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    signatories: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    mediators: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    dates: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    statuses: dict[str, tuple[Span, str, float]] = field(default_factory=dict)
    own_text: bool = False   # the agreement the document is (a treaty text)


def find_agreements(ctx: DocContext) -> None:
    agreements: list[Agreement] = []
    own, title_end = _treaty_agreement(ctx)
    if own is not None:
        agreements.append(own)
    by_head: dict[int, Agreement] = {}   # head token of a mention -> its agreement
    by_end: dict[int, Agreement] = {}    # end (exclusive) of a named mention -> its agreement
    last: Agreement | None = None
    for i, lower in enumerate(ctx.lowers):
        if lower not in AGREEMENT_WORDS and lower not in FORMAL_NAME_WORDS and lower != "it":
            continue   # neither a treaty word nor a pronoun that may refer back
        token = ctx.doc[i]
        mention = mention_at(ctx, token)
        if mention is None:
            if last is not None and (pronoun := _pronoun_mention(ctx, token, last)) is not None:
                last.mentions.append(pronoun)  # "It was signed on July 30, 2008"
                _read_context(ctx, last, pronoun)
            continue
        if own is not None and (token.idx < title_end or mention.determiner == "this" or (
                mention.kind == "agreement" and (is_generic(mention.name)
                                                 or _between_states(ctx, mention))
                and not _names_other_states(ctx, own, mention))):
            # its own title, "this Agreement" ("to conclude this Free Trade Agreement") or the
            # title again, in the agreement's own text; its date is the final clause's, not one
            # met near a mention
            own.mentions.append(mention)
            _read_between(ctx, own, mention)
            continue
        if listed := dates_listed_after(ctx, mention):
            agreements.extend(_dated_agreements(ctx, mention, listed))
            continue   # "the agreements of March 3, 2021 and July 8, 2022": one a date
        agreement = _same_as(ctx, mention, by_head, by_end) or \
            _agreement_for(agreements, mention)
        if agreement is own and own is not None and _names_other_states(ctx, own, mention):
            continue   # a recital's other agreement, cited, not the text's own
        if agreement is None and not mention.proper:
            agreement = _headline_agreement(ctx, agreements, mention)
        if agreement is None and mention.kind in NEEDS_QUALIFIER and not mention.qualified:
            continue  # "in a statement", "the declaration" with nothing to refer back to
        if agreement is None:
            agreement = Agreement(mention.name, mention.kind)
            agreements.append(agreement)
        elif mention.proper and mention.name.lower() != agreement.name.lower():
            agreement.aliases.add(mention.name)
        agreement.mentions.append(mention)
        by_head[mention.head.i] = by_head[parse_head(mention).i] = last = agreement
        if mention.proper:
            by_end[mention.end] = agreement
        _read_context(ctx, agreement, mention)
    _add_other_names(ctx, by_head)
    for agreement in agreements:
        _complete(ctx, agreement)
        if agreement is own or (agreement.mentions and _worth_a_node(agreement)):
            _record(ctx, agreement)


def _add_other_names(ctx: DocContext, by_head: dict[int, Agreement]) -> None:
    """A name the text gives an agreement beside its own ("the Treaty of Lindau (Lindauer
    Vertrag)", "The Lindauer Vertrag was the 1822 Treaty of Lindau") is an alias, and each time
    it stands alone a mention."""
    doc = ctx.doc
    for name, beside in sorted(other_names(ctx).items()):
        agreement = by_head.get(beside.head.i)
        if agreement is None:
            continue
        agreement.aliases.add(name)
        words = name.split()
        for i in range(len(doc) - len(words) + 1):
            span = doc[i:i + len(words)]
            if span.text == name and not any(ctx.actor_at(t) is not None for t in span):
                agreement.mentions.append(AgreementMention(i, i + len(words), span.root,
                                                           agreement.kind, name, True, True,
                                                           None))


def _complete(ctx: DocContext, agreement: Agreement) -> None:
    """What the whole text adds to an agreement once all its mentions are read."""
    _parties_from_signatories(ctx, agreement)
    _governments_as_states(ctx, agreement)
    _drop_vaguer_dates(agreement)
    if len(agreement.parties) < 2 and agreement.kind in ("treaty", "ceasefire", "truce", "accord",
                                                         "deal"):
        _parties_from_sentence(ctx, agreement)


def _between_states(ctx: DocContext, mention: AgreementMention) -> bool:
    """A formal title with its parties: "Free Trade Agreement between X and Y", "Agreement on
    Trade between X and Y", the parties also on the title's next line."""
    doc = ctx.doc
    between = next((i for i in range(mention.head.i + 1, max(mention.end, mention.head.i + 2))
                    if i < len(doc) and ctx.lowers[i] == "between"), None)
    if between is None:
        return False
    return any(a.kind == model.STATE for a in (*_actors_after(ctx, doc[between]),
                                               *ctx.actors_in(doc[between:mention.end])))


def _dated_agreements(ctx: DocContext, mention: AgreementMention,
                      listed: list[tuple[str, Span]]) -> list[Agreement]:
    """One agreement for each date a plural mention lists, with the parties it names or
    counts."""
    found = []
    for iso, span in listed:
        dated = dated_mention(mention, iso, span)
        agreement = Agreement(dated.name, mention.kind, mentions=[dated])
        agreement.dates[iso] = (span, "pattern:agreements-of-dates", 0.8)
        _read_between(ctx, agreement, mention)
        if not agreement.parties:
            for key in counted_parties(ctx, mention):
                agreement.parties[key] = (ctx.sentence(mention.head.i),
                                          "heuristic:counted-states-in-sentence", 0.6)
        found.append(agreement)
    return found


def _worth_a_node(agreement: Agreement) -> bool:
    """A described agreement ("a bilateral treaty", "an agreement") becomes a node only with
    something that tells it apart: a name, a party, mediator or signatory, a date, or (for a
    qualified one, "talks on a peace treaty") a status. Plural mentions that never name one
    ("free trade agreements") talk about a class, not an agreement."""
    if any(m.proper for m in agreement.mentions):
        return True
    if all(m.head.tag_ in ("NNS", "NNPS") for m in agreement.mentions):
        return False
    known = bool(agreement.parties or agreement.mediators or agreement.signatories
                 or agreement.dates)
    return known or (not is_generic(agreement.name) and bool(agreement.statuses))


def _treaty_agreement(ctx: DocContext) -> tuple[Agreement | None, int]:
    """The agreement a treaty text is, with the parties of its preamble and signature blocks
    and the date of its final clause, and where the title it starts with ends (0: none)."""
    found = read_treaty_text(ctx)
    if found is None:
        return None, 0
    name, title_end, parties, done = found
    agreement = Agreement(name.lower() if name == "Agreement" else name, "agreement",
                          own_text=True)
    for key, span in sorted(parties.items()):
        agreement.parties[key] = (span, "treaty:preamble-or-signature-party", 0.8)
    if done is not None:
        iso, (begin, end) = done
        span = ctx.doc.char_span(begin, end, alignment_mode="expand")
        if span is not None:
            agreement.dates[iso] = (span, "treaty:done-at-date", 0.85)
            agreement.statuses["signed"] = (span, "treaty:done-at-date", 0.8)
    return agreement, title_end


# Verbs whose subject, when a pronoun, is the agreement just named: "It was signed on ...".
_PRONOUN_VERBS = {"sign", "ratify", "conclude", "enter", "expire", "implement", "terminate",
                  "suspend", "negotiate", "reach", "adopt"}


def _pronoun_mention(ctx: DocContext, token: Token, last: Agreement) -> AgreementMention | None:
    """"It" as the subject of signing or entering into force, right after an agreement was
    named (the same or the next sentence), refers to it."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if token.head.lemma_.lower() not in _PRONOUN_VERBS:
        return None
    previous, sentence = ctx.sentence(last.mentions[-1].head.i), ctx.sentence(token.i)
    if sentence.start - previous.start > len(previous) + len(sentence):
        return None
    return AgreementMention(token.i, token.i + 1, token, last.kind, last.name, False, True, None)


# Words that open a second name in brackets: "the Treaty of Kars (also known as the Kars
# Agreement)".
_ALIAS_OPENERS = {"also", "known", "as", "or", "the", "formally", "officially", "called",
                  "commonly", "often", "sometimes", "informally"}


def _same_as(ctx: DocContext, mention: AgreementMention, by_head: dict[int, Agreement],
             by_end: dict[int, Agreement]) -> Agreement | None:
    """"The X Agreement is a trade agreement between ..." (a predicate describes its subject),
    "the Harwick Protocol or Harwick Agreement" and "the Treaty of Kars (the Kars
    Agreement)" (an alternative name): the same one."""
    if mention.proper:
        i = mention.start - 1
        while i > 0 and ctx.doc[i].lower_ in _ALIAS_OPENERS:
            i -= 1
        # "A (B)", "A (also known as B)", "A, also known as B,"; not "A, B and C"
        said = {t.lower_ for t in ctx.doc[i + 1:mention.start]}
        if i in by_end and (ctx.doc[i].text == "(" or ctx.doc[i].text == "," and said & {
                "known", "called", "or", "formally", "officially"}):
            return by_end[i]
    head = mention.head
    if head.dep_ == "attr" and head.head.lemma_ == "be":
        for subject in (c for c in head.head.children if c.dep_ == "nsubj"):
            if subject.i in by_head:
                return by_head[subject.i]
    if head.dep_ == "conj" and head.head.i in by_head and any(
            c.lower_ == "or" for c in head.head.children if c.dep_ == "cc"):
        return by_head[head.head.i]
    return None


# Kinds whose bare word refers back to any agreement ("the deal" after "the Oslo Accords", "the
# arrangement was signed"); a bare "the concordat" or "the statement" only to one of its kind.
_REFERRING_KINDS = {"agreement", "deal", "accord", "pact", "treaty", "arrangement"}


def _headline_agreement(ctx: DocContext, agreements: list[Agreement],
                        mention: AgreementMention) -> Agreement | None:
    """The agreement a headline names in short and the body tells in full: "India, UAE sign
    investment treaty" then "signed a bilateral investment treaty". The fuller words name it."""
    line_end = ctx.text.find("\n")
    if line_end < 0 or ctx.doc[mention.start].idx < line_end:
        return None
    words = set(mention.name.lower().split())
    for agreement in agreements:
        if agreement.own_text or not agreement.mentions or any(
                ctx.doc[m.start].idx > line_end for m in agreement.mentions):
            continue
        same_kind = agreement.kind == mention.kind or \
            {agreement.kind, mention.kind} <= _REFERRING_KINDS
        if same_kind and set(agreement.name.lower().split()) <= words:
            if len(words) > len(agreement.name.split()):
                agreement.aliases.add(agreement.name)
                agreement.name = mention.name
            return agreement
    return None


# Where the words that tell a named agreement apart begin: "Joint Communiqué| of the …".
_NAME_TAIL = re.compile(r" (?:of|on|by|between|for) ")


def _agreement_for(agreements: list[Agreement], mention: AgreementMention) -> Agreement | None:
    """The agreement a mention refers to: one of the same name, or for a bare "the deal" the one
    last named (a signed one first: news refers back to deals done); for a bare "the statement"
    or "the concordat" the last of its kind."""
    for agreement in agreements:
        if mention.name.lower() in {n.lower() for n in (agreement.name, *agreement.aliases)}:
            return agreement
    if not is_generic(mention.name):
        # "this Joint Communiqué" after the "Joint Communiqué of the Foreign Ministers of …"
        return next((a for a in reversed(agreements) if a.kind == mention.kind and
                     _NAME_TAIL.split(a.name, 1)[0].lower() == mention.name.lower()), None)
    if not agreements or mention.described:
        return None
    same_kind = [a for a in agreements if a.kind == mention.kind]
    if same_kind or mention.kind not in _REFERRING_KINDS:
        return same_kind[-1] if same_kind else None
    signed = [a for a in agreements if "signed" in a.statuses or a.dates]
    return (signed or agreements)[-1]


def _read_context(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    span = ctx.doc[mention.start:mention.end]
    for actor in ctx.actors_in(span):
        # "the EU–Ukraine Association Agreement"; not words of the title the NER took for a
        # body ("Further Reduction and Limitation of Strategic Offensive Arms")
        if actor.kind in (model.STATE, model.INTERNATIONAL_ORGANIZATION):
            agreement.parties.setdefault(actor.key, (span, "pattern:agreement-name-party", 0.8))
    for key in states_in_joined_names(ctx, span):   # "the U.S.-ROK Declaration", one token
        agreement.parties.setdefault(key, (span, "pattern:agreement-name-party", 0.8))
    if mention.determiner == "their":   # "congratulated A and B on their agreement"
        for actor in possessors(ctx, mention.start):
            agreement.parties.setdefault(actor.key, (ctx.doc[actor.start:mention.end],
                                                     "pattern:their-agreement", 0.7))
    _read_between(ctx, agreement, mention)
    _read_makers(ctx, agreement, mention)
    _read_signing(ctx, agreement, mention)
    _read_presence(ctx, agreement, mention)
    read_dates(ctx, agreement.dates, mention)
    _read_status(ctx, agreement, mention)


def _read_makers(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"Joint Statement by President A of X and President B of Y": its makers sign it and their
    states are its parties. A statement that heads the release is the release: its date too."""
    by = maker_list_start(ctx, mention.end, mention.kind)
    if by is not None:
        actors = _actors_after(ctx, by)
        if actors:
            _add_participants(agreement.parties, agreement.signatories, ctx, actors,
                              ctx.doc[mention.start:max(a.end for a in actors)],
                              "pattern:statement-by")
    date = ctx.document.date
    if date and heads_the_document(ctx, mention.start, mention.end, mention.kind):
        agreement.dates.setdefault(date, (ctx.doc[mention.start:mention.end],
                                          "document:statement-heading-date", 0.7))


def _group(ctx: DocContext, token: Token) -> list[Actor]:
    """The actors of a token and its conjuncts: "Quito, Lima and Bogotá"; for "the two
    leaders" or "both sides", those the text just named."""
    found = []
    for t in [token, *token.conjuncts]:
        actor = ctx.actor_at(t)
        if actor is not None and actor not in found:
            found.append(actor)
    return found or referred_actors(ctx, token)


def _read_between(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
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
            actors = _named_pair_before(ctx, child) or _actors_after(ctx, child)
            if actors:
                evidence = ctx.doc[mention.start:max(a.end for a in actors)]
                _add_participants(agreement.parties, agreement.signatories, ctx, actors,
                                  evidence, "pattern:agreement-between")


def _names_other_states(ctx: DocContext, own: Agreement, mention: AgreementMention) -> bool:
    """In a treaty text, "the agreement between Peru and the European Union" in a recital is
    another agreement when it names a state or body that is none of the text's own parties."""
    if not own.parties:
        return False
    between = [t for t in ctx.doc[mention.start:min(len(ctx.doc), mention.end + 2)]
               if t.lower_ == "between"]
    return any(actor.key not in own.parties and actor.kind != model.PERSON
               for b in between for actor in _actors_after(ctx, b))


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


def _actors_after(ctx: DocContext, preposition: Token) -> list[Actor]:
    """The actors listed after "by" or "between", up to the end of the list. A more robust
    reading than the parse's conjuncts, which often break on titles before names."""
    doc, end = ctx.doc, preposition.i + 1
    sent_end = ctx.sentence(preposition.i).end
    while end < sent_end and doc[end].lower_ not in _LIST_ENDS and \
            not (doc[end].pos_ in ("VERB", "AUX") and end > preposition.i + 1):
        end += 1
    return [a for a in ctx.actors_in(doc[preposition.i + 1:end])
            if a.kind in (model.PERSON, model.STATE) or a.kind in model.ORGANIZATION_KINDS
            and not _member_states(doc, a.end)]


def _member_states(doc, end: int) -> bool:
    """"between the Alpine States and Peru", "the ASEAN Member States": a body's name before
    "States" names its member states, who are the parties, not the body."""
    words = [t.lower_ for t in doc[end:end + 2]]
    return words[:1] == ["states"] or words == ["member", "states"]


def _add_participants(parties: dict, signatories: dict, ctx: DocContext, actors: list[Actor],
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


def _read_signing(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
    """"the statement signed by X, Y and Z", "X and Y signed the deal", "brokered by X"."""
    head = parse_head(mention)
    verb = head if head.dep_ not in ("dobj", "nsubjpass", "pobj") else head.head
    candidates = [c for c in head.children if c.dep_ in ("acl", "relcl")]
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
            _add_participants(target, agreement.signatories, ctx, _actors_after(ctx, agent)
                              or _referred_agent(ctx, agent), evidence,
                              f"pattern:agreement-{lemma}-by")
        if v is verb and head.dep_ == "dobj":
            for subj in _subjects(v):
                _add_participants(target, agreement.signatories, ctx, _group(ctx, subj),
                                  evidence, f"pattern:subject-{lemma}-agreement")
            for prep in (c for c in v.children if c.lower_ == "with" and c.dep_ == "prep"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    _add_participants(target, agreement.signatories, ctx, _group(ctx, pobj),
                                      evidence, f"pattern:{lemma}-agreement-with")
        if lemma in SIGN_VERBS and not _not_done(v, head):
            agreement.statuses.setdefault("signed", (evidence, f"pattern:{lemma}", 0.8))


def _read_presence(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
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
            _add_participants(agreement.parties, agreement.signatories, ctx,
                              _group(ctx, person), evidence, "pattern:signed-in-presence-of")


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


def _done_in_the_past(verb: Token) -> bool:
    """A verb in the past passive ("was negotiated", "had been negotiated")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBD", "VBN")
                                      for c in verb.children)


def _not_done(verb: Token, head: Token | None = None) -> bool:
    """"aims to sign", "would sign", "has not signed", "which neither side has yet signed",
    "no treaty has been signed": a signing that has not happened."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.lower_ in ("neither", "no", "nobody", "none") for c in verb.subtree
           if c.dep_ in ("det", "nsubj", "nsubjpass", "preconj")):
        return True
    if head is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("to", "will", "would", "could", "may", "might", "shall")
           for c in verb.children):
        return True
    return verb.dep_ == "xcomp"


def _read_status(ctx: DocContext, agreement: Agreement, mention: AgreementMention) -> None:
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
        if status == "under_negotiation" and _done_in_the_past(token):
            return  # "The treaty was negotiated by X": negotiated, and so no longer under way
        if status is not None and head.dep_ == "nsubj" and steps == 1 \
                and lemma not in _SUBJECT_CUES:
            return  # the agreement does not negotiate or violate: whoever does is the subject
        if lemma in _OBJECT_CUES and not (steps == 1 and head.dep_ == "dobj"):
            return  # "ended the accord", but "the war ended with the accord"
        if status is not None:
            evidence = ctx.doc[min(token.i, mention.start):max(token.i + 1, mention.end)]
            agreement.statuses.setdefault(status, (evidence, f"pattern:status-{lemma}", 0.7))
            return
        if token.pos_ in ("VERB", "AUX", "ADP"):
            return  # another verb or a preposition such as "after" governs the mention


# Cues whose subject is the agreement itself: "the treaty entered into force", "the deal expired".
_SUBJECT_CUES = {"enter", "expire", "collapse", "lapse", "terminate", "implement"}
# Cues that end an agreement only when it is their object: "the government ended the accord".
_OBJECT_CUES = {"end", "cancel", "annul", "revoke", "repudiate"}
# Prepositions through which a cue governs an agreement: "talks on", "withdrew from".
_GOVERNING_PREPOSITIONS = {"on", "over", "about", "of", "from", "to", "for", "into", "with"}


def _record(ctx: DocContext, agreement: Agreement) -> None:
    parties = sorted(agreement.parties)
    key = resolve.agreement_key(agreement.name, parties)
    entity = model.Entity(key, model.AGREEMENT, _display_name(ctx, agreement),
                          aliases=set(agreement.aliases),
                          attributes={"agreement_kind": agreement.kind})
    ctx.add_entity(entity)
    for m in agreement.mentions:
        ctx.add_actor(Actor(m.start, m.end, key, model.AGREEMENT), nest=True)
    for relation, values in ((model.PARTY, agreement.parties),
                             (model.SIGNATORY, agreement.signatories),
                             (model.MEDIATOR, agreement.mediators),
                             (model.DATE_SIGNED, agreement.dates)):
        for value, (evidence, rule, confidence) in sorted(values.items()):
            ctx.add_fact(key, relation, value, evidence, rule, confidence)
    statuses = dict(agreement.statuses)
    if not statuses and agreement.dates:
        # A dated agreement with no other cue is reported as done: "the accord of 10 April 1998".
        first = agreement.mentions[0]
        statuses["signed"] = (ctx.doc[first.start:first.end], "default:dated-agreement-signed", 0.5)
    for value, (evidence, rule, confidence) in sorted(statuses.items()):
        ctx.add_fact(key, model.STATUS, value, evidence, rule, confidence)


def _parties_from_signatories(ctx: DocContext, agreement: Agreement) -> None:
    """A person who signs for a state makes the state a party: "signed by President of
    Azerbaijan Ilham Aliyev" makes Azerbaijan one."""
    for person, (evidence, _rule, _confidence) in sorted(agreement.signatories.items()):
        for fact in ctx.facts_about(person, model.STATE_OF):
            agreement.parties.setdefault(fact.object, (evidence, "pattern:signatory-state", 0.7))


def _governments_as_states(ctx: DocContext, agreement: Agreement) -> None:
    """"The Government of Iceland and the Government of Norway": a state's government signs for
    the state, so the state is the party, not a second one beside it."""
    for key in list(agreement.parties):
        entity = ctx.extraction.entities.get(key)
        if entity is None or entity.kind != model.GOVERNMENT:
            continue
        states = ctx.facts_about(key, model.STATE_OF)
        if states:
            evidence = agreement.parties.pop(key)
            agreement.parties.setdefault(states[0].object, evidence)


def _drop_vaguer_dates(agreement: Agreement) -> None:
    """Within one document "2020" and "2020-11-10" for one agreement are one date, not two."""
    for iso in list(agreement.dates):
        if any(other != iso and other.startswith(iso) for other in agreement.dates):
            del agreement.dates[iso]


def _parties_from_sentence(ctx: DocContext, agreement: Agreement) -> None:
    """A peace treaty or ceasefire whose parties the text does not spell out: when its sentence
    names exactly two states, those are its parties (low confidence)."""
    for m in agreement.mentions:
        sent = ctx.sentence(m.start)
        states = sorted({a.key for a in ctx.actors_in(sent) if a.kind == model.STATE}
                        - set(agreement.mediators))   # "… mediated by Angola"
        if len(states) == 2:
            for key in states:
                agreement.parties.setdefault(key, (sent, "heuristic:two-states-in-sentence", 0.5))
            return


def _display_name(ctx: DocContext, agreement: Agreement) -> str:
    """A named agreement's name; a described one's with its parties' names, as news writes
    them: "Paraguay–Uruguay pact", "Russia–UN Secretariat memorandum" (states first, then
    bodies, each by name), not a label of codes."""
    if agreement.own_text and is_generic(agreement.name) and \
            (between := name_from_parties(ctx, agreement.parties)) is not None:
        return between
    if is_generic(agreement.name) and len(agreement.parties) >= 2:
        def shown(key: str) -> str:
            entity = ctx.extraction.entities.get(key)
            return entity.name if entity is not None else key.rsplit("/", 1)[-1]

        states = sorted(shown(k) for k in agreement.parties if k.startswith("state/"))
        bodies = sorted(shown(k) for k in agreement.parties if not k.startswith("state/"))
        return f"{'–'.join(states + bodies)} {agreement.name}"
    name = agreement.name
    return name[0].upper() + name[1:] if name.islower() else name
