"""Model names: gazetteer families extended by a name grammar, compounds, and cues.

Three rules, each with a stable id:

* ``model.gazetteer``: a family from ``data/models.jsonl`` plus what the grammar
  allows after it: versions (``GPT-4o``, ``Llama 3.1``, ``Qwen2.5``), sizes
  (``LLaMA-2-7B``, ``LLaMA 7B``), variants (``-Instruct``, ``-mini``, `` XL``) and
  configurations (``ViT-B/16``).
* ``model.compound``: a name built on a productive stem from
  ``data/model_grammar.json`` (``ContraBERT``, ``CT-LLM``, ``MiniGPT-4``).
* ``model.cue``: a name the text introduces as a model (``X, a 7B language model``,
  ``we introduce X, a family of LLMs``); ``X, a framework`` is not one.

Generic classes and methods (``data/not_models.txt``) are never models. An
abbreviation in brackets after its long form (``XLM-RoBERTa (XLM-R)``) keeps the
short form only.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json, read_lines
from ..trie import Gated, alternation, fast_compile
from . import Component, Mentions, attrs, read_facts, require_paperfacts, text_of, write_facts


def grammar() -> dict:
    return read_json("model_grammar.json")


@lru_cache(maxsize=1)
def not_models() -> frozenset[str]:
    return frozenset(s.casefold() for s in read_lines("not_models.txt"))


#: ``we <verb> X``: the verbs that introduce the paper's own model.
INTRODUCE_VERBS = ("introduce", "present", "propose", "release", "develop", "train", "pretrain", "pre-train", "open-source")


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    g = grammar()
    version = r"v?\d{1,3}(?:\.\d{1,2}){0,2}[a-zA-Z]?"
    size = r"\d{1,4}(?:\.\d{1,2})?[BMKT]"
    variant = r"(?i:" + alternation(g["variants"]) + r")"
    config = r"[A-Z](?:/\d{1,2})?"
    stop = r"(?![\w])"
    # One step of the suffix grammar, tried repeatedly after a family name.
    step = (
        rf"(?:[-_](?:{size}|{version}|{config}|{variant}){stop}"  # -7B, -2, -4o, -Instruct, -B/16
        rf"|(?<=[A-Za-z]){version}(?=[-\s,;:.)'\]/]|$)"  # Llama2, Qwen2.5, GPT4V
        rf"|[\s~](?:{size})(?![\w%])"  # LLaMA 7B
        rf"|[\s~](?:v\d{{1,2}}(?:\.\d{{1,2}})?|\d(?:\.\d{{1,2}})?)(?![\w%]|\.\d|\s*(?:%|\\%|x\b|times|points|percent|and\s+\d))"  # Llama 3.1, MoCo v3, wav2vec~2.0
        rf"|\s(?:{alternation(g['spaced_variants'])})(?![\w-]))"  # GPT-3 XL
    )
    name_shape = r"[A-Za-z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
    stems = alternation(g["stems"])
    return {
        "step": fast_compile(step),
        "prefix": fast_compile(r"(?<![\w\-./@])(?:[A-Z][A-Za-z0-9]*|(?!(?:non|pre|post|co|re|un|in|de|bi|tri)-)[a-z]{2,3})-$"),
        # Gated: skipped on a text without a word every match needs (most texts);
        # engine="regex" where that engine is faster on the pattern (trie.fast_compile)
        "compound": Gated(fast_compile(
            rf"(?<![\w\-./@])(?:[A-Za-z0-9]+-)?[A-Za-z0-9]*(?:{stems})[A-Za-z0-9]*"
            rf"(?:-(?!(?i:based|like|style|aware|guided|driven|free|only|level|specific)\b)[A-Z0-9][A-Za-z0-9.]*)*(?![\w])"
        ), g["stems"], window=(120, 160)),
        "appositive": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<name>[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)(?:\s+\([^()]{{1,30}}\))?,?\s+(?:is\s+)?(?:a|an)\s+"
            rf"(?P<desc>(?:[\w\-.]+\s+){{0,6}}?)(?P<noun>{alternation(g['model_nouns'])}){stop}", engine="regex"
        ), g["model_nouns"], window=(300, 30)),
        "introduce": Gated(fast_compile(
            rf"\b(?:[Ww]e\s+(?:{alternation(INTRODUCE_VERBS)})|[Ii]ntroducing|named|called|dubbed)\s+"
            rf"(?P<name>{name_shape})(?P<rest>[^.;]{{0,80}})", engine="regex"
        ), [*INTRODUCE_VERBS, "ntroducing", "named", "called", "dubbed"], window=(60, 300)),
        "list": Gated(fast_compile(
            rf"\b(?:{alternation(g['list_heads'])})\s*(?:,\s*)?(?:such\s+as|like|namely|including|e\.g\.,?|\()\s*"
            rf"(?P<items>{name_shape}(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*{name_shape}){{0,10}})"
        ), g["list_heads"], starts=True),
        "item": fast_compile(name_shape),
        "title": fast_compile(
            rf"^(?P<name>{name_shape}(?:[\s~]\d(?:\.\d{{1,2}})?)?)\s*:\s*(?:an?\s+|the\s+)?(?P<desc>(?:[\w\-]+\s+){{0,5}}?)"
            rf"(?P<noun>(?i:{alternation(g['model_nouns'])})){stop}"
        ),
        "intro_tail": fast_compile(
            rf"^(?:\s*\([^()]{{0,40}}\))?\s*(?:,?\s*(?:(?:which|that)\s+is\s+)?(?:an?|the|our)\s+"
            rf"(?:(?:new|novel|family|series|suite|set|collection|pair)\s+of\s+)?(?P<desc>(?:[^\s,;.]+\s+){{0,8}}?)|\s+)(?P<noun>{alternation(g['model_nouns'])}){stop}"
        ),
        "gerund": fast_compile(r"[A-Za-z]+ing\b"),
        "preposition": fast_compile(r"\b(?:of|in|for|with|on|to|from|by)\b", re.IGNORECASE),
        "method_after": fast_compile(rf"[\s-]+(?:{alternation(g['not_model_nouns'])})s?\b", re.IGNORECASE),
        "not_nouns": fast_compile(rf"\b(?:{alternation(g['not_model_nouns'])})s?\b", re.IGNORECASE),
    }


#: LaTeX commands that lose their backslash in plain-text abstracts (EnglishrightarrowGerman).
LATEX_DEBRIS = regex.compile(r"(?:right|left|long)arrow|mathbf|mathrm|textbf|textit|emph|cdot")


def looks_like_name(s: str) -> bool:
    """A coined name: three or more characters with a capital after the first letter, a
    digit, or all caps (``MMLU``, ``GSM8K``, ``RoBERTa``); two only with a digit (``C4``)."""
    core = s.replace("-", "").replace(".", "")
    if len(core) < 2 or not core.isalnum() or LATEX_DEBRIS.search(s):
        return False
    has_digit = any(c.isdigit() for c in core)
    if len(core) == 2:
        return has_digit and core[0].isupper()
    return any(c.isupper() for c in core[1:]) or has_digit


def is_generic(name: str) -> bool:
    n = name.casefold()
    return n in not_models() or (n.endswith("s") and n[:-1] in not_models())


class ModelExtractor(Component):
    """Finds model names and writes them to ``doc.spans["paperfacts_models"]``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_models"):
        self.name = name
        self.patterns = patterns()

    def extend(self, text: str, end: int) -> int:
        """Run the suffix grammar from ``end``; the end of the longest name."""
        step = self.patterns["step"]
        for _ in range(6):
            m = step.match(text, end)
            if not m:
                break
            end = m.end()
        return end

    def match(self, doc: Doc) -> list[dict]:
        text = text_of(doc)
        found: list[dict] = []
        gazetteer = read_facts(doc, "gazetteer_model")
        starts = {c["start"]: c for c in gazetteer}
        for cand in gazetteer:
            start, end = cand["start"], self.extend(text, cand["end"])
            while text.startswith("-", end) and end + 1 in starts:  # FLAN-PaLM, Flan-T5
                end = self.extend(text, starts[end + 1]["end"])
            prefix = self.patterns["prefix"].search(text, 0, start) if text[start - 1 : start] == "-" else None
            found.append(_mention(text, prefix.start() if prefix else start, end, "model.gazetteer"))
        for m in self.patterns["compound"].finditer(text):
            if looks_like_name(m.group()):
                found.append(_mention(text, m.start(), self.extend(text, m.end()), "model.compound"))
        for m in self.patterns["appositive"].finditer(text):
            if looks_like_name(m["name"]) and not self.patterns["not_nouns"].search(m["desc"]):
                found.append(_mention(text, m.start("name"), m.end("name"), "model.cue"))
        for m in self.patterns["introduce"].finditer(text):
            tail = self.patterns["intro_tail"].match(m["rest"])
            coined = looks_like_name(m["name"]) or (m["name"][0].isupper() and m["name"].isalpha())
            if coined and tail and not self.patterns["not_nouns"].search(tail["desc"] or ""):
                found.append(_mention(text, m.start("name"), m.end("name"), "model.cue"))
        for m in self.patterns["list"].finditer(text):
            for item in self.patterns["item"].finditer(m["items"]):
                if looks_like_name(item.group()) and item.group() not in ("and", "or"):
                    start = m.start("items") + item.start()
                    found.append(_mention(text, start, self.extend(text, start + len(item.group())), "model.list"))
        title_len = doc.user_data.get("paperfacts_title_len")
        if title_len:
            m = self.patterns["title"].match(text[:title_len])
            desc = m["desc"] if m else ""
            # "X: Learning ... Models" describes a method; "X: A ... Language Model" a model
            if m and looks_like_name(m["name"].split()[0]) and not self.patterns["not_nouns"].search(desc) \
                    and not self.patterns["gerund"].match(desc) and not self.patterns["preposition"].search(desc):
                found.append(_mention(text, 0, m.end("name"), "model.title"))
        # Only gazetteer models may share a span with a benchmark or dataset name, and a
        # coined name followed by "framework", "method", ... is not a model.
        corpora = Mentions([c for kind in ("gazetteer_benchmark", "gazetteer_dataset") for c in read_facts(doc, kind)])
        found = [
            f for f in found
            if f["rule"] == "model.gazetteer"
            or not (corpora.covering(f["start"]) or self.patterns["method_after"].match(text, f["end"]))
        ]
        return _drop_long_forms(text, _resolve(found))

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        write_facts(doc, "model", mentions)


