"""Model names: gazetteer families extended by a name grammar, coined names read by
their shape and their context.

Rules, each with a stable id:

* ``model.gazetteer``: a family from ``data/models.jsonl`` plus what the grammar
  allows after it: versions (``GPT-4o``, ``Llama 3.1``, ``Qwen2.5``, ``DINOv3``), sizes
  (``LLaMA-2-7B``, ``LLaMA 7B``), variants (``-Instruct``, ``-mini``, `` XL``, `` base``),
  configurations (``ViT-B/16``, ``EfficientNet-B0``, ``EfficientNet B0``, ``Kimi K2.5``) and
  coined parts (``Qwen3-VL``, ``DeepSeek-OCR``; a word part only before a size:
  ``Mistral-Legal-7B``).
* ``model.compound``: a name built on a productive stem from
  ``data/model_grammar.json`` (``ContraBERT``, ``CT-LLM``, ``MiniGPT-4``).
* ``model.cue`` / ``model.list`` / ``model.title``: a name the text introduces as a
  model (``X, a 7B language model``), lists after ``models such as``, a title ``X: A ...
  Language Model``; ``X, a framework`` is not one, nor ``X, an LLM-based framework`` or
  ``X, a model-agnostic method`` (a method built on models).
* ``model.named``: a model noun names it (``a model named openCabrita 3B``, ``the
  ensemble model, referred to as EL-4``).
* ``model.head_noun``: a model noun followed straight by a coined name (``a unified
  multi-modal tracker Diff-MM by``, ``the planar tracker WOFT``).
* ``model.own_size`` / ``model.own_cue``: the paper's own name (the title's ``X:``, ``we
  propose X``, ``we train Long Form (X)``, ``introducing Prithvi WxC``) when the abstract
  gives it a parameter count or size variant (``TinyRS, the first 2B-parameter ... model``,
  ``X-7B``) or a model noun or training word (``the UnIVAL model``, ``X is trained``), and
  no benchmark, dataset, tool or (without a size) method noun (``X framework``).
* ``model.abbreviation``: the abbreviation of the paper's own long-form model (``we
  propose a novel Physics-guided Causal Model (PCM)``).
* ``model.shape_cue``: a coined name (not an ordinary English word by
  ``data/common_words.txt``) after a comparison or use cue when its own parts lean
  model (``outperforms OneTracker``, ``built on QwenVL3-2B``), between a determiner
  and a model head noun (``our TVNet model``), or with a size in billions glued on
  wherever it stands (``GUI-Actor-7B even surpasses``, ``On LLaDA-8B-Instruct, X improves``).
* ``model.coordination``: coined members of ``A, B and C`` / ``(A, B, C)`` next to a
  known model take its role (``Qwen2-VL-7B and Zorblax3-VL``).

Generic classes, methods, formats and organisations (``data/not_models.txt``), and such
classes joined by hyphens (``CNN-Transformer``), are never models, nor citation keys,
``<name> Score`` metrics, names of numbers and sizes only, or a name the paper defines as a
class's abbreviation (``speech large language model (SLLM)``, in the whole paper). An
abbreviation in brackets after its long form (``XLM-RoBERTa (XLM-R)``) keeps the short
form only.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json, read_jsonl, read_lines
from ..trie import (
    GATE_WORDS, WORD_RUN, Gated, alternation, compile_names, fast_compile, word_run_starts, word_start, words_back, words_before,
)
from . import UNDERSCORE_PART, Component, Mentions, attrs, outside_links, read_facts, require_paperfacts, text_of, write_facts
from .long_forms import PREPOSITIONS, long_form, spells_in_syllables


def grammar() -> dict:
    return read_json("model_grammar.json")


@lru_cache(maxsize=1)
def not_models() -> frozenset[str]:
    return frozenset(s.casefold() for s in read_lines("not_models.txt"))


#: ``we <verb> X``: the verbs that introduce the paper's own model.
INTRODUCE_VERBS = ("introduce", "present", "propose", "release", "develop", "train", "pretrain", "pre-train", "open-source")


#: Verbs after ``we`` (``This paper``, ...) that name the paper's own work next, and ``Introducing``.
OWN_VERBS = (" propose", " introduce", " present", " develop", " release", " train", " pretrain", " pre-train", " build", "ntroducing ")
_OWN_VERB_OF = {verb.strip(): verb for verb in OWN_VERBS}  # its word (a cue word, trie.GATE_WORDS) -> the verb
#: The subjects before such a verb (``we propose``, ``This paper presents``); ``own_we_before``
#: wants one, and ``_OWN_SUBJECTS`` finds one first as a plain string (a literal search
#: skips ahead; the pattern tries its alternation at every position).
OWN_SUBJECTS = ("we", "We", "paper", "work", "study", "report")
_OWN_SUBJECTS = re.compile("|".join(OWN_SUBJECTS))


#: A name-shaped run: letters and digits joined by ``-`` or ``.`` (``Seed-2.0``, ``CC-OCR``,
#: ``Idefics3-8B``), with ``++`` or ``*`` after it (``NutNet++``).
_NAME = r"[A-Za-z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+|\.\d[A-Za-z0-9]*)*(?:\+\+|\*)?"
#: ``A``, ``A and B``, ``A, B, and C``, ``A/B``.
_LIST = rf"{_NAME}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*){_NAME}){{0,8}}"
#: After a mention of the paper's own name: a bracket (``X (Long Form)``, ``Long Form (X)``).
_OWN_TAIL = r"(?:\s*\([^()]{0,40}\))?\)?"
#: One word of an appositive, and one that is no preposition (after which a noun heads nothing).
_OWN_WORD = r"(?:[\w\-]+,?\s+)"
_OWN_HEAD_WORD = r"(?:(?!(?:for|of|that|which|with|to|in|on|from|by|and|or)\b)[\w\-]+,?\s+)"
#: ``, a ... ``, ``: a ... ``, ``, Long Form of X, a ...``, `` is the first ...``.
_OWN_APPOSITIVE = rf"(?:,|:)?\s+(?:[A-Z][^,.;()]{{0,80}},\s+)?(?:which\s+is\s+|is\s+)?(?:an?|the)\s+{_OWN_WORD}{{0,8}}?"
#: Words between a cue and the names it governs (``outperforms the strong baseline X``).
_FILLER = (
    r"(?:the|a|an|both|all|our|strong|stronger|prior|previous|recent|recently|proposed|existing|leading|larger|"
    r"proprietary|closed-source|open-source|commercial|popular|powerful|competitive|advanced|pretrained|pre-trained|"
    r"state-of-the-art|SOTA|baselines?|models?|trackers?|detectors?|LLMs?|MLLMs?|VLMs?|such\s+as|like|including|"
    r"e\.g\.,?|even|significantly|substantially|consistently|notably|clearly|considerably|\(e\.g\.,?)"
)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The most frequent English words (``data/common_words.txt``, from wordfreq)."""
    return read_lines("common_words.txt")


def ordinary(word: str) -> bool:
    """An ordinary English word as written: a frequent word in lower case or capitalized
    only at its start (``Marigold`` is not frequent; ``HAMMER`` is written as a name)."""
    core = word.rstrip("*+")
    return core.casefold() in common_words() and (core.islower() or core[:1].isupper() and core[1:].islower())


def coined(name: str) -> bool:
    """A shape-based candidate: a name-shaped string (``looks_like_name``, or ``NutNet++``) that
    is not an ordinary word, a generic class or LaTeX debris."""
    first = name.split()[0]
    core = first.rstrip("*+")
    if not core or ordinary(core) or is_generic(core) or is_generic(name):
        return False
    return looks_like_name(core) or (first != core and core[:1].isupper())


def _after_article(text: str, at: int) -> bool:
    """Whether a model noun at ``at`` may end an ``appositive`` match (``X, a ... model``,
    ``X (Long Form) is an ... model``): ``a`` or ``an`` is among the seven white-space
    separated words before it (the article and at most six words; ``str.split`` splits
    at least where ``\\s`` matches), right after ``is``, a word with a capital (the name,
    ``X,``) or a bracket's end. A speed gate (trie.Gated): the pattern runs near the nouns
    that pass."""
    words = words_before(text, at, 8)
    if "a" not in words and "an" not in words:
        return False
    return any(
        w in ("a", "an") and (before == "is" or before.endswith((")", "),")) or not before.islower())
        for before, w in zip(words, words[1:])
    )


def _we_starts(text: str, at: int) -> list[int]:
    """Where an ``introduce`` match whose cue word is at ``at`` can start (trie.Gated
    ``starts``): at ``named``, ``called``, ``dubbed``; at the ``I`` of ``Introducing``; at the
    ``we`` before a verb with only white space between them (``str.isspace`` holds
    wherever ``\\s`` matches)."""
    if text.startswith(("named", "called", "dubbed"), at):
        return [at]
    if text.startswith("ntroducing", at):
        return [at - 1] if at else []
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return [i - 2] if i < at and i >= 2 and text[i - 2 : i] in ("we", "We") else []


#: Words that, after a hyphen, make a name an adjective: ``GAN-based``, ``YOLO-like``, ``CoT-style``.
ADJECTIVE_TAILS = (
    "based|like|style|aware|guided|driven|free|only|level|specific|inspired|enhanced|assisted|generated|powered"
    "|augmented|conditioned|initialized|derived|compatible|centric|friendly|agnostic"
    "|aligned|tuned|finetuned|trained|pretrained|distilled|quantized|boosted"
)
#: Words that, after a hyphen, make a family's name something else's: ``Qwen-Image-Bench``, ``Youtu-Agent``.
_NOT_NAME_PARTS = "bench|benchmark|eval|arena|data|dataset|corpus|agent|agents|framework|tuning|distillation"
_ADJECTIVE_TAIL = re.compile(rf"-(?i:{ADJECTIVE_TAILS})$")
#: The same words ending a name that no list knows, hyphened or run on in capitals (``JFTA-Bench``,
#: ``RiskEval``, ``PolyFusionAgent``, ``LLM4DATA``): what the name is made of says it is no model,
#: unless the text says so (``HandEval, a ... quality assessment model``: ``model.cue``).
_NOT_A_MODEL_TAIL = re.compile(rf"(?:-(?i:{_NOT_NAME_PARTS})|(?<=[a-z0-9])(?:Bench|Eval|Arena|Agents?|Data|DATA|Corpus))$")


#: The words a ``head_noun`` match opens with.
_DETERMINERS = ("a", "an", "the", "our", "its", "their")


def _determiner_starts(text: str, at: int) -> list[int]:
    """Where a ``head_noun`` match whose model noun is at ``at`` can start (trie.Gated
    ``starts``): at a determiner that ends one of the five white-space separated words
    before the noun with no word character before it in that word (``\\b``: the ``a`` of
    ``(a``, not of ``data``). The pattern allows at most four words between the two, so
    every match starts at one of these places."""
    starts = []
    for start, word in words_back(text, at, 5):
        for det in _DETERMINERS:
            if word.endswith(det) and word_start(text, opens := start + len(word) - len(det)):
                starts.append(opens)
    return starts


@lru_cache(maxsize=1)
def folded_generic_heads() -> tuple[str, ...]:
    """The class nouns an abbreviation can define (``... networks (CNNs)``), case-folded,
    the longest first (``ModelExtractor.generic_heads`` holds them capitalised)."""
    return tuple(sorted({h.casefold() for h in grammar()["generic_heads"]}, key=lambda h: (-len(h), h)))


