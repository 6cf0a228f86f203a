"""Hostile inputs to `kg build` end in one line naming the file (and line), never a traceback:
closed standard input, JSONL nested 50,000 deep, lone surrogates, 5,001-digit numbers, and
folders that cannot be listed (issue 14). None of these cases needs the spaCy model: a single
unreadable input fails before it is loaded.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.documents import read_documents
from kg.errors import InputError

GOOD = "GENEVA — Norway and Chile opened talks on a fisheries accord on Monday.\n"


def build(*args: str | Path):
    return CliRunner().invoke(app, ["build", *map(str, args), "--no-cache"])


def assert_one_line_error(result, *named: str) -> None:
    assert result.exit_code == 1, (result.exit_code, result.stderr, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    assert all(n in lines[0] for n in named), (named, lines[0])


def test_closed_standard_input_is_a_one_line_error(tmp_path: Path) -> None:
    # `kg build - <&-`: a real process, whose descriptor 0 is closed before kg starts.
    process = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "-", "-o", str(tmp_path / "out.ttl"),
         "--no-cache"], preexec_fn=lambda: os.close(0), capture_output=True, text=True,
        timeout=120)
    assert process.returncode == 1, process.stderr
    assert "Traceback" not in process.stderr
    lines = process.stderr.strip().splitlines()
    assert len(lines) == 1 and "<stdin>: standard input is closed" in lines[0], process.stderr
    assert not (tmp_path / "out.ttl").exists()


JSONL_CASES = {
    "nested 50,000 deep": ('{"text": "%s", "extra": %s%s}' % (GOOD.strip(), "[" * 50_000,
                                                               "]" * 50_000), "nested"),
    "a lone surrogate in the text": ('{"text": "Norway \\ud800 and Chile met."}', "surrogate"),
    "a lone surrogate in the id": ('{"id": "a\\udfff", "text": "%s"}' % GOOD.strip(),
                                   '"id" holds a lone surrogate'),
    "an id of 5,001 digits": ('{"id": %s, "text": "%s"}' % ("9" * 5001, GOOD.strip()),
                              "5001 digits"),
}


@pytest.mark.parametrize("case", list(JSONL_CASES))
def test_a_hostile_jsonl_line_is_a_one_line_error_naming_it(tmp_path: Path, case: str) -> None:
    line, said = JSONL_CASES[case]
    source = tmp_path / "feed.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    result = build(source, "-o", tmp_path / "out.ttl")
    assert_one_line_error(result, "feed.jsonl line 1", said)
    assert not (tmp_path / "out.ttl").exists()


@pytest.mark.parametrize("case", list(JSONL_CASES))
def test_a_hostile_jsonl_line_is_skipped_beside_good_ones(tmp_path: Path, case: str) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(json.dumps({"id": "good", "text": GOOD}) + "\n" + JSONL_CASES[case][0]
                      + "\n", encoding="utf-8")
    skipped: list[InputError] = []
    documents = list(read_documents([str(source)], on_skip=skipped.append))
    assert [d.id for d in documents] == ["good"]
    assert len(skipped) == 1 and "feed.jsonl line 2" in str(skipped[0])
    with pytest.raises(InputError, match="line 2"):
        list(read_documents([str(source)], strict=True))


def test_a_string_id_of_5001_digits_is_read(tmp_path: Path) -> None:
    source = tmp_path / "feed.jsonl"
    source.write_text(json.dumps({"id": "9" * 5001, "text": GOOD}) + "\n", encoding="utf-8")
    assert [len(d.id) for d in read_documents([str(source)])] == [5001]


# --- folders that cannot be listed ----------------------------------------------------------------

@pytest.fixture
def locked_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """corpus/ holding a.txt and locked/b.txt, where locked/ cannot be listed (made so by
    refusing os.scandir on it: permission bits do not stop root, who runs some CI)."""
    corpus = tmp_path / "corpus"
    locked = corpus / "locked"
    locked.mkdir(parents=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (locked / "b.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):  # type: ignore[no-untyped-def]
        if Path(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    return corpus, locked


def test_an_unreadable_sub_folder_is_reported_not_passed_over(locked_corpus) -> None:
    corpus, locked = locked_corpus
    skipped: list[InputError] = []
    documents = list(read_documents([str(corpus)], on_skip=skipped.append))
    assert [d.id for d in documents] == ["a"]
    assert len(skipped) == 1, skipped
    assert str(locked) in str(skipped[0]) and "cannot read this folder" in str(skipped[0])


def test_an_unreadable_sub_folder_stops_a_strict_build(locked_corpus, tmp_path: Path) -> None:
    corpus, locked = locked_corpus
    with pytest.raises(InputError, match="cannot read this folder"):
        list(read_documents([str(corpus)], strict=True))
    result = build(corpus, "--strict", "-o", tmp_path / "out.ttl")
    assert_one_line_error(result, str(locked), "Permission denied")
    assert not (tmp_path / "out.ttl").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs permission bits that bind (not root)")
def test_an_unreadable_sub_folder_by_its_permissions(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    locked = corpus / "locked"
    locked.mkdir(parents=True)
    (corpus / "a.txt").write_text(GOOD, encoding="utf-8")
    (locked / "b.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        skipped: list[InputError] = []
        assert [d.id for d in read_documents([str(corpus)], on_skip=skipped.append)] == ["a"]
        assert len(skipped) == 1 and str(locked) in str(skipped[0])
    finally:
        locked.chmod(0o755)
