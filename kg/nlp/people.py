"""People and the posts they hold.

Persons come from the statistical NER, corrected by context (the small model calls "Rauf
Guliyev" an ORG: a name followed by ", head of ..." or by "said" is a person). Posts come from
titles around a name: "Foreign Minister X", "X, head of the Y at the Z", "President of X Y",
"X's ambassador to Y, Z", "X, who chairs Y", "a spokesperson for the ministry, X".
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg import model, resolve
from kg.data import tables
from kg.nlp.context import Actor, DocContext
from kg.nlp.ner_organizations import PARTY_FAMILIES
from kg.nlp.organizations import HEAD_KINDS
from kg.nlp.titles import Title, abbreviation_start, longest_title, title_at, title_head_words
from kg.person_names import NAME_PARTICLES

SPEECH_VERBS = {"said", "says", "told", "added", "stated", "stressed", "noted", "announced",
                "declared", "warned", "accused", "insisted", "claimed", "argued", "wrote"}
# Tokens that end a name: a person's name never runs over these.
_NOT_NAME = {"the", "a", "an", "of", "and", "said", "'s", "’s"}


REGNAL_NUMBERS = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
                  "XIII", "XIV", "XV", "XVI"}
# Words that do not occur inside a person's name ("Order of King Alaric", "Greenfield
# Cemetery", "Freedom Battalions").
_NOT_IN_NAMES = {"of", "the", "for", "and", "on", "in", "to", "cemetery", "battalion",
                 "battalions", "river", "mountain", "mount", "lake", "street", "square", "palace",
                 "airport", "university", "college", "school", "church", "cathedral", "hospital",
                 "bridge", "island", "islands", "province", "region", "district", "county", "city",
                 "prize", "award", "order", "war", "treaty", "agreement", "accord"}
# What a headline announces, which the NER runs into the names next to it: "Joint Statement",
# "Statement by President Lena Berg", "Ana Lima Remarks" (the name is the rest)
_DOCUMENT_WORDS = {"statement", "declaration", "readout", "communique", "communiqué", "remarks",
                   "meeting", "summit", "conference", "administration", "joint", "release",
                   "briefing", "transcript", "interview", "call", "visit"}
_LINKS_AFTER_DOCUMENT_WORDS = {"by", "from", "of", "with", "on", "to", "for"}


def find_people(ctx: DocContext) -> None:
    """Person mentions: NER persons, corrected NER organisations, and surnames of known people."""
    doc = ctx.doc
    _add_biography_subjects(ctx)
    _add_titled_regnal_names(ctx)
    for ent in _whole_person_names(ctx, doc.ents):
        ent = _before_parenthesis(ent)
        if ent is not None:
            ent = _story_name(ctx, ent)
        if ent is None or ctx.overlaps(ent):
            continue
        if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "NORP", "GPE", "LOC")
                                      and _looks_like_person(ctx, ent)):
            _add_person(ctx, ent)
    _add_surname_mentions(ctx)
    _merge_name_variants(ctx)


def _whole_person_names(ctx: DocContext, ents: tuple[Span, ...]) -> list[Span]:
    """The NER's entities, with the person names it cut in pieces made whole again: two persons
    that touch ("Ravi" + "Kumar Sharma") are one, and a capitalised proper noun it left out
    just before a person's name ("Pavel" of "Pavel Ivanovich Sorokin") belongs to it,
    unless that word is a title or a title's last word ("Secretary"), a form of address ("Sir"),
    a name in our tables, or in another entity."""
    doc, joined = ctx.doc, []
    for ent in ents:
        ent = _after_a_title(ctx, ent)
        previous = joined[-1] if joined else None
        if ent.label_ == "PERSON" and previous is not None and previous.label_ == "PERSON" \
                and previous.end == ent.start and doc[ent.start - 1].whitespace_ == " ":
            joined[-1] = Span(doc, previous.start, ent.end, label="PERSON")
            continue
        if ent.label_ == "PERSON":
            start = ent.start
            sentence_start = ctx.sentence(ent.start).start
            while start > sentence_start and start > ent.start - 2 \
                    and _left_out_given_name(ctx, doc[start - 1]) \
                    and (previous is None or previous.end < start):
                start -= 1
            end = _name_end(ctx, ent)
            if start < ent.start or end > ent.end:
                ent = Span(doc, start, end, label="PERSON")
        if joined and ent.start < joined[-1].end:
            continue   # "Brück", which the name before it took in
        joined.append(ent)
    return joined


def _after_a_title(ctx: DocContext, ent: Span) -> Span:
    """A name the NER ran into the end of a title before it ("Secretary of" + "State Shultz"):
    the words after the title, a person's."""
    # a title's last word must be in the name ("State"), which spares most entities the search
    if ent.label_ == "PERSON" or len(ent) < 2 or not any(
            t.lower_ in title_head_words() for t in ent[:-1]):
        return ent
    for start in range(max(ctx.sentence(ent.start).start, ent.start - longest_title()),
                       ent.start):
        title = title_at(ctx.doc, start, ent.end - 1)
        if title is not None and ent.start < title.end < ent.end and all(
                t.is_title and t.pos_ == "PROPN" for t in ctx.doc[title.end:ent.end]):
            return Span(ctx.doc, title.end, ent.end, label="PERSON")
    return ent


