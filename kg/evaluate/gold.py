"""Read a gold file: JSON Lines, one annotated article a line (format: ../shared/eval/README.md).

    {"id": "...", "text": "..." or "text_file": "relative/to/the/gold/file.txt",
     "score": ["states", "organizations", "officials", "agreements"],      (optional)
     "gold": {"states": ["AZE", ...],
              "organizations": [{"name", "aliases", "state", ...}],
              "officials": [{"name", "post", "org", "state"}],
              "agreements": [{"name", "aliases", "date", "parties", "status"}]}}

Users write these files by hand, so every mistake that would silently distort the figures (a
state written as a name, a party that is not a string, a misspelt field in `score`) is an
InputError naming the file and line. Fields kg does not score (places, events, notes, …) are
ignored. Blank lines are skipped.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError

FIELDS = ("states", "organizations", "officials", "agreements", "events")
# What a record without a `score` list is scored on (events only where `score` names them).
DEFAULT_FIELDS = FIELDS[:4]

_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_ISO3 = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article. `gold` holds the four scored lists, checked and defaulted."""

    id: str
    text: str
    gold: dict[str, list[Any]]
    fields: tuple[str, ...]          # the fields this document is scored on
    line: int                        # where it is in the gold file, for messages


def read_gold(path: str | Path) -> list[GoldDocument]:
    """Every document of a gold JSONL file; InputError (file and line) for the first bad one."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        lines = raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte 0x{raw[exc.start]:02x} at byte offset "
                         f"{exc.start}); save the file as UTF-8") from None
    documents, seen = [], set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        doc = _read_line(line, f"{path} line {number}", path, number)
        if doc.id in seen:
            raise InputError(f"{path} line {number}: id {doc.id!r} is used by an earlier line; "
                             "give every document its own id")
        seen.add(doc.id)
        documents.append(doc)
    if not documents:
        raise InputError(f"{path}: no gold documents (expected one JSON object a line)")
    return documents


def _read_line(line: str, where: str, path: Path, number: int) -> GoldDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}")
    doc_id = record.get("id", f"{path.stem}-{number}")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(f"{where}: 'id' must be a non-empty string")
    gold = record.get("gold")
    if not isinstance(gold, dict):
        raise InputError(f"{where}: 'gold' must be an object with the gold facts "
                         f"(states, organizations, officials, agreements)")
    return GoldDocument(id=doc_id, text=_text(record, where, path.parent),
                        gold=_checked_gold(gold, where), fields=_fields(record, where),
                        line=number)


def _text(record: dict, where: str, folder: Path) -> str:
    text, text_file = record.get("text"), record.get("text_file")
    if text is not None:
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{where}: 'text' must be a non-empty string")
        return text
    if not isinstance(text_file, str) or not text_file:
        raise InputError(f"{where}: give the article as 'text', or as 'text_file' (a path "
                         "relative to the gold file)")
    target = folder / text_file
    try:
        return target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise InputError(f"{where}: cannot read text_file {str(target)!r} ({reason})") from None


def _fields(record: dict, where: str) -> tuple[str, ...]:
    """The fields to score: the record's `score` list; the four of DEFAULT_FIELDS when it is
    absent or empty (the scorer's rule)."""
    wanted = record.get("score")
    if wanted is None or wanted == []:
        return DEFAULT_FIELDS
    if not isinstance(wanted, list) or not all(isinstance(w, str) for w in wanted):
        raise InputError(f"{where}: 'score' must be a list of field names ({', '.join(FIELDS)})")
    unknown = [w for w in wanted if w not in FIELDS]
    if unknown:
        raise InputError(f"{where}: 'score' names {unknown[0]!r}, which kg does not score; "
                         f"use some of: {', '.join(FIELDS)}")
    return tuple(f for f in FIELDS if f in wanted)


def _checked_gold(gold: dict, where: str) -> dict[str, list[Any]]:
    checked = {name: _list(gold, name, where) for name in FIELDS}
    for i, code in enumerate(checked["states"]):
        _check_iso3(code, f"{where}: gold.states[{i}]")
    for i, org in enumerate(checked["organizations"]):
        _check_entry(org, f"{where}: gold.organizations[{i}]", need_name=True,
                     strings=("type", "parent"), codes=("state",), lists=("aliases",))
    for i, person in enumerate(checked["officials"]):
        _check_entry(person, f"{where}: gold.officials[{i}]", need_name=True,
                     strings=("post", "org"), codes=("state",), lists=("aliases",))
    for i, agreement in enumerate(checked["agreements"]):
        at = f"{where}: gold.agreements[{i}]"
        _check_entry(agreement, at, need_name=False, strings=("name", "status"), codes=(),
                     lists=("aliases", "parties"))
        date = agreement.get("date")
        if date is not None and not (isinstance(date, str) and _DATE.fullmatch(date)):
            raise InputError(f"{at}.date: {date!r} is not YYYY-MM-DD, YYYY-MM, YYYY or null")
    return checked


def _list(gold: dict, name: str, where: str) -> list[Any]:
    value = gold.get(name)
    if value is None:
        return []  # a field the annotator left out: nothing to find, so nothing to miss
    if not isinstance(value, list):
        raise InputError(f"{where}: gold.{name} must be a list, got {_json_type(value)}")
    return value


def _check_entry(entry: object, at: str, *, need_name: bool, strings: tuple[str, ...],
                 codes: tuple[str, ...], lists: tuple[str, ...]) -> None:
    if not isinstance(entry, dict):
        raise InputError(f"{at}: expected an object, got {_json_type(entry)}")
    name = entry.get("name")
    if need_name and not (isinstance(name, str) and name.strip()):
        raise InputError(f"{at}: 'name' must be a non-empty string")
    for key in strings:
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise InputError(f"{at}.{key}: must be a string or null, got "
                             f"{_json_type(entry[key])}")
    for key in codes:
        if entry.get(key) is not None:
            _check_iso3(entry[key], f"{at}.{key}")
    for key in lists:
        value = entry.get(key)
        if value is not None and not (isinstance(value, list)
                                      and all(isinstance(v, str) for v in value)):
            raise InputError(f"{at}.{key}: must be a list of strings")


def _check_iso3(code: object, at: str) -> None:
    if not (isinstance(code, str) and _ISO3.fullmatch(code)):
        raise InputError(f"{at}: {code!r} is not an ISO 3166-1 alpha-3 code in capitals "
                         "(like AZE or SUN)")


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
