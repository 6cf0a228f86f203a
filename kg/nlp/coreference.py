"""Personal pronouns that stand for a person named just before: "Endara ... He later served as
a minister" makes "He" Endara.

A "he" or "she" that is the subject of its clause refers to the person named in the same or
the two sentences before, when only one person is named there: we know no one's gender, so
"David Miller met Sarah Jones. She ..." stays unresolved. The
result is a list of stand-in mentions (Actors at the pronoun, with the person's key) for the
rules that read what is said of a subject (posts, memberships); pronouns are not recorded as
mentions of the person.
"""
from __future__ import annotations

from kg import model
from kg.nlp.context import Actor, DocContext

PERSONAL_PRONOUNS = {"he", "she"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_WINDOW = 2   # sentences before the pronoun's in which to look for the person


def pronoun_subjects(ctx: DocContext) -> list[Actor]:
    found = []
    for i, lower in enumerate(ctx.lowers):
        if lower not in PERSONAL_PRONOUNS or ctx.doc[i].dep_ not in _SUBJECT_DEPS:
            continue
        person = _antecedent(ctx, i)
        if person is not None:
            found.append(Actor(i, i + 1, person.key, model.PERSON, person.state))
    return found


def _antecedent(ctx: DocContext, i: int) -> Actor | None:
    sentences = ctx.sentences
    here = next(n for n, s in enumerate(sentences) if s.start <= i < s.end)
    window_start = sentences[max(0, here - _WINDOW)].start
    people = [a for a in ctx.actors if a.kind == model.PERSON and window_start <= a.start < i]
    return people[-1] if len({a.key for a in people}) == 1 else None
