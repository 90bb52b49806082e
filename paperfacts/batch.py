"""Batch export: items -> export lines, in input order, in this process or a process pool.

Items are cut into chunks; each chunk is read by one process and comes back as
its serialized lines, which are yielded in input order. Every line depends only
on its own record, so the output is byte-identical whatever the worker count.
A pool keeps at most ``2 * workers`` chunks in flight, so memory does not grow
with the input. (spaCy's own ``n_process`` is slower than one process on docs
this small: it pickles every Doc back to the parent; we send back bytes.)
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator, NamedTuple

import orjson

from .inputs import Item, unicode_problem

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
    """One export line, deterministic: field order from the records, no whitespace."""
    return orjson.dumps(record.model_dump(mode="json")) + b"\n"


def export_chunk(items: list[Item]) -> list[Line]:
    """The export lines of ``items``, in order (runs in a worker or in this process)."""
    from .pipeline import process

    return [_line(item, record) for item, record in zip(items, process(items))]


def _line(item: Item, record) -> Line:
    """The export line of one record; a record that cannot be written (a value that is
    not valid Unicode, say) becomes an error record that says so, never a crash."""
    from .records import ErrorDetail, ErrorRecord

    try:
        data = dumps(record)
    except (TypeError, ValueError) as e:  # orjson.JSONEncodeError is a TypeError
        rid = record.id if record.id is not None and unicode_problem("id", record.id) is None else None
        record = ErrorRecord(id=rid, error=ErrorDetail(line=item.line, reason=f"the record cannot be written: {e}"[:500]))
        data = dumps(record)
    if isinstance(record, ErrorRecord):
        return Line(data, record.id, record.error.reason, (0,) * len(FACT_FIELDS))
    return Line(data, record.id, None, tuple(len(getattr(record, f)) for f in FACT_FIELDS))


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _warm_up() -> None:
    from .pipeline import get_nlp

    get_nlp()


def settle_process() -> None:
    """Ready this process for a long export: build the pipeline, then take every object
    alive (spaCy's modules, the pipeline and its tables, all kept until exit) out of the
    garbage collector's sight (``gc.freeze``).

    A full collection looks at every tracked object, and importing spaCy alone makes
    that about 45 ms; extraction allocates enough to set one off every thousand
    papers or so, which cost 10% of the export. Process-wide, so it is for processes
    that exist to export (the CLI and its workers), not for a library caller's.
    """
    _warm_up()
    gc.collect()
    gc.freeze()


def export_lines(items: Iterable[Item], *, workers: int = 1, chunk_size: int = CHUNK_SIZE) -> Iterator[Line]:
    """Export lines for ``items`` in input order, using ``workers`` processes.

    With one worker everything runs in this process. Otherwise chunks go to a
    process pool (forked where the platform allows it, so the workers share the
    parent's loaded pipeline); a chunk whose worker fails is redone here, so a
    lost worker never loses records.
    """
    if workers <= 1:
        for chunk in _chunks(items, chunk_size):
            yield from export_chunk(chunk)
        return
    _warm_up()  # build the pipeline once, before forking
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pending: deque[tuple[list[Item], Future]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=settle_process) as pool:
        try:
            for chunk in _chunks(items, chunk_size):
                pending.append((chunk, pool.submit(export_chunk, chunk)))
                if len(pending) >= 2 * workers:
                    yield from _result(*pending.popleft())
            while pending:
                yield from _result(*pending.popleft())
        finally:
            for _, future in pending:
                future.cancel()


def _result(chunk: list[Item], future: Future) -> list[Line]:
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - a broken worker: redo its chunk in this process
        return export_chunk(chunk)
