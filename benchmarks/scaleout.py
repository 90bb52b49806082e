"""Scale-out overhead: `paperfacts extract --dask local:2` against `--workers 2`.

    python benchmarks/scaleout.py [--corpus PATH] [--papers N] [--rounds N] [--workers N]

Repeats the arXiv corpus (default ../shared/corpus/arxiv_abstracts.jsonl.gz, 10,440
abstracts) to N papers (default 50,000) with distinct ids, writes them as JSONL, and
times the command line end to end, each run a new process writing to a file:
  * `paperfacts extract IN -o OUT --workers N` (a local process pool);
  * `paperfacts extract IN -o OUT --dask local:N` (a Dask LocalCluster of N worker
    processes, started and closed by the command);
  * the time to start and close such a cluster alone, as ``paperfacts.dask.connect``
    does (a new process; the workers forked from a fork server that has built the
    pipeline), which a long-lived cluster pays once (the command starts the fork
    server earlier, while it plans the partitions);
and prints the ratio of the Dask time to the pool's (the target is at most 1.15), with
and without the cluster's start, and whether the two outputs are byte-identical.
Each time is the best of ``--rounds`` rounds (default 2), the rounds interleaved.
Needs paperfacts[dask]. Uses N cores: run it on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import default_corpus, load, write_repeated  # noqa: E402

CLUSTER_ONLY = """
import sys
from paperfacts.dask import connect
with connect(sys.argv[1]) as client:
    client.wait_for_workers(int(sys.argv[1].split(":")[1]))
"""


def run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True)
    return time.perf_counter() - started


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None,
                    help="JSON lines with 'abstract' (default: as benchmarks/throughput.py)")
    ap.add_argument("--papers", type=int, default=50_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    args.corpus = args.corpus or default_corpus()
    cli = [sys.executable, "-m", "paperfacts", "extract", "-q"]
    n = args.workers
    with tempfile.TemporaryDirectory(prefix="paperfacts-scaleout-") as tmp:
        src, pool_out, dask_out = Path(tmp, "in.jsonl"), Path(tmp, "pool.jsonl"), Path(tmp, "dask.jsonl")
        write_repeated(load(args.corpus), args.papers, src)
        best = {"pool": float("inf"), "dask": float("inf"), "cluster": float("inf")}
        for _ in range(args.rounds):
            best["pool"] = min(best["pool"], run([*cli, str(src), "-o", str(pool_out), "--workers", str(n)]))
            best["dask"] = min(best["dask"], run([*cli, str(src), "-o", str(dask_out), "--dask", f"local:{n}"]))
            best["cluster"] = min(best["cluster"], run([sys.executable, "-c", CLUSTER_ONLY, f"local:{n}"]))
        identical = filecmp.cmp(pool_out, dask_out, shallow=False)
    size = os.path.getsize(args.corpus)
    print(f"papers: {args.papers} (the corpus of {args.corpus.name}, {size} bytes, repeated); "
          f"rounds: {args.rounds} (the best time of each); cores: {os.cpu_count()}")
    print(f"paperfacts extract --workers {n}:    {args.papers / best['pool']:6.0f} papers/s  ({best['pool']:.1f} s)")
    print(f"paperfacts extract --dask local:{n}: {args.papers / best['dask']:6.0f} papers/s  ({best['dask']:.1f} s)")
    print(f"  a LocalCluster of {n} started and closed alone: {best['cluster']:.1f} s")
    print(f"overhead ratio dask / workers {n}:                     {best['dask'] / best['pool']:.3f}  (target <= 1.15)")
    print(f"overhead ratio without the cluster's start and close: {(best['dask'] - best['cluster']) / best['pool']:.3f}")
    print(f"outputs byte-identical: {'yes' if identical else 'NO'}")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
