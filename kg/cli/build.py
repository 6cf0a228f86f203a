"""`kg build`: articles → a knowledge graph → exports."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.common import ModelOption, app, progress_bar, stderr, user_errors

@app.command()
def build(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...",
        help="Articles: .txt files (one article each), .jsonl files (one article per line: text, "
             "and optionally id, title, date, source, url), folders (searched recursively), "
             "or - for standard input.", show_default=False)],
    output: Annotated[Optional[list[Path]], typer.Option(
        "--output", "-o", metavar="FILE", help="Export file; the extension picks the format: .ttl .nt .nq .trig "
        ".jsonld .rdf .graphml .gexf. Repeat for several. Default: exports/graph.ttl, "
        "exports/graph.graphml, exports/graph.gexf.")] = None,
    model: ModelOption = None,
    base: Annotated[Optional[str], typer.Option(
        "--base", metavar="IRI", help="Base IRI of the data's entities (default https://w3id.org/diplograph/id/).")] = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help="Stop at the first unreadable input instead of skipping it.")] = False,
) -> None:
    """Build a knowledge graph from news articles and export it.

    Examples:

      kg build examples/ -o exports/graph.ttl -o exports/graph.graphml -o exports/graph.gexf

      kg build a.txt b.txt news.jsonl -o out.ttl

      cat article.txt | kg build - -o article.ttl
    """
    from kg.build import DEFAULT_OUTPUTS
    from kg.build import build as run_build
    from kg.vocab import DATA_BASE

    outputs = [str(o) for o in output] if output else list(DEFAULT_OUTPUTS)
    with user_errors(), progress_bar() as progress:
        task = progress.add_task("extracting", total=None)
        result = run_build(
            inputs, outputs, model=model, base=base or DATA_BASE, strict=strict,
            on_skip=lambda e: progress.console.print(f"kg: skipped: {e}", markup=False),
            on_total=lambda n: progress.update(task, total=n),
            on_document=lambda d: progress.advance(task))
    skipped = f", skipped {len(result.skipped)}" if result.skipped else ""
    stderr.print(f"built {result.built}{skipped}: {len(result.graph.entities)} entities, "
                 f"{len(result.graph.facts)} facts → "
                 + ", ".join(str(p) for p in result.outputs), markup=False)
