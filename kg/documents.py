"""Readers: text, Markdown, HTML and JSONL files, folders and standard input → `Document`.

Offsets. `Document.text` is the input with three normalisations, made once, here: a UTF-8
byte-order mark is dropped, CRLF line ends become LF, and each character XML 1.0 forbids (NUL, form
feed, ESC, U+FFFE, …; kg.xml_chars) becomes a space, in metadata too. Every offset the
pipeline makes indexes `Document.text`, and `Document.text` is what the exporters write, so
offsets and exported text always agree (they would not with the raw bytes of a CRLF file).

Inputs. A `.txt`, `.md`, `.html` or `.htm` file is one article; its id is the file's stem, or,
inside a folder, its path relative to the folder without the extension ("2020/baku"), so two
`a.txt` in different folders differ. `.txt` and `.md` may open with front matter; a `.txt` file's
first line may be its title; Markdown is read as text without markup; an HTML page's article text
is extracted (kg.document_formats). A `.jsonl` file holds one article a line (`text` required;
`id`, `title`, `date`, `source`, `url` optional; blank lines skipped); an article with no `id` gets
"{stem or relative path}-{line number}". A folder is read recursively (the extensions above;
hidden files and folders skipped) in order of relative path. `-` is standard input, one text
article with id "stdin". Ids repeated across inputs get "-2", "-3", … in reading order.

Datelines (kg.datelines) give `dateline_place`, `body_start` and possibly a date. A dateline
opens the text, or the line after its title; a date alone on the line after the title (a
release's "Readout of …⏎May 31, 2022") dates the document too.

Language. kg's rules and model read English: a document that looks like another language
(kg.language) is skipped, as an unreadable input is, unless the caller reads every document as
English (`language="en"`).
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterator, Sequence, Union

from kg.datelines import after_bylines, date_line, document_date, find_dateline
from kg.document_formats import Fields, html_article, markdown_text, split_front_matter, title_line
from kg.errors import InputError
from kg.json_rows import unencodable_at
from kg.language import ENGLISH, foreign_language
from kg.model import Document
from kg.xml_chars import xml_safe, xml_safe_data

SUPPORTED = (".txt", ".md", ".html", ".htm", ".jsonl")
_MARKDOWN = frozenset({".md"})
_HTML = frozenset({".html", ".htm"})
STDIN = "-"
_STDIN_NAME = "<stdin>"
_SNIFF = 8192                  # bytes inspected for binary content
_CONTROL_RATIO = 0.1           # more control characters than this in the sniffed bytes: binary
_BOM = b"\xef\xbb\xbf"
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v")
_OPTIONAL_FIELDS = ("title", "source", "url")
# What the readers yield: a document and where it was read (a file, or a file's line), or the
# error that kept one from being read.
_Read = Union[tuple[Document, str], InputError]


def read_documents(paths: Sequence[str], *, strict: bool = False,
                   on_skip: Callable[[InputError], None] | None = None,
                   language: str | None = None) -> Iterator[Document]:
    """Documents from files, folders, JSONL files and `-` (standard input), in order.

    An input that cannot be read (a missing path, an empty or binary file, a malformed JSONL
    line, …), or that looks like another language than English while `language` is None,
    raises `InputError` when `strict`; otherwise it is passed to `on_skip` and skipped, and the
    caller decides whether reading nothing at all is an error. `language="en"` reads every
    document as English.
    """
    if language not in (None, ENGLISH):
        raise ValueError(f"language must be None or {ENGLISH!r}, not {language!r}")
    seen: set[str] = set()
    for path in paths:
        for read in _read_path(path):
            if isinstance(read, InputError):
                item: Document | InputError = read
            else:
                document, where = read
                item = (language_skip(document, where) if language != ENGLISH else None) \
                    or document
            if isinstance(item, InputError):
                if strict:
                    raise item
                if on_skip is not None:
                    on_skip(item)
                continue
            yield replace(item, id=_unique_id(item.id, seen))


def language_skip(document: Document, where: str) -> InputError | None:
    """The error that skips `document` (read from `where`) when it looks like another language
    than English; None when it does not."""
    found = foreign_language(document.text)
    if found is None:
        return None
    code, name = found
    return InputError(f"{where}: language looks like {name} ({code}); use --lang en to build it "
                      f"anyway")


def _unique_id(wanted: str, seen: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in seen:
        candidate, n = f"{wanted}-{n}", n + 1
    seen.add(candidate)
    return candidate


# --- paths ---------------------------------------------------------------------------------------

def _read_path(path: str) -> Iterator[_Read]:
    if path == STDIN:
        yield from _guard(_read_stdin, _STDIN_NAME)
        return
    p = Path(path)
    if p.is_dir():
        yield from _read_folder(p, path)
    elif not p.exists():
        yield InputError(f"no such file or folder: {path}")
    elif p.suffix.lower() not in SUPPORTED:
        yield InputError(f"{path}: unsupported file type '{p.suffix or p.name}' (kg reads .txt, "
                         f".md, .html, .htm and .jsonl files, folders of them, and - for "
                         f"standard input)")
    else:
        yield from _read_file(p, path, p.stem)


def _read_folder(folder: Path, shown: str) -> Iterator[_Read]:
    unreadable: list[OSError] = []
    files = _folder_files(folder, unreadable)
    for exc in unreadable:   # skipped (or, with --strict, fatal) like an unreadable file
        yield InputError(f"{exc.filename or shown}: cannot read this folder "
                         f"({exc.strerror or exc}); the files in it are not built")
    if not files and not unreadable:
        yield InputError(f"{shown}: no .txt, .md, .html, .htm or .jsonl files in this folder")
    for relative, full in files:
        yield from _read_file(full, str(full), relative[: -len(full.suffix)])


def _folder_files(folder: Path, unreadable: list[OSError] | None = None
                  ) -> list[tuple[str, Path]]:
    """(relative POSIX path, path) of the readable files below `folder`, sorted: the same folder
    gives the same documents in the same order on every machine. Folders that cannot be listed
    are appended to `unreadable` (os.walk would pass over them in silence)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable.append
                                                if unreadable is not None else None):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED:
                continue
            full = Path(dirpath) / name
            found.append((full.relative_to(folder).as_posix(), full))
    return sorted(found, key=lambda f: f[0])


