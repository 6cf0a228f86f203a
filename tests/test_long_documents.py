"""Documents longer than the spaCy pipeline takes at once (kg/nlp/long_texts.py): they are run in
pieces and joined back, with offsets into the stored text, and none is refused. The tests lower
the limits instead of building a document of millions of characters; benchmarks/
bench_long_documents.py builds one of 2,000,000."""
from __future__ import annotations

import pytest

from kg import model
from kg.model import Document
from kg.nlp.long_texts import piece_ends, pipe_documents

PARAGRAPH = ("Chile and Argentina signed the Harbour Accord in Santiago on 3 May 2021.\n"
             "Foreign Minister Karl Brandt of Chile said the accord would open the port.\n\n")


def pieces_of(text: str, limit: int) -> list[str]:
    ends = piece_ends(text, limit)
    return [text[s:e] for s, e in zip([0] + ends[:-1], ends)]


def test_a_short_text_is_one_piece():
    assert piece_ends(PARAGRAPH, len(PARAGRAPH)) == [len(PARAGRAPH)]


def test_pieces_end_after_line_breaks_and_join_to_the_text():
    text = PARAGRAPH * 20
    pieces = pieces_of(text, 400)
    assert "".join(pieces) == text
    assert len(pieces) > 5 and all(len(p) <= 400 for p in pieces)
    # after a line break, never inside a blank line: the next piece starts with a word
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert all(not p[0].isspace() for p in pieces)


def test_without_line_breaks_pieces_end_after_a_sentence_then_a_space_then_anywhere():
    sentences = "The talks went on. " * 30
    assert all(p.endswith(". ") for p in pieces_of(sentences, 100)[:-1])
    words = "talks " * 50
    assert all(p.endswith(" ") for p in pieces_of(words, 100)[:-1])
    token = "x" * 250
    assert pieces_of(token, 100) == ["x" * 100, "x" * 100, "x" * 50]


def test_a_document_in_pieces_gives_the_extraction_of_the_whole(nlp, extract_text):
    from kg.nlp.extract import extract

    text = PARAGRAPH * 6
    document = Document(id="long", text=text)
    [(doc, same)] = list(pipe_documents(nlp, [document], batch_size=4, piece_length=200))
    assert same is document and doc.text == text
    pieced, whole = extract(doc, document), extract_text(text, doc_id="long")
    assert pieced.mentions and sorted(pieced.mentions, key=repr) == sorted(whole.mentions, key=repr)
    assert sorted(map(repr, pieced.facts)) == sorted(map(repr, whole.facts))
    for mention in pieced.mentions:
        assert text[mention.begin:mention.end] == mention.anchor


@pytest.fixture
def short_nlp(nlp):
    """The shared pipeline taking at most 1,000 characters at once, as spaCy's default takes
    1,000,000 (longer texts raise E088)."""
    saved = nlp.max_length
    nlp.max_length = 1000
    yield nlp
    nlp.max_length = saved


def test_a_document_over_the_models_max_length_builds_beside_a_good_one(short_nlp):
    from kg.engines import extract_documents

    long = Document(id="long", text=PARAGRAPH * 40)          # 6,000 characters
    good = Document(id="good", text="Norway and Sweden signed the Border Treaty on 2 June 2020.")
    extractions = list(extract_documents([long, good], short_nlp))
    assert [e.document.id for e in extractions] == ["long", "good"]
    mentions = extractions[0].mentions
    assert mentions[-1].end > len(long.text) - 100 and len(mentions) > 40
    for mention in mentions:
        assert long.text[mention.begin:mention.end] == mention.anchor
    parties = {f.object for f, _ in extractions[1].facts if f.predicate == model.PARTY}
    assert parties == {"state/NOR", "state/SWE"}
