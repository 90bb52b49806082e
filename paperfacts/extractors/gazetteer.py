"""Gazetteer matcher: names from ``paperfacts/data/*.jsonl`` found in the text.

Each data line is ``{"name": ..., "aliases": [...], "ignore_case": bool}``
(models also carry ``"family"``). A new benchmark goes in
``data/benchmarks.jsonl``, a new training corpus in ``data/datasets.jsonl``, a
model family in ``data/models.jsonl``, a metric in ``data/metrics.jsonl``.

Matching is on characters, not tokens (spaCy keeps ``GPT-4o`` and
``ImageNet-1K.`` as single tokens), with one trie-compiled regex per case mode.
Candidates go to span groups ``paperfacts_gazetteer_<label>``; the typed
extractors downstream decide what they are.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_jsonl
from ..trie import compile_names
from . import write_facts

DEFAULT_SOURCES = {
    "benchmark": "benchmarks.jsonl",
    "dataset": "datasets.jsonl",
    "model": "models.jsonl",
    "metric": "metrics.jsonl",
}

#: A name ends where no letter follows; model families may run on into a version
#: (``Llama2``, ``GPT4``) so only a letter ends them.
RIGHT_BOUNDARY = {"model": r"(?![^\W\d_])", "default": r"(?![^\W_])(?!-[^\W_])|(?=-(?:based|style|like|scale|level|size|specific)\b)"}
LEFT_BOUNDARY = r"(?<![\w\-./@])"
#: Model names may follow a hyphenated prefix (``FLAN-PaLM``, ``Chinese-Llama2``).
LEFT_BOUNDARY_MODEL = r"(?<![\w./@])"


def _capitals(s: str) -> int:
    return sum(ch.isupper() for ch in s)


def capitalized(forms: list[str]) -> list[str]:
    """Case-sensitive forms with two or more capitals also match in other casings
    that keep two or more capitals (``LLaMA`` -> ``LLaMa``, ``LLAMA``; not ``Llama``)."""
    return [f for f in forms if _capitals(f) >= 2 and len(f) >= 4]


class Gazetteer:
    """Finds gazetteer names in a Doc and writes them to candidate span groups."""

    def __init__(self, nlp: Language, name: str = "paperfacts_gazetteer", sources: dict[str, str] | None = None):
        self.name = name
        self.sources = dict(DEFAULT_SOURCES if sources is None else sources)
        self.matchers = []  # (label, pattern, {lower form: entry})
        for label, filename in sorted(self.sources.items()):
            entries = {}
            by_case: dict[bool, list[str]] = {False: [], True: []}
            for entry in read_jsonl(filename):
                for form in (entry["name"], *entry.get("aliases", ())):
                    by_case[bool(entry.get("ignore_case"))].append(form)
                    entries.setdefault(form.lower(), entry)
            right = RIGHT_BOUNDARY.get(label, RIGHT_BOUNDARY["default"])
            left = LEFT_BOUNDARY_MODEL if label == "model" else LEFT_BOUNDARY
            for mode, forms in (("exact", by_case[False]), ("any", by_case[True]), ("capitals", capitalized(by_case[False]))):
                if forms:
                    pattern = compile_names(forms, ignore_case=mode != "exact", left=left, right="(?:" + right + ")")
                    self.matchers.append((label, mode, pattern, entries))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> dict[str, list[dict]]:
        found: dict[str, list[dict]] = {label: [] for label in self.sources}
        text = doc.text
        for label, mode, pattern, entries in self.matchers:
            for m in pattern.finditer(text):
                if mode == "capitals" and _capitals(m.group()) < 2:
                    continue
                entry = entries.get(m.group().lower(), {})
                found[label].append(
                    {"start": m.start(), "end": m.end(), "text": m.group(), "name": entry.get("name", m.group()),
                     "family": bool(entry.get("family"))}
                )
        return {label: _longest(facts) for label, facts in found.items()}

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


@Language.factory("paperfacts_gazetteer", default_config={"sources": None})
def make_gazetteer(nlp: Language, name: str, sources: dict[str, str] | None) -> Gazetteer:
    return Gazetteer(nlp, name=name, sources=sources)
