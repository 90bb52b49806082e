"""Scores: numbers that report how well a model performs, and gains or drops in them.

Candidates (stable rule ids):

* ``score.percent``: ``58.1%``, ``58.1\\%``, ``5 percent``, ranges ``3%sim20%``;
* ``score.points``: ``+113 points``, ``47 F1 points``, ``5 percentage points``;
* ``score.signed``: ``+8.81``, ``-0.12``;
* ``score.metric_value``: a plain number right after a metric or score word
  (``an average score of 91.3``, ``FID of 6.54``).

A candidate near an efficiency, data-fraction or hyper-parameter word
(``data/score_cues.json``) is not a score. ``from 35.6% to 46.7%`` gives two
absolute items; otherwise delta cues before or after the number make it a
``delta``. The metric, benchmark and model are the nearest ones in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json
from ..normalize.numbers import parse_decimal
from ..trie import Gated, alternation, fast_compile
from . import Component, Mentions, attrs, read_facts, require_paperfacts, text_of, write_facts
from .sentences import sentence_of


def cues() -> dict:
    return read_json("score_cues.json")


NUM = r"\d{1,4}(?:\.\d{1,4})?"
PCT = r"(?:\s?\\?%|\s?percent\b|\s?per\s?cent\b)"
#: What joins the two ends of a range: ``3-5%``, ``3%~5%``, ``3% to 5%``, ``3%sim5%``, ``3%$\sim$5%``.
RANGE = r"(?:-|\u2013|~|to|sim|\\sim|\$\\sim\$)"


#: ``3.6 point gain in``: nouns of a change that make the number before them a delta.
DELTA_NOUNS = ("decrease", "increase", "improvement", "gain", "drop", "reduction", "boost")


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    # Gated: skipped on a text without a word every match needs (most texts);
    # engine="regex" where that engine is faster on the pattern (trie.fast_compile)
    return {
        "percent": Gated(fast_compile(
            rf"(?:(?<![\w.\\])|(?<=sim))(?P<sign>[+\-\u2212])?(?P<num>{NUM})(?:(?P<pct>{PCT})"
            rf"|(?=\s*{RANGE}\s*[+\-]?{NUM}{PCT}))", engine="regex"
        ), ["%", "cent"], window=(80, 30)),
        "points": Gated(fast_compile(
            rf"(?<![\w.\\])(?P<sign>[+\-\u2212])?(?P<num>{NUM})\s+(?:(?:absolute|percentage|percent|accuracy|[A-Z][\w@\-]*)\s+)?(?:points?|pts|pp)\b",
            engine="regex",
        ), ["point", "pts", "pp"], window=(80, 30)),
        # the sign first (after it, a look-behind checks what precedes it): the engine skips ahead to a sign
        "signed": fast_compile(rf"(?P<sign>[+\-\u2212])(?<![^\s(\[,;:~][+\-\u2212])(?P<num>{NUM})(?![\w%]|\.\d|\s*(?:\\?%|points?|pts|x\b|times))"),
        "metric_value": Gated(fast_compile(
            rf"\b(?:{alternation(c['score_words'])})\s+(?:of\s+|by\s+|=\s*|:\s*|to\s+|at\s+)?(?P<num>\d{{1,3}}\.\d{{1,4}})(?![\w%]|\.\d|\s*(?:\\?%|points?))"
        ), c["score_words"], starts=True),
        "delta_in": Gated(fast_compile(
            rf"(?<![\w.\\])(?P<num>\d{{1,3}}\.\d{{1,4}})(?=(?:\s+(?:and|or|,)\s+\d{{1,3}}\.\d{{1,4}})?\s+(?:point\s+)?"
            rf"(?:{'|'.join(DELTA_NOUNS)})s?\s+in\b)", engine="regex"
        ), DELTA_NOUNS, window=(100, 30)),
        "from_to": fast_compile(rf"\bfrom\s+{NUM}\s*(?:\\?%)?\s+to\s+$"),
        "from_start": fast_compile(rf"^\s*(?:\\?%)?\s+to\s+{NUM}"),
        "delta_before": fast_compile(rf"(?:\b|(?<=\+))(?:{alternation(c['delta_before'])})\b[^.;\d]{{0,25}}$", re.IGNORECASE),
        "delta_after": fast_compile(rf"^\s*(?:\w+\s+)?(?:{alternation(c['delta_after'])})\b", re.IGNORECASE),
        "not_before": fast_compile(rf"\b(?:{alternation(c['not_score_before'])})\s*(?:of\s+|by\s+|to\s+)?(?:\w+\s+)?$", re.IGNORECASE),
        "not_after": fast_compile(rf"^\s*(?:\w+\s+)?(?:{alternation(c['not_score_after'])})\b", re.IGNORECASE),
        "efficiency_before": fast_compile(rf"\b(?:{alternation(c['efficiency_words'])})\b(?:\s+[\w\-/]+){{0,4}}\s*$", re.IGNORECASE),
        "efficiency_after": fast_compile(
            rf"^\s*(?:(?:[\w\-]+\s+){{0,3}}?(?:{alternation(c['efficiency_words'])})"
            rf"|(?:of|in)\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{alternation(c['efficiency_words'] + c['fraction_nouns'])}))\b",
            re.IGNORECASE,
        ),
        "versus": fast_compile(r"^\s*(?:vs\.?|versus)\s|(?:\bvs\.?|\bversus)\s*$"),
        "absolute_before": fast_compile(rf"(?:\b|(?<=[=:]))(?:{alternation(c['absolute_before'])})\s+(?:an?\s+|the\s+)?(?:[\w@\-]+\s+){{0,2}}$", re.IGNORECASE),
        "list": fast_compile(r"\s*(?:,|and|or|,\s*and|,\s*or|/)\s*"),
        "on_bench": fast_compile(r"\s*\)?\s*(?:[\w@\-]+\s+){0,3}?(?:on|in|for|at)\s+(?:the\s+)?"),
        "years": fast_compile(r"^(?:19|20)\d\d$"),
        "range": fast_compile(rf"[\s~]*{RANGE}[\s~]*"),
        "range_tail": fast_compile(rf"[\s~]*{RANGE}[\s~]*[+\-]?{NUM}{PCT}?"),
    }


class ScoreExtractor(Component):
    """Finds scores; writes ``doc.spans["paperfacts_scores"]``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_scores"):
        self.name = name
        self.patterns = patterns()

    def _candidates(self, text: str) -> list[dict]:
        """Every candidate number, the earlier rule winning where two overlap."""
        p = self.patterns
        found: list[tuple[int, int, dict]] = []
        for priority, (rule, unit, pattern) in enumerate(
            (("score.points", "points", p["points"]), ("score.percent", "%", p["percent"]), ("score.signed", None, p["signed"]))
        ):
            for m in pattern.finditer(text):
                value = parse_decimal((m["sign"] or "") + m["num"])
                if value is not None:
                    found.append((m.start(), priority, {"start": m.start(), "end": m.end(), "value": value, "unit": unit,
                                                        "rule": rule, "signed": bool(m["sign"])}))
        for priority, (rule, pattern) in enumerate((("score.metric_value", p["metric_value"]), ("score.delta_in", p["delta_in"])), 3):
            for m in pattern.finditer(text):
                found.append((m.start("num"), priority, {"start": m.start("num"), "end": m.end("num"), "value": float(m["num"]),
                                                         "unit": None, "rule": rule, "signed": False}))
        kept: list[dict] = []
        for start, _, cand in sorted(found, key=lambda t: (t[0], t[1])):
            if kept and start < kept[-1]["end"]:
                continue
            kept.append(cand)
        return kept

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        metrics = Mentions(read_facts(doc, "gazetteer_metric"))
        benchmarks = Mentions(read_facts(doc, "benchmark") + read_facts(doc, "dataset"))
        models = Mentions(read_facts(doc, "model"))
        counts = Mentions(read_facts(doc, "parameter_count") + read_facts(doc, "token_count"))
        out = []
        previous: dict | None = None
        for c in self._candidates(text):
            s, e = sentence_of(doc, c["start"])
            # the first member of a range is judged by what follows the whole range
            tail = p["range_tail"].match(text, c["end"])
            after_start = tail.end() if tail else c["end"]
            before, after = text[max(s, c["start"] - 60) : c["start"]], text[after_start : min(e, after_start + 40)]
            if counts.covering(c["start"]):
                continue
            if self._not_a_score(text[c["start"] : c["end"]], before, after):
                continue
            kind, explicit = self._kind(c, before, after)
            if not explicit and previous is not None and previous["sentence"] == s:
                kind = previous["kind"]  # "a 7% improvement on A and 8% on B": 8% is a gain too
            value = abs(c["value"]) if kind == "delta" and c["value"] < 0 and c["unit"] else c["value"]
            item = {
                "start": c["start"], "end": c["end"], "text": text[c["start"] : c["end"]], "value": value,
                "unit": c["unit"], "kind": kind, "rule": c["rule"], "sentence": s,
                "metric": _nearest(metrics, c, s, e),
                "benchmark": self._measured_on(text, benchmarks, c, e) or _nearest(benchmarks, c, s, e, prefer_after=True),
                "model": _nearest(models, c, s, e),
            }
            out.append(item)
            previous = item
        out = self._share_list_kinds(text, out)
        _respectively(text, out, benchmarks.facts)
        for item in out:
            del item["sentence"]
        return self._share_range_kinds(text, out)

    def _measured_on(self, text: str, benchmarks: Mentions, c: dict, e: int) -> str | None:
        """``52.6% IEX on SParC``: a benchmark that the words right after the number name."""
        for b in benchmarks.starting_in(c["end"], min(e, c["end"] + 60)):
            if self.patterns["on_bench"].fullmatch(text, c["end"], b["start"]):
                return b["name"]
        return None

    def _not_a_score(self, number: str, before: str, after: str) -> bool:
        p = self.patterns
        return bool(
            p["years"].match(number) or p["not_before"].search(before) or p["not_after"].search(after)
            or p["efficiency_before"].search(before) or p["efficiency_after"].search(after)
        )

    def _kind(self, c: dict, before: str, after: str) -> tuple[str, bool]:
        """(kind, whether the text says so) for one candidate."""
        p = self.patterns
        if p["from_to"].search(before) or (p["from_start"].match(after) and before.rstrip().endswith("from")):
            return "absolute", True
        if c["signed"] or p["delta_before"].search(before) or p["delta_after"].search(after):
            return "delta", True
        if p["absolute_before"].search(before) or p["versus"].search(after) or p["versus"].search(before):
            return "absolute", True  # "achieves 58.1%", "(90.6% vs. 89.8%)"
        if c["unit"] == "points":
            return "delta", True  # "47 F1 points", "36.5 points higher": points are differences
        return "absolute", False

    def _share_list_kinds(self, text: str, items: list[dict]) -> list[dict]:
        """``by 49.76%, 50.05% and 44.69%``, ``4.8% and 21.5% absolute improvements``:
        the members of a list are all deltas if one is."""
        runs: list[list[dict]] = []
        for item in items:
            if runs and self.patterns["list"].fullmatch(text, runs[-1][-1]["end"], item["start"]):
                runs[-1].append(item)
            else:
                runs.append([item])
        for run in runs:
            if any(i["kind"] == "delta" for i in run):
                for i in run:
                    i["kind"] = "delta"
        return self._share_range_kinds(text, items)

    def _share_range_kinds(self, text: str, items: list[dict]) -> list[dict]:
        """``3%sim20% gains``: the members of a range are both deltas if either is."""
        for a, b in zip(items, items[1:]):
            if self.patterns["range"].fullmatch(text, a["end"], b["start"]) and "delta" in (a["kind"], b["kind"]):
                if not self.patterns["from_to"].search(text[max(0, a["start"] - 60) : b["start"]]):
                    a["kind"] = b["kind"] = "delta"
        return items

    def set_annotations(self, doc: Doc, items: list[dict]) -> None:
        write_facts(doc, "score", items)


