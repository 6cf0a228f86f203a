"""The incremental cache: one file per document holding what extraction found in it.

An entry is keyed by the document (every field but `path`, which only names the file in
messages, so a moved corpus keeps its cache) and by the *pipeline version*: kg's version, the
model's name and version, the digest of our tables, the digests of the user gazetteer's entries
(`--gazetteer`) and of the user event table's rows (`--events`), and a digest of the source of
everything that decides what extraction returns or how an entry is stored. Any change to them
gives new keys, so a stale entry is never read; old entries are simply left behind (each
pipeline version has its own folder, which makes them easy to delete).

An entry is two lines: a JSON header (schema, key, SHA-256 of the payload) and the payload, the
extraction as JSON. JSON, not pickle: reading a cache file can never run code. An entry that
cannot be read, does not parse, or fails its checksum is reported through `on_warning` and
recomputed — never trusted.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Callable, Collection, TypeVar

import kg
from kg.data import tables
from kg.errors import OutputError
from kg.export.files import atomic_open
from kg.json_rows import SCALARS, checked_row, is_json_value
from kg.model import (ENTITY_KINDS, EVENT_ROLES, RELATIONS, Claim, Document,
                      DocumentExtraction, Entity, Event, EventParticipant, Evidence, Fact, Mention)

SCHEMA = 1  # bump when the entry format changes
# The code whose source is part of the pipeline version: the rules, the keys they mint, the
# tables' loaders, the dataclasses an entry holds, and this module (which encodes them).
_RULE_SOURCES = ("nlp/**/*.py", "datelines.py", "resolve.py", "model.py", "data/*.py",
                 "cache.py")   # datelines: the pipeline ends sentences at inline datelines
_KEYED_FIELDS = ("id", "text", "title", "date", "source", "url", "dateline_place", "body_start")

T = TypeVar("T")


@dataclass(frozen=True)
class PipelineVersion:
    """Everything besides the document that decides a document's extraction."""

    kg_version: str
    model_name: str
    model_version: str
    model_fingerprint: str   # files of a model given as a folder; "" for an installed package
    tables: str
    rules: str
    user_gazetteer: str = ""   # kg.data.user_gazetteer.entries_digest; "" for none
    user_events: str = ""      # kg.data.user_event_codes.codes_digest; "" for none

    @property
    def digest(self) -> str:
        fields_json = json.dumps([SCHEMA, *(getattr(self, f.name) for f in fields(self))])
        return hashlib.sha256(fields_json.encode()).hexdigest()


def pipeline_version(model_name: str, model_version: str,
                     user_gazetteer: str = "", user_events: str = "") -> PipelineVersion:
    """The version of the pipeline named `model_name` (a package or a folder), read without
    loading the model. Looked up at call time, so a test can change any part of it.
    `user_gazetteer`: the digest of the user gazetteer's entries (entries_digest);
    `user_events`: the digest of the user event table's rows (codes_digest)."""
    return PipelineVersion(kg_version=kg.__version__, model_name=model_name,
                           model_version=model_version,
                           model_fingerprint=_folder_fingerprint(model_name),
                           tables=tables.tables_digest(), rules=rules_digest(),
                           user_gazetteer=user_gazetteer, user_events=user_events)


@lru_cache(maxsize=1)
def rules_digest() -> str:
    """SHA-256 over the source of kg's extraction code (see _RULE_SOURCES)."""
    package = Path(kg.__file__).parent
    sha = hashlib.sha256()
    for pattern in _RULE_SOURCES:
        for path in sorted(package.glob(pattern)):
            sha.update(path.relative_to(package).as_posix().encode() + b"\0")
            sha.update(path.read_bytes() + b"\0")
    return sha.hexdigest()


def _folder_fingerprint(model_name: str) -> str:
    """A model loaded from a folder may be retrained without a new version number: its files'
    sizes and times stand in for its content (hashing hundreds of MB per build would not)."""
    folder = Path(model_name)
    if not folder.is_dir():
        return ""
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        stat = path.stat()
        sha.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0"
                   .encode())
    return sha.hexdigest()


