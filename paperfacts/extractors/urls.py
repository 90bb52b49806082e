"""URLs: every link in the text, normalized and typed (rule ``url.link``).

Finding and normalizing are pure functions in :mod:`paperfacts.normalize.urls`;
the host table that types a link is ``data/url_hosts.jsonl``. The kind of a link
on an unknown host comes from its sentence (``code is available at ...``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.urls import CONTEXT_CHARS, find_urls, load_suffix_list, url_kind
from . import Component, attrs, require_paperfacts, text_of, write_facts
from .sentences import sentence_of


class UrlExtractor(Component):
    """Finds links; writes ``doc.spans["paperfacts_urls"]``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_urls"):
        self.name = name
        load_suffix_list()  # a one-time cost, paid where the pipeline is built

    def match(self, doc: Doc) -> list[dict]:
        text, out, previous_end = text_of(doc), [], 0
        for m in find_urls(text):
            s, _ = sentence_of(doc, m.start)
            # the words that introduce the link: in its sentence, within CONTEXT_CHARS, after
            # the link before it. Bounded and disjoint from link to link, so that a list of
            # links costs linear time (not a copy of the sentence and a search of 600
            # characters for links per link).
            context = text[max(s, m.start - CONTEXT_CHARS, previous_end) : m.start]
            out.append({"start": m.start, "end": m.end, "text": m.raw, "url": m.url,
                        "kind": url_kind(m.url, context), "rule": "url.link"})
            previous_end = max(previous_end, m.end)
        return out

    def set_annotations(self, doc: Doc, items: list[dict]) -> None:
        write_facts(doc, "url", items)


@Language.factory(
    "paperfacts_urls",
    assigns=attrs("url"),
)
def make_url_extractor(nlp: Language, name: str) -> UrlExtractor:
    require_paperfacts(nlp)
    return UrlExtractor(nlp, name=name)
