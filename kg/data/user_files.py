"""Reading the tables users give kg (`--gazetteer FILE`, `--events FILE`): the file's text and
its CSV rows, with every mistake one message naming the file and, where there is one, the line.

The caller names the kind of file (for messages) and the error class it raises, so a bad
gazetteer is a GazetteerError and a bad event table an EventTableError.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any, Iterator, Sequence

from kg.errors import KGError


def read_user_text(path: str | os.PathLike, what: str, error: type[KGError]) -> str:
    """The text of a user's file, UTF-8 (a byte order mark is dropped). `what` names the kind
    of file in messages ("gazetteer")."""
    label = str(path)
    try:
        data = Path(path).read_bytes()
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise error(f"{label}: no such {what} file") from None
    except IsADirectoryError:
        raise error(f"{label}: is a folder, not a {what} file") from None
    except OSError as exc:
        raise error(f"{label}: cannot read it ({exc.strerror or exc})") from None
    except UnicodeDecodeError as exc:
        raise error(f"{label} line {text_line(data, exc.start)}: not UTF-8 text") from None


def text_line(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def csv_rows(text: str, label: str, columns: Sequence[str], required: Sequence[str],
             ignored: Sequence[str], error: type[KGError]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, {column: stripped cell}) for each row under the header, blank lines skipped. The
    header names columns of `columns` (any order, `required` among them) or of `ignored`
    (columns a file may carry for its readers, which kg ignores); header names are folded to
    lower case."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            return
        names = [c.strip().lower() for c in header]
        for name in names:
            if name not in columns and name not in ignored:
                raise error(f"{label} line 1: unknown column {quote(name)} "
                            f"(expected {', '.join(columns)})")
        for name in required:
            if name not in names:
                raise error(f"{label} line 1: no {quote(name)} column "
                            f"(the header row names the columns: {', '.join(columns)})")
        if len(set(names)) != len(names):
            raise error(f"{label} line 1: a column is named twice")
        last = reader.line_num
        for cells in reader:
            line, last = last + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue   # blank lines are allowed
            if len(cells) > len(names):
                raise error(f"{label} line {line}: {len(cells)} cells, but the header "
                            f"names {len(names)} columns")
            yield line, {c: v.strip() for c, v in zip(names, cells)}
    except csv.Error as exc:
        raise error(f"{label} line {reader.line_num}: not CSV ({exc})") from None


def quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def rows_digest(file_format: int, rows: Sequence[dict[str, Any]]) -> str:
    """SHA-256 over what a user's rows say (in order, not where they were read from), for the
    cache key; "" for none, so that builds without the user's table keep one pipeline version.
    `file_format` is bumped when the meaning of a row changes."""
    if not rows:
        return ""
    data = json.dumps([file_format, *rows], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