def _name_end(ctx: DocContext, ent: Span) -> int:
    """Where a person's name the NER found really ends: over particles it cut the name at
    ("Anna von der" + "Brück", "Ahmed bin" + "Khalifa", "Omar Hassan al-" + "Tahir"), and
    over one capitalised proper noun of a name of two words or more that it left out and no
    other entity took ("Park Min" + "Seong" where "Seong" is in no entity)."""
    doc, end = ctx.doc, ent.end
    limit = ctx.sentence(ent.start).end
    open_name = end - 1 > ent.start and _particle_at(doc, end - 1)
    while end + 1 < limit and _particle_at(doc, end):
        end, open_name = end + 1, True
    if end < limit and doc[end].is_title and doc[end].is_alpha and \
            (open_name or len(ent) >= 2 and not doc[end].ent_type and _left_out_name_word(
                ctx, doc[end]) and doc[end - 1].whitespace_ == " "):
        return end + 1
    return ent.end


# Forms of address, not given names: "Sir Henry Fairfax" is Henry Fairfax.
HONORIFICS = {"sir", "lord", "lady", "dame", "mr", "mrs", "ms", "dr", "madam", "mister",
               "sheikh", "sheikha", "sayyid", "imam", "rabbi", "father", "reverend"}


def _particle_at(doc, i: int) -> bool:
    """A name particle, or the hyphen after one ("al" "-" of "al-Tahir")."""
    return doc[i].lower_ in NAME_PARTICLES or \
        doc[i].text == "-" and i > 0 and doc[i - 1].lower_ in NAME_PARTICLES


def _left_out_given_name(ctx: DocContext, token: Token) -> bool:
    return token.whitespace_ == " " and _left_out_name_word(ctx, token)


def _left_out_name_word(ctx: DocContext, token: Token) -> bool:
    return (token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type
            and token.text not in ctx.gazetteer.names
            and token.lower_ not in _NOT_NAME and token.lower_ not in _NOT_IN_NAMES
            and token.lower_ not in HONORIFICS and token.lower_ not in title_head_words())


