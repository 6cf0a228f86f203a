"""The matching rules of `kg eval`: when a name, a person or a date counts as the gold one.

These are the rules of the project's scorer (`../shared/eval/score.py`), restated as small typed
functions so that `kg eval` and the scorer give the same figures (a test checks that they do):

- Names are compared after normalisation: accents dropped, lower case, punctuation as spaces.
- Name tokens drop stop words ("the", "of", …) and fold synonyms ("defence" → "defense",
  "military"/"armed"/"forces" → "army", "accord"/"deal"/"pact" → "agreement").
- Names made only of generic words ("Agreement", "the ministry", "State") match only exactly:
  they say nothing about which entity is meant.
- A person matches by full name (score 1) or by surname with compatible given names (0.5);
  regnal numbers must not disagree ("Henry VII" is not "Henry VIII").
- A date matches when kg's date starts with the gold date: gold gives its own precision
  ("2020" matches "2020-11-10").
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

STOP_WORDS = frozenset({"the", "of", "a", "an", "and", "for", "on", "in", "to", "at", "s",
                        "between", "with"})
SYNONYMS = {"defence": "defense", "armed": "army", "forces": "army", "military": "army",
            "accord": "agreement", "deal": "agreement", "pact": "agreement"}
GENERIC_WORDS = frozenset({
    "agreement", "treaty", "convention", "statement", "declaration", "protocol", "ministry",
    "minister", "army", "state", "states", "government", "parliament", "department", "union",
    "council", "committee", "party", "office", "trade", "republic", "national", "federal"})
# Regnal numbers and generational suffixes: not part of what makes two names the same person.
NUMERALS = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
                      "jr", "sr"})

_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9 ]+")


def normalise(text: str | None) -> str:
    """Lower-case ASCII letters and digits separated by single spaces ("Baku's" → "baku s")."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", plain).split())


def name_tokens(text: str | None) -> set[str]:
    """The content words of a name, synonyms folded."""
    return {SYNONYMS.get(t, t) for t in normalise(text).split() if t not in STOP_WORDS}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def name_score(gold_names: Iterable[str], system_name: str,
               max_extra: int | None = None) -> float:
    """How well `system_name` matches the best of `gold_names` (a name and its aliases):
    0 for no match, 1 for equal normalised names, otherwise in (0, 1).

    - every gold token in the system name, and at most `max_extra` more tokens (None: any
      number, because formal agreement titles are long): 0.5 + Jaccard / 2;
    - every system token in the gold name, lacking at most one: 0.5 + Jaccard / 2;
    - otherwise a Jaccard overlap of at least 0.5: Jaccard / 2.
    """
    system = name_tokens(system_name)
    best = 0.0
    for gold_name in gold_names:
        gold = name_tokens(gold_name)
        if not gold or not system:
            continue
        if normalise(gold_name) == normalise(system_name):
            return 1.0
        if gold <= GENERIC_WORDS or system <= GENERIC_WORDS:
            continue  # generic names match only exactly, which was checked above
        overlap = jaccard(gold, system)
        if gold <= system and (max_extra is None or len(system - gold) <= max_extra):
            best = max(best, 0.5 + overlap / 2)
        elif system <= gold and len(system) >= len(gold) - 1:
            best = max(best, 0.5 + overlap / 2)
        elif overlap >= 0.5:
            best = max(best, overlap / 2)
    return best


def person_tokens(name: str) -> list[str]:
    """The words of a person's name, in order, without regnal numbers and Jr/Sr."""
    return [t for t in normalise(name).split() if t not in NUMERALS]


def regnal_numbers(name: str) -> set[str]:
    return {t for t in normalise(name).split() if t in NUMERALS}


def same_person_numerals(a: str, b: str) -> bool:
    """'Margrethe' and 'Margrethe II' may be one person; 'Henry VII' and 'Henry VIII' are not."""
    na, nb = regnal_numbers(a), regnal_numbers(b)
    return not na or not nb or na == nb


def person_score(gold: str, system: str) -> float:
    """1 for the same name; 0.5 for the same surname with compatible given names (the same
    initial, or one side gives a single name that is the other's first or last); 0 otherwise."""
    g, s = person_tokens(gold), person_tokens(system)
    if not g or not s or not same_person_numerals(gold, system):
        return 0.0
    if g == s:
        return 1.0
    if g[-1] != s[-1] and g[0] != s[0]:
        return 0.0
    if len(g) == 1 or len(s) == 1:
        return 0.5  # one word shared with the other name's first or last word (checked above)
    return 0.5 if g[-1] == s[-1] and g[0][0] == s[0][0] else 0.0


def date_matches(gold: str | None, system: str | None) -> bool:
    """kg's date equals the gold date at the gold's precision (YYYY, YYYY-MM or YYYY-MM-DD)."""
    return bool(gold) and bool(system) and system.strip()[: len(gold)] == gold

