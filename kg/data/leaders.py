"""The leaders table (``leaders.csv``, written by us from facts): heads of state and of
government since 1980, and foreign and defence ministers, with the years they held office, so
that "President Mubarak" acts for Egypt, "Prime Minister Shamir" for Israel and "Foreign
Minister Kozyrev" for Russia where the text names none of them.

A name is looked up whole ("Hosni Mubarak") or, with a title of the leader's office, by the
surname news uses after a title ("President Mubarak"); a bare surname is not enough ("Perry"
may be anyone). Leaders of several states who share a name (two President Kims) are told apart
by the document's year where it falls in only one's term, else not at all.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kg.data.tables import read_table
from kg.person_names import name_key

COLUMNS = ("name", "surname", "state", "office", "start", "end")
NameKey = tuple[str, ...]
# The offices a title names ("Premier Li" is a head of government).
_HEADS_OF_STATE = frozenset({"president", "head_of_state", "monarch", "supreme_leader"})
_HEADS_OF_GOVERNMENT = frozenset({"prime_minister", "chancellor", "head_of_government"})
TITLE_OFFICES = {
    "president": frozenset({"president"}),
    "prime minister": frozenset({"prime_minister", "head_of_government"}),
    "premier": frozenset({"prime_minister", "head_of_government"}),
    "chancellor": frozenset({"chancellor", "head_of_government"}),
    "king": frozenset({"monarch"}), "queen": frozenset({"monarch"}),
    "emir": frozenset({"monarch"}), "sultan": frozenset({"monarch"}),
    "supreme leader": frozenset({"supreme_leader"}),
    "leader": _HEADS_OF_STATE | _HEADS_OF_GOVERNMENT,
    "chairman": frozenset({"head_of_state", "head_of_government"}),
    **{title: frozenset({"foreign_minister"}) for title in (
        "foreign minister", "foreign secretary", "secretary of state", "minister of foreign affairs",
        "external affairs minister")},
    **{title: frozenset({"defence_minister"}) for title in (
        "defence minister", "defense minister", "defence secretary", "defense secretary",
        "secretary of defense", "minister of defence", "minister of defense")},
}


@dataclass(frozen=True)
class Leader:
    name: str
    surname: str
    state: str           # ISO3
    office: str
    start: int
    end: int | None      # None: in office


@lru_cache(maxsize=1)
def load_leaders() -> tuple[Leader, ...]:
    return tuple(Leader(r["name"], r["surname"], r["state"], r["office"], int(r["start"]),
                        int(r["end"]) if r["end"] else None)
                 for r in read_table("leaders.csv", COLUMNS))


@lru_cache(maxsize=1)
def _by_name() -> tuple[dict[NameKey, tuple[Leader, ...]], dict[NameKey, tuple[Leader, ...]]]:
    """Leaders by the key of their whole name and of their surname (kg.person_names, so that
    "Mohamed" finds "Mohammed")."""
    whole: dict[NameKey, list[Leader]] = defaultdict(list)
    surnames: dict[NameKey, list[Leader]] = defaultdict(list)
    for leader in load_leaders():
        whole[name_key(leader.name)].append(leader)
        surnames[name_key(leader.surname)].append(leader)
    return ({k: tuple(v) for k, v in whole.items()}, {k: tuple(v) for k, v in surnames.items()})


def leader_state(name: str, titles: set[str], year: int | None) -> str | None:
    """The ISO3 code of the state the person of this name leads or led, if the table tells
    one: by the whole name, or by the surname with a title of the office (`titles`: the
    person's titles as written, "President")."""
    whole, surnames = _by_name()
    key = name_key(name)
    found = whole.get(key, ())
    if not found:
        offices = frozenset().union(*(TITLE_OFFICES.get(" ".join(t.lower().split()), frozenset())
                                      for t in titles))
        found = tuple(leader for leader in surnames.get(key, ()) if leader.office in offices)
    states = {leader.state for leader in found}
    if len(states) > 1 and year is not None:
        states = {leader.state for leader in found
                  if leader.start <= year <= (leader.end if leader.end is not None else year)}
    return next(iter(states)) if len(states) == 1 else None
