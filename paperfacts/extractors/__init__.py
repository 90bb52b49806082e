"""spaCy components, one file per fact kind.

Each component finds mentions in ``doc.text`` (``match``) and writes them to a span
group (``set_annotations``) through :func:`write_facts`: token-aligned spans plus,
in ``group.attrs["facts"]``, one JSON-able dict per span with the exact character
offsets and the normalized payload. :func:`read_facts` reads them back.

For spaCy users the same is at hand as extension attributes: ``doc._.<group>``
(``doc._.paperfacts_models``, ...) is the list of fact dicts of a group, and
``span._.paperfacts_fact`` is the fact behind one span of a group, with the exact
character offsets (``start``, ``end``, ``text``; the span itself snaps to tokens).
Each factory declares the ``doc._`` attributes it ``requires`` and ``assigns``, so
``nlp.analyze_pipes()`` reports a component placed before one it reads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import minibatch

#: ``doc.user_data`` key of the text ``text_of`` read: ``(token count, text)``.
_TEXT = "paperfacts_text"


def remember_text(doc: Doc, text: str) -> Doc:
    """Seed :func:`text_of` with the text ``doc`` was made from (spaCy keeps it verbatim)."""
    doc.user_data[_TEXT] = (len(doc), text)
    return doc


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins the tokens on every access) and kept
    in ``doc.user_data`` beside the Doc's token count (JSON-able values, what a Doc may
    carry): a Doc made of some of its tokens with its user data copied
    (``span.as_doc(copy_user_data=True)``) reads its own text again. One object per
    Doc: the shared cue-word pass remembers texts by identity (``trie.GATE_WORDS``)."""
    kept = doc.user_data.get(_TEXT)
    if kept is not None and kept[0] == len(doc):
        return kept[1]
    text = doc.text
    remember_text(doc, text)
    return text


#: A part a name joins with an underscore, LaTeX-escaped or not (``CHASE\_DB1``,
#: ``UCF_QNRF``, ``EfficientNet\_Large``): the corpus and the model grammar both take it.
UNDERSCORE_PART = re.compile(r"\\?_[A-Za-z0-9]+(?![\w\\{])")


@lru_cache(maxsize=4096)  # the same names come back paper after paper
def name_key(name: str) -> str:
    """A name compared case-, space- and punctuation-insensitively (``GPT-4`` ~ ``gpt 4``)."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


GROUPS = {
    "gazetteer_benchmark": "paperfacts_gazetteer_benchmark",
    "gazetteer_dataset": "paperfacts_gazetteer_dataset",
    "gazetteer_model": "paperfacts_gazetteer_model",
    "gazetteer_metric": "paperfacts_gazetteer_metric",
    "model": "paperfacts_models",
    "parameter_count": "paperfacts_parameter_counts",
    "token_count": "paperfacts_token_counts",
    "benchmark": "paperfacts_benchmarks",
    "dataset": "paperfacts_datasets",
    "score": "paperfacts_scores",
    "url": "paperfacts_urls",
}


def attrs(*kinds: str) -> list[str]:
    """The extension attributes of the span groups of ``kinds``, as a factory's
    ``requires`` and ``assigns`` name them (``doc._.paperfacts_models``)."""
    return [f"doc._.{GROUPS[kind]}" for kind in kinds]


def fact_of(span: Span) -> dict | None:
    """The fact dict behind ``span``, a span of one of the paperfacts span groups
    (``span._.paperfacts_fact``); ``None`` for any other span."""
    kind = span.label_
    group = span.doc.spans.get(GROUPS[kind]) if kind in GROUPS else None
    if group is None:
        return None
    for candidate, fact in zip(group, group.attrs.get("facts", ())):
        if candidate.start == span.start and candidate.end == span.end:
            return fact
    return None


def require_paperfacts(nlp: Language) -> None:
    """Name paperfacts among the requirements in ``nlp.meta`` (``meta.json`` of a saved
    pipeline), so that whoever loads it knows what to install."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        requirement = f"paperfacts>={version('paperfacts')}"
    except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
        requirement = "paperfacts"
    requirements = nlp.meta.setdefault("requirements", [])
    if not any(r.split(">")[0].split("=")[0].strip() == "paperfacts" for r in requirements):
        requirements.append(requirement)


