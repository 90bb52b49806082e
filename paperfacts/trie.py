"""A regex that matches any of many literal strings, compiled from their trie.

A trie-shaped pattern fails fast at each position (one character class per
level) instead of trying thousands of alternatives, and its greedy optional
branches prefer the longest name: ``ImageNet`` inside ``ImageNet-1K`` yields
``ImageNet-1K``.
"""

from __future__ import annotations

import heapq
from itertools import chain
from typing import Iterator

import re

from .literals import Literals


def fast_compile(pattern: str, flags: int = 0, *, engine: str = "re"):
    """The pattern compiled by the faster engine for it. ``re`` by default: on most
    of our patterns, and on the large literal tries, it is several times faster.
    ``engine="regex"`` for the patterns the ``regex`` module runs faster (it skips
    ahead on a leading look-behind, which ``re`` cannot), measured per pattern on
    the arXiv corpus; also the fallback for what ``re`` rejects (variable-length
    look-behind). Flags are ``re`` flags (``re.IGNORECASE``)."""
    if engine == "re":
        try:
            return re.compile(pattern, flags)
        except re.error:
            pass
    import regex

    return regex.compile(pattern, regex.IGNORECASE if flags & re.IGNORECASE else 0)


#: What ``Gated.finditer`` returns where a pattern cannot match: an iterator that is
#: exhausted, and so can be shared.
_NOTHING = iter(())


class Gated:
    """A compiled pattern behind a quick necessary condition, with the pattern's own
    methods otherwise.

    ``finditer`` over a text in which none of ``words`` occurs (a literal
    alternation that every match contains; compared ignoring case), or for which
    the ``gate`` function says False, returns nothing without running the pattern.
    With ``window=(before, after)`` (every match lies within ``before`` characters
    before one of the words and ``after`` characters after it, lookarounds
    included), the pattern runs only in those windows; each match found there is
    read again at its start in the whole text, and any difference falls back to a
    scan of the whole text, so windows never change a match. With
    ``starts=True`` (every match starts with one of the words: ``\\b(?:words)...``)
    the pattern is only tried where a word starts, which is exactly
    ``finditer``; compile such patterns with ``re``: the ``regex`` module's
    ``match`` first looks for a literal the match requires in the rest of the
    text, which makes many failed starts in a long text quadratic. With
    ``starts=word_run_starts`` (a pattern that opens with ``WORD_RUN`` and holds one
    of the words after it: a name around a stem, ``Uni-LLaMA``), it is tried only
    where the run around each word starts (see ``word_run_starts``). The words of
    all gated patterns are found in one pass over the text (``GATE_WORDS``).
    ``where(text, at)``, when given, is a cheap test that the word found at ``at``
    passes wherever it is the word of a match (``the X dataset``: the noun follows a
    name, not ``a new dataset``); the other places of the words are not tried.
    ``reach(text, at)``, with a window, is where the earliest match around the word
    at ``at`` can start, when that is nearer than ``before`` (a list of names before
    a noun ends at the last word no name has)."""

    __slots__ = ("pattern", "gate", "words", "window", "starts", "where", "reach")

    def __init__(self, pattern, words=(), *, gate=None, window: tuple[int, int] | None = None, starts=False, where=None,
                 reach=None):
        if starts and not isinstance(pattern, re.Pattern):
            raise TypeError("Gated(starts=True) takes a stdlib re pattern (see the class docstring)")
        self.pattern = pattern
        self.words = GATE_WORDS.add(words)
        self.gate = gate
        self.window = window
        self.starts = starts
        self.where = where
        self.reach = reach

    def finditer(self, text: str):
        if self.gate is not None and not self.gate(text):
            return _NOTHING
        if not self.words:
            return self.pattern.finditer(text)
        anchors = GATE_WORDS.anchors(text, self.words)
        if anchors is None:  # lower-casing changed the length: no positions
            return self.pattern.finditer(text) if self._has_word(text) else _NOTHING
        if not anchors:
            return _NOTHING
        if self.where is not None:
            anchors = [a for a in anchors if self.where(text, a[0])]
            if not anchors:
                return _NOTHING
        if self.starts is True:
            return iter(self._at_starts(text, anchors))
        if self.starts:
            return iter(self._at_starts(text, [(at, 0) for a in anchors for at in self.starts(text, a[0])]))
        if self.window is None:
            return self.pattern.finditer(text)
        return iter(self._windowed(text, anchors))

    def _at_starts(self, text: str, anchors: list[tuple[int, int]]) -> list:
        out, pos, match = [], 0, self.pattern.match
        for at in sorted({at for at, _ in anchors}):
            if at >= pos and (m := match(text, at)):
                out.append(m)
                pos = m.end()
        return out

    def _has_word(self, text: str) -> bool:
        lowered = text.lower()
        return any(word in lowered for word in self.words)

    def _windowed(self, text: str, anchors: list[tuple[int, int]]) -> list:
        before, after = self.window
        spans = [(max(0, at - before), min(len(text), at + size + after)) for at, size in anchors]
        if self.reach is not None:  # each start nearer, so no longer in order
            spans = sorted((max(lo, self.reach(text, at)), hi) for (lo, hi), (at, _) in zip(spans, anchors))
        windows: list[list[int]] = []
        for lo, hi in spans:  # in order (GATE_WORDS.anchors)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        out, pos = [], 0
        for lo, hi in windows:
            start = max(lo, pos)
            while start < hi:
                m = self.pattern.search(text, start, hi)
                if m is None:
                    break
                whole = self.pattern.match(text, m.start())
                if whole is None or whole.end() != m.end() or whole.end() == whole.start():
                    return list(self.pattern.finditer(text))
                out.append(whole)
                start = pos = whole.end()
        return out

    def __getattr__(self, name):
        return getattr(self.pattern, name)


