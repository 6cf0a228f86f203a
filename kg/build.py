"""`kg build`: documents → extractions → one KnowledgeGraph → exports.

The library function behind the CLI command; it reports progress, skipped files and warnings
through callbacks and never prints.

Documents stream through: each is read, looked up in the cache, extracted where it is not cached
(kg/engines.py: in this process, in worker processes, or on Dask), and merged into the graph in
input order, so what stays in memory is the graph, not the corpus's Docs.

Heavy dependencies (spaCy, rdflib, networkx) are imported when a build runs, not with this
module: `kg eval` and the CLI import it freely, and a fully cached build never needs spaCy's model.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from kg.errors import InputError, KGError

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.cache import ExtractionCache, PipelineVersion
    from kg.data.event_codes import EventCode
    from kg.data.user_gazetteer import UserEntry
    from kg.engines import Engine
    from kg.export.rdf import BuildInfo
    from kg.model import Document, DocumentExtraction, KnowledgeGraph

DEFAULT_OUTPUTS = ("exports/graph.ttl", "exports/graph.graphml", "exports/graph.gexf")
CacheSetting = bool | str | os.PathLike   # True: the user's cache folder; False: off; or a folder
USER_GAZETTEER_TABLE = "user-gazetteer"   # the source background facts of user entries name


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    build_info: BuildInfo
    built: int = 0               # documents in the graph
    cached: int = 0              # of which read from the cache
    undated: int = 0             # of which have no date (relative dates cannot be resolved)
    skipped: list[InputError] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


class NothingToBuild(KGError):
    """Every input was unreadable: nothing is written."""


def extract_documents(documents: Iterable[Document], nlp: Language,
                      on_document: Callable[[Document], None] | None = None,
                      extra_entries: tuple[UserEntry, ...] = (),
                      extra_codes: tuple[EventCode, ...] = (),
                      ) -> Iterator[DocumentExtraction]:
    """Run the pipeline over documents in batches and our rules over each Doc. `nlp` must have
    been loaded with the user gazetteer's `extra_entries` (load_pipeline(model, extra_entries));
    `extra_codes` are a user event table's rows (kg.data.user_event_codes)."""
    from kg.engines import extract_documents as run

    return run(documents, nlp, on_document, extra_entries=extra_entries,
               extra_codes=extra_codes)


def assemble_graph(extractions: Iterable[DocumentExtraction],
                   extra_entries: tuple[UserEntry, ...] = ()) -> KnowledgeGraph:
    """One graph from documents' extractions, completed from our tables. `kg eval` builds each
    gold document's graph with this too, so it scores exactly what `kg build` would export."""
    from kg.model import merge_extractions

    return complete_graph(merge_extractions(extractions), extra_entries)


def complete_graph(graph: KnowledgeGraph,
                   extra_entries: tuple[UserEntry, ...] = ()) -> KnowledgeGraph:
    """Merge the agreements, people and posts documents name apart (kg.consolidate), then add
    what our tables, and the user gazetteer's `extra_entries`, say about the entities the
    documents mention (background facts)."""
    from kg.background import add_background_facts
    from kg.consolidate import (merge_agreements_across_documents, merge_people_across_documents,
                                merge_posts_without_their_body)
    from kg.nlp.gazetteer import gazetteer_for

    merge_agreements_across_documents(graph)
    merge_people_across_documents(graph)
    merge_posts_without_their_body(graph)
    add_background_facts(graph, gazetteer_for(extra_entries))
    if extra_entries:
        _user_background(graph, extra_entries)
    return graph


def _user_background(graph: KnowledgeGraph, extra_entries: tuple[UserEntry, ...]) -> None:
    """Background facts that come from user entries name the user gazetteer as their source,
    not a table of kg; a user person's state is one too."""
    from kg import model
    from kg.data.user_gazetteer import user_keys
    from kg.model import Fact
    from kg.nlp.gazetteer import default_gazetteer, gazetteer_for

    tables = default_gazetteer()
    keys = user_keys(tables, extra_entries)
    for fact in list(graph.background):
        entry = keys.get(fact.subject)
        if entry is None or entry.kind == "state":
            continue
        if fact.subject not in tables.entries or (fact.predicate == model.STATE_OF
                                                  and entry.state):
            graph.background[fact] = USER_GAZETTEER_TABLE
    gazetteer = gazetteer_for(extra_entries)
    for key, entry in sorted(keys.items()):
        if entry.kind == "person" and entry.state and key in graph.entities:
            state = f"state/{entry.state}"
            if state not in graph.entities:
                graph.add_entity(gazetteer.entity(state))
            graph.add_background(Fact(key, model.STATE_OF, state), USER_GAZETTEER_TABLE)


