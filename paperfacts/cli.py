"""Command line: ``paperfacts extract | schema | validate``.

``extract`` writes one JSON line per input record, in input order: the facts, or
an error record for an input that can't be read (``--strict`` stops there with
exit 1 instead). With ``-o FILE`` the lines go to ``FILE.part``, renamed to
``FILE`` when complete, so a killed run never leaves a truncated file that looks
finished; ``--resume`` keeps the complete lines of ``FILE.part`` and goes on
after them. ``--workers N`` reads with N processes; the bytes are the same.
"""

from __future__ import annotations

import argparse
import gzip
import heapq
import os
import shutil
import stat
import sys
import time
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from contextlib import nullcontext
from dataclasses import replace
from hashlib import blake2b
from typing import IO, Iterable, Iterator

import orjson

from . import __version__
from .errors import PaperfactsError
from .batch import FACT_FIELDS, Line, dumps, export_lines, settle_process
from .inputs import FORMATS, Item, Keys, read_items, utf16
from .pipeline import UserNames, get_nlp

try:
    import fcntl
except ImportError:  # not on Windows: runs on one output are not kept apart there
    fcntl = None  # type: ignore[assignment]
from .records import ErrorRecord, PaperFacts, json_schema
from .review import add_parser as add_review_parser

__all__ = ["main", "dumps", "validate_lines"]


class Stop(Exception):
    """Ends a command with one line on stderr (``paperfacts: MESSAGE``) and an exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _items(paths: list[str], fmt: str, keys: Keys) -> Iterator[Item]:
    """Items of every input; a file that can't be read to its end (a truncated ``.gz``)
    adds an error item after what was read from it. With several inputs, each item
    names its file (error records say which)."""
    several = len(paths) > 1
    for path in paths:
        name = _printable(path) if several else None
        try:
            for item in read_items(path, fmt, keys):
                yield replace(item, file=name) if several else item
        except (OSError, EOFError, zlib.error) as e:
            yield Item(0, None, None, None, f"cannot read {_printable(path)}: {getattr(e, 'strerror', None) or e}",
                       file=name)


def _printable(path: str) -> str:
    """``path`` as text that can be written (undecodable bytes of a file name shown as U+FFFD)."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class TooManyErrors(Exception):
    """``--strict`` or ``--max-errors`` met one error record too many."""

    def __init__(self, line: Line):
        super().__init__(line.error)
        self.line = line


StrictStop = TooManyErrors  # the name of earlier versions


