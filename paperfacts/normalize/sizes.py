"""A model's size read from its name: ``GLM-130B`` -> 130000000000.

Pure, no spaCy; takes a ``str`` and returns an ``int`` or ``None``, never raises.

A size is a number with ``B``, ``M`` or ``T`` (either case) that stands as its own
part of the name, after a hyphen, underscore, space or the start (``GLM-130B``,
``LLaMA-2-7B``, ``Qwen2.5-72B-Instruct``, ``Pythia 410M``, ``pythia-410m``); a hub's
decimal may be an underscore or stand around the letter (``Qwen-1_8B``, ``bloom-7b1``).
No size is derived when:

* the name has none (``ResNet-50``, ``ViT-B/16``, ``GPT-4o``, ``GPT-3 XL``): the
  number there is a depth, a patch size or a version, not a parameter count;
* the size is one of ``N`` experts (``Mixtral 8x7B``, ``8*16B``): the total is not
  ``N`` times the expert size (Mixtral 8x7B has about 47B parameters, not 56B), and
  the abstract would have to say it;
* the size is glued to a letter (``A2.7B``, the activated parameters of
  ``Qwen1.5-MoE-A2.7B``; ``RS5M``): it is then not the model's total;
* ``K`` sizes (``Phi-3-mini-4k``, ``gpt-3.5-turbo-16k``): in names they are
  context lengths;
* the name gives two different sizes: which one is the model's is unclear.

>>> model_size("GLM-130B")
130000000000
>>> model_size("Qwen-1_8B"), model_size("bloom-7b1")
(1800000000, 7100000000)
>>> model_size("Mixtral 8x7B") is None
True
"""

from __future__ import annotations

import regex

from .numbers import parse_count

__all__ = ["model_size"]

_SIZE = regex.compile(r"(?<![A-Za-z0-9.])(\d{1,4}(?:\.\d{1,3})?[BbMmTt])(?![A-Za-z0-9])")
#: A hub's decimal written as an underscore: ``Qwen-1_8B`` (not ``LLaMA_2_7B``, whose parts it separates).
_UNDERSCORE_DECIMAL = regex.compile(r"(?<![\w.])(\d{1,2})_(\d{1,2}[BbMm])(?![A-Za-z0-9])")
#: A hub's decimal written around its letter: ``bloom-7b1`` (7.1B), ``bloom-1b7``.
_LETTER_DECIMAL = regex.compile(r"(?<![A-Za-z0-9.])(\d{1,3})([BbMm])(\d{1,2})(?![A-Za-z0-9.])")
_EXPERTS = regex.compile(r"\d\s*[x×*]\s*\d", regex.IGNORECASE)


def model_size(name: str) -> int | None:
    """Parameters given by a size in a model's name, or ``None`` (see the module doc)."""
    if not isinstance(name, str) or len(name) > 200 or _EXPERTS.search(name):
        return None
    sizes = {parse_count(m) for m in _SIZE.findall(_UNDERSCORE_DECIMAL.sub(r"\1.\2", name))}
    sizes |= {parse_count(f"{whole}.{part}{unit}") for whole, unit, part in _LETTER_DECIMAL.findall(name)}
    sizes.discard(None)
    return sizes.pop() if len(sizes) == 1 else None
