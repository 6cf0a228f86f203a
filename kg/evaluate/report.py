"""Totals over documents, and the report as a table, as JSON, and as per-document details.

Figures: precision = matches / kg's facts, recall = matches / gold facts, F1 their harmonic mean;
with no fact on one side the score is 1 when the other side has none too, else 0. Accuracies are
right / scored. All are rounded to four places, as the project's scorer rounds them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.evaluate.fields import Accuracy, Counts, Score

# Report order: the named queries, then what is scored over their matches.
METRICS = ("states", "organizations", "officials", "official_org", "official_state",
           "agreements", "agreement_parties", "matched_agreement_parties", "agreement_date",
           "event_types", "event_actors")
DESCRIPTIONS = {
    "official_org": "officials' organisation (matched officials)",
    "official_state": "officials' state (matched officials)",
    "agreement_parties": "agreement parties (all agreements)",
    "matched_agreement_parties": "agreement parties (matched agreements)",
    "agreement_date": "agreement date (matched agreements)",
}


@dataclass
class DocumentResult:
    id: str
    scores: dict[str, Score]
    error: str | None = None     # why kg could not build this document (it then scores zero)


@dataclass
class EvalReport:
    gold: Path
    model: str
    documents: list[DocumentResult] = field(default_factory=list)

    def totals(self) -> dict[str, Score]:
        """Every metric summed over the documents scored on it, in report order."""
        sums: dict[str, Score] = {}
        for doc in self.documents:
            for name, score in doc.scores.items():
                if isinstance(score, Counts):
                    total = sums.setdefault(name, Counts(0, 0, 0))
                    total.tp, total.system, total.gold = (total.tp + score.tp,
                                                          total.system + score.system,
                                                          total.gold + score.gold)
                else:
                    acc = sums.setdefault(name, Accuracy(0, 0))
                    acc.hit, acc.n = acc.hit + score.hit, acc.n + score.n
        return {name: sums[name] for name in METRICS if name in sums}

    def metrics(self) -> dict[str, dict[str, Any]]:
        return {name: figures(score) for name, score in self.totals().items()}

    @property
    def failures(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.error]


def figures(score: Score) -> dict[str, Any]:
    """{"p", "r", "f1", "tp", "sys", "gold"} for counts, {"acc", "hit", "n"} for accuracies:
    the keys of the project's scorer, so tools can read either report."""
    if isinstance(score, Accuracy):
        return {"acc": round(score.hit / score.n, 4) if score.n else None,
                "hit": score.hit, "n": score.n}
    tp, n_sys, n_gold = score.tp, score.system, score.gold
    p = tp / n_sys if n_sys else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_sys else 0.0)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4),
            "tp": tp, "sys": n_sys, "gold": n_gold}


# --- output ----------------------------------------------------------------------------------

def report_json(report: EvalReport, *, details: bool = False) -> str:
    data: dict[str, Any] = {
        "gold": str(report.gold), "model": report.model, "docs": len(report.documents),
        "failures": [{"id": d.id, "error": d.error} for d in report.failures],
        "metrics": report.metrics(),
        "per_doc": {d.id: {name: _raw(s) for name, s in d.scores.items()}
                    for d in report.documents},
    }
    if details:
        data["details"] = {d.id: _problems(d) for d in report.documents}
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _raw(score: Score) -> list[int]:
    """A document's counts as the project's scorer lists them: [tp, sys, gold] or [hit, n]."""
    if isinstance(score, Counts):
        return [score.tp, score.system, score.gold]
    return [score.hit, score.n]


def _problems(doc: DocumentResult) -> dict[str, dict[str, list[str]]]:
    """What went wrong in one document, by metric; metrics with nothing wrong are left out."""
    out: dict[str, dict[str, list[str]]] = {}
    for name, score in doc.scores.items():
        if name == "matched_agreement_parties":
            continue  # the same facts as agreement_parties, counted over fewer agreements
        kinds = ({"missed": score.missed, "spurious": score.spurious}
                 if isinstance(score, Counts) else {"wrong": score.wrong})
        kinds = {kind: items for kind, items in kinds.items() if items}
        if kinds:
            out[name] = kinds
    return out


def report_table(report: EvalReport) -> str:
    """The summary for a terminal: P/R/F1 per field, then the accuracies."""
    totals = report.totals()
    lines = [f"{'field':<28}{'P':>8}{'R':>8}{'F1':>8}{'match':>8}{'kg':>7}{'gold':>7}"]
    for name, score in totals.items():
        if isinstance(score, Counts):
            f = figures(score)
            lines.append(f"{name:<28}{f['p']:>8.4f}{f['r']:>8.4f}{f['f1']:>8.4f}"
                         f"{f['tp']:>8}{f['sys']:>7}{f['gold']:>7}")
    accuracies = [(n, s) for n, s in totals.items() if isinstance(s, Accuracy)]
    if accuracies:
        lines += ["", f"{'attribute':<28}{'accuracy':>10}{'right':>8}{'of':>6}"]
        for name, score in accuracies:
            acc = figures(score)["acc"]
            shown = "-" if acc is None else f"{acc:.4f}"
            lines.append(f"{name:<28}{shown:>10}{score.hit:>8}{score.n:>6}")
    failed = len(report.failures)
    lines += ["", f"{len(report.documents)} documents from {report.gold}, model {report.model}"
              + (f"; {failed} could not be built (scored zero)" if failed else "")]
    return "\n".join(lines) + "\n"


def report_details(report: EvalReport) -> str:
    """Per document, per metric: what gold has that kg missed, what kg found that gold lacks,
    and which attributes of matched facts are wrong. Documents with nothing wrong are omitted."""
    blocks = []
    for doc in report.documents:
        problems = _problems(doc)
        if not problems and not doc.error:
            continue
        lines = [f"== {doc.id}"]
        if doc.error:
            lines.append(f"  build failed: {doc.error}")
        for name, kinds in problems.items():
            for kind, items in kinds.items():
                lines.append(f"  {name} {kind}: " + "; ".join(items))
        blocks.append("\n".join(lines))
    if not blocks:
        return "every document: no misses, no spurious facts\n\n"
    return "\n\n".join(blocks) + "\n\n"
