"""Scores: numbers that report how well a model performs, and gains or drops in them.

Candidates (stable rule ids):

* ``score.percent``: ``58.1%``, ``58.1\\%``, ``5 percent``, ranges ``3%sim20%``;
* ``score.points``: ``+113 points``, ``47 F1 points``, ``5 percentage points``,
  ``2.4pp``, ``2.4 p.p.``, ``2.4%pt``, ``$+2.4$pp``, ``a 2.1-point gain``;
  plain numbers listed right before either share its rule and unit (``4.4, 5.1 and
  6.0%``, ``by +4.4 and +6.0 points``), not a thousands' comma (``650,000 points``);
  and so do the plain numbers an ``on`` list goes on with (``9.1 points on A, 7.6 on B``;
  a percentage's list writes its own signs, so there they have no unit);
* ``score.signed``: ``+8.81``, ``-0.12``;
* ``score.plus_minus``: ``98.91 +/- 0.13%``, ``$11.63\\pm5.34$%``: the mean is the
  score, the spread is not;
* ``score.metric_value``: a plain number right after a metric or score word
  (``an average score of 91.3``, ``FID of 6.54``);
* ``score.value_metric``: a plain number right before a metric name
  (``84.6 F1 on SQuAD``, ``47.9 box AP``);
* ``score.rating_mean``: a rating mean ``(M = 3.90, SD = 0.80)`` (the SD is not a score);
* ``score.paren``: a number alone in brackets right after a model or benchmark
  name, where the sentence speaks of results (``ModelA (2.91) and ModelB (3.07)``,
  ``OmniDocBench (93.12)``), or after a name in a ``vs.`` comparison
  (``FID: A 1.38 vs. B 1.42``).

A candidate near an efficiency, data-fraction, agreement or hyper-parameter word
(``data/score_cues.json``) is not a score, nor are the members of a list it heads
(``77.1% and 73.1% less memory``). ``from 35.6% to 46.7%`` gives two absolute
items, ``reduces the error to 7.1%`` an absolute one; otherwise delta cues
before or after the number make it a ``delta``.

What a score is measured on and whose it is come from the sentence's structure,
read clause by clause (a clause ends at ``;``, ``, and``, ``while``, ...):

* ``score.list_respectively``: numbers and names aligned item by item, with
  ``respectively`` or as two lists of one length (``reaches 31.2, 28.7 and 40.5 BLEU
  on A, B and C``);
* otherwise the benchmark the words right after the number name (``75.5% EX on
  Spider``), the one a clause opens with (``On ImageNet, ...``), or the nearest in
  the clause; a metric name (``BERTScore``) is never a benchmark;
* the model is the one the number follows in brackets or in a comparison, else the
  clause's subject: the nearest model before the number that is not the object of a
  comparison (``A reaches 74.5% on X, +3.2 points over B`` is A's twice).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json
from ..normalize.numbers import MAGNITUDE_WORDS, parse_decimal
from ..trie import Gated, alternation, fast_compile, has_digit, word_start
from . import Component, Mentions, attrs, name_key, occurrences, read_facts, require_paperfacts, text_of, write_facts
from .sentences import sentence_of


def cues() -> dict:
    return read_json("score_cues.json")


NUM = r"\d{1,4}(?:\.\d{1,4}|\.(?=\\?%))?"
#: A sign, not a range's dash: not right after a number, a percent sign or another dash ("53.3%-60.6%", "65--68\%").
SIGN = r"(?<![\d%\-\u2013}]|\d\s|%\s|\d\$|%\$)(?P<sign>[+\-\u2212])"
PCT = r"(?:(?:\s|\\,)?\\?%|\s?percent\b|\s?per\s?cent\b)"  # "58.1%", "58.1\%", LaTeX's thin space "97.79\,\%"
#: A "sentence" with more numbers than this is a table or a dump pasted into the
#: text, not a statement of results: none of its numbers is read as a score (each
#: would be weighed against every name and number around it, so such a text cost
#: time far beyond its length). Real abstracts stay far below it.
MAX_NUMBERS_PER_SENTENCE = 60
#: What joins the two ends of a range: ``3-5%``, ``3%~5%``, ``3% to 5%``, ``3%sim5%``, ``3%$\sim$5%``.
RANGE = r"(?:--?|\u2013|~|to|sim|\\sim|\$\\sim\$|\\textendash\b)"
#: Percentage points: ``points``, ``pts``, ``pp``, ``p.p.``, ``%pt``, ``%-points``.
POINTS = r"(?:points?|pts?\b\.?|pp\b|p\.\s?p\.|\\?%\s?-?\s?(?:pts?\b|points?))"
#: What follows the number of a score in points: ``points``, ``-point``, ``percentage points``, ``mAP points``.
POINTS_TAIL = rf"(?:(?:\s*-\s*|\s+)(?:(?:absolute|percentage|percent|accuracy|[A-Z][\w@\-]*)[\s\-]+)?)?{POINTS}(?![A-Za-z/])"
#: A plus-minus sign: ``+/-``, ``±``, ``\pm``, ``$\pm$``.
PM = r"(?:\+/-|\+-|\u00b1|\$?\\pm\$?)"
#: After a plain value (a metric's, in a list or range): no unit, ratio or spread that makes it something else.
NO_UNIT_AFTER = rf"(?![\w%]|\.\d|\s*(?:\\?%|points?|x\b|times|\u00d7|{PM}))"


#: ``3.6 point gain in``: nouns of a change that make the number before them a delta.
DELTA_NOUNS = ("decrease", "increase", "improvement", "gain", "drop", "reduction", "boost")


#: What separates the members of a list (``A, B and C``, ``A/B``).
LIST_SEPARATOR = r"\s*(?:,|and|or|,\s*and|,\s*or|/|;)\s*"
#: The noun a set's name may carry in a list (``the A benchmark and B``, ``the A dataset and the B dataset``).
SET_NOUN = r"(?:benchmark|dataset|corpus|suite)"
#: The count of a share in brackets before its ``of`` (``83% (5/6) of organs``).
COUNT_ASIDE = r"(?:\(\s*\d+\s*/\s*\d+\s*\)\s*)?"


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    hedge = rf"(?:(?:{alternation(c['hedges'])})\s*)*"
    metric_words = [w for w in c["score_words"] if w != "of"] + ["success rate", "correctness", "quality", "performance"]
    # Gated: skipped on a text without a word every match needs (most texts);
    # engine="regex" where that engine is faster on the pattern (trie.fast_compile)
    return {
        "percent": Gated(fast_compile(
            # not the version number of a hyphenated name: "Claude-Sonnet-4.6 to 31.4%"
            rf"(?:(?<![\w.\\])(?<![A-Za-z]-)(?<!\d,)|(?<=sim))(?:{SIGN})?(?P<num>{NUM})(?:(?P<pct>{PCT})"
            rf"|(?=\s*{RANGE}\s*[+\-]?{NUM}{PCT}))", engine="regex"
        ), ["%", "cent"], window=(80, 30)),
        "points": Gated(fast_compile(
            # the first number of a range is one too: "by 4 to 15 points", "7-13 pp"
            rf"(?:(?<![\w.\\])(?<!\d,)|(?<=sim))\$?(?:{SIGN})?(?P<num>{NUM})\$?(?:{POINTS_TAIL}"
            rf"|(?=\s*{RANGE}\s*\$?[+\-]?{NUM}\$?{POINTS_TAIL}))",
            engine="regex",
        ), ["point", "pts", "%pt", "% pt", "pp", "p.p"], window=(80, 30)),
        "plus_minus": Gated(fast_compile(
            rf"(?<![\w.\\])(?<!\d,)\$?(?P<num>{NUM})\s*(?P<pct1>\\?%)?\s*{PM}\s*\$?\s*{NUM}\s*\$?\s*(?P<pct>\\?%)?", engine="regex"
        ), ["+/-", "+-", "\u00b1", "\\pm"], window=(40, 40)),
        # the sign first (after it, a look-behind checks what precedes it): the engine skips ahead to a sign
        "signed": fast_compile(rf"(?P<sign>[+\-\u2212])(?<![^\s(\[,;:~/][+\-\u2212])(?P<num>{NUM})(?![\w%]|\.\d|\s*(?:\\?%|points?|pts|pp\b|x\b|times|{PM}))"),
        "metric_value": Gated(fast_compile(
            rf"\b(?:{alternation(c['score_words'])})\s+(?:of\s+|by\s+|=\s*|:\s*|to\s+|at\s+)?(?P<num>\d{{1,3}}\.\d{{1,4}})(?![\w%]|\.\d|\s*(?:\\?%|points?|{PM}))"
        ), c["score_words"], starts=True, where=word_start),
        "delta_in": Gated(fast_compile(
            rf"(?<![\w.\\])(?P<num>\d{{1,3}}\.\d{{1,4}})(?=(?:\s+(?:and|or|,)\s+\d{{1,3}}\.\d{{1,4}})?\s+(?:point\s+)?"
            rf"(?:{'|'.join(DELTA_NOUNS)})s?\s+in\b)", engine="regex"
        ), DELTA_NOUNS, window=(100, 30)),
        "out_of": Gated(fast_compile(
            rf"(?<![\w.\\/])(?P<num>\d{{1,2}}(?:\.\d{{1,2}})?)\s*/\s*(?:5|10|100)(?![\w./])(?=\s*(?:[\w\-]+\s+){{0,2}}?(?:{alternation(metric_words + ['rating'])})\b)",
            engine="regex"), ["/5", "/10", "/ 5", "/ 10"], window=(10, 60)),
        "rating_mean": Gated(fast_compile(
            rf"\bM\s*=\s*(?P<num>\d{{1,3}}(?:\.\d{{1,4}})?)(?=\s*[,;]\s*SD\s*=)"
        ), ["sd"], window=(40, 30)),
        # a plain number (not a count, year or size) before a metric name: checked against the metric mentions
        "plain_number": fast_compile(rf"(?<![\w.\\$/\-@])(?P<num>\d{{1,3}}\.\d{{1,4}}|\d{{1,3}})(?![\w%.]|\.\d|/\d)"),
        # the next number of an "on" list: ", 7.6 on GPQA", " and 0.9289 on DFD"
        "on_next": fast_compile(
            rf"\s+on\s+(?:the\s+)?(?:[^,;.()]|\.(?!\s)){{1,40}}?(?:,\s*(?:and\s+)?|\s+and\s+)"
            rf"(?P<num>\d{{1,3}}(?:\.\d{{1,4}})?){NO_UNIT_AFTER}(?=\s+on\s)"),
        "list_after": fast_compile(rf"\s*(?:,\s*and|,|and)\s+(?P<num>\d{{1,3}}\.\d{{1,4}}){NO_UNIT_AFTER}"),
        # the second end of a range the metric heads: "AUC 0.73-0.93", "F1 of 0.86 to 0.92"
        "range_after": fast_compile(
            rf"(?:[ \t]*(?:-{{1,2}}|\u2013|\u2014)[ \t]*|\s+to\s+)(?P<num>\d{{1,3}}\.\d{{1,4}}){NO_UNIT_AFTER}(?!\s*\$\\times)"),
        "list_before": fast_compile(r"(?<![\w.\\$/\-])(?P<num>\d{1,3}\.\d{1,4}|\d{1,3})\s*(?:,|and|,\s*and|/)\s*$"),
        # a signed or plain number listed before a number with a unit, which shares it: "+4.4 and +6.0 points", "4.4, 5.1 and 6.0%"
        "unit_list_before": fast_compile(
            r"(?:(?<![\w.\\$/\-+\u2212])(?P<sign>[+\-\u2212])|(?<![\w.\\$/\-+\u2212]))(?P<num>\d{1,3}(?:\.\d{1,4})?)\$?(?:,\s|\s*(?:and|,\s*and|/))\s*\$?$"),
        # what a list of plain numbers opens after: a lower-case word ("by", "gains of"), a bracket, a word and a comma
        # (not a name's version, "Ovi 1.1 and 60.9%", nor "R2 = 0.729", "mAP@0.5", "33.27%, 0.2223")
        "unit_list_lead": fast_compile(r"(?:\b[a-z][a-z\-]*|\(|[A-Za-z)]\s*,)\s*\$?$"),
        "threshold_before": fast_compile(r"(?:\babove|\bbelow|\bat least|\bat most|\bthreshold(?:s)?(?: of)?|\bwith|>=?|<=?|\\geq|\\leq|\u2265|\u2264)\s*\$?\s*$", re.IGNORECASE),
        "metric_gap": fast_compile(r"[ \t]*(?:-[ \t]*)?"),
        "paren_number": fast_compile(rf"(?:\s+v?\d[\w.]*)?\s*\(\s*(?P<num>\d{{1,3}}\.\d{{1,4}}|\d{{1,3}})\s*\)"),
        "vs_number": fast_compile(rf"\s*:?\s*(?P<num>\d{{1,3}}\.\d{{1,4}}|\d{{1,3}})(?=\s*(?:\)|,|;|vs\b|versus\b|and\b|$))"),
        "versus_pair": Gated(fast_compile(
            rf"(?:^|(?<=[(:,;])|(?<=[(:,;]\s))(?P<n1>[A-Z][\w.\-]*(?:\s\[[^\]\s]{{1,12}}\])?)\s+(?P<a>\d{{1,3}}(?:\.\d{{1,4}})?)(?P<pa>\\?%)?\s*(?:vs\.?|versus)\s+"
            rf"(?P<n2>[A-Z][\w.\-]*(?:\s\[[^\]\s]{{1,12}}\])?)\s+(?P<b>\d{{1,3}}(?:\.\d{{1,4}})?)(?P<pb>\\?%)?(?![\w.]\w)",
            engine="regex"), ["vs", "versus"], window=(60, 60)),
        "possessive_number": fast_compile(rf"['\u2019]s\s+(?P<num>\d{{1,3}}\.\d{{1,4}}|\d{{1,3}})(?![\w%.\-]|\.\d|\s*(?:\\?%|points?))"),
        "vs_near": fast_compile(r"\b(?:vs\.?|versus)\s"),
        "from_to": fast_compile(rf"\bfrom\s+(?:[\w\-']+\s+){{0,2}}?\$?{NUM}\s*(?:\\?%)?\$?\s+to\s+$"),
        "from_start": fast_compile(rf"^\s*(?:\\?%)?\$?\s+to\s+(?:[\w\-']+\s+){{0,2}}?\$?{NUM}"),
        "to_value": fast_compile(
            rf"\b(?:{alternation(c['change_verbs'])})\w*\b[^.;\d]{{0,40}}(?<!\bup )\bto\s+{hedge}$", re.IGNORECASE),
        # not "by" before a gerund, a means and not a margin ("outperforms them by achieving accuracies of 97.0%"),
        # unless the gerund's verb is a change ("by adding more than 5%")
        "delta_before": fast_compile(rf"(?:\b|(?<=\+))(?:{alternation(c['delta_before'])})\b(?<!\bby(?=\s(?!(?:add|improv|increas|boost|rais|gain|reduc|decreas|lower|cutt)[a-z]*ing\b)[a-z]+ing\b))[^.;\d)]{{0,25}}$", re.IGNORECASE),
        "delta_after": fast_compile(
            rf"^\s*(?:\w+\s+)?(?:{alternation(c['delta_after'])})\b(?!\s+to\b)"
            rf"|^\s*(?:of\s+)?(?:[\w\-/]+\s+){{0,4}}?(?:{alternation(c['change_nouns'])})\b",
            re.IGNORECASE,
        ),
        "up_to_result": fast_compile(r"(?<!\bby )\bup to\s*$", re.IGNORECASE),
        "metric_after": fast_compile(rf"\s*(?:\\?%)?\s*(?:[\w\-]+\s+){{0,2}}?(?:{alternation(metric_words)})\b", re.IGNORECASE),
        "threshold": fast_compile(r"(?<!\bby )(?<!\bby a )\b(?:exceed|exceeds|exceeding|surpass|surpasses|surpassing|above|over|below|under)\s+$", re.IGNORECASE),
        # "inter-rater Fleiss kappa <= +0.018", "kappa=81%": a comparison sign before the number too
        # (an "=" right after the word: "mask mAP50 = 0.970" is a mask's score)
        "not_before": fast_compile(
            rf"\b(?:{alternation(c['not_score_before'])})\s*(?:of\s+|by\s+|to\s+)?(?:(?:\w+\s+)?(?:[<>\u2264\u2265]=?\s*)?|=\s*){hedge}$", re.IGNORECASE
        ),
        # "outperforms baselines trained on 4.5 times more data by 6.1%": the margin of a comparison,
        # whatever words describe the systems compared (no verb of saving or cutting in between)
        "margin_by": fast_compile(
            r"\b(?:outperform|surpass|beat|exceed|outscor|outpac)\w*\b(?:(?!\b(?:reduc|cut|sav|lower|decreas|shrink|compress|accelerat|speed|faster|slower|cheaper|while|whereas|but)\w*)[^;])*?"
            rf"\bby\s+{hedge}$", re.IGNORECASE),
        "not_after": fast_compile(rf"^\s*(?:[\w\-]+\s+)?(?:{alternation(c['not_score_after'])})\b", re.IGNORECASE),
        "efficiency_before": fast_compile(rf"(?<![\w-])(?:{alternation(c['efficiency_words'])})\b(?:\s*\([^()]{{1,20}}\))?(?:\s+(?!(?:while|whereas|but|and|with|improv\w*|achiev\w*)\b)[\w\-/]+){{0,6}}\s*{hedge}$", re.IGNORECASE),
        "efficiency_after": fast_compile(
            rf"^\s*(?:(?:(?!(?:while|whereas|but|and|with|at)\b)[\w\-]+\s+){{0,3}}?(?:{alternation(c['efficiency_words'])})"
            rf"|(?:[\w\-]+\s+){{0,2}}?in\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+)?(?:[\w\-]+\s+){{0,2}}?"
            rf"(?:{alternation(c['efficiency_words'] + c['efficiency_after_words'])})"
            rf"|(?:[\w\-]+\s+){{0,2}}?of\s+(?:the\s+|its\s+|their\s+|our\s+|all\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{alternation(c['efficiency_words'] + c['fraction_nouns'])}))\b",
            re.IGNORECASE,
        ),
        # "95.2% of the baseline performance"; not "30% of tokens achieves performance": a share of the data
        "performance_of": fast_compile(rf"^\s*of\s+(?:(?!(?:{alternation(c['fraction_nouns'])})\b)[\w\-.']+\s+){{0,5}}?"
                                       r"(?:performance|accuracy|quality|capabilit(?:y|ies)|score)\b", re.IGNORECASE),
        # a share the number counts, its nouns described: "76% visual tokens", "1% procedurally generated data"
        "share_after": fast_compile(rf"^\s*(?:(?!(?:{alternation(c['not_share_lead'])})\b)[a-z][\w\-]*\s+){{0,2}}?"
                                    rf"(?:{alternation(c['share_nouns'])})\b"),
        "versus": fast_compile(r"^\s*(?:vs\.?|versus)\s|(?:\bvs\.?|\bversus)\s*$"),
        # a result verb before the number (not "at", "=", ":"): "outperforms ORM, reaching 51.3%"
        "change_word": fast_compile(rf"(?:\b|(?<=\+))(?:{alternation([*c['delta_before'], *c['change_nouns']])})\b", re.IGNORECASE),
        "delta_word": fast_compile(rf"(?:\b|(?<=\+))(?:{alternation(c['delta_before'])})\b", re.IGNORECASE),
        "result_verb_before": fast_compile(rf"\b(?:{alternation([w for w in c['absolute_before'] if w[0].isalpha() and w not in ('at', 'score', 'scores', 'record', 'records') and ' ' not in w])})\s+(?:an?\s+|the\s+)?(?:[\w@\-]+\s+){{0,2}}$", re.IGNORECASE),
        "absolute_before": fast_compile(rf"(?:\b|(?<=[=:]))(?:{alternation(c['absolute_before'])})\s+(?:an?\s+|the\s+)?(?:[\w@\-]+\s+){{0,2}}$", re.IGNORECASE),
        "list": fast_compile(LIST_SEPARATOR),
        # between the names of a list: "A, B and C", "the A dataset and the B dataset"
        "name_list": fast_compile(rf"(?:\s+{SET_NOUN})?" + LIST_SEPARATOR + r"(?:the\s+)?"),
        # between the numbers of a list, a hedge may open the next ("~10% and ~7.7% improvements")
        "number_list": fast_compile(LIST_SEPARATOR + hedge),
        "list_carry": fast_compile(r"[^.;:()]{0,80}"),
        "result_word": fast_compile(rf"\b(?:{alternation(c['result_words'])})\b", re.IGNORECASE),
        "on_bench": fast_compile(
            rf"\s*(?:\\?%|\$)?\s*\)?\s*(?:(?:to|and|vs\.?|/|-|\u2013|~|\$?\\rightarrow\$?|\u2192|->)\s*[+\-]?\$?{NUM}\s*(?:\\?%)?\$?\s*)?"
            rf"(?:[\w@\-./]+\s+){{0,3}}?(?:on|in|for|at|across|over)\s+(?:the\s+)?(?:(?:(?:more|most|less|very|highly|widely)\s+)?[a-z][a-z\-]*\s+)?"  # "on the (more complex) HotpotQA"
            # "on average across different subsets of the Pile": the parts of one benchmark are on it
            rf"(?:(?:(?:different|all|several|various|multiple|the|its|\d+)\s+)?(?:subsets|splits|subtasks|partitions|sections|parts)\s+of\s+(?:the\s+)?"
            # "on the front-facing signs of BdSLW401", "on the test set of ImageNet": a part of one set is on it
            rf"|(?:[a-z][\w\-]*\s+){{1,3}}of\s+(?:the\s+)?)?"
        ),
        "opens_on": fast_compile(r"(?:^|[,;:(]|\band\b)\s*(?i:on|in|for|across|evaluated on|tested on)\s+(?:the\s+)?(?:[a-z][\w\-]*\s+){0,3}$"),
        "clause": fast_compile(r";|,\s+(?:and|but|while|whereas|yet|although)\b(?!\s*(?:by\s+|up to\s+)?[+\-]?\$?\d)|\s(?:while|whereas|but)\s"),
        "comparison": fast_compile(rf"(?:\b(?:{alternation(c['comparison_before'])})\s+(?:the\s+|a\s+|strong\s+|baseline\s+)*$)", re.IGNORECASE),
        "abbreviation": fast_compile(r"\b(?:vs|e\.g|i\.e|cf|al|approx|Fig|Eq|Tab|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.\s*$"),
        "trained_after": fast_compile(r"-?(?:pre-?)?trained\b|\s+as\s+(?:[\w\-()]+\s+){0,4}?(?:data|corpus|corpora)\b", re.IGNORECASE),
        "trained_before": fast_compile(
            r"\b(?:trained|pretrained|pre-trained|fine-tuned|finetuned|tuned|distilled|curated|collected)\s+(?:\w+\s+){0,3}?(?:on|from|with)\s+(?:the\s+)?$"
            r"|\btransfer\w*\s+(?:\w+\s+){0,3}?from\s+(?:the\s+)?$", re.IGNORECASE),
        "of_name": fast_compile(r"\s*of\s+(?:the\s+)?"),
        "not_from_gap": fast_compile(r"threshold|rang|vary|varies|varied|set\b|between|interval", re.IGNORECASE),
        # "85% of patent filings", "in 83% (5/6) of organs": the count of the share may stand between
        "equals_before": fast_compile(r"(?<![\w\-])[A-Za-z][\w@\-]*\s*(?:=|\\approx|\u2248|\\sim|~)\s*\$?\s*$"),
        "fraction_of": fast_compile(rf"^\s*{COUNT_ASIDE}of\b", re.IGNORECASE),
        "task_of": fast_compile(
            rf"\b(?:{alternation(c['solve_verbs'])})\w*\s+(?:(?:up to|about|over|nearly|only|just|all but|more than|less than)\s+)?"
            rf"(?:{NUM}\s*\\?%\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)){{0,4}}$", re.IGNORECASE),  # "solve 77.82% and 86.38% of tasks"
        "task_noun": fast_compile(rf"^\s*{COUNT_ASIDE}of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w\-]+\s+){{0,2}}?(?:{alternation(c['task_nouns'])})\b", re.IGNORECASE),
        "spread_before": fast_compile(rf"{PM}\s*\$?\s*$"),
        "cutoff_before": fast_compile(r"@\s*[{$]?\s*$"),
        "magnitude_after": fast_compile(rf"\s*{MAGNITUDE_WORDS}\b"),
        "ratio": Gated(fast_compile(
            rf"(?<![\w.\\])(?P<num>\d{{1,3}}(?:\.\d{{1,2}})?)\s*(?:\$?\\(?:boldsymbol\{{\\times\}}|times)\$?|\u00d7|x\b|-?fold\b|times\b)\s*"
            rf"(?:(?:an?|the)\s+)?(?:{alternation(c['ratio_words'])})\b(?=(?P<rest>[^.;,]{{0,60}}))", engine="regex"
        ), ["times", "\u00d7", "fold"] + [f"x {w}" for w in c["ratio_words"]], window=(40, 120)),
        "ratio_before": fast_compile(
            r"(?<![\w.\\])(?P<num>\d{1,3}(?:\.\d{1,2})?)\s*(?:(?:\$?\\(?:boldsymbol\{\\times\}|times)\$?|\u00d7|x\b|-?fold\b|times\b)\s*(?:,|and|or|,\s*and)|-|\u2013|\s+to)\s*$"),
        "not_ratio": fast_compile(r"\b(?:parameters|params|compression|size|memory|cost)\b", re.IGNORECASE),
        "from_plain": fast_compile(
            rf"(?P<gap>[\s\w\-]{{0,30}}?)\bfrom\s+(?P<a>\d{{1,3}}\.\d{{1,4}}|\d{{1,3}})\s+to\s+(?P<b>\d{{1,3}}\.\d{{1,4}}|\d{{1,3}})(?![\w%]|\.\d|\s*(?:\\?%|percent|points?))"
        ),
        # a decimal right after a listed metric's name: "transfers at AUROC 0.748", "(QWK = 0.777; MAE = 0.529)"
        "metric_then_value": fast_compile(
            rf"s?\s*(?:of\s+|=\s*|:\s*)?\$?(?P<num>\d{{1,3}}\.\d{{1,4}})\$?{NO_UNIT_AFTER}"),
        "from_or_to": fast_compile(r"\b(?:from|to)\s+$"),
        "at_before": fast_compile(r"(?:\bat|@)\s*$"),
        "number_before": fast_compile(r"[\d%][^.;]*$"),
        "item_break": fast_compile(r"[,;(]"),
        # "A, B", "A and B", "symbolic (A) and general-purpose (B)", "SciFact (300 claims) and FEVER"
        "joined": fast_compile(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|/|\)?\s*(?:,\s*)?(?:and|or)\b)[^\d;.:]*"
                               rf"|\s+{SET_NOUN}\s+(?:and|or)\s+(?:the\s+)?(?:[a-z]+\s+)?"),  # "the A benchmark and B"
        "gain_after": fast_compile(r"[^(),;]{0,40},\s*(?:an?\s+|up to\s+)?"),
        "paren_after": fast_compile(r"[^()]{0,60}\(\s*"),
        "on_other": fast_compile(
            r"\s*(?:\\?%|\$)?\s*\)?\s*(?:(?:-|\u2013|to|and|/|\$?\\rightarrow\$?|\u2192|->)\s*[+\-]?\$?\d{1,4}(?:\.\d{1,4})?\s*(?:\\?%)?\$?\s*)?(?:[\w@\-./]+\s+){0,3}?(?:on|across|over)\s+(?:the\s+)?"
            r"(?:[A-Z]|[a-z][a-z\d]*[A-Z]|average\b|(?:\d+|all|several|multiple|various|diverse|different|many|both|these|two|three|four|five|six|seven|eight|nine|ten)\s+"
            r"(?:[\w\-]+\s+){0,2}?(?:tasks|benchmarks|datasets|domains|evaluations|suites|settings|test sets|environments)\b)"),
        "subject_of": fast_compile(r"\s+(?:\w+\s+)?(?:outperform|achiev|surpass|improv|reach|attain|obtain|beat|yield|deliver|scor|exceed|reduc|boost|increas|rais)\w*\b"
                                   r"|['\u2019]s\s+(?:\w+\s+)?(?:performance|superiority|effectiveness|advantage)"),
        # "CIFAR-10 (+0.45%)", "Youtube-VOS 2018 (85.3%)", "EgoSchema subset (75.4%", "AIME'24 (94.4%)"
        "bracket_gap": fast_compile(r"(?:['\u2019]?\s*[\w\-/]+){0,2}?\s*\(\s*(?:[\w@\-]+\s*[:=]\s*)?\$?"),
        "unread_before": fast_compile(r"(?<![\w\-.])(?:[A-Z][\w\-.]*[A-Za-z0-9]\s*\(|[A-Z](?=[\w\-.]*[\dA-Z])[\w\-.]*[A-Za-z0-9]\s*:)\s*\$?$"),
        "coordinated_after": fast_compile(r"\s*(?:,\s*(?:and|or)\b|and\b|or\b|/|,\s*[A-Z][\w\-]*\s*(?:,|and\b)|,\s*(?:a|an|the)\s[^,;()]{1,60},\s*(?:and|or)\b)"),
        "coordinated_before": fast_compile(r"(?:\b[A-Z][\w\-+.]*\s*,\s*|\b(?:[A-Z]|\d+[A-Za-z])[\w\-+.]*\)?\s*,?\s+and\s+(?:the\s+)?)$"),
        "arrow_pair": fast_compile(r"\s*\$?\s*(?:->|\u2192|\\rightarrow)\s*\$?\s*"),
        "this_benchmark": fast_compile(r"\b[Tt]his\s+(?:new\s+|challenging\s+)?(?:dataset|benchmark|test\s+set)\b"),
        "introduces": fast_compile(r"\b(?:introduc|present|propos|creat|construct|buil|releas|curat|develop|contribut)\w*\s+(?:(?:a|an|the|our|new|novel|first)\s+){0,3}$", re.IGNORECASE),
        "transfer_to": fast_compile(r"\s*(?:(?P<arrow>\$?\\rightarrow\$?|\u2192|->)|to\b)\s*(?:the\s+)?[A-Z]"),
        "from_before": fast_compile(r"\bfrom\s+(?:the\s+)?$"),
        "n_point": fast_compile(r"\$?\d{1,4}(?:\.\d{1,4})?\$?-points?"),
        "respectively": fast_compile(r"\brespectively\b"),
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
        """Every candidate number read from the text alone, the earlier rule winning where two overlap."""
        p = self.patterns
        found: list[tuple[int, int, dict]] = []
        for m in p["plus_minus"].finditer(text):
            value = parse_decimal(m["num"])
            if value is not None:
                found.append((m.start(), 0, {"start": m.start(), "end": m.end(), "value": value, "unit": "%" if m["pct"] or m["pct1"] else None,
                                             "rule": "score.plus_minus", "signed": False}))
        for priority, (rule, unit, pattern) in enumerate(
            (("score.points", "points", p["points"]), ("score.percent", "%", p["percent"]), ("score.signed", None, p["signed"])), 1
        ):
            for m in pattern.finditer(text):
                value = parse_decimal((m["sign"] or "") + m["num"].rstrip("."))
                if value is not None:
                    found.append((m.start(), priority, {"start": m.start(), "end": m.end(), "value": value, "unit": unit,
                                                        "rule": rule, "signed": bool(m["sign"])}))
                    if unit is not None:
                        found.extend(self._unit_list(text, m, priority, rule, unit))
                        # a percentage's list writes its own signs: "80.3% on olmOCR and 88.64 on OmniDocBench" is no percentage
                        found.extend(self._on_list(text, m.end(), "." in m["num"], priority, rule, None if unit == "%" else unit))
        for priority, (rule, pattern) in enumerate(
            (("score.metric_value", p["metric_value"]), ("score.delta_in", p["delta_in"]), ("score.rating_mean", p["rating_mean"]),
             ("score.out_of", p["out_of"])), 4
        ):
            for m in pattern.finditer(text):
                found.append((m.start("num"), priority, {"start": m.start("num"), "end": m.end("num"), "value": float(m["num"]),
                                                         "unit": None, "rule": rule, "signed": False}))
                at = m.end("num")
                if rule == "score.metric_value" and (more := p["range_after"].match(text, at)) is not None:
                    at = more.end("num")  # a range's second end: a score when its first end is one
                    found.append((more.start("num"), priority, {"start": more.start("num"), "end": at, "value": float(more["num"]),
                                                                "unit": None, "rule": rule, "signed": False, "range_of": m.start("num")}))
                while rule == "score.metric_value" and (more := p["list_after"].match(text, at)) is not None:
                    at = more.end("num")  # "ranks 1.00, 1.00, 1.78", "F1 of 0.81, 0.79 and 0.77": the list the metric heads
                    found.append((more.start("num"), priority, {"start": more.start("num"), "end": at, "value": float(more["num"]),
                                                                "unit": None, "rule": rule, "signed": False}))
                if rule == "score.metric_value":
                    # "a score of 0.90 on GenEval, 86.9 on DPG": the numbers that go on, each on its own name
                    found.extend(self._on_list(text, at, "." in m["num"], priority, rule, None))
        for m in p["ratio"].finditer(text):
            # "10.48x higher success rate" is a score, "2.5x faster" / "3x lower latency" is not
            if p["metric_after"].search(m["rest"]) and not (p["efficiency_after"].search(m["rest"]) or p["not_ratio"].search(m["rest"])):
                at = m.start()
                found.append((at, 7, {"start": at, "end": m.end("num"), "value": float(m["num"]), "unit": None,
                                      "rule": "score.ratio", "signed": False, "ratio": True}))
                while (prior := p["ratio_before"].search(text, max(0, at - 40), at)) is not None:
                    at = prior.start("num")  # "2.5x and 14.4x higher FID"
                    found.append((at, 7, {"start": at, "end": prior.end("num"), "value": float(prior["num"]), "unit": None,
                                          "rule": "score.ratio", "signed": False, "ratio": True}))
        return _first_of_overlaps(found)

    def _unit_list(self, text: str, head: re.Match, priority: int, rule: str, unit: str) -> list[tuple[int, int, dict]]:
        """``4.4, 5.1 and 6.0%``, ``+4.4 and +6.0 points``: the numbers listed right before a number
        with a unit, written as it is (with a decimal point where it has one), share its unit and
        are judged by what follows it (``list_end``)."""
        found, at, decimal = [], head.start(), "." in head["num"]
        while (m := self.patterns["unit_list_before"].search(text, max(0, at - 30), at)) is not None and ("." in m["num"]) == decimal:
            value = parse_decimal((m["sign"] or "") + m["num"])
            if value is None:
                break
            at = m.start()
            found.append((at, priority, {"start": at, "end": m.end("num"), "value": value, "unit": unit, "rule": rule,
                                         "signed": bool(m["sign"]), "list_end": head.end()}))
        p = self.patterns
        if found and (not p["unit_list_lead"].search(text, max(0, at - 30), at) or p["from_to"].search(text, max(0, at - 60), at)):
            return []  # not a list of values: "from 0.54 to 0.26 and 10.13% to 5.99%"
        return found

    def _on_list(self, text: str, end: int, decimal: bool, priority: int, rule: str, unit: str | None) -> list[tuple[int, int, dict]]:
        """``9.1 points on AIME 24, 7.6 on GPQA, and 9.6 on LiveCodeBench``, ``0.9106 AUC on CelebDF-v2 and
        0.9289 on DFD``: the plain numbers that go on, each on its own name, from a number with a unit or
        a metric that ends at ``end``, share its unit and rule, each written as it is (``decimal``: with a
        decimal point)."""
        found = []
        while (m := self.patterns["on_next"].match(text, end)) is not None and ("." in m["num"]) == decimal:
            value = parse_decimal(m["num"])
            if value is None:
                break
            found.append((m.start("num"), priority, {"start": m.start("num"), "end": m.end("num"), "value": value, "unit": unit,
                                                     "rule": rule, "signed": False}))
            end = m.end("num")
        return found

    def _named_candidates(self, text: str, metrics: Mentions, names: list[dict], sentences) -> list[tuple[int, int, dict]]:
        """Plain numbers the names around them make scores: ``84.6 F1``, ``ModelA (2.91)``, ``A 1.38 vs. B 1.42``."""
        p, found = self.patterns, []
        for metric in metrics.facts:
            # ``84.6 F1``, ``47.9 box AP``: the number right before a metric name
            before = text[max(0, metric["start"] - 12) : metric["start"]]
            m = None
            for m in p["plain_number"].finditer(before):
                pass
            if m is not None and p["metric_gap"].fullmatch(before, m.end()) and not p["threshold_before"].search(text, max(0, metric["start"] - 40), metric["start"] - len(before) + m.start()):
                start = metric["start"] - len(before) + m.start("num")
                found.append((start, 7, {"start": start, "end": start + len(m["num"]), "value": float(m["num"]), "unit": None,
                                         "rule": "score.value_metric", "signed": False, "metric_at": metric}))
        for metric in metrics.facts:
            # "AUROC 0.748", "an MAE of 0.31": the number right after a metric name
            m = p["metric_then_value"].match(text, metric["end"])
            if m is not None and not (
                p["threshold_before"].search(text, max(0, metric["start"] - 40), metric["start"])
                or p["not_before"].search(text, max(0, metric["start"] - 40), metric["end"])  # "(Fleiss' Kappa = 0.86)": agreement
                or self._condition_at(text, metric, metrics)  # "4.1% AP gain at IoU=0.8", "mAP at IoU 0.5"
            ):
                found.append((m.start("num"), 7, {"start": m.start("num"), "end": m.end("num"), "value": float(m["num"]), "unit": None,
                                                  "rule": "score.metric_value", "signed": False, "metric_at": metric,
                                                  "lead": text[max(0, metric["start"] - 40) : metric["start"]]}))
        for metric in metrics.facts:
            # "improving the macro F1 score from 0.74 to 0.93": a metric named just before
            m = p["from_plain"].match(text, metric["end"])
            if m is not None and not p["not_from_gap"].search(m["gap"]):
                for g in ("a", "b"):
                    found.append((m.start(g), 7, {"start": m.start(g), "end": m.end(g), "value": float(m[g]), "unit": None,
                                                  "rule": "score.from_to", "signed": False, "metric_at": metric}))
        for m in p["versus_pair"].finditer(text):
            # "(FID: A 1.38 vs. B 1.42)": each side's number is its own result
            for n, g, pct in (("n1", "a", "pa"), ("n2", "b", "pb")):
                owner = {"name": m[n], "start": m.start(n), "end": m.end(n), "owner_kind": "name"}
                found.append((m.start(g), 8, {"start": m.start(g), "end": m.end(pct) if m[pct] else m.end(g), "value": float(m[g]),
                                              "unit": "%" if m[pct] else None, "rule": "score.versus", "signed": False, "owner": owner}))
        for name in names:
            m = p["paren_number"].match(text, name["end"])
            rule = "score.paren"
            if m is None and name["owner_kind"] == "model" and (m := p["possessive_number"].match(text, name["end"])) is not None:
                # "an improvement over U-Net's 0.8065": a model's own number, where the sentence speaks of results
                if not p["result_word"].search(text, *sentences(name["start"])):
                    continue
                rule = "score.possessive"
            elif m is None:
                m = p["vs_number"].match(text, name["end"])
                s, e = sentences(name["start"])
                if m is None or not p["vs_near"].search(text, max(s, name["start"] - 40), min(e, m.end() + 40)):
                    continue
            elif name["owner_kind"] != "metric" and not p["result_word"].search(text, *sentences(name["start"])):
                continue  # "Qwen (7) and Llama (3)": brackets in a sentence that speaks of no result
            start = m.start("num")
            found.append((start, 8, {"start": start, "end": m.end("num"), "value": float(m["num"]), "unit": None,
                                     "rule": rule, "signed": False, "owner": name}))
        heads = [c for _, _, c in found if c["rule"] == "score.value_metric"]
        return found + self._list_members(text, heads) + [
            (start, 9, dict(c, metric_at=head["metric_at"])) for head in heads
            for start, _, c in self._on_list(text, head["metric_at"]["end"], "." in text[head["start"] : head["end"]], 9, head["rule"], None)]

    def _list_members(self, text: str, heads: list[dict]) -> list[tuple[int, int, dict]]:
        """``31.2, 28.7 and 40.5 BLEU``: the plain numbers listed before a number that a metric names."""
        p, found = self.patterns, []
        for head in heads:
            at = head["start"]
            while True:
                m = p["list_before"].search(text, max(0, at - 30), at)
                if m is None:
                    break
                at = m.start("num")
                found.append((at, 9, {"start": at, "end": m.end("num"), "value": float(m["num"]), "unit": None,
                                      "rule": head["rule"], "signed": False, "metric_at": head["metric_at"]}))
        return found

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        if not has_digit(text):
            return []  # every score is a number in digits (a third of abstracts have none)
        models = Mentions(read_facts(doc, "model"))
        metric_facts = read_facts(doc, "gazetteer_metric")
        if metric_facts and models.facts:  # a name that is a model and a metric (MAE) is what the models component read
            model_spans = {(m["start"], m["end"]) for m in models.facts}
            metric_facts = [m for m in metric_facts if (m["start"], m["end"]) not in model_spans]
        metrics = Mentions(metric_facts)
        metric_keys = {name_key(m["name"]) for m in metrics.facts}
        # a metric is never the benchmark (BERTScore, G-Eval)
        benchmarks = Mentions([b for b in read_facts(doc, "benchmark") if not _is_metric(b, metrics, metric_keys)])
        corpora = Mentions(benchmarks.facts + [d for d in read_facts(doc, "dataset") if not _is_metric(d, metrics, metric_keys)])
        # every occurrence of a name read somewhere in the paper ("On AppWorld's hardest split")
        benchmarks, corpora = _all_occurrences(text, benchmarks), _all_occurrences(text, corpora)
        counts = Mentions(read_facts(doc, "parameter_count") + read_facts(doc, "token_count"))

        joined: dict[tuple[int, int], tuple[int, int]] = {}  # a sentence's bounds -> sentences(...) of it

        def sentences(pos):
            """The sentence of ``pos``; a break after ``vs.``, ``e.g.``, ``i.e.`` is no break (``(90.6% vs. 89.8%)``)."""
            bounds = sentence_of(doc, pos)
            if bounds in joined:
                return joined[bounds]
            s, e = bounds
            while s > 0 and p["abbreviation"].search(text, max(0, s - 8), s):
                s = sentence_of(doc, s - 2)[0] if sentence_of(doc, s - 2)[0] < s else 0
            while e < len(text) and p["abbreviation"].search(text, max(0, e - 6), e + 1):
                ne = sentence_of(doc, e + 2)[1]
                if ne <= e:
                    break
                e = ne
            joined[bounds] = (s, e)
            return s, e

        candidates = self._candidates(text)
        if metrics.facts or models.facts or corpora.facts:
            names = ([dict(m, owner_kind="model") for m in models.facts] + [dict(b, owner_kind="benchmark") for b in benchmarks.facts]
                     + [dict(m, owner_kind="metric") for m in metrics.facts])
            named = self._named_candidates(text, metrics, names, sentences)
            if named:
                candidates = _first_of_overlaps([(c["start"], i, c) for i, c in enumerate(candidates)]
                                                + [(s, len(candidates) + i, c) for i, (s, _, c) in enumerate(named)])
        if len(candidates) > MAX_NUMBERS_PER_SENTENCE:
            candidates = _without_number_dumps(doc, candidates)
        out = []
        previous: dict | None = None
        main: dict | None = None  # the last item not in brackets after another
        rejected: list[dict] = []
        # a name past the next number is that number's, unless the two numbers share one phrase ("7% on A and 8% on B of C")
        next_start = {a["start"]: b["start"] for a, b in zip(candidates, candidates[1:]) if p["item_break"].search(text, a["end"], b["start"])}
        following = {a["start"]: b["start"] for a, b in zip(candidates, candidates[1:])}
        # and a name before the previous list item, in the same sentence, is that item's ("3.01 rFVD with 32.6% on A, and 28.19 PSNR")
        tails = []  # (start, end) after each number up to the next comma: "32.6% MSRVTT retrieval for videos,"
        for a, b in zip(candidates, candidates[1:]):
            cut = min((i for i in (text.find(",", a["end"], b["start"]), text.find(";", a["end"], b["start"])) if i >= 0), default=-1)
            if cut >= 0:
                tails.append((a["end"], cut))

        def referent(s):
            """The one benchmark the sentence before ``s`` introduces (``we present CaseHOLD``), if exactly one."""
            if s <= 0:
                return None
            ps = sentences(s - 1)[0]
            named = [b for b in benchmarks.starting_in(ps, s) if b["end"] <= s]
            if len({b["name"] for b in named}) != 1 or not any(p["introduces"].search(text, max(ps, b["start"] - 40), b["start"]) for b in named):
                return None
            return named[0]["name"]

        def names_at(pos):
            """Whether a metric or model mention starts at ``pos`` ("a gain of 7.2% on F1")."""
            return bool(metrics.starting_in(pos, pos + 1) or models.starting_in(pos, pos + 1))
        for c in candidates:
            s, e = sentences(c["start"])
            # the first member of a range is judged by what follows the whole range
            tail = p["range_tail"].match(text, c["end"])
            after_start = c.get("list_end") or (tail.end() if tail else c["end"])  # a list member too, by what follows the list
            while text.startswith(("$", "}"), after_start):
                after_start += 1  # "$2.21\%$ average accuracy drop", "\emph{$>60\%$ reduction} in peak memory"
            before = _TRAILING.sub(" ", _LATEX_OPEN.sub("", text[max(s, c["start"] - 60) : c["start"]]))
            after = text[after_start : min(e, after_start + 60)].replace("}", "")  # "$>60\%$ reduction} in peak memory"
            if counts.covering(c["start"]) or "range_of" in c and not (out and out[-1]["start"] == c["range_of"]):
                continue
            of = p["of_name"].match(text, after_start)
            c["of_model"] = bool(of and models.starting_in(of.end(), of.end() + 1))  # "the 32.0% of Llama-3.2-1B"
            if p["cutoff_before"].search(before):
                continue  # "TPR@1% FPR", "Recall@1%", "mAP@0.5": part of a metric's name, not a result, nor a list's member
            if c["unit"] is None and p["magnitude_after"].match(text, c["end"]):
                continue  # "a dataset of 1.25 million RBC images": a count
            if self._not_a_score(text[c["start"] : c["end"]], before, after, c, lambda: text[max(s, c["start"] - 200) : c["start"]]):
                rejected.append({"start": c["start"], "end": c["end"], "sentence": s})
                continue
            # a list carries a rejection on, but not onto a share of performance ("... and 95% of baseline accuracy")
            if rejected and self._carried_rejection(text, rejected[-1], c, s) and not (c["unit"] == "%" and p["performance_of"].match(after)):
                rejected.append({"start": c["start"], "end": c["end"], "sentence": s})
                continue
            kind, explicit = self._kind(c, before, after, text[c["end"] : min(e, c["end"] + 40)])
            clause = self._clause(text, c, s, e)
            if not explicit and main is not None and main["clause"] == clause:
                kind = main["kind"]  # "a 7% improvement on A and 8% on B": 8% is a gain too
            value = c["value"]  # as written: "-3.2%" is -3.2; a drop in words ("drops by 3.2%") is 3.2
            metric_at = c.get("metric_at") or (c["owner"] if c.get("owner", {}).get("owner_kind") == "metric" else None) \
                or _metric_by(text, metrics, c)
            item = {
                "start": c["start"], "end": c["end"], "text": text[c["start"] : c["end"]], "value": value,
                "unit": c["unit"], "kind": kind, "rule": c["rule"], "sentence": s, "clause": clause,
                "metric": metric_at["name"] if metric_at else (_nearest(metrics, c, *clause) or _nearest(metrics, c, s, e)),
                "benchmark": self._benchmark(text, c, clause, s, e, benchmarks, corpora, next_start.get(c["start"], e), names_at,
                                            tails[bisect_left(tails, (s,)) : bisect_right(tails, (c["start"], len(text)))], referent,
                                            following.get(c["start"], e)),
                "model": self._model(text, c, clause, s, e, models),
            }
            if previous is not None and previous["clause"] == clause and (
                p["paren_after"].fullmatch(text, previous["end"], c["start"])
                or p["arrow_pair"].fullmatch(text, previous["end"], c["start"])  # "HMMT25: 0.0% -> 28.6%"
                or (kind == "delta" and previous["kind"] == "absolute" and p["gain_after"].fullmatch(text, previous["end"], c["start"]))
            ):
                # "93.5% on LIBERO-LONG (24.5% improvement)", "(71.3% on PathVQA, +6.0% over the state of the art)"
                item["benchmark"] = previous["benchmark"]
            else:
                main = item
            out.append(item)
            previous = item
        out = self._list_shares_rejection(text, out, rejected)
        out = self._share_list_kinds(text, out)
        self._align_lists(text, out, corpora)
        self._align_metrics(text, out, metrics)
        for item in out:
            del item["sentence"], item["clause"]
        return self._share_range_kinds(text, out)

    # ---------------------------------------------------------------- what it is measured on, whose it is

    def _clause(self, text: str, c: dict, s: int, e: int) -> tuple[int, int]:
        """The clause of the sentence [s, e) that holds the candidate."""
        start, end = s, e
        for m in self.patterns["clause"].finditer(text, max(s, c["start"] - 300), min(e, c["end"] + 300)):
            if m.end() <= c["start"]:
                start = m.end()
            elif m.start() >= c["end"]:
                end = m.start()
                break
        return start, end

    def _benchmark(self, text: str, c: dict, clause: tuple[int, int], s: int, e: int,
                   benchmarks: Mentions, corpora: Mentions, next_start: int, names_at, tails: list[tuple[int, int]], referent,
                   next_number: int) -> str | None:
        owner = c.get("owner")
        if owner is not None and owner["owner_kind"] == "benchmark":
            return owner["name"]
        before = [b for b in corpora.starting_in(max(s, c["start"] - 120), c["start"]) if b["end"] <= c["start"]]
        if before and self.patterns["bracket_gap"].fullmatch(text, before[-1]["end"], c["start"]):
            return before[-1]["name"]  # "CIFAR-10 (+0.45%)": the number in brackets after a name is that name's
        metric = c.get("metric_at")
        if metric is not None and metric["start"] < c["start"]:
            for b in corpora.starting_in(metric["start"] - 60, metric["start"]):
                if b["end"] <= metric["start"] and not text[b["end"] : metric["start"]].strip():
                    return b["name"]  # "CIFAR-10 FID from 8.16 to 5.69": the name the metric is of
        on = self._measured_on(text, corpora, c, e)
        if on is not None:
            return on or None
        # "On ImageNet, ...": the benchmark a clause of the sentence opens with
        frame = None
        for b in benchmarks.starting_in(s, c["start"]):
            if b["end"] <= c["start"] and self.patterns["opens_on"].search(text[s : b["start"]][-40:] if b["start"] - s > 40 else text[s : b["start"]]):
                frame = b
        if frame is not None:
            # not past the number's own clause opening on a name: that name's, or none when we did not
            # read it ("On CIFAR-10 we obtain F1=96.37; on AtticPOT we reach F1=90.79")
            own = _OWN_ON.search(text, max(frame["end"], clause[0]), c["start"])
            if own and _CLAUSE_LEAD.fullmatch(text, clause[0], own.start()):
                named = corpora.starting_in(own.end(), own.end() + 1)
                return named[0]["name"] if named and not self._coordinated(text, corpora, named[0]) else None
            return None if self._coordinated(text, benchmarks, frame) else frame["name"]
        unread = self.patterns["unread_before"].search(text, max(s, c["start"] - 40), c["start"])
        if unread and not any(b["end"] >= unread.start() for b in corpora.starting_in(unread.start() - 100, c["start"]) if b["end"] <= c["start"]):
            return None  # "N-Caltech101 (+1.94%)": the number of a name we did not read
        other = self.patterns["on_other"].match(text, c["end"])
        if other and not names_at(other.end() - 1):
            return None  # "98.4% on UC Merced", "8.9% across 7 tasks": measured on a name we did not read, or on many
        # not a corpus the clause trains on ("the WIT-400M-trained CLIP", "pre-trained on C4")
        # nor the system that scores ("LEGO-Eval outperforms X by 0.41 F1"), nor a name past the next number
        # nor the source of a transfer ("from PubLayNet to DocLayNet", "(AIME $\rightarrow$ BeyondAIME)"),
        # nor a name past the closing bracket of the number ("refusal reduction (0-2%) with ... on Wikitext-2")
        opened = text.rfind("(", clause[0], c["start"])
        closed = text.find(")", c["end"], clause[1]) if opened >= 0 and text.find(")", opened, c["start"]) < 0 else -1
        tested = Mentions([b for b in corpora.starting_in(*clause) if not self._trained_on(text, b)
                           and not self.patterns["subject_of"].match(text, b["end"]) and not (c["end"] <= b["start"] and b["start"] > next_start) and not any(t0 <= b["start"] and b["end"] <= t1 for t0, t1 in tails)
                           and not self._transfer_source(text, b) and not (closed >= 0 and b["start"] > closed)
                           and not (next_start < e and self._next_items(text, c, b, next_start))
                           and not self._next_by(text, c, b, next_number)])
        nearest = _nearest(tested, c, *clause, prefer_after=True, mention=True)
        if nearest is None:
            # "We introduce CaseHOLD ... . This dataset is difficult (F1 of 0.4)": the one benchmark the sentence before names
            if self.patterns["this_benchmark"].search(text, s, c["start"]):
                return referent(s)
            return None
        if self._coordinated(text, tested, nearest):
            return None  # "... on both A and B": on neither alone
        return nearest["name"]

    def _coordinated(self, text: str, mentions: Mentions, m: dict) -> bool:
        """Whether the mention is one of a coordinated list of names (``A, B and C``), read or not."""
        facts = mentions.facts
        i = facts.index(m)
        for a, b in ((facts[i - 1], m) if i > 0 else (None, None), (m, facts[i + 1]) if i + 1 < len(facts) else (None, None)):
            if a is not None and b["start"] - a["end"] <= 40 and self.patterns["joined"].fullmatch(text, a["end"], b["start"]):
                return True  # "A, B", "A and B", "symbolic (A) and general-purpose (B)"
        p = self.patterns
        return bool(p["coordinated_after"].match(text, m["end"]) or p["coordinated_before"].search(text, max(0, m["start"] - 40), m["start"]))

    def _next_by(self, text: str, c: dict, b: dict, next_number: int) -> bool:
        """``by 4.17% and even exceeding LLaMA3.1-70B on PubMedQA by 4.60%``, ``by +28 points and the
        best published FC-MH result by +20``: a name after the number and a coordination, right
        before ``by`` and the next number, is that number's."""
        return c["end"] <= b["start"] < next_number and _NAME_BY.fullmatch(text, b["end"], next_number) is not None \
            and _AND_OR_COMMA.search(text, c["end"], b["start"]) is not None

    def _next_items(self, text: str, c: dict, b: dict, next_start: int) -> bool:
        """``SOP-Bench from 80% to 95%, Lifelong AgentBench from 90% to 100%``: a name past a comma
        after the number, in the same item as the next number (which starts at ``next_start``), is that number's."""
        if not c["end"] <= b["start"] < b["end"] <= next_start:
            return False
        if _OWN_NUMBER.fullmatch(text, b["end"], next_start) and _ITEM_JOIN.fullmatch(text, c["end"], b["start"]):
            return True  # "on GPQA by 9.9% and MMLU-Pro (0-shot) by 9.1%": the name before the next number is its
        return "," in text[c["end"] : b["start"]] and not _ITEM_END.search(text, b["end"], next_start)

    def _transfer_source(self, text: str, corpus: dict) -> bool:
        p = self.patterns
        m = p["transfer_to"].match(text, corpus["end"])
        return bool(m and (m["arrow"] or p["from_before"].search(text, max(0, corpus["start"] - 12), corpus["start"])))

    def _trained_on(self, text: str, corpus: dict) -> bool:
        p = self.patterns
        return bool(p["trained_after"].match(text, corpus["end"]) or p["trained_before"].search(text, max(0, corpus["start"] - 40), corpus["start"]))

    def _measured_on(self, text: str, benchmarks: Mentions, c: dict, e: int, single: bool = True) -> str | None:
        """``52.6% IEX on SParC``: a benchmark that the words right after the number name."""
        found = benchmarks.starting_in(c["end"], min(e, c["end"] + 60))
        for i, b in enumerate(found):
            if self.patterns["on_bench"].fullmatch(text, c["end"], b["start"]):
                if not single or (i + 1 == len(found) or not self.patterns["name_list"].fullmatch(text, b["end"], found[i + 1]["start"])) \
                        and not _repeated_modifier(text, c["end"], b):
                    return b["name"]
                return ""  # "a 3% gain on A, B and C" is on none of them alone, nor "on unseen A and unseen B"
        return None

    def _model(self, text: str, c: dict, clause: tuple[int, int], s: int, e: int, models: Mentions) -> str | None:
        owner = c.get("owner")
        if owner is not None and owner["owner_kind"] == "model":
            return owner["name"]
        if owner is not None and owner["owner_kind"] == "name":
            named = [m for m in models.starting_in(owner["start"], owner["end"]) if m["end"] <= owner["end"]]
            return named[0]["name"] if named else None
        # the subject: the nearest model before the number that no comparison word governs
        for lo in (clause[0], s):
            for m in reversed(models.starting_in(lo, c["start"])):
                if m["end"] <= c["start"] and not self.patterns["comparison"].search(text, max(lo, m["start"] - 30), m["start"]):
                    return m["name"]
        return _nearest(models, c, *clause) or _nearest(models, c, s, e)

    # ---------------------------------------------------------------- is it a score, which kind

    def _condition_at(self, text: str, metric: dict, metrics: Mentions) -> bool:
        """Whether a metric after ``at`` sets the condition of another score (``mAP at IoU
        0.5``, ``a 4.1% AP gain at IoU=0.8``) rather than reporting one (``transfers at AUROC 0.748``)."""
        p = self.patterns
        at = p["at_before"].search(text, max(0, metric["start"] - 6), metric["start"])
        if at is None:
            return False
        return bool(p["number_before"].search(text, max(0, at.start() - 40), at.start())) or any(
            0 <= at.start() - m["end"] <= 2 for m in metrics.starting_in(at.start() - 40, at.start())
        )

    def _not_a_score(self, number: str, before: str, after: str, c: dict, wide_before) -> bool:
        p = self.patterns
        if c["rule"] in ("score.paren", "score.possessive", "score.rating_mean", "score.versus"):
            return bool(p["years"].match(number))
        if c["unit"] == "%" and p["performance_of"].match(after):
            return False  # "retains 95.2% of the baseline performance"
        if c["unit"] == "%" and p["fraction_of"].match(after) and not p["delta_after"].match(after) and not c.get("of_model"):
            # "85% of patent filings" is a share, "solves 45% of the tasks" a result
            return not (p["task_noun"].match(after) and p["task_of"].search(before))
        if c["rule"] == "score.points" and p["n_point"].fullmatch(number) and not p["delta_after"].match(after):
            return True  # "5-point scalar ratings": a scale, where "a 2.1-point gain" is a change
        if p["spread_before"].search(before):
            return True  # "variation of +/- 0.7%": a spread
        return bool(
            p["years"].match(number) or (p["not_before"].search(before) and not p["margin_by"].search(wide_before()))
            or p["not_after"].search(after) or p["share_after"].match(after)
            or p["efficiency_before"].search(before) or p["efficiency_after"].search(after)
        )

    def _carried_rejection(self, text: str, rejected: dict, c: dict, s: int) -> bool:
        """``reduces the cost by about 20% on A and up to 51.6% on B``: a number that continues
        the list of a rejected one, with no result word between, is rejected too."""
        if rejected["sentence"] != s:
            return False
        between = text[rejected["end"] : c["start"]]
        if _RANGE_JOIN.fullmatch(between):
            return True  # the other end of a range: "reduce the cost by 20% to 60%", "by 14-47\\%"
        if not self.patterns["list_carry"].fullmatch(between):
            return False
        if not re.search(r",|\band\b|\bor\b|/", between):
            return False
        return not self.patterns["result_word"].search(between)

    def _kind(self, c: dict, before: str, after: str, raw_after: str) -> tuple[str, bool]:
        """(kind, whether the text says so) for one candidate."""
        p = self.patterns
        if p["from_to"].search(before) or (p["from_start"].match(raw_after) and re.search(r"\bfrom\s+(?:[\w\-']+\s+){0,2}?$", before)):
            return "absolute", True
        if c["rule"] in ("score.paren", "score.possessive", "score.versus", "score.rating_mean", "score.plus_minus", "score.out_of"):
            return "absolute", True  # a named model's own number, a mean
        if "lead" in c and not p["delta_after"].search(after) and (
            p["from_or_to"].search(c["lead"]) or not p["delta_before"].search(c["lead"])
        ):
            return "absolute", True  # "Dice 0.687", "improved from Dice 0.687": a metric's value, not a change
        equals = p["equals_before"].search(before)
        if equals and not c["signed"] and not _DELTA_NAME.search(before, 0, equals.start()):
            return "absolute", True  # "(+3.4 pp, EIR = 0%)": a named quantity's value, beside a change; not "delta Dice = 1.5%"
        if p["to_value"].search(before) and not c["signed"]:
            return "absolute", True  # "reduces the error to 7.07%"
        if p["threshold"].search(before) and not c["signed"] and not p["delta_after"].search(after):
            return "absolute", True  # "deadlock rates exceeding 95%"
        up_to = p["up_to_result"].search(before)
        if up_to and p["metric_after"].match(raw_after) and not p["delta_after"].search(after) and not p["delta_before"].search(before, 0, up_to.start()) \
                and not c["signed"] and c["unit"] != "points":
            return "absolute", True  # "(up to 100% accuracy)"; not "achieving up to +9.5pp accuracy"
        if self._result_verb_nearer(c, before, after):
            return "absolute", True  # "outperforms ORM, reaching 51.3% vs. 46.3%": the nearer cue says what the number is
        if c["signed"] or c.get("ratio") or p["delta_before"].search(before) or p["delta_after"].search(after):
            return "delta", True
        if up_to and self._bounds_a_change(before[: up_to.start()]):
            return "delta", True  # "top-1 gains over CLIP zero-shot of up to 21.44%": what is bounded is a change
        if p["absolute_before"].search(before) or p["versus"].search(after) or p["versus"].search(before):
            return "absolute", True  # "achieves 58.1%", "(90.6% vs. 89.8%)"
        if c["unit"] == "points":
            return "delta", True  # "47 F1 points", "36.5 points higher": points are differences
        if c["rule"] in ("score.paren", "score.value_metric", "score.rating_mean", "score.plus_minus", "score.from_to", "score.versus"):
            return "absolute", True
        return "absolute", False

    def _bounds_a_change(self, head: str) -> bool:
        """``up to`` is a bound, not a change: the number is a change when its clause names one
        before it (``reductions of up to``, ``improves premise detection (up to``) and no result
        verb comes after that (``outperforms X, achieving high accuracy (up to``)."""
        p = self.patterns
        cut = max((m.end() for m in p["clause"].finditer(head)), default=0)
        last = None
        for last in p["change_word"].finditer(head, cut):
            pass
        return last is not None and not _RESULT_VERB.search(head, last.end())

    def _result_verb_nearer(self, c: dict, before: str, after: str) -> bool:
        """A result verb (``reaching``, ``achieves``) between a change word and the number, with
        no change word after it: ``outperforms ORM, reaching 51.3%`` is a result, where
        ``achieves gains of 3%`` and ``improves by 3%`` are changes."""
        p = self.patterns
        if c["signed"] or c.get("ratio") or p["delta_after"].search(after):
            return False
        delta = p["delta_before"].search(before)
        result = p["result_verb_before"].search(before)
        if not (delta and result and result.start() > delta.start()) or p["delta_before"].search(before, result.start()):
            return False
        # the change word is not the verb's subject: "gains, reaching 62.13%", not "the reduction reaches 17%"
        last = None
        for last in p["delta_word"].finditer(before, delta.start(), result.start()):
            pass
        return last is not None and bool(before[last.end() : result.start()].strip())

    def _list_shares_rejection(self, text: str, items: list[dict], rejected: list[dict]) -> list[dict]:
        """``at 10%, 20%, and 50% sparsity``: the noun after a list's last member says what
        each member measures, so a list whose last member is no score is none; not after a
        change word (``improves by 5%, and 30% fewer parameters``)."""
        if not rejected or not items:
            return items
        p, dropped = self.patterns, set()
        for r in rejected:
            if re.match(r"[\s}$]*of\b", text[r["end"] : r["end"] + 12]):
                continue  # "77.82% and 86.38% of tasks": a share is judged by its own verb, not the list's
            chain, cur = [], r
            while True:
                prev = next((i for i in reversed(items) if i["end"] <= cur["start"] and i["start"] not in dropped), None)
                if prev is None or not p["list"].fullmatch(text, prev["end"], cur["start"]):
                    break
                chain.append(prev)
                cur = prev
            # a coordination ("A, B, and C sparsity"), not a comma before a bracket's CI ("AUC: 0.97, 95% CI")
            coordinated = chain and re.search(r"\b(?:and|or)\b", text[chain[0]["end"] : r["start"]])
            if coordinated and not p["delta_word"].search(text, max(0, chain[-1]["start"] - 40), chain[-1]["start"]):
                dropped.update(i["start"] for i in chain)
        return [i for i in items if i["start"] not in dropped] if dropped else items

    def _share_list_kinds(self, text: str, items: list[dict]) -> list[dict]:
        """``by 49.76%, 50.05% and 44.69%``, ``4.8% and 21.5% absolute improvements``:
        the members of a list are all deltas if one is; not where only a written sign makes
        one a delta (``Intent-QA (79.0%, +6.2% over previous SOTA)``: a result and its gain)."""
        for run in self._runs(text, items):
            if any(i["kind"] == "delta" and not _SIGNED.match(i["text"]) for i in run):
                for i in run:
                    i["kind"] = "delta"
        return self._share_range_kinds(text, items)

    def _runs(self, text: str, items: list[dict]) -> list[list[dict]]:
        """Maximal runs of items joined only by list separators (``, ``, ``and``, ``/``)."""
        runs: list[list[dict]] = []
        for item in items:
            if runs and self.patterns["number_list"].fullmatch(text, runs[-1][-1]["end"], item["start"]):
                runs[-1].append(item)
            else:
                runs.append([item])
        return runs

    def _share_range_kinds(self, text: str, items: list[dict]) -> list[dict]:
        """``3%sim20% gains``: the members of a range are both deltas if either is."""
        for a, b in zip(items, items[1:]):
            if self.patterns["range"].fullmatch(text, a["end"], b["start"]) and "delta" in (a["kind"], b["kind"]):
                if not self.patterns["from_to"].search(text[max(0, a["start"] - 60) : b["start"]]):
                    a["kind"] = b["kind"] = "delta"
        return items

    def _align_lists(self, text: str, items: list[dict], corpora: Mentions) -> None:
        """The i-th number goes with the i-th name: ``... 49.76%, 50.05% ... on A and B, respectively``,
        ``reaches 31.2, 28.7 and 40.5 BLEU on A, B and C``."""
        by_sentence: dict[int, list[dict]] = {}
        for item in items:
            by_sentence.setdefault(item["sentence"], []).append(item)
        for start, group in by_sentence.items():
            end = _SENTENCE_END.search(text, group[-1]["end"])
            sentence = text[start : len(text) if end is None else end.start()]
            resp = self.patterns["respectively"].search(sentence)
            if len(group) >= 2 and resp:
                names = [b for b in corpora.starting_in(start, start + len(sentence))]
                names = [b for b in names if b["start"] > group[0]["start"]] or names
                if len(names) == len(group) and len({b["name"] for b in names}) == len(names):
                    for item, bench in zip(group, names):
                        item["benchmark"], item["rule"] = bench["name"], "score.list_respectively"
                    continue
                # the run of numbers the word "respectively" closes, against the sentence's distinct names
                runs = [r for r in self._runs(text, group) if len(r) >= 2 and r[-1]["end"] <= start + resp.start()]
                if runs:
                    run, distinct = runs[-1], []
                    for b in names:
                        if b["name"] not in distinct:
                            distinct.append(b["name"])
                    if not any(all(self.patterns["name_list"].fullmatch(text, a["end"], b["start"]) for a, b in zip(names[i : i + len(run)], names[i + 1 : i + len(run)]))
                               and len({b["name"] for b in names[i : i + len(run)]}) == len(run) for i in range(len(names) - len(run) + 1)):
                        distinct = []  # "... by 17% and 15% for additive and multiplicative noise, respectively": not a list of names
                    inside = [b for b in names if run[-1]["end"] <= b["start"] and b["end"] <= start + resp.start()]
                    if len({b["name"] for b in inside}) == 1 and _ON_BEFORE.search(text, max(0, inside[0]["start"] - 20), inside[0]["start"]) \
                            and not _LIST_GOES_ON.match(text, inside[-1]["end"]):
                        # "0.17%, 0.67%, and 0.92% in R@1, R@5 and mR on RSITMD, respectively": the numbers
                        # pair with what lies between, and are all on the one name there
                        for item in run:
                            item["benchmark"], item["rule"] = inside[0]["name"], "score.list_on_one"
                    elif self._measured_on(text, corpora, run[-1], start + len(sentence), single=False) is None:
                        # "On Spider, ... 87.2% and 88.6% on the Dev and Test sets, respectively": splits,
                        # not names; the benchmark that frames the sentence (before its first score) holds for each
                        fronted = {b["name"] for b in corpora.starting_in(start, group[0]["start"]) if b["end"] <= group[0]["start"]}
                        for item, name in zip(run, distinct if len(distinct) == len(run) else [None] * len(run)):
                            if name:
                                item["benchmark"], item["rule"] = name, "score.list_respectively"
                            elif item["benchmark"] not in fronted:
                                item["benchmark"] = None
            for run in self._runs(text, group):
                if len(run) < 2 or all(item["rule"] == "score.list_on_one" for item in run):
                    continue
                first = self._measured_on(text, corpora, run[-1], start + len(sentence), single=False)
                if first is None:
                    # "On A and B, ... +3.0% and +1.71% gains": a list of as many names before the run, in its clause
                    before = [b for b in corpora.starting_in(run[0]["clause"][0], run[0]["start"]) if b["end"] <= run[0]["start"]]
                    listed = before[-len(run):]
                    if len(listed) == len(run) and all(
                        self.patterns["name_list"].fullmatch(text, a["end"], b["start"]) for a, b in zip(listed, listed[1:])
                    ) and (len(before) == len(run) or not self.patterns["name_list"].fullmatch(text, before[-len(run) - 1]["end"], listed[0]["start"])):
                        for item, bench in zip(run, listed):
                            item["benchmark"], item["rule"] = bench["name"], "score.list_respectively"
                    continue
                names = [b for b in corpora.starting_in(run[-1]["end"], start + len(sentence))]
                names = names[next(i for i, b in enumerate(names) if b["name"] == first):]
                if (len(names) == 1 or not self.patterns["name_list"].fullmatch(text, names[0]["end"], names[1]["start"])) \
                        and not _LIST_GOES_ON.match(text, names[0]["end"]) and len({item["kind"] for item in run}) == 1 \
                        and (len(run) > 2 or "," not in text[run[0]["end"] : run[1]["start"]]):  # "by 5%, and 84% on B": two clauses
                    # "0.04%, 2.93%, and 1.28% on RSICD": one name after the run, each number is on it
                    for item in run:
                        item["benchmark"], item["rule"] = first, "score.list_on_one"
                    continue
                listed = [names[0]]
                for b in names[1:]:
                    if len(listed) == len(run) or not self.patterns["name_list"].fullmatch(text, listed[-1]["end"], b["start"]):
                        break
                    listed.append(b)
                if len(listed) == len(run):
                    for item, bench in zip(run, listed):
                        item["benchmark"], item["rule"] = bench["name"], "score.list_respectively"

    def _align_metrics(self, text: str, items: list[dict], metrics: Mentions) -> None:
        """The i-th number of a run that ``respectively`` closes goes with the i-th metric of the
        list between the run and that word: ``by up to 24.6%, 21.8%, and 5.6% on CLIP-IQA, DOVER,
        and MUSIQ, respectively``."""
        p = self.patterns
        for run in self._runs(text, items):
            if len(run) < 2:
                continue
            end = _SENTENCE_END.search(text, run[-1]["end"])
            resp = p["respectively"].search(text, run[-1]["end"], len(text) if end is None else end.start())
            if resp is None:
                continue
            listed = [m for m in metrics.starting_in(run[-1]["end"], resp.start()) if m["end"] <= resp.start()]
            if len(listed) == len(run) and len({m["name"] for m in listed}) == len(listed) and all(
                p["list"].fullmatch(text, a["end"], b["start"]) for a, b in zip(listed, listed[1:])
            ):
                for item, metric in zip(run, listed):
                    item["metric"] = metric["name"]

    def set_annotations(self, doc: Doc, items: list[dict]) -> None:
        write_facts(doc, "score", items)


