"""Command line: ``paperfacts extract | schema | validate``.

``extract`` writes one JSON line per input record, in input order: the facts, or
an error record for an input that can't be read. With ``-o`` the file is written
to a temporary name and renamed when complete, so a killed run never leaves a
truncated file that looks finished.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import zlib
from collections import Counter
from typing import IO, Iterable, Iterator

import orjson

from .inputs import FORMATS, Item, read_items
from .records import EXPORT_LINE, ErrorRecord, json_schema

FACT_FIELDS = ("models", "parameter_counts", "token_counts", "benchmarks", "datasets", "scores", "urls")


def dumps(record) -> bytes:
    """One export line, deterministic: field order from the records, no whitespace."""
    return orjson.dumps(record.model_dump(mode="json")) + b"\n"


def _items(paths: list[str], fmt: str) -> Iterator[Item]:
    """Items of every input; a file that can't be opened or ends mid-stream (a
    truncated ``.gz``) adds an error item after what was read from it."""
    for path in paths:
        try:
            yield from read_items(path, fmt)
        except (OSError, EOFError, zlib.error) as e:
            yield Item(0, None, None, None, f"cannot read {path}: {getattr(e, 'strerror', None) or e}")


def extract_to(out: IO[bytes], items: Iterable[Item]) -> Counter:
    """Write an export line for every item; return counts for the summary."""
    from .pipeline import process

    stats: Counter = Counter()
    for record in process(items):
        out.write(dumps(record))
        stats["papers"] += 1
        if isinstance(record, ErrorRecord):
            stats["errors"] += 1
        else:
            for field in FACT_FIELDS:
                stats[field] += len(getattr(record, field))
    return stats


def cmd_extract(args) -> int:
    started = time.perf_counter()
    items = _items(args.inputs, args.format)
    if args.output in (None, "-"):
        stats = extract_to(sys.stdout.buffer, items)
        sys.stdout.buffer.flush()
    else:
        directory = os.path.dirname(os.path.abspath(args.output))
        fd, tmp = tempfile.mkstemp(prefix=".paperfacts-", suffix=".part", dir=directory)
        try:
            with os.fdopen(fd, "wb") as fh:
                stats = extract_to(fh, items)
            os.replace(tmp, args.output)
        except BaseException:
            os.unlink(tmp)
            raise
    seconds = time.perf_counter() - started
    if not args.quiet:
        facts = ", ".join(f"{f} {stats[f]}" for f in FACT_FIELDS)
        rate = stats["papers"] / seconds if seconds else 0.0
        print(f"paperfacts: {stats['papers']} papers, {stats['errors']} errors; {facts}; "
              f"{seconds:.1f} s, {rate:.0f} papers/s", file=sys.stderr)
    return 0


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


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="paperfacts", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract facts from JSONL, daily-papers listings or text files")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="input files (.jsonl, .txt, their .gz; - for stdin)")
    ex.add_argument("-o", "--output", help="output JSONL file (default: stdout)")
    ex.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: detected)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    ex.set_defaults(func=cmd_extract)
    sc = sub.add_parser("schema", help="print the JSON Schema of an export line")
    sc.set_defaults(func=cmd_schema)
    va = sub.add_parser("validate", help="validate an export against the schema (exit 1 on failure)")
    va.add_argument("file", help="a paperfacts JSONL export")
    va.set_defaults(func=cmd_validate)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
