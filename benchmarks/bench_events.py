"""What finding events costs `kg build` (issue 16's budget: at most 15 % of build throughput).

    python benchmarks/bench_events.py --size 200 --runs 4

Generates a corpus (generate_corpus.py, kept in --work-dir), then times whole `kg build CORPUS
-o out.nt --no-cache --workers 1` processes, start-up and model load included, with events and
without them, alternating run by run so that other work on the machine hits both alike. The
build without events is the same `kg` with the events step taken out of kg.nlp.extract.STEPS in
its own process (no user-facing switch exists for it). Prints the median wall and CPU seconds of
each, documents per second, and the cost of events as a share of the build.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402  (benchmarks/ is a folder of scripts, not a package)
from generate_corpus import write_corpus  # noqa: E402

BUDGET = 0.15
# `kg`, run by this Python: as installed, or with the events step taken out of its extraction.
_KG = "import sys\nsys.argv[0] = 'kg'\n{patch}from kg.cli import app\napp()\n"
_NO_EVENTS = ("import kg.nlp.extract as x\n"
              "x.STEPS = tuple(s for s in x.STEPS if s.__name__ != 'find_events')\n")


def build_command(corpus: Path, output: Path, events: bool) -> list[str]:
    code = _KG.format(patch="" if events else _NO_EVENTS)
    return [sys.executable, "-c", code, "build", str(corpus), "-o", str(output), "--no-cache",
            "--workers", "1"]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=200, help="documents in the corpus")
    parser.add_argument("--runs", type=int, default=4, help="runs of each build")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--work-dir", type=Path,
                        default=Path(tempfile.gettempdir()) / "kg-bench",
                        help="where the corpus is kept")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = args.work_dir / f"corpus-s{args.seed}-{args.size}"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != args.size:
        write_corpus(args.size, corpus, args.seed)
    runs: dict[bool, list[measure.ProcessRun]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as out:
        for i in range(args.runs):
            for events in (True, False) if i % 2 == 0 else (False, True):
                print(f"[bench] run {i + 1}/{args.runs}, events {'on' if events else 'off'}",
                      file=sys.stderr, flush=True)
                command = build_command(corpus, Path(out) / "graph.nt", events)
                runs[events].append(measure.run(command).check())
    wall = {e: statistics.median(r.wall for r in runs[e]) for e in runs}
    cpu = {e: statistics.median(r.cpu for r in runs[e]) for e in runs}
    print(f"corpus: {args.size} generated articles; {args.runs} runs each, alternating; load "
          f"average {measure.load_average()} at the end")
    print("| build | wall s (median) | CPU s (median) | documents/s (wall) |")
    print("|---|---|---|---|")
    for events in (False, True):
        print(f"| {'with events' if events else 'without events'} | {wall[events]:.1f} | "
              f"{cpu[events]:.1f} | {args.size / wall[events]:.1f} |")
    for name, times in (("wall", wall), ("CPU", cpu)):
        share = times[True] / times[False] - 1
        print(f"events cost {share:+.1%} of the build's {name} time "
              f"({'within' if share <= BUDGET else 'over'} the {BUDGET:.0%} budget)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
