"""kg's one policy for characters XML 1.0 forbids (kg/xml_chars.py): read documents hold a space
in their place, one for one, so offsets stay exact and every export is well-formed XML."""
from __future__ import annotations

import json

from kg.documents import read_documents
from kg.model import Document, Entity, KnowledgeGraph
from kg.xml_chars import xml_safe, xml_safe_data


def test_a_text_files_forbidden_characters_become_spaces_one_for_one(tmp_path):
    body = "Chile and Argentina signed the accord.\n" * 220      # a NUL after the first 8 KB
    raw = "Chile\x0cand\x1bArgentina\x0bsigned\ufffethe accord.\n" + body + "Peru\x00agreed.\n"
    (tmp_path / "news.txt").write_text(raw, encoding="utf-8")
    [document] = read_documents([str(tmp_path / "news.txt")])
    assert len(document.text) == len(raw)
    assert document.text.startswith("Chile and Argentina signed the accord.\n")
    assert document.text.endswith("Peru agreed.\n")


def test_a_jsonl_records_id_and_metadata_are_cleaned_too(tmp_path):
    record = {"id": "a\x1bb", "title": "Talks\x0bend", "source": "Wire\x00", "text": "Peru\x0cvoted."}
    (tmp_path / "news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [document] = read_documents([str(tmp_path / "news.jsonl")])
    assert (document.id, document.title, document.source, document.text) == \
        ("a b", "Talks end", "Wire ", "Peru voted.")


def test_surrogates_and_noncharacters_become_spaces_and_clean_data_is_not_copied():
    assert xml_safe("a\ud800b\uffffc\tč\U0001f600") == "a b c\tč\U0001f600"
    graph = KnowledgeGraph(entities={"state/CHL": Entity("state/CHL", "state", "Chile")},
                           documents={"d": Document("d", "Chile voted.")})
    assert xml_safe_data(graph) is graph
    dirty = KnowledgeGraph(entities={"state/CHL": Entity("state/CHL", "state", "Ch\x1bile",
                                                         {"Chi\x00le"})})
    cleaned = xml_safe_data(dirty)
    assert cleaned.entities["state/CHL"].name == "Ch ile"
    assert cleaned.entities["state/CHL"].aliases == {"Chi le"}
    assert dirty.entities["state/CHL"].name == "Ch\x1bile"      # the caller's graph is unchanged
