"""Hostile and malformed inputs: every one yields exactly one record, never a crash.

Time is not asserted here (speed lives in benchmarks/); before the fixes these
cases took minutes (spaCy's tokenizer is quadratic in a run without white space,
and some of our lookups were quadratic in the number of mentions), so a
regression shows up as a suite that stalls.
"""

import pytest

from paperfacts import extract, extract_many
from paperfacts.records import ErrorRecord, PaperFacts

HOSTILE = {
    "100k digits": "1" * 100_000,
    "dotted digits": "1." * 50_000,
    "open parens": "(" * 50_000,
    "percent run": "%" * 50_000,
    "slashes": "/" * 50_000,
    "tildes": "~" * 50_000,
    "url commands": "\\url{" * 10_000,
    "repeated links": "http://a.com/" * 5_000,
    "many percentages": "5% " * 20_000,
    "many counts": "1B and " * 10_000 + "parameters",
    "many models": "GPT-4 " * 10_000,
    "own model, counts in one sentence": "We present Zorblax, a small language model, and " + "it uses 7B parameters, " * 5_000,
    "our model, counts in one sentence": "We present Zorblax, a language model, and " + "our model has 7B parameters, " * 3_000,
    "respectively": "on A, B, C respectively, 5%, 6%, 7%. " * 2_000,
    "nul and controls": "a\x00b\x01c 7B parameters \x7f",
    "mixed long run": "(%)" * 20_000 + " GPT-4 scores 5% on MMLU",
    "1 MB of facts": "We train LLaMA-2-7B on 2T tokens and reach 58.1% on MMLU; code at github.com/a/b. " * 12_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_gives_one_record(name):
    (record,) = list(extract_many([{"id": name, "abstract": HOSTILE[name]}]))
    assert isinstance(record, PaperFacts) and record.id == name


def test_lone_surrogates_are_error_records_that_say_why():
    (record,) = list(extract_many([{"id": "s", "abstract": "GPT-4 \ud800 scores 5%"}]))
    assert isinstance(record, ErrorRecord) and "surrogate" in record.error.reason


def test_facts_are_still_found_after_a_long_run():
    record = extract(HOSTILE["mixed long run"])
    assert [s.value for s in record.scores] == [5.0]
    assert [b.name for b in record.benchmarks] == ["MMLU"]
    ev = record.scores[0].evidence[0]
    assert HOSTILE["mixed long run"][ev.start : ev.end] == "5%"


def test_too_long_is_an_error_record_and_the_batch_goes_on(monkeypatch):
    from paperfacts import pipeline

    monkeypatch.setattr(pipeline, "MAX_CHARS", 1000)
    records = list(extract_many([{"id": "a", "abstract": "x" * 2000}, {"id": "b", "abstract": "GPT-4 has 7B parameters."}]))
    assert isinstance(records[0], ErrorRecord) and "characters" in records[0].error.reason
    assert isinstance(records[1], PaperFacts) and records[1].parameter_counts[0].value == 7_000_000_000


@pytest.mark.parametrize("bad", [None, 5, ["x"], {"a": 1}])
def test_non_string_fields_are_error_records(bad):
    (record,) = list(extract_many([{"id": "x", "abstract": bad}]))
    assert isinstance(record, ErrorRecord)


def test_extract_raises_value_error_for_non_strings():
    with pytest.raises(ValueError):
        extract(5)


# --- values that cannot be written ------------------------------------------------------


@pytest.mark.parametrize("field", ["id", "title", "abstract"])
def test_extract_refuses_a_lone_surrogate_with_an_input_error(field):
    from paperfacts import InputError

    args = {"abstract": "GPT-4 has 7B parameters.", "title": "T", "id": "x", field: "bad \ud800 value"}
    with pytest.raises(InputError, match=f"{field} is not valid Unicode: lone surrogate U\\+D800"):
        extract(args.pop("abstract"), **args)


@pytest.mark.parametrize("field", ["id", "title", "abstract"])
def test_extract_many_gives_a_writable_error_record_for_a_lone_surrogate(field):
    from paperfacts.batch import dumps

    record = {"abstract": "GPT-4 has 7B parameters.", "title": "T", "id": "x", field: "bad \udfff value"}
    (out,) = list(extract_many([record]))
    assert isinstance(out, ErrorRecord) and "surrogate" in out.error.reason
    assert out.id == (None if field == "id" else "x")
    assert dumps(out)  # serializable


def test_a_record_that_cannot_be_written_becomes_an_error_line():
    """Whatever field holds it, a value orjson cannot write gives an error line, never a crash."""
    import json

    from paperfacts.batch import export_chunk
    from paperfacts.inputs import Item

    good, bad_id, bad_title = export_chunk([
        Item(1, "ok", None, "GPT-4 has 7B parameters."),
        Item(2, "x\ud800", None, "GPT-4 has 7B parameters."),  # not through the readers, which refuse it earlier
        Item(3, "y", "T \udc00", "GPT-4 has 7B parameters."),
    ])
    assert json.loads(good.data)["parameter_counts"][0]["value"] == 7_000_000_000
    bad = json.loads(bad_id.data)
    assert bad["id"] is None and bad["error"]["line"] == 2 and "cannot be written" in bad["error"]["reason"]
    assert bad_id.error and bad_id.id is None
    assert json.loads(bad_title.data)["id"] == "y" and "surrogate" in json.loads(bad_title.data)["error"]["reason"]
