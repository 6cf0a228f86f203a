"""Bare spaCy over a corpus: the baseline `bench_build.py` compares `kg build` with.

    python benchmarks/bare_spacy.py MODEL CORPUS [--batch-size 32] [--n-process 1]

Loads MODEL with spacy.load (none of kg's components) and runs nlp.pipe over the texts of
CORPUS, consuming every Doc. It reads the same texts kg reads — the .txt files of a folder in
order of relative path, the `text` of each .jsonl line — without importing kg, so its time is
spaCy's alone. Prints one JSON line: documents and words.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator, Sequence


def read_texts(corpus: Path) -> Iterator[str]:
    """The texts of a folder (recursively) or of one .txt or .jsonl file."""
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".jsonl")) \
        if corpus.is_dir() else [corpus]
    for path in files:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as lines:
                yield from (json.loads(line)["text"] for line in lines if line.strip())
        else:
            yield path.read_text(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--n-process", type=int, default=1)
    args = parser.parse_args(argv)

    import spacy

    nlp = spacy.load(args.model)
    texts = list(read_texts(args.corpus))
    documents = sum(1 for _ in nlp.pipe(texts, batch_size=args.batch_size,
                                        n_process=args.n_process))
    print(json.dumps({"documents": documents, "words": sum(len(t.split()) for t in texts)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
