#!/usr/bin/env python3
"""Reproduce the README's accuracy table: kg against the spaCy NER baseline, per gold set.

Runs the project's scorer (../shared/eval/score.py) through each tool's CLI on each set and
prints a markdown table (F1 unless marked). Slow: the scorer builds every document in its own
processes, some seconds per document and tool.

    python benchmarks/run_accuracy.py                       # every set, both tools
    python benchmarks/run_accuracy.py --sets seed_gold --tools kg --limit 5

Sets scored on agreements only (treaty texts) show agreements recall and the parties of matched
agreements, as the targets of issue 3 state them; the others show agreements F1 and the parties
of all agreements.
"""
from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EVAL = REPO.parent / "shared" / "eval"
SETS = ("seed_gold", "redocred_dev", "tota_dev")
TOOLS = {"kg": f"{sys.executable} -m kg.cli",
         "baseline": f"{sys.executable} {HERE / 'baseline' / 'baseline_kg.py'}"}


def score(tool: str, gold: Path, jobs: int, limit: int) -> dict:
    """The scorer's JSON report of `tool` on `gold`."""
    with tempfile.TemporaryDirectory(prefix="kg-accuracy-") as folder:
        out = Path(folder) / "report.json"
        command = [sys.executable, str(EVAL / "score.py"), str(gold), "--kg", TOOLS[tool],
                   "--jobs", str(jobs), "--json", str(out)]
        if limit:
            command += ["--limit", str(limit)]
        # the scorer's own stdout repeats the report; the JSON file is what we read
        subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        return json.loads(out.read_text())


def two_places(value: float) -> str:
    """0.125 → "0.13": half up, as a reader rounds, not to the nearest binary float."""
    return str(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def f1(metrics: dict, name: str) -> str:
    return two_places(metrics[name]["f1"]) if name in metrics else "—"


def row(set_name: str, tool: str, report: dict) -> str:
    m = report["metrics"]
    agreements_only = "states" not in m and "agreements" in m
    if agreements_only:   # one agreement per treaty text: recall, and its parties
        matches = m["agreements"]["tp"]
        agreements = f"recall {two_places(m['agreements']['r'])}"
        # over no match at all the scorer's F1 is 1.0 (nothing found, nothing to find): say so
        counted = f"{matches} match" + ("es" if matches > 1 else "")
        parties = (f"{f1(m, 'matched_agreement_parties')} (matched; {counted})"
                   if matches else "— (no match)")
    else:
        agreements, parties = f1(m, "agreements"), f1(m, "agreement_parties")
    date = m.get("agreement_date") or {}
    dates = f"{two_places(date['acc'])} (of {date['n']})" if date.get("acc") is not None else "—"
    failed = len(report["failures"])
    name = set_name + (f" ({failed} of {report['docs']} failed)" if failed else "")
    cells = [name, tool, f1(m, "states"), f1(m, "organizations"), f1(m, "officials"),
             agreements, parties, dates]
    return "| " + " | ".join(cells) + " |"


def revision() -> str:
    """The commit measured, marked when the working tree differs from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout
    commit = git("rev-parse", "--short", "HEAD").strip() or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no").strip()
    return commit + (" + uncommitted changes" if dirty else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS), help="gold sets in ../shared/eval")
    parser.add_argument("--tools", default=",".join(TOOLS), help="kg, baseline or both")
    parser.add_argument("--jobs", type=int, default=2, help="documents scored in parallel")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    args = parser.parse_args()
    if not (EVAL / "score.py").is_file():
        sys.exit(f"run_accuracy: no scorer at {EVAL / 'score.py'}")
    lines = ["| set | system | states | organizations | officials | agreements | parties "
             "| dates (accuracy) |", "|---|---|---|---|---|---|---|---|"]
    for set_name in args.sets.split(","):
        for tool in args.tools.split(","):
            started = time.monotonic()
            print(f"scoring {tool} on {set_name}…", file=sys.stderr, flush=True)
            report = score(tool, EVAL / f"{set_name}.jsonl", args.jobs, args.limit)
            print(f"  {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
            lines.append(row(set_name, tool, report))
    print("\n".join(lines))
    command = " ".join(["python benchmarks/run_accuracy.py", *sys.argv[1:]])
    print(f"\nMeasured {datetime.date.today().isoformat()} at commit {revision()} with "
          f"`{command}`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
