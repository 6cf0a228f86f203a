"""`kg build`: articles → a knowledge graph → exports."""
from __future__ import annotations

import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Optional

import typer
from rich.progress import Progress, TaskID

from kg.cli.common import (EventsOption, GazetteerOption, LangOption, ModelOption, app,
                           progress_bar, stderr, user_errors)


class EngineChoice(str, Enum):
    local = "local"
    dask = "dask"


WorkersOption = Annotated[Optional[int], typer.Option(
    "--workers", metavar="N", help="Extraction processes, each loading the model once (default "
    "1); as many write .nt and .nq exports. With --engine dask and no --scheduler: the local "
    "cluster's workers (default: one per core).", show_default=False)]
CacheOption = Annotated[Optional[Path], typer.Option(
    "--cache", metavar="DIR", help="Folder of the cache of per-document results, which makes "
    "rebuilds process only new or changed documents (default: the user's cache folder, "
    "~/.cache/kg on Linux; honours XDG_CACHE_HOME).", show_default=False)]
NoCacheOption = Annotated[bool, typer.Option(
    "--no-cache", help="Neither read nor write the cache of per-document results.")]
EngineOption = Annotated[EngineChoice, typer.Option(
    "--engine", help="Where extraction runs: local (this machine) or dask (Dask workers; pip "
    "install 'diplograph[dask]').")]
SchedulerOption = Annotated[Optional[str], typer.Option(
    "--scheduler", metavar="ADDRESS", help="The Dask scheduler for --engine dask, e.g. "
    "tcp://host:8786 (default: start a local cluster for this build).", show_default=False)]


@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...",
        help="Articles: .txt, .md, .html and .htm files (one article each; .txt and .md may "
             "open with front matter giving title, date, source, url), .jsonl files (one "
             "article per line: text, and optionally id, title, date, source, url), folders "
             "(searched recursively for these), or - for standard input.",
        show_default=False)],
    output: Annotated[Optional[list[Path]], typer.Option(
        "--output", "-o", metavar="FILE", help="Export file; the extension picks the format: "
        ".ttl .nt .nq .trig .jsonld .rdf .graphml .gexf. Repeat for several. Default: "
        "exports/graph.ttl, exports/graph.graphml, exports/graph.gexf.")] = None,
    model: ModelOption = None,
    base: Annotated[Optional[str], typer.Option(
        "--base", metavar="IRI",
        help="Base IRI of the data's entities (default https://w3id.org/diplograph/id/).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first input that cannot be built (unreadable, or not "
        "English without --lang en) instead of skipping it.")] = False,
    workers: WorkersOption = None,
    cache: CacheOption = None,
    no_cache: NoCacheOption = False,
    engine: EngineOption = EngineChoice.local,
    scheduler: SchedulerOption = None,
    gazetteer: GazetteerOption = None,
    events: EventsOption = None,
    lang: LangOption = None,
) -> None:
    """Build a knowledge graph from news articles and export it.

    Examples:

      kg build examples/ -o exports/graph.ttl -o exports/graph.graphml -o exports/graph.gexf

      kg build a.txt b.md page.html news.jsonl -o out.ttl

      cat article.txt | kg build - -o article.ttl

      kg build news/ --workers 2 -o news.ttl

      kg build news/ --engine dask --scheduler tcp://10.0.0.5:8786 -o news.ttl

      kg build news/ --gazetteer docs/gazetteer-example.csv -o news.ttl

      kg build news/ --events docs/events-example.csv -o news.ttl

      kg build foreign-press/ --lang en -o press.ttl
    """
    from kg.build import DEFAULT_OUTPUTS
    from kg.build import build as run_build

    _check_options(cache, no_cache, engine, scheduler, workers)
    outputs = [str(o) for o in output] if output else list(DEFAULT_OUTPUTS)
    # No refresh thread: worker processes are forked, and forking a threaded process is unsafe.
    with user_errors(), progress_bar(auto_refresh=False) as progress:
        task = progress.add_task("extracting", total=None)
        result = run_build(
            inputs, outputs, model=model, base=base, strict=strict, workers=workers,
            cache=False if no_cache else (cache or True), engine=engine.value,
            scheduler=scheduler, gazetteers=gazetteer or (), event_tables=events or (),
            language=lang.value if lang else None,
            on_skip=lambda e: progress.console.print(f"kg: skipped: {e}", markup=False),
            on_warning=lambda m: progress.console.print(f"kg: warning: {m}", markup=False),
            on_total=lambda n: progress.update(task, total=n),
            on_document=_advance(progress, task))
    cached = f" ({result.cached} cached)" if result.cached else ""
    undated = f", {result.undated} without a date" if result.undated else ""
    skipped = f", skipped {len(result.skipped)}" if result.skipped else ""
    stderr.print(f"built {result.built}{cached}{undated}{skipped}: "
                 f"{len(result.graph.entities)} entities, {len(result.graph.facts)} facts → "
                 + ", ".join(str(p) for p in result.outputs), markup=False)


def _check_options(cache: Optional[Path], no_cache: bool, engine: EngineChoice,
                   scheduler: Optional[str], workers: Optional[int]) -> None:
    """Options that exclude each other are a usage error (exit code 2), like a typo."""
    if workers is not None and workers < 1:
        raise typer.BadParameter(f"must be at least 1, not {workers}", param_hint="'--workers'")
    if cache is not None and no_cache:
        raise typer.BadParameter("--cache and --no-cache exclude each other",
                                 param_hint="'--no-cache'")
    if scheduler is not None and engine is not EngineChoice.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="'--scheduler'")
    if scheduler is not None and workers is not None:
        raise typer.BadParameter("--workers does not apply with --scheduler: the cluster's own "
                                 "workers do the work", param_hint="'--workers'")


def _advance(progress: Progress, task: TaskID, every: float = 0.1) -> Callable[[object], None]:
    """Advance the bar per document, redraw it at most every `every` seconds (a cached rebuild
    goes through thousands of documents a second)."""
    last = 0.0

    def advance(_document: object) -> None:
        nonlocal last
        progress.advance(task)
        now = time.monotonic()
        if now - last >= every:
            last = now
            progress.refresh()

    return advance
