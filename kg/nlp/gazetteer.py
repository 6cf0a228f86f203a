"""Entity patterns built from our tables (kg.data): what kg/nlp/gazetteer_components.py matches
before and after the statistical NER, so the NER cannot call "Armenia" an ORG or "Yerevan" a
PERSON.

Each pattern's `id` is the key of the entity it denotes (`state/AZE`, `place/AZE/baku`,
`org/_/united-nations`); `Gazetteer.entries` maps keys to what the tables say about them. This
module does not import spaCy: a build whose documents all come from the cache reads the
gazetteer's entries (for background facts) without loading any of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from kg import model, resolve
from kg.data import tables

# Entity labels our ruler assigns (the statistical NER's labels are PERSON, ORG, GPE, ...).
STATE = "KG_STATE"            # "Azerbaijan", "the Russian Federation"
STATE_ADJ = "KG_STATE_ADJ"    # "Azerbaijani", "Soviet"
CAPITAL = "KG_CAPITAL"        # "Baku": a city, and often its government
PLACE = "KG_PLACE"            # "Lachin", "Nagorno-Karabakh"
ORG = "KG_ORG"                # "United Nations", "NATO"
KG_LABELS = (STATE, STATE_ADJ, CAPITAL, PLACE, ORG)


@dataclass(frozen=True)
class Entry:
    """What our tables know about one gazetteer entity."""

    key: str
    kind: str
    name: str
    state: str | None = None          # ISO3
    parent: str | None = None         # key of a parent organisation
    aliases: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str | int | float], ...] = ()


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    patterns: list[dict] = field(default_factory=list)
    late_patterns: list[dict] = field(default_factory=list)   # run after the NER
    capitals: dict[str, str] = field(default_factory=dict)   # ISO3 -> the capital's place key
    names: set[str] = field(default_factory=set)             # every name a pattern matches
    populations: dict[str, int] = field(default_factory=dict)  # place key -> GeoNames' figure
    # name -> keys of the places its patterns match, built on first use (see place_keys)
    _place_keys: dict[str, tuple[str, ...]] | None = field(default=None, repr=False,
                                                           compare=False)
    _state_names: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _bodies_named_bare: dict[str, Entry] | None = field(default=None, repr=False, compare=False)

    def add(self, entry: Entry, label: str, names: list[str] | tuple[str, ...],
            late: bool = False) -> None:
        self._place_keys = self._bodies_named_bare = None
        known = self.entries.get(entry.key)
        if known is None:
            self.entries[entry.key] = entry
        patterns = self.late_patterns if late else self.patterns
        for name in _with_typographic_apostrophes(names):
            if name and name.strip():
                patterns.append({"label": label, "pattern": name.strip(), "id": entry.key})
                self.names.add(name.strip())

    def place_keys(self, name: str) -> tuple[str, ...]:
        """Keys of the places a pattern matches for exactly this name: "Constantine" is a town
        of Algeria, "Commonwealth" one of the Philippines."""
        if self._place_keys is None:
            found: dict[str, list[str]] = {}
            for pattern in (*self.patterns, *self.late_patterns):
                if pattern["id"].startswith("place/") and isinstance(pattern["pattern"], str):
                    found.setdefault(pattern["pattern"], []).append(pattern["id"])
            self._place_keys = {text: tuple(keys) for text, keys in found.items()}
        return self._place_keys.get(name, ())

    def state_names(self) -> dict[str, str]:
        """Every name a pattern gives a state -> the state's ISO3 ("U.S." -> USA, "ROK" -> KOR)."""
        if self._state_names is None:
            self._state_names = {
                p["pattern"]: p["id"].split("/", 1)[1] for p in (*self.patterns, *self.late_patterns)
                if p["label"] == STATE and isinstance(p["pattern"], str)}
        return self._state_names

    def body_named_bare(self, name: str) -> Entry | None:
        """The organ of an international organisation that its name without the
        organisation's stands for: "Security Council" for the United Nations Security Council,
        "General Assembly" for the United Nations General Assembly (news names them so). A
        name of one word is not one ("the Secretariat" may be any body's)."""
        if self._bodies_named_bare is None:
            self._bodies_named_bare = {}
            for entry in self.entries.values():
                parent = self.entries.get(entry.parent) if entry.parent else None
                if entry.kind == model.INTERNATIONAL_ORGANIZATION and parent is not None \
                        and entry.name.startswith(parent.name + " "):
                    bare = entry.name[len(parent.name) + 1:]
                    if " " in bare:
                        self._bodies_named_bare[bare] = entry
        return self._bodies_named_bare.get(name)

    def entity(self, key: str) -> model.Entity:
        entry = self.entries[key]
        return model.Entity(key, entry.kind, entry.name, set(entry.aliases) - {entry.name},
                            dict(entry.attributes))


def _with_typographic_apostrophes(names: list[str] | tuple[str, ...]) -> list[str]:
    """Our tables write "People's"; news sites often print "People’s", which spaCy splits into
    other tokens: each name with a straight apostrophe is matched in both spellings."""
    return [*names, *(n.replace("'", "’") for n in names if n and "'" in n)]


def _variants(name: str) -> list[str]:
    """The forms a name is written in: as is, and without "the" (Gazetteer.add adds the
    typographic apostrophe's spelling of each: "People’s Republic of China")."""
    forms = [name]
    if name.startswith("the "):
        forms.append(name[4:])
    return forms


