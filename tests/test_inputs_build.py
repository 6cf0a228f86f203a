"""`kg build` (and `kg eval`) on inputs as people save them: one file of each type in a folder,
the summary's "without a date" and "skipped" counts, a document that is not English (skipped,
stopped by --strict, built with --lang en), and bad front matter as a one-line error that writes
nothing. The texts are written for these tests.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS
from typer.testing import CliRunner

from kg.cli import app

RUNNER = CliRunner()

TXT = ("Kyrgyzstan and Tajikistan sign border treaty\n\n"
       "BISHKEK, March 13, 2025 (Example Wire) - The presidents of Kyrgyzstan and Tajikistan "
       "signed a treaty on their state border on Thursday.\n")
UNDATED = "The prime minister of Norway met the president of Finland in Oslo on Arctic policy.\n"
MARKDOWN = ("---\ndate: 2025-05-12\nsource: Council press office\n---\n"
            "# Council adopts sanctions\n\nThe [Council of the European Union]"
            "(https://example.org/council) adopted **restrictive measures** against Belarus.\n")
HTML = ("<html><head><title>Water accord | Example News</title>"
        '<meta property="article:published_time" content="2025-03-14">'
        '<link rel="stylesheet" href="https://cdn.example.org/style.css"></head><body>'
        "<nav><a href='/'>Home</a></nav><article><h1>Water accord</h1>"
        "<p>Uzbekistan and Kazakhstan signed an agreement on the shared use of the Syr Darya on "
        "Friday, the two foreign ministries said in a joint statement.</p></article></body></html>")
JSONL = json.dumps({"id": "wire-1", "text": "Chile and Peru opened talks on a fisheries deal.",
                    "date": "2025-01-20"})
FRENCH = ("Le ministre des Affaires étrangères a reçu mardi son homologue sénégalais à Paris pour "
          "évoquer la coopération migratoire et la situation au Sahel, a indiqué le ministère "
          "dans un communiqué publié dans la soirée. Les deux responsables ont signé une "
          "déclaration commune sur la jeunesse.\n")


def invoke(*args: object):
    return RUNNER.invoke(app, [str(a) for a in args])


def summary(result) -> str:
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "border.txt").write_text(TXT, encoding="utf-8")
    (folder / "arctic.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "council.md").write_text(MARKDOWN, encoding="utf-8")
    (folder / "accord.html").write_text(HTML, encoding="utf-8")
    (folder / "feed.jsonl").write_text(JSONL + "\n", encoding="utf-8")
    (folder / "le-monde.txt").write_text(FRENCH, encoding="utf-8")
    return folder


def test_a_folder_of_every_type_builds_and_counts_the_undated_and_the_skipped(
        tmp_path: Path, news: Path) -> None:
    out = tmp_path / "graph.ttl"
    result = invoke("build", news, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert re.fullmatch(r"built 5, 1 without a date, skipped 1: \d+ entities, \d+ facts → "
                        + re.escape(str(out)), summary(result)), summary(result)
    skipped = [line for line in result.stderr.splitlines() if line.startswith("kg: skipped:")]
    assert skipped == [f"kg: skipped: {news / 'le-monde.txt'}: language looks like French (fr); "
                       f"use --lang en to build it anyway"]
    graph = rdflib.Graph().parse(out)
    titles = {str(o) for o in graph.objects(None, DCTERMS.title)}
    assert {"Kyrgyzstan and Tajikistan sign border treaty", "Council adopts sanctions",
            "Water accord"} <= titles


def test_strict_stops_at_the_document_that_is_not_english_and_writes_nothing(
        tmp_path: Path, news: Path) -> None:
    out = tmp_path / "out" / "graph.ttl"
    result = invoke("build", news, "--strict", "-o", out, "--no-cache")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"kg: error: {news / 'le-monde.txt'}: language looks like "
                                     f"French (fr); use --lang en to build it anyway")
    assert not out.parent.exists()


def test_lang_en_builds_it_and_counts_it(tmp_path: Path, news: Path) -> None:
    result = invoke("build", news, "--lang", "en", "--strict", "-o", tmp_path / "g.nt",
                    "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert summary(result).startswith("built 6, 2 without a date: "), summary(result)


def test_a_bad_front_matter_date_is_a_one_line_error_that_writes_nothing(tmp_path: Path) -> None:
    release = tmp_path / "release.md"
    release.write_text("---\ntitle: Energy dialogue\ndate: 18 September 2024\n---\n"
                       "The ministries met in Oslo.\n", encoding="utf-8")
    existing = tmp_path / "graph.ttl"
    existing.write_text("# an earlier export\n", encoding="utf-8")
    result = invoke("build", release, "-o", existing, "--no-cache")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"kg: error: {release} line 3: front matter \"date\" is not an ISO 8601 date: "
        f"'18 September 2024' (use YYYY-MM-DD, YYYY-MM or YYYY)")
    assert "Traceback" not in result.stderr
    assert existing.read_text(encoding="utf-8") == "# an earlier export\n"


def test_eval_scores_a_document_that_is_not_english_zero_unless_lang_en(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "fr-1", "text": FRENCH, "score": ["states"],
                                "gold": {"states": ["FRA"]}}) + "\n", encoding="utf-8")
    skipped = invoke("eval", gold, "--format", "json")
    assert skipped.exit_code == 0, skipped.stderr
    assert "language looks like French (fr)" in skipped.stderr
    assert json.loads(skipped.stdout)["metrics"]["states"]["tp"] == 0
    built = invoke("eval", gold, "--format", "json", "--lang", "en")
    assert built.exit_code == 0, built.stderr
    assert "language looks like" not in built.stderr
    assert json.loads(built.stdout)["failures"] == []
