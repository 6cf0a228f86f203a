"""Small readers over a DocumentExtraction, shared by the extraction tests."""
from __future__ import annotations


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
