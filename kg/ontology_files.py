"""Locate the ontology files kg ships: kg.ttl, shapes.ttl and the named queries.

An installed wheel holds them in the package `kg.ontology` (pyproject maps the top-level
`ontology/` folder onto it); a source checkout has no `kg/ontology`, so we fall back to the
repository's `ontology/` folder beside the `kg` package.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from kg.errors import KGError

_SOURCE_FOLDER = Path(__file__).resolve().parent.parent / "ontology"


def ontology_dir() -> Path:
    """The folder holding kg.ttl, shapes.ttl and queries/."""
    try:
        root = resources.files("kg.ontology")
    except ModuleNotFoundError:  # a source tree: kg.ontology only exists once installed
        root = None
    # A wheel is installed unzipped, so the resource is a real folder; anything else (a zip
    # import) is not a layout we ship, and the source fallback is the honest answer.
    if isinstance(root, Path) and (root / "kg.ttl").is_file():
        return root
    if (_SOURCE_FOLDER / "kg.ttl").is_file():
        return _SOURCE_FOLDER
    raise KGError("cannot find kg's ontology files (kg.ttl): the installation is incomplete; "
                  "reinstall diplograph, or run from a source checkout that has ontology/")


def ontology_path(name: str = "kg.ttl") -> Path:
    """A file of the ontology folder by name, e.g. "kg.ttl" or "queries/agreements.rq"."""
    path = ontology_dir() / name
    if not path.is_file():
        raise KGError(f"kg ships no ontology file {name!r} (looked in {ontology_dir()})")
    return path


def shapes_path() -> Path:
    """The SHACL shapes every export must satisfy."""
    return ontology_path("shapes.ttl")


def queries_dir() -> Path:
    """The folder of named competency queries (one .rq file each)."""
    return ontology_dir() / "queries"
