"""User gazetteers: names the user adds to kg's tables (`kg build --gazetteer FILE`).

A file is CSV with a header row, or JSON Lines (one object a line), with the fields

- ``name`` (required): the entity's name, matched exactly as written (case matters);
- ``aliases``: other names (CSV: separated by ``|``; JSONL: a list of strings);
- ``kind`` (required): ``state``, ``organization`` (or ``organisation``), ``person`` or ``place``;
- ``state``: the ISO 3166-1 alpha-3 code of a state kg knows (``RUS``), or empty;
- ``type``: an organisation's kind (``armed group``, ``ministry``, ``de facto authority``, …) or
  a place's (``city`` or ``region``).

What each kind does (the keys are kg.resolve's, so user entities merge with what the rules find):

- **state**: names of a state kg already knows, keyed ``state/ISO3``. The state is the ``state``
  field, else the state the ``name`` names ("Azerbaijan"); the name and aliases all become names
  of that state. kg makes no new states: a de facto authority is an organisation.
- **organization**: an organisation keyed ``org/STATE/slug`` with its kind (``type``, default
  ``organization``) and state. When the name is a table organisation's, the aliases are added to
  it. A ministry of a state named by its portfolio ("French Ministry of Foreign Affairs") gets the
  canonical name and key the rules give such a ministry ("Ministry of Foreign Affairs", FRA).
- **person**: a person keyed ``person/slug``, labelled PERSON for the person rules (their posts
  are found as for anyone else); the state, if given, is recorded as the person's state.
- **place**: a place keyed ``place/STATE/slug``, in its state.

The names of a user entry take precedence over the same text in kg's own tables. Reading checks
everything and raises GazetteerError naming the file and line; nothing here imports spaCy
(`extend_gazetteer`, which builds the patterns, imports kg.nlp only when called).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from kg import model, resolve
from kg.data.user_files import csv_rows, quote, read_user_text, rows_digest
from kg.errors import GazetteerError

if TYPE_CHECKING:
    from kg.nlp.gazetteer import Gazetteer

FORMAT = 1   # part of the digest: bump when the meaning of an entry changes
KINDS = ("state", "organization", "person", "place")
FIELDS = ("name", "aliases", "kind", "state", "type")
_REQUIRED = ("name", "kind")
_KIND_SPELLINGS = {"state": "state", "organization": "organization",
                   "organisation": "organization", "org": "organization", "person": "person",
                   "place": "place"}
# Fields a file may carry for its readers; kg ignores them.
_IGNORED_FIELDS = ("note", "notes", "comment", "source")

# type → organisation kind (kg.model), after folding case, "_" and "-" to spaces.
ORGANIZATION_TYPES = {
    **{kind.replace("_", " "): kind for kind in model.ORGANIZATION_KINDS},
    "organisation": model.ORGANIZATION,
    "international organisation": model.INTERNATIONAL_ORGANIZATION,
    "intergovernmental organization": model.INTERNATIONAL_ORGANIZATION,
    "intergovernmental organisation": model.INTERNATIONAL_ORGANIZATION,
    "de facto authority": model.GOVERNMENT, "de facto government": model.GOVERNMENT,
    "military": model.ARMED_FORCES, "army": model.ARMED_FORCES,
    "legislature": model.PARLIAMENT, "party": model.POLITICAL_PARTY,
    "militia": model.ARMED_GROUP, "rebel group": model.ARMED_GROUP,
    "insurgent group": model.ARMED_GROUP, "paramilitary group": model.ARMED_GROUP,
    "terrorist group": model.ARMED_GROUP, "private military company": model.ARMED_GROUP,
    "news media": model.NEWS_MEDIA, "newspaper": model.NEWS_MEDIA, "broadcaster": model.NEWS_MEDIA,
    "news agency": model.NEWS_MEDIA,
}
PLACE_TYPES = {"city": "city", "town": "city", "region": "region"}

_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class UserEntry:
    """One checked row of a user gazetteer. `state` is an ISO3 code (for kind state, always the
    state the names denote); `type` is an organisation kind of kg.model or a place kind."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    state: str | None = None
    type: str | None = None
    where: str = field(default="", compare=False)   # "FILE line N", for messages only

    def names(self) -> tuple[str, ...]:
        return (self.name, *(a for a in self.aliases if a != self.name))

    def to_config(self) -> dict[str, Any]:
        """Plain JSON data (a spaCy component's config holds it)."""
        return {"name": self.name, "kind": self.kind, "aliases": list(self.aliases),
                "state": self.state, "type": self.type}

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> UserEntry:
        return cls(data["name"], data["kind"], tuple(data.get("aliases") or ()),
                   data.get("state"), data.get("type"))