#: a word and up to five words before it on their line of words, read backwards
_WORDS_BACKWARDS = re.compile(r"\s*[\w\-]+(?:\s+[\w\-]+){0,5}")


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    g = grammar()
    version = r"v?\d{1,3}(?:\.\d{1,2}){0,2}[a-zA-Z]?"
    size = r"\d{1,4}(?:\.\d{1,2})?[BMKT]"
    variant = r"(?i:" + alternation(g["variants"]) + r")"
    config = r"[A-Z]\d{0,2}(?:/\d{1,2})?"
    # a snapshot's date: GPT-4-0613, claude-3-haiku-20240307, GPT-4o-2024-11-20
    month, day = r"(?:0[1-9]|1[0-2])", r"(?:0[1-9]|[12]\d|3[01])"
    date = rf"(?:20\d\d-{month}-{day}|20\d\d{month}{day}|{month}{day})"
    stop = r"(?![\w])"
    # One step of the suffix grammar, tried repeatedly after a family name.
    step = (
        rf"(?:[-_](?:{size}|{version}|{config}|{variant}|{date}){stop}"  # -7B, -2, -4o, -Instruct, -B/16, -B0, -0613
        # a capitalised word: Qwen-Image-Edit, DeepSeek-R1-Zero, Kimi-Audio, FLUX.1-Fill (not GAN-Based, LLM-Transformed, Qwen-Image-Bench)
        rf"|-(?!(?i:{ADJECTIVE_TAILS}|{_NOT_NAME_PARTS})\b)[A-Z][a-z]{{2,}}(?<!ed)(?![\w])"
        rf"|(?<=[A-Za-z]){version}(?=[-\s,;:.)'\]/]|$)"  # Llama2, Qwen2.5, GPT4V, DINOv3
        rf"|(?<=[A-Z])\.\d{{1,2}}(?=[-\s,;:)'\]/]|$)"  # FLUX.1
        rf"|(?<=\d)(?:\.\d{{1,2}}|/\d(?:\.\d)?)(?![\w%/]|\.\d)"  # Stable Diffusion 3 -> 3.5, GPT-3.5/4
        rf"|[\s~](?:{size}|\d{{1,4}}(?:\.\d{{1,2}})?b)(?![\w%])"  # LLaMA 7B, Llama 3.1 8b
        rf"|:\d{{1,4}}(?:\.\d{{1,2}})?[BbMm](?![\w%])"  # a tag that names a size: llama3.3:70b, qwen2.5-coder:32b
        rf"|[\s~](?:base|large|BASE|LARGE)(?![\w-])(?!\s+(?:language|scale|number|amount|margin|vocabulary|batch))"  # BERT base
        rf"|[\s~](?:[vV]\d{{1,2}}(?:\.\d{{1,2}})?|\d(?:\.\d{{1,2}})?)(?![\w%]|\.\d|\s*(?:%|\\%|x\b|times|points|percent|and\s+\d))"  # Llama 3.1, MoCo v3, wav2vec~2.0
        rf"|\s(?!F\d)[A-Z]\d{{1,2}}(?:\.\d{{1,2}})?(?:(?<=[A-Z]\d)B)?(?![\w%]|\.\d)"  # EfficientNet B0, Kimi K2.5, Gemma 4 E4B, not BERT F1
        rf"|[\s~]\d(?:\.\d{{1,2}})?[no](?![\w%])"  # Gemma 3n, GPT 4o
        rf"|[\s~](?:{alternation(g['spaced_variants'])})(?![\w]|-(?!\d))"  # GPT-3 XL, Claude Sonnet-4, Claude~3.5~Sonnet
        # Llama 3.2 11B Vision Instruct, Phi-3.5 Vision; not the vision part of a model (CLIP Vision encoders,
        # Qwen2.5-VL Vision Transformer, Gemini Vision-Language Models)
        rf"|[\s~]Vision(?![\w]|-(?!\d)|\s+(?:Transformers?|Language|LLMs?|[Ee]ncoders?|[Tt]owers?|[Bb]ackbones?|[Mm]odules?)\b))"
    )
    name_shape = r"[A-Za-z0-9][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*"
    # a spaced version a cue's name may carry: "We introduce Olmo 3, a family of ... models", "JuZhou 1.0, an ... model"
    spaced_version = r"(?P<version>[\s~]v?\d{1,2}(?:\.\d{1,2})?(?![\w.]))?"
    stems = alternation(g["stems"])
    return {
        "step": fast_compile(step),
        # the noun a bracketed abbreviation modifies: "globally attentive locally recurrent (GALR) network"
        "noun_after_bracket": fast_compile(r"\s+([A-Za-z]+)"),
        "prefix": fast_compile(r"(?<![\w\-./@])(?:[A-Z][A-Za-z0-9]*|(?!(?:non|pre|post|co|re|un|in|de|bi|tri)-)[a-z]{2,3})-$"),
        # Gated: skipped on a text without a word every match needs (most texts);
        # engine="regex" where that engine is faster on the pattern (trie.fast_compile)
        "compound": Gated(fast_compile(
            rf"{WORD_RUN}(?:{stems})[A-Za-z0-9]*"
            rf"(?:-(?!(?i:{ADJECTIVE_TAILS})\b)[A-Z0-9][A-Za-z0-9.]*)*(?![\w])"
        ), g["stems"], starts=word_run_starts),
        "appositive": Gated(fast_compile(
            rf"(?<![\w\-./@])(?P<name>[A-Z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*)(?:\s+\([^()]{{1,30}}\))?,?\s+(?:is\s+)?(?:a|an)\s+"
            rf"(?P<desc>(?:[\w\-./]+\s+){{0,6}}?)(?P<noun>{alternation(g['model_nouns'])}){stop}", engine="regex"
        ), g["model_nouns"], window=(300, 30), where=_after_article),
        "introduce": Gated(fast_compile(
            rf"\b(?:[Ww]e\s+(?:{alternation(INTRODUCE_VERBS)})|[Ii]ntroducing|named|called|dubbed)\s+"
            rf"(?P<name>{name_shape}){spaced_version}(?P<rest>[^.;]{{0,80}})"
        ), [*INTRODUCE_VERBS, "ntroducing", "named", "called", "dubbed"], starts=_we_starts),
        "list": Gated(fast_compile(
            rf"\b(?:{alternation(g['list_heads'])})\s*(?:,\s*)?(?:such\s+as|like|namely|including|e\.g\.,?|\()\s*"
            rf"(?P<items>{name_shape}(?:\s*(?:,|and|or|,\s*and|,\s*or)\s*{name_shape}){{0,10}})"
        ), g["list_heads"], starts=True),
        "item": fast_compile(name_shape),
        "title": fast_compile(
            rf"^(?P<name>{name_shape}(?:[\s~]\d(?:\.\d{{1,2}})?)?)\s*:\s*(?:an?\s+|the\s+)?"
            rf"(?:(?:[\w\-]+\s+)?(?i:{alternation(g['collective_nouns'])})\s+of\s+)?(?P<desc>(?:[\w\-]+\s+){{0,5}}?)"
            rf"(?P<noun>(?i:{alternation(g['model_nouns'] + _new_plurals(g['model_nouns']))}){stop}"
            # ("MemDelta: Controlled Baselines and Hidden Confounds in ..." is not one baseline)
            rf"|(?i:{alternation(g['title_nouns'])}){stop}(?!\s+and\s))"
        ),
        # "Falcon: A Comprehensive Chinese Text-to-SQL Benchmark for ...", "SimMOF: AI agent for ...":
        # the title's name is the paper's benchmark, tool or agent, whatever a list knows by that name
        "title_data_head": fast_compile(
            rf"^(?P<name>[^:\n]{{1,40}}?)\s*:\s*(?:an?\s+|the\s+)?"
            rf"(?P<desc>(?:(?!(?i:for|of|in|with|on|to|from|by|via|and|or|at|as|towards?)\b)[\w\-]+\s+){{0,6}}?)"
            rf"(?i:{alternation(g['title_data_nouns'])})s?(?=\s+(?i:for|with|via|in|on|from|to|through|against|towards?|under|"
            rf"across|at|that|using|and\s+(?:its|their)|[a-z]+ed)\b|\s*[,.;!?]|\s*$)"
        ),
        # "the ensemble model, referred to as EL-4", "a model named openCabrita 3B"
        "named": Gated(fast_compile(
            rf"\b(?:{alternation([n for n in g['model_nouns'] if not n.endswith('s')])}),?\s+(?:(?:which\s+)?(?:is\s+)?(?:referred\s+to\s+as|known\s+as|termed|named|called|dubbed|denoted(?:\s+as)?))\s+"
            rf"(?:``|\"|')?(?P<name>{_NAME})"
        ), ["referred", "known as", "termed", "named", "called", "dubbed", "denoted"], window=(60, 60)),
        # "a unified multi-modal tracker Diff-MM", "the segmentation network U-Mamba": a model noun
        # followed straight by a coined name names it
        "head_noun": Gated(fast_compile(
            rf"\b(?:a|an|the|our|its|their)\s+(?:[\w\-]+\s+){{0,4}}?(?:{alternation([n for n in g['model_heads'] if not n.endswith('s')])})\s+"
            rf"(?P<name>{_NAME})(?=\s*(?:[,.;:()]|\b(?:by|that|which|with|for|to|is|was|achieves|outperforms|on|in|and)\b))"
        ), [n.lower() for n in g["model_heads"]], starts=_determiner_starts),
        # "we propose a novel Physics-guided Causal Model (PCM)": the abbreviation of the paper's own model
        "own_long_form": Gated(re.compile(
            rf"\b(?:{alternation(g['long_form_heads'])})\s*\((?P<name>{_NAME})\)"
        ), g["long_form_heads"], starts=True),
        "own_intro": fast_compile(
            r"\b(?:propose|present|introduce|develop|design|build|called|named|termed|dubbed)[sd]?\s+(?:an?\s+|the\s+|our\s+)?"
            r"(?:(?:novel|new|simple|efficient|lightweight|unified|generalizable|general)\s+){0,3}"
            r"(?:[A-Z][\w\-]*\s+(?:(?:based|and)\s+)?){1,6}$"
        ),
        "intro_tail": fast_compile(
            rf"^(?:\s*\([^()]{{0,40}}\))?\s*(?:,?\s*(?:(?:which|that)\s+is\s+)?(?:an?|the|our)\s+"
            rf"(?:(?:new|novel|family|series|suite|set|collection|pair)\s+of\s+)?(?P<desc>(?:[^\s,;.]+\s+){{0,8}}?)|\s+)(?P<noun>{alternation(g['model_nouns'])}){stop}"
            # the noun ends the phrase: in "Task-Aware LLM Council" the head is the next word
            r"(?!\s+[A-Z][a-z])"
        ),
        # a hyphen part after a name: kept when it is not an ordinary word (Qwen3-VL, DeepSeek-OCR)
        # or a size follows it (Mistral-Legal-7B); see ModelExtractor.extend
        "part": fast_compile(r"-(?P<part>[A-Za-z][A-Za-z0-9]*)(?![\w])"),
        "sized": fast_compile(rf"-{size}(?![\w])"),
        # shape-based candidates in a cue's reach (model.shape_cue) and next to known models
        # (model.coordination)
        "compare": Gated(fast_compile(
            rf"\b(?:{alternation(g['compare_cues'])})\s+(?:{_FILLER}\s+){{0,4}}(?P<items>{_LIST})"
        ), g["compare_cues"], starts=True),
        "use": Gated(fast_compile(
            rf"\b(?:{alternation(g['use_cues'])})\s+(?:{_FILLER}\s+){{0,3}}(?P<items>{_LIST})"
        ), g["use_cues"], starts=True),

        # a metric's name at a number or spelled out before it (models._metric_names)
        # (a change: "MAE by 6.03%", "MAE from 7.74 to 3.91", "MAE ranging from 0.103", "MAE improvement of 48%";
        # or the word that calls it one: "the force MAE metric")
        "metric_number_after": fast_compile(
            r"\s*(?:(?:\(\s*(?!(?:19|20)\d\d\b)|:\s*|=\s*|of\s+|is\s+|was\s+|(?P<by>by)\s+|(?:ranging\s+)?from\s+"
            r"|(?:reduction|improvement|increase|decrease|drop|gain)s?\s+of\s+)?(?:[<>~\u2248]\s*)?\$?[+\-\u2212]?\d|metrics?\b)"),
        # (a change between: "a 12.8% reduction in MAE", "a 12.8 percent improvement of MAE"; a verb that
        # lowers an error: "reduces MAE", "reduced ROI MAE", "lower MAE")
        "metric_number_before": fast_compile(r"(?:(?<![\w./\-])[+\-\u2212]?\d+(?:\.\d+)?\s*(?:\\?%|\s+percent)?\s*"
                                             r"(?:[A-Za-z]{1,6}\s+|(?:reduction|improvement|increase|decrease|drop|gain)\s+(?:in|of)\s+)?"
                                             r"|\b(?:reduc|lower|decreas|minimi[sz])(?:e|es|ed|ing|s)?\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+)?)$"),
        "compared_before": fast_compile(r"\b(?:(?:outperform|surpass|beat|exceed|trail|lag)\w*|improv\w*\s+(?:over|up\s*on))\s+(?:the\s+)?$"),
        "metric_long_form": fast_compile(r"\s*\(\s*"),
        "candidate": fast_compile(rf"(?<![\w\-./@\\{{])(?:{_NAME})"),
        "list_gap": fast_compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)"),
        "before_gap": fast_compile(rf"(?<![\w\-./@\\{{])(?P<name>{_NAME})(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$"),
        "shape_stem": fast_compile(rf"(?:{alternation(g['shape_stems'])})(?=$|[-\d.+])"),
        "size_tail": fast_compile(rf"[-_ ]?{size}\b"),
        "plural_acronym": fast_compile(r"[A-Z][A-Z0-9-]*[A-Z]s"),
        "member_end": fast_compile(r"\s*(?:[,;:.)\]]|and\b|or\b|$|models?\b|LLMs?\b)"),
        "evaluated_on": fast_compile(r"\bon\s+(?:both\s+)?(?:the\s+)?$"),
        "family_prefix": compile_names(
            [f for e in read_jsonl("models.jsonl") for f in (e["name"], *e.get("aliases", ())) if len(f) >= 3],
            left="", right=r"(?=[A-Z0-9])",
        ),
        "sized_word": fast_compile(rf"\s{size}(?![\w%])"),
        # a provider's lower-case id: gpt-5.1, gpt-oss-20b, claude-opus-4-7, qwen2.5-7b-instruct
        "api_id": re.compile(r"(?<![\w\-./@\\])(?P<family>[a-z]+)[a-z0-9.]*(?:-[a-z0-9][a-z0-9.]*)+(?![\w\-])"),
        "api_tail": re.compile(r"-(?=[a-z0-9])"),  # where an id can be: a hyphen inside a lower-case run
        # "(CMDM), a unified framework": named, but not a model
        "method_apposition": fast_compile(
            rf"\)?,?\s+(?:which\s+is\s+)?(?:an?|the)\s+(?:[\w\-]+,?\s+){{0,4}}?(?:{alternation(g['not_model_nouns'])})s?\b", re.IGNORECASE
        ),
        "next_capital": fast_compile(r"\s[A-Z]"),
        "humps": fast_compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+"),
        "two_names": fast_compile(r"[A-Z][a-z]+-[A-Z][a-z]+"),
        "other_list_head": fast_compile(
            rf"\b(?:{alternation(g['not_model_nouns'])})s?\s*(?:\(|:|,?\s+(?:such\s+as|like|including|e\.g\.,?|i\.e\.,?))[^().;:]*$",
            re.IGNORECASE,
        ),
        "gap_before": fast_compile(r"(?:,|\band|\bor|/)\s*$"),
        "list_start": fast_compile(r"(?:[(:]|\b(?:such as|like|including|e\.g\.,?|i\.e\.,?|namely|as well as))\s*$"),
        "sizes_only": fast_compile(r"[\d.,\s\-\u2013/~xX]*\d[\d.,\s\-\u2013/~KkMmBbTt]*"),
        "bare_version": fast_compile(r"[vV]\d+(?:\.\d+)*(?:-|$)"),
        "data_size": fast_compile(r"^[A-Z]+\d+(?:\.\d+)?[KM]$"),  # RS5M: a data set's size, glued
        # a size in billions glued to a name (``LLaDA-8B-Instruct``)
        "billions": fast_compile(r"-\d{1,4}(?:\.\d{1,2})?B(?![A-Za-z0-9])"),
        "metric_after": fast_compile(r"\s?[Ss]core\b"),
        "cite": fast_compile(r"\\cite[tp]?\*?\{[^{}]*$"),
        "gerund": fast_compile(r"[A-Za-z]+ing\b"),
        # what a model takes in, in a title's description: "A Vision-Language Assistant" is a model
        "modality": fast_compile(r"\b(?:[Ll]anguage|[Vv]ision|[Vv]isual)\b"),
        "preposition": fast_compile(r"\b(?:of|in|for|with|on|to|from|by)\b", re.IGNORECASE),
        # a title's plural noun that names no kind of the name: it modifies the next noun
        # ("Video Diffusion Transformers Quantization"), or the title is a question or a clause
        # ("How Far Are VLMs from ...", "When Un-trained Meets Pre-trained Networks")
        "noun_modifies": fast_compile(r"\s+(?!(?i:for|with|on|in|via|and|of|to|from|by|using|towards?|at|as|under|beyond|across|through|"
                                      r"without|within|over|into|against|that|which)\b)[A-Z]"),
        # the rest of a title's noun phrase, up to a preposition, a clause break or its end
        "phrase_rest": fast_compile(r"[^:;,.?!()]*?(?=\s+(?i:for|with|on|in|via|and|of|to|from|by|using|towards?|at|as|under|through|into)\b|[:;,.?!()]|$)"),
        "used_as": fast_compile(r"\s+as\s"),
        # what may follow a title's model noun that still heads it: "Model Family", "Network Architecture",
        # another model noun ("Transformer Pyramid Networks"), a participle with its object ("Network
        # Integrating Spatial Cues"), not a gerund the noun modifies ("LLM Serving with ...")
        "model_group": fast_compile(rf"\s+(?:Family|Series|Suite|Zoo|Architecture|Backbone|Based|"
                                    rf"[A-Z][a-z]+ing\b(?!\s+(?i:with|for|via|of|in|on|under|through|by|using|at)\b|\s*[:,.]|\s*$)|"
                                    rf"(?:[\w\-]+\s+){{0,2}}(?i:{alternation(g['model_nouns'])})s?\b)"),
        "clause_verb": fast_compile(r"\s*\b(?:are|is|do|does|can|meets?)\b", re.IGNORECASE),
        "clause_words": fast_compile(r"\b(?:via|towards?|when|meets?|are|is|do|does|can|how)\b", re.IGNORECASE),
        # words after which an appositive's noun no longer heads it ("a search space for neural
        # architecture"); not "of", which names keep (Mixture of Experts (MoE) language model)
        "desc_break": fast_compile(r"\b(?:for|with|that|which|to|from|by)\b"),
        # "the nnU-Net framework", "the DINO self-supervised objective": a listed name used as a method
        "tool_after": fast_compile(
            rf"\s+(?:self-supervised\s+|training\s+|pre-?training\s+)?(?:{alternation(g['method_nouns'])})s?\b", re.IGNORECASE
        ),
        # a model that names a metric computed with it: "8-12% higher CLIP similarity", "DINO scores",
        # "a DINO similarity score of 0.789"; not the verb: "GPT-5.4 scores highest at 30.6%", "o3 scores only 54.87"
        "metric_noun_after": fast_compile(
            r"[\s-]+(?:[Ss]imilarity|score|scores(?!\s+(?:highest|lowest|best|worst|only|just|above|below|better|worse|higher|lower"
            r"|well|poorly|around|about|over|under|near|up|at|as|\$?[+\-]?\d)))\b"
        ),
        # a coding tool named after its model: Claude Code, Gemini CLI, Codex CLI
        "product_after": fast_compile(r"[ \t]+(?:Code|CLI)\b(?!\s+(?:Llama|LLaMA|Gemma)\b)"),
        # a model noun that modifies a method noun after it: "a novel LLM post-training framework"
        # (after an optional abbreviation: "a large language model (LLM)-powered ... framework")
        "adjective_after": fast_compile(rf"(?:\s*\([^()]{{1,12}}\))?-(?i:{ADJECTIVE_TAILS})\b"),
        # ... unless a model noun heads what it modifies: "a two-stage LM-based judging reward model",
        # "a MLLM-guided depth-referring tracker"
        "modified_model": fast_compile(
            rf"(?:[\s\-]+(?!(?:that|which|for|with|to|and|or|of|in|on|by|from|is|are|as|at|{alternation(g['not_model_nouns'])})\b)"
            rf"[A-Za-z][\w\-]*?){{0,3}}[\s\-]+(?:{alternation(g['model_nouns'] + g['model_heads'])})s?\b", re.IGNORECASE),
        "noun_then_method": fast_compile(
            rf"(?:\s*\([^()]{{1,12}}\))?(?:[\s\-]+(?!(?:that|which|for|with|to|and|or|of|in|on|by|from|is|are|as|at)\b)[A-Za-z][\w\-]*){{0,2}}?[\s\-]+"
            rf"(?:{alternation(g['not_model_nouns'])})s?\b", re.IGNORECASE),
        "method_after": fast_compile(rf"\)?[\s-]+(?:{alternation(g['not_model_nouns'])})s?\b", re.IGNORECASE),
        "not_nouns": fast_compile(rf"\b(?:{alternation(g['not_model_nouns'])})s?\b", re.IGNORECASE),
        # the paper's own name (model.own_*): "X: ..." in the title, "we propose X", "This paper
        # introduces X", "we train Long Form (X)", "introducing Prithvi WxC"
        "own_title": fast_compile(rf"^(?P<name>(?:[A-Z][A-Za-z]+\s)?{_NAME})\s*:"),
        # "we propose X", "This paper introduces X", "Introducing X": read back from each verb (str.find)
        "own_we_before": fast_compile(rf"(?<![\w\-])(?:{'|'.join(OWN_SUBJECTS)})\s+(?:first\s+|further\s+|also\s+|then\s+)?$"),
        "own_verb_tail": fast_compile(r"[sd]?\s+"),
        "own_bracket": fast_compile(r"(?:[A-Z][\w\-]*\s+(?:(?:for|of|and|with|in|on|to)\s+)?){1,6}?\((?=[A-Za-z0-9][^()]{0,30}\))"),
        "two_words": fast_compile(rf"(?P<first>[A-Z][a-z]+)\s+(?=[A-Za-z0-9])"),
        "sentence_end": fast_compile(r"[.!?](?:\s+|$)(?=[A-Z\\$(])|\n\n"),
        "param_count": fast_compile(
            r"(?<![\w.\-])\d+(?:\.\d+)?\s*(?:[BM]|billion|million)(?:[\s-]*param(?:eter)?s?\b|(?=[\s-]+(?:[\w\-]+\s+){0,3}?"
            rf"(?:{alternation(g['model_nouns'])})\b))"
        ),
        # evidence about the paper's own name X, matched where a mention of X ends (model.own_*):
        # "X benchmark", "X, a new dataset", "X (Long Form), a ... framework", "X model", "X, a 7B
        # judge", "X is trained", "X-7B"
        "own_data_at": fast_compile(rf"{_OWN_TAIL}(?:[\s\-]+|{_OWN_APPOSITIVE})(?i:{alternation(g['own_data_nouns'])})s?\b"),
        "own_method_at": fast_compile(rf"{_OWN_TAIL}(?:[\s\-]+|{_OWN_APPOSITIVE})(?i:{alternation(g['not_model_nouns'])})s?\b"),
        # the appositive's head, not a noun inside a modifier or after a preposition ("a search
        # space for neural architecture", "a vision-language model (VLM)-guided framework")
        "own_cue_at": fast_compile(
            rf"{_OWN_TAIL}(?:\s+(?:{alternation(g['model_heads'])})s?\b"
            rf"|{_OWN_APPOSITIVE.replace(_OWN_WORD, _OWN_HEAD_WORD)}"
            rf"(?:{alternation([n for n in g['model_nouns'] if n not in ('variant', 'checkpoint', 'checkpoints')])})\b(?!\s*(?:\([^()]*\))?-)"
            rf"|,?\s+(?:is|was|are|were)\s+(?:first\s+|further\s+|then\s+)?(?:{alternation(g['own_train_words'])})\b)"
        ),
        # the abstract introduces a network without naming it: the title's name, shaped as a model's, is it
        "own_intro_model": fast_compile(
            rf"\b(?i:we|this\s+(?:paper|work|study))\s+(?i:propose|present|introduce|develop|build|train|release)[sd]?\s+"
            rf"(?i:an?|the|our)\s+(?P<desc>(?:[\w\-]+\s+){{0,6}}?)(?i:{alternation(g['model_nouns'])}){stop}(?!-)"
        ),
        "trained_before": fast_compile(rf"\b(?:{alternation(g['own_train_words'])})\s+$"),
        # a listed name that heads a longer one its abbreviation stands for: Few-shot RetinaNet
        # (FSRN), Video Spatio-Temporal U-Net (VST-UNet) name neither RetinaNet nor U-Net
        "abbreviation_after": fast_compile(r"\s*\(\s*(?P<abbr>[A-Za-z][\w\-]+)\s*\)"),
        "long_form_words": fast_compile(r"(?:(?<![\w\-])[A-Z][\w\-]*(?:[ \t]*\n[ \t]*|[ \t]+)){1,4}$"),
        "own_size_at": fast_compile(r"[\s\-~]\d+(?:\.\d+)?B\b"),
        "title_data": fast_compile(rf"\b(?i:{alternation(g['own_data_nouns'])})s?\b"),
        "title_methods": fast_compile(rf"\b(?i:{alternation(g['not_model_nouns'])})s?\b"),
        "not_own_count": fast_compile(
            r"(?i:trainable|learnable|additional|extra|fewer|less|than|over|outperform\w*|compared|vs\.?|surpass\w*|adds?|adding|introduc\w*|each|per)\b"
        ),
        "own_appositive": fast_compile(r"\)?\s*(?:\([^()]{0,40}\))?\)?,\s+(?:which\s+is\s+|is\s+)?(?:an?|the)\s+(?:[\w\-]+\s+){0,3}"),
        "count_noun_after": fast_compile(
            r"[\s\-]*(?:param(?:eter)?s?[\s\-]+)?(?:(?:scale|sized?|level)\s+)?(?:[\w\-]+\s+){0,2}?"
            r"(?:models?|LLMs?|LMs?|MLLMs?|VLMs?|LVLMs?|backbones?|teachers?|students?|agents?|baselines?|judges?|policies|policy)\b"
        ),
        "count_noun_before": fast_compile(
            r"\b(?:models|LLMs|LMs|MLLMs|VLMs|LVLMs|backbones|teachers|students|agents|baselines)\s+(?:[\w\-]+\s+){0,5}$"
        ),
    }


