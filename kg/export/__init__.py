"""Exporters, one module per format family; `write_export` picks one by the file's extension."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from kg.errors import OutputError
from kg.export.files import check_writable, remove_leftovers
from kg.model import KnowledgeGraph

PROPERTY_GRAPH_FORMATS = (".graphml", ".gexf")


def supported_extensions() -> tuple[str, ...]:
    from kg.export.rdf import RDF_FORMATS

    return tuple(RDF_FORMATS) + PROPERTY_GRAPH_FORMATS


def check_output_paths(outputs: Sequence[str | Path],
                       created: list[Path] | None = None) -> list[Path]:
    """Every output has a supported extension and a folder we can write in (created if missing;
    the folders made are appended to `created`, so a failed build can remove them again).
    Checked before any work is done, so a typo or a read-only folder costs nothing. Temporary
    files a killed build left beside an output are removed."""
    paths = [Path(o) for o in outputs]
    supported = supported_extensions()
    for path in paths:
        if path.suffix.lower() not in supported:
            raise OutputError(f"cannot write {path}: unknown format {path.suffix or '(none)'!r}; "
                              f"supported: {', '.join(supported)}")
        folder = path.parent
        missing = [f for f in (folder, *folder.parents) if not f.exists()]
        blocker = next((f for f in (folder, *folder.parents) if f.exists()), None)
        if blocker is not None and not blocker.is_dir():
            raise OutputError(f"cannot write {path}: {blocker} is a file, not a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: cannot create folder {folder} "
                              f"({exc.strerror or exc})") from exc
        finally:
            if created is not None:
                created.extend(f for f in reversed(missing) if f.is_dir())
        if path.is_dir():
            raise OutputError(f"cannot write {path}: it is a folder")
        check_writable(path)
        remove_leftovers(path)   # what a killed build left beside it
    return paths


def remove_empty_folders(folders: Sequence[Path]) -> None:
    """Remove the folders `check_output_paths` made, deepest first, where they are still empty."""
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:  # not empty (an export was written) or already gone: leave it
            pass


def write_export(graph: KnowledgeGraph, path: str | Path, *, base: str, build_info,
                 processes: int = 1) -> None:
    """Write one export, atomically, in the format its extension names (see `write_exports`)."""
    write_exports(graph, [path], base=base, build_info=build_info, processes=processes)


def write_exports(graph: KnowledgeGraph, paths: Sequence[str | Path], *, base: str, build_info,
                  processes: int = 1) -> None:
    """Write every export, each atomically, in the format its extension names; N-Triples and
    N-Quads with up to `processes` processes. Characters XML 1.0 forbids in the graph's strings
    are written as spaces in every format (kg.xml_chars), so every export parses. The graph is
    made XML-safe once, and turned into a networkx graph once for all GraphML and GEXF files."""
    from kg.xml_chars import xml_safe_data

    graph = xml_safe_data(graph)
    networkx_graph = None
    for path in map(Path, paths):
        suffix = path.suffix.lower()
        if suffix in PROPERTY_GRAPH_FORMATS:
            from kg.export.gexf import write_gexf
            from kg.export.graphml import write_graphml

            if networkx_graph is None:   # the writers only read it, so one serves them all
                networkx_graph = graph.to_networkx()
            writer = write_graphml if suffix == ".graphml" else write_gexf
            writer(networkx_graph, path)
        else:
            from kg.export.rdf import write_rdf

            write_rdf(graph, path, base=base, build_info=build_info, processes=processes)
