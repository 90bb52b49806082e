"""Properties over arbitrary text: extract never raises, and every evidence quotes its source."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paperfacts import extract

FIELDS = ["models", "parameter_counts", "token_counts", "benchmarks", "datasets", "scores", "urls"]

# Text that looks like abstracts often enough to make facts: numbers, magnitudes, names, links.
PIECES = st.sampled_from([
    "7B", "1.3B", " parameters", " tokens", "GPT-4", "LLaMA-2-7B", " on MMLU", " 58.1%", " +3.2 points",
    "https://github.com/a/b", "github.com/x", ".", ",", " and ", "(", ")", "\\%", "~", "\n", " ", "$", "{", "}",
    "from 35.6% to 46.7%", "BERT's", "ImageNet-1K", " by 3%", "one billion", "\u00e9", "\x00",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))


def check_evidence(record, abstract, title):
    sources = {"abstract": abstract, "title": title}
    for field in FIELDS:
        for item in getattr(record, field):
            for ev in item.evidence:
                assert sources[ev.field] is not None
                assert sources[ev.field][ev.start : ev.end] == ev.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(abstract=TEXT, title=st.one_of(st.none(), TEXT))
def test_extract_never_raises_and_evidence_is_exact(abstract, title):
    record = extract(abstract, title=title)
    check_evidence(record, abstract, title)


@settings(max_examples=30, deadline=None)
@given(abstract=TEXT)
def test_extract_is_deterministic(abstract):
    assert extract(abstract).model_dump_json() == extract(abstract).model_dump_json()
