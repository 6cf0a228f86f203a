"""Titles of office in text: "Foreign Minister", "Deputy Prime Minister", "Secretaries of State"
(kg/data/titles.csv, with modifiers such as "Deputy" in front and plurals of several holders).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.data import tables

TITLE_MODIFIERS = {"deputy", "vice", "acting", "first", "former", "interim", "chief", "senior",
                   "special", "permanent", "prime"}


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    text: str
    record: tables.TitleRecord
    plural: bool = False   # "Foreign Ministers X and Y": each name holds the post


@lru_cache(maxsize=1)
def _title_index() -> dict[tuple[str, ...], tables.TitleRecord]:
    index: dict[tuple[str, ...], tables.TitleRecord] = {}
    for record in tables.load_titles():
        index[tuple(record.title.lower().replace("-", " - ").split())] = record
    for record in tables.load_titles():   # "Secretary General" is how many write "Secretary-General"
        if "-" in record.title:
            index.setdefault(tuple(record.title.lower().replace("-", " ").split()), record)
    return index


@lru_cache(maxsize=1)
def title_head_words() -> frozenset[str]:
    """The last word of every title ("secretary" of "Northern Ireland Secretary"): a word that
    ends no title ends none of the titles title_at finds either."""
    return frozenset(words[-1] for words in _title_index())


@lru_cache(maxsize=1)
def civilian_title_heads() -> frozenset[str]:
    """The last words of titles held outside armed forces ("minister", "spokesman"): their
    holders act in words and decrees, not with arms."""
    return frozenset(words[-1] for words, record in _title_index().items()
                     if record.kind != "military")


@lru_cache(maxsize=1)
def longest_title() -> int:
    return max((len(k) for k in _title_index()), default=1)


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, tuple[tuple[tuple[str, ...], tables.TitleRecord], ...]]:
    """Titles by their first word, longest first: title_at runs on every token of a document,
    and most tokens start no title."""
    grouped: dict[str, list[tuple[tuple[str, ...], tables.TitleRecord]]] = {}
    for words, record in _title_index().items():
        grouped.setdefault(words[0], []).append((words, record))
    return {first: tuple(sorted(titles, key=lambda t: (-len(t[0]), t[0])))
            for first, titles in grouped.items()}


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "sh", "ch", "x")) else "s")


def _head_index(words: tuple[str, ...]) -> int:
    """Where a title takes its plural: "Secretaries of State", "Foreign Ministers"."""
    return words.index("of") - 1 if "of" in words[1:] else len(words) - 1


@lru_cache(maxsize=1)
def _plural_titles() -> dict[str, tuple[tuple[tuple[str, ...], tables.TitleRecord], ...]]:
    """Titles that start with their head word, by its plural: "secretaries" of "Secretary of
    State", "ministers" of "Minister" (title_at takes a one-word plural only after a modifier:
    "Prime Ministers", not "Ministers", which names no one post)."""
    plurals: dict[str, list[tuple[tuple[str, ...], tables.TitleRecord]]] = {}
    for first, titles in _titles_by_first_word().items():
        for words, record in titles:
            if _head_index(words) == 0:
                plurals.setdefault(_plural(first), []).append((words, record))
    return {plural: tuple(titles) for plural, titles in plurals.items()}


def _matches(doc, i: int, words: tuple[str, ...], modified: bool) -> tuple[bool, bool]:
    """(the title's words are at token i, its head word is in the plural there). A one-word
    title is taken in the plural only after a modifier (`modified`)."""
    head, plural = _head_index(words), False
    for k, word in enumerate(words):
        lower = doc[i + k].lower_
        if lower != word:
            if k != head or (len(words) == 1 and not modified) or lower != _plural(word):
                return False, False
            plural = True
    return True, plural


def title_at(doc, i: int, end_limit: int, plural_ok: bool = False) -> Title | None:
    """The longest title starting at token i (with modifiers such as "Deputy" in front); a
    title of several words may be in the plural ("Foreign Ministers Berg and Okafor"): each
    holder holds the singular post. A one-word title is taken in the plural after a modifier,
    or where the caller knows names follow (`plural_ok`: "Presidents X and Y")."""
    start = i
    while i < end_limit and doc[i].lower_ in TITLE_MODIFIERS and \
            (doc[i].lower_, ) not in _title_index():
        i += 1
    if i >= end_limit:
        return None
    first = doc[i].lower_
    for words, record in _titles_by_first_word().get(first) or _plural_titles().get(first, ()):
        n = len(words)
        if i + n > end_limit:
            continue
        found, plural = _matches(doc, i, words, i > start or plural_ok)
        if found:
            end = i + n
            if record.org_kind == "ministry" and not record.portfolio and not plural:
                end += _portfolio_after(doc, end, end_limit)   # "Minister of Economic Affairs"
            text = doc[start:i].text_with_ws + record.title if plural else doc[start:end].text
            return Title(start, end, text, record, plural)
    return None


def _portfolio_after(doc, i: int, end_limit: int) -> int:
    """How many tokens from i are "of" and a portfolio of our table ("of Economic Affairs",
    "of Health"): they name the minister's post. 0 when there is none."""
    if i >= end_limit or doc[i].lower_ != "of":
        return 0
    for variant in _portfolio_phrases():
        n = len(variant)
        if i + 1 + n <= end_limit and tuple(t.lower_ for t in doc[i + 1:i + 1 + n]) == variant:
            return 1 + n
    return 0


@lru_cache(maxsize=1)
def _portfolio_phrases() -> tuple[tuple[str, ...], ...]:
    """Every portfolio's name and variants as lower-case words, longest first."""
    phrases = {tuple(v.lower().split()) for p in tables.load_portfolios()
               for v in (p.name, *p.variants)}
    return tuple(sorted(phrases, key=lambda words: (-len(words), words)))


def title_ending_at(doc, end: int, back: int = 3) -> Title | None:
    """A title whose last word is token end - 1, starting at most `back` tokens before `end`."""
    for start in range(max(0, end - back), end):
        title = title_at(doc, start, end)
        if title is not None and title.end == end:
            return title
    return None


def abbreviation_start(doc, end: int) -> int:
    """Where a bracketed abbreviation ending at token `end` starts ("Director of National
    Intelligence (DNI) X": the "(DNI)" before X), else `end`: a title's abbreviation stands
    between the title and the name it gives a post."""
    if 3 <= end <= len(doc) and doc[end - 1].text == ")" and doc[end - 3].text == "(" and \
            doc[end - 2].text.isupper() and doc[end - 2].is_alpha and len(doc[end - 2]) >= 2:
        return end - 3
    return end
