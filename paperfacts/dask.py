"""Scale-out on Dask: the same export lines as a local run, computed on a Dask cluster.

Needs the optional extra: ``pip install 'paperfacts[dask]'`` (``dask[bag]`` and
``distributed``); nothing here is imported by the core.

- :func:`extract_bag` maps a ``dask.bag`` of records (dicts) or JSON lines (str) to
  a bag of export lines (str, no newline), as a local run writes them.
- ``paperfacts extract INPUT... --dask SCHEDULER`` (:func:`cmd_extract_dask`) reads
  every input on the workers, cuts it into partitions of about ``PARTITION_BYTES``
  of input and writes one JSONL byte-identical to ``--workers 1``, or with
  ``--partitioned DIR`` one file per partition plus ``manifest.json``, so that
  ``--resume`` redoes only the partitions that did not finish.

Each partition goes through ``batch.export_chunk``, the code path of a local run
(error records and ids included). Tasks name module-level functions, so nothing
but the items travels with a task; the pipeline is built once per worker process
(``pipeline.get_nlp`` is cached per process). A worker that dies loses nothing:
the scheduler runs its tasks again elsewhere, and each task's lines depend only
on its input.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from contextlib import closing, contextmanager
from dataclasses import replace
from math import ceil
from typing import Iterable, Iterator, NamedTuple

import orjson

from .batch import FACT_FIELDS, Line, export_chunk, settle_process
from .errors import MissingExtraError
from .inputs import JSON_WHITESPACE, Item, Keys, detect_format, parse_json_record, record_item

__all__ = ["extract_bag", "plan", "partition_tasks", "cmd_extract_dask", "PARTITION_BYTES"]

#: Input bytes per partition (about 1,500 arXiv abstracts, a second or two of one
#: core): small enough for the scheduler to balance the workers and for a retried
#: partition to cost little, large enough that a task's overhead (a few ms) is noise.
PARTITION_BYTES = 2 << 20
#: A ``.gz`` input counts this many times its size (JSON text of abstracts compresses
#: about 3:1) when it is cut into partitions.
GZIP_RATIO = 3
MANIFEST = "manifest.json"


def _need_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        raise MissingExtraError(
            f"paperfacts' Dask support needs the optional extra: pip install 'paperfacts[dask]' ({e})"
        ) from None


# --- a bag of records -> a bag of export lines ----------------------------------


def _items(elements: Iterable, keys: Keys, first: int = 1) -> Iterator[Item]:
    """One item per element, numbered from ``first`` (blank lines counted, as a local
    run numbers the lines of a file, and skipped)."""
    for n, element in enumerate(elements, first):
        if isinstance(element, bytes):
            element = element.decode("utf-8", "replace")
        if isinstance(element, str):
            if element.strip(JSON_WHITESPACE):  # the newline read_text keeps is not part of the line
                yield parse_json_record(element[:-1] if element.endswith("\n") else element, n, keys)
        else:
            yield record_item(element, n, keys)


def _bag_partition(elements: Iterable, keys: Keys) -> list[str]:
    return [line.data[:-1].decode("utf-8") for line in export_chunk(list(_items(elements, keys)))]


def extract_bag(bag, *, id_key: str = "id", title_key: str = "title", text_key: str = "abstract"):
    """Export lines (str, without the newline) of a bag of records or JSON lines, in order.

    Every element yields one line, the facts or an error record, exactly as
    ``paperfacts extract`` writes it; blank lines yield none. An error record's
    ``line`` is the element's 1-based position in its partition: ``dask.bag.read_text``
    makes one partition per file, so that is the line in the file, as a local run
    reports it. ``extract_bag(db.read_text("in/*.jsonl", errors="replace")).to_textfiles(
    "out/*.jsonl", last_endline=True)`` writes the lines of a local run of each file
    (``errors="replace"``: a local run reads an undecodable byte as U+FFFD, where
    ``read_text`` would fail; ``read_text`` also reads a lone CR as a line end, which a
    local run and ``--dask`` do not).
    """
    _need_dask()
    return bag.map_partitions(_bag_partition, Keys(id=id_key, title=title_key, text=text_key))


# --- the CLI: files -> partitions ------------------------------------------------


class Part(NamedTuple):
    """One partition: piece ``piece`` of ``pieces`` of one input, cut by bytes (an
    uncompressed JSONL file, read in blocks of whole lines by the partitions' own
    tasks) or by records (any other input, read whole by one task)."""

    path: str
    piece: int
    pieces: int
    by_bytes: bool


def expand(paths: Iterable[str]) -> list[str]:
    """Inputs with their globs expanded by fsspec (sorted); a glob that matches nothing
    stays as given, so that it yields a ``cannot read`` error line as a missing file does."""
    from fsspec.core import url_to_fs

    out = []
    for path in paths:
        if not any(c in path for c in "*?["):
            out.append(path)
            continue
        fs, root = url_to_fs(path)
        matches = sorted(fs.glob(root))
        out.extend(fs.unstrip_protocol(m) if "://" in path else m for m in matches)
        if not matches:
            out.append(path)
    return out


def _layout(path: str, fmt: str) -> tuple[int, bool]:
    """An input's size for cutting (a ``.gz`` counts ``GZIP_RATIO`` times its own) and
    whether it is an uncompressed JSONL file, whose blocks of lines can be read apart."""
    from fsspec.core import url_to_fs

    try:
        fs, root = url_to_fs(path)
        size = fs.size(root) or 0
        if path.endswith(".gz"):
            return size * GZIP_RATIO, False
        if fmt == "auto":
            with fs.open(root, "rb") as fh:
                fmt = detect_format(path, fh.read(65536).decode("utf-8", "replace"))
    except (OSError, ValueError):
        return 0, False  # read whole, by the local reader: the error line it gives
    return size, fmt == "jsonl"


def plan(paths: Iterable[str], fmt: str = "auto", partition_bytes: int | None = None) -> list[Part]:
    """The partitions of the inputs, in output order: each file cut by its size
    into pieces of about ``partition_bytes`` (default ``PARTITION_BYTES``)."""
    partition_bytes = partition_bytes or PARTITION_BYTES
    parts = []
    for path in expand(paths):
        size, by_bytes = _layout(path, fmt)
        n = max(1, ceil(size / partition_bytes))
        parts += [Part(path, i, n, by_bytes) for i in range(n)]
    return parts


def _read(path: str, fmt: str, keys: Keys, file: str | None = None) -> list[Item]:
    """All items of one input, read as a local run reads it (on a worker); ``file`` is
    the input's name that a run of several inputs gives its error records."""
    from .cli import _items as read_inputs

    return _named(read_inputs([path], fmt, keys), file)


