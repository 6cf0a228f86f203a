"""Posts held by people: the title around a person's name, and the organisation or state it is in.

- before the name: "Foreign Minister X", "Azerbaijani President X", "Russia's Foreign Minister X",
  "UN Secretary-General X", "President of Azerbaijan X"
- after the name, as an appositive: "X, head of the Y at the Z,", "X, the country's defence
  minister,", "X, Minister of Foreign Affairs of Y,", "X, who chairs Y"
- before the name, as an appositive: "a spokesperson for the ministry, X,", "Y's ambassador to Z, X,"
- in the plural before several names: "Foreign Ministers X and Y" (each holds the post)
- after the person's verb: "X was President of Chile", "X ... and served as Y's ambassador to Z"
"""
from __future__ import annotations

from spacy.tokens import Span

from kg import model, resolve
from kg.nlp.context import Actor, DocContext
from kg.nlp.people import HONORIFICS, VERBS_INTO_A_POST, WORDS_BEFORE_A_TITLE
from kg.nlp.titles import Title, abbreviation_start, title_at, title_ending_at

STATE_REFERENCES = {"country", "nation", "state"}   # "the country's defence minister"


def find_posts(ctx: DocContext) -> None:
    for person in [a for a in ctx.actors if a.kind == model.PERSON]:
        for finder in (_title_before, _plural_title_before, _appositive_after,
                       _appositive_before, _who_chairs, _predicate_title, _counterpart):
            found = finder(ctx, person)
            if found is not None:
                title, phrase, holder, rule = found
                record_post(ctx, person, title, phrase, holder, rule)
                for title, phrase, holder in _later_titles(ctx, phrase):
                    record_post(ctx, person, title, phrase, holder, "pattern:and-later-as-title")
                break
    for pronoun in ctx.pronoun_persons:      # "He was President of Chile from 1990"
        found = _predicate_title(ctx, pronoun)
        if found is not None:
            title, phrase, holder, rule = found
            record_post(ctx, pronoun, title, phrase, holder, rule + "+pronoun")


def _title_before(ctx: DocContext, person: Actor):
    """"(Azerbaijani|Russia's|UN)? (Deputy)? Foreign Minister X" and "President of Azerbaijan X"."""
    doc = ctx.doc
    # the parser often ends a sentence at "(DNI)" of "Director of National Intelligence (DNI) X"
    sent = ctx.sentence(abbreviation_start(doc, person.start) - 1) \
        if abbreviation_start(doc, person.start) < person.start else ctx.sentence(person.start)
    for start in range(max(sent.start, person.start - 12), person.start):
        # "Presidents X of A and Y of B": a one-word title in the plural right before a name
        title = title_at(doc, start, person.start, plural_ok=start == person.start - 1)
        if title is None:
            continue
        rest = doc[title.end:abbreviation_start(doc, person.start)]   # "(DNI)" before the name
        holder = _holder_before(ctx, title.start) or _holder_after(ctx, person)
        if all(t.lower_.rstrip(".") in HONORIFICS or t.text == "." for t in rest):
            # "Prime Minister Dr. X", "Emir Sheikh X"
            return title, doc[title.start:person.start], holder, "pattern:title-name"
        if len(rest) >= 2 and rest[0].lower_ == "of":
            actors = ctx.actors_in(rest)
            if actors and actors[-1].end == person.start:
                phrase = doc[title.start:person.start]
                return title, phrase, actors[-1], "pattern:title-of-state-name"
    return None


def _plural_title_before(ctx: DocContext, person: Actor):
    """"Foreign Ministers X and Y", "Secretaries of State X, Y and Z": a name listed after
    another holds the post of a plural title before the first."""
    doc, i = ctx.doc, person.start - 1
    while i >= 0 and doc[i].lower_ in (",", "and"):
        i -= 1
    if i < person.start - 1:
        i = _before_of_state(ctx, i)   # "Presidents X of A and Y": skip X's "of A"
    before = ctx.actor_at(i) if i < person.start - 1 else None
    if before is None or before.kind != model.PERSON:
        return None
    found = _title_before(ctx, before) or _plural_title_before(ctx, before)
    if found is None or not found[0].plural:
        return None
    title, phrase, holder, _rule = found
    holder = _holder_after(ctx, person) or holder
    return title, doc[phrase.start:person.end], holder, "pattern:plural-title-names"


