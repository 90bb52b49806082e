"""Text as given (hard-wrapped, LaTeX) read as the text it stands for.

``plain`` turns every line break inside a paragraph, with the indentation
around it, into one space (a blank line, two or more line breaks, is a
paragraph break and stays), and drops LaTeX's text-formatting commands, keeping
what they format (``\\textbf{MobileIAR}, a dataset`` reads ``MobileIAR, a
dataset``). It returns the offsets needed to map a position in its text back to
the text as given. Pure: no spaCy, never raises.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

#: A line break with the spaces and tabs after it (those before it are taken by hand:
#: a pattern that starts with a line break lets the engine skip ahead to one).
_BREAK = re.compile(r"(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*[ \t]*")

#: ``[positions, shifts]``: from ``positions[i]`` on (a position in the unwrapped
#: text, increasing), add ``shifts[i]`` to get the position in the original text;
#: before ``positions[0]`` nothing is added. Two lists, so it is JSON-able.
Shifts = list[list[int]]


def plain(text: str) -> tuple[str, Shifts]:
    """``text`` with each single line break (and its indentation) as one space, and
    without the LaTeX commands that only format text (``\\textbf{...}``,
    ``\\emph{...}``, ...: ``FORMATTING``), their content kept.

    >>> plain("a 2\\n  trillion tokens")
    ('a 2 trillion tokens', [[4], [2]])
    >>> plain("we propose \\\\textbf{AGCD-Net}, a\\nmodel")
    ('we propose AGCD-Net, a model', [[11, 19, 23], [8, 9, 9]])
    """
    if not isinstance(text, str):
        return text, [[], []]
    edits = _breaks(text) if ("\n" in text or "\r" in text) else []
    if "\\" in text:
        edits = sorted(edits + _formatting(text) + _accents(text))
    return _apply(text, edits) if edits else (text, [[], []])


#: LaTeX commands that format the text they enclose and add nothing to it.
FORMATTING = re.compile(r"\\(?:textbf|textit|textsl|textsc|textsf|texttt|textrm|textup|textmd|emph|underline|uline)\{")

#: How far the closing brace of a formatting command may lie (a name, a phrase).
_FORMATTED_MAX = 300


#: LaTeX's accents on one letter (``Fr\\'echet``, ``Fr\\'{e}chet``, ``{\\'e}``, ``\\"o``, ``\\c{c}``, ``\\v{C}``).
_ACCENT = re.compile(r"""\{\\(?P<a1>['"`^~])(?P<l1>[A-Za-z])\}|\\(?P<a2>['"`^~]|[cvH](?=\{))(?:\{(?P<l2>[A-Za-z])\}|(?P<l3>[A-Za-z]))""")
_COMBINING = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "c": "\u0327", "v": "\u030c", "H": "\u030b"}


def _accents(text: str) -> list[tuple[int, int, str]]:
    """Each accent on a letter as an edit to the accented letter (``Fr\\'echet`` reads
    ``Fréchet``), where Unicode has it as one character."""
    edits = []
    for m in _ACCENT.finditer(text):
        accent, letter = m["a1"] or m["a2"], m["l1"] or m["l2"] or m["l3"]
        char = unicodedata.normalize("NFC", letter + _COMBINING[accent])
        if len(char) == 1:
            edits.append((m.start(), m.end(), char))
    return edits


def _breaks(text: str) -> list[tuple[int, int, str]]:
    """Each single line break with the spaces around it, as an edit to one space."""
    edits = []
    previous_end = 0
    for m in _BREAK.finditer(text):
        start = m.start()
        while start > previous_end and text[start - 1] in " \t":
            start -= 1
        previous_end = m.end()
        run = text[start : m.end()]
        if run.count("\n") + run.count("\r") - run.count("\r\n") == 1:  # else a paragraph break, kept
            edits.append((start, m.end(), " "))
    return edits


def _formatting(text: str) -> list[tuple[int, int, str]]:
    """Deletions of each formatting command's opening and its closing brace, where
    that brace is found (nested braces counted) within ``_FORMATTED_MAX`` characters
    and before a paragraph break."""
    edits = []
    for m in FORMATTING.finditer(text):
        depth, i, stop = 1, m.end(), min(len(text), m.end() + _FORMATTED_MAX)
        while i < stop:
            ch = text[i]
            if ch == "\\":
                i += 2  # an escaped brace (\\{, \\}) or a command's first letter
                continue
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if not depth:
                    edits.append((m.start(), m.end(), ""))
                    edits.append((i, i + 1, ""))
                    break
            elif ch == "\n" and text.startswith("\n", i + 1):
                break
            i += 1
    return edits


def _apply(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, Shifts]:
    """``text`` with each ``(start, end, replacement)`` made (sorted, disjoint), and its shifts."""
    positions: list[int] = []
    deltas: list[int] = []
    parts: list[str] = []
    last = out_len = shift = 0
    for start, end, replacement in edits:
        if start < last:
            continue  # overlaps the edit before it (none should): keep the text
        parts.append(text[last:start])
        parts.append(replacement)
        out_len += start - last + len(replacement)
        shift += end - start - len(replacement)
        positions.append(out_len)
        deltas.append(shift)
        last = end
    if not positions:
        return text, [positions, deltas]
    parts.append(text[last:])
    return "".join(parts), [positions, deltas]


def original_offset(shifts: Shifts, pos: int) -> int:
    """The position in the original text of position ``pos`` of the unwrapped text."""
    positions, deltas = shifts
    i = bisect_right(positions, pos) - 1
    return pos if i < 0 else pos + deltas[i]
