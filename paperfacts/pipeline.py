"""The pipeline (``spacy.blank("en")`` plus our components) and Doc -> record.

The title and the abstract are read as one Doc, ``title + "\\n\\n" + abstract``
(the blank line ends the title's sentence), each unwrapped first when it is
hard-wrapped (the arXiv snapshot) and without LaTeX's formatting commands
(``\\textbf{X}`` reads ``X``), so that it reads like the text it stands for; offsets are mapped back to the field as given when the record is built,
and every quoted text comes from the field as given.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Iterator

import regex
import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .affix_index import indexed
from .canonical import canonical_name
from .extractors import Mentions, name_key, read_facts, remember_text, text_of, write_facts
from .normalize.sizes import model_size
from .normalize.text import original_offset, plain
from .records import Count, ErrorDetail, ErrorRecord, Evidence, Model, Name, PaperFacts, Score, Url

SEPARATOR = "\n\n"
#: Longest title + abstract read; a longer paper gets an error record.
MAX_CHARS = 20_000_000
#: spaCy's tokenizer is quadratic in the length of a run without white space
#: (50,000 "(" take minutes); longer runs are cut into pieces of this size.
MAX_RUN = 500
_RUNS = re.compile(r"\S+|\s+")
_LONG_RUN = re.compile(r"\S{%d}" % (MAX_RUN + 1))
#: How many chunks (runs between white space) the tokenizer remembers the tokens
#: of; it keeps the first ones it meets. A chunk it does not remember is split again
#: (a few µs with ``affix_index``); one it remembers costs about 230 bytes for as long
#: as the process lives. spaCy's default is 10,000; the arXiv corpus has 108,528
#: distinct chunks, of which a cache of 30,000 misses 19 per paper and one of 40,000
#: 14.5 (the benchmark's repeated corpus). Peak RSS on 100,000 papers against 1,000
#: (docs/performance.md): 1.22x at 30,000, 1.23x at 40,000 (the target is 1.25x).
TOKENIZER_CACHE = 40_000

#: Component order: later components read what earlier ones wrote (links come
#: first: the name finders read no names inside a link).
COMPONENTS = (
    "paperfacts_urls",
    "paperfacts_gazetteer",
    "paperfacts_models",
    "paperfacts_corpora",
    "paperfacts_quantities",
    "paperfacts_scores",
)


@dataclass(frozen=True)
class UserNames:
    """Users' names files for the gazetteer (``extract(..., names=...)``, ``--names``):
    added to the shipped lists, or in their place with ``replace``."""

    paths: tuple[str, ...] = ()
    replace: bool = False

    @classmethod
    def of(cls, names: str | os.PathLike | Iterable[str | os.PathLike] | None, replace: bool = False) -> UserNames:
        """From one path or several (made absolute, so that worker processes read the same files)."""
        if names is None:
            names = ()
        elif isinstance(names, (str, os.PathLike)):
            names = (names,)
        return cls(tuple(os.path.abspath(os.fspath(p)) for p in names), replace)


def build_nlp(names: UserNames = UserNames()) -> Language:
    """A fresh pipeline: a blank English tokenizer and our components."""
    # Importing registers the factories even when the package is not installed
    # (entry points cover the installed case).
    from .extractors import corpora, gazetteer, models, quantities, scores, urls  # noqa: F401

    nlp = spacy.blank("en")
    nlp.max_length = MAX_CHARS  # no parser or NER: long texts cost only linear time and memory
    nlp.tokenizer = tuned_tokenizer(nlp.tokenizer)
    for name in COMPONENTS:
        if name == "paperfacts_gazetteer" and names != UserNames():
            nlp.add_pipe(name, config={"names": list(names.paths), "replace": names.replace})
        else:
            nlp.add_pipe(name)
    return nlp


def tuned_tokenizer(tokenizer: Tokenizer) -> Tokenizer:
    """A copy of ``tokenizer`` that is faster and gives every token as it did.

    - Faster affix regexes (``affix_index.indexed``): the same matches, found by
      running only the alternatives a chunk's characters allow.
    - A larger cache (``TOKENIZER_CACHE``).
    - No special cases for the white-space tokens that are their own only token and
      set nothing else (``" "``, ``"\\n"``, ``"\\t"``; ``"\\xa0"`` sets a norm and
      stays): a white-space run is one token with or without them. With them, one
      double space makes spaCy stop caching for the rest of the Doc (it caches
      nothing after a special case: a guard in its ``_save_cached``) and match the
      whole Doc again for special cases.

    A new tokenizer, not the old one changed: each setting changed on a live
    tokenizer reloads its special cases, and spaCy keeps about 0.6 MB of each load.
    ``tests/test_scanning.py`` compares the tokens with ``spacy.blank("en")``'s.
    """
    rules = {
        key: substrings
        for key, substrings in tokenizer.rules.items()
        if not (key.isspace() and substrings == [{ORTH: key}])
    }
    return Tokenizer(
        tokenizer.vocab,
        rules=rules,
        prefix_search=indexed(tokenizer.prefix_search, "prefix"),
        suffix_search=indexed(tokenizer.suffix_search, "suffix"),
        infix_finditer=indexed(tokenizer.infix_finditer, "infix"),
        token_match=tokenizer.token_match,
        url_match=indexed(tokenizer.url_match, "url"),
        faster_heuristics=tokenizer.faster_heuristics,
        max_cache_size=max(tokenizer.max_cache_size, TOKENIZER_CACHE),
    )


def get_nlp(names: UserNames = UserNames()) -> Language:
    """The shared pipeline, built once per process (and per set of users' names files,
    which are read when it is built)."""
    return _built(names)  # (one cache key for ``get_nlp()`` and ``get_nlp(UserNames())``)


@lru_cache(maxsize=2)
def _built(names: UserNames) -> Language:
    return build_nlp(names)


# get_nlp was the cached function itself: its cache's methods stay where callers found them
get_nlp.cache_clear, get_nlp.cache_info = _built.cache_clear, _built.cache_info


def paper_id(title: str | None, abstract: str) -> str:
    """A stable id from title and abstract (``pf-`` + 16 hex digits of SHA-256)."""
    digest = hashlib.sha256(((title or "") + "\x00" + abstract).encode("utf-8", "surrogatepass")).hexdigest()
    return "pf-" + digest[:16]


def make_doc(nlp: Language, abstract: str, title: str | None) -> Doc:
    """The Doc for one paper; the blank line after the title ends a sentence.

    Hard-wrapped fields are unwrapped and LaTeX's formatting commands dropped
    (``normalize.text.plain``); the original text and the offset shifts are kept
    in ``doc.user_data`` for the evidence.
    """
    title_u, title_shifts = plain(title) if title else (title, [[], []])
    abstract_u, abstract_shifts = plain(abstract)
    text = ((title_u + SEPARATOR) if title_u else "") + abstract_u
    doc = remember_text(_tokenize(nlp, text), text)
    doc.user_data["paperfacts_title_len"] = len(title_u) if title_u else None
    doc.user_data["paperfacts_title"] = title or None
    if title_shifts[0] or abstract_shifts[0]:
        positions, deltas = list(title_shifts[0]), list(title_shifts[1])
        base, shift = 0, 0
        if title_u:
            base, shift = len(title_u) + len(SEPARATOR), len(title) - len(title_u)
            positions.append(base)
            deltas.append(shift)
        positions += [p + base for p in abstract_shifts[0]]
        deltas += [d + shift for d in abstract_shifts[1]]
        doc.user_data["paperfacts_original"] = ((title + SEPARATOR) if title else "") + abstract
        doc.user_data["paperfacts_shifts"] = [positions, deltas]
    return doc


def _has_long_run(text: str) -> bool:
    """Whether ``text`` has a run without white space longer than ``MAX_RUN``.

    Such a run holds every character from some multiple of ``step`` to the next, so
    only a span like that without a space sends the text to the (slower) regex.
    """
    step = (MAX_RUN + 1) // 2
    for start in range(0, len(text) - step, step):
        if text.find(" ", start, start + step + 1) < 0:
            return _LONG_RUN.search(text) is not None
    return False


def _tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, except that runs without white space longer than
    ``MAX_RUN`` become fixed-size tokens; the Doc's text is ``text`` either way."""
    if not _has_long_run(text):
        return nlp.make_doc(text)
    words: list[str] = []
    spaces: list[bool] = []
    for m in _RUNS.finditer(text):
        run = m.group()
        if run.isspace():
            if run == " " and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True
            else:
                words.append(run)
                spaces.append(False)
        elif len(run) > MAX_RUN:
            pieces = [run[i : i + MAX_RUN] for i in range(0, len(run), MAX_RUN)]
            words.extend(pieces)
            spaces.extend([False] * len(pieces))
        else:
            for token in nlp.make_doc(run):
                words.append(token.text)
                spaces.append(False)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def _evidence(doc: Doc, fact: dict) -> Evidence:
    """Where ``fact`` was read, in the field as given (before ``plain``)."""
    title_len = doc.user_data.get("paperfacts_title_len")
    start, end = fact["start"], fact["end"]
    shifts = doc.user_data.get("paperfacts_shifts")
    source = text_of(doc)
    # where the abstract starts in the fields as given (not after a command it opens with)
    abstract_at = (len(doc.user_data["paperfacts_title"]) + len(SEPARATOR)) if title_len is not None else 0
    field = "title" if title_len is not None and start < title_len else "abstract"
    if shifts:
        source = doc.user_data["paperfacts_original"]
        # the end maps through the fact's last character: a space that stood for a line
        # break must not pull the break's indentation into the quote
        start, end = original_offset(shifts, start), original_offset(shifts, max(start, end - 1)) + (end > start)
    offset = 0 if field == "title" else abstract_at
    return Evidence(field=field, start=start - offset, end=end - offset, text=source[start:end])