def _story_name(ctx: DocContext, ent: Span) -> Span | None:
    """The name as the story gives it: none in a byline or sidebar; in a headline, none
    running over a possessive ("Berg's Visit"); in a Title Case headline, where every word
    looks like a name, without the words after it ("Okafor Meets", "Lena Berg Welcoming"),
    and none the body does not confirm unless a title goes with it."""
    lines = ctx.story_lines
    if lines.outside_story(ent):
        return None
    ent = _without_document_words(ent)
    if ent is None or _names_a_constituency(ctx, ent):
        return None
    if len(ent) >= 3 and ent[0].is_title and ent[0].lower_ in PARTY_FAMILIES:
        ent = Span(ctx.doc, ent.start + 1, ent.end, label=ent.label_)   # "Liberal Ana Lima"
    if not lines.in_headline(ent):
        return ent
    for t in ent[1:]:
        if t.text in ("'s", "’s"):
            ent = Span(ctx.doc, ent.start, t.i, label=ent.label_)
            break
    if not lines.title_case:
        return ent
    ent = Span(ctx.doc, ent.start, _title_case_name_end(ctx, ent), label=ent.label_)
    if any(lines.confirmed(t.text) for t in ent if t.is_alpha) or \
            _title_ending_at(ctx, ent.start) is not None or \
            title_at(ctx.doc, ent.start, ent.end) is not None:   # "Spokesperson Lena Berg"
        return ent
    return None


# Words before a constituency's name: "the riding of X", "MP for X", "the seat of X".
_BEFORE_CONSTITUENCY = {("riding", "of"), ("seat", "of"), ("constituency", "of"),
                        ("electorate", "of"), ("mp", "for"), ("member", "for"), ("mla", "for"),
                        ("candidate", "for"), (")", "for")}


def _names_a_constituency(ctx: DocContext, ent: Span) -> bool:
    """"the riding of Port Alder West", "MP (Member of Parliament) for Eastwick", "the Lower
    Marsh by-election": a constituency, whatever the NER says."""
    doc = ctx.doc
    before = tuple(t.lower_ for t in doc[max(ent.start - 2, 0):ent.start])
    if before in _BEFORE_CONSTITUENCY:
        return True
    after = "".join(t.lower_ for t in doc[ent.end:ent.end + 3])
    return after.startswith(("by-election", "byelection"))


def _without_document_words(ent: Span) -> Span | None:
    """The name in a span the NER ran over the words of a document's title: the words after
    the last such word (and "by", "of", ...), else those before the first ("Joint Statement"
    keeps none)."""
    marks = [t.i for t in ent if t.lower_ in _DOCUMENT_WORDS]
    if not marks:
        return ent
    start = marks[-1] + 1
    while start < ent.end and ent.doc[start].lower_ in _LINKS_AFTER_DOCUMENT_WORDS:
        start += 1
    if start < ent.end:
        return Span(ent.doc, start, ent.end, label=ent.label_)
    if marks[0] > ent.start:
        return Span(ent.doc, ent.start, marks[0], label=ent.label_)
    return None


def _title_case_name_end(ctx: DocContext, ent: Span) -> int:
    """Where a name in a Title Case headline ends: before the first word the body does not
    confirm that has a verb's ending ("Okafor Meets Tanaka" and "Okafor Brokers Deal" are
    "Okafor", "Lena Berg Welcoming" is "Lena Berg"); "Xi Jinping" stays whole when the body
    says only "President Xi"."""
    lines = ctx.story_lines
    for t in ent[1:]:
        if not lines.confirmed(t.text) and t.lower_.endswith(_VERB_ENDINGS):
            return t.i
    return ent.end


# Endings of the verbs headlines use: "Meets", "Signs", "Welcoming", "Vowed"
_VERB_ENDINGS = ("s", "ing", "ed")


def _before_parenthesis(ent: Span) -> Span | None:
    """"Ola Nordby (Centre Party": the NER ran a name into its party's parenthesis."""
    for t in ent:
        if t.text == "(":
            return Span(ent.doc, ent.start, t.i, label=ent.label_) if t.i > ent.start else None
    return ent


