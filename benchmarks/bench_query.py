"""Query benchmark: every named query on a graph of ~1M triples, rdflib vs Oxigraph.

    python benchmarks/bench_query.py [--triples 1000000] [--runs 3] [--timeout 600] [--keep DIR]

The graph is the one kg builds from examples/, replicated: copy i renames every entity (states
excepted: there are only so many) and every document with a suffix `/c{i}`, so the copies are
disjoint graphs sharing the states, like years of news about the same countries. It is written as
N-Triples by the streaming writer, then

- rdflib: `kg.query.load_graph` (an in-memory Dataset, what `kg query FILE` uses), and each named
  query through `kg.query.query_graph`, each run in a forked child so that a run longer than
  --timeout can be stopped (it is then reported as "> timeout");
- Oxigraph: `kg.store.load_store` into a fresh store folder (what `kg load` does), and each named
  query through `kg.store.query_store` (what `kg query --store` does; it opens the store each time).

Times are wall-clock medians of --runs runs (load times: one run each). The rows column checks
that both backends return the same number of rows. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build_graph  # noqa: E402
from kg.export.rdf import BuildInfo, write_rdf  # noqa: E402
from kg.model import Fact, KnowledgeGraph  # noqa: E402
from kg.query import list_queries, load_graph, query_graph  # noqa: E402
from kg.store import load_store, query_store  # noqa: E402


def examples_graph() -> tuple[KnowledgeGraph, BuildInfo]:
    result = build_graph([str(ROOT / "examples")])
    return result.graph, result.build_info


def replicate(graph: KnowledgeGraph, copies: int) -> KnowledgeGraph:
    """`copies` disjoint copies of `graph` (states shared), as one KnowledgeGraph."""
    big = KnowledgeGraph()
    for i in range(copies):
        key = _renamer(i)
        doc = (lambda d: f"{d}/c{i}")
        for entity in graph.entities.values():
            copy = big.add_entity(replace(entity, key=key(entity.key)))
            copy.name = entity.name if entity.kind == "state" else f"{entity.name} ({i})"
        for fact, evidence in graph.facts.items():
            big.facts[_fact(fact, key)] = [
                replace(e, document=doc(e.document)) for e in evidence]
        for fact, table in graph.background.items():
            big.add_background(_fact(fact, key), table)
        big.mentions.extend(replace(m, entity=key(m.entity), document=doc(m.document))
                            for m in graph.mentions)
        big.claims.extend(replace(c, document=doc(c.document), claimant=c.claimant
                                  and key(c.claimant), claimant_org=c.claimant_org
                                  and key(c.claimant_org)) for c in graph.claims)
        for document in graph.documents.values():
            big.documents[doc(document.id)] = replace(document, id=doc(document.id))
    return big


def _renamer(i: int) -> Callable[[str], str]:
    return lambda key: key if key.startswith("state/") else f"{key}/c{i}"


def _fact(fact: Fact, key: Callable[[str], str]) -> Fact:
    obj = fact.object if fact.is_literal else key(fact.object)
    return Fact(key(fact.subject), fact.predicate, obj)


def median_time(run: Callable[[], int], runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), rows


def _forked_query(graph: object, name: str, pipe: object) -> None:
    start = time.perf_counter()
    rows = len(query_graph(graph, name).rows)  # type: ignore[arg-type]
    pipe.send((time.perf_counter() - start, rows))  # type: ignore[attr-defined]


def rdflib_query(graph: object, name: str, runs: int, timeout: float
                 ) -> tuple[float | None, int | None]:
    """Median time and rows of a named query on rdflib, each run in a forked child (the loaded
    graph is shared copy-on-write); None when a run exceeds `timeout` seconds."""
    context = multiprocessing.get_context("fork")
    times, rows = [], None
    for _ in range(runs):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_forked_query, args=(graph, name, send))
        child.start()
        if not receive.poll(timeout):
            child.kill()
            child.join()
            return None, None
        elapsed, rows = receive.recv()
        child.join()
        times.append(elapsed)
    return statistics.median(times), rows


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:.0f}" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds after which an rdflib query run is stopped")
    parser.add_argument("--keep", type=Path, help="write the graph and the store here and keep them")
    args = parser.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(args, folder)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path) -> None:
    graph, info = examples_graph()
    nt, store = folder / "graph.nt", folder / "store"
    write_rdf(graph, nt, build_info=info)
    per_copy = sum(1 for _ in nt.open(encoding="utf-8"))
    copies = max(1, round(args.triples / per_copy))
    big = replicate(graph, copies)
    start = time.perf_counter()
    write_rdf(big, nt, build_info=info)
    write_s = time.perf_counter() - start
    triples = sum(1 for _ in nt.open(encoding="utf-8"))
    print(f"graph: examples/ ({per_copy} triples) x {copies} = {triples} triples, "
          f"{nt.stat().st_size / 1e6:.0f} MB N-Triples, streamed in {write_s:.1f} s", flush=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load average "
          f"{os.getloadavg()[1]:.1f} at the start", flush=True)
    names = [name for name, _ in list_queries()]

    shutil.rmtree(store, ignore_errors=True)
    start = time.perf_counter()
    load_store([nt], store)
    ox_load = time.perf_counter() - start
    oxigraph = {name: median_time(lambda n=name: len(query_store(store, n).rows), args.runs)
                for name in names}

    start = time.perf_counter()
    dataset = load_graph([nt])
    rdf_load = time.perf_counter() - start
    rss_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    rdflib = {name: rdflib_query(dataset, name, args.runs, args.timeout) for name in names}
    print(f"load: rdflib {rdf_load:.1f} s (in memory, peak RSS {rss_gb:.1f} GB); Oxigraph "
          f"{ox_load:.1f} s (on disk, {_folder_size(store) / 1e6:.0f} MB); load average "
          f"{os.getloadavg()[1]:.1f} at the end\n")
    print_table(names, rdflib, oxigraph, args)


def print_table(names: list[str], rdflib: dict, oxigraph: dict,
                args: argparse.Namespace) -> None:
    print("| query | rows | rdflib (s) | Oxigraph (s) | rdflib / Oxigraph |")
    print("|---|---:|---:|---:|---:|")
    for name in names:
        (r_time, r_rows), (o_time, o_rows) = rdflib[name], oxigraph[name]
        rows = str(o_rows) if r_rows in (None, o_rows) else f"{o_rows} (rdflib {r_rows}!)"
        limit = args.timeout if r_time is None else r_time
        ratio = f"{'> ' if r_time is None else ''}{limit / o_time:.0f}×"
        print(f"| `{name}` | {rows} | {_seconds(r_time, args.timeout)} | {o_time:.3f} | {ratio} |")
    print(f"\nmedians of {args.runs} runs; rerun: python benchmarks/bench_query.py "
          f"--triples {args.triples} --runs {args.runs} --timeout {args.timeout:.0f}")


if __name__ == "__main__":
    main()