# --- reading -------------------------------------------------------------------------------------

def read_user_gazetteers(paths: Iterable[str | os.PathLike]) -> tuple[UserEntry, ...]:
    """Every entry of every file, in the order given (files in argument order, rows in file
    order). Raises GazetteerError ("FILE line N: why") at the first mistake."""
    entries: list[UserEntry] = []
    for path in paths:
        entries.extend(read_user_gazetteer(path))
    _check_names_unique(entries)
    return tuple(entries)


def read_user_gazetteer(path: str | os.PathLike) -> list[UserEntry]:
    label = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".jsonl"):
        raise GazetteerError(f"{label}: a gazetteer is a .csv file (with a header row) or a "
                             f".jsonl file, not {suffix or 'a file without an extension'}")
    text = read_user_text(path, "gazetteer", GazetteerError)
    rows = _csv_rows(text, label) if suffix == ".csv" else _jsonl_rows(text, label)
    entries = [_entry(row, f"{label} line {line}") for line, row in rows]
    if not entries:
        raise GazetteerError(f"{label}: no entries (a header row and one entry a line)"
                             if suffix == ".csv" else f"{label}: no entries (one JSON object "
                             f"a line)")
    return entries


def _csv_rows(text: str, label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for line, cells in csv_rows(text, label, FIELDS, _REQUIRED, _IGNORED_FIELDS, GazetteerError):
        row: dict[str, Any] = dict(cells)
        row["aliases"] = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        yield line, row


def _jsonl_rows(text: str, label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{label} line {number}"
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise GazetteerError(f"{where}: not JSON ({exc.args[0].split(':')[0]})") from None
        if not isinstance(row, dict):
            raise GazetteerError(f"{where}: expected a JSON object with name, kind, aliases, "
                                 f"state, type")
        for key in row:
            if key not in FIELDS and key not in _IGNORED_FIELDS:
                raise GazetteerError(f"{where}: unknown field {quote(key)} "
                                     f"(expected {', '.join(FIELDS)})")
        for key in ("name", "kind", "state", "type"):
            if row.get(key) is not None and not isinstance(row[key], str):
                raise GazetteerError(f"{where}: {quote(key)} must be a string")
        aliases = row.get("aliases")
        if aliases is None:
            aliases = []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise GazetteerError(f"{where}: \"aliases\" must be a list of strings")
        yield number, {**{k: (row.get(k) or "").strip() for k in ("name", "kind", "state", "type")},
                       "aliases": [a.strip() for a in aliases if a.strip()]}


def _entry(row: dict[str, Any], where: str) -> UserEntry:
    name = " ".join(str(row.get("name") or "").split())
    if not name:
        raise GazetteerError(f"{where}: no name")
    raw_kind = str(row.get("kind") or "")
    kind = _KIND_SPELLINGS.get(raw_kind.lower())
    if kind is None:
        if not raw_kind:
            raise GazetteerError(f"{where}: no kind (expected state, organization, person or "
                                 f"place)")
        hint = ""
        if _fold_type(raw_kind) in ORGANIZATION_TYPES:
            hint = f"; for an organisation of that kind write kind organization, type {raw_kind}"
        raise GazetteerError(f"{where}: unknown kind {quote(raw_kind)} (expected state, "
                             f"organization, person or place{hint})")
    aliases = tuple(dict.fromkeys(" ".join(a.split()) for a in row.get("aliases", ())
                                  if " ".join(a.split()) != name))
    state = _state(str(row.get("state") or ""), where)
    type_ = _type(kind, str(row.get("type") or ""), where)
    if kind == "state":
        state = _state_named(name, state, where)
    return UserEntry(name, kind, aliases, state, type_, where)


def _fold_type(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())


def _type(kind: str, raw: str, where: str) -> str | None:
    if not raw:
        return None
    folded = _fold_type(raw)
    if kind == "organization":
        if folded not in ORGANIZATION_TYPES:
            kinds = ", ".join(k.replace("_", " ") for k in model.ORGANIZATION_KINDS)
            raise GazetteerError(f"{where}: unknown organisation type {quote(raw)} (expected "
                                 f"one of {kinds}, or de facto authority)")
        return ORGANIZATION_TYPES[folded]
    if kind == "place":
        if folded not in PLACE_TYPES:
            raise GazetteerError(f"{where}: unknown place type {quote(raw)} (expected city or "
                                 f"region)")
        return PLACE_TYPES[folded]
    raise GazetteerError(f"{where}: kind {kind} takes no type (type {quote(raw)} applies to "
                         f"organizations and places)")


def _state(raw: str, where: str) -> str | None:
    """The ISO3 code in a `state` field, checked against the states kg knows."""
    if not raw:
        return None
    from kg.data import tables

    code = raw.upper()
    if _ISO3.fullmatch(code) and tables.state_by_iso3(code) is not None:
        return code
    named = tables.state_by_name(raw)
    if named is not None:
        raise GazetteerError(f"{where}: state {quote(raw)} is a name; give its ISO 3166-1 "
                             f"alpha-3 code, {named.iso3}")
    raise GazetteerError(f"{where}: unknown state {quote(raw)} (expected the ISO 3166-1 "
                         f"alpha-3 code of a state kg knows, such as RUS)")


def _state_named(name: str, state: str | None, where: str) -> str:
    """The state a kind-state entry adds names to."""
    from kg.data import tables

    record = tables.state_by_name(name)
    if state is not None:
        if record is not None and record.iso3 != state:
            raise GazetteerError(f"{where}: {quote(name)} is the state {record.iso3}, not "
                                 f"{state}")
        return state
    if record is None:
        raise GazetteerError(f"{where}: {quote(name)} is no state kg knows; a kind state "
                             f"entry adds names to a known state (give its ISO3 code as state), "
                             f"and a de facto authority is kind organization, type de facto "
                             f"authority")
    return record.iso3


def _identity(entry: UserEntry) -> tuple[str, str | None]:
    """What an entry denotes, as far as reading can tell (for clashing names)."""
    if entry.kind == "state":
        return ("state", entry.state)
    return (entry.kind, resolve.slug(entry.name) + "/" + (entry.state or resolve.NO_STATE))


def _check_names_unique(entries: Sequence[UserEntry]) -> None:
    """One text, one entity: the same name given to two entities would match either."""
    seen: dict[str, UserEntry] = {}
    for entry in entries:
        for name in entry.names():
            known = seen.setdefault(name, entry)
            if known is not entry and _identity(known) != _identity(entry):
                raise GazetteerError(f"{entry.where}: {quote(name)} is already a name of "
                                     f"the {known.kind} {quote(known.name)} ({known.where})")


# --- the digest ----------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def entries_digest(entries: tuple[UserEntry, ...]) -> str:
    """The entries' digest (kg.data.user_files.rows_digest): "" for none."""
    return rows_digest(FORMAT, to_config(entries))


def to_config(entries: Sequence[UserEntry]) -> list[dict[str, Any]]:
    return [e.to_config() for e in entries]


def from_config(data: Sequence[dict[str, Any]] | None) -> tuple[UserEntry, ...]:
    return tuple(UserEntry.from_config(d) for d in data or ())


# --- entries → gazetteer patterns ---------------------------------------------------------------

def extend_gazetteer(base: Gazetteer, entries: Sequence[UserEntry]) -> Gazetteer:
    """A copy of `base` with the user's entries: their entities, and patterns for their names.
    A text `base` matches as another entity is the user's entity's now; a text `base` already
    matches as the same entity keeps its pattern (and label: "Azeri" stays a demonym, "Georgia"
    stays matched after the NER). `base` is left as it was."""
    from kg.nlp import gazetteer as gz

    keys = _keys(base, entries)
    claimed: dict[str, str] = {}      # text → the key of the user entity it names
    for entry, key in zip(entries, keys):
        for name in entry.names():
            for text in _forms(name):
                claimed.setdefault(text, key)
    gaz = gz.Gazetteer(
        entries=dict(base.entries),
        patterns=[p for p in base.patterns if claimed.get(p["pattern"], p["id"]) == p["id"]],
        late_patterns=[p for p in base.late_patterns
                       if claimed.get(p["pattern"], p["id"]) == p["id"]],
        capitals=dict(base.capitals), names=set(base.names),
        populations=dict(base.populations))
    kept = {(p["pattern"], p["id"]) for p in (*gaz.patterns, *gaz.late_patterns)}
    for entry, key in zip(entries, keys):
        _add_entry(gaz, entry, key, kept)
    return gaz


def user_keys(base: Gazetteer, entries: Sequence[UserEntry]) -> dict[str, UserEntry]:
    """The key of each entry's entity (given the tables in `base`) → the entry (the last, when
    several rows are one entity)."""
    return dict(zip(_keys(base, entries), entries))


def _forms(name: str) -> list[str]:
    """The texts a name is matched as: as written, without a leading "the", and with the other
    apostrophe ("Quai d'Orsay", "Quai d’Orsay")."""
    forms = [name]
    if name.startswith("the ") and len(name) > 4:
        forms.append(name[4:])
    for form in list(forms):
        if "'" in form:
            forms.append(form.replace("'", "’"))
        elif "’" in form:
            forms.append(form.replace("’", "'"))
    return list(dict.fromkeys(forms))


def _keys(base: Gazetteer, entries: Sequence[UserEntry]) -> list[str]:
    """The key of each entry's entity: kg.resolve's keys, or a table organisation's."""
    organizations: dict[str, list[tuple[str, str | None]]] = {}
    if any(e.kind == "organization" for e in entries):
        for key, known in sorted(base.entries.items()):
            if known.kind in model.ORGANIZATION_KINDS:
                for name in {known.name, *known.aliases}:
                    organizations.setdefault(name, []).append((key, known.state))
    keys = []
    for entry in entries:
        if entry.kind == "state":
            keys.append(resolve.state_key(entry.state or ""))
        elif entry.kind == "person":
            keys.append(resolve.person_key(entry.name))
        elif entry.kind == "place":
            keys.append(resolve.place_key(entry.name, entry.state))
        else:
            # A table organisation of that name (in that state, if the entry gives one).
            table = [key for key, state in organizations.get(entry.name, ())
                     if entry.state is None or state == entry.state]
            keys.append(table[0] if table else
                        resolve.organization_key(_organization_name(entry), entry.state))
    return keys


def _add_entry(gaz: Gazetteer, entry: UserEntry, key: str, kept: set[tuple[str, str]]) -> None:
    from kg.nlp import gazetteer as gz

    known = gaz.entries.get(key)
    texts = [t for name in entry.names() for t in _forms(name)]
    if entry.kind == "state":
        label = gz.STATE
        new = known or gz.Entry(key, model.STATE, entry.name, entry.state)
        new = replace(new, aliases=_merged(new, entry))
    elif entry.kind == "person":
        # spaCy's own label: the person rules take it as they take the NER's persons.
        label = "PERSON"
        new = gz.Entry(key, model.PERSON, known.name if known else entry.name, entry.state,
                       aliases=_merged(known, entry))
        gaz.names.difference_update(texts)   # a gazetteer name is never a person
    elif entry.kind == "place":
        label = gz.PLACE
        attributes = dict(known.attributes) if known else {}
        attributes["place_kind"] = entry.type or attributes.get("place_kind", "region")
        new = gz.Entry(key, model.PLACE, known.name if known else entry.name, entry.state,
                       aliases=_merged(known, entry),
                       attributes=tuple(sorted(attributes.items())))
    else:
        label = gz.ORG
        name = known.name if known else _organization_name(entry)
        kind = entry.type or (known.kind if known else model.ORGANIZATION)
        state = entry.state or (known.state if known else None)
        new = gz.Entry(key, kind, name, state, parent=known.parent if known else None,
                       aliases=_merged(known, entry, name))
    gaz.entries[key] = new
    for text in texts:
        if (text, key) not in kept:
            kept.add((text, key))
            gaz.patterns.append({"label": label, "pattern": text, "id": key})
        if label != "PERSON":
            gaz.names.add(text)


def _merged(known: Any, entry: UserEntry, name: str | None = None) -> tuple[str, ...]:
    """The aliases of an entry's entity: the table's, the user's names, not its own name."""
    names = set(known.aliases) if known is not None else set()
    names.update(entry.names())
    names.discard(name or (known.name if known is not None else entry.name))
    return tuple(sorted(names))


_GENERIC_MINISTRY_WORDS = {"ministry", "of", "and", "the", "for", "state", "national",
                           "federal", "central"}


def _organization_name(entry: UserEntry) -> str:
    """The name an organisation is keyed by: a state's ministry named only by its portfolio
    ("French Ministry of Foreign Affairs", "the Foreign Ministry") gets the canonical name the
    organisation rules give it ("Ministry of Foreign Affairs"), so both are one entity."""
    if entry.type != model.MINISTRY or entry.state is None:
        return entry.name
    from kg.data import tables
    from kg.nlp.organizations import find_portfolio

    found = find_portfolio(entry.name)
    record = tables.state_by_iso3(entry.state)
    if found is None or record is None:
        return entry.name
    portfolio = next(p for p in tables.load_portfolios() if p.key == found[0])
    allowed = set(_GENERIC_MINISTRY_WORDS)
    for text in (portfolio.name, *portfolio.variants, *record.names, *record.adjectives):
        allowed.update(text.lower().split())
    words = re.findall(r"[\w’']+", entry.name.lower())
    rest = [w for w in words if w not in allowed and w.removesuffix("'s") not in allowed
            and w.removesuffix("’s") not in allowed]
    return f"Ministry of {found[1]}" if not rest else entry.name


# --- after extraction ----------------------------------------------------------------------------

@lru_cache(maxsize=8)
def person_alias_keys(entries: tuple[UserEntry, ...]) -> dict[str, str]:
    """person/slug(alias) → the person's key, for every alias of a user person. The person rules
    key a person by the name the text uses; these put "Prigozhin" and "Yevgeny Prigozhin" back
    together when the user says they are one."""
    keys: dict[str, str] = {}
    for entry in entries:
        if entry.kind != "person":
            continue
        target = resolve.person_key(entry.name)
        for alias in entry.aliases:
            for form in _forms(alias):
                key = resolve.person_key(form)
                if key != target:
                    keys.setdefault(key, target)
    return keys


def rekey_people(extraction: Any, gazetteer: Gazetteer, aliases: dict[str, str]) -> Any:
    """Rewrite a DocumentExtraction's person keys named in `aliases` (person_alias_keys) to the
    user person's key, everywhere: entities, mentions, facts and claims."""
    mapping = {key: aliases[key] for key in extraction.entities if key in aliases}
    for target in mapping.values():
        if target in gazetteer.entries:
            extraction.add_entity(gazetteer.entity(target))
    if mapping:
        extraction.rekey(mapping)
    return extraction
