"""Score one document's query rows against its gold facts, field by field.

Each scorer takes the gold lists (see kg.evaluate.gold) and kg's rows of the named queries (one
dict per CSV row, keyed by column) and returns named scores: `Counts` for precision/recall/F1,
`Accuracy` for attributes of matched facts. Both carry what went wrong, for `kg eval --details`.
The rules are those of the project's scorer (../shared/eval/score.py); the README's "How kg eval
matches" states them for users.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Union

from kg.evaluate.match import (name_score, normalise, person_score, person_tokens,
                               same_person_numerals)

Row = dict[str, str]
SystemRows = dict[str, list[Row]]     # named query → its rows


@dataclass
class Counts:
    """Precision/recall counts of one metric: matches, kg's facts, gold facts."""

    tp: int
    system: int
    gold: int
    missed: list[str] = field(default_factory=list)     # gold has it, kg did not find it
    spurious: list[str] = field(default_factory=list)   # kg found it, gold lacks it


@dataclass
class Accuracy:
    """An attribute of matched facts (an agreement's date, an official's org): right or not."""

    hit: int
    n: int
    wrong: list[str] = field(default_factory=list)


Score = Union[Counts, Accuracy]


def col(row: Row, name: str) -> str:
    return row.get(name) or ""


# --- states --------------------------------------------------------------------------------

def score_states(gold: dict[str, list[Any]], rows: SystemRows) -> dict[str, Score]:
    """States are compared as sets of ISO3 codes."""
    expected = set(gold["states"])
    found = {col(r, "iso3").upper() for r in rows["states"] if col(r, "iso3")}
    return {"states": Counts(len(expected & found), len(found), len(expected),
                             missed=sorted(expected - found), spurious=sorted(found - expected))}


# --- organizations -------------------------------------------------------------------------

def score_organizations(gold: dict[str, list[Any]], rows: SystemRows) -> dict[str, Score]:
    """Each gold organisation, in gold order, takes its best-named unused kg organisation of
    the same state (any state when gold gives none); a name may add at most two words."""
    # kg lists an organisation once per parent; one (name, state) is one organisation here.
    system: dict[tuple[str, str], Row] = {}
    for r in rows["organizations"]:
        system.setdefault((normalise(col(r, "name")), col(r, "state_iso3").upper()), r)
    used: set[tuple[str, str]] = set()
    missed = []
    for org in gold["organizations"]:
        names = [org["name"], *(org.get("aliases") or [])]
        candidates = [(name_score(names, col(r, "name"), max_extra=2), key)
                      for key, r in sorted(system.items())
                      if key not in used and (not org.get("state") or key[1] == org["state"])]
        candidates = [c for c in candidates if c[0] > 0]
        if candidates:
            used.add(max(candidates)[1])  # the best score; ties go to the last key in order
        else:
            missed.append(_labelled(org["name"], org.get("state")))
    spurious = [_labelled(col(r, "name"), key[1]) for key, r in sorted(system.items())
                if key not in used]
    return {"organizations": Counts(len(used), len(system), len(gold["organizations"]),
                                    missed, spurious)}


def _labelled(name: str, state: str | None) -> str:
    return f"{name} ({state})" if state else name


# --- officials -----------------------------------------------------------------------------

@dataclass
class _Person:
    """Gold entries that name one person (several posts; a short and a long name)."""

    tokens: set[str]
    names: list[str]
    entries: list[dict[str, Any]]


def group_officials(entries: list[dict[str, Any]]) -> list[_Person]:
    """Entries whose name words contain one another ("Aliyev", "Ilham Aliyev") are one person,
    unless their regnal numbers disagree."""
    people: list[_Person] = []
    for entry in entries:
        tokens = set(person_tokens(entry["name"]))
        for person in people:
            if (tokens <= person.tokens or person.tokens <= tokens) and all(
                    same_person_numerals(entry["name"], n) for n in person.names):
                person.tokens |= tokens
                person.names.append(entry["name"])
                person.entries.append(entry)
                break
        else:
            people.append(_Person(tokens, [entry["name"]], [entry]))
    return people


def pair_people(people: list[_Person], system: list[str]) -> list[tuple[int, str]]:
    """(gold person index, kg name) pairs, best first: full-name matches are paired before
    surname-only ones, and each side is paired at most once."""
    ranked = sorted(((max(person_score(n, key) for n in person.names), i, key)
                     for i, person in enumerate(people) for key in system), reverse=True)
    taken_gold: set[int] = set()
    taken_system: set[str] = set()
    pairs = []
    for score, i, key in ranked:
        if score > 0 and i not in taken_gold and key not in taken_system:
            taken_gold.add(i)
            taken_system.add(key)
            pairs.append((i, key))
    return pairs


def score_officials(gold: dict[str, list[Any]], rows: SystemRows) -> dict[str, Score]:
    """People are matched by name; then each matched person's organisation (any of kg's rows
    naming a gold org, at most two extra words) and state (any row with a gold state) are
    scored as accuracies over the matched people whose gold gives one."""
    people = group_officials(gold["officials"])
    system: dict[str, list[Row]] = {}
    for r in rows["officials"]:
        system.setdefault(normalise(col(r, "name")), []).append(r)
    pairs = pair_people(people, list(system))
    org, state = Accuracy(0, 0), Accuracy(0, 0)
    for i, key in pairs:
        _score_attribute(org, people[i], system[key], "org", "org_name",
                         lambda gold_orgs, value: name_score(gold_orgs, value, max_extra=2) > 0)
        _score_attribute(state, people[i], system[key], "state", "state_iso3",
                         lambda gold_states, value: value.upper() in gold_states)
    paired_gold = {i for i, _ in pairs}
    paired_system = {key for _, key in pairs}
    counts = Counts(len(pairs), len(system), len(people),
                    missed=[p.names[0] for i, p in enumerate(people) if i not in paired_gold],
                    spurious=[col(system[k][0], "name") for k in system if k not in paired_system])
    return {"officials": counts, "official_org": org, "official_state": state}


def _score_attribute(score: Accuracy, person: _Person, rows: list[Row], gold_key: str,
                     column: str, agrees: Callable[[list[str], str], bool]) -> None:
    expected = list(dict.fromkeys(e[gold_key] for e in person.entries if e.get(gold_key)))
    if not expected:
        return  # gold does not say, so kg cannot be wrong
    score.n += 1
    values = [col(r, column) for r in rows]
    if any(agrees(expected, v) for v in values):
        score.hit += 1
    else:
        shown = ", ".join(sorted({v for v in values if v})) or "none"
        score.wrong.append(f"{person.names[0]}: {' / '.join(expected)} (kg: {shown})")
