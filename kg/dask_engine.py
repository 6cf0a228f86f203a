"""Extraction on Dask workers: `kg build --engine dask [--scheduler tcp://HOST:8786]`.

Documents go to the workers in batches; each worker process loads the model once (see
kg.engines.pipeline_for) and sends back plain DocumentExtractions, which are merged here in input
order, so the graph is the one a local build makes. Without `--scheduler`, a local cluster of
`--workers` processes (default: one per core) is started for the build and stopped after it.

Every worker must have kg and the model installed, at the versions the client has: each task
carries the client's pipeline version, and a worker whose own differs refuses the task rather than
return results made by other rules (which the client would then cache under its own version).

Dask is optional (`pip install 'diplograph[dask]'`): it is imported only here, only when asked.
"""
from __future__ import annotations

import os
from functools import lru_cache, partial
from itertools import chain
from typing import Any, Iterable, Iterator

from kg.engines import BATCH_SIZE, batches, extract_batch, model_info, ordered_results
from kg.errors import EngineError
from kg.model import Document, DocumentExtraction

CONNECT_TIMEOUT = "10s"
# A local cluster listens on this machine only: its scheduler, its workers and the scheduler's
# HTTP server (the dashboard, which Dask starts even with dashboard_address=None, then on 8787).
# ":0" would bind that server to every interface; port 0 is any free port.
LOCAL_HOST = "127.0.0.1"
INSTALL_HINT = "pip install 'diplograph[dask]'"


class DaskEngine:
    def __init__(self, model: str, *, scheduler: str | None = None, workers: int | None = None,
                 version: str | None = None, extra_entries: tuple = (),
                 extra_codes: tuple = ()) -> None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise EngineError(f"--engine dask needs Dask, which is not installed: {INSTALL_HINT}"
                              ) from None
        if scheduler is not None and workers is not None:
            raise EngineError("--workers does not apply with --scheduler: the cluster's own "
                              "workers do the work (start more dask workers instead)")
        self.model = model
        self.scheduler = scheduler
        self.workers = workers
        self.version = version
        self.extra_entries = extra_entries   # a user gazetteer's, sent with every task
        self.extra_codes = extra_codes       # a user event table's rows, sent likewise
        self.lookahead = BATCH_SIZE * 2 * (workers or os.cpu_count() or 1)
        self._client: Any = None
        self._cluster: Any = None

    def _connect(self) -> Any:
        """The client, connected on the first document: a fully cached build starts nothing."""
        if self._client is not None:
            return self._client
        from distributed import Client, LocalCluster

        if self.scheduler is None:
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                         processes=True, host=LOCAL_HOST,
                                         dashboard_address=f"{LOCAL_HOST}:0")
            self._client = Client(self._cluster)
            return self._client
        try:
            self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {self.scheduler} ({exc}); "
                              f"is dask-scheduler running there?") from None
        return self._client

    def _window(self, client: Any) -> int:
        """Two batches in flight per worker (at least two): busy workers, bounded memory."""
        workers = len(client.scheduler_info().get("workers", {}))
        return 2 * max(workers, 1)

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction]:
        from distributed import KilledWorker

        stream = iter(documents)
        first = next(stream, None)
        if first is None:
            return
        client = self._connect()
        window = self._window(client)
        self.lookahead = BATCH_SIZE * window
        submit = partial(client.submit, extract_on_worker, self.model, self.version, pure=False,
                         extra_entries=self.extra_entries, extra_codes=self.extra_codes)
        try:
            yield from ordered_results(batches(chain([first], stream), BATCH_SIZE), submit,
                                       window)
        except KilledWorker as exc:
            raise EngineError(f"Dask workers kept dying on a batch of documents ({exc}); "
                              f"out of memory?") from None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def extract_on_worker(model: str, expected: str | None, documents: list[Document],
                      extra_entries: tuple = (), extra_codes: tuple = ()
                      ) -> list[DocumentExtraction]:
    """A task on a Dask worker: check the worker runs our pipeline version, then extract. The
    client's user gazetteer (`extra_entries`) and event table (`extra_codes`) come with the
    task, and are part of the version."""
    if expected is not None:
        found = _pipeline_digest(model, extra_entries, extra_codes)
        if found != expected:
            raise EngineError(f"a Dask worker runs another kg, model or tables than this "
                              f"client (pipeline {found[:12]}, not {expected[:12]}): install the "
                              f"same kg and model on every worker")
    return extract_batch(model, documents, extra_entries, extra_codes)


@lru_cache(maxsize=None)
def _pipeline_digest(model: str, extra_entries: tuple = (), extra_codes: tuple = ()) -> str:
    from kg.cache import pipeline_version
    from kg.data.user_event_codes import codes_digest
    from kg.data.user_gazetteer import entries_digest

    return pipeline_version(model, model_info(model).version,
                            user_gazetteer=entries_digest(extra_entries),
                            user_events=codes_digest(extra_codes)).digest
