"""The command line: extract (JSONL and listings), schema, validate."""

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES
from paperfacts.cli import main


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "paperfacts", *args], input=stdin, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "facts.jsonl"
    assert main(["extract", str(FIXTURES / "papers.jsonl"), "-o", str(out), "-q"]) == 0
    return out


def test_extract_writes_one_line_per_paper_in_order(export):
    ids = [json.loads(line)["id"] for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]
    lines = export.read_bytes().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ids


def test_extract_is_deterministic(export, tmp_path):
    again = tmp_path / "again.jsonl"
    assert main(["extract", str(FIXTURES / "papers.jsonl"), "-o", str(again), "-q"]) == 0
    assert again.read_bytes() == export.read_bytes()


def test_validate_accepts_an_export(export):
    assert main(["validate", str(export)]) == 0


def test_validate_rejects_with_line_numbers(export, tmp_path, capsys):
    lines = export.read_bytes().splitlines()
    bad = json.loads(lines[1])
    bad["parameter_counts"] = [{"value": "many"}]
    broken = tmp_path / "broken.jsonl"
    broken.write_bytes(b"\n".join([lines[0], json.dumps(bad).encode(), b"{not json"]) + b"\n")
    assert main(["validate", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "line 2:" in err and "line 3:" in err and "line 1:" not in err


def test_daily_listing_is_read(tmp_path):
    out = tmp_path / "daily.jsonl"
    assert main(["extract", str(FIXTURES / "daily_papers_sample.txt"), "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == [
        "Perplexed by Quality: A Perplexity-based Method for Adult and Harmful Content Detection in Multilingual Heterogeneous Web Data",
        "PLLaVA : Parameter-free LLaVA Extension from Images to Videos for Video Dense Captioning",
        "A Multi-Level Framework for Accelerating Training Transformer Models",
    ]
    assert all(r["id"].startswith("pf-") and "error" not in r for r in records)


def test_bad_records_become_error_lines_and_nothing_is_lost(tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        "\n".join([
            json.dumps({"id": "ok", "abstract": "We train a 7B model."}),
            "{broken json",
            json.dumps([1, 2]),
            json.dumps({"id": "no-abstract", "title": "x"}),
            json.dumps({"id": "num", "abstract": 5}),
            json.dumps({"id": "empty", "abstract": "  "}),
            json.dumps({"id": "nul", "abstract": "a\x00b 13B parameters"}),
        ]) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 7
    assert [("error" in r) for r in lines] == [False, True, True, True, True, True, False]
    assert lines[1]["error"]["line"] == 2 and "JSON" in lines[1]["error"]["reason"]
    assert lines[3]["id"] == "no-abstract" and "abstract" in lines[3]["error"]["reason"]
    assert lines[6]["parameter_counts"][0]["value"] == 13_000_000_000
    assert main(["validate", str(out)]) == 0


def test_schema_command_prints_the_schema():
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["title"] == "paperfacts export line"


def test_stdin_to_stdout():
    proc = run("extract", "-", "-q", stdin=json.dumps({"id": "a", "abstract": "Code: https://github.com/a/b."}).encode())
    assert proc.returncode == 0
    record = json.loads(proc.stdout)
    assert record["urls"][0]["url"] == "https://github.com/a/b"


def one_line_failure(proc, code=2):
    """The run failed with ``code`` and said why in one line, without a traceback."""
    err = proc.stderr.decode()
    assert proc.returncode == code, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("paperfacts: ") and "Traceback" not in err, err
    return err


def wrong_invocations(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "a", "abstract": "A 7B model."}) + "\n", encoding="utf-8")
    utf16 = tmp_path / "u16.jsonl"
    utf16.write_bytes(json.dumps({"id": "a", "abstract": "A 7B model."}).encode("utf-16"))
    (tmp_path / "folder").mkdir()
    return {
        "missing input": ([str(tmp_path / "nope.jsonl")], "out.jsonl", "No such file"),
        "missing among several": ([str(good), str(tmp_path / "nope.jsonl")], "out.jsonl", "No such file"),
        "directory input": ([str(tmp_path / "folder")], "out.jsonl", "is a directory"),
        "output folder missing": ([str(good)], "no/such/folder/out.jsonl", "does not exist"),
        "output is a directory": ([str(good)], "folder", "is a directory"),
        "UTF-16 input": ([str(utf16)], "out.jsonl", "UTF-16"),
    }


@pytest.mark.parametrize("case", ["missing input", "missing among several", "directory input", "output folder missing",
                                  "output is a directory", "UTF-16 input"])
def test_wrong_invocations_fail_loudly_before_any_work(tmp_path, case):
    inputs, output, message = wrong_invocations(tmp_path)[case]
    proc = run("extract", *inputs, "-o", str(tmp_path / output), "-q")
    assert message in one_line_failure(proc)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["good.jsonl", "u16.jsonl", "folder"])  # no output
    assert not any((tmp_path / "folder").iterdir())


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads and writes everywhere")
def test_unreadable_input_and_read_only_folder_fail_before_any_work(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "abstract": "A 7B model."}) + "\n", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    src.chmod(0)
    try:
        assert "Permission denied" in one_line_failure(run("extract", str(src), "-q"))
        src.chmod(0o600)
        assert "cannot write in" in one_line_failure(run("extract", str(src), "-o", str(locked / "o.jsonl"), "-q"))
    finally:
        src.chmod(0o600)
        locked.chmod(0o700)


