"""The characters kg's text may hold: those XML 1.0 allows.

XML 1.0 forbids the C0 control characters except tab, line feed and carriage return (so NUL,
form feed, vertical tab, ESC, …), the surrogates (which no UTF-8 file can hold alone) and U+FFFE
and U+FFFF; not even a character reference may name them. An RDF/XML, GraphML or GEXF export
holding one is not XML, and rdflib rejects kg's own file. So kg's one policy:

- when reading a document, each such character in its text, id and metadata becomes a space,
  one for one: the text keeps its length, so offsets index it exactly as before. The one
  exception is a lone surrogate written as a JSON escape (`"\\ud800"`) in a JSONL record: that
  is a damaged escape, not a character, so kg.documents refuses the record and names the field;
- when writing an export, a graph made through the library with such characters in its strings
  (names, values, keys, texts) is written with each replaced the same way, in every format, so
  all formats hold the same graph and every one parses.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import TypeVar

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = " "

T = TypeVar("T")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 forbids replaced by a space (the same length)."""
    return NOT_XML.sub(REPLACEMENT, text) if NOT_XML.search(text) else text


def xml_safe_data(value: T) -> T:
    """`value` (a KnowledgeGraph, a Document, …: dataclasses, dicts, lists, sets and tuples of
    them) with xml_safe applied to every string in it. The same object, not a copy, when no
    string in it changes, which is the usual case and costs one walk."""
    kind = type(value)
    if kind is str:
        return xml_safe(value) if NOT_XML.search(value) else value  # type: ignore[arg-type]
    if kind in _SCALARS:
        return value
    if isinstance(value, dict):
        pairs = [(xml_safe_data(k), xml_safe_data(v)) for k, v in value.items()]
        if all(k is old_k and v is old_v for (k, v), (old_k, old_v) in zip(pairs,
                                                                           value.items())):
            return value
        return kind(pairs)  # type: ignore[call-arg]
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [xml_safe_data(v) for v in value]
        if all(new is old for new, old in zip(items, value)):
            return value
        return kind(items)  # type: ignore[call-arg]
    names = _init_fields(kind)
    if not names:
        return value
    changed = {}
    for name in names:
        old = getattr(value, name)
        new = xml_safe_data(old)
        if new is not old:
            changed[name] = new
    return dataclasses.replace(value, **changed) if changed else value  # type: ignore[type-var]


_SCALARS = frozenset({int, float, bool, type(None)})


@functools.cache
def _init_fields(kind: type) -> tuple[str, ...]:
    """The fields a dataclass's constructor takes (none for other types)."""
    if not dataclasses.is_dataclass(kind):
        return ()
    return tuple(f.name for f in dataclasses.fields(kind) if f.init)