#: What may stand between the words before a number and the number: ``($``, ``~``, ``[``.
_TRAILING = re.compile(r"(?<=\S)[\s$(\[~]*[$(\[~][\s$(\[~]*$")


#: A verb that states a result, anywhere after a change word (``outperforms X, achieving``).
_RESULT_VERB = re.compile(r"\b(?:achiev|reach|obtain|attain|scor|yield|deliver)\w*", re.IGNORECASE)


#: What joins the two ends of a range of numbers (``20% to 60%``, ``14-47\\%``).
_RANGE_JOIN = re.compile(r"\s*(?:\\?%|\$)?\s*(?:to|-|\u2013|~|\$?\\sim\$?)\s*\$?")

#: LaTeX opened right before a number: ``by \\textbf{69.7\\%}``.
_LATEX_OPEN = re.compile(r"(?:\\(?:textbf|textit|mathbf|boldsymbol|bm|underline|emph)\{|\{)+$")


#: A word that makes the quantity named after it a change (``delta Dice = 1.5%``).
_DELTA_NAME = re.compile(r"(?:\b[Dd]elta|\\Delta|\u0394)\s*\$?\s*$")

#: A clause's own "on X": a name, capitalized, that a result is reported on.
_OWN_ON = re.compile(r"(?<![\w\-])[Oo]n\s+(?:the\s+)?(?=[A-Z][\w\-+]*[A-Z0-9])")

