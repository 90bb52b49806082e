"""Hard-wrapped text (the arXiv metadata snapshot) read as the text it wraps.

``unwrap`` turns every line break inside a paragraph, with the indentation
around it, into one space, and returns the offsets needed to map a position in
the unwrapped text back to the text as given; a blank line (two or more line
breaks) is a paragraph break and stays. Pure: no spaCy, never raises.
"""

from __future__ import annotations

import re
from bisect import bisect_right

#: A line break with the spaces and tabs after it (those before it are taken by hand:
#: a pattern that starts with a line break lets the engine skip ahead to one).
_BREAK = re.compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*")

#: ``[positions, shifts]``: from ``positions[i]`` on (a position in the unwrapped
#: text, increasing), add ``shifts[i]`` to get the position in the original text;
#: before ``positions[0]`` nothing is added. Two lists, so it is JSON-able.
Shifts = list[list[int]]


def unwrap(text: str) -> tuple[str, Shifts]:
    """``text`` with each single line break (and its indentation) as one space.

    >>> unwrap("a 2\\n  trillion tokens")
    ('a 2 trillion tokens', [[4], [2]])
    """
    positions: list[int] = []
    deltas: list[int] = []
    if not isinstance(text, str) or ("\n" not in text and "\r" not in text):
        return text, [positions, deltas]
    parts: list[str] = []
    last = 0
    out_len = 0
    shift = 0
    previous_end = 0
    for m in _BREAK.finditer(text):
        start = m.start()
        while start > previous_end and text[start - 1] in " \t":
            start -= 1
        previous_end = m.end()
        run = text[start : m.end()]
        if run.count("\n") + run.count("\r") - run.count("\r\n") != 1:
            continue  # a paragraph break: kept as it is
        parts.append(text[last:start])
        out_len += start - last + 1
        parts.append(" ")
        shift += len(run) - 1
        positions.append(out_len)
        deltas.append(shift)
        last = m.end()
    if not positions:
        return text, [positions, deltas]
    parts.append(text[last:])
    return "".join(parts), [positions, deltas]


def original_offset(shifts: Shifts, pos: int) -> int:
    """The position in the original text of position ``pos`` of the unwrapped text."""
    positions, deltas = shifts
    i = bisect_right(positions, pos) - 1
    return pos if i < 0 else pos + deltas[i]