def _add_biography_subjects(ctx: DocContext) -> None:
    """"Tomás Ibarra Ruiz (4 July 1801 – 20 August 1870) was ..." and "Thabo Mokoena
    (born 2 March 1950)": the capitalised words opening a text or paragraph before a
    parenthesis with a birth date are a person's name, whatever the NER made of them."""
    doc = ctx.doc
    for sent in ctx.sentences:
        end = sent.start
        while end < sent.end and (doc[end].is_title or doc[end].lower_ in NAME_PARTICLES
                                  or doc[end].text in ('"', "“", "”", "-")):
            end += 1
        if end - sent.start < 2 or end >= sent.end or doc[end].text != "(":
            continue
        inside = doc[end + 1:min(sent.end, end + 12)]
        # a year, alone or opening a span of years ("1866–1932")
        if not any(t.lower_ == "born" or t.text[:4].isdigit() for t in inside):
            continue
        span = _clean_name_span(ctx, doc[sent.start:end])   # "General X (born 1949)"
        if span is not None and not ctx.overlaps(span) and \
                not any(t.lower_ in HEAD_KINDS for t in span):
            key = resolve.person_key(span.text)
            ctx.add_actor(Actor(span.start, span.end, key, model.PERSON),
                          model.Entity(key, model.PERSON, span.text))


def _add_titled_regnal_names(ctx: DocContext) -> None:
    """"King Alaric II of Norland", "Emperor Otto Karl I": a title, capitalised words and a
    regnal number make a name whatever the NER saw (it often sees nothing)."""
    doc = ctx.doc
    for i in [i for i, text in enumerate(ctx.texts) if text in REGNAL_NUMBERS]:
        token = doc[i]
        if not _regnal_number_at(doc, i):
            continue
        start, lowest = token.i, max(ctx.sentence(token.i).start, token.i - 4)
        while start > lowest and doc[start - 1].is_title \
                and doc[start - 1].is_alpha:
            start -= 1
        title = title_at(doc, start, token.i)
        if title is not None:   # "King Alaric II": the loop above ran over the title itself
            start = title.end
        elif _title_ending_at(ctx, start) is None:
            continue
        name = doc[start:token.i + 1]
        if len(name) >= 2 and not ctx.overlaps(name):
            key = resolve.person_key(name.text)
            ctx.add_actor(Actor(name.start, name.end, key, model.PERSON),
                          model.Entity(key, model.PERSON, name.text))


def _clean_name_span(ctx: DocContext, span: Span) -> Span | None:
    """Drop leading titles and determiners and a trailing possessive from a name span."""
    start, end = span.start, span.end
    while start < end:
        title = title_at(ctx.doc, start, end)
        if title is not None and title.end < end:
            start = title.end
        elif ctx.doc[start].lower_ in _NOT_NAME:
            start += 1
        else:
            break
    while end > start and (ctx.doc[end - 1].text in ("'s", "’s") or not ctx.doc[end - 1].is_alpha
                           and ctx.doc[end - 1].text not in (".",)):
        end -= 1
    if end <= start or not ctx.doc[start].is_title:
        return None
    if _regnal_number_at(ctx.doc, end) and ctx.actor_at(end) is None:
        end += 1   # "King Alaric I of Norland": the NER leaves the numeral out
    return ctx.doc[start:end]


# What follows a regnal "I" ("Alaric I of Norland", "Alaric I in 1814"); the pronoun "I" is
# followed by a verb ("when Alaric I met").
_AFTER_REGNAL_I = {"of", "in", "and", "was", "'s", "’s", ",", ".", ")", "(", ";"}


def _regnal_number_at(doc, i: int) -> bool:
    if i >= len(doc) or doc[i].text not in REGNAL_NUMBERS:
        return False
    if doc[i].text != "I":
        return True
    return i + 1 == len(doc) or doc[i + 1].lower_ in _AFTER_REGNAL_I


