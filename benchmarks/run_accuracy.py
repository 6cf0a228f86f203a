#!/usr/bin/env python3
"""Reproduce the README's accuracy table: kg and the spaCy NER baseline on every gold pool.

Each pool of ../shared/eval is split into the half we read and tune on and the half we only
score (benchmarks/pool_halves.py: by a hash of each record's id), and each half is scored for
both systems: one row per pool, half and system. A row shows the measures issue 13's targets
name for that pool (F1 unless marked):

    seed_gold      states, organisations, officials, agreements, agreement parties, dates
    redocred_dev   states, organisations, officials, agreements
    tota_pool_dev  agreements recall, parties of matched agreements, date accuracy
    crossre_dev    organisations, officials
    realnews_dev   states, organisations, officials, agreements, agreement parties, dates
    plover_dev     event types, event actors (issue 16; the baseline finds no events)

tota_dev is left out: its 15 treaty texts are inside tota_pool_dev and are scored there, and a
row of its own would count them twice. An empty half (seed_gold has one document, in the read
half) gets no row.

The default scorer is quick: kg through `kg eval HALF.jsonl --format json` (one process per half,
the model loaded once; it gives the figures ../shared/eval/score.py gives, which
tests/test_evaluate.py checks), and the baseline in this process with the same rules
(kg.evaluate). `--scorer score.py` runs the project's scorer through each tool's CLI instead,
every document in its own processes: the same figures, many times slower.

    python benchmarks/run_accuracy.py                          # every pool, both systems
    python benchmarks/run_accuracy.py --pools redocred_dev --systems kg
    python benchmarks/run_accuracy.py --limit 3 --scorer score.py  # check the scorers agree
"""
from __future__ import annotations

import argparse
import datetime
import functools
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EVAL = REPO.parent / "shared" / "eval"
sys.path.insert(0, str(HERE))
from pool_halves import HALVES, records_of_half  # noqa: E402

BASELINE = HERE / "baseline" / "baseline_kg.py"
SYSTEMS = ("baseline", "kg")
CLI = {"kg": f"{sys.executable} -m kg.cli", "baseline": f"{sys.executable} {BASELINE}"}
ALL = ("states", "organizations", "officials", "agreements", "agreement_parties",
       "agreement_date")
# What issue 13's targets name for each pool; the other cells of its rows stay empty.
MEASURES = {
    "seed_gold": ALL,
    "redocred_dev": ("states", "organizations", "officials", "agreements"),
    "tota_pool_dev": ("agreements_recall", "matched_agreement_parties", "agreement_date"),
    "crossre_dev": ("organizations", "officials"),
    "realnews_dev": ALL,
    "plover_dev": ("event_types", "event_actors"),
}
POOLS = tuple(MEASURES)
# Table columns, and the measures each may show.
COLUMNS = {"states": ("states",), "organisations": ("organizations",),
           "officials": ("officials",), "agreements": ("agreements", "agreements_recall"),
           "agreement parties": ("agreement_parties", "matched_agreement_parties"),
           "agreement dates (accuracy)": ("agreement_date",), "event types": ("event_types",),
           "event actors": ("event_actors",)}


# --- scoring ---------------------------------------------------------------------------------

def kg_eval(half: Path) -> dict:
    """kg's report on a half: `kg eval --format json`, one process for the whole half."""
    done = subprocess.run([sys.executable, "-m", "kg.cli", "eval", str(half), "--format", "json"],
                          cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"run_accuracy: kg eval {half} failed: {done.stderr.strip()[-400:]}")
    return json.loads(done.stdout)


