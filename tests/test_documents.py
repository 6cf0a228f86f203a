from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kg.documents import find_dateline, iso_date, read_documents, text_document
from kg.errors import InputError
from kg.model import Document


def read(*paths: Path | str, strict: bool = True) -> list[Document]:
    return list(read_documents([str(p) for p in paths], strict=strict))


def write_jsonl(path: Path, *records: object) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n",
                    encoding="utf-8")
    return path


def error_of(*paths: Path | str) -> str:
    with pytest.raises(InputError) as caught:
        read(*paths)
    return str(caught.value)


# --- reading ------------------------------------------------------------------------------------

def test_txt_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "ceasefire.txt"
    path.write_text("Armenia and Azerbaijan agreed a ceasefire.\n", encoding="utf-8")
    [doc] = read(path)
    assert doc == Document("ceasefire", "Armenia and Azerbaijan agreed a ceasefire.\n",
                           path=str(path))


def test_folder_is_read_recursively_in_relative_path_order(tmp_path: Path) -> None:
    # Written out of order: the order read must come from the names, not from the disk.
    for name in ("b/a.txt", "a.txt", "c.jsonl", "b/0.txt", ".hidden/x.txt", "notes.docx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "b" / "a.txt").write_text("The envoy arrived.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "The talks began."}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The minister spoke.", encoding="utf-8")
    (tmp_path / "b" / "0.txt").write_text("The council met.", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text("Not read.", encoding="utf-8")
    (tmp_path / "notes.docx").write_text("Not read either.", encoding="utf-8")
    assert [d.id for d in read(tmp_path)] == ["a", "b/0", "b/a", "c-1"]
    assert [d.id for d in read(tmp_path)] == [d.id for d in read(tmp_path)]


def test_jsonl_fields_default_ids_and_blank_lines(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "news.jsonl",
                       {"id": "a1", "text": "Baku hosted the talks.", "title": "Talks",
                        "date": "2020-11-10", "source": "Our Wire", "url": "https://example.org/1"},
                       "", {"text": "Yerevan replied."})
    first, second = read(path)
    assert (first.id, first.title, first.date, first.source, first.url) == (
        "a1", "Talks", "2020-11-10", "Our Wire", "https://example.org/1")
    assert (second.id, second.text, second.title, second.date) == (
        "news-3", "Yerevan replied.", None, None)
    assert first.path == str(path)


def test_duplicate_ids_get_numbered_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    jsonl = write_jsonl(tmp_path / "more.jsonl", {"id": "a", "text": "Two."},
                        {"id": "a", "text": "Three."}, {"id": "a-2", "text": "Four."})
    assert [d.id for d in read(tmp_path / "a.txt", jsonl)] == ["a", "a-2", "a-3", "a-2-2"]


def test_stdin_is_one_text_article(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "WASHINGTON (AP) — The envoy said.\r\n".encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    [doc] = read("-")
    assert (doc.id, doc.text, doc.dateline_place) == (
        "stdin", "WASHINGTON (AP) — The envoy said.\n", "Washington")


def test_bom_is_stripped_and_crlf_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfBAKU, Azerbaijan\r\n\r\nThe talks ended.\r\n")
    [doc] = read(path)
    assert doc.text == "BAKU, Azerbaijan\n\nThe talks ended.\n"
    assert doc.text[doc.body_start:] == "The talks ended.\n"
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(b'\xef\xbb\xbf{"text": "Line one.\\r\\nLine two."}\r\n')
    assert read(jsonl)[0].text == "Line one.\nLine two."


# --- errors -------------------------------------------------------------------------------------

def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert error_of(missing) == f"no such file or folder: {missing}"


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_text("Not an article.", encoding="utf-8")
    assert error_of(tmp_path) == (f"{tmp_path}: no .txt, .md, .html, .htm or .jsonl files in "
                                  f"this folder")


def test_unsupported_extension_lists_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    message = error_of(path)
    assert message.startswith(f"{path}: unsupported file type '.pdf'")
    assert ".txt" in message and ".jsonl" in message


@pytest.mark.parametrize("content, expected", [
    (b"", "empty file"),
    (b" \n\t\n", "contains only whitespace"),
    (b"The talks\x00 ended.", "looks like a binary file (NUL byte at offset 9)"),
    (bytes(range(1, 9)) * 20 + b"text", "looks like a binary file (160 control characters"),
    (b"Caf\xe9 talks", "not UTF-8 (byte 0xe9 at byte offset 3)"),
])
def test_unreadable_txt(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert error_of(path).startswith(f"{path}: {expected}")


@pytest.mark.parametrize("line, expected", [
    ('{"text": "The talks" "ended"}', "not valid JSON (Expecting ',' delimiter at column 22)"),
    ('["The talks ended."]', 'expected a JSON object with a "text" field, got an array'),
    ('{"title": "Talks"}', 'no "text" field'),
    ('{"text": 42}', '"text" must be a string, not a number'),
    ('{"text": "  "}', '"text" is empty'),
    ('{"text": "The talks ended.", "date": "Nov 10, 2020"}',
     "\"date\" is not an ISO 8601 date: 'Nov 10, 2020' (use YYYY-MM-DD, YYYY-MM or YYYY)"),
    ('{"text": "The talks ended.", "date": "2020-02-30"}', '"date" is not an ISO 8601 date'),
    ('{"text": "The talks ended.", "title": 7}', '"title" must be a string, not a number'),
])
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, expected: str) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", {"text": "The envoy arrived."}, "", line)
    assert error_of(path).startswith(f"{path} line 3: {expected}")


def test_jsonl_not_utf8_gives_line_and_file_offset(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "Caf\xe9"}\n')
    assert error_of(path) == (f"{path} line 2: not UTF-8 (byte 0xe9 at byte offset 28); "
                              f"save the file as UTF-8")


def test_blank_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert error_of(path).startswith(f"{path}: no articles")


def test_non_strict_reports_and_skips(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("The envoy arrived.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    jsonl = write_jsonl(tmp_path / "news.jsonl", "{not json", {"text": "The talks ended."})
    skipped: list[InputError] = []
    docs = list(read_documents([str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"),
                                str(jsonl), str(good)], on_skip=skipped.append))
    assert [d.id for d in docs] == ["news-2", "good"]
    assert [str(e).split(":")[0] for e in skipped] == [
        "no such file or folder", str(tmp_path / "empty.txt"), f"{jsonl} line 1"]


def test_strict_raises_on_first_bad_input(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read(tmp_path / "empty.txt", strict=True)


# --- datelines and dates ------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, body", [
    ("BAKU, Azerbaijan\n\nThe foreign ministers met.", "Baku", "The foreign ministers met."),
    ("MOSCOW, Nov 10 (Reuters) - Russia said the deal holds.", "Moscow",
     "Russia said the deal holds."),
    ("WASHINGTON (AP) — The envoy left.", "Washington", "The envoy left."),
    ("KYIV, Ukraine, March 3, 2022 — Talks began.", "Kyiv", "Talks began."),
    ("UNITED NATIONS, Sept 20 (Reuters) -\nThe council met.", "United Nations",
     "The council met."),
    ("DAR ES SALAAM, Tanzania -- The summit opened.", "Dar es Salaam", "The summit opened."),
])
def test_datelines(tmp_path: Path, text: str, place: str, body: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    [doc] = read(path)
    assert doc.dateline_place == place
    assert doc.text[doc.body_start:] == body


@pytest.mark.parametrize("text", [
    "Armenia aims to sign the treaty.\nMore text.",
    "ARMENIA AND AZERBAIJAN SIGN PEACE DEAL IN WASHINGTON\nThe leaders met.",
    "PEACE DEAL SIGNED\nThe leaders met.",
    "NATO, Russia clash over missiles\nThe alliance said.",
    "U.S. officials said on Tuesday that talks would resume.",
    "BREAKING: The talks collapsed.",
])
def test_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_date_with_year_is_the_document_date(tmp_path: Path) -> None:
    path = tmp_path / "kyiv.txt"
    path.write_text("KYIV, Ukraine, March 3, 2022 — Talks began.", encoding="utf-8")
    assert read(path)[0].date == "2022-03-03"


@pytest.mark.parametrize("text, expected", [
    # a date line may open with its place
    ("Joint Statement of the Foreign Ministers of Chile and Peru\nLima, 21 January 2024\n\n"
     "The ministers met today in Lima.\n", "2024-01-21"),
    # or be an ISO date
    ("President Holds Talks with the President of Chile\n2023-04-14\n\n"
     "On the afternoon of April 14, the two presidents held talks.\n", "2023-04-14"),
])
def test_a_date_line_under_the_title_dates_the_release(text: str, expected: str) -> None:
    assert text_document(text, "t", "t.txt").date == expected


def test_year_less_dateline_date_is_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "moscow.txt"
    path.write_text("MOSCOW, Nov 10 (Reuters) - Russia said.", encoding="utf-8")
    assert read(path)[0].date is None


@pytest.mark.parametrize("metadata, expected", [
    ("2020-11-11", "2020-11-11"),   # metadata first
    ("2020", "2020-11-10"),         # the dateline refines a year with its month and day
    ("2020-11", "2020-11-10"),
    ("2020-12", "2020-12"),         # disagreeing month: metadata wins
    (None, None),                   # a year-less dateline alone gives no date
])
def test_date_precedence(tmp_path: Path, metadata: str | None, expected: str | None) -> None:
    record = {"text": "MOSCOW, Nov 10 (Reuters) - Russia said.", "date": metadata}
    [doc] = read(write_jsonl(tmp_path / "wire.jsonl", record))
    assert doc.date == expected
    assert doc.dateline_place == "Moscow" and doc.text[doc.body_start:] == "Russia said."


def test_metadata_date_beats_dateline_year(tmp_path: Path) -> None:
    record = {"text": "KYIV, Ukraine, March 3, 2022 — Talks began.", "date": "2022-03-04"}
    assert read(write_jsonl(tmp_path / "wire.jsonl", record))[0].date == "2022-03-04"


@pytest.mark.parametrize("value, expected", [
    ("2020", "2020"), ("2020-11", "2020-11"), ("2020-11-10", "2020-11-10"),
    ("2020-11-10T08:15:00Z", "2020-11-10"), ("2020-13", None), ("20201110", None),
    ("10 Nov 2020", None), ("2020-11-10Tnonsense", None),
])
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected
