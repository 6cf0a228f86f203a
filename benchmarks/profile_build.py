"""Where one `kg build` spends its time: cProfile, summarised for kg's own code.

    python benchmarks/profile_build.py CORPUS [--top 10] [--stats FILE]

Runs `kg build CORPUS -o OUT.nt --no-cache --workers 1` under cProfile in a child process, then
prints the time of each stage (reading, model load, spaCy's nlp.pipe, our rules, graph merge,
export) and our functions by cumulative and by self time. The drivers (kg.cli, kg.build,
kg.engines), whose cumulative time is the whole build's, are left out of the lists.
cProfile adds its own overhead to every Python call, so Python-heavy code (our rules, export)
looks slower here than it is; spaCy's Cython code is not slowed down.
"""
from __future__ import annotations

import argparse
import pstats
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402

# What a build spends its time on: (label, file suffix, function name).
STAGES = (
    ("whole build (kg.build.build)", "kg/build.py", "build"),
    ("read documents", "kg/documents.py", "read_documents"),
    ("load model and add our components", "kg/nlp/pipeline.py", "load_pipeline"),
    ("build the gazetteer from our tables", "kg/nlp/gazetteer.py", "default_gazetteer"),
    ("spaCy nlp.pipe (our components included)", "spacy/language.py", "pipe"),
    ("our rules: kg.nlp.extract.extract", "kg/nlp/extract.py", "extract"),
    ("graph merge: KnowledgeGraph.add_extraction", "kg/model.py", "add_extraction"),
    ("background facts from our tables", "kg/background.py", "add_background_facts"),
    ("export (write_exports)", "kg/export/__init__.py", "write_exports"),
)
# Modules that only drive the others: left out of the lists of our functions.
ORCHESTRATION = ("kg.cli.", "kg.build.", "kg.engines.", "kg.dask_engine.", "kg.__init__.")


@dataclass(frozen=True)
class ProfileRow:
    function: str        # kg.nlp.agreements.find_agreements:74
    calls: int
    self_s: float
    cumulative_s: float


@dataclass
class Profile:
    size: int
    wall: float          # of the profiled process (profiling included)
    breakdown: list[tuple[str, float]]
    by_cumulative: list[ProfileRow]
    by_self: list[ProfileRow]


def profile_command(kg_build: Sequence[str], stats_file: Path, size: int, top: int,
                    python: str = sys.executable) -> Profile:
    """Run a `kg build` command line (`kg_build`, starting with the kg script) under cProfile
    and summarise it."""
    run = measure.run([python, "-m", "cProfile", "-o", str(stats_file), *kg_build]).check()
    return summarise(stats_file, size, run.wall, top)


def summarise(stats_file: Path, size: int, wall: float, top: int) -> Profile:
    stats = pstats.Stats(str(stats_file)).stats  # type: ignore[attr-defined]
    kg_root = _kg_root(stats)
    ours = [row for row in (_row(key, value, kg_root) for key, value in stats.items()
                            if key[0].startswith(kg_root))
            if not row.function.startswith(ORCHESTRATION)]
    return Profile(size, wall, _breakdown(stats, kg_root),
                   sorted(ours, key=lambda r: -r.cumulative_s)[:top],
                   sorted(ours, key=lambda r: -r.self_s)[:top])


def _kg_root(stats: dict) -> str:
    """The folder of the kg package the profiled build ran (not necessarily the one we import)."""
    init = next((f for f, _, _ in stats if f.endswith("/kg/build.py")), "/kg/build.py")
    return init.removesuffix("/build.py")


def _row(key: tuple[str, int, str], value: tuple, kg_root: str) -> ProfileRow:
    filename, line, name = key
    module = "kg" + filename[len(kg_root):].removesuffix(".py").replace("/", ".")
    return ProfileRow(f"{module}.{name}:{line}", value[1], value[2], value[3])


def _breakdown(stats: dict, kg_root: str) -> list[tuple[str, float]]:
    """Cumulative seconds of each stage; our spaCy components are summed from their calls."""
    rows = []
    for label, suffix, name in STAGES:
        seconds = sum(v[3] for (f, _, n), v in stats.items() if f.endswith(suffix) and n == name)
        rows.append((label, seconds))
    components = sum(v[3] for (f, _, n), v in stats.items()
                     if f.startswith(kg_root + "/nlp/") and n in ("__call__", "mark_line_breaks"))
    rows.insert(5, ("  of which our components (gazetteer rulers, line breaks)", components))
    return rows


def print_profile(profile: Profile) -> None:
    print(f"\n## Profile of one kg build, {profile.size:,} documents, 1 process "
          f"(cProfile, {profile.wall:.0f} s with profiling)\n")
    print("| stage | cumulative s |")
    print("|---|---|")
    for label, seconds in profile.breakdown:
        print(f"| {label} | {seconds:.1f} |")
    for title, rows in (("cumulative", profile.by_cumulative), ("self", profile.by_self)):
        print(f"\nOur functions by {title} time (the drivers in kg.cli, kg.build and "
              f"kg.engines left out):\n")
        print("| function | calls | self s | cumulative s |")
        print("|---|---|---|---|")
        for row in rows:
            print(f"| `{row.function}` | {row.calls:,} | {row.self_s:.1f} "
                  f"| {row.cumulative_s:.1f} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--stats", type=Path, help="keep cProfile's statistics in this file")
    args = parser.parse_args(argv)
    kg = Path(sys.executable).parent / "kg"
    with tempfile.TemporaryDirectory() as tmp:
        stats = args.stats or Path(tmp) / "build.prof"
        command = [str(kg if kg.exists() else shutil.which("kg")), "build", str(args.corpus),
                   "-o", str(Path(tmp) / "out.nt"), "--no-cache", "--workers", "1"]
        size = sum(1 for _ in args.corpus.rglob("*.txt")) if args.corpus.is_dir() else 0
        print_profile(profile_command(command, stats, size, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