#: Where a sentence ends after a list: not the "." of a number or a name ("MobileViTv2-1.0").
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")

#: What ends a list item (a bracket inside one does not: "leads Sintel (clean) with an EPE of 0.963").
_ITEM_END = re.compile(r"[,;]")

#: Between a number and the next item's name: "9.9% and MMLU-Pro", "9.9%, and on MMLU-Pro".
_ITEM_JOIN = re.compile(r"\s*,?\s*(?:and|while|whereas|but)\s+(?:on\s+|for\s+)?(?:the\s+)?")

#: Between a name and its own number: "MMLU-Pro (0-shot) by ", "MMLU-Pro: ", "MMLU-Pro to ".
_OWN_NUMBER = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:by|to|of|at|with|reaching|:|=)?\s*(?:\$\s*)?(?:\\approx\s*|~\s*)?")

#: What may stand before a clause's first word: punctuation, a conjunction.
_CLAUSE_LEAD = re.compile(r"[\s,;]*(?:(?:and|while|whereas|but)\b[\s,]*)?")

#: A number written with its sign (``+6.2%``, ``$-0.18$``).
_SIGNED = re.compile(r"[$\s]*[+\-\u2212]")


#: the word that puts a name after a result: "... on RSITMD", "... across the GLUE"
_ON_BEFORE = re.compile(r"\b(?:on|across|over)\s+(?:the\s+)?$")
#: more names follow one, though unread: "VOC 2007 \& 2012", "DOTA-v1.0/DOTA-v1.5", "Subtasks 1, 2, and 3", "PASCAL-5$^i$ and COCO-20$^i$",
#: "CVC-ClinicDB and unseen Kvasir-SEG"
_LIST_GOES_ON = re.compile(r"(?:\$[^$]{0,12}\$)?\s*(?:/|\\?&|,\s*(?:and\s+)?[A-Z0-9$\\]|and\s+(?:the\s+)?(?:[a-z][\w\-]*\s+)?[A-Z0-9$\\])")


