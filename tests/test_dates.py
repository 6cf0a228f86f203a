from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.nlp.dates import DateValue, date_parts, find_dates, parse_date

# 2020-11-11 was a Wednesday.
WEDNESDAY = "2020-11-11"


@pytest.mark.parametrize("text, iso", [
    ("Nov. 10, 2020", "2020-11-10"),
    ("November 10, 2020", "2020-11-10"),
    ("Nov 10 2020", "2020-11-10"),
    ("10 November 2020", "2020-11-10"),
    ("10th of November, 2020", "2020-11-10"),
    ("on 24 December 1993", "1993-12-24"),
    ("December 24, 1993", "1993-12-24"),
    ("Tuesday, Nov. 10, 2020", "2020-11-10"),
    ("2020-11-10", "2020-11-10"),
    ("25/10/2020", "2020-10-25"),   # day first: 25 is no month
    ("10/25/2020", "2020-10-25"),   # month first: 25 is no month
    ("the 24th day of December 1993", "1993-12-24"),
    ("this twenty-fourth day of December 1993", "1993-12-24"),
    ("twenty-fourth day of December, one thousand nine hundred and ninety-three", "1993-12-24"),
    ("the first day of March, two thousand and twenty", "2020-03-01"),
    ("this 9th day of the month of June of the year 2011", "2011-06-09"),
    ("the Fifth Day of October in the Year Two Thousand and Four", "2004-10-05"),
    ("the twenty-second day of May of the year two thousand and eight", "2008-05-22"),
    ("the eleventh of March, two thousand and five", "2005-03-11"),
    ("14.07.2009", "2009-07-14"),  # written with dots: day first
])
def test_absolute_days(text: str, iso: str) -> None:
    assert parse_date(text) == DateValue(iso, "day")


@pytest.mark.parametrize("text, value", [
    ("November 2020", DateValue("2020-11", "month")),
    ("Nov 2020", DateValue("2020-11", "month")),
    ("2020-11", DateValue("2020-11", "month")),
    ("in 2020", DateValue("2020", "year")),
    ("2020", DateValue("2020", "year")),
])
def test_month_and_year_precision(text: str, value: DateValue) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize("text", [
    "10/11/2020",            # 10 November or October 11
    "from 2019 to 2021",
    "2019-2021",
    "between 2019 and 2021",
    "9-10 November 2020",
    "February 30, 2020",
    "February 29, 2021",     # 2021 is no leap year
    "the 1990s",
    "last week",
    "recently",
    "the ministry said",
    "Nov. 10, 2020 and Nov. 12, 2020",   # two dates, not one
    "the second of March, two delegations",   # "two" is no year
    "31.02.2020",
])
def test_refused(text: str) -> None:
    assert parse_date(text, WEDNESDAY) is None


def test_leap_day_is_accepted() -> None:
    assert parse_date("February 29, 2020") == DateValue("2020-02-29", "day")


@pytest.mark.parametrize("text, iso", [
    ("Tuesday", "2020-11-10"),          # the day before a Wednesday article
    ("on Tuesday", "2020-11-10"),
    ("Monday evening", "2020-11-09"),
    ("Wednesday", "2020-11-11"),        # the article's own weekday is the article's day
    ("Thursday", "2020-11-05"),         # a later weekday is last week's
    ("last Friday", "2020-11-06"),
    ("last Wednesday", "2020-11-04"),   # "last" is strictly before
    ("next Friday", "2020-11-13"),
    ("yesterday", "2020-11-10"),
    ("Today", "2020-11-11"),
    ("tomorrow", "2020-11-12"),
])
def test_relative_days_against_reference(text: str, iso: str) -> None:
    assert parse_date(text, WEDNESDAY) == DateValue(iso, "day")


@pytest.mark.parametrize("text", ["Tuesday", "last Friday", "yesterday", "Nov. 10", "in March",
                                  "last year"])
def test_relative_dates_need_a_reference(text: str) -> None:
    assert parse_date(text) is None


def test_this_weekday_is_vague() -> None:
    assert parse_date("this Tuesday", WEDNESDAY) is None


def test_weekday_needs_a_day_precise_reference() -> None:
    assert parse_date("Tuesday", "2020-11") is None


@pytest.mark.parametrize("text, reference, value", [
    ("Nov. 10", WEDNESDAY, DateValue("2020-11-10", "day")),
    ("Dec 24", WEDNESDAY, DateValue("2020-12-24", "day")),     # six weeks ahead: same year
    ("Dec 24", "2021-01-05", DateValue("2020-12-24", "day")),  # last December, read in January
    ("March 3", WEDNESDAY, DateValue("2020-03-03", "day")),
    ("in December", "2021-01-05", DateValue("2020-12", "month")),
    ("in March", "2020-11", DateValue("2020-03", "month")),
    ("last year", WEDNESDAY, DateValue("2019", "year")),
    ("last month", "2021-01-05", DateValue("2020-12", "month")),
])
def test_year_less_dates_take_the_reference_year(text: str, reference: str,
                                                 value: DateValue) -> None:
    assert parse_date(text, reference) == value


def test_bad_reference_raises() -> None:
    with pytest.raises(InputError, match="not an ISO 8601 date"):
        parse_date("Tuesday", "11/11/2020")


def test_find_dates_spans_index_the_text() -> None:
    text = ("Armenia and Azerbaijan signed the statement on Nov. 10, 2020. "
            "On Tuesday the ministry said the talks of 2019 had failed.")
    found = find_dates(text, WEDNESDAY)
    assert [(text[b:e], v.iso) for b, e, v in found] == [
        ("Nov. 10, 2020", "2020-11-10"), ("Tuesday", "2020-11-10"), ("2019", "2019")]


def test_find_dates_leaves_out_relative_dates_without_reference() -> None:
    text = "On Tuesday the ministers met; the accord of 24 December 1993 still holds."
    assert [v.iso for _, _, v in find_dates(text)] == ["1993-12-24"]


def test_find_dates_skips_ranges_and_keeps_lists() -> None:
    text = "Talks ran from 2019 to 2021 and resumed in 2022 and 2023."
    assert [text[b:e] for b, e, _ in find_dates(text)] == ["2022", "2023"]


def test_find_dates_in_month_span_excludes_preposition() -> None:
    text = "The parties met in December to sign it."
    [(begin, end, value)] = find_dates(text, "2021-01-05")
    assert text[begin:end] == "December" and value == DateValue("2020-12", "month")


@pytest.mark.parametrize("text", [
    "The army has 1,500 troops there.",
    "The convoy left at 1930 GMT.",
    "They met at Mar-a-Lago.",
    "He quoted Jan Egeland in his report.",
    "Prices rose by 2020%.",
    "Lower-case may and march are verbs: they may march 10 miles.",
])
def test_find_dates_ignores_numbers_and_names(text: str) -> None:
    assert find_dates(text, WEDNESDAY) == []


def test_date_parts_keeps_missing_year_unknown() -> None:
    assert date_parts("Nov 10") == (None, 11, 10)
    assert date_parts("March 3, 2022") == (2022, 3, 3)
    assert date_parts("November 2020") == (2020, 11, None)
    assert date_parts("Feb 30") is None
    assert date_parts("the talks") is None
