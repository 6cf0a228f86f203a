"""Datelines: the line an agency story opens with ("MOSCOW, Nov 10 (Reuters) -",
"BAKU, Azerbaijan").

A dateline gives the place the story was filed from, where the article proper starts, and
possibly a date. The document date is the metadata date; failing that the dateline's, when it
states its year. A year-less dateline date ("Nov 10") is used only to refine a metadata date that
gives the year (and month) but not the day; it is never completed by a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kg.nlp.dates import MONTH_NAME, date_parts

_PLACE_WORD = r"[A-Z][A-Z.'’\-]*(?![a-z0-9])"    # "BAKU", "U.S.", "NUR-SULTAN"; not "Armenia"
_NAME_WORD = r"[A-Z][A-Za-z.'’\-]*"              # "Azerbaijan", "D.C."
_DATELINE_DATE = (rf"(?:{MONTH_NAME})[ ]*\d{{1,2}}(?:,[ ]*\d{{4}})?"
                  rf"|\d{{1,2}}[ ]+(?:{MONTH_NAME})(?:[ ]+\d{{4}})?")
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:[ ]+{_PLACE_WORD}){{0,3}})"
    rf"(?:,[ ]+(?!(?:{MONTH_NAME})[ ]*\d)(?P<country>{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,2}}))?"
    rf"(?:,?[ ]+(?P<date>{_DATELINE_DATE}))?"
    rf"(?:[ ]*\((?P<agency>[^()\n]{{1,40}})\))?"
    rf"[ ]*(?:(?P<dash>--|[-–—])[ \t]*)?")
_LOWER_PLACE_WORDS = frozenset({"and", "of", "es", "au", "de", "del", "la", "el", "al", "the"})
# A byline: "By Jane Smith", "By JANE SMITH and Tom Bell, Agence France-Presse"
BYLINE = re.compile(r"^\s*(?i:by)((?:\s+(?:[A-Z][\w.,'’-]*|and|in|for|of|at|from|the)){1,10})"
                    r"(?<!\.)\s*$")


def wrapped_line(line: str, rest: str) -> bool:
    """A sentence broken over lines, not a title: "Recalling the General Agreement on⏎Tariffs
    and Trade, the Parties …" ends on a small word, or the next line goes on in lower case."""
    words = line.split()
    return bool(words) and words[-1].lower() in _JOINING_WORDS or rest[:1].islower()


_JOINING_WORDS = frozenset({"a", "an", "and", "at", "between", "by", "for", "from", "in", "of",
                            "on", "or", "the", "to", "with"})


@dataclass(frozen=True)
class Dateline:
    """A dateline: its place (title-cased), where the body starts, its (year, month, day)."""

    place: str
    body_start: int
    date: tuple[int | None, int, int | None] | None


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline opening `text` from `start` (0, or just after a title line), if its first
    non-blank line from there starts with one.

    A dateline is a place in capitals (1-4 words) with at least one of: ", Country", a date,
    "(Agency)", a dash. Then either the line ends (the body is the next non-blank line) or a
    dash or "(Agency)" led into the body on the same line. A bare line of capitals is more often
    a headline than a dateline, so it is not taken for one.
    """
    rest = text[start:]
    line_start = start + len(rest) - len(rest.lstrip())
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    m = _DATELINE.match(text, line_start, line_end)
    if m is None or not (m["country"] or m["date"] or m["agency"] or m["dash"]):
        return None
    if text[m.end():line_end].strip():
        if not (m["dash"] or m["agency"]):
            return None      # "NATO, Russia clash over …": a sentence, not a dateline
        body_start = m.end()
    else:
        rest = text[line_end:]
        body_start = line_end + len(rest) - len(rest.lstrip())
        if body_start >= len(text):
            return None      # nothing follows: no article for this to be the dateline of
    parts = date_parts(m["date"]) if m["date"] else None
    return Dateline(_title_place(m["place"]), body_start, parts)


def after_bylines(text: str, start: int) -> int:
    """Where the text goes on after the byline lines that follow `start` (the end of a title):
    "Headline⏎By Jane Roe, Nordic Wire⏎⏎TALLINN, March 4 (Nordic Wire) — …" has its dateline
    under the byline. `start` itself when no byline follows."""
    while True:
        rest = text[start:]
        line_start = start + len(rest) - len(rest.lstrip())
        line_end = text.find("\n", line_start)
        if line_end < 0 or not BYLINE.match(text[line_start:line_end]):
            return start
        start = line_end


def date_line(text: str, start: int) -> tuple[int, int, int | None] | None:
    """The (year, month, day) of a date alone on the first non-blank line from `start` (just
    after a title line): a release's "Readout of …⏎May 31, 2022" or "…⏎Tuesday, 4 March 2025".
    None when that line is anything else or gives no year."""
    rest = text[start:]
    line_start = start + len(rest) - len(rest.lstrip())
    line_end = text.find("\n", line_start)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    if not line or len(line) > _DATE_LINE_CHARS:
        return None
    parts = date_parts(line)   # a weekday before the date is the date's ("Tuesday, 4 March 2025")
    if parts is None and (placed := _PLACE_BEFORE_DATE.match(line)) is not None:
        parts = date_parts(line[placed.end():])   # a ministry's "Cairo, 21 January 2024"
    return parts if parts is not None and parts[0] is not None else None  # type: ignore[return-value]


# The place a release's date line may open with: one to three capitalised words and a comma.
_PLACE_BEFORE_DATE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*,\s*")


_DATE_LINE_CHARS = 40      # "Wednesday, 17 September 2025" and the like; longer is a sentence


def _title_place(place: str) -> str:
    """'BAKU' → 'Baku', 'DAR ES SALAAM' → 'Dar es Salaam', 'PORT-AU-PRINCE' → 'Port-au-Prince'."""
    def word(w: str, first: bool) -> str:
        return w.lower() if not first and w.lower() in _LOWER_PLACE_WORDS else w.capitalize()

    words = place.split()
    return " ".join("-".join(word(piece, i == 0 and j == 0) for j, piece in enumerate(w.split("-")))
                    for i, w in enumerate(words))


def document_date(metadata: str | None, dateline: tuple[int | None, int, int | None] | None
                   ) -> str | None:
    """Metadata first; a dateline date only where metadata gives none, or refines it."""
    if dateline is None:
        return metadata
    year, month, day = dateline
    if metadata is None:
        return _iso(year, month, day) if year is not None else None
    meta_year = int(metadata[:4])
    if len(metadata) == 10 or (year is not None and year != meta_year):
        return metadata
    if len(metadata) == 7 and int(metadata[5:7]) != month:
        return metadata      # metadata and dateline disagree: metadata wins
    return _iso(meta_year, month, day) or metadata


def _iso(year: int, month: int, day: int | None) -> str | None:
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:       # "Feb 29" refined with a common year
        return None
