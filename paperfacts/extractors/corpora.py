"""Benchmarks and datasets: names read from their shape, their cues and the lists.

A candidate is a name-shaped run of text (mixed case, letters with digits, all
caps, hyphen/dot-joined parts, a version or size tail: ``OmniDocBench v1.5``,
``MME-RealWorld-Lite``, ``AIME 24/25``). Each rule that finds one gives it a role
(benchmark or dataset) and a strength: a *use* (``pre-trained on X`` makes a
dataset, ``results on X`` a benchmark), a *cue* (``the X benchmark``,
``X, a dataset of``, the title ``X: A Benchmark for``) or a *prior* (a
gazetteer entry, the name's morphology). A name has one role per paper: the
strongest evidence decides, and a benchmark use wins over a training use
(GUIDELINES: a name used both ways is a benchmark).

Rules (stable ids, ``<kind>.<rule>``):

* ``gazetteer``: names from ``data/benchmarks.jsonl`` / ``data/datasets.jsonl``,
  with a size, version or year tail when one follows (``WIT-400M``,
  ``Microsoft COCO 2017``); ``variant``: a known name run on into more parts
  (``MME-RealWorld-Lite``, ``BrowseComp-Plus``).
* ``shape``: coined names built on ``Bench``/``Eval``/``QA``... (``MVBench``);
  a size tail (``SpaVis-6M``) or ``-Data`` part leans dataset.
* ``cue``: a name with a head noun (``the X benchmark``, ``A and B datasets``,
  ``a dataset ... named X``), introduced as one (``we release X, a corpus of``),
  or a training source (``text from X``).
* ``apposition``: ``X, a benchmark derived from``; ``X and Y are novel datasets``.
* ``title``: the paper's own name in ``X: A ... Benchmark / Dataset for ...``, or
  the name a ``... A Benchmark for ...`` title's abstract introduces.
* ``train_cue``: ``(pre-)trained / fine-tuned on X, Y and Z``, ``X pre-training``.
* ``on``: names a result is reported on (``experiments on X, Y and Z``; ``92.0 on
  X and 89.6 on Y`` while the list is of benchmarks), not a part of one (``Subtask 1``).
* ``cue`` also reads a name with words that describe the data before its noun
  (``the OrganAMNIST abdominal CT dataset``), its role from the sentence.
* ``list``: names listed after ``benchmarks such as / including``.
* ``coordination``: in ``A, B and C`` or ``(A, B, C)``, an unknown name-shaped
  member takes the role of the known members.

A name that acts, the subject of ``outperforms`` or ``achieves`` (``MAGE outperforms
state-of-the-art methods``), is a method or model, not a benchmark or dataset, unless a
word before it uses it (``fine-tuning on X achieves``) or the title, a result on it, a
training use or a benchmark list says otherwise (``_systems``).

A resource the paper itself introduces as a dataset is a benchmark when the paper
evaluates on it and does not train on it. Not benchmarks or datasets: names in
``data/not_benchmarks.txt``, metrics, generic classes; an acronym whose written-out
form is ordinary words (``context-aware emotion recognition (CAER)``) or that
names a method (``the DPM mechanism``); the paper's own name when the title calls
it something else (``UniQA: Unified Vision-Language Pre-training``). ``Long Form
(SF)`` keeps the short form only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import chain

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json, read_jsonl, read_lines
from ..trie import (
    GATE_WORDS, WORD_RUN, Gated, alternation, any_word, fast_compile, word_run_starts, word_start, words_back, words_before,
)
from . import UNDERSCORE_PART, Component, Mentions, attrs, name_key, occurrences, outside_links, read_facts, require_paperfacts, text_of, write_facts
from .long_forms import spelling_words as _spelling_words, spells as _spells, spells_in_syllables as _spells_in_syllables
from .models import ADJECTIVE_TAILS, looks_like_name, ordinary
from .sentences import sentence_bounds, sentence_of


def cues() -> dict:
    return read_json("corpus_cues.json")


@lru_cache(maxsize=1)
def not_benchmarks() -> frozenset[str]:
    """Names never read as benchmarks or datasets: ``data/not_benchmarks.txt``, generic
    model classes (``data/not_models.txt``: CNN, SGD) and metric names (PSNR)."""
    metrics = {form for e in read_jsonl("metrics.jsonl") for form in (e["name"], *e.get("aliases", ()))}
    return frozenset(s.casefold() for s in read_lines("not_benchmarks.txt") | read_lines("not_models.txt") | metrics)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (``data/common_words.txt``, lower case)."""
    return read_lines("common_words.txt")


def is_ordinary(phrase: str) -> bool:
    """Every word of ``phrase`` (hyphen parts too) is an ordinary English word."""
    words = [w for w in re.split(r"[\s\-/]+", phrase.casefold()) if w]
    return bool(words) and all(w in common_words() for w in words)


def _ordinary_head(phrase: str) -> bool:
    """Whether the last word of ``phrase`` (its head) is an ordinary word that names no
    one resource (``Architecture``, ``Tasks``, ``Datasets``; not ``Dataset``, ``Arena``, ``2025``)."""
    head = phrase.split()[-1]
    if RESOURCE_WORD.fullmatch(head):
        return head.endswith("s") and not head.endswith("ss")  # "on Imbalanced Datasets": plural, generic
    return head.isalpha() and head.casefold() in common_words()


def _initials(before: str, short: str) -> bool:
    """Whether ``short`` spells the initials of the words that end ``before`` (``reasoning visual tasks`` ~ ``RVTs``)."""
    letters = short.removesuffix("s").casefold()
    words = re.findall(r"[A-Za-z0-9]+", before)[-len(letters) :] if letters else []
    return len(words) == len(letters) and "".join(w[0] for w in words).casefold() == letters


#: A resource noun, singular, after a name: `` dataset``, `` benchmark``.
_RESOURCE_NOUN = re.compile(r"\s+(?:benchmark|dataset|corpus|suite|challenge|collection)\b(?!s)")
_LOWER_RUN = re.compile(r"(?:(?<=\s)|^)(?:[a-z][\w\-]*\s+){1,8}$")


def _class_abbreviation(text: str, name: str) -> bool:
    """Whether the text spells ``name`` out as lower-case words, as the abbreviation of a task,
    a class or a method (``fine-grained visual categorization (FGVC)``, ``process reward models
    (PRMs)``), not of a resource (``the football keyword dataset (FKD)``, ``(MHP) dataset``, ``end-turn
    detection (ETD) ... the ETD dataset``)."""
    for short in (name, name + "s"):  # "multimodal knowledge graphs (MMKGs) ... existing MMKG datasets"
        at = text.find("(" + short + ")")
        while at >= 0:
            run = _LOWER_RUN.search(text, max(0, at - 100), at)
            if run and _initials(run.group(), short) and not RESOURCE_WORD.search(run.group()):
                # the name of a resource all the same where the text names one so ("(GLUE) benchmark",
                # "the ETD dataset"; not "the FGVC datasets", "a large-scale VCOD dataset": resources for the task)
                return not (_RESOURCE_NOUN.match(text, at + len(short) + 2)
                            or re.search(rf"\b[Tt]he\s+{re.escape(name)}{_RESOURCE_NOUN.pattern}", text))
            at = text.find("(" + short + ")", at + 1)
    return False


def is_name_shaped(word: str) -> bool:
    """A coined name (``looks_like_name``) that is not ordinary capitalised words joined by
    hyphens (``Fine-Grained``, ``Real-World``)."""
    if not looks_like_name(word):
        return False
    parts = word.split("-")
    return not (len(parts) > 1 and all(w[:1].isupper() and w[1:].islower() for w in parts))


#: A capitalised preposition or quantifier that starts a sentence before a name (no
#: listed name starts with one).
_SENTENCE_PREPOSITION = re.compile(
    r"(?:On|In|For|With|Across|From|At|By|Both|Using|Over|Among|Under|Into|Through|Via|Within)\s+(?=\S)")

#: A word that makes a phrase the name of a resource (``Chinese Hard Case Benchmark``).
RESOURCE_WORD = re.compile(r"\b(?:benchmark|dataset|corpus|suite|challenge|collection|bank|arena|set)s?\b", re.IGNORECASE)
#: The ending of a noun that names a process or a property (``Classification``, ``Pooling``,
#: ``Similarity``): the head of a task's or a method's long form, not of a resource's.
_PROCESS_HEAD = re.compile(r"(?:tion|sion|ing|ity)$")
#: What an evaluation resource is called besides a resource word: ``an evaluation framework``.
_EVALUATING = re.compile(RESOURCE_WORD.pattern + r"|\b(?:evaluat|assess|benchmark|test|data)", re.IGNORECASE)
#: What the paper's own thing is called when it is a method or metric whatever it evaluates
#: (``ChainEval, a new metric for ... evaluation``); see ``CorpusExtractor._own_methods``.
_METHOD_ITSELF = frozenset({"method", "methods", "approach", "algorithm", "technique", "metric", "model", "models", "loss"})
#: A hyphen part naming a training stage: the data is for that stage (``MiroMind-M1-SFT-719K``).
_TRAINING_STAGE_PART = re.compile(r"(?:^|[-_])(?:SFT|RL|RLHF|DPO|GRPO|Pretrain|Pretraining)(?:[-_]|$)")
#: What follows a corpus's name in ``ImageNet-based``, ``ImageNet-pretrained weights``.
_PRETRAINED_TAIL = re.compile(r"-(?:based|pre-?trained)$")


#: Evidence strength: a use in context, a describing cue, a prior (list, morphology).
USE, CUE, PRIOR = 3, 2, 1

#: Words allowed between a training verb and its ``on`` (``pretrained from scratch on X``).
TRAIN_GAP = r"(?:\s+(?:[a-z]+ly|from\s+scratch|only|jointly|first|further|also|again|then|both|end-to-end|directly))*"

#: What every ``-Data``/``-Corpus`` name contains.
_DATA_PART = re.compile(r"-(?:Data|Corpus)\b")

#: What every data-size name (``SpaVis-6M``) contains.
_SIZE_TAIL = re.compile(r"-\d+(?:\.\d+)?[KM]\b")

#: A name may open with a short lower-case prefix (nuScenes, tuSimple); these tell an
#: ordinary word in odd capitals (iPhone, macOS) and a glued stop word ("theAD-DualDiff").
_LOWER_LEAD = re.compile(r"[a-z]{2,}(?=[A-Z])")
_CAMEL_WORD = re.compile(r"[a-z]+[A-Z][A-Za-z]*(?<=[A-Za-z]{4})(?![A-Za-z])")

#: What every "evaluated on X" match contains: two searches that each start with a literal
#: (the engine skips ahead to it), twice as fast as one that starts with an alternation.
_ON_NAME = re.compile(r"on\s+(?:the\s+)?[A-Z]")
_ACROSS_NAME = re.compile(r"across\s+(?:the\s+)?[A-Z]")


def _on_name(text: str) -> bool:
    return _ON_NAME.search(text) is not None or _ACROSS_NAME.search(text) is not None or _on_qualified_name(text)


def _on_qualified_name(text: str) -> bool:
    """``on the well-known FER2013``: a name after a word that qualifies the set (rare: the
    words are looked for as plain strings first)."""
    words, pattern = _qualified_name()
    return any(w in text for w in words) and pattern.search(text) is not None


@lru_cache(maxsize=1)
def _qualified_name() -> tuple[list[str], re.Pattern]:
    words = cues()["set_adjectives"]
    return words, re.compile(rf"(?:on|across)\s+(?:the\s+)?(?:{alternation(words)})\s+[A-Z]")


#: The words before the names of an ``on`` match, and how far after its cue word they can stand.
_ON_WORDS = ("on", "across")
_ON_REACH = 100


def _on_after(text: str, at: int) -> bool:
    """A speed gate (trie.Gated ``where``) for ``on``: ``on`` or ``across`` opens a word
    within ``_ON_REACH`` characters after the cue word at ``at`` (the cue, at most 60
    characters, then the preposition). Their places are known (GATE_WORDS)."""
    found = GATE_WORDS.anchors(text, _on_words())
    if found is None:
        return True
    i = bisect_left(found, (at + 1, 0))
    while i < len(found) and found[i][0] <= at + _ON_REACH:
        if word_start(text, found[i][0]):
            return True
        i += 1
    return False


