"""`kg build --engine dask` without `--scheduler` starts a local Dask cluster that listens on
127.0.0.1 only: its scheduler, its workers, and the scheduler's HTTP server (the dashboard),
which `dashboard_address=":0"` bound to every interface."""
from __future__ import annotations

import pytest

from kg.dask_engine import DaskEngine

pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")


def _listening_addresses() -> set[tuple[str, int]]:
    """Every (address, port) a socket of this process or of its children listens on."""
    me = psutil.Process()
    found = set()
    for process in [me, *me.children(recursive=True)]:
        for connection in process.net_connections(kind="inet"):
            if connection.status == psutil.CONN_LISTEN:
                found.add((connection.laddr.ip, connection.laddr.port))
    return found


def test_a_local_cluster_listens_on_this_machine_only() -> None:
    before = _listening_addresses()
    engine = DaskEngine("en_core_web_sm", workers=1)
    try:
        client = engine._connect()  # what the first document to extract does
        assert client.scheduler_info()["workers"]  # the worker has started and registered
        started = _listening_addresses() - before
    finally:
        engine.close()
    assert started and {address for address, _ in started} == {"127.0.0.1"}
