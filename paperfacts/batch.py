"""Batch export: items -> export lines, in input order, in this process or a process pool.

Items are cut into chunks; each chunk is read by one process and comes back as
its serialized lines, which are yielded in input order. Every line depends only
on its own record, so the output is byte-identical whatever the worker count.
A pool keeps at most ``2 * workers`` chunks in flight, so memory does not grow
with the input. (spaCy's own ``n_process`` is slower than one process on docs
this small: it pickles every Doc back to the parent; we send back bytes.)
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import nullcontext
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Iterable, Iterator, NamedTuple

import pydantic_core

from .inputs import Item, unicode_problem
from .pipeline import UserNames

FACT_FIELDS = ("models", "parameter_counts", "token_counts", "benchmarks", "datasets", "scores", "urls")
#: Papers per chunk sent to a worker: large enough to amortize the hand-over,
#: small enough that the first lines appear soon.
CHUNK_SIZE = 128


class Line(NamedTuple):
    """One export line and what the summary needs to know of it."""

    data: bytes
    """The JSON line, newline included."""
    id: str | None
    """The record's id (given or derived), ``None`` for an error without one."""
    error: str | None
    """The reason, when this is an error record."""
    facts: tuple[int, ...]
    """Number of items per field of ``FACT_FIELDS`` (zeros for an error record)."""


def dumps(record) -> bytes:
    """One export line, deterministic: field order from the records, no whitespace.
    Written by the record's own serializer (pydantic-core), the same bytes as
    ``orjson.dumps(record.model_dump(mode="json"))`` without building the dicts first
    (half the time); it raises ``ValueError`` on what it cannot write (a lone surrogate)."""
    return pydantic_core.to_json(record) + b"\n"


#: Words (lexemes) in a process's vocabulary past which chunks are read in a memory zone.
ZONE_AFTER_LEXEMES = 100_000
#: Words met (the vocabulary's count, which goes on counting in a zone) past which the
#: pipeline is built anew.
RENEW_AFTER_LEXEMES = 250_000
_zoned = False


def export_chunk(items: list[Item], names: UserNames = UserNames()) -> list[Line]:
    """The export lines of ``items``, in order (runs in a worker or in this process).

    spaCy's vocabulary keeps every distinct word it meets (about 290 bytes each), so
    a dump of millions of papers would grow without bound. Once a process's
    vocabulary holds ``ZONE_AFTER_LEXEMES`` words, each chunk is read inside
    ``nlp.memory_zone()``, which drops the words it added when it is done (every
    line is serialized inside). Not from the start, because the tokenizer caches
    nothing inside a zone (30% slower): the arXiv corpus stays below the bound
    (61,036 words), and by then the cache holds the common chunks. A zone still
    leaves about 30 bytes per new word in spaCy's hash tables (a dropped key is
    marked, not removed, and a table doubles when full), so after
    ``RENEW_AFTER_LEXEMES`` words the pipeline is built anew (half a second). The
    lines are the same bytes either way. Every process builds its pipeline with the
    users' ``names``.
    """
    global _zoned
    from .pipeline import get_nlp, process

    if len(get_nlp(names).vocab) > RENEW_AFTER_LEXEMES:  # no reference kept: the old one is freed first
        _renew_pipeline(names)
        _zoned = False
    nlp = get_nlp(names)
    _zoned = _zoned or len(nlp.vocab) > ZONE_AFTER_LEXEMES
    with nlp.memory_zone() if _zoned else nullcontext():
        return [_line(item, record) for item, record in zip(items, process(items, names=names))]


def _renew_pipeline(names: UserNames) -> None:
    """A new shared pipeline; the old one is freed first (``gc.freeze`` undone for that)."""
    from .pipeline import get_nlp

    get_nlp.cache_clear()
    frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.collect()
    get_nlp(names)
    if frozen:
        gc.collect()
        gc.freeze()


def _line(item: Item, record) -> Line:
    """The export line of one record; a record that cannot be written (a value that is
    not valid Unicode, say) becomes an error record that says so, never a crash."""
    from .records import ErrorRecord

    if item.file is not None and isinstance(record, ErrorRecord):
        record = record.model_copy(update={"error": record.error.model_copy(update={"file": item.file})})
    try:
        data = dumps(record)
    except (TypeError, ValueError) as e:  # pydantic_core.PydanticSerializationError is a ValueError
        return error_line(item, f"the record cannot be written: {e}"[:500], record.id)
    if isinstance(record, ErrorRecord):
        return Line(data, record.id, record.error.reason, (0,) * len(FACT_FIELDS))
    return Line(data, record.id, None, tuple(len(getattr(record, f)) for f in FACT_FIELDS))


def error_line(item: Item, reason: str, id: str | None = None) -> Line:
    """An error line for ``item`` (its id kept when it can be written)."""
    from .records import ErrorDetail, ErrorRecord

    rid = id if id is not None and unicode_problem("id", id) is None else None
    return _line(item, ErrorRecord(id=rid, error=ErrorDetail(line=item.line, reason=reason)))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


#: Allocations (net) after which the youngest generation is collected in an export
#: process (``settle_process``); Python's default is 700.
GC_YOUNG = 20_000


def _warm_up(names: UserNames = UserNames()) -> None:
    from .pipeline import get_nlp

    get_nlp(names)