def _facts(doc: Doc, kind: str) -> list[dict]:
    """The facts of ``kind`` that lie within one field (none may span the title/abstract break)."""
    title_len = doc.user_data.get("paperfacts_title_len")
    if title_len is None:
        return read_facts(doc, kind)
    return [f for f in read_facts(doc, kind) if f["end"] <= title_len or f["start"] >= title_len + len(SEPARATOR)]


def _names(doc: Doc, kind: str) -> list[tuple[dict, list[Evidence]]]:
    """One (first fact, evidence) per distinct name (case/punctuation-insensitive): the first spelling is kept."""
    by_key: dict[str, tuple[dict, list[Evidence]]] = {}
    for fact in _facts(doc, kind):
        key = name_key(fact["name"])
        if key:
            by_key.setdefault(key, (fact, []))[1].append(_evidence(doc, fact))
    return list(by_key.values())


def _grouped(doc: Doc, kind: str, key_fields: tuple[str, ...]) -> list[tuple[dict, list[Evidence]]]:
    groups: dict[tuple, tuple[dict, list[Evidence]]] = {}
    for fact in _facts(doc, kind):
        key = tuple(fact.get(k) for k in key_fields)
        groups.setdefault(key, (fact, []))[1].append(_evidence(doc, fact))
    return list(groups.values())


