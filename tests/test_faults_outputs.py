"""Faults while writing (issue 14): a full disk for every writer and for `kg render`, a folder
that cannot be written (found before extraction), several `-o` written all or nothing, and the
temporary files a killed kg leaves, removed by the next run.

The graph is made by hand, so nothing here loads the spaCy model; a full disk is simulated by a
file handle that refuses to write (ENOSPC), as a real one does.
"""
from __future__ import annotations

import errno
import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.export.files
import kg.export.gexf
from fault_helpers import INFO, small_graph
from kg.build import BuildResult
from kg.cli import app
from kg.errors import OutputError
from kg.export import check_output_paths, write_export
from kg.render import check_outputs, render
from kg.vocab import DATA_BASE

EXPORTS = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".graphml", ".gexf")
PICTURES = (".png", ".svg", ".html")
OLD = b"an export from an earlier build\n"
# The module, not the function kg/__init__.py exports under the same name.
build_module = importlib.import_module("kg.build")


class _FullDisk:
    """A file handle on a disk with `room` bytes left."""

    def __init__(self, handle, room: int) -> None:  # type: ignore[no-untyped-def]
        self._handle, self._room = handle, room

    def write(self, data):  # type: ignore[no-untyped-def]
        self._room -= len(data)
        if self._room < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._handle.write(data)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._handle, name)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc_info) -> None:  # type: ignore[no-untyped-def]
        self._handle.close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
        return _FullDisk(real_fdopen(fd, *args, **kwargs), room=64)

    monkeypatch.setattr(kg.export.files.os, "fdopen", fdopen)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --- a full disk ---------------------------------------------------------------------------------

@pytest.mark.parametrize("extension", EXPORTS)
def test_a_full_disk_is_an_output_error_and_the_old_export_stays(
        tmp_path: Path, extension: str, full_disk: None) -> None:
    target = tmp_path / f"graph{extension}"
    target.write_bytes(OLD)
    with pytest.raises(OutputError, match=f"cannot write {target}: No space left on device; "
                                          "the existing file is unchanged"):
        write_export(small_graph(), target, base=DATA_BASE, build_info=INFO)
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


@pytest.fixture(scope="module")
def exported_ttl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("render-input") / "graph.ttl"
    write_export(small_graph(), path, base=DATA_BASE, build_info=INFO)
    return path


@pytest.mark.parametrize("extension", PICTURES)
def test_a_full_disk_ends_kg_render_in_one_line(tmp_path: Path, extension: str,
                                                exported_ttl: Path, full_disk: None) -> None:
    target = tmp_path / f"picture{extension}"
    result = CliRunner().invoke(app, ["render", str(exported_ttl), "-o", str(target)])
    assert result.exit_code == 1, (result.stderr, result.exception)
    lines = result.stderr.strip().splitlines()
    assert lines == [f"kg: error: cannot write {target}: No space left on device; nothing was "
                     f"written"], result.stderr
    assert not target.exists() and leftovers(tmp_path) == []


def fake_build_graph(calls: list[str]):  # type: ignore[no-untyped-def]
    def build_graph(inputs, **options):  # type: ignore[no-untyped-def]
        calls.append("extracted")
        return BuildResult(small_graph(), INFO, built=1)
    return build_graph


def test_a_full_disk_ends_kg_build_in_one_line(tmp_path: Path, full_disk: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "build_graph", fake_build_graph([]))
    target = tmp_path / "graph.nt"
    result = CliRunner().invoke(app, ["build", "any.txt", "-o", str(target)])
    assert result.exit_code == 1, (result.stderr, result.exception)
    assert result.stderr.strip().splitlines() == [
        f"kg: error: cannot write {target}: No space left on device; nothing was written"]


# --- several outputs: all or nothing -------------------------------------------------------------

def test_a_failed_output_leaves_the_earlier_ones_as_they_were(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "build_graph", fake_build_graph([]))

    def refuse(graph, path):  # type: ignore[no-untyped-def]
        raise OutputError(f"cannot write {path}: No space left on device")

    monkeypatch.setattr(kg.export.gexf, "write_gexf", refuse)
    targets = [tmp_path / name for name in ("graph.ttl", "graph.nt", "graph.graphml",
                                            "graph.gexf")]
    for target in targets:
        target.write_bytes(OLD)
    with pytest.raises(OutputError):
        build_module.build(["any.txt"], [str(t) for t in targets])
    assert [t.read_bytes() for t in targets] == [OLD] * 4
    assert leftovers(tmp_path) == []