_START_END = itemgetter("start", "end")


def write_facts(doc: Doc, kind: str, facts: list[dict]) -> None:
    """Store ``facts`` (dicts with ``start``/``end`` char offsets) as the span group of ``kind``."""
    facts = sorted(facts, key=_START_END)
    spans, kept = [], []
    for fact in facts:
        span = doc.char_span(fact["start"], fact["end"], label=kind, alignment_mode="expand")
        if span is None or not len(span):
            continue
        spans.append(span)
        kept.append(fact)
    # SpanGroups is a UserDict: set in its dict (what doc.spans[...] = does after checking a
    # SpanGroup of this Doc, which this is)
    doc.spans.data[GROUPS[kind]] = SpanGroup(doc, name=GROUPS[kind], attrs={"facts": kept}, spans=spans)


class Component:
    """A spaCy component: ``match`` finds mentions, ``set_annotations`` writes them."""

    name: str

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Docs a batch at a time, so that ``nlp.pipe`` runs each component over a
        batch before the next one: its code and patterns stay in the CPU caches
        (7% faster than doc by doc on the arXiv corpus)."""
        for batch in minibatch(docs, size=batch_size):
            self.prepare(batch)
            for doc in batch:
                yield self(doc)

    def prepare(self, batch: list[Doc]) -> None:
        """Work done for a whole batch before its docs are read one by one (none here)."""

    def match(self, doc: Doc):  # pragma: no cover - every component defines it
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found) -> None:  # pragma: no cover
        raise NotImplementedError


class Mentions:
    """Facts sorted by start, for range queries without scanning them all."""

    def __init__(self, facts: list[dict]):
        self.facts = sorted(facts, key=lambda f: f["start"])
        self.starts = [f["start"] for f in self.facts]

    def starting_in(self, lo: int, hi: int) -> list[dict]:
        """Facts whose start is in [lo, hi)."""
        return self.facts[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def covering(self, pos: int, reach: int = 200) -> bool:
        """Whether a fact (at most ``reach`` long) covers ``pos``."""
        return any(f["start"] <= pos < f["end"] for f in self.starting_in(pos - reach, pos + 1))


def occurrences(text: str, name: str) -> Iterator[int]:
    """Where ``name`` stands in ``text`` as a whole name: no letter, digit, ``_`` or ``-``
    glued on either side."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        if not (at and (text[at - 1].isalnum() or text[at - 1] in "_-")) and not (end < len(text) and (text[end].isalnum() or text[end] in "_-")):
            yield at
        at = text.find(name, at + 1)


def outside_links(doc: Doc, facts: list[dict]) -> list[dict]:
    """``facts`` less those that start inside a link: a link is an address, not prose
    (``huggingface.co/datasets/org/AM-DeepSeek-Distilled-40M`` names no model)."""
    links = sorted((u["start"], u["end"]) for u in read_facts(doc, "url"))
    if not links:
        return facts
    starts, reach = [a for a, _ in links], list(accumulate((b for _, b in links), max))  # reach: the furthest end so far
    return [f for f in facts if (i := bisect_right(starts, f["start"])) == 0 or reach[i - 1] <= f["start"]]


def read_facts(doc: Doc, kind: str) -> list[dict]:
    """The fact dicts a component wrote for ``kind`` (empty when it did not run)."""
    group = doc.spans.data.get(GROUPS[kind])  # SpanGroups is a UserDict: .data is its dict (3x faster than .get)
    return list(group.attrs.get("facts", [])) if group is not None else []


# getters that pickle (module-level functions, partials of them): spaCy sends the
# extensions to the processes of nlp.pipe(n_process=N)
for _kind, _group in GROUPS.items():
    Doc.set_extension(_group, getter=partial(read_facts, kind=_kind), force=True)
Span.set_extension("paperfacts_fact", getter=fact_of, force=True)
