"""Abbreviations and the long forms a text spells them out in (``multi-person tracking
(MPT)``): shared by the model and corpus extractors, which give an abbreviation its
long form's role."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][\w\-]*")
_PART = re.compile(r"[A-Za-z0-9]+")


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


def long_form(text: str, short: str) -> tuple[list[str], int]:
    """The words a text spells ``short`` out in, where it writes ``short`` (or its plural) in
    brackets right after them: from the last of the eight words before the bracket that opens
    with ``short``'s first letter (two words at least) to the word that spells its last
    letter (``Sharpness-Aware Minimization (SAM)`` -> ``["Sharpness-Aware", "Minimization"]``),
    and where the text goes on after the closing bracket; ``([], -1)`` where the text does not."""
    for written in (short, short + "s"):
        start = text.find("(" + written + ")") + 1
        if not start:
            continue
        words = _WORD.findall(text, max(0, start - 100), start - 1)[-8:]
        initial = short[0].casefold()
        i = next((i for i in range(len(words) - 2, -1, -1) if words[i][0].casefold() == initial), None)
        if i is not None and spells(short, " ".join(words[i:])):
            return words[i : i + spelling_words(short, words[i:])], start + len(written) + 1
    return [], -1
