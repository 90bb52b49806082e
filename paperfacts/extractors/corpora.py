"""Benchmarks and datasets: gazetteer names, coined benchmark names, and cues.

Rules (stable ids):

* ``benchmark.gazetteer`` / ``dataset.gazetteer``: names from
  ``data/benchmarks.jsonl`` / ``data/datasets.jsonl``, with a size suffix when one
  follows (``WIT-400M``). A training corpus that the text evaluates on (and does
  not train on) counts as a benchmark, as the guidelines say.
* ``benchmark.shape``: coined names built on ``Bench``/``Eval``/``QA``...
  (``MVBench``, ``CodeFuseEval``, ``RealWorldQA``).
* ``benchmark.cue`` / ``dataset.cue``: a coined name with a head noun
  (``the X benchmark``, ``A and B datasets``, ``the Long Name (LN) dataset``,
  ``a dataset ... named X``), introduced as one (``we release X, a corpus of``),
  or a training source (``text from X``).
* ``benchmark.list``: names listed after ``benchmarks such as / including``.
* ``benchmark.on``: a coined name that a result is reported on
  (``outperforms ... on X``).

Where a cue says what a name is (``trained on the X corpus``), it overrides the
gazetteer's default kind. ``Long Form (SF)`` keeps the short form only; names in
``data/not_benchmarks.txt`` are dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json, read_jsonl, read_lines
from ..trie import Gated, alternation, any_word, fast_compile
from . import Component, Mentions, attrs, read_facts, require_paperfacts, text_of, write_facts
from .models import looks_like_name
from .sentences import sentence_of


def cues() -> dict:
    return read_json("corpus_cues.json")


@lru_cache(maxsize=1)
def not_benchmarks() -> frozenset[str]:
    """Names never read as benchmarks or datasets: ``data/not_benchmarks.txt``, generic
    model classes (``data/not_models.txt``: CNN, SGD) and metric names (PSNR)."""
    metrics = {form for e in read_jsonl("metrics.jsonl") for form in (e["name"], *e.get("aliases", ()))}
    return frozenset(s.casefold() for s in read_lines("not_benchmarks.txt") | read_lines("not_models.txt") | metrics)


#: What every "evaluated on X" match contains (a fast search: it starts with a literal).
_ON_NAME = re.compile(r"on\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    name = r"[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
    multi = rf"{name}(?:\s{name}){{0,3}}"
    names = rf"{multi}(?:\s*(?:,|and|or|,\s*and)\s*{multi}){{0,5}}"
    noun_words = c["benchmark_nouns"] + c["dataset_nouns"]
    nouns = alternation(noun_words)
    head_nouns = ["benchmark", "dataset", "corpus", "suite", "leaderboard", "collection"]
    # Gated: skipped on a text without a word every match needs (most texts);
    # engine="regex" where that engine is faster on the pattern (trie.fast_compile),
    # never for starts=True (see trie.Gated)
    return {
        "shape": Gated(fast_compile(rf"(?<![\w\-./@])(?:[A-Za-z0-9]+-)?[A-Za-z0-9]*(?:{alternation(c['benchmark_shapes'])})(?:[-.]?[A-Za-z0-9]+)*(?![\w])"),
                       c["benchmark_shapes"], window=(120, 160)),
        "noun": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<names>{names})(?:\s+\((?P<short>{name})\))?\s+(?P<noun>{nouns})\b"
        ), noun_words, window=(300, 30)),
        "item": fast_compile(multi),
        "introduce": Gated(fast_compile(
            rf"\b(?:[Ww]e\s+(?:introduce|present|propose|release|construct|build|curate|create|collect|open-source)|[Ii]ntroducing|named|called|dubbed)\s+"
            rf"(?:the\s+)?(?P<name>{name})(?:\s+\([^()]{{1,30}}\))?,?\s+(?:a|an|the)\s+(?P<desc>(?:[\w\-]+\s+){{0,6}}?)"
            rf"(?P<noun>{nouns})\b", engine="regex"
        ), noun_words, window=(300, 30)),
        "named": Gated(fast_compile(
            rf"\b(?P<noun>{'|'.join(head_nouns)})s?\b[^.;]{{0,60}}?\b(?:named|called|dubbed|termed)\s+(?P<name>{name})(?![\w-])",
        ), head_nouns, starts=True),
        "list": Gated(fast_compile(
            rf"\b(?:{alternation(c['list_heads'])})\s*(?:,\s*)?(?:such\s+as|including|like|e\.g\.,?|namely|:|\()\s*(?P<items>{names})"
        ), c["list_heads"], starts=True),
        "head_then_name": Gated(fast_compile(
            rf"\b(?P<noun>{'|'.join(head_nouns[:-1])})s?\s+(?:called\s+|named\s+|dubbed\s+)?(?P<name>{name})(?![\w-])",
        ), head_nouns, starts=True),
        "on": Gated(fast_compile(rf"\b(?:{alternation(c['on_verbs'])})\b[^.;]{{0,60}}?\bon\s+(?:the\s+)?(?P<name>{name})(?![\w-])"),
                    c["on_verbs"], gate=_ON_NAME.search, starts=True),
        "source": Gated(fast_compile(
            rf"\b(?:{alternation(c['source_nouns'])})\s+from\s+(?:the\s+)?(?P<name>{name})(?![\w-])"
        ), c["source_nouns"], starts=True),
        "trained_on": fast_compile(r"\b(?:trained|pre-?trained|fine-?tuned|finetuned|learned|pretraining|training)\s+on\s+(?:the\s+)?$", re.IGNORECASE),
        "located_on": fast_compile(r"\b(?:on|in)\s+(?:the\s+)?$"),
        "built": fast_compile(
            r"\b(?:build|built|construct|constructed|create|created|curate|curated|collect|collected|release|released)\s+"
            r"(?:the\s+|a\s+|an\s+|our\s+)?(?:new\s+|large-scale\s+|novel\s+)?$", re.IGNORECASE
        ),
        "size_suffix": fast_compile(r"-\d+(?:\.\d+)?[KMB]\b"),
        "variant_prefix": fast_compile(rf"(?:{alternation(c['benchmark_prefixes'])})[\s-]?$"),
        "coordinated": fast_compile(r"[a-z][a-z0-9\-]{2,20}(?=\s*(?:,|\)|and\b|or\b|$))"),
        "train": any_word(c["train_words"]),
        "eval": any_word(c["eval_words"]),
    }


class CorpusExtractor(Component):
    """Finds benchmark and dataset names; writes ``paperfacts_benchmarks``/``paperfacts_datasets``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_corpora"):
        self.name = name
        self.patterns = patterns()
        self.benchmark_nouns = {n.casefold() for n in cues()["benchmark_nouns"]}

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        found: list[dict] = []
        cue_kind: dict[int, str] = {}  # start of a name -> what its context says it is

        def add(start, end, kind, rule):
            found.append(_mention(start, end, text, kind, rule))
            if rule.endswith(".cue"):
                cue_kind.setdefault(start, kind)

        title_end = doc.user_data.get("paperfacts_title_len") or 0
        for m in p["noun"].finditer(text):
            kind = self._noun_kind(doc, m["noun"], m.start())
            if m["short"] and looks_like_name(m["short"]):
                add(m.start("short"), m.end("short"), kind, f"{kind}.cue")
                continue
            for item in p["item"].finditer(m["names"]):
                words = item.group().split()
                # a Title Case phrase before a head noun is a name in running text, not in a title
                title_case = len(words) >= 2 and m.start() >= title_end
                if title_case or any(looks_like_name(w) for w in words):
                    start = m.start("names") + item.start()
                    add(start, start + len(item.group()), kind, f"{kind}.cue")
        for m in p["introduce"].finditer(text):
            if looks_like_name(m["name"]):
                kind = "benchmark" if m["noun"].casefold() in self.benchmark_nouns or "evaluat" in m["desc"] else "dataset"
                add(m.start("name"), m.end("name"), kind, f"{kind}.cue")
        for m in chain(p["named"].finditer(text), p["head_then_name"].finditer(text)):
            if looks_like_name(m["name"]):
                kind = self._noun_kind(doc, m["noun"], m.start())
                add(m.start("name"), m.end("name"), kind, f"{kind}.cue")
        for m in p["source"].finditer(text):
            if looks_like_name(m["name"]):
                add(m.start("name"), m.end("name"), "dataset", "dataset.cue")

        on_matches = list(p["on"].finditer(text))
        evaluated_on = {m.start("name") for m in on_matches}
        for label in ("benchmark", "dataset"):
            for cand in read_facts(doc, "gazetteer_" + label):
                start, end = cand["start"], cand["end"]
                suffix = p["size_suffix"].match(text, end)
                end = suffix.end() if suffix else end
                prefix = p["variant_prefix"].search(text, max(0, start - 20), start)
                start = prefix.start() if prefix and (prefix.start() == 0 or not text[prefix.start() - 1].isalnum()) else start
                kind = label
                if label == "dataset" and start in evaluated_on and not self._trained_on(doc, start):
                    kind = "benchmark"  # a corpus the text evaluates on
                add(start, end, cue_kind.get(start, kind), f"{kind}.gazetteer")
        for m in p["shape"].finditer(text):
            if looks_like_name(m.group()) and len(m.group()) >= 5:
                add(m.start(), m.end(), cue_kind.get(m.start(), "benchmark"), "benchmark.shape")
        for m in p["list"].finditer(text):
            for item in p["item"].finditer(m["items"]):
                if looks_like_name(item.group().split()[-1]) or looks_like_name(item.group()):
                    start = m.start("items") + item.start()
                    add(start, start + len(item.group()), "benchmark", "benchmark.list")
        models = Mentions(read_facts(doc, "model"))
        for m in on_matches:
            if looks_like_name(m["name"]) and not models.covering(m.start("name")):
                add(m.start("name"), m.end("name"), "benchmark", "benchmark.on")
        found.extend(self._lowercase_in_lists(text, found))
        return _resolve(text, found)

    def _lowercase_in_lists(self, text: str, found: list[dict]) -> list[dict]:
        """``Winogrande, Hellaswag, arc, boolq and piqa``: in a list that already names two
        known benchmarks, a lower-case item that is a benchmark name in any case is one too."""
        known = sorted((f for f in found if f["rule"] == "benchmark.gazetteer"), key=lambda f: f["start"])
        extra = []
        for a, b in zip(known, known[1:]):
            if not _LIST_GAP.fullmatch(text, a["end"], b["start"]):
                continue
            pos = b["end"]
            while True:
                gap = _LIST_GAP.match(text, pos)
                item = self.patterns["coordinated"].match(text, gap.end()) if gap else None
                if not item or item.group().casefold() not in benchmark_forms():
                    break
                extra.append(_mention(item.start(), item.end(), text, "benchmark", "benchmark.list"))
                pos = item.end()
        return extra

    def _noun_kind(self, doc: Doc, noun: str, start: int) -> str:
        """``the X benchmark`` is a benchmark; ``X dataset/corpus`` depends on its context."""
        if noun.casefold() in self.benchmark_nouns or noun.casefold() in ("suite", "leaderboard"):
            return "benchmark"
        before = text_of(doc)[max(0, start - 40) : start]
        if self.patterns["trained_on"].search(before) or self.patterns["built"].search(before):
            return "dataset"  # "trained on the X corpus", "we build the X dataset"
        if self.patterns["located_on"].search(before):
            return "benchmark"  # "results on the X dataset"
        s, e = sentence_of(doc, start)
        sentence = text_of(doc)[s:e]
        return "dataset" if self.patterns["train"].search(sentence) and not self.patterns["eval"].search(sentence) else "benchmark"

    def _trained_on(self, doc: Doc, start: int) -> bool:
        s, e = sentence_of(doc, start)
        return bool(self.patterns["train"].search(text_of(doc)[s:e]))

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        for kind in ("benchmark", "dataset"):
            write_facts(doc, kind, [m for m in mentions if m["kind"] == kind])


_LIST_GAP = fast_compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")


@lru_cache(maxsize=1)
def benchmark_forms() -> frozenset[str]:
    """Every written form of every benchmark, case-folded."""
    return frozenset(f.casefold() for e in read_jsonl("benchmarks.jsonl") for f in (e["name"], *e.get("aliases", ())))


def _mention(start: int, end: int, text: str, kind: str, rule: str) -> dict:
    return {"start": start, "end": end, "text": text[start:end], "name": text[start:end], "kind": kind, "rule": rule}


RULE_RANK = {"gazetteer": 0, "cue": 1, "list": 2, "shape": 3, "on": 4}


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


@Language.factory(
    "paperfacts_corpora",
    requires=attrs("gazetteer_benchmark", "gazetteer_dataset", "model"),
    assigns=attrs("benchmark", "dataset"),
)
def make_corpus_extractor(nlp: Language, name: str) -> CorpusExtractor:
    require_paperfacts(nlp)
    return CorpusExtractor(nlp, name=name)
