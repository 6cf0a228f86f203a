"""Score agreements: match them, then score their parties and dates over the matches.

An agreement is matched by name or alias (a long formal title may contain the gold's short
name), or by an equal date with at least half of the gold parties (one at least). Each gold
agreement, in gold order, takes its best unused kg agreement: name score + 1 for a date match +
a hundredth per shared party. Parties are compared as sets: ISO3 codes for states, normalised
names for organisations. Dates count over matched agreements that have a gold date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.evaluate.fields import Accuracy, Counts, Row, Score, SystemRows, col
from kg.evaluate.match import date_matches, name_score, normalise


@dataclass
class SystemAgreement:
    """One agreement of kg's `agreements` rows (kg gives one row per party and date)."""

    label: str
    names: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)                # state parties, ISO3
    party_names: dict[str, str] = field(default_factory=dict)   # normalised → as kg wrote it

    @property
    def n_parties(self) -> int:
        return len(self.codes) + len(self.party_names)


def system_agreements(rows: list[Row]) -> dict[str, SystemAgreement]:
    """kg's agreements by IRI (by name when a row has none)."""
    found: dict[str, SystemAgreement] = {}
    for r in rows:
        key = col(r, "agreement") or col(r, "name")
        agreement = found.setdefault(key, SystemAgreement(col(r, "name") or key))
        if col(r, "name"):
            agreement.names.add(col(r, "name"))
        if col(r, "date"):
            agreement.dates.add(col(r, "date"))
        if col(r, "party_iso3"):
            agreement.codes.add(col(r, "party_iso3").upper())
        elif col(r, "party_name"):  # an organisation, known by its name only
            agreement.party_names.setdefault(normalise(col(r, "party_name")), col(r, "party_name"))
    return found


def party_hits(gold_parties: list[str], agreement: SystemAgreement) -> list[str]:
    """The gold parties kg gives: a code among kg's codes, or a name among kg's party names."""
    return [p for p in gold_parties
            if p.upper() in agreement.codes or normalise(p) in agreement.party_names]


def extra_parties(gold_parties: list[str], agreement: SystemAgreement) -> list[str]:
    """kg's parties that no gold party names."""
    codes = {p.upper() for p in gold_parties}
    names = {normalise(p) for p in gold_parties}
    return ([c for c in sorted(agreement.codes) if c not in codes]
            + [shown for n, shown in sorted(agreement.party_names.items()) if n not in names])


def match_score(gold: dict[str, Any], gold_parties: list[str],
                agreement: SystemAgreement) -> float:
    """How well a kg agreement matches a gold one; 0 when it does not."""
    names = [n for n in [gold.get("name"), *(gold.get("aliases") or [])] if n]
    by_name = max((name_score(names, n) for n in agreement.names), default=0.0)
    hits = len(party_hits(gold_parties, agreement))
    by_date = bool(gold.get("date")
                   and any(date_matches(gold["date"], d) for d in agreement.dates)
                   and hits >= max(1, len(gold_parties) // 2))
    if not by_name and not by_date:
        return 0.0
    return by_name + by_date + hits / 100  # parties only break ties between matches


def score_agreements(gold: dict[str, list[Any]], rows: SystemRows) -> dict[str, Score]:
    system = system_agreements(rows["agreements"])
    used: set[str] = set()
    agreements = Counts(0, len(system), len(gold["agreements"]))
    parties, matched_parties, dates = Counts(0, 0, 0), Counts(0, 0, 0), Accuracy(0, 0)
    for entry in gold["agreements"]:
        gold_parties = list(dict.fromkeys(entry.get("parties") or []))
        label = _gold_label(entry)
        parties.gold += len(gold_parties)
        candidates = [(match_score(entry, gold_parties, a), key)
                      for key, a in sorted(system.items()) if key not in used]
        candidates = [c for c in candidates if c[0] > 0]
        if not candidates:
            agreements.missed.append(f"{label} ({entry.get('date') or 'no date'}; "
                                     f"{', '.join(gold_parties) or 'no parties'})")
            parties.missed.extend(f"{label}: {p}" for p in gold_parties)
            continue
        key = max(candidates)[1]
        used.add(key)
        agreements.tp += 1
        _score_match(entry, gold_parties, system[key], f"{label} (kg: {system[key].label})",
                     matched_parties, dates)
    for key in sorted(set(system) - used):
        agreements.spurious.append(_system_label(system[key]))
        parties.spurious.extend(f"{system[key].label}: {p}" for p in extra_parties([], system[key]))
    parties.tp = matched_parties.tp
    parties.system = matched_parties.system + sum(system[k].n_parties for k in system
                                                  if k not in used)
    parties.missed += matched_parties.missed
    parties.spurious = matched_parties.spurious + parties.spurious
    return {"agreements": agreements, "agreement_parties": parties,
            # over matched agreements only (for sources whose gold lists one agreement per text)
            "matched_agreement_parties": Counts(matched_parties.tp, matched_parties.system,
                                                matched_parties.gold),
            "agreement_date": dates}


def _score_match(entry: dict[str, Any], gold_parties: list[str], agreement: SystemAgreement,
                 label: str, parties: Counts, dates: Accuracy) -> None:
    """Add one matched pair's parties and date to the counts."""
    hits = party_hits(gold_parties, agreement)
    parties.tp += len(hits)
    parties.system += agreement.n_parties
    parties.gold += len(gold_parties)
    parties.missed.extend(f"{label}: {p}" for p in gold_parties if p not in hits)
    parties.spurious.extend(f"{label}: {p}" for p in extra_parties(gold_parties, agreement))
    if entry.get("date"):
        dates.n += 1
        if any(date_matches(entry["date"], d) for d in agreement.dates):
            dates.hit += 1
        else:
            shown = ", ".join(sorted(agreement.dates)) or "none"
            dates.wrong.append(f"{label}: {entry['date']} (kg: {shown})")


def _gold_label(entry: dict[str, Any]) -> str:
    return entry.get("name") or next(iter(entry.get("aliases") or []), None) or "(unnamed)"


def _system_label(agreement: SystemAgreement) -> str:
    parties = sorted(agreement.codes) + sorted(agreement.party_names.values())
    dates = ", ".join(sorted(agreement.dates)) or "no date"
    return f"{agreement.label} ({dates}; {', '.join(parties) or 'no parties'})"
