"""Small readers over a DocumentExtraction, shared by the extraction tests."""
from __future__ import annotations

from kg import model


def mentions_of(ex, prefix: str) -> list[tuple[str, str]]:
    """(key, anchor) of every mention of entities whose key starts with `prefix` ("org/",
    "person/"), in text order, after checking that each mention's offsets slice its anchor."""
    text = ex.document.text
    found = []
    for m in sorted(ex.mentions, key=lambda m: m.begin):
        assert text[m.begin:m.end] == m.anchor, m
        if m.entity.startswith(prefix):
            found.append((m.entity, m.anchor))
    return found


def facts(ex, predicate: str, subject: str | None = None) -> list[tuple[str, str]]:
    """(object, evidence text) of the document's facts with this predicate (and subject)."""
    text = ex.document.text
    return [(f.object, text[ev.begin:ev.end]) for f, ev in ex.facts
            if f.predicate == predicate and (subject is None or f.subject == subject)]


def extract_with_entities(nlp, text: str, pieces: list[str], label: str = "PERSON"):
    """Extraction from `text` where the NER gives each of `pieces` (in order) the `label` and
    finds no other person, whatever the model saw: the rule under test must not depend on a
    model's mood."""
    from spacy.tokens import Span

    from kg.model import Document
    from kg.nlp.extract import extract

    doc = nlp(text)
    spans, at = [], 0
    for piece in pieces:
        begin = text.index(piece, at)
        at = begin + len(piece)
        spans.append(doc.char_span(begin, at, label=label))
    kept = [e for e in doc.ents if e.label_ != "PERSON"
            and not any(e.start < s.end and s.start < e.end for s in spans)]
    doc.ents = sorted(kept + [Span(doc, s.start, s.end, label=label) for s in spans],
                      key=lambda e: e.start)
    return extract(doc, Document(id="t", text=text))


def extract_as_txt(nlp, text: str):
    """Extraction of `text` read as `kg build` reads a .txt file (title line, date line)."""
    from kg.documents import text_document
    from kg.nlp.extract import extract

    return extract(nlp(text), text_document(text, "t", "t.txt"))


def agreement_objects(ex, *predicates: str) -> dict[str, tuple[set[str], ...]]:
    """{agreement name: (objects of each predicate, in the order given)}."""

    def objects(key: str, predicate: str) -> set[str]:
        return {f.object for f, _ in ex.facts if f.subject == key and f.predicate == predicate}

    return {e.name: tuple(objects(k, p) for p in predicates)
            for k, e in ex.entities.items() if e.kind == model.AGREEMENT}


def coded(ex) -> list[tuple[str, set[str], set[str]]]:
    """(type, actor states, target states) of each event, in text order."""
    out = []
    for e in sorted(ex.events, key=lambda e: e.begin):
        roles = [p for p in ex.participants if p.event == e.key]
        out.append((e.type, {p.state for p in roles if p.role == model.ACTOR},
                    {p.state for p in roles if p.role == model.TARGET}))
    return out


def kinds(ex) -> list[str]:
    """The type of each event, in text order."""
    return [kind for kind, _, _ in coded(ex)]
