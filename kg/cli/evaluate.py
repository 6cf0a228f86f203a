"""`kg eval`: score kg against a gold file of annotated articles."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kg.cli.common import (EventsOption, GazetteerOption, LangOption, ModelOption, app,
                           progress_bar, stderr, user_errors)


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


@app.command("eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(
        metavar="GOLD.jsonl",
        help="Gold facts, one annotated article a line: id, text (or text_file, relative to "
             "this file), gold {states, organizations, officials, agreements, events}, and "
             "optionally score (the fields to score).", show_default=False)],
    details: Annotated[bool, typer.Option(
        "--details", help="Also list, per document, the gold facts kg missed, the facts kg "
        "found that gold lacks, and wrong dates, organisations and states.")] = False,
    fmt: Annotated[EvalFormat, typer.Option(
        "--format", "-f", help="table (for reading) or json (for tools: totals, per-document "
        "counts and, with --details, the misses).")] = EvalFormat.table,
    model: ModelOption = None,
    gazetteer: GazetteerOption = None,
    events: EventsOption = None,
    lang: LangOption = None,
) -> None:
    """Measure kg on annotated articles: precision, recall and F1 per named query.

    Builds each article's graph, runs the states, organizations, officials, agreements and
    events queries, and compares their rows with the gold facts (README: "How kg eval
    matches"; a gold line's score field names the fields it is scored on).
    The summary goes to stdout, progress to stderr.

    Examples:

      kg eval my_gold.jsonl

      kg eval my_gold.jsonl --details

      kg eval my_gold.jsonl --format json > report.json

      kg eval my_gold.jsonl --gazetteer docs/gazetteer-example.csv

      kg eval my_gold.jsonl --events docs/events-example.csv
    """
    from kg.evaluate import evaluate as run_evaluate
    from kg.evaluate import report_details, report_json, report_table

    with user_errors(), progress_bar() as progress:
        task = progress.add_task("scoring", total=None)
        report = run_evaluate(gold, model=model, gazetteers=gazetteer or (),
                              event_tables=events or (),
                              language=lang.value if lang else None,
                              on_total=lambda n: progress.update(task, total=n),
                              on_document=lambda d: progress.advance(task))
    for failed in report.failures:
        stderr.print(f"kg: warning: {failed.id}: kg could not build it ({failed.error}); "
                     "it scores zero", markup=False)
    if fmt is EvalFormat.json:
        typer.echo(report_json(report, details=details), nl=False)
        return
    if details:
        typer.echo(report_details(report), nl=False)
    typer.echo(report_table(report), nl=False)
