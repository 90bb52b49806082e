"""Pure number normalizers: text as written in abstracts -> exact values.

Every function takes a ``str`` and returns a value or ``None``; none raises and
none imports spaCy. Counts are exact integers (``Decimal`` arithmetic, so
``1.3B`` is 1300000000, never 1299999999).

>>> parse_count("1.3B")
1300000000
>>> parse_count("3.1 trillion")
3100000000000
>>> parse_count("billions") is None
True
>>> parse_decimal("37.10")
37.1
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

__all__ = ["MAGNITUDES", "MAGNITUDE_WORDS", "NUMBER_WORDS", "parse_count", "parse_decimal", "parse_integer", "parse_magnitude", "parse_number"]

#: Magnitude words and suffixes, lower-cased, to their multiplier.
MAGNITUDES: dict[str, int] = {
    "k": 10**3,
    "thousand": 10**3,
    "thousands": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mil": 10**6,
    "million": 10**6,
    "millions": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "billion": 10**9,
    "billions": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trillion": 10**12,
    "trillions": 10**12,
}

#: The spelled-out magnitude words of ``MAGNITUDES``, as a pattern (``2 trillion``, ``1.25 millions``).
MAGNITUDE_WORDS = r"(?i:thousand|million|billion|trillion)s?"

#: Spelled-out numbers that abstracts use before a magnitude ("one billion").
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "dozen": 12,
    "a dozen": 12,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "half a": Decimal("0.5"),  # type: ignore[dict-item]
}

_DIGITS = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_INTEGER = regex.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
_WORDS = "|".join(regex.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT = regex.compile(
    # a number word takes a magnitude word only: "ten billion", never "tenb" (or "tent")
    rf"(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|(?:{_WORDS})(?=[\s-]))"
    r"(?:(?P<letter>[kmbt])|[\s-]+(?P<word>[a-z]{2,}))",
)


def parse_number(text: str) -> Decimal | None:
    """``"1,200"`` -> 1200, ``"0.5"`` -> 0.5, ``"one"`` -> 1; else ``None``."""
    if not isinstance(text, str):
        return None
    s = text.strip().lower()
    if s in NUMBER_WORDS:
        return Decimal(NUMBER_WORDS[s])
    if len(s) > 40 or not _DIGITS.fullmatch(s):
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:
        return None


def parse_magnitude(text: str) -> int | None:
    """``"B"``, ``"billion"`` -> 10**9; ``"k"`` -> 1000; unknown -> ``None``."""
    if not isinstance(text, str):
        return None
    return MAGNITUDES.get(text.strip().lower())


def parse_count(text: str) -> int | None:
    """A count with a magnitude, to an exact positive int.

    ``"7B"``, ``"1.3B"``, ``"130 billion"``, ``"one billion"``, ``"1,200 billion"``,
    ``"0.5M"``, ``"2T"``, ``"1.2b"``, ``"150m"``, ``"175B"``. A plain number with no
    magnitude (``"7"``), a magnitude with no number (``"billions"``) and anything
    else give ``None``.
    """
    if not isinstance(text, str) or len(text) > 60:
        return None
    m = _COUNT.fullmatch(text.strip().lower())
    if not m:
        return None
    num, mag = parse_number(m["num"]), parse_magnitude(m["letter"] or m["word"])
    if num is None or mag is None:
        return None
    value = num * mag
    if value <= 0 or value != value.to_integral_value():
        return None
    return int(value)


def parse_integer(text: str) -> int | None:
    """A whole number written in digits, to a positive int: ``"564,103"`` -> 564103,
    ``"200"`` -> 200. Decimals (``"1.5"``), badly grouped digits (``"56,41"``), a
    magnitude (``"7B"``: see :func:`parse_count`) and anything else give ``None``."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if len(s) > 40 or not _INTEGER.fullmatch(s):
        return None
    value = int(s.replace(",", ""))
    return value if value > 0 else None


def parse_decimal(text: str) -> float | None:
    """A score as written, to a float: ``"37.10"`` -> 37.1, ``"+8.81"`` -> 8.81,
    ``"-0.12"`` -> -0.12, ``"1,024"`` -> 1024.0; else ``None``."""
    if not isinstance(text, str):
        return None
    s = text.strip().replace("\u2212", "-")
    sign = 1
    if s[:1] in "+-" and s:
        sign, s = (-1 if s[0] == "-" else 1), s[1:].lstrip()
    if len(s) > 40 or not _DIGITS.fullmatch(s):
        return None
    return sign * float(s.replace(",", ""))
