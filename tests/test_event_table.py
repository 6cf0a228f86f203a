"""User event tables (`kg build --events FILE`, `kg eval --events FILE`): rows the user adds to
kg's event coding without editing kg/data/event_codes.csv.

- meaning: a verb kg does not code gives an event; a row with the lemma, pos and needs of kg's
  rows replaces them; type NONE switches them off, and only them;
- reading: every mistake is one line naming the file and line, exit code 1, no export;
- the cache: the table's content is part of the pipeline version, so a changed table
  re-extracts;
- engines: worker processes and Dask workers get the user's rows with each task.

The sentences are ours, in agency-news style.
"""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg import query
from kg.build import build_graph
from kg.cli import app
from kg.data.event_codes import EventCode, event_codes, event_table, word_classes
from kg.data.user_event_codes import codes_digest, read_user_event_codes
from kg.errors import EventTableError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "events-example.csv"
HEADER = "lemma,pos,type,mode,cameo,needs\n"

# A verb kg does not code; a row of kg's it codes otherwise (a state staying away from a
# conference refuses it, no sanction); a word some corpora use for something else (troops
# marching are no protest).
NEW = "excoriate,verb,DISAPPROVE,,111,\n"
REPLACED = "boycott,verb,REJECT,,120,\n"
SWITCHED_OFF = "march,verb,NONE,,,\n"
ARTICLES = {
    "excoriate": "WARSAW, May 4, 2026 — Poland excoriated Belarus on Monday over the detention "
                 "of two journalists.\n",
    "boycott": "MOSCOW, March 3, 2026 — Russia boycotted the conference on Syria at the "
               "United Nations on Tuesday.\n",
    "march": "KYIV, Nov. 11, 2022 — Ukrainian troops marched into Kherson on Friday.\n",
}


def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:             # click 8.2 keeps stderr apart already
        return CliRunner()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def events_of(ttl: Path) -> set[tuple[str, str, str]]:
    """(type, actor ISO3, target ISO3) of every row of the events query."""
    result = query([str(ttl)], "events")
    rows = [dict(zip(result.columns, row)) for row in result.rows]
    return {(r["type"], r["actor_iso3"], r["target_iso3"]) for r in rows}


def cli_build(folder: Path, out: Path, *options: str) -> str:
    result = runner().invoke(app, ["build", str(folder), "-o", str(out), *options])
    assert result.exit_code == 0, result.stderr
    return result.stderr


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("news")
    for name, text in ARTICLES.items():
        write(folder / f"{name}.txt", text)
    return folder


@pytest.fixture(scope="module")
def built(news, tmp_path_factory) -> dict[str, set[tuple[str, str, str]]]:
    """The events of the news, built by kg alone and with the user's table."""
    out = tmp_path_factory.mktemp("out")
    table = write(out / "mine.csv", HEADER + NEW + REPLACED + SWITCHED_OFF)
    cli_build(news, out / "kg.ttl", "--no-cache")
    cli_build(news, out / "mine.ttl", "--no-cache", "--events", str(table))
    return {"kg": events_of(out / "kg.ttl"), "mine": events_of(out / "mine.ttl")}


# --- what the rows do ----------------------------------------------------------------------------

def test_a_verb_kg_does_not_code_gives_an_event(built) -> None:
    assert ("DISAPPROVE", "POL", "BLR") not in built["kg"]
    assert ("DISAPPROVE", "POL", "BLR") in built["mine"]


def test_a_row_for_a_coded_word_replaces_kgs_row(built) -> None:
    assert ("SANCTION", "RUS", "SYR") in built["kg"]
    assert ("REJECT", "RUS", "SYR") in built["mine"]
    assert ("SANCTION", "RUS", "SYR") not in built["mine"]


def test_type_none_switches_kgs_row_off(built) -> None:
    assert any(actor == "UKR" for _, actor, _ in built["kg"])
    assert not any(actor == "UKR" for _, actor, _ in built["mine"])


def _row(text: str) -> EventCode:
    """The one row of a user table holding `text`."""
    with tempfile.TemporaryDirectory() as folder:
        return read_user_event_codes([write(Path(folder) / "t.csv", HEADER + text)])[0]


def test_a_class_of_needed_words_stands_for_a_row_per_word() -> None:
    # kg's "@envoys" (kg/data/event_word_classes.csv): an ambassador, an envoy, a diplomat
    with tempfile.TemporaryDirectory() as folder:
        rows = read_user_event_codes([write(Path(folder) / "t.csv",
                                            HEADER + "pull,verb,SANCTION,,161,@envoys\n")])
    assert {row.needs for row in rows} == set(word_classes()["envoys"]) >= {
        "ambassador", "envoy", "diplomat"}
    assert {(row.lemma, row.type) for row in rows} == {("pull", "SANCTION")}
    table = event_table(rows)
    assert {c.needs for c in table.codes[("pull", "verb")]} >= {"ambassador", "envoy", "diplomat"}