#: LaTeX commands that lose their backslash in plain-text abstracts (EnglishrightarrowGerman).
LATEX_DEBRIS = regex.compile(r"(?:right|left|long)arrow|mathbf|mathrm|textbf|textit|emph|cdot")


@lru_cache(maxsize=1)
def _lower_families() -> frozenset[str]:
    """The listed families whose name is one word, lower-cased (``gpt``, ``claude``, ``qwen``)."""
    return frozenset(e["name"].lower() for e in read_jsonl("models.jsonl") if e.get("family") and e["name"].isalpha())


def _variant_of_other(text: str, noun: str, end: int) -> bool:
    """``X, a variant of DPO``: a variant is a model's only when what it varies is one
    (``a variant of Llama-3``), not a method, loss or optimizer's."""
    if not noun.casefold().startswith("variant"):
        return False
    of = _VARIANT_OF.match(text, end)
    return bool(of) and of["what"].rstrip(".,;:)").casefold() not in _listed_forms()


#: ``of (the) Y`` after ``variant``.
_VARIANT_OF = re.compile(r"\s+of\s+(?:the\s+)?(?P<what>\S+)")


@lru_cache(maxsize=1)
def _model_words() -> frozenset[str]:
    """Model nouns and head nouns, one word each, case-folded (``model``, ``llm``, ``detector``)."""
    g = grammar()
    return frozenset(n.casefold() for n in g["model_nouns"] + g["model_heads"] if " " not in n)


