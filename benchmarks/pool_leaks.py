#!/usr/bin/env python3
"""List names and phrases of the gold pools that appear in kg's code, comments or tests.

Issue 13's rule: no name, phrase or example from a pool goes into code, comments or tests. This
finds candidates: every run of two or more capitalised words (small joining words allowed) in a
pool's texts and gold names, looked up in the project's Python files and test data. Our own
tables (kg/data/*.csv) hold facts such as state and organisation names, so they are not searched.
A phrase our tables hold is a fact's name and is left out. Common English ("Prime Minister",
"On Tuesday") still shows up: read the list and replace the examples taken from a pool.

    python benchmarks/pool_leaks.py               # every pool in ../shared/eval
    python benchmarks/pool_leaks.py --max-docs 1  # only phrases that one pool text holds
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
SEARCHED = ("kg", "tests", "benchmarks", "docs", "README.md")
NAME = re.compile(r"\b[A-Z][\w'’.-]+(?:\s+(?:(?:of|the|de|von|der|van|da|bin|al|and|for|on)\s+)?"
                  r"[A-Z][\w'’.-]+)+")


def pool_phrases(pool: Path) -> Counter[str]:
    """Each capitalised phrase of the pool's texts and gold names, with the number of records
    that hold it."""
    counts: Counter[str] = Counter()
    for line in pool.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = record.get("text") or ""
        if not text and record.get("text_file"):
            text = (pool.parent / record["text_file"]).read_text(encoding="utf-8")
        gold = json.dumps(record.get("gold", {}), ensure_ascii=False)
        counts.update({m.strip() for m in NAME.findall(text + "\n" + gold) if len(m) >= 8})
    return counts


def table_text() -> str:
    """Our own tables, lower-cased: a phrase they hold is a fact's name (a state, a body)."""
    return "\n".join(p.read_text(encoding="utf-8").lower()
                     for p in sorted((REPO / "kg" / "data").glob("*.[ct]sv")))


def project_files() -> dict[str, str]:
    listed = subprocess.run(["git", "ls-files", *SEARCHED], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.split()
    files = {}
    for name in listed:
        if name.startswith("kg/data/") or name == "benchmarks/pool_leaks.py":
            continue
        try:
            files[name] = (REPO / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-docs", type=int, default=2,
                        help="only phrases held by at most this many records of a pool")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"pool_leaks: no pools at {EVAL}")
    files, tables = project_files(), table_text()
    found = 0
    for pool in sorted(EVAL.glob("*.jsonl")):
        for phrase, docs in sorted(pool_phrases(pool).items()):
            if docs > args.max_docs or phrase.lower() in tables:
                continue
            where = [name for name, text in files.items() if phrase in text]
            if where:
                found += 1
                print(f"{pool.stem}\t{phrase}\t{', '.join(where[:4])}")
    print(f"{found} phrases found", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
