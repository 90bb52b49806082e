"""Where the time goes: microseconds per paper for each pipeline component.

    python benchmarks/components.py [--corpus PATH] [--papers N] [--rounds N]

Reads the corpus (default: as benchmarks/throughput.py, the 10,440-abstract arXiv
sample beside the checkout), makes every paper's Doc (``pipeline.make_doc``), then
runs the components in batch order as ``paperfacts extract`` does (each component
over a batch of 64 docs through its ``pipe``, then the next component), timing each
component's share in CPU time. The process is set up as the CLI sets up its own
(``batch.settle_process``: the pipeline built, ``gc.freeze``, the export's GC
thresholds). Each figure is the best of ``--rounds`` rounds (default 2); every
round starts from fresh Docs. The tokenizer (``make_doc``) is timed on its own.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import default_corpus, load  # noqa: E402

BATCH = 64


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, help="JSON lines with 'abstract' (default: as throughput.py)")
    ap.add_argument("--papers", type=int, default=None, help="the first N papers (default: all)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)

    from paperfacts.batch import settle_process
    from paperfacts.pipeline import get_nlp, make_doc

    papers = load(args.corpus or default_corpus(), args.papers)
    settle_process()
    nlp = get_nlp()
    clock = time.process_time
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        spent: Counter = Counter()
        started = clock()
        docs = [make_doc(nlp, p["abstract"], p.get("title")) for p in papers]
        spent["make_doc (unwrap + tokenizer)"] += clock() - started
        for i in range(0, len(docs), BATCH):
            batch = docs[i : i + BATCH]
            for name, component in nlp.pipeline:
                started = clock()
                batch = list(component.pipe(batch)) if hasattr(component, "pipe") else [component(d) for d in batch]
                spent[name] += clock() - started
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds)
    n = len(papers)
    print(f"papers: {n}; rounds: {args.rounds} (the best of each); CPU time per paper")
    for name, seconds in best.items():
        print(f"  {name:32s} {seconds / n * 1e6:7.1f} µs")
    components = sum(v for k, v in best.items() if not k.startswith("make_doc"))
    print(f"  {'all components':32s} {components / n * 1e6:7.1f} µs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