def _add_person(ctx: DocContext, ent: Span) -> Actor | None:
    span = _clean_name_span(ctx, ent)
    if span is None or any(t.lower_ in HEAD_KINDS or t.lower_ in _NOT_IN_NAMES for t in span):
        return None
    title = title_at(ctx.doc, span.start, span.end)
    if title is not None and title.end == span.end:
        return None  # "a Teachta Dála": a title of office, whatever the NER says
    known = _known_person(ctx, span.text)
    if len(span) == 1 and known is None and _title_ending_at(ctx, span.start) is None \
            and not _lone_name_is_person(span[0]):
        return None
    titled = _title_ending_at(ctx, span.start) is not None or span[-1].text in REGNAL_NUMBERS
    if not span.text.strip() or not titled and (span.text in ctx.gazetteer.names
                                                or _is_subdivision(span.text)):
        return None  # "Uttar Pradesh": a place, whatever the NER says ("King Alaric" is not)
    key = known or resolve.person_key(span.text)
    entity = None if known else model.Entity(key, model.PERSON, span.text)
    return ctx.add_actor(Actor(span.start, span.end, key, model.PERSON), entity)


def _is_subdivision(name: str) -> bool:
    """A name of more than one word of a state's subdivision (ISO 3166-2): "Uttar Pradesh",
    "Nusa Tenggara Barat". Single words ("Georgia", "Victoria") and saints' names ("Saint
    Andrew") are too often people's names."""
    return " " in name and not name.startswith(("Saint ", "St. ", "St ")) \
        and bool(tables.subdivision_states(name))


_LOCATIVE = {"of", "in", "at", "to", "from", "near", "into", "across", "towns", "town", "village"}


# Verbs of a political career: their subject, even alone and opening a sentence, is a person
# ("Lindqvist was re-elected in 1998", "Okafor ran for the Senate", "Berg served two terms").
_CAREER_VERBS = {"elect", "re-elect", "reelect", "serve", "run", "contest", "campaign", "resign",
                 "retire", "stand"}


def _lone_name_is_person(token: Token) -> bool:
    """A lone capitalised word the NER calls a person is one when it speaks ("Okafor said") or
    is the subject of a political career's verb, and not a place after "in"/"of" ("the towns
    of Alder and Brook"); alone, it is too often a place or a company the small model
    mislabels."""
    if token.tag_ != "NNP":
        return False
    head_of_list = token
    while head_of_list.dep_ == "conj":
        head_of_list = head_of_list.head
    before = token.doc[head_of_list.i - 1] if head_of_list.i > 0 else None
    if before is not None and before.lower_ in _LOCATIVE:
        return False
    if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in _CAREER_VERBS:
        return True
    return not token.is_sent_start and token.dep_ == "nsubj" and token.head.lower_ in SPEECH_VERBS


def _known_person(ctx: DocContext, name: str) -> str | None:
    """A one-word name that is the surname of a person already named in full."""
    if " " in name:
        return None
    actor = ctx.last_actor_by("person-surname", lambda a: _surname(ctx, a)).get(name)
    return actor.key if actor is not None else None


def _surname(ctx: DocContext, actor: Actor) -> str | None:
    """The last word of a person's full name ("Rahman" of "Aziz Rahman", but none of "Aziz bin
    Rahman" or of a one-word name)."""
    entity = ctx.extraction.entities.get(actor.key) if actor.kind == model.PERSON else None
    full = entity.name.split() if entity is not None else []
    if len(full) > 1 and full[-2].lower() not in _PATRONYMIC_PARTICLES:
        return full[-1]
    return None


