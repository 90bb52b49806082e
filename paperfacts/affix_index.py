"""Faster stand-ins for spaCy's affix regexes that find exactly the same matches.

spaCy's tokenizer splits a chunk it has not cached (a run between white space)
with four regexes: ``prefix_search`` (``^§|^%|...``, about 150 alternatives),
``suffix_search`` (``…$|,$|...``, about 600), ``infix_finditer`` and
``url_match``. ``re`` tries every alternative at every position, so a plain word
costs several microseconds, about 1,200 µs for an abstract's chunks, and most
alternatives cannot match the chunk at all: a ``$``-anchored alternative can only
match a chunk that ends in one of its last characters.

The stand-ins read each pattern's parse tree (``re._parser``, the parser ``re``
itself uses) and keep, per alternative, a set of characters that every match
needs:

* ``prefix_search``: the chunk's first character (the alternative is ``^...``);
* ``suffix_search``: its last character (the alternative is ``...$``);
* ``infix_finditer`` and ``url_match``: some character inside it.

A call then runs only the alternatives the chunk's character allows, joined in
their original order, which finds the same leftmost match: an alternative that
cannot match anywhere never decides one. Anything the analysis does not know (a
case-insensitive flag, a back-reference, a class larger than ``MAX_SET``) makes
the alternative run always, so the stand-ins are exact by construction; the
tests compare the tokens with ``spacy.blank("en")``'s on real and generated text.

Each stand-in is a bound method of an ``AffixIndex`` that keeps the original
``pattern`` string, as spaCy's serializers read ``fn.__self__.pattern``; a
tokenizer saved and loaded again gets the plain regexes back, with the same tokens.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

try:  # the parser `re` compiles with
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

__all__ = ["AffixIndex", "indexed"]

#: A character class larger than this is taken as "any character".
MAX_SET = 20_000
#: At most this many patterns of chosen alternatives are compiled per regex; past it
#: a string runs the whole regex.
MAX_SUBSETS = 512
_REPEATS = tuple(getattr(_C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, name))
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)
_STARTS = (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
_ENDS = (_C.AT_END, _C.AT_END_STRING)
_GLOBAL_FLAGS = re.compile(r"\A\(\?[aiLmsux]+\)")
#: Flags under which the analysis would be wrong: case folding, `^`/`$` at every line,
#: ASCII classes, and verbose patterns (a `|` in a comment is not an alternative).
_UNSUPPORTED = re.IGNORECASE | re.MULTILINE | re.ASCII | re.LOCALE | re.VERBOSE


class _Unknown(Exception):
    """The analysis cannot bound this part of the pattern."""


def alternatives(pattern: str) -> list[str] | None:
    """``pattern`` split at its top-level ``|``, or None if it is not balanced."""
    pieces, depth, start, i, in_class, n = [], 0, 0, 0, False, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern.startswith("^", i + 1):
                i += 1
            if pattern.startswith("]", i + 1):  # "[]" or "[^]": the "]" is a member
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append(pattern[start:i])
            start = i + 1
        i += 1
    if depth or in_class or i != n:
        return None
    pieces.append(pattern[start:])
    return pieces


def _class(items) -> set[str]:
    size = 0
    for op, av in items:
        if op is _C.LITERAL:
            size += 1
        elif op is _C.RANGE:
            size += av[1] - av[0] + 1
        else:  # NEGATE, categories
            raise _Unknown
    if size > MAX_SET:
        raise _Unknown
    chars: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            chars.add(chr(av))
        else:
            chars.update(map(chr, range(av[0], av[1] + 1)))
    return chars


def _atom(op, av) -> set[str] | None:
    """The characters a one-character item matches; None if ``op`` is not one."""
    if op is _C.LITERAL:
        return {chr(av)}
    if op is _C.IN:
        return _class(av)
    if op in (_C.NOT_LITERAL, _C.ANY):
        raise _Unknown
    return None


def _oriented(data, backward: bool) -> list:
    return list(reversed(data)) if backward else list(data)


def _edge(seq: list, backward: bool) -> tuple[set[str], bool]:
    """(characters that can open a non-empty match of ``seq``, whether it can match empty).

    ``seq`` is oriented: read from its end when ``backward`` (then "open" means "close").
    """
    chars: set[str] = set()
    for op, av in seq:
        atom = _atom(op, av)
        if atom is not None:
            return chars | atom, False
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero-width: leaving a condition out only widens the set
        if op is _C.SUBPATTERN:
            if av[1] & _UNSUPPORTED:
                raise _Unknown
            more, empty = _edge(_oriented(av[3].data, backward), backward)
        elif op is _C.BRANCH:
            more, empty = set(), False
            for alt in av[1]:
                alt_chars, alt_empty = _edge(_oriented(alt.data, backward), backward)
                more |= alt_chars
                empty |= alt_empty
        elif op in _REPEATS:
            more, empty = _edge(_oriented(av[2].data, backward), backward)
            empty = empty or av[0] == 0
        elif op is _ATOMIC:  # (None before Python 3.11: never an op)
            more, empty = _edge(_oriented(av.data, backward), backward)
        else:  # group references, conditionals
            raise _Unknown
        chars |= more
        if not empty:
            return chars, False
    return chars, True


def _anchored(seq: list, backward: bool) -> set[str]:
    """The characters a match can put at the string's start (end, when ``backward``).

    Raises ``_Unknown`` unless every match of ``seq`` is anchored there and non-empty.
    """
    anchors = _ENDS if backward else _STARTS
    for k, (op, av) in enumerate(seq):
        rest = seq[k + 1:]
        if op in (_C.ASSERT, _C.ASSERT_NOT):
            continue
        if op is _C.AT and av in anchors:
            chars, empty = _edge(rest, backward)
            if empty:
                raise _Unknown
            return chars
        if op is _C.SUBPATTERN and not av[1] & _UNSUPPORTED:
            return _anchored(_oriented(av[3].data, backward) + rest, backward)
        if op is _C.BRANCH:
            chars = set()
            for alt in av[1]:
                chars |= _anchored(_oriented(alt.data, backward) + rest, backward)
            return chars
        break
    raise _Unknown


def _needs(data) -> set[str] | None:
    """A small set of characters every match holds one of (lookarounds included), or None."""
    best: set[str] | None = None
    for op, av in data:
        try:
            found = _atom(op, av)
        except _Unknown:
            continue
        if found is None:
            if op is _C.SUBPATTERN and not av[1] & _UNSUPPORTED:
                found = _needs(av[3].data)
            elif op is _C.ASSERT:  # a lookaround that holds reads characters of the string
                found = _needs(av[1].data)
            elif op in _REPEATS and av[0] >= 1:
                found = _needs(av[2].data)
            elif op is _C.BRANCH:
                found = set()
                for alt in av[1]:
                    alt_needs = _needs(alt.data)
                    if alt_needs is None:
                        found = None
                        break
                    found |= alt_needs
        if found is not None and (best is None or len(found) < len(best)):
            best = found
    return best


def _refers(data) -> bool:
    """Whether a parse tree refers to a group (joining a subset of alternatives renumbers them)."""
    for op, av in data:
        if op in (_C.GROUPREF, _C.GROUPREF_EXISTS):
            return True
        for part in av if isinstance(av, (tuple, list)) else (av,):
            if isinstance(part, _P.SubPattern) and _refers(part.data):
                return True
            if isinstance(part, list) and any(isinstance(x, _P.SubPattern) and _refers(x.data) for x in part):
                return True
    return False


class AffixIndex:
    """A compiled pattern whose alternatives are indexed by the characters their matches need.

    Its methods stand in for the pattern's own: ``search_prefix`` and
    ``search_suffix`` for ``search`` (over ``^``-anchored and ``$``-anchored
    alternatives), ``finditer`` and ``match`` for theirs. ``pattern`` is the
    original pattern string, which spaCy's serializers read.
    """

    __slots__ = ("pattern", "flags", "_regex", "_pieces", "_subsets", "_by_char", "_rest", "_needs", "_needed_by", "_by_held")

    def __init__(self, compiled: re.Pattern):
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._regex = compiled
        self._subsets: dict[tuple[int, ...], re.Pattern] = {}
        self._by_char: dict[str, Callable] = {}
        self._rest: Callable | None = compiled.search
        self._needs: frozenset[str] | None = None
        self._needed_by: dict[str, frozenset[int]] = {}
        self._by_held: dict[frozenset[str], re.Pattern] = {}  # _holding's answers, by the characters held
        pieces = None
        if isinstance(compiled.pattern, str) and not compiled.flags & _UNSUPPORTED:
            pieces = alternatives(_GLOBAL_FLAGS.sub("", compiled.pattern, count=1))
        self._pieces = pieces or []

    def _parsed(self) -> list:
        """Each alternative's parse tree; none when one refers to a group. (A reference
        to another alternative's group does not parse alone: ``indexed`` hands the
        regex back.)"""
        parsed = [_P.parse(piece, self.flags & ~re.UNICODE).data for piece in self._pieces]
        return [] if any(_refers(data) for data in parsed) else parsed

    def _subset(self, indices) -> re.Pattern:
        """The alternatives at ``indices``, in their original order, as one pattern."""
        key = tuple(sorted(set(indices)))
        if key not in self._subsets:
            if len(self._subsets) >= MAX_SUBSETS:
                return self._regex
            self._subsets[key] = re.compile("|".join(self._pieces[i] for i in key), self.flags)
        return self._subsets[key]

    def index_edges(self, backward: bool) -> bool:
        """Index the alternatives by the string's first (last, when ``backward``) character."""
        parsed = self._parsed()
        if not parsed:
            return False
        always: list[int] = []
        by_char: dict[str, list[int]] = {}
        for i, data in enumerate(parsed):
            try:
                chars = _anchored(_oriented(data, backward), backward)
            except _Unknown:
                always.append(i)
                continue
            for ch in chars:
                by_char.setdefault(ch, []).append(i)
        self._by_char = {ch: self._subset(ix + always).search for ch, ix in by_char.items()}
        self._rest = self._subset(always).search if always else None
        if backward:  # `$` also matches before a final newline
            self._by_char["\n"] = self._regex.search
        return True

    def index_needs(self) -> bool:
        """Index the alternatives by characters their matches hold: a string runs
        only those whose needed characters it holds, and none when it holds none."""
        needs = [_needs(data) for data in self._parsed()]
        if not needs or any(n is None for n in needs):
            return False
        self._needs = frozenset().union(*needs)
        needed_by: dict[str, set[int]] = {}
        for i, chars in enumerate(needs):
            for ch in chars:
                needed_by.setdefault(ch, set()).add(i)
        self._needed_by = {ch: frozenset(ix) for ch, ix in needed_by.items()}
        return True

    def _holding(self, string: str) -> re.Pattern | None:
        """The alternatives ``string`` holds a needed character of (None: no alternative)."""
        if self._needs.isdisjoint(string):
            return None
        held = self._needs.intersection(string)
        regex = self._by_held.get(held)
        if regex is None:
            regex = self._subset(frozenset().union(*map(self._needed_by.__getitem__, held)))
            if len(self._by_held) < MAX_SUBSETS:
                self._by_held[held] = regex
        return regex

    def search_prefix(self, string: str):
        fn = self._by_char.get(string[:1], self._rest)
        return fn(string) if fn is not None else None

    def search_suffix(self, string: str):
        fn = self._by_char.get(string[-1:], self._rest)
        return fn(string) if fn is not None else None

    def finditer(self, string: str) -> Iterator[re.Match]:
        regex = self._holding(string)
        return iter(()) if regex is None else regex.finditer(string)

    def match(self, string: str):
        regex = self._holding(string)
        return None if regex is None else regex.match(string)