def _before_of_state(ctx: DocContext, i: int) -> int:
    """The token before "of (the) STATE" ending at token i, else i."""
    actor = ctx.actor_at(i)
    if actor is None or actor.kind != model.STATE:
        return i
    j = actor.start - 1
    if j >= 0 and ctx.doc[j].lower_ == "the":
        j -= 1
    return j - 1 if j >= 1 and ctx.doc[j].lower_ == "of" else i


def _counterpart(ctx: DocContext, person: Actor):
    """"Prime Minister X and his Indian counterpart, Y": Y holds X's title, in the state the
    adjective names."""
    doc, i = ctx.doc, person.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 1 or doc[i].lower_ != "counterpart":
        return None
    state = ctx.actor_at(i - 1)
    if state is None or state.kind != model.STATE:
        return None
    sent = ctx.sentence(person.start)
    for other in reversed([a for a in ctx.actors_in(ctx.doc[sent.start:state.start])
                           if a.kind == model.PERSON]):
        found = _title_before(ctx, other) or _appositive_after(ctx, other)
        if found is not None:
            return found[0], doc[state.start:i + 1], state, "pattern:counterpart"
    return None


def _holder_before(ctx: DocContext, start: int) -> Actor | None:
    """The state or body named just before a title: "Azerbaijani", "Russia's", "UN"."""
    i = start - 1
    if i >= 0 and ctx.doc[i].text in ("'s", "’s"):
        i -= 1
    if i < 0:
        return None
    actor = ctx.actor_at(i)
    if actor is not None and actor.kind != model.PERSON and actor.kind != model.PLACE:
        return actor
    if ctx.doc[i].lower_ in STATE_REFERENCES and i > 0 and ctx.doc[i - 1].lower_ == "the":
        return _last_state(ctx, i)
    return None


def _holder_after(ctx: DocContext, person: Actor) -> Actor | None:
    """"Foreign Minister Elnur Mammadli of Azerbaijan", "President Ana Lima of the Republic of
    Cabo Verde": the state named right after the name."""
    doc, i = ctx.doc, person.end + 1
    if i < len(doc) and doc[person.end].lower_ == "of":
        if doc[i].lower_ == "the" and ctx.actor_at(i) is None:
            i += 1
        actor = ctx.actor_at(i) if i < len(doc) else None
        if actor is not None and actor.kind == model.STATE:
            return actor
    return None


def _last_state(ctx: DocContext, before: int) -> Actor | None:
    for actor in reversed(ctx.actors):
        if actor.start < before and actor.kind == model.STATE:
            return actor
    return None


def _appositive_after(ctx: DocContext, person: Actor):
    """"X, head of the Y at the Z," — the title phrase runs to the next comma or clause end."""
    doc = ctx.doc
    sent = ctx.sentence(person.start)
    i = person.end
    if i >= sent.end or doc[i].text != ",":
        return None
    j = i + 1
    while j < sent.end and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    holder = None
    while j < sent.end and (actor := ctx.actor_at(j)) is not None and actor.kind == model.STATE:
        holder, j = actor, actor.end
        if j < sent.end and doc[j].text in ("'s", "’s"):
            j += 1
    if j + 1 < sent.end and doc[j].lower_ in STATE_REFERENCES and doc[j + 1].text in ("'s", "’s"):
        holder, j = _last_state(ctx, person.start), j + 2
    title = title_at(doc, j, sent.end)
    if title is None:
        return None
    end = _phrase_end(doc, title.end, sent.end)
    if _subject_of_next_verb(ctx, person, end):
        return None
    phrase = doc[title.start:end]
    holder = _holder_in(ctx, phrase, owner=holder)
    return title, phrase, holder, "pattern:name-appositive-title"


