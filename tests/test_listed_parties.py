"""Names listed among parties are parties (issue 13): a coalition's parties named in their own
language, which the NER takes for persons."""
from __future__ import annotations

import pytest

from kg import model

from extraction_helpers import extract_with_entities


def _kinds(ex) -> dict[str, str]:
    return {e.name: e.kind for e in ex.entities.values()}


def test_a_name_listed_with_parties_is_a_party(nlp):
    text = ("The coalition had five parties: the Centre Party, the Farmers Party, the "
            "National Religious Party, Yesh Koach and Derech Hadasha.")
    kinds = _kinds(extract_with_entities(nlp, text, ["Yesh Koach", "Derech Hadasha"]))
    assert kinds["Yesh Koach"] == model.POLITICAL_PARTY
    assert kinds["Derech Hadasha"] == model.POLITICAL_PARTY


def test_a_person_listed_with_parties_in_a_sentence_on_no_parties_stays_a_person(nlp):
    text = "Talks between the Centre Party, the Farmers Party and Tomas Berg failed on Monday."
    kinds = _kinds(extract_with_entities(nlp, text, ["Tomas Berg"]))
    assert kinds.get("Tomas Berg") == model.PERSON


def test_a_titled_person_listed_with_parties_stays_a_person(nlp):
    text = ("The alliance of the Centre Party, the Farmers Party and President Anna Lind "
            "broke up.")
    kinds = _kinds(extract_with_entities(nlp, text, ["Anna Lind"]))
    assert kinds.get("Anna Lind") == model.PERSON


def _with_labels(nlp, text: str, labels: dict[str, str]):
    """Extraction from `text` where the NER gives each named piece its label, and nothing else
    a PERSON or ORG label."""
    from spacy.tokens import Span

    from kg.model import Document
    from kg.nlp.extract import extract

    doc = nlp(text)
    spans = []
    for piece, label in labels.items():
        begin = text.index(piece)
        span = doc.char_span(begin, begin + len(piece))
        spans.append(Span(doc, span.start, span.end, label=label))
    kept = [e for e in doc.ents if e.label_ not in ("PERSON", "ORG")
            and not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.ents = sorted(kept + spans, key=lambda e: e.start)
    return extract(doc, Document(id="t", text=text))


def test_a_name_listed_among_persons_only_is_no_organisation(nlp):
    text = "The list was led by Marco Rossi, Gianni Bianchi and Paolo Verdi."
    ex = _with_labels(nlp, text, {"Marco Rossi": "PERSON", "Gianni Bianchi": "ORG",
                                  "Paolo Verdi": "PERSON"})
    assert not any(e.kind in model.ORGANIZATION_KINDS for e in ex.entities.values())


@pytest.mark.parametrize("text, labels, name", [
    # a body in the list: no list of persons only
    ("The plan was backed by Marco Rossi, the Verdi Foundation and Bianchi Holdings.",
     {"Marco Rossi": "PERSON", "Verdi Foundation": "ORG", "Bianchi Holdings": "ORG"},
     "Bianchi Holdings"),
    # an acronym is no person's name
    ("The fight was between Marco Rossi for the RDP and Paolo Verdi for the Greens.",
     {"Marco Rossi": "PERSON", "RDP": "ORG", "Paolo Verdi": "PERSON"}, "RDP"),
])
def test_a_name_listed_with_a_body_or_an_acronym_stays_an_organisation(nlp, text, labels, name):
    ex = _with_labels(nlp, text, labels)
    assert name in {e.name for e in ex.entities.values() if e.kind in model.ORGANIZATION_KINDS}
