"""The literals kg's RDF exports write, each in one lexical form whatever the format.

A typed literal is two RDF terms when it is spelled two ways ("24.45118"^^xsd:double and
"2.445118e+01"^^xsd:double), so a syntactic merge of two exports of one build (a Turtle and an
N-Triples file loaded into one store) would hold both. Every literal is therefore made here, in
one canonical lexical form, and every format writes that form unchanged: N-Triples, N-Quads, TriG
and RDF/XML as a typed string, Turtle by rdflib's shorthand for decimals (`24.45118`, which
Turtle reads back as "24.45118"^^xsd:decimal), JSON-LD as {"@value": "24.45118", "@type":
"xsd:decimal"}, never as a JSON number (a JSON-LD processor turns 24.45118 into the xsd:double
"2.445118E1").

Numbers are xsd:decimal, not xsd:double, deliberately: coordinates and confidences are decimal
fractions as our tables and rules give them; xsd:decimal states them exactly; its canonical form
(XSD 1.0: digits, a point, digits, no redundant zeros) is how people write them; and it is the
one numeric form every writer above keeps as it is (rdflib writes doubles in Turtle as
`2.445118e+01` and in JSON-LD as numbers).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from rdflib import Literal
from rdflib.namespace import XSD

from kg.errors import OutputError

# A date at the precision the text gives, typed accordingly (the longest pattern first).
_DATE_TYPES = ((re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}"), XSD.date),
               (re.compile(r"[0-9]{4}-[0-9]{2}"), XSD.gYearMonth),
               (re.compile(r"[0-9]{4}"), XSD.gYear))


# Literals are immutable, and rdflib parses a typed literal's value on creation (slow next to
# writing a line): the small, repeating ones (offsets, confidences, dates, rules, anchors, the
# sentence of each fact it states) are made once.
@lru_cache(maxsize=1 << 16)
def typed_date(value: str) -> Literal:
    """An ISO date at its precision: xsd:date, xsd:gYearMonth or xsd:gYear; else a plain string
    (which the shapes then flag, rather than a silently dropped or guessed date)."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


@lru_cache(maxsize=1 << 14)
def text_literal(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1 << 12)
def decimal_literal(value: float) -> Literal:
    """A number as an xsd:decimal in its canonical lexical form (see the module docstring)."""
    return Literal(canonical_decimal(value), datatype=XSD.decimal)


def canonical_decimal(value: float) -> str:
    """XSD 1.0's canonical decimal: an optional '-', digits, '.', digits, with no leading zero
    before the point but one and no trailing zero after it but one: 24.45118, 3.0, 0.5, -0.25.
    The digits are repr()'s, the shortest that read back as the same float."""
    number = Decimal(repr(float(value)))
    if not number.is_finite():
        raise OutputError(f"cannot write {value!r} in RDF: an xsd:decimal is a finite number")
    text = format(number, "f")           # positional, never exponent notation
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0") or "0"
    if whole in ("-0", "") and fraction == "0":
        whole = "0"                      # no negative zero
    return f"{whole}.{fraction}"


@lru_cache(maxsize=1 << 16)
def offset_literal(value: int) -> Literal:
    return Literal(str(value), datatype=XSD.nonNegativeInteger)
