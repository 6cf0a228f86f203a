"""Reading RDF reads the files named and nothing else, and expands nothing (kg/rdf_guard.py).

Every command that reads RDF files (query, stats, validate, explain, render, load) is given files
that reach elsewhere: JSON-LD contexts by URL, by file:// IRI and by relative name, an external
DTD, external XML entities, owl:imports. A listener on 127.0.0.1 must see no connection, and a
local file named by a context must not be read. An RDF/XML entity bomb ("billion laughs") is
refused before any parser expands it.
"""
from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.query import run_query
from kg.rdf_guard import check_contents

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SECRET_IRI = "http://example.org/secret-term"


class Listener:
    """A TCP socket on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (socket.timeout, OSError):
                continue
            with connection:
                connection.settimeout(1)
                try:
                    self.connections.append(connection.recv(1024))
                except OSError:
                    self.connections.append(b"")
                # A valid answer, so that a client that did fetch carries on and shows it.
                connection.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/ld+json\r\n\r\n"
                                   b'{"@context": {"name": "' + SECRET_IRI.encode() + b'"}}')

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def _json_ld(context: object) -> str:
    import json

    return json.dumps({"@context": context, "@id": "http://example.org/a", "name": "A"})


def _hostile_files(folder: Path, listener: Listener) -> dict[str, Path]:
    """Files that would make a parser read elsewhere, by what they try."""
    secret = folder / "secret-context.json"
    secret.write_text('{"@context": {"name": "%s"}}' % SECRET_IRI, encoding="utf-8")
    texts = {
        "remote.jsonld": _json_ld(listener.url("context")),
        "remote-in-list.jsonld": _json_ld([{"x": "http://example.org/x"}, listener.url("c")]),
        "scoped.jsonld": _json_ld({"knows": {"@id": "http://example.org/knows",
                                             "@context": listener.url("scoped")}}),
        "import.jsonld": _json_ld({"@import": listener.url("import"),
                                   "name": "http://example.org/name"}),
        "file-context.jsonld": _json_ld(secret.as_uri()),
        "relative-context.jsonld": _json_ld(secret.name),
        "external-dtd.rdf": (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF SYSTEM '
                             f'"{listener.url("rdf.dtd")}">\n{_rdf_xml("x")}'),
        "external-entity.rdf": (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY e SYSTEM '
                                f'"{listener.url("entity")}">\n]>\n{_rdf_xml("&e;")}'),
        "file-entity.rdf": (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY e SYSTEM '
                            f'"{secret.as_uri()}">\n]>\n{_rdf_xml("&e;")}'),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


def _rdf_xml(value: str) -> str:
    return (f'<rdf:RDF xmlns:rdf="{RDF_NS}"><rdf:Description rdf:about="http://example.org/a">'
            f'<rdf:value>{value}</rdf:value></rdf:Description></rdf:RDF>\n')


def _command(name: str, graph: Path, tmp_path: Path) -> list[str]:
    return {
        "query": ["query", str(graph), "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "--format", "csv"],
        "stats": ["stats", str(graph), "--format", "csv"],
        "validate": ["validate", str(graph)],
        "explain": ["explain", str(graph), "A"],
        "render": ["render", str(graph), "-o", str(tmp_path / "picture.html")],
        "load": ["load", str(graph), "--store", str(tmp_path / "store")],
    }[name]


COMMANDS = ("query", "stats", "validate", "explain", "render", "load")


@pytest.mark.parametrize("command", COMMANDS)
def test_no_command_reads_beyond_the_files_it_is_given(command, listener, tmp_path):
    runner = CliRunner()
    for name, graph in _hostile_files(tmp_path, listener).items():
        result = runner.invoke(app, _command(command, graph, tmp_path))
        assert result.exit_code == 1, (name, result.output)
        message = result.stderr.strip()
        assert message.startswith(f"kg: error: {graph}: ") and "\n" not in message, (name, message)
        assert SECRET_IRI not in result.output, name
    assert listener.connections == []
    assert not (tmp_path / "store").exists()  # kg load refused before creating anything


def test_the_messages_say_what_was_refused(listener, tmp_path):
    files = _hostile_files(tmp_path, listener)
    expected = {
        "remote.jsonld": "refers to the JSON-LD context 'http://127.0.0.1:",
        "scoped.jsonld": "refers to the JSON-LD context 'http://127.0.0.1:",
        "import.jsonld": "refers to the JSON-LD context 'http://127.0.0.1:",
        "relative-context.jsonld": "refers to the JSON-LD context 'secret-context.json'",
        "external-dtd.rdf": "its DOCTYPE names an external DTD",
        "file-entity.rdf": "line 3: declares the entity 'e'; kg refuses XML entity declarations",
    }
    for name, words in expected.items():
        with pytest.raises(QueryError, match="^" + str(files[name]) + ": ") as caught:
            check_contents(files[name])
        assert words in str(caught.value), name


@pytest.mark.parametrize("command", ("query", "validate", "load"))
def test_owl_imports_is_an_ordinary_triple_never_followed(command, listener, tmp_path):
    graph = tmp_path / "ontology.ttl"
    graph.write_text(f"<http://example.org/o> a <http://www.w3.org/2002/07/owl#Ontology> ;\n"
                     f"  <http://www.w3.org/2002/07/owl#imports> <{listener.url('o.ttl')}> .\n",
                     encoding="utf-8")
    result = CliRunner().invoke(app, _command(command, graph, tmp_path))
    assert result.exit_code == 0, result.output
    assert listener.connections == []
    if command == "query":
        assert listener.url("o.ttl") in result.stdout


def test_an_escaped_context_key_is_still_a_context(tmp_path):
    # "\u0040context" is "@context" once decoded: a scan of the text alone would miss it.
    graph = tmp_path / "escaped.jsonld"
    graph.write_text('{"\\u0040context": "http://127.0.0.1:9/c", "@id": "http://example.org/a"}',
                     encoding="utf-8")
    with pytest.raises(QueryError, match="refers to the JSON-LD context"):
        check_contents(graph)


def test_inline_contexts_and_plain_doctypes_still_read(tmp_path):
    json_ld = tmp_path / "inline.jsonld"
    json_ld.write_text(_json_ld({"name": "http://example.org/name",
                                 "knows": {"@id": "http://example.org/knows",
                                           "@context": {"n": "http://example.org/n"}}}),
                       encoding="utf-8")
    rdf_xml = tmp_path / "doctype.rdf"
    rdf_xml.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF>\n{_rdf_xml("x &amp; y")}',
                       encoding="utf-8")
    rows = run_query([json_ld, rdf_xml], "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").rows
    assert rows == [["A"], ["x & y"]]


# --- entity expansion ("billion laughs") ----------------------------------------------------

def _laughs(levels: int = 9, parameter: bool = False) -> str:
    percent = "% " if parameter else ""
    sign = "%" if parameter else "&"
    entities = [f'<!ENTITY {percent}lol0 "lol">']
    entities += [f'<!ENTITY {percent}lol{i} "' + f"{sign}lol{i - 1};" * 10 + '">'
                 for i in range(1, levels + 1)]
    body = _rdf_xml("" if parameter else f"&lol{levels};")
    return '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n" + body


@pytest.mark.parametrize("command", ("query", "load"))
@pytest.mark.parametrize("variant", ("general", "parameter", "utf-16"))
def test_an_entity_bomb_is_refused_before_it_expands(command, variant, tmp_path):
    graph = tmp_path / "laughs.rdf"
    if variant == "utf-16":
        graph.write_text(_laughs().replace('version="1.0"', 'version="1.0" encoding="UTF-16"'),
                         encoding="utf-16")
    else:
        graph.write_text(_laughs(parameter=variant == "parameter"), encoding="utf-8")
    result = CliRunner().invoke(app, _command(command, graph, tmp_path))
    assert result.exit_code == 1
    entity = "a parameter entity" if variant == "parameter" else "the entity"
    assert result.stderr == (f"kg: error: {graph}: line 3: declares {entity} 'lol0'; kg refuses "
                             f"XML entity declarations (they can expand without bound or read "
                             f"other files): convert the file to Turtle or N-Triples first\n")
    assert not (tmp_path / "store").exists()
