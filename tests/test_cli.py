"""The command line: extract (JSONL and listings), schema, validate."""

import json
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


def test_missing_input_file_is_an_error_line(tmp_path):
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(tmp_path / "nope.jsonl"), "-o", str(out), "-q"]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert "cannot read" in json.loads(line)["error"]["reason"]


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