#: kind -> (the method it stands in for, how to index, the stand-in)
_KINDS = {
    "prefix": ("search", lambda ix: ix.index_edges(backward=False), AffixIndex.search_prefix),
    "suffix": ("search", lambda ix: ix.index_edges(backward=True), AffixIndex.search_suffix),
    "infix": ("finditer", AffixIndex.index_needs, AffixIndex.finditer),
    "url": ("match", AffixIndex.index_needs, AffixIndex.match),
}


def indexed(fn: Callable | None, kind: str) -> Callable | None:
    """A faster stand-in for ``fn``, a compiled pattern's bound method, or ``fn`` itself.

    ``kind`` is how the tokenizer uses it: ``"prefix"`` or ``"suffix"``
    (``search``), ``"infix"`` (``finditer``) or ``"url"`` (``match``). The
    analysis leans on ``re``'s private parser; should a Python release change it
    so that the analysis fails, ``fn`` comes back unchanged.
    """
    method, index, stand_in = _KINDS[kind]
    compiled = getattr(fn, "__self__", None)
    if not isinstance(compiled, re.Pattern) or getattr(fn, "__name__", None) != method:
        return fn
    try:
        ix = AffixIndex(compiled)
        return stand_in.__get__(ix) if index(ix) else fn
    except Exception:  # noqa: BLE001 - only speed is lost
        return fn
