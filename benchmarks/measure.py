"""Measure one child process: wall time, CPU time, peak RSS, and the peak memory of its tree.

Peak RSS is the child's own `ru_maxrss` from `os.wait4` (stdlib, Linux: the largest of the
child and the descendants it waited for — one process, not their sum). Worker processes share
pages with their parent, so for a process tree we also sample the sum of PSS (proportional set
size: shared pages split between the processes that share them) over the child and all its
descendants, from /proc, a few times a second.
"""
from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

SAMPLE_INTERVAL = 0.25  # seconds between samples of the process tree's memory


@dataclass(frozen=True)
class ProcessRun:
    command: tuple[str, ...]
    returncode: int
    wall: float          # seconds
    cpu: float           # user + system seconds, the child and the descendants it waited for
    max_rss_mb: float    # the largest single process
    tree_pss_mb: float   # the largest sampled sum over the process tree (0 if /proc is absent)
    load: float          # the 1-minute load average when it started
    stdout: str
    stderr: str

    def check(self) -> ProcessRun:
        if self.returncode != 0:
            raise RuntimeError(f"{' '.join(self.command)} exited with {self.returncode}:\n"
                               f"{self.stderr[-2000:]}")
        return self


def run(command: Sequence[str], env: Mapping[str, str] | None = None,
        cwd: Path | None = None) -> ProcessRun:
    """Run `command` to its end and measure it."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(command), stdout=out, stderr=err, cwd=cwd,
                                   env=None if env is None else dict(env))
        sampler = TreeMemorySampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)  # Popen must not wait again
        out.seek(0)
        err.seek(0)
        return ProcessRun(tuple(command), process.returncode, wall,
                          usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                          sampler.peak_kb / 1024, load, out.read().decode("utf-8", "replace"),
                          err.read().decode("utf-8", "replace"))


class TreeMemorySampler(threading.Thread):
    """Samples the summed PSS of a process and its descendants until stopped."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._stopped = threading.Event()

    def run(self) -> None:
        while not self._stopped.wait(SAMPLE_INTERVAL):
            self.peak_kb = max(self.peak_kb, sum(pss_kb(p) for p in process_tree(self.pid)))

    def stop(self) -> None:
        self._stopped.set()
        self.join()


def process_tree(root: int) -> list[int]:
    """`root` and every live descendant (from the parent ids in /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else ():
        if entry.name.isdigit():
            parent = _parent_pid(entry)
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def _parent_pid(proc_dir: Path) -> int | None:
    try:
        stat = (proc_dir / "stat").read_text()
    except OSError:  # the process ended meanwhile
        return None
    # "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ")"
    return int(stat.rsplit(")", 1)[1].split()[1])


def pss_kb(pid: int) -> int:
    """The process's proportional set size in KiB (its RSS where smaps_rollup is missing)."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except (OSError, ValueError):
            continue
    return 0


def load_average() -> str:
    """The 1-minute load average: other work on the machine makes wall times noisy."""
    return f"{os.getloadavg()[0]:.1f}"


def wait_for_quiet(max_load: float | None, timeout: float = 300) -> float:
    """Wait (at most `timeout` seconds) until the 1-minute load average is below `max_load`;
    returns the load average then."""
    deadline = time.monotonic() + timeout
    while max_load is not None and os.getloadavg()[0] >= max_load \
            and time.monotonic() < deadline:
        time.sleep(5)
    return os.getloadavg()[0]
