"""affix_index: the stand-ins find exactly what spaCy's own affix regexes find."""

from __future__ import annotations

import re

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokenizer import Tokenizer

from paperfacts.affix_index import AffixIndex, alternatives, indexed
from paperfacts.pipeline import get_nlp

#: kind -> the tokenizer attribute it stands in for
KINDS = {"prefix": "prefix_search", "suffix": "suffix_search", "infix": "infix_finditer", "url": "url_match"}

CASES = [
    # plain words, and words with punctuation on either side
    "", "x", "models", "models,", "models.", "(LLMs)", "[12]", "“quoted”", "'single'", "end…", "...", "wait...",
    # units, currencies, numbers
    "10km", "5kg.", "3.1", "1,000", "$5", "US$5", "€3", "7B)", "25%", "°C.", "1+2", "2^10", "3x3",
    # abbreviations and clitics
    "U.S.", "e.g.", "i.e.,", "'s", "it's", "LLaMA's", "models'", "n't",
    # infixes
    "state-of-the-art", "GPT-4o-mini", "a/b", "x:y", "a=b", "foo,bar", "A.B", "well--known", "x—y",
    # URLs and identifiers
    "https://github.com/a/b.", "www.example.com", "huggingface.co/models", "arXiv:2401.00001", "a@b.cd",
    "10.1.1.1", "192.168.0.1", "localhost:8000",
    # symbols and other scripts
    "©2024", "™", "→", "😀", "«x»", "「x」", "١٢٣", "км", "10км", "½",
    # a `$` before a final newline
    "x\n", ",\n", "\n", "km\n",
]


@pytest.fixture(scope="module")
def english() -> Tokenizer:
    return spacy.blank("en").tokenizer


def _spans(result):
    if result is None or isinstance(result, re.Match):
        return result and result.span()
    return [m.span() for m in result]


@pytest.fixture(scope="module")
def pairs(english) -> dict:
    return {kind: (getattr(english, attr), indexed(getattr(english, attr), kind)) for kind, attr in KINDS.items()}


@pytest.mark.parametrize("kind", KINDS)
def test_stand_ins_find_what_spacy_finds(pairs, kind):
    original, fast = pairs[kind]
    assert isinstance(fast.__self__, AffixIndex)  # indexed, not handed back unchanged
    assert fast.__self__.pattern == original.__self__.pattern  # what spaCy's serializers read
    for text in CASES:
        assert _spans(fast(text)) == _spans(original(text)), text


_ALPHABET = list("aAkmgsBTxz09.,;:!?()[]{}<>'\"`-–—/\\+*^=$€£%°…@#&_~|\n ©™→«»「」½") + ["км", "'s", "US$", "http://", "www."]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=12))
def test_stand_ins_find_what_spacy_finds_on_generated_strings(pairs, parts):
    text = "".join(parts)
    for kind, (original, fast) in pairs.items():
        assert _spans(fast(text)) == _spans(original(text)), (kind, text)


@pytest.mark.parametrize("pattern, pieces", [
    ("a|b", ["a", "b"]),
    ("(a|b)|c", ["(a|b)", "c"]),
    (r"[|]|x", ["[|]", "x"]),
    (r"\||y", [r"\|", "y"]),
    ("[]|]|z", ["[]|]", "z"]),
    ("[^]|]|z", ["[^]|]", "z"]),
    (r"[\]|]|z", [r"[\]|]", "z"]),
    ("(?:a|(b|c))", ["(?:a|(b|c))"]),
    ("(a", None),
    ("a)", None),
    ("[a", None),
])
def test_alternatives_split_only_at_the_top_level(pattern, pieces):
    assert alternatives(pattern) == pieces


@pytest.mark.parametrize("fn, kind", [
    (re.compile("^a|^b", re.IGNORECASE).search, "prefix"),  # case folding: not analysed
    (re.compile(r"^(a)|^b\1").search, "prefix"),  # a back-reference: joining subsets renumbers groups
    (re.compile(r"^(a)b\1|^c").search, "prefix"),  # one inside its own alternative, too
    (re.compile("a$", re.MULTILINE).search, "suffix"),
    (re.compile("^a  # x|y", re.VERBOSE).search, "prefix"),
    (re.compile("^a").match, "prefix"),  # not the method the kind stands in for
    (None, "url"),
])
def test_what_cannot_be_indexed_is_handed_back(fn, kind):
    assert indexed(fn, kind) is fn


@pytest.mark.parametrize("pattern, kind, texts", [
    # an alternative that is not anchored runs for every string
    ("^a|b", "prefix", ["xb", "ab", "b", "x", ""]),
    ("a$|b", "suffix", ["bx", "xa", "a\n", "x"]),
    # one that can match empty at the anchor, too
    ("^a?|^b", "prefix", ["", "a", "b", "c"]),
    ("(?:x|y)?$|z$", "suffix", ["", "x", "z", "w"]),
    # lookarounds, repeats, groups, a branch under the anchor
    (r"(?<=[0-9])(?:km|m)$|\.\.+$|^x", "suffix", ["10km", "km", "a..", "1.", "xkm", "x"]),
    (r"^(?:\(|\[)+|^US\$", "prefix", ["((a", "[x", "US$5", "U", "S$"]),
    (r"(?<=[a-z])-(?=[a-z])|\.\.+", "infix", ["a-b", "a - b", "x...y", "ab"]),
    (r"^(?:https?://)?[a-z]+\.(?:com|org)$", "url", ["example.com", "http://x.org", "example", "x.net"]),
])
def test_stand_ins_of_hand_written_patterns(pattern, kind, texts):
    method = {"prefix": "search", "suffix": "search", "infix": "finditer", "url": "match"}[kind]
    original = getattr(re.compile(pattern), method)
    fast = indexed(original, kind)
    for text in texts:
        assert _spans(fast(text)) == _spans(original(text)), text


def test_a_tuned_tokenizer_saved_and_loaded_gives_the_same_tokens():
    nlp = get_nlp()
    text = "LLaMA-2 (7B) reaches 45.3% on MMLU, e.g. U.S. data; see https://github.com/x/y."
    loaded = Tokenizer(nlp.vocab).from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in loaded(text)] == [t.text for t in nlp.tokenizer(text)]
