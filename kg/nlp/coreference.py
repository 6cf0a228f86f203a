"""Personal pronouns that stand for a person named just before: "Endara ... He later served as
a minister" makes "He" Endara.

A "he" or "she" that is the subject of its clause refers to the person named in the same or
the two sentences before, when only one person is named there: we know no one's gender, so
"David Miller met Sarah Jones. She ..." stays unresolved. A pronoun that goes on a chain of the
same pronoun, all standing for one person, stands for that person too ("X was born in 1958.
She was elected in the cabinet of Y. She was mayor ... In 2008 she was appointed ..."), unless
someone else is named as a subject since ("... Putin replied. He said"). The
result, ctx.pronoun_persons, holds stand-in mentions (Actors at the pronoun, with the person's
key) for the rules that read what is said of a subject (posts, memberships); pronouns are not
recorded as mentions of the person.
"""
from __future__ import annotations

from bisect import bisect_left

from kg import model
from kg.nlp.context import Actor, DocContext

PERSONAL_PRONOUNS = {"he", "she"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_WINDOW = 2   # sentences before the pronoun's in which to look for the person


def find_pronoun_persons(ctx: DocContext) -> None:
    for i, lower in enumerate(ctx.lowers):
        if lower not in PERSONAL_PRONOUNS or ctx.doc[i].dep_ not in _SUBJECT_DEPS:
            continue
        person = _antecedent(ctx, i)
        if person is not None:
            ctx.pronoun_persons.append(Actor(i, i + 1, person.key, model.PERSON, person.state))


def _antecedent(ctx: DocContext, i: int) -> Actor | None:
    window_start = ctx.sentences_back(i, _WINDOW)
    # only the window's actors and pronouns are read, so a long text costs no more a pronoun
    people = [a for a in ctx.actors_in(ctx.doc[window_start:i]) if a.kind == model.PERSON]
    pronouns = ctx.pronoun_persons   # in text order: find_pronoun_persons walks the tokens
    first = bisect_left(pronouns, window_start, key=lambda p: p.start)
    chain = [p for p in pronouns[first:] if p.start < i and ctx.lowers[p.start] == ctx.lowers[i]]
    if not chain or len({p.key for p in chain}) > 1:
        return people[-1] if len({a.key for a in people}) == 1 else None
    # A person named as a subject after the chain's last pronoun takes the topic over ("Obama
    # spoke. He said ... Putin replied. He said ..."); one named in passing does not.
    taken_over = [a for a in people if a.start > chain[-1].start and a.key != chain[-1].key
                  and ctx.name_head(a).dep_ in _SUBJECT_DEPS]
    if taken_over:
        return taken_over[-1] if len({a.key for a in taken_over}) == 1 else None
    return chain[-1]