def _looks_like_person(ctx: DocContext, ent: Span) -> bool:
    """An ORG/GPE span that is really a name: 2–4 capitalised words with no organisation word,
    followed by an appositive title or a speech verb, or preceded by a title."""
    tokens = [t for t in ent if t.lower_ != "the"]
    if not 1 <= len(tokens) <= 6 or not all(t.is_title and t.is_alpha or t.text in REGNAL_NUMBERS
                                            or 0 < k < len(tokens) - 1 and (
                                                t.text in NAME_PARTICLES or t.text == "-")
                                            for k, t in enumerate(tokens)):
        return False   # "Kassym-Jomart" is three tokens
    if any(t.lower_ in HEAD_KINDS for t in tokens):
        return False
    if len(tokens) == 1:
        return _known_person(ctx, tokens[0].text) is not None
    if title_at(ctx.doc, tokens[0].i, ent.end) is not None or tokens[-1].text in REGNAL_NUMBERS:
        return True  # "King Alaric", "Alaric I"
    doc, after = ctx.doc, ent.end
    if after + 1 < len(doc) and doc[after].text in (",", "as"):
        # "X, head of ...", "X, a former member of ...", "replace X as president"
        i, sent_end = after + 1, ctx.sentence(ent.start, ent.end).end
        while i < sent_end and doc[i].lower_ in ("the", "a", "an", "former", "then"):
            i += 1
        if title_at(doc, i, sent_end) is not None:
            return True
    if after < len(doc) and doc[after].lower_ in SPEECH_VERBS:
        return True
    if after + 1 < len(doc) and doc[after].text in (",", "(") and doc[after + 1].lower_ == "born":
        return True   # "X, born 5 January 1938"
    if _made_to_a_post(ctx, ent):
        return True
    return ent.start > 0 and (_title_ending_at(ctx, ent.start) is not None
                              or _said_only_of_people(ctx, ent.start)
                              or _after_a_title_and_comma(ctx, ent.start))


def _after_a_title_and_comma(ctx: DocContext, start: int) -> bool:
    """"the President of the Republic of Palau, X": a title, maybe with the state it is of,
    then a comma, right before the name."""
    doc, comma = ctx.doc, start - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    for begin in range(max(ctx.sentence(comma).start, comma - 10), comma):
        title = title_at(doc, begin, comma)
        if title is None:
            continue
        rest = doc[title.end:comma]
        if not rest or rest[0].lower_ == "of" and all(
                t.lower_ in ("of", "the") or ctx.actor_at(t) is not None
                and ctx.actor_at(t).kind == model.STATE for t in rest):
            return True
    return False


# Words between a verb and the title it gives its subject: "was later elected President",
# "served briefly as the first Minister" (kg.nlp.posts reads such titles).
WORDS_BEFORE_A_TITLE = {"also", "later", "then", "briefly", "subsequently", "twice", "again",
                        "in", "as", "the", "a", "an", "its", "first", "last", "sole", "only"}
# Verbs that put someone into a post ("X was elected President of Y", "was sworn in as"); only
# a person is "elected president".
VERBS_INTO_A_POST = {"elect", "appoint", "name", "choose", "sworn", "swear", "install",
                     "nominate", "re-elect", "reelect", "crown", "inaugurate"}


def _made_to_a_post(ctx: DocContext, ent: Span) -> bool:
    """"X won 61.3% of the ballots cast and was elected president": the subject of a verb that
    puts someone into a post (or of one joined to it), with a title right after."""
    root, doc = ent.root, ctx.doc
    if root.dep_ == "appos":   # "its candidate, X, ... was elected president"
        root = root.head
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    sent_end = ctx.sentence(root.i).end
    for verb in (root.head, *root.head.conjuncts):
        if verb.lemma_.lower() not in VERBS_INTO_A_POST:
            continue
        i = verb.i + 1
        while i < sent_end and doc[i].lower_ in WORDS_BEFORE_A_TITLE:
            i += 1
        if title_at(doc, i, sent_end) is not None:
            return True
    return False


# Kin words: just before a name ("the wife of X", "his widow, X"), they say it is a person's.
# Words said of companies too ("its successor, X", "the preferred candidate, X") are not here.
_KIN = {"wife", "husband", "son", "daughter", "widow", "brother", "sister", "father", "mother"}
_PERSONAL_PRONOUNS = {"he", "she"}


def _said_only_of_people(ctx: DocContext, start: int) -> bool:
    """Words before a name that only a person's can follow: "he married X", "the wife of X",
    "his widow, X", and "he was succeeded by X" (a person's office passes to a person; a
    company is succeeded by a company, so only after "he"/"she" or a person)."""
    doc = ctx.doc
    before = [t.lower_ for t in doc[max(start - 2, 0):start]]
    if not before:
        return False
    if before[-1] == "married" or before[-2:] == ["married", "to"]:
        return True
    if len(before) == 2 and before[-1] in ("of", ",") and before[0] in _KIN:
        return True
    if before[-2:] in (["succeeded", "by"], ["preceded", "by"]):
        subjects = [c for c in doc[start - 2].children if c.dep_ == "nsubjpass"]
        return any(s.lower_ in _PERSONAL_PRONOUNS or _is_person(ctx, s) for s in subjects)
    return False