def build_graph(inputs: Sequence[str], *, model: str | None = None, strict: bool = False,
                workers: int | None = None, cache: CacheSetting = True, engine: str = "local",
                scheduler: str | None = None,
                gazetteers: Sequence[str | os.PathLike] = (),
                event_tables: Sequence[str | os.PathLike] = (), language: str | None = None,
                on_skip: Callable[[InputError], None] | None = None,
                on_document: Callable[[Document], None] | None = None,
                on_total: Callable[[int], None] | None = None,
                on_warning: Callable[[str], None] | None = None) -> BuildResult:
    """Read every input, extract (or take from the cache), merge into one graph. Raises
    InputError for the first bad input (strict) or for the only one (when nothing else was
    given), NothingToBuild when no document could be read, GazetteerError for a bad file in
    `gazetteers` (user gazetteers, kg.data.user_gazetteer) and EventTableError for one in
    `event_tables` (kg.data.user_event_codes), before anything else is done.
    `language`: None skips documents that look like another language than English (as
    unreadable inputs are skipped); "en" builds every document as English."""
    from kg.cache import pipeline_version
    from kg.data.user_event_codes import codes_digest, read_user_event_codes
    from kg.data.user_gazetteer import entries_digest, read_user_gazetteers
    from kg.documents import read_documents
    from kg.engines import model_info, open_engine
    from kg.export.rdf import BuildInfo
    from kg.model import merge_extractions

    extra = read_user_gazetteers(gazetteers)
    codes = read_user_event_codes(event_tables)
    info = model_info(model)   # from the model's metadata: loading waits for an uncached document
    version = pipeline_version(info.name, info.version, user_gazetteer=entries_digest(extra),
                               user_events=codes_digest(codes))
    store = _open_cache(cache, version, on_warning)
    skips = _Skips(on_skip)
    total = count_documents(inputs)
    if on_total is not None and total is not None:
        on_total(total)
    documents = skips.track(read_documents(inputs, strict=strict, on_skip=skips.add,
                                           language=language))
    built = undated = 0

    def merged(extractions: Iterable[DocumentExtraction]) -> Iterator[DocumentExtraction]:
        nonlocal built, undated
        for extraction in extractions:
            built += 1
            undated += extraction.document.date is None
            yield extraction
            if on_document is not None:
                on_document(extraction.document)

    with open_engine(info.name, engine=engine, workers=workers, scheduler=scheduler,
                     version=version.digest, extra_entries=extra,
                     extra_codes=codes) as runner:
        graph = merge_extractions(merged(extract_in_order(documents, store, runner)))
    skips.check_something_read(built, inputs)   # before the tables are loaded for nothing
    complete_graph(graph, extra)    # as assemble_graph does: `kg eval` scores what this exports
    build_info = BuildInfo(kg_version=version.kg_version, model_name=info.public_name,
                           model_version=info.version)
    return BuildResult(graph, build_info, built=built, cached=store.hits if store else 0,
                       undated=undated, skipped=skips.errors)


def _open_cache(cache: CacheSetting, version: PipelineVersion,
                on_warning: Callable[[str], None] | None) -> ExtractionCache | None:
    if cache is False or cache is None:
        return None
    from kg.cache import ExtractionCache, default_cache_dir

    folder = default_cache_dir() if cache is True else Path(cache)
    return ExtractionCache(folder, version, on_warning)


def extract_in_order(documents: Iterable[Document], cache: ExtractionCache | None,
                     engine: Engine) -> Iterator[DocumentExtraction]:
    """The extractions of `documents`, in input order: from the cache where it has them, from
    the engine otherwise (and then stored in the cache)."""
    if cache is None:
        yield from engine.extract(documents)
        return
    source = iter(documents)
    pending: deque[tuple[Document, DocumentExtraction | None]] = deque()  # read, not yet given
    exhausted = False

    def uncached() -> Iterator[Document]:
        """The engine's input. It ends early when the read-ahead grows long (a long run of
        cached documents): those are given out before more is read, so memory stays bounded,
        at the cost of the engine finishing a partial batch."""
        nonlocal exhausted
        while len(pending) < 4 * engine.lookahead + 256:
            document = next(source, None)
            if document is None:
                exhausted = True
                return
            cached = cache.get(document)
            pending.append((document, cached))
            if cached is None:
                yield document

    while not exhausted:
        for extraction in engine.extract(uncached()):
            yield from _cached_head(pending)
            pending.popleft()   # the uncached document this extraction is of
            cache.put(extraction)
            yield extraction
        yield from _cached_head(pending)


