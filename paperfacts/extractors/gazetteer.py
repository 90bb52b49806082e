"""Gazetteer matcher: names from ``paperfacts/data/*.jsonl`` found in the text.

Each data line is ``{"name": ..., "aliases": [...], "ignore_case": bool}``
(models also carry ``"family"``). A new benchmark goes in
``data/benchmarks.jsonl``, a new training corpus in ``data/datasets.jsonl``, a
model family in ``data/models.jsonl``, a metric in ``data/metrics.jsonl``.

Matching is on characters, not tokens (spaCy keeps ``GPT-4o`` and
``ImageNet-1K.`` as single tokens), with one trie-compiled regex per case mode
over all labels, run where one Aho-Corasick pass over the lower-cased text
(``literals.py``) finds a form starting:

* ``exact``: forms as written;
* ``lower``: ``ignore_case`` forms, matched on the lower-cased text;
* ``capitals``: case-sensitive forms with two or more capitals also match other
  casings that keep two or more (``LLaMA`` -> ``LLaMa``, ``LLAMA``; not ``Llama``).

Candidates go to span groups ``paperfacts_gazetteer_<label>``; the typed
extractors downstream decide what they are.

Users add their own names without editing the package: JSONL files like the
shipped ones, each line with its ``kind`` (``benchmark``, ``dataset``, ``model``,
``metric``), given as the component's ``names`` (``read_names``); they add to the
shipped lists, or replace them with ``replace=True``.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Iterable

import orjson
import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_jsonl
from ..errors import NamesError, NamesFileNotFoundError
from ..literals import Literals
from ..trie import compile_names
from . import Component, attrs, outside_links, require_paperfacts, text_of, write_facts

DEFAULT_SOURCES = {
    "benchmark": "benchmarks.jsonl",
    "dataset": "datasets.jsonl",
    "model": "models.jsonl",
    "metric": "metrics.jsonl",
}

#: The keys a line of a user's names file may have (``name`` and ``kind`` it must).
NAME_KEYS = {"name": str, "kind": str, "aliases": list, "ignore_case": bool, "family": bool}


def read_names(path: str | os.PathLike) -> list[tuple[str, dict]]:
    """``(kind, entry)`` for each line of a user's names file: JSON lines like those of
    ``data/*.jsonl`` plus ``kind``, e.g.
    ``{"name": "Zephyr", "kind": "model", "aliases": ["zephyr-7b"], "ignore_case": false}``.

    Raises ``NamesFileNotFoundError`` (a ``FileNotFoundError``) for a path that does
    not exist and ``NamesError`` (a ``ValueError``) for a line that can't be used.
    """
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise NamesFileNotFoundError(errno.ENOENT, "names file does not exist", os.fspath(path)) from None
    except OSError as e:
        raise NamesError(f"names file {os.fspath(path)} can't be read: {e.strerror or e}") from None
    names = []
    for n, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        where = f"names file {os.fspath(path)}, line {n}"
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError as e:
            raise NamesError(f"{where}: invalid JSON: {e}") from None
        if not isinstance(entry, dict):
            raise NamesError(f"{where}: not a JSON object")
        for key, value in entry.items():
            if key not in NAME_KEYS:
                raise NamesError(f"{where}: unknown key {key!r} (keys: {', '.join(NAME_KEYS)})")
            if not isinstance(value, NAME_KEYS[key]):
                raise NamesError(f"{where}: {key!r} must be a {NAME_KEYS[key].__name__}")
        if not entry.get("name", "").strip():
            raise NamesError(f"{where}: no 'name'")
        if entry.get("kind") not in DEFAULT_SOURCES:
            raise NamesError(f"{where}: 'kind' must be one of {', '.join(DEFAULT_SOURCES)}, not {entry.get('kind')!r}")
        if not all(isinstance(alias, str) and alias.strip() for alias in entry.get("aliases", ())):
            raise NamesError(f"{where}: 'aliases' must be a list of names")
        names.append((entry["kind"], {k: v for k, v in entry.items() if k != "kind"}))
    return names


#: A name starts after no word character, ``-``, ``.``, ``/`` or ``@``; model names may
#: follow a hyphenated prefix (``FLAN-PaLM``). A name ends where no letter follows, or
#: before a glued version (``DINO`` in ``DINOv3``: the model grammar reads the ``v3``);
#: names other than models must not run on into a digit or a hyphenated part either
#: (``ImageNet`` in ``ImageNet-R`` is not ``ImageNet``), except ``-based``-style words.
LEFT = r"(?<![\w./@])"
RIGHT = r"(?:(?![^\W\d_])|(?=v\d))"
STRICT_RIGHT = regex.compile(
    r"(?![^\W_])(?!-[^\W_])(?!\.\d)|(?=-(?:based|style|like|scale|level|size|specific|trained|pretrained|finetuned)\b)|(?=-\d+(?:\.\d+)?[KMB]\b)"
)


def _may_precede(ch: str) -> bool:
    """Whether a name may start right after ``ch`` (what LEFT asks, for one character)."""
    return not (ch.isalnum() or ch in "_./@")


#: An ASCII text, lower-cased, with every character that may stand before a name (LEFT)
#: read as one mark: the automaton then finds forms only where a name may start.
_MARK = "\x01"
_MARKS = {i: _MARK for i in range(128) if _may_precede(chr(i))}

#: The case modes, in the order their matches are read.
MODES = ("exact", "lower", "capitals")


def _written_forms(entry: dict) -> list[str]:
    """Name and aliases, plus the spaced form of hyphenated words (``Arena-Hard`` -> ``Arena Hard``)."""
    forms = [entry["name"], *entry.get("aliases", ())]
    spaced = [f.replace("-", " ") for f in forms if "-" in f and all(len(p) >= 3 and p.isalpha() for p in f.split("-"))]
    return forms + [f for f in spaced if f not in forms]


def _capitals(s: str) -> int:
    return sum(ch.isupper() for ch in s)


class Gazetteer(Component):
    """Finds gazetteer names in a Doc and writes them to candidate span groups."""

    def __init__(self, nlp: Language, name: str = "paperfacts_gazetteer", sources: dict[str, str] | None = None,
                 names: Iterable[str | os.PathLike] = (), replace: bool = False):
        """``sources``: label -> shipped data file; ``names``: users' names files
        (``read_names``), added to the shipped lists, or in their place with ``replace``."""
        self.name = name
        self.sources = {} if replace else dict(DEFAULT_SOURCES if sources is None else sources)
        self.labels = sorted(set(DEFAULT_SOURCES) | set(self.sources))
        lists = [(label, read_jsonl(filename)) for label, filename in sorted(self.sources.items())]
        lists += [(label, [entry]) for path in names for label, entry in read_names(path)]
        # mode -> {form as matched: [(label, entry), ...]}
        self.forms: dict[str, dict[str, list[tuple[str, dict]]]] = {mode: {} for mode in MODES}
        for label, entries in lists:
            for entry in entries:
                for form in _written_forms(entry):
                    if entry.get("ignore_case"):
                        self.forms["lower"].setdefault(form.lower(), []).append((label, entry))
                    else:
                        self.forms["exact"].setdefault(form, []).append((label, entry))
                        if _capitals(form) >= 2 and len(form) >= 4:
                            self.forms["capitals"].setdefault(form.lower(), []).append((label, entry))
        self.patterns = {mode: compile_names(list(forms), left=LEFT, right=RIGHT) for mode, forms in self.forms.items()}
        self._ignore_case = {}  # compiled on first use, for texts whose lower() changes length
        # every form, lower-cased, -> the modes (indexes into MODES) it is matched in
        modes: dict[str, set[int]] = {}
        for i, mode in enumerate(MODES):
            for form in self.forms[mode]:
                modes.setdefault(form.lower(), set()).add(i)
        self.starts = Literals((form, tuple(sorted(m))) for form, m in sorted(modes.items()))
        # the same forms behind a start mark, for ASCII texts (forms that differ only in
        # characters read as the mark share a key, and their modes)
        marked: dict[str, set[int]] = {}
        for form, m in modes.items():
            marked.setdefault(_MARK + form.translate(_MARKS), set()).update(m)
        # and, for the exact mode, the spellings behind each key: a start where the text
        # spells none of them is not tried in that mode (``and`` for ``AND``, ``is`` for ``IS``)
        spellings: dict[str, set[str]] = {}
        for form in self.forms["exact"]:
            spellings.setdefault(_MARK + form.lower().translate(_MARKS), set()).add(form)
        self.marked_starts = Literals(
            (key, (tuple(sorted(m)), frozenset(spellings.get(key, ())))) for key, m in sorted(marked.items())
        )

    def _matches(self, text: str, lowered: str | None):
        """``(mode, match)`` for every match of each mode's regex, as its ``finditer``
        would give them, tried only where the automaton finds a form starting."""
        if lowered is None:  # lower-casing changed the length: no candidate positions
            for mode in MODES:
                for m in self._finditer(mode, text, lowered):
                    yield mode, m
            return
        starts: tuple[list[int], ...] = tuple([] for _ in MODES)
        if text.isascii():
            # only forms behind a start mark: end - size + 1 is the mark, one before the
            # form in the marked text, which is one longer than the text: the form's start
            for end, (size, _, (modes, exact)) in self.marked_starts.find(_MARK + lowered.translate(_MARKS)):
                start = end - size + 1
                for i in modes:
                    if i or text[start : start + size - 1] in exact:  # MODES[0] is "exact"
                        starts[i].append(start)
            hits = ()
        else:
            hits = self.starts.find(lowered)
        for end, (size, _, modes) in hits:
            start = end - size + 1
            if start and not _may_precede(text[start - 1]) and not _may_precede(lowered[start - 1]):
                continue  # LEFT fails both in the text and lower-cased
            for i in modes:
                starts[i].append(start)
        for mode, found in zip(MODES, starts):
            if not found:
                continue
            pattern, source, end = self.patterns[mode], (text if mode == "exact" else lowered), 0
            for start in sorted(set(found)):
                if start >= end and (m := pattern.match(source, start)):
                    yield mode, m
                    end = m.end()

    def _finditer(self, mode: str, text: str, lowered: str | None):
        if mode == "exact":
            return self.patterns[mode].finditer(text)
        if lowered is not None:
            return self.patterns[mode].finditer(lowered)
        if mode not in self._ignore_case:
            self._ignore_case[mode] = compile_names(list(self.forms[mode]), ignore_case=True, left=LEFT, right=RIGHT)
        return self._ignore_case[mode].finditer(text)

    def match(self, doc: Doc) -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = {label: [] for label in self.labels}
        text = text_of(doc)
        lowered = text.lower()
        if len(lowered) != len(text):
            lowered = None
        for mode, m in self._matches(text, lowered):
            forms = self.forms[mode]
            surface = text[m.start() : m.end()]
            if mode == "capitals" and _capitals(surface) < 2:
                continue
            key = surface if mode == "exact" else surface.lower()
            for label, entry in forms.get(key, ()):
                if label != "model" and (not STRICT_RIGHT.match(text, m.end()) or text[m.start() - 1 : m.start()] == "-"):
                    continue
                found[label].append({"start": m.start(), "end": m.end(), "text": surface, "name": entry["name"],
                                     "family": bool(entry.get("family"))})
        return {label: _longest(outside_links(doc, facts)) for label, facts in found.items()}

    def set_annotations(self, doc: Doc, found: dict[str, list[dict]]) -> None:
        for label, facts in found.items():
            write_facts(doc, "gazetteer_" + label, facts)


def _longest(facts: list[dict]) -> list[dict]:
    """Drop matches inside a longer match of the same label."""
    kept: list[dict] = []
    for fact in sorted(facts, key=lambda f: (f["start"], -f["end"])):
        if kept and fact["start"] < kept[-1]["end"]:
            continue
        kept.append(fact)
    return kept


@Language.factory(
    "paperfacts_gazetteer",
    assigns=attrs("gazetteer_benchmark", "gazetteer_dataset", "gazetteer_model", "gazetteer_metric"),
    default_config={"sources": None, "names": [], "replace": False},
)
def make_gazetteer(nlp: Language, name: str, sources: dict[str, str] | None, names: list[str],
                   replace: bool) -> Gazetteer:
    require_paperfacts(nlp)
    return Gazetteer(nlp, name=name, sources=sources, names=names, replace=replace)
