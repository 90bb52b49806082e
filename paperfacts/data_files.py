"""Read the package's data files (gazetteers, host tables) with importlib.resources."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import orjson


def data_path(name: str):
    return files("paperfacts") / "data" / name


@lru_cache(maxsize=None)
def read_jsonl(name: str) -> tuple[dict, ...]:
    """Every object of ``paperfacts/data/<name>``; an absent file reads as empty."""
    path = data_path(name)
    if not path.is_file():
        return ()
    return tuple(orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip())


@lru_cache(maxsize=None)
def read_json(name: str) -> dict:
    """The JSON object in ``paperfacts/data/<name>`` (cue lists, grammar)."""
    return orjson.loads(data_path(name).read_bytes())


@lru_cache(maxsize=None)
def read_lines(name: str) -> frozenset[str]:
    """The non-blank, non-comment lines of ``paperfacts/data/<name>``."""
    path = data_path(name)
    if not path.is_file():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return frozenset(line for line in lines if line)
