#!/usr/bin/env python3
"""Curate the BENCHMARK and DATASET name gazetteers of paperfacts.

Usage (from the repository root)::

    python scripts/curate_corpora.py ../shared/gazetteer-sources \
        [--corpus ../shared/corpus/arxiv_abstracts.jsonl.gz] \
        [--lm-eval-tasks /tmp/lmeval/x/lm_eval/tasks]

Inputs (read only here, never at run time, never copied into the package):

* ``<sources>/pwc/{nlp,cv,audio,other}_hierarchy.json``: Papers with Code task
  tree; every node's ``benchmarks`` list is a candidate name, node ``name``
  fields are task names (used as a reject list), ``metrics`` are metric names
  (also a reject list, with ``scripts/seeds/metrics.txt``).
* ``<sources>/pwc/nlp-progress-leaderboards.json``: ``datasets[].dataset``.
* optional ``--lm-eval-tasks``: the ``lm_eval/tasks`` folder of an *unpacked*
  lm-eval wheel (``pip download --no-deps -d /tmp/lmeval lm-eval`` then unzip);
  the first ``# `` heading of each task README is a candidate name, and so is the
  Hub dataset each task YAML loads (``dataset_path: org/Name`` -> ``Name``) when it
  is spelled as a name (``Global-MMLU``, ``LongBench``).
* ``scripts/seeds/benchmarks.txt`` and ``scripts/seeds/datasets.txt``:
  hand-written seed lists (trusted; they bypass the noise filters).
* ``--corpus``: unlabeled arXiv abstracts, used only to decide which names are
  common English words (-> rejected when single-word and not seeded, and
  ``ignore_case`` false).

Outputs (deterministic, sorted): ``paperfacts/data/benchmarks.jsonl`` and
``paperfacts/data/datasets.jsonl``, one ``{"name", "aliases", "ignore_case"}``
object per line. Every string read from the sources is treated purely as data.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = Path(__file__).resolve().parent / "seeds"
OUT_DIR = REPO / "paperfacts" / "data"

MAX_CHARS = 50
MAX_WORDS = 6
COMMON_MIN = 3  # a lowercase form seen this often in the corpus is a common word

GENERIC_TAIL = ("benchmark", "dataset", "data set", "corpus", "leaderboard", "suite",
                "database", "challenge dataset", "collection")
# Words that may describe a split / setting / variant, stripped from the end.
QUALIFIER_WORDS = {
    "test", "tests", "testing", "val", "validation", "valid", "dev", "development",
    "train", "training", "trainval", "set", "split", "splits", "subset", "public",
    "private", "official", "online", "offline", "unsupervised", "supervised",
    "semi-supervised", "self-supervised", "weakly-supervised", "zero-shot", "few-shot",
    "one-shot", "easy", "medium", "hard", "clean", "other", "full", "mini", "all",
    "english", "chinese", "german", "french", "spanish", "japanese", "multilingual",
    "overall", "average", "results", "benchmark", "dataset", "leaderboard", "standard",
    "default", "protocol", "setting", "track", "fold", "seen", "unseen", "known",
    "unknown", "inductive", "transductive", "labeled", "unlabeled", "random", "cross-domain",
    "in-domain", "out-of-domain", "ood", "iid", "scratch", "finetuned", "fine-tuned",
    "pretrained", "frozen", "linear", "probe", "open-ended", "multiple-choice",
}
QUALIFIER_TOKEN = re.compile(
    r"""^(?:\d+(?:\.\d+)?%|\d+-(?:shot|way|class|classes|fold|step|steps|task|tasks)
        |\d+(?:k|K)?-?shot|\d+(?:\.\d+)?-?(?:k|M|B)?-?(?:shot|way)|(?:test|val|dev|train)[-_][\w-]+|[a-z]{2}[-_][a-z]{2}
        |[A-Z]{2}-[A-Z]{2}|[a-z]=\S+|\d+x\d+|\d+p|\d+x|x\d+|v\d+\.\d+\.\d+)$""",
    re.X,
)
TASK_SUFFIX = re.compile(r"\s+(?:Sub\s*[Tt]ask|Subtask|Slot|Track|Phase|Fold|Split)\s*\w{1,3}$")
GENERIC_PHRASES = {
    "custom dataset", "test set", "dataset", "datasets", "synthetic data", "synthetic",
    "synthetic dataset", "real data", "real-world data", "in-house dataset", "private dataset",
    "benchmark", "benchmarks", "corpus", "data", "toy dataset", "simulated data", "other",
    "unknown", "none", "n/a", "na", "various", "custom", "proprietary", "internal",
    "validation set", "training set", "dev set", "held-out", "our dataset", "new dataset",
}
# Organisations/platforms that are not dataset names on their own.
NON_NAMES = {"google", "microsoft", "kaggle", "meta", "facebook", "amazon", "twitter",
             "reddit", "wikipedia", "youtube", "github", "nvidia", "openai", "apple",
             "baidu", "alibaba", "tencent", "ibm", "instagram", "weibo", "tiktok",
             "stack overflow", "stackoverflow", "arxiv", "pubmed", "web", "internet",
             "news", "books", "social media", "wiki", "task-name", "tasks"}
# Common English words that are also benchmark names: never match case-insensitively.
ENGLISH_WORDS = {"math", "arc", "race", "drop", "swag", "copa", "wit", "dolly", "cub",
                 "cora", "replica", "stories", "pile", "opus", "zinc", "tape", "blink",
                 "gaia", "apps", "pope", "bold", "paws", "click", "aqua", "lima",
                 "nectar", "magpie", "camel", "wukong", "emilia", "maestro", "clotho",
                 "calvin", "libero", "alfred", "mme", "vcr", "ava", "davis",
                 "oscar", "flan", "pets", "cars", "food", "flowers", "spider", "bird",
                 "scrolls", "ruler", "hover", "fever", "quality", "record", "leetcode"}
INJECTION = re.compile(
    r"""(?ix)
    \b(?:select|insert|update|delete|drop\s+table|union|sleep|benchmark\s*\(|waitfor|exec)\b.*[=(*'"]
    | '\s*(?:and|or)\s | \b(?:and|or)\s+\d+\s*=\s*\d+ | -- | ;|/\* | <\s*/?\s*script | javascript:
    | \b(?:ignore|disregard|forget|override)\b.*\b(?:previous|above|prior|all|instructions?|rules)\b
    | \b(?:(?:follow|these|new|above|hidden|secret)\s+instructions?|system\s+prompt|you\s+are|you\s+must|as\s+an\s+ai|assistant|respond\s+with
        |reply\s+with|output\s+the|print\s+the|do\s+not\s+follow|new\s+task|jailbreak|api[_\s-]?key|password)\b
    | https?:// | www\. | \.(?:com|org|net|io)\b
    """
)
ALLOWED_CHARS = re.compile(r"^[A-Za-z0-9 .,'&/+:()\-!]+$")


# ---------------------------------------------------------------- reading sources

def read_pwc_hierarchies(src: Path):
    """Return (benchmark-name Counter, task-name set, metric-name set) from the PwC trees."""
    names, tasks, metrics = collections.Counter(), set(), set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str):
                tasks.add(node["name"])
            for b in node.get("benchmarks") or []:
                if isinstance(b, str):
                    names[b] += 1
            for m in node.get("metrics") or []:
                if isinstance(m, str):
                    metrics.add(m)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    for domain in ("nlp", "cv", "audio", "other"):
        path = src / "pwc" / f"{domain}_hierarchy.json"
        if path.exists():
            walk(json.loads(path.read_text(encoding="utf-8")))
    return names, tasks, metrics


def read_nlp_progress(src: Path):
    """Return (dataset-name Counter, task-name set, metric-name set) from NLP-progress."""
    names, tasks, metrics = collections.Counter(), set(), set()
    path = src / "pwc" / "nlp-progress-leaderboards.json"
    if not path.exists():
        return names, tasks, metrics

    def walk(task):
        if isinstance(task.get("task"), str):
            tasks.add(task["task"])
        for d in task.get("datasets") or []:
            if isinstance(d.get("dataset"), str):
                names[d["dataset"]] += 1
            for m in (d.get("sota") or {}).get("metrics") or []:
                if isinstance(m, str):
                    metrics.add(m)
        for sub in task.get("subtasks") or []:
            walk(sub)

    for task in json.loads(path.read_text(encoding="utf-8")):
        walk(task)
    return names, tasks, metrics


def read_lm_eval_headings(tasks_dir: Path | None):
    """Return a Counter of the first level-1 heading of every lm-eval task README."""
    names = collections.Counter()
    if not tasks_dir:
        return names
    for readme in sorted(tasks_dir.rglob("README.md")):
        if readme.parent == tasks_dir:
            continue
        for line in readme.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("# "):
                names[line[2:].strip()] += 1
                break
    return names


#: ``dataset_path: org/Name`` in an lm-eval task YAML (read as text: the YAMLs use custom tags).
DATASET_PATH = re.compile(r"^dataset_path:\s*['\"]?([\w.\-]+/[\w.\-]+)['\"]?\s*$", re.M)
#: Hub-name suffixes that mark a copy, a split or a subset, not the benchmark's own name.
HUB_SUFFIX = re.compile(r"(?i)[-_](?:\d+percent|evals?|translate-test|translated|native|parquet|hf|v\d+|mini|sample[sd]?|lite|clean(?:ed)?|filtered|subset)$")


#: A part after the first hyphen of a Hub name that still belongs to a benchmark name: a
#: capitalised or digit-bearing word (``Plus``, ``500``, ``BoolQ``), or a language code (``eu``).
HUB_PART = re.compile(r"[a-z]{2}|(?=.*[A-Z])[A-Za-z0-9.]+|\d{1,3}(?:\.\d)?[A-Za-z]?")


def read_lm_eval_dataset_paths(tasks_dir: Path | None):
    """Return a Counter of the dataset names that lm-eval task YAMLs load from the Hub
    (``dataset_path: CohereForAI/Global-MMLU`` -> ``Global-MMLU``): the benchmark as its
    authors spell it. Only names with a capital after the first letter or a digit
    (``LongBench``, ``MMLU-ProX``) are kept; ``super_glue``-style ids are not names."""
    names = collections.Counter()
    if not tasks_dir:
        return names
    for yaml_file in sorted(tasks_dir.rglob("*.yaml")):
        for m in DATASET_PATH.finditer(yaml_file.read_text(encoding="utf-8", errors="replace")):
            name = m.group(1).split("/")[1]
            while HUB_SUFFIX.search(name):
                name = HUB_SUFFIX.sub("", name)
            if "_" in name or not re.search(r"[A-Z0-9]", name[1:]) or not re.search(r"[A-Za-z]{2}", name):
                continue
            if len(name) < 5 and not re.search(r"\d", name):
                continue  # "MELA", "NeQA": a short acronym from a Hub id also spells other papers' method names
            if any(not HUB_PART.fullmatch(part) for part in name.split("-")[1:]):
                continue  # "hindsight-neglect-10shot", "UncheatableEval-2026-07", "MedQA-USMLE-4-options"
            names[name] = 1  # one vote per name, however many task files load it
    return names


def read_seed_file(path: Path):
    """Parse a seed file: one entry a line, ``#`` comments, aliases split by `` | ``."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        forms = [clean_whitespace(f) for f in line.split(" | ") if f.strip()]
        entries.append(forms)
    return entries


def read_corpus_tokens(path: Path):
    """Case-sensitive token list of all titles and abstracts of the arXiv corpus."""
    tok = re.compile(r"[A-Za-z0-9]+(?:[-'./+][A-Za-z0-9]+)*")
    tokens = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            tokens.extend(tok.findall((rec.get("title") or "") + " \n " + (rec.get("abstract") or "")))
            tokens.append("\n")  # document boundary
    return tokens


class CommonWords:
    """Counts of lowercase words and phrases *as written lowercase* in the corpus."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.unigrams = collections.Counter(tokens)
        self.phrases: dict[tuple, int] = {}

    def prepare(self, forms):
        """Pre-count every multi-token lowercase form of ``forms`` in one pass per n."""
        wanted = collections.defaultdict(set)
        for f in forms:
            for t in (tuple(self.split(f.lower())), tuple(self.split(f))):
                if len(t) > 1 and all(self.unigrams[w] for w in t):
                    wanted[len(t)].add(t)
        for n, grams in wanted.items():
            counts = collections.Counter()
            toks = self.tokens
            for i in range(len(toks) - n + 1):
                g = tuple(toks[i:i + n])
                if g in grams:
                    counts[g] += 1
            for g in grams:
                self.phrases[g] = counts[g]

    @staticmethod
    def split(text):
        return re.findall(r"[A-Za-z0-9]+(?:[-'./+][A-Za-z0-9]+)*", text)

    def count_lower(self, form: str) -> int:
        """How often ``form.lower()`` occurs written in lowercase in the corpus."""
        return self.count_exact(form.lower())

    def count_exact(self, form: str) -> int:
        """How often ``form`` occurs in the corpus exactly as written (case-sensitive)."""
        t = tuple(self.split(form))
        if not t:
            return 0
        if len(t) == 1:
            return self.unigrams[t[0]]
        return self.phrases.get(t, 0)

    def is_common_word(self, word: str) -> bool:
        """True if the lowercase ``word`` is used as an ordinary word in the corpus."""
        return self.unigrams[word.lower()] >= COMMON_MIN


# ---------------------------------------------------------------- normalisation rules

def clean_whitespace(s: str) -> str:
    """NFKC-normalise, unify dashes/quotes, collapse whitespace, strip."""
    s = unicodedata.normalize("NFKC", s)
    s = s.translate(str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "’": "'", "‘": "'",
                                   "→": "->", "“": '"', "”": '"'}))
    return re.sub(r"\s+", " ", s).strip()


def looks_like_injection(s: str) -> bool:
    """Reject SQL-injection, script, URL or instruction-like strings."""
    return bool(INJECTION.search(s))


def split_compound(s: str):
    """Split transfer/combination/contrast strings (``A->B``, ``A to B``, ``A + B``, ``A vs B``)."""
    s = re.split(r"\s+-+\s+|,\s+", s)[0]
    parts = re.split(r"\s*->\s*|\s+\+\s+|\s+vs\.?\s+|(?<=[A-Za-z0-9]{2})\+(?=[A-Za-z]{2})"
                     r"|(?<=[A-Za-z0-9])(?:\s+to\s+|-to-)(?=[A-Z0-9])", s)
    return [p for p in parts if p]


def split_head_tail(s: str):
    """``Head: long tail`` -> (head, tail-as-alias-or-None); tail dropped unless a long form."""
    if ": " not in s:
        return s, None
    head, tail = s.split(": ", 1)
    if is_acronym(head) and 3 <= len(tail.split()) <= 8 and tail[:1].isupper():
        return head, tail
    return head, None


def is_acronym(tok: str) -> bool:
    """A single token with at least two capitals (``VCTK``, ``MuST-C``, ``ImageNet``)."""
    return " " not in tok and sum(c.isupper() for c in tok) >= 2 and len(tok) <= 20


def is_qualifier(text: str) -> bool:
    """A parenthetical / suffix describing a split, setting or variant, not a name."""
    words = text.lower().replace(",", " ").split()
    if not words:
        return True
    if any(ch in text for ch in "%=<>") or re.search(r"\d+[- ]?(?:shot|way|step|class|client|epoch|label|frame|day|min)", text.lower()):
        return True
    return all(w in QUALIFIER_WORDS or QUALIFIER_TOKEN.match(w) for w in words)


def strip_parentheticals(s: str):
    """Remove ``(...)`` groups; an acronym or a long form inside becomes an alias."""
    aliases = []
    for inner in re.findall(r"\(([^()]*)\)", s):
        inner = inner.strip()
        outer = clean_whitespace(re.sub(r"\([^()]*\)", " ", s))
        if is_qualifier(inner):
            continue
        if not inner[:1].isupper() or inner[:1].lower() != outer[:1].lower():
            continue  # not an abbreviation/expansion of the outer name
        if is_acronym(inner) and not is_acronym(outer):
            aliases.append(inner)
        elif is_acronym(outer) and 2 <= len(inner.split()) <= 8:
            aliases.append(inner)
    core = clean_whitespace(re.sub(r"\([^()]*\)?", " ", s))
    return core, aliases


def strip_qualifiers(s: str) -> str:
    """Cut `` - setting`` / ``, setting`` suffixes, task numbers and trailing split words."""
    s = re.split(r"\s+-+\s+|,\s+|\s+/\s+|\s+@", s)[0]
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"\s+\d+\s*[xX×]\s*\d+$", "", s)  # resolution: "512 x 512"
        s = re.sub(r"\s+\d+(?:\.\d+)?%.*$", "", s)  # "10% labeled data"
        s = re.sub(r"\s+\d+\s+[a-z]+$", "", s)  # "48 frames", "500 points"
        s = TASK_SUFFIX.sub("", s).strip()
        words = s.split()
        if len(words) > 1 and (words[-1].lower() in QUALIFIER_WORDS or QUALIFIER_TOKEN.match(words[-1])):
            s = " ".join(words[:-1])
    return s.strip(" -,:/")


def strip_generic_tail(s: str) -> str:
    """Remove a trailing generic word (``dataset``, ``corpus``, ``benchmark``...)."""
    low = s.lower()
    for g in GENERIC_TAIL:
        if low.endswith(" " + g):
            return s[: -len(g) - 1].strip()
    return s


def dedupe_key(s: str) -> str:
    """Case-, space- and punctuation-insensitive key, generic tail ignored (as the scorer)."""
    s = strip_generic_tail(s.lower())
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"[^0-9a-z\u00c0-\uffff]+", "", s)


# ---------------------------------------------------------------- reject rules

def is_too_short_or_long(s: str) -> bool:
    """Reject names under 3 characters (sourced) or over the length/word bounds."""
    return len(s) < 3 or len(s) > MAX_CHARS or len(s.split()) > MAX_WORDS


def is_number_or_year(s: str) -> bool:
    """Reject strings without letters (numbers, years, dates, punctuation)."""
    return not re.search(r"[A-Za-z]", s)


def has_bad_chars(s: str) -> bool:
    """Reject non-ASCII scripts and characters typical of junk/markup/code."""
    return not ALLOWED_CHARS.match(s) or "_" in s or "__" in s


def ends_with_punctuation(s: str) -> bool:
    """Reject names ending in punctuation (``.``, ``!``, ``-``, ``:`` ...); ``+`` is allowed."""
    return bool(re.search(r"[.,;:!?'\"\-/&(]$", s)) or bool(re.match(r"^[.,;:!?'\"\-/&)]", s))


def lacks_name_shape(s: str) -> bool:
    """Reject strings with no capital letter and no digit (``quora duplicates``)."""
    return not re.search(r"[A-Z0-9]", s)


def is_descriptive_phrase(s: str) -> bool:
    """Reject sentence-like descriptions/titles (articles, verbs, 'of'-chains)."""
    low = " " + s.lower() + " "
    if re.match(r"^\d[\d.,]*\s+[a-z]", s) or re.search(r"\b(?:task|subtask|setting|split)$", s.lower()):
        return True
    if re.search(r"\bet\s+al\b", s) or re.match(r"^(?:results?|performance|evaluation)\b", s.lower()):
        return True
    if re.match(r"^(a|an|our|this|these|using|towards?|how|what|when|why|large|new)\s", s.lower()):
        return True
    return any(w in low for w in (" using ", " based ", " with ", " from ", " for the ",
                                   " of the ", " in the ", " via ", " towards ", " versus ",
                                   " vs ", " vs. ", " trained ", " images of "))


def is_generic(s: str) -> bool:
    """Reject generic phrases and organisation names (``Test set``, ``Google``)."""
    low = s.lower()
    return low in GENERIC_PHRASES or low in NON_NAMES or strip_generic_tail(low) in NON_NAMES \
        or strip_generic_tail(low) in GENERIC_PHRASES


def is_task_or_metric(s: str, tasks: set, metrics: set) -> bool:
    """Reject strings equal to a PwC task name or metric name (case-insensitive; a
    metric in the plural too: ``ELO Ratings``)."""
    low = s.lower()
    return low in tasks or low in metrics or (low.endswith("s") and low[:-1] in metrics)


def is_common_phrase(s: str, cw: CommonWords) -> bool:
    """Reject names made only of common lowercase words, with no digit or acronym/camel-case."""
    words = re.findall(r"[A-Za-z0-9]+", s)
    if not words or re.search(r"\d", s):
        return False
    if any(sum(c.isupper() for c in w) >= 2 for w in words):
        return False
    small = {"and", "of", "the", "in", "on", "for", "a", "to"}
    return all(w.lower() in small or cw.is_common_word(w) for w in words)


# ---------------------------------------------------------------- assembling entries

def canonical_forms(raw: str):
    """Turn one raw source string into (name, aliases) candidates, or [] if junk."""
    s = clean_whitespace(raw)
    if not s or looks_like_injection(s):
        return []
    out = []
    for part in split_compound(s):
        head, long_form = split_head_tail(part)
        core, aliases = strip_parentheticals(head)
        core = strip_qualifiers(core)
        if long_form:
            aliases.append(long_form)
        full = core
        short = strip_generic_tail(core)
        if short != core:
            aliases.append(core)
        out.append((short if short else full, [clean_whitespace(a) for a in aliases]))
    return out


def passes_filters(s: str, tasks, metrics, cw) -> bool:
    """All reject rules for a *sourced* (non-seed) name or alias."""
    return not (
        is_too_short_or_long(s) or is_number_or_year(s) or has_bad_chars(s)
        or ends_with_punctuation(s) or lacks_name_shape(s) or looks_like_injection(s)
        or is_generic(s) or is_descriptive_phrase(s) or is_task_or_metric(s, tasks, metrics)
        or is_common_phrase(s, cw)
    )


def variants(name: str):
    """Spelling variants of letter-digit names: ``CIFAR-100`` <-> ``CIFAR100``."""
    m = re.match(r"^([A-Za-z][A-Za-z]+)-(\d+[A-Za-z]?)$", name)
    if m:
        return [m.group(1) + m.group(2)]
    m = re.match(r"^([A-Z][A-Za-z]*[A-Z][A-Za-z]*)(\d{2,}[A-Za-z]?)$", name)
    if m:
        return [m.group(1) + "-" + m.group(2)]
    return []


class Gazetteer:
    """Entries grouped by dedupe key; remembers surface-form counts and seed names."""

    def __init__(self):
        self.forms: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
        self.seed_name: dict[str, str] = {}
        self.alias_of: dict[str, str] = {}  # alias key -> entry key

    def add(self, name, aliases=(), weight=1, seed=False):
        key = dedupe_key(name)
        if not key:
            return
        key = self.alias_of.get(key, key)
        if seed and key not in self.seed_name:
            self.seed_name[key] = name
        self.forms[key][name] += weight
        for a in aliases:
            akey = dedupe_key(a)
            if not akey:
                continue
            if akey != key and (akey in self.forms or akey in self.alias_of):
                continue  # alias already names another entry: do not merge entries
            self.alias_of.setdefault(akey, key)
            self.forms[key][a] += 0 if not seed else weight

    def keys_and_alias_keys(self):
        return set(self.forms) | set(self.alias_of)

    def drop(self, keys):
        for k in list(self.forms):
            alias_keys = {dedupe_key(f) for f in self.forms[k]}
            if k in keys or alias_keys & keys:
                del self.forms[k]

    def entries(self, cw: CommonWords):
        out = []
        for key, counter in self.forms.items():
            name = self.seed_name.get(key) or sorted(counter, key=lambda f: (-counter[f], len(f), f))[0]
            forms = set(counter) | set(variants(name))
            aliases = sorted({f for f in forms if f != name}, key=lambda f: (f.casefold(), f))
            out.append({"name": name, "aliases": aliases,
                        "ignore_case": safe_ignore_case([name] + aliases, cw)})
        out.sort(key=lambda e: (e["name"].casefold(), e["name"]))
        return out


def safe_ignore_case(forms, cw: CommonWords) -> bool:
    """True only if no form is short (<=3 chars), a listed English word, or a common lowercase word.

    A form counts as a common word when its lowercase spelling occurs at least COMMON_MIN
    times in the corpus *and* at least a fifth as often as the form as written (so
    ``imagenet`` typos of ``ImageNet`` do not make ImageNet a common word, but ``math``
    does make MATH one).
    """
    for f in forms:
        low = f.lower()
        if len(f) <= 3 or low in ENGLISH_WORDS or low in NON_NAMES:
            return False
        if f == low:
            continue  # an all-lowercase alias says nothing about case
        if re.fullmatch(r"[A-Z][a-z]+", f):
            return False  # a capitalised plain word may be an English word the corpus lacks
        lower_uses = cw.count_lower(f)
        if lower_uses >= COMMON_MIN and lower_uses * 5 > cw.count_exact(f):
            return False  # written lowercase often, and not mostly as this name
    return True


def build(src: Path, corpus: Path, lm_eval_tasks: Path | None):
    """Run the whole curation and return (benchmarks, datasets) entry lists."""
    pwc, tasks1, metrics1 = read_pwc_hierarchies(src)
    nlpp, tasks2, metrics2 = read_nlp_progress(src)
    lme = read_lm_eval_headings(lm_eval_tasks) + read_lm_eval_dataset_paths(lm_eval_tasks)
    tasks = {clean_whitespace(t).lower() for t in tasks1 | tasks2}
    metrics = {clean_whitespace(m).lower() for m in metrics1 | metrics2}
    # and the metric names paperfacts itself reads (seeds/metrics.txt): "ELO Ratings" is a metric
    metrics |= {f.lower() for forms in read_seed_file(SEEDS / "metrics.txt") for f in forms}
    cw = CommonWords(read_corpus_tokens(corpus))

    seed_b = read_seed_file(SEEDS / "benchmarks.txt")
    seed_d = read_seed_file(SEEDS / "datasets.txt")
    seed_keys = {dedupe_key(f) for forms in seed_b + seed_d for f in forms}

    bench, data = Gazetteer(), Gazetteer()
    for forms in seed_d:
        data.add(forms[0], forms[1:], seed=True)
    for forms in seed_b:
        bench.add(forms[0], forms[1:], seed=True)

    stats = collections.Counter()
    raw = collections.Counter()
    raw.update(pwc), raw.update(nlpp), raw.update(lme)
    for s in sorted(raw):
        cands = canonical_forms(s)
        if not cands:
            stats["rejected_injection_or_empty"] += 1
            continue
        for name, aliases in cands:
            if dedupe_key(name) not in seed_keys and not passes_filters(name, tasks, metrics, cw):
                stats["rejected_name"] += 1
                continue
            aliases = [a for a in aliases if passes_filters(a, tasks, metrics, cw)]
            bench.add(name, aliases, weight=raw[s])
            stats["accepted"] += 1

    # A name must not be in both files: training corpora (datasets seeds) win.
    bench.drop(data.keys_and_alias_keys())
    every = [f for g in (bench, data) for c in g.forms.values() for f in c]
    every += [v for f in every for v in variants(f)]
    cw.prepare(every)
    return bench.entries(cw), data.entries(cw), stats


def write_jsonl(path: Path, entries):
    """Write entries one JSON object a line, keys in order name, aliases, ignore_case."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for e in entries:
            fh.write(json.dumps({"name": e["name"], "aliases": e["aliases"],
                                 "ignore_case": e["ignore_case"]}, ensure_ascii=False) + "\n")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="?", default="../shared/gazetteer-sources")
    ap.add_argument("--corpus", default=None,
                    help="arxiv_abstracts.jsonl.gz (default: <sources>/../corpus/...)")
    ap.add_argument("--lm-eval-tasks", default=None,
                    help="unpacked lm_eval/tasks folder (optional)")
    ap.add_argument("--out-dir", default=str(OUT_DIR))
    args = ap.parse_args(argv)
    src = Path(args.sources)
    corpus = Path(args.corpus) if args.corpus else src.parent / "corpus" / "arxiv_abstracts.jsonl.gz"
    lm = Path(args.lm_eval_tasks) if args.lm_eval_tasks else None
    if lm is None:
        print("note: --lm-eval-tasks not given; lm-eval task headings skipped", file=sys.stderr)
    bench, data, stats = build(src, corpus, lm)
    out = Path(args.out_dir)
    write_jsonl(out / "benchmarks.jsonl", bench)
    write_jsonl(out / "datasets.jsonl", data)
    print(f"benchmarks: {len(bench)}  datasets: {len(data)}  {dict(stats)}")


if __name__ == "__main__":
    main()
