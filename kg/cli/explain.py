"""`kg explain`: what a graph knows about one entity, rendered for a reader or as JSON.

The library (kg.explain) finds the entity and gathers its facts; this module only renders them:
with rich markup on a terminal (the mentions highlighted), as plain text with the mentions in
[brackets] when stdout is piped, or as JSON for tools.

An ambiguous name is an error (exit 1), because there is nothing to explain yet; the candidates
go to stdout (in the chosen format) so that the right IRI can be copied from them.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape

from kg.cli.common import app, fail, user_errors


class ExplainFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def explain(
    args: Annotated[Optional[list[str]], typer.Argument(
        metavar="GRAPH... NAME",
        help="RDF exports of kg, then the entity (the last argument): a name, an alias, a "
             "surname, an ISO3 code, or an IRI (full, kgd:…, or a key like state/AZE); or the "
             "IRI of an event, claim, assertion, document or mention.",
        show_default=False)] = None,
    fmt: Annotated[ExplainFormat, typer.Option(
        "--format", "-f", help="text (highlighted on a terminal, mentions in [brackets] when "
        "piped) or json.")] = ExplainFormat.text,
) -> None:
    """Show what a graph knows about one entity: each fact with the sentences that state it.

    For every fact (the entity as subject or as object): the document, the sentence with the
    mentions highlighted, the confidence, the rule, and who claims it when the article only
    reports it. Facts from kg's own tables are marked as background. Then the events the entity
    takes part in: type, role, the other side, date and sentence. An ambiguous name lists
    the candidates and exits with 1. Any other IRI kg prints, full or short (an event, a claim,
    an assertion, a document, a mention), shows what the graph says about it and the facts it
    carries.

    Examples:

      kg explain exports/graph.ttl Aliyev

      kg explain exports/graph.ttl kgd:state/AZE --format json

      kg explain exports/graph.ttl kgd:doc/abraham-accords
    """
    from kg.explain import AmbiguousName, explain as explain_entity

    values = list(args or [])
    if len(values) < 2:
        fail("give one or more graph files and a name: kg explain GRAPH... NAME", 2)
    with user_errors():
        try:
            explanation = explain_entity(values[:-1], values[-1])
        except AmbiguousName as exc:
            _print_candidates(exc.candidates, fmt)
            raise  # and user_errors prints the one-line error, exit code 1
    if fmt is ExplainFormat.json:
        typer.echo(explanation.to_json(), nl=False)
        return
    from kg.explain_records import RecordExplanation

    markup = sys.stdout.isatty()
    if isinstance(explanation, RecordExplanation):
        text = render_record(explanation, markup=markup)
    else:
        text = render(explanation, markup=markup)
    if markup:
        Console(highlight=False, soft_wrap=False).print(text)
    else:
        typer.echo(text)


def _print_candidates(candidates: list, fmt: ExplainFormat) -> None:
    from kg.query_output import compact_iri

    if fmt is ExplainFormat.json:
        typer.echo(json.dumps({"candidates": [vars(c) for c in candidates]}, ensure_ascii=False,
                              indent=2))
        return
    width = max(len(compact_iri(c.iri)) for c in candidates)
    for c in candidates:
        typer.echo(f"{compact_iri(c.iri):<{width}}  {c.kind:<12}  {c.name}")


# --- text --------------------------------------------------------------------------------------

def render(explanation, *, markup: bool) -> str:
    """The explanation as text: rich markup when `markup`, else plain with [brackets]."""
    from kg.query_output import compact_iri

    ex = explanation
    esc = escape if markup else (lambda s: s)
    bold = (lambda s: f"[bold]{escape(s)}[/bold]") if markup else (lambda s: s)
    lines = [f"{bold(ex.entity.name)} ({ex.entity.kind}) {esc(compact_iri(ex.entity.iri))}"]
    if ex.aliases:
        lines.append(f"  also: {esc(', '.join(ex.aliases))}")
    where = ", ".join(compact_iri(d) for d in ex.documents) or "no document"
    lines.append(f"  {ex.mentions} mention(s) in {esc(where)}")
    lines += ["", bold(f"Facts ({len(ex.facts)})")] if ex.facts else ["", "No facts."]
    for fact in ex.facts:
        lines += _fact_lines(fact, markup)
    if ex.claims:
        lines += ["", bold(f"Claims by {ex.entity.name} ({len(ex.claims)})")]
        for claim in ex.claims:
            head = f"{compact_iri(claim.document)} {claim.begin}–{claim.end}, {claim.cue}"
            if claim.date:
                head += f", {claim.date}"
            lines.append(f"  {esc(head)}: “{esc(claim.text)}”")
    if ex.events:
        lines += ["", bold(f"Events ({len(ex.events)})")]
        for event in ex.events:
            lines += _event_lines(event, markup)
    return "\n".join(lines)


def render_record(record, *, markup: bool) -> str:
    """A claim, assertion, document or other record: its properties, what points at it, the
    facts it carries (with their sentences) and, for a document, the entities it mentions."""
    from kg.query_output import compact_iri

    esc = escape if markup else (lambda s: s)
    bold = (lambda s: f"[bold]{escape(s)}[/bold]") if markup else (lambda s: s)
    lines = [f"{bold(_cut(record.name))} ({record.kind}) {esc(compact_iri(record.iri))}"]
    if record.note:
        lines.append(f"  {esc(record.note)}")
    for prop in record.properties:
        value = prop.name if prop.name == prop.value else f"{prop.name} ({compact_iri(prop.value)})"
        lines.append(f"  {esc(prop.predicate)}: {esc(_cut(compact_iri(value)))}")
    if record.mentioned:
        lines += ["", bold(f"Mentions ({len(record.mentioned)} entities)")]
        lines += [f"  {esc(name)} {esc(compact_iri(iri))} ×{times}"
                  for iri, name, times in record.mentioned]
    if record.referenced_by:
        lines += ["", bold("Pointed at by")]
        lines += [f"  {esc(_cut(compact_iri(ref.name)))} —{esc(ref.predicate)}→"
                  for ref in record.referenced_by]
    if record.facts:
        lines += ["", bold(f"Facts ({len(record.facts)})")]
        for fact in record.facts:
            lines += _fact_lines(fact, markup)
    if record.events:
        lines += ["", bold("Event")]
        for event in record.events:
            lines += _event_lines(event, markup)
    return "\n".join(lines)


def _cut(text: str, width: int = 200) -> str:
    # A document's whole text is one of its properties; the JSON keeps it whole.
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def _fact_lines(fact, markup: bool) -> list[str]:
    from kg.query_output import compact_iri

    esc = escape if markup else (lambda s: s)
    relation = f"[cyan]{fact.predicate}[/cyan]" if markup else fact.predicate
    line = f"  {esc(fact.subject_name)} —{relation}→ {esc(fact.object_name)}"
    if fact.background:
        line += esc(f"  (background: {fact.background})")
    lines = [line]
    for source in fact.sources:
        about = f"{compact_iri(source.document)} {source.begin}–{source.end}, confidence " \
                f"{source.confidence:g}, rule {source.rule}"
        if source.claim:
            about += f", claimed by {source.claimant or '(unnamed)'}"
        lines.append(f"    {esc(about)}")
        lines.append(f"      {highlight(source.sentence, source.highlights, markup)}")
    return lines


def _event_lines(event, markup: bool) -> list[str]:
    """An event: its type and role, who acts on whom, when and where; then where the text
    tells it and the sentence, the trigger and the participants highlighted."""
    from kg.query_output import compact_iri

    esc = escape if markup else (lambda s: s)
    kind = f"[magenta]{event.type}[/magenta]" if markup else event.type
    head = f"  {kind}" + (esc(f" as {event.role}") if event.role else "") + ": "
    who = ", ".join(event.side("actor")) or "(no actor)"
    head += esc(who + (f" → {', '.join(event.side('target'))}" if event.side("target") else ""))
    tail = [f"mediated by {', '.join(event.side('mediator'))}"] if event.side("mediator") else []
    tail += [v for v in (event.date, event.place and f"in {event.place}",
                         event.agreement and f"concerns {event.agreement}") if v]
    if tail:
        head += esc(" (" + ", ".join(tail) + ")")
    about = f"{compact_iri(event.document)} {event.begin}–{event.end}"
    codes = ", ".join(f"{name} {value}" for name, value in (("mode", event.mode),
                                                             ("CAMEO", event.cameo)) if value)
    about += (f", {codes}" if codes else "") + f", confidence {event.confidence:g}, " \
        f"rule {event.rule}"
    if event.claim:
        about += f", claimed by {event.claimant or '(unnamed)'}"
    return [head, f"    {esc(about)}  {esc(compact_iri(event.iri))}",
            f"      {highlight(event.sentence, event.highlights, markup)}"]


def highlight(sentence: str, spans: list[tuple[int, int]], markup: bool) -> str:
    """The sentence with the spans marked: rich markup, or [brackets] in plain text."""
    out, at = [], 0
    for begin, end in spans:
        before, inside = sentence[at:begin], sentence[begin:end]
        if markup:
            out.append(f"{escape(before)}[bold yellow]{escape(inside)}[/bold yellow]")
        else:
            out.append(f"{before}[{inside}]")
        at = end
    out.append(escape(sentence[at:]) if markup else sentence[at:])
    return " ".join("".join(out).split())  # one line: sentences may hold line breaks