def _in_capitals(names: list[str]) -> list[str]:
    """Treaty titles, preambles and signature blocks are in capitals: "FOR THE REPUBLIC OF
    MOLDOVA", "THE EUROPEAN COMMUNITY". Short names are left out ("CHAD" is a word too)."""
    return [n.upper() for n in names if n.upper() != n and len(n) > 4]


def _plural_demonyms(adjectives: tuple[str, ...], taken: set[str]) -> list[str]:
    """"Palestinians", "Israelis", "Ghanaians", "Greeks", "Kazakhs", "Czechs", "Cypriots",
    "Soviets": the people of a state named in the plural. Only demonyms ending in -n, -i, -t,
    -k, -kh or -ech take an -s ("Chinese", "British", "French", "Dutch" and "Icelandic" do
    not)."""
    plurals = [a + "s" for a in adjectives if " " not in a and (
        a[-1] in "nit" or a.endswith(("k", "kh", "ech")) and not a.endswith("ic"))]
    return [p for p in plurals if p not in taken]


def _add_states(gaz: Gazetteer) -> None:
    records = tables.load_states()
    state_words = {n for r in records for n in (*r.names, *r.adjectives)}
    for record in records:
        entity = resolve.state_entity(record)
        entry = Entry(entity.key, model.STATE, record.name, record.iso3,
                      aliases=tuple(sorted(entity.aliases)),
                      attributes=tuple(sorted(entity.attributes.items())))
        # Names that are also people's names or words ("Jordan", "Georgia", "Chad") are matched
        # after the NER, which keeps them where it sees a person.
        ambiguous = set(record.ambiguous_names)
        names = [n for name in record.names for n in _variants(name)]
        names += _in_capitals(names)
        gaz.add(entry, STATE, [n for n in names if n not in ambiguous])
        gaz.add(entry, STATE, [n for n in names if n in ambiguous], late=True)
        adjectives = list(record.adjectives) + _plural_demonyms(record.adjectives, state_words)
        gaz.add(entry, STATE_ADJ, [a for a in adjectives if a not in ambiguous])
        gaz.add(entry, STATE_ADJ, [a for a in adjectives if a in ambiguous], late=True)
        # A dissolved state's capital (Moscow, Belgrade) now stands for the current state.
        capital = None if record.dissolved else resolve.capital_entity(record)
        if capital is not None:
            gaz.capitals[record.iso3] = capital.key
            gaz.add(Entry(capital.key, model.PLACE, capital.name, record.iso3,
                          attributes=tuple(sorted(capital.attributes.items()))),
                    CAPITAL, [record.capital], late=record.capital in ambiguous)


def _add_places(gaz: Gazetteer) -> None:
    state_names = {n for r in tables.load_states() for n in r.names}
    capitals = set(gaz.capitals.values())
    for record in tables.load_places():
        if record.name in state_names:
            continue  # a state's own name is the state, not a place of the same name
        attributes: dict[str, str | int | float] = {"place_kind": record.kind}
        if record.geonames_id:
            attributes["geonames"] = record.geonames_id
        if record.latitude is not None and record.longitude is not None:
            attributes["latitude"] = record.latitude
            attributes["longitude"] = record.longitude
        key = resolve.place_key(record.name, record.state)
        if key in gaz.entries:
            # a capital already added with its state: its other names ("Kiev") are the
            # capital's too, and stand for the state as its name does
            if key in capitals:
                gaz.add(gaz.entries[key], CAPITAL, record.aliases)
            continue
        entry = Entry(key, model.PLACE, record.name, record.state,
                      aliases=record.aliases, attributes=tuple(sorted(attributes.items())))
        if record.population:
            gaz.populations[key] = record.population
        gaz.add(entry, PLACE, [record.name, *record.aliases], late=record.kind == "city")


def _add_organizations(gaz: Gazetteer) -> None:
    records = tables.load_organizations()
    keys = {r.name: resolve.organization_key(r.name, r.state) for r in records}
    for record in records:
        entry = Entry(keys[record.name], record.kind, record.name, record.state,
                      parent=keys.get(record.parent) if record.parent else None,
                      aliases=record.aliases)
        names = _british_and_american(record.name, *record.aliases)
        gaz.add(entry, ORG, names + _in_capitals(names))


def _british_and_american(*names: str) -> list[str]:
    """Each name, and its other spelling of "Organization": British-English sources (the
    Kremlin's, the UN's) write "Collective Security Treaty Organisation"."""
    spelt = [*names]
    for name in names:
        for ours, theirs in (("Organization", "Organisation"), ("Organisation", "Organization")):
            if ours in name and name.replace(ours, theirs) not in spelt:
                spelt.append(name.replace(ours, theirs))
    return spelt


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from our own tables (built once per process)."""
    gaz = Gazetteer()
    _add_states(gaz)
    _add_organizations(gaz)
    _add_places(gaz)
    return gaz


@lru_cache(maxsize=4)
def gazetteer_for(extra_entries: tuple = ()) -> Gazetteer:
    """default_gazetteer() plus a user gazetteer's entries (kg.data.user_gazetteer.UserEntry),
    whose names take precedence over the tables'. Built once per process per set of entries."""
    if not extra_entries:
        return default_gazetteer()
    from kg.data.user_gazetteer import extend_gazetteer

    return extend_gazetteer(default_gazetteer(), extra_entries)