def _is_person(ctx: DocContext, token: Token) -> bool:
    actor = ctx.actor_at(token)
    return actor is not None and actor.kind == model.PERSON


def _title_ending_at(ctx: DocContext, end: int) -> Title | None:
    end = abbreviation_start(ctx.doc, end)   # "Director of National Intelligence (DNI) X"
    for start in range(max(end - longest_title() - 2, ctx.sentence(end - 1).start), end):
        title = title_at(ctx.doc, start, end)
        if title is not None and title.end == end:
            return title
    return None


def _add_surname_mentions(ctx: DocContext) -> None:
    """"Guliyev said": a lone surname of someone already named is that person."""
    surnames = {ctx.extraction.entities[a.key].name.rsplit(" ", 1)[-1] for a in ctx.actors
                if a.kind == model.PERSON}
    for i in [i for i, text in enumerate(ctx.texts) if text in surnames]:
        token = ctx.doc[i]
        if token.pos_ != "PROPN" or not token.is_title or ctx.actor_at(token) is not None:
            continue
        key = _known_person(ctx, token.text)
        if key is not None and _before_surname(ctx, token):
            ctx.add_actor(Actor(token.i, token.i + 1, key, model.PERSON))


def _merge_name_variants(ctx: DocContext) -> None:
    """"Imran Qureshi" and later "Qureshi", "Luis Alberto Ibarra" and later "Luis Ibarra",
    "Jean Baptiste Tremblay" and "Jean-Baptiste": a shorter name whose words all occur, in
    order, in exactly one longer name named before it is that person (accents and hyphens
    aside). A lone word must be the longer name's surname: its last word, and not a father's
    name ("King Khalid" is not "Faisal bin Khalid")."""
    words: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    titled: set[str] = set()
    for actor in ctx.actors:
        if actor.kind == model.PERSON:
            words.setdefault(actor.key, actor.key.split("/", 1)[1].split("-"))
            if _title_ending_at(ctx, actor.start) is not None:
                titled.add(actor.key)
            # a headline names in short the people the body names in full: read it last
            at = actor.start + (len(ctx.doc) if ctx.story_lines.in_headline(
                ctx.doc[actor.start:actor.end]) else 0)
            first[actor.key] = min(first.get(actor.key, at), at)
    for short in sorted(words, key=lambda k: (len(words[k]), k)):
        longer = [k for k in words if len(words[k]) > len(words[short]) and first[k] < first[short]
                  and _is_name_variant(words[short], words[k], short in titled)]
        widest = [k for k in longer if not any(
            len(words[o]) > len(words[k]) and _is_name_variant(words[k], words[o]) for o in longer)]
        if len(widest) == 1:
            ctx.rekey(short, widest[0])


def _is_name_variant(short: list[str], long: list[str], titled: bool = False) -> bool:
    """`titled`: the short name follows a title, so a lone word may be the first word of a name
    written family name first ("President Park" of "Park Min Ho", "Premier Wen" of "Wen Lei")."""
    if len(short) == 1 and titled and short[0] == long[0]:
        return True
    if len(short) == 1 and (short[0] != long[-1] or long[-2] in _PATRONYMIC_PARTICLES):
        return False
    rest = iter(long)
    return all(word in rest for word in short)   # an ordered subsequence


_PATRONYMIC_PARTICLES = {"bin", "ibn", "ben", "bint", "ould"}


def _before_surname(ctx: DocContext, token: Token) -> bool:
    """The surname mention must come after the full name (we read in order)."""
    return any(a.kind == model.PERSON and a.start < token.i for a in ctx.actors)
