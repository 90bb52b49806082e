#!/usr/bin/env python3
"""Curate the MODEL-NAME and METRIC-NAME gazetteers of paperfacts.

Usage (from the repository root)::

    python scripts/curate_models.py [SOURCES_DIR] [--corpus PATH]

SOURCES_DIR defaults to ``../shared/gazetteer-sources`` (relative to the repo).
The raw sources are read here only, never at run time, and never copied: only
names that pass the hand-written filter rules below are kept, merged with the
hand-written seed lists in ``scripts/seeds/{models,metrics}.txt``.

Outputs (deterministic, sorted case-insensitively by name):

* ``paperfacts/data/models.jsonl``:
  ``{"name", "aliases", "ignore_case", "family"}`` per line
* ``paperfacts/data/metrics.jsonl``:
  ``{"name", "aliases", "ignore_case"}`` per line

``paperfacts/data/not_models.txt`` is hand-written; it is read as a stop list.

``ignore_case`` is decided per surface form from rules plus a data-driven check
on the unlabeled arXiv corpus (``<sources>/../corpus/arxiv_abstracts.jsonl.gz``):
a form whose exact lowercase spelling occurs as a word in the corpus is kept
case-sensitive.  Forms of one entry that are not safe case-insensitively are
split off into their own case-sensitive entry.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = REPO.parent / "shared" / "gazetteer-sources"
SEEDS = REPO / "scripts" / "seeds"
DATA = REPO / "paperfacts" / "data"

# --------------------------------------------------------------------------
# Hand-written rule tables
# --------------------------------------------------------------------------

#: Source model names that pass the shape rules but are ambiguous words,
#: institutions, software tools, methods or baselines rather than models.
SOURCE_MODEL_REJECTS = {
    "ABS", "ABS+", "CMU", "GATE", "GAS", "KEF", "USE", "CAFE", "DANN", "MFS",
    "CSRLM", "CGU", "DRGD", "DeepL", "JointParsing", "MultiR", "NASCell",
    "Seq2Seq", "ConvNet", "WSD-TM", "TF-KLD", "MoE", "RAS-Elman", "MIML-RE",
    "Reinforced-Topic-ConvS2S", "ControlCopying", "HRERE", "VDCN",
}

#: Trailing size/variant words stripped from source names (the extractor adds
#: sizes itself: ``BERT Large`` -> ``BERT``).
SIZE_WORDS = {"base", "large", "small", "big", "standard", "ensemble", "tiny", "medium"}

#: Tokens that are generic building blocks; a source name made only of these
#: (plus modifiers) is a description, not a named model.
GENERIC_TOKENS = {
    "lstm", "bilstm", "bi-lstm", "gru", "bigru", "rnn", "cnn", "crf", "lm", "mlp",
    "transformer", "seq2seq", "convnet", "attention", "bi", "char", "word",
    "deep", "gated", "temporal", "joint", "meta", "hierarchical", "large",
    "neural", "model", "parser", "network", "encoder", "decoder", "baseline",
}

#: Forms whose lowercase spelling is an English word or a common first name
#: that the corpus check might miss; always matched case-sensitively.
FORCE_CASE_SENSITIVE_MODELS = {
    "LLaMA", "Llama", "PaLM", "GLaM", "ELMo", "GloVe", "NeRF", "MiDaS", "OLMo",
    "CoCa", "BiT", "DiT", "LaMDA", "CoAtNet", "Mip-NeRF", "Flan-PaLM", "Med-PaLM",
    "U-PaLM", "PaLM-E", "PaLI",
    "Tulu", "Tülu", "Orca", "Dolly", "Koala", "Guanaco", "Zephyr", "Mistral",
    "Gemma", "Qwen", "Baichuan", "Grok", "Jamba", "Mamba", "Hyena", "Jasper",
    "Florence", "Otter", "Chameleon", "Donut", "Emu", "Muse", "Parti", "Sora",
    "Imagen", "Informer", "Reformer", "Performer", "Conformer", "Inception",
    "Minerva", "Gopher", "Sparrow", "Chinchilla", "Gorilla", "Starling", "Aya",
    "Kimi", "Moshi", "Jais", "Ziya", "Reka", "Bard", "MAmmoTH", "BEATs", "BiSET",
}

#: Metric forms whose lowercase spelling is an ordinary word.
FORCE_CASE_SENSITIVE_METRICS = {
    "CIDEr", "CIDEr-D", "SPICE", "METEOR", "COMET", "MAUVE", "Dice", "Elo",
    "Pearson", "Spearman", "TER", "MAP", "mAP", "Smatch",
}

#: Split/subset names, dataset names and other non-metrics in source metric lists.
METRIC_NON_METRICS = {
    "dev", "test", "all", "average", "score", "matched", "mismatched", "validation",
    "books", "dvd", "electronics", "kitchen", "mrpc", "race", "race-h", "race-m",
    "sick-e", "sick-r", "sts", "pos", "number of params", "overall",
}

#: Split prefixes stripped from source metric names ("Test perplexity").
METRIC_SPLIT_PREFIXES = ("test ", "validation ", "dev ", "val ")

ACRONYM_EXPANSION = re.compile(r"^(?P<long>[^()]+?)\s*\((?P<short>[A-Za-z0-9@\-]+)\)$")


# --------------------------------------------------------------------------
# Reading sources and seeds
# --------------------------------------------------------------------------

def iter_leaderboard_datasets(tasks: list) -> Iterator[dict]:
    """Yield every dataset (and nested subdataset) of the NLP-progress tasks."""
    def walk(datasets: list) -> Iterator[dict]:
        for ds in datasets or []:
            yield ds
            yield from walk(ds.get("subdatasets", []))
    for task in tasks:
        yield from walk(task.get("datasets", []))


def read_source_model_names(sources: Path) -> list[str]:
    """All ``model_name`` strings of the NLP-progress leaderboards."""
    tasks = json.loads((sources / "pwc" / "nlp-progress-leaderboards.json").read_text("utf-8"))
    names = []
    for ds in iter_leaderboard_datasets(tasks):
        for row in (ds.get("sota") or {}).get("rows", []):
            if isinstance(row.get("model_name"), str):
                names.append(row["model_name"])
    return names


def read_source_metric_names(sources: Path) -> list[str]:
    """``metrics`` lists of the PwC task hierarchies and the leaderboards."""
    names: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "metrics" and isinstance(value, list):
                    names.extend(v for v in value if isinstance(v, str))
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted((sources / "pwc").glob("*_hierarchy.json")):
        walk(json.loads(path.read_text("utf-8")))
    tasks = json.loads((sources / "pwc" / "nlp-progress-leaderboards.json").read_text("utf-8"))
    for ds in iter_leaderboard_datasets(tasks):
        names.extend(m for m in (ds.get("sota") or {}).get("metrics", []) if isinstance(m, str))
    return names


def read_seed_file(path: Path) -> list[tuple[list[str], dict]]:
    """Parse a seed file: ``name | alias | alias`` lines, ``#`` comments and
    ``#! key=value`` directives (e.g. ``#! family=false``) that apply to the
    following lines.  Returns ``(forms, flags)`` pairs, name first."""
    flags: dict = {"family": True}
    out = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#!"):
            key, _, value = line[2:].strip().partition("=")
            flags = {**flags, key.strip(): value.strip().lower() == "true"}
            continue
        if not line or line.startswith("#"):
            continue
        forms = [f.strip() for f in line.split(" | ") if f.strip()]
        out.append((forms, dict(flags)))
    return out


def read_not_models(path: Path) -> set[str]:
    """Case-folded stop list of non-model terms (hand-written)."""
    terms = set()
    for raw in path.read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            terms.add(line.casefold())
    return terms


# --------------------------------------------------------------------------
# Filter rules for source model names
# --------------------------------------------------------------------------

def strip_year_and_markers(name: str) -> str:
    """Remove citation years ``(2018)``/``2017``, footnote marks (``*``, ``♦``)
    and extra whitespace: ``"BERT Large (2018)"`` -> ``"BERT Large"``."""
    name = re.sub(r"\(\s*(19|20)\d\d\s*\)", " ", name)
    name = re.sub(r"\s(19|20)\d\d$", " ", name.strip())
    name = name.replace("♦", " ").replace("*", " ")
    return re.sub(r"\s+", " ", name).strip()


def strip_size_word(name: str) -> str:
    """Drop a trailing size/variant word (``XLNet-Large`` -> ``XLNet``,
    ``DCMN_large`` -> ``DCMN``, ``MT-DNN-ensemble`` -> ``MT-DNN``)."""
    m = re.match(r"^(?P<stem>.+?)[\s_\-](?P<size>[A-Za-z]+)$", name)
    if m and m.group("size").lower() in SIZE_WORDS:
        return m.group("stem")
    return name


def is_junk(name: str) -> bool:
    """Empty, placeholder-escaped (``wzxhzdk``), over-long, or containing
    characters no model name has (quotes, ``=``, ``;``, URLs, underscores)."""
    return (
        not name
        or len(name) > 40
        or "wzxhzdk" in name.lower()
        or "http" in name.lower()
        or bool(re.search(r"[\"'=;<>{}\[\]\\|_^$!?]", name))
        or not re.search(r"[A-Za-z]", name)
    )


def is_description(name: str) -> bool:
    """Citations and system descriptions rather than names: ``et al.``,
    author pairs, ``+`` combinations, commas, leading numbers/layer counts,
    more than two words, lowercase hyphenated configs (``val-LS-skip``),
    hyphenated parts that are plain words (``Char-LM-partial``,
    ``Matching-the-Blanks``, ``CNN-2sent-hieco-RBM``)."""
    return (
        " et al" in name
        or " and " in name
        or "+" in name
        or "," in name
        or ":" in name
        or re.match(r"^\d", name) is not None
        or len(name.split()) > 2
        or (name[:1].islower() and "-" in name)
        or ("-" in name and any(re.fullmatch(r"[a-z]{2,}|[A-Z][a-z]+s?|\d*[a-z]+", p)
                                for p in name.split("-")[1:]))
    )


def is_generic(name: str, not_models: set[str]) -> bool:
    """In the not-models stop list, or built only from generic tokens
    (``LSTM-CRF``, ``Char Bi-LSTM``, ``CNN Seq2Seq``)."""
    if name.casefold() in not_models:
        return True
    tokens = [t for t in re.split(r"[\s\-]+", name.lower()) if t]
    return all(t in GENERIC_TOKENS or t in not_models for t in tokens)


def looks_like_coined_name(name: str) -> bool:
    """A single token that looks coined, not a plain word: at least two
    capitals (``BiDAF``, ``ELMo``), letters mixed with digits (``context2vec``),
    or a lowercase-start camel case (``jPTDP``).  Plain capitalised words
    (``Babelfy``) and multi-word names are left to the seed list."""
    if " " in name:
        return False
    capitals = sum(c.isupper() for c in name)
    has_digit_mix = bool(re.search(r"[A-Za-z]", name) and re.search(r"\d", name))
    lower_camel = name[:1].islower() and capitals >= 1
    return capitals >= 2 or has_digit_mix or lower_camel


def curate_source_models(raw_names: Iterable[str], not_models: set[str]) -> set[str]:
    """Apply the source filter rules, in order, to the raw leaderboard names."""
    kept = set()
    for raw in raw_names:
        name = strip_year_and_markers(raw)
        if is_junk(name) or is_description(name):
            continue
        name = strip_size_word(name)
        if name in SOURCE_MODEL_REJECTS or is_generic(name, not_models):
            continue
        if looks_like_coined_name(name):
            kept.add(name)
    return kept


def read_common_words() -> set[str]:
    return {w for w in (DATA / "common_words.txt").read_text("utf-8").split() if not w.startswith("#")}


def read_corpus_names() -> set[str]:
    """Every written form of the benchmark, dataset and metric gazetteers, case-folded."""
    forms = set()
    for name in ("benchmarks.jsonl", "datasets.jsonl", "metrics.jsonl"):
        for line in (DATA / name).read_text("utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                forms.update(f.casefold() for f in [entry["name"], *entry.get("aliases", ())])
    return forms


def curate_package_models(path: Path, not_models: set[str]) -> list[str]:
    """Architecture names from ``scripts/curate_models_packages.py`` (transformers, timm) that
    can stand in text as a name: one run of letters and digits, four characters or more, at
    most two capitalized parts (``GroundingDino``, not ``FastSpeech2ConformerHifiGan``), not
    an ordinary English word (``Falcon``, ``Marian``, ``Funnel``, ``legacy``), a generic class,
    or a benchmark, dataset or metric name."""
    if not path.is_file():
        return []
    common, corpus_names = read_common_words(), read_corpus_names()
    kept = []
    for line in path.read_text("utf-8").splitlines():
        name = line.strip()
        if not name or name.startswith("#") or not re.fullmatch(r"[A-Za-z][A-Za-z0-9]{3,}", name):
            continue
        humps = len(re.findall(r"[a-z0-9][A-Z]", name))
        if humps > 1 or name.casefold() in common or name.casefold() in corpus_names:
            continue
        if is_generic(name, not_models) or name.casefold().rstrip("0123456789") in common:
            continue
        kept.append(name)
    return sorted(set(kept), key=lambda n: (n.casefold(), n))  # a total order: no set order leaks out


# --------------------------------------------------------------------------
# Filter rules for source metric names
# --------------------------------------------------------------------------

def normalize_metric(name: str) -> str:
    """Strip footnote marks and split prefixes (``Test perplexity`` ->
    ``perplexity``), expand ``Avg`` and lowercase ordinary words
    (``Accuracy`` -> ``accuracy``), keeping acronyms (``F1``, ``BLEU``)."""
    name = re.sub(r"\s+", " ", name.replace("*", "")).strip()
    low = name.lower()
    for prefix in METRIC_SPLIT_PREFIXES:
        if low.startswith(prefix):
            name = name[len(prefix):]
            break
    name = re.sub(r"^Avg\b\.?", "average", name)
    words = name.split(" ")
    words = [w.lower() if re.fullmatch(r"[A-Z][a-z]+", w) else w for w in words]
    return " ".join(words)


def is_metric_junk(name: str) -> bool:
    """Split names, dataset names, parameter counts, dataset-specific
    oddities (``P@10%``, ``Q->A``, ``Bias (F/M)``), too long or non-text."""
    return (
        not name
        or len(name) > 40
        or name.lower() in METRIC_NON_METRICS
        or bool(re.search(r"->|%|/|[\"'=;<>{}\[\]\\|^$!?]", name))
        or bool(re.search(r"\((?:[A-Z]|[A-Z]/[A-Z])\)", name))  # (F), (M), (F/M)
        or re.search(r"[A-Za-z]", name) is None
        or bool(re.search(r"\b(semeval|senseval)\b", name.lower()))
    )


def split_acronym(name: str) -> list[str]:
    """``Bit per Character (BPC)`` -> [``Bit per Character``, ``BPC``]."""
    m = ACRONYM_EXPANSION.match(name)
    return [m.group("long").strip(), m.group("short")] if m else [name]


def curate_source_metrics(raw_names: Iterable[str]) -> list[list[str]]:
    """Apply the metric filter rules; return groups of forms (name first)."""
    groups = []
    for raw in sorted(set(raw_names)):
        forms = [normalize_metric(f) for f in split_acronym(raw.strip())]
        if is_metric_junk(raw) or any(is_metric_junk(f) or len(f) < 2 for f in forms):
            continue
        groups.append(forms)
    return groups


# --------------------------------------------------------------------------
# ignore_case decisions
# --------------------------------------------------------------------------

class CorpusCounts:
    """Exact-case counts of tokens and words in the unlabeled abstracts."""

    def __init__(self, path: Path | None):
        self.tokens: Counter = Counter()
        self.text = ""
        if path is None or not path.exists():
            print(f"warning: corpus {path} not found; case checks use rules only",
                  file=sys.stderr)
            return
        chunks = []
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = f"{rec.get('title') or ''}\n{rec.get('abstract') or ''}"
                chunks.append(text)
                for tok in re.findall(r"[^\s()\[\]{},;:!?\"`$~]+", text):
                    tok = tok.rstrip(".'")
                    self.tokens[tok] += 1
                for word in re.findall(r"[A-Za-z0-9]+", text):
                    self.tokens[word] += 1
        self.text = "\n".join(chunks)

    def count(self, form: str) -> int:
        """Occurrences of ``form`` exactly as spelled, as a whole word."""
        if " " not in form:
            return self.tokens.get(form, 0)
        pattern = r"(?<![\w-])" + re.escape(form) + r"(?![\w-])"
        return len(re.findall(pattern, self.text))


#: Minimum corpus count for lowercase use to count as "frequent".
LOWERCASE_MIN_COUNT = 3


def lowercase_is_used(form: str, corpus: CorpusCounts, siblings: Iterable[str] = ()) -> bool:
    """Data-driven check: the lowercase spelling of a (not all-lowercase) form
    is frequent as a word in the corpus (at least ``LOWERCASE_MIN_COUNT``
    times and more often than the form as written), so case-insensitive
    matching would fire on ordinary text (``BEATs`` -> "beats").  Rare
    lowercase use is usually the model itself (``resnet``), and a lowercase
    spelling listed as a sibling form of the same entry (``wav2vec``) is the
    entry itself."""
    low = form.lower()
    if low == form or low in siblings:
        return False
    n_low = corpus.count(low)
    return n_low >= LOWERCASE_MIN_COUNT and n_low > corpus.count(form)


def is_plain_word_shape(form: str) -> bool:
    """Every word is purely alphabetic and Title-case or ALL CAPS (``Falcon``,
    ``BLOOM``, ``Stable Diffusion``): likely an English word, a person's name
    or an acronym that is always written in capitals."""
    words = form.split()
    return all(re.fullmatch(r"[A-Z][a-z]+|[A-Z]+", w) for w in words)


def model_form_ignore_case(form: str, corpus: CorpusCounts, siblings=()) -> bool:
    """A model form may match case-insensitively only if it has at least four
    letters, is not word-shaped, is not force-listed, and its lowercase
    spelling is unused in the corpus."""
    letters = sum(c.isalpha() for c in form)
    return not (
        letters < 4
        or form in FORCE_CASE_SENSITIVE_MODELS
        or is_plain_word_shape(form)
        or lowercase_is_used(form, corpus, siblings)
    )


def metric_form_ignore_case(form: str, corpus: CorpusCounts, siblings=()) -> bool:
    """Lowercase metric phrases (``word error rate``, ``pass@1``) match
    case-insensitively.  Acronym-like forms (with capitals) need at least four
    letters, no force-listing and an unused lowercase spelling (``BLEU`` ok;
    ``IS``, ``AP``, ``EM``, ``R@1``, ``SPICE`` stay case-sensitive)."""
    if form in FORCE_CASE_SENSITIVE_METRICS:
        return False
    if form == form.lower():
        return True
    letters = sum(c.isalpha() for c in form)
    if " " in form and letters >= 6 and not re.search(r"\b[A-Z]{2,}\b", form):
        return True  # "Fréchet Inception Distance", "Spearman's rho"
    return letters >= 4 and not lowercase_is_used(form, corpus, siblings)


# --------------------------------------------------------------------------
# Building entries
# --------------------------------------------------------------------------

def build_entries(groups: list[tuple[list[str], dict]], decide, extra_keys=()) -> list[dict]:
    """Merge form groups into entries.  Groups whose names coincide
    case-insensitively are merged; every surface form appears in one entry
    only.  Forms not safe case-insensitively are split off into their own
    case-sensitive entry (so one entry = one ignore_case policy)."""
    merged: dict[str, tuple[list[str], dict]] = {}
    for forms, flags in groups:
        key = forms[0].casefold()
        if key in merged:
            old_forms, old_flags = merged[key]
            old_forms.extend(f for f in forms if f not in old_forms)
        else:
            merged[key] = (list(dict.fromkeys(forms)), flags)

    entries: list[dict] = []
    seen_forms: set[str] = set()
    for key in sorted(merged):
        forms, flags = merged[key]
        forms = [f for f in forms if f not in seen_forms]
        if not forms:
            continue
        safe = [f for f in forms if decide(f, forms)]
        unsafe = [f for f in forms if f not in safe]
        for part, ic in ((safe, True), (unsafe, False)):
            if not part:
                continue
            name, aliases = part[0], part[1:]
            if ic:  # forms differing only in case are redundant
                folded = {name.casefold()}
                kept = []
                for alias in aliases:
                    if alias.casefold() not in folded:
                        folded.add(alias.casefold())
                        kept.append(alias)
                aliases = kept
            entry = {"name": name, "aliases": aliases, "ignore_case": ic}
            for k in extra_keys:
                entry[k] = flags[k]
            entries.append(entry)
            seen_forms.update(part)
    entries.sort(key=lambda e: (e["name"].casefold(), e["name"]))
    return entries


def write_jsonl(path: Path, entries: list[dict]) -> None:
    """Write one compact JSON object per line (UTF-8, keys in given order)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for entry in entries:
            fh.write(json.dumps(entry, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="?", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--corpus", type=Path, default=None,
                    help="arxiv_abstracts.jsonl.gz (default: <sources>/../corpus/)")
    ap.add_argument("--out", type=Path, default=DATA)
    args = ap.parse_args(argv)
    sources = args.sources.resolve()
    corpus = CorpusCounts(args.corpus or sources.parent / "corpus" / "arxiv_abstracts.jsonl.gz")
    not_models = read_not_models(DATA / "not_models.txt")

    # ---- models
    seeds = read_seed_file(SEEDS / "models.txt")
    for forms, _ in seeds:
        bad = [f for f in forms if f.casefold() in not_models]
        if bad:
            raise SystemExit(f"seed {forms[0]!r} conflicts with not_models.txt: {bad}")
    seed_keys = {f.casefold() for forms, _ in seeds for f in forms}
    from_source = sorted(n for n in curate_source_models(read_source_model_names(sources), not_models)
                         if n.casefold() not in seed_keys)
    known = seed_keys | {n.casefold() for n in from_source}
    from_packages = [n for n in curate_package_models(SEEDS / "models_packages.txt", not_models) if n.casefold() not in known]
    groups = seeds + [([n], {"family": True}) for n in from_source] + [([n], {"family": True}) for n in from_packages]
    models = build_entries(groups, lambda f, sib: model_form_ignore_case(f, corpus, sib), ("family",))
    write_jsonl(args.out / "models.jsonl", models)

    # ---- metrics
    metric_groups = [(forms, {}) for forms, _ in read_seed_file(SEEDS / "metrics.txt")]
    metric_seed_keys = {f.casefold() for forms, _ in metric_groups for f in forms}
    src_metrics = [g for g in curate_source_metrics(read_source_metric_names(sources))
                   if not any(f.casefold() in metric_seed_keys for f in g)]
    metric_groups += [(g, {}) for g in src_metrics]
    metrics = build_entries(metric_groups, lambda f, sib: metric_form_ignore_case(f, corpus, sib))
    write_jsonl(args.out / "metrics.jsonl", metrics)

    model_forms = {f.casefold() for e in models for f in [e["name"], *e["aliases"]]}
    overlap = sorted({f for e in metrics for f in [e["name"], *e["aliases"]]
                      if f.casefold() in model_forms})
    if overlap:
        print(f"warning: forms in both gazetteers: {overlap}", file=sys.stderr)
    print(f"models: {len(models)} entries ({len(from_source)} from sources: "
          f"{', '.join(from_source)}; {len(from_packages)} from packages: {', '.join(from_packages)})")
    print(f"metrics: {len(metrics)} entries ({len(src_metrics)} groups from sources: "
          f"{', '.join(g[0] for g in src_metrics)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