@lru_cache(maxsize=1)
def _on_words() -> frozenset[str]:
    return GATE_WORDS.add(_ON_WORDS)


def _after_name(text: str, at: int) -> bool:
    """Whether a head noun at ``at`` may end a ``noun`` match: it follows white space after a
    ``)``, a digit or a word with a capital letter (``the ImageNet dataset``, ``COCO 2017
    dataset``), not after a lower-case word (``a new dataset``). A speed gate (trie.Gated)."""
    i = at - 1
    if i < 0 or not text[i].isspace():
        return False
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0:
        return False
    if text[i] == ")" or text[i].isdecimal():
        return True
    while i >= 0 and text[i] in _NAME_CHARS:
        if "A" <= text[i] <= "Z":
            return True
        i -= 1
    return False


_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-")


def _names_reach(text: str, at: int) -> int:
    """Where a ``noun`` match whose head noun is at ``at`` can start at the earliest
    (trie.Gated ``reach``): after the last white-space separated word before it that is
    lower-case letters only and not ``and`` or ``or`` (``on the``), which no list of names
    holds; 0 when none of the twelve words before it is one (the window decides)."""
    for start, word in words_back(text, at, 12):
        if word.isalpha() and word.islower() and word not in ("and", "or"):
            return start + len(word)
    return 0


def _word_within(words: tuple[str, ...], last: int):
    """A speed gate (trie.Gated ``where``) for a pattern whose head noun follows one of
    ``words`` (standing alone between white space) with at most ``last - 1`` words in
    between (``X is a new ... benchmark``: ``is`` is at most six words back): whether
    one of ``words`` is among the ``last`` white-space separated words before the noun
    (``str.split`` splits wherever ``\\s`` matches)."""
    wanted = frozenset(words)

    def gate(text: str, at: int) -> bool:
        return not wanted.isdisjoint(words_before(text, at, last))

    return gate


#: The unit of a result read before ``on X`` (``8% on``, ``+2.1 points on``, ``3.4 pp on``).
RESULT_UNIT = r"(?:\\?%|points?|pp)"
_RESULT_END = re.compile(rf"(?:\d|{RESULT_UNIT})\$?\s+$")
_WORD_BEFORE = re.compile(r"\S+(?=\s+$)")


def _after_result(text: str, at: int) -> bool:
    """A speed gate (trie.Gated ``where``) for ``result_on``: the word ``on`` stands after a
    number or its unit (``8% on``, ``64.5 on``), not inside a word (``tion``)."""
    return at > 0 and text[at - 1].isspace() and _RESULT_END.search(text, max(0, at - 8), at) is not None


def _after_determiner(text: str, at: int) -> bool:
    """A speed gate (trie.Gated ``where``) for ``reversed_apposition`` (``a new ... benchmark, X,``):
    ``a``, ``an`` or ``our`` ends one of the five white-space separated words before the
    noun, with no word character before it in that word (``\\b``: ``(a`` counts, ``data``
    does not)."""
    for word in words_before(text, at, 5):
        for article in ("a", "an", "our"):
            if word.endswith(article):
                rest = word[: -len(article)]
                if not rest or not (rest[-1].isalnum() or rest[-1] == "_"):
                    return True
    return False


#: What precedes the article of every ``apposition`` match (``X, a``, ``X, one of the``).
_COMMA_ARTICLE = re.compile(r",\s+(?:an?|one|the\s+first)\s")


def _after_comma_article(text: str, at: int) -> bool:
    """A speed gate (trie.Gated ``where``) for ``apposition`` (``X, a new ... benchmark``,
    ``X, one of the ... datasets``): a comma and ``a``, ``an`` or ``one`` in its window
    before the noun."""
    return _COMMA_ARTICLE.search(text, max(0, at - 300), at) is not None


def _word_before(words, reach: int):
    """A speed gate (trie.Gated ``where``) for a pattern whose head noun comes at most
    ``reach`` characters after one of ``words`` (its cue: ``we introduce``, ``named``):
    whether one of them starts there, read off the shared cue-word pass."""
    words = GATE_WORDS.add(words)

    def gate(text: str, at: int) -> bool:
        anchors = GATE_WORDS.anchors(text, words)
        if anchors is None:  # lower-casing changed the length: no positions
            return True
        i = bisect_left(anchors, (max(0, at - reach), 0))
        return i < len(anchors) and anchors[i][0] < at

    return gate


