"""paperfacts: validated, evidence-grounded facts from ML paper titles and abstracts.

>>> from paperfacts import extract
>>> facts = extract("We train a 1.3B parameter model on 300B tokens.")
>>> [c.value for c in facts.parameter_counts], [c.value for c in facts.token_counts]
([1300000000], [300000000000])
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, version
from typing import Iterable, Iterator, Mapping, Union

try:
    __version__ = version("paperfacts")  # the one copy is pyproject.toml's, through the installed metadata
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"

from .errors import InputError, NamesError, NamesFileNotFoundError, PaperfactsError
from .inputs import Item, unicode_problem
from .pipeline import UserNames, get_nlp, make_doc, paper_id, process, to_record
from .records import SCHEMA_VERSION, ErrorRecord, PaperFacts
from .review import review  # the function; the module stays importable as paperfacts.review

__all__ = ["extract", "extract_many", "review", "get_nlp", "make_doc", "to_record", "paper_id", "PaperFacts", "ErrorRecord",
           "PaperfactsError", "InputError", "NamesError", "NamesFileNotFoundError", "SCHEMA_VERSION", "__version__",
           "tables"]

#: One names file or several (``str`` or ``os.PathLike`` each).
Names = Union[str, os.PathLike, Iterable[Union[str, os.PathLike]], None]


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


def extract(abstract: str, *, title: str | None = None, id: str | None = None, names: Names = None,
            replace_names: bool = False) -> PaperFacts:
    """Facts from one paper's abstract (and title).

    ``names``: a names file or several (JSON lines with ``name`` and ``kind``, see
    README) whose models, benchmarks, datasets and metrics are added to the shipped
    lists, or replace them with ``replace_names=True``.

    Raises ``InputError`` (a ``ValueError``) when an argument is not a string,
    ``NamesFileNotFoundError`` (a ``FileNotFoundError``) or ``NamesError`` (a
    ``ValueError``) for a names file that does not exist or can't be used. An
    argument that is not valid Unicode (a lone surrogate such as ``"\\ud800"``, which
    could not be written as JSON) is an ``InputError`` too.
    An empty abstract gives a record with no facts.
    """
    item = _item(1, abstract, title, id)
    if item.error:
        raise InputError(item.error)
    record = next(process([item], names=UserNames.of(names, replace_names)))
    if isinstance(record, ErrorRecord):
        raise PaperfactsError(record.error.reason)
    return record


def extract_many(records: Iterable[Mapping], *, names: Names = None,
                 replace_names: bool = False) -> Iterator[PaperFacts | ErrorRecord]:
    """Facts for each mapping with ``abstract`` (and optional ``title``, ``id``), in order, streaming.

    A record that can't be read yields an ``ErrorRecord`` in its place. ``names`` and
    ``replace_names`` as for ``extract``; a names file is read (and its errors raised)
    right away, before the first record.
    """
    user_names = UserNames.of(names, replace_names)
    get_nlp(user_names)
    return process(
        (_item(n, r.get("abstract"), r.get("title"), r.get("id")) if isinstance(r, Mapping)
         else Item(n, None, None, None, f"not a mapping but {type(r).__name__}")
         for n, r in enumerate(records, 1)),
        names=user_names,
    )


def tables(records: Iterable) -> dict:
    """One ``pyarrow.Table`` per kind of fact, a row per fact, with a fixed schema per kind
    (``paperfacts.arrow``; needs ``paperfacts[arrow]``). ``records``: parsed export lines
    (dicts) or ``PaperFacts``; error records add no rows."""
    from .arrow import tables as arrow_tables

    return arrow_tables(records)
