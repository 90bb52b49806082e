"""The review page: one self-contained HTML file that shows every fact on its text.

``render(records, texts)`` turns records and the titles and abstracts they were
read from into the page: a summary and inline-SVG plots of the whole export
(rendered here through Jinja2 templates in ``paperfacts/templates/``), and the
papers themselves, embedded as JSON and drawn a page at a time by the page's own
script, each fact highlighted at its exact character offsets. No network: the
styles and the script are inline. ``paperfacts review`` (the command) and
``paperfacts.review`` (the function) both call it; ``PaperFacts.with_text`` gives a
record's view for a notebook.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import zlib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

import orjson
import regex

from .batch import FACT_FIELDS
from .errors import InputError
from .inputs import FORMATS, Item, Keys
from .records import ErrorRecord, PaperFacts

__all__ = ["review", "render", "paper_html", "Reviewed", "add_parser", "cmd_review", "KINDS"]

#: ``data-kind`` of each export field's facts, in the order of ``FACT_FIELDS``.
KINDS = ("model", "parameter_count", "token_count", "benchmark", "dataset", "score", "url")
KIND_LABELS = ("model", "parameter count", "token count", "benchmark", "dataset", "score", "URL")
FIELD_KIND = dict(zip(FACT_FIELDS, range(len(KINDS))))
#: The kinds whose names are plotted (most frequent first) and the count kinds drawn as histograms.
NAMED = ("models", "benchmarks", "datasets")
COUNTED = ("parameter_counts", "token_counts")
TOP_NAMES = 12

_views = itertools.count(1)
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
_MAGNITUDES = ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**3, "K"), (1, ""))


def human(n: float) -> str:
    """``1300000000`` -> ``1.3B``; ``950`` -> ``950``; ``999950`` -> ``1M``."""
    for i, (size, suffix) in enumerate(_MAGNITUDES):
        if abs(n) >= size or size == 1:
            text = f"{n / size:.3g}"
            if "e+" not in text:
                return text + suffix
            # three digits round it up to 1000 of this unit: one of the next, or a lot of trillions
            return "1" + _MAGNITUDES[i - 1][1] if i else f"{n / size:,.0f}{suffix}"
    raise AssertionError("unreachable")


def _utf16(text: str):
    """Code-point offset -> UTF-16 offset in ``text`` (what the browser's strings index)."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect_left(astral, i)


def _details(field: str, fact) -> tuple[str, list[list[str]]]:
    """A fact's label and the rows its tooltip shows (normalized value, unit, links)."""
    if field == "models":
        return fact.name, [["size", f"{fact.size:,} parameters ({human(fact.size)})"]] if fact.size else []
    if field in ("benchmarks", "datasets"):
        return fact.name, []
    if field in COUNTED:
        rows = [["value", f"{fact.value:,} ({human(fact.value)})"],
                ["unit", "parameters" if field == "parameter_counts" else "tokens"]]
        return fact.text, rows + ([["model", fact.model]] if fact.model else [])
    if field == "scores":
        rows = [["value", f"{fact.value:g}"], ["unit", fact.unit or "none"], ["kind", fact.kind]]
        rows += [[key, value] for key in ("metric", "benchmark", "model") if (value := getattr(fact, key))]
        return fact.text, rows
    return fact.url, [["url", fact.url], ["link to", fact.kind]]


def _links(facts: list[tuple[str, object]]) -> list[list[int]]:
    """For each fact, the indices of the facts it is linked to, both ways: a count's or
    a score's model, a score's benchmark (or dataset)."""
    by_name = {(field, fact.name): i for i, (field, fact) in enumerate(facts) if field in NAMED}
    links: list[set[int]] = [set() for _ in facts]
    for i, (field, fact) in enumerate(facts):
        targets = []
        if field in COUNTED or field == "scores":
            targets.append(by_name.get(("models", fact.model)))
        if field == "scores":
            targets += [by_name.get(("benchmarks", fact.benchmark)), by_name.get(("datasets", fact.benchmark))]
        for j in targets:
            if j is not None:
                links[i].add(j)
                links[j].add(i)
    return [sorted(s) for s in links]


def paper_view(record: PaperFacts, title: str | None, abstract: str, rules: dict[str, int]) -> dict:
    """One paper as the page's script reads it: id, title, abstract and its facts, each
    with kind, rule (an index into ``rules``, added to as met), label, tooltip rows,
    mentions (field 0 title / 1 abstract, UTF-16 start and end) and linked facts.

    Raises ``InputError`` when an evidence quote is not in the text given.
    """
    sources = (title, abstract)
    offsets = tuple(_utf16(text or "") for text in sources)
    flat = [(field, fact) for field in FACT_FIELDS for fact in getattr(record, field)]
    facts = []
    for (field, fact), linked in zip(flat, _links(flat)):
        mentions = []
        for ev in fact.evidence:
            which = 0 if ev.field == "title" else 1
            text = sources[which]
            if text is None or text[ev.start:ev.end] != ev.text:
                raise InputError(f"paper {record.id}: the evidence {ev.text!r} at {ev.field}[{ev.start}:{ev.end}] "
                                 f"is not in the {ev.field} given")
            mentions.append([which, offsets[which](ev.start), offsets[which](ev.end)])
        label, rows = _details(field, fact)
        facts.append({"k": FIELD_KIND[field], "r": rules.setdefault(fact.rule, len(rules)), "n": label, "d": rows,
                      "e": mentions, "l": linked})
    return {"i": record.id, "t": title, "a": abstract, "f": facts}


class _Stats:
    """What the summary and the plots show, gathered in one pass over the records."""

    def __init__(self) -> None:
        self.papers = self.errors = self.with_facts = 0
        self.facts = Counter()  # field -> facts
        self.mentions = Counter()  # field -> highlighted mentions
        self.rules = Counter()  # rule -> facts
        self.names = {field: Counter() for field in NAMED}  # casefolded name -> papers naming it
        self.spellings = {field: Counter() for field in NAMED}  # (casefolded, as written) -> mentions
        self.values = {field: [] for field in COUNTED}

    def add(self, record: PaperFacts) -> None:
        self.papers += 1
        any_fact = False
        for field in FACT_FIELDS:
            facts = getattr(record, field)
            any_fact = any_fact or bool(facts)
            self.facts[field] += len(facts)
            for fact in facts:
                self.mentions[field] += len(fact.evidence)
                self.rules[fact.rule] += 1
            if field in NAMED:
                keys = set()
                for fact in facts:
                    keys.add(fact.name.casefold())
                    self.spellings[field][fact.name.casefold(), fact.name] += len(fact.evidence)
                self.names[field].update(keys)
            elif field in COUNTED:
                self.values[field].extend(fact.value for fact in facts)
        self.with_facts += any_fact

    def bars(self, field: str) -> list[dict]:
        """The most frequent names, as bars: name (its most used spelling), papers, width in [0, 1]."""
        spelling = {}
        for (key, name), n in sorted(self.spellings[field].items(), key=lambda kv: (-kv[1], kv[0][1])):
            spelling.setdefault(key, name)
        top = sorted(self.names[field].items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_NAMES]
        most = top[0][1] if top else 1
        return [{"name": spelling[key], "n": n, "w": n / most} for key, n in top]


def histogram(values: list[int]) -> dict | None:
    """Counts per half decade of ``values`` (log scale), with a tick at each power of ten."""
    if not values:
        return None
    logs = [math.log10(v) for v in values]
    lo, hi = math.floor(min(logs)), math.floor(max(logs)) + 1
    bins = [0] * ((hi - lo) * 2)
    for x in logs:
        bins[min(len(bins) - 1, int((x - lo) * 2))] += 1
    most = max(bins)
    return {
        "bins": [{"n": n, "h": n / most, "lo": human(10 ** (lo + i / 2)), "hi": human(10 ** (lo + (i + 1) / 2))}
                 for i, n in enumerate(bins)],
        # a label at every power of ten, or every other one when there are many
        "ticks": [{"at": (d - lo) / (hi - lo), "label": human(10**d) if hi - lo <= 7 or (d - lo) % 2 == 0 else ""}
                  for d in range(lo, hi + 1)],
        "max": most,
        "n": len(values),
    }


def _texts(text) -> tuple[str | None, str | None]:
    """``(title, abstract)`` from a text as ``review`` accepts it: the abstract, a mapping
    with ``abstract`` and ``title`` (an input record), or a ``(title, abstract)`` pair."""
    if isinstance(text, str) or text is None:
        return None, text
    if isinstance(text, Mapping):
        return text.get("title"), text.get("abstract")
    title, abstract = text
    return title, abstract


def _json(data) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>`` and ``&`` escaped (``</script>`` can't end it)."""
    from markupsafe import Markup

    return Markup(orjson.dumps(data).decode().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("paperfacts", "templates"), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True, undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["human"] = human
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.globals["assets"] = _assets()
    return env


@lru_cache(maxsize=1)
def _assets() -> dict:
    """The page's style sheet and script, inlined as they are (checked not to end their element early)."""
    from importlib.resources import files

    from markupsafe import Markup

    assets = {}
    for name, end in (("review.css", "</style"), ("review.js", "</script")):
        text = files("paperfacts").joinpath("templates", name).read_text(encoding="utf-8")
        if end in text.lower():
            raise RuntimeError(f"templates/{name} contains {end}")
        assets[name.split(".")[1]] = Markup(text)
    return assets


def _kinds() -> list[dict]:
    return [{"kind": kind, "label": label, "field": field} for kind, label, field in zip(KINDS, KIND_LABELS, FACT_FIELDS)]


def render(records: Iterable[PaperFacts | ErrorRecord], texts: Iterable, *, title: str = "paperfacts review",
           sources: Sequence[str] = ()) -> str:
    """The review page of ``records``, each read from the text at the same place in ``texts``
    (see ``review``). Raises ``InputError`` when an evidence quote is not in its text."""
    from . import __version__

    stats, rules, papers, errors = _Stats(), {}, [], []
    for record, text in zip(records, texts, strict=True):
        if isinstance(record, ErrorRecord):
            stats.errors += 1
            errors.append(record)
            continue
        paper_title, abstract = _texts(text)
        if abstract is None:
            raise InputError(f"paper {record.id}: no abstract given to show it on")
        stats.add(record)
        papers.append(paper_view(record, paper_title if paper_title is not None else record.title, abstract, rules))
    stats.papers += stats.errors
    data = {"kinds": _kinds(), "rules": list(rules), "papers": papers}
    return _environment().get_template("page.html.j2").render(
        title=title, sources=list(sources), version=__version__, stats=stats, kinds=_kinds(),
        rules=sorted(((rule, n, rules[rule]) for rule, n in stats.rules.items()), key=lambda r: r[0]),
        bars=[(field, KIND_LABELS[FIELD_KIND[field]], KINDS[FIELD_KIND[field]], stats.bars(field)) for field in NAMED],
        histograms=[(field, KIND_LABELS[FIELD_KIND[field]], KINDS[FIELD_KIND[field]], histogram(stats.values[field]))
                    for field in COUNTED],
        errors=errors, data=_json(data),
    )


def review(records: Iterable[PaperFacts | ErrorRecord], texts: Iterable) -> str:
    """The self-contained HTML review page (a string) of ``records``.

    ``texts`` runs beside ``records``: for each record the text it was read from, as
    the abstract (the title is then the record's), a mapping with ``abstract`` and
    ``title`` (the very input records given to ``extract_many``), or a
    ``(title, abstract)`` pair. An error record's text is not read.
    """
    return render(records, texts)


def paper_html(record: PaperFacts, abstract: str | None = None, title: str | None = None) -> str:
    """One paper's highlighted view, for a notebook cell: the same view as the page's.
    Without the abstract, the title (which the record holds) is shown highlighted and
    the abstract's facts as a list of quotes."""
    rules: dict[str, int] = {}
    if title is None:
        title = record.title
    if abstract is None:
        in_title = {field: [fact.model_copy(update={"evidence": [ev for ev in fact.evidence if ev.field == "title"]})
                            for fact in getattr(record, field) if any(ev.field == "title" for ev in fact.evidence)]
                    for field in FACT_FIELDS}
        shown = record.model_copy(update=in_title)
        paper = paper_view(shown, title, "", rules)
        hidden = [(KIND_LABELS[FIELD_KIND[field]], fact.rule, ev.text) for field in FACT_FIELDS
                  for fact in getattr(record, field) for ev in fact.evidence if ev.field == "abstract"]
    else:
        paper, hidden = paper_view(record, title, abstract, rules), []
    data = {"kinds": _kinds(), "rules": list(rules), "papers": [paper]}
    root = f"pf-{zlib.crc32(orjson.dumps(paper)):08x}-{next(_views)}"  # unique when a record is shown twice
    return _environment().get_template("paper.html.j2").render(
        root=root, kinds=_kinds(), paper=paper, hidden=hidden, data=_json(data))


@dataclass(frozen=True)
class Reviewed:
    """A record with the text it was read from; shows itself highlighted in a notebook."""

    record: PaperFacts
    abstract: str
    title: str | None = None

    def _repr_html_(self) -> str:
        return paper_html(self.record, self.abstract, self.title)


# ---------------------------------------------------------------- command line

def add_parser(sub) -> argparse.ArgumentParser:
    """Register ``paperfacts review`` on the command line's subparsers."""
    p = sub.add_parser("review", help="write one self-contained HTML page that shows every fact on its text")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="the inputs (as for extract)")
    p.add_argument("-o", "--output", required=True, metavar="HTML", help="the page to write (- for stdout)")
    p.add_argument("--facts", metavar="FACTS.jsonl",
                   help="show this export of the inputs (checked against them by id) instead of extracting")
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format (default: detected)")
    for key, default in (("id", "id"), ("title", "title"), ("text", "abstract")):
        p.add_argument(f"--{key}-key", default=default, metavar="KEY", help=f"JSONL key of the {key} (default: {default})")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_review)
    return p


def read_export(path: str, items: list[Item]) -> list[PaperFacts | ErrorRecord]:
    """The records of an export, one per item, each checked to be that item's (by id).
    Raises ``InputError`` with the line number when they are not."""
    from .pipeline import paper_id
    from .records import EXPORT_LINE

    with open(path, "rb") as fh:
        lines = [line for line in fh if line.strip()]
    if len(lines) != len(items):
        raise InputError(f"{path} has {len(lines)} records, the inputs {len(items)}: not an export of these inputs")
    records = []
    for n, (line, item) in enumerate(zip(lines, items), 1):
        try:
            record = EXPORT_LINE.validate_json(line)
        except ValueError as e:
            raise InputError(f"{path} line {n}: not a paperfacts record ({str(e).splitlines()[0]})") from None
        expected = item.id if item.id is not None or item.abstract is None else paper_id(item.title, item.abstract)
        if isinstance(record, PaperFacts) and (item.error or record.id != expected) or \
                isinstance(record, ErrorRecord) and record.id is not None and record.id != expected:
            raise InputError(f"{path} line {n}: id {record.id!r} is not the input's ({expected!r})")
        records.append(record)
    return records


def cmd_review(args) -> int:
    from .pipeline import process

    if os.path.isdir(args.output):
        print(f"paperfacts: -o {args.output} is a directory; name the page to write", file=sys.stderr)
        return 2
    from .cli import _items  # extract's reader of the inputs (cli imports this module)

    items = list(_items(args.inputs, args.format, Keys(id=args.id_key, title=args.title_key, text=args.text_key)))
    try:
        records = read_export(args.facts, items) if args.facts else list(process(items))
        page = render(records, [(item.title, item.abstract) for item in items],
                      sources=[os.path.basename(p) for p in args.inputs])
    except (InputError, OSError) as e:
        print(f"paperfacts: {e}", file=sys.stderr)
        return 2
    data = page.encode("utf-8")
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(args.output + ".part", "wb") as fh:
            fh.write(data)
        os.replace(args.output + ".part", args.output)
    if not args.quiet:
        errors = sum(isinstance(r, ErrorRecord) for r in records)
        print(f"paperfacts: review of {len(records)} papers ({errors} errors) written to {args.output} "
              f"({len(data) / 1e6:.1f} MB)", file=sys.stderr)
    return 0
