"""Hostile input against `kg query` and `kg load`: how long each takes to refuse or stop, and how
much memory it uses (issue 14's targets: an entity bomb ends in under 5 s and under 200 MB).

    python benchmarks/bench_hostile.py [--timeout 2] [--keep DIR]

- "billion laughs": an RDF/XML file under 1 KB whose nested entities expand to 10^9 "lol"s, given
  to `kg query` and to `kg load` (before kg/rdf_guard.py: 9.2 GB for `kg load`, over 100 s of
  `kg query`);
- a cartesian product (every triple of a 300-triple graph with every other, three times over)
  with `kg query --timeout` over the file and over a store: how far past the limit kg ends;
- for scale, an ordinary `kg query` of the same graph (mostly Python starting and importing).

Each run is one `kg` process measured by benchmarks/measure.py (wall time, the largest process's
peak RSS, the process tree's peak PSS). Not part of the test suite.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import ProcessRun, run  # noqa: E402  (a sibling script, not a package)

KG = [sys.executable, "-m", "kg.cli"]
PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def billion_laughs() -> str:
    entities = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else f"lol{level - 1}"
        entities.append(f'<!ENTITY lol{level} "' + f"&{previous};" * 10 + '">')
    return ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n' + "\n".join(entities) + "\n]>\n"
            f'<rdf:RDF xmlns:rdf="{RDF_NS}"><rdf:Description rdf:about="http://example.org/a">'
            "<rdf:value>&lol9;</rdf:value></rdf:Description></rdf:RDF>\n")


def small_graph() -> str:
    return "".join(f'<http://example.org/s{i}> <http://example.org/p> "{i}" .\n'
                   for i in range(300))


def row(name: str, result: ProcessRun) -> str:
    message = (result.stderr.strip().splitlines() or [""])[-1]
    message = message if len(message) <= 90 else message[:89] + "…"
    return (f"| {name} | {result.returncode} | {result.wall:.2f} | {result.max_rss_mb:.0f} | "
            f"{result.tree_pss_mb:.0f} | {message} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=2.0,
                        help="kg query --timeout for the cartesian product (seconds)")
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="kg-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        laughs = folder / "laughs.rdf"
        laughs.write_text(billion_laughs(), encoding="utf-8")
        graph = folder / "graph.nt"
        graph.write_text(small_graph(), encoding="utf-8")
        run([*KG, "load", str(graph), "--store", str(folder / "store")]).check()
        limit = f"{args.timeout:g}"
        runs = {
            "for scale: kg query ASK over the 300-triple graph":
                [*KG, "query", str(graph), "ASK { ?s ?p ?o }"],
            f"billion laughs ({laughs.stat().st_size} bytes): kg query":
                [*KG, "query", str(laughs), "ASK { ?s ?p ?o }"],
            "billion laughs: kg load":
                [*KG, "load", str(laughs), "--store", str(folder / "laughs-store")],
            f"cartesian product, file, --timeout {limit}":
                [*KG, "query", str(graph), PRODUCT, "--timeout", limit],
            f"cartesian product, --store, --timeout {limit}":
                [*KG, "query", "--store", str(folder / "store"), PRODUCT, "--timeout", limit],
        }
        print("| case | exit | wall s | peak RSS MB | tree PSS MB | message |")
        print("|---|---|---|---|---|---|")
        for name, command in runs.items():
            print(row(name, run(command)), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
