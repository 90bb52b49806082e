"""Abbreviations and the long forms a text spells them out in (``multi-person tracking
(MPT)``): shared by the model and corpus extractors, which give an abbreviation its
long form's role."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][\w\-]*")
_PART = re.compile(r"[A-Za-z0-9]+")

#: The prepositions that end a long form's head before its modifiers (``Judge for Reasoning``).
PREPOSITIONS = frozenset(["by", "for", "from", "in", "of", "on", "to", "using", "via", "with"])
#: Words a long form may hold that give its abbreviation no letter (``Distillation with GANs``).
_FUNCTION_WORDS = PREPOSITIONS | {"a", "an", "and", "the"}


def spells(short: str, expansion: str) -> bool:
    """Whether the letters of ``short`` appear, in order, among the initials of the words of
    ``expansion`` (hyphen parts count as words): ``CAER`` ~ ``context-aware emotion recognition``."""
    initials = iter(w[0].casefold() for w in _PART.findall(expansion))
    return all(ch in initials for ch in short.casefold() if ch.isalpha())


def spelling_words(short: str, words: list[str]) -> int:
    """How many of ``words`` it takes for their initials (hyphen parts count) to spell the
    letters of ``short`` in order, as ``spells`` reads them; all of them where they do not."""
    letters = [ch for ch in short.casefold() if ch.isalpha()]
    k = 0
    for n, word in enumerate(words, 1):
        for part in _PART.findall(word):
            if k < len(letters) and part[0].casefold() == letters[k]:
                k += 1
        if k == len(letters):
            return n
    return len(words)


def spells_in_syllables(short: str, expansion: str) -> bool:
    """Whether the letters of ``short`` are the openings of the words of ``expansion`` in order,
    a word giving one or more of its first letters or none (hyphen parts count as words):
    ``OR-ConvQA`` ~ ``open-retrieval conversational question answering``. The first word
    gives at least its initial."""
    letters = "".join(ch for ch in short.casefold() if ch.isalpha())
    parts = [w.casefold() for w in re.findall(r"[A-Za-z]+", expansion)]
    if not letters or not parts or parts[0][0] != letters[0]:
        return False

    @lru_cache(maxsize=None)
    def spells(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(parts):
            return False
        return spells(i, j + 1) or any(
            letters.startswith(parts[j][:k], i) and spells(i + k, j + 1) for k in range(1, min(len(parts[j]), len(letters) - i) + 1)
        )

    return any(letters.startswith(parts[0][:k]) and spells(k, 1) for k in range(1, min(len(parts[0]), len(letters)) + 1))


def long_form(text: str, short: str) -> tuple[list[str], int]:
    """The words a text spells ``short`` out in, where it writes ``short`` (or its plural) in
    brackets right after them: from the last of the eight words before the bracket that opens
    with ``short``'s first letter (two words at least) to the word that spells its last
    letter, by initials (``Sharpness-Aware Minimization (SAM)`` -> ``["Sharpness-Aware",
    "Minimization"]``) or by the openings of every word (``Video-Text Interleaved Benchmark
    (ViTIB)``); with where the text goes on after the closing bracket. ``([], -1)`` where the
    text does not."""
    for written in (short, short + "s"):
        start = text.find("(" + written + ")") + 1
        if not start:
            continue
        words = _WORD.findall(text, max(0, start - 100), start - 1)[-8:]
        initial = short[0].casefold()
        i = next((i for i in range(len(words) - 2, -1, -1) if words[i][0].casefold() == initial), None)
        if i is None:
            continue
        if spells(short, " ".join(words[i:])):
            return words[i : i + spelling_words(short, words[i:])], start + len(written) + 1
        if _spelled_by_openings(short, words[i:]):  # "Video-Text Interleaved Benchmark (ViTIB)"
            return words[i:], start + len(written) + 1
    return [], -1


def _spelled_by_openings(short: str, words: list[str]) -> bool:
    """Whether the letters of ``short`` are the openings of the words' parts in order, each part
    giving one or more of its first letters, a function word none (``ViTIB`` ~ ``Video-Text
    Interleaved Benchmark``): stricter than ``spells_in_syllables``, which lets any word give
    none, so that it cannot reach back over words that spell nothing."""
    letters = "".join(ch for ch in short.casefold() if ch.isalpha())
    parts = [w.casefold() for w in _PART.findall(" ".join(words))]

    @lru_cache(maxsize=None)
    def spelled(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(letters)
        part = parts[j]
        if part in _FUNCTION_WORDS and spelled(i, j + 1):
            return True
        return any(letters.startswith(part[:k], i) and spelled(i + k, j + 1) for k in range(1, min(len(part), len(letters) - i) + 1))

    return bool(letters) and bool(parts) and spelled(0, 0)
