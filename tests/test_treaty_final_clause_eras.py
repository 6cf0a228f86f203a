"""Treaty texts (issue 13): final clauses with a formula that opens with "Made at" or a year
counted in the Buddhist or the Christian Era ("this fifth day of March in the Two thousand Five
hundred and forty-second year of the Buddhist Era"), and a party that is a state union since
dissolved. Texts written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from kg.nlp.dates import find_dates
from kg.nlp.era_years import find_dates_any_era

TREATY = """The Government of the Kingdom of Cambodia and the Government of the Socialist Republic of Viet Nam (hereinafter referred to as "the Contracting Parties"),

Desiring to expand trade between the two countries on the basis of equality and mutual benefit,

Have agreed as follows:

Article 1
The Contracting Parties shall grant each other most-favoured-nation treatment under this Agreement.

Article 2
This Agreement shall enter into force on the date of its signature and remain valid for five years.

{closing}

For the Government of the Kingdom of Cambodia
For the Government of the Socialist Republic of Viet Nam
"""


def _signed(extract_text, closing: str) -> set[str]:
    ex = extract_text(TREATY.format(closing=closing))
    [key] = [k for k, e in ex.entities.items() if e.kind == model.AGREEMENT]
    return {f.object for f, _ in ex.facts if f.subject == key and f.predicate == model.DATE_SIGNED}


def _read(text: str) -> list[tuple[str, str]]:
    return [(text[b:e], value.iso) for b, e, value in find_dates_any_era(text)]


def test_a_formula_that_opens_with_made_dates_the_treaty(extract_text) -> None:
    closing = ("Made at the city of Hanoi on March 5, 1999 in two copies, each in the Khmer, "
               "Vietnamese and English languages.")
    assert _signed(extract_text, closing) == {"1999-03-05"}


def test_a_year_of_the_buddhist_era_dates_the_treaty(extract_text) -> None:
    closing = ("Done at Phnom Penh this fifth day of March in the Two thousand Five hundred and "
               "forty-second year of the Buddhist Era, in two originals.")
    assert _signed(extract_text, closing) == {"1999-03-05"}


@pytest.mark.parametrize("text, expected", [
    ("this fifth day of March in the Two thousand Five hundred and forty second year of the "
     "Buddhist Era, in two originals",
     ("fifth day of March in the Two thousand Five hundred and forty second year of the "
      "Buddhist Era", "1999-03-05")),
    ("on 5 March B.E. 2542 (1999), in two originals", ("5 March B.E. 2542 (1999)", "1999-03-05")),
    ("on 5 March B.E.2542.", ("5 March B.E.2542", "1999-03-05")),
    ("the third day of May in the One thousand nine hundred and ninety-ninth year of the "
     "Christian Era", ("third day of May in the One thousand nine hundred and ninety-ninth year "
                       "of the Christian Era", "1999-05-03")),
    ("the first day of July in the One thousand nine hundred and ninetieth year of the "
     "Christian Era", ("first day of July in the One thousand nine hundred and ninetieth year "
                       "of the Christian Era", "1990-07-01")),
])
def test_a_year_of_another_era_is_read_as_its_gregorian_year(text, expected) -> None:
    assert _read(text) == [expected]


def test_spans_after_an_era_year_keep_their_place_in_the_text() -> None:
    text = "signed on 4 May B.E. 2542 and amended on 3 June 2001"
    assert _read(text) == [("4 May B.E. 2542", "1999-05-04"), ("3 June 2001", "2001-06-03")]


def test_a_text_without_an_era_is_read_as_before() -> None:
    text = "Done at Hanoi on 5 March 1999; the fortieth year of the Republic"
    assert find_dates_any_era(text) == find_dates(text)


UNION_TREATY = """AGREEMENT ON FREE TRADE BETWEEN SERBIA AND MONTENEGRO AND THE REPUBLIC OF CROATIA

Serbia and Montenegro and the Republic of Croatia (hereinafter referred to as "the Parties"),

Desiring to remove barriers to trade between them,

Have agreed as follows:

Article 1
The Parties shall establish a free trade area under this Agreement.

IN WITNESS WHEREOF the undersigned, being duly authorised thereto, have signed this Agreement.

Done at Zagreb on 12 March 2004, in two originals in the English language.

For Serbia and Montenegro
For the Republic of Croatia
"""


def test_a_state_union_s_treaty_binds_the_successors_that_continued_it(extract_text) -> None:
    ex = extract_text(UNION_TREATY)
    [key] = [k for k, e in ex.entities.items() if e.kind == model.AGREEMENT]
    parties = {f.object for f, _ in ex.facts if f.subject == key and f.predicate == model.PARTY}
    assert parties == {"state/SRB", "state/MNE", "state/HRV"}
    assert {"state/SRB", "state/MNE"} <= set(ex.entities)
