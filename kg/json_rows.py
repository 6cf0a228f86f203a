"""Rows of scalars read back from JSON that kg wrote (the extraction cache, derived tables) and
checked for the types their dataclass fields have, so that a forged or damaged file is refused
like a cut one instead of being trusted."""
from __future__ import annotations

from dataclasses import fields
from functools import lru_cache
from typing import TypeVar

SCALARS = (str, int, float)

T = TypeVar("T")


def checked_row(cls: type[T], row: list) -> T:
    """`cls(*row)` when `row` is a list of JSON values of the types `cls`'s fields have;
    TypeError otherwise."""
    if not isinstance(row, list):
        raise TypeError(f"a {cls.__name__} is not a list")
    hints = _field_types(cls)
    if len(row) != len(hints):
        raise TypeError(f"a {cls.__name__} has {len(row)} fields, not {len(hints)}")
    for (name, allowed), value in zip(hints, row):
        if not is_json_value(value, allowed):
            raise TypeError(f"{cls.__name__}.{name} is {type(value).__name__}")
    return cls(*row)


_ALLOWED = {"str": (str,), "int": (int,), "float": (float, int), "str | None": (str, type(None))}


@lru_cache(maxsize=None)
def _field_types(cls: type) -> tuple[tuple[str, tuple[type, ...]], ...]:
    """(field name, the JSON types it may hold) for a dataclass of scalar fields.
    NotImplementedError for a field of another type: a mistake in kg, which the callers must
    not take for a damaged file (they catch KeyError and TypeError) and recompute forever."""
    found = []
    for f in fields(cls):
        # annotations are strings under postponed evaluation; a type is named as it spells
        spelt = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        if spelt not in _ALLOWED:
            raise NotImplementedError(f"{cls.__name__}.{f.name} is a {spelt}, which kg.json_rows "
                                      f"cannot check; add it to _ALLOWED")
        found.append((f.name, _ALLOWED[spelt]))
    return tuple(found)


def is_json_value(value: object, allowed: tuple[type, ...]) -> bool:
    """`value` is of one of the `allowed` types (a bool is no int here) and, if a string, one
    UTF-8 can encode (JSON's "\\ud800" escapes give strings no export can hold)."""
    if isinstance(value, bool) or not isinstance(value, allowed):
        return False
    return not isinstance(value, str) or unencodable_at(value) is None


def unencodable_at(text: str) -> int | None:
    """Where `text` holds a character UTF-8 cannot encode, or None. JSON's "\\ud800" escapes
    give such characters: a lone surrogate, half of a character."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None
