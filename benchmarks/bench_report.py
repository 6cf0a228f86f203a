"""The results of bench_build.py — kept as JSON, merged across runs, printed as Markdown tables.

Measuring and printing are apart so that a long run can be split (the 10,000-document corpus on
its own, say) and printed as one report: `bench_build.py --report a.json b.json`.

Memory: kg's peak RSS beside the size of its graph — entities and facts from kg's summary line,
mentions and triples counted in its N-Triples export, and the graph's size in memory from
graph_memory.py where it was measured (extrapolated per triple, marked ~, where it was not).
"""
from __future__ import annotations

import json
import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Sequence

from measure import ProcessRun
from profile_build import Profile, ProfileRow, print_profile

REFERENCE = (("spaCy small English pipeline, 1 process", "5,800"),
             ("spaCy small English pipeline, 2 processes", "7,000–8,800"),
             ("spaCy blank tokenizer, 1 process", "530,000"))
SUMMARY = re.compile(r"built (\d+)(?: \((\d+) cached\))?(?:, skipped \d+)?: "
                     r"(\d+) entities, (\d+) facts")
_MENTION = "<http://www.w3.org/2005/11/its/rdf#taIdentRef>"


# ---------------------------------------------------------------- what is measured


@dataclass
class Throughput:
    """One tool at one size and number of processes: its runs and their medians."""

    tool: str            # "kg" or "spacy"
    size: int
    workers: int
    words: int
    runs: list[ProcessRun] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(r, attribute) for r in self.runs)

    @property
    def docs_per_s(self) -> float:
        return self.size / self.median("wall")

    @property
    def words_per_s(self) -> float:
        return self.words / self.median("wall")


@dataclass
class CacheResult:
    size: int
    cold: list[ProcessRun] = field(default_factory=list)      # into an empty cache
    warm: list[ProcessRun] = field(default_factory=list)      # unchanged rebuilds
    add_one: list[ProcessRun] = field(default_factory=list)   # one new document each
    warm_loads_model: bool | None = None

    def speedup(self) -> float:
        return statistics.median(r.wall for r in self.cold) / \
            statistics.median(r.wall for r in self.warm)


@dataclass(frozen=True)
class GraphCounts:
    entities: int
    facts: int
    mentions: int
    triples: int


@dataclass
class Results:
    header: list[str] = field(default_factory=list)
    throughput: list[Throughput] = field(default_factory=list)
    graphs: dict[int, GraphCounts] = field(default_factory=dict)      # kg's graph by size
    memory: dict[int, dict[str, Any]] = field(default_factory=dict)   # graph_memory.py by size
    cache: CacheResult | None = None
    profile: Profile | None = None

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1, ensure_ascii=False), "utf-8")

    @classmethod
    def load(cls, path: Path) -> Results:
        data = json.loads(path.read_text("utf-8"))
        cache = data["cache"]
        profile = data["profile"]
        return cls(
            data["header"],
            [Throughput(t["tool"], t["size"], t["workers"], t["words"], _runs(t["runs"]))
             for t in data["throughput"]],
            {int(k): GraphCounts(**v) for k, v in data["graphs"].items()},
            {int(k): v for k, v in data["memory"].items()},
            CacheResult(cache["size"], _runs(cache["cold"]), _runs(cache["warm"]),
                        _runs(cache["add_one"]), cache["warm_loads_model"]) if cache else None,
            Profile(profile["size"], profile["wall"],
                    [tuple(row) for row in profile["breakdown"]],
                    [ProfileRow(**row) for row in profile["by_cumulative"]],
                    [ProfileRow(**row) for row in profile["by_self"]]) if profile else None)

    def merge(self, other: Results) -> None:
        """Add another run's results; where both measured the same thing, the other's win."""
        self.header += other.header
        keys = {(t.tool, t.size, t.workers) for t in other.throughput}
        self.throughput = [t for t in self.throughput
                           if (t.tool, t.size, t.workers) not in keys] + other.throughput
        self.throughput.sort(key=lambda t: (t.size, t.workers, t.tool != "spacy"))
        self.graphs.update(other.graphs)
        self.memory.update(other.memory)
        self.cache = other.cache or self.cache
        self.profile = other.profile or self.profile


