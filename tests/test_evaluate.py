"""`kg eval`: the matching rules, the figures, the gold reader, and the command end to end.

The matchers and field scorers are tested on hand-made rows with figures worked out by hand. Two
tests hold `kg eval` to the project's scorer (../shared/eval/score.py): one feeds both scorers
the same rows (many, generated), one runs score.py through the CLI on the seed gold file and
compares the summaries. Both skip when ../shared is absent.
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.evaluate import EvalReport, read_gold, score_document
from kg.evaluate.agreements import score_agreements
from kg.evaluate.fields import (Accuracy, Counts, group_officials, score_officials,
                                score_organizations, score_states)
from kg.evaluate.gold import DEFAULT_FIELDS, FIELDS, GoldDocument
from kg.evaluate.match import date_matches, name_score, normalise, person_score
from kg.evaluate.report import DocumentResult, figures, report_json, report_table

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "eval" / "gold.jsonl"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def rows(**queries: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    return {name: queries.get(name, []) for name in FIELDS}


def counts(score) -> tuple:
    return (score.tp, score.system, score.gold) if isinstance(score, Counts) else (score.hit,
                                                                                   score.n)


# --- matchers ------------------------------------------------------------------------------

def test_names_match_after_normalisation_and_by_alias() -> None:
    assert normalise("Baku's  Défense-Ministry") == "baku s defense ministry"
    assert name_score(["Ministry of Defence"], "ministry of defence") == 1.0
    # "defence" and "defense" are one word; stop words do not count
    assert name_score(["Ministry of Defence"], "Defense Ministry") == 1.0  # the same tokens
    assert name_score(["Foreign Ministry", "MFA"], "MFA") == 1.0
    assert name_score(["Defense Ministry"], "Ministry of Foreign Affairs") == 0.0


def test_extra_words_are_limited_for_organisations_not_for_agreement_titles() -> None:
    gold = ["Defense Ministry"]
    assert name_score(gold, "Azerbaijani Defense Ministry Press", max_extra=2) == pytest.approx(
        0.5 + (2 / 4) / 2)
    assert name_score(gold, "Azerbaijani Defense Ministry Press Office Staff", max_extra=2) == 0.0
    title = "Agreement between the Government of Norway and Iceland on Fisheries Cooperation"
    assert name_score(["fisheries agreement"], title) > 0.5   # any number of extra words


def test_generic_names_match_only_exactly() -> None:
    assert name_score(["Defense Ministry"], "the ministry") == 0.0
    assert name_score(["Ministry"], "Defense Ministry") == 0.0
    assert name_score(["peace treaty"], "treaty") == 0.0
    assert name_score(["the Agreement"], "The agreement") == 1.0


def test_a_shorter_system_name_may_lack_one_word() -> None:
    gold = ["International Military Cooperation Department"]
    assert name_score(gold, "Military Cooperation Department") > 0.5
    assert name_score(gold, "Cooperation Department") == pytest.approx(0.5 / 2)  # Jaccard only


def test_people_match_by_full_name_or_surname() -> None:
    assert person_score("Ilham Aliyev", "Ilham Aliyev") == 1.0
    assert person_score("Ilham Aliyev", "Aliyev") == 0.5
    assert person_score("Ilham Aliyev", "I. Aliyev") == 0.5          # the same initial
    assert person_score("Ilham Aliyev", "Heydar Aliyev") == 0.0      # another given name
    assert person_score("Ilham Aliyev", "Ilham Mammadov") == 0.0


def test_regnal_numbers_must_not_disagree() -> None:
    assert person_score("Margrethe II", "Margrethe") == 1.0
    assert person_score("Henry VII", "Henry VIII") == 0.0
    assert person_score("Martin Luther King Jr", "Martin Luther King") == 1.0


def test_dates_match_at_the_gold_precision() -> None:
    assert date_matches("2020", "2020-11-10")
    assert date_matches("2020-11", "2020-11-10")
    assert not date_matches("2020-11-10", "2020-11")
    assert not date_matches("2020-11-10", "2020-11-09")
    assert not date_matches(None, "2020") and not date_matches("2020", "")


# --- field scorers, on a hand-made system output -------------------------------------------

ANKARA_GOLD = {
    "states": ["TUR", "UKR"],
    "organizations": [
        {"name": "Defense Ministry", "aliases": ["Ministry of National Defence"], "state": "TUR"},
        {"name": "Ministry of Foreign Affairs", "aliases": ["Foreign Ministry"], "state": "UKR"}],
    "officials": [
        {"name": "Mevlut Cavusoglu", "org": "Ministry of Foreign Affairs", "state": "TUR"},
        {"name": "Cavusoglu", "org": None, "state": "TUR"},   # the same person, named short
        {"name": "Dmytro Kuleba", "org": "Foreign Ministry", "state": "UKR"}],
    "agreements": [
        {"name": "defence cooperation agreement", "date": "2022-03-14", "parties": ["TUR", "UKR"]},
        {"name": "grain deal", "date": "2022-07",
         "parties": ["TUR", "UKR", "RUS", "United Nations"]}],
}

FAKE_ROWS = rows(
    states=[{"iso3": "TUR"}, {"iso3": "RUS"}],
    organizations=[
        {"name": "Turkish Defense Ministry", "state_iso3": "TUR"},
        {"name": "Turkish Defense Ministry", "state_iso3": "TUR", "parent_name": "Government"},
        {"name": "Foreign Ministry", "state_iso3": "TUR"},   # gold's is Ukraine's
        {"name": "Ministry", "state_iso3": "UKR"}],          # generic: matches nothing
    officials=[
        {"name": "Mevlut Cavusoglu", "org_name": "Foreign Ministry", "state_iso3": "TUR"},
        {"name": "Kuleba", "org_name": "", "state_iso3": "RUS"},
        {"name": "Sergei Lavrov", "org_name": "Foreign Ministry", "state_iso3": "RUS"}],
    agreements=[
        {"agreement": "a1", "name": "Agreement on Defence Cooperation", "date": "2022-03-15",
         "party_iso3": "TUR"},
        {"agreement": "a1", "name": "Agreement on Defence Cooperation", "date": "2022-03-15",
         "party_iso3": "UKR"},
        {"agreement": "a2", "name": "Black Sea Grain Initiative", "date": "2022-07-22",
         "party_iso3": "TUR"},
        {"agreement": "a2", "name": "Black Sea Grain Initiative", "date": "2022-07-22",
         "party_iso3": "UKR"},
        {"agreement": "a2", "name": "Black Sea Grain Initiative", "date": "2022-07-22",
         "party_name": "United Nations"},
        {"agreement": "a3", "name": "Treaty", "date": "", "party_iso3": "GRC"}],
)


def test_states_are_sets_of_codes() -> None:
    score = score_states(ANKARA_GOLD, FAKE_ROWS)["states"]
    assert counts(score) == (1, 2, 2)
    assert score.missed == ["UKR"] and score.spurious == ["RUS"]


def test_organisations_need_the_name_and_the_state() -> None:
    score = score_organizations(ANKARA_GOLD, FAKE_ROWS)["organizations"]
    # one match (Turkish Defense Ministry, listed twice but one organisation); Foreign Ministry
    # has the wrong state and "Ministry" is generic
    assert counts(score) == (1, 3, 2)
    assert score.missed == ["Ministry of Foreign Affairs (UKR)"]
    assert score.spurious == ["Foreign Ministry (TUR)", "Ministry (UKR)"]


def test_officials_are_grouped_then_matched_with_org_and_state_as_attributes() -> None:
    groups = group_officials(ANKARA_GOLD["officials"])
    assert [g.names for g in groups] == [["Mevlut Cavusoglu", "Cavusoglu"], ["Dmytro Kuleba"]]
    scores = score_officials(ANKARA_GOLD, FAKE_ROWS)
    assert counts(scores["officials"]) == (2, 3, 2)      # Kuleba by surname; Lavrov spurious
    assert scores["officials"].spurious == ["Sergei Lavrov"]
    # Cavusoglu: "Foreign Ministry" names "Ministry of Foreign Affairs" (one word short), TUR;
    # Kuleba: no org and the wrong state
    assert counts(scores["official_org"]) == (1, 2)
    assert counts(scores["official_state"]) == (1, 2)
    assert scores["official_state"].wrong == ["Dmytro Kuleba: UKR (kg: RUS)"]


def test_full_names_are_paired_before_surnames() -> None:
    gold = {"officials": [{"name": "Ilham Aliyev"}, {"name": "Heydar Aliyev"}]}
    found = rows(officials=[{"name": "Aliyev"}, {"name": "Heydar Aliyev"}])
    scores = score_officials(gold, found)
    # Heydar takes the full-name match first, leaving "Aliyev" to Ilham
    assert counts(scores["officials"]) == (2, 2, 2)


def test_agreements_match_by_name_or_by_date_and_parties() -> None:
    scores = score_agreements(ANKARA_GOLD, FAKE_ROWS)
    # a1 by name; a2 by date (2022-07) with 3 of 4 parties; a3 spurious
    assert counts(scores["agreements"]) == (2, 3, 2)
    # parties: 2 + 3 found of 2 + 4; kg gives 2 + 3 on matched agreements, 1 more on a3
    assert counts(scores["agreement_parties"]) == (5, 6, 6)
    assert counts(scores["matched_agreement_parties"]) == (5, 5, 6)
    assert counts(scores["agreement_date"]) == (1, 2)         # a1's date is a day off
    assert scores["agreement_parties"].missed == ["grain deal (kg: Black Sea Grain Initiative): RUS"]
    assert scores["agreement_parties"].spurious == ["Treaty: GRC"]
    assert scores["agreement_date"].wrong == [
        "defence cooperation agreement (kg: Agreement on Defence Cooperation): 2022-03-14 "
        "(kg: 2022-03-15)"]


def test_an_agreement_with_too_few_parties_does_not_match_by_date() -> None:
    gold = {"agreements": [{"name": "grain deal", "date": "2022-07",
                            "parties": ["TUR", "UKR", "RUS", "United Nations"]}]}
    found = rows(agreements=[{"agreement": "x", "name": "Initiative", "date": "2022-07-22",
                              "party_iso3": "TUR"}])
    scores = score_agreements(gold, found)
    assert counts(scores["agreements"]) == (0, 1, 1)
    assert counts(scores["agreement_parties"]) == (0, 1, 4)


def test_a_document_is_scored_on_its_fields_only() -> None:
    doc = GoldDocument("d", "text", ANKARA_GOLD, ("agreements",), 1)
    assert set(score_document(doc, FAKE_ROWS)) == {
        "agreements", "agreement_parties", "matched_agreement_parties", "agreement_date"}


# --- totals and figures --------------------------------------------------------------------

def test_figures_and_totals() -> None:
    assert figures(Counts(2, 3, 2)) == {"p": 0.6667, "r": 1.0, "f1": 0.8, "tp": 2, "sys": 3,
                                        "gold": 2}
    assert figures(Counts(0, 0, 0))["f1"] == 1.0       # nothing to find, nothing found
    assert figures(Counts(0, 2, 0))["p"] == 0.0
    assert figures(Accuracy(0, 0))["acc"] is None
    report = EvalReport(Path("g.jsonl"), "model", [
        DocumentResult("a", {"states": Counts(1, 2, 2), "agreement_date": Accuracy(1, 2)}),
        DocumentResult("b", {"states": Counts(3, 3, 4)}, error=None)])
    metrics = report.metrics()
    assert metrics["states"] == figures(Counts(4, 5, 6))
    assert metrics["agreement_date"] == {"acc": 0.5, "hit": 1, "n": 2}
    assert json.loads(report_json(report))["per_doc"]["a"]["states"] == [1, 2, 2]
    assert "0.8000" in report_table(report).splitlines()[1]       # P of states: 4/5


# --- the gold reader -----------------------------------------------------------------------

def write_gold(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "a", "text": "Text.", "gold": {"states": ["AZE"]}})


@pytest.mark.parametrize("bad, message", [
    ("{not json", "line 3: not valid JSON"),
    ('["a list"]', "line 3: expected a JSON object, got a list"),
    ('{"id": "b", "text": "T.", "gold": {"states": ["Azerbaijan"]}}',
     "line 3: gold.states[0]: 'Azerbaijan' is not an ISO 3166-1 alpha-3 code"),
    ('{"id": "b", "text": "T."}', "line 3: 'gold' must be an object"),
    ('{"id": "b", "gold": {}}', "line 3: give the article as 'text'"),
    ('{"id": "b", "text_file": "gone.txt", "gold": {}}', "line 3: cannot read text_file"),
    ('{"id": "b", "text": "T.", "score": ["people"], "gold": {}}', "'score' names 'people'"),
    ('{"id": "b", "text": "T.", "gold": {"officials": [{"post": "President"}]}}',
     "gold.officials[0]: 'name' must be a non-empty string"),
    ('{"id": "b", "text": "T.", "gold": {"agreements": [{"date": "10 Nov 2020"}]}}',
     "gold.agreements[0].date: '10 Nov 2020' is not YYYY-MM-DD"),
    ('{"id": "b", "text": "T.", "gold": {"agreements": [{"parties": "AZE"}]}}',
     "gold.agreements[0].parties: must be a list of strings"),
    ('{"id": "a", "text": "T.", "gold": {}}', "line 3: id 'a' is used by an earlier line"),
])
def test_bad_gold_lines_are_named_by_file_and_line(tmp_path: Path, bad: str,
                                                    message: str) -> None:
    path = write_gold(tmp_path, GOOD, "", bad)   # a blank line still counts as a line
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert str(caught.value).startswith(f"{path} line 3: ")
    assert message in str(caught.value)


def test_gold_reader_defaults(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Article.", encoding="utf-8")
    path = write_gold(tmp_path, json.dumps({"text_file": "a.txt", "score": [], "gold": {}}))
    [doc] = read_gold(path)
    assert (doc.id, doc.text, doc.fields) == ("mine-1", "Article.", DEFAULT_FIELDS)
    assert doc.gold == {name: [] for name in FIELDS}


def test_kg_eval_reports_a_bad_gold_file_in_one_line(tmp_path: Path) -> None:
    path = write_gold(tmp_path, GOOD, '{"id": "b"')
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"kg: error: {path} line 2: not valid JSON (Expecting ',' delimiter at column 11)"]


def test_an_unreadable_text_fails_before_the_model_loads(tmp_path: Path) -> None:
    path = write_gold(tmp_path, GOOD, json.dumps({"id": "b", "text": "Scan\u0000ned", "gold": {}}))
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"kg: error: {path} line 2: the text: looks like a binary file")


# --- the project's scorer ------------------------------------------------------------------

def project_scorer() -> ModuleType:
    script = SHARED_EVAL / "score.py"
    if not script.is_file():
        pytest.skip("../shared/eval/score.py is not here")
    spec = importlib.util.spec_from_file_location("project_score", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NAMES = ["Defense Ministry", "Ministry of Defence", "Azerbaijani Defense Ministry", "Ministry",
         "Foreign Ministry", "United Nations", "UN Security Council", "Security Council",
         "the agreement", "trilateral statement", "peace treaty", "Treaty of Kars",
         "Armenian army", "Armenian Armed Forces", "Cooperation Department"]
PEOPLE = ["Ilham Aliyev", "Aliyev", "Heydar Aliyev", "Nikol Pashinyan", "N. Pashinyan",
          "Margrethe II", "Margrethe", "Henry VII", "Henry VIII", "Vladimir Putin", "Putin"]
CODES = ["AZE", "ARM", "RUS", "TUR", "SUN"]
DATES = ["2020", "2020-11", "2020-11-10", "2020-11-09", "1921-10-13", ""]
# kg's agreement names: some match gold's by name, the others only by date and parties
TITLES = ["trilateral statement", "Treaty of Kars", "Statement", "Joint communique",
          "Memorandum", "Ceasefire", "the deal"]


def random_case(rng: random.Random) -> tuple[dict, dict]:
    """Gold and kg rows drawn from small pools, so that names, people and dates often clash."""
    pick = lambda pool, most: rng.sample(pool, rng.randint(0, most))  # noqa: E731
    gold = {"states": pick(CODES, 3),
            "organizations": [{"name": n, "aliases": pick(NAMES, 1), "state": rng.choice(
                CODES + [None])} for n in pick(NAMES, 3)],
            "officials": [{"name": n, "org": rng.choice(NAMES + [None]),
                           "state": rng.choice(CODES + [None])} for n in pick(PEOPLE, 3)],
            "agreements": [{"name": rng.choice(NAMES + [None]), "aliases": pick(NAMES, 1),
                            "date": rng.choice(DATES) or None,
                            "parties": pick(CODES + ["United Nations"], 5)} for _ in range(
                                rng.randint(0, 2))]}
    found = rows(
        states=[{"iso3": c} for c in pick(CODES, 3)],
        organizations=[{"name": n, "state_iso3": rng.choice(CODES + [""])} for n in pick(NAMES, 4)],
        officials=[{"name": n, "org_name": rng.choice(NAMES + [""]),
                    "state_iso3": rng.choice(CODES + [""])} for n in pick(PEOPLE, 3)],
        agreements=[{"agreement": f"a{rng.randint(1, 3)}", "name": rng.choice(TITLES),
                     "date": rng.choice(DATES), "party_iso3": rng.choice(CODES + [""]),
                     "party_name": rng.choice(["United Nations", ""])} for _ in range(
                         rng.randint(0, 5))])
    return gold, found


def test_same_figures_as_the_project_scorer_on_the_same_rows() -> None:
    scorer = project_scorer()
    rng = random.Random(3)
    cases = [(ANKARA_GOLD, FAKE_ROWS)] + [random_case(rng) for _ in range(1000)]
    for gold, found in cases:
        doc = GoldDocument("d", "text", {name: gold.get(name, []) for name in FIELDS}, DEFAULT_FIELDS, 1)
        ours = {name: counts(score) for name, score in score_document(doc, found).items()}
        theirs = {name: tuple(v) for name, v in scorer.score_doc(
            {"gold": gold}, found, set(scorer.FIELDS)).items()}
        assert ours == theirs, (gold, found)


# --- end to end ----------------------------------------------------------------------------

def test_kg_eval_end_to_end() -> None:
    result = CliRunner().invoke(app, ["eval", str(GOLD), "--details", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["docs"] == 3 and report["failures"] == []
    # the treaty text is scored on agreements only; the others on every field
    assert set(report["per_doc"]["norway-iceland-fisheries"]) == {
        "agreements", "agreement_parties", "matched_agreement_parties", "agreement_date"}
    summed = [sum(doc["states"][i] for doc in report["per_doc"].values() if "states" in doc)
              for i in range(3)]
    assert [report["metrics"]["states"][k] for k in ("tp", "sys", "gold")] == summed
    # gold lists France for the Security Council article, which never mentions it
    assert "FRA" in report["details"]["un-ceasefire"]["states"]["missed"]


def test_kg_eval_gives_the_figures_of_score_py_through_the_cli(tmp_path: Path) -> None:
    project_scorer()   # skips when ../shared is absent
    gold = SHARED_EVAL / "seed_gold.jsonl"
    # score.py runs kg in subprocesses; start it first and score in process meanwhile
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    scorer = subprocess.Popen(
        [sys.executable, str(SHARED_EVAL / "score.py"), str(gold), "--kg",
         f"{sys.executable} -m kg.cli", "--json", str(tmp_path / "score.json")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ours = CliRunner().invoke(app, ["eval", str(gold), "--format", "json"])
    _out, err = scorer.communicate(timeout=300)
    assert scorer.returncode == 0, err
    assert ours.exit_code == 0, ours.stderr
    theirs = json.loads((tmp_path / "score.json").read_text())
    mine = json.loads(ours.stdout)
    assert theirs["failures"] == [] and mine["failures"] == []
    assert set(mine["metrics"]) == set(theirs["metrics"])
    for name, figures_ in theirs["metrics"].items():
        for key, value in figures_.items():
            assert mine["metrics"][name][key] == pytest.approx(value, abs=1e-4), (name, key)


def test_a_document_kg_fails_on_scores_zero_on_every_field(tmp_path: Path, monkeypatch) -> None:
    """A text kg cannot build is reported and counts as found nothing: every gold fact of it is
    missed, on every field it is scored on, and the run goes on."""
    import kg.evaluate.system as system

    class BreaksOnOneText:
        model = "stand-in 0"

        def __init__(self, *args, **kwargs) -> None:
            pass

        def rows(self, document, queries):
            if "Vanuatu" in document.text:
                raise RuntimeError("the parser gave up")
            return {"states": [{"state": "s", "name": "Fiji", "iso3": "FJI"}],
                    "organizations": [], "officials": [], "agreements": []}

    monkeypatch.setattr(system, "InProcessKG", BreaksOnOneText)
    gold = {"states": ["VUT", "FJI"],
            "organizations": [{"name": "Ministry of Foreign Affairs", "state": "VUT"}],
            "officials": [{"name": "Mere Tavola", "post": "Foreign Minister", "state": "VUT"}],
            "agreements": [{"name": "fisheries agreement", "date": "2024-05-02",
                            "parties": ["VUT", "FJI"]}]}
    lines = [{"id": "broken", "text": "Vanuatu and Fiji signed a fisheries agreement.",
              "gold": gold},
             {"id": "fine", "text": "Fiji welcomed the talks.", "gold": {"states": ["FJI"]},
              "score": ["states"]}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    from kg.evaluate import evaluate

    report = evaluate(path)
    broken = next(d for d in report.documents if d.id == "broken")
    assert broken.error is not None and "the parser gave up" in broken.error
    assert [d.id for d in report.failures] == ["broken"]
    counted = {name: s for name, s in broken.scores.items() if isinstance(s, Counts)}
    assert {"states", "organizations", "officials", "agreements"} <= set(counted)
    assert all(s.tp == 0 and s.system == 0 for s in counted.values())
    assert counted["states"].gold == 2 and counted["agreements"].gold == 1
    fine = next(d for d in report.documents if d.id == "fine")
    assert fine.error is None and fine.scores["states"].tp == 1
