"""Find, normalize and classify links in paper titles and abstracts.

Pure functions, no spaCy.  Nothing here raises on a ``str`` input: a
candidate that is not a link yields ``None`` (``normalize_url``) or is left
out (``find_urls``).

Design notes
------------
* Every pattern is linear: character classes under possessive repetition,
  host labels of bounded length, and a look-behind that lets a scheme-less
  host start only at the beginning of a run of host characters.  Trimming
  of debris is done by index with counters, never by re-scanning.
* ``find_urls`` reports each occurrence (``\\href{X}{X}`` gives two matches
  with the same ``url``); de-duplicate by ``url`` downstream.
* For every match ``m``: ``text[m.start:m.end] == m.raw`` and
  ``m.url == normalize_url(m.raw, explicit=m_is_inside_url_command)``; the
  span of a ``\\url{...}``/``\\href{...}`` match is the argument only.
* A link never spans whitespace, except inside ``\\url{...}`` /
  ``\\href{...}`` (whose argument LaTeX prints without spaces) and right after
  ``\\textasciitilde`` / ``\\texttildelow`` (a LaTeX control word eats the
  space that follows it).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import regex

__all__ = ["UrlMatch", "find_urls", "normalize_url", "url_kind", "load_suffix_list", "URL_KINDS", "CONTEXT_CHARS"]

URL_KINDS = ("code", "model", "dataset", "demo", "project", "other")


@dataclass(frozen=True, slots=True)
class UrlMatch:
    start: int
    end: int
    raw: str
    url: str


# --------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------

_SCHEME = r"(?i:https?|ftp)://"

# Characters that never belong to a link in running text: whitespace, LaTeX
# syntax (\ { } $), quotes and angle brackets, square brackets, the
# separators , ; (handled below), CJK scripts, full-width forms and general /
# CJK punctuation (curly quotes, ellipsis, zero-width space, 。，).
_STOP = (
    r"\s\x00-\x20\x7f-\x9f\\{}<>\"'`|\^\[\]$,;"
    r"\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}"
    r"\u2000-\u206F\u3000-\u303F\uFF00-\uFFEF"
)
# One unit of a link body.  Alternatives start with distinct characters, so
# possessive repetition over them cannot backtrack.
_BODY_ATOM = (
    r"(?:"
    rf"[^{_STOP}]"
    rf"|[,;](?!{_SCHEME})"  # a comma is kept unless a new link starts right after it
    r"|\\~\{\}"
    r"|\\(?:textasciitilde|texttildelow)(?:\{\})?[ \t]*+"
    r"|\\[_%#&~/$]"
    r"|\$\\sim\$"
    r")"
)
_BODY = _BODY_ATOM + "*+"

_LABEL = r"[A-Za-z0-9][A-Za-z0-9-]{0,62}+"
# A dot is consumed only when a label follows, so the possessive group never
# has to give back a sentence-final "com.".
_HOST = rf"(?:{_LABEL}\.(?=[A-Za-z0-9]))++[A-Za-z][A-Za-z0-9-]{{0,62}}+"

_FINDER = regex.compile(
    # 1. links with a scheme
    rf"(?<![A-Za-z0-9])(?P<scheme>{_SCHEME}{_BODY})"
    # 2. scheme-less host (www.* or any dotted name), optional port and path.
    #    Must start a run: not glued to a word, a dot, an email's @, a path.
    rf"|(?<![A-Za-z0-9_@.\-/\\%+=&#?$])(?P<bare>{_HOST}(?::[0-9]{{1,5}}+)?(?![_@])(?:[/?#]{_BODY})?)",
)

# What every link the finder can read contains: a scheme, or a dotted host whose
# last label (a public suffix: two letters at least) follows a label character.
# The finder runs only in the runs without white space that hold one (_finder_matches).
# Matched from the dot (the label character is a look-behind), so that the engine
# skips ahead to a dot.
_MAY_HAVE_HOST = re.compile(r"\.(?<=[A-Za-z0-9]\.)[A-Za-z]{2}")

# \url{...}, \href{...}{...}: the first argument is the link; spaces and line
# breaks inside it are ignored by LaTeX.
_WRAPPER = regex.compile(
    r"\\(?:url|href|nolinkurl|hyperlink)[ \t]*+\{"
    r"(?P<arg>(?:[^{}\\]|\\~\{\}|\\(?:textasciitilde|texttildelow)\{\}|\\[^{}])*+)\}",
)
_WRAPPED_WHOLE = regex.compile(
    r"^\\(?:url|href|nolinkurl|hyperlink)[ \t]*+\{"
    r"(?P<arg>(?:[^{}\\]|\\~\{\}|\\(?:textasciitilde|texttildelow)\{\}|\\[^{}])*+)\}",
)

_LATEX_UNESCAPE = regex.compile(
    r"\\~\{\}|\\~|\\(?:textasciitilde|texttildelow)(?:\{\})?[ \t\r\n]*+|\$\\sim\$|\\([_%#&$/])|\\\\",
)

_WS = regex.compile(r"[\s\x00-\x20\x7f-\x9f]++")
_HOST_OK = regex.compile(
    r"(?:[\w](?:[\w-]{0,62}+)\.)*+[\w](?:[\w-]{0,62}+)"
)
_IPV4 = regex.compile(r"[0-9]{1,3}+(?:\.[0-9]{1,3}+){3}")

_TRAIL_PUNCT = frozenset(".,;:!?'\"*~`\u2026\u201d\u2019\u00bb\u3002\uff0c\uff1b\uff1a")
_LEAD_DEBRIS = frozenset("~([{<\"'`*\u201c\u2018\u00ab")
_CLOSERS = {")": "(", "]": "[", "}": "{"}

# Top-level domains that are far more often file extensions (model.py,
# README.md, run.sh).  A scheme-less candidate with one of these is not a link
# unless its host is a known link host.
_FILE_LIKE_SUFFIXES = frozenset(
    "py sh md pl rs cc so ps ml pt pm zip mov cu ts".split()
)


# --------------------------------------------------------------------------
# Lazily built resources
# --------------------------------------------------------------------------

_TLD = None


def _tld_extractor():
    global _TLD
    if _TLD is None:
        import tldextract

        _TLD = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    return _TLD


def load_suffix_list() -> None:
    """Build the public suffix list now (about 0.1-0.4 s, once per process) rather than at
    the first scheme-less link; the URL component calls it when it is made."""
    _tld_extractor()("example.com")


@functools.lru_cache(maxsize=65536)
def _split_host(host: str) -> tuple[str, str]:
    """(registrable domain label, public suffix) of a host, '' when absent."""
    try:
        r = _tld_extractor()(host)
    except Exception:  # pragma: no cover - defensive, tldextract is offline
        return "", ""
    return r.domain, r.suffix


@dataclass(frozen=True, slots=True)
class _HostRule:
    host: str
    kind: str
    path_prefix: str = ""
    match: str = "suffix"  # "suffix": host or any subdomain; "prefix": host starts with it
    weak: bool = False  # a context cue overrides the kind
    shortener: bool = False

    def applies(self, host: str, path: str) -> bool:
        if self.match == "prefix":
            ok = host.startswith(self.host)
        else:
            ok = host == self.host or host.endswith("." + self.host)
        return ok and path.startswith(self.path_prefix)


def _read_host_table() -> str:
    try:
        from importlib.resources import files

        return (files("paperfacts") / "data" / "url_hosts.jsonl").read_text("utf-8")
    except Exception:
        # e.g. run from a source tree where paperfacts is not importable as a package
        return (Path(__file__).resolve().parent.parent / "data" / "url_hosts.jsonl").read_text("utf-8")


@functools.lru_cache(maxsize=1)
def _host_rules() -> tuple[_HostRule, ...]:
    try:
        text = _read_host_table()
    except Exception:
        return ()
    rules = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        obj = json.loads(line)
        kind = obj.get("kind", "other")
        if kind not in URL_KINDS:
            continue
        rules.append(
            _HostRule(
                host=str(obj["host"]).lower(),
                kind=kind,
                path_prefix=str(obj.get("path_prefix", "")).lower(),
                match=obj.get("match", "suffix"),
                weak=bool(obj.get("weak", False)),
                shortener=bool(obj.get("shortener", False)),
            )
        )
    # most specific first: a path prefix beats a bare host, a longer host a shorter one
    rules.sort(key=lambda r: (-len(r.path_prefix), -len(r.host)))
    return tuple(rules)


def _lookup_rule(host: str, path: str) -> _HostRule | None:
    for rule in _host_rules():
        if rule.applies(host, path):
            return rule
    return None


def _is_known_link_host(host: str) -> bool:
    """Hosts that are links even without a path (github.com, x.github.io, bit.ly)."""
    host = host.lower()
    if host.startswith("www."):
        return True
    for rule in _host_rules():
        if rule.path_prefix:
            continue
        if (rule.kind != "other" or rule.shortener) and rule.applies(host, ""):
            return True
    return False


# --------------------------------------------------------------------------
# Normalization
# --------------------------------------------------------------------------


def _unescape_latex(s: str) -> str:
    def repl(m: regex.Match) -> str:
        if m.group(1) is not None:
            return m.group(1)
        return "" if m.group(0) == "\\\\" else "~"  # \\ is a LaTeX line break

    return _LATEX_UNESCAPE.sub(repl, s)


def _trim_end(s: str, start: int, end: int) -> int:
    """New end of s[start:end] after dropping trailing punctuation and
    unbalanced closing brackets.  Linear: counts once, then walks back."""
    seg = s[start:end]
    opens = {o: seg.count(o) for o in "([{"}
    closes = {c: seg.count(c) for c in ")]}"}
    while end > start:
        c = s[end - 1]
        if c in _TRAIL_PUNCT:
            end -= 1
        elif c in _CLOSERS and closes[c] > opens[_CLOSERS[c]]:
            closes[c] -= 1
            end -= 1
        else:
            break
    return end


def _split_authority(rest: str) -> tuple[str, str]:
    """Split 'host[:port]/path' into ('host[:port]', '/path')."""
    for i, ch in enumerate(rest):
        if ch in "/?#":
            return rest[:i], rest[i:]
    return rest, ""


#: Generic top-level domains on which a bare, lower-case host is a link by itself.
_BARE_LINK_SUFFIXES = frozenset({"com", "org", "net", "io", "ai", "edu", "gov", "dev", "app"})


def _is_bare_site(written_host: str, suffix: str) -> bool:
    """``wikipedia.org``, ``en.wikipedia.org``: a lower-case host on a generic TLD
    whose registered name has three or more characters (not ``Trip.com``, ``e.g``)."""
    domain = written_host[: -len(suffix) - 1].rsplit(".", 1)[-1] if suffix else ""
    return suffix in _BARE_LINK_SUFFIXES and written_host.islower() and len(domain) >= 3


def _valid_host(host: str, *, had_scheme: bool) -> bool:
    if not host or len(host) > 253:
        return False
    if _IPV4.fullmatch(host):
        return had_scheme
    if host == "localhost":
        return had_scheme
    if not _HOST_OK.fullmatch(host) or "_" in host:
        return False
    labels = host.split(".")
    if len(labels) < 2 or len(labels[-1]) < 2 or any(not lab or lab[0] == "-" or lab[-1] == "-" for lab in labels):
        return False
    if had_scheme:
        # an explicit scheme makes it a link; only ask for a plausible top label
        return labels[-1].isalpha() or labels[-1].startswith("xn--")
    domain, suffix = _split_host(host)
    if not domain or not suffix:
        return False
    return True


def normalize_url(raw: str, *, explicit: bool = False) -> str | None:
    """Canonical form of one link as written, or None if it is not a link.

    Unwraps ``\\url{..}``/``\\href{..}{..}``, undoes LaTeX escapes (``\\_``,
    ``\\%``, ``\\#``, ``\\~{}``, ``\\textasciitilde``, ``$\\sim$``), drops a
    glued leading ``~`` and trailing sentence punctuation / unbalanced
    brackets, removes whitespace (line breaks inside a link), lower-cases the
    scheme and host, keeps the path as written (``.git`` included) and adds
    ``https://`` when the scheme is missing.

    A scheme-less candidate must have a public suffix (offline tldextract
    snapshot) and either a path or a known link host (github.com, hf.co,
    *.github.io, www.*, bit.ly, ...).  ``explicit=True`` (implied when ``raw``
    is a whole ``\\url{...}``) says the text marks it as a link, so a bare host
    (``\\url{nuScenes.org}``) is accepted too.  Emails are never links.
    """
    try:
        return _normalize(raw, explicit)
    except Exception:
        return None


def _normalize(raw: str, explicit: bool) -> str | None:
    if not isinstance(raw, str):
        return None
    s = raw.strip()
    if not s or len(s) > 8192:
        return None
    m = _WRAPPED_WHOLE.match(s)
    if m:
        s = m.group("arg")
        explicit = True
    s = _unescape_latex(s)
    s = _WS.sub("", s)
    i = 0
    while i < len(s) and s[i] in _LEAD_DEBRIS:
        i += 1
    s = s[i : _trim_end(s, i, len(s))]
    if not s:
        return None

    low = s.lower()
    scheme = ""
    for sch in ("https://", "http://", "ftp://"):
        if low.startswith(sch):
            scheme = sch
            break
    if scheme:
        rest = s[len(scheme):]
    elif low.startswith("//"):
        rest = s[2:]
    elif "://" in s or low.startswith(("mailto:", "file:", "javascript:", "data:")):
        return None
    elif explicit and regex.match(r"(?i)(?:https?|ftp)//", s):
        scheme = s[: s.index("/")].lower() + "://"  # \url{http//x.org}: lost colon
        rest = s[len(scheme) - 1:]
    else:
        rest = s

    authority, path = _split_authority(rest)
    if "@" in authority:
        if not scheme:
            return None  # an email address is not a link
        userinfo, _, authority = authority.rpartition("@")
        authority_prefix = userinfo + "@"
    else:
        authority_prefix = ""
    host, sep, port = authority.partition(":")
    if sep and not (port.isdigit() and len(port) <= 5):
        return None
    written_host = host.rstrip(".")
    host = written_host.lower()
    if not _valid_host(host, had_scheme=bool(scheme)):
        return None
    if not scheme:
        _, suffix = _split_host(host)
        if not explicit and not host.startswith("www.") and not written_host.endswith(suffix):
            return None  # "ASP.NET/x", "results.In/out": a capitalised TLD is prose
        known = _is_known_link_host(host)
        if not known and not explicit:
            if suffix in _FILE_LIKE_SUFFIXES:
                return None
            # something must follow the host (github.com/x), unless it is a plain
            # lower-case domain on a generic top-level domain (wikipedia.org)
            has_path = len(path) >= 2 and (path[1].isalnum() or path[1] in "~_%@-")
            if not has_path and not _is_bare_site(written_host, suffix):
                return None
    return (scheme or "https://") + authority_prefix + host + sep + port + path


# --------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------


def find_urls(text: str) -> list[UrlMatch]:
    """Every link in ``text``, in order of appearance (repeats included)."""
    if not isinstance(text, str) or not text:
        return []
    try:
        return _find_urls(text)
    except Exception:  # pragma: no cover - safety net; tests call _find_urls directly
        return []


def _find_urls(text: str) -> list[UrlMatch]:
    out: list[UrlMatch] = []
    covered: list[tuple[int, int]] = []

    if "\\" in text:
        for m in _WRAPPER.finditer(text):
            a, b = m.span("arg")
            while a < b and (text[a].isspace() or text[a] == "~"):
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            b = _trim_end(text, a, b)
            if a >= b:
                continue
            raw = text[a:b]
            url = normalize_url(raw, explicit=True)
            if url is None:
                continue
            out.append(UrlMatch(a, b, raw, url))
            covered.append(m.span())

    ci = 0
    for m in _finder_matches(text):
        start = m.start()
        while ci < len(covered) and covered[ci][1] <= start:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= start < covered[ci][1]:
            continue
        end = _trim_end(text, start, m.end())
        if end <= start:
            continue
        raw = text[start:end]
        url = normalize_url(raw)
        if url is None:
            continue
        out.append(UrlMatch(start, end, raw, url))

    if covered:
        out.sort(key=lambda u: (u.start, u.end))
    return out


def _finder_matches(text: str):
    """``_FINDER.finditer(text)``, for the links normalize_url can accept, tried only in
    the runs without white space that hold a scheme or a dotted name ending in two
    letters (``_MAY_HAVE_HOST``): the finder is slow per character, and most of an
    abstract is far from any link. A link's host never holds white space; its body
    crosses it only after ``\\textasciitilde``, so a match that reaches the end of
    its run is read again in the whole text."""
    pos = 0
    for lo, hi in _runs_with_hosts(text):
        start = max(lo, pos)
        while start < hi:
            m = _FINDER.search(text, start, hi)
            if m is None:
                break
            if m.end() == hi < len(text):
                m = _FINDER.match(text, m.start())
            yield m
            start = pos = m.end()


def _runs_with_hosts(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run without white space holding ``://`` or ``_MAY_HAVE_HOST``."""
    anchors = [m.start() for m in _MAY_HAVE_HOST.finditer(text)]  # a dot, in the run of its host
    at = text.find("://")
    while at >= 0:
        anchors.append(at)
        at = text.find("://", at + 1)
    runs: list[tuple[int, int]] = []
    for at in sorted(anchors):
        if runs and at < runs[-1][1]:
            continue
        lo = at
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        runs.append((lo, _NO_SPACE.match(text, at).end()))
    return runs


_NO_SPACE = re.compile(r"\S*")


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------

_CUES: tuple[tuple[str, regex.Pattern], ...] = (
    (
        "code",
        regex.compile(
            r"\b(?:source[- ]?codes?|codes?|code ?base|implementations?|repository|"
            r"repositories|repo|github|toolkit|toolbox|library|software|scripts?)\b"
        ),
    ),
    (
        "model",
        regex.compile(
            r"\b(?:weights|checkpoints?|ckpts?|pre-?trained models?|"
            r"models?\s++(?:\w++\s++){0,3}?(?:are|is|will\s++be|have\s++been|has\s++been|can\s++be)\s++"
            r"(?:\w++\s++){0,2}?(?:available|released|accessible|found|downloaded|hosted|open-?sourced)|"
            r"(?:release|releases|released|releasing|open-?source|open-?sourced)\s++(?:\w++\s++){0,3}?models?|"
            r"(?:pre-?trained|fine-?tuned|trained|instruction-tuned)\s++models?)\b"
        ),
    ),
    ("project", regex.compile(r"\b(?:project\s++(?:page|website|site|webpage|homepage)|web\s?page|web\s?site|home\s?page|leaderboards?)\b")),
    ("demo", regex.compile(r"\b(?:demos?|demonstrations?|videos?|playground)\b")),
    ("dataset", regex.compile(r"\b(?:data|datasets?|corpus|corpora|benchmarks?)\b")),
)


_SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s++(?=[A-Z(\\])|\n[ \t]*+\n")


#: How many characters before a link are read for the words that introduce it.
CONTEXT_CHARS = 600


def _context_kind(context: str) -> str | None:
    if not context:
        return None
    ctx = context[-CONTEXT_CHARS:]
    # only the words after the last link in the context introduce this link
    links = find_urls(ctx)
    if links:
        ctx = ctx[links[-1].end:]
    # ... and only those of the link's own sentence
    ctx = _SENTENCE_BREAK.split(ctx)[-1].lower()
    # the cue nearest the link wins ("Availability and implementation: ... we release
    # our fine-tuned models: LINK" is a model link); data cues count only when no
    # other cue is there ("links introduced as data only")
    best, best_end = None, -1
    for kind, pat in _CUES:
        if kind == "dataset" and best is not None:
            break
        for m in pat.finditer(ctx):
            if m.end() > best_end:
                best, best_end = kind, m.end()
    return best


def _host_and_path(url: str) -> tuple[str, str]:
    s = url.strip()
    low = s.lower()
    for sch in ("https://", "http://", "ftp://", "//"):
        if low.startswith(sch):
            s = s[len(sch):]
            break
    authority, path = _split_authority(s)
    host = authority.rpartition("@")[2].partition(":")[0].lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host, path.lstrip("/").lower()


def url_kind(url: str, context: str = "") -> str:
    """One of code|model|dataset|demo|project|other.

    The host table (``paperfacts/data/url_hosts.jsonl``) decides for known
    hosts; for other hosts (and hosts marked ``weak``) the words before the
    link in its sentence (``context``) decide, else the table's kind or
    ``other``.
    """
    try:
        if not isinstance(url, str):
            return "other"
        if not isinstance(context, str):
            context = ""
        host, path = _host_and_path(url)
        rule = _lookup_rule(host, path) if host else None
        if rule is not None and not rule.weak:
            return rule.kind
        cue = _context_kind(context)
        if cue is not None:
            return cue
        return rule.kind if rule is not None else "other"
    except Exception:  # pragma: no cover
        return "other"
