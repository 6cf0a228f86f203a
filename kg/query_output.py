"""Query results as kg prints them: one cell text per RDF term (`term_text`, `literal_text`, the
same for files, a store and an endpoint), the results of ASK and of CONSTRUCT/DESCRIBE
(`ask_result`, `triples_result`), short IRIs for reading (`compact_iri`), and the output formats
of `kg query` (`format_result`)."""
from __future__ import annotations

import csv
import io
import json
import re
import struct
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Sequence

import rdflib

from kg.errors import QueryError
from kg.vocab import prefixes

FORMATS = ("table", "csv", "tsv", "json")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(_XSD + name for name in (
    "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_TABLE_CELL_WIDTH = 60  # a terminal table truncates longer cells; csv/tsv/json never do


@dataclass
class QueryResult:
    """Columns and rows of strings: IRIs as plain IRIs, literals as lexical forms, "" unbound."""

    columns: list[str]
    rows: list[list[str]]


def ask_result(answer: bool) -> QueryResult:
    """The result of an ASK query: one column `ask`, one row "true" or "false"."""
    return QueryResult(["ask"], [["true" if answer else "false"]])


def triples_result(triples: Iterable[Iterable[Any]]) -> QueryResult:
    """The result of a CONSTRUCT or DESCRIBE query: columns s, p, o, one row per (subject,
    predicate, object) of terms, sorted (a graph has no order of its own)."""
    return QueryResult(["s", "p", "o"], sorted([term_text(t) for t in triple]
                                               for triple in triples))


def term_text(term: Any) -> str:
    """A term as a result cell, from whichever backend gave it: an rdflib term (files), a
    pyoxigraph term (a store, an endpoint's N-Triples) or a SPARQL JSON results term (an
    endpoint). An IRI as itself, a blank node as _:id, a literal through literal_text, ""
    for unbound."""
    if term is None:
        return ""
    if isinstance(term, dict):   # SPARQL JSON; "typed-literal" is the drafts' name
        kind, value, datatype = term["type"], term["value"], term.get("datatype")
        if kind == "typed-literal":
            kind = "literal"
    elif isinstance(term, rdflib.term.Node):
        kind, value, datatype = _rdflib_parts(term)
    else:
        kind, value, datatype = _oxigraph_parts(term)
    if kind == "bnode":
        return f"_:{value}"
    if kind == "literal":
        return literal_text(value, datatype)
    return value


def _rdflib_parts(term: rdflib.term.Node) -> tuple[str, str, str | None]:
    """(kind as SPARQL JSON names it, value, datatype) of an rdflib term."""
    if isinstance(term, rdflib.BNode):
        return "bnode", str(term), None
    if isinstance(term, rdflib.Literal):
        return "literal", str(term), None if term.datatype is None else str(term.datatype)
    return "uri", str(term), None


def _oxigraph_parts(term: Any) -> tuple[str, str, str | None]:
    """(kind as SPARQL JSON names it, value, datatype) of a pyoxigraph term."""
    import pyoxigraph as ox   # loaded already: the term comes from it

    if isinstance(term, ox.Literal):
        return "literal", term.value, term.datatype.value
    if isinstance(term, ox.BlankNode):
        return "bnode", term.value, None
    if isinstance(term, ox.NamedNode):
        return "uri", term.value, None
    if isinstance(term, ox.Triple):   # RDF-star: a quoted triple, in N-Triples syntax
        return "triple", str(term), None
    raise TypeError(f"not an RDF term: {term!r}")   # an endpoint's malformed answer


def literal_text(lexical: str, datatype: str | None) -> str:
    """A literal as a result cell: its lexical form, without quotes, tag or datatype; numbers and
    booleans in canonical form ("1.0"^^xsd:decimal is "1", "1E3"^^xsd:double is "1000",
    "1"^^xsd:boolean is "true"). Oxigraph keeps values, not lexical forms, and prints them so;
    printing rdflib's the same way gives the same rows from files and from a store. A lexical
    form that is not valid for its datatype is shown as written (Oxigraph keeps those too)."""
    try:
        if datatype in _INTEGER_TYPES and _INTEGER.fullmatch(lexical):
            return str(int(lexical))
        if datatype == _XSD + "decimal" and _DECIMAL.fullmatch(lexical):
            return _plain_number(Decimal(lexical) + 0)  # + 0: Decimal's "-0.0" is "0"
        if datatype in (_XSD + "double", _XSD + "float") and "_" not in lexical \
                and lexical == lexical.strip():
            return _floating_text(float(lexical), single=datatype == _XSD + "float")
        if datatype == _XSD + "boolean" and lexical in ("1", "0"):
            return "true" if lexical == "1" else "false"
    except (ValueError, ArithmeticError, InvalidOperation, OverflowError):
        pass
    return lexical


def _plain_number(value: Decimal) -> str:
    """Positional notation, no exponent, no trailing zeros after the point ("-0" kept)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _floating_text(value: float, single: bool) -> str:
    # Oxigraph prints floating-point values as Rust does: the shortest digits that read back as
    # the same number, in positional notation; INF, -INF, NaN.
    if single:
        value = struct.unpack("f", struct.pack("f", value))[0]  # xsd:float is 32-bit
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "INF" if value > 0 else "-INF"
    if not single:
        return _plain_number(Decimal(repr(value)))
    for digits in range(1, 10):  # the shortest decimal that rounds to the same 32-bit value
        shortest = f"{value:.{digits}g}"
        if struct.unpack("f", struct.pack("f", float(shortest)))[0] == value:
            return _plain_number(Decimal(shortest))
    return _plain_number(Decimal(repr(value)))


def compact_iri(iri: str, known: dict[str, str] | None = None) -> str:
    """`kgd:state/AZE` for `https://w3id.org/diplograph/id/state/AZE`: the longest known
    namespace that prefixes `iri`; `iri` itself when none does. For reading, not for Turtle."""
    namespaces = prefixes() if known is None else known
    matches = [(len(ns), prefix, ns) for prefix, ns in namespaces.items()
               if iri.startswith(ns) and len(iri) > len(ns)]
    if not matches:
        return iri
    _, prefix, namespace = max(matches)
    return f"{prefix}:{iri[len(namespace):]}"


# --- formatting ----------------------------------------------------------------------------

def format_result(result: QueryResult, fmt: str) -> str:
    """The result as text: "csv" (RFC 4180, "\\n" line ends), "tsv" (tabs, newlines and
    backslashes escaped as \\t \\n \\\\), "json" (a list of objects, keys in column order) or
    "table" (aligned plain text for a terminal: IRIs shortened to prefixed names like
    kgd:state/AZE, long cells cut; use the other formats to read values exactly)."""
    if fmt == "csv":
        return _delimited(result)
    if fmt == "tsv":
        lines = ["\t".join(_tsv_escape(v) for v in row) for row in [result.columns, *result.rows]]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        records = [dict(zip(result.columns, row)) for row in result.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


def _delimited(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(result.rows)
    return buffer.getvalue()


def _tsv_escape(value: str) -> str:
    # A TSV field cannot hold a tab or a newline; escape them (and the escape character itself)
    # the way most TSV readers expect, so one row stays one line.
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _table(result: QueryResult) -> str:
    cells = [[_table_cell(v) for v in row] for row in result.rows]
    widths = [len(c) for c in result.columns]
    for row in cells:
        widths = [max(w, len(v)) for w, v in zip(widths, row)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()

    out = [line(result.columns), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(out) + "\n"


def _table_cell(value: str) -> str:
    flat = " ".join(compact_iri(value).split())  # a newline in a cell would break the rows
    return flat if len(flat) <= _TABLE_CELL_WIDTH else flat[:_TABLE_CELL_WIDTH - 1] + "…"