@lru_cache(maxsize=1)
def _listed_forms() -> frozenset[str]:
    """Every listed model name and alias, case-folded (``u-net``, ``unet``, ``gpt-4o``)."""
    return frozenset(f.casefold() for e in read_jsonl("models.jsonl") for f in (e["name"], *e.get("aliases", ())))


#: After a model noun: a gerund and the method noun it heads (``a novel model merging
#: framework``, ``a language model editing method``): the noun is the gerund's object.
_GERUND_METHOD = re.compile(
    r"\s+[a-z]+ing\s+(?:[\w\-]+\s+)?(?:frameworks?|methods?|approach(?:es)?|techniques?|strateg(?:y|ies)|pipelines?|"
    r"algorithms?|paradigms?|schemes?|systems?|tools?|toolkits?|library|libraries)\b"
)
#: The rules that read a name where the text says it names a model (its title, an
#: introduction, an appositive, ``called X``, ``the X model``); their names are the model
#: at every other mention too (``ModelExtractor._other_mentions``).
_NAMING_RULES = frozenset({"model.title", "model.cue", "model.own_size", "model.own_cue", "model.abbreviation",
                           "model.named", "model.head_noun"})
#: A capitalised plural word after a name: ``Swin`` + `` Transformers``.
_SPACED_PLURAL = re.compile(r" [A-Z][a-z]+s\b")
#: A version on its own (``V2``, ``v1.5``): the tail of the name before it, never a name.
_BARE_VERSION = re.compile(r"[vV]\d+(?:\.\d+)*")


def looks_like_name(s: str) -> bool:
    """A coined name: three or more characters with a capital after the first letter, a
    digit, or all caps (``MMLU``, ``GSM8K``, ``RoBERTa``); two only with a digit (``C4``)."""
    core = s.replace("-", "").replace(".", "")
    if len(core) < 2 or not core.isalnum() or LATEX_DEBRIS.search(s) or _BARE_VERSION.fullmatch(s):
        return False
    has_digit = any(c.isdigit() for c in core)
    if len(core) == 2:
        return has_digit and core[0].isupper()
    return any(c.isupper() for c in core[1:]) or has_digit


def _word_part(part: str) -> bool:
    """A hyphen part that is a word, not part of a name: lower case (``BERT-style``,
    ``RoPE-based``) or a capitalized participle (``LLM-Powered``); ``RL-Net`` keeps ``Net``."""
    return part.islower() or (ordinary(part) and part.endswith(("ed", "ing")))


#: Model nouns of the models a method is usually built on (``an LLM-based framework``).
_LANGUAGE_MODEL_NOUNS = frozenset({"llm", "llms", "lm", "lms", "lmm", "vlm", "mllm", "language model", "language models"})


def _class_first(name: str) -> bool:
    """A generic class before a spaced variant is the class's, not a name (``LLMs Embedding``)."""
    first, space, _ = name.partition(" ")
    return bool(space) and is_generic(first)


def _classes_joined(name: str) -> bool:
    """Generic classes joined by hyphens are a kind of hybrid, not a name (``CNN-Transformer``,
    ``LLM-GNN``; not ``Mamba-Transformer``: Mamba is a named architecture)."""
    return "-" in name and all(is_generic(part) for part in name.split("-"))


def _bare_acronym(name: str) -> bool:
    """Three capitals or digits at most (``VQA``, ``OCR``, ``T2I``): a task more often than a model."""
    return name.isupper() and name.isalnum() and len(name) <= 3


_LOWER_PREFIX = re.compile(r"^[a-z]+-?(?=[A-Z])")


def is_generic(name: str) -> bool:
    """A generic class (``data/not_models.txt``), its plural, or one with a lower-case
    prefix (``multiPLM``, ``s-MLLM``: a multilingual PLM, a small MLLM)."""
    n = name.casefold()
    if n in not_models() or (n.endswith("s") and n[:-1] in not_models()):
        return True
    prefix = _LOWER_PREFIX.match(name)
    return bool(prefix) and name[prefix.end() :].casefold().rstrip("s") in not_models()