def _repeated_modifier(text: str, after: int, name: dict) -> bool:
    """The word before ``name`` opens a coordination of names it modifies each time
    (``on unseen CVC-ClinicDB and unseen Kvasir-SEG``): a result is on none alone."""
    word = re.search(r"([a-z][\w\-]*)\s+$", text[max(after, name["start"] - 30) : name["start"]])
    return bool(word) and re.match(rf"\s*(?:,\s*)?(?:and|or)\s+{re.escape(word.group(1))}\s", text[name["end"] : name["end"] + 40]) is not None


def _first_of_overlaps(found: list[tuple[int, int, dict]]) -> list[dict]:
    """The candidates by start, the one of lower priority number kept where two overlap."""
    kept: list[dict] = []
    for start, _, cand in sorted(found, key=lambda t: (t[0], t[1])):
        if kept and start < kept[-1]["end"]:
            continue
        kept.append(cand)
    return kept


_METRIC_TAIL = re.compile(r"[\s\-](?:[Ss]core|[Mm]etric)$")


def _is_metric(name: dict, metrics: Mentions, metric_keys: set[str]) -> bool:
    """Whether a benchmark/dataset mention is a metric's name or lies on one (``BERTScore``)."""
    if name_key(name["name"]) in metric_keys or _METRIC_TAIL.search(name["name"]):
        return True  # "GenEval Score": a benchmark's score is a metric
    return any(m["start"] <= name["start"] and name["end"] <= m["end"] for m in metrics.starting_in(name["start"] - 40, name["start"] + 1))


