"""An organisation the statistical NER finds in a headline counts only when the body names it
too (issue 13: a Title Case headline capitalises every word, so "Third Round" of "Joint Statement
on the Third Round of Talks" looks like a body's name). Texts written for these tests."""
from __future__ import annotations

from kg import model


def _organizations(ex) -> set[str]:
    return {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}


def test_a_headline_name_the_body_never_gives_is_no_organisation(extract_text) -> None:
    text = ("Joint Statement on the Third Round of Strategic Dialogue between Chile and Peru\n\n"
            "Chile and Peru held the third round of their dialogue in Lima on 2 May. The two "
            "sides agreed to meet again next year.\n")
    assert not any("Round" in name for name in _organizations(extract_text(text)))


def test_a_headline_name_the_body_confirms_stays(extract_text) -> None:
    text = ("Federal Reserve Holds Rates Steady\n\n"
            "The Federal Reserve left interest rates unchanged on Wednesday, officials said.\n")
    assert any("Federal Reserve" in name for name in _organizations(extract_text(text)))
