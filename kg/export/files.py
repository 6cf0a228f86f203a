"""Atomic file writing: write beside the target, then rename, so an export is never half-written
and an existing one is never clobbered by a failed build.

- `atomic_open` writes one file. An error while writing (a full disk, a quota) is an
  OutputError naming the file, and the target is left as it was.
- `all_or_nothing` groups several: inside it, temporary files are written but none renamed until
  every one is complete, so a later failure (the third of three `-o`) leaves the first two as
  they were.
- Temporary names carry the writer's process id (`.graph.ttl.<pid>.<random>.tmp`, and
  `.kg-blocks-<pid>-<random>` folders for N-Triples written in processes). A killed writer
  cannot remove its own; `remove_leftovers` removes those whose process is gone, and every
  build and render calls it on its outputs first.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Iterator

from kg.errors import KGError, OutputError

BLOCKS_PREFIX = ".kg-blocks-"   # kg/export/ntriples.py's folders of rendered blocks
# The (temporary file, target) pairs that wait for the end of an `all_or_nothing` block.
_pending: ContextVar[list[tuple[str, Path]] | None] = ContextVar("kg_pending_renames",
                                                                 default=None)


@contextmanager
def atomic_open(path: str | Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file beside `path` for writing; on success it replaces `path` (at the
    end of the enclosing `all_or_nothing` block, if any).

    `mode` is "w" (text, UTF-8, "\\n" newlines) or "wb". On any error the temporary file is removed
    and `path` is left as it was; an OSError (disk full, …) becomes an OutputError naming `path`.
    """
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an export should look like any file
    try:
        if "b" in mode:
            handle = os.fdopen(fd, mode)
        else:
            handle = os.fdopen(fd, mode, encoding="utf-8", newline="\n")
        with handle:
            yield handle
        pending = _pending.get()
        if pending is None:
            os.replace(tmp, target)
        else:
            pending.append((tmp, target))
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, KGError):
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}; "
                              f"{_unchanged(target)}") from exc
        raise


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """Every `atomic_open` inside writes its temporary file; the files replace their targets
    together when the block ends without error, and none does when it fails."""
    pending: list[tuple[str, Path]] = []
    token = _pending.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            _unlink(tmp)
        raise
    finally:
        _pending.reset(token)
    for done, (tmp, target) in enumerate(pending):
        try:
            os.replace(tmp, target)
        except OSError as exc:   # rare (the temporary files sit beside their targets)
            for rest, _ in pending[done:]:
                _unlink(rest)
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _temp_prefix(path: Path) -> str:
    """The start of this process's temporary names beside `path` (remove_leftovers matches the
    `.{name}.` stem with any process id)."""
    return f".{path.name}.{os.getpid()}."


def check_writable(path: Path) -> None:
    """OutputError unless a file can be created in `path`'s folder: tried, not guessed from
    permission bits (which a read-only mount, an ACL or root's rights make misleading)."""
    folder = path.parent
    try:
        fd, probe = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: folder {folder} is not writable "
                          f"({exc.strerror or exc})") from exc
    os.close(fd)
    _unlink(probe)


def remove_leftovers(path: Path) -> None:
    """Remove the temporary files of `path`, and the block folders beside it, that a killed kg
    left behind (their process is gone); those of a kg still running are left alone."""
    folder = path.parent
    temporary = re.compile(re.escape(f".{path.name}.") + _LEFTOVER + r"\.tmp")
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = temporary.fullmatch(entry.name)
        if found and entry.is_file(follow_symlinks=False) and not _running(found["pid"]):
            _unlink(entry.path)
        found = _BLOCKS.fullmatch(entry.name)
        if found and entry.is_dir(follow_symlinks=False) and not _running(found["pid"]):
            shutil.rmtree(entry.path, ignore_errors=True)


# What follows a temporary name's prefix: "<pid>.<random>", or (an older kg) "<random>";
# tempfile's random part is 8 characters of [a-z0-9_].
_LEFTOVER = r"(?:(?P<pid>[0-9]+)\.)?[a-z0-9_]{8}"
_BLOCKS = re.compile(re.escape(BLOCKS_PREFIX) + r"(?:(?P<pid>[0-9]+)-)?[a-z0-9_]{8}")


def _running(pid_text: str | None) -> bool:
    """Whether the process named in a temporary name still runs; a name without a process id
    (written by an older kg) counts as left over."""
    if pid_text is None:
        return False
    pid = int(pid_text)
    if pid == os.getpid() or os.name != "posix":   # Windows' os.kill(pid, 0) would end it
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True   # another user's process: alive (not ours to clean)
    return True


def _unchanged(target: Path) -> str:
    return "the existing file is unchanged" if target.exists() else "nothing was written"


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:   # gone already, or not ours to remove: a leftover never fails a build
        pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