def _all_occurrences(text: str, mentions: Mentions) -> Mentions:
    """The mentions plus every other whole-word occurrence of their names."""
    if not mentions.facts:
        return mentions
    seen = {(m["start"], m["end"]) for m in mentions.facts}
    extra = []
    for name in {m["name"] for m in mentions.facts}:
        for at in occurrences(text, name):
            end = at + len(name)
            if (at, end) not in seen and not any(m["start"] <= at < m["end"] or at <= m["start"] < end for m in mentions.starting_in(at - 100, end)):
                extra.append({"name": name, "start": at, "end": end})
    return Mentions(mentions.facts + extra) if extra else mentions


#: Between a metric and the change it is given (``MSE by 16.7%``, ``MAE by up to 6%``).
_BY_GAP = re.compile(r"\s+by\s+(?:about\s+|approximately\s+|up\s+to\s+|nearly\s+|over\s+|~\s*)?\$?[+\-\u2212]?$")


#: Between a name and the next number, which the name's clause gives it: "by 4.17% and even
#: exceeding LLaMA3.1-70B on PubMedQA by 4.60%", "the best published FC-MH result by +20".
_AND_OR_COMMA = re.compile(r"\band\b|,")
_NAME_BY = re.compile(r"(?:\s+(?:results?|scores?))?" + _BY_GAP.pattern)