#: The verbs of a result that may follow what a model was trained on ("trained on X yields ...").
RESULT_VERBS = "yield|achieve|improve|outperform|lead|show|perform|result"


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    # a capital first, or a short lower-case prefix before one (nuScenes, iNat2017, tuSimple); not "LaSOT.Furthermore"
    name = r"(?:[A-Z]|[a-z]{1,3}(?=[A-Z]))[A-Za-z0-9]*(?:-[A-Za-z0-9]+|\.(?![A-Z][a-z]+\b)[A-Za-z0-9]+)*"
    # the words of a name of several (not "nuScenes 3" of "3D MOT")
    word = rf"(?:{name}|v?\d{{1,4}}(?:[./]\d{{1,4}})?(?![\w%]|[.,]\d))"
    multi = rf"{name}(?:\s{word}){{0,3}}"
    names = rf"{multi}(?:\s*(?:,|and|or|,\s*and|/)\s*{multi}){{0,5}}"
    # a list member: a name, optionally with a qualifier in brackets (FEVER (dev set)); with no head
    # noun after it to end the name ("the Seeing Through Fog dataset"), a capitalised preposition or
    # conjunction of a Title Case title opens the next phrase ("97.2% Accuracy on EuroSAT Without Pre-Training")
    phrase_opener = rf"(?:{alternation(c['title_function_words'])})(?![\w-])"
    member = rf"{name}(?:\s(?!{phrase_opener}){word}){{0,3}}(?:\s\([^()]{{1,25}}\))?"
    members = rf"{member}(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*{member}){{0,8}}"
    # in "on X and Y" a member may follow a word that qualifies the set (the well-known FER2013 and private VEMO datasets)
    qualified = rf"(?:(?:{alternation(c['set_adjectives'])})\s+)?{member}"
    on_members = rf"{qualified}(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*{qualified}){{0,8}}"
    noun_words = c["benchmark_nouns"] + c["dataset_nouns"]
    nouns = alternation(noun_words)
    head_nouns = ["benchmark", "dataset", "corpus", "suite", "leaderboard", "collection"]
    train_verbs = alternation(c["train_verbs"])
    adverb = r"(?:(?:also|further|first|then|additionally|newly|here)\s+)?"
    own_verb = rf"\b(?:[Ww]e\s+{adverb}|(?:paper|work|study)\s+)(?:introduce|present|propose|develop|design|build)[sd]?\s+"
    intro_verbs = ["introduce", "present", "propose", "release", "construct", "build", "curate", "create", "collect", "open-source",
                   "constructed", "built", "created", "curated", "collected", "introduced", "released"]
    intro_cue = rf"\b(?:[Ww]e\s+{adverb}(?:{'|'.join(intro_verbs)})|[Ii]ntroducing|named|called|dubbed)\s+"
    if max(map(len, c["on_verbs"])) + 61 > _ON_REACH:  # the gate _on_after must see every "on" match
        raise ValueError(f"corpus_cues.json: an on_verbs entry is too long for _ON_REACH ({_ON_REACH})")
    # Gated: skipped on a text without a word every match needs (most texts);
    # engine="regex" where that engine is faster on the pattern (trie.fast_compile),
    # never for starts=True (see trie.Gated)
    return {
        "shape": Gated(fast_compile(rf"{WORD_RUN}(?:{alternation(c['benchmark_shapes'])})(?:[-.]?[A-Za-z0-9]+)*(?![\w])"),
                       c["benchmark_shapes"], starts=word_run_starts),
        "spaced_shape": Gated(fast_compile(rf"(?<![\w\-./@])(?P<name>{name})\s(?:Bench|Arena)(?![\w-])"), ["bench", "arena"], window=(60, 10)),
        "data_shape": Gated(fast_compile(rf"(?<![\w\-./@])[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-(?:Data|Corpus)(?:-\d+(?:\.\d+)?[KMBT])?(?![\w-])"),
                            gate=_DATA_PART.search),
        "size_shape": Gated(fast_compile(r"(?<![\w\-./@])(?P<name>[A-Z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*)-\d+(?:\.\d+)?[KM](?![\w-])"), gate=_SIZE_TAIL.search),
        "noun": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<names>{names})(?:\s+\((?P<short>{name})\))?\s+(?P<noun>{nouns})\b"
        ), noun_words, window=(300, 30), where=_after_name, reach=_names_reach),
        "item": fast_compile(multi),
        "modified_data_noun": Gated(fast_compile(
            rf"\b(?:the|The)\s+(?P<name>{name})\s+(?:[a-z][a-z\-]+\s+){{1,2}}(?:[A-Z][A-Z0-9\-]{{1,5}}\s+)?(?P<noun>dataset|corpus)\b"),
            ["dataset", "corpus"], window=(90, 10)),
        "modified_noun": Gated(fast_compile(rf"\b(?:the|The)\s+(?P<name>{name})\s+[a-z][a-z\-]+\s+(?:benchmark|leaderboard)\b"), ["benchmark", "leaderboard"], window=(80, 10)),
        "introduce": Gated(fast_compile(
            rf"{intro_cue}(?:the\s+)?(?P<name>{name})(?:\s+\([^()]{{1,30}}\))?(?:,|\s+-)?\s+(?:a|an|the)\s+(?P<desc>(?:[\w\-,]+\s+){{0,6}}?)"
            rf"(?P<noun>{nouns})\b", engine="regex"
        ), noun_words, window=(300, 30), where=_word_before([*intro_verbs, "ntroducing", "named", "called", "dubbed"], 300)),
        "apposition": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<name>{name}(?:\s(?:{name}|v?\d[\d.]*))?)(?:\s+\((?P<short>[^()]{{1,30}})\))?,\s+(?:a|an|one\s+of\s+the|the\s+first)\s+"
            rf"(?P<desc>(?:[\w\-]+\s+){{0,6}}?)(?P<noun>{nouns})\b", engine="regex"
        ), noun_words, window=(300, 30), where=_after_comma_article),
        "short_name": fast_compile(name),
        # the noun modifies a method's noun: "(JBDistill), a novel benchmark construction framework"
        "noun_modifies_method": fast_compile(rf"(?:\s+[a-z][\w\-]*){{0,2}}?\s+(?:{alternation(c['not_corpus_nouns'])})\b"),
        "reversed_apposition": Gated(fast_compile(
            # "an image-text paired dataset in the field of remote sensing (RS), RS5M, which ...": the noun
            # may have a post-modifier before the name
            rf"\b(?:a|an|our)\s+(?P<desc>(?:[\w\-]+\s+){{0,4}}?)(?P<noun>{nouns})"
            rf"(?P<post>\s+(?:in|of|for|on|from|with|about)\s+[^,;.()]{{1,60}}?(?:\s\([^()]{{1,20}}\))?)?,\s+(?P<name>{name}),"
        ), noun_words, window=(80, 160), where=_after_determiner),
        # what follows a list member, not an appositive: "in English, Hindi, and Marathi"
        "list_goes_on": fast_compile(rf"\s*(?:and|or)\b|\s*{name}\s*(?:,|and\b|or\b)"),
        "copula": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<names>{names})\s+(?:is|are)\s+(?:a|an|the|two|three|our|novel|new)\s+(?P<desc>(?:[\w\-]+\s+){{0,4}}?)(?P<noun>{nouns})\b", engine="regex"
        ), noun_words, window=(200, 30), where=_word_within(("is", "are"), 6)),
        "named": Gated(fast_compile(
            rf"\b(?P<noun>{'|'.join(head_nouns)})s?\b[^.;]{{0,60}}?\b(?:named|called|dubbed|termed)\s+(?P<name>{name})(?![\w-])",
        ), head_nouns, starts=True),
        "list": Gated(fast_compile(
            rf"\b(?P<head>{alternation(c['list_heads'])})\s*(?:,\s*)?(?P<open>such\s+as|including|like|e\.g\.,?|i\.e\.,?|namely|:|\()\s*(?P<items>{names})"
        ), c["list_heads"], starts=True),
        "head_then_name": Gated(fast_compile(
            rf"\b(?P<noun>{'|'.join(head_nouns[:-1])})s?\s+(?:called\s+|named\s+|dubbed\s+)?(?P<name>{name})(?![\w-])",
        ), head_nouns, starts=True),
        # (_on_after: a cue word, at most 60 characters, then the preposition; checked above)
        "on": Gated(fast_compile(rf"\b(?i:{alternation(c['on_verbs'])})\b(?:[^.;]|\.\d){{0,60}}?\b(?:on|across)\s+(?:the\s+)?(?P<items>{on_members})"),
                    c["on_verbs"], gate=_on_name, starts=True, where=_on_after),
        "train_on": Gated(fast_compile(
            rf"\b(?i:{train_verbs})(?P<gap>{TRAIN_GAP})\s+on\s+(?:the\s+)?(?P<items>{names})"
        ), c["train_verbs"], starts=True),
        "pretraining_on": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<name>{name})(?:-based)?[\s-](?:pre-?training|pre-?trained|weights|initiali[sz]ation|checkpoints?)\b"
        ), ["pre-training", "pretraining", "pretrained", "pre-trained", "weights", "initialization", "initialisation", "checkpoint"],
            window=(60, 20)),  # "ImageNet pre-training", "ImageNet weights", "ImageNet-1K initialization"
        "source": Gated(fast_compile(
            rf"\b(?:{alternation(c['source_nouns'])})\s+from\s+(?:the\s+)?(?P<name>{name})(?![\w-])"
        ), c["source_nouns"], starts=True),
        "title": fast_compile(
            rf"^(?P<name>{name})\s*:\s*(?P<desc>.*?)\b(?P<noun>(?i:{alternation(c['title_nouns'])}))(?=\s+(?i:for|of|on|to|with|in|from|and|that|towards?|via)\b|\s*[:,(]|\s*$)"
        ),
        "title_evaluating": fast_compile(rf"^(?P<name>{name})\s*:\s*(?P<desc>)(?P<noun>Benchmarking|Evaluating)\b"),
        "title_desc_other": fast_compile(r"\b(?:for|with|via|of|on|in|using|from|Model|Models|Framework|Method|Approach|System|Learning)\b"),
        "method_intro": fast_compile(rf"(?:\s*\([^()]*\))?,?\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,5}}?(?:{alternation(c['not_corpus_nouns'])})\b"),
        # the paper's own method, introduced with what it is: "We introduce COLA, a self-supervised
        # pre-training approach", "we present OSCAR (Object Status ...), a technical pipeline"
        "own_verb_before": fast_compile(rf"{own_verb}(?:the\s+)?$"),
        "own_verb_long_form": fast_compile(rf"(?P<verb>{own_verb})[^.;()]{{3,120}}\($"),
        "own_method_after": fast_compile(
            rf"(?:\s*\([^()]*\))?\s*[,:]?\s+(?:a|an)\s+(?P<desc>(?:[\w\-]+,?\s+){{0,5}}?)(?P<noun>{alternation(c['not_corpus_nouns'])})\b(?![\s\-]+(?i:{RESOURCE_WORD.pattern}))(?P<then>[^.;]{{0,60}})"
        ),
        # a subset or edition written after a space: "HealthBench Hard", "BIXBench Verified-50", "CheXpert Plus"
        "variant_tail": fast_compile(r"[\s~](?:Verified|Lite|Hard|Easy|Plus|Extended|Diamond|Pro|Mini|Redux)(?:-\d{1,4})?(?![\w\-])"),
        "words_before_data_noun": fast_compile(
            r"(?:\s+(?!(?:And|Or|For|Of|The|In|On|With|To|From|By)\b)[A-Z][\w\-]*){1,2}(?=\s+(?:Dataset|Corpus|Database)\b(?!s))"
        ),
        "title_other_head": fast_compile(r"\b(?:Frameworks?|Pipelines?|Models|Methods?|Judges?|Toolkits?|Agents?|Systems?|Software|Platform)\b"),
        "title_noun": fast_compile(rf"\b(?:A|An|The)\s+(?:[\w\-]+\s+){{0,4}}?(?P<noun>{alternation(c['title_nouns'])})\s+(?:for|of|on|to)\b"),
        "title_name": fast_compile(rf"^(?P<name>{name})\s*:"),
        "intro_name": fast_compile(
            rf"\b[Ww]e\s+{adverb}(?:introduce|present|propose|release|construct|build|curate|create|collect)\s+(?:the\s+)?(?P<name>{name})(?![\w-])"
        ),
        "trained_on": fast_compile(rf"\b(?i:{train_verbs}){TRAIN_GAP}\s+on\s+(?:the\s+)?$"),
        "train_item_end": fast_compile(rf"\s*(?:[,.;:)(]|$|(?:and|or|for|with|to|using|in|from|at|as|by|datasets?|corpus|corpora|only|alone|(?:{RESULT_VERBS})s?)\b)"),
        "be_after": fast_compile(r"\s+(?:are|is|was|were)\b"),
        "item_break": fast_compile(r",|\b(?:and|or)\b"),
        # the sentence's verb after a listed corpus trained on, in the past or after an adverb ("the ViT
        # pretrained on ImageNet-21k consistently outperformed"); a new name may be the paper's own
        # resource, which it evaluates on too ("fine-tuning on SpaceDG markedly improves")
        "train_verb_after": fast_compile(
            rf"\s+(?:(?:{RESULT_VERBS}|surpass|reach|obtain|attain)(?:s|e?d)?|led|shown"
            r"|[a-z]{3,}ly(?<!family)(?<!anomaly)(?<!assembly)(?<!supply))\b"),
        # the next result of an "on" list, after its number: "92.0 on the NAVSIM benchmark and 89.6 on NAVSIM-v2"
        "on_again": fast_compile(rf"(?:\s+(?:benchmark|dataset)s?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:an?\s+)?[+\-]?\d[\d.,]*\s*(?:\\?%|points?|pp)?\s+on\s+(?:the\s+)?(?P<items>{members})"),
        # a part of an evaluation, not a corpus: "Subtask 1", "Track 3", "Phase-2"
        "part": fast_compile(rf"(?i:{alternation(c['part_nouns'])})[-\s~]?(?:\d{{1,2}}[a-z]?|[A-Z]|[IVX]{{1,4}})"),
        "model_size_tail": fast_compile(r"[-_ ]\d{1,4}(?:\.\d{1,2})?[BM](?![\w.])"),
        # a result, then what it is on: "by up to $\approx 8\%$ on VideoPhy2", "reaches 64.5 on LongVideoBench"
        # (not a version glued to a name: "+113 points over InternVL-1.5 on OCRBench")
        "result_on": Gated(fast_compile(
            rf"(?<![\w.])(?:[+\-]|(?<![A-Za-z]-))\d[\d,]*(?:\.\d+\s*{RESULT_UNIT}?|\s*{RESULT_UNIT})\$?\s+on\s+(?:the\s+)?(?P<items>{members})"
        ), ["on"], window=(30, 200), where=_after_result),
        "result_unit": fast_compile(rf"[+\-]?\d[\d,]*(?:\.\d+)?\s*{RESULT_UNIT}"),
        "across": Gated(fast_compile(rf"\bacross\s+(?:the\s+)?(?P<items>{members})"), ["across"], starts=True),
        # "On" first, then what precedes it (the start, or a sentence end): the engine skips ahead to an "O"
        "sentence_on": fast_compile(rf"O(?:(?<=^O)|(?<=[.!?]\sO))n\s+(?:the\s+)?(?P<items>{members})\s*,"),
        "located_on": fast_compile(r"\b(?:on|in)\s+(?:the\s+)?$"),
        # an adjective made from a name: "HTML-based", "ED-centric", "HIPAA-aligned" (not "ZeroWaste-aug", "X-ray")
        "qualifier_tail": fast_compile(
            r"-(?:based|style|like|level|aware|centric|aligned|generated|derived|specific|oriented|driven|related|guided|augmented"
            r"|annotated|labeled|labelled|enhanced|grounded|scale|powered|assisted|inspired|informed|compatible|native|only)$"),
        "transfer_to": fast_compile(r"\s+to\s"),
        # more capitalised words of a name up to its bracketed short form: "named Dual-Camera| Dual-Pixel (DCDP)"
        "name_rest": fast_compile(r"(?:\s[A-Z][\w\-]*){1,3}(?=\s\((?P<short>[A-Z][A-Za-z0-9\-]+)\))"),
        "indefinite": fast_compile(r"\b(?:[Aa]n?|[Oo]ur|[Nn]ew|[Tt]he\s+(?:very\s+)?(?:first|largest))\s+(?:(?!(?:of|the|on|in|to|for)\s)(?:[a-z]|\d+[A-Za-z]|\d{1,3}(?:,\d{3})+-[a-z])[\w\-]*\s+){0,4}$"),
        "the_before": fast_compile(r"(?<=[a-z,])\s(?:the|The)\s+$"),
        "built": fast_compile(
            r"(?<![\w-])(?:build|built|construct|constructed|create|created|curate|curated|collect|collected|release|released|introduce|present|propose)\s+"
            r"(?:the\s+|a\s+|an\s+|our\s+)?(?:new\s+|large-scale\s+|novel\s+)?$", re.IGNORECASE
        ),
        "presents": fast_compile(
            r"\b(?:we|We|this\s+paper|this\s+work)\s+(?:\w+\s+)?(?:introduce|present|propose|release|construct|build|curate|create|collect|develop|contribute|open-source)"
            r"|(?<![\w-])(?:introduced|constructed|built|curated|created|collected|developed|released)\b"),
        "anaphor": fast_compile(r"\b(?:this|the|our)\s+(?:new\s+|proposed\s+|constructed\s+|collected\s+|curated\s+|created\s+|released\s+|built\s+)?(?:dataset|corpus|resource|collection)\b", re.IGNORECASE),
        "tail": fast_compile(
            r"(?:[\s-]?[vV]\d{1,2}(?:\.\d{1,2})*(?![\w.]\d)|\+\+?(?![\w+])|(?<=\d)/\d{2}(?![\w/])|(?<=\d[Kk])/\d{1,2}[Kk](?![\w/])"
            r"|\s(?:19|20)\d\d(?![\w%]|[.,]\d|\s*(?:%|\\%))"
            r"|['\u2019]\d{2}(?![\w'\u2019])"  # a year after an apostrophe: "WMT'14", "BraTS'23", "AIME'25"
            r"|[\s~][1-9]\.\d(?![\w.]|\s*(?:\\?%|points?\b|pts\b|pp\b)))"  # a spaced version: "PERSUADE~2.0", "VBench 2.0"
        ),
        # an image resolution that names a version of the set: "ImageNet 224 x 224", "ImageNet-256x256"
        "resolution_tail": fast_compile(r"[\s\-~]\$?(?P<n>\d{2,4})\s*(?:x|\u00d7|\\times)\s*(?P=n)\$?(?![\w.]\d|\d)"),
        # a shared task's number after its campaign: "SemEval-2026 Task 9", "SemEval 2014 task 4"
        "task_tail": fast_compile(r"[\s~]+[Tt]ask[\s~]*\d{1,2}[A-Za-z]?(?![\w.]\d|\w)"),
        "year_tail": fast_compile(r"\s(?:1[5-9]|2\d)(?:/(?:1[5-9]|2\d))?(?![\w%/]|[.,]\d|\s*(?:%|\\%|points|pts|pp))"),
        "variant_run": fast_compile(r"[A-Z](?<![\w\-./@][A-Z])[A-Za-z0-9]*(?:-[A-Za-z0-9]+)+(?![\w-])", engine="regex"),
        # the words that touch a name on its line (model.gazetteer's ordinary words: Mechanical Turk)
        "touching_before": fast_compile(r"(?<![\w\-])(?P<word>[A-Za-z][\w\-]*)(?:[ \t]+\n?|\n)[ \t]*$"),
        "touching_after": fast_compile(r"(?:[ \t]+\n?|\n)[ \t]*(?P<word>[A-Za-z][\w\-]*)"),
        "size_suffix": fast_compile(r"-\d+(?:\.\d+)?[KMB]\b"),
        # a known name behind a variant prefix: "10-Split-CIFAR-100", "Permuted-MNIST"
        "prefixed_run": Gated(fast_compile(
            rf"(?<![\w\-./@])(?:\d+-)?(?:{alternation([w.rstrip('-') for w in c['benchmark_prefixes']])})-(?P<name>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\w-])"
        ), [w.rstrip("-") + "-" for w in c["benchmark_prefixes"]], window=(30, 60)),
        "variant_prefix": fast_compile(rf"(?:\d+-)?(?:{alternation(c['benchmark_prefixes'])})[\s-]?$"),
        "coordinated": fast_compile(r"[a-z][a-z0-9\-]{2,20}(?=\s*(?:,|\)|and\b|or\b|$))"),
        "plural_set_noun": fast_compile(r"\s+(?:datasets|benchmarks|corpora|tasks)\b"),
        "word_after": fast_compile(r"\s+([a-z]+|[A-Z][a-z]+)"),
        # "(TAPE), a set of five ... tasks": an appositive that calls the name a resource
        "resource_appositive": fast_compile(rf"[,:]\s+(?:both\s+)?(?:a|an|the)\s+(?:[\w\-]+\s+){{0,3}}?{RESOURCE_WORD.pattern}", re.IGNORECASE),
        "member_gap": fast_compile(r"(?:\s\([^()]{1,25}\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)"),
        "member": fast_compile(rf"{name}\+{{0,2}}(?:\s?&\s?{name})?(?:\s(?:{name}|v?\d{{1,4}}(?:[./]\d{{1,4}})?(?![\d%]|[.,]\d)))" + "{0,2}|V\\*"),
        "member_before": fast_compile(rf"(?:^|(?<=[\s(]))(?P<m>{name}(?:\s{name}){{0,2}}|V\*)(?:\s\([^()]{{1,25}}\))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)$"),
        "of_methods": fast_compile(rf"\s+of\s+(?:[\w\-]+\s+){{0,3}}?(?:{alternation(c['method_heads'])})s?\b"),
        "named_before": fast_compile(r"\b(?:named|called|dubbed|termed|introduces?|presents?|proposes?)\s+(?:the\s+|a\s+|an\s+|our\s+)?(?:[\w\-]+\s+){0,6}$"),
        "determiner_before": fast_compile(r"\b(?:the|a|an|our)\s+(?:new\s+|large-scale\s+|novel\s+)?$", re.IGNORECASE),
        # a resource noun after a bracketed short form, or in an apposition: "(ASRS) corpus", "(ChEmREF), a new benchmark"
        "resource_after": fast_compile(r"\s*(?:,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?)?(?:benchmark|dataset|corpus|suite|collection|test\s+set)\b"),
        "resource_lead": fast_compile(rf"(?:{RESOURCE_WORD.pattern})|\b(?:evaluation|benchmarking)\b", re.IGNORECASE),
        # a bracketed short form, and a method's head right before it, capitalised too: "the Domain
        # Compensation Module (DCM)", "Archiving and Communication Systems (PACS)" (the bracket is
        # found first: a scan for the heads ignoring case costs four times as much)
        "short_form": fast_compile(r"\s\(([A-Za-z][\w\-]*)\)"),
        "method_head_end": fast_compile(rf"\b(?i:{alternation(c['method_heads'])})s?\s*$"),
        "method_named": fast_compile(rf"\s(?:{alternation(c['method_heads'])})s?,?\s+(?:named|called|dubbed|termed)\s+$"),
        # a kind of set, counted: "multiple COD benchmarks", "four DocQA datasets" (not "the ScanNet and LERF datasets")
        "counted_before": fast_compile(rf"(?i:\b(?:{alternation(c['family_counts'])}))\s+(?:[a-z][\w\-]*\s+)?$"),
        "plural_set_after": fast_compile(r"\s+(?:benchmarks|datasets)\b"),
        "method_noun_after": fast_compile(r"\s+(?:methods?|frameworks?|mechanisms?|approach(?:es)?|algorithms?|strateg(?:y|ies)|paradigms?|techniques?|systems?)\b"),
        "methods_such_as": fast_compile(
            r"\b(?:methods|approaches|techniques|algorithms|strategies|defenses|attacks)\s*,?\s*(?:such\s+as|like|including|e\.g\.,?|\()\s*"
            r"(?:[\w\-.]+(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){0,4}$"
        ),
        "not_corpus_noun": fast_compile(rf"\s+(?:{alternation(c['not_corpus_nouns'])})\b"),
        "train": any_word(c["train_words"]),
        "eval": any_word(c["eval_words"]),
        # "for validation", "for training and evaluation" (both: a benchmark), "for training"
        "purpose": fast_compile(r"\bfor\s+(?:(?:(?:pre-)?training\s+(?:and|or)\s+)?(?P<eval>validation|testing|evaluation|benchmarking)|(?P<train>(?:pre-)?training|fine-tuning))\b"),
        "clause_break": fast_compile(r"(?:[,;]\s+|\s)(?:while|whereas|which|showing|demonstrating|highlighting|suggesting|indicating|opening)\b"),
        # the verb (or noun) nearest before a name that says what it was used for: not "open-source", "self-constructed"
        "role": fast_compile(
            rf"(?<![\w-])(?:(?P<train>{alternation(c['role_train_words'])}|training(?=\s+(?:{alternation(c['role_training_objects'])})\b|(?:\s+[\w\-]+){{1,3}}\s+on\s))"
            rf"|(?P<eval>{alternation(c['role_eval_words'])}))(?![\w-])", re.IGNORECASE),
        "resource_train": any_word(c["resource_train_words"]),
        # a list's head trained on: "Trained on a mixture of driving datasets including ...", "training datasets such as"
        # (not "a pretrained model ... on datasets such as", "fine-tuning on X improves ..., on datasets such as")
        "train_use": fast_compile(rf"\b(?i:{alternation(c['resource_train_words'])})(?:\s+(?:on|with|using|from)\s+[^.;,]{{0,60}}?|\s+)$"),
        # "MAGE outperforms state-of-the-art methods": a name that acts is a system, not what it is measured on
        # (not "ImgEdit surpasses existing datasets in quality")
        "system_verb": fast_compile(rf"\s+(?:[a-z]+ly\s+|also\s+|further\s+)?(?:{alternation(c['system_verbs'])})\b"
                                    r"(?![^.;]{0,50}\b(?:datasets|benchmarks|resources|corpora|collections)\b)"),
        "number_tail": fast_compile(r"[\s~](?:[1-9]\d{1,3})(?![\w%.,/]\d|[\w%\-]|\s*(?:\\?%|x\b|times|epochs?|steps|shots?|-shot|samples|images|"
                                    r"classes|categories|hours|points|pts|pp|tokens|languages|subjects|videos|clips|tasks|questions|[KMB]\b))"),
        "modifier_after": fast_compile(r"-(?:based|style|like|scale|level|size|sized|specific|inspired)\b"),
        "use_before": fast_compile(r"\b(?:on|with|via|from|using|of|like|as|in|than|over|by|to)\s+(?:the\s+)?$", re.IGNORECASE),
        "resource_eval": any_word(c["resource_eval_words"]),
        "eval_title": any_word(c["eval_title_words"]),
    }


