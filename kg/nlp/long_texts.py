"""Documents longer than a spaCy pipeline takes in one piece (its `max_length`, 1,000,000
characters by default, beyond which it raises E088) are run through it in pieces, and the pieces'
Docs are joined back into one Doc of exactly the document's text: offsets still index the stored
text, and our rules see one document. No document is refused.

Pieces end after a line break where there is one (kg_line_breaks ends a sentence at every line
break anyway, so the pieces are parsed as the whole would be), else after a sentence's full stop,
else at a space; only a piece with no space at all is cut mid-word.
"""
from __future__ import annotations

from itertools import groupby
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import Document

# Longest piece: well below spaCy's max_length, as the parser's memory grows with a Doc's length
# and a long piece gains nothing (a document of this length or shorter is never split).
PIECE_LENGTH = 100_000


def piece_ends(text: str, limit: int) -> list[int]:
    """Where each piece of `text` ends (the last is len(text)), every piece at most `limit`
    characters long."""
    ends, start = [], 0
    while len(text) - start > limit:
        start = _piece_end(text, start, start + limit)
        ends.append(start)
    ends.append(len(text))
    return ends


def _piece_end(text: str, start: int, stop: int) -> int:
    """The best end in text[start + 1:stop + 1]: after a line break (one not followed by more
    whitespace, so a blank line is not cut in two), after a full stop and its space, after a
    space, else `stop`."""
    line = text.rfind("\n", start, stop)
    for _ in range(8):      # a few tries at a line break that ends a run of whitespace
        if line <= start or not text[line + 1].isspace():
            break
        line = text.rfind("\n", start, line)
    if line > start:
        return line + 1
    for mark in (". ", " "):
        found = text.rfind(mark, start, stop - len(mark) + 1)
        if found > start:
            return found + len(mark)
    return stop


def pipe_documents(nlp: Language, documents: Iterable[Document], batch_size: int,
                   piece_length: int = PIECE_LENGTH) -> Iterator[tuple[Doc, Document]]:
    """nlp.pipe over documents, in order, each as one Doc of exactly its text however long it is.
    Documents up to `piece_length` characters (and nlp.max_length) go in batches of
    `batch_size`; a longer one alone, piece after piece, so that the model holds one piece at a
    time rather than a batch of them (a document of 400,000 characters: peak memory 576 MB
    instead of 1,442 MB)."""
    limit = max(1, min(piece_length, nlp.max_length))
    for long, run in groupby(documents, key=lambda d: len(d.text) > limit):
        if not long:
            yield from nlp.pipe(((d.text, d) for d in run), as_tuples=True, batch_size=batch_size)
            continue
        for document in run:
            text, ends = document.text, piece_ends(document.text, limit)
            pieces = list(nlp.pipe((text[s:e] for s, e in zip([0, *ends[:-1]], ends)),
                                   batch_size=1))
            yield _joined(pieces, document), document


def _joined(pieces: list[Doc], document: Document) -> Doc:
    if len(pieces) == 1:
        return pieces[0]
    # ensure_whitespace=False: the pieces' texts are joined as they are, so the Doc's text is
    # the document's, character for character
    doc = Doc.from_docs(pieces, ensure_whitespace=False)
    assert doc.text == document.text, "pieces of a long document do not join to its text"
    return doc
