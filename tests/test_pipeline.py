"""Our spaCy components (kg/nlp/pipeline.py, kg/nlp/gazetteer.py) decide what a slower, plainer
version decides: the late gazetteer's lazily filled matcher finds what a PhraseMatcher holding
every pattern finds, in the same order, and the line-break rule sets the sentence starts that a
token-by-token reading sets."""
from __future__ import annotations

import random

import pytest
import spacy
from spacy.attrs import SENT_START
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.nlp.gazetteer import default_gazetteer
from kg.nlp.gazetteer_components import _LazyPhraseMatcher
from kg.nlp.pipeline import mark_line_breaks


def _late_patterns(nlp) -> list[tuple[str, str]]:
    """(text, match id) of every late pattern whose tokens another match id shares ("Congo",
    "Cambridge"), where the order of equal matches shows, plus a sample of the others."""
    patterns = [(p["pattern"], f"{p['label']}|{p['id']}") for p in default_gazetteer().late_patterns]
    ids_by_tokens: dict[tuple[str, ...], set[str]] = {}
    for text, match_id in patterns:
        ids_by_tokens.setdefault(tuple(t.text for t in nlp.tokenizer(text)), set()).add(match_id)
    shared = {tokens for tokens, ids in ids_by_tokens.items() if len(ids) > 1}
    assert shared, "no late pattern shares its tokens: this test no longer checks match order"
    return [(text, match_id) for i, (text, match_id) in enumerate(patterns)
            if tuple(t.text for t in nlp.tokenizer(text)) in shared or i % 20 == 0]


def _full_matcher(nlp, patterns: list[tuple[str, str]]) -> PhraseMatcher:
    """A PhraseMatcher holding every pattern, added as LateGazetteer used to add them."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    by_id: dict[str, list[str]] = {}
    for text, match_id in patterns:
        by_id.setdefault(match_id, []).append(text)
    for match_id, texts in by_id.items():
        matcher.add(match_id, list(nlp.tokenizer.pipe(texts)))
    return matcher


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def test_the_lazy_late_matcher_matches_as_a_full_one(nlp) -> None:
    patterns = _late_patterns(nlp)
    texts = [text for text, _ in patterns]
    random.Random(0).shuffle(texts)
    # Each name twice, in running text, split across lines too: "New\nYork" is no "New York".
    documents = [" ".join(f"Talks in {t} and {t}'s envoy.\n{t.replace(' ', chr(10))} rests."
                          for t in texts[i:i + 30]) for i in range(0, len(texts), 30)]
    lazy, full = _LazyPhraseMatcher(nlp, patterns), _full_matcher(nlp, patterns)
    found = 0
    for doc in nlp.tokenizer.pipe(documents):
        expected = full(doc)
        assert lazy(doc) == expected
        found += len(expected)
    assert found >= 2 * len(texts)


def _line_breaks_token_by_token(doc: Doc) -> Doc:
    """The rule as first written: every token read in Python."""
    for token in doc[:-1]:
        if "\n" in token.text or token.text_with_ws.endswith("\n"):
            doc[token.i + 1].is_sent_start = True
    for token in doc[:-1]:
        follower = doc[token.i + 1]
        if token.is_sent_start and not token.is_punct and "\n" not in token.text_with_ws \
                and follower.is_sent_start is None:
            follower.is_sent_start = False
    return doc


def test_line_breaks_set_the_starts_a_token_by_token_reading_sets(blank) -> None:
    pieces = ["BAKU", ",", "Azerbaijan", "\n", "\n\n", " \n", "\r\n", "\t", "  ", ".", "—",
              "Armenia", "wants", "peace", "(", ")", '"', "\u00a0", "x\ny", "Nov.", "10", "'s"]
    rng = random.Random(1)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "])
                       for _ in range(rng.randint(0, 12)))
        ours, reference = blank.make_doc(text), blank.make_doc(text)
        if len(ours) > 2 and rng.random() < 0.3:   # a start an earlier component decided
            i, value = rng.randrange(1, len(ours)), rng.choice([True, False])
            ours[i].is_sent_start = reference[i].is_sent_start = value
        mark_line_breaks(ours)
        _line_breaks_token_by_token(reference)
        assert ours.to_array(SENT_START).tolist() == reference.to_array(SENT_START).tolist(), \
            repr(text)


def test_a_dateline_line_is_a_sentence_of_its_own(nlp) -> None:
    doc = nlp("BAKU, Azerbaijan\nArmenia wants peace, the minister said.")
    assert [s.text.strip() for s in doc.sents][:2] == ["BAKU, Azerbaijan",
                                                         "Armenia wants peace, the minister said."]


def test_the_ner_learns_no_labels_from_our_gazetteer(nlp) -> None:
    """Our ruler's matches reach the NER under labels it has, so it adds no actions (which would
    widen its output layer and slow it), and leave it under our labels and keys."""
    from kg.nlp.gazetteer import CAPITAL, KG_LABELS, ORG, STATE, STATE_ADJ

    ner = nlp.get_pipe("ner")
    moves = ner.moves.n_moves
    doc = nlp("Azerbaijani troops left Baku, and Armenia asked the United Nations for help.")
    assert ner.moves.n_moves == moves
    assert not set(KG_LABELS) & set(ner.labels)
    ours = {e.text: (e.label_, e.ent_id_) for e in doc.ents if e.ent_id_}
    assert ours["Azerbaijani"] == (STATE_ADJ, "state/AZE")
    assert ours["Armenia"] == (STATE, "state/ARM")
    assert ours["Baku"][0] == CAPITAL and ours["Baku"][1].startswith("place/AZE/")
    assert ours["United Nations"][0] == ORG


def test_the_early_gazetteer_sets_the_entities_spacys_entity_ruler_sets(nlp) -> None:
    """EarlyGazetteer re-implements EntityRuler (phrase patterns on ORTH, overwrite_ents) over a
    lazily filled matcher: on running text full of our names, nested and overlapping ones
    included ("Korea" in "Republic of Korea"), both give the same entities in the same order.
    Where patterns spell the same words, ours is the first pattern (the ruler's, the first hash)."""
    from spacy.pipeline import EntityRuler

    from kg.nlp.gazetteer_components import EarlyGazetteer, _ner_pattern

    patterns = [_ner_pattern(p) for p in default_gazetteer().patterns]
    ruler = EntityRuler(nlp, phrase_matcher_attr="ORTH", overwrite_ents=True)
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)
    early = EarlyGazetteer(nlp, patterns)
    names = [p["pattern"] for p in patterns]
    random.Random(2).shuffle(names)
    documents = [" and ".join(names[i:i + 25]) + ", said the Republic of Korea's envoy in Seoul."
                 for i in range(0, len(names), 25)]
    first: dict[str, tuple[str, str]] = {}
    for p in patterns:
        first.setdefault(" ".join(t.text for t in nlp.make_doc(p["pattern"])),
                         (p["label"], p["id"]))
    found = tied = 0
    for text in documents:
        ours, theirs = early(nlp.make_doc(text)), ruler(nlp.make_doc(text))
        assert [(e.start, e.end) for e in ours.ents] == [(e.start, e.end) for e in theirs.ents]
        for ent, other in zip(ours.ents, theirs.ents):
            assert (ent.label_, ent.ent_id_) == first[" ".join(t.text for t in ent)]
            tied += ent.ent_id_ != other.ent_id_
        found += len(ours.ents)
    assert found > len(names) / 2
    assert tied, "no two patterns spell the same words: the tie rule is not tested"
