"""Score a document's `events` rows against its gold PLOVER events (the scorer's rules):

- `event_types`: the set of PLOVER types kg finds in the document against the gold set;
- `event_actors`: each gold actor in its role (`source` → kg's actor columns, `target` → the
  target columns) of an event of its type, matched one-to-one, in gold order, to a kg row of the
  same type and role: by ISO3 when either side has one, else by name.
"""
from __future__ import annotations

from typing import Any

from kg.evaluate.fields import Counts, SystemRows, col
from kg.evaluate.match import name_score, person_score

Code = tuple[str, str]      # (ISO3, "") for a state's actor, ("", name) for any other


def event_code(iso3: str, name: str) -> Code:
    return (iso3.strip().upper(), "") if iso3.strip() else ("", name)


def actor_match(gold: Code, system: Code) -> bool:
    if gold[0] or system[0]:
        return gold[0] == system[0]
    return bool(gold[1] and system[1]) and (name_score([gold[1]], system[1], max_extra=3) > 0
                                            or person_score(gold[1], system[1]) > 0)


def score_events(gold: dict[str, list[Any]], rows: SystemRows) -> dict[str, Counts]:
    events: dict[str, dict[str, Any]] = {}
    for r in rows["events"]:
        event = events.setdefault(col(r, "event") or str(len(events)),
                                  {"type": col(r, "type").upper(), "source": set(),
                                   "target": set()})
        if col(r, "actor_iso3") or col(r, "actor_name"):
            event["source"].add(event_code(col(r, "actor_iso3"), col(r, "actor_name")))
        if col(r, "target_iso3") or col(r, "target_name"):
            event["target"].add(event_code(col(r, "target_iso3"), col(r, "target_name")))
    gold_events = gold.get("events") or []
    gold_types = {(e.get("plover_event") or "").upper() for e in gold_events} - {""}
    kg_types = {e["type"] for e in events.values()} - {""}
    gold_items = [(e["plover_event"].upper(), role, event_code(a.get("iso3") or "",
                                                               a.get("text") or ""))
                  for e in gold_events for role in ("source", "target") for a in e.get(role) or []]
    kg_items = [(e["type"], role, a) for e in events.values() for role in ("source", "target")
                for a in sorted(e[role])]
    used: set[int] = set()
    missed = []
    for kind, role, actor in gold_items:
        for i, (s_kind, s_role, s_actor) in enumerate(kg_items):
            if i not in used and s_kind == kind and s_role == role and actor_match(actor, s_actor):
                used.add(i)
                break
        else:
            missed.append(_shown(kind, role, actor))
    return {"event_types": Counts(len(gold_types & kg_types), len(kg_types), len(gold_types),
                                  sorted(gold_types - kg_types), sorted(kg_types - gold_types)),
            "event_actors": Counts(len(used), len(kg_items), len(gold_items), missed,
                                   [_shown(*item) for i, item in enumerate(kg_items)
                                    if i not in used])}


def _shown(kind: str, role: str, actor: Code) -> str:
    return f"{kind} {role} {actor[0] or actor[1]}"
