"""Organisations whose name's own words say they are one, where the statistical NER did not
call them ORG.

Two kinds, both common in encyclopaedic text on politics:

- A state's adjective or name, then capitalised words ending in a word that heads the names
  of bodies: "the Ruritanian Medical Association", "the Ruritanian Institute of Urban
  Studies", or in a party family's plural: "the Ruritanian Greens". Our gazetteer marks the
  state's word before the NER runs, and the NER then takes no name that starts with it.
- A name that starts with the word for "party", "movement", "bloc", "league" or "front" of
  another language ("Partido Verde Ruritano", "Mouvement Républicain"), which the NER takes for
  a person, a place or nothing.

Heads that the rules for a state's bodies read (ministries, parliaments, parties, councils:
kg.nlp.organizations) are theirs; this module only adds what those rules and the NER leave.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.nlp.context import Actor, DocContext
from kg.nlp.election_names import names_an_election
from kg.nlp.organizations import add_organization, focus_state, plain_name

# English words that head a body's name ("the X Medical Association", "the X Institute of
# Y"), beyond the heads of a state's bodies in kg.nlp.organizations.HEAD_KINDS.
BODY_HEADS = {"association", "institute", "institution", "foundation", "society", "federation",
              "confederation", "trust", "mission", "legion", "college", "academy", "university",
              "school", "centre", "center", "movement", "network", "corporation", "company",
              "board", "authority", "coalition", "caucus", "club", "church", "guild",
              "brotherhood", "congress", "registry", "consortium", "airlines", "airways",
              "railways", "group", "fund", "syndicate"}
# A party family's plural, which after a state's adjective names that state's party of the
# family: "the Ruritanian Greens", "the Ruritanian Social Democrats".
PARTY_PLURALS = {"greens", "democrats", "socialists", "radicals", "conservatives", "liberals",
                 "republicans", "nationalists", "unionists", "communists", "progressives"}
# The words for a party, a movement, a bloc, a league, a front, a rally or a congress that open a
# party's name in other languages (Romance, Germanic, Slavic, Indonesian, Arabic, Urdu,
# Turkish). Words that are English too ("Front", "Union", "Alliance") are left to the English
# rules.
FOREIGN_PARTY_WORDS = {
    "partai", "parti", "partido", "partito", "partei", "partij", "partia", "partiya",
    "stranka", "strana", "párt", "puolue", "partidul", "hizb",
    "mouvement", "movimiento", "movimento", "bewegung", "beweging", "ruch", "hnutie",
    "dviženie", "dvizhenie", "harakat", "tehreek", "tahreek", "tehrik",
    "frente", "fronte", "jabhat", "bloque", "blocco", "blok", "bloc",
    "lega", "liga", "rassemblement", "agrupación", "congrès", "congreso", "congresso",
    "alianza", "alleanza", "allianz", "aliança", "unión", "unione", "unia", "unie"}
# The words for a body that open its name in Spanish, Portuguese, Italian, French or German:
# "Universidad Nacional de X", "Banco Central de X", "Consejo Nacional Electoral". Words that
# are English too ("Institute", "Tribunal") are left to the English rules.
FOREIGN_BODY_WORDS = {
    "escuela", "universidad", "universidade", "università", "université", "universität",
    "instituto", "istituto", "institut", "colegio", "colégio", "collège", "liceo",
    "banco", "banca", "banque", "fundación", "fundação", "fondazione", "fondation", "stiftung",
    "asociación", "associação", "associazione", "sociedad", "sociedade", "società", "société",
    "gesellschaft", "compañía", "companhia", "compagnia", "compagnie", "empresa",
    "comisión", "comissão", "commissione", "consejo", "conselho", "consiglio", "conseil",
    "corte", "cour", "tribunale", "confederación", "confederazione", "federación",
    "federazione", "fédération", "sindicato", "syndicat", "organización", "organização",
    "agencia", "agência", "agenzia", "agence", "ejército", "exército", "esercito", "armée"}
_FOREIGN_OPENING_WORDS = FOREIGN_PARTY_WORDS | FOREIGN_BODY_WORDS
# Words for a party or a front that close a party's name in Indian languages: "Janata Dal",
# "Jana Sangh", "Mukti Morcha".
LAST_PARTY_WORDS = {"dal", "sangh", "morcha"}
# Small words inside such names: "Parti des Travailleurs et des Paysans", "Partido de la X".
FOREIGN_PARTICLES = {"de", "des", "du", "la", "le", "les", "del", "della", "delle", "dei", "di",
                     "do", "da", "dos", "das", "e", "et", "y", "i", "en", "van", "voor", "für",
                     "za", "na", "ni", "pour", "per", "al", "el", "ut", "dan", "und", "a"}
# Words that join parts of an English body's name: "Institute of Urban Studies".
_CONNECTORS = {"of", "for", "and", "the", "on", "in"}


def find_headed_organizations(ctx: DocContext) -> None:
    """Record the organisations of the module's docstring."""
    for sent in ctx.sentences:
        # The actor at the token before, as found in its turn: a name recorded since covers it
        # with an organisation, and only a state's actor counts before a name.
        previous: Actor | None = None
        for token in sent:
            before, taken = previous, ctx.actor_at(token)
            previous = taken
            if taken is not None and taken.kind != model.PLACE:
                continue   # a place may start a body's name: "the X Enterprise Institute"
            span, kind = None, model.POLITICAL_PARTY
            if taken is None and token.lower_ in _FOREIGN_OPENING_WORDS \
                    and token.is_title:
                span = _foreign_name(ctx, token, sent.end)
                if token.lower_ in FOREIGN_BODY_WORDS:
                    kind = model.ORGANIZATION
            if span is None and token.lower_ in LAST_PARTY_WORDS and token.is_title:
                span = _closed_by_party_word(ctx, token, sent.start)
            if span is None and before is not None and token.is_title:
                found = _after_state_word(ctx, token, before, sent.end)
                span, kind = found if found else (None, None)
            if span is not None and not names_an_election(ctx.doc, span.end):
                _record(ctx, span, kind)


