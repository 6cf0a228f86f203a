"""A JSON-LD file is read once over files: the JSON the context check read (kg/rdf_guard.py) is
what rdflib loads, so a byte-order mark the check drops is no error, as it is none for Oxigraph
(`kg load`)."""
from __future__ import annotations

from pathlib import Path

from kg.query import run_query
from kg.store import load_store, query_store

SELECT = "SELECT ?s ?o WHERE { ?s <https://example.org/signedIn> ?o }"


def test_a_json_ld_file_with_a_byte_order_mark_reads_as_in_the_store(tmp_path: Path) -> None:
    path = tmp_path / "accord.jsonld"
    path.write_bytes(b'\xef\xbb\xbf{"@id": "https://example.org/accord/lome", '
                     b'"https://example.org/signedIn": "Lom\xc3\xa9"}')
    over_files = run_query([path], SELECT)
    load_store([path], tmp_path / "store")
    in_store = query_store(tmp_path / "store", SELECT)
    assert over_files.rows == in_store.rows == [["https://example.org/accord/lome", "Lomé"]]
