"""Parameter counts and training-token counts.

A count is a number with a magnitude (``7B``, ``1,200 billion``, ``one billion``);
the size fused into a name (``GLM-130B``) is not one. Consecutive counts joined by
``and``/``or``/``to``/``~``/commas form a list that shares the unit after its last
member (``7B and 72B parameters``, ``from 125M to 1.3B parameters``).

Rules (stable ids):

* ``parameter_count.unit`` / ``token_count.unit``: the list is followed, within two
  words, by ``parameters``/``params`` or ``tokens``; a token amount that is a
  context length (``8K tokens context``) is neither.
* ``parameter_count.model_noun``: a bare size before a model noun
  (``a 1.6B language model``, ``the 70B variant``).
* ``parameter_count.model_name``: a bare size beside a model name
  (``LLaMA 7B``, ``175B GPT-3``).
* ``parameter_count.size_cue``: a bare size after a size word
  (``a parameter count of only 7B or 13B``).

Each parameter count is linked to its model when the text puts them together.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json
from ..normalize.numbers import NUMBER_WORDS, parse_count
from ..trie import Gated, alternation, fast_compile
from . import Component, Mentions, read_facts, text_of, write_facts
from .sentences import sentence_of


def cues() -> dict:
    return read_json("quantity_cues.json")


_DIGIT_MAGNITUDE = re.compile(r"\d[KkMmBbTt]")
_MAGNITUDE_WORD = re.compile(r"(?i:thousand|million|billion|trillion)")


def may_have_count(text: str) -> bool:
    """What every count contains: a digit before a magnitude letter (``7B``) or a
    magnitude word (``billion``). Two fast searches instead of one slow one; the
    full case-insensitive search only for non-ASCII text, whose case folding
    ``str.lower`` may not mirror."""
    if _DIGIT_MAGNITUDE.search(text):
        return True
    lowered = text.lower()
    if "illion" in lowered or "thousand" in lowered:
        return True
    return not text.isascii() and _MAGNITUDE_WORD.search(text) is not None


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    words = alternation(w for w in NUMBER_WORDS if " " not in w and w != "a")
    mag_words = r"(?i:thousand|million|billion|trillion)"
    # a number word takes a magnitude word only ("ten billion"; "tent" is no count)
    num = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{words})(?=[\s\-]{mag_words}))"
    mag = rf"(?:(?P<letter>[KkMmBbTt])|[\s\-](?P<word>{mag_words}))"
    filler = rf"(?:(?!(?:{alternation(c['skip_words'])})\b)[A-Za-z][\w\-]*\s+){{0,2}}?"
    return {
        "count": Gated(fast_compile(rf"(?<![\w.\-/\\^_$])(?P<num>{num}){mag}(?![A-Za-z0-9]|\.\d)"), gate=may_have_count),
        "joiner": fast_compile(r"\s*(?:,\s*(?:and|or)?|and|or|to|~|-|\u2013|/|&|\\sim|sim)\s*(?:up\s+to\s+)?", re.IGNORECASE),
        "param_unit": fast_compile(rf"[\s\-]*{filler}(?:parameters?|params?)\b", re.IGNORECASE),
        "token_unit": fast_compile(rf"[\s\-]*{filler}tokens?\b", re.IGNORECASE),
        "model_noun": fast_compile(rf"[\s\-]*(?:[A-Za-z][\w\-]*\s+){{0,3}}?(?:{alternation(c['model_nouns'])})\b"),
        "size_cue": fast_compile(rf"\b(?:{alternation(c['size_cues'])})\b[^.;:\d]{{0,30}}$", re.IGNORECASE),
        "context": fast_compile(rf"\b(?:{alternation(c['context_words'])})\b", re.IGNORECASE),
    }


class QuantityExtractor(Component):
    """Finds parameter and token counts; writes their span groups."""

    def __init__(self, nlp: Language, name: str = "paperfacts_quantities"):
        self.name = name
        self.patterns = patterns()

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        models = Mentions(read_facts(doc, "model"))
        out: list[dict] = []
        for group in self._groups(text):
            last = group[-1]
            tail = text[last.end() : last.end() + 60]
            unit = p["param_unit"].match(tail)
            token = p["token_unit"].match(tail)
            if token and not (unit and unit.end() < token.end()):
                if self._is_context_length(doc, group[0].start(), last.end() + token.end()):
                    continue
                out.extend(self._items(text, group, "token_count", "token_count.unit", token.end(), models=None))
            elif unit:
                out.extend(self._items(text, group, "parameter_count", "parameter_count.unit", unit.end(), models))
            else:
                rule = self._bare_rule(doc, group, models)
                if rule:
                    out.extend(self._items(text, group, "parameter_count", rule, 0, models))
        return out

    def _groups(self, text: str) -> list[list[regex.Match]]:
        groups: list[list[regex.Match]] = []
        for m in self.patterns["count"].finditer(text):
            if parse_count(m.group()) is None:
                continue
            if groups:
                prev = groups[-1][-1]
                if self.patterns["joiner"].fullmatch(text, prev.end(), m.start()):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        return groups

    def _is_context_length(self, doc: Doc, start: int, end: int) -> bool:
        s, _ = sentence_of(doc, start)
        before = text_of(doc)[max(s, start - 40) : start]
        after = text_of(doc)[end : end + 25]
        return bool(self.patterns["context"].search(before) or self.patterns["context"].match(after.lstrip(" -")))

    def _bare_rule(self, doc: Doc, group: list[regex.Match], models: Mentions) -> str | None:
        text, p = text_of(doc), self.patterns
        first, last = group[0], group[-1]
        if not all(m["letter"] and m["letter"] in "BbMm" for m in group):
            return None
        if p["model_noun"].match(text, last.end()):
            return "parameter_count.model_noun"
        if _model_at(models, first.start(), last.end(), text, loose=False) is not None:
            return "parameter_count.model_name"
        s, _ = sentence_of(doc, first.start())
        before = text[max(s, first.start() - 45) : first.start()].replace("e.g.", "eg").replace("i.e.", "ie")
        if p["size_cue"].search(before):
            return "parameter_count.size_cue"
        return None

    def _items(self, text, group, kind, rule, unit_len, models) -> list[dict]:
        items = []
        for i, m in enumerate(group):
            end = m.end() + (unit_len if i == len(group) - 1 else 0)
            model = _model_at(models, m.start(), end, text) if models is not None else None
            items.append({"start": m.start(), "end": end, "text": text[m.start() : end], "value": parse_count(m.group()),
                          "model": model, "kind": kind, "rule": rule})
        return items

    def set_annotations(self, doc: Doc, items: list[dict]) -> None:
        for kind in ("parameter_count", "token_count"):
            write_facts(doc, kind, [i for i in items if i["kind"] == kind])


def _model_at(index: Mentions, start: int, end: int, text: str, *, loose: bool = True) -> str | None:
    """The model a count at [start, end) belongs to when the text puts them side by side.

    Inside a name (``LLaMA 7B``); right after one (``UL2 20B``, ``Pythia (1.3B)``);
    right before one (``175B GPT-3``, ``175B parameters for GPT-3``); an appositive
    (``CT-LLM, a 2B large language model``); and, with ``loose``, a model that has
    the size (``the GPT-3 model with 175 billion parameters``).
    """
    models = index.starting_in(start - 100, end + 20)
    for m in models:
        if m["start"] <= start and end <= m["end"]:
            return m["name"]
    for m in models:
        if m["end"] <= start and regex.fullmatch(r"[\s(]{1,2}", text[m["end"] : start]):
            return m["name"]
        if end <= m["start"] and regex.fullmatch(r"\s+(?:(?:for|of)\s+)?", text[end : m["start"]]):
            return m["name"]
        if m["end"] <= start and regex.fullmatch(r",\s+(?:a|an|the)\s+", text[m["end"] : start]):
            return m["name"]
    # "the GPT-3 model with 175 billion parameters", "PanGu-alpha, with up to 200 billion parameters"
    before = [m for m in models if m["end"] <= start and start - m["end"] <= 60]
    if loose and before:
        m = before[-1]
        if _HAS_SIZE.fullmatch(text, m["end"], start):
            return m["name"]
    return None


_HAS_SIZE = regex.compile(
    r"(?:\s+(?:model|LLM|LM|family|series|variant|version))?\s*,?\s*"
    r"(?:(?:which|that)\s+)?(?:has|have|had|with|contains?|comprises?|of|at|is|uses|using)\s+"
    r"(?:(?:only|just|about|around|roughly|approximately|nearly|over|more\s+than|up\s+to|a\s+total\s+of)\s+)*"
)


@Language.factory("paperfacts_quantities")
def make_quantity_extractor(nlp: Language, name: str) -> QuantityExtractor:
    return QuantityExtractor(nlp, name=name)
