"""Checks on an RDF file before any parser reads it: reading a file reads that file and nothing
else, and a small file cannot grow into a huge one.

Two formats can reach beyond the file they are in, and both parsers kg uses (rdflib for
`kg query` and friends, Oxigraph for `kg load`) would follow some of those reaches:

- JSON-LD names contexts by IRI (`"@context": "https://…"`, a relative `"ctx.jsonld"`, a
  `file://` path, `"@import"` inside a context). rdflib fetches such a context from the web with
  no time limit, or reads the local file. kg refuses any context that is not written inline.
- RDF/XML may carry a DTD: an external one (`<!DOCTYPE … SYSTEM "…">`) and entity declarations,
  which can be external files or nest ("billion laughs": a 1 KB file expanding to gigabytes).
  kg refuses an external DTD and every entity declaration. Its own exports use neither; a file
  that does can be converted to Turtle or N-Triples first.

`owl:imports` is never followed: neither parser nor pyshacl (kg/validate.py) reads it, and it
stays an ordinary triple. The other formats (Turtle, TriG, N-Triples, N-Quads) cannot name
anything to read.

kg/query.py calls `check_contents` on every file before parsing it, for both backends.
"""
from __future__ import annotations

import json
from pathlib import Path
from xml.parsers import expat

from kg.errors import QueryError

_BLOCK = 1 << 16
_INLINE_CONTEXT_HINT = "kg reads no context from elsewhere; write the context inline"
_NO_DTD_HINT = "convert the file to Turtle or N-Triples first"


def check_contents(path: Path, *, keep_json: bool = False) -> object | None:
    """QueryError if the RDF file `path` would make a parser read anything but `path` itself or
    expand entities; a file that is merely malformed is left for the parser to report. With
    `keep_json`, the JSON of a JSON-LD file as the check read it, so that a parser which takes
    JSON data (rdflib's) need not read the file again, and reads exactly what was checked; None
    for a file that is not JSON, and for every other format."""
    suffix = path.suffix.lower()
    if suffix == ".jsonld":
        return _check_json_ld(path, keep_json)
    if suffix in (".rdf", ".owl"):
        _check_rdf_xml(path)
    return None


# --- JSON-LD -------------------------------------------------------------------------------

class _Object:
    """What a JSON object becomes while scanning when the JSON is not kept: its members have
    been checked already, and nothing else about it matters, so the scan keeps no copy of the
    document."""


def _check_json_ld(path: Path, keep: bool) -> object | None:
    def check_members(pairs: list[tuple[str, object]]) -> dict | _Object:
        for key, value in pairs:
            reference = _context_reference(key, value)
            if reference is not None:
                raise QueryError(f"{path}: refers to the JSON-LD context {reference!r}; "
                                 f"{_INLINE_CONTEXT_HINT}")
        return dict(pairs) if keep else _Object()

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QueryError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        # A byte-order mark is dropped here, in case some parser accepts it where json does not.
        found = json.loads(data.removeprefix(b"\xef\xbb\xbf"), object_pairs_hook=check_members)
    except RecursionError:
        raise QueryError(f"{path}: not valid JSON-LD (nested deeper than kg reads)") from None
    except ValueError:  # not JSON, or not UTF-8: the parser reports where
        return None
    return found if keep else None


def _context_reference(key: str, value: object) -> str | None:
    """The IRI a member `key: value` of any JSON object points a context at, if it does."""
    if key == "@import" and isinstance(value, str):
        return value
    if key != "@context":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((item for item in value if isinstance(item, str)), None)
    return None


# --- RDF/XML -------------------------------------------------------------------------------

class _PrologEnd(Exception):
    """The first element has started: the DTD, if any, is behind us."""


def _check_rdf_xml(path: Path) -> None:
    """Read the prolog (everything before the first element) with expat, which loads nothing
    itself, and refuse an external DTD or any entity declaration before anything expands."""
    parser = expat.ParserCreate()

    def doctype(name: str, system_id: str | None, public_id: str | None, internal: int) -> None:
        if system_id or public_id:
            raise QueryError(f"{path}: its DOCTYPE names an external DTD "
                             f"({system_id or public_id!r}), which kg never reads; "
                             f"{_NO_DTD_HINT}")

    def entity(name: str, parameter: int, *_: object) -> None:
        kind = "a parameter entity" if parameter else "the entity"
        raise QueryError(f"{path}: line {parser.CurrentLineNumber}: declares {kind} {name!r}; "
                         f"kg refuses XML entity declarations (they can expand without bound "
                         f"or read other files): {_NO_DTD_HINT}")

    def first_element(*_: object) -> None:
        raise _PrologEnd

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.StartElementHandler = first_element
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(_BLOCK), b""):
                parser.Parse(block, False)
            parser.Parse(b"", True)
    except _PrologEnd:
        return
    except OSError as exc:
        raise QueryError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except expat.ExpatError as exc:
        # Refused rather than left to the parser: Oxigraph reads some prologs expat rejects, and
        # an unchecked prolog is what this module exists to prevent.
        raise QueryError(f"{path}: not valid RDF/XML (line {exc.lineno}: "
                         f"{expat.ErrorString(exc.code)})") from None
