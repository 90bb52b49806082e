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

from functools import lru_cache

import orjson
import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import data_path
from ..normalize.numbers import parse_decimal
from . import read_facts, text_of, write_facts
from .sentences import sentence_of


@lru_cache(maxsize=1)
def cues() -> dict:
    return orjson.loads(data_path("score_cues.json").read_bytes())


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


NUM = r"\d{1,4}(?:\.\d{1,4})?"
PCT = r"(?:\s?\\?%|\s?percent\b|\s?per\s?cent\b)"


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    return {
        "percent": regex.compile(
            rf"(?:(?<![\w.\\])|(?<=sim))(?P<sign>[+\-\u2212])?(?P<num>{NUM})(?:(?P<pct>{PCT})"
            rf"|(?=\s*(?:-|\u2013|~|to|sim|\\sim|\$\\sim\$)\s*[+\-]?{NUM}{PCT}))"
        ),
        "points": regex.compile(
            rf"(?<![\w.\\])(?P<sign>[+\-\u2212])?(?P<num>{NUM})\s+(?:(?:absolute|percentage|percent|accuracy|[A-Z][\w@\-]*)\s+)?(?:points?|pts|pp)\b"
        ),
        "signed": regex.compile(rf"(?<=^|[\s(\[,;:])(?P<sign>[+\-\u2212])(?P<num>{NUM})(?![\w%.]|\s*(?:\\?%|points?|pts))"),
        "metric_value": regex.compile(
            rf"\b(?:{_alt(c['score_words'])})\s+(?:of\s+|by\s+|=\s*|:\s*|to\s+|at\s+)?(?P<num>\d{{1,3}}\.\d{{1,4}})(?![\w%.]|\s*(?:\\?%|points?))"
        ),
        "from_to": regex.compile(rf"\bfrom\s+{NUM}\s*(?:\\?%)?\s+to\s+$"),
        "from_start": regex.compile(rf"^\s*(?:\\?%)?\s+to\s+{NUM}"),
        "delta_before": regex.compile(rf"(?:\b|(?<=\+))(?:{_alt(c['delta_before'])})\b[^.;\d]{{0,25}}$", regex.IGNORECASE),
        "delta_after": regex.compile(rf"^\s*(?:\w+\s+)?(?:{_alt(c['delta_after'])})\b", regex.IGNORECASE),
        "not_before": regex.compile(rf"\b(?:{_alt(c['not_score_before'])})\s*(?:of\s+|by\s+|to\s+)?(?:\w+\s+)?$", regex.IGNORECASE),
        "not_after": regex.compile(rf"^\s*(?:\w+\s+)?(?:{_alt(c['not_score_after'])})\b", regex.IGNORECASE),
        "years": regex.compile(r"^(?:19|20)\d\d$"),
        "range": regex.compile(r"\s*(?:-|\u2013|~|to|sim|\\sim|\$\\sim\$)\s*"),
        "absolute_points": regex.compile(r"\b(?:achieves?|achieving|reach(?:es|ing)?|obtains?|scores?|scoring|of|at)\s+$", regex.IGNORECASE),
    }


class ScoreExtractor:
    """Finds scores; writes ``doc.spans["paperfacts_scores"]``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_scores"):
        self.name = name
        self.patterns = patterns()

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def _candidates(self, text: str) -> list[dict]:
        p = self.patterns
        cands: dict[int, dict] = {}

        def add(m, unit, rule, end=None):
            start = m.start()
            if start in cands or any(c["start"] < start < c["end"] for c in cands.values()):
                return
            value = parse_decimal((m["sign"] or "") + m["num"] if "sign" in m.groupdict() else m["num"])
            if value is None:
                return
            cands[start] = {"start": start, "end": end or m.end(), "value": value, "unit": unit, "rule": rule,
                            "signed": bool(m.groupdict().get("sign"))}

        for m in p["points"].finditer(text):
            add(m, "points", "score.points")
        for m in p["percent"].finditer(text):
            add(m, "%", "score.percent")
        for m in p["signed"].finditer(text):
            add(m, None, "score.signed")
        for m in p["metric_value"].finditer(text):
            start = m.start("num")
            if start not in cands:
                cands[start] = {"start": start, "end": m.end("num"), "value": float(m["num"]), "unit": None,
                                "rule": "score.metric_value", "signed": False}
        return [cands[k] for k in sorted(cands)]

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        metrics = read_facts(doc, "gazetteer_metric")
        benchmarks = read_facts(doc, "benchmark") + read_facts(doc, "dataset")
        models = read_facts(doc, "model")
        counts = read_facts(doc, "parameter_count") + read_facts(doc, "token_count")
        out = []
        for c in self._candidates(text):
            s, e = sentence_of(doc, c["start"])
            before, after = text[max(s, c["start"] - 60) : c["start"]], text[c["end"] : min(e, c["end"] + 40)]
            if any(q["start"] <= c["start"] < q["end"] for q in counts):
                continue
            if p["years"].match(text[c["start"] : c["end"]]) or p["not_before"].search(before) or p["not_after"].search(after):
                continue
            if p["from_to"].search(before) or (p["from_start"].match(after) and before.rstrip().endswith("from")):
                kind = "absolute"
            elif c["signed"] or p["delta_before"].search(before) or p["delta_after"].search(after):
                kind = "delta"
            elif c["unit"] == "points" and not p["absolute_points"].search(before):
                kind = "delta"  # "47 F1 points", "36.5 points higher": points are differences
            else:
                kind = "absolute"
            value = abs(c["value"]) if kind == "delta" and c["value"] < 0 and c["unit"] else c["value"]
            out.append({
                "start": c["start"], "end": c["end"], "text": text[c["start"] : c["end"]], "value": value,
                "unit": c["unit"], "kind": kind, "rule": c["rule"],
                "metric": _nearest(metrics, c, s, e), "benchmark": _nearest(benchmarks, c, s, e, prefer_after=True),
                "model": _nearest(models, c, s, e),
            })
        return self._share_range_kinds(text, out)

    def _share_range_kinds(self, text: str, items: list[dict]) -> list[dict]:
        """``3%sim20% gains``: the members of a range are both deltas if either is."""
        for a, b in zip(items, items[1:]):
            if self.patterns["range"].fullmatch(text, a["end"], b["start"]) and "delta" in (a["kind"], b["kind"]):
                if not self.patterns["from_to"].search(text[max(0, a["start"] - 60) : b["start"]]):
                    a["kind"] = b["kind"] = "delta"
        return items

    def set_annotations(self, doc: Doc, items: list[dict]) -> None:
        write_facts(doc, "score", items)


def _nearest(mentions: list[dict], c: dict, s: int, e: int, prefer_after: bool = False) -> str | None:
    """The name of the mention in the sentence [s, e) nearest to the candidate."""
    best, best_d = None, None
    for m in mentions:
        if m["start"] < s or m["end"] > e:
            continue
        d = c["start"] - m["end"] if m["end"] <= c["start"] else m["start"] - c["end"]
        if d < 0:
            continue
        if prefer_after and m["start"] >= c["end"]:
            d = d * 0.5
        if best_d is None or d < best_d:
            best, best_d = m.get("text") or m["name"], d
    return best


@Language.factory("paperfacts_scores")
def make_score_extractor(nlp: Language, name: str) -> ScoreExtractor:
    return ScoreExtractor(nlp, name=name)
