"""Canonical names: gazetteer main names, sizes left out of model names, plain spelling
otherwise; on every name of a record and on the references of counts and scores;
schema 1.2 needs them and `validate` still accepts 1.1 lines."""

import json

import pytest

from conftest import FIXTURES
from paperfacts import extract
from paperfacts.canonical import canonical_name, plain
from paperfacts.cli import validate_lines


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("MS-COCO", "benchmark", "COCO"),  # an alias
        ("mscoco", "benchmark", "COCO"),  # case and punctuation aside
        ("COCO", "benchmark", "COCO"),
        ("Llama 2 7B", "model", "Llama 2"),  # the size goes to `size`
        ("Llama3.3:70b", "model", "Llama3.3"),  # and the colon of a runner's tag with it
        ("GLM-130B", "model", "GLM"),
        ("Qwen2.5-72B-Instruct", "model", "Qwen2.5-Instruct"),
        ("Pythia 410M", "model", "Pythia"),
        ("Mistral-7B", "model", "Mistral 7B"),  # known with its size: the gazetteer's name
        ("llama", "model", "LLaMA"),
        ("Mixtral 8x7B", "model", "Mixtral 8x7B"),  # no single size (experts): kept
        ("Qwen3-30B-A3B", "model", "Qwen3-30B-A3B"),  # a total beside the active size: kept
        ("Qwen3 235B-A22B-Instruct", "model", "Qwen3 235B-A22B-Instruct"),
        ("ResNet-50", "model", "ResNet-50"),
        ("$\\text{GSM8K}$", "benchmark", "GSM8K"),  # LaTeX markup
        ("\\textsc{Foo}\\_Bench", "benchmark", "Foo_Bench"),
        ("Web  Text - 2", "dataset", "Web Text-2"),  # spacing
    ],
)
def test_canonical_name(name, kind, expected):
    assert canonical_name(name, kind) == expected


@pytest.mark.parametrize("name", ["$$", "{}", "  x  ", "\\alpha-Net"])
def test_plain_never_empties_a_name(name):
    assert plain(name).strip()


def test_records_carry_canonical_names_and_references():
    facts = extract("Llama 2 7B reaches 55.1% on MS-COCO, and Llama 2 7B has 7B parameters.")
    assert [(m.name, m.canonical, m.size) for m in facts.models] == [("Llama 2 7B", "Llama 2", 7_000_000_000)]
    assert [(b.name, b.canonical) for b in facts.benchmarks] == [("MS-COCO", "COCO")]
    (score,) = facts.scores
    assert (score.benchmark_canonical, score.model_canonical) == ("COCO", "Llama 2")
    assert {(c.model, c.model_canonical) for c in facts.parameter_counts} == {("Llama 2 7B", "Llama 2")}


def test_every_name_of_the_fixtures_has_a_canonical_name():
    papers = [json.loads(line) for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]
    for paper in papers:
        facts = extract(paper["abstract"], title=paper.get("title"), id=paper["id"])
        for kind in ("model", "benchmark", "dataset"):
            for item in getattr(facts, kind + "s"):
                assert item.canonical == canonical_name(item.name, kind)


def test_validate_accepts_both_versions_and_needs_canonical_in_1_2():
    record = extract("Llama 2 7B reaches 55.1% on MS-COCO.").model_dump(mode="json")
    assert validate_lines([json.dumps(record).encode()]) == []
    old = json.loads(json.dumps(record))
    old["schema_version"] = "1.1"
    for item in old["models"] + old["benchmarks"]:
        del item["canonical"]
    for score in old["scores"]:
        del score["model_canonical"], score["benchmark_canonical"]
    assert validate_lines([json.dumps(old).encode()]) == []
    stripped = dict(old, schema_version="1.2")
    (problem,) = validate_lines([json.dumps(stripped).encode()])
    assert "needs canonical names" in problem and "models[0].canonical" in problem


def test_the_json_schema_accepts_both_versions():
    import jsonschema

    from conftest import ROOT

    schema = json.loads((ROOT / "schemas" / "paperfacts.schema.json").read_text(encoding="utf-8"))
    record = extract("Llama 2 7B reaches 55.1% on MS-COCO.").model_dump(mode="json")
    jsonschema.validate(record, schema)
    old = json.loads(json.dumps(record), object_hook=lambda d: {k: v for k, v in d.items() if "canonical" not in k})
    jsonschema.validate(dict(old, schema_version="1.1"), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dict(old, schema_version="1.3"), schema)