#: What joins two members of a list: ``A, B``, ``A and B``, ``A, and B``.
_LIST_GAP = re.compile(r"\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")


def _inside_corpus_names(doc: Doc) -> None:
    """Drop model mentions inside a benchmark or dataset name (``ChatGPT`` in ``Video ChatGPT``),
    or on the same span as one that the context calls a benchmark (``the Video ChatGPT benchmark``).
    A name both lists know, read as both at the same span (``OPT``, ``Chameleon``), takes the
    role of the list it stands in: ``Llama, OPT, and Qwen`` are models, ``GenImage, Chameleon,
    and UniversalFakeDetect`` benchmarks; alone, it stays both."""
    kinds = ("benchmark", "dataset")
    facts = {kind: read_facts(doc, kind) for kind in kinds}
    corpora = Mentions([f for kind in kinds for f in facts[kind]])
    models = read_facts(doc, "model")
    text = text_of(doc)

    def listed_with(f, others) -> bool:
        """Whether ``f`` stands in a list next to one of ``others`` (another span)."""
        return any(
            (o["end"] <= f["start"] and _LIST_GAP.fullmatch(text, o["end"], f["start"]))
            or (f["end"] <= o["start"] and _LIST_GAP.fullmatch(text, f["end"], o["start"]))
            for o in others.starting_in(f["start"] - 60, f["end"] + 60) if (o["start"], o["end"]) != (f["start"], f["end"])
        )

    def covered(m):
        return any(
            m["end"] <= c["end"] and (not c["rule"].endswith(".gazetteer") or (c["start"], c["end"]) != (m["start"], m["end"])
                                      or listed_with(c, corpora) and not listed_with(m, model_spans))
            for c in corpora.starting_in(m["start"] - 200, m["start"] + 1)
        )

    model_spans = Mentions(models)
    kept = [m for m in models if not covered(m)]
    if len(kept) != len(models):
        write_facts(doc, "model", kept)
    spans = {(m["start"], m["end"]) for m in kept}
    for kind in kinds:  # a listed corpus read on a model's span, in a list of models: a model
        dropped = [c for c in facts[kind] if (c["start"], c["end"]) in spans and c["rule"].endswith(".gazetteer")
                   and listed_with(c, model_spans) and not listed_with(c, corpora)]
        if dropped:
            write_facts(doc, kind, [c for c in facts[kind] if c not in dropped])


