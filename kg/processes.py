"""What every pool of local processes kg starts needs: whether forking is safe, and workers that
leave Ctrl-C to their parent. Used by the extraction pool (kg/engines.py) and the N-Triples
writer (kg/export/ntriples.py)."""
from __future__ import annotations

import signal
import sys
import threading


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
