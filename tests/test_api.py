"""The public Python API mirrors the CLI (kg.build / kg.query / kg.validate)."""
from __future__ import annotations

from pathlib import Path

import kg

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_build_query_validate_from_python(tmp_path):
    out = tmp_path / "g.ttl"
    result = kg.build([str(EXAMPLES)], [str(out)])
    assert result.built == len(list(EXAMPLES.glob("*.txt"))) + sum(
        1 for f in EXAMPLES.glob("*.jsonl") for line in f.read_text().splitlines() if line.strip())
    states = kg.query([out], "states")
    assert states.columns == ["state", "name", "iso3"]
    assert {"AZE", "ARM", "RUS"} <= {row[2] for row in states.rows}
    assert kg.validate([out]).conforms
