"""Throughput and memory of batch export, against a bare spaCy tokenizer on the same texts.

    python benchmarks/throughput.py [--corpus PATH] [--papers N] [--rounds N] [--rss-small N] [--rss-large N]

Repeats a corpus to N papers (default 50,000) with distinct ids, writes them as
JSONL, and prints what follows. ``--corpus PATH`` is any JSON lines file with
``abstract`` (and ``title``, ``id``), ``.gz`` or not, of which the first N papers are
read: for example the arXiv metadata snapshot, ``arxiv-metadata-oai-snapshot.json``
(2.7 million papers, hard-wrapped abstracts with LaTeX), from
https://www.kaggle.com/datasets/Cornell-University/arxiv. Without ``--corpus``, the
project's 10,440-abstract sample of it, ../shared/corpus/arxiv_abstracts.jsonl.gz
beside the checkout, on which the README's figures were measured; where that is
absent (a fresh clone), the 13 shipped abstracts of tests/fixtures/papers.jsonl,
enough to try the benchmark (``--papers 2000 --rss-large 5000 --rounds 1`` takes a
minute or two), not to compare figures.
  * bare:        spacy.blank("en").pipe(texts), tokenizer only, in this process;
  * workers 1/2: the export path of `paperfacts extract --workers N` (read the JSONL,
                 extract, serialize each line, write to /dev/null), in this process,
                 set up as the CLI sets up its own (``batch.settle_process``);
  * the ratio of single-worker throughput to the bare tokenizer's, and the speed-up
    of two workers over one;
  * peak RSS of `paperfacts extract` (one worker, own process) on a small and a large
    input (default 1,000 and 100,000 papers), and their ratio.
Before timing, both pipelines read the base corpus once, so that both vocabularies
are warm and neither pays for first-seen words in the timed runs. Each time printed
is the best of ``--rounds`` rounds (default 2), the rounds interleaved.

Warm runs flatter paperfacts a little: its tokenizer keeps the tokens of 30,000
chunks where spaCy's default keeps 10,000 (``pipeline.TOKENIZER_CACHE``), so after
the warm-up it splits fewer chunks again than the bare tokenizer does. A real dump
is mostly text neither has seen, so the benchmark also prints one pass over the
base corpus, not repeated, by each in a new process:
  * fresh:       the bare tokenizer and `paperfacts extract --workers 1` (timed after
                 the pipeline is built), and their ratio.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "arxiv_abstracts.jsonl.gz"
SHIPPED_CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "papers.jsonl"


def default_corpus() -> Path:
    """The shared arXiv sample when it lies beside the checkout, else the shipped example."""
    return SHARED_CORPUS if SHARED_CORPUS.is_file() else SHIPPED_CORPUS


def load(path: Path, limit: int | None = None) -> list[dict]:
    """The first ``limit`` records of ``path`` (JSON lines, ``.gz`` or not) that have an abstract."""
    records = []
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")) as fh:
        for line in fh:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                record = json.loads(line)
                if isinstance(record.get("abstract"), str):
                    records.append({"id": str(record.get("id", len(records))), "title": record.get("title"),
                                    "abstract": record["abstract"]})
    return records


def write_repeated(base: list[dict], n: int, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for i, r in zip(range(n), itertools.cycle(base)):
            fh.write(json.dumps({"id": f"{r['id']}#{i}", "title": r.get("title"), "abstract": r["abstract"]}) + "\n")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def paper_texts(records) -> list[str]:
    """Each paper as the bare tokenizer reads it: the title and abstract joined as paperfacts joins them."""
    from paperfacts.pipeline import SEPARATOR

    return [(r.get("title") or "") + SEPARATOR + r["abstract"] for r in records]


def bare_pass(nlp, texts: list[str]) -> None:
    for _ in nlp.pipe(texts, batch_size=64):
        pass


def export_pass(path: Path, workers: int) -> None:
    """The export path of `paperfacts extract`: read, extract, serialize, write to /dev/null."""
    from paperfacts.batch import export_lines
    from paperfacts.inputs import read_items

    with open(os.devnull, "wb") as out:
        for line in export_lines(read_items(str(path)), workers=workers):
            out.write(line.data)


#: Runs the CLI in a child and prints the peak of the child's own memory. VmHWM, not
#: ``ru_maxrss``: Linux carries the high-water mark over ``exec``, so a child started
#: from this (large) process would report this process's peak, whatever it read.
_PEAK_RSS = """
import os, resource, sys
from paperfacts.cli import main
if main(["extract", sys.argv[1], "-o", os.devnull, "-q"]):
    sys.exit(1)
try:
    with open("/proc/self/status") as fh:
        print(next(int(l.split()[1]) * 1024 for l in fh if l.startswith("VmHWM:")))