def _subject_of_next_verb(ctx: DocContext, person: Actor, end: int) -> bool:
    """"Responding to a call for contact with X, the President of Y reaffirmed ...": a title
    phrase after the name of an object, with no comma closing it, is the subject of the verb
    that follows it (a verb with no subject of its own), not an appositive of the name."""
    doc = ctx.doc
    if end >= len(doc) or doc[end].pos_ not in ("VERB", "AUX"):
        return False
    if ctx.name_head(person).dep_ in ("nsubj", "nsubjpass"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[end].children)


def _appositive_before(ctx: DocContext, person: Actor):
    """"a spokesperson for the ministry, X," and "Y's ambassador to Z, X,"."""
    doc = ctx.doc
    sent = ctx.sentence(person.start)
    comma = person.start - 1
    honorific = title_ending_at(ctx.doc, person.start)  # ", Sheikh Abdullah ..."
    if honorific is not None:
        comma = honorific.start - 1
    if comma <= sent.start or doc[comma].text != ",":
        return None
    for start in range(max(sent.start, comma - 12), comma):
        title = title_at(doc, start, comma)
        if title is None:
            continue
        if start > sent.start and doc[start - 1].text == ",":
            continue
        phrase = doc[title.start:comma]
        if any(a.kind == model.PERSON for a in ctx.actors_in(phrase)) or \
                any(t.pos_ in ("VERB", "AUX") for t in phrase):
            continue  # "Minister X of Azerbaijan and his counterpart, Y": X's title, not Y's
        holder = _holder_in(ctx, phrase, owner=_holder_before(ctx, title.start))
        return title, phrase, holder, "pattern:title-appositive-name"
    return None




def _who_chairs(ctx: DocContext, person: Actor):
    doc = ctx.doc
    i = person.end
    if i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "who" and \
            doc[i + 2].lower_ in ("chairs", "heads", "leads"):
        sent_end = ctx.sentence(i).end
        end = _phrase_end(doc, i + 3, sent_end)
        phrase = doc[i + 3:end]
        holder = _holder_in(ctx, phrase)
        if holder is None:
            return None
        word = {"chairs": "chair", "heads": "head", "leads": "leader"}[doc[i + 2].lower_]
        title = title_at(doc, i + 2, i + 3) or Title(i + 2, i + 3, word, _fake_record(word))
        return Title(title.start, title.end, word, title.record), phrase, holder, \
            "pattern:who-chairs"
    return None


# Verbs that give their subject a post: "X was President of Y", "X became Prime Minister",
# "X served as ambassador to Y", "X reigned as King of Y", "X was elected President of Y".
_COPULAS = {"be", "become", "serve", "reign", "remain", "act"}


def _predicate_title(ctx: DocContext, person: Actor):
    """"X (1921–2004) was President of Chile", "X reigned as King of Norway", "X was elected
    Prime Minister": the title after a verb whose subject is the person."""
    head = ctx.name_head(person)
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    # "She was elected to the Storting in 1993, and served as Minister of Agriculture": a verb
    # joined to the subject's own verb has the same subject
    verbs = [head.head, *(c for c in head.head.conjuncts if c.i > head.head.i
                          and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children))]
    for verb in verbs:
        found = _title_after_verb(ctx, verb)
        if found is not None:
            return found
    return None


def _title_after_verb(ctx: DocContext, verb):
    if verb.lemma_.lower() not in _COPULAS and verb.lemma_.lower() not in VERBS_INTO_A_POST:
        return None
    doc = ctx.doc
    sent_end = ctx.sentence(verb.i).end
    j = verb.i + 1
    while j < sent_end and (doc[j].lower_ in WORDS_BEFORE_A_TITLE
                            or doc[j].lemma_.lower() in VERBS_INTO_A_POST):
        j += 1
    if j > verb.i + 1 and doc[j - 1].lower_ == "in":
        return None
    owner = ctx.actor_at(j) if j < sent_end else None
    if owner is not None and owner.kind == model.STATE and owner.end + 1 < sent_end and \
            doc[owner.end].text in ("'s", "’s"):
        j = owner.end + 1    # "served as Egypt's ambassador to the United Nations"
    else:
        owner = None
    title = title_at(doc, j, sent_end)
    if title is None:
        return None
    end = _phrase_end(doc, title.end, sent_end)
    phrase = doc[title.start:end]
    holder = owner or _holder_in(ctx, phrase) or _holder_before(ctx, title.start)
    return title, phrase, holder, "pattern:subject-verb-title"


