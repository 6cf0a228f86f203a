"""Where extraction runs: in this process, in a pool of local processes (`--workers N`), or on
Dask workers (`--engine dask`, see kg/dask_engine.py).

Every engine takes documents and gives back their DocumentExtractions in input order, so the
graph is the same whichever engine made it. Each process (or thread) loads the model once, on
its first document: a build whose documents all come from the cache loads no model at all.
spaCy is imported only when a model is loaded, so importing this module is cheap.
"""
from __future__ import annotations

import json
import multiprocessing
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Protocol

from kg.errors import EngineError, ModelError
from kg.model import Document, DocumentExtraction
from kg.processes import fork_is_safe, ignore_interrupts

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.data.event_codes import EventCode
    from kg.data.user_gazetteer import UserEntry
    from kg.nlp.models import ModelInfo

BATCH_SIZE = 32      # documents per nlp.pipe batch, and per task sent to a worker
ENGINES = ("local", "dask")


class Engine(Protocol):
    lookahead: int   # about how many documents it reads ahead of the results it has given

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction]: ...


# --- the model, per process ----------------------------------------------------------------------

def model_info(model: str | None) -> ModelInfo:
    """The name and version of the model `kg build --model` would load, read from its meta.json
    without loading it (the cache key needs them before we know whether to load)."""
    from kg.nlp.models import ModelInfo, default_model_name, own_name

    name = model or default_model_name()
    if name.startswith("blank:"):
        return ModelInfo(name, "0.0.0")   # spaCy's version of a blank pipeline
    meta_file = _model_folder(name) / "meta.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        version = meta.get("version", "unknown")
    except (OSError, ValueError, AttributeError) as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: it is not installed or not a spaCy "
                         f"pipeline (pip install it, or pass --model NAME)") from exc
    return ModelInfo(name, str(version), own_name(meta))


def _model_folder(name: str) -> Path:
    """Where spacy.load(name) would find the model: an installed package first, then a folder."""
    import importlib.util

    if name.isidentifier():
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            return Path(next(iter(spec.submodule_search_locations)))
    return Path(name)


_thread_state = threading.local()


def pipeline_for(model: str, extra_entries: tuple[UserEntry, ...] = ()) -> Language:
    """This thread's pipeline `model` (with a user gazetteer's `extra_entries`), loaded on first
    use and kept: a worker loads it once, and a program calling kg.build() repeatedly loads it
    once. Per thread, because a spaCy pipeline is not meant to be shared by threads (a Dask
    worker may run several)."""
    pipelines = getattr(_thread_state, "pipelines", None)
    if pipelines is None:
        pipelines = _thread_state.pipelines = {}
    key = (model, extra_entries)
    if key not in pipelines:
        from kg.nlp.pipeline import load_pipeline

        pipelines[key] = load_pipeline(model, extra_entries)[0]
    return pipelines[key]


def extract_documents(documents: Iterable[Document], nlp: Language,
                      on_document: Callable[[Document], None] | None = None,
                      extra_entries: tuple[UserEntry, ...] = (),
                      extra_codes: tuple[EventCode, ...] = (),
                      ) -> Iterator[DocumentExtraction]:
    """Run the pipeline over documents in batches and our rules over each Doc. `nlp` must have
    been loaded with the same user gazetteer `extra_entries`; `extra_codes` are a user event
    table's rows (kg.data.user_event_codes)."""
    from kg.data.event_codes import event_table
    from kg.data.user_gazetteer import person_alias_keys, rekey_people
    from kg.nlp.extract import extract
    from kg.nlp.gazetteer import gazetteer_for
    from kg.nlp.long_texts import pipe_documents

    gazetteer = gazetteer_for(extra_entries)
    events = event_table(extra_codes)
    people = person_alias_keys(extra_entries)
    for doc, document in pipe_documents(nlp, documents, BATCH_SIZE):
        extraction = extract(doc, document, gazetteer, events)
        yield rekey_people(extraction, gazetteer, people) if people else extraction
        if on_document is not None:
            on_document(document)


def extract_batch(model: str, documents: list[Document],
                  extra_entries: tuple[UserEntry, ...] = (),
                  extra_codes: tuple[EventCode, ...] = ()) -> list[DocumentExtraction]:
    """One task for a worker process: a batch of documents → their extractions. The user
    gazetteer's entries and event table's rows travel with each task, so every worker uses the
    client's."""
    return list(extract_documents(documents, pipeline_for(model, extra_entries),
                                  extra_entries=extra_entries, extra_codes=extra_codes))


