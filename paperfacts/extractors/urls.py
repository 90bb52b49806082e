"""URLs: every link in the text, normalized and typed (rule ``url.link``).

Finding and normalizing are pure functions in :mod:`paperfacts.normalize.urls`;
the host table that types a link is ``data/url_hosts.jsonl``. The kind of a link
on an unknown host comes from its sentence (``code is available at ...``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..normalize.urls import find_urls, url_kind
from . import Component, attrs, require_paperfacts, text_of, write_facts
from .sentences import sentence_of


class UrlExtractor(Component):
    """Finds links; writes ``doc.spans["paperfacts_urls"]``."""

    def __init__(self, nlp: Language, name: str = "paperfacts_urls"):
        self.name = name


    def match(self, doc: Doc) -> list[dict]:
        out = []
        for m in find_urls(text_of(doc)):
            s, _ = sentence_of(doc, m.start)
            context = text_of(doc)[s : m.start]
            out.append({"start": m.start, "end": m.end, "text": m.raw, "url": m.url,
                        "kind": url_kind(m.url, context), "rule": "url.link"})
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
