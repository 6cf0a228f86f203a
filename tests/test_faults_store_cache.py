"""Damaged or hostile state kg reads back (issue 14): an Oxigraph store with flipped or cut .sst
files or a garbage CURRENT, a custom function in a store query, a forged cache entry, and the
column order of SELECT *.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fault_helpers import INFO, small_extraction, small_graph
from kg.cache import ExtractionCache, encode_entry, pipeline_version, sealed, unsealed
from kg.cli import app
from kg.errors import QueryError
from kg.export import write_export
from kg.query import run_query
from kg.store import load_store, query_store
from kg.vocab import DATA_BASE

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def export_nt(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("faults-store") / "graph.nt"
    write_export(small_graph(), path, base=DATA_BASE, build_info=INFO)
    return path


@pytest.fixture(scope="module")
def good_store(tmp_path_factory, export_nt: Path) -> Path:
    folder = tmp_path_factory.mktemp("faults-good-store") / "store"
    load_store([export_nt], folder)
    return folder


def _flip(folder: Path) -> None:
    for sst in folder.glob("*.sst"):
        data = bytearray(sst.read_bytes())
        for i in range(0, len(data), 97):
            data[i] ^= 0xFF
        sst.write_bytes(bytes(data))


def _cut(folder: Path) -> None:
    for sst in folder.glob("*.sst"):
        data = sst.read_bytes()
        sst.write_bytes(data[: len(data) // 2])


def _garbage_current(folder: Path) -> None:
    (folder / "CURRENT").write_bytes(b"\x00garbage, not a manifest name\n")


DAMAGE = {"flipped .sst bytes": _flip, "cut .sst files": _cut, "a garbage CURRENT": _garbage_current}


@pytest.fixture(params=list(DAMAGE))
def damaged_store(request, tmp_path: Path, good_store: Path) -> Path:
    folder = tmp_path / "store"
    shutil.copytree(good_store, folder)
    assert list(folder.glob("*.sst")), "the store has no .sst file to damage"
    DAMAGE[request.param](folder)
    return folder


def test_a_damaged_store_is_a_query_error(damaged_store: Path, export_nt: Path) -> None:
    with pytest.raises(QueryError, match="the store is damaged"):
        query_store(damaged_store, COUNT)
    with pytest.raises(QueryError, match="the store is damaged"):
        load_store([export_nt], damaged_store)


def test_a_damaged_store_is_one_line_in_the_cli(damaged_store: Path) -> None:
    for args in (["query", "--store", str(damaged_store), COUNT],
                 ["stats", "--store", str(damaged_store)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 1, (args, result.stderr, result.exception)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"kg: error: {damaged_store}: the "
                                                       "store is damaged"), result.stderr


def test_a_custom_function_in_a_store_query_is_a_query_error(good_store: Path) -> None:
    query = "SELECT ?x WHERE { BIND(<http://example.org/fn#rot13>(\"a\") AS ?x) }"
    with pytest.raises(QueryError, match="custom function <http://example.org/fn#rot13>"):
        query_store(good_store, query)
    result = CliRunner().invoke(app, ["query", "--store", str(good_store), query])
    assert result.exit_code == 1 and len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_select_star_columns_are_sorted_as_in_the_store(export_nt: Path,
                                                        good_store: Path) -> None:
    query = "SELECT * WHERE { ?subject ?p ?o . ?o ?q ?x } LIMIT 1"
    from_files = run_query([export_nt], query)
    assert from_files.columns == ["o", "p", "q", "subject", "x"]
    assert query_store(good_store, query).columns == from_files.columns
    # a projection the query spells out keeps its order
    assert run_query([export_nt], "SELECT ?x ?p WHERE { ?s ?p ?x }").columns == ["x", "p"]


# --- a forged cache entry ------------------------------------------------------------------------

def _forge(record: dict, how: str) -> None:
    entity, mention = record["entities"][0], record["mentions"][0]
    fact, evidence = record["facts"][0]
    if how == "an offset that is text":
        mention[2] = "7"
    elif how == "an offset past the text":
        evidence[2] = 10**9
    elif how == "an attribute that is an object":
        entity[4] = {"iso3": {"nested": True}}
    elif how == "a kind kg has not":
        entity[1] = "spaceship"
    elif how == "a relation kg has not":
        fact[1] = "likes"
    elif how == "a confidence that is text":
        evidence[6] = "high"
    elif how == "a lone surrogate":
        entity[2] = "\ud800"
    elif how == "aliases that are a number":
        entity[3] = 5
    elif how == "a row too short":
        record["mentions"][0] = mention[:3]


FORGERIES = ["an offset that is text", "an offset past the text", "an attribute that is an object",
             "a kind kg has not", "a relation kg has not", "a confidence that is text",
             "a lone surrogate", "aliases that are a number", "a row too short"]


@pytest.mark.parametrize("how", FORGERIES)
def test_a_forged_cache_entry_is_recomputed_not_trusted(tmp_path: Path, how: str) -> None:
    """The checksum is right (anyone can compute one), the content is not what kg writes."""
    extraction = small_extraction()
    warnings: list[str] = []
    cache = ExtractionCache(tmp_path, pipeline_version("none", "0"), warnings.append)
    cache.put(extraction)
    [entry] = list(tmp_path.rglob("*.json"))
    head, _ = entry.read_bytes().split(b"\n", 1)
    header = json.loads(head)
    record = json.loads(unsealed(entry.read_bytes(), {"key": header["key"]}))
    _forge(record, how)
    payload = json.dumps(record).encode("utf-8")   # ASCII escapes: a surrogate survives
    entry.write_bytes(sealed({"schema": header["schema"], "key": header["key"]}, payload))
    assert cache.get(extraction.document) is None
    assert len(warnings) == 1 and "is damaged" in warnings[0], warnings


def test_an_entry_kg_wrote_is_read_back(tmp_path: Path) -> None:
    extraction = small_extraction()
    cache = ExtractionCache(tmp_path, pipeline_version("none", "0"))
    cache.put(extraction)
    again = cache.get(extraction.document)
    assert again is not None and again.facts == extraction.facts
    assert again.mentions == extraction.mentions and again.entities == extraction.entities
    assert encode_entry(again, "k") == encode_entry(extraction, "k")


# --- a forged file of derived data (kg/data/derived_cache.py) ------------------------------------

def _reseal(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    head, _ = path.read_bytes().split(b"\n", 1)
    header = json.loads(head)
    data = json.loads(unsealed(path.read_bytes(), {"key": header["key"]}))
    change(data)
    path.write_bytes(sealed({"key": header["key"]}, json.dumps(data).encode("utf-8")))


@pytest.mark.parametrize("change", [
    lambda data: data.update(found=5),
    lambda data: data["large"][0].__setitem__(1, {"name": "Ankara"}),
    lambda data: data["large"].append(["1", "Ankara", "TR", 39.9, 32.8, 5_000_000]),
])
def test_a_forged_file_of_cities_is_derived_again(change) -> None:  # type: ignore[no-untyped-def]
    from kg.cache import default_cache_dir
    from kg.data import derived_cache, tables

    scan = tables._city_scan.__wrapped__   # the lru_cache'd function, run afresh
    first = scan()
    _reseal(default_cache_dir() / derived_cache.FOLDER / "cities.json", change)
    assert scan() == first
