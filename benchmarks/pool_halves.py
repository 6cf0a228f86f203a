#!/usr/bin/env python3
"""Split a gold pool into the half we read and tune on, and the half we only score.

A record's half is fixed by a hash of its id, so it never moves when a pool grows or is
reordered: "read" when the first byte of SHA-256(id) is even, "unread" when it is odd. A rule
earns its place when the unread half improves (issue 13); both halves are reported.

    python benchmarks/pool_halves.py ../shared/eval/crossre_dev.jsonl read  > /tmp/crossre_read.jsonl
    python benchmarks/pool_halves.py ../shared/eval/crossre_dev.jsonl unread > /tmp/crossre_unread.jsonl
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HALVES = ("read", "unread")


def half_of(record_id: str) -> str:
    """The half a record belongs to, by the parity of the first byte of SHA-256 of its id."""
    return HALVES[hashlib.sha256(record_id.encode("utf-8")).digest()[0] % 2]


def records_of_half(pool: Path, half: str) -> list[str]:
    """The pool's JSONL lines whose record falls in `half`, in file order. A relative
    `text_file` is made absolute, so the lines may be written anywhere."""
    lines = []
    for line in pool.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if half_of(str(record["id"])) != half:
            continue
        if "text_file" in record and not Path(record["text_file"]).is_absolute():
            record["text_file"] = str((pool.parent / record["text_file"]).resolve())
            line = json.dumps(record, ensure_ascii=False)
        lines.append(line)
    return lines


def write_half(pool: Path, half: str, target: Path) -> int:
    """Write the records of `half` to `target`; return how many."""
    lines = records_of_half(pool, half)
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[1] not in HALVES:
        sys.exit("usage: pool_halves.py POOL.jsonl read|unread > HALF.jsonl")
    sys.stdout.write("".join(line + "\n" for line in records_of_half(Path(argv[0]), argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
