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
from hashlib import blake2b
from typing import IO, Iterable, Iterator

import orjson

from . import __version__
from .errors import PaperfactsError
from .batch import FACT_FIELDS, Line, dumps, export_lines, settle_process
from .inputs import FORMATS, Item, Keys, read_items
from .pipeline import UserNames
from .records import EXPORT_LINE, json_schema
from .review import add_parser as add_review_parser

__all__ = ["main", "dumps", "validate_lines"]


def _items(paths: list[str], fmt: str, keys: Keys) -> Iterator[Item]:
    """Items of every input; a file that can't be opened or ends mid-stream (a
    truncated ``.gz``) adds an error item after what was read from it."""
    for path in paths:
        try:
            yield from read_items(path, fmt, keys)
        except (OSError, EOFError, zlib.error) as e:
            yield Item(0, None, None, None, f"cannot read {path}: {getattr(e, 'strerror', None) or e}")


class StrictStop(Exception):
    """``--strict`` met a record that can't be read."""

    def __init__(self, line: Line):
        super().__init__(line.error)
        self.line = line


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


def write_lines(out: IO[bytes], lines: Iterable[Line], *, strict: bool = False, progress=None) -> Counter:
    """Write every line; return the counts for the summary (papers, errors, facts per field, duplicates)."""
    stats: Counter = Counter()
    seen = SeenIds()
    for line in lines:
        if strict and line.error is not None:
            raise StrictStop(line)
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


def _resume_state(output: str, part: str) -> list[str | None]:
    """The ids of the complete lines an earlier run wrote to ``part`` (or to ``output``,
    when that run finished); a cut-off last line is removed from ``part``."""
    if not os.path.exists(part):
        if not os.path.exists(output):
            return []
        shutil.copyfile(output, part)
    with open(part, "rb+") as fh:
        data = fh.read()
        complete = data.rfind(b"\n") + 1
        if complete < len(data):
            fh.truncate(complete)
    ids = []
    for raw in data[:complete].splitlines():
        try:
            ids.append(orjson.loads(raw).get("id"))
        except (orjson.JSONDecodeError, AttributeError) as e:
            raise SystemExit(f"paperfacts: cannot resume: {part} is not a paperfacts export ({e})") from None
    return ids


def _skip_done(items: Iterator[Item], done: list[str | None], part: str) -> Iterator[Item]:
    """``items`` after the first ``len(done)``, which were written already; each skipped
    item's id must match the written one, or the output belongs to other inputs."""
    for n, written in enumerate(done, 1):
        item = next(items, None)
        if item is None or (item.id is not None and written is not None and item.id != written):
            raise SystemExit(f"paperfacts: cannot resume: line {n} of {part} does not match the inputs "
                             f"(id {written!r}, input id {getattr(item, 'id', None)!r})")
    yield from items


def _is_special(path: str) -> bool:
    """Whether ``path`` exists and is not a regular file (directories are refused before)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def cmd_extract(args) -> int:
    if args.dask:
        from .dask import cmd_extract_dask

        return cmd_extract_dask(args)
    if args.partitioned:
        print("paperfacts: --partitioned needs --dask", file=sys.stderr)
        return 2
    started = time.perf_counter()
    keys = Keys(id=args.id_key, title=args.title_key, text=args.text_key)
    items = _items(args.inputs, args.format, keys)
    progress = _progress(args)
    resumed = 0
    to_path = args.output not in (None, "-")
    if to_path and os.path.isdir(args.output):
        print(f"paperfacts: -o {args.output} is a directory; name the output file", file=sys.stderr)
        return 2
    names = UserNames.of(args.names, args.replace_names)
    try:
        settle_process(names)  # reads the names files: a bad one stops here, before any output
    except PaperfactsError as e:
        print(f"paperfacts: {e}", file=sys.stderr)
        return 2
    try:
        if not to_path or _is_special(args.output):
            if args.resume:
                print("paperfacts: --resume needs -o FILE (a regular file)", file=sys.stderr)
                return 2
            # standard output, or a device or pipe (-o /dev/null): written straight through,
            # since renaming a finished temp file onto it would replace it
            with (open(args.output, "wb") if to_path else nullcontext(sys.stdout.buffer)) as fh:
                stats = write_lines(fh, export_lines(items, workers=args.workers, names=names), strict=args.strict,
                                    progress=progress)
                fh.flush()
        else:
            part = args.output + ".part"
            done = _resume_state(args.output, part) if args.resume else []
            resumed = len(done)
            items = _skip_done(items, done, part)
            try:
                with open(part, "ab" if args.resume else "wb") as fh:
                    stats = write_lines(fh, export_lines(items, workers=args.workers, names=names), strict=args.strict,
                                        progress=progress)
            except KeyboardInterrupt:
                print(f"\npaperfacts: interrupted; the lines so far are in {part}: run again with --resume",
                      file=sys.stderr)
                return 130
            except BaseException:  # --strict's stop included: no output file
                os.unlink(part)
                raise
            os.replace(part, args.output)
    except StrictStop as stop:
        print(f"paperfacts: --strict: record at line {orjson.loads(stop.line.data)['error']['line']} "
              f"can't be read: {stop.line.error}", file=sys.stderr)
        return 1
    finally:
        if progress is not None:
            progress.close()
    seconds = time.perf_counter() - started
    if not args.quiet:
        facts = ", ".join(f"{f} {stats[f]}" for f in FACT_FIELDS)
        rate = stats["papers"] / seconds if seconds else 0.0
        extra = f"; {stats['duplicate ids']} duplicate ids (kept)" if stats["duplicate ids"] else ""
        extra += f"; {resumed} already written (resumed)" if resumed else ""
        print(f"paperfacts: {stats['papers']} papers, {stats['errors']} errors; {facts}{extra}; "
              f"{seconds:.1f} s, {rate:.0f} papers/s", file=sys.stderr)
    return 0


def cmd_table(args) -> int:
    from .arrow import cmd_table

    return cmd_table(args)


def cmd_schema(args) -> int:
    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    return 0


def validate_lines(lines: Iterable[bytes]) -> list[str]:
    """Problems of an export, one ``line N: reason`` string each (empty when valid)."""
    problems = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            EXPORT_LINE.validate_json(line)
        except ValueError as e:
            reasons = "; ".join(
                f"{'.'.join(map(str, err['loc'])) or '<root>'}: {err['msg']}" for err in getattr(e, "errors", lambda: [])()
            ) or str(e)
            problems.append(f"line {n}: {reasons}")
    return problems


def cmd_validate(args) -> int:
    with open(args.file, "rb") as fh:
        problems = validate_lines(fh)
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        print(f"{args.file}: {len(problems)} invalid line(s)", file=sys.stderr)
        return 1
    print(f"{args.file}: valid", file=sys.stderr)
    return 0


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
    ex.add_argument("--resume", action="store_true",
                    help="continue an interrupted run of the same command: keep the lines already in OUTPUT.part")
    ex.add_argument("--dask", metavar="SCHEDULER",
                    help="run on Dask: local:N (N worker processes here) or a scheduler address (tcp://host:8786); "
                         "needs paperfacts[dask]")
    ex.add_argument("--partitioned", metavar="DIR",
                    help="with --dask: one file per partition in DIR, plus manifest.json for --resume")
    ex.add_argument("--partition-mb", type=float, default=None, metavar="MB",
                    help="with --dask: input per partition (default: 2; see docs/performance.md)")
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
    va.add_argument("file", help="a paperfacts JSONL export")
    va.set_defaults(func=cmd_validate)
    add_review_parser(sub)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
