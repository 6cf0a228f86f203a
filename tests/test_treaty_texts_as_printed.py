"""Treaty texts as PDFs and printers give them (issue 13): a typographic apostrophe in a state's
name, a final clause signed by each side apart, "the ninth day of March of 2011", a recital
naming another agreement's parties, a group of states named after their association. Texts
written for these tests."""
from __future__ import annotations

import pytest

from kg import model
from kg.nlp.dates import find_dates

PREAMBLE = """FREE TRADE AGREEMENT BETWEEN {title}

{parties} (hereinafter referred to as "the Parties"),

{recital}

Have agreed as follows:

Article 1
The Parties establish a free trade area under this Agreement. This Agreement applies to trade in goods.

IN WITNESS WHEREOF the undersigned have signed this Agreement.

{done}

{signatures}
"""


def _treaty(title: str, parties: str, signatures: str, done: str = "Done at Lima on 2 June 2012.",
            recital: str = "Desiring to develop trade between them,") -> str:
    return PREAMBLE.format(title=title, parties=parties, signatures=signatures, done=done,
                           recital=recital)


def _agreements(extract_text, text: str) -> dict[str, tuple[set[str], set[str]]]:
    """{name: (parties, dates signed)} of every agreement found."""
    ex = extract_text(text)
    found = {}
    for key, entity in ex.entities.items():
        if entity.kind == model.AGREEMENT:
            found[entity.name] = tuple(
                {f.object for f, _ in ex.facts if f.subject == key and f.predicate == p}
                for p in (model.PARTY, model.DATE_SIGNED))
    return found


@pytest.mark.parametrize("title, parties, signatures, expected", [
    # a typographic apostrophe keeps "People’s Republic of China" whole
    ("THE GOVERNMENT OF THE PEOPLE’S REPUBLIC OF CHINA AND THE REPUBLIC OF PERU",
     "The Government of the People’s Republic of China and the Government of the Republic of Peru",
     "For the Government of the People’s Republic of China\nFor the Government of the Republic "
     "of Peru", {"state/CHN", "state/PER"}),
    # an association's states are the parties, not the association
    ("THE EFTA STATES AND THE REPUBLIC OF ECUADOR",
     "Iceland, the Principality of Liechtenstein, the Kingdom of Norway and the Swiss "
     "Confederation, and the Republic of Ecuador",
     "For Iceland\nFor the Principality of Liechtenstein\nFor the Kingdom of Norway\n"
     "For the Swiss Confederation\nFor the Republic of Ecuador",
     {"state/ISL", "state/LIE", "state/NOR", "state/CHE", "state/ECU"}),
])
def test_the_parties_of_a_printed_treaty(extract_text, title, parties, signatures,
                                         expected) -> None:
    [(found, _dates)] = _agreements(extract_text, _treaty(title, parties, signatures)).values()
    assert found == expected


def test_a_final_clause_signed_by_each_side_apart_dates_the_treaty(extract_text) -> None:
    text = _treaty("THE NORDIC STATES AND THE REPUBLIC OF PERU",
                   "Iceland, the Kingdom of Norway and the Kingdom of Sweden, and the Republic of "
                   "Peru", "For Iceland\nFor the Kingdom of Norway\nFor the Kingdom of Sweden\n"
                   "For the Republic of Peru",
                   done="Signed by the Nordic States at Oslo, this 14 day of May 2012, and by Peru "
                        "at Lima, this 2 June 2012, in one original.")
    [(parties, dates)] = _agreements(extract_text, text).values()
    assert parties == {"state/ISL", "state/NOR", "state/SWE", "state/PER"}
    assert dates == {"2012-05-14"}


def test_of_between_month_and_year() -> None:
    assert [v.iso for _, _, v in find_dates("Done at Lima on the ninth day of March of 2011.")] \
        == ["2011-03-09"]
    assert [v.iso for _, _, v in find_dates("Done at Rome on 3 May of 2011.")] == ["2011-05-03"]


def test_a_recitals_other_agreement_adds_no_party(extract_text) -> None:
    text = _treaty("THE REPUBLIC OF TURKEY AND MALAYSIA", "The Republic of Turkey and Malaysia",
                   "For the Republic of Turkey\nFor Malaysia",
                   recital="Recalling the agreement between Turkey and the European Union and "
                           "the agreement between Malaysia and Japan,")
    found = _agreements(extract_text, text)
    own = found["Free Trade Agreement between the Republic of Turkey and Malaysia"]
    assert own[0] == {"state/TUR", "state/MYS"}