def _read_file(path: Path, shown: str, base_id: str) -> Iterator[_Read]:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, shown, base_id)
    elif suffix in _HTML:
        yield from _guard(lambda: _html_document(_read_bytes(path, shown), shown, base_id), shown)
    else:
        yield from _guard(lambda: _text_document(_read_bytes(path, shown), shown, base_id,
                                                 markdown=suffix in _MARKDOWN), shown)


def _guard(read: Callable[[], Document], where: str) -> Iterator[_Read]:
    try:
        yield read(), where
    except InputError as error:
        yield error


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown}: cannot read ({exc.strerror or exc})") from None


# --- text, Markdown, HTML ------------------------------------------------------------------------

def text_document(text: str, doc_id: str, shown: str) -> Document:
    """An article held in memory, read exactly as a `.txt` file holding `text` would be (BOM,
    line ends, front matter, title line, dateline); `shown` names it in messages. `kg eval`
    reads gold texts with it."""
    return _text_document(text.encode("utf-8", "surrogatepass"), shown, doc_id)


def _read_stdin() -> Document:
    if sys.stdin is None or sys.stdin.closed:   # `kg build - <&-`: Python then has no stdin
        raise InputError(f"{_STDIN_NAME}: standard input is closed; pipe an article into "
                         f"kg build -, or name the files to build")
    buffer = getattr(sys.stdin, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else sys.stdin.read().encode("utf-8")
    except OSError as exc:
        raise InputError(f"{_STDIN_NAME}: cannot read ({exc.strerror or exc})") from None
    except UnicodeError as exc:   # a text-only stdin (no .buffer) that is not UTF-8
        raise InputError(f"{_STDIN_NAME}: not UTF-8 ({exc.reason}); pipe UTF-8 text") from None
    return _text_document(data, _STDIN_NAME, "stdin")


def _text_document(data: bytes, shown: str, doc_id: str, markdown: bool = False) -> Document:
    """A `.txt` (or, with `markdown`, `.md`) article: front matter, then the title, which is a
    `.txt` file's first line when that reads as one, and a Markdown file's first `# Heading`."""
    skipped = len(_BOM) if data.startswith(_BOM) else 0
    data = data[skipped:]
    if not data:
        raise InputError(f"{shown}: empty file")
    _check_not_binary(data[:_SNIFF], shown)
    text = _decode(data, shown, skipped)
    if not text.strip():
        raise InputError(f"{shown}: contains only whitespace")
    given, text = split_front_matter(_normalise(text), shown, iso_date)
    if markdown:
        text, heading = markdown_text(text)
        found = (heading, text.index("\n")) if heading else None
    else:
        found = _title_line(text)
    if not text.strip():
        raise InputError(f"{shown}: no text after the front matter")
    title, title_end = found if found else (None, 0)
    return _build_document(doc_id, text, path=shown, fields=given.over(Fields(title=title)),
                           title_end=title_end)


def _html_document(data: bytes, shown: str, doc_id: str) -> Document:
    """An HTML page's article. Its text usually opens with the headline: a first line that reads
    as a title is one, as in a `.txt` file, and a dateline may follow it; the page's own title,
    where it gives one, names the document."""
    if not data.strip():
        raise InputError(f"{shown}: empty file")
    _check_not_binary(data[:_SNIFF], shown)
    text, given = html_article(data, shown, iso_date)
    title, title_end = _title_line(text) or (None, 0)
    return _build_document(doc_id, text, path=shown, fields=given.over(Fields(title=title)),
                           title_end=title_end)


def _title_line(text: str) -> tuple[str, int] | None:
    """The title line opening `text` (kg.document_formats.title_line), unless it is a dateline."""
    return None if find_dateline(text) else title_line(text)


def _check_not_binary(sample: bytes, shown: str) -> None:
    nul = sample.find(b"\0")
    if nul >= 0:
        raise InputError(f"{shown}: looks like a binary file (NUL byte at offset {nul}); "
                         f"kg reads UTF-8 text")
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    if sample and controls / len(sample) > _CONTROL_RATIO:
        raise InputError(f"{shown}: looks like a binary file ({controls} control characters in "
                         f"the first {len(sample)} bytes); kg reads UTF-8 text")


def _decode(data: bytes, where: str, offset: int) -> str:
    """UTF-8 text; `offset` is where `data` starts in its file, so the message points into it."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{where}: not UTF-8 (byte 0x{data[exc.start]:02x} at byte offset "
                         f"{offset + exc.start}); save the file as UTF-8") from None


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n")


# --- JSONL ---------------------------------------------------------------------------------------

def _read_jsonl(path: Path, shown: str, base_id: str) -> Iterator[_Read]:
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF)
            handle.seek(0)
            if not head.strip():
                yield InputError(f"{shown}: no articles (the file is empty or blank)")
                return
            _check_not_binary(head, shown)
            yield from _jsonl_lines(handle, shown, base_id)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(f"{shown}: cannot read ({exc.strerror or exc})")


def _jsonl_lines(lines: Iterator[bytes], shown: str, base_id: str) -> Iterator[_Read]:
    offset = 0
    for number, raw in enumerate(lines, 1):
        start, offset = offset, offset + len(raw)
        if number == 1 and raw.startswith(_BOM):
            raw, start = raw[len(_BOM):], start + len(_BOM)
        if not raw.strip():
            continue
        where = f"{shown} line {number}"
        try:
            record = _parse_json_line(raw, where, start)
            yield _record_document(record, where, f"{base_id}-{number}", shown), where
        except InputError as error:
            yield error


def _parse_json_line(raw: bytes, where: str, offset: int) -> object:
    line = _decode(raw, where, offset)
    try:
        return json.loads(line, parse_int=lambda digits: _json_int(digits, where))
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:   # Python's parser recurses once per level of [ or {
        raise InputError(f"{where}: JSON nested too deeply (an article is one flat object)"
                         ) from None


def _json_int(digits: str, where: str) -> int:
    try:
        return int(digits)
    except ValueError:   # Python refuses to convert more than 4,300 digits (CVE-2020-10735)
        raise InputError(f"{where}: a number of {len(digits.lstrip('-'))} digits is too long; "
                         f"write a long id as a string") from None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _record_document(record: object, where: str, default_id: str, shown: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(f'{where}: expected a JSON object with a "text" field, '
                         f"got {_json_type(record)}")
    text = record.get("text")
    if text is None:
        raise InputError(f'{where}: no "text" field (each line needs the article as "text")')
    if not isinstance(text, str):
        raise InputError(f'{where}: "text" must be a string, not {_json_type(text)}')
    if not text.strip():
        raise InputError(f'{where}: "text" is empty')
    _check_encodable(text, "text", where)
    given = Fields(date=_record_date(record, where),
                   **{name: _optional_string(record, name, where) for name in _OPTIONAL_FIELDS})
    return _build_document(_record_id(record, where, default_id), _normalise(text), path=shown,
                           fields=given)


def _optional_string(record: dict, name: str, where: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise InputError(f'{where}: "{name}" must be a string, not {_json_type(value)}')
    if value:
        _check_encodable(value, name, where)
    return value or None


def _check_encodable(value: str, name: str, where: str) -> None:
    """JSON's \\ud800 escapes give strings UTF-8 cannot encode (a lone surrogate, half of a
    character), which no export could hold."""
    at = unencodable_at(value)
    if at is not None:
        raise InputError(f'{where}: "{name}" holds a lone surrogate '
                         f"(\\u{ord(value[at]):04x} at character {at}), half of a "
                         f"character that UTF-8 cannot encode; fix the escape")


def _record_id(record: dict, where: str, default: str) -> str:
    value = record.get("id")
    if value is None:
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f'{where}: "id" must be a non-empty string, not {_json_type(value)}')
    _check_encodable(value, "id", where)
    return value


def _record_date(record: dict, where: str) -> str | None:
    value = _optional_string(record, "date", where)
    if value is None:
        return None
    iso = iso_date(value)
    if iso is None:
        raise InputError(f'{where}: "date" is not an ISO 8601 date: {value!r} '
                         f"(use YYYY-MM-DD, YYYY-MM or YYYY)")
    return iso


def iso_date(value: str) -> str | None:
    """A metadata date at its precision ("2020", "2020-11", "2020-11-10"); a timestamp
    ("2020-11-10T08:15:00Z") keeps its calendar date. None when it is not ISO 8601."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return value
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return value if 1 <= int(value[5:]) <= 12 else None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].+", value):
            return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        return None
    return None


def _build_document(doc_id: str, text: str, *, path: str, fields: Fields = Fields(),
                    title_end: int = 0) -> Document:
    """The document of `text`, whose title line (if any) ends at `title_end`. The article proper
    starts after a dateline, or else after the title line (and the bylines under it). Characters
    XML 1.0 forbids become spaces, one for one (kg.xml_chars)."""
    text, doc_id, fields = xml_safe(text), xml_safe(doc_id), xml_safe_data(fields)
    head_end = after_bylines(text, title_end) if title_end else 0
    dateline = find_dateline(text, head_end)
    if dateline is None:
        rest = text[head_end:]
        body_start = head_end + len(rest) - len(rest.lstrip()) if head_end else 0
        # a release's date alone under its title ("Readout of …⏎May 31, 2022")
        date = document_date(fields.date, date_line(text, head_end)) if head_end else fields.date
        return Document(doc_id, text, title=fields.title, date=date,
                        source=fields.source, url=fields.url, body_start=body_start, path=path)
    return Document(doc_id, text, title=fields.title, date=document_date(fields.date,
                                                                         dateline.date),
                    source=fields.source, url=fields.url, dateline_place=dateline.place,
                    body_start=dateline.body_start, path=path)
