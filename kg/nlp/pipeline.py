"""Load the spaCy pipeline and add our components. Which model is the default is decided in
kg/nlp/models.py, which does not import spaCy."""
from __future__ import annotations

import numpy
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kg.datelines import find_dateline
from kg.errors import ModelError
from kg.nlp import gazetteer_components  # noqa: F401  (registers our components' factories)
from kg.nlp.models import ModelInfo, default_model_name, own_name


@Language.component("kg_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: news paragraphs and datelines ("BAKU, Azerbaijan") are one
    per line, and the parser would otherwise run a dateline into the first sentence.

    Works on whole arrays, as reading every token in Python cost about half a millisecond a
    document: in `starts`, a sentence start is 1, unknown 0, no start -1."""
    if len(doc) < 2:
        return doc
    starts, space, punct = doc.to_array([SENT_START, IS_SPACE, IS_PUNCT]).astype(numpy.int64).T
    breaks = _holds_line_break(doc, space)
    starts[1:][breaks[:-1]] = 1
    # A line's first word is no sentence of its own: after a dateline line the parser
    # otherwise cuts "Armenia | wants peace, …", losing the clause's subject. This only turns
    # unknown starts into no starts, so it can be applied to every token at once: no token it
    # reads as a start is one it changes.
    starts[1:][(starts[:-1] == 1) & (punct[:-1] == 0) & ~breaks[:-1] & (starts[1:] == 0)] = -1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


@Language.component("kg_inline_datelines")
def mark_inline_datelines(doc: Doc) -> Doc:
    """The first word after an inline dateline ("QUITO, Feb. 3, 2025 — Ecuador and Peru signed
    …") starts a sentence: else the parser takes the place for the verb's subject and the
    parties for words in apposition to it."""
    for i in _inline_dateline_ends(doc):
        doc[i].is_sent_start = True
    return doc


def _inline_dateline_ends(doc: Doc) -> list[int]:
    """Where the article goes on after each line's inline dateline."""
    text, found, line_start = doc.text, [], 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_start + 1].isupper():
            dateline = find_dateline(text[line_start:line_end])
            if dateline is not None and line_start + dateline.body_start < line_end:
                token = doc.char_span(line_start + dateline.body_start, line_end,
                                      alignment_mode="expand")
                if token is not None and token.start > 0:
                    found.append(token.start)
        line_start = line_end + 1
    return found


def _holds_line_break(doc: Doc, space: numpy.ndarray) -> numpy.ndarray:
    """Which tokens hold a line break. The tokenizer splits text wherever whitespace begins or
    ends, so a line break is in a token of whitespace alone: only those are read. (A token's
    trailing whitespace is at most one space, so no line break is outside the tokens' text.)"""
    breaks = numpy.zeros(len(doc), dtype=bool)
    for i in numpy.flatnonzero(space).tolist():
        breaks[i] = "\n" in doc[i].text
    return breaks


def load_pipeline(model: str | None = None,
                  extra_entries: tuple = ()) -> tuple[Language, ModelInfo]:
    """The model with our gazetteer ruler before its NER. `model` is a package name or a path;
    `extra_entries` are a user gazetteer's (kg.data.user_gazetteer.UserEntry)."""
    name = model or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: it is not installed or not a "
                         f"spaCy pipeline (pip install it, or pass --model NAME)") from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_line_breaks", before="parser")
        nlp.add_pipe("kg_inline_datelines", before="parser")
    config = {"extra_entries": [e.to_config() for e in extra_entries]}
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_gazetteer", before="ner", config=config)
        nlp.add_pipe("kg_late_gazetteer", after="ner", config=config)
    else:
        nlp.add_pipe("kg_gazetteer", config=config)
        nlp.add_pipe("kg_late_gazetteer", config=config)
    info = ModelInfo(name, str(nlp.meta.get("version", "unknown")), own_name(nlp.meta))
    return nlp, info
