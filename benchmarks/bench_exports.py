"""Export time per format for one graph, and how each compares with N-Quads.

    python benchmarks/generate_corpus.py 400 /tmp/corpus-400
    python benchmarks/bench_exports.py /tmp/corpus-400 [--formats .nq,.trig,.nt] [--runs 3]

Builds the corpus's graph once in this process (through kg's extraction cache, so a second run
extracts nothing), then writes it in each format (kg.export.write_export, one process) and
prints the median wall time of --runs writes, the file's size, and the ratio to .nq. The target
for .trig is at most 2 times .nq.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

FORMATS = ".nq,.nt,.trig,.ttl,.jsonld,.rdf,.graphml,.gexf"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--formats", default=FORMATS, help=f"comma-separated (default {FORMATS})")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--rdflib-trig", action="store_true",
                        help="also time TriG as kg wrote it before it streamed TriG (rdflib's "
                             "serializer over an rdflib Dataset): minutes for 400 articles")
    args = parser.parse_args(argv)

    from kg.build import build_graph
    from kg.export import write_export
    from kg.vocab import DATA_BASE

    start = time.perf_counter()
    result = build_graph([str(args.corpus)])
    print(f"graph of {len(result.graph.documents)} documents, {len(result.graph.entities)} "
          f"entities, {len(result.graph.facts)} facts, built in {time.perf_counter() - start:.1f} s")
    times: dict[str, float] = {}
    print("| format | seconds | MB | / .nq |\n|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="kg-exports-") as tmp:
        for ext in args.formats.split(","):
            path = Path(tmp) / f"graph{ext}"
            runs = []
            for _ in range(args.runs):
                start = time.perf_counter()
                write_export(result.graph, path, base=DATA_BASE, build_info=result.build_info)
                runs.append(time.perf_counter() - start)
            times[ext] = statistics.median(runs)
            ratio = f"{times[ext] / times['.nq']:.2f}" if ".nq" in times else "–"
            print(f"| {ext} | {times[ext]:.2f} | {path.stat().st_size / 1e6:.1f} | {ratio} |",
                  flush=True)
        if args.rdflib_trig:
            start = time.perf_counter()
            _rdflib_trig(result, Path(tmp) / "rdflib.trig")
            seconds = time.perf_counter() - start
            ratio = f"{seconds / times['.nq']:.2f}" if ".nq" in times else "–"
            print(f"| .trig by rdflib (before) | {seconds:.2f} | "
                  f"{(Path(tmp) / 'rdflib.trig').stat().st_size / 1e6:.1f} | {ratio} |")
    return 0


def _rdflib_trig(result, path: Path) -> None:
    from kg.export.rdf import serialize, to_rdf

    dataset = to_rdf(result.graph, build_info=result.build_info, named_graphs=True)
    path.write_text(serialize(dataset, "trig"), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
