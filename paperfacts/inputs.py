"""Input readers: JSONL, saved daily-papers listings, plain text; ``.gz`` of each.

Every reader yields one :class:`Item` per input record, in order: either a
readable paper or, for a record that cannot be read, an item with ``error`` set.
Nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from dataclasses import dataclass
from typing import IO, Iterator

import orjson
import regex

FORMATS = ("auto", "jsonl", "daily", "text")
JSON_WHITESPACE = " \t\r\n"


@dataclass(frozen=True, slots=True)
class Item:
    """One input record: a paper to read, or the reason it can't be read."""

    line: int
    """1-based line (JSONL) or record number (listings) in its input."""
    id: str | None
    title: str | None
    abstract: str | None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Keys:
    """Which JSON keys hold a record's id, title and abstract (``--id-key`` etc.)."""

    id: str = "id"
    """Key of the record's id (a string or an integer); optional in each record."""
    title: str = "title"
    """Key of the title; optional in each record."""
    text: str = "abstract"
    """Key of the abstract; required in each record."""


DEFAULT_KEYS = Keys()


def unicode_problem(name: str, value: str) -> str | None:
    """Why ``value`` cannot be written as UTF-8 JSON (a lone surrogate, which an escaped
    ``\\ud800`` in JSON gives), or ``None`` when it can."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return f"{name} is not valid Unicode: lone surrogate U+{ord(value[e.start]):04X} at {e.start}"
    return None


def open_text(path: str) -> IO[str]:
    """A text stream for ``path`` (``-`` for stdin), gunzipped when it ends in ``.gz``.

    Undecodable bytes become U+FFFD so that one bad byte never stops a file.
    """
    raw = sys.stdin.buffer if path == "-" else open(path, "rb")
    if path.endswith(".gz"):
        raw = gzip.open(raw)
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


def detect_format(path: str, head: str) -> str:
    """``jsonl`` when the first non-blank character is ``{``, else ``daily`` or ``text``."""
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")) or regex.search(r"\.(jsonl|ndjson|json)(\.gz)?$", path):
        return "jsonl"
    paragraphs = [p for p in regex.split(r"\n\s*\n", head) if p.strip()]
    if "Get trending papers" in head or len(paragraphs) > 2:
        return "daily"
    return "text"


def read_items(path: str, fmt: str = "auto", keys: Keys = DEFAULT_KEYS) -> Iterator[Item]:
    """All items of one input file; ``keys`` name the JSONL fields read (no other field is)."""
    with open_text(path) as fh:
        if fmt == "auto":
            head, failure = _read_head(fh)
            fmt = detect_format(path, head)
            stream: Iterator[str] = _chain(head, fh, failure)
        else:
            stream = iter(fh)
        if fmt == "jsonl":
            yield from read_jsonl(_lines(stream), keys)
        elif fmt == "daily":
            yield from read_daily("".join(stream))
        else:
            text = "".join(stream)
            yield Item(1, None, None, text, None if text.strip() else "empty text")


def _read_head(fh: IO[str], size: int = 65536) -> tuple[str, BaseException | None]:
    """Up to ``size`` characters for format detection, and the error that ended the
    read early (a truncated ``.gz``), so that what was read is still processed."""
    chunks: list[str] = []
    got = 0
    try:
        while got < size:
            chunk = fh.read(min(4096, size - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except (OSError, EOFError, zlib.error) as e:
        return "".join(chunks), e
    return "".join(chunks), None


def _chain(head: str, fh: IO[str], failure: BaseException | None) -> Iterator[str]:
    yield head
    if failure is not None:
        raise failure
    yield from fh


def _lines(chunks: Iterator[str]) -> Iterator[str]:
    buf = ""
    for chunk in chunks:
        buf += chunk
        *lines, buf = buf.split("\n")
        yield from lines
    if buf:
        yield buf


def read_jsonl(lines, keys: Keys = DEFAULT_KEYS) -> Iterator[Item]:
    """JSON lines with ``abstract`` and optional ``title`` and ``id`` (or the ``keys``
    given); other keys, such as the arXiv snapshot's ``license`` URL, are never read."""
    for n, line in enumerate(lines, 1):
        if not line.strip(JSON_WHITESPACE):
            continue  # a blank line is no record; anything else is read or reported
        yield parse_json_record(line, n, keys)


def parse_json_record(line: str, n: int, keys: Keys = DEFAULT_KEYS) -> Item:
    try:
        obj = orjson.loads(line.encode("utf-8", "replace"))
    except orjson.JSONDecodeError as e:
        try:  # the standard parser accepts escaped lone surrogates, so the record keeps its id
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return Item(n, None, None, None, f"invalid JSON: {e}")
    if not isinstance(obj, dict):
        return Item(n, None, None, None, f"not a JSON object but {type(obj).__name__}")
    rid, title, abstract = obj.get(keys.id), obj.get(keys.title), obj.get(keys.text)
    if rid is not None and (not isinstance(rid, (str, int)) or isinstance(rid, bool)):
        return Item(n, None, None, None, f"{keys.id!r} must be a string, not {type(rid).__name__}")
    rid = None if rid is None else str(rid)
    if rid is not None and (bad := unicode_problem(repr(keys.id), rid)):
        return Item(n, None, None, None, bad)  # an id that cannot be written is not kept
    if abstract is None:
        return Item(n, rid, None, None, f"missing key {keys.text!r}")
    if not isinstance(abstract, str):
        return Item(n, rid, None, None, f"{keys.text!r} must be a string, not {type(abstract).__name__}")
    if title is not None and not isinstance(title, str):
        return Item(n, rid, None, None, f"{keys.title!r} must be a string, not {type(title).__name__}")
    if not abstract.strip():
        return Item(n, rid, title, abstract, f"{keys.text!r} is empty")
    return Item(n, rid, title, abstract)


_BOILERPLATE = regex.compile(
    r"^(?:new|Subscribe|Get trending papers in your email inbox!|byAK and the research community"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?)$"
)


def read_daily(text: str) -> Iterator[Item]:
    """A saved daily-papers listing: header lines, then title / blank line / abstract pairs."""
    paragraphs = [p.strip() for p in regex.split(r"\n[ \t]*\n", text) if p.strip()]
    paragraphs = [p for p in paragraphs if not _BOILERPLATE.match(p)]
    for n, i in enumerate(range(0, len(paragraphs), 2), 1):
        title = " ".join(paragraphs[i].split())
        if i + 1 >= len(paragraphs):
            yield Item(n, None, title, None, "title without an abstract at the end of the listing")
        else:
            yield Item(n, None, title, paragraphs[i + 1])
