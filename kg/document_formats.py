"""What a saved article says about itself, by format: front matter, a title line, Markdown, HTML.

Each function turns a file's content into the text kg stores (`Document.text`, which every offset
indexes) and the fields the file gives (`Fields`). kg.documents decides which applies to a file.

- Front matter (`.txt`, `.md`): a block that opens the file between two lines `---`, of
  `key: value` lines. `title`, `date`, `source` and `url` set the document's fields; other keys
  are ignored. It is not part of the stored text. It is read line by line, not as YAML: nothing
  in it is ever evaluated, and no YAML library is needed.
- A title line (`.txt`, and the text of an HTML page): the first line is the title when it is no
  dateline, is short, does not end as a sentence does, and text follows it. It stays in the
  stored text.
- Markdown: the text of its blocks, one paragraph each, without markup, link targets, images and
  raw HTML. A first level-1 heading is the title (and the stored text's first line).
- HTML: the article's text, title, date, site name and canonical URL, found by trafilatura in
  the page as given (the page's title wins over the text's title line). Nothing is fetched: the page is parsed here and trafilatura is handed the
  parsed tree, never a string it could take for a URL.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, fields, replace
from typing import Callable

from kg.errors import InputError
from kg.datelines import wrapped_line

FRONT_MATTER_FIELDS = ("title", "date", "source", "url")
_FENCE = "---"
_KEY_VALUE = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(?P<value>.*))?[ \t]*$")
_TITLE_MAX = 300               # characters (releases title whole sentences); longer is a paragraph
_SENTENCE_END = (".", ",", ";", ":")   # a title ends otherwise ("?" and "!" do end headlines)


@dataclass(frozen=True)
class Fields:
    """The fields a file gives about its article; `None` where it gives none."""

    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None

    def over(self, other: Fields) -> Fields:
        """These fields, with `other`'s where these have none."""
        return replace(self, **{f.name: getattr(self, f.name) or getattr(other, f.name)
                                for f in fields(self)})


# --- front matter --------------------------------------------------------------------------------

def split_front_matter(text: str, shown: str, check_date: Callable[[str], str | None]
                       ) -> tuple[Fields, str]:
    """(fields of the front matter, the text after it). `text` without front matter comes back
    whole. `check_date` turns a date into ISO 8601, or None when it is not one."""
    lines = text.split("\n")
    if lines[0].rstrip() != _FENCE:
        return Fields(), text
    try:
        close = next(i for i in range(1, len(lines)) if lines[i].rstrip() == _FENCE)
    except StopIteration:
        raise InputError(f"{shown} line 1: front matter opened with '---' is never closed by a "
                         f"line '---'") from None
    values: dict[str, str | None] = {}
    for number, line in enumerate(lines[1:close], 2):
        key, value = _front_matter_line(line, f"{shown} line {number}")
        if key in FRONT_MATTER_FIELDS:
            values[key] = value
            if key == "date" and value is not None:
                values[key] = check_date(value)
                if values[key] is None:
                    raise InputError(f'{shown} line {number}: front matter "date" is not an ISO '
                                     f"8601 date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    body = "\n".join(lines[close + 1:]).lstrip("\n")
    return Fields(**values), body


def _front_matter_line(line: str, where: str) -> tuple[str | None, str | None]:
    """(key, value) of a `key: value` line; (None, None) for a blank line, a comment, or a line
    that continues a value of another key (indented, or a `- item`)."""
    if not line.strip() or line.lstrip().startswith("#") or line[:1] in " \t" \
            or line.startswith("- "):
        return None, None
    m = _KEY_VALUE.match(line)
    if m is None:
        raise InputError(f"{where}: front matter line is not 'key: value': {line.strip()!r}")
    return m["key"].lower(), _unquote(m["value"])


def _unquote(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value.strip() or None


# --- a title line --------------------------------------------------------------------------------

def title_line(text: str) -> tuple[str, int] | None:
    """(title, end offset of its line) when the first non-blank line of `text` reads as a title:
    at most 300 characters, not ending as a sentence does, and followed by more text. The
    caller rules out datelines first."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return None
    line = text[start:end].strip()
    if not line or len(line) > _TITLE_MAX or line.endswith(_SENTENCE_END) \
            or wrapped_line(line, text[end + 1:]):
        return None
    return line, end


# --- Markdown ------------------------------------------------------------------------------------

def markdown_text(source: str) -> tuple[str, str | None]:
    """(the text of a Markdown document, its title: a first level-1 heading). Blocks (headings,
    paragraphs, list items, quotes, code) become paragraphs separated by a blank line; inline
    markup, link targets, images and raw HTML are dropped, link texts kept."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(source)
    blocks: list[str] = []
    title = None
    for i, token in enumerate(tokens):
        if token.type == "inline":
            text = _inline_text(token.children or [])
            if i > 0 and tokens[i - 1].type == "heading_open" and tokens[i - 1].tag == "h1" \
                    and not blocks and text:
                title = text
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
        else:
            continue
        if text.strip():
            blocks.append(text.strip())
    return "\n\n".join(blocks) + ("\n" if blocks else ""), title


def _inline_text(children: list) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)


# --- HTML ----------------------------------------------------------------------------------------

def _quiet_loggers() -> None:
    """trafilatura and htmldate log what they find odd in a page; kg reports problems itself, so
    their records go nowhere unless the caller has set up logging (Python's last-resort handler
    would print them on stderr, between kg's own lines)."""
    for name in ("trafilatura", "htmldate", "courlan"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())


def html_article(data: bytes, shown: str, check_date: Callable[[str], str | None]
                 ) -> tuple[str, Fields]:
    """(the article text of an HTML page, the title, date, site name and canonical URL the page
    gives). Paragraphs are separated by a blank line. Raises InputError when the content is not
    HTML or holds no article text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    _quiet_loggers()
    tree = load_html(data)      # parses only: a page is never fetched, whatever it says
    if tree is None:
        raise InputError(f"{shown}: does not look like HTML (kg reads .html pages as saved by a "
                         f"browser)")
    found = bare_extraction(tree, with_metadata=True, include_comments=False,
                            include_tables=False, include_images=False, include_links=False,
                            date_extraction_params={"extensive_search": False,
                                                    "original_date": True})
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise InputError(f"{shown}: no article text found in this page")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    date = getattr(found, "date", None)
    return "\n\n".join(paragraphs) + "\n", Fields(
        title=getattr(found, "title", None) or None,
        date=check_date(date) if date else None,
        source=getattr(found, "sitename", None) or None,
        url=getattr(found, "url", None) or None)
