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

import operator
import os
import sys
import time
from collections import Counter
from contextlib import closing, contextmanager, nullcontext
from dataclasses import replace
from math import ceil
from typing import Iterable, Iterator, NamedTuple

import orjson

from .batch import FACT_FIELDS, Line, export_chunk, settle_process
from .errors import MissingExtraError, PaperfactsError
from .inputs import JSON_WHITESPACE, Item, Keys, detect_format, parse_json_record, record_item
from .pipeline import UserNames, get_nlp

__all__ = ["extract_bag", "plan", "partition_tasks", "cmd_extract_dask", "PARTITION_BYTES"]

#: Input bytes per partition (about 750 arXiv abstracts, about a second of one core):
#: the last partitions leave workers idle for up to one partition's time (2 MB left
#: one of two workers idle 2.7 s at the end of 50,000 papers, 1 MB 0.5 s), while a
#: task's own cost (a few ms) stays noise; a retried partition costs little.
PARTITION_BYTES = 1 << 20
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


def _items(elements: Iterable, keys: Keys) -> Iterator[Item]:
    """One item per element, numbered from 1 (blank lines counted, as a local run
    numbers the lines of a file, and skipped)."""
    for n, element in enumerate(elements, 1):
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


def _export_piece(items: list[Item], i: int, n: int, names: UserNames) -> Block:
    """The lines of the ``i``-th of ``n`` equal pieces of an input's items."""
    return Block(export_chunk(items[i * len(items) // n : (i + 1) * len(items) // n], names))


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


class Block(NamedTuple):
    """A partition's result. The error records of a block of a JSONL file are numbered
    from the block's first line, so that its task waits for no other (a task that
    needs another's result runs where that result is, which leaves workers idle):
    ``path`` and ``count``, its number of lines, let ``renumber`` make them the file's."""

    lines: list[Line]
    path: str | None = None
    count: int = 0


def renumber(lines: list[Line], before: int) -> list[Line]:
    """``lines`` with each error record's line number moved on by ``before`` lines."""
    if not before:
        return lines
    out = []
    for line in lines:
        if line.error is not None:
            record = orjson.loads(line.data)
            record["error"]["line"] += before
            line = line._replace(data=orjson.dumps(record) + b"\n")
        out.append(line)
    return out


def _export_block(path: str, i: int, n: int, keys: Keys, file: str | None, names: UserNames) -> Block:
    """The lines of one block of a JSONL file, read as a local run reads it (error
    records numbered from the block's first line)."""
    data = _block(path, i, n)
    lines = data.decode("utf-8", "replace").split("\n")
    if lines[-1] == "":
        lines.pop()  # what follows the last newline; a last line without one stays
    return Block(export_chunk(_named(_items(lines, keys), file), names), path, data.count(b"\n"))


def partition_tasks(parts: list[Part], fmt: str = "auto", keys: Keys = Keys(), names: UserNames = UserNames()) -> list:
    """One ``dask.delayed`` per partition, computing its ``Block`` of ``Line``s.

    A block of an uncompressed JSONL file is read by its own task, which depends on
    no other. Any other input (a ``.gz`` can't be split) is read whole by one task,
    and its pieces go to the workers. The workers' pipelines read the users' ``names``
    files (at the same absolute paths on every worker). The tasks carry priorities
    in output order, so that the partitions run (and come back to the client, which
    writes them) in order.
    """
    import dask
    from dask import delayed

    from .cli import _printable

    several = len({part.path for part in parts}) > 1  # as a local run of several inputs, error records name their file
    readers: dict[str, object] = {}
    tasks = []
    for k, part in enumerate(parts):
        path, i, n, by_bytes = part
        file = _printable(path) if several else None
        with dask.annotate(priority=len(parts) - k):
            if by_bytes:
                tasks.append(delayed(_export_block)(path, i, n, keys, file, names))
                continue
            if path not in readers:
                readers[path] = delayed(_read)(path, fmt, keys, file)
            tasks.append(delayed(_export_piece)(readers[path], i, n, names))
    return tasks


# --- the cluster ---------------------------------------------------------------------


def _settle_plugin(names: UserNames):
    from distributed.diagnostics.plugin import WorkerPlugin

    class Settle(WorkerPlugin):
        """Build the pipeline when a worker starts, then ``gc.freeze`` (``batch.settle_process``)."""

        def setup(self, worker):
            settle_process(names)

    return Settle()


#: Dask's settings for the local clusters that ``--dask local:N`` starts (``connect``):
#: the workers forked from a fork server that has the pipeline (``start_fork_server``);
#: no statistical profiler (a dashboard's diagnostic, and these clusters have no
#: dashboard: it sampled the running task every 10 ms); glibc's own trim threshold,
#: as the local pool's workers have (Dask's 64 KiB made glibc hand memory back after
#: every partition). The two last cost the workers about 5% more CPU together.
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.multiprocessing-method": "forkserver",
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def start_fork_server() -> bool:
    """Start, once per process, the fork server that local clusters' workers are forked
    from, with Dask's worker and the default pipeline loaded (``paperfacts.dask_worker``);
    False where there is none (Windows, or it cannot be started). Called early, it builds
    them while this process goes on planning the partitions and starting the scheduler.

    The fork server is a new single-threaded process, not a fork of this one (whose
    Dask threads make a fork unsafe: forked workers hung once in CI)."""
    import multiprocessing
    from multiprocessing import forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return False
    import dask

    # what a Nanny puts in its environment before it starts a worker (OMP_NUM_THREADS=1,
    # ...; values already set win): a forked worker has the fork server's
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        environ = {k: str(v) for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
                   if v is not None and k not in os.environ}
    os.environ.update(environ)
    multiprocessing.get_context("forkserver").set_forkserver_preload(["paperfacts.dask_worker"])
    try:
        forkserver.ensure_running()
    except OSError:  # no Unix socket or no process to be had here: Dask spawns the workers
        return False
    return True


@contextmanager
def connect(scheduler: str, names: UserNames = UserNames()):
    """A client of ``local:N`` (a new ``LocalCluster`` of N single-threaded worker
    processes, closed at the end) or of a running scheduler's address.

    A local cluster's workers are forked from a fork server that has built the
    default pipeline (``start_fork_server``; ``LOCAL_CLUSTER_CONFIG``), and have their
    pipeline (with the users' ``names``) before any task.
    """
    _need_dask()
    import logging

    import dask
    from distributed import Client, LocalCluster

    if scheduler.startswith("local:"):
        n = scheduler.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise SystemExit(f"paperfacts: --dask {scheduler}: local:N needs a number of workers N >= 1")
        n = int(n)
        config = dict(LOCAL_CLUSTER_CONFIG)
        if not start_fork_server():  # (Windows) spawned, as Dask does by default
            del config["distributed.worker.multiprocessing-method"]
        # no dashboard; the scheduler's small HTTP server (health, metrics) on a free port
        with dask.config.set(config), \
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                             scheduler_kwargs={"dashboard_address": ":0"}, silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            # processes started for this export: set up like the CLI's own pool workers
            client.register_plugin(_settle_plugin(names), name="paperfacts-settle")
            yield client
    else:
        with Client(scheduler) as client:
            yield client


def export_lines(client, tasks: list, before: Counter | None = None, written=None) -> Iterator[Line]:
    """The lines of every partition, in order; partitions run ahead on the cluster.

    ``before`` counts the lines of each file in blocks not among ``tasks`` (those
    that an interrupted run wrote); ``written(k, before)``, when given, is called
    once the lines of ``tasks[k]`` have all been taken."""
    futures = client.compute(tasks)
    before = Counter() if before is None else before  # lines of each file in the blocks so far
    try:
        for k, future in enumerate(futures):
            block = future.result()
            yield from renumber(block.lines, before[block.path])
            before[block.path] += block.count
            future.release()
            if written is not None:
                written(k, before)
    finally:  # stopped early (--strict, an error): the rest need not run
        pending = [f for f in futures if not f.done()]
        if pending and client.status == "running":
            client.cancel(pending)


# --- partitioned output --------------------------------------------------------------


def _part_name(k: int) -> str:
    return f"part-{k:05d}.jsonl"


def _write_part(block: Block, before: int, directory: str, k: int) -> tuple[int, dict]:
    """Write one partition's file (``.part``, then renamed; its error records
    numbered after the ``before`` lines of its file); its counts (on a worker)."""
    from fsspec.core import url_to_fs

    from .cli import write_lines

    fs, root = url_to_fs(directory)
    path = f"{root.rstrip('/')}/{_part_name(k)}"
    with fs.open(path + ".part", "wb") as fh:
        stats = write_lines(fh, renumber(block.lines, before))
    fs.mv(path + ".part", path)
    return k, dict(stats)


def run_partitioned(client, parts: list[Part], tasks: list, directory: str, inputs: dict, *,
                    resume: bool) -> tuple[Counter, int]:
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
    futures = client.compute(_write_tasks(parts, tasks, todo, directory))
    for future in as_completed(futures):
        k, counts = future.result()
        stats.update(counts)
        done.add(k)
        manifest["done"] = sorted(done)
        save()
    return stats, len(tasks) - len(todo)


def _write_tasks(parts: list[Part], tasks: list, todo: Iterable[int], directory: str) -> list:
    """A task writing each partition of ``todo``; it waits for the line counts of the
    blocks of its file before it (a sum of small tasks: a block's own count, or one
    read of a block already written), not for their lines."""
    import dask
    from dask import delayed

    before: dict[str, object] = {}
    todo = set(todo)
    writes = []
    for k, (path, i, n, by_bytes) in enumerate(parts):
        with dask.annotate(priority=len(parts) - k):
            if k in todo:
                writes.append(delayed(_write_part)(tasks[k], before.get(path, 0), directory, k))
            if by_bytes and i < n - 1:
                count = delayed(_count_of)(tasks[k]) if k in todo else delayed(_count_lines)(path, i, n)
                before[path] = delayed(operator.add)(before.get(path, 0), count)
    return writes


def _count_of(block: Block) -> int:
    return block.count


# --- the command -------------------------------------------------------------------


def cmd_extract_dask(args) -> int:
    """``paperfacts extract ... --dask SCHEDULER`` (the arguments of ``cli.parser``)."""
    from .cli import Stop, StrictStop, _is_special, _printable

    try:
        _need_dask()
    except MissingExtraError as e:
        print(f"paperfacts: {e}", file=sys.stderr)
        return 2
    if "-" in args.inputs:
        print("paperfacts: --dask reads files (the workers can't read stdin)", file=sys.stderr)
        return 2
    if args.resume and not args.partitioned and (args.output in (None, "-") or _is_special(args.output)):
        print("paperfacts: --resume with --dask needs -o FILE or --partitioned DIR", file=sys.stderr)
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
    if args.dask.startswith("local:"):
        start_fork_server()  # the workers' process to fork from, made ready while this one plans
    names = UserNames.of(args.names, args.replace_names)
    if names != UserNames():
        try:
            get_nlp(names)  # reads the names files: a bad one stops here, before any work (as a local run)
        except PaperfactsError as e:
            print(f"paperfacts: {e}", file=sys.stderr)
            return 2
    parts = plan(args.inputs, args.format, partition_bytes)
    tasks = partition_tasks(parts, args.format, keys, names)
    resumed = 0

    def kept() -> str:
        to_file = not args.partitioned and args.output not in (None, "-") and os.path.isfile(args.output + ".part")
        return f"; the lines so far are kept in {_printable(args.output)}.part" if to_file else ""

    try:
        with connect(args.dask, names) as client:
            stats, resumed = _run(client, args, parts, tasks, keys, names)
    except KeyboardInterrupt:
        where = f"{kept()}; run again with --resume to go on" if args.partitioned or kept() else ""
        print(f"\npaperfacts: interrupted{where}", file=sys.stderr)
        return 130
    except StrictStop as stop:
        print(f"paperfacts: --strict: record at line {orjson.loads(stop.line.data)['error']['line']} "
              f"can't be read: {stop.line.error}{kept()}", file=sys.stderr)
        return 1
    except Stop as stop:
        print(f"paperfacts: {stop}", file=sys.stderr)
        return stop.code
    except Exception as e:
        if kept():
            print(f"paperfacts: failed ({type(e).__name__}: {e}){kept()}: run the same command with --resume "
                  "once that is fixed", file=sys.stderr)
        raise
    if not args.quiet:
        seconds = time.perf_counter() - started
        facts = ", ".join(f"{f} {stats[f]}" for f in FACT_FIELDS)
        extra = f"; {resumed} partitions already written (resumed)" if resumed else ""
        print(f"paperfacts: {stats['papers']} papers, {stats['errors']} errors; {facts}{extra}; "
              f"{len(parts)} partitions on {args.dask}; {seconds:.1f} s, "
              f"{stats['papers'] / seconds if seconds else 0:.0f} papers/s", file=sys.stderr)
    return 0


def _run(client, args, parts: list[Part], tasks: list, keys: Keys, names: UserNames) -> tuple[Counter, int]:
    """Write the export as asked (a file, stdout or partitions); the counts and the
    partitions an earlier run had written."""
    from .cli import _is_special, write_lines

    inputs = {"parts": [list(p) for p in parts], "format": args.format, "keys": [keys.id, keys.title, keys.text]}
    if names != UserNames():  # (absent without them: a directory written before --names is still resumed)
        inputs["names"] = {"paths": list(names.paths), "replace": names.replace}
    if args.partitioned:
        return run_partitioned(client, parts, tasks, args.partitioned, inputs, resume=args.resume)
    if args.output in (None, "-") or _is_special(args.output):  # stdout, or a device or pipe (-o /dev/null)
        with (open(args.output, "wb") if args.output not in (None, "-") else nullcontext(sys.stdout.buffer)) as fh, \
                closing(export_lines(client, tasks)) as lines:
            stats = write_lines(fh, lines, strict=args.strict)
            fh.flush()
        return stats, 0
    return _run_to_file(client, args, tasks, inputs)


def _run_to_file(client, args, tasks: list, inputs: dict) -> tuple[Counter, int]:
    """Write ``OUTPUT.part`` (locked), renamed to ``OUTPUT`` when complete, as a local
    run does. Beside it, ``OUTPUT.part.json`` notes the run's inputs and, after each
    partition, how many partitions the ``.part`` holds and its size: a run that fails
    or is killed keeps both, and ``--resume`` cuts the ``.part`` back to the last
    whole partition and computes only the partitions after it."""
    from .cli import Stop, _lock, _printable, write_lines

    output = args.output
    part, record_path = output + ".part", output + ".part.json"
    existed = os.path.exists(part)
    fd = _lock(part, output)
    fh = os.fdopen(fd, "r+b")
    try:
        record = {"dask": inputs, "partitions": 0, "bytes": 0, "before": {}}
        if args.resume:
            try:
                with open(record_path, "rb") as rf:
                    record = orjson.loads(rf.read())
            except (OSError, orjson.JSONDecodeError):
                record = {}
            if "dask" not in record:
                raise Stop(f"cannot resume: {_printable(part)} was not written by --dask (resume it without --dask, "
                           "or delete it to start again)", 2)
            if record["dask"] != inputs:
                raise Stop(f"cannot resume: {_printable(part)} was written from other inputs or options; "
                           "nothing was changed", 2)
            fh.truncate(record["bytes"])  # lines of a partition not noted as written: done again
        elif os.fstat(fd).st_size:
            raise Stop(f"{_printable(part)} holds the lines of an interrupted run: add --resume to go on with it, "
                       "or delete it to start again", 2)
        fh.seek(record["bytes"])
        done = record["partitions"]

        def save(k: int | None = None, before: Counter | None = None) -> None:
            if k is not None:
                fh.flush()
                record.update(partitions=done + k + 1, bytes=fh.tell(),
                              before={path: n for path, n in before.items() if path is not None})
            with open(record_path + ".tmp", "wb") as rf:
                rf.write(orjson.dumps(record, option=orjson.OPT_INDENT_2) + b"\n")
            os.replace(record_path + ".tmp", record_path)

        save()
        with closing(export_lines(client, tasks[done:], Counter(record["before"]), save)) as lines:
            stats = write_lines(fh, lines, strict=args.strict)
        fh.flush()
    except BaseException:
        try:
            fh.flush()  # the lines written so far (--strict keeps those before the bad record)
        except OSError:
            pass
        if not existed and os.fstat(fd).st_size == 0:  # made by this run, empty: nothing to keep
            os.unlink(part)
            if os.path.exists(record_path):
                os.unlink(record_path)
        fh.close()  # otherwise the .part and its record stay, for --resume
        raise
    os.replace(part, output)  # still locked: no other run takes the .part meanwhile
    os.unlink(record_path)
    fh.close()
    return stats, done