def _fake_record(word: str):
    from kg.data.tables import TitleRecord
    return TitleRecord(word, "official", None, None)


# Words that end a title's phrase before a time ("Prime Minister of Luxembourg from 1995") or a
# next post ("... and later as President of the Commission").
_TIME_WORDS = {"from", "until", "till", "since", "between", "during", "in"}
_NEXT_POST_WORDS = {"later", "then", "subsequently", "afterwards", "as", "also"}


def _phrase_end(doc, start: int, limit: int) -> int:
    end = start
    while end < limit and doc[end].text not in (",", ";", "(", "“", "”", '"') \
            and not doc[end].is_space and not (doc[end].pos_ == "VERB" and end > start) \
            and not _phrase_stops_at(doc, end, limit):
        end += 1
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return end


def _later_titles(ctx: DocContext, phrase: Span):
    """"X served as Prime Minister of Luxembourg from 1995 to 2013 and later as President of the
    European Commission": the posts named after the first, joined by "and later as"."""
    doc, end = ctx.doc, phrase.end
    sent_end = ctx.sentence(phrase.start).end
    for _ in range(3):
        i = end
        while i < sent_end and (doc[i].ent_type_ == "DATE" or doc[i].like_num
                                or doc[i].lower_ in _TIME_WORDS | {"to", "-", "–"}):
            i += 1   # "from 1995 to 2013"
        skipped = set()
        while i < sent_end and doc[i].lower_ in _NEXT_POST_WORDS | {",", "and", "the", "a"}:
            skipped.add(doc[i].lower_)
            i += 1
        if not skipped & _NEXT_POST_WORDS:
            return
        title = title_at(doc, i, sent_end)
        if title is None:
            return
        end = _phrase_end(doc, title.end, sent_end)
        following = doc[title.start:end]
        yield title, following, _holder_in(ctx, following) or _holder_before(ctx, title.start)


def _phrase_stops_at(doc, i: int, limit: int) -> bool:
    if i + 1 >= limit:
        return False
    word, following = doc[i].lower_, doc[i + 1]
    if word in _TIME_WORDS:
        return following.ent_type_ == "DATE" or following.like_num
    return word == "and" and following.lower_ in _NEXT_POST_WORDS


def _holder_in(ctx: DocContext, phrase: Span, owner: Actor | None = None) -> Actor | None:
    """The first organisation named in a title phrase (the unit, not its parent), else the
    `owner` named before the title ("Sweden's" of "Sweden's ambassador to Norway": the state
    in the phrase is where the post is held), else a state in the phrase."""
    actors = [a for a in ctx.actors_in(phrase) if a.kind not in (model.PERSON, model.PLACE)]
    orgs = [a for a in actors if a.kind != model.STATE]
    if orgs:
        return orgs[0]
    return owner or (actors[0] if actors else None)


def record_post(ctx: DocContext, person: Actor, title: Title, phrase: Span,
                 holder: Actor | None, rule: str) -> None:
    stated = _stated_title(ctx, title, phrase, holder)
    holder_key = holder.key if holder is not None else person.key
    key = resolve.post_key(holder_key, stated)
    ctx.add_entity(model.Entity(key, model.POST, stated, attributes={"title": stated}))
    evidence = ctx.doc[min(person.start, phrase.start):max(person.end, phrase.end)]
    ctx.add_fact(person.key, model.HOLDS, key, evidence, rule, 0.85)
    if holder is not None:
        ctx.add_fact(key, model.POST_IN, holder.key, evidence, rule, 0.8)
        if holder.kind == model.STATE:
            ctx.add_fact(person.key, model.STATE_OF, holder.key, evidence, rule, 0.75)


def _stated_title(ctx: DocContext, title: Title, phrase: Span, holder: Actor | None) -> str:
    """The title as the text states it: "head of the International Military Cooperation
    Department" (up to the end of the body it heads), or the bare title."""
    if holder is not None and holder.kind != model.STATE and phrase.start <= holder.start \
            and holder.end <= phrase.end:
        return ctx.doc[title.start:holder.end].text
    return title.text