@functools.cache
def baseline_module():
    """benchmarks/baseline/baseline_kg.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("baseline_kg", BASELINE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def baseline_in_process(half: Path) -> dict:
    """The baseline's report on a half, with the rules `kg eval` scores by, in this process:
    the rows its `query` command would print, without the processes and the Turtle files."""
    from kg.evaluate import DocumentResult, EvalReport, read_gold, report_json, score_document
    from kg.evaluate.gold import FIELDS

    baseline = baseline_module()
    report = EvalReport(half, "baseline")
    for gold in read_gold(half):
        try:
            graph, error = baseline.build(gold.text), None
        except Exception as exc:  # noqa: BLE001 — it scores zero, as the scorer counts it
            graph, error = None, f"{type(exc).__name__}: {exc}"
        # the baseline has no query for some fields (events): it finds none of them
        rows = {name: [{c: v.strip() for c, v in zip(baseline.COLUMNS[name], row)}
                       for row in baseline.rows(graph, name)]
                if graph is not None and name in gold.fields and name in baseline.COLUMNS
                else [] for name in FIELDS}
        report.documents.append(DocumentResult(gold.id, score_document(gold, rows), error))
    return json.loads(report_json(report))


def score_py(system: str, half: Path, jobs: int) -> dict:
    """The project scorer's report of `system` on a half, through the system's CLI."""
    with tempfile.TemporaryDirectory(prefix="kg-accuracy-") as folder:
        out = Path(folder) / "report.json"
        command = [sys.executable, str(EVAL / "score.py"), str(half), "--kg", CLI[system],
                   "--jobs", str(jobs), "--json", str(out)]
        # the scorer's own stdout repeats the report; the JSON file is what we read
        subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())


def write_halves(pools: list[str], folder: Path, limit: int) -> dict[tuple[str, str], Path]:
    """Each pool's halves as JSONL files in `folder` (the first `limit` records if set);
    empty halves are left out."""
    halves = {}
    for pool in pools:
        for half in HALVES:
            lines = records_of_half(EVAL / f"{pool}.jsonl", half)[:limit or None]
            if lines:
                path = folder / f"{pool}_{half}.jsonl"
                path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
                halves[pool, half] = path
    return halves


# --- the table -------------------------------------------------------------------------------

def two_places(value: float) -> str:
    """0.125 → "0.13": half up, as a reader rounds, not to the nearest binary float."""
    return str(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def cell(metrics: dict, measure: str) -> str:
    """One measure of a report as the table shows it."""
    if measure == "agreements_recall":
        return f"recall {two_places(metrics['agreements']['r'])}" if "agreements" in metrics else "—"
    figures = metrics.get(measure)
    if figures is None:
        return "—"
    if measure == "agreement_date":
        return "—" if figures["acc"] is None else f"{two_places(figures['acc'])} (of {figures['n']})"
    if measure == "matched_agreement_parties":
        # over no matched agreement at all the F1 is 1.0 (nothing found, nothing to find): say so
        return f"{two_places(figures['f1'])} (matched)" if figures["gold"] else "— (no match)"
    return two_places(figures["f1"])


def row(pool: str, half: str, system: str, report: dict) -> str:
    wanted = MEASURES[pool]
    cells = [next((cell(report["metrics"], m) for m in shown if m in wanted), "")
             for shown in COLUMNS.values()]
    failed = len(report["failures"])
    docs = f"{half} ({report['docs']})" + (f", {failed} failed" if failed else "")
    return "| " + " | ".join([pool, docs, system, *cells]) + " |"


def revision() -> str:
    """The commit measured, marked when the working tree differs from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout
    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no").strip()
    return commit + (" + uncommitted changes" if dirty else "")


# --- main ------------------------------------------------------------------------------------

def reports(halves: dict[tuple[str, str], Path], systems: list[str], scorer: str,
            jobs: int) -> dict[tuple[str, str, str], dict]:
    """Every half scored for every system. kg runs in `jobs` processes at a time while the
    baseline is scored here; with score.py, one half after another, `jobs` documents at once."""
    def timed(what: str, score, *args) -> dict:
        started = time.monotonic()
        report = score(*args)
        print(f"  {what}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        return report

    found: dict[tuple[str, str, str], dict | Future] = {}
    if scorer == "score.py":
        for (pool, half), path in halves.items():
            for system in systems:
                found[pool, half, system] = timed(f"{system} on {pool} {half}", score_py,
                                                  system, path, jobs)
        return found
    with ThreadPoolExecutor(max_workers=jobs) as workers:
        for (pool, half), path in halves.items():
            if "kg" in systems:
                found[pool, half, "kg"] = workers.submit(timed, f"kg on {pool} {half}", kg_eval,
                                                         path)
        for (pool, half), path in halves.items():
            if "baseline" in systems:
                found[pool, half, "baseline"] = timed(f"baseline on {pool} {half}",
                                                      baseline_in_process, path)
        return {key: value.result() if isinstance(value, Future) else value
                for key, value in found.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pools", default=",".join(POOLS), help="pools in ../shared/eval")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="kg, baseline or both")
    parser.add_argument("--scorer", choices=("kg-eval", "score.py"), default="kg-eval",
                        help="kg-eval: quick, in few processes; score.py: the project's scorer "
                             "through each CLI, a document at a time")
    parser.add_argument("--jobs", type=int, default=2, help="processes at once")
    parser.add_argument("--limit", type=int, default=0, help="only the first N records a half")
    args = parser.parse_args()
    pools, systems = args.pools.split(","), args.systems.split(",")
    unknown = sorted(set(pools) - set(POOLS)) + sorted(set(systems) - set(SYSTEMS))
    if unknown:
        sys.exit(f"run_accuracy: unknown pool or system: {', '.join(unknown)}")
    if not (EVAL / "score.py").is_file():
        sys.exit(f"run_accuracy: no gold pools at {EVAL}")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kg-halves-") as folder:
        halves = write_halves(pools, Path(folder), args.limit)
        found = reports(halves, systems, args.scorer, args.jobs)
    lines = ["| pool | half (docs) | system | " + " | ".join(COLUMNS) + " |",
             "|---" * (3 + len(COLUMNS)) + "|"]
    lines += [row(pool, half, system, found[pool, half, system])
              for pool, half in halves for system in systems]
    print("\n".join(lines))
    command = " ".join(["python benchmarks/run_accuracy.py", *sys.argv[1:]])
    print(f"\nMeasured {datetime.date.today().isoformat()} at commit {revision()} with "
          f"`{command}` ({time.monotonic() - started:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