def test_outputs_all_written_replace_their_files_together(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "build_graph", fake_build_graph([]))
    targets = [tmp_path / "graph.ttl", tmp_path / "graph.gexf"]
    for target in targets:
        target.write_bytes(OLD)
    build_module.build(["any.txt"], [str(t) for t in targets])
    assert all(t.read_bytes() != OLD and t.stat().st_size > 100 for t in targets)
    assert leftovers(tmp_path) == []


# --- a folder that cannot be written, found before extraction ------------------------------------

def test_a_read_only_output_folder_fails_before_extraction(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(build_module, "build_graph", fake_build_graph(calls))
    locked = tmp_path / "locked"
    locked.mkdir()
    real_mkstemp = kg.export.files.tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):  # type: ignore[no-untyped-def]
        if Path(dir) == locked:   # what a read-only folder does, for root as for anyone
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_mkstemp(*args, dir=dir, **kwargs)

    monkeypatch.setattr(kg.export.files.tempfile, "mkstemp", mkstemp)
    result = CliRunner().invoke(app, ["build", "any.txt", "-o", str(tmp_path / "ok.ttl"),
                                      "-o", str(locked / "graph.ttl")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"kg: error: cannot write {locked / 'graph.ttl'}: folder {locked} is not writable "
        f"(Permission denied)"]
    assert calls == []   # reported before any document was read
    assert not (tmp_path / "ok.ttl").exists()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs permission bits that bind (not root)")
def test_a_read_only_output_folder_by_its_permissions(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="is not writable"):
            check_output_paths([locked / "graph.ttl"])
        with pytest.raises(OutputError, match="is not writable"):
            check_outputs([locked / "graph.png"])
    finally:
        locked.chmod(0o755)


# --- what a killed kg leaves ---------------------------------------------------------------------

KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys, tempfile
    from kg.export.files import BLOCKS_PREFIX, atomic_open
    folder = sys.argv[1]
    writing = atomic_open(os.path.join(folder, "graph.nt"), "wb")
    handle = writing.__enter__()
    handle.write(b"<a> <b> <c> .\\n" * 1000)
    handle.flush()
    blocks = tempfile.mkdtemp(prefix=f"{BLOCKS_PREFIX}{os.getpid()}-", dir=folder)
    open(os.path.join(blocks, "0.nt"), "wb").write(b"<a> <b> <c> .\\n")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_the_next_run_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    process = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(tmp_path)],
                             capture_output=True, text=True, timeout=60)
    assert process.returncode == -9, process.stderr
    left = leftovers(tmp_path)
    assert len(left) == 2 and any(n.startswith(".graph.nt.") for n in left), left
    (tmp_path / ".graph.nt.abcd1234.tmp").write_bytes(b"an older kg's temporary file")
    (tmp_path / ".graph.nt.notes.tmp").write_bytes(b"not a name kg makes: kept")
    live = tmp_path / f".graph.nt.{os.getpid()}.abcd1234.tmp"   # a kg still running: kept
    live.write_bytes(b"being written")
    check_output_paths([tmp_path / "graph.nt"])
    assert leftovers(tmp_path) == sorted([".graph.nt.notes.tmp", live.name])


def test_kg_render_removes_what_a_killed_render_left(tmp_path: Path) -> None:
    stale = tmp_path / ".map.png.999999999.abcd1234.tmp"   # no process has such an id
    stale.write_bytes(b"half a picture")
    check_outputs([tmp_path / "map.png"])
    assert not stale.exists()


def test_render_writes_its_outputs_all_or_nothing(tmp_path: Path, exported_ttl: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.render.html

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OutputError("cannot write page.html: No space left on device")

    monkeypatch.setattr(kg.render.html, "write_page", refuse)
    picture = tmp_path / "graph.svg"
    picture.write_bytes(OLD)
    with pytest.raises(OutputError):
        render([exported_ttl], [picture, tmp_path / "page.html"])
    assert picture.read_bytes() == OLD and leftovers(tmp_path) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_results_to_a_full_disk_end_in_one_line(exported_ttl: Path) -> None:
    with open("/dev/full", "w") as full:
        process = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(exported_ttl),
                                  "states", "--format", "csv"], stdout=full,
                                 stderr=subprocess.PIPE, text=True, timeout=120)
    assert process.returncode == 1, process.stderr
    assert process.stderr.strip().splitlines() == ["kg: error: No space left on device"]
