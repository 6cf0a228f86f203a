"""Treaty texts (issue 13): titles wrapped over blank lines or in title case, a name for a
treaty text that shows no title, and final clauses whose date is written in less usual ways.
Texts written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from kg.nlp.dates import find_dates
from kg.nlp.treaty import _title, is_treaty_text

BODY = """The Republic of Iceland and the Kingdom of Norway (hereinafter referred to as "the Parties"),

Desiring to strengthen their cooperation on the conservation of fish stocks,

Have agreed as follows:

Article 1
The Parties shall cooperate on the management of shared stocks under this Agreement.

Article 2
This Agreement shall enter into force on the first day of the second month after the Parties have notified each other. This Agreement shall be done in duplicate in the English language.

IN WITNESS WHEREOF the undersigned, being duly authorised thereto, have signed this Agreement.

Done at Reykjavik, this 12th day of May 2016.

For the Republic of Iceland
For the Kingdom of Norway
"""


def _own(extract_text, text: str) -> tuple[str, set[str], set[str]]:
    """The one agreement of a treaty text: its name, parties and dates."""
    ex = extract_text(text)
    [(key, entity)] = [(k, e) for k, e in ex.entities.items() if e.kind == model.AGREEMENT]
    values = {p: {f.object for f, _ in ex.facts if f.subject == key and f.predicate == p}
              for p in (model.PARTY, model.DATE_SIGNED)}
    return entity.name, values[model.PARTY], values[model.DATE_SIGNED]


def test_a_title_in_capitals_with_blank_lines_between_its_parts() -> None:
    title = "FISHERIES AGREEMENT\n\nBETWEEN\n\nICELAND\nAND\nTHE KINGDOM OF NORWAY"
    assert _title(title + "\n\nPREAMBLE\n\nIceland and Norway ...") == (
        "Fisheries Agreement between Iceland and the Kingdom of Norway", len(title))


def test_a_title_in_title_case_ends_at_the_blank_line_below_it() -> None:
    title = "Fisheries Agreement\nbetween\nThe Republic of Iceland\nand\nThe Kingdom of Norway"
    assert _title(title + "\n\nThe Republic of Iceland and the Kingdom of Norway ...") == (
        "Fisheries Agreement between The Republic of Iceland and The Kingdom of Norway",
        len(title))
    # a sentence is no title
    assert _title("The Parties to this Agreement have agreed as follows:\n...") == ("Agreement", 0)


def test_a_treaty_text_without_a_title_is_named_by_its_parties(extract_text) -> None:
    name, parties, dates = _own(extract_text, BODY)
    assert name == "Agreement between Iceland and Norway"
    assert parties == {"state/ISL", "state/NOR"}
    assert dates == {"2016-05-12"}


def test_a_provision_on_doing_the_text_is_no_signing_formula(extract_text) -> None:
    # "This Agreement shall be done in duplicate …" comes last, but the formula above dates it
    text = BODY.replace("Done at Reykjavik, this 12th day of May 2016.\n", "Done at Reykjavik, "
                        "this 12th day of May 2016.\n\nThis Agreement shall be done in duplicate "
                        "in the English language.\n")
    assert _own(extract_text, text)[2] == {"2016-05-12"}


def test_an_excerpt_headed_by_its_title_is_a_treaty_text() -> None:
    excerpt = ("FISHERIES AGREEMENT\nBETWEEN\nICELAND\nAND\nNORWAY\n\nIceland and Norway "
               "(hereinafter referred to as \"the Parties\") have agreed as follows: …\n\n"
               "For Iceland\nFor the Kingdom of Norway\n")
    assert is_treaty_text(excerpt)
    assert not is_treaty_text(excerpt.replace("FISHERIES AGREEMENT\nBETWEEN\nICELAND\nAND\n"
                                              "NORWAY\n\n", ""))


@pytest.mark.parametrize("formula, iso", [
    ("Done in the city of Quito “14” March2016 in a single copy.", "2016-03-14"),
    ("Done at Minsk on «5» May 2011.", "2011-05-05"),
    ("DONE at Lima on this ninth day of May in theyear 2012 in duplicate.", "2012-05-09"),
    ("Done at Oslo, the twenty- fourth day of November two thousand and six.", "2006-11-24"),
], ids=["quoted-day-glued-year", "guillemets", "glued-the-year", "broken-ordinal"])
def test_final_clause_dates_written_in_less_usual_ways(formula: str, iso: str) -> None:
    assert [v.iso for _, _, v in find_dates(formula)] == [iso]