_RESPECTIVELY = regex.compile(r"\brespectively\b")


def _respectively(text: str, items: list[dict], benchmarks: list[dict]) -> None:
    """``... 49.76%, 50.05% ... on A and B, respectively``: the i-th number goes with the i-th name."""
    by_sentence: dict[int, list[dict]] = {}
    for item in items:
        by_sentence.setdefault(item["sentence"], []).append(item)
    for start, group in by_sentence.items():
        end = text.find(".", group[-1]["end"])
        sentence = text[start : len(text) if end < 0 else end]
        if len(group) < 2 or not _RESPECTIVELY.search(sentence):
            continue
        names = [b for b in benchmarks if start <= b["start"] < start + len(sentence)]
        names = [b for b in names if b["start"] > group[0]["start"]] or names
        if len(names) == len(group):
            for item, bench in zip(group, sorted(names, key=lambda b: b["start"])):
                item["benchmark"] = bench["name"]


def _nearest(mentions: Mentions, c: dict, s: int, e: int, prefer_after: bool = False) -> str | None:
    """The name of the mention in the sentence [s, e) nearest to the candidate (within 300 characters)."""
    best, best_d = None, None
    for m in mentions.starting_in(max(s, c["start"] - 300), min(e, c["end"] + 300)):
        if m["start"] < s or m["end"] > e:
            continue
        d = c["start"] - m["end"] if m["end"] <= c["start"] else m["start"] - c["end"]
        if d < 0:
            continue
        if prefer_after and m["start"] >= c["end"]:
            d = d * 0.5
        if best_d is None or d < best_d:
            best, best_d = m["name"], d
    return best


@Language.factory(
    "paperfacts_scores",
    requires=attrs("gazetteer_metric", "benchmark", "dataset", "model", "parameter_count", "token_count"),
    assigns=attrs("score"),
)
def make_score_extractor(nlp: Language, name: str) -> ScoreExtractor:
    require_paperfacts(nlp)
    return ScoreExtractor(nlp, name=name)
