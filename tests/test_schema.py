"""The checked-in JSON Schema is the generated one, and exports validate against it."""

import json

import jsonschema
import pytest

from conftest import FIXTURES, ROOT
from paperfacts import extract_many
from paperfacts.records import ErrorDetail, ErrorRecord, json_schema

SCHEMA_FILE = ROOT / "schemas" / "paperfacts.schema.json"


def test_checked_in_schema_is_current():
    """Fails when records.py changed without `paperfacts schema > schemas/paperfacts.schema.json`."""
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema()


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_real_export_lines_validate(validator):
    papers = [json.loads(line) for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]
    for record in extract_many(papers):
        validator.validate(record.model_dump(mode="json"))


def test_error_record_validates(validator):
    validator.validate(ErrorRecord(id="x", error=ErrorDetail(line=3, reason="invalid JSON")).model_dump(mode="json"))


@pytest.mark.parametrize(
    "mutate",
    [
        lambda r: r.update(models=[{"name": "BERT"}]),  # evidence and rule missing
        lambda r: r.update(unexpected=1),  # extra key
        lambda r: r["scores"].append({"value": 1.0, "text": "1", "unit": "dB", "kind": "absolute", "metric": None,
                                      "benchmark": None, "model": None, "rule": "x",
                                      "evidence": [{"field": "abstract", "start": 0, "end": 1, "text": "1"}]}),
        lambda r: r["urls"].append({"url": "github.com/x", "kind": "code", "rule": "x",
                                    "evidence": [{"field": "abstract", "start": 0, "end": 1, "text": "g"}]}),
        lambda r: r.update(schema_version="0.9"),
    ],
)
def test_invalid_lines_are_rejected(validator, mutate):
    record = next(extract_many([{"abstract": "BERT scores 90.1% on GLUE."}])).model_dump(mode="json")
    mutate(record)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(record)
