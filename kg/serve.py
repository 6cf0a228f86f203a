"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over a store made by `kg load`.

kg does not speak the protocol itself: it runs the Oxigraph server (the `oxigraph` package on
PyPI, `oxigraph serve-read-only`) over the store, after checking what would make it fail with a
backtrace instead of a message (no store, a damaged one, a port in use, a host that does not
resolve, a server whose version cannot read the store pyoxigraph wrote). Oxigraph answers GET and
POST at /query in SPARQL JSON, XML, CSV or TSV by the Accept header, refuses updates (read-only
mode), and serves its own YASGUI page at /.

Queries see the store's default graph, which `kg load` made the union of all graphs (kg/store.py);
Oxigraph's --union-default-graph is not used, since it would count a triple once per graph.

The time limit is Oxigraph's own (--timeout-s, whole seconds). It is cooperative: Oxigraph cancels
a query when it next checks the clock, which it does while it computes the first answer, not once
rows are streaming, and not while it sorts. The README says what that means in practice.
"""
from __future__ import annotations

import math
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kg.errors import KGError, QueryError
from kg.processes import die_with  # a killed kg serve must not leave its server running

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
SERVER_PROGRAM = "oxigraph"
_READY = "Listening for requests at"
_START_SECONDS = 30.0   # opening a large store takes a moment; a hang should not wait forever
_STOP_SECONDS = 5.0


class ServeError(KGError):
    """The endpoint cannot be started: no store, a port in use, a bad host, no Oxigraph server."""


@dataclass
class Server:
    """A running Oxigraph server: its process and the URL of its SPARQL endpoint."""

    process: subprocess.Popen
    host: str
    port: int
    messages: list[str] = field(default_factory=list)  # what it said on stderr, after starting

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def url(self) -> str:
        """The SPARQL endpoint (queries)."""
        return self.base_url + "query"

    def wait(self) -> int:
        """Block until the server exits; its exit status."""
        return self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(_STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(store_dir: str | Path, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 timeout: float = 0, cors: bool = False) -> Server:
    """Start Oxigraph's read-only server over the store in `store_dir` and return once it
    listens. `timeout`: seconds a query may run (rounded up to whole seconds; 0: no limit).
    ServeError when it cannot start."""
    from kg.store import check_store

    program = server_program()
    try:
        check_store(Path(store_dir))
    except QueryError as exc:
        raise ServeError(str(exc)) from exc
    check_address(host, port)
    command = [program, "serve-read-only", "--location", str(store_dir),
               "--bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}"]
    if timeout and not math.isinf(timeout):
        command += ["--timeout-s", str(math.ceil(timeout))]
    if cors:
        command.append("--cors")
    # Oxigraph's errors would otherwise come with a Rust backtrace when RUST_BACKTRACE is set.
    env = {**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"}
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, errors="replace", env=env,
                               preexec_fn=partial(die_with, os.getpid()) if os.name == "posix"
                               else None)
    server = Server(process, host, port)
    _wait_until_listening(server)
    return server


def _wait_until_listening(server: Server) -> None:
    ready, listening = threading.Event(), threading.Event()
    said: list[str] = []

    def read() -> None:  # drains stderr for the server's whole life, so it never blocks on it
        assert server.process.stderr is not None
        for line in server.process.stderr:
            line = line.strip()
            if line.startswith(_READY):
                listening.set()
                ready.set()
            elif line:
                (server.messages if listening.is_set() else said).append(line)
        ready.set()  # its stderr closed: it has exited, and will never listen

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(_START_SECONDS):
        server.stop()
        raise ServeError(f"the Oxigraph server did not start within {_START_SECONDS:g} s")
    if not listening.is_set():
        server.stop()  # reaps it, for its exit status
        raise ServeError(_startup_error(said, server.process.returncode))


def _startup_error(said: list[str], status: int | None) -> str:
    errors = [line.removeprefix("Error: ") for line in said if line.startswith("Error:")]
    detail = errors[0] if errors else (said[0] if said else f"exit status {status}")
    return f"the Oxigraph server did not start: {detail}"


def server_program() -> str:
    """The Oxigraph server's program: the one installed beside this Python (a venv's bin/),
    else the first on PATH; ServeError when there is none or its version cannot read the store
    format of the installed pyoxigraph."""
    beside = Path(sys.executable).parent
    found = shutil.which(SERVER_PROGRAM, path=os.pathsep.join([str(beside),
                                                                os.environ.get("PATH", "")]))
    if found is None:
        raise ServeError(f"the Oxigraph server is not installed: pip install "
                         f"'oxigraph=={_series(_pyoxigraph_version())}.*'")
    check_server_version(found)
    return found


def check_server_version(program: str) -> None:
    """The server must be of pyoxigraph's release series (0.5.x with 0.5.y): pyoxigraph wrote
    the store, and another series may not read it, or may try to migrate it."""
    try:
        answer = subprocess.run([program, "--version"], capture_output=True, text=True,
                                timeout=30, check=False).stdout
    except OSError as exc:
        raise ServeError(f"{program}: cannot run the Oxigraph server ({exc})") from exc
    match = re.search(r"(\d+)\.(\d+)\.\d+", answer)
    wanted = _series(_pyoxigraph_version())
    if match is None:
        raise ServeError(f"{program}: not the Oxigraph server (its --version says "
                         f"{answer.strip()!r})")
    if f"{match.group(1)}.{match.group(2)}" != wanted:
        raise ServeError(f"{program} is Oxigraph {match.group(0)}, but the store was written by "
                         f"pyoxigraph {_pyoxigraph_version()}; pip install "
                         f"'oxigraph=={wanted}.*'")


def _pyoxigraph_version() -> str:
    from importlib.metadata import version

    return version("pyoxigraph")


def _series(version: str) -> str:
    return ".".join(version.split(".")[:2])


def check_address(host: str, port: int) -> None:
    """ServeError unless `host` resolves and `port` is free there (checked by binding it)."""
    if not 0 < port < 65536:
        raise ServeError(f"port {port} is not a TCP port; give one from 1 to 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ServeError(f"cannot listen on {host!r}: no such host ({exc}); give an address "
                         f"like 127.0.0.1") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        if os.name != "nt":  # as Oxigraph (Rust's TcpListener) does: a port in TIME_WAIT is free
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
                raise ServeError(f"port {port} on {host} is in use (another kg serve?); choose "
                                 f"another with --port") from exc
            raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from exc