def _cached_head(pending: deque[tuple[Document, DocumentExtraction | None]],
                 ) -> Iterator[DocumentExtraction]:
    while pending and pending[0][1] is not None:
        yield pending.popleft()[1]


class _Skips:
    """Unreadable inputs. Reported as they come once a document has been read; until then they
    wait, so that a single bad input fails with its own message rather than "skipped" and then
    "nothing to build"."""

    def __init__(self, report: Callable[[InputError], None] | None) -> None:
        self.errors: list[InputError] = []
        self._report = report
        self._live = False

    def add(self, error: InputError) -> None:
        self.errors.append(error)
        if self._live and self._report is not None:
            self._report(error)

    def track(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            if not self._live:
                self._go_live()
            yield document

    def _go_live(self) -> None:
        self._live = True
        if self._report is not None:
            for error in self.errors:
                self._report(error)

    def check_something_read(self, built: int, inputs: Sequence[str]) -> None:
        if built:
            return
        if len(self.errors) == 1:
            raise self.errors[0]
        self._go_live()
        raise NothingToBuild("nothing to build: no readable document in "
                             + ", ".join(str(i) for i in inputs))


def count_documents(inputs: Sequence[str]) -> int | None:
    """About how many documents `inputs` hold, for a progress bar, without parsing any: a .txt
    file is one, a .jsonl file one per non-blank line. None when standard input is among them."""
    from kg.documents import STDIN, _folder_files

    total = 0
    for name in inputs:
        if name == STDIN:
            return None
        path = Path(name)
        files = [full for _, full in _folder_files(path)] if path.is_dir() else [path]
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() != ".jsonl":   # a .txt, .md or .html file is one article
        return 1 if path.is_file() else 0
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def build(inputs: Sequence[str], outputs: Sequence[str] = DEFAULT_OUTPUTS, *,
          model: str | None = None, base: str | None = None, strict: bool = False,
          workers: int | None = None, cache: CacheSetting = True, engine: str = "local",
          scheduler: str | None = None, gazetteers: Sequence[str | os.PathLike] = (),
          event_tables: Sequence[str | os.PathLike] = (), language: str | None = None,
          on_skip: Callable[[InputError], None] | None = None,
          on_document: Callable[[Document], None] | None = None,
          on_total: Callable[[int], None] | None = None,
          on_warning: Callable[[str], None] | None = None) -> BuildResult:
    """Build the graph of `inputs` and write every output (format by extension), atomically and
    all or nothing: when one cannot be written, none replaces its file.

    `workers`: extraction processes (default 1; with engine="dask" and no scheduler, the local
    cluster's size), and the processes that write N-Triples and N-Quads exports. `cache`: True for the user's cache folder, a folder, or False for none.
    `engine`: "local" or "dask"; `scheduler`: a Dask scheduler's address (else a local cluster).
    `gazetteers`: user gazetteer files (CSV or JSONL) whose names extend kg's tables.
    `event_tables`: user event tables (CSV, kg.data.user_event_codes) whose rows extend, replace
    or switch off rows of kg's event coding.
    `language`: None skips documents that look like another language; "en" builds them all.
    """
    from kg.export import check_output_paths, remove_empty_folders, write_exports
    from kg.export.files import all_or_nothing
    from kg.vocab import DATA_BASE

    created: list[Path] = []
    try:
        paths = check_output_paths(outputs, created)  # fail before the slow part on a bad -o
        result = build_graph(inputs, model=model, strict=strict, workers=workers, cache=cache,
                             engine=engine, scheduler=scheduler, gazetteers=gazetteers,
                             event_tables=event_tables, language=language, on_skip=on_skip,
                             on_document=on_document, on_total=on_total, on_warning=on_warning)
        with all_or_nothing():   # a failed third export leaves the first two as they were
            write_exports(result.graph, paths, base=base or DATA_BASE,
                          build_info=result.build_info, processes=workers or 1)
        result.outputs.extend(paths)
    except BaseException:
        remove_empty_folders(created)  # a failed build leaves no trace, not even a folder
        raise
    return result
