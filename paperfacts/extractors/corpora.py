"""Benchmarks and datasets: gazetteer names, coined benchmark names, and cues.

Rules (stable ids):

* ``benchmark.gazetteer`` / ``dataset.gazetteer``: names from
  ``data/benchmarks.jsonl`` / ``data/datasets.jsonl``. A training corpus that the
  sentence evaluates on (and does not train on) counts as a benchmark, as the
  guidelines say.
* ``benchmark.shape``: coined names built on ``Bench``/``Eval``/``QA``...
  (``MVBench``, ``CodeFuseEval``, ``RealWorldQA``).
* ``benchmark.cue`` / ``dataset.cue``: a coined name followed by a head noun
  (``the X benchmark``, ``the X corpus``) or introduced as one
  (``we release X, a dataset of ...``).

``Long Form (SF)`` keeps the short form only.
"""

from __future__ import annotations

from functools import lru_cache

import orjson
import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import data_path, read_lines
from . import read_facts, text_of, write_facts
from .sentences import sentence_of
from .models import looks_like_name


@lru_cache(maxsize=1)
def cues() -> dict:
    return orjson.loads(data_path("corpus_cues.json").read_bytes())


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    name = r"[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
    multi = rf"{name}(?:\s{name}){{0,3}}"
    return {
        "shape": regex.compile(rf"(?<![\w\-./@])(?:[A-Za-z0-9]+-)?[A-Za-z0-9]*(?:{_alt(c['benchmark_shapes'])})(?:[-.]?[A-Za-z0-9]+)*(?![\w])"),
        "noun": regex.compile(
            rf"(?<![\w\-./@])(?P<name>{multi})\s+(?P<noun>{_alt(c['benchmark_nouns'] + c['dataset_nouns'])})\b"
        ),
        "introduce": regex.compile(
            rf"\b(?:[Ww]e\s+(?:introduce|present|propose|release|construct|build|curate|create|collect|open-source)|[Ii]ntroducing|named|called|dubbed)\s+"
            rf"(?:the\s+)?(?P<name>{name})(?:\s+\([^()]{{1,30}}\))?,?\s+(?:a|an|the)\s+(?P<desc>(?:[\w\-]+\s+){{0,6}}?)"
            rf"(?P<noun>{_alt(c['benchmark_nouns'] + c['dataset_nouns'])})\b"
        ),
        "list": regex.compile(
            rf"\b(?:{_alt(c['list_heads'])})\s*(?:,\s*)?(?:such\s+as|including|like|e\.g\.,?|namely|:|\()\s*"
            rf"(?P<items>{multi}(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*{multi}){{0,12}})"
        ),
        "item": regex.compile(rf"{multi}"),
        "head_then_name": regex.compile(
            rf"\b(?P<noun>benchmark|dataset|corpus|suite|leaderboard)s?\s+(?:called\s+|named\s+|dubbed\s+)?(?P<name>{name})(?![\w-])"
        ),
        "on": regex.compile(
            rf"\b(?:{_alt(c['on_verbs'])})\b[^.;]{{0,60}}?\b(?:on|in)\s+(?:the\s+)?(?P<name>{name})(?![\w-])"
        ),
        "train": regex.compile(rf"\b(?:{_alt(c['train_words'])})\b", regex.IGNORECASE),
        "eval": regex.compile(rf"\b(?:{_alt(c['eval_words'])})\b", regex.IGNORECASE),
    }



