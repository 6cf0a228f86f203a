"""Long documents: does build time grow linearly with a document's length, and does a document
longer than spaCy's max_length (1,000,000 characters) build?

    python benchmarks/bench_long_documents.py                  # both parts
    python benchmarks/bench_long_documents.py --only growth --sizes 25,50,100,200
    python benchmarks/bench_long_documents.py --only long --chars 2000000

growth: one document made of one text repeated to 25, 50 and 100 KB (by default), run through
the pipeline and our rules in this process with the model loaded once (extraction and graph
assembly, no start-up, no export). Two texts: a sentence naming an agreement, repeated (what
made rules comparing every mention with every other show), and a paragraph with officials,
titles, a mediator and reported speech. It prints each time and the ratio of the largest size
to the smallest, of wall time and of CPU time (fairer on a shared machine), each the median of
--runs runs: linear is largest/smallest (4 for 100/25); the target is at most 6.

long: `kg build` (a child process, measured with measure.py) of a folder holding one document
of --chars characters, generated articles one after another, and one short good document. It
prints wall time and peak memory and checks that both documents are in the export.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
from generate_corpus import generate_articles  # noqa: E402

SENTENCE = "Chile and Argentina signed the Harbour Accord on 3 May 2021. "
PARAGRAPH = (
    "Chilean Foreign Minister Karl Brandt and his Argentine counterpart Anna Velez signed the "
    "Harbour Accord on 3 May 2021.\nThe accord was brokered by Uruguay, Brandt said. He told "
    "reporters that the Ministry of Defence of Chile would observe the agreement.\n\"The "
    "ceasefire will hold,\" Velez said, according to the Argentine news agency.\n")
GOOD_TEXT = "Norway and Sweden signed the Border Treaty in Oslo on 2 June 2020.\n"


def time_growth(sizes_kb: Sequence[int], runs: int) -> None:
    from kg.build import assemble_graph, extract_documents
    from kg.model import Document
    from kg.nlp.pipeline import load_pipeline

    nlp, _ = load_pipeline()
    # a first document loads what our rules load on first use (tables, the gazetteer): not timed
    assemble_graph(extract_documents([Document(id="warm-up", text=PARAGRAPH)], nlp))
    for name, unit in (("one sentence naming an agreement", SENTENCE),
                       ("a paragraph of officials and speech", PARAGRAPH)):
        print(f"\n{name} ({len(unit)} characters), repeated; median of {runs} runs")
        print("| size | characters | wall s | CPU s |\n|---:|---:|---:|---:|")
        walls, cpus = [], []
        for kb in sizes_kb:
            text = unit * max(1, kb * 1000 // len(unit))
            timed = []
            for _ in range(runs):
                wall, cpu = time.perf_counter(), time.process_time()
                assemble_graph(extract_documents([Document(id="long", text=text)], nlp))
                timed.append((time.perf_counter() - wall, time.process_time() - cpu))
            walls.append(statistics.median(t[0] for t in timed))
            cpus.append(statistics.median(t[1] for t in timed))
            print(f"| {kb} KB | {len(text):,} | {walls[-1]:.2f} | {cpus[-1]:.2f} |", flush=True)
        print(f"ratio {sizes_kb[-1]} KB / {sizes_kb[0]} KB: wall {walls[-1] / walls[0]:.2f}, CPU "
              f"{cpus[-1] / cpus[0]:.2f} (linear: {sizes_kb[-1] / sizes_kb[0]:.2f})")


def long_text(chars: int) -> str:
    """Generated articles, one after another, cut to `chars` characters."""
    parts, length = [], 0
    for article in generate_articles(chars // 1500 + 10):
        parts.append(article.text + "\n")
        length += len(parts[-1])
        if length >= chars:
            break
    return "".join(parts)[:chars]


def time_long(chars: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kg-long-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "long.txt").write_text(long_text(chars), encoding="utf-8")
        (folder / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
        out = Path(tmp) / "out.nt"
        run = measure.run(["kg", "build", str(folder), "-o", str(out), "--no-cache",
                           "--workers", "1"])
        export = out.read_text(encoding="utf-8") if out.exists() else ""
        found = [name for name in ("long", "good") if f"/doc/{name}>" in export]
        print(f"\none document of {chars:,} characters and one good document: exit "
              f"{run.returncode}, {run.wall:.1f} s, peak RSS {run.max_rss_mb:.0f} MB; "
              f"documents in the export: {', '.join(found) or 'none'}")
        if run.returncode:
            print(run.stderr[-2000:])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("growth", "long"))
    parser.add_argument("--sizes", default="25,50,100", help="KB, comma-separated")
    parser.add_argument("--chars", type=int, default=2_000_000)
    parser.add_argument("--runs", type=int, default=3, help="growth: runs per size (median)")
    args = parser.parse_args(argv)
    if args.only in (None, "growth"):
        time_growth([int(s) for s in args.sizes.split(",")], args.runs)
    if args.only in (None, "long"):
        time_long(args.chars)
    return 0


if __name__ == "__main__":
    sys.exit(main())
