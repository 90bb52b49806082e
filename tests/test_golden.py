"""Golden cases: real abstracts (tests/fixtures/papers.jsonl) with hand-made expected facts.

Expected facts are kept as data in tests/fixtures/golden.jsonl, compared per field on
what the guidelines define (names, values, links and their kinds). A field listed
under ``known_failures`` must still fail (strict xfail), so a fix shows up.
"""

import json

import pytest

from conftest import FIXTURES
from paperfacts import extract_many

PAPERS = [json.loads(line) for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]
GOLDEN = {g["id"]: g for g in map(json.loads, (FIXTURES / "golden.jsonl").open(encoding="utf-8"))}
FIELDS = ["models", "parameter_counts", "token_counts", "benchmarks", "datasets", "scores", "urls"]


def project(record, field):
    items = getattr(record, field)
    if field in ("models", "benchmarks", "datasets"):
        return sorted({i.name for i in items})
    if field == "parameter_counts":
        return sorted({(i.value, i.model) for i in items}, key=str)
    if field == "token_counts":
        return sorted({i.value for i in items})
    if field == "scores":
        return sorted({(i.value, i.kind) for i in items})
    return sorted({(i.url, i.kind) for i in items})


def expected(gold, field):
    values = gold[field]
    if field == "parameter_counts":
        return sorted({tuple(v) for v in values}, key=str)
    if field in ("scores", "urls"):
        return sorted({tuple(v) for v in values})
    return sorted(set(values))


@pytest.fixture(scope="module")
def records():
    return {r.id: r for r in extract_many(PAPERS)}


CASES = [
    pytest.param(pid, field, marks=pytest.mark.xfail(strict=True, reason=GOLDEN[pid]["known_failures"][field]))
    if field in GOLDEN[pid].get("known_failures", {}) else pytest.param(pid, field)
    for pid in GOLDEN for field in FIELDS
]


@pytest.mark.parametrize("pid, field", CASES)
def test_golden(records, pid, field):
    assert project(records[pid], field) == expected(GOLDEN[pid], field)


def test_every_fixture_paper_has_golden_facts():
    assert {p["id"] for p in PAPERS} == set(GOLDEN)
