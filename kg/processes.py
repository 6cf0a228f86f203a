"""What the local processes kg starts need: whether forking is safe, and workers that leave
Ctrl-C to their parent (the extraction pool, kg/engines.py, and the N-Triples writer,
kg/export/ntriples.py); children that die with their parent (a query's, kg/time_limit.py, and
kg serve's server, kg/serve.py)."""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def fork_is_safe() -> bool:
    """fork on Linux starts a worker at once, sharing this process's memory (the modules it
    imported, the graph it built), but is unsafe in a process that runs threads: the child gets
    a copy of any lock a thread holds, and nothing will ever release it."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def ignore_interrupts() -> None:
    """A worker's initializer. Ctrl-C reaches every process of the terminal's group; only the
    parent should act on it (it shuts the pool down), or each worker would print its own
    traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def die_with(parent: int) -> None:
    """On Linux, have the kernel kill this process when its parent dies: a `kg query` killed
    (SIGTERM from `timeout`, SIGKILL) must not leave its query running for hours, nor a killed
    `kg serve` its server."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)