class ModelExtractor(Component):
    """Finds model names and writes them to ``doc.spans["paperfacts_models"]``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_models"):
        self.name = name
        self.patterns = patterns()
        g = grammar()
        self.heads: dict[str, set[str]] = {}  # head noun, lower-cased -> its spellings
        for head in g["model_heads"]:
            self.heads.setdefault(head.lower(), set()).add(head)
        GATE_WORDS.add(frozenset(self.heads))
        GATE_WORDS.add(frozenset(verb.strip() for verb in OWN_VERBS))
        self.determiners = frozenset(g["head_determiners"])
        # the classes an ordinary word before a hyphen makes a kind of (Video-LLMs, Graph-Transformer)
        self.generic_heads = frozenset(h if h[0].isupper() else h.capitalize() for h in g["generic_heads"])
        # a title's plural model nouns that the list does not spell (networks, Transformers)
        self.new_plurals = frozenset(n.casefold() for n in _new_plurals(g["model_nouns"]))
        self.model_nouns = frozenset(n.casefold() for n in g["model_nouns"]) | self.new_plurals
        self.stems = frozenset(g["stems"])
        self.application_heads = frozenset(g["application_heads"])
        # the heads of a long form that make its abbreviation no model (sharpness-aware minimization (SAM))
        self.other_long_form_heads = frozenset(n.casefold() for n in g["other_long_form_heads"] + g["not_model_nouns"]) - self.model_nouns

    def prepare(self, batch: list[Doc]) -> None:
        """The shared cue-word pass (trie.GATE_WORDS) over the batch's texts, one after the
        other, while its automaton stays in the CPU caches (text by text, among the patterns'
        work, it is evicted between texts). The later components reuse the positions."""
        for doc in batch:
            GATE_WORDS.positions(text_of(doc))

    def extend(self, text: str, end: int) -> int:
        """Run the suffix grammar from ``end``; the end of the longest name."""
        step, part, sized = self.patterns["step"], self.patterns["part"], self.patterns["sized"]
        for _ in range(6):
            m = step.match(text, end) or UNDERSCORE_PART.match(text, end)
            if not m:
                m = part.match(text, end)
                if not m or (ordinary(m["part"]) or m["part"].islower()) and not sized.match(text, m.end()):
                    break
            end = m.end()
        return end

    def model_shaped(self, name: str) -> bool:
        """Whether a coined name's own parts lean model: a size (``Idefics3-8B``), a model stem
        that ends it or a part of it (``OneTracker``, ``GeoFusionLRM``, ``Qwen3-VL``), or a listed
        family with a coined part glued on (``StarCoderPlus``)."""
        p = self.patterns
        return bool(p["size_tail"].search(name) or p["shape_stem"].search(name) or p["family_prefix"].match(name))

    def candidate(self, text: str, start: int, strong: bool = False) -> tuple[int, int] | None:
        """The span of a coined name starting at ``start`` (with the suffix grammar), or None.
        After a strong cue (``a model named X``) a capitalized word that is not an ordinary
        one (``Celadon``) and a spaced size (``openCabrita 3B``) are read too."""
        m = self.patterns["candidate"].match(text, start)
        if not m or not text[start].isalpha() or any(self.patterns["plural_acronym"].fullmatch(part) for part in m.group().split("-")) \
                or self.patterns["bare_version"].match(m.group()):
            return None  # 175B, 100K: sizes and counts; VLODs: a class; V2.1-base: the version of a name before it
        end = m.end()
        while (cut := text.rfind("-", start, end)) > start and _word_part(text[cut + 1 : end]):
            end = cut  # BERT-style, RoPE-based, LLM-Powered: a word, not part of the name
        core = end  # the name before the suffix grammar's steps (``-pro``, ``-chat`` may be lower case)
        grown = self.extend(text, end)
        # an unknown name takes no spaced number (``REPA 262B``, ``OmniGen 5.06`` are results)
        spaced = text.find(" ", end, grown)
        if spaced >= 0 and any(ch.isdigit() for ch in text[spaced:grown]):
            end = spaced if not (strong and self.patterns["sized_word"].match(text, spaced)) else grown
        else:
            end = grown
        name = text[start:end]
        if strong and self.patterns["next_capital"].match(text, end):
            return None  # Pooling LLaVA, Local-Equivariant MMSE: a name of several words
        if strong and name.isalpha() and name[0].isupper() and not ordinary(name) and not is_generic(name):
            return start, end
        parts = text[start : min(core, m.end())].split("-")
        if any(part.islower() for part in parts) or (len(parts) > 1 and all(ordinary(part) for part in parts)):
            return None  # text-to-SQL, sub-72B, Vision-Language, Single-Vendor: words joined, not a name
        return (start, end) if coined(name) and not self.patterns["data_size"].search(name) else None

    def match(self, doc: Doc) -> list[dict]:
        text = text_of(doc)
        found: list[dict] = []
        gazetteer = read_facts(doc, "gazetteer_model")
        starts = {c["start"]: c for c in gazetteer}
        sets, metrics = read_facts(doc, "gazetteer_benchmark") + read_facts(doc, "gazetteer_dataset"), read_facts(doc, "gazetteer_metric")
        listed_sets = {(c["start"], c["end"]) for c in sets}
        for cand in gazetteer:
            start, end = cand["start"], self.extend(text, cand["end"])
            while text.startswith("-", end) and end + 1 in starts:  # FLAN-PaLM, Flan-T5
                end = self.extend(text, starts[end + 1]["end"])
            if end > cand["end"] and (start, end) in listed_sets:
                continue  # "Nemotron-CC": a family's name run on is a listed corpus's whole name
            if (plural := _SPACED_PLURAL.match(text, end)) and text[start : plural.end() - 1].casefold() in _listed_forms():
                end = plural.end()  # "Swin Transformers": the plural of a listed spaced name, not "Swin"
            prefix = self.patterns["prefix"].search(text, 0, start) if text[start - 1 : start] == "-" else None
            found.append(_mention(text, prefix.start() if prefix else start, end, "model.gazetteer"))
        for m in self.patterns["compound"].finditer(text):
            end = m.end()
            while (cut := text.rfind("-", m.start(), end)) > m.start() and _word_part(text[cut + 1 : end]):
                end = cut  # LLM-Powered, LLM-Transformed: a word, not part of the name
            if looks_like_name(text[m.start() : end]) and not self._class_compound(text[m.start() : end]) and not (
                "LLM" in m.group() and self.patterns["other_list_head"].search(text, max(0, m.start() - 80), m.start())
            ):  # "techniques such as LLMLingua": built with an LLM, in a list of methods (but "methods like R2Former")
                found.append(_mention(text, m.start(), self.extend(text, end), "model.compound"))
        for m in self.patterns["appositive"].finditer(text):
            # the noun heads the appositive: not after a preposition ("a search space for neural architecture")
            if looks_like_name(m["name"]) and self._noun_heads(m["desc"]) and not self._builds_on(text, m["noun"], m.end()):
                found.append(_mention(text, m.start("name"), m.end("name"), "model.cue"))
        for key, rule in (("named", "model.named"), ("own_long_form", "model.abbreviation")):
            for m in self.patterns[key].finditer(text):
                if key == "own_long_form" and not self.patterns["own_intro"].search(text, max(0, m.start() - 160), m.start()):
                    continue
                span = self.candidate(text, m.start("name"), strong=True)
                # "the Multi-Cue Aggregation Network (MCAN), a novel framework": a network's own
                # name, whatever the text calls it next; "Motion Diffusion Models (CMDM), a framework" is not
                method = span and self.patterns["method_apposition"].match(text, span[1])
                network = key == "own_long_form" and "Model" not in m.group().partition("(")[0]
                if span and (not method or network and method.group().endswith(("framework", "pipeline"))):
                    found.append(_mention(text, *span, rule))
        title_len = doc.user_data.get("paperfacts_title_len") or 0
        for m in self.patterns["head_noun"].finditer(text):
            if m.start() < title_len <= m.start("name"):
                continue  # "SLNet: a point cloud network" + "SLNet-S with ...": the title's noun, the abstract's name
            span = self.candidate(text, m.start("name"))
            name = text[span[0] : span[1]] if span else ""
            if span and span[1] >= m.end("name") and name.casefold() not in common_words():
                found.append(_mention(text, *span, "model.head_noun"))  # not "Mental model ANnotations"
        for m in self.patterns["introduce"].finditer(text):
            tail = self.patterns["intro_tail"].match(m["rest"])
            coined = looks_like_name(m["name"]) or (m["name"][0].isupper() and m["name"].isalpha())
            if coined and tail and self._noun_heads(tail["desc"] or "") and not self._builds_on(m["rest"], tail["noun"], tail.end()):
                end = m.end("version" if m["version"] else "name")
                if tail.start("noun") and m["rest"][: tail.start("noun")].isspace() and tail["noun"].istitle():
                    end = m.start("rest") + tail.end("noun")  # "we present Point Transformer, a ...": a capitalised head is the name's
                found.append(_mention(text, m.start("name"), end, "model.cue"))
        for m in self.patterns["list"].finditer(text):
            # baselines are methods as often as models (HippoRAG 2, SnapKV, COLMAP): there the
            # name's own parts must lean model (Janus-Pro-1B, PhoWhisper)
            baselines = m.group().startswith("baselines")
            for item in self.patterns["item"].finditer(m["items"]):
                if baselines and not self.model_shaped(item.group()):
                    continue
                if looks_like_name(item.group()) and item.group() not in ("and", "or") and not _ADJECTIVE_TAIL.search(item.group()):
                    start, end = m.start("items") + item.start(), m.start("items") + item.end()
                    if text[end - 1] == "s" and text[start : end - 1].casefold() in _listed_forms():
                        end -= 1  # "architectures such as U-Nets": a listed model's plural
                    found.append(_mention(text, start, self.extend(text, end), "model.list"))
        if title_len:
            m = self.patterns["title"].match(text[:title_len])
            desc = m["desc"] if m else ""
            # "X: Learning ... Models" describes a method; "X: A ... Language Model" a model
            if m and looks_like_name(m["name"].split()[0]) and not self.patterns["not_nouns"].search(desc) \
                    and not self.patterns["gerund"].match(desc) and not self.patterns["preposition"].search(desc) \
                    and not self._not_a_kind_of(text[:title_len], m["noun"], desc, m.end()) \
                    and not (m["noun"].casefold() in self.application_heads and not self.patterns["modality"].search(desc)):
                found.append(_mention(text, 0, m.end("name"), "model.title"))  # (not "FERA: Foil Fencing Referee Assistant")
        # Only gazetteer models may share a span with a benchmark, dataset or metric name, and
        # a coined name followed by "framework", "method", ... is not a model.
        corpora = Mentions(sets + metrics)

        def kept(mentions):
            return [
                f for f in mentions
                if (f["rule"] == "model.gazetteer"
                    or not (corpora.covering(f["start"]) or self.patterns["method_after"].match(text, f["end"])))
                and not self._not_a_name(text, f)
                and not (f["rule"] != "model.gazetteer" and (_classes_joined(f["name"]) or _class_first(f["name"])))
                and not (f["rule"] not in ("model.gazetteer", "model.cue") and _NOT_A_MODEL_TAIL.search(f["name"]))
                and not (f["rule"] == "model.gazetteer" and (self.patterns["tool_after"].match(text, f["end"])
                                                            or self.patterns["product_after"].match(text, f["end"])))
                and not self.patterns["metric_noun_after"].match(text, f["end"])
            ]

        found = kept(found)
        if title_len and (shaped := self._title_name_by_shape(text, title_len, found)):
            found = [f for f in found if f["name"] != shaped]
        found += kept(self._own_models(text, title_len or 0, found, corpora))
        found += kept(self._shape_cues(text))
        found += kept(self._api_ids(text))
        found += kept(self._coordinated(text, found, corpora))
        # one role per name per paper: a name the text defines as a class's abbreviation
        # (speech large language model (SLLM)) is a class everywhere in it
        listed = {c["text"] for c in gazetteer}
        classes = {f["name"] for f in found if f["text"] not in listed and self._class_abbreviation(text, f)}
        # a listed name the text defines, in the plural, as a class's (Vision Transformers (ViTs)):
        # its plural mentions are the class; a singular one may still name the model (the ViT model)
        plural_classes = {f["name"] for f in found if f["text"] in listed and f["text"] != f["name"] and self._class_abbreviation(text, f)}
        if plural_classes:
            found = [f for f in found if not (f["name"] in plural_classes and f["text"] != f["name"])]
        # a name the paper writes only in the plural (supervised ViTs, existing VideoLLMs) is the
        # class; one the text names itself (the title's "Shakti-VLMs:", "E2PANNs, a ... network") stays
        plural_only = self._plural_only(text, found)
        if plural_only:
            found = [f for f in found if f["name"] not in plural_only]
        # and a name that is a metric too (MAE) is the metric in a paper that uses it as one
        metrics = read_facts(doc, "gazetteer_metric")
        if metrics:
            classes |= self._metric_names(text, found, metrics)
            # a name inside a longer metric's name is part of it (Fréchet Inception Distance)
            inside = Mentions(metrics)
            found = [f for f in found if not any(
                m["start"] <= f["start"] and f["end"] <= m["end"] and m["end"] - m["start"] > f["end"] - f["start"]
                for m in inside.starting_in(f["start"] - 60, f["start"] + 1)
            )]
        if title_len and (own := self._title_data_name(text[:title_len])):
            classes.add(own)
        # an abbreviation shares its long form's role: "multi-person tracking (MPT)", "Sharpness-Aware
        # Minimization (SAM)" name a task and a method, whatever model a list knows by those letters
        listed_names = {f["name"] for f in found if f["rule"] == "model.gazetteer"}
        classes |= {name for name in {f["name"] for f in found} if self._spelled_as_other(text, name, name in listed_names)}
        found = outside_links(doc, [f for f in found if f["name"] not in classes])
        found += outside_links(doc, self._other_mentions(text, found, corpora))
        return [
            f for f in _drop_long_forms(text, _resolve(found))
            if not (f["rule"] in ("model.gazetteer", "model.compound") and self._heads_long_form(text, f["start"], f["end"]))
        ]

    def _other_mentions(self, text: str, found: list[dict], corpora: Mentions) -> list[dict]:
        """A name a rule read at one mention (the title's ``X:``, ``we introduce X``) is the
        model at its other mentions too, where it is the subject of a result (``X achieves
        45.1%``); gazetteer names are read at every mention already. Marked ``repeat``: the
        count links keep reading the mentions a rule read (their clause tests assume those). Only
        the rules that say the text names a model (``_NAMING_RULES``): a name read by its
        shape or its list alone may be a set's elsewhere (``RAGTruth``)."""
        rules: dict[str, str] = {}
        for f in found:
            if f["rule"] in _NAMING_RULES and f["text"] == f["name"]:
                rules.setdefault(f["name"], f["rule"])
        if not rules:
            return []
        taken = Mentions(found)
        out = []
        for name, rule in rules.items():
            for start, end in _mentions_of(text, name, strict=True):
                if not (taken.covering(start) or taken.covering(end - 1) or corpora.covering(start)):
                    out.append(dict(_mention(text, start, end, rule), repeat=True))
        return out

    def _metric_names(self, text: str, found: list[dict], metrics: list[dict]) -> set[str]:
        """The names of ``found`` that the metric gazetteer knows at the same place and that the
        paper uses as a metric somewhere: spelled out as one (``mean absolute error (MAE)``),
        next to a number (``MAE of 0.033``, ``MAE = 0.44``, ``1.67cm MAE``, ``13.9% in MAE``) or a
        change (``MAE by 6.03%``, not ``outperforms MAE by 1.2%``; ``MAE from 7.74 to 3.91``), called
        a metric (``the force MAE metric``), lowered (``reduced MAE across ...``), or listed with
        another metric (``RMSE and MAE``)."""
        p, spans = self.patterns, {(m["start"], m["end"]) for m in metrics}
        names = set()
        for f in found:
            if (f["start"], f["end"]) not in spans or f["name"] in names:
                continue
            for start, end in _mentions_of(text, f["text"]):
                if (start, end) not in spans:
                    continue
                before, after = text[max(0, start - 30) : start], text[end : end + 30]
                number_after = p["metric_number_after"].match(after)
                if number_after and number_after["by"] and p["compared_before"].search(before):
                    number_after = None  # "outperforms MAE by 2.1%": the model, beaten by a margin
                if (number_after or p["metric_number_before"].search(before)
                        or any(m["end"] <= start and (p["metric_long_form"].fullmatch(text, m["end"], start)
                                                      or p["list_gap"].fullmatch(text, m["end"], start))
                               or end <= m["start"] and p["list_gap"].fullmatch(text, end, m["start"])
                               for m in metrics if (m["start"], m["end"]) != (start, end))):
                    names.add(f["name"])
                    break
        return names

    def _own_names(self, text: str, title_len: int) -> list[str]:
        """The names the paper gives its own work: the title's ``X:`` and what the abstract
        introduces (``we propose X``, ``This paper introduces X``, ``we train Judge for
        Reasoning (J4R)``), coined (not ordinary words); two words when the first is a
        capitalized word that is not an ordinary one (``Prithvi WxC``) or the title has both."""
        p, names = self.patterns, []
        m = p["own_title"].match(text, 0, title_len) if title_len else None
        title_name = m["name"] if m else None
        starts = []
        for at in self._intro_ends(text, title_len):
            if text.startswith(("a ", "an ", "the "), at):
                at = text.index(" ", at) + 1
            long_form = p["own_bracket"].match(text, at)
            starts.append(long_form.end() if long_form else at)
        if title_name:
            starts.insert(0, 0)
        for at in starts:
            two = p["two_words"].match(text, at)
            second = self.candidate(text, two.end(), strong=True) if two else None
            if two and second and (not ordinary(two["first"]) and not is_generic(two["first"])
                                    or text[at : second[1]] == title_name):
                names.append(text[at : second[1]])
                continue
            span = self.candidate(text, at, strong=True)
            name = text[span[0] : span[1]] if span else ""
            # a capitalized word that is no ordinary one (Bayesian, Procrustes) names nothing unless the title gives it
            if span and (name == title_name or at and looks_like_name(name.split("-")[0].rstrip("*+"))):
                names.append(name)
        return list(dict.fromkeys(n for n in names if not (_bare_acronym(n) and n.isalpha()) and not self._word_like(n)))

    def _intro_ends(self, text: str, start: int) -> list[int]:
        """Where the name after ``we propose`` / ``This paper introduces`` / ``Introducing`` starts.
        The verbs are read off the shared cue-word pass (``trie.GATE_WORDS``), not searched for."""
        p, ends = self.patterns, []
        found = GATE_WORDS.positions(text)
        # the verbs whose word the pass found (their order does not matter: the ends are sorted)
        verbs = OWN_VERBS if found is None else [_OWN_VERB_OF[word] for word in _OWN_VERB_OF.keys() & found.keys()]
        for verb in verbs:
            if found is None:  # lower-casing changed the length: no positions
                at = text.find(verb, start)
                places = []
                while at >= 0:
                    places.append(at)
                    at = text.find(verb, at + 1)
            else:  # the verb's word, lower-cased, is a cue word; the verb is its exact spelling
                word = verb.strip()
                lead = len(verb) - len(verb.lstrip())
                places = [at - lead for at in found.get(word, ()) if at - lead >= start and text.startswith(verb, at - lead)]
            for at in places:
                if verb == "ntroducing ":
                    if text[at - 1 : at] in ("I", "i") and not text[at - 2 : at - 1].isalnum():
                        ends.append(at + len(verb))
                elif (tail := p["own_verb_tail"].match(text, at + len(verb))) and _OWN_SUBJECTS.search(text, max(0, at - 30), at) \
                        and p["own_we_before"].search(text, max(0, at - 30), at + 1):
                    ends.append(tail.end())
        return sorted(ends)

    def _own_models(self, text: str, title_len: int, found: list[dict], corpora: Mentions) -> list[dict]:
        """``model.own_size`` / ``model.own_cue``: the paper's own name (``_own_names``) is a model
        when the abstract says it is a trained network, not a method, benchmark or tool.
        Evidence, in this order: a benchmark, dataset, tool or agent noun with it (``X
        benchmark``, ``X, a new dataset``) rules it out; a parameter count its clause gives it
        (``X, the first 2B-parameter ... model``, ``Across model scales ranging from 135M to 1.7B
        parameters, X forms ...``) or a size variant (``X-7B``) makes it a model even when it is
        called a framework (``model.own_size``); else a method noun with it (``X, a framework``)
        rules it out; a model noun or training word (``the 0.25B parameter X model``, ``X, a 7B
        judge``, ``X is trained``, ``the pre-trained X``) makes it a model (``model.own_cue``).
        That a name achieves or outperforms is no evidence: methods do too (15 of 30 such
        firings on the 2025-26 corpus were methods). Every mention of the name is read."""
        out: list[dict] = []
        known = {f["name"].casefold() for f in found}
        abstract = title_len + 2 if title_len else 0
        for name in self._own_names(text, title_len):
            if name.casefold() in known or is_generic(name) or name.casefold() in not_models():
                continue
            ev = self._own_evidence(text, name, abstract, found)
            if ev is None:
                continue
            for start, end in _mentions_of(text, name, strict=True):
                if not corpora.covering(start, reach=0):
                    out.append(_mention(text, start, end, ev))
        return out

    def _own_evidence(self, text: str, name: str, abstract: int, found: list[dict]) -> str | None:
        """The rule id the abstract's evidence about the paper's own ``name`` gives, or None.
        Patterns are matched at each mention's end (no pattern is built per name)."""
        p = self.patterns
        ends = [e for _, e in _mentions_of(text, name, abstract)]
        title = text[: abstract - 2] if abstract else ""
        own_title = title.startswith(name)
        if any(p["own_data_at"].match(text, e) for e in ends) or own_title and p["title_data"].search(title):
            return None
        if any(p["own_size_at"].match(text, e) for _, e in _mentions_of(text, name)) or self._own_count(text, name, abstract, found):
            return "model.own_size"
        if any(p["own_method_at"].match(text, e) for e in ends) or own_title and p["title_methods"].search(title):
            return None
        if any(p["own_cue_at"].match(text, e) for e in ends) or any(
            p["trained_before"].search(text, max(abstract, a - 20), a) for a, _ in _mentions_of(text, name, abstract)
        ):
            return "model.own_cue"
        if own_title and self.model_shaped(name) and not p["gerund"].match(name) and any(
            self._noun_heads(m["desc"]) for m in p["own_intro_model"].finditer(text, abstract)
        ):
            return "model.own_cue"  # "Stream3D-VLM: ..." and "we present an online 3D vision-language model"
        return None

    def _own_count(self, text: str, name: str, abstract: int, found: list[dict]) -> bool:
        """A parameter count in the clause of a mention of ``name``, with no other model, no
        comparison and no trainable/added parameters between them."""
        p = self.patterns
        others = [f for f in found if not f["name"].startswith(name) and f["name"] not in name]
        for m in (_Span(a, b) for a, b in _mentions_of(text, name, abstract)):
            s = max((e.end() for e in p["sentence_end"].finditer(text, max(abstract, m.start() - 400), m.start() + 1)), default=abstract)
            e = p["sentence_end"].search(text, m.end())
            e = e.start() if e else len(text)
            for c in p["param_count"].finditer(text, s, e):
                if c.start() > m.end() and p["own_appositive"].fullmatch(text, m.end(), c.start()):
                    return True  # "X, the first 2B-parameter ... model", "Long Form (X), a 7B judge"
                lo, hi = (m.end(), c.start()) if c.start() > m.end() else (c.end(), m.start())
                if hi - lo > 120 or p["not_own_count"].search(text, max(s, c.start() - 25), min(e, c.end() + 25)):
                    continue
                if p["not_own_count"].search(text, lo, hi) or any(lo <= f["start"] < hi for f in others):
                    continue
                if any(abs(f["start"] - c.start()) < abs(m.start() - c.start()) for f in others if s <= f["start"] < e):
                    continue  # "experiments on LLaVA-3D (a 7B parameter 3D-LMM) show that X ...": another model's size
                noun = p["count_noun_after"].match(text, c.end())
                if (noun and name not in noun.group()) or p["count_noun_before"].search(text, max(s, c.start() - 60), c.start()):
                    continue  # "On a 3B backbone", "With 1B-scale models", "LVLMs ranging from 2B to 8B": those models' sizes
                return True
        return False

    def _shape_cues(self, text: str) -> list[dict]:
        """``model.shape_cue``: coined names a cue makes models. After a comparison
        (``outperforms X``, ``surpassing A, B and C``, ``X vs. Y``) or a use (``fine-tune X``,
        ``built on X``) the name's own parts must lean model too (``model_shaped``), since
        methods are compared and built on as well; a model head noun after it
        (``an EfficientNet-B0 model``, ``the HAMMER manipulation detector``) is enough alone, and
        so is a size in billions glued to the name (``GUI-Actor-7B``, ``LLaDA-8B-Instruct``)."""
        p, out = self.patterns, []
        for key in ("compare", "use"):
            for m in p[key].finditer(text):
                for item in p["candidate"].finditer(text, m.start("items"), m.end("items")):
                    span = self.candidate(text, item.start())
                    if span and self.model_shaped(text[span[0] : span[1]]) and not _bare_acronym(text[span[0] : span[1]]):
                        out.append(_mention(text, *span, "model.shape_cue"))
        for m in p["billions"].finditer(text):
            # a size in billions glued to a coined name makes it a model's ("GUI-Actor-7B even surpasses",
            # "On LLaDA-8B-Instruct, X improves"); a corpus the gazetteer knows is left to it (SA-1B)
            start = m.start()
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-."):
                start -= 1
            span = self.candidate(text, start) if start < m.start() and self._name_starts(text, start) else None
            if span and span[1] >= m.end() and not self.patterns["size_tail"].fullmatch(text, span[0], span[1]):
                out.append(_mention(text, *span, "model.shape_cue"))
        for start, end in self._after_determiner(text):
            span = self.candidate(text, start)
            name = text[span[0] : span[1]] if span else ""
            if span and span[1] == end and not _bare_acronym(name) and not self._word_like(name):
                out.append(_mention(text, *span, "model.shape_cue"))
        return out

    def _api_ids(self, text: str) -> list[dict]:
        """``model.api_id``: a listed family written as its provider's lower-case id, with a
        version or size after it (``gpt-5.1``, ``gpt-oss-20b``, ``claude-opus-4-7``,
        ``gemini-2.5-flash-lite``, ``qwen2.5-7b-instruct``): the name as the API spells it."""
        out, done, api_id = [], 0, self.patterns["api_id"]
        for tail in self.patterns["api_tail"].finditer(text):
            start = tail.start()
            if start < done:
                continue
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-."):
                start -= 1
            m = api_id.match(text, start)
            if not m:
                continue
            done = m.end()
            name = m.group().rstrip(".")
            if m["family"] in _lower_families() and any(ch.isdigit() for ch in name[len(m["family"]) :]):
                out.append(_mention(text, m.start(), m.start() + len(name), "model.api_id"))
        return out

    def _after_determiner(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each word between a determiner and a model head noun
        (``our HVPL model``, ``the XMem model``), read off the head nouns' positions that the
        shared cue-word pass found (no pattern runs over the text)."""
        found = GATE_WORDS.positions(text) or {}
        spans = []
        for head in self.heads.keys() & found.keys():
            for at in found[head]:
                end = at + len(head)
                if text[at:end] not in self.heads[head] or text[end : end + 1].isalnum() or text[end : end + 1] == "-":
                    continue
                if at < 3 or text[at - 1] != " ":
                    continue
                start = text.rfind(" ", 0, at - 1) + 1
                before = text.rfind(" ", 0, max(0, start - 1)) + 1
                if start > 0 and text[before : start - 1] in self.determiners:
                    spans.append((start, at - 1))
        return spans

    def _name_starts(self, text: str, start: int) -> bool:
        """Whether a name can start at ``start``: after white space or an opening bracket, and not
        after a capitalized word or a number it would continue (``Xuanwu VL-2B``, ``Llama 4
        Scout-17B``) nor glued to LaTeX (``A$^2$Search-7B``)."""
        if start == 0:
            return True
        if text[start - 1] in "([\"'`" or (text[start - 1] == "$" and (start < 2 or text[start - 2].isspace())):
            return True  # "(MedGemma-27B)", "$ALLaM-34B$"
        if not text[start - 1].isspace():
            return False
        before = text[max(0, start - 30) : start].split()
        last = before[-1].rsplit("-", 1)[-1] if before else ""  # "LoRA-tune ALLaM-7B": a verb's part
        # not after a name's word: an ordinary word ("The", "Notably") or a possessive starts a new one
        return not last or not (last[0].isupper() or last[0].isdigit()) or before[-1][-1] in ",;:.)" \
            or before[-1].endswith(("'s", "\u2019s")) or ordinary(before[-1])

    def _builds_on(self, text: str, noun: str, end: int) -> bool:
        """Whether the model noun ending at ``end`` only says what a method is built on or works
        with: a language model before a method noun (``a novel LLM post-training framework``,
        ``an LLM-based framework``, ``a VLM-based method``) or an adjective's tail (``the first large
        language model (LLM)-powered automatic VLSI design flow tuning framework``), ``model-agnostic``, or any
        model noun as a gerund's object before a method noun (``a novel model merging framework``), or a
        variant of what no list knows as a model (``a variant of DPO``). A network's
        own type before ``framework`` is not this (``a unified Transformer-based framework for
        PAR`` names the network, as the guidelines' Clarifications say)."""
        if text.startswith(("-agnostic", " agnostic"), end) or _GERUND_METHOD.match(text, end) or _variant_of_other(text, noun, end):
            return True  # "model-agnostic"; "model merging framework" (a gerund's object); "a variant of DPO"
        if noun.casefold() not in _LANGUAGE_MODEL_NOUNS:
            return False
        p = self.patterns
        if p["noun_then_method"].match(text, end):
            return True
        adjective = p["adjective_after"].match(text, end)
        return adjective is not None and not p["modified_model"].match(text, adjective.end())

    def _noun_heads(self, desc: str) -> bool:
        """Whether the model noun after ``desc`` heads its phrase: no method, dataset or tool noun
        in it, and no preposition or clause after which the noun no longer heads it."""
        p = self.patterns
        return not (p["not_nouns"].search(desc) or p["desc_break"].search(desc))

    def _class_compound(self, name: str) -> bool:
        """An ordinary word joined to a generic class is a kind of it, not a name (``Video-LLMs``,
        ``Multi-LLM``, ``Human-LLM``, ``Graph-Transformer``, ``LLM-Judge``; not ``CT-LLM``, ``Sentence-BERT``).
        Classes joined to each other (``CNN-Transformer``) are dropped for every rule (``_classes_joined``)."""
        prefix, _, head = name.rpartition("-")
        if len(prefix) >= 4 and ordinary(prefix) and prefix[0].isupper() and head in self.generic_heads:
            return True
        # and a class acronym before an ordinary word names a role or a kind (``LLM-Judge``,
        # ``LLM-Agnostic``, ``MLLM-Planner``; not ``LLM-JEPA``, ``LLM-Grounder``)
        head, _, rest = name.partition("-")
        return head.rstrip("s").isupper() and head in self.generic_heads and "-" not in rest and len(rest) >= 4 and ordinary(rest)

    def _not_a_kind_of(self, title: str, noun: str, desc: str, end: int) -> bool:
        """Whether a title's plural of a model noun does not say what X is: the title asks a
        question, or the noun is what X uses (``as``); a listed plural (``Models``, ``LLMs``) heads a
        clause with a verb (``ExpeTrans: LLMs Are ...``, ``NRITYAM: Language Models Meet Art``);
        a new one (``X: Extended 2D/3D Networks for ...``) follows clause words or modifies the noun
        after it."""
        p = self.patterns
        if title.startswith("-", end):
            # a hyphen joins the noun to the next word: it names X's kind only where the phrase
            # still ends in a model noun ("Decoder-only Transformer", "Encoder-Decoder Networks";
            # not "LLM-as-a-Judge Framework", "LLM-Powered Multi-Agent ... Recommendation")
            words = [w for w in p["phrase_rest"].match(title, end).group().split() if any(ch.isalpha() for ch in w)]
            return not words or words[-1].rsplit("-", 1)[-1].casefold() not in self.model_nouns
        if not noun.endswith(("s", "S")):
            # a singular noun that modifies the title's next word names no kind of X either:
            # "LESS: Large Language Model Enhanced Semi-Supervised Learning for ..."
            return bool(p["noun_modifies"].match(title, end)) and not p["model_group"].match(title, end)
        if "?" in title or p["used_as"].match(title, end):
            return True  # "LogicOCR: Do Your Large Multimodal Models Excel ...?", "X: Foundation Models as Rewards for ..."
        if noun.casefold() not in self.new_plurals:
            # a listed plural ("Models", "LLMs") heads a clause it is the subject of: "ExpeTrans: LLMs Are ..."
            return bool(p["clause_verb"].search(desc) or p["clause_verb"].match(title, end))
        return bool(p["clause_words"].search(desc) or p["noun_modifies"].match(title, end))

    def _heads_long_form(self, text: str, start: int, end: int) -> bool:
        """The name ends a capitalized long form whose abbreviation follows, and the
        abbreviation opens with another word of it: ``Few-shot RetinaNet (FSRN)``."""
        m = self.patterns["abbreviation_after"].match(text, end)
        if not m:
            return False
        abbr, name = m["abbr"].casefold(), text[start:end].casefold()
        words = self.patterns["long_form_words"].search(text, max(0, start - 80), start)
        return bool(words) and abbr[0] != name[0] and any(
            w[0].casefold() == abbr[0] for w in words.group().split()
        )

    def _word_like(self, name: str) -> bool:
        """Made of words, not coined: a common word in capitals (``INSTRUCT``), ordinary words run
        together (``OnDevice``), two capitalized words (``Kerimov-Alekberli``: people's names), or
        an all-caps acronym of four letters or more (``OVSS``: a task more often than a model)."""
        parts = self.patterns["humps"].findall(name)
        return (
            (name.isalpha() and name.isupper())
            or (len(parts) > 1 and all(ordinary(w) for w in parts))
            or bool(self.patterns["two_names"].fullmatch(name))
        )

    def _coordinated(self, text: str, found: list[dict], corpora: Mentions) -> list[dict]:
        """``model.coordination``: in ``A, B and C`` or ``(A, B, C)``, coined members next to a
        model take its role (``Qwen2-VL-7B and Idefics3-VL``)."""
        p, out = self.patterns, []
        seen = {(f["start"], f["end"]) for f in found}
        todo = [f for f in found if not is_generic(f["name"])]
        while todo:
            f = todo.pop()
            if p["evaluated_on"].search(text, max(0, f["start"] - 16), f["start"]):
                continue  # "on both AniClipart and ChallengeSVG": benchmarks
            chain, tainted = [], False
            pos = f["end"]
            while gap := p["list_gap"].match(text, pos):
                if corpora.starting_in(gap.end(), gap.end() + 1):
                    tainted = True  # a list of metrics or benchmarks (BLEU, ROUGE, BERTScore, ...)
                    break
                span = self.candidate(text, gap.end())
                if not span or not p["member_end"].match(text, span[1]) or _bare_acronym(text[span[0] : span[1]]):
                    break  # "the Endovis17 medical dataset", "OpenAI o3": a modifier, not a member
                if gap.group().strip() == "," and not (p["list_gap"].match(text, span[1]) or _closes_bracket(text, f["start"], span[1])):
                    break  # "Built on X, Y optimizes ...": a list goes on after a bare comma, or closes its bracket
                pos = span[1]
                chain.append(span)
            pos, end = f["start"], f["end"]
            while p["gap_before"].search(text, max(0, pos - 6), pos) and (m := p["before_gap"].search(text, max(0, pos - 80), pos)):
                if corpora.starting_in(m.start("name"), m.start("name") + 1):
                    tainted = True
                    break
                span = self.candidate(text, m.start("name"))
                if not span or span[1] != m.end("name") or _bare_acronym(text[span[0] : span[1]]):
                    break
                if m.group().rstrip().endswith(",") and not (
                    p["list_gap"].match(text, end) or p["list_start"].search(text, max(0, span[0] - 20), span[0])
                ):
                    break  # "In VideoQGen, Gemini 2.5 Pro ...": an opening phrase, not a list
                pos, end = span
                chain.append(span)
            first = min([f["start"], *(a for a, _ in chain)])
            if tainted or p["other_list_head"].search(text, max(0, first - 80), first) or any(
                p["evaluated_on"].search(text, max(0, a - 16), a) for a, _ in chain
            ):
                continue  # frameworks (smolagents, AutoGen, CAMEL), six metrics: ..., on GenImage
            for span in chain:
                if span not in seen:
                    seen.add(span)
                    out.append(new := _mention(text, *span, "model.coordination"))
                    todo.append(new)
        return out

    def _title_name_by_shape(self, text: str, title_len: int, found: list[dict]) -> str | None:
        """The title's ``X:`` built on ``LLM`` when only that shape read it (``DailyLLM: Context-Aware
        Activity Log Generation Using ... LLMs``, ``LLMRank: Understanding LLM Strengths for Model
        Routing``): a name made with an LLM names a system, method or benchmark that uses LLMs as
        often as an LLM of the paper's own, so the abstract's evidence decides, as for any own name
        (``_own_evidence``: ``X, a fine-tuned LLM``, ``X-7B``). Other stems keep the shape's reading
        (``ContraBERT``, ``PLLaVA``: their derivatives are models)."""
        m = self.patterns["own_title"].match(text, 0, title_len)
        if not m or "LLM" not in m["name"]:
            return None
        name = m["name"]
        rules = {f["rule"] for f in found if f["name"] == name}
        if "model.compound" not in rules or rules & (_NAMING_RULES | {"model.gazetteer"}):
            return None
        return name if self._own_evidence(text, name, title_len + 2, found) is None else None

    def _title_data_name(self, title: str) -> str | None:
        """The name a title ``X: A ... <noun> for ...`` gives its benchmark, dataset, tool,
        agent or attack (``title_data_nouns``): words that make a model or a method of it
        (``A ... Framework and Dataset``, ``A Suite of Agent Models``) or a verb first
        (``Training Research Agents``, ``Towards ... Agents``) leave the title to the other rules."""
        m = self.patterns["title_data_head"].match(title) if ":" in title else None
        if not m:
            return None
        desc = m["desc"].split()
        if desc and (self.patterns["gerund"].fullmatch(desc[0]) or desc[0].casefold() in ("towards", "toward")):
            return None
        if any(self.patterns["not_nouns"].fullmatch(w) or w.casefold().removesuffix("s") in _model_words() for w in desc):
            return None
        return m["name"]

    @staticmethod
    def _plural_only(text: str, found: list[dict]) -> set[str]:
        """The names of ``found`` read only from plurals (``ViTs`` -> ``ViT``; one word, not in
        brackets) by rules that do not say the text names a model (the gazetteer, a compound's
        or a list's shape), with no singular mention anywhere in the text (``the ViT model``): a
        class, as in ``supervised ViTs``, ``CNNs and ViTs``, ``existing VideoLLMs``."""
        plurals = {f["name"] for f in found if f["text"] != f["name"] and " " not in f["name"]}
        if not plurals:
            return set()
        plurals -= {f["name"] for f in found if f["text"] == f["name"] or f["rule"] in _NAMING_RULES
                    or f["start"] and text[f["start"] - 1] == "("}  # "we propose quasi-recurrent networks (QRNNs)": _class_abbreviation's
        return {name for name in plurals if not _mentions_of(text, name, strict=True)}

    def _spelled_as_other(self, text: str, name: str, listed: bool) -> bool:
        """Whether the text spells ``name`` out as a long form no model has (``long_forms.long_form``):
        one headed by a process, task, metric or part of a system (``sharpness-aware minimization
        (SAM)``, ``mean opinion scores (MOS)``, ``Expert Selection Module (ESM)``; its head is the last
        word before a preposition: ``Judge for Reasoning (J4R)`` is a judge); for the paper's own
        name, one that modifies such a noun after the bracket (``(ERO) framework``); for a listed
        name, one in ordinary lower-case words (``multi-person tracking (MPT)``). Not where the long
        form or the noun after it is a model's (``Segment Anything Model (SAM)``, ``generative
        pre-trained transformers (GPT)``, ``residual net (ResNet)``, ``globally attentive locally
        recurrent (GALR) network``), nor a long form a model is named after by how it was trained
        (``Contrastive Language-Image Pretraining (CLIP)``), nor, for a listed name, one built on
        another model's name (``Robustly Optimized BERT Approach (RoBERTa)``)."""
        if sum(ch.isalpha() for ch in name) < 2:
            return False  # "Structured State Space sequence model (S4)": one letter spells nothing
        words, end = long_form(text, name)
        if not words:
            return False
        phrase = next((words[:i] for i, w in enumerate(words) if i and w in PREPOSITIONS), words)
        head = phrase[-1].split("-")[-1].casefold()
        after = self.patterns["noun_after_bracket"].match(text, end)
        noun = after.group(1).casefold() if after else ""
        if head in self.model_nouns or head.removesuffix("s") == "net" or "train" in head or noun in self.model_nouns:
            return False  # "residual net (ResNet)"
        if listed and any(part in self.stems for w in phrase for part in w.split("-")):
            return False  # "Robustly Optimized BERT Approach (RoBERTa)": a listed model built on another's name
        if head in self.other_long_form_heads or head.removesuffix("s") in self.other_long_form_heads:
            return True
        if not listed:  # "(ERO) framework", "(PMLA) module": the paper's own name for what follows
            return noun.removesuffix("s") in self.other_long_form_heads
        return all(part.islower() and ordinary(part) for w in words for part in w.split("-") if part)

    def _not_a_name(self, text: str, f: dict) -> bool:
        """A citation key (``\\cite{Guo-2025-Deepseek}``), a metric (``GPT Score``), or numbers and
        sizes only (``models (7B-70B)``, ``0.906``)."""
        p = self.patterns
        return bool(p["cite"].search(text, max(0, f["start"] - 120), f["start"]) or p["metric_after"].match(text, f["end"])
                    or p["sizes_only"].fullmatch(f["text"]))

    def _class_abbreviation(self, text: str, f: dict) -> bool:
        """The abbreviation of a class (``speech large language model (SLLM)``,
        ``convolutional neural networks (BCNNs)``), not of one the paper names as its own
        (``our``, ``novel``, ``called``; ``we propose quasi-recurrent neural networks (QRNNs)``)."""
        p = self.patterns
        before = f["start"]  # the end of the text before the name, white space dropped
        while before and text[before - 1].isspace():
            before -= 1
        if not text.startswith("(", before - 1) or not text[f["end"] : f["end"] + 2].lstrip().startswith(")"):
            return False
        if p["billions"].search(f["text"]):
            return False  # "a non-reasoning model (Qwen-2.5-7B-Instruct)": a class's abbreviation has no size
        # the class's head ends before the "(" (``large language models (LLMs)``), with up to
        # five words before it on its line of words
        # (read backwards from the bracket: one anchored match, where a search for the
        # words and the head would try every place in the 90 characters)
        words = _WORDS_BACKWARDS.match(text[max(0, before - 90) : before - 1][::-1])
        if not words:
            return False
        tokens = [w[::-1] for w in words.group().split()]
        last, heads = tokens[0], folded_generic_heads()
        # the head is the last word, or ends it ("VisionTransformers (": a head with no words before it)
        head = last if last.casefold() in heads else next((last[-len(h) :] for h in heads if last.casefold().endswith(h)), None)
        if head is None:
            return False
        before_head = tokens[1:6] if head == last else []
        if (head[0].isupper() or f["rule"] == "model.gazetteer") and not f["text"].endswith("s"):
            return False
        return not any(w.casefold() in ("our", "novel", "new", "proposed", "called", "named", "propose", "present", "introduce")
                       for w in before_head)

    def set_annotations(self, doc: Doc, mentions: list[dict]) -> None:
        write_facts(doc, "model", mentions)


def _new_plurals(nouns: list[str]) -> list[str]:
    """The plurals of model nouns that are not listed themselves, nor end in a listed plural
    (``networks``, ``Transformers``; not ``language models``)."""
    listed = {n.casefold() for n in nouns if n.endswith("s")}
    return [n + "s" for n in nouns if not n.endswith("s") and (n.split()[-1] + "s").casefold() not in listed]


def _closes_bracket(text: str, first: int, end: int) -> bool:
    """Whether the list that runs from ``first`` to ``end`` is the last part of a bracket
    opened before it (``(including GPT-4o, Gemini-2.0-Flash, SeedEdit)``)."""
    opened = text.rfind("(", max(0, first - 80), first)
    return opened >= 0 and ")" not in text[opened:first] and text[end:end + 2].lstrip().startswith(")")


def _mentions_of(text: str, name: str, start: int = 0, strict: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of each mention of ``name`` as a whole name (not inside ``X-Y`` or
    ``aX``); ``strict`` also skips ``X-7B`` and ``X++`` (other names)."""
    out, at = [], text.find(name, start)
    while at >= 0:
        end = at + len(name)
        before, after = text[at - 1 : at] if at else "", text[end : end + 2]
        if not (before.isalnum() or before in ("_", "-", ".", "/", "@")) and not (after[:1].isalnum() or after[:1] == "_") \
                and not (strict and (after == "++" or after[:1] == "-" and after[1:2].isalnum())):
            out.append((at, end))
        at = text.find(name, at + 1)
    return out


class _Span:
    """A mention's bounds with a match's ``start()``/``end()``."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int):
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _mention(text: str, start: int, end: int, rule: str) -> dict:
    while end > start and text[end - 1] in ".-_/":
        end -= 1
    name = text[start:end]
    if len(name) > 3 and name.endswith("s") and (name[-2].isupper() or " " in name and name[:-1].casefold() in _listed_forms()):
        name = name[:-1]  # plurals: GPTs -> GPT, BERTs -> BERT, Swin Transformers -> Swin Transformer
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


def _spelled_out_after(text: str, short: dict, long: dict) -> bool:
    """``SF (Long-Form)``: the bracket holds nothing but a longer name of several words that
    spells the short one out (``ViLL-E (Video-LLM-Embed)``, ``SAM (Segment Anything Model)``),
    not a variant that runs it on (``ViT (ViT3D)``, ``Claude (claude-3-haiku)``)."""
    s, l = short["name"], long["name"]
    return (text.startswith(")", long["end"]) and len(s) < len(l) and not l.casefold().startswith(s.casefold())
            and len(_WORD_PARTS.findall(l)) > 1 and spells_in_syllables(s, l))


_WORD_PARTS = re.compile(r"[A-Za-z]+")


def _drop_long_forms(text: str, mentions: list[dict]) -> list[dict]:
    """``Long Form (SF)`` and ``SF (Long Form)``: when both are models, keep the short form only."""
    starts = {m["start"]: m for m in mentions}
    drop = set()
    for m in mentions:
        rest = text[m["end"] : m["end"] + 3]
        for gap in (" (", "("):
            if rest.startswith(gap) and m["end"] + len(gap) in starts:
                short = starts[m["end"] + len(gap)]
                if len(short["name"]) < len(m["name"]):
                    drop.add(m["name"].casefold())
                elif _spelled_out_after(text, m, short):
                    drop.add(short["name"].casefold())
    return [m for m in mentions if m["name"].casefold() not in drop]


@Language.factory(
    "paperfacts_models",
    requires=attrs("gazetteer_model", "gazetteer_benchmark", "gazetteer_dataset"),
    assigns=attrs("model"),
)
def make_model_extractor(nlp: Language, name: str) -> ModelExtractor:
    require_paperfacts(nlp)
    return ModelExtractor(nlp, name=name)