def _runs(records: list[dict[str, Any]]) -> list[ProcessRun]:
    return [ProcessRun(**{**r, "command": tuple(r["command"]), "stdout": ""}) for r in records]


def compact(run: ProcessRun) -> ProcessRun:
    """The run as kept in the results: stdout dropped, stderr cut to kg's summary line."""
    lines = [line for line in run.stderr.splitlines() if SUMMARY.search(line)]
    return ProcessRun(**{**asdict(run), "command": run.command, "stdout": "",
                         "stderr": lines[-1] if lines else ""})


def graph_counts(run: ProcessRun, nt_file: Path) -> GraphCounts | None:
    """Entities and facts from kg's summary line; mentions and triples from its N-Triples."""
    match = SUMMARY.search(run.stderr)
    if match is None or not nt_file.exists():
        return None
    mentions = triples = 0
    with nt_file.open(encoding="utf-8") as lines:
        for line in lines:
            triples += 1
            mentions += _MENTION in line
    return GraphCounts(int(match[3]), int(match[4]), mentions, triples)


def documents_extracted(run: ProcessRun) -> int | None:
    """Documents the build extracted rather than took from the cache, from kg's summary line
    ("built 1001 (1000 cached): …")."""
    match = SUMMARY.search(run.stderr)
    return None if match is None else int(match[1]) - int(match[2] or 0)


# ---------------------------------------------------------------- tables


def print_results(results: Results) -> None:
    print("# kg build benchmark\n")
    for line in results.header:
        print(line)
    if results.throughput:
        print_throughput(results.throughput)
        print_speedups(results.throughput)
    print_memory(results)
    if results.cache is not None:
        print_cache(results.cache)
    if results.profile is not None:
        print_profile(results.profile)
    if results.throughput:
        print_reference(results.throughput)


