"""The fast scanning paths find exactly what the plain regex scans find.

Each speed-up in the scanning (the Aho-Corasick candidates of the gazetteer,
the cue-word windows of ``trie.Gated``, the URL finder's runs, the trie-shaped
alternations, the batch order of the components) claims to change no match.
These tests compare each fast path with the plain scan it replaces, on the real
abstracts of ``tests/fixtures/papers.jsonl`` and on hand-made hard cases.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperfacts import get_nlp
from paperfacts.extractors import text_of
from paperfacts.extractors.corpora import _after_name, _names_reach
from paperfacts.extractors.gazetteer import LEFT, MODES, _may_precede
from paperfacts.literals import Literals
from paperfacts.normalize import urls
from paperfacts.affix_index import AffixIndex
from paperfacts.pipeline import _LONG_RUN, TOKENIZER_CACHE, _has_long_run, make_doc
from paperfacts.trie import GATE_WORDS, WORDS_BEFORE_REACH, Gated, _GateWords, alternation, words_back

from conftest import FIXTURES

PAPERS = [json.loads(line) for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]
REAL_TEXTS = [(p.get("title") or "") + "\n\n" + p["abstract"] for p in PAPERS]
HARD_TEXTS = [
    "We test GPT-4o, LLaMA-2-7B and ImageNet-1K (ImageNet-R) on MMLU, GSM8K, arc and piqa.",
    "Arena-Hard and Arena Hard; FLAN-PaLM, Flan-T5; x.MMLU, a/MMLU, a@MMLU, _MMLU, -MMLU.",
    "LLAMA and LLaMa and Llama, Tülu and τ-bench, R² and δ1.",
    "İstanbul GPT-4 on MMLU: lower-casing İ makes the text longer.",
    "The \u212aelvin sign and K-FAC: MMLU\u00a0and\u2003GSM8K after odd spaces.",
    "",
    "MMLU",
]


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def _texts(nlp) -> list[str]:
    return [text_of(make_doc(nlp, t, None)) for t in REAL_TEXTS + HARD_TEXTS]


# --------------------------------------------------------------------------
# Literals
# --------------------------------------------------------------------------


def test_literals_find_every_occurrence_overlaps_included():
    lit = Literals([("ab", 1), ("b", 2), ("abc", 3)])
    found = sorted((end - size + 1, string, value) for end, (size, string, value) in lit.find("xabc ab"))
    assert found == [(1, "ab", 1), (1, "abc", 3), (2, "b", 2), (5, "ab", 1), (6, "b", 2)]


def test_gate_word_positions_and_the_length_changing_case():
    gates = _GateWords()
    gates.add({"gpt", "model"})
    assert gates.positions("A GPT model, GPT.") == {"gpt": [2, 13], "model": [6]}
    assert gates.positions("\u0130 GPT") is None  # "İ".lower() is two characters
    assert _GateWords().positions("anything") == {}


def test_gate_words_remember_recent_texts_but_stay_bounded():
    gates = _GateWords()
    gates.add({"a"})
    first = "a" * 3
    assert gates.positions(first) is gates.positions(first)
    for i in range(gates.RECENT + 5):
        gates.positions(f"a {i}")
    assert len(gates._recent) <= gates.RECENT
    assert gates.positions(first) == {"a": [0, 1, 2]}
    huge = "a " * gates.RECENT_CHARS
    assert len(gates.positions(huge)["a"]) == gates.RECENT_CHARS
    assert gates._recent_chars <= gates.RECENT_CHARS and id(huge) not in gates._recent


# --------------------------------------------------------------------------
# Gazetteer: automaton candidates + regex at those starts == regex finditer
# --------------------------------------------------------------------------


def _plain(g, text):
    lowered = text.lower()
    lowered = lowered if len(lowered) == len(text) else None
    return [(mode, m.span()) for mode in MODES for m in g._finditer(mode, text, lowered)]


def _fast(g, text):
    lowered = text.lower()
    lowered = lowered if len(lowered) == len(text) else None
    return [(mode, m.span()) for mode, m in g._matches(text, lowered)]


def test_may_precede_is_what_the_left_boundary_asks():
    left = re.compile(LEFT + "x")
    for code in range(0x3100):
        ch = chr(code)
        assert _may_precede(ch) == bool(left.match(ch + "x", 1)), hex(code)


def test_gazetteer_candidates_change_no_match(nlp):
    g = nlp.get_pipe("paperfacts_gazetteer")
    texts = _texts(nlp)
    assert any(_plain(g, t) for t in texts)
    for text in texts:
        assert _fast(g, text) == _plain(g, text), text[:80]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["MMLU", "mmlu", "GPT-4o", "Arena", "Hard", "LLaMA", "llama", "-", ".", "/", "@", "_",
                                 " ", "  ", "\n", "(", ")", "İ", "é", "τ-bench", "7B", "x", "1K", "Net"]), max_size=25))
def test_gazetteer_candidates_change_no_match_on_generated_text(nlp, parts):
    g = nlp.get_pipe("paperfacts_gazetteer")
    text = "".join(parts)
    assert _fast(g, text) == _plain(g, text)


# --------------------------------------------------------------------------
# Gated windows
# --------------------------------------------------------------------------


def _gated_patterns(nlp):
    for name, proc in nlp.pipeline:
        for key, pattern in (getattr(proc, "patterns", None) or {}).items():
            if isinstance(pattern, Gated):
                yield f"{name}.{key}", pattern


def test_windowed_patterns_find_what_the_whole_text_scan_finds(nlp):
    texts = _texts(nlp)
    windowed = [(name, g) for name, g in _gated_patterns(nlp) if g.window or g.starts]
    assert len(windowed) >= 15
    seen = 0
    for name, g in windowed:
        for text in texts:
            fast = [(m.span(), m.groups()) for m in g.finditer(text)]
            gate_open = g.gate is None or g.gate(text)
            plain = [(m.span(), m.groups()) for m in g.pattern.finditer(text)] if gate_open else []
            assert fast == plain, (name, text[:80])
            seen += len(plain)
    assert seen > 20  # the texts do exercise the patterns


def test_a_window_too_small_falls_back_to_the_whole_text():
    g = Gated(re.compile(r"\bfoo\s+bar\w*"), ["foo"], window=(0, 5))
    text = "x foo barbazqux and foo bar"
    assert [m.group() for m in g.finditer(text)] == ["foo barbazqux", "foo bar"]


def test_patterns_tried_only_where_a_word_starts():
    g = Gated(re.compile(r"\b(?:score|accuracy)\s+of\s+\d+"), ["score", "accuracy"], starts=True)
    text = "a Score of 3, an accuracy of 91 and scores of 4; accuracy of accuracy of 5"
    assert [m.group() for m in g.finditer(text)] == [m.group() for m in g.pattern.finditer(text)] == ["accuracy of 91", "accuracy of 5"]


def test_a_where_test_rules_out_places_of_the_word():
    pattern = re.compile(r"[A-Z]\w*\s+dataset\b")
    text = "a new dataset, the ImageNet dataset and COCO 2017 dataset (the MS-COCO)  dataset"
    g = Gated(pattern, ["dataset"], window=(40, 10), where=_after_name)
    assert [m.span() for m in g.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert [_after_name(text, m.start()) for m in re.finditer("dataset", text)] == [False, True, True, True]
    assert list(Gated(pattern, ["dataset"], window=(40, 10), where=lambda text, at: False).finditer(text)) == []


def test_words_back_give_each_word_with_its_start():
    text = "we train on  the\nImageNet dataset"
    at = text.index("dataset")
    assert list(words_back(text, at, 3)) == [(text.index("ImageNet"), "ImageNet"), (text.index("the"), "the"), (9, "on")]
    # words longer than the reach in all: read back to the start, not from a word cut in two
    long = "a " + "x" * (WORDS_BEFORE_REACH + 10) + " model"
    assert list(words_back(long, long.index("model"), 2)) == [(2, "x" * (WORDS_BEFORE_REACH + 10)), (0, "a")]


def test_a_reach_narrows_a_window_and_changes_no_match():
    pattern = re.compile(r"(?:[A-Z]\w*\s+(?:and\s+)?)+(?:dataset|benchmark)s?\b")
    text = "we train on the ImageNet and COCO datasets and test on the Foo Bar benchmark"
    assert text[_names_reach(text, text.index("datasets")) :].startswith(" ImageNet and COCO")
    assert text[_names_reach(text, text.index("benchmark")) :].startswith(" Foo Bar")
    expected = [m.span() for m in pattern.finditer(text)]
    assert len(expected) == 2
    g = Gated(pattern, ["dataset", "benchmark"], window=(300, 10), reach=_names_reach)
    assert [m.span() for m in g.finditer(text)] == expected
    # a later word that reaches further back than an earlier one: windows are merged in order
    g = Gated(pattern, ["dataset", "benchmark"], window=(300, 10), reach=lambda text, at: 0 if at > 60 else text.index("Image"))
    assert [m.span() for m in g.finditer(text)] == expected


def test_gated_pattern_without_its_word_runs_nothing():
    g = Gated(re.compile(r"\bzzyzx\w*"), ["zzyzx"], window=(0, 20))
    assert list(g.finditer("no such word here")) == []
    assert [m.group() for m in g.finditer("ZZYZXes and zzyzx")] == ["zzyzx"]
    assert GATE_WORDS.positions("\u0130 zzyzx") is None
    assert [m.group() for m in g.finditer("\u0130 zzyzx")] == ["zzyzx"]  # no positions: whole text


def test_equal_word_sets_are_one_set_to_ask_with():
    # anchors looks word sets up by identity first: an equal copy would compare word by word
    words = GATE_WORDS.add(["Zzyzx", "qwxv"])
    assert GATE_WORDS.add({"qwxv", "zzyzx"}) is words == frozenset({"zzyzx", "qwxv"})
    assert Gated(re.compile(r"zzyzx|qwxv"), ["QWXV", "zzyzx"]).words is words
    assert GATE_WORDS.anchors("qwxv and Zzyzx", words) == [(0, 4), (9, 5)]
    assert GATE_WORDS.anchors("qwxv and Zzyzx", frozenset(["zzyzx", "other"])) == [(9, 5)]  # a set never added


def test_text_of_a_doc_made_of_part_of_another_is_its_own(nlp):
    doc = make_doc(nlp, "We train a model. It scores 91.2 on MNLI.", "A title")
    assert text_of(doc) == doc.text
    part = doc[-6:].as_doc(copy_user_data=True)
    assert text_of(part) == part.text == "It scores 91.2 on MNLI."


#: The sentence break as first written: two alternatives, which ``re`` tried at every position.
_TWO_ALTERNATIVES = re.compile(r"[.!?](?P<gap>[\"')\]]?\s+)(?=[A-Z0-9(\[\"'\\$])|\n[ \t]*\n\s*")


def _break_spans(pattern, text):
    return [(m.span(), m.span("gap")) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?\n\t \"')](A1a$\\", max_size=40))
def test_sentence_break_finds_what_the_two_alternatives_find(text):
    from paperfacts.extractors.sentences import _BREAK

    assert _break_spans(_BREAK, text) == _break_spans(_TWO_ALTERNATIVES, text)


@pytest.mark.parametrize("text", REAL_TEXTS + HARD_TEXTS)
def test_sentence_break_on_real_texts(text):
    from paperfacts.extractors.sentences import _BREAK

    assert _break_spans(_BREAK, text) == _break_spans(_TWO_ALTERNATIVES, text)


# --------------------------------------------------------------------------
# URL finder runs
# --------------------------------------------------------------------------

URL_TEXTS = [
    "Code: https://github.com/a/b. Data at huggingface.co/datasets/x and www.example.org.",
    r"See \url{https://x.org/a} and https://x.org/\textasciitilde{} me/page or https://y.org/\textasciitilde  z.",
    "mail me@host.org, v1.2.3, e.g. foo.bar/baz, U.S. policy, github.com:443/a, (see github.com/x/y).",
    "https://a.io/x,https://b.io/y;github.com/z",
]


@pytest.mark.parametrize("text", URL_TEXTS + REAL_TEXTS)
def test_url_finder_runs_find_what_the_whole_text_scan_finds(text, monkeypatch):
    fast = urls.find_urls(text)
    monkeypatch.setattr(urls, "_finder_matches", urls._FINDER.finditer)
    assert fast == urls.find_urls(text)


# --------------------------------------------------------------------------
# Trie-shaped alternations
# --------------------------------------------------------------------------

WORDS = st.lists(st.text(alphabet="abAB -", min_size=1, max_size=4), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.text(alphabet="abAB -x", max_size=30), st.booleans())
def test_alternation_prefers_what_the_longest_first_alternation_prefers(words, text, ignore_case):
    flags = re.IGNORECASE if ignore_case else 0
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    # a context after the words makes the preference visible: "ab" vs "abA" before "A"
    for tail in ("", "(?![aAbB])", "A"):
        got = [m.span() for m in re.finditer(f"(?:{alternation(words)}){tail}", text, flags)]
        want = [m.span() for m in re.finditer(f"(?:{plain}){tail}", text, flags)]
        assert got == want


def test_alternation_falls_back_where_words_differ_only_in_case():
    assert alternation(["Ab", "abc"]) == "abc|Ab"
    assert alternation(["model", "models", "language model"]) == r"(?:language\ model|model(?:s)?)"


# --------------------------------------------------------------------------
# Batch order of the components
# --------------------------------------------------------------------------


def test_nlp_pipe_in_batches_equals_one_doc_at_a_time(nlp):
    one = [nlp(make_doc(nlp, t, None)) for t in REAL_TEXTS]
    batched = list(nlp.pipe((make_doc(nlp, t, None) for t in REAL_TEXTS), batch_size=4))
    for a, b in zip(one, batched):
        assert {k: a.spans[k].attrs["facts"] for k in a.spans} == {k: b.spans[k].attrs["facts"] for k in b.spans}


# --------------------------------------------------------------------------
# The tuned tokenizer
# --------------------------------------------------------------------------

WHITE_SPACE_TEXTS = [
    "two  spaces, then  three   and a tab\there,\t\ttwo tabs; a line\nbreak and\n\n  two",
    "e.g.  double space after a special case (i.e.  ``quoted''  text) and don't  stop",
    "no\u00a0break\u00a0 space, \u00a0 at\u2003em space \u3000 and \r\n CRLF \x0b\x0c ends  ",
    "  leading and trailing  ",
    " ",
    "\n",
]


def _tokens(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.norm_, t.is_space) for t in doc]


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def test_the_tuned_tokenizer_gives_blank_english_tokens(nlp, blank):
    assert nlp.tokenizer.max_cache_size == TOKENIZER_CACHE
    assert isinstance(nlp.tokenizer.suffix_search.__self__, AffixIndex)  # the stand-ins are in use
    assert " " not in nlp.tokenizer.rules and "\u00a0" in nlp.tokenizer.rules
    for text in WHITE_SPACE_TEXTS + REAL_TEXTS + [p["abstract"] for p in PAPERS]:
        for _ in range(2):  # the second time from the cache
            assert _tokens(nlp.make_doc(text)) == _tokens(blank.make_doc(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2003", "e.g.", "don't", "``", "''", "(", ")", ".",
                                 ",", "-", "x", "GPT-4", "7B", "'s", "U.S.", ":)", "C++", "vs."]), max_size=40))
def test_the_tuned_tokenizer_gives_blank_english_tokens_on_generated_text(nlp, blank, parts):
    text = "".join(parts)
    assert _tokens(nlp.make_doc(text)) == _tokens(blank.make_doc(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "ab" * 60, "x" * 249, "y" * 250, "z" * 251, " ", "\n", "\t", "\u00a0"]), max_size=30))
def test_long_run_check_agrees_with_the_regex(parts):
    text = "".join(parts)
    assert _has_long_run(text) == (_LONG_RUN.search(text) is not None)