def default_cache_dir() -> Path:
    """The user's cache folder for kg (platformdirs; honours XDG_CACHE_HOME)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("kg", appauthor=False))


def document_key(document: Document, version: PipelineVersion) -> str:
    record = [version.digest, *(getattr(document, name) for name in _KEYED_FIELDS)]
    return hashlib.sha256(json.dumps(record, ensure_ascii=False).encode("utf-8")).hexdigest()


class ExtractionCache:
    """Per-document extractions in `folder`, for one pipeline version."""

    def __init__(self, folder: Path, version: PipelineVersion,
                 on_warning: Callable[[str], None] | None = None) -> None:
        self.version = version
        self.root = Path(folder) / f"extractions-v{SCHEMA}" / version.digest[:16]
        self.hits = 0
        self.damaged = 0
        self._warn = on_warning or (lambda message: None)
        self._writable = True
        self._made: set[Path] = set()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"   # 256 subfolders: no folder of 100,000 files

    def get(self, document: Document) -> DocumentExtraction | None:
        """The cached extraction of `document`, or None (absent, or damaged: then warned)."""
        key = document_key(document, self.version)
        path = self._entry(key)
        try:
            data = path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):   # not cached (or no cache folder)
            return None
        except OSError as exc:
            return self._damaged(path, f"cannot be read ({exc.strerror or exc})")
        try:
            extraction = decode_entry(data, key, document)
        except (ValueError, TypeError, KeyError, IndexError, RecursionError) as exc:
            return self._damaged(path, str(exc) or type(exc).__name__)
        self.hits += 1
        return extraction

    def _damaged(self, path: Path, why: str) -> None:
        self.damaged += 1
        self._warn(f"cache entry {path} is damaged ({why}); recomputing it")
        return None

    def put(self, extraction: DocumentExtraction) -> None:
        """Store an extraction, atomically. A cache that cannot be written is reported once and
        then left alone: it only saves time, so it never fails a build."""
        if not self._writable:
            return
        key = document_key(extraction.document, self.version)
        path = self._entry(key)
        try:
            if path.parent not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._made.add(path.parent)
            # No fsync: after a crash a renamed-but-empty entry fails its checksum and is
            # recomputed, which is cheaper than syncing thousands of small files.
            with atomic_open(path, "wb") as handle:
                handle.write(encode_entry(extraction, key))
        except (OSError, OutputError) as exc:
            self._writable = False
            self._warn(f"cannot write the cache in {self.root} ({exc.strerror or exc}); "
                       f"continuing without it")


# --- the entry format ----------------------------------------------------------------------------

def encode_entry(extraction: DocumentExtraction, key: str) -> bytes:
    """Header line + payload. The document itself is not stored: the key stands for it, and the
    document being built is put back on reading."""
    payload = json.dumps({
        "entities": [[e.key, e.kind, e.name, sorted(e.aliases), e.attributes]
                     for e in extraction.entities.values()],
        "mentions": [_row(m) for m in extraction.mentions],
        "facts": [[_row(fact), _row(evidence)] for fact, evidence in extraction.facts],
        "claims": [_row(c) for c in extraction.claims],
        "events": [_row(e) for e in extraction.events],
        "participants": [_row(p) for p in extraction.participants],
    }, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return sealed({"schema": SCHEMA, "key": key}, payload)


def sealed(header: dict, payload: bytes) -> bytes:
    """What a cache file holds: a header line (`header` and the payload's SHA-256), then the
    payload. Entries here and kg/data/derived_cache.py's files share it."""
    header = {**header, "sha256": hashlib.sha256(payload).hexdigest()}
    return json.dumps(header).encode("ascii") + b"\n" + payload


def unsealed(data: bytes, expected: dict) -> bytes:
    """The payload of `sealed` data whose header holds `expected`; ValueError if it is truncated,
    has another header, or fails its checksum."""
    head, newline, payload = data.partition(b"\n")
    if not newline:
        raise ValueError("truncated: no payload")
    header = json.loads(head)
    if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
        raise ValueError("header does not match")
    if hashlib.sha256(payload).hexdigest() != header.get("sha256"):
        raise ValueError("checksum mismatch")
    return payload


def decode_entry(data: bytes, key: str, document: Document) -> DocumentExtraction:
    """The extraction in an entry; ValueError (or TypeError for a wrong shape) if it is not a
    whole, intact entry for `key`."""
    record = json.loads(unsealed(data, {"schema": SCHEMA, "key": key}))
    extraction = DocumentExtraction(document)
    for key_, kind, name, aliases, attributes in record["entities"]:
        extraction.entities[key_] = _checked_entity(key_, kind, name, aliases, attributes)
    size = len(document.text)
    extraction.mentions = [_spanning(checked_row(Mention, row), size) for row in record["mentions"]]
    extraction.facts = [(_checked_term(Fact, fact, "predicate", RELATIONS, "a relation"),
                         _spanning(checked_row(Evidence, evidence), size))
                        for fact, evidence in record["facts"]]
    extraction.claims = [_spanning(checked_row(Claim, row), size) for row in record["claims"]]
    extraction.events = [_spanning(checked_row(Event, row), size) for row in record["events"]]
    extraction.participants = [_checked_term(EventParticipant, row, "role", EVENT_ROLES,
                                             "an event role") for row in record["participants"]]
    return extraction


# --- checking an entry's shape -------------------------------------------------------------------
# The checksum proves an entry whole, not that kg wrote it: anyone can write a file with a valid
# one. So every value is checked for the type its field has, and offsets for lying in the text,
# before an entry is trusted; a forged entry is then damaged like a cut one, and recomputed.

def _spanning(row, size: int):  # type: ignore[no-untyped-def]  # a Mention, Evidence or Claim
    if not 0 <= row.begin <= row.end <= size:
        raise ValueError(f"{type(row).__name__} offsets {row.begin}-{row.end} lie outside the text")
    return row


def _checked_entity(key: object, kind: object, name: object, aliases: object,
                    attributes: object) -> Entity:
    if not (is_json_value(key, (str,)) and key and kind in ENTITY_KINDS
            and is_json_value(name, (str,))):
        raise ValueError(f"entity {key!r} of kind {kind!r} is not one kg makes")
    if not isinstance(aliases, list) or not all(is_json_value(a, (str,)) for a in aliases):
        raise TypeError(f"the aliases of {key!r} are not a list of strings")
    if not isinstance(attributes, dict) or not all(
            is_json_value(k, (str,)) and is_json_value(v, SCALARS) for k, v in attributes.items()):
        raise TypeError(f"the attributes of {key!r} are not scalars")
    return Entity(key, kind, name, set(aliases), dict(attributes))


def _checked_term(cls: type[T], row: list, name: str, known: Collection[str], what: str) -> T:
    """checked_row(cls, row), whose field `name` holds one of the `known` terms of kg's
    vocabulary (`what` names them: "a relation"); ValueError otherwise."""
    checked = checked_row(cls, row)
    value = getattr(checked, name)
    if value not in known:
        raise ValueError(f"{value!r} is not {what} kg makes")
    return checked


def _row(obj: object) -> list:
    # Positional rows keep entries small; a change to the dataclasses changes rules_digest
    # (model.py is one of its sources), so an entry is never read with other fields.
    return [getattr(obj, f.name) for f in fields(obj)]