def _named(items: Iterable[Item], file: str | None) -> list[Item]:
    return [replace(item, file=file) for item in items] if file is not None else list(items)


def _piece(items: list[Item], i: int, n: int) -> list[Item]:
    return items[i * len(items) // n : (i + 1) * len(items) // n]


def _block(path: str, i: int, n: int) -> bytes:
    """The whole lines of the ``i``-th of ``n`` equal byte ranges of a file: those that
    start in it (``fsspec.utils.read_block``; every line is in exactly one block)."""
    from fsspec.core import url_to_fs
    from fsspec.utils import read_block

    fs, root = url_to_fs(path)
    size = fs.size(root)
    with fs.open(root, "rb") as fh:
        return read_block(fh, i * size // n, (i + 1) * size // n - i * size // n, delimiter=b"\n")


def _count_lines(path: str, i: int, n: int) -> int:
    return _block(path, i, n).count(b"\n")


def _first_lines(counts: list[int]) -> list[int]:
    """The 1-based number of each block's first line, from the lines of the blocks before it."""
    firsts = [1]
    for count in counts[:-1]:
        firsts.append(firsts[-1] + count)
    return firsts


def _export_block(path: str, i: int, n: int, firsts: list[int], keys: Keys, file: str | None = None) -> list[Line]:
    """The lines of one block of a JSONL file, numbered as in the file (as a local run reads it)."""
    lines = _block(path, i, n).decode("utf-8", "replace").split("\n")
    if lines[-1] == "":
        lines.pop()  # what follows the last newline; a last line without one stays
    return export_chunk(_named(_items(lines, keys, firsts[i]), file))


def partition_tasks(parts: list[Part], fmt: str = "auto", keys: Keys = Keys()) -> list:
    """One ``dask.delayed`` per partition, computing its ``Line``s.

    A block of an uncompressed JSONL file is read by its own task; a cheap pass that
    counts each block's lines first gives the line numbers (for error records). Any
    other input (a ``.gz`` can't be split) is read whole by one task, and its pieces
    go to the workers.
    """
    from dask import delayed

    from .cli import _printable

    several = len({part.path for part in parts}) > 1  # as a local run of several inputs, error records name their file
    readers: dict[str, object] = {}
    firsts: dict[str, object] = {}
    tasks = []
    for part in parts:
        path, i, n, by_bytes = part
        if by_bytes:
            if path not in firsts:
                firsts[path] = delayed(_first_lines)([delayed(_count_lines)(path, k, n) for k in range(n)])
            tasks.append(delayed(_export_block)(path, i, n, firsts[path], keys, _printable(path) if several else None))
            continue
        if path not in readers:
            readers[path] = delayed(_read)(path, fmt, keys, _printable(path) if several else None)
        tasks.append(delayed(export_chunk)(delayed(_piece)(readers[path], i, n)))
    return tasks


# --- the cluster ---------------------------------------------------------------------


def _settle_plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class Settle(WorkerPlugin):
        """Build the pipeline when a worker starts, then ``gc.freeze`` (``batch.settle_process``)."""

        def setup(self, worker):
            settle_process()

    return Settle()


@contextmanager
def connect(scheduler: str):
    """A client of ``local:N`` (a new ``LocalCluster`` of N single-threaded worker
    processes, closed at the end) or of a running scheduler's address."""
    _need_dask()
    import logging

    from distributed import Client, LocalCluster

    if scheduler.startswith("local:"):
        n = scheduler.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise SystemExit(f"paperfacts: --dask {scheduler}: local:N needs a number of workers N >= 1")
        n = int(n)
        # no dashboard; the scheduler's small HTTP server (health, metrics) on a free port
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                          scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            # processes started for this export: set up like the CLI's own pool workers
            client.register_plugin(_settle_plugin(), name="paperfacts-settle")
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def export_lines(client, tasks: list) -> Iterator[Line]:
    """The lines of every partition, in order; partitions run ahead on the cluster."""
    futures = client.compute(tasks)
    try:
        for future in futures:
            yield from future.result()
            future.release()
    finally:  # stopped early (--strict, an error): the rest need not run
        pending = [f for f in futures if not f.done()]
        if pending and client.status == "running":
            client.cancel(pending)


# --- partitioned output --------------------------------------------------------------


def _part_name(k: int) -> str:
    return f"part-{k:05d}.jsonl"


def _write_part(lines: list[Line], directory: str, k: int) -> tuple[int, dict]:
    """Write one partition's file (``.part``, then renamed); its counts (on a worker)."""
    from fsspec.core import url_to_fs

    from .cli import write_lines

    fs, root = url_to_fs(directory)
    path = f"{root.rstrip('/')}/{_part_name(k)}"
    with fs.open(path + ".part", "wb") as fh:
        stats = write_lines(fh, lines)
    fs.mv(path + ".part", path)
    return k, dict(stats)


def run_partitioned(client, tasks: list, directory: str, inputs: dict, *, resume: bool) -> tuple[Counter, int]:
    """Write the partitions not yet done to ``directory``; the manifest notes each one
    as it finishes. Returns the counts of this run and how many were done before."""
    from dask import delayed
    from distributed import as_completed
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(directory)
    root = root.rstrip("/")
    manifest_path = f"{root}/{MANIFEST}"
    files = [_part_name(k) for k in range(len(tasks))]
    manifest = {"inputs": inputs, "files": files, "done": []}
    if fs.exists(manifest_path):
        old = orjson.loads(fs.cat_file(manifest_path))
        if not resume:
            raise SystemExit(f"paperfacts: {directory} holds a run already: add --resume, or remove it")
        if (old.get("inputs"), old.get("files")) != (inputs, files):
            raise SystemExit(f"paperfacts: cannot resume: {directory} was written from other inputs or options")
        manifest["done"] = sorted(k for k in old.get("done", []) if fs.exists(f"{root}/{files[k]}"))
    fs.makedirs(root, exist_ok=True)

    def save() -> None:
        fs.pipe_file(manifest_path + ".part", orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        fs.mv(manifest_path + ".part", manifest_path)

    save()
    done = set(manifest["done"])
    todo = [k for k in range(len(tasks)) if k not in done]
    stats: Counter = Counter()
    futures = client.compute([delayed(_write_part)(tasks[k], directory, k) for k in todo])
    for future in as_completed(futures):
        k, counts = future.result()
        stats.update(counts)
        done.add(k)
        manifest["done"] = sorted(done)
        save()
    return stats, len(tasks) - len(todo)


# --- the command -------------------------------------------------------------------


def cmd_extract_dask(args) -> int:
    """``paperfacts extract ... --dask SCHEDULER`` (the arguments of ``cli.parser``)."""
    from .cli import StrictStop

    try:
        _need_dask()
    except MissingExtraError as e:
        print(f"paperfacts: {e}", file=sys.stderr)
        return 2
    if "-" in args.inputs:
        print("paperfacts: --dask reads files (the workers can't read stdin)", file=sys.stderr)
        return 2
    if getattr(args, "names", None) or getattr(args, "replace_names", False):
        print("paperfacts: --names is not supported with --dask yet (the workers read the shipped lists only)",
              file=sys.stderr)
        return 2
    if args.resume and not args.partitioned:
        print("paperfacts: --resume with --dask needs --partitioned DIR", file=sys.stderr)
        return 2
    if args.partitioned and (args.strict or args.output not in (None, "-")):
        print("paperfacts: --partitioned DIR writes the files itself (no -o, no --strict)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    keys = Keys(id=args.id_key, title=args.title_key, text=args.text_key)
    partition_bytes = int(args.partition_mb * 2**20) if args.partition_mb else None
    if partition_bytes is not None and partition_bytes < 1:
        print("paperfacts: --partition-mb must be positive", file=sys.stderr)
        return 2
    parts = plan(args.inputs, args.format, partition_bytes)
    tasks = partition_tasks(parts, args.format, keys)
    resumed = 0
    try:
        with connect(args.dask) as client:
            stats, resumed = _run(client, args, parts, tasks, keys)
    except KeyboardInterrupt:
        where = "; run again with --resume to go on" if args.partitioned else ""
        print(f"\npaperfacts: interrupted{where}", file=sys.stderr)
        return 130
    except StrictStop as stop:
        return _strict_stop(stop)
    if not args.quiet:
        seconds = time.perf_counter() - started
        facts = ", ".join(f"{f} {stats[f]}" for f in FACT_FIELDS)
        extra = f"; {resumed} partitions already written (resumed)" if resumed else ""
        print(f"paperfacts: {stats['papers']} papers, {stats['errors']} errors; {facts}{extra}; "
              f"{len(parts)} partitions on {args.dask}; {seconds:.1f} s, "
              f"{stats['papers'] / seconds if seconds else 0:.0f} papers/s", file=sys.stderr)
    return 0


def _run(client, args, parts: list[Part], tasks: list, keys: Keys) -> tuple[Counter, int]:
    """Write the export as asked (a file, stdout or partitions); the counts and the
    partitions an earlier run had written."""
    from .cli import write_lines

    if args.partitioned:
        inputs = {"parts": [list(p) for p in parts], "format": args.format, "keys": [keys.id, keys.title, keys.text]}
        return run_partitioned(client, tasks, args.partitioned, inputs, resume=args.resume)
    if args.output in (None, "-"):
        with closing(export_lines(client, tasks)) as lines:
            stats = write_lines(sys.stdout.buffer, lines, strict=args.strict)
        sys.stdout.buffer.flush()
        return stats, 0
    part = args.output + ".part"  # renamed when complete, as a local run does
    try:
        with open(part, "wb") as fh, closing(export_lines(client, tasks)) as lines:
            stats = write_lines(fh, lines, strict=args.strict)
    except BaseException:  # --strict's stop included: no output file
        os.unlink(part)
        raise
    os.replace(part, args.output)
    return stats, 0


def _strict_stop(stop) -> int:
    print(f"paperfacts: --strict: record at line {orjson.loads(stop.line.data)['error']['line']} "
          f"can't be read: {stop.line.error}", file=sys.stderr)
    return 1
