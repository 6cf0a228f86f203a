"""Agreements named apart in several documents that are one (kg.consolidate), on texts we wrote."""
from __future__ import annotations

from kg import model
from kg.consolidate import is_proper_name, merge_agreements_across_documents
from kg.model import merge_extractions


def agreements(graph) -> dict[str, model.Entity]:
    return {k: e for k, e in graph.entities.items() if e.kind == model.AGREEMENT}


def parties(graph, key: str) -> set[str]:
    return {f.object for f in graph.facts if f.subject == key and f.predicate == model.PARTY}


def build(extract_text, *texts: str):
    return merge_extractions(extract_text(t, doc_id=f"d{i}") for i, t in enumerate(texts))


def test_one_named_agreement_with_and_without_its_parties_is_one_node(extract_text):
    graph = build(extract_text,
                  "The Treaty of Kars was signed by Turkey and Armenia in 1921.",
                  "Historians still debate the Treaty of Kars.")
    assert len(agreements(graph)) == 2          # the keys hold the parties: two, before merging
    mapping = merge_agreements_across_documents(graph)
    [(key, entity)] = agreements(graph).items()
    assert mapping == {"agreement/_/treaty-of-kars": key}
    assert parties(graph, key) == {"state/ARM", "state/TUR"}
    assert {m.document for m in graph.mentions if m.entity == key} == {"d0", "d1"}
    assert not [m for m in graph.mentions if m.entity in mapping]
    assert not [f for f in graph.facts if f.subject in mapping or f.object in mapping]


def test_an_alias_joins_two_names(extract_text):
    graph = build(extract_text,
                  "The Treaty of Kars (also known as the Kars Agreement) was signed by Turkey "
                  "and Armenia in 1921.",
                  "Georgia's parliament discussed the Kars Agreement.")
    merge_agreements_across_documents(graph)
    [entity] = agreements(graph).values()
    assert entity.name == "Treaty of Kars"
    assert "Kars Agreement" in entity.aliases


def test_a_common_noun_agreement_never_merges_across_documents(extract_text):
    graph = build(extract_text,
                  "Armenia and Azerbaijan signed a peace treaty in Washington.",
                  "Eritrea and Ethiopia signed a peace treaty in Jeddah.",
                  "The peace treaty was welcomed.")
    before = set(agreements(graph))
    assert merge_agreements_across_documents(graph) == {}
    assert set(agreements(graph)) == before


def test_a_name_shared_by_two_different_pairs_of_parties_stays_apart(extract_text):
    graph = build(extract_text,
                  "Mongolia and China signed the Treaty of Friendship in 1994.",
                  "Mongolia and Russia signed the Treaty of Friendship in 1993.",
                  "The Treaty of Friendship was mentioned again.")
    assert merge_agreements_across_documents(graph) == {}
    assert len(agreements(graph)) == 3


def test_proper_names():
    assert is_proper_name("Treaty of Kars") and is_proper_name("Oslo Accords")
    assert not is_proper_name("Peace treaty") and not is_proper_name("ARM-AZE peace treaty")


def test_kg_build_merges_one_agreement_named_in_two_articles(tmp_path):
    import csv
    import io

    from typer.testing import CliRunner

    from kg.cli import app

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("The Treaty of Kars was signed by Turkey and Armenia in 1921.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Historians still debate the Treaty of Kars.\n", encoding="utf-8")
    graph = tmp_path / "g.ttl"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(folder), "-o", str(graph), "--no-cache"]).exit_code == 0
    result = runner.invoke(app, ["query", str(graph), "agreements", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["agreement"] for r in rows} == \
        {"https://w3id.org/diplograph/id/agreement/ARM-TUR/treaty-of-kars"}
    assert sorted(r["party_iso3"] for r in rows) == ["ARM", "TUR"]
