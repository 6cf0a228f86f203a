"""A query with a time limit: `kg query --timeout SECONDS`, over files and over a store.

The query runs in a child process, and the caller waits for its answer; at the deadline, or on
Ctrl-C, the child is killed. A thread would not do: an rdflib query is pure Python and cannot be
stopped from outside, and an Oxigraph query runs in Rust with the GIL released, where Python's
signal handlers never run (Ctrl-C was ignored until the query ended). Killing a process stops
both, and frees the memory the query held. On Linux the child also dies with its parent, however
the parent ends.

The child is forked where that is safe (kg.processes.fork_is_safe: it starts at once) and spawned
elsewhere, so a task must be picklable: a module-level function, or a functools.partial of one.
"""
from __future__ import annotations

import math
import multiprocessing
import os
from typing import Callable, TypeVar

from kg.errors import KGError, QueryError
from kg.processes import die_with, fork_is_safe, ignore_interrupts

T = TypeVar("T")


def run_with_time_limit(task: Callable[[], T], seconds: float, what: str = "the query") -> T:
    """`task()` run in a child process; QueryError if it has not answered after `seconds`
    (math.inf: no limit, though Ctrl-C still stops it). A KGError in the child is raised here."""
    context = multiprocessing.get_context("fork" if fork_is_safe() else "spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_answer, args=(task, send, os.getpid()), daemon=True)
    child.start()
    send.close()  # the child holds the only writing end: EOF when it dies
    try:
        if not receive.poll(None if math.isinf(seconds) else seconds):
            raise QueryError(f"stopped after {seconds:g} s: {what} had not finished; narrow the "
                             f"query (a LIMIT, more specific patterns) or allow more time with "
                             f"--timeout SECONDS (0: no limit)")
        outcome, value = receive.recv()
    except EOFError:
        child.join()
        raise QueryError(f"{what} ended without an answer (its process exited with "
                         f"{_exit_status(child.exitcode)}); out of memory?") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if outcome == "error":
        raise value
    return value


def _answer(task: Callable[[], object], send, parent: int) -> None:  # type: ignore[no-untyped-def]
    """The child: run the task and send back ("ok", result) or ("error", a KGError)."""
    ignore_interrupts()  # Ctrl-C reaches the whole process group; the parent acts on it
    die_with(parent)
    try:
        message: tuple[str, object] = ("ok", task())
    except KGError as exc:
        message = ("error", exc)
    except Exception as exc:  # one line for the user, as in-process errors are (kg/query.py)
        message = ("error", QueryError(f"the query failed: {type(exc).__name__}: {exc}"))
    send.send(message)
    send.close()


def _exit_status(code: int | None) -> str:
    if code is not None and code < 0:
        return f"signal {-code}"
    return f"code {code}"
