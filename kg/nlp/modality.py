"""Words that make a clause tell what has not happened: intentions, and negated subjects.

One table for every reader of clauses (agreements signed, events done), so that "is expected to
sign" and "is expected to deploy" are read alike, and "no state has signed" and "no state has
attacked" too.
"""
from __future__ import annotations

from spacy.tokens import Token

# Heads whose "to" complement is still to come: "expected to sign", "plans to deploy", "is
# ready to lift", "aims to delay".
INTENT_HEADS = frozenset({"expect", "plan", "schedule", "set", "due", "prepare", "prepared",
                          "intend", "aim", "ready", "willing", "want"})
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