def _mention(text: str, start: int, end: int, rule: str) -> dict:
    while end > start and text[end - 1] in ".-_/":
        end -= 1
    name = text[start:end]
    if len(name) > 3 and name.endswith("s") and name[-2].isupper():
        name = name[:-1]  # plurals: GPTs -> GPT, BERTs -> BERT
    return {"start": start, "end": end, "text": text[start:end], "name": name, "rule": rule}


def _resolve(found: list[dict]) -> list[dict]:
    """Longest mention wins where mentions overlap; generic names are dropped."""
    kept: list[dict] = []
    for f in sorted(found, key=lambda f: (f["start"], -(f["end"] - f["start"]))):
        if kept and f["start"] < kept[-1]["end"]:
            continue
        if is_generic(f["name"]) or not f["name"]:
            continue
        kept.append(f)
    return kept


def _drop_long_forms(text: str, mentions: list[dict]) -> list[dict]:
    """``Long Form (SF)``: when both are models, keep the short form only."""
    starts = {m["start"]: m for m in mentions}
    drop = set()
    for m in mentions:
        rest = text[m["end"] : m["end"] + 3]
        for gap in (" (", "("):
            if rest.startswith(gap) and m["end"] + len(gap) in starts:
                short = starts[m["end"] + len(gap)]
                if len(short["name"]) < len(m["name"]):
                    drop.add(m["name"].casefold())
    return [m for m in mentions if m["name"].casefold() not in drop]


@Language.factory(
    "paperfacts_models",
    requires=attrs("gazetteer_model", "gazetteer_benchmark", "gazetteer_dataset"),
    assigns=attrs("model"),
)
def make_model_extractor(nlp: Language, name: str) -> ModelExtractor:
    require_paperfacts(nlp)
    return ModelExtractor(nlp, name=name)
