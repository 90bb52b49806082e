"""Canonical names: one spelling per model, benchmark or dataset, so that ``MS-COCO``
and ``COCO`` count as one benchmark.

Pure functions over the gazetteer data (``paperfacts/data/*.jsonl``); no spaCy.

- A name the gazetteer knows, as its name or one of its aliases (compared like
  ``extractors.name_key``: case, spaces and punctuation aside), becomes the
  gazetteer's main name: ``MS-COCO`` -> ``COCO``, ``Claude-2`` -> ``Claude 2``.
- A model's size in its name is left out first (it stays in ``Model.size``):
  ``Llama 2 7B`` -> ``Llama 2``, ``GLM-130B`` -> ``GLM``,
  ``Qwen2.5-72B-Instruct`` -> ``Qwen2.5-Instruct``. Names without a single clear
  size keep theirs (``Mixtral 8x7B``, ``Qwen1.5-MoE-A2.7B``; see ``normalize.sizes``), and so
  does a mixture of experts with its active size (``Qwen3-30B-A3B``).
- Any other name is written plainly: LaTeX markup removed (``$\\text{GSM8K}$`` ->
  ``GSM8K``, ``\\_`` -> ``_``), white space collapsed, no space around a hyphen.

>>> canonical_name("MS-COCO", "benchmark")
'COCO'
>>> canonical_name("Llama 2 7B", "model")
'Llama 2'
"""

from __future__ import annotations

from functools import lru_cache

import regex

from .data_files import read_jsonl
from .normalize.sizes import _SIZE, model_size

__all__ = ["canonical_name", "plain"]

#: Which gazetteer files name each kind, the kind's own first.
SOURCES = {
    "model": ("models.jsonl",),
    "benchmark": ("benchmarks.jsonl", "datasets.jsonl"),
    "dataset": ("datasets.jsonl", "benchmarks.jsonl"),
}

_LATEX_COMMAND = regex.compile(r"\\(?:[A-Za-z]+\*?|.)\s*")
_LATEX_ESCAPE = regex.compile(r"\\([_&%#$])")
_SPACE = regex.compile(r"\s+")
_AROUND_HYPHEN = regex.compile(r"\s*-\s*")
_SIZE_PART = regex.compile(r"[-_ ]?" + _SIZE.pattern)


def _key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def plain(name: str) -> str:
    """``name`` without LaTeX markup, with single spaces and none around a hyphen."""
    text = _LATEX_ESCAPE.sub(r"\1", name)
    text = _LATEX_COMMAND.sub("", text).replace("$", "").replace("{", "").replace("}", "").replace("~", " ")
    text = _AROUND_HYPHEN.sub("-", _SPACE.sub(" ", text)).strip(" -")
    return text or _SPACE.sub(" ", name).strip()


@lru_cache(maxsize=None)
def _known(kind: str) -> tuple[dict[str, str], dict[str, str]]:
    """Main names by exact form and by key; on a clash, the first file and line win."""
    exact: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for source in SOURCES[kind]:
        for entry in read_jsonl(source):
            for form in (entry["name"], *entry.get("aliases", ())):
                exact.setdefault(form, entry["name"])
                by_key.setdefault(_key(form), entry["name"])
    return exact, by_key


def _lookup(name: str, kind: str) -> str | None:
    exact, by_key = _known(kind)
    return exact.get(name) or by_key.get(_key(name))


#: The activated parameters of a mixture of experts, glued to their letter: ``A3B`` in ``Qwen3-30B-A3B``.
_ACTIVE_SIZE = regex.compile(r"(?<![A-Za-z0-9])A\d{1,3}(?:\.\d{1,2})?[BM](?![A-Za-z0-9])")


def without_size(name: str) -> str:
    """A model's name without the size that ``normalize.sizes.model_size`` reads in it; a
    mixture of experts keeps its total beside its active size (``Qwen3-30B-A3B``, not
    ``Qwen3-A3B``, which would read as another model)."""
    if model_size(name) is None or _ACTIVE_SIZE.search(name):
        return name
    return _SIZE_PART.sub("", name).strip(" -_:") or name


@lru_cache(maxsize=8192)
def canonical_name(name: str, kind: str) -> str:
    """The canonical name of a ``model``, ``benchmark`` or ``dataset`` (see the module doc)."""
    text = plain(name)
    if kind == "model":
        known = _lookup(text, kind)
        if known:
            return known
        text = without_size(text)
    return _lookup(text, kind) or text