#: The opening of a pattern that ``word_run_starts`` finds the starts of: a run of
#: letters and digits, with at most one hyphen, not glued to a word before it.
WORD_RUN = r"(?<![\w\-./@])(?:[A-Za-z0-9]+-)?[A-Za-z0-9]*"
_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_GLUED = re.compile(r"[\w\-./@]")


def word_run_starts(text: str, at: int) -> list[int]:
    """Where a match of ``WORD_RUN`` + ``X`` can start, when the ``X`` it holds starts at
    ``at``: at the start of the run of letters and digits around ``at``, or at the start
    of the run before it when a hyphen joins the two; only where nothing is glued
    before (the look-behind). Every such match starts at one of these places."""
    starts = []
    first = at
    while first > 0 and text[first - 1] in _ALNUM:
        first -= 1
    if first == 0 or not _GLUED.match(text, first - 1):
        starts.append(first)
    elif text[first - 1] == "-":
        before = first - 1
        while before > 0 and text[before - 1] in _ALNUM:
            before -= 1
        if before < first - 1 and (before == 0 or not _GLUED.match(text, before - 1)):
            starts.append(before)
    return starts


_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (what ``\\d`` matches): on ASCII text ten ``in``
    tests, which run at ``memchr`` speed, ten times faster than a regex scanning for
    one (``re`` tests a character class at every position); ``\\d`` on other text. A
    third of abstracts hold no digit, and no number can be read from them."""
    if text.isascii():
        return ("0" in text or "1" in text or "2" in text or "3" in text or "4" in text
                or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text)
    return _DIGIT.search(text) is not None


def word_start(text: str, at: int) -> bool:
    """Whether no word character comes before ``at``: where ``\\b`` holds before a word
    that starts with one (``str.isalnum`` or ``_`` is ``re``'s ``\\w``). A ``where`` gate
    for patterns that open with ``\\b`` and a cue word: ``em`` in ``system`` is no cue."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


#: How far back ``words_before`` reads.
WORDS_BEFORE_REACH = 300


def words_before(text: str, at: int, count: int) -> list[str]:
    """The last ``count`` white-space separated words of the ``WORDS_BEFORE_REACH``
    characters before ``at`` (``str.split`` splits at least where ``\\s`` matches): what
    ``where`` gates read to see whether a cue word can stand that close before a
    pattern's word."""
    return text[max(0, at - WORDS_BEFORE_REACH) : at].rsplit(None, count)[-count:]


def words_back(text: str, at: int, count: int) -> Iterator[tuple[int, str]]:
    """``(start, word)`` of each of the last ``count`` white-space separated words before
    ``at``, the nearest first, found as they are asked for: ``words_before`` with where
    each word starts, for the ``starts`` and ``reach`` functions of ``Gated`` patterns.
    Read back to the start of the text where those words are longer than
    ``WORDS_BEFORE_REACH`` characters in all."""
    lo = max(0, at - WORDS_BEFORE_REACH)
    words = text[lo:at].rsplit(None, count)
    if lo and len(words) <= count:  # the first may be a word cut at lo
        lo, words = 0, text[:at].rsplit(None, count)
    end = at
    for word in reversed(words[-count:]):
        end = text.rfind(word, lo, end)
        yield end, word


class _GateWords:
    """The words of every ``Gated`` pattern, found in one Aho-Corasick pass over the
    lower-cased text (``literals.py``), remembered for the texts asked about lately
    (a batch of docs goes through one component, then the next), so that the
    patterns reading one text pay for one pass."""

    #: How many recent texts are remembered (more than a batch of docs), and how many
    #: characters of them at most (a few huge abstracts must not pin memory).
    RECENT = 256
    RECENT_CHARS = 2_000_000

    def __init__(self):
        self.words: set[str] = set()
        self._literals = None
        # the word sets asked about (each Gated pattern's; each set -> the one object kept
        # for it, which ``anchors`` is then asked with), and the sets each word is in
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        self._sets_of: dict[str, list[frozenset[str]]] = {}
        # id(text) -> (text, positions): the text is kept, so its id is not reused
        self._recent: dict[int, tuple[str, dict[str, list[int]] | None]] = {}
        self._recent_chars = 0
        self._start_text(None, None)

    def add(self, words) -> frozenset[str]:
        """Find ``words`` (any case) too; the set of them (lower case) to ask ``anchors``
        with: one object per set of words, so that its lookups compare identity, not
        the words of two equal sets one by one (for every pattern and every text)."""
        words = frozenset(w.lower() for w in words)
        known = self._sets.get(words)
        if known is not None:
            return known
        self._sets[words] = words
        for word in words:
            self._sets_of.setdefault(word, []).append(words)
        self._last_hits = None
        if not self.words.issuperset(words):
            self.words |= set(words)
            self._literals = None
            self._forget()
        return words

    def positions(self, text: str) -> dict[str, list[int]] | None:
        """Each word found in ``text`` (ignoring case) -> its start positions; None when
        lower-casing changes the text's length (``İ``): positions would not map back."""
        cached = self._recent.get(id(text))
        if cached is not None and cached[0] is text:
            return cached[1]
        if self._literals is None:
            self._literals = Literals((w, None) for w in sorted(self.words))
        lowered = text.lower()
        found = self._literals.positions(lowered) if len(lowered) == len(text) else None
        if len(self._recent) >= self.RECENT or self._recent_chars + len(text) > self.RECENT_CHARS:
            self._forget()
        if len(text) <= self.RECENT_CHARS:
            self._recent[id(text)] = (text, found)
            self._recent_chars += len(text)
        return found

    def anchors(self, text: str, words: frozenset[str]) -> list[tuple[int, int]] | None:
        """``(start, length)`` of each occurrence in ``text`` of any of ``words`` (lower
        case), in order; None where ``positions`` is None."""
        if text is not self._last_text:
            self._start_text(text, self.positions(text))
        found = self._last_found
        if found is None:
            return None
        anchors = self._last_anchors.get(words)
        if anchors is None:
            if words in self._sets:  # a known set: the words found in it, sorted out once per text
                if self._last_hits is None:
                    self._last_hits = {}
                    for word in found:
                        for known in self._sets_of.get(word, ()):
                            self._last_hits.setdefault(known, []).append(word)
                hit = self._last_hits.get(words, ())
            else:
                hit = [*words.intersection(found)]  # the few words found, not all of ``words``
            # each word's pairs are built once per text
            if not hit:
                anchors = []
            elif len(hit) == 1:
                anchors = self._pairs(hit[0])
            else:
                anchors = sorted(chain.from_iterable([self._pairs(word) for word in hit]))
            self._last_anchors[words] = anchors
        return anchors

    def _pairs(self, word: str) -> list[tuple[int, int]]:
        """``(start, length)`` of each occurrence of ``word`` in the last text, in order (shared:
        read only)."""
        pairs = self._last_pairs.get(word)
        if pairs is None:
            size = len(word)
            pairs = self._last_pairs[word] = [(at, size) for at in self._last_found[word]]
        return pairs

    def _start_text(self, text: str | None, found: dict[str, list[int]] | None) -> None:
        """Make ``text`` (with its ``positions``) the last text asked about, with nothing
        sorted out of it yet: the patterns of one component read it in turn, and the
        anchors of each word set (several corpus rules share theirs), each word's pairs
        and the words of each known set found in it are kept until the next text."""
        self._last_text: str | None = text
        self._last_found: dict[str, list[int]] | None = found
        self._last_anchors: dict[frozenset[str], list[tuple[int, int]]] = {}
        self._last_pairs: dict[str, list[tuple[int, int]]] = {}
        self._last_hits: dict[frozenset[str], list[str]] | None = None

    def _forget(self) -> None:
        self._recent.clear()
        self._recent_chars = 0
        self._start_text(None, None)


GATE_WORDS = _GateWords()


def any_word(words) -> re.Pattern:
    """Any of ``words`` as a whole word, ignoring case (``\\b(?:a|b)\\b``): the cue-word lists."""
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


def alternation(words) -> str:
    """Any of the literal ``words``, the longest preferred where several match at one
    place (so ``language model`` beats ``model``).

    Written as a trie (``trie_pattern``): at each position the engine checks one
    character class per level instead of trying every word in turn (2-3x faster on
    the cue-word lists). The longest-first preference is the same, since words
    that match at one place lie on one path of the trie. Words that differ only in
    case at the same place would break that under ``IGNORECASE``; those lists are
    written as a plain longest-first alternation.
    """
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return trie_pattern(words) if _case_distinct(words) else "|".join(re.escape(w) for w in words)


def _case_distinct(words: list[str]) -> bool:
    """No two words branch, at one node of their trie, on characters equal ignoring case."""
    seen: dict[str, str] = {}
    for word in words:
        for i in range(1, len(word) + 1):
            prefix = word[:i]
            key = word[: i - 1] + word[i - 1].lower()
            if seen.setdefault(key, prefix) != prefix:
                return False
    return True


def trie_pattern(words: list[str]) -> str:
    """The regex source (no anchors) for the alternation of ``words``."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie) if trie else r"(?!)"


def _node_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _node_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def compile_names(words: list[str], *, ignore_case: bool = False, left: str = r"(?<![\w])", right: str = r"(?![\w])") -> re.Pattern:
    """A compiled matcher for ``words`` between the ``left`` and ``right`` boundary assertions.

    Compiled with the standard ``re`` module: on these large literal tries it runs
    3-10x faster than ``regex`` (measured on the arXiv corpus), and the patterns
    use nothing ``re`` lacks.
    """
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(left + "(?:" + trie_pattern(sorted(set(words))) + ")" + right, flags)


class Merged:
    """The matches of several patterns in text order, each after the end of the one
    before: what one pattern with their alternatives finds when no two of them can
    match at the same place (``quantities``: a number in digits, a number word).
    Each pattern keeps its own gate and fast path."""

    __slots__ = ("patterns",)

    def __init__(self, *patterns):
        self.patterns = patterns

    def finditer(self, text: str):
        end = 0
        for m in heapq.merge(*(p.finditer(text) for p in self.patterns), key=_start):
            if m.start() >= end:
                end = m.end()
                yield m


def _start(m) -> int:
    return m.start()
