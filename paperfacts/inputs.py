"""Input readers: JSONL, saved daily-papers listings, plain text; ``.gz`` of each.

Every reader yields one :class:`Item` per input record, in order: either a
readable paper or, for a record that cannot be read, an item with ``error`` set.
Nothing is dropped silently.
"""

from __future__ import annotations

import gzip
import io
import json
import re
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
    file: str | None = None
    """The input file, when a run reads several (error records name it)."""


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


#: Longest JSONL line read, in bytes; a longer one is skipped as it streams by (read in
#: blocks, never held whole) and becomes an error record.
MAX_LINE_BYTES = 32 << 20
#: Longest plain-text file or daily listing read, in bytes; a longer one is not read
#: past that point and becomes an error record.
MAX_TEXT_BYTES = 32 << 20
#: Bytes read at a time.
BLOCK = 1 << 20
_BOM = b"\xef\xbb\xbf"
_NOT_BLANK = re.compile(rb"[^ \t\r\n]")


def open_text(path: str) -> IO[str]:
    """A text stream for ``path`` (``-`` for stdin), gunzipped when it ends in ``.gz``.

    Undecodable bytes become U+FFFD so that one bad byte never stops a file.
    """
    return io.TextIOWrapper(open_bytes(path), encoding="utf-8", errors="replace", newline="")


def open_bytes(path: str) -> IO[bytes]:
    """A binary stream for ``path`` (``-`` for stdin), gunzipped when it ends in ``.gz``;
    closing it closes the file."""
    raw = sys.stdin.buffer if path == "-" else _open_binary(path)
    if not path.endswith(".gz"):
        return raw
    gz = gzip.GzipFile(fileobj=raw)
    if raw is not sys.stdin.buffer:
        gz.myfileobj = raw  # GzipFile closes a file it opened itself: this one too
    return gz


def utf16(head: bytes) -> str | None:
    """``"UTF-16"`` (or ``-LE``/``-BE``) when the first bytes of a file are UTF-16 text
    (a byte order mark, or ASCII with a zero byte each), else ``None``."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if len(head) >= 4 and head[1] == head[3] == 0 and head[0] and head[2]:
        return "UTF-16LE"
    if len(head) >= 4 and head[0] == head[2] == 0 and head[1] and head[3]:
        return "UTF-16BE"
    return None


def _open_binary(path: str) -> IO[bytes]:
    """A local file, or through fsspec (installed with ``paperfacts[dask]``) a URL such as ``s3://...``."""
    if "://" not in path:
        return open(path, "rb")
    import fsspec

    return fsspec.open(path, "rb").open()


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
    """All items of one input file; ``keys`` name the JSONL fields read (no other field is).

    Read in blocks of ``BLOCK`` bytes: a line or text too long to read is skipped
    unread (an error item), so that memory stays bounded whatever the input holds. A
    UTF-8 byte order mark is skipped; UTF-16 text is one error item that says so.
    """
    with open_bytes(path) as fh:
        head, failure = _read_head(fh)
        if head.startswith(_BOM):
            head = head[len(_BOM):]
        if encoding := utf16(head):
            yield Item(1, None, None, None, f"the file is {encoding} text; paperfacts reads UTF-8 "
                                            f"(convert it with iconv -f {encoding} -t UTF-8)")
            return
        if fmt == "auto":
            fmt = detect_format(path, head.decode("utf-8", "replace"))
        blocks = _chain(head, fh, failure)
        if fmt == "jsonl":
            for n, line, size in jsonl_lines(blocks):
                if line is None:
                    yield Item(n, None, None, None, f"line is {size} bytes long; at most {MAX_LINE_BYTES} are read")
                else:
                    yield parse_json_record(line.decode("utf-8", "replace"), n, keys)
            return
        data = _bounded(blocks, MAX_TEXT_BYTES)
        if data is None:
            what = "listing" if fmt == "daily" else "text"
            yield Item(1, None, None, None, f"the {what} is over {MAX_TEXT_BYTES} bytes; not read")
        elif fmt == "daily":
            yield from read_daily(data.decode("utf-8", "replace"))
        else:
            text = data.decode("utf-8", "replace")
            yield Item(1, None, None, text, None if text.strip() else "empty text")


def _read_head(fh, size: int = 65536) -> tuple[bytes, BaseException | None]:
    """Up to ``size`` bytes for format detection, and the error that ended the read
    early (a truncated ``.gz``), so that what was read is still processed."""
    chunks: list[bytes] = []
    got = 0
    try:
        while got < size:
            chunk = fh.read1(size - got)  # read1: what was decoded before a truncated .gz ends is kept
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except (OSError, EOFError, zlib.error) as e:
        return b"".join(chunks), e
    return b"".join(chunks), None


def _chain(head: bytes, fh, failure: BaseException | None) -> Iterator[bytes]:
    yield head
    if failure is not None:
        raise failure
    while block := fh.read1(BLOCK):
        yield block


def _bounded(blocks: Iterator[bytes], limit: int) -> bytes | None:
    """The bytes of ``blocks``, or ``None`` (read no further) once there are over ``limit``."""
    pieces, size = [], 0
    for block in blocks:
        size += len(block)
        if size > limit:
            return None
        pieces.append(block)
    return b"".join(pieces)


def jsonl_lines(blocks: Iterator[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None, int]]:
    """``(number, line, length)`` of each line of ``blocks`` that is not blank (1-based
    numbers count every line); ``line`` is ``None`` for a line over ``limit`` bytes,
    which is skipped as it streams by. Blank lines are skipped in bulk (a file of a
    billion newlines costs no Python step per line)."""
    it = iter(blocks)
    buf, pos, n = b"", 0, 1
    while True:
        m = _NOT_BLANK.search(buf, pos)
        while m is None:  # only blanks left in buf: count its lines, keep the open one's blanks
            n += buf.count(b"\n", pos)
            nl = buf.rfind(b"\n", pos)
            tail = buf[nl + 1 if nl >= 0 else pos :]
            block = next(it, None)
            if block is None:
                return
            buf, pos = (tail if len(tail) < 4096 else b"") + block, 0
            m = _NOT_BLANK.search(buf)
        nl = buf.rfind(b"\n", pos, m.start())
        start = nl + 1 if nl >= 0 else pos
        n += buf.count(b"\n", pos, start)
        end = buf.find(b"\n", start)
        if end >= 0:
            yield n, (buf[start:end] if end - start <= limit else None), end - start
            n, pos = n + 1, end + 1
            continue
        size = len(buf) - start
        pieces: list[bytes] | None = [buf[start:]] if size <= limit else None
        while True:  # the line goes on in the next blocks
            block = next(it, None)
            if block is None:  # the last line, without a newline
                yield n, (None if pieces is None else b"".join(pieces)), size
                return
            end = block.find(b"\n")
            piece = block if end < 0 else block[:end]
            size += len(piece)
            if pieces is not None and size <= limit:
                pieces.append(piece)
            else:
                pieces = None  # too long: the rest is only looked through for its end
            if end >= 0:
                yield n, (None if pieces is None else b"".join(pieces)), size
                n, buf, pos = n + 1, block, end + 1
                break


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
    return record_item(obj, n, keys)


def record_item(obj, n: int, keys: Keys = DEFAULT_KEYS) -> Item:
    """The item of one parsed JSON value (a record when it is an object)."""
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
