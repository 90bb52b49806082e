"""Parameter counts and training-token counts.

A count is a number with a magnitude (``7B``, ``1,200 billion``, ``one billion``);
the size fused into a name (``GLM-130B``) is not one. Consecutive counts joined by
``and``/``or``/``to``/``~``/commas form a list that shares the unit after its last
member (``7B and 72B parameters``, ``from 125M to 1.3B parameters``).

Rules (stable ids):

* ``parameter_count.unit`` / ``token_count.unit``: the list is followed, within two
  words (a pair of names joined by ``and`` is one; ``of`` may follow a magnitude
  word), by ``parameters``/``params`` or ``tokens``. A bracketed echo is one count
  (``7 billion (7B)``), ``1B-8B``, ``4B--671B`` and ``1B/3B/8B`` are lists, ``from 1
  to 27 billion`` shares the magnitude word, and so does a bare number before a dash
  (``7-12B``, ``2--4B``, ``0.5-3.7 billion``; not a name's version: ``Llama 3-8B``). A
  capital magnitude letter may stand apart when the unit follows (``10.5 M parameters``),
  and a number may follow a LaTeX relation (``$\\sim$11.1M``, ``$<$1M``). A token amount that
  is a context length (``8K tokens context``; a small amount in a sentence about
  context or length) or a retrieval store is neither.
* ``parameter_count.model_noun``: a bare size before a model noun
  (``a 1.6B language model``, ``the 70B variant``).
* ``parameter_count.model_name``: a bare size beside a model name
  (``LLaMA 7B``, ``175B GPT-3``).
* ``parameter_count.size_cue``: a bare size after a size word
  (``a parameter count of only 7B or 13B``, ``comes in 9B and 40B``), unless a
  plural noun after it says what it counts (``at scales up to 7M training samples``).
* ``parameter_count.model_paren``: bare sizes in brackets after a model noun or
  name (``language models (1B/3B/8B)``).
* ``parameter_count.at_size``: a bare size after ``at`` that ends its phrase
  (``reverses at 70B,``, ``at 8B and 62B scale``).
* ``parameter_count.plain``: a whole number right before ``parameters``
  (``564,103-parameter``).

Each parameter count is linked to its model when the text puts them together
(``_model_at``: ``count.in_name``, ``count.beside_name``, ``count.appositive``,
``count.has``), or else when the sentence or clause around it says whose size it
is (``_Linker``: ``count.named_np``, ``count.appositive``, ``count.our_model``,
``count.the_model``, ``count.own_only``, ``count.owner_clause``). A linked count's
``rule`` is its own rule id, ``+``, the link's. A count written for a list of models
(``Llama and Qwen models ranging from 1B to 8B``) is linked to none (``_for_a_list``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import regex
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..data_files import read_json
from ..normalize.numbers import MAGNITUDE_WORDS, NUMBER_WORDS, parse_count, parse_integer
from ..normalize.sizes import model_size
from ..trie import Gated, Merged, alternation, any_word, compile_names, fast_compile, has_digit
from . import Component, Mentions, attrs, name_key, read_facts, require_paperfacts, text_of, write_facts
from .sentences import sentence_of


def cues() -> dict:
    return read_json("quantity_cues.json")


_DIGIT_MAGNITUDE = re.compile(r"\d(?:[KkMmBbTt]|\s[KMBT](?![A-Za-z]))")
# twice as fast as \d, the same on ASCII text; the regex engine scans a class three times faster
_ASCII_DIGIT_MAGNITUDE = fast_compile(r"[0-9](?:[KkMmBbTt]|\s[KMBT](?![A-Za-z]))", engine="regex")
_MAGNITUDE_WORD = re.compile(MAGNITUDE_WORDS)
_last_gate: tuple[str | None, bool] = (None, False)


def may_have_count(text: str) -> bool:
    """What every count contains: a digit before a magnitude letter (``7B``, ``10.5 M``) or a
    magnitude word (``billion``). Two fast searches instead of one slow one; the
    full case-insensitive search only for non-ASCII text, whose case folding
    ``str.lower`` may not mirror. The answer for the last text is remembered: the
    two count patterns ask in turn."""
    global _last_gate
    if _last_gate[0] is text:
        return _last_gate[1]
    ascii_text = text.isascii()
    if has_digit(text) and (_ASCII_DIGIT_MAGNITUDE if ascii_text else _DIGIT_MAGNITUDE).search(text):
        answer = True
    else:
        lowered = text.lower()
        answer = "illion" in lowered or "thousand" in lowered or (not ascii_text and _MAGNITUDE_WORD.search(text) is not None)
    _last_gate = (text, answer)
    return answer


@lru_cache(maxsize=1)
def patterns() -> dict[str, regex.Pattern]:
    c = cues()
    words = alternation(w for w in NUMBER_WORDS if " " not in w and w != "a")
    # a number word takes a magnitude word only ("ten billion"; "tent" is no count)
    # a number in digits, split after its first digit so that the engine skips ahead to
    # digits (a pattern that opens with a look-behind is tried at every position):
    # "\d(?<![...]\d)" is "(?<![...])\d", "\d{0,2}(?:,\d{3})+" the rest of "\d{1,3}(?:,\d{3})+"
    # a number glued to a hyphen is a size fused into a name ("GLM-130B"), unless a number
    # stands before the hyphen ("7-12B": a range, read by _groups); after a LaTeX relation
    # it is a number ("$\sim$11.1M", "${\sim}$21.7M", "$<$1M", "$\leq$2B")
    latex = "|".join(rf"(?<={r}\$\d)" for r in (r"\\sim", r"\\approx", r"\{\\sim\}", r"[<>]", r"\\[lg]e", r"\\[lg]eq"))
    digits = (rf"\d(?:(?<![\w.\-/\\^_$]\d)|(?<=\d-\d)|(?<=\d--\d)|{latex})"
              r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)")
    number_word = rf"(?<![\w.\-/\\^_$])(?i:{words})(?=[\s\-]{MAGNITUDE_WORDS})"
    # a capital magnitude letter may stand apart ("10.5 M parameters"): such a count needs its unit
    mag = rf"(?:(?P<letter>[KkMmBbTt])|\s(?P<spaced>[KMBT])|[\s\-](?P<word>{MAGNITUDE_WORDS}))"
    word = rf"(?!(?:{alternation(c['skip_words'])})\b)[A-Za-z][\w\-]*"
    # up to two words between a count and its unit; a pair of names joined by "and"
    # is one ("two trillion Chinese and English tokens"); "of" after a magnitude word
    # ("2.5 trillion of tokens", "ten trillions of tokens")
    filler = rf"(?:of\s+)?(?:(?:(?-i:[A-Z])[\w\-]*\s+(?:and|or|&)\s+{word}|{word})\s+){{0,2}}?"
    qualifier = r"(?:up\s+to|over|more\s+than|about|around|nearly|approximately|roughly|almost|~)"
    return {
        # a number and its magnitude: "7B", "1,200 billion", "ten trillion" (a number word
        # is tried only near a magnitude word)
        "count": Merged(
            Gated(fast_compile(rf"(?P<num>{digits}){mag}(?![A-Za-z0-9]|\.\d)"), gate=may_have_count),
            Gated(fast_compile(rf"(?P<num>{number_word}){mag}(?![A-Za-z0-9]|\.\d)"),
                  ["thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "trillions"],
                  gate=may_have_count, window=(40, 20)),
        ),
        "joiner": fast_compile(rf"\s*(?:,\s*(?:and|or)?|and|or|to|~|-|\u2013|/|&|\\sim|sim)\s*(?:{qualifier}\s*)?", re.IGNORECASE),
        # "7 billion (7B)": the same count again in brackets
        # the next size of "1B-8B", "1B/3B/8B" (a size after a hyphen is otherwise fused: "GLM-130B")
        "next_size": fast_compile(r"(?:--?|[/\u2013])(?P<num>\d+(?:\.\d+)?)(?P<letter>[KkMmBbTt])(?![A-Za-z0-9]|\.\d)"),
        # a bare number that shares the magnitude of the count after it: "7-12B", "2--4B",
        # "0.5-3.7 billion" (searched up to the count's start)
        "range_lead": fast_compile(r"(?<![\w.\-/\\^_$])(?P<num>\d+(?:\.\d+)?)\s?(?:--?|\u2013|~)\s?$"),
        # the capitalised word of a name before a version, after a space or LaTeX's "~":
        # "Llama 3-8B", "Qwen~2--7B", "Llama~3.3~70B" are no ranges
        "name_before": fast_compile(r"(?<![\w.\-])[A-Z][\w.\-]*[\s~]+$"),
        # a number that shares the magnitude word of the count after it: "from 1 to 27 billion parameters"
        "shared_lead": fast_compile(r"\b(?:from|between)\s+(?P<num>\d+(?:\.\d+)?)\s*(?:to|and|-|\u2013)\s*$"),
        "echo_open": fast_compile(r"\s*\(\s*"),
        "echo_close": fast_compile(r"\s*\)"),
        # a whole number of parameters, no magnitude: "564,103-parameter", "200 trainable parameters"
        # (run only just before each "param": see _plain)
        "plain": fast_compile(
            r"(?<![\w.,\-/\\^_$+])(?P<num>\d{1,3}(?:,\d{3})+|[1-9]\d{2,13})"
            r"(?P<unit>[\s\-]+(?:(?:trainable|learnable|tunable)\s+)?(?:parameters?|params)\b)"
        ),
        # sizes in brackets after a model noun or name: "language models (1B/3B/8B)"
        # a bound may open the bracket: "a teacher model (>100M)", "(~7B)", "($\\leq$ 1B)"
        "paren_open": fast_compile(rf"\s*\(\s*{_BOUND}$"),
        "paren_noun": fast_compile(rf"\b(?:{alternation(c['model_nouns'] + c['family_nouns'])})\s*\(\s*{_BOUND}$"),
        # "at 70B," "Gemma-2 at 2B and 9B", "at 8B, 62B, and 540B scale"
        "at_size": fast_compile(r"\bat\s+(?:both\s+)?$"),
        "at_size_after": fast_compile(r"\s*(?:[,;)]|\.(?!\d)|$)|\s+(?:scales?|sizes?|and|where|while|with|on|in)\b"),
        # not "Parameter-Efficient", "parameter-free"
        "param_unit": fast_compile(rf"[\s\-]*{filler}(?:parameters?|params?)\b(?![\-\u2010][A-Za-z])", re.IGNORECASE),
        "token_unit": fast_compile(rf"[\s\-]*{filler}tokens?\b", re.IGNORECASE),
        "model_noun": fast_compile(rf"[\s\-]*(?:[A-Za-z][\w\-]*\s+){{0,3}}?(?:{alternation(c['model_nouns'])})\b"),
        # what a number counts, when a plural noun names it: "7M training samples", "20M QA pairs"
        "counted": fast_compile(r"[}$]*\s+((?:[A-Za-z][\w\-]*\s+){0,2}[A-Za-z][\w\-]*[A-Za-z]s)\b(?![\-\w])"),
        "size_cue": fast_compile(rf"\b(?:{alternation(c['size_cues'])})\b[^.;:\d]{{0,30}}$", re.IGNORECASE),
        "context": any_word(c["context_words"]),
        # a whole word, not the first part of a compound ("long-form videos", "short-term")
        "context_sentence": fast_compile(rf"\b(?:{alternation(c['context_sentence_words'])})\b(?!-)", re.IGNORECASE),
        "data": any_word(c["data_words"]),
        "retrieval": any_word(c["retrieval_words"]),
    }


#: Plural nouns after a bare size that do not say it counts something else.
_NOT_COUNTED = frozenset({"parameters", "params", "weights"} | {n.casefold() for n in cues()["model_nouns"]})
_SIZES_ONLY = regex.compile(r"[\d.,\s\-\u2013/~xX]*\d[\d.,\s\-\u2013/~KkMmBbTt]*(?:[\s\-]*(?i:parameters?|params?))?")
_MODIFIER = regex.compile(r"-(?:based|like|style|type|sized|inspired|derived|initialized|generated|distilled|architecture|family)\b")


class _Num(NamedTuple):
    """One count of a list: where it is, its value, and its magnitude letter (``B``) if any."""

    start: int
    end: int
    value: int
    letter: str | None


#: A token amount at most this large, in a sentence that speaks of context, is a context length.
_MAX_CONTEXT = 10_000_000


class QuantityExtractor(Component):
    """Finds parameter and token counts; writes their span groups."""

    def __init__(self, nlp: Language, name: str = "paperfacts_quantities"):
        self.name = name
        self.patterns = patterns()

    def match(self, doc: Doc) -> list[dict]:
        text, p = text_of(doc), self.patterns
        groups = self._groups(text)
        plain = self._plain(text)
        if not groups and not plain:
            return []
        # a "name" that is only sizes ("1B-8B") owns nothing; nor does one that only
        # modifies the noun after it ("a 0.2B BERT-based model"); the links of counts are read
        # from where a rule read the name, not from its repeats (models.py, ``_other_mentions``)
        models = Mentions([m for m in read_facts(doc, "model") if not _SIZES_ONLY.fullmatch(m["name"])
                           and not _MODIFIER.match(text, m["end"]) and not m.get("repeat")])
        out: list[dict] = []
        param_groups: list[list[dict]] = []
        for group in groups:
            last = group[-1]
            tail = text[last.end : last.end + 80]
            unit = p["param_unit"].match(tail)
            token = p["token_unit"].match(tail)
            if token and not (unit and unit.end() < token.end()):
                if self._is_context_length(doc, group, last.end + token.end()):
                    continue
                out.extend(self._items(text, group, "token_count", "token_count.unit", token.end(), models=None))
            elif unit:
                param_groups.append(self._items(text, group, "parameter_count", "parameter_count.unit", unit.end(), models))
                out.extend(param_groups[-1])
            else:
                rule = self._bare_rule(doc, group, models)
                if rule:
                    param_groups.append(self._items(text, group, "parameter_count", rule, 0, models))
                    out.extend(param_groups[-1])
        for m in plain:
            value = parse_integer(m["num"])
            if value is not None:
                group = [_Num(m.start(), m.end("num"), value, None)]
                param_groups.append(self._items(text, group, "parameter_count", "parameter_count.plain", len(m["unit"]), models))
                out.extend(param_groups[-1])
        if models.facts and any(i["model"] is None for g in param_groups for i in g):
            _Linker(doc, models).link(param_groups)
        for item in out:
            link = item.pop("link", None)
            if item["model"] and link:
                item["rule"] = f"{item['rule']}+{link}"
        return out

    def _plain(self, text: str) -> list[re.Match]:
        """Whole numbers of parameters: the pattern runs only in the few characters before
        each ``param`` (a str.find), not over the whole text."""
        out: list = []
        at = text.find("param")
        while at >= 0:
            m = self.patterns["plain"].search(text, max(0, at - 40), at + 12)
            if m and (not out or m.start() >= out[-1].end()):
                out.append(m)
            at = text.find("param", at + 5)
        return out

    def _groups(self, text: str) -> list[list[_Num]]:
        p = self.patterns
        groups: list[list[_Num]] = []
        for m in p["count"].finditer(text):
            # a spaced letter ("10.5 M") is read with its number here, where the unit after it is
            # asked for (parse_count takes no spaced letter alone), and it is no letter to the bare rules
            value = parse_count(m["num"] + m["spaced"] if m["spaced"] else m.group())
            if value is None:
                continue
            nums = [_Num(m.start(), m.end(), value, m["letter"])]
            lead = self._range_lead(text, m, value)
            if lead is not None:
                nums.insert(0, lead)  # "7-12B", "0.5-3.7 billion"
            elif m.start() and text[m.start() - 1] == "-":
                continue  # a size fused into a name after a version: "Llama-2-7B", "Qwen2.5-7B"
            elif m["word"] and (shared := p["shared_lead"].search(text, max(0, m.start() - 30), m.start())):
                if (first := parse_count(f"{shared['num']} {m['word']}")) and first < value:
                    nums.insert(0, _Num(shared.start("num"), shared.end("num"), first, None))  # "from 1 to 27 billion"
            while nxt := p["next_size"].match(text, nums[-1].end):
                nums.append(_Num(nxt.start("num"), nxt.end(), parse_count(nxt["num"] + nxt["letter"]), nxt["letter"]))
            if len(nums) > 1:  # "1B-8B", "1B/3B/8B", "from 1 to 27 billion": a list of its own
                groups.append(nums)
                continue
            num = nums[0]
            if groups:
                prev = groups[-1][-1]
                close = p["echo_close"].match(text, num.end)
                if close and value == prev.value and p["echo_open"].fullmatch(text, prev.end, num.start):
                    groups[-1][-1] = prev._replace(end=close.end())  # "7 billion (7B)" is one count
                    continue
                if p["joiner"].fullmatch(text, prev.end, num.start):
                    groups[-1].append(num)
                    continue
            groups.append([num])
        return groups

    def _range_lead(self, text: str, m: re.Match, value: int) -> _Num | None:
        """The first number of a range that shares the magnitude of the count ``m`` after it
        (``7-12B``, ``2--4B``, ``3~5M``, ``0.5-3.7 billion``): a bare number, smaller than the
        count, not the version of a name before it (``Llama 3-8B``)."""
        p = self.patterns
        lead = p["range_lead"].search(text, max(0, m.start() - 24), m.start())
        if lead is None or p["name_before"].search(text, max(0, lead.start() - 40), lead.start()):
            return None
        magnitude = m["letter"] or m["spaced"] or " " + m["word"]
        first = parse_count(lead["num"] + magnitude)
        if first is None or first >= value:
            return None
        return _Num(lead.start("num"), lead.end("num"), first, m["letter"])

    def _is_context_length(self, doc: Doc, group: list[_Num], end: int) -> bool:
        """A context length (``a context window of 32K tokens``, ``8K tokens context``; a small
        amount in a sentence about context: ``first trained on 8k tokens, then extended to
        64k tokens``) or a retrieval store (``a retrieval database of 2 trillion tokens``)."""
        text, p, start = text_of(doc), self.patterns, group[0].start
        s, e = sentence_of(doc, start)
        before = text[max(s, start - 40) : start]
        if p["context"].search(before) or p["context"].match(text[end : end + 25].lstrip(" -")):
            return True
        if p["retrieval"].search(text, max(s, start - 60), start):
            return True
        if max(n.value for n in group) > _MAX_CONTEXT or p["data"].search(before):
            return False
        return p["context_sentence"].search(text, s, e) is not None

    def _counts_a_noun(self, text: str, end: int) -> bool:
        """Whether the plural noun after a bare size says what it counts, other than
        parameters or models (``at scales up to 7M training samples``, ``a large-scale
        dataset of 20M QA pairs``): words with no function word among them."""
        m = self.patterns["counted"].match(text, end)
        if m is None:
            return False
        words = m[1].split()
        return not any(w.casefold() in STOP_WORDS for w in words) and words[-1].casefold() not in _NOT_COUNTED

    def _bare_rule(self, doc: Doc, group: list[_Num], models: Mentions) -> str | None:
        text, p = text_of(doc), self.patterns
        first, last = group[0], group[-1]
        if not all(n.letter and n.letter in "BbMm" for n in group):
            return None
        if p["model_noun"].match(text, last.end):
            return "parameter_count.model_noun"
        if _model_at(models, first.start, last.end, text, loose=False)[0] is not None:
            return "parameter_count.model_name"
        if len(group) > 1 and _model_at(models, first.start, first.end, text, loose=False)[1] == "count.in_name":
            return "parameter_count.model_name"  # "LLaMA 7B, 13B and 65B": the list goes on from a name's size
        s, _ = sentence_of(doc, first.start)
        lo = max(s, first.start - 45)
        if p["echo_close"].match(text, last.end) and p["paren_open"].search(text, lo, first.start):
            # "language models (1B/3B/8B)", "Gemma 3 (270M, 1B, 4B)"
            if p["paren_noun"].search(text, lo, first.start) or _model_before(models, text, first.start):
                return "parameter_count.model_paren"
        if (any(n.letter in "Bb" for n in group) and p["at_size"].search(text, lo, first.start)
                and p["at_size_after"].match(text, last.end)):
            return "parameter_count.at_size"
        before = text[lo : first.start].replace("e.g.", "eg").replace("i.e.", "ie")
        if p["size_cue"].search(before) and not self._counts_a_noun(text, last.end):
            return "parameter_count.size_cue"
        return None

    def _items(self, text, group, kind, rule, unit_len, models) -> list[dict]:
        items = []
        for i, n in enumerate(group):
            end = n.end + (unit_len if i == len(group) - 1 else 0)
            model, link = _model_at(models, n.start, end, text, value=n.value) if models is not None else (None, None)
            items.append({"start": n.start, "end": end, "text": text[n.start : end], "value": n.value,
                          "model": model, "kind": kind, "rule": rule, "link": link})
        first = items[0]
        if models is not None and first["model"] and _for_a_list(models, text, first, len(items) > 1):
            for item in items:  # and no later rule links it
                if item["link"] == first["link"] and item["model"] == first["model"]:
                    item["model"], item["link"] = None, _FOR_A_LIST
            return items
        # a list shares the owner of its first member: "Foo models with 1B, 3B and 8B
        # parameters", "Gemma 3 (270M, 1B, 4B)" (not "UL2 20B and 175B GPT-3")
        if models is not None and len(items) > 1 and first["model"] and (
            first["link"] in ("count.has", "count.appositive")
            or (first["link"] == "count.beside_name" and first["model"] == _model_before_name(models, text, first["start"]))
        ):
            size = model_size(first["model"])
            for item in items[1:]:
                if item["model"] is None and size in (None, item["value"]):
                    item["model"], item["link"] = first["model"], first["link"]
        return items

    def set_annotations(self, doc: Doc, items: list[dict]) -> None:
        for kind in ("parameter_count", "token_count"):
            write_facts(doc, kind, [i for i in items if i["kind"] == kind])


#: Between two members of a list of names: ``A, B``, ``A and B``, ``A, and B``; after a
#: name's unread suffix too (``Llama3-inst, Llama3-base``).
_LIST_GAP = regex.compile(r"(?:-[\w.]+)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)")
#: The link of a count written for a list of models (``_for_a_list``): no model, and no rule links one.
_FOR_A_LIST = "count.for_a_list"


def _for_a_list(index: Mentions, text: str, item: dict, several: bool) -> bool:
    """Whether the model ``_model_at`` gave a count is one member of a list of models that the
    count is written for, so that no one of them owns it: ``Llama and Qwen models ranging from
    1B to 8B``, ``Gemma 3, Qwen 3 and Llama 3.1 (270M to 27B)``, ``70B Llama3-inst,
    Llama3-base models``; not ``LLaMA-2 7B and 13B``, ``GPT-4 and Llama 2 70B`` (a size in a
    name) or ``GPT-4 and OPT (175B)`` (one size in the bracket of the last)."""
    start, end, link = item["start"], item["end"], item["link"]
    if link == "count.has" or (link == "count.beside_name" and several and _model_before(index, text, start)):
        owner = next((m for m in reversed(index.starting_in(start - 100, start)) if m["end"] <= start), None)
        if owner is None or owner["name"] != item["model"]:
            return False
        other = next((o for o in index.starting_in(owner["start"] - 60, owner["start"])
                      if o["end"] <= owner["start"] and _LIST_GAP.fullmatch(text, o["end"], owner["start"])), None)
    elif link == "count.beside_name":
        owner = next((m for m in index.starting_in(end, end + 20) if m["start"] >= end), None)
        if owner is None or owner["name"] != item["model"]:
            return False
        other = next((o for o in index.starting_in(owner["end"], owner["end"] + 8)
                      if _LIST_GAP.fullmatch(text, owner["end"], o["start"])), None)
    else:
        return False
    # the other member has a size of its own: each has its own ("Llama-2-7B-Chat and Qwen2.5-Instruct (1.5B and 3B)")
    return other is not None and model_size(other["name"]) is None and not _model_before(index, text, other["end"] + 2) \
        and not text.startswith(" (", other["end"])


def _model_before_name(index: Mentions, text: str, start: int) -> str | None:
    m = _model_before(index, text, start)
    return m["name"] if m else None


def _model_before(index: Mentions, text: str, start: int) -> dict | None:
    """The model named right before an opening bracket at ``start`` (``Gemma 3 (``)."""
    for m in reversed(index.starting_in(start - 100, start)):
        if m["end"] <= start and regex.fullmatch(r"\s*\(\s*", text[m["end"] : start]):
            return m
    return None


def _model_at(index: Mentions, start: int, end: int, text: str, *, loose: bool = True,
              value: int | None = None) -> tuple[str | None, str | None]:
    """The model a count at [start, end) belongs to when the text puts them side by side,
    and the id of the rule that says so (``count.in_name``, ``count.beside_name``,
    ``count.appositive``, ``count.has``).

    Inside a name (``LLaMA 7B``); right after one (``UL2 20B``, ``Pythia (1.3B)``);
    right before one (``175B GPT-3``, ``175B parameters for GPT-3``), or before one that
    a bracket names again with the size (``a 10B-parameter ViT (ViT-10B)``); an
    appositive (``CT-LLM, a 2B large language model``, ``olmOCR-2-7B, a specialized,
    7B vision language model``, ``LLaVA-3D (a 7B parameter 3D-LMM)``); and, with
    ``loose``, a model that has the size (``the GPT-3 model with 175 billion
    parameters``, ``Hala models at 350M, 700M and 1.2B parameters``, ``Bar 2B is a
    2 billion parameter model``).
    """
    models = index.starting_in(start - 100, end + 20)
    for m in models:
        if m["start"] <= start and end <= m["end"]:
            return m["name"], "count.in_name"
    for m in models:
        if m["end"] <= start and regex.fullmatch(r"[\s(]{1,2}", text[m["end"] : start]):
            return m["name"], "count.beside_name"
        if end <= m["start"] and regex.fullmatch(r"\s+(?:(?:for|of)\s+)?", text[end : m["start"]]):
            again = next((n for n in index.starting_in(m["end"], m["end"] + 5)
                          if regex.fullmatch(r"\s*\(\s*", text[m["end"] : n["start"]]) and model_size(n["name"]) == value), None)
            return (again or m)["name"], "count.beside_name"
        if m["end"] <= start and _APPOSITIVE.fullmatch(text, m["end"], start):
            return m["name"], "count.appositive"
    # "the GPT-3 model with 175 billion parameters", "PanGu-alpha, with up to 200 billion parameters"
    before = [m for m in models if m["end"] <= start and start - m["end"] <= 60]
    if loose and before:
        m = before[-1]
        if _HAS_SIZE.fullmatch(text, m["end"], start):
            # "TikZilla, a family of small open-source Qwen models (3B and 8B)": the family's
            owner = next((o for o in reversed(index.starting_in(m["start"] - 100, m["start"]))
                          if o["end"] <= m["start"] and _FAMILY_OF.fullmatch(text, o["end"], m["start"])), m)
            return owner["name"], "count.has"
    return None, None


#: Words that end an appositive description: it is then no longer about the name before it.
_NOT_APPOSITIVE = r"(?:that|which|who|than|but|while|whereas|for|to|on|in|from|by|over|into|against|via|using|and|or|with|as|like|such)"
_APPOSITIVE = regex.compile(
    rf"\s*\)?\s*[,(]\s*(?:a|an|the)\s+(?:(?!{_NOT_APPOSITIVE}\b)[a-z][\w\-]*,?\s+){{0,3}}?"
)

_FAMILY_OF = regex.compile(
    r",\s+(?:a|an|the)\s+(?:new\s+)?(?:family|series|suite|collection|set)\s+of\s+(?:[\w\-]+\s+){0,4}?"
)

_HAS_SIZE = regex.compile(
    r"(?:\s+(?:models?|LLMs?|LMs?|family|families|series|variants?|versions?|architectures?|checkpoints?))?\s*,?\s*"
    r"(?:(?:(?:which|that)\s+)?(?:has|have|had|with|contains?|comprises?|of|at|is|uses|using|up\s+to"
    r"|ranging\s+(?:in\s+size\s+)?from|in\s+sizes?\s+of|scaled?\s+(?:up\s+)?to)\s+"
    r"|(?:is|was)\s+(?:a|an)\s+(?:[a-z][\w\-]*\s+){0,2}?)"
    # "Qwen3 models (4B-32B)"
    r"|\s+(?:models|LLMs|LMs|family|families|series|variants|versions|suite|architectures|checkpoints)\s*\(\s*(?:~\s*)?"
    r"(?:(?:only|just|about|around|roughly|approximately|nearly|over|more\s+than|up\s+to|a\s+total\s+of)\s+)*"
)


#: A bound before a number in a bracket: ``>``, ``<``, ``~``, ``$\\leq$``.
_BOUND = r"(?:(?:[<>~\u2264\u2265\u2248]=?|\$?\\(?:sim|approx|leq|geq|le|ge|lt|gt)\$?)\s*)?"


_QUALIFIERS = r"(?:(?:only|just|about|around|roughly|approximately|nearly|over|more\s+than|less\s+than|fewer\s+than|up\s+to|a\s+total\s+of)\s+)*"


@lru_cache(maxsize=1)
def link_patterns() -> dict[str, regex.Pattern]:
    """Patterns of the link rules in :class:`_Linker` (the cue words are in ``quantity_cues.json``)."""
    c = cues()
    nouns = alternation(c["model_nouns"] + ["family", "families", "series", "suite", "collection"])
    other_nouns = alternation([n for n in c["model_nouns"] if n not in ("version", "versions", "variant", "variants")]
                              + ["family", "families", "series", "suite", "collection"])
    singular = alternation(n for n in c["model_nouns"] if not n.endswith("s"))
    roles = alternation(c["role_words"])
    own_nouns = alternation([n for n in c["model_nouns"] if n not in c["role_words"]] + ["family", "series"])
    has = r"(?:(?:which|that)\s+(?:has|have|had|contains?|comprises?)|with|having|containing|comprising|of|ranging\s+(?:in\s+size\s+)?from)"
    return {
        # "the 2B-size Chinese Tiny LLM (CT-LLM)", "a 3B model known as OpenLLaMA"
        "named_np": fast_compile(rf"[\s\-]*(?:[A-Za-z][\w\-]*\s+){{0,3}}?(?:{singular})\b"),
        "naming": fast_compile(r"\s*\(\s*|,?\s+(?:known\s+as|named|called|dubbed|termed)\s+"),
        # "LLaMA, a family of foundation language models ranging from 7B to 65B parameters"
        "appositive": fast_compile(
            rf",?\s+(?:(?:is|was|are)\s+)?(?:a|an|the|our)\s+"
            rf"(?:(?!(?:that|which|who|than|but|while|whereas|for|to|on|in|from|by|over|into|against|via|using)\b)[\w\-.*/+]+\s+){{0,10}}?"
            rf"(?:{nouns})\s*(?:,?\s*{has}\s+|\(\s*){_QUALIFIERS}"
        ),
        # "our 7B model", "our largest 70B and 13B models"
        "our_before": fast_compile(rf"\b[Oo]ur\s+(?:(?!(?:{roles})\b)[\w\-]+\s+){{0,2}}$"),
        "own_np": fast_compile(rf"[\s\-]*(?:(?!(?:{roles})\b)[A-Za-z][\w\-]*\s+){{0,2}}?(?:{own_nouns})\b"),
        # "our model has 7B parameters", "by scaling our model up to 20B parameters"
        "our_has": fast_compile(
            rf"\b[Oo]ur\s+(?:(?!(?:{roles})\b)[\w\-]+\s+){{0,2}}?(?:{own_nouns})(?:\s+(?:is|are|was|were))?\s*,?\s*"
            rf"(?:{has}|has|have|had|at|up\s+to|ranges?\s+from|scales?\s+(?:up\s+)?to|scaled\s+(?:up\s+)?to)\s+{_QUALIFIERS}$"
            rf"|\bscal(?:e|es|ed|ing)\s+(?:up\s+)?[Oo]ur\s+(?:(?!(?:{roles})\b)[\w\-]+\s+){{0,2}}?(?:{own_nouns})\s+(?:up\s+)?to\s+$"
        ),
        # the title's "X:" and "we present X", "named X", "our X", "the proposed X"
        "title": fast_compile(r"\s*(?P<name>[^:\n]{1,60}?)\s*:"),
        "own_cue": fast_compile(
            r"(?:(?:\b[Ww]e\s+(?:[a-z]+\s+(?:and|&)\s+)?(?:introduce|present|propose|release|develop|build|open-source|unveil)"
            r"|\b[Ii]ntroducing|\b(?:[Tt]his|[Oo]ur)\s+(?:paper|work|report|study)\s+(?:introduces|presents|proposes|releases|describes)"
            r"|\b(?:named|called|dubbed|termed)|\bthe\s+proposed)\s+(?:(?:the|a|an|our)\s+)?(?:(?:new|novel|first)\s+)?"
            r"|\b[Oo]ur\s+(?:[a-z][\w\-]*\s+)?)$"
        ),
        # what keeps a count off the only model of its sentence
        # (not the versions or variants a model comes in: "X is available in two versions, with 0.5B and 8B parameters")
        "noun_has": fast_compile(rf"\b(?:{other_nouns})\s*,?\s*(?:{has}|[a-z]+)\s+{_QUALIFIERS}$"),
        "qualifiers": fast_compile(rf"{_QUALIFIERS}$"),
        "comparison": any_word(c["comparison_words"]),
        "added": any_word(c["added_words"]),
        "per_part": fast_compile(r"\s*(?:each|apiece|per)\b", re.IGNORECASE),
        # "the model with 10 billion parameters", "the pretrained model's 87.2M parameters"
        "the_model": fast_compile(
            rf"\b(?:[Tt]he|[Tt]his)\s+(?:(?!(?:{roles})\b)[a-z][\w\-]*\s+)?(?:model|network)(?:'s|\s+(?:with|has|contains|of))\s+"
            rf"(?:[a-z]+\s+){{0,2}}?{_QUALIFIERS}$"
        ),
        # a phrase before the subject: "With only 1.3B parameters, X ...", "Across scales from 135M to 1.7B parameters, X ..."
        "fronted": fast_compile(
            r"(?:(?:For\s+(?:example|instance)|Notably|Remarkably|In\s+particular|Moreover|Furthermore|Specifically|Importantly)\s*,\s*)?"
            r"(?:[Ww]ith|[Aa]t|[Aa]cross|[Uu]sing|[Hh]aving|[Bb]y\s+\w+ing)\b[^,;:]*"
        ),
        "fronted_end": fast_compile(r"[^,;:()]{0,40}?,\s*(?:(?:the|our)\s+)?"),
        # "we train only 4.5 million parameters": what a method trains or adds, not a model's size
        "trained_only": fast_compile(
            r"\b(?:train|trains|training|trained|update|updates|updating|updated|tune|tunes|tuning|tuned|fine-tun\w*"
            r"|optimi[sz]\w*|add|adds|adding|added|introduc\w*|freez\w*)\s+(?:only\s+|just\s+)?(?:about\s+|around\s+|~\s*)?$"
        ),
        "name_after": fast_compile(r"[\s\-]+(?:[A-Z][a-z]*[A-Z0-9]|[A-Z][\w.]*-[\w.\-]*\d)"),
        "paren_before": fast_compile(r"\([^()]{0,15}$"),
        # but sizes in brackets after a word for sizes are the sizes of the clause's model: "a spectrum of model sizes (0.6B, 4B, 8B)"
        "sizes_paren": fast_compile(r"\b(?:sizes|scales|variants|versions|configurations)\s*\([^()]{0,15}$"),
        # a variant of the name that is not read as a model of its own: "SLNet-S", "GTF-Tiny"
        "variant_after": fast_compile(r"[\-\u2010][A-Za-z0-9]|\s+(?:Lite|Tiny|Nano|Mini|Small|Base|Large|XL|S|M|L)\b"),
        # where a clause ends: the owner of a count is looked for between two of these
        "clause_break": fast_compile(
            r";|:\s|\s(?:while|whereas|although|though|whereby|but|that|which|who)\s|,\s*(?:and|but|which|where|then|yet|so)\s"
        ),
    }


#: Longer "sentences" (text with no sentence break) are not read for their only model.
_MAX_SENTENCE = 2000


class _Linker:
    """Links the parameter counts that no model stands beside, reading the sentence around them.

    Rules, tried in order on each list of counts (its members share the link):

    * named noun phrase: the model noun the size describes is named right after it
      (``the 2B-size Chinese Tiny LLM (CT-LLM)``, ``a 3B model known as OpenLLaMA``);
    * appositive description: ``LLaMA, a family of foundation language models
      ranging from 7B to 65B parameters``, ``X-7B, a model with 7 billion parameters``;
    * ``our model`` is the paper's own model (``By scaling our model up to 20B
      parameters``, ``our 7B model``), when the paper has one;
    * ``the model`` is the only model of the sentence, or the paper's own when the
      sentence names none (``training 1% of the model's 87.2M parameters``);
    * the paper's own model, when it is the only model named in the sentence
      (``UL2 20B also works well ... at a scale of 20B parameters``); not when the
      count is on a model noun of its own (``models with 70B parameters``, ``a
      70B-parameter teacher``), the sentence compares (``outperforms``, ``than``),
      the count is per part (``16 billion parameters each``) or counts what a
      method adds or trains (``2M trainable parameters``), nor for a bare size
      (``a 16B model``);
    * any model, when it is the only one named in the count's clause, on the same
      conditions, or the subject after a fronted phrase (``With only 1.3B
      parameters, X runs on a phone``); not for sizes in brackets after a noun that
      is not a model (``TinyHAR (55K parameters)``) or right before an unread name.

    The paper's own models are the model its title names before a colon
    (``UL2: ...``) and those the text introduces (``we present X``, ``named X``,
    ``our X``, ``the proposed X``), with their sized variants (``UL2 20B``). ``a 1.6B
    language model``, and ``our 1.3B model`` in a paper with no model of its own,
    stay unlinked. A size in the model's name other than the count's blocks the link.
    """

    def __init__(self, doc: Doc, models: Mentions):
        self.doc, self.text, self.models = doc, text_of(doc), models
        self.p = link_patterns()
        self._own: tuple[str | None, list[str]] | None = None
        self._names: re.Pattern | None = None

    def link(self, groups: list[list[dict]]) -> None:
        for items in groups:
            if all(i["model"] for i in items) or any(i["link"] == _FOR_A_LIST for i in items):
                continue
            for rule, find in self.rules:
                name = find(self, items)
                if name:
                    break
            if name:
                size = model_size(name)
                for item in items:
                    if item["model"] is None and size in (None, item["value"]):
                        item["model"], item["link"] = name, rule

    def _mention_at(self, pos: int) -> dict | None:
        return next(iter(self.models.starting_in(pos, pos + 1)), None)

    def _the_model(self, items: list[dict]) -> str | None:
        """``the model`` before the count is the only model of the sentence, or the paper's
        own model when the sentence names none (``We trained the model with 10 billion
        parameters``, ``training 1% of the model's 87.2M parameters``)."""
        start = items[0]["start"]
        s, e = sentence_of(self.doc, start)
        if e - s > _MAX_SENTENCE or not self.p["the_model"].search(self.text, max(s, start - 60), start):
            return None
        found = self._sentence_models(s, e)
        if len(found) == 1:
            (m,) = found.values()
            return m["name"]
        return self.own()[0] if not found else None

    def _owner_clause(self, items: list[dict]) -> str | None:
        """The one model named in the count's clause, when nothing in the clause compares,
        distributes or attaches the count elsewhere (``We train Foo models with 1B and 8B
        parameters``, ``Baz comes in 9B and 40B``); a phrase put before the subject is
        the subject's (``With only 1.3B parameters, Zorblax runs on a phone``)."""
        first, last = items[0], items[-1]
        if first["rule"] in ("parameter_count.model_noun", "parameter_count.plain"):
            return None
        text, start, end = self.text, first["start"], last["end"]
        s, e = sentence_of(self.doc, start)
        if e - s > _MAX_SENTENCE or self._elsewhere(items, s):
            return None
        if self.p["fronted"].fullmatch(text, s, start):
            comma = self.p["fronted_end"].match(text, end)
            m = comma and (self._mention_at(comma.end()) or self.names().match(text, comma.end()))
            if m:
                return m["name"] if isinstance(m, dict) else m.group()
        if (self.p["paren_before"].search(text, max(s, start - 30), start) and _model_before(self.models, text, start) is None
                and not self.p["sizes_paren"].search(text, max(s, start - 30), start)):
            return None  # "TinyHAR (55K parameters)", "six LLMs (0.5B-9B parameters)": the bracket's noun has it
        if self.p["name_after"].match(text, end):
            return None  # "the 229B-parameter MiniMax-M2.7": the name after the count has it
        cs = max((b.end() for b in self.p["clause_break"].finditer(text, s, start)), default=s)
        b = self.p["clause_break"].search(text, end, e)
        ce = b.start() if b else e
        found = self._sentence_models(cs, ce)
        if len(found) != 1:
            return None
        (m,) = found.values()
        q = self.p["qualifiers"].search(text, cs, start)
        between = text[cs : q.start() if q else start] + " " + (text[end : m["start"]] if m["start"] >= end else "")
        return None if self._compares(between) or self._is_unread_variant(cs, ce, m["name"]) else m["name"]

    def _compares(self, between: str) -> bool:
        """The words between the count and its model compare them (``outperforms``, ``than``,
        ``70% of``)."""
        return "%" in between or self.p["comparison"].search(between) is not None

    def _is_unread_variant(self, s: int, e: int, name: str) -> bool:
        """``name`` is written in text[s:e] only as part of a variant not read as a model
        (``SLNet-S with 0.14M parameters`` when only ``SLNet`` is a model)."""
        spans = [(m.start(), m.end()) for m in self.names().finditer(self.text, s, e) if name_key(m.group()) == name_key(name)]
        return bool(spans) and all(self.p["variant_after"].match(self.text, end) for _, end in spans)

    def _elsewhere(self, items: list[dict], s: int) -> bool:
        """The count is a part's or an addition's (``16 billion parameters each``, ``2M
        trainable parameters``), or a model noun of its own has it (``models with 70B
        parameters``, ``a 70B-parameter teacher``)."""
        text, start, end = self.text, items[0]["start"], items[-1]["end"]
        return bool(self.p["added"].search(items[-1]["text"]) or self.p["per_part"].match(text, end)
                    or self.p["trained_only"].search(text, max(s, start - 40), start)
                    or self.p["noun_has"].search(text, max(s, start - 80), start) or patterns()["model_noun"].match(text, end))

    def _named_np(self, items: list[dict]) -> str | None:
        np = self.p["named_np"].match(self.text, items[-1]["end"])
        naming = np and self.p["naming"].match(self.text, np.end())
        m = naming and self._mention_at(naming.end())
        if not m or ("(" in naming.group() and not regex.match(r"\s*\)", self.text[m["end"] : m["end"] + 10])):
            return None
        return m["name"]

    def _appositive(self, items: list[dict]) -> str | None:
        start = items[0]["start"]
        s, _ = sentence_of(self.doc, start)
        before = [m for m in self.models.starting_in(max(s, start - 200), start) if m["end"] <= start]
        if before and self.p["appositive"].fullmatch(self.text, before[-1]["end"], start):
            return before[-1]["name"]
        return None

    def _our_model(self, items: list[dict]) -> str | None:
        primary, _ = self.own()
        if primary is None:
            return None
        start, end = items[0]["start"], items[-1]["end"]
        s = max(sentence_of(self.doc, start)[0], start - 200)
        our = self.p["our_before"].search(self.text, s, start)
        if not (our and self.p["own_np"].match(self.text, end)):
            our = self.p["our_has"].search(self.text, s, start)
        if not our:
            return None
        named = [m for m in self.models.starting_in(our.start(), start)  # "our ViTAE model", not "our LLaMA-based model"
                 if m["end"] <= start and self.text[m["end"] : m["end"] + 1].isspace()]
        return named[-1]["name"] if named else primary

    def _only_model(self, items: list[dict]) -> str | None:
        first, last = items[0], items[-1]
        if first["rule"] not in ("parameter_count.unit", "parameter_count.size_cue") or not self.own()[1]:
            return None
        text, start, end = self.text, first["start"], last["end"]
        s, e = sentence_of(self.doc, start)
        if e - s > _MAX_SENTENCE:
            return None
        if self._elsewhere(items, s):
            return None
        found = self._sentence_models(s, e)
        if len(found) != 1:
            return None
        (m,) = found.values()
        if not self._is_own(m["name"]):
            return None
        q = self.p["qualifiers"].search(text, s, start)
        between = text[s : q.start() if q else start] + " " + (text[end : m["start"]] if m["start"] >= end else "")
        return None if self._compares(between) or self._is_unread_variant(s, e, m["name"]) else m["name"]

    def _sentence_models(self, s: int, e: int) -> dict[str, dict]:
        """The distinct models named in text[s:e]: mentions, and other occurrences of their names."""
        mentions = self.models.starting_in(s, e)
        found: dict[str, dict] = {}
        for m in mentions:
            found.setdefault(name_key(m["name"]), m)
        for occ in self.names().finditer(self.text, s, e):
            if not any(m["start"] <= occ.start() < m["end"] for m in mentions):
                found.setdefault(name_key(occ.group()), {"name": occ.group(), "start": occ.start(), "end": occ.end()})
        return found

    def names(self) -> re.Pattern:
        if self._names is None:
            self._names = compile_names([m["name"] for m in self.models.facts])
        return self._names

    def own(self) -> tuple[str | None, list[str]]:
        """The paper's own model (``None`` when the text gives several or none) and its own model families."""
        if self._own is not None:
            return self._own
        text, names = self.text, []
        by_key = {}
        for m in self.models.facts:
            by_key.setdefault(name_key(m["name"]), m["name"])
            s, _ = sentence_of(self.doc, m["start"])
            if self.p["own_cue"].search(text, max(s, m["start"] - 100), m["start"]):
                names.append(m["name"])
        title_len = self.doc.user_data.get("paperfacts_title_len")
        t = self.p["title"].match(text, 0, title_len) if title_len else None
        title_model = by_key.get(name_key(t["name"])) if t else None
        families: list[str] = []
        for name in sorted(set(names + ([title_model] if title_model else [])), key=len):
            if not any(_variant(name, f) for f in families):
                families.append(name)
        self._own = (title_model or (families[0] if len(families) == 1 else None), families)
        return self._own

    def _is_own(self, name: str) -> bool:
        return any(_variant(name, f) for f in self.own()[1])


_Linker.rules = (
    ("count.named_np", _Linker._named_np),
    ("count.appositive", _Linker._appositive),
    ("count.our_model", _Linker._our_model),
    ("count.the_model", _Linker._the_model),
    ("count.own_only", _Linker._only_model),
    ("count.owner_clause", _Linker._owner_clause),
)


def _variant(name: str, family: str) -> bool:
    """``name`` is ``family`` or a sized or suffixed variant of it (``UL2 20B`` of ``UL2``)."""
    a, b = name.casefold(), family.casefold()
    return name_key(a) == name_key(b) or (a.startswith(b) and a[len(b)] in " -_~")


@Language.factory(
    "paperfacts_quantities",
    requires=attrs("model"),
    assigns=attrs("parameter_count", "token_count"),
)
def make_quantity_extractor(nlp: Language, name: str) -> QuantityExtractor:
    require_paperfacts(nlp)
    return QuantityExtractor(nlp, name=name)
