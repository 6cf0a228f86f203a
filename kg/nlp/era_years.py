"""Years counted in another era, as some treaties' final clauses give them: "this fifth day of
March in the Two thousand Five hundred and forty-second year of the Buddhist Era", "on 5 March
B.E. 2542 (1999)", "the third day of May in the One thousand nine hundred and ninety-ninth year
of the Christian Era".

`find_dates_any_era` writes such a year as its Gregorian number and reads the text's dates with
kg.nlp.dates, with spans in the text as given.
"""
from __future__ import annotations

import re

from kg.nlp.dates import ORDINALS, YEAR_WORDS, DateValue, find_dates, words_to_number

# Years to take away to count from the Christian Era: the Buddhist Era as Thailand counts it
# starts 543 years earlier.
_ERA_OFFSETS = {"buddhist": 543, "christian": 0}

# An ordinal as the last word of a year in words: "ninety-first", "fortieth".
_ORDINAL_VALUES = ORDINALS | {w: 10 * i for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)}
_ORDINAL = "|".join(sorted(_ORDINAL_VALUES, key=len, reverse=True))

ERA_YEAR = re.compile(
    rf"\b(?i:the\s+)?(?P<words>(?:{YEAR_WORDS}[\s-]+)?(?i:and\s+)?(?i:{_ORDINAL}))\s+"
    r"(?i:year\s+of\s+the\s+)(?P<era>(?i:Buddhist|Christian))\s+(?i:Era)\b"
    # "B.E. 2542", with the Gregorian year after it in brackets or not: "B.E.2542 (1999)"
    r"|\bB\.\s?E\.\s?(?P<digits>\d{4})\b(?:\s*\(\d{4}\))?")


def _ordinal_year(words: str) -> int | None:
    """"Two thousand Five hundred and forty-second" → 2542; None when it is no such number."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p != "and"]
    head = words_to_number(" ".join(parts[:-1])) if len(parts) > 1 else 0
    return None if head is None else head + _ORDINAL_VALUES[parts[-1]]


def _common_era_year(match: re.Match) -> int | None:
    if match["digits"]:
        return int(match["digits"]) - _ERA_OFFSETS["buddhist"]
    year = _ordinal_year(match["words"])
    return None if year is None else year - _ERA_OFFSETS[match["era"].lower()]


def find_dates_any_era(text: str, reference: str | None = None
                       ) -> list[tuple[int, int, DateValue]]:
    """kg.nlp.dates.find_dates, with years of the Buddhist and Christian eras read as
    Gregorian years; a date's span covers the era's words where it ends in them."""
    pieces, edits, at = [], [], 0   # edits: (start, end) in the rewritten text, (start, end) in text
    for match in ERA_YEAR.finditer(text):
        year = _common_era_year(match)
        if year is None or not 1000 <= year <= 2999:
            continue
        pieces.append(text[at:match.start()])
        new_start = sum(len(p) for p in pieces)
        pieces.append(str(year))
        edits.append((new_start, new_start + len(str(year)), match.start(), match.end()))
        at = match.end()
    if not edits:
        return find_dates(text, reference)
    pieces.append(text[at:])

    def original(offset: int, is_end: bool) -> int:
        """An offset in the rewritten text → in `text`; one inside a year put in → its edge."""
        shift = 0
        for new_start, new_end, old_start, old_end in edits:
            if offset < new_start or is_end and offset == new_start:
                break   # before this year
            if offset < new_end or is_end and offset == new_end:
                return old_end if is_end else old_start
            shift = old_end - new_end   # what the years put in so far shortened the text by
        return offset + shift

    return [(original(b, False), original(e, True), value)
            for b, e, value in find_dates("".join(pieces), reference)]
