"""Fuzz `kg build` with damaged documents and count what goes wrong (issue 14's target: 0
tracebacks and 0 unparsable exports in 1,000 mutated documents).

    python benchmarks/fuzz_cli.py                 # 1,000 documents, seed 14
    python benchmarks/fuzz_cli.py -n 200 --seed 3 --keep /tmp/fuzz

Each document is built on its own, in this process, with typer's CliRunner, into all eight
export formats; the mutations and the judging are tests/cli_fuzz.py's, which the CI test
(tests/test_cli_fuzz.py) runs on a few dozen. Prints every traceback and unparsable export
found, then the figures; exits 1 when there is any.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from cli_fuzz import make_cases, run_case  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from kg.cli import app  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="documents (default 1000)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--keep", type=Path, help="keep each failing case's folder here")
    args = parser.parse_args()

    runner = CliRunner()
    work = Path(tempfile.mkdtemp(prefix="kg-fuzz-"))
    exits: Counter[int] = Counter()
    tracebacks = unparsable = bad_messages = 0
    start = time.perf_counter()
    try:
        for number, case in enumerate(make_cases(args.n, args.seed), 1):
            folder = work / f"{number:04d}"
            outcome = run_case(case, folder, runner, app)
            exits[outcome.exit_code] += 1
            if not outcome.ok:
                tracebacks += outcome.traceback is not None
                bad_messages += outcome.bad_message is not None
                unparsable += len(outcome.unparsable)
                print(f"--- case {number} ({case.name}, {case.mutation})")
                for line in filter(None, [outcome.traceback, outcome.bad_message,
                                          *outcome.unparsable]):
                    print(line)
                if args.keep:
                    shutil.copytree(folder, args.keep / folder.name, dirs_exist_ok=True)
            shutil.rmtree(folder, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    seconds = time.perf_counter() - start
    print(f"documents {args.n} (seed {args.seed}), {seconds:.0f} s: exit 0: {exits[0]}, "
          f"exit 1: {exits[1]}, other exits: {sum(exits.values()) - exits[0] - exits[1]}; "
          f"tracebacks {tracebacks}, unparsable exports {unparsable}, "
          f"exit 1 without a one-line error {bad_messages}")
    return 1 if tracebacks or unparsable or bad_messages else 0


if __name__ == "__main__":
    sys.exit(main())