class CorpusExtractor:
    """Finds benchmark and dataset names; writes ``paperfacts_benchmarks``/``paperfacts_datasets``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_corpora"):
        self.name = name
        self.patterns = patterns()
        self.benchmark_nouns = {n.casefold() for n in cues()["benchmark_nouns"]}

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        found: list[dict] = []
        for cand in read_facts(doc, "gazetteer_benchmark"):
            found.append(_mention(cand["start"], cand["end"], text, "benchmark", "benchmark.gazetteer"))
        evaluated_on = {m.start("name") for m in p["on"].finditer(text)}
        for cand in read_facts(doc, "gazetteer_dataset"):
            # A training corpus counts as a benchmark only where the text evaluates on it.
            kind = "benchmark" if cand["start"] in evaluated_on and not self._trained_on(doc, cand["start"]) else "dataset"
            found.append(_mention(cand["start"], cand["end"], text, kind, f"{kind}.gazetteer"))
        for m in p["shape"].finditer(text):
            if looks_like_name(m.group()):
                found.append(_mention(m.start(), m.end(), text, "benchmark", "benchmark.shape"))
        for m in p["noun"].finditer(text):
            if looks_like_name(m["name"].split()[-1]) or looks_like_name(m["name"]):
                kind = "benchmark" if m["noun"].casefold() in self.benchmark_nouns else self._dataset_kind(doc, m.start())
                found.append(_mention(m.start("name"), m.end("name"), text, kind, f"{kind}.cue"))
        for m in p["list"].finditer(text):
            for item in p["item"].finditer(m["items"]):
                if looks_like_name(item.group().split()[-1]) or looks_like_name(item.group()):
                    start = m.start("items") + item.start()
                    found.append(_mention(start, start + len(item.group()), text, "benchmark", "benchmark.list"))
        for m in p["head_then_name"].finditer(text):
            if looks_like_name(m["name"]):
                kind = "benchmark" if m["noun"] in ("benchmark", "suite", "leaderboard") else self._dataset_kind(doc, m.start())
                found.append(_mention(m.start("name"), m.end("name"), text, kind, f"{kind}.cue"))
        models = [(f["start"], f["end"]) for f in read_facts(doc, "model")]
        for m in p["on"].finditer(text):
            if looks_like_name(m["name"]) and not any(s <= m.start("name") < e for s, e in models):
                found.append(_mention(m.start("name"), m.end("name"), text, "benchmark", "benchmark.on"))
        for m in p["introduce"].finditer(text):
            if looks_like_name(m["name"]):
                is_bench = m["noun"].casefold() in self.benchmark_nouns or "evaluat" in m["desc"]
                kind = "benchmark" if is_bench else "dataset"
                found.append(_mention(m.start("name"), m.end("name"), text, kind, f"{kind}.cue"))
        return _resolve(text, found)

    def _trained_on(self, doc: Doc, start: int) -> bool:
        s, e = sentence_of(doc, start)
        return bool(self.patterns["train"].search(text_of(doc)[s:e]))

    def _dataset_kind(self, doc: Doc, start: int) -> str:
        s, e = sentence_of(doc, start)
        sentence = text_of(doc)[s:e]
        return "dataset" if self.patterns["train"].search(sentence) and not self.patterns["eval"].search(sentence) else "benchmark"

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        for kind in ("benchmark", "dataset"):
            write_facts(doc, kind, [m for m in mentions if m["kind"] == kind])


def _mention(start: int, end: int, text: str, kind: str, rule: str) -> dict:
    return {"start": start, "end": end, "text": text[start:end], "name": text[start:end], "kind": kind, "rule": rule}


RULE_RANK = {"gazetteer": 0, "cue": 1, "list": 2, "shape": 3, "on": 4}


@lru_cache(maxsize=1)
def not_benchmarks() -> frozenset[str]:
    return frozenset(s.casefold() for s in read_lines("not_benchmarks.txt"))


def _resolve(text: str, found: list[dict]) -> list[dict]:
    """Overlaps: the longest wins; a name seen as a benchmark anywhere is a benchmark; SF over long form;
    names in ``data/not_benchmarks.txt`` are dropped."""
    kept: list[dict] = []
    for f in sorted(found, key=lambda f: (f["start"], -(f["end"] - f["start"]), RULE_RANK[f["rule"].split(".")[1]])):
        if kept and f["start"] < kept[-1]["end"]:
            continue
        if f["name"].casefold() in not_benchmarks():
            continue
        kept.append(f)
    bench_names = {f["name"].casefold() for f in kept if f["kind"] == "benchmark"}
    for f in kept:
        if f["name"].casefold() in bench_names:
            f["kind"] = "benchmark"
    starts = {f["start"] for f in kept}
    long_forms = {
        f["name"].casefold() for f in kept for gap in (" (", "(") if text.startswith(gap, f["end"]) and f["end"] + len(gap) in starts
    }
    return [f for f in kept if f["name"].casefold() not in long_forms]


@Language.factory("paperfacts_corpora")
def make_corpus_extractor(nlp: Language, name: str) -> CorpusExtractor:
    return CorpusExtractor(nlp, name=name)
