"""What a document id or a model path can put into an export: an id like `../../etc/passwd` stays
a name under `doc/` however its IRI is normalised, ordinary ids keep the IRIs they had, and
`--model /a/path` records the model's own name, never the path."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from kg.cli import app
from kg.engines import _model_folder, model_info
from kg.export.rdf import BuildInfo, to_rdf
from kg.model import Document, KnowledgeGraph
from kg.nlp.models import default_model_name
from kg import vocab
from kg.vocab import DATA_BASE, RDF

BUILD = BuildInfo(kg_version="0.1.0", model_name="en_core_web_sm", model_version="3.8.0")
HOSTILE = ("../../etc/passwd", "..", ".", "a/../../b", "./x", "doc/../../../x", "a/./b", "a/..")
ORDINARY = ("d1", "reuters/2024/0315-talks", "Moscow report ü", "v1.2", "...", ".hidden",
            "a..b", "~", "%7E..", "50% off", "q?a#b")


def _document_iris(ids) -> dict[str, str]:
    graph = KnowledgeGraph()
    for doc_id in ids:
        graph.documents[doc_id] = Document(doc_id, f"Text of {doc_id}.")
    dataset = to_rdf(graph, build_info=BUILD)
    found = {}
    for iri in dataset.subjects(RDF.type, vocab.SCHEMA.NewsArticle):
        text = str(dataset.value(iri, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/"
                                             "ontologies/nif-core#isString")))
        found[text[len("Text of "):-1]] = str(iri)
    return found


def _normalised_path(iri: str) -> str:
    """The IRI's path as the most eager normaliser reads it: every percent-encoding decoded
    (RFC 3986 decodes unreserved ones, WHATWG reads %2e as "."), then dot segments removed."""
    return posixpath.normpath(unquote(urlsplit(iri).path))


def test_an_id_with_dot_segments_stays_under_doc():
    iris = _document_iris(HOSTILE)
    doc_path = urlsplit(DATA_BASE).path + "doc/"
    for doc_id, iri in iris.items():
        assert _normalised_path(iri).startswith(doc_path), (doc_id, iri)
    assert len(set(iris.values())) == len(HOSTILE)
    assert iris["../../etc/passwd"] == DATA_BASE + "doc/%7E../%7E../etc/passwd"


def test_ordinary_ids_keep_their_iris():
    iris = _document_iris(ORDINARY)
    for doc_id in ORDINARY:
        assert iris[doc_id] == DATA_BASE + quote(f"doc/{doc_id}", safe="/-._~"), doc_id
    # "%7E.." is an ordinary id whose "%" is encoded: it cannot meet the escaped "..".
    assert len(set(_document_iris(ORDINARY + HOSTILE).values())) == len(ORDINARY + HOSTILE)


def _model_path() -> Path:
    """The folder of the default model's pipeline (config.cfg, meta.json, …): a model by path."""
    package = _model_folder(default_model_name()).resolve()
    return next(config.parent for config in sorted(package.glob("*/config.cfg")))


def test_a_model_given_as_a_path_is_recorded_by_its_own_name(tmp_path):
    folder = _model_path()
    info = model_info(str(folder))
    assert info.name == str(folder)                   # loaded, cached and fingerprinted by path
    assert info.public_name == default_model_name()   # exported by name
    assert model_info(default_model_name()).public_name == default_model_name()


def test_a_build_with_a_model_path_writes_no_path(tmp_path):
    folder = _model_path()
    news = tmp_path / "news.txt"
    news.write_text("Kenya and Tanzania signed a trade agreement on Monday.\n", encoding="utf-8")
    out = tmp_path / "graph.nt"
    result = CliRunner().invoke(app, ["build", str(news), "-o", str(out), "--model", str(folder),
                                      "--no-cache"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert str(folder) not in text and quote(str(folder), safe="") not in text
    assert f"{DATA_BASE}model/{default_model_name()}/" in text