class SeenIds:
    """The ids met so far, in about 8 bytes each, so that a run over millions of
    papers does not keep millions of id strings to count duplicates.

    Each id is kept as a 64-bit BLAKE2b digest: recent ones in a set, the rest in one
    sorted array that the set is merged into when it outgrows an eighth of it. Two
    distinct ids share a digest with odds of about n**2 / 2**65 (1e-7 for two
    million papers); the summary would then count one duplicate too many.
    """

    def __init__(self) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()

    def add(self, id: str) -> bool:
        """Remember ``id``; whether it was met before."""
        digest = int.from_bytes(blake2b(id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
        if digest in self._recent:
            return True
        at = bisect_left(self._sorted, digest)
        if at < len(self._sorted) and self._sorted[at] == digest:
            return True
        self._recent.add(digest)
        if len(self._recent) > max(4096, len(self._sorted) // 8):
            self._sorted = array("Q", heapq.merge(self._sorted, sorted(self._recent)))
            self._recent.clear()
        return False


def write_lines(out: IO[bytes], lines: Iterable[Line], *, strict: bool = False, max_errors: int | None = None,
                progress=None, stats: Counter | None = None) -> Counter:
    """Write every line; return the counts for the summary (papers, errors, facts per field,
    duplicates), kept in ``stats`` as they grow when it is given (so that they are known
    when writing fails). ``strict`` (``max_errors=0``) and ``max_errors`` raise
    ``TooManyErrors`` at the error line that is one too many, before writing it."""
    stats = Counter() if stats is None else stats
    max_errors = 0 if strict else max_errors
    seen = SeenIds()
    for line in lines:
        if line.error is not None and max_errors is not None and stats["errors"] >= max_errors:
            raise TooManyErrors(line)
        out.write(line.data)
        stats["papers"] += 1
        if line.error is not None:
            stats["errors"] += 1
        for field, n in zip(FACT_FIELDS, line.facts):
            stats[field] += n
        if line.id is not None and seen.add(line.id):
            stats["duplicate ids"] += 1
        if progress is not None:
            progress.update(1)
    return stats


def _progress(args):
    """A progress bar on stderr when it is a terminal (and not ``--quiet``)."""
    if args.quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" papers", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


# --- extract: checks before any work ----------------------------------------------------


def _invocation_problem(args) -> str | None:
    """What is wrong with the inputs or ``-o`` (the first thing), before any work."""
    for path in args.inputs:
        if path == "-" or "://" in path:
            continue  # stdin; a URL read through fsspec: a failure to read it is an error record
        if os.path.isdir(path):
            return f"{_printable(path)} is a directory; give the files in it"
        try:
            with open(path, "rb") as fh:
                head = fh.read(4)
                if path.endswith(".gz") and head[:2] == b"\x1f\x8b":
                    fh.seek(0)
                    head = gzip.GzipFile(fileobj=fh).read(4)
        except (OSError, EOFError, zlib.error) as e:
            if isinstance(e, OSError) and e.filename is not None:
                return f"cannot read {_printable(path)}: {e.strerror}"
            continue  # a damaged .gz: read as far as it goes, then an error record
        if encoding := utf16(head):
            return (f"{_printable(path)} is {encoding} text; paperfacts reads UTF-8: convert it first "
                    f"(iconv -f {encoding} -t UTF-8)")
    if args.output in (None, "-"):
        return None
    if os.path.isdir(args.output):
        return f"-o {_printable(args.output)} is a directory; name the output file"
    folder = os.path.dirname(os.path.abspath(args.output))
    if not os.path.isdir(folder):
        return f"-o {_printable(args.output)}: the folder {_printable(folder)} does not exist"
    if not _is_special(args.output) and not os.access(folder, os.W_OK):
        return f"-o {_printable(args.output)}: cannot write in {_printable(folder)} (no permission or read-only)"
    return None


def _is_special(path: str) -> bool:
    """Whether ``path`` exists and is not a regular file (directories are refused before)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


# --- extract: -o FILE, its .part, the run record and the lock -------------------------------

#: Options that change the output lines: an interrupted run is resumed only with the same.
RUN_OPTIONS = ("format", "id_key", "title_key", "text_key", "names", "replace_names")


def _run_record(args) -> dict:
    """What the output of a run depends on, kept beside its ``.part`` (``FILE.part.json``):
    each input (its absolute path, size and a digest of its first 64 KiB) and the options."""
    inputs = []
    for path in args.inputs:
        if path == "-" or "://" in path:  # stdin, or a URL: known by name only
            inputs.append({"path": _printable(path)})
            continue
        with open(path, "rb") as fh:
            head = blake2b(fh.read(65536), digest_size=16).hexdigest()
        inputs.append({"path": _printable(os.path.abspath(path)), "size": os.path.getsize(path), "head": head})
    return {"inputs": inputs, "options": {name: getattr(args, name, None) for name in RUN_OPTIONS}}


def _run_difference(before: dict, now: dict) -> str | None:
    """How the run now differs from the interrupted one, or ``None``."""
    if "dask" in before:  # (the record of ``paperfacts.dask._run_to_file``)
        return "it ran on Dask (--dask): resume it with the same --dask command and --resume"
    for name in sorted(set(before.get("options", {})) | set(now["options"])):
        was, is_ = before.get("options", {}).get(name), now["options"].get(name)
        if was != is_:
            return f"--{name.replace('_', '-')} was {was!r}, now {is_!r}"
    was_inputs, inputs = before.get("inputs", []), now["inputs"]
    if [i.get("path") for i in was_inputs] != [i["path"] for i in inputs]:
        return f"it read {', '.join(i.get('path', '?') for i in was_inputs)}; now {', '.join(i['path'] for i in inputs)}"
    for was, is_ in zip(was_inputs, inputs):
        if was != is_:
            return f"{is_['path']} has changed since (size {was.get('size')}, now {is_.get('size')})"
    return None


def _lock(part: str, output: str) -> int:
    """A descriptor of ``part``, created if need be, locked for this run (``flock``): a
    second run on the same output stops here. The lock goes with the process, so a
    killed run leaves none behind."""
    while True:
        fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:
            return fd
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise Stop(f"another paperfacts run is writing {_printable(output)} (it holds {_printable(part)}); "
                       "wait for it to end, or write to another file", 2) from None
        try:
            if os.stat(part).st_ino == os.fstat(fd).st_ino:
                return fd
        except FileNotFoundError:
            pass
        os.close(fd)  # the other run finished and renamed it meanwhile: lock the new one


def _resume_state(fd: int, output: str, part: str) -> list[str | None]:
    """The ids of the complete lines an earlier run wrote to ``part`` (``fd``), or to
    ``output`` when that run finished; a cut-off last line is removed from ``part``."""
    size = os.fstat(fd).st_size
    if size == 0 and os.path.exists(output):
        with open(output, "rb") as src, os.fdopen(os.dup(fd), "wb") as dst:
            shutil.copyfileobj(src, dst)
        size = os.fstat(fd).st_size
    ids = []
    os.lseek(fd, 0, os.SEEK_SET)
    with os.fdopen(os.dup(fd), "rb") as fh:
        complete = 0
        for n, raw in enumerate(fh, 1):
            if not raw.endswith(b"\n"):
                break
            complete += len(raw)
            try:
                ids.append(orjson.loads(raw).get("id"))
            except (orjson.JSONDecodeError, AttributeError) as e:
                raise Stop(f"cannot resume: line {n} of {_printable(part)} is not a paperfacts line ({e})", 2) from None
    if complete < size:
        os.ftruncate(fd, complete)
    return ids


def _skip_done(items: Iterator[Item], done: list[str | None], part: str) -> Iterator[Item]:
    """``items`` after the first ``len(done)``, which were written already. Each skipped
    item's id must match the written one, or the output belongs to other inputs; this
    is checked now, before anything is written."""
    for n, written in enumerate(done, 1):
        item = next(items, None)
        if item is None or (item.id is not None and written is not None and item.id != written):
            raise Stop(f"cannot resume: line {n} of {_printable(part)} does not match the inputs "
                       f"(id {written!r}, input id {getattr(item, 'id', None)!r}); nothing was changed", 2)
    return items


def _extract_to_file(args, items: Iterator[Item], names: UserNames, stats: Counter, max_errors: int | None, progress) -> int:
    """Write to ``OUTPUT.part`` (locked, with the run record beside it), renamed to
    ``OUTPUT`` when complete; on any failure the ``.part`` stays for ``--resume``.
    Returns how many lines an interrupted run had written."""
    output = args.output
    part, record_path = output + ".part", output + ".part.json"
    existed = os.path.exists(part)
    try:
        fd = _lock(part, output)
    except OSError as e:
        raise Stop(f"cannot write {_printable(part)}: {e.strerror}", 2) from None
    try:
        run = _run_record(args)
        if args.resume:
            try:
                with open(record_path, "rb") as fh:
                    before = orjson.loads(fh.read())
            except FileNotFoundError:
                before = None  # a .part of an earlier version, or a finished output: the ids are checked
            except (OSError, orjson.JSONDecodeError) as e:
                raise Stop(f"cannot resume: {_printable(record_path)} cannot be read ({e})", 2) from None
            if before is not None and (difference := _run_difference(before, run)):
                raise Stop(f"cannot resume: the interrupted run differs: {difference}; nothing was changed "
                           f"(run without --resume after deleting {_printable(part)} to start again)", 2)
            done = _resume_state(fd, output, part)
            items = _skip_done(items, done, part)
        elif os.fstat(fd).st_size:
            raise Stop(f"{_printable(part)} holds the lines of an interrupted run: add --resume to go on with it, "
                       "or delete it to start again", 2)
        else:
            done = []
        with open(record_path, "wb") as fh:
            fh.write(orjson.dumps(run, option=orjson.OPT_INDENT_2) + b"\n")
    except BaseException:
        if not existed and os.fstat(fd).st_size == 0:
            os.unlink(part)  # made by this run, empty: nothing to keep
        os.close(fd)
        raise
    settle_process(names)
    kept = f"the lines so far are kept in {_printable(part)}: run the same command with --resume"
    fh = os.fdopen(fd, "ab")
    try:
        write_lines(fh, export_lines(items, workers=args.workers, names=names), max_errors=max_errors, progress=progress,
                    stats=stats)
        fh.flush()  # the last lines are written here: a full disk may show only now
    except BaseException as e:
        try:
            fh.close()
        except OSError:
            pass  # what was written stays; a cut-off last line is dropped by --resume
        if isinstance(e, TooManyErrors):
            raise
        if isinstance(e, KeyboardInterrupt):
            raise Stop(f"interrupted; {kept}", 130) from None
        if isinstance(e, OSError):
            raise Stop(f"cannot write {_printable(part)}: {e.strerror or e}; {kept} once that is fixed", 1) from None
        if isinstance(e, MemoryError):
            raise Stop(f"out of memory; {kept} (with fewer --workers)", 1) from None
        print(f"paperfacts: failed ({type(e).__name__}: {e}); {kept} (a bug: please report it with the "
              "traceback below)", file=sys.stderr)
        raise
    os.replace(part, output)  # still locked: no other run takes the .part meanwhile
    os.unlink(record_path)
    fh.close()
    return len(done)


def _extract_through(args, items: Iterator[Item], names: UserNames, stats: Counter, max_errors: int | None, progress) -> int:
    """Write to standard output, or a device or pipe (``-o /dev/null``) straight through,
    since renaming a finished temp file onto it would replace it."""
    if args.resume:
        raise Stop("--resume needs -o FILE (a regular file)", 2)
    settle_process(names)
    to_path = args.output not in (None, "-")
    try:
        with (open(args.output, "wb") if to_path else nullcontext(sys.stdout.buffer)) as fh:
            write_lines(fh, export_lines(items, workers=args.workers, names=names), max_errors=max_errors, progress=progress,
                        stats=stats)
            fh.flush()
    except BrokenPipeError:
        raise  # the reader went away (| head): main ends quietly
    except OSError as e:
        raise Stop(f"cannot write {_printable(args.output or '-')}: {e.strerror or e}", 1) from None
    return 0


def cmd_extract(args) -> int:
    if args.dask:
        from .dask import cmd_extract_dask

        return cmd_extract_dask(args)
    if args.partitioned:
        print("paperfacts: --partitioned needs --dask", file=sys.stderr)
        return 2
    started = time.perf_counter()
    if problem := _invocation_problem(args):
        print(f"paperfacts: {problem}", file=sys.stderr)
        return 2
    keys = Keys(id=args.id_key, title=args.title_key, text=args.text_key)
    items = _items(args.inputs, args.format, keys)
    max_errors = 0 if args.strict else args.max_errors
    stats: Counter = Counter()
    progress = _progress(args)
    names = UserNames.of(args.names, args.replace_names)
    try:
        get_nlp(names)  # reads the names files: a bad one stops here, before any output
    except PaperfactsError as e:
        print(f"paperfacts: {e}", file=sys.stderr)
        return 2
    try:
        if args.output in (None, "-") or _is_special(args.output):
            resumed = _extract_through(args, items, names, stats, max_errors, progress)
        else:
            resumed = _extract_to_file(args, items, names, stats, max_errors, progress)
    except TooManyErrors as stop:
        option = "--strict" if args.strict else f"--max-errors {args.max_errors}"
        where = "" if args.output in (None, "-") or _is_special(args.output) else \
            f"; the lines before it are in {_printable(args.output)}.part (--resume goes on once the input is fixed)"
        print(f"paperfacts: {option}: stopped at the record at line {orjson.loads(stop.line.data)['error']['line']}, "
              f"which can't be read: {stop.line.error}{where}", file=sys.stderr)
        return 1
    except Stop as stop:
        print(f"paperfacts: {stop}", file=sys.stderr)
        return stop.code
    finally:
        if progress is not None:
            progress.close()
    _summary(args, stats, resumed, time.perf_counter() - started)
    return 0


def cmd_table(args) -> int:
    from .arrow import cmd_table

    return cmd_table(args)


def _summary(args, stats: Counter, resumed: int, seconds: float) -> None:
    """The summary line on stderr; under ``-q`` only when there are error records."""
    errors = f"{stats['errors']} error records" if stats["errors"] != 1 else "1 error record"
    if args.quiet:
        if stats["errors"]:
            print(f"paperfacts: {stats['papers']} papers, {errors}", file=sys.stderr)
        return
    facts = ", ".join(f"{f} {stats[f]}" for f in FACT_FIELDS)
    rate = stats["papers"] / seconds if seconds else 0.0
    extra = f"; {stats['duplicate ids']} duplicate ids (kept)" if stats["duplicate ids"] else ""
    extra += f"; {resumed} already written (resumed)" if resumed else ""
    print(f"paperfacts: {stats['papers']} papers, {errors}; {facts}{extra}; {seconds:.1f} s, {rate:.0f} papers/s",
          file=sys.stderr)


def cmd_schema(args) -> int:
    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    return 0


def validate_lines(lines: Iterable[bytes], sources: Iterable[Item] | None = None) -> list[str]:
    """Problems of an export, one ``line N: reason`` string each (empty when valid)."""
    return _Validation(sources).run(lines)


class _Validation:
    """Checks export lines as strictly as the JSON Schema that ``paperfacts schema`` prints
    (strict JSON: no NaN; no string for a number, no boolean for a score), each against
    the record type it is (``error`` key: an error record, else facts), and every
    evidence: ``end - start == len(text)`` and, with the ``sources`` (the input items,
    in order), ``source[start:end] == text``."""

    def __init__(self, sources: Iterable[Item] | None = None):
        self.sources = None if sources is None else iter(sources)
        self.records = self.errors = 0
        self.problems: list[str] = []

    def run(self, lines: Iterable[bytes]) -> list[str]:
        for n, line in enumerate(lines, 1):
            if line.strip():
                self.records += 1
                if problem := self.check(line):
                    self.problems.append(f"line {n}: {problem}")
        if self.sources is not None and next(self.sources, None) is not None:
            self.problems.append(f"the inputs hold more records than the {self.records} of the export")
        return self.problems

    def check(self, line: bytes) -> str | None:
        source = None if self.sources is None else next(self.sources, None)
        if self.sources is not None and source is None:
            return "no input record for this line (the inputs hold fewer records)"
        try:
            obj = _integral_floats_as_ints(orjson.loads(line))
        except orjson.JSONDecodeError as e:
            return f"not JSON ({e})"
        if not isinstance(obj, dict):
            return f"not a JSON object but {type(obj).__name__}"
        is_error = "error" in obj
        self.errors += is_error
        kind, model = ("error record", ErrorRecord) if is_error else ("facts record", PaperFacts)
        try:
            record = model.model_validate(obj, strict=True)
        except ValueError as e:
            errors = getattr(e, "errors", lambda: [])()
            if not errors:
                return f"{kind}: {e}"
            first = errors[0]
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            return f"{kind}: {'.'.join(map(str, first['loc'])) or '<root>'}: {first['msg']}{more}"
        if is_error:
            return None
        if source is not None and (problem := _source_problem(record, source)):
            return f"{kind}: {problem}"
        return _evidence_problem(record, source)


def _integral_floats_as_ints(value):
    """JSON Schema counts ``5.0`` as an integer; so does the check."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _integral_floats_as_ints(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integral_floats_as_ints(v) for v in value]
    return value


def _source_problem(record: PaperFacts, source: Item) -> str | None:
    if source.error is not None:
        return f"the input record is not readable ({source.error}), yet this line has facts"
    if source.id is not None and record.id != source.id:
        return f"id {record.id!r}, but the input record has id {source.id!r}"
    return None


def _evidence_problem(record: PaperFacts, source: Item | None) -> str | None:
    """The first evidence whose offsets do not fit its text (or the source text)."""
    for field in FACT_FIELDS:
        for i, fact in enumerate(getattr(record, field)):
            for j, ev in enumerate(fact.evidence):
                where = f"facts record: {field}.{i}.evidence.{j}"
                if ev.end - ev.start != len(ev.text):
                    return f"{where}: end - start is {ev.end - ev.start}, but the text has {len(ev.text)} characters"
                if source is not None:
                    given = (source.title if ev.field == "title" else source.abstract) or ""
                    if given[ev.start : ev.end] != ev.text:
                        return f"{where}: the {ev.field} has {given[ev.start : ev.end]!r} at {ev.start}-{ev.end}, " \
                               f"not {ev.text!r}"
    return None


def _open_export(path: str) -> IO[bytes]:
    raw = sys.stdin.buffer if path == "-" else open(path, "rb")
    return gzip.GzipFile(fileobj=raw) if path.endswith(".gz") else raw


def cmd_validate(args) -> int:
    name = "standard input" if args.file == "-" else _printable(args.file)
    for path in [args.file, *(args.inputs or [])]:
        if path != "-" and (os.path.isdir(path) or not os.path.exists(path)):
            print(f"paperfacts: cannot read {_printable(path)}: "
                  f"{'it is a directory' if os.path.isdir(path) else 'No such file or directory'}", file=sys.stderr)
            return 2
    sources = _items(args.inputs, "auto", Keys()) if args.inputs else None
    check = _Validation(sources)
    try:
        with _open_export(args.file) as fh:
            problems = check.run(fh)
    except (OSError, EOFError, zlib.error) as e:
        print(f"paperfacts: cannot read {name}: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
        return 2
    for p in problems:
        print(p, file=sys.stderr)
    errors = f"{check.errors} error records" if check.errors != 1 else "1 error record"
    if problems:
        print(f"{name}: {len(problems)} invalid line(s) of {check.records} records", file=sys.stderr)
        return 1
    if not check.records and not args.allow_empty:
        print(f"{name}: no records (--allow-empty accepts that)", file=sys.stderr)
        return 1
    if check.errors and args.no_errors:
        print(f"{name}: {check.records} records, {errors}: --no-errors", file=sys.stderr)
        return 1
    print(f"{name}: valid, {check.records} records, {errors}", file=sys.stderr)
    return 0


def _count(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="paperfacts", description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract facts from JSONL, daily-papers listings or text files")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="input files (.jsonl, .txt, their .gz; - for stdin)")
    ex.add_argument("-o", "--output", help="output JSONL file (default: stdout)")
    ex.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: detected)")
    ex.add_argument("--id-key", default="id", metavar="KEY", help="JSONL key of the record id (default: id)")
    ex.add_argument("--title-key", default="title", metavar="KEY", help="JSONL key of the title (default: title)")
    ex.add_argument("--text-key", default="abstract", metavar="KEY", help="JSONL key of the abstract (default: abstract)")
    ex.add_argument("-w", "--workers", type=_positive, default=1, metavar="N",
                    help="processes to read with; output is the same for any N (default: 1)")
    ex.add_argument("--names", action="append", metavar="PATH",
                    help="a JSONL file of your own model, benchmark, dataset or metric names, added to the shipped "
                         "lists (repeatable; see README)")
    ex.add_argument("--replace-names", action="store_true", help="use only the --names files, not the shipped lists")
    ex.add_argument("--strict", action="store_true", help="stop at the first record that can't be read, exit 1")
    ex.add_argument("--max-errors", type=_count, metavar="N",
                    help="stop with exit 1 once more than N records can't be read (--strict is --max-errors 0)")
    ex.add_argument("--resume", action="store_true",
                    help="continue an interrupted run of the same command: keep the lines already in OUTPUT.part")
    ex.add_argument("--dask", metavar="SCHEDULER",
                    help="run on Dask: local:N (N worker processes here) or a scheduler address (tcp://host:8786); "
                         "needs paperfacts[dask]")
    ex.add_argument("--partitioned", metavar="DIR",
                    help="with --dask: one file per partition in DIR, plus manifest.json for --resume")
    ex.add_argument("--partition-mb", type=float, default=None, metavar="MB",
                    help="with --dask: input per partition (default: 1; see docs/performance.md)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    ex.set_defaults(func=cmd_extract)
    tb = sub.add_parser("table", help="one flat table (CSV or Parquet) of one kind of fact; needs paperfacts[arrow]")
    tb.add_argument("exports", nargs="+", metavar="FACTS", help="paperfacts exports (.jsonl or .jsonl.gz)")
    tb.add_argument("--kind", required=True, choices=FACT_FIELDS, help="which facts: a row per fact")
    tb.add_argument("--format", choices=("csv", "parquet"), default="csv", help="output format (default: csv)")
    tb.add_argument("-o", "--output", required=True, help="output file")
    tb.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    tb.set_defaults(func=cmd_table)
    sc = sub.add_parser("schema", help="print the JSON Schema of an export line")
    sc.set_defaults(func=cmd_schema)
    va = sub.add_parser("validate", help="validate an export against the schema (exit 1 on failure)")
    va.add_argument("file", help="a paperfacts JSONL export (.gz too; - for stdin)")
    va.add_argument("--inputs", action="append", metavar="FILE",
                    help="the inputs the export was made from (repeat for several): every evidence is checked "
                         "against the source text, every id against the input's")
    va.add_argument("--allow-empty", action="store_true", help="an export without records is valid")
    va.add_argument("--no-errors", action="store_true", help="fail when any record is an error record")
    va.set_defaults(func=cmd_validate)
    add_review_parser(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("paperfacts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader of standard output went away (| head): end quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        except OSError:
            pass
        return 141


if __name__ == "__main__":
    sys.exit(main())