except OSError:  # no /proc: ru_maxrss is in bytes on macOS, KiB elsewhere
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak if sys.platform == "darwin" else peak * 1024)
"""


def peak_rss_mib(path: Path) -> float:
    """Peak RSS of one `paperfacts extract` process over ``path`` (one worker)."""
    proc = subprocess.run([sys.executable, "-c", _PEAK_RSS, str(path)], capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"paperfacts extract failed on {path} (exit {proc.returncode}): {proc.stderr[-500:]}")
    return int(proc.stdout.split()[-1]) / 2**20


def fresh_pass(what: str, path: Path) -> float:
    """Seconds for one pass over ``path`` by ``what`` (``bare`` or ``paperfacts``) in a new process."""
    out = subprocess.run([sys.executable, __file__, "--fresh-pass", what, "--corpus", str(path)],
                         check=True, capture_output=True, text=True).stdout
    return float(out.split()[-1])


def _fresh_pass(what: str, path: Path) -> None:
    import spacy

    from paperfacts.batch import settle_process

    if what == "bare":
        bare, texts = spacy.blank("en"), paper_texts(load(path))
        seconds = timed(lambda: bare_pass(bare, texts))
    else:
        settle_process()  # as the CLI does
        seconds = timed(lambda: export_pass(path, 1))
    print(seconds)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=None, metavar="PATH",
                    help="JSON lines with 'abstract', .gz or not, such as the arXiv metadata snapshot "
                         "(arxiv-metadata-oai-snapshot.json, https://www.kaggle.com/datasets/Cornell-University/arxiv) "
                         "(default: ../shared/corpus/arxiv_abstracts.jsonl.gz if present, else "
                         "tests/fixtures/papers.jsonl)")
    ap.add_argument("--papers", type=int, default=50_000)
    ap.add_argument("--rss-small", type=int, default=1_000)
    ap.add_argument("--rss-large", type=int, default=100_000)
    ap.add_argument("--no-rss", action="store_true", help="skip the peak-RSS runs")
    ap.add_argument("--rounds", type=int, default=2, help="timed rounds; each figure is the best (default 2)")
    ap.add_argument("--fresh-pass", choices=("bare", "paperfacts"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.corpus is None:
        args.corpus = default_corpus()
        if args.corpus == SHIPPED_CORPUS and not args.fresh_pass:
            print(f"no --corpus and no {SHARED_CORPUS}: the {SHIPPED_CORPUS.name} shipped example, repeated "
                  "(for real figures pass --corpus, e.g. the arXiv metadata snapshot; see --help)", file=sys.stderr)
    if not args.corpus.is_file():
        ap.error(f"--corpus {args.corpus}: no such file")
    if args.fresh_pass:
        _fresh_pass(args.fresh_pass, args.corpus)
        return 0

    import spacy

    from paperfacts.batch import settle_process

    base = load(args.corpus, args.papers)
    if not base:
        raise SystemExit(f"{args.corpus}: no record with an abstract")
    with tempfile.TemporaryDirectory() as tmp:
        data, base_path = Path(tmp) / "papers.jsonl", Path(tmp) / "base.jsonl"
        write_repeated(base, args.papers, data)
        write_repeated(base, len(base), base_path)  # what was read of the corpus, for the warm-up and fresh passes
        texts = paper_texts(json.loads(line) for line in data.open(encoding="utf-8"))
        chars = sum(map(len, texts)) / len(texts)

        bare = spacy.blank("en")
        bare_pass(bare, texts[: len(base)])  # warm the vocabulary
        export_pass(base_path, 1)  # warm ours the same way
        settle_process()  # as the CLI does before it exports (for the bare run too: one process)

        n = len(texts)
        # rounds of (bare, workers 1, workers 2), each timing the best of its rounds: the
        # machine's speed drifts by 10-30% within minutes, and a slow moment should not
        # decide a ratio
        rounds = [(timed(lambda: bare_pass(bare, texts)), timed(lambda: export_pass(data, 1)),
                   timed(lambda: export_pass(data, 2))) for _ in range(args.rounds)]
        t_bare, t_one, t_two = (min(times) for times in zip(*rounds))
        print(f"papers: {n} (the corpus of {len(base)} repeated; {chars:.0f} characters per paper on average)")
        print(f"rounds: {args.rounds} (the best time of each)")
        print(f"cores: {os.cpu_count()}")
        print(f"bare spacy.blank('en').pipe (tokenizer):  {n / t_bare:7.0f} papers/s  ({t_bare:.1f} s)")
        print(f"paperfacts extract --workers 1:           {n / t_one:7.0f} papers/s  ({t_one:.1f} s)")
        print(f"paperfacts extract --workers 2:           {n / t_two:7.0f} papers/s  ({t_two:.1f} s)")
        print(f"ratio workers 1 / bare tokenizer: {t_bare / t_one:.3f}")
        print(f"speed-up workers 2 / workers 1:   {t_one / t_two:.2f}x")
        fresh = [(fresh_pass("bare", base_path), fresh_pass("paperfacts", base_path)) for _ in range(args.rounds)]
        f_bare, f_one = (min(times) for times in zip(*fresh))
        print(f"fresh text: one pass over the {len(base)} papers, a new process each:")
        print(f"  bare tokenizer:                        {len(base) / f_bare:7.0f} papers/s  ({f_bare:.1f} s)")
        print(f"  paperfacts extract --workers 1:        {len(base) / f_one:7.0f} papers/s  ({f_one:.1f} s)")
        print(f"  ratio workers 1 / bare tokenizer: {f_bare / f_one:.3f}")

        if not args.no_rss:
            small, large = Path(tmp) / "small.jsonl", Path(tmp) / "large.jsonl"
            write_repeated(base, args.rss_small, small)
            write_repeated(base, args.rss_large, large)
            rss_small, rss_large = peak_rss_mib(small), peak_rss_mib(large)
            print(f"peak RSS, {args.rss_small} papers:   {rss_small:6.0f} MiB")
            print(f"peak RSS, {args.rss_large} papers: {rss_large:6.0f} MiB")
            print(f"RSS ratio large / small: {rss_large / rss_small:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