def print_throughput(results: Sequence[Throughput]) -> None:
    print("\n## Throughput (whole process, medians)\n")
    print("| N | words | tool | processes | runs | load | wall s | CPU s | docs/s | words/s "
          "| peak RSS MB | tree PSS MB | kg/spaCy (wall) | kg/spaCy (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        wall_ratio = cpu_ratio = ""
        base = _find(results, "spacy", r.size, r.workers)
        if r.tool == "kg" and base is not None:
            wall_ratio = f"**{r.docs_per_s / base.docs_per_s:.2f}**"
            cpu_ratio = f"{base.median('cpu') / r.median('cpu'):.2f}"
        print(f"| {r.size:,} | {r.words:,} | {r.tool} | {r.workers} | {len(r.runs)} "
              f"| {r.median('load'):.1f} | {r.median('wall'):.1f} | {r.median('cpu'):.1f} "
              f"| {r.docs_per_s:.1f} | {r.words_per_s:,.0f} | {r.median('max_rss_mb'):.0f} "
              f"| {r.median('tree_pss_mb'):.0f} | {wall_ratio} | {cpu_ratio} |")
    print("\nload: the machine's 1-minute load average when a run started (on 2 cores, above 2 "
          "means other work competed with ours). kg/spaCy (CPU): spaCy's CPU seconds over "
          "kg's, which that competition disturbs less than wall time. Peak RSS: the largest "
          "single process; tree PSS: all processes together, shared pages counted once.")


def _find(results: Sequence[Throughput], tool: str, size: int,
          workers: int) -> Throughput | None:
    return next((r for r in results if (r.tool, r.size, r.workers) == (tool, size, workers)),
                None)


def print_speedups(results: Sequence[Throughput]) -> None:
    workers = sorted({r.workers for r in results})
    if len(workers) < 2:
        return
    low, high = workers[0], workers[-1]
    print(f"\n## Speed-up from {low} to {high} processes (wall time)\n")
    print("| N | kg | spaCy |")
    print("|---|---|---|")
    for size in sorted({r.size for r in results}):
        cells = []
        for tool in ("kg", "spacy"):
            a, b = _find(results, tool, size, low), _find(results, tool, size, high)
            cells.append(f"{a.median('wall') / b.median('wall'):.2f}×" if a and b else "—")
        print(f"| {size:,} | {cells[0]} | {cells[1]} |")


def print_memory(results: Results) -> None:
    kg_runs = sorted((r for r in results.throughput if r.tool == "kg" and r.workers == 1),
                     key=lambda r: r.size)
    if not kg_runs:
        return
    print("\n## Memory (kg, 1 process)\n")
    print("| N | peak RSS MB | entities | facts | mentions | triples | graph in memory MB "
          "| RSS − graph MB |")
    print("|---|---|---|---|---|---|---|---|")
    for r in kg_runs:
        counts = results.graphs.get(r.size, GraphCounts(0, 0, 0, 0))
        graph_mb, mark = graph_size(results, r.size)
        rss = r.median("max_rss_mb")
        rest = f"{rss - graph_mb:.0f}" if graph_mb is not None else "—"
        shown = f"{mark}{graph_mb:.1f}" if graph_mb is not None else "—"
        print(f"| {r.size:,} | {rss:.0f} | {counts.entities:,} | {counts.facts:,} "
              f"| {counts.mentions:,} | {counts.triples:,} | {shown} | {rest} |")
    print_growth(results, kg_runs)
    for size, report in sorted(results.memory.items()):
        if report.get("top"):
            print(f"\nLargest holders of memory when the last of {size:,} documents is merged "
                  f"(tracemalloc, by file; traced peak {report['traced_peak_mb']} MB):\n")
            for row in report["top"]:
                print(f"- {row['file']}: {row['mb']} MB")


def graph_size(results: Results, size: int) -> tuple[float | None, str]:
    """The graph's size in memory at `size` documents: measured, or extrapolated ("~") from the
    largest measured size by the number of triples."""
    if size in results.memory:
        return results.memory[size]["graph_mb"], ""
    measured = [s for s in sorted(results.memory) if s in results.graphs]
    if not measured or size not in results.graphs:
        return None, ""
    base = measured[-1]
    per_triple = results.memory[base]["graph_mb"] / results.graphs[base].triples
    return results.graphs[size].triples * per_triple, "~"


def print_growth(results: Results, kg_runs: Sequence[Throughput]) -> None:
    if len(kg_runs) < 2:
        return
    big = kg_runs[-1]
    small = next((r for r in kg_runs if r.size * 10 == big.size), kg_runs[-2])
    ratio = big.median("max_rss_mb") / small.median("max_rss_mb")
    line = f"\nPeak RSS at N={big.size:,} is {ratio:.2f}× that at N={small.size:,}"
    sizes = [graph_size(results, r.size)[0] for r in (small, big)]
    if sizes[0] is not None and sizes[1] is not None:
        beyond = (big.median("max_rss_mb") - sizes[1]) / (small.median("max_rss_mb") - sizes[0])
        line += f"; without the graph's own size, {beyond:.2f}× (target ≤ 1.5×)"
    print(line + ".")


def print_cache(result: CacheResult) -> None:
    print(f"\n## Incremental cache ({result.size:,} documents, 1 process)\n")
    print("| build | runs | wall s | CPU s | peak RSS MB | documents extracted |")
    print("|---|---|---|---|---|---|")
    for label, runs in (("first build, empty cache", result.cold),
                        ("unchanged rebuild", result.warm),
                        ("one document added", result.add_one)):
        if not runs:
            continue
        extracted = sorted({str(documents_extracted(r)) for r in runs})
        print(f"| {label} | {len(runs)} | {statistics.median(r.wall for r in runs):.1f} "
              f"| {statistics.median(r.cpu for r in runs):.1f} "
              f"| {statistics.median(r.max_rss_mb for r in runs):.0f} "
              f"| {', '.join(extracted)} |")
    if result.cold and result.warm:
        model = {True: "loads a", False: "loads no", None: "may load a"}[result.warm_loads_model]
        print(f"\nUnchanged rebuild: {result.speedup():.1f}× faster than the first build "
              f"(target ≥ 10×); it {model} spaCy model.")


def print_reference(results: Sequence[Throughput]) -> None:
    print("\n## Reference figures (issue 6) beside ours\n")
    print("| what | words/s |")
    print("|---|---|")
    for label, words in REFERENCE:
        print(f"| reference: {label} | {words} |")
    for r in results:
        print(f"| ours: {r.tool}, {r.workers} process{'es' if r.workers > 1 else ''}, "
              f"N={r.size:,} | {r.words_per_s:,.0f} |")
