"""Agreements in news named in less usual ways (issue 13): several at once by their dates ("the
trilateral agreements of March 3, 2021, July 8, 2022 and October 1, 2023"), and documents
states adopt under a formal name headed "Guidelines", "Roadmap" or "Framework". Sentences
written for these tests."""
from __future__ import annotations

import pytest

from kg import model


def _agreements(extract_text, text: str) -> dict[str, tuple[set[str], set[str]]]:
    """{name: (parties, dates signed)} of every agreement found."""
    ex = extract_text(text, date="2024-05-02")
    return {entity.name: tuple({f.object for f, _ in ex.facts
                                if f.subject == key and f.predicate == p}
                               for p in (model.PARTY, model.DATE_SIGNED))
            for key, entity in ex.entities.items() if entity.kind == model.AGREEMENT}


@pytest.mark.parametrize("sentence, parties, dates", [
    # one agreement for each date listed, the parties after the dates
    ("The ministers reaffirmed their commitment to the trilateral agreements of March 3, 2021, "
     "July 8, 2022 and October 1, 2023 between Russia, Armenia and Azerbaijan.",
     {"state/RUS", "state/ARM", "state/AZE"},
     {"trilateral agreement of March 3, 2021": "2021-03-03",
      "trilateral agreement of July 8, 2022": "2022-07-08",
      "trilateral agreement of October 1, 2023": "2023-10-01"}),
    # the parties before the dates, a year shared by the last two
    ("Both ministers backed the three trilateral agreements between Georgia, Armenia and "
     "Turkey of March 3, 2021, and January 11 and July 8, 2022.",
     {"state/GEO", "state/ARM", "state/TUR"},
     {"trilateral agreement of March 3, 2021": "2021-03-03",
      "trilateral agreement of January 11": "2022-01-11",
      "trilateral agreement of July 8, 2022": "2022-07-08"}),
])
def test_agreements_listed_by_their_dates_are_one_each(extract_text, sentence, parties,
                                                       dates) -> None:
    found = _agreements(extract_text, sentence)
    assert found == {name: (parties, {date}) for name, date in dates.items()}


def test_a_qualifier_that_counts_the_parties_takes_the_sentences_states(extract_text) -> None:
    found = _agreements(extract_text, "The presidents of Georgia, Armenia and Azerbaijan recalled "
                        "the tripartite accords of 4 May 2019 and 9 June 2020 on transit.")
    assert found == {
        "tripartite accord of 4 May 2019": ({"state/GEO", "state/ARM", "state/AZE"},
                                            {"2019-05-04"}),
        "tripartite accord of 9 June 2020": ({"state/GEO", "state/ARM", "state/AZE"},
                                             {"2020-06-09"})}


def test_plural_agreements_without_a_list_of_dates_stay_a_class(extract_text) -> None:
    assert _agreements(extract_text, "The bilateral agreements of the past decade between Peru "
                       "and Chile expire in 2030.") == {}


def test_guidelines_and_a_roadmap_under_a_formal_name_are_agreements(extract_text) -> None:
    found = _agreements(extract_text, "The defence ministers of Japan and the United States "
                        "adopted the U.S.-Japan Guidelines for Extended Deterrence Cooperation "
                        "and endorsed a Roadmap for Defense Industrial Cooperation.")
    assert set(found) == {"U.S.-Japan Guidelines for Extended Deterrence Cooperation",
                          "Roadmap for Defense Industrial Cooperation"}
    assert found["U.S.-Japan Guidelines for Extended Deterrence Cooperation"][0] == {
        "state/JPN", "state/USA"}
    # a common noun is no agreement
    assert _agreements(extract_text, "Japan issued new guidelines on export controls and a "
                       "roadmap for reform.") == {}