def _metric_by(text: str, metrics: Mentions, c: dict) -> dict | None:
    """The metric a number is the change of: the one named just before ``by`` (``reducing MSE
    by 16.7%, MAE by 6.03%``: 16.7% is MSE's, though MAE stands nearer after it)."""
    for m in metrics.starting_in(c["start"] - 60, c["start"]):
        if _BY_GAP.fullmatch(text, m["end"], c["start"]):
            return m
    return None


def _nearest(mentions: Mentions, c: dict, s: int, e: int, prefer_after: bool = False, mention: bool = False):
    """The name of the mention in [s, e) nearest to the candidate (within 300 characters)."""
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
            best, best_d = m, d
    return best if mention or best is None else best["name"]


@Language.factory(
    "paperfacts_scores",
    requires=attrs("gazetteer_metric", "benchmark", "dataset", "model", "parameter_count", "token_count"),
    assigns=attrs("score"),
)
def make_score_extractor(nlp: Language, name: str) -> ScoreExtractor:
    require_paperfacts(nlp)
    return ScoreExtractor(nlp, name=name)


def _without_number_dumps(doc: Doc, candidates: list[dict]) -> list[dict]:
    """``candidates`` less those of sentences that hold more than
    ``MAX_NUMBERS_PER_SENTENCE`` of them."""
    per_sentence = Counter(sentence_of(doc, c["start"]) for c in candidates)
    return [c for c in candidates if per_sentence[sentence_of(doc, c["start"])] <= MAX_NUMBERS_PER_SENTENCE]
