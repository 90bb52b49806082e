"""Read the package's data files (gazetteers, host tables) with importlib.resources."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import orjson


def data_path(name: str):
    """``paperfacts/data/<name>`` inside the installed package; a name that is not
    there (a file left out of the wheel) is a ``FileNotFoundError`` on first read,
    never an empty list that would quietly lose every fact it gives."""
    return files("paperfacts") / "data" / name


@lru_cache(maxsize=None)
def read_jsonl(name: str) -> tuple[dict, ...]:
    """Every object of ``paperfacts/data/<name>``."""
    return tuple(orjson.loads(line) for line in data_path(name).read_bytes().splitlines() if line.strip())


@lru_cache(maxsize=None)
def read_json(name: str) -> dict:
    """The JSON object in ``paperfacts/data/<name>`` (cue lists, grammar)."""
    return orjson.loads(data_path(name).read_bytes())


@lru_cache(maxsize=None)
def read_lines(name: str) -> frozenset[str]:
    """The non-blank, non-comment lines of ``paperfacts/data/<name>``."""
    lines = (line.split("#", 1)[0].strip() for line in data_path(name).read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line)