def test_error_records_are_counted_in_the_summary_also_under_quiet(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "abstract": "A 7B model."}) + "\n{bad\n[1]\n", encoding="utf-8")
    proc = run("extract", str(src), "-q")
    assert proc.returncode == 0 and proc.stderr.decode() == "paperfacts: 3 papers, 2 error records\n"
    src.write_text(json.dumps({"id": "a", "abstract": "A 7B model."}) + "\n", encoding="utf-8")
    assert run("extract", str(src), "-q").stderr == b""  # no error records: nothing to say


def test_max_errors_stops_once_more_records_failed(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "abstract": "A 7B model."})
    src.write_text("\n".join([good, "{bad", good, "[1]", good, "null", good]) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", "--max-errors", "3"]) == 0
    assert main(["extract", str(src), "-o", str(tmp_path / "p.jsonl"), "-q", "--max-errors", "2"]) == 1
    err = capsys.readouterr().err
    assert "--max-errors 2" in err and "line 6" in err
    assert (tmp_path / "p.jsonl.part").read_bytes() == b"".join(out.read_bytes().splitlines(keepends=True)[:5])


def test_each_error_record_names_its_input_file_when_several_are_given(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "a1", "abstract": "A 7B model."}) + "\n{bad\n", encoding="utf-8")
    b.write_text("[2]\n" + json.dumps({"id": "b2", "abstract": "A 3B model."}) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(a), str(b), "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert [r.get("error", {}).get("file") for r in records] == [None, str(a), str(b), None]
    assert [r.get("error", {}).get("line") for r in records] == [None, 2, 1, None]
    assert main(["validate", str(out)]) == 0
    assert main(["extract", str(a), "-o", str(out), "-q"]) == 0  # one input: no file named
    assert "file" not in json.loads(out.read_bytes().splitlines()[1])["error"]


def test_readme_output_line_is_what_extract_prints():
    """The README shows a real output line (the OpenELM fixture); it must stay true."""
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```json\n", 1)[1].split("\n```", 1)[0]
    proc = run("extract", str(FIXTURES / "papers.jsonl"), "-q")
    lines = proc.stdout.decode().splitlines()
    assert shown in lines


def test_truncated_gzip_keeps_what_was_read_and_says_so(tmp_path):
    import gzip

    lines = "".join(json.dumps({"id": f"p{i}", "abstract": f"We train a {i + 1}B model."}) + "\n" for i in range(200))
    blob = gzip.compress(lines.encode())
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(blob[: len(blob) // 2])
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "error" in records[-1] and "cannot read" in records[-1]["error"]["reason"]
    good = [r for r in records if "error" not in r]
    assert len(good) > 10 and [r["id"] for r in good] == [f"p{i}" for i in range(len(good))]
    assert len(records) - len(good) <= 2  # the cut line (invalid JSON) and the read error


# --- validate --------------------------------------------------------------------------------


def first_with(export, field):
    """The first record of ``export`` with facts in ``field``, as a dict."""
    return next(r for r in map(json.loads, export.read_bytes().splitlines()) if r.get(field))


def validate(tmp_path, records, *args, raw=None):
    path = tmp_path / "v.jsonl"
    path.write_bytes(raw if raw is not None else b"".join(json.dumps(r).encode() + b"\n" for r in records))
    return run("validate", str(path), *args)


def test_validate_reads_stdin_and_gzip(export, tmp_path):
    import gzip

    gz = tmp_path / "facts.jsonl.gz"
    gz.write_bytes(gzip.compress(export.read_bytes()))
    assert run("validate", str(gz)).returncode == 0
    proc = run("validate", "-", stdin=export.read_bytes())
    assert proc.returncode == 0 and b"valid, 13 records, 0 error records" in proc.stderr


def test_validate_a_missing_file_is_exit_2_in_one_line(tmp_path):
    one_line_failure(run("validate", str(tmp_path / "nope.jsonl")))


def test_validate_an_empty_export_fails_unless_allowed(tmp_path):
    assert b"no records" in validate(tmp_path, [], raw=b"").stderr
    assert validate(tmp_path, [], raw=b"\n").returncode == 1
    assert validate(tmp_path, [], "--allow-empty", raw=b"").returncode == 0


def test_validate_counts_error_records_and_fails_on_them_with_no_errors(export, tmp_path):
    records = [json.loads(line) for line in export.read_bytes().splitlines()]
    records.append({"schema_version": "1.1", "id": None, "error": {"line": 14, "reason": "invalid JSON"}})
    proc = validate(tmp_path, records)
    assert proc.returncode == 0 and b"14 records, 1 error record" in proc.stderr
    proc = validate(tmp_path, records, "--no-errors")
    assert proc.returncode == 1 and b"--no-errors" in proc.stderr


def test_validate_names_only_the_record_type_of_the_line_in_one_short_line(export, tmp_path):
    facts = first_with(export, "parameter_counts")
    facts["parameter_counts"][0]["value"] = "many"
    error = {"schema_version": "1.1", "id": None, "error": {"line": 0, "reason": ""}}
    proc = validate(tmp_path, [facts, error])
    lines = proc.stderr.decode().splitlines()
    assert proc.returncode == 1 and len(lines) == 3
    assert lines[0].startswith("line 1: facts record: parameter_counts.0.value:") and "error" not in lines[0].lower()
    assert lines[1].startswith("line 2: error record: error.reason:") and "facts" not in lines[1]
    assert all(len(line) < 200 for line in lines)


def test_validate_checks_evidence_offsets_and_with_inputs_the_source_text(export, tmp_path):
    record = first_with(export, "models")
    assert validate(tmp_path, [record]).returncode == 0
    ev = record["models"][0]["evidence"][0]
    ev["end"] += 1  # the length no longer fits the text
    proc = validate(tmp_path, [record])
    assert proc.returncode == 1 and b"end - start" in proc.stderr
    ev["start"] += 1  # the length fits, the place does not: only the source can tell
    assert validate(tmp_path, [record]).returncode == 0
    src = tmp_path / "in.jsonl"
    paper = next(p for p in map(json.loads, (FIXTURES / "papers.jsonl").read_bytes().splitlines()) if p["id"] == record["id"])
    src.write_text(json.dumps(paper) + "\n", encoding="utf-8")
    proc = validate(tmp_path, [record], "--inputs", str(src))
    assert proc.returncode == 1 and b"models.0.evidence.0: the" in proc.stderr
    assert run("validate", str(export), "--inputs", str(FIXTURES / "papers.jsonl")).returncode == 0


STRICTNESS = {
    "start as a string": lambda r: r["models"][0]["evidence"][0].update(start=str(r["models"][0]["evidence"][0]["start"])),
    "count value as a string": lambda r: r["parameter_counts"][0].update(value="7000000000"),
    "boolean score": lambda r: r["scores"].append(dict(r["scores"][0], value=True)),
    "score value as a string": lambda r: r["scores"][0].update(value="58.1"),
    "id as a number": lambda r: r.update(id=5),
    "extra key": lambda r: r.update(extra=1),
}


@pytest.mark.parametrize("case", STRICTNESS)
def test_validate_is_as_strict_as_the_json_schema(export, tmp_path, case):
    import jsonschema

    from conftest import ROOT

    schema = json.loads((ROOT / "schemas" / "paperfacts.schema.json").read_text(encoding="utf-8"))
    record = next(r for r in map(json.loads, export.read_bytes().splitlines())
                  if r["models"] and r["parameter_counts"] and r["scores"])
    STRICTNESS[case](record)
    assert not jsonschema.Draft202012Validator(schema).is_valid(record)
    assert validate(tmp_path, [record]).returncode == 1


def test_validate_refuses_nan_which_is_not_json(export, tmp_path):
    record = first_with(export, "scores")
    line = json.dumps(record).replace(f'"value": {json.dumps(record["scores"][0]["value"])}', '"value": NaN', 1)
    assert "NaN" in line
    proc = validate(tmp_path, [], raw=line.encode() + b"\n")
    assert proc.returncode == 1 and b"not JSON" in proc.stderr


def test_validate_agrees_with_the_json_schema_on_random_changes(export):
    """Random values put in random places of real records: validate and the shipped JSON
    Schema give the same verdict every time (validate also fails evidence whose
    offsets do not fit its text)."""
    import jsonschema
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from conftest import ROOT
    from paperfacts.cli import validate_lines

    schema = jsonschema.Draft202012Validator(json.loads((ROOT / "schemas" / "paperfacts.schema.json").read_text()))
    records = [json.loads(line) for line in export.read_bytes().splitlines()]
    values = st.none() | st.booleans() | st.integers(-3, 10**12) | st.floats(allow_nan=False, allow_infinity=False) \
        | st.sampled_from(["", "5", "%", "title", "abstract", "delta", "1.1", "https://x.org"]) | st.just([]) | st.just({})

    def places(value, path=()):
        yield path
        if isinstance(value, dict):
            for k, v in value.items():
                yield from places(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from places(v, path + (i,))

    @settings(max_examples=300, deadline=None)
    @given(st.sampled_from(records), st.data(), values)
    def check(record, data, value):
        record = json.loads(json.dumps(record))
        path = data.draw(st.sampled_from([p for p in places(record) if p]))
        target = record
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value
        problems = validate_lines([json.dumps(record).encode()])
        if schema.is_valid(record):  # valid, or evidence whose offsets do not fit (beyond what a schema says)
            assert not problems or "end - start" in problems[0], (path, value, problems)
        else:
            assert problems, (path, value)

    check()
