"""`kg build --engine dask`: extraction on a Dask cluster gives the exports a local build gives,
byte for byte; workers running another pipeline version refuse the work; without Dask the option
fails with one line saying what to install.

The cluster is a `distributed.LocalCluster` of two worker *processes* (threads_per_worker=1),
reached through its scheduler address exactly as a remote cluster would be (`--scheduler`): each
worker process imports kg and loads the model itself, so this covers pickling documents and
extractions, per-worker model loading and the merge in input order.
"""
from __future__ import annotations

import builtins
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.dask_engine
from kg.build import build
from kg.cli import app
from kg.dask_engine import DaskEngine
from kg.engines import BATCH_SIZE, model_info
from kg.errors import EngineError
from kg.model import Document

distributed = pytest.importorskip("distributed")

EXPORTS = ("graph.ttl", "graph.nq", "graph.graphml", "graph.gexf")


def articles(count: int) -> str:
    states = [("France", "Germany"), ("Japan", "Vietnam"), ("Kenya", "Tanzania"),
              ("Chile", "Peru"), ("Norway", "Sweden"), ("Greece", "Bulgaria")]
    lines = []
    for i in range(count):
        a, b = states[i % len(states)]
        lines.append(json.dumps({"id": f"d{i:03d}", "date": f"2022-{1 + i % 12:02d}-15",
                                 "text": f"{a} and {b} signed an agreement on trade on Monday, "
                                         f"the foreign minister of {a} said ({i})."}))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("dask") / "news.jsonl"
    path.write_text(articles(2 * BATCH_SIZE + 5), encoding="utf-8")   # three batches
    return path


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0") as local:
        yield local


def export(corpus: Path, out: Path, **options) -> dict[str, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    build([str(corpus)], [str(out / name) for name in EXPORTS], cache=False, **options)
    return {name: (out / name).read_bytes() for name in EXPORTS}


def test_a_dask_build_exports_what_a_local_build_exports(corpus, cluster, tmp_path) -> None:
    local = export(corpus, tmp_path / "local")
    on_dask = export(corpus, tmp_path / "dask", engine="dask",
                     scheduler=cluster.scheduler_address)
    assert on_dask == local
    with distributed.Client(cluster.scheduler_address) as client:
        workers = client.scheduler_info()["workers"]
        assert len(workers) == 2


def test_workers_with_another_pipeline_version_refuse(cluster) -> None:
    engine = DaskEngine(model_info(None).name, scheduler=cluster.scheduler_address,
                        version="0" * 64)
    try:
        with pytest.raises(EngineError, match="another kg, model or tables"):
            list(engine.extract([Document("x", "France and Germany signed a treaty.")]))
    finally:
        engine.close()


def test_a_fully_cached_build_connects_to_no_cluster(corpus, tmp_path) -> None:
    build([str(corpus)], [str(tmp_path / "first.ttl")])
    # No scheduler listens at this address: connecting would fail the build.
    result = build([str(corpus)], [str(tmp_path / "second.ttl")], engine="dask",
                   scheduler="tcp://127.0.0.1:9")
    assert result.cached == result.built


def test_an_unreachable_scheduler_is_a_one_line_error(corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(kg.dask_engine, "CONNECT_TIMEOUT", "1s")
    result = CliRunner().invoke(app, ["build", str(corpus), "--no-cache", "--engine", "dask",
                                      "--scheduler", "tcp://127.0.0.1:9",
                                      "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler" in lines[0], result.stderr


def test_without_dask_the_error_says_what_to_install(corpus, tmp_path, monkeypatch) -> None:
    real_import = builtins.__import__

    def no_distributed(name, *args, **kwargs):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_distributed)
    result = CliRunner().invoke(app, ["build", str(corpus), "--no-cache", "--engine", "dask",
                                      "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 1
    assert result.stderr.strip() == ("kg: error: --engine dask needs Dask, which is not "
                                     "installed: pip install 'diplograph[dask]'")


def test_engine_dask_alone_starts_a_local_cluster_and_stops_it(corpus, cluster, tmp_path,
                                                               monkeypatch) -> None:
    """Without --scheduler kg starts a LocalCluster of --workers processes, one thread each.
    Stood in for by the module's cluster (starting another would double this file's time)."""
    started: list[dict] = []

    class Borrowed:
        def __init__(self, **options) -> None:
            started.append(options)
            self.scheduler_address = cluster.scheduler_address
            self.closed = False

        def close(self) -> None:
            self.closed = True
            started.append({"closed": True})

    real_client = distributed.Client
    monkeypatch.setattr(distributed, "LocalCluster", Borrowed)
    monkeypatch.setattr(distributed, "Client", lambda target, **options: real_client(
        target.scheduler_address if isinstance(target, Borrowed) else target, **options))
    local = export(corpus, tmp_path / "local")
    assert export(corpus, tmp_path / "dask", engine="dask", workers=2) == local
    assert started[0] == {"n_workers": 2, "threads_per_worker": 1, "processes": True,
                          "host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"}
    assert started[-1] == {"closed": True}
