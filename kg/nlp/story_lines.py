"""Lines of a document that are not the story's sentences: its headline, bylines and credits,
and the sidebars pages leave in copied text; and the lines that are the story's paragraphs.

- A headline (the first line, when more lines follow and it does not end a sentence) names
  people and places in short: "Minister Okafor Meets Tanaka" names them fully in the body. In
  Title Case every word is capitalised, so the NER runs names into the words after them
  ("Okafor Meets"); a name from such a line counts where the body confirms it.
- Bylines and credits ("By Jane Smith, Reuters", "(Reporting by Tom Bell; Editing by Ann Lee)")
  name journalists, not people of the story.
- Sidebars ("Related: ...", "Read more ...", "Share this article") are other stories' titles
  and page furniture.
- Paragraphs are the lines of some words after the title and date line (kg/nlp/agreement_time.py
  reads the day's news from the first ones).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.datelines import BYLINE, wrapped_line

# Credits inside or after the story: "Reporting by X; Editing by Y", "Photo by X"
_CREDIT = re.compile(r"(?:^\s*|\()(?i:(?:additional\s+)?(?:reporting|writing|editing|edited|written|"
                     r"compiled|photos?|photographs?|images?|video)\s+by)\s+[A-Z]")
_SIDEBAR = re.compile(r"^\s*(?:related(?:\s+(?:coverage|stories|articles?|news))?\s*:|"
                      r"read\s+(?:more|also|next)\b|see\s+also\b|share\s+(?:this|on)\b|"
                      r"sign\s+up\b|follow\s+us\b|subscribe\b|advertisement\b|click\s+here\b|"
                      r"most\s+(?:read|popular)\b|recommended\b)", re.IGNORECASE)
_MAX_HEADLINE_WORDS = 25
_MIN_PARAGRAPH_WORDS = 8  # fewer: a date line, byline or heading, no paragraph of the story


@dataclass(frozen=True)
class StoryLines:
    headline: tuple[int, int] | None        # token range of the headline
    title_case: bool                        # the headline capitalises (nearly) every word
    outside: tuple[tuple[int, int], ...]    # token ranges of bylines, credits and sidebars
    body_words: frozenset[str]              # capitalised words of the text after the headline
    paragraphs: tuple[tuple[int, int], ...] = ()   # character ranges of the story's paragraphs

    def in_headline(self, span: Span) -> bool:
        return self.headline is not None and self.headline[0] <= span.start < self.headline[1]

    def outside_story(self, span: Span) -> bool:
        return any(start <= span.start < end for start, end in self.outside)

    def confirmed(self, word: str) -> bool:
        """The word occurs capitalised after the headline."""
        return word in self.body_words

    def not_of_the_story(self, span: Span) -> bool:
        """A name in a byline or sidebar, or one the headline gives and the body never does
        ("Man" of "Man wears pet snake to court", "Third Round" of "Joint Statement on the Third
        Round of Talks")."""
        return self.outside_story(span) or self.in_headline(span) and \
            not any(self.confirmed(t.text) for t in span if t.is_alpha)


def story_lines(doc: Doc, story_start: int = 0) -> StoryLines:
    """The lines of `doc`; `story_start` is the character offset where the story starts, after
    its title and date line (Document.body_start)."""
    text = doc.text
    headline, title_case, after_headline = _headline(doc, text)
    outside = []
    offset = 0
    for line in text.splitlines(keepends=True):
        span = _outside_range(line)
        if span is not None:
            tokens = doc.char_span(offset + span[0], offset + span[1], alignment_mode="expand")
            if tokens is not None:
                outside.append((tokens.start, tokens.end))
        offset += len(line)
    body_words = frozenset(t.text for t in doc[after_headline:] if t.is_title or t.is_upper)
    return StoryLines(headline, title_case, tuple(outside), body_words,
                      _paragraphs(text, story_start))


def _paragraphs(text: str, start: int) -> tuple[tuple[int, int], ...]:
    """Character ranges of the lines of some words from `start` on."""
    found = []
    offset = start
    for line in text[start:].splitlines(keepends=True):
        if len(line.split()) >= _MIN_PARAGRAPH_WORDS:
            found.append((offset, offset + len(line)))
        offset += len(line)
    return tuple(found)


def _headline(doc: Doc, text: str) -> tuple[tuple[int, int] | None, bool, int]:
    first, _, rest = text.partition("\n")
    words = first.split()
    if not rest.strip() or not words or len(words) > _MAX_HEADLINE_WORDS \
            or first.rstrip().endswith((".", ":")) or _outside_range(first) is not None \
            or wrapped_line(first, rest):
        return None, False, 0
    span = doc.char_span(0, len(first.rstrip()), alignment_mode="expand")
    if span is None:
        return None, False, 0
    return (span.start, span.end), _is_title_case(words), span.end


def _is_title_case(words: list[str]) -> bool:
    """Nearly every longer word capitalised: "Leaders Agree New Border Talks in Geneva"."""
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    capitalised = [w for w in long_words if w[:1].isupper()]
    return len(long_words) >= 3 and len(capitalised) >= 0.75 * len(long_words)


def _outside_range(line: str) -> tuple[int, int] | None:
    """The character range of a line that is a byline, credit or sidebar, else None."""
    if BYLINE.match(line) or _SIDEBAR.match(line):
        return 0, len(line.rstrip())
    credit = _CREDIT.search(line)
    if credit is not None:   # to its closing bracket, or the line's end
        close = line.find(")", credit.end())
        return credit.start(), close + 1 if close >= 0 else len(line.rstrip())
    return None