def test_kgs_rows_of_a_class_are_coded_for_each_word(extract_text) -> None:
    # "recall" needs "@envoys"; each word of the class codes the recall
    for envoy in ("ambassador", "envoy", "diplomat"):
        ex = extract_text(f"Kenya recalled its {envoy} from Somalia on Monday.")
        assert [e.type for e in ex.events] == ["SANCTION"]


def test_a_replacing_row_replaces_every_row_of_its_word_and_no_other() -> None:
    # kg codes the plain verb "protest" twice (a street protest, a protest in words)
    assert len(event_codes()[("protest", "verb")]) == 2
    table = event_table((_row("protest,verb,DISAPPROVE,,111,\n"),))
    assert [c.type for c in table.codes[("protest", "verb")]] == ["DISAPPROVE"]
    assert table.codes[("protest", "noun")] == event_codes()[("protest", "noun")]


def test_switching_off_a_plain_row_keeps_the_senses_that_need_a_word() -> None:
    table = event_table((_row("strike,noun,NONE,,,\n"),))
    needs = {c.needs for c in table.codes[("strike", "noun")]}
    assert None in {c.needs for c in event_codes()[("strike", "noun")]}
    assert None not in needs and "hunger" in needs


def test_a_word_switched_off_everywhere_is_no_longer_looked_at() -> None:
    table = event_table((_row("excoriate,verb,DISAPPROVE,,,\n"), _row("veto,verb,NONE,,,\n"),
                         _row("veto,noun,NONE,,,\n")))
    assert "excoriate" in table.lemmas and "veto" not in table.lemmas


def test_without_rows_the_table_is_kgs_as_read_once() -> None:
    assert event_table() is event_table(())
    assert event_table().codes is event_codes()


def test_the_example_file_reads_and_codes_words_kg_does_not() -> None:
    codes = read_user_event_codes([EXAMPLE])
    new = [c for c in codes if c.type != "NONE" and (c.lemma, c.pos) not in event_codes()]
    assert len(new) >= 3


def test_eval_scores_the_events_the_users_rows_give(tmp_path) -> None:
    gold = {"id": "g", "text": ARTICLES["excoriate"], "score": ["events"],
            "gold": {"events": [{"plover_event": "DISAPPROVE",
                                 "source": [{"text": "Poland", "iso3": "POL"}],
                                 "target": [{"text": "Belarus", "iso3": "BLR"}]}]}}
    gold_file = write(tmp_path / "gold.jsonl", json.dumps(gold) + "\n")
    table = write(tmp_path / "mine.csv", HEADER + NEW)
    f1 = {}
    for name, options in (("kg", []), ("mine", ["--events", str(table)])):
        result = runner().invoke(app, ["eval", str(gold_file), "--format", "json", *options])
        assert result.exit_code == 0, result.stderr
        f1[name] = json.loads(result.stdout)["metrics"]["event_actors"]["f1"]
    assert f1 == {"kg": 0.0, "mine": 1.0}


# --- mistakes ------------------------------------------------------------------------------------

@pytest.mark.parametrize("content, message", [
    (HEADER + NEW + "shell,verb,BOMBARD,,,\n",
     'line 3: unknown PLOVER type "BOMBARD" (expected a PLOVER type: AGREE, '),
    (HEADER + "excoriate,verb,,,,\n", "line 2: no type (expected a PLOVER type"),
    (HEADER + "excoriate,adjective,DISAPPROVE,,,\n",
     'line 2: unknown part of speech "adjective" (expected verb or noun)'),
    ("lemma,pos,kind\nexcoriate,verb,DISAPPROVE\n",
     'line 1: unknown column "kind" (expected lemma, pos, type, mode, cameo, needs)'),
    ("lemma,pos,mode\nexcoriate,verb,\n", 'line 1: no "type" column'),
    (HEADER + "\nexcoriate,verb,DISAPPROVE,,111,,extra\n",
     "line 3: 7 cells, but the header names 6 columns"),
    (HEADER + "excoriate,verb,DISAPPROVE,,11a,\n", 'line 2: cameo "11a" is not a CAMEO code'),
    (HEADER + "fire on,verb,FIGHT,,,\n", 'line 2: lemma "fire on" is more than one word'),
    (HEADER + "pull,verb,SANCTION,,161,@diplomats\n",
     'line 2: needs "@diplomats" names no class of words (kg\'s classes: @'),
    (HEADER + "march,verb,NONE,,,\nmarch,verb,PROTEST,demo-org,141,\n",
     'line 3: "march" (verb) is switched off at {file} line 2; a word is either coded or '
     'switched off (NONE)'),
    (HEADER, ": no rows (a header row, lemma,pos,type,mode,cameo,needs, and one word a line)"),
    ("", ": no rows"),
])
def test_a_bad_table_is_one_line_naming_file_and_line(news, tmp_path, content, message) -> None:
    bad = write(tmp_path / "mine.csv", content)
    result = runner().invoke(app, ["build", str(news), "--events", str(bad), "--no-cache",
                                   "-o", str(tmp_path / "never.ttl")])
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    separator = "" if message.startswith(":") else " "
    expected = f"kg: error: {bad}{separator}{message.replace('{file}', str(bad))}"
    assert result.stderr.strip().startswith(expected)
    assert "\n" not in result.stderr.strip()
    assert not (tmp_path / "never.ttl").exists()


