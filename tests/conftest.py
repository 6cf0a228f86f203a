"""Test setup: the package is not installed in development, so import it from the repo root."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parent.parent)
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


@pytest.fixture(scope="session", autouse=True)
def _session_cache_home(tmp_path_factory):
    """No test writes to the real user cache: XDG_CACHE_HOME points into pytest's temporary
    folder for the whole session (module-scoped fixtures and subprocesses included)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache-session")))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _cache_home(tmp_path_factory, monkeypatch):
    """Each test starts with an empty cache of its own, so no test sees another's results."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline with our components, loaded once for all extraction tests."""
    from kg.nlp.pipeline import load_pipeline

    pipeline, _info = load_pipeline()
    return pipeline


@pytest.fixture(scope="session")
def extract_text(nlp):
    """extract_text(text, date=None, place=None, doc_id="t") -> DocumentExtraction."""
    from kg.model import Document
    from kg.nlp.extract import extract

    def run(text: str, date: str | None = None, place: str | None = None, doc_id: str = "t"):
        document = Document(id=doc_id, text=text, date=date, dateline_place=place)
        return extract(nlp(text), document)

    return run


@pytest.fixture(scope="session")
def examples_exports(tmp_path_factory) -> dict[str, Path]:
    """examples/ built once for the session as Turtle and TriG: {"ttl": path, "trig": path}.
    Read-only for the tests that share it (provenance, explain)."""
    from kg.build import build

    out = tmp_path_factory.mktemp("examples-exports")
    paths = {"ttl": out / "graph.ttl", "trig": out / "graph.trig"}
    result = build([str(Path(ROOT) / "examples")], [str(p) for p in paths.values()],
                   cache=False)
    assert not result.skipped, result.skipped
    return paths


@pytest.fixture(scope="session")
def examples_graph():
    """examples/ built once for the session, in memory: a kg.build.BuildResult (graph and
    build_info). Read-only for the tests that share it (streaming, store)."""
    from kg.build import build_graph

    result = build_graph([str(Path(ROOT) / "examples")], cache=False)
    assert not result.skipped, result.skipped
    return result
