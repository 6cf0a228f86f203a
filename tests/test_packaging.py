"""`pip install .` (not editable) installs only the packages pyproject.toml lists: a sub-package
missing there works in a checkout and fails after a real install (No module named …)."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_kg_is_listed_for_installation() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts)
             for init in (ROOT / "kg").rglob("__init__.py")}
    assert found - listed == set()