def test_a_misspelt_type_gets_a_suggestion() -> None:
    with pytest.raises(EventTableError, match="did you mean DISAPPROVE"):
        _row("rebuke,verb,DISAPROVE,,,\n")


def test_a_file_that_is_not_utf8_names_its_line(news, tmp_path) -> None:
    bad = tmp_path / "mine.csv"
    bad.write_bytes(HEADER.encode() + NEW.encode() + "strafe,verb,FIGHT\n".encode("utf-16"))
    result = runner().invoke(app, ["eval", str(write(tmp_path / "gold.jsonl", "")),
                                   "--events", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kg: error: {bad} line 3: not UTF-8 text"


def test_a_missing_file_and_a_wrong_extension() -> None:
    with pytest.raises(EventTableError, match=r"nowhere\.csv: no such event table file"):
        read_user_event_codes([Path("nowhere.csv")])
    with pytest.raises(EventTableError, match=r"an event table is a \.csv file .* not \.txt"):
        read_user_event_codes([Path("words.txt")])


def test_the_help_of_build_and_eval_names_the_option() -> None:
    for command in ("build", "eval"):
        result = runner().invoke(app, [command, "--help"], terminal_width=200)
        assert result.exit_code == 0
        assert "--events" in result.stdout and "docs/events-example.csv" in result.stdout
        assert "NONE" in result.stdout


# --- the cache and the engines -------------------------------------------------------------------

def test_a_changed_table_extracts_again(tmp_path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    write(news / "excoriate.txt", ARTICLES["excoriate"])
    cache, out = tmp_path / "cache", tmp_path / "graph.ttl"
    table = write(tmp_path / "mine.csv", HEADER + "upbraid,verb,DISAPPROVE,,111,\n")
    cli_build(news, out, "--cache", str(cache), "--events", str(table))
    assert "(1 cached)" in cli_build(news, out, "--cache", str(cache), "--events", str(table))
    assert ("DISAPPROVE", "POL", "BLR") not in events_of(out)
    write(table, HEADER + "upbraid,verb,DISAPPROVE,,111,\n" + NEW)
    assert "cached" not in cli_build(news, out, "--cache", str(cache), "--events", str(table))
    assert ("DISAPPROVE", "POL", "BLR") in events_of(out)


def test_the_digest_is_what_the_rows_say() -> None:
    new, replaced = _row(NEW), _row(REPLACED)
    assert codes_digest(()) == ""
    assert codes_digest((new, replaced)) not in ("", codes_digest((new,)))
    assert codes_digest((new, replaced)) == codes_digest((_row(NEW), _row(REPLACED)))


def _graph_events(result) -> set[tuple[str, str]]:
    return {(e.type, e.document) for e in result.graph.events}


def test_worker_processes_get_the_users_rows(news, tmp_path) -> None:
    table = write(tmp_path / "mine.csv", HEADER + NEW)
    result = build_graph([str(news / "excoriate.txt")], workers=2, cache=False,
                         event_tables=[table])
    assert ("DISAPPROVE", "excoriate") in _graph_events(result)


def test_dask_workers_get_the_users_rows(news, tmp_path) -> None:
    pytest.importorskip("distributed")
    table = write(tmp_path / "mine.csv", HEADER + NEW)
    result = build_graph([str(news / "excoriate.txt")], engine="dask", workers=1, cache=False,
                         event_tables=[table])
    assert ("DISAPPROVE", "excoriate") in _graph_events(result)
