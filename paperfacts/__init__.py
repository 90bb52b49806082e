"""paperfacts: validated, evidence-grounded facts from ML paper titles and abstracts.

>>> from paperfacts import extract
>>> facts = extract("We train a 1.3B parameter model on 300B tokens.")
>>> [c.value for c in facts.parameter_counts], [c.value for c in facts.token_counts]
([1300000000], [300000000000])
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from .errors import InputError, PaperfactsError
from .inputs import Item, unicode_problem
from .pipeline import get_nlp, paper_id, process
from .records import SCHEMA_VERSION, ErrorRecord, PaperFacts

__all__ = ["extract", "extract_many", "get_nlp", "paper_id", "PaperFacts", "ErrorRecord", "PaperfactsError",
           "InputError", "SCHEMA_VERSION"]
__version__ = "0.1.0"


def _item(n: int, abstract, title, id) -> Item:
    fields = (("abstract", abstract), ("title", title), ("id", id))
    for key, value in fields:
        if value is not None and not isinstance(value, str):
            return Item(n, None, None, None, f"{key} must be a string, not {type(value).__name__}")
    for key, value in reversed(fields):  # the id first: an id that can't be written is not kept
        if value is not None and (bad := unicode_problem(key, value)):
            return Item(n, None if key == "id" else id, None, None, bad)
    if abstract is None:
        return Item(n, id, title, None, "missing abstract")
    return Item(n, id, title, abstract)


def extract(abstract: str, *, title: str | None = None, id: str | None = None) -> PaperFacts:
    """Facts from one paper's abstract (and title).

    Raises ``InputError`` (a ``ValueError``) when an argument is not a string or
    is not valid Unicode (a lone surrogate such as ``"\\ud800"``, which could not
    be written as JSON).
    An empty abstract gives a record with no facts.
    """
    item = _item(1, abstract, title, id)
    if item.error:
        raise InputError(item.error)
    record = next(process([item]))
    if isinstance(record, ErrorRecord):
        raise PaperfactsError(record.error.reason)
    return record


def extract_many(records: Iterable[Mapping]) -> Iterator[PaperFacts | ErrorRecord]:
    """Facts for each mapping with ``abstract`` (and optional ``title``, ``id``), in order, streaming.

    A record that can't be read yields an ``ErrorRecord`` in its place.
    """
    return process(
        _item(n, r.get("abstract"), r.get("title"), r.get("id")) if isinstance(r, Mapping)
        else Item(n, None, None, None, f"not a mapping but {type(r).__name__}")
        for n, r in enumerate(records, 1)
    )
