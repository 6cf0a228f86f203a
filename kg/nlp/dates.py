"""Date expressions in news text → ISO 8601 at the precision the text gives.

Pure Python (no spaCy): `parse_date` reads one expression, `find_dates` finds every expression
in a text with its character span. Absolute dates ("Nov. 10, 2020", "10th of November, 2020",
"2020-11-10", "10.11.2020" (with dots: day first), "November 2020", "2020", the treaty style
"this twenty-fourth day of December, one thousand nine hundred and ninety-three", "the third of
April, two thousand and seven") need nothing else. Relative ones ("Tuesday",
"last Friday", "yesterday", "Nov. 10" with no year, "in March", "last October", "last year")
are resolved against `reference`, the ISO date of the document, and are None without one:
never guessed.

What we refuse (None): ambiguous numeric dates (10/11/2020), ranges ("from 2019 to 2021",
"9-10 November"), vague expressions ("last week", "this Tuesday"), invalid dates (Feb. 30).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from kg.errors import InputError

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True)
class DateValue:
    iso: str          # "2020-11-10", "2020-11", "2020"
    precision: str    # "day" | "month" | "year"


@dataclass(frozen=True)
class _Reference:
    year: int
    month: int | None
    day: date | None   # the full date when the reference is at day precision


# --- vocabulary -------------------------------------------------------------------------------

_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                  "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTHS = {name: i for i, name in enumerate(_FULL_MONTHS, 1)} | _ABBREVIATIONS
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _cased(words: list[str]) -> str:
    # Title or upper case only: lower-case "may" and "march" are verbs far more often than months.
    forms = [f for w in sorted(words, key=len, reverse=True) for f in (w.title(), w.upper())]
    return "|".join(forms)


#: A month name or abbreviation ("November", "Nov.", "Sept", "NOV"); no capturing group.
_FULL_MONTH_NAME = rf"(?:{_cased(list(_FULL_MONTHS))})\b(?![-'’][A-Za-z])"
MONTH_NAME = (rf"(?:{_FULL_MONTH_NAME}"
              rf"|(?:{_cased(list(_ABBREVIATIONS))})\b(?![-'’][A-Za-z])\.?)")
_WEEKDAY = rf"(?:{_cased(list(_WEEKDAYS))})\b"

_SMALL = {w: i for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split(), 1)}
_SMALL |= {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(),
    1)} | {"thirtieth": 30}

_UNIT_ORDINAL = "|".join(sorted(list(ORDINALS)[:9], key=len, reverse=True))
_ORDINAL_WORDS = (rf"(?i:(?:twenty|thirty)(?:\s|-\s?)(?:{_UNIT_ORDINAL})\b"
                  rf"|(?:{'|'.join(sorted(ORDINALS, key=len, reverse=True))})\b)")
_NUMBER_WORD = rf"(?:{'|'.join(sorted(_SMALL, key=len, reverse=True))}|hundred|thousand)\b"
YEAR_WORDS = rf"(?i:{_NUMBER_WORD}(?:[\s-]+(?:and\s+)?{_NUMBER_WORD})*)"

_D = r"(?<!\d)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b"   # a day of the month, 1st..31st
_Y = r"(?<!\d)[12]\d{3}(?!\d)"
_DAY = rf"(?P<day>{_D})"
_YEAR = rf"(?P<year>{_Y})"
_MON = rf"(?P<month>{MONTH_NAME})"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s+)?"    # "Tuesday, Nov. 10": the weekday belongs to the date
_SEP = r"(?:,\s*|\s+)"
_RANGE_JOIN = r"\s*(?:-|–|to|and)\s*"

# --- patterns -----------------------------------------------------------------------------------

ISO = re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\d/])")
MDY = re.compile(rf"{_WD_PREFIX}{_MON}\s*{_DAY}{_SEP}{_YEAR}")
DMY = re.compile(rf"{_WD_PREFIX}{_DAY}\s+(?:of\s+)?{_MON}{_SEP}(?:of\s+)?{_YEAR}")
# "this 26th day of the month of July of the year 2007", "the Thirteenth Day of January in the
# Year Two Thousand and Two", "the third of April, two thousand and seven", "the ninth day of
# March of 2011", "this 13. day of May 1994" (a day number with a dot, as in German usage).
TREATY = re.compile(rf"(?P<day>{_D}|{_ORDINAL_WORDS})\.?\s+(?i:day\s+of\s+(?:the\s+month\s+of\s+)?|"
                    rf"of\s+){_MON},?\s+(?i:(?:in|of)\s+(?:the\s*year\s+(?:of\s+our\s+lord\s+)?)?)?"
                    rf"(?P<year>{_Y}|{YEAR_WORDS})")
# "«23» December 2014", "“23” December2014" (a day in quotes, as a signing formula fills it in;
# the year often run into the month where the blank was).
QUOTED_DAY = re.compile(rf"[“\"«„]\s*(?P<day>{_D})\s*[”\"»“]\s*(?:of\s+)?"
                        rf"(?P<month>{_cased(list(_FULL_MONTHS))})\s*{_YEAR}")
# "17.10.1997": written with dots, a date is day first.
DOTTED = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?![\d.])")
MY = re.compile(rf"{_MON}\s+(?:of\s+)?{_YEAR}")
MD = re.compile(rf"{_WD_PREFIX}{_MON}\s*{_DAY}")
DM = re.compile(rf"{_WD_PREFIX}{_DAY}\s+(?:of\s+)?{_MON}")
# A month with no day or year, after a word that makes it a time ("in May", "mid-March"); full
# names only, as "in Jan" is more often a person (Jan Egeland) than January.
IN_MONTH = re.compile(rf"(?:(?i:\b(?:in|early|late|since|until|by|during))\s+|(?i:\bmid)-)"
                      rf"(?P<d>{_FULL_MONTH_NAME})(?![\s,.]*(?:of\s+)?\d)")
# "last October", "next March": the nearest such month before (after) the reference's month.
REL_MONTH = re.compile(rf"(?P<qual>[Ll]ast|[Nn]ext)\s+(?P<d>{_FULL_MONTH_NAME})(?![\s,.]*\d)")
REL_DAY = re.compile(r"(?i:\b(?P<word>today|yesterday|tomorrow)\b)")
WEEKDAY = re.compile(rf"(?:(?P<qual>[Ll]ast|[Pp]ast|[Nn]ext|[Tt]his)\s+)?(?P<weekday>{_WEEKDAY})"
                     r"(?:\s+(?:morning|afternoon|evening|night))?")
REL_PERIOD = re.compile(r"(?i:\b(?P<qual>last|this|next)\s+(?P<unit>year|month)\b)")
BARE_YEAR = re.compile(r"(?<![\d$€£#.,/])(?P<year>1[89]\d\d|20\d\d)"
                       r"(?![\d%/]|s\b|[.,]\d|\s*(?:GMT|UTC|hours|hrs)\b)")
# Blockers: they claim their span so no single date is read out of a range or a decade.
DAY_RANGE_MD = re.compile(rf"{MONTH_NAME}\s*{_D}{_RANGE_JOIN}{_D}(?:{_SEP}{_Y})?")
DAY_RANGE_DM = re.compile(rf"{_D}{_RANGE_JOIN}{_D}\s+(?:of\s+)?{MONTH_NAME}(?:{_SEP}{_Y})?")
YEAR_RANGE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d\s*[-–/]\s*\d\d(?![\d-])")
DECADE = re.compile(r"(?<!\d)(?:1[89]|20)\d0s\b")

_GAP_RANGE = re.compile(r"\s*(?P<join>-|–|to|until|till|through|and)\s*")


# --- building values ----------------------------------------------------------------------------

def _day_value(year: int, month: int, day: int) -> DateValue | None:
    try:
        return DateValue(date(year, month, day).isoformat(), DAY)
    except ValueError:  # Feb. 30, month 13, year 0
        return None


def _month_value(year: int, month: int) -> DateValue | None:
    return DateValue(f"{year:04d}-{month:02d}", MONTH) if 1 <= month <= 12 else None


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _day_number(text: str) -> int:
    word = text.lower()
    if word[0].isdigit():
        return int(re.match(r"\d+", word).group())
    parts = re.split(r"[\s-]+", word)
    return sum(_SMALL.get(p, 0) for p in parts[:-1]) + ORDINALS[parts[-1]]


def words_to_number(text: str) -> int | None:
    """'one thousand nine hundred and ninety-three' → 1993; None when it is no number."""
    total = current = 0
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and":
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total, current = total + (current or 1) * 1000, 0
        else:
            return None
    return total + current


def _year_number(text: str) -> int | None:
    return int(text) if text.isdigit() else words_to_number(text)


def _year_less(month: int, day: int | None, ref: _Reference | None) -> DateValue | None:
    """A month (and day) with no year: the reference's year, or the one before when that would
    put the date more than two months after the reference (an article does not report a date
    months ahead without saying the year; it does report last December in January)."""
    if ref is None or ref.month is None:
        return None
    year = ref.year
    if ref.day is not None:
        try:
            ahead = (date(year, month, day or 1) - ref.day).days > 61
        except ValueError:
            ahead = False  # Feb. 29 in a common year: try the year before, as below
        if ahead or (day is not None and _day_value(year, month, day) is None):
            year -= 1
    elif month - ref.month > 2:
        year -= 1
    return _day_value(year, month, day) if day is not None else _month_value(year, month)


# --- converters: one per pattern; (match, reference) → DateValue | None ------------------------

def _from_iso(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return _day_value(int(m["year"]), int(m["month"]), int(m["day"]))


def _from_numeric(m: re.Match, ref: _Reference | None) -> DateValue | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["year"])
    if a == b or a > 12:        # 5/5/2020, 25/10/2020: day first or it makes no difference
        return _day_value(year, b, a)
    if b > 12:                  # 10/25/2020: month first
        return _day_value(year, a, b)
    return None                 # 10/11/2020: 10 November or October 11? Refuse.


def _from_dotted(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return _day_value(int(m["year"]), int(m["month"]), int(m["day"]))


def _from_named(m: re.Match, ref: _Reference | None) -> DateValue | None:
    year = _year_number(m["year"])
    if year is None or not 1000 <= year <= 2999:
        return None
    return _day_value(year, _month_number(m["month"]), _day_number(m["day"]))


def _from_month_year(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return _month_value(int(m["year"]), _month_number(m["month"]))


def _from_month_day(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return _year_less(_month_number(m["month"]), _day_number(m["day"]), ref)


def _from_in_month(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return _year_less(_month_number(m["d"]), None, ref)


def _from_relative_month(m: re.Match, ref: _Reference | None) -> DateValue | None:
    if ref is None or ref.month is None:
        return None
    month = _month_number(m["d"])
    if m["qual"].lower() == "last":
        return _month_value(ref.year if month < ref.month else ref.year - 1, month)
    return _month_value(ref.year if month > ref.month else ref.year + 1, month)


def _from_relative_day(m: re.Match, ref: _Reference | None) -> DateValue | None:
    if ref is None or ref.day is None:
        return None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["word"].lower()]
    return DateValue((ref.day + timedelta(days=shift)).isoformat(), DAY)


def _from_weekday(m: re.Match, ref: _Reference | None) -> DateValue | None:
    """News convention: a bare weekday is the most recent one on or before the article's date
    ("said on Tuesday" in Wednesday's paper is yesterday; Wednesday itself is the day).
    "last Friday" is strictly before, "next Friday" strictly after; "this Friday" is vague."""
    qual = (m["qual"] or "").lower()
    if ref is None or ref.day is None or qual == "this":
        return None
    target = _WEEKDAYS.index(m["weekday"].lower())
    back = (ref.day.weekday() - target) % 7
    if qual in ("last", "past"):
        shift = -(back or 7)
    elif qual == "next":
        shift = (target - ref.day.weekday()) % 7 or 7
    else:
        shift = -back
    return DateValue((ref.day + timedelta(days=shift)).isoformat(), DAY)


def _from_relative_period(m: re.Match, ref: _Reference | None) -> DateValue | None:
    shift = {"last": -1, "this": 0, "next": 1}[m["qual"].lower()]
    if ref is None:
        return None
    if m["unit"].lower() == "year":
        return DateValue(f"{ref.year + shift:04d}", YEAR)
    if ref.month is None:
        return None
    index = ref.year * 12 + ref.month - 1 + shift
    return _month_value(index // 12, index % 12 + 1)


def _from_year(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return DateValue(m["year"], YEAR)


def _blocked(m: re.Match, ref: _Reference | None) -> DateValue | None:
    return None


Converter = Callable[[re.Match, "_Reference | None"], "DateValue | None"]
# Order breaks ties between matches with the same span: the more specific pattern first.
_PATTERNS: tuple[tuple[re.Pattern, Converter], ...] = (
    (ISO, _from_iso), (NUMERIC, _from_numeric), (DOTTED, _from_dotted), (TREATY, _from_named),
    (QUOTED_DAY, _from_named), (MDY, _from_named),
    (DMY, _from_named), (DAY_RANGE_MD, _blocked), (DAY_RANGE_DM, _blocked), (MY, _from_month_year),
    (MD, _from_month_day), (DM, _from_month_day), (REL_MONTH, _from_relative_month),
    (IN_MONTH, _from_in_month),
    (REL_DAY, _from_relative_day), (REL_PERIOD, _from_relative_period), (WEEKDAY, _from_weekday),
    (YEAR_RANGE, _blocked), (DECADE, _blocked), (BARE_YEAR, _from_year),
)


# --- finding --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Candidate:
    start: int                 # the whole match: the text it claims
    end: int
    begin: int                 # the date itself (IN_MONTH leaves out its "in")
    stop: int
    value: DateValue | None


def _choose(text: str, ref: _Reference | None) -> list[_Candidate]:
    """Every pattern's matches; the leftmost wins, then the longest, then the more specific.
    A chosen match claims its span even when it yields no date (ranges, refused forms)."""
    found = [(m.start(), -m.end(), priority, m, convert)
             for priority, (pattern, convert) in enumerate(_PATTERNS)
             for m in pattern.finditer(text)]
    found.sort(key=lambda f: f[:3])
    chosen: list[_Candidate] = []
    claimed = 0
    for start, negative_end, _, m, convert in found:
        if start < claimed:
            continue
        begin, stop = m.span("d") if "d" in m.re.groupindex else m.span()
        chosen.append(_Candidate(start, -negative_end, begin, stop, convert(m, ref)))
        claimed = -negative_end
    return _drop_ranges(text, chosen)


def _drop_ranges(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    """'from 2019 to 2021', '2019-2021', 'between May and July' name no single date."""
    result = list(chosen)
    for i in range(len(chosen) - 1):
        left, right = chosen[i], chosen[i + 1]
        gap = _GAP_RANGE.fullmatch(text, left.end, right.start)
        if gap is None:
            continue
        if gap["join"] == "and" and not re.search(r"(?i:\bbetween)\s+$", text[:left.start]):
            continue  # "in 2019 and 2021" is two dates
        result[i] = _Candidate(left.start, left.end, left.begin, left.stop, None)
        result[i + 1] = _Candidate(right.start, right.end, right.begin, right.stop, None)
    return result


def _parse_reference(reference: str | None) -> _Reference | None:
    if reference is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", reference.strip())
    try:
        if m is None:
            raise ValueError(reference)
        year, month, day = (int(g) if g else None for g in m.groups())
        if month is not None and not 1 <= month <= 12:
            raise ValueError(reference)
        full = date(year, month, day) if day is not None else None
    except ValueError:
        raise InputError(f"reference date {reference!r} is not an ISO 8601 date "
                         f"(use YYYY-MM-DD, YYYY-MM or YYYY)") from None
    return _Reference(year, month, full)


def find_dates(text: str, reference: str | None = None) -> list[tuple[int, int, DateValue]]:
    """Every date expression in `text` that names one date: (begin, end, value), in text order.

    Spans cover the date itself ("Nov. 10, 2020", "last Friday"), not a preposition before it.
    Expressions that need `reference` are left out when it is None; so are ranges.
    """
    ref = _parse_reference(reference)
    return [(c.begin, c.stop, c.value) for c in _choose(text, ref) if c.value is not None]


_LEADING = re.compile(r"(?i:(?:on|in|of|dated|the|this)\s+)+")


def parse_date(text: str, reference: str | None = None) -> DateValue | None:
    """One date expression (the whole of `text`, give or take a leading "on", "in", "the") →
    its ISO 8601 value at the precision it states; None when it is no single, certain date."""
    ref = _parse_reference(reference)
    s = text.strip().rstrip(",;:.").strip()
    if re.fullmatch(r"\d{4}-\d{2}", s):
        return _month_value(int(s[:4]), int(s[5:]))
    lead = _LEADING.match(s)
    prefix = lead.end() if lead else 0
    chosen = _choose(s, ref)
    if len(chosen) != 1 or chosen[0].start not in (0, prefix) or chosen[0].end != len(s):
        return None
    return chosen[0].value


def date_parts(text: str) -> tuple[int | None, int, int | None] | None:
    """(year, month, day) an absolute date expression states, year None when the text gives none
    ("Nov 10") and day None for a month ("November 2020"); None when `text` is no such date.

    For datelines, whose year-less dates take their year from metadata, never from a guess.
    """
    s = text.strip()
    if (iso := ISO.fullmatch(s)) is not None:   # a release's date line "2023-04-14"
        return (int(iso["year"]), int(iso["month"]), int(iso["day"])) \
            if _from_iso(iso, None) else None
    for pattern in (MDY, DMY, MY, MD, DM):
        m = pattern.fullmatch(s)
        if m is None:
            continue
        month = _month_number(m["month"])
        year = int(m["year"]) if "year" in m.re.groupindex else None
        day = _day_number(m["day"]) if "day" in m.re.groupindex else None
        # 2000 is a leap year: a year-less Feb. 29 is possible, Feb. 30 never is.
        if day is not None and _day_value(year or 2000, month, day) is None:
            return None
        return year, month, day
    return None