def settle_process(names: UserNames = UserNames()) -> None:
    """Ready this process for a long export: build the pipeline, then take every object
    alive (spaCy's modules, the pipeline and its tables, all kept until exit) out of the
    garbage collector's sight (``gc.freeze``).

    A full collection looks at every tracked object, and importing spaCy alone makes
    that about 45 ms; extraction allocates enough to set one off every thousand
    papers or so, which cost 10% of the export. Process-wide, so it is for processes
    that exist to export (the CLI and its workers), not for a library caller's.

    The youngest generation is collected after ``GC_YOUNG`` allocations instead of
    Python's 700: reading one batch keeps a few thousand young objects alive at once
    (fact dicts, match objects), all freed by reference counting, so at 700 the
    collector ran about once every seven papers and found nothing (3% of the export
    on the arXiv corpus). Garbage in cycles is still collected, later.
    """
    _warm_up(names)
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def export_lines(items: Iterable[Item], *, workers: int = 1, chunk_size: int = CHUNK_SIZE,
                 names: UserNames = UserNames()) -> Iterator[Line]:
    """Export lines for ``items`` in input order, using ``workers`` processes.

    With one worker everything runs in this process. Otherwise chunks go to a
    process pool (forked where the platform allows it, so the workers share the
    parent's loaded pipeline). A worker that dies (killed, out of memory) costs a
    retry of the chunks in flight, never the run (``_Workers``); the workers end
    when this process ends. Every process builds its pipeline with the users'
    ``names``.
    """
    if workers <= 1:
        for chunk in _chunks(items, chunk_size):
            yield from export_chunk(chunk, names)
        return
    _warm_up(names)  # build the pipeline once, before forking
    pool = _Workers(workers, names)
    try:
        for chunk in _chunks(items, chunk_size):
            pool.submit(chunk)
            if len(pool.pending) >= 2 * workers:
                yield from pool.next_lines()
        while pool.pending:
            yield from pool.next_lines()
    finally:
        pool.close()


#: A chunk lost with its worker this many times is read one record at a time.
CHUNK_TRIES = 2
#: A record whose worker died this many times, with no other work in it, is an error line.
RECORD_TRIES = 2


class _Task:
    __slots__ = ("items", "future", "tries", "pool")

    def __init__(self, items: list[Item], future: Future, tries: int, pool: int):
        self.items, self.future, self.tries, self.pool = items, future, tries, pool


class _Workers:
    """A process pool that survives the death of its workers.

    When a worker dies, ``concurrent.futures`` marks the whole pool broken and every
    chunk in flight lost. The pool is then replaced and the lost chunks sent again;
    which one killed the worker is not known, so each counts a try. A chunk lost
    ``CHUNK_TRIES`` times is read one record at a time, each alone in a worker of its
    own (``_alone``), so that a record that kills every worker reading it (memory)
    becomes one error line and the records beside it are read.
    """

    def __init__(self, workers: int, names: UserNames = UserNames()):
        self.names = names
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.workers = workers
        self.generation = 0
        self.executor = self._start(workers)
        self.solo: ProcessPoolExecutor | None = None
        self.pending: deque[_Task] = deque()

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, mp_context=self.context, initializer=_worker_init,
                                   initargs=(os.getpid(), self.names))

    def _send(self, items: list[Item]) -> Future:
        try:
            return self.executor.submit(export_chunk, items, self.names)
        except BrokenProcessPool as e:  # broken before its loss was seen: handled as the chunk's loss
            future: Future = Future()
            future.set_exception(e)
            return future

    def submit(self, items: list[Item], tries: int = 0) -> None:
        self.pending.append(_Task(items, self._send(items), tries, self.generation))

    def next_lines(self) -> list[Line]:
        """The lines of the oldest chunk, once they are read."""
        while True:
            task = self.pending[0]
            if task.tries >= CHUNK_TRIES:
                self.pending.popleft()
                return self._alone(task.items)
            try:
                lines = task.future.result()
            except BrokenProcessPool:
                self._replace()
                continue
            except Exception:  # noqa: BLE001 - not a lost worker (a chunk that can't be sent): read it here
                lines = export_chunk(task.items, self.names)
            self.pending.popleft()
            return lines

    def _replace(self) -> None:
        """A new pool for the broken one; every chunk it lost is sent again, one try counted."""
        old = self.generation
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.generation += 1
        self.executor = self._start(self.workers)
        for task in self.pending:
            if task.pool == old and not _succeeded(task.future):
                task.tries += 1
                task.pool = self.generation
                task.future = self._send(task.items) if task.tries < CHUNK_TRIES else task.future

    def _alone(self, items: list[Item]) -> list[Line]:
        lines = []
        for item in items:
            for _ in range(RECORD_TRIES):
                if self.solo is None:
                    self.solo = self._start(1)
                try:
                    lines.extend(self.solo.submit(export_chunk, [item], self.names).result())
                    break
                except BrokenProcessPool:
                    self.solo.shutdown(wait=False, cancel_futures=True)
                    self.solo = None
            else:
                lines.append(error_line(item, f"the worker process reading this record died {RECORD_TRIES} times "
                                              "(killed, or out of memory); not read", item.id))
        return lines

    def close(self) -> None:
        for task in self.pending:
            task.future.cancel()
        for executor in (self.executor, self.solo):
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)


def _succeeded(future: Future) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def _worker_init(parent: int, names: UserNames = UserNames()) -> None:
    """Start a worker: it ends with its parent, leaves Ctrl-C to it, and is settled."""
    _end_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and the pool
    settle_process(names)


def _end_with_parent(parent: int) -> None:
    """Make this process end when ``parent`` ends (a worker must not outlive a killed run).

    On Linux the kernel sends SIGKILL when the parent ends (``prctl(PR_SET_PDEATHSIG)``);
    elsewhere a thread looks at the parent id every second.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent ended before the prctl
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), name="paperfacts-parent-watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
