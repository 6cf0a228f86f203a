"""What a build's memory holds: the graph's own size, and (with --tracemalloc) what dominates.

    python benchmarks/graph_memory.py CORPUS [--tracemalloc] [--top 10]

Builds CORPUS in this process with kg's library (`kg.build.build_graph`, one process, no
cache, no export) and prints one JSON line:

- the graph's counts: documents, entities, facts, evidence, mentions, claims;
- `graph_mb`: its deep size — sys.getsizeof summed over every object the KnowledgeGraph reaches
  (the documents' texts included: the exports store them);
- `rss_mb`: the process's peak RSS;
- with --tracemalloc, `traced_peak_mb` and the `top` files by memory still allocated when the
  last document has been merged (the model is still loaded then: the build's high point
  before export), grouped by file.

tracemalloc slows the build down several times; bench_build.py runs it once, untimed.
"""
from __future__ import annotations

import argparse
import gc
import inspect
import json
import resource
import sys
import tracemalloc
from pathlib import Path
from types import FunctionType, ModuleType
from typing import Any, Sequence


def deep_size(root: object) -> int:
    """Bytes of every object reachable from `root`, each counted once (types, modules and
    functions — shared code, not data — are not followed)."""
    seen: set[int] = set()
    todo: list[Any] = [root]
    total = 0
    while todo:
        obj = todo.pop()
        if id(obj) in seen or isinstance(obj, (type, ModuleType, FunctionType)):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        todo.extend(gc.get_referents(obj))
    return total


def top_files(snapshot: tracemalloc.Snapshot, top: int) -> list[dict[str, Any]]:
    """The files holding most memory, with paths shortened to their package."""
    stats = snapshot.statistics("filename")
    return [{"file": _short(stat.traceback[0].filename), "mb": round(stat.size / 2**20, 1)}
            for stat in stats[:top]]


def _short(filename: str) -> str:
    """"spacy/language.py", "kg/nlp/gazetteer.py", "json/decoder.py": from the package on."""
    parts = Path(filename).parts
    for marker in ("site-packages", "kg"):
        if marker in parts[:-1]:
            start = len(parts) - 1 - parts[::-1].index(marker)
            return "/".join(parts[start + (marker == "site-packages"):])
    return "/".join(parts[-2:])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)

    from kg.build import build_graph

    if args.tracemalloc:
        tracemalloc.start()
    snapshots: list[tracemalloc.Snapshot] = []
    total = [0]
    done = [0]

    def on_document(_: object) -> None:
        done[0] += 1
        if args.tracemalloc and done[0] == total[0]:
            snapshots.append(tracemalloc.take_snapshot())

    options = {"cache": False} if "cache" in inspect.signature(build_graph).parameters else {}
    result = build_graph([args.corpus], on_total=lambda n: total.__setitem__(0, n),
                         on_document=on_document, **options)
    graph = result.graph
    report: dict[str, Any] = {
        "documents": len(graph.documents), "entities": len(graph.entities),
        "facts": len(graph.facts), "evidence": sum(len(e) for e in graph.facts.values()),
        "mentions": len(graph.mentions), "claims": len(graph.claims),
        "text_mb": round(sum(len(d.text.encode()) for d in graph.documents.values()) / 2**20, 2),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.tracemalloc:
        report["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        report["top"] = top_files(snapshots[-1], args.top) if snapshots else []
        tracemalloc.stop()
    report["graph_mb"] = round(deep_size(graph) / 2**20, 1)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