def to_record(doc: Doc, *, id: str | None = None, title: str | None = None) -> PaperFacts:
    """The validated record (``PaperFacts``) of a Doc our components have processed.

    ``doc`` is ``nlp(text)`` (all of it read as the abstract) or
    ``nlp(make_doc(nlp, abstract, title))``, for any pipeline that holds the
    paperfacts components. Evidence offsets refer to the title or abstract as given.
    ``title`` defaults to the one given to ``make_doc``; ``id`` to ``paper_id`` of
    title and abstract.
    """
    if title is None:
        title = doc.user_data.get("paperfacts_title")
    if id is None:
        source = doc.user_data.get("paperfacts_original") or text_of(doc)
        title_len = doc.user_data.get("paperfacts_title_len")
        given_title = doc.user_data.get("paperfacts_title")
        abstract = source[len(given_title) + len(SEPARATOR):] if title_len is not None and given_title else source
        id = paper_id(title, abstract)
    _inside_corpus_names(doc)
    models = [Model(name=f["name"], canonical=canonical_name(f["name"], "model"), evidence=ev, rule=f["rule"],
                    size=model_size(f["name"])) for f, ev in _names(doc, "model")]
    model_names = {name_key(m.name): m for m in models}

    def model_of(name) -> dict:
        model = model_names.get(name_key(name)) if name else None
        return {"model": model and model.name, "model_canonical": model and model.canonical}

    def counts(kind):
        return [
            Count(value=f["value"], text=ev[0].text, **model_of(f.get("model")), evidence=ev, rule=f["rule"])
            for f, ev in _grouped(doc, kind, ("value", "model", "text"))
        ]

    benchmarks, datasets = (
        [Name(name=f["name"], canonical=canonical_name(f["name"], kind), evidence=ev, rule=f["rule"])
         for f, ev in _names(doc, kind)]
        for kind in ("benchmark", "dataset")
    )
    corpus_names = {name_key(n.name): n for n in benchmarks + datasets}

    def benchmark_of(name) -> dict:
        corpus = corpus_names.get(name_key(name)) if name else None
        return {"benchmark": corpus and corpus.name, "benchmark_canonical": corpus and corpus.canonical}

    scores = [
        Score(value=f["value"], text=ev[0].text, unit=f["unit"], kind=f["kind"], metric=f["metric"],
              **benchmark_of(f["benchmark"]), **model_of(f["model"]), evidence=ev, rule=f["rule"])
        for f, ev in _grouped(doc, "score", ("start",))
    ]
    urls = [Url(url=f["url"], kind=f["kind"], evidence=ev, rule=f["rule"]) for f, ev in _grouped(doc, "url", ("url",))]
    return PaperFacts(
        id=id, title=title, models=models, parameter_counts=counts("parameter_count"),
        token_counts=counts("token_count"), benchmarks=benchmarks, datasets=datasets, scores=scores, urls=urls,
    )


def process(
    items: Iterable, *, batch_size: int = 64, names: UserNames = UserNames()
) -> Iterator[PaperFacts | ErrorRecord]:
    """Items (with ``line``, ``id``, ``title``, ``abstract``, ``error``) -> records, in order.

    Docs go through ``nlp.pipe`` a batch at a time; if a batch fails, its papers are
    redone one by one so that one bad paper costs one error record, never the batch.
    """
    nlp = get_nlp(names)
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _process_batch(nlp, batch)
            batch = []
    if batch:
        yield from _process_batch(nlp, batch)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _check(item):
    """The item, or the item with an error when it can't be read: too long, or not valid Unicode."""
    if item.error:
        return item
    size = len(item.abstract or "") + len(item.title or "")
    if size > MAX_CHARS:
        return replace(item, error=f"title and abstract are {size} characters; at most {MAX_CHARS} are read")
    for field in ("title", "abstract"):
        value = getattr(item, field) or ""
        bad = None if value.isascii() else _SURROGATE.search(value)  # a surrogate is not ASCII
        if bad:
            return replace(item, error=f"{field} is not valid Unicode: lone surrogate U+{ord(bad.group()):04X} at {bad.start()}")
    return item


def _error(item, reason: str) -> ErrorRecord:
    return ErrorRecord(id=item.id, error=ErrorDetail(line=item.line, reason=reason))


def _process_batch(nlp: Language, batch: list) -> Iterator[PaperFacts | ErrorRecord]:
    batch = [_check(item) for item in batch]
    todo = [(i, item) for i, item in enumerate(batch) if not item.error]
    ids = {i: item.id or paper_id(item.title, item.abstract) for i, item in todo}
    out: dict[int, PaperFacts | ErrorRecord] = {i: _error(item, item.error) for i, item in enumerate(batch) if item.error}
    try:
        docs = list(nlp.pipe(make_doc(nlp, item.abstract, item.title) for _, item in todo))
        for (i, item), doc in zip(todo, docs):
            out[i] = to_record(doc, id=ids[i], title=item.title)
    except Exception:  # noqa: BLE001 - isolate the failing paper below
        for i, item in todo:
            try:
                out[i] = to_record(nlp(make_doc(nlp, item.abstract, item.title)), id=ids[i], title=item.title)
            except Exception as e:  # noqa: BLE001 - one bad paper is one error record
                out[i] = _error(item, f"internal error: {type(e).__name__}: {e}"[:500])
    for i in range(len(batch)):
        yield out[i]