class CorpusExtractor(Component):
    """Finds benchmark and dataset names; writes ``paperfacts_benchmarks``/``paperfacts_datasets``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_corpora"):
        self.name = name
        self.patterns = patterns()
        c = cues()
        self.benchmark_nouns = {n.casefold() for n in c["benchmark_nouns"]} | {"suite", "leaderboard"}
        self.benchmark_title_nouns = {"benchmark", "benchmarks", "suite", "testbed", "leaderboard", "arena", "gym", "test", "challenge", "evaluation",
                                      "benchmarking", "evaluating", "measuring", "assessing"}
        self.fine_tune_verbs = {v.casefold() for v in c["fine_tune_verbs"]}
        self.corpus_nouns = self.benchmark_title_nouns | {n.casefold() for n in c["benchmark_nouns"] + c["dataset_nouns"]}
        self.name_tails = frozenset(c["name_tails"])
        self.shape_parts = frozenset(c["benchmark_shapes"])
        self.term_heads = frozenset(c["term_heads"])
        self.hardware_words = frozenset(c["hardware_words"])
        self.split_words = frozenset(c["split_words"])

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        title_end = doc.user_data.get("paperfacts_title_len") or 0
        title = text[:title_end]
        models = Mentions(read_facts(doc, "model"))
        found: list[dict] = []
        resource_kinds: dict[tuple[str, str], str] = {}

        def add(start, end, kind, rule, level):
            tail = _HYPHEN_WORD.search(text, start, end)
            if tail and tail["word"] in _FUNCTION_WORDS:
                end = tail.start()  # "ULTRAEDITBENCH-the largest dataset": a dash written as a hyphen
            elif tail and _MODIFIER_WORD.fullmatch(tail["word"]):
                return  # "MMLU-style questions", "ChartQA-derived data": a kind of data, not the set
            lead = _SENTENCE_PREPOSITION.match(text, start, end)
            if lead:  # "On Ref-YouTube-VOS and AVSBench datasets": the sentence's word, not the name's
                start, rest = lead.end(), text[lead.end() : end]
                if " " not in rest and not (looks_like_name(rest) or rest.casefold() in known_forms()):
                    return  # "Across 16 benchmarks", "Using Italian benchmarks"
            if text[start].islower() and ((word := _CAMEL_WORD.match(text, start)) and word.group().casefold() in common_words()
                                          or (lead := _LOWER_LEAD.match(text, start)) and lead.group() in STOP_WORDS):
                return  # a name may open in lower case (nuScenes, tuSimple), a word may not (iPhone, macOS, laNguagE, "theAD")
            found.append(_mention(start, end, text, kind, rule, level))

        def described_as_method(desc: str | None) -> bool:
            return bool(desc) and bool(p["not_corpus_noun"].search(" " + desc))  # "STAMP, a framework for detecting dataset ..."

        def resource(name: str, noun: str, desc: str = "") -> str:
            """The role of a resource the paper presents: a benchmark noun says so; a dataset is
            a dataset when the text trains on it, a benchmark when the paper is about evaluation."""
            if noun.casefold() in self.benchmark_nouns or noun.casefold() in self.benchmark_title_nouns:
                return "benchmark"
            key = (name, desc)
            if key not in resource_kinds:
                resource_kinds[key] = self._resource_kind(doc, name, title_end, desc)
            return resource_kinds[key]

        self._title(doc, title, add, resource)
        for m in p["noun"].finditer(text):
            self._noun_cue(doc, m, add, resource, models, title_end)
        for m in p["modified_noun"].finditer(text):
            if is_name_shaped(m["name"]) and not models.covering(m.start("name")):
                add(m.start("name"), m.end("name"), "benchmark", "benchmark.cue", CUE)  # "the MLPerf training benchmark"
        for m in p["modified_data_noun"].finditer(text):
            if is_name_shaped(m["name"]) and not models.covering(m.start("name")) and not p["qualifier_tail"].search(m["name"]):
                kind, level = self._noun_kind(doc, m["name"], m["noun"], m.start("name"), resource)
                add(m.start("name"), m.end("name"), kind, f"{kind}.cue", level)  # "the OrganAMNIST abdominal CT dataset"
        for m in p["introduce"].finditer(text):
            if looks_like_name(m["name"]) and not described_as_method(m["desc"]) \
                    and not (m["noun"].casefold() == "collection" and p["of_methods"].match(text, m.end())):  # "a collection of ... models"
                kind = resource(m["name"], m["noun"], m["desc"] or " ")
                add(m.start("name"), m.end("name"), kind, f"{kind}.cue", CUE)
        for m in p["apposition"].finditer(text):
            # "Long Form (SF), a ... benchmark": the short form names it, as the paper will write it
            short = m["short"] if m["short"] and p["short_name"].fullmatch(m["short"]) else None
            first = short or m["name"].split()[0]
            if is_name_shaped(first) and not models.covering(m.start()) and not described_as_method(m["desc"]) \
                    and not (short and p["noun_modifies_method"].match(text, m.end())) \
                    and not (m["noun"].casefold() == "collection" and p["of_methods"].match(text, m.end())) \
                    and not self.patterns["indefinite"].search(text, max(0, m.start() - 40), m.start()):
                kind = resource(short or m["name"], m["noun"], m["desc"] or " ")
                group = "short" if short else "name"
                add(m.start(group), m.end(group), kind, f"{kind}.apposition", CUE)
        for m in p["reversed_apposition"].finditer(text):
            if is_name_shaped(m["name"]) and not (m["post"] and p["list_goes_on"].match(text, m.end())):
                kind = resource(m["name"], m["noun"], m["desc"] or " ")
                add(m.start("name"), m.end("name"), kind, f"{kind}.apposition", CUE)  # "a custom training dataset, ToxicCommons,"
        for m in p["copula"].finditer(text):
            for item in p["item"].finditer(m["names"]):
                start = m.start("names") + item.start()
                if looks_like_name(item.group().split()[0]) and not models.covering(start):
                    kind = resource(item.group(), m["noun"], m["desc"] or " ")
                    add(start, start + len(item.group()), kind, f"{kind}.apposition", CUE)
        for m in chain(p["named"].finditer(text), p["head_then_name"].finditer(text)):
            if looks_like_name(m["name"]) and not models.covering(m.start("name")) \
                    and not p["method_named"].search(text, m.end("noun"), m.start("name")):
                # not "based on this dataset, we employ a novel training framework, called X"
                end = m.end("name")
                rest = p["name_rest"].match(text, end)
                if rest and _spells(rest["short"], m["name"] + rest.group()):
                    end = rest.end()  # "named Dual-Camera Dual-Pixel (DCDP) dataset", not "Dual-Camera"
                s, e = sentence_of(doc, m.start())
                if p["presents"].search(text, s, e):
                    kind, level = resource(m["name"], m["noun"]), CUE  # "we collect a ... dataset X"
                else:
                    kind, level = self._noun_kind(doc, m["name"], m["noun"], m.start(), resource)
                add(m.start("name"), end, kind, f"{kind}.cue", level)
        for m in p["source"].finditer(text):
            # "knowledge from Vision-Language Models", "data from MIT courses": a name qualifying a noun
            if looks_like_name(m["name"]) and p["train_item_end"].match(text, m.end()) and not p["transfer_to"].match(text, m.end()) \
                    and not models.covering(m.start("name")) and not re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]s", m["name"]) \
                    and m["name"] not in self._method_shorts(text):  # "knowledge from the MV-DM": a model it named
                # not "knowledge from ViGen to MoGen" (a transfer), "from the VLM" (a model), "from KGs" (a class)
                add(m.start("name"), m.end("name"), "dataset", "dataset.cue", CUE)
        self._train_cues(text, add, models)
        for m in p["on"].finditer(text):
            read = self._on(text, m, add, models, title_end)
            while read and (again := p["on_again"].match(text, m.end())):
                read = self._on(text, again, add, models, title_end)  # while the list is of benchmarks, not of models or metrics
                m = again
        self._results_on(doc, text, add, models)
        for m in p["across"].finditer(text):
            s, e = sentence_of(doc, m.start())
            if p["eval"].search(text, s, e):
                self._on(text, m, add, models, title_end)  # "experiments on Gemma2 and Qwen3 across CounterFact and ZsRE"
        for m in p["sentence_on"].finditer(text):
            s, e = sentence_of(doc, m.start())
            if p["eval"].search(text, m.end(), e):
                self._on(text, m, add, models, title_end)  # "On MBPP, a code generation dataset, LeTI improves ..."

        for label in ("benchmark", "dataset"):
            for cand in read_facts(doc, "gazetteer_" + label):
                if self._a_word_here(text, cand["start"], cand["end"]) or p["modifier_after"].match(text, cand["end"]):
                    continue  # "ImageNet-scale datasets", "CheXpert-style labels": the name describes something else
                start, end = self._extent(text, cand["start"], cand["end"])
                if more := p["words_before_data_noun"].match(text, end):
                    end = more.end()  # "the Waymo Open Motion Dataset", "the MPII Human Pose Dataset": a listed name's longer set
                if any(m["start"] == start and m["end"] >= end for m in models.starting_in(start, start + 1)) \
                        and p["model_size_tail"].search(text, cand["end"], end):
                    continue  # "OPT-175B", "Dolly-7B": a listed name that is a model too, with a model's size after it
                add(start, end, label, f"{label}.gazetteer", PRIOR)
        self._variants(text, add, models)
        for m in p["shape"].finditer(text):
            # not ordinary words joined ("CUAAudit: Meta-Evaluation of ...": Evaluation holds Eval; Point-Bench is a name)
            # nor an ordinary lower-case word before a name part ("self-QA reflection", "clinical-QA",
            # "benchmarks.We": a word, not a name's first part as in olmOCR-Bench or tau2-Bench)
            parts = m.group().split("-")
            first = parts[0].partition(".")[0]
            if looks_like_name(m.group()) and len(m.group()) >= 5 and not (
                    all(ordinary(part) for part in parts) and not any(part in self.shape_parts for part in parts)) \
                    and not (first.islower() and len(first) >= 3 and ordinary(first) and first != m.group()):
                start, end = self._extent(text, m.start(), m.end())
                add(start, end, "benchmark", "benchmark.shape", PRIOR)
        for m in p["spaced_shape"].finditer(text):
            if looks_like_name(m["name"]) and not models.covering(m.start()):
                add(m.start(), m.end(), "benchmark", "benchmark.shape", PRIOR)
        for m in p["data_shape"].finditer(text):
            if is_name_shaped(m.group()):
                add(m.start(), m.end(), "dataset", "dataset.shape", PRIOR)
        self._size_shapes(doc, text, add, models)
        for m in p["list"].finditer(text):
            self._list(doc, m, add)
        found.extend(self._lowercase_in_lists(text, found))
        found = outside_links(doc, found)
        classes: dict[str, bool] = {}  # once per name: it searches the whole text
        shorts: set[str] | None = None  # read once, for the first name written in brackets

        def is_class(name: str) -> bool:
            nonlocal shorts
            if name not in classes:
                # an abbreviation shares its long form's role: "a Domain Compensation Module (DCM)" is no set
                short = f"({name})" in text or f"({name}s)" in text
                if short and shorts is None:
                    shorts = self._method_shorts(text)
                classes[name] = short and name in shorts or _class_abbreviation(text, name)
            return classes[name]

        kept = [f for f in self._resolve(doc, text, found, title) if not is_class(f["name"])]
        return kept + [f for f in self._coordination(text, kept, models) if not is_class(f["name"])]

    # ------------------------------------------------------------------ rules

    def _title(self, doc, title, add, resource) -> None:
        """``X: A ... Benchmark for ...``; ``...: A Benchmark for ...`` and the name the abstract introduces."""
        p = self.patterns
        if not title:
            return
        m = p["title"].match(title) or p["title_evaluating"].match(title)
        if m and (p["title_desc_other"].search(m["desc"]) or p["title_other_head"].search(title.split(" for ")[0])):
            m = None  # "IDAL: Improved Domain Adaptive Learning for Natural Images Dataset", "X: A Model and Dataset"
        if m and (looks_like_name(m["name"]) or (m["name"][1:].islower() and m["name"].casefold() not in common_words())):
            noun = m["noun"].casefold()
            kind = "benchmark" if noun in self.benchmark_title_nouns or p["eval_title"].search(m["desc"]) else resource(m["name"], noun)
            add(m.start("name"), m.end("name"), kind, f"{kind}.title", CUE)
            return
        t = p["title_noun"].search(title)
        if t and not p["title_name"].match(title):
            text = text_of(doc)
            intro = p["intro_name"].search(text, len(title))
            if intro and looks_like_name(intro["name"]) and not p["method_intro"].match(text, intro.end()):
                kind = resource(intro["name"], t["noun"])
                add(intro.start("name"), intro.end("name"), kind, f"{kind}.title", CUE)

    def _noun_cue(self, doc, m, add, resource, models, title_end) -> None:
        """``the X benchmark``, ``A and B datasets``, ``the Long Name (LN) dataset``."""
        text, p = text_of(doc), self.patterns
        noun = m["noun"]
        before = text[max(0, m.start() - 60) : m.start()]
        if p["indefinite"].search(before) and not (m["short"] and looks_like_name(m["short"])):
            return  # "a ... EQA benchmark", "a synthetic PII-laced dataset", "we propose an NL-STL dataset": a kind, not a name
        if noun.casefold() == "collection" and text.startswith(" of", m.end()):
            return  # "the MediPhi collection of 3.8B-parameter SLMs": what it holds, not a corpus
        kind, level = self._noun_kind(doc, m["names"], noun, m.start(), resource)
        plural = noun.casefold() in ("benchmarks", "datasets", "corpora") or noun.endswith("s")
        if m["short"] and noun.casefold() in ("benchmarks", "datasets", "corpora") \
                and (not p["member_before"].search(before) or m["short"][0] != m["names"][0]):
            return  # "Most Sign Language Translation (SLT) corpora": a kind; "ATLAS (MRI) datasets": a gloss
        if m["short"] and looks_like_name(m["short"]):
            add(m.start("short"), m.end("short"), kind, f"{kind}.cue", level)
            return
        items = list(p["item"].finditer(m["names"]))
        for item in items:
            words = item.group().split()
            start = m.start("names") + item.start()
            end = start + len(item.group())
            if len(words) > 1 and words[0] in ("The", "A", "An", "This", "Our"):
                start += len(words[0]) + 1  # "The IXI dataset" at a sentence start
                words = words[1:]
            if plural and len(items) == 1 and item.group().casefold() not in known_forms():
                continue  # "brain MRI datasets": a kind of data
            if p["qualifier_tail"].search(item.group()):
                continue  # "an HTML-based dataset", "ED-centric benchmark tasks": a name qualifying the noun
            if len(words) == 1 and f"({words[0]})" in text and not self._introduced(text, words[0]) \
                    and words[0].casefold() in self._terms(text, [{"name": words[0], "rule": "dataset.cue", "end": end}]):
                continue  # "low-light image enhancement (LIE) ... an event-based LIE dataset": a kind of data
            if kind == "dataset" and models.covering(start) and item.group().casefold() not in known_forms():
                continue  # "the CLIP dataset": a model's training data, not a named corpus
            # a Title Case phrase before a head noun is a name in running text, not in a title;
            # "the Dolphins benchmark": a capitalised word after "the" mid-sentence
            title_case = len(words) >= 2 and m.start() >= title_end
            after_the = len(words) == 1 and not plural and p["the_before"].search(text, max(0, start - 8), start)
            if title_case or after_the or any(looks_like_name(w) for w in words):
                add(start, end, kind, f"{kind}.cue", level)

    def _noun_kind(self, doc: Doc, name: str, noun: str, start: int, resource) -> tuple[str, int]:
        """``the X benchmark`` is a benchmark; ``X dataset/corpus`` depends on its context."""
        p = self.patterns
        if noun.casefold() in self.benchmark_nouns:
            return "benchmark", CUE
        text = text_of(doc)
        before = text[max(0, start - 40) : start]
        if p["trained_on"].search(before):
            return "dataset", USE  # "trained on the X corpus"
        if p["built"].search(before):
            return resource(name, noun), CUE  # "we build the X dataset"
        s, e = sentence_of(doc, start)
        clause = s
        for brk in p["clause_break"].finditer(text, s, start):
            clause = brk.end()  # "experiments show that ..., while the X dataset opens the door": another clause
        governing = None
        for governing in p["role"].finditer(text, clause, start):
            pass
        if not governing:  # "..., while the X dataset provided 251 volumes for validation": the purpose it serves, in its clause
            brk = p["clause_break"].search(text, start, e)
            governing = p["purpose"].search(text, start, brk.start() if brk else e)
        if governing:  # "experiments on the X dataset ... training", "models trained on the X dataset achieve"
            return ("dataset", CUE) if governing["train"] else ("benchmark", CUE)
        sentence = text[s:e]
        train, evaluate = p["train"].search(sentence), p["eval"].search(sentence)
        if train and not evaluate:
            return "dataset", CUE
        if p["located_on"].search(before):
            return "benchmark", CUE  # "results on the X dataset"
        return "benchmark", PRIOR

    def _resource_kind(self, doc: Doc, name: str, title_end: int, desc: str = "") -> str:
        """A dataset the paper presents. Its description (``a pre-training dataset``), then its
        title (``X: ... Pre-Training``; ``Evaluating ...``), then the sentences that name it or
        say ``this dataset``: used to train and evaluate -> benchmark, to train -> dataset,
        to evaluate -> benchmark. The title's own resource is a benchmark when the abstract
        evaluates anything on it (``establish baselines``); else a dataset."""
        text, p = text_of(doc), self.patterns
        if desc:
            if p["resource_eval"].search(desc):
                return "benchmark"
            if p["resource_train"].search(desc):
                return "dataset"
        title = text[:title_end]
        own = bool(title) and name in title
        title_train, title_eval = p["resource_train"].search(title), p["eval_title"].search(title)
        if own and title_train and not title_eval:
            return "dataset"
        if title_eval and not title_train:
            return "benchmark"
        trained = evaluated = False
        for s, e in sentence_bounds(doc):
            sentence = text[s:e]
            if s < title_end or not (name in sentence or p["anaphor"].search(sentence)):
                continue
            t, v = p["resource_train"].search(sentence), self._evaluates(sentence)
            if t and v:
                return "benchmark"
            trained, evaluated = trained or bool(t), evaluated or v
        if trained:
            return "dataset"
        if evaluated or (own and self._evaluates(text, title_end)):
            return "benchmark"
        return "dataset"

    def _evaluates(self, text: str, pos: int = 0) -> bool:
        """Whether ``text`` speaks of evaluating (not of another named benchmark: ``a benchmark VidChatBench``)."""
        for m in self.patterns["resource_eval"].finditer(text, pos):
            if not (m.group().casefold().startswith("benchmark") and re.match(r"\s+(?:called\s+|named\s+)?[A-Z][a-z]*[A-Z0-9]", text[m.end() : m.end() + 30])):
                return True
        return False

    def _train_cues(self, text, add, models) -> None:
        """``pre-trained on X, Y and Z`` and ``X pre-training`` make training corpora."""
        p = self.patterns
        for m in p["train_on"].finditer(text):
            fine_tune = m.group().split()[0].casefold().rstrip(",") in self.fine_tune_verbs
            # "Models pre-trained on ImageNet were adapted": one name, then the sentence's verb
            list_end = p["train_item_end"].match(text, m.end()) or p["be_after"].match(text, m.end()) and not p["item_break"].search(m["items"])
            if not (list_end or p["train_verb_after"].match(text, m.end())):
                continue  # "trained on H2, H3, and H4 treatments": names qualifying a noun
            for item in p["item"].finditer(m["items"]):
                start = m.start("items") + item.start()
                name = item.group()
                known = name.casefold() in known_forms()
                if models.covering(start) or not (known or is_name_shaped(name.split()[0]) and not is_ordinary(name)):
                    continue  # a model; "Non-Bangladeshi datasets"; "Chain-of-Thought (CoT) enriched data"
                if re.search(r"-[a-z]+$", name):
                    continue  # "RoboTwin-generated", "SF-test": a name qualifying something else
                if fine_tune and name.casefold() in benchmark_forms():
                    continue  # "fine-tuned on GLUE": the benchmark's own training split
                if not (list_end or known):
                    continue  # a list ended by the sentence's verb: listed names only
                if start + len(name) < m.end() and not p["train_item_end"].match(text, start + len(name)):
                    continue  # "finetuned on InstructMining selected datasets"
                start, end = self._extent(text, start, start + len(name))
                add(start, end, "dataset", "dataset.train_cue", USE)
        for m in p["pretraining_on"].finditer(text):
            name = _PRETRAINED_TAIL.sub("", m["name"])  # "ImageNet-based", "ImageNet-pretrained weights"
            if name.casefold() in known_forms() and not models.covering(m.start()):
                add(m.start("name"), m.start("name") + len(name), "dataset", "dataset.train_cue", USE)  # "ImageNet weights"

    def _on(self, text, m, add, models, title_end: int = 0) -> bool:
        """``experiments on X, Y and Z``: each name a result is reported on is a benchmark.
        Whether the last name was one. In a title, where every word has a capital, a
        phrase whose head is an ordinary word is no name (``Evaluating LLMs on Multiword
        Expressions``), unless the lists know it (``on Natural Questions``)."""
        p = self.patterns
        if p["trained_on"].search(text, m.start(), m.start("items")):
            return False  # "performance when pre-trained on X": a training use
        brackets = [(b.start(), b.end()) for b in re.finditer(r"\([^()]*\)", m["items"])]
        base, items = m.start("items"), list(p["item"].finditer(m["items"]))
        a_model = any(f["end"] == base + item.end() for item in items for f in models.starting_in(base + item.start(), base + item.start() + 1))
        if len(items) >= 2 and (a_model or p["not_corpus_noun"].match(text, m.end("items"))):
            return False  # one role per list: "on Qwen3-8B and HunyuanVideo", "across FGSM, PGD, CW, and DAmageNet attacks"
        if len(items) == 1 and items[0].start() and p["plural_set_noun"].match(text, m.end("items")):
            return False  # "on public UDA datasets": a qualified kind of sets, not one
        cued = _cued_models(models)
        read = False
        for item in items:
            read = False
            start = m.start("items") + item.start()
            name = item.group()
            words = name.split()
            if models.covering(start) or any(a < item.start() < b for a, b in brackets) or words[-1].casefold() in not_benchmarks() \
                    or text.startswith("@", start + len(name)):
                continue  # a model; "(a 7B parameter 3D-LMM)"; "Reliable VQA"; a metric at k ("RTA@5")
            if name.casefold() in cued:
                continue  # "two VLP models, namely ViLT and METER ... on METER": one role per name, results of the model
            if p["part"].fullmatch(name):
                continue  # "0.762 on Subtask 1": a part of the evaluation
            if not (any(is_name_shaped(w) for w in words) or (len(words) >= 2 and not is_ordinary(name))
                    or name in listed_spellings() or name.casefold() in known_forms() and not is_ordinary(name)):
                continue  # listed: "on Open Images and KITTI", "Fleurs, Wenetspeech"; not "on Math, Code, and ... tasks"
            start, end = self._extent(text, start, start + len(name))
            if start < title_end and " " in text[start:end] and _ordinary_head(text[start:end]) \
                    and text[start:end].casefold() not in known_forms():
                continue  # "on Intel Xeon Phi Architecture", "on Textualized Knowledge Graphs"
            add(start, end, "benchmark", "benchmark.on", USE)
            read = True
        return read

    def _results_on(self, doc, text, add, models) -> None:
        """``by up to 8% on VideoPhy2``: a result, then what it is on, unless a sentence's
        results are on models or metrics (``+6.2 pp on GPT-5.5, +7.9 pp on Seed2.0-lite``,
        ``0.65% on Dice, 1% on NSD``)."""
        by_sentence: dict[tuple[int, int], list] = {}
        for m in self.patterns["result_on"].finditer(text):
            by_sentence.setdefault(sentence_of(doc, m.start()), []).append(m)
        if not by_sentence:
            return
        metrics = Mentions(read_facts(doc, "gazetteer_metric"))
        for group in by_sentence.values():
            if any(models.covering(m.start("items")) or metrics.covering(m.start("items")) for m in group):
                continue
            for m in group:
                if not self._a_version(text, m.start(), metrics) and not self._modifies(text, m.end("items")):
                    self._on(text, m, add, models, doc.user_data.get("paperfacts_title_len") or 0)

    def _a_version(self, text: str, at: int, metrics: Mentions) -> bool:
        """A bare number after a capitalized word is a version (``Claude Opus 4.6 on OpenClaw``),
        not after a metric (``MAE 0.017 on COD10K``)."""
        word = _WORD_BEFORE.search(text, max(0, at - 30), at)
        return bool(word) and word.group()[:1].isupper() and not word.group().isupper() \
            and not metrics.covering(word.start()) and not self.patterns["result_unit"].match(text, at)

    def _modifies(self, text: str, end: int) -> bool:
        """The name ends a modifier: an ordinary word follows (``77% on GUI screenshots``,
        ``44% on ICD-10 coding``), not a function word, a resource noun or a split."""
        after = self.patterns["word_after"].match(text, end)
        if not after:
            return text.startswith(":", end)  # "on X, R1-Onevision: 69.07% to ...": a label
        word = after.group(1).casefold()
        return after.group(1).islower() and word not in STOP_WORDS and not RESOURCE_WORD.fullmatch(word) \
            and word not in self.split_words and not word.endswith("ly")  # "respectively", "only"

    def _list(self, doc, m, add) -> None:
        """``benchmarks such as A, B and C``: each listed name (not a kind of task: ``DEM estimation``)."""
        text, p = text_of(doc), self.patterns
        head = m["head"].casefold()
        items = list(p["item"].finditer(m["items"]))
        if m["open"] == "(" and len(items) < 2 and _initials(text[max(0, m.start() - 80) : m.end("head")], items[0].group()):
            return  # "reasoning visual tasks (RVTs)": an abbreviation, not a list
        if head.startswith(("dataset", "corpora", "corpus")):
            s, e = sentence_of(doc, m.start())
            sentence = text[s:e]
            trained = p["train_use"].search(text, s, m.start("head"))
            kind = "dataset" if trained or (p["train"].search(sentence) and not p["eval"].search(sentence)) else "benchmark"
        else:
            kind = "benchmark"
        named_head = not head.startswith("task")
        for item in items:
            start = m.start("items") + item.start()
            end = start + len(item.group())
            if not re.match(r"\s*(?:,|\)|and\b|or\b|[.;:]|$)", text[end : end + 5]):
                continue  # "DEM estimation": a name qualifying a noun
            words = item.group().split()
            if looks_like_name(words[-1]) or looks_like_name(item.group()) or (named_head and len(items) >= 2 and words[0][0].isupper()):
                add(start, end, kind, f"{kind}.list", CUE if named_head else PRIOR)

    def _a_word_here(self, text: str, start: int, end: int) -> bool:
        """A listed name that is one ordinary word is that word here: in lower case (``acid``,
        ``bear``, ``a spider mamba generator``), or capitalized and touching another
        capitalized word, as part of a longer name (``Mechanical Turk``, ``Duke University``,
        ``Area Chairs``, ``Venture Capital``). A function word (``On Spider``) or a corpus
        noun (``Spider Benchmark``) beside it does not count."""
        name = text[start:end]
        if not (len(name) > 1 and name.isalpha() and ordinary(name)):
            return False
        if name[0].islower():
            return True
        before = self.patterns["touching_before"].search(text, max(0, start - 40), start)
        after = self.patterns["touching_after"].match(text, end)
        return any(
            m and m["word"][0].isupper() and m["word"].casefold() not in STOP_WORDS
            and m["word"].casefold() not in self.corpus_nouns
            for m in (before, after)
        )

    def _extent(self, text: str, start: int, end: int) -> tuple[int, int]:
        """A name with what belongs to it: a size, version, year or variant tail (``WIT-400M``,
        ``OmniDocBench v1.5``, ``AIME 24/25``, ``COCO 2017``, ``WMT'14``, ``HealthBench Hard``, ``SemEval-2026 Task 9``), a variant prefix (``Split``)
        and the article of a name written with one (``the Pile``)."""
        p = self.patterns
        while True:
            tail = p["size_suffix"].match(text, end) or UNDERSCORE_PART.match(text, end) or p["tail"].match(text, end) \
                or p["resolution_tail"].match(text, end) or p["task_tail"].match(text, end) \
                or text[start:end].casefold() not in not_benchmarks() and p["variant_tail"].match(text, end)  # not "TensorFlow Lite"
            name = text[start:end]
            if not tail and name.isalpha() and name.isupper() and len(name) >= 3:
                tail = p["year_tail"].match(text, end)
            if not tail and not any(ch.isdigit() for ch in name):
                tail = p["number_tail"].match(text, end)  # "NTU RGB+D 60", "Kinetics 400", "Places 365"
            if not tail:
                break
            end = tail.end()
        prefix = p["variant_prefix"].search(text, max(0, start - 20), start)
        if prefix and (prefix.start() == 0 or not text[prefix.start() - 1].isalnum()):
            start = prefix.start()
        if text[max(0, start - 4) : start].casefold() == "the " and ("the " + text[start:end]).casefold() in the_names():
            start -= 4
        return start, end

    def _variants(self, text, add, models) -> None:
        """``MME-RealWorld-Lite``, ``BrowseComp-Plus``: a known name run on into capitalised parts."""
        forms, tails = known_forms(), self.patterns
        for m in tails["variant_run"].finditer(text):
            if models.covering(m.start()):
                continue
            parts = m.group().split("-")
            for i in range(len(parts) - 1, 0, -1):
                head = "-".join(parts[:i]).casefold()
                rest = parts[i:]
                if head in forms and head not in not_benchmarks() and looks_like_name("-".join(parts[:i])) \
                        and all(r in self.name_tails or (any(ch.isdigit() for ch in r) and r[:1].isupper() | r[:1].isdigit()) for r in rest) \
                        and not all(r.isdigit() for r in rest):
                    kind = "dataset" if head in dataset_forms() and head not in benchmark_forms() else "benchmark"
                    add(m.start(), m.end(), kind, f"{kind}.variant", PRIOR)
                    break
        for m in tails["prefixed_run"].finditer(text):
            name = m["name"].casefold()
            if name in forms and name not in not_benchmarks() and not models.covering(m.start("name")):
                kind = "dataset" if name in dataset_forms() and name not in benchmark_forms() else "benchmark"
                add(m.start(), m.end(), kind, f"{kind}.variant", PRIOR)  # "10-Split-CIFAR-100"

    def _size_shapes(self, doc, text, add, models) -> None:
        """``SpaVis-6M``, ``ProVision-10M``: a coined name with a data size, in a sentence about data."""
        p = self.patterns
        for m in p["size_shape"].finditer(text):
            if not looks_like_name(m["name"]) or models.covering(m.start()) or m["name"].casefold() in known_forms():
                continue
            s, e = sentence_of(doc, m.start())
            if DATA_WORDS.search(text, s, e):
                add(m.start(), m.end(), "dataset", "dataset.shape", PRIOR)

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
                extra.append(_mention(item.start(), item.end(), text, "benchmark", "benchmark.list", CUE))
                pos = item.end()
        return extra

    # ------------------------------------------------------------------ resolution

    @staticmethod
    def _a_plural_class(name: str) -> bool:
        """An acronym in the plural names a class (``on GPUs``, ``LSTMs and QRNNs``, ``on MCQs``,
        ``conservative PACs``), not one set, unless a list spells it so (``WEBQs``)."""
        return _PLURAL_ACRONYM.fullmatch(name) is not None and name not in listed_spellings()

    def _resolve(self, doc: Doc, text: str, found: list[dict], title: str) -> list[dict]:
        """Overlaps: the longest wins and takes the evidence of what it covers; one role per
        name (the strongest evidence; a benchmark where it ties); junk dropped."""
        kept: list[dict] = []
        rank = {r: i for i, r in enumerate(RULE_ORDER)}
        found = [f for f in found if f["level"]]
        for f in sorted(found, key=lambda f: (f["start"], -(f["end"] - f["start"]), -f["level"], rank[f["rule"].split(".")[1]])):
            f = dict(f, evidence=[(f["kind"], f["level"], f["rule"])])
            if kept and f["start"] < kept[-1]["end"]:
                kept[-1]["evidence"].extend(f["evidence"])
                continue
            kept.append(f)
        kept = [f for f in kept if f["name"].casefold() not in not_benchmarks() and name_key(f["name"]) and not self._a_plural_class(f["name"])
                and self.hardware_words.isdisjoint(f["name"].split())]  # "on NVIDIA H100 GPUs", "on Jetson Orin NX": devices
        terms = self._terms(text, kept) | self._own_methods(text, kept)
        own = self._own_name(title)
        # per name: (strongest level, whether a benchmark is read at it, whether a rule describes it)
        verdict: dict[str, list] = {}
        for f in kept:
            v = verdict.setdefault(name_key(f["name"]), [0, False, False])
            for kind, level, rule in f["evidence"]:
                if level > v[0]:
                    v[0], v[1] = level, False
                if level == v[0] and kind == "benchmark":
                    v[1] = True
                if level >= CUE and rule.split(".")[1] in DESCRIBING:
                    v[2] = True
        systems = self._systems(text, kept) | self._kinds_of_sets(text, kept)
        out = []
        for f in kept:
            _, benchmark, described = verdict[name_key(f["name"])]
            if (f["name"].casefold() in terms or name_key(f["name"]) == own) and not described or name_key(f["name"]) in systems:
                continue
            if benchmark and _TRAINING_STAGE_PART.search(f["name"]) and not self.patterns["shape"].pattern.fullmatch(f["name"]) \
                    and not any(r.split(".")[1] == "on" for _, _, r in f["evidence"]):
                benchmark = False  # "we release the FineProofs-SFT and FineProofs-RL datasets": data for a training stage
            f["kind"] = "benchmark" if benchmark else "dataset"
            own_ev = [e for e in f["evidence"] if e[0] == f["kind"]] or f["evidence"]
            best = max(level for _, level, _ in own_ev)  # the rule credited: this mention's strongest
            rule = min((r for _, level, r in own_ev if level == best), key=lambda r: rank[r.split(".")[1]])
            f["rule"] = f["kind"] + "." + rule.split(".")[1]
            out.append(f)
        starts = {f["start"] for f in out}
        long_forms = {
            f["name"].casefold() for f in out for gap in (" (", "(") if text.startswith(gap, f["end"]) and f["end"] + len(gap) in starts
        }
        return [_public(f) for f in out if f["name"].casefold() not in long_forms]

    def _systems(self, text: str, kept: list[dict]) -> set[str]:
        """The keys of names the paper reads as a method or model: the subject of a verb of
        comparison or result somewhere (``Experiments show that MAGE outperforms ...``,
        ``SEMNAV achieves``), not after a word that uses it (``fine-tuning on X yields``,
        ``a dataset like GPQA``), and with no evidence stronger than a list entry, a cue or
        an apposition (the title, a result reported on it, a training use)."""
        p = self.patterns
        acting = {name_key(name) for name in {f["name"] for f in kept} for at in occurrences(text, name)
                  if p["system_verb"].match(text, at + len(name)) and not p["use_before"].search(text, max(0, at - 20), at)}
        if not acting:
            return acting
        return acting - _strongly_named(kept)

    def _own_methods(self, text: str, kept: list[dict]) -> set[str]:
        """The names (case-folded) the paper introduces as its own method, model or system:
        ``We introduce COLA, a self-supervised pre-training approach``, ``ChainEval, a new
        metric for ... evaluation``; not ``X, a framework for evaluating ...`` (evaluation or a
        resource word in what a framework, pipeline or system is called or does), not a name
        whose shape says benchmark (``UniPercept-Bench, a unified framework``) unless it is
        called a method or metric, and not a name with stronger evidence (the title, a result
        on it, a training use). Like the other terms, a describing cue elsewhere keeps a name
        (``we first create the CineVerse dataset``)."""
        p = self.patterns
        own = set()
        for name in {f["name"] for f in kept}:
            for at in occurrences(text, name):
                # "we propose X, a ...", or X the abbreviation of what is proposed: "we propose
                # Contrastive Paraphrase Attack (CoPA), a training-free method"
                if p["own_verb_before"].search(text, max(0, at - 60), at):
                    after = p["own_method_after"].match(text, at + len(name))
                elif text.startswith(")", at + len(name)) and p["own_verb_long_form"].search(text, max(0, at - 160), at):
                    after = p["own_method_after"].match(text, at + len(name) + 1)
                else:
                    continue
                if after and (after["noun"] in _METHOD_ITSELF and not _EVALUATING.search(after["desc"])
                              or not _EVALUATING.search(after["desc"] + after["then"]) and not p["shape"].pattern.fullmatch(name)):
                    own.add(name)  # "ChainEval, a new metric for automatic evaluation" is a metric still
                break  # the first introduction says what it is
        if not own:
            return own
        strong = _strongly_named(kept)
        return {name.casefold() for name in own if name_key(name) not in strong}

    def _kinds_of_sets(self, text: str, kept: list[dict]) -> set[str]:
        """The keys of names the paper counts kinds of sets with (``experiments on four DocQA
        datasets``, ``across multiple COD benchmarks``): a task or a family, not one set, unless
        a stronger use names it alone (the title, a result on it, a training use, a list) or the lists
        know it (``five TCGA datasets``: a real collection, read as its name)."""
        p = self.patterns
        counted = {name_key(f["name"]) for f in kept if p["plural_set_after"].match(text, f["end"])
                   and p["counted_before"].search(text, max(0, f["start"] - 40), f["start"]) and f["name"].casefold() not in known_forms()}
        if not counted:
            return counted
        return counted - _strongly_named(kept)

    def _terms(self, text: str, kept: list[dict]) -> set[str]:
        """Acronyms that are not corpus names: spelled out in ordinary words
        (``context-aware emotion recognition (CAER)``), or, when only the lists read the name,
        in words none of which is shaped like a name (``Camouflaged object detection (COD)``),
        unless an appositive calls it a resource (``(TAPE), a set of five ... tasks``); a
        listed name the text introduces as its own long form (``we propose Activation Ranking
        Correlation (ARC)``, nothing name-shaped introduced before it); or naming a method
        (``(DPM) mechanism``; a name only the lists read, at any mention: ``MAD systems``,
        ``methods such as H2O``)."""
        p, terms = self.patterns, set()
        rules: dict[str, set[str]] = {}
        for f in kept:  # the rules that read each name (a caller's lone mention has its own rule only)
            found_by = [r for _, _, r in f["evidence"]] if "evidence" in f else [f["rule"]]
            rules.setdefault(f["name"], set()).update(r.split(".")[1] for r in found_by)
        listed_only = {name for name, found_by in rules.items() if found_by == {"gazetteer"}}
        for short in {f["name"] for f in kept}:  # names written in brackets: "... (CAER)"
            start = text.find("(" + short + ")") + 1
            if not start:
                continue
            end = start + len(short)
            after = p["word_after"].match(text, end + 1)
            if after and RESOURCE_WORD.match(after.group(1)) or p["resource_appositive"].match(text, end + 1):
                continue  # "general language understanding evaluation (GLUE) benchmark"
            if after and p["not_corpus_noun"].match(after.group()):
                terms.add(short.casefold())  # "Dynamic Parameter Memory (DPM) mechanism"
                continue
            words = re.findall(r"[A-Za-z][\w\-]*", text[max(0, start - 100) : start - 1])[-8:]
            initial = short[0].casefold()
            i = next((i for i in range(len(words) - 1, -1, -1) if words[i][0].casefold() == initial and len(words) - i >= 2), None)
            if i is None:
                continue
            expansion = " ".join(words[i:])
            if not _spells(short, expansion):
                if _spells_in_syllables(short, expansion) and is_ordinary(expansion) and all(w[:1].islower() for w in words[i:]):
                    terms.add(short.casefold())  # "open-retrieval conversational question answering (OR-ConvQA)": a task
                continue  # "knowledge-intensive tasks (KILT)": a name in brackets, not an abbreviation
            # the words that spell it: "Direct rebuttal generation using LLM (DRG)" spells DRG in three
            words = words[: i + _spelling_words(short, words[i:])]
            expansion = " ".join(words[i:])
            if RESOURCE_WORD.search(expansion):
                continue  # "Chinese Hard Case Benchmark (CHC-Bench)": a resource's name
            intro = p["own_verb_long_form"].search(text, max(0, start - 161), start) if short in listed_only else None
            between = text[intro.end("verb") : text.rfind(words[i], 0, start)] if intro else ""
            if intro and not any(looks_like_name(w) for w in re.findall(r"[A-Za-z0-9][\w\-]*", between)):
                terms.add(short.casefold())  # "we propose Activation Ranking Correlation (ARC)": new here, not the listed set
                continue
            lower = all(w[:1].islower() for w in words[i + 1 :])
            head = words[-1].split("-")[-1].casefold()  # "Grouped Query Attention (GQA)": a mechanism, though GQA is a listed set
            # a listed name that only the list reads: spelled out in words no name is made of
            # ("Camouflaged object detection (COD)"), it names what they say
            plain_words = is_ordinary(expansion) or short in listed_only and not any(looks_like_name(w) for w in words[i:])
            # a head that names a process ("Classification", "Pooling", "Similarity"), not an evaluation
            process = head in self.term_heads or short in listed_only and _PROCESS_HEAD.search(head) and not _EVALUATING.search(head)
            if plain_words and (lower or short.casefold() not in known_forms() or process):
                terms.add(short.casefold())
        for f in kept:
            if f["rule"].split(".")[1] in ("shape", "on", "gazetteer") and p["not_corpus_noun"].match(text, f["end"]) \
                    and f["name"].casefold() not in known_forms():
                terms.add(f["name"].casefold())  # "the RVT pipeline", "GEC methods"
            elif f["name"] in listed_only and p["method_noun_after"].match(text, f["end"]):
                terms.add(f["name"].casefold())  # "Multi-Agent Debate (MAD) ... MAD systems": a listed name used as a method's
            elif f["name"] in listed_only and p["methods_such_as"].search(text, max(0, f["start"] - 120), f["start"]):
                terms.add(f["name"].casefold())  # "unlike previous methods such as H2O and SnapKV": a method
        return terms

    def _method_shorts(self, text: str) -> set[str]:
        """The bracketed short forms the text gives a model or method: ``a multi-view diffusion model (MV-DM)``,
        ``uniform-state diffusion models (USDMs)``, ``the Domain Compensation Module (DCM)``; not a
        resource's (``the Aviation Safety Reporting System (ASRS) corpus``, ``a new evaluation framework
        (TweetEval)``, ``Corpus of Texts Yielded from Language models (DACTYL)``)."""
        p, shorts = self.patterns, set()
        for m in p["short_form"].finditer(text):
            if not p["method_head_end"].search(text, max(0, m.start() - 40), m.start() + 1):
                continue
            if p["resource_after"].match(text, m.end()):
                continue
            if p["resource_lead"].search(" ".join(re.findall(r"[A-Za-z][\w\-]*", text[max(0, m.start() - 100) : m.end()])[-9:])):
                continue
            shorts.add(m.group(1))
        return shorts | {s.removesuffix("s") for s in shorts}

    def _introduced(self, text: str, short: str) -> bool:
        """Whether the text introduces ``short`` as a name: ``named Multi-modal Panoramic 3D Outdoor (MPO)``,
        ``we introduce the ETD dataset`` (not ``struggle with deep video understanding (DVU)``)."""
        p = self.patterns
        for m in re.finditer(rf"(?<![\w-])\(?{re.escape(short)}(?![\w-])", text):
            before = (max(0, m.start() - 70), m.start())
            if p["named_before"].search(text, *before) if m.group().startswith("(") \
                    else p["built"].search(text, *before) and p["determiner_before"].search(text, *before):
                return True  # not "to automatically construct DVU datasets"
        return False

    def _own_name(self, title: str) -> str | None:
        """The key of the paper's own name when the title calls it something other than a
        benchmark or dataset (``UniQA: Unified Vision-Language Pre-training``)."""
        m = self.patterns["title_name"].match(title)
        p = self.patterns
        if not m or p["title"].match(title) or p["title_evaluating"].match(title) or re.search(r"(?i)\bbenchmark", title) \
                or m["name"].casefold() in known_forms():
            return None
        return name_key(m["name"])

    def _coordination(self, text: str, kept: list[dict], models: Mentions) -> list[dict]:
        """In ``A, B and C`` or ``(A, B, C)``, an unknown name-shaped member takes the role of
        the known members (``OCRBench, CCOCR, DocVQA, and ChartQA``)."""
        p = self.patterns
        by_start = {f["start"]: f for f in kept}
        taken = {i for f in kept for i in range(f["start"], f["end"])}  # characters already in a name
        extra: list[dict] = []

        def free(s, e):
            return not any(i in taken for i in range(s, e)) and not models.covering(s)

        def candidate(name: str, known_count: int) -> bool:
            if name.casefold() in not_benchmarks() or len(name) < 2 or text[text.index(name) + len(name) :][:1] in "$^":
                return False
            words = name.split()
            if any(is_name_shaped(w) for w in words) or name == "V*":
                return True
            return known_count >= 2 and all(w[:1].isupper() for w in words) and len(words) <= 2

        for f in sorted(kept, key=lambda f: f["start"]):
            chain_ = [f]
            pos = f["end"]
            unknown = []
            while True:  # rightwards
                gap = p["member_gap"].match(text, pos)
                if not gap:
                    break
                nxt = by_start.get(gap.end())
                if nxt:
                    chain_.append(nxt)
                    pos = nxt["end"]
                    continue
                item = p["member"].match(text, gap.end())
                if not item:
                    break
                end = item.end()
                last = re.search(r"\b(?:and|or)\s+$", gap.group())
                if not last and not re.match(r"(?:\s\([^()]{1,25}\))?\s*(?:,|\)|and\b|or\b|/|[.;:]|$)", text[end : end + 30]):
                    break
                unknown.append((item.start(), end))
                pos = end
                if last:
                    break
            left = p["member_before"].search(text, max(0, f["start"] - 60), f["start"])
            if left and left.start("m") not in by_start:
                unknown.append((left.start("m"), left.end("m")))
            if not unknown or len(chain_) < 2 and not (left and chain_[0]["start"] > f["start"]):
                continue
            kinds = [c["kind"] for c in chain_]
            kind = "benchmark" if kinds.count("benchmark") >= kinds.count("dataset") else "dataset"
            for s, e in unknown:
                s, e = self._extent(text, s, e)
                if (lead := _SENTENCE_PREPOSITION.match(text, s, e)) and " " not in text[lead.end() : e]:
                    s = lead.end()  # "Across DL3DV, RealEstate10K, and DTU": the sentence's word, not the name's
                if free(s, e) and candidate(text[s:e], len(chain_)):
                    extra.append(_public(_mention(s, e, text, kind, f"{kind}.coordination", PRIOR)))
                    taken.update(range(s, e))
        return extra

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        for kind in ("benchmark", "dataset"):
            write_facts(doc, kind, [m for m in mentions if m["kind"] == kind])


#: The lower-case word a name ends in after a hyphen, and the words that make it a modifier.
_HYPHEN_WORD = re.compile(r"(?<=[A-Za-z0-9])-(?P<word>[a-z]+)$")
_FUNCTION_WORDS = frozenset("the a an and or as of to in on with which that is are was were for by from at but".split())
_MODIFIER_WORD = re.compile(rf"(?:{ADJECTIVE_TAILS}|related|dependent|dominant|simulated|accelerated|sized|type)")

_LIST_GAP = fast_compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)")

#: Words of a sentence about data (``SpaVis-6M ... dataset``, ``10 million instruction data points``).
DATA_WORDS = re.compile(r"\b(?:data|dataset|datasets|corpus|samples|pairs|images|videos|clips|hours|instructions|examples|documents|annotations|trajectories)\b", re.IGNORECASE)

#: Rules that describe what a name is (``the X benchmark``, ``X, a dataset``, a title);
#: they keep a name that would otherwise read as a term or as the paper's own method.
DESCRIBING = {"cue", "apposition", "title", "list"}

#: Rules whose evidence a name that acts (``_systems``) keeps its role by: the title, a
#: result reported on it, a training use, a list of benchmarks.
STRONG_RULES = {"title", "on", "train_cue", "list"}

#: Which rule a tie on span and strength is credited to.
RULE_ORDER = ["title", "apposition", "cue", "train_cue", "on", "list", "gazetteer", "variant", "shape", "coordination"]


@lru_cache(maxsize=1)
def listed_spellings() -> frozenset[str]:
    """Every written form of every benchmark and dataset, as the lists spell it."""
    return frozenset(f for name in ("benchmarks.jsonl", "datasets.jsonl") for e in read_jsonl(name) for f in (e["name"], *e.get("aliases", ())))


#: An acronym in the plural: capitals, then a lower-case ``s`` (``GPUs``, ``MCQs``, ``LSTMs``).
_PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9]*[A-Z]s")


@lru_cache(maxsize=1)
def benchmark_forms() -> frozenset[str]:
    """Every written form of every benchmark, case-folded."""
    return frozenset(f.casefold() for e in read_jsonl("benchmarks.jsonl") for f in (e["name"], *e.get("aliases", ())))


@lru_cache(maxsize=1)
def dataset_forms() -> frozenset[str]:
    """Every written form of every dataset, case-folded."""
    return frozenset(f.casefold() for e in read_jsonl("datasets.jsonl") for f in (e["name"], *e.get("aliases", ())))


@lru_cache(maxsize=1)
def known_forms() -> frozenset[str]:
    return benchmark_forms() | dataset_forms()


@lru_cache(maxsize=1)
def the_names() -> frozenset[str]:
    """Names written with their article (``The Pile``), case-folded."""
    return frozenset(
        e["name"].casefold() for name in ("benchmarks.jsonl", "datasets.jsonl") for e in read_jsonl(name) if e["name"].startswith("The ")
    )


#: model rules whose cue says what the name is (a model noun heads or follows it), not only its shape or a list
CUED_MODEL_RULES = frozenset({"model.list", "model.cue", "model.named", "model.own_size", "model.own_cue"})


@lru_cache(maxsize=1)  # one paper's models, asked once per "on X" result: linear time on a long abstract
def _cued_models(models: Mentions) -> frozenset[str]:
    """Names the text calls models (``two VLP models, namely ViLT and METER``), lower-cased."""
    return frozenset(f["name"].casefold() for f in models.facts if f.get("rule") in CUED_MODEL_RULES)


def _strongly_named(kept: list[dict]) -> set[str]:
    """The keys of names with evidence stronger than a list entry, a cue or an apposition:
    the title, a result reported on them, a training use, a benchmark list (``STRONG_RULES``)."""
    return {name_key(f["name"]) for f in kept for _, _, rule in f["evidence"] if rule.split(".")[1] in STRONG_RULES}


def _mention(start: int, end: int, text: str, kind: str, rule: str, level: int = PRIOR) -> dict:
    if start and text[start - 1] == "\\":
        level = 0  # "\VideoDatasetName": a LaTeX macro, not a name
    return {"start": start, "end": end, "text": text[start:end], "name": text[start:end], "kind": kind, "rule": rule, "level": level}


def _public(f: dict) -> dict:
    """The fact as written to the Doc: JSON-able, without the resolution's working keys."""
    return {k: f[k] for k in ("start", "end", "text", "name", "kind", "rule")}


@Language.factory(
    "paperfacts_corpora",
    requires=attrs("gazetteer_benchmark", "gazetteer_dataset", "model"),
    assigns=attrs("benchmark", "dataset"),
)
def make_corpus_extractor(nlp: Language, name: str) -> CorpusExtractor:
    require_paperfacts(nlp)
    return CorpusExtractor(nlp, name=name)
