"""Sentence bounds of a Doc, computed once with one linear regex and cached.

A sentence ends at ``.``, ``!`` or ``?`` followed by white space and a capital,
digit or bracket, or at a blank line (the title/abstract separator). There is no
abbreviation list: the one this module had never applied (its look-behind could
not match before a full stop), and applying it changes which benchmark a score
is read against in sentences like ``on MNLI by +0.9% (90.2% vs. 91.1%), on
SQuAD ...`` for the worse; that needs the score linking to change with it. The
bounds are cached in ``doc.user_data`` as a JSON-able list.
"""

from __future__ import annotations

from bisect import bisect_right

import re
from spacy.tokens import Doc

from . import text_of

#: A sentence break: ``.``, ``!`` or ``?`` (the sentence ends after it, at the ``gap``), or
#: a blank line. One character class opens the pattern, so that the engine skips ahead
#: to one of its characters (with two alternatives at the top, ``re`` tried each at
#: every position: three times slower); a look-behind tells which it was.
_BREAK = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?P<gap>[\"')\]]?\s+)(?=[A-Z0-9(\[\"'\\$])|(?<=\n)[ \t]*\n\s*)"
)
_KEY = "paperfacts_sentences"
_STARTS = "paperfacts_sentence_starts"


def sentence_bounds(doc: Doc) -> list[list[int]]:
    """``[[start, end], ...]`` character bounds of the sentences of ``doc``."""
    bounds = doc.user_data.get(_KEY)
    if bounds is None:
        text, start, bounds = text_of(doc), 0, []
        for m in _BREAK.finditer(text):
            end = m.start("gap") if m.group("gap") else m.start()
            if end > start:
                bounds.append([start, end])
            start = m.end()
        if start < len(text) or not bounds:
            bounds.append([start, len(text)])
        doc.user_data[_KEY] = bounds
        doc.user_data[_STARTS] = [b[0] for b in bounds]
    return bounds


def sentence_of(doc: Doc, pos: int) -> tuple[int, int]:
    """Character bounds of the sentence holding ``pos``."""
    bounds = sentence_bounds(doc)
    i = bisect_right(doc.user_data[_STARTS], pos) - 1
    start, end = bounds[max(i, 0)]
    return start, end