# --- engines -------------------------------------------------------------------------------------

class InProcessEngine:
    """Extraction in this process (`--workers 1`)."""

    lookahead = BATCH_SIZE

    def __init__(self, model: str, extra_entries: tuple[UserEntry, ...] = (),
                 extra_codes: tuple[EventCode, ...] = ()) -> None:
        self.model = model
        self.extra_entries = extra_entries
        self.extra_codes = extra_codes

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction]:
        stream = iter(documents)
        first = next(stream, None)
        if first is None:
            return       # nothing to extract: the model is not loaded
        yield from extract_documents(chain([first], stream),
                                     pipeline_for(self.model, self.extra_entries),
                                     extra_entries=self.extra_entries,
                                     extra_codes=self.extra_codes)


class ProcessPoolEngine:
    """Extraction in `workers` local processes. Ours rather than nlp.pipe(n_process=…): spaCy's
    processes return Docs to this one, which would then run all our rules alone; ours return
    finished extractions (plain data, cheap to pickle), so the rules run in parallel too."""

    def __init__(self, model: str, workers: int, extra_entries: tuple[UserEntry, ...] = (),
                 extra_codes: tuple[EventCode, ...] = ()) -> None:
        self.model = model
        self.workers = workers
        self.extra_entries = extra_entries
        self.extra_codes = extra_codes
        self.lookahead = BATCH_SIZE * _window(workers)
        self._pool: ProcessPoolExecutor | None = None

    def _submit(self, batch: list[Document]) -> Future:
        if self._pool is None:   # started on the first batch: a cached build starts no process
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_process_context(),
                                             initializer=ignore_interrupts)
        return self._pool.submit(extract_batch, self.model, batch, self.extra_entries,
                                 self.extra_codes)

    def extract(self, documents: Iterable[Document]) -> Iterator[DocumentExtraction]:
        try:
            yield from ordered_results(batches(documents, BATCH_SIZE), self._submit,
                                       _window(self.workers))
        except BrokenProcessPool as exc:
            raise EngineError("a worker process died (out of memory?); try fewer --workers"
                              ) from exc

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _window(workers: int) -> int:
    """Batches in flight: two per worker keeps each busy while we merge, and bounds memory."""
    return 2 * workers


def _process_context() -> multiprocessing.context.BaseContext:
    """fork where it is safe (workers start at once, with spaCy and kg already imported), else
    forkserver (or spawn)."""
    if fork_is_safe():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    stream = iter(documents)
    while batch := list(islice(stream, size)):
        yield batch


def ordered_results(batches_: Iterable[list[Document]],
                    submit: Callable[[list[Document]], Future], window: int,
                    ) -> Iterator[DocumentExtraction]:
    """Submit batches, at most `window` in flight, and give their results in submission order."""
    pending: deque[Future] = deque()
    for batch in batches_:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


@contextmanager
def open_engine(model: str, *, engine: str = "local", workers: int | None = None,
                scheduler: str | None = None, version: str | None = None,
                extra_entries: tuple[UserEntry, ...] = (),
                extra_codes: tuple[EventCode, ...] = ()) -> Iterator[Engine]:
    """The engine for these options, closed on exit. `version` (a pipeline version digest) lets
    remote workers check that they run the same kg, model and tables as we do. `extra_entries`:
    a user gazetteer's entries, which every worker's pipeline gets; `extra_codes`: a user event
    table's rows, which every worker's rules get."""
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    if workers is not None and workers < 1:
        raise EngineError(f"--workers must be at least 1, not {workers}")
    if engine == "local" and scheduler is not None:
        raise EngineError("--scheduler needs --engine dask")
    if engine == "dask":
        from kg.dask_engine import DaskEngine

        runner: Engine = DaskEngine(model, scheduler=scheduler, workers=workers, version=version,
                                    extra_entries=extra_entries, extra_codes=extra_codes)
    elif (workers or 1) > 1:
        runner = ProcessPoolEngine(model, workers or 1, extra_entries, extra_codes)
    else:
        runner = InProcessEngine(model, extra_entries, extra_codes)
    try:
        yield runner
    finally:
        close = getattr(runner, "close", None)
        if close is not None:
            close()
