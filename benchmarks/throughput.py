"""Throughput of paperfacts against a bare spaCy tokenizer, on the same texts, in one process.

    python benchmarks/throughput.py [--corpus PATH] [--papers N] [--repeat R]

Reads the arXiv corpus (default ../shared/corpus/arxiv_abstracts.jsonl.gz), takes N
papers (repeating the corpus when N is larger), and prints papers/s for:
  * bare:       spacy.blank("en").pipe(texts)  (tokenizer only)
  * paperfacts: paperfacts.extract_many(records) (pipeline + record building)
and the ratio paperfacts / bare. Each is timed R times; the best run is reported.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import sys
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arxiv_abstracts.jsonl.gz"


def load(path: Path, n: int) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh if line.strip()]
    return [dict(r, id=f"{r['id']}#{i}") for i, r in zip(range(n), itertools.cycle(base))]


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--papers", type=int, default=10_440)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import spacy

    from paperfacts import extract_many, get_nlp
    from paperfacts.pipeline import SEPARATOR

    records = load(args.corpus, args.papers)
    texts = [(r.get("title") or "") + SEPARATOR + r["abstract"] for r in records]
    chars = sum(map(len, texts))
    get_nlp()  # build once, outside the timing
    bare = spacy.blank("en")

    def run_bare():
        for _ in bare.pipe(texts, batch_size=64):
            pass

    def run_paperfacts():
        for _ in extract_many(records):
            pass

    t_bare = best_of(args.repeat, run_bare)
    t_pf = best_of(args.repeat, run_paperfacts)
    n = len(records)
    print(f"papers: {n} ({chars / n:.0f} chars/paper on average), best of {args.repeat}")
    print(f"bare spacy.blank('en') tokenizer: {n / t_bare:9.0f} papers/s  ({t_bare:.2f} s)")
    print(f"paperfacts extract_many:          {n / t_pf:9.0f} papers/s  ({t_pf:.2f} s)")
    print(f"ratio paperfacts / bare tokenizer: {t_bare / t_pf:.3f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
