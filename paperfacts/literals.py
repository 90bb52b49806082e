"""Many literal strings found in one pass over a text (Aho-Corasick).

A trie-shaped regex (``trie.py``) tries a match at every position of the text;
an Aho-Corasick automaton reads each character once, whatever the number of
strings. On the arXiv corpus one automaton over the ~6,000 gazetteer forms
finds every candidate (and the regexes check them) in about a third of the time
of the three trie regexes it replaces. The automaton is pyahocorasick's (C,
wheels for every platform we support): a dependency that beats writing the
automaton in Python, which would be slower than the regex.

The automaton only finds candidates; the regexes still decide (boundaries,
longest match), at the few positions it reports.
"""

from __future__ import annotations

from typing import Generic, Iterable, Iterator, TypeVar

import ahocorasick

V = TypeVar("V")

#: How many texts ``positions_lower`` remembers (more than a batch of docs), and
#: how many characters of them at most (a few huge abstracts must not pin memory).
RECENT = 256
RECENT_CHARS = 2_000_000


class Literals(Generic[V]):
    """A fixed map of literal strings to values, searched in one pass."""

    __slots__ = ("_automaton", "_recent", "_recent_chars")

    def __init__(self, strings: Iterable[tuple[str, V]]):
        automaton = ahocorasick.Automaton()
        for string, value in strings:
            if string:
                automaton.add_word(string, (len(string), string, value))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton
        # id(text) -> (text, positions): the text is kept, so its id is not reused
        self._recent: dict[int, tuple[str, dict[str, list[int]] | None]] = {}
        self._recent_chars = 0

    def __len__(self) -> int:
        return len(self._automaton)

    def find(self, text: str) -> Iterator[tuple[int, tuple[int, str, V]]]:
        """``(end, (length, string, value))`` for every occurrence in ``text``, overlapping
        ones included, ordered by end (the automaton's own tuples: a Python generator
        around them would cost more than the search); the start is ``end - length + 1``."""
        return self._automaton.iter(text) if len(self._automaton) else iter(())

    def positions_lower(self, text: str) -> dict[str, list[int]] | None:
        """Each string found in ``text.lower()`` -> its start positions, in order; None
        when lower-casing changes the length (``İ``), as positions would not map back.
        Remembered for the texts asked about lately (a batch of docs goes through one
        component, then the next), so that several callers reading one text pay
        for one pass."""
        cached = self._recent.get(id(text))
        if cached is not None and cached[0] is text:
            return cached[1]
        lowered = text.lower()
        found = None
        if len(lowered) == len(text):
            found = {}
            if len(self._automaton):
                for end, (size, string, _) in self._automaton.iter(lowered):
                    found.setdefault(string, []).append(end - size + 1)
        if len(self._recent) >= RECENT or self._recent_chars + len(text) > RECENT_CHARS:
            self._recent.clear()
            self._recent_chars = 0
        if len(text) <= RECENT_CHARS:
            self._recent[id(text)] = (text, found)
            self._recent_chars += len(text)
        return found