def _capitalised(token: Token) -> bool:
    return (token.is_title or (token.is_upper and len(token) > 1)) and token.is_alpha


def _free_or_place(ctx: DocContext, token: Token) -> bool:
    """A token no rule took, or a state's or place's name ("Enterprise" in "the X Enterprise
    Institute" is a town too)."""
    actor = ctx.actor_at(token)
    return actor is None or actor.kind in (model.STATE, model.PLACE)


def _after_state_word(ctx: DocContext, first: Token, before: Actor,
                      end: int) -> tuple[Span, str] | None:
    """"the Ruritanian Bar Association": `first` (no actor's, or a place's) follows the actor
    `before`, a state's word; the name runs over capitalised words (and of-phrases) to a body's
    head or a party family's plural."""
    if before.kind != model.STATE or not _capitalised(first):
        return None
    doc, i, head = ctx.doc, first.i + 1, None
    # the words before the first connector: "Bar Association" of "Bar Association of X"
    while i < end and _capitalised(doc[i]) and _free_or_place(ctx, doc[i]):
        i += 1
    last = doc[i - 1].lower_
    if last in PARTY_PLURALS and i - first.i <= 2:
        return ctx.doc[before.start:i], model.POLITICAL_PARTY
    if last not in BODY_HEADS:
        return None
    head = i
    while i + 1 < end and doc[i].lower_ in ("of", "for") and _capitalised(doc[i + 1]):
        j = i + 1
        while j < end and (_capitalised(doc[j]) or (doc[j].lower_ in _CONNECTORS and j + 1 < end
                                                     and _capitalised(doc[j + 1]))):
            if not _free_or_place(ctx, doc[j]):
                return ctx.doc[before.start:head], model.ORGANIZATION
            j += 1
        i = j
    return ctx.doc[before.start:i], model.ORGANIZATION


def _foreign_name(ctx: DocContext, first: Token, end: int) -> Span | None:
    """"Partido Verde Ruritano", "Parti des Travailleurs et des Paysans": the word for a party
    or a body, then capitalised words, small words between them, and states' or places'
    names."""
    doc, i, last = ctx.doc, first.i + 1, None
    while i < end:
        token = doc[i]
        if _capitalised(token) and _free_or_place(ctx, token):
            last = i
        elif token.lower_ not in FOREIGN_PARTICLES and not (
                token.text == "-" and not doc[i - 1].whitespace_):
            break   # "-" joins "al" and "Tahrir" in "Hizb al-Tahrir"
        i += 1
    if last is None:
        return None
    return doc[first.i:last + 1]


def _closed_by_party_word(ctx: DocContext, last: Token, start: int) -> Span | None:
    """"Navin Kisan Dal": capitalised words no rule took, then the word for a party."""
    doc, i = ctx.doc, last.i
    while i > start and _capitalised(doc[i - 1]) and ctx.actor_at(doc[i - 1]) is None:
        i -= 1
    return doc[i:last.i + 1] if i < last.i else None


def _record(ctx: DocContext, span: Span, kind: str) -> None:
    states = [a for a in ctx.actors_in(span) if a.kind == model.STATE]
    record_organization(ctx, span, plain_name(span), kind,
                        states[0].state if states else focus_state(ctx),
                        "pattern:headed-name-state", 0.7 if states else 0.5)


def record_organization(ctx: DocContext, span: Span, name: str, kind: str, state: str | None,
                        rule: str, confidence: float) -> None:
    """An organisation of `kind` named `name` at `span`, with its state (a fact by `rule`)."""
    entity = model.Entity(resolve.organization_key(name, state), kind, name)
    add_organization(ctx, span, entity, state, rule, confidence)
