"""Users' own names (``extract(..., names=)``, ``--names``, the gazetteer's config) add
to the shipped lists, or replace them when asked; a bad or missing file is an error."""

import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

import pytest
import spacy
from conftest import ROOT

from paperfacts import NamesError, NamesFileNotFoundError, PaperfactsError, extract, extract_many
from paperfacts.batch import export_chunk, settle_process
from paperfacts.extractors.gazetteer import read_names
from paperfacts.inputs import Item
from paperfacts.pipeline import COMPONENTS, UserNames, get_nlp

TEXT = ("We train Zorblax-XL on FrobCorpus and compare it with OLMo on the quuxbench suite, "
        "where it reaches a Wobble score of 71.2.")
LINES = [
    {"name": "Zorblax", "kind": "model", "aliases": ["ZBX"], "family": True},
    {"name": "QuuxBench", "kind": "benchmark", "ignore_case": True},
    {"name": "FrobCorpus", "kind": "dataset"},
    {"name": "Wobble score", "kind": "metric"},
]


@pytest.fixture
def names(tmp_path):
    path = tmp_path / "names.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in LINES) + "\n", encoding="utf-8")
    return path


def found(record):
    return {"models": [m.name for m in record.models], "benchmarks": [b.name for b in record.benchmarks],
            "datasets": [d.name for d in record.datasets], "metrics": [s.metric for s in record.scores]}


def test_no_names_given_and_none_given_explicitly_are_one_pipeline():
    """``get_nlp()`` and ``get_nlp(UserNames())`` share one cached pipeline (a Dask fork
    server's preload is the workers' pipeline), and the cache's methods stay on get_nlp."""
    assert get_nlp() is get_nlp(UserNames())
    assert get_nlp.cache_info().currsize >= 1 and callable(get_nlp.cache_clear)


def test_without_user_names_none_of_them_is_found():
    facts = found(extract(TEXT))
    assert "OLMo" in facts["models"]
    assert not {"Zorblax-XL", "quuxbench", "FrobCorpus", "Wobble score"} & {n for v in facts.values() for n in v}


def test_user_names_add_to_the_shipped_lists(names):
    assert found(extract(TEXT, names=names)) == {
        "models": ["Zorblax-XL", "OLMo"], "benchmarks": ["quuxbench"], "datasets": ["FrobCorpus"],
        "metrics": ["Wobble score"]}
    # several files, as str or Path, in a list
    assert found(extract(TEXT, names=[str(names)])) == found(extract(TEXT, names=(names, names)))


def test_replacing_the_shipped_lists_is_explicit(names):
    facts = found(extract(TEXT, names=names, replace_names=True))
    assert "OLMo" not in facts["models"] and "Zorblax-XL" in facts["models"]
    assert facts["benchmarks"] == ["quuxbench"]


def test_extract_many_takes_names_and_checks_them_before_the_first_record(names, tmp_path):
    records = list(extract_many([{"id": "a", "abstract": TEXT}], names=names))
    assert "Zorblax-XL" in found(records[0])["models"]
    with pytest.raises(NamesFileNotFoundError):
        extract_many([{"abstract": TEXT}], names=tmp_path / "missing.jsonl")  # no iteration needed


def test_a_missing_names_file_is_a_file_not_found_error(tmp_path):
    with pytest.raises(NamesFileNotFoundError) as info:
        extract(TEXT, names=tmp_path / "missing.jsonl")
    assert isinstance(info.value, FileNotFoundError) and isinstance(info.value, PaperfactsError)
    assert "missing.jsonl" in str(info.value)


@pytest.mark.parametrize("line, reason", [
    ('{"name": "X"}', "'kind' must be one of"),
    ('{"name": "X", "kind": "models"}', "'kind' must be one of"),
    ('{"kind": "model"}', "no 'name'"),
    ('{"name": " ", "kind": "model"}', "no 'name'"),
    ('{"name": "X", "kind": "model", "alias": ["Y"]}', "unknown key 'alias'"),
    ('{"name": "X", "kind": "model", "aliases": "Y"}', "'aliases' must be a list"),
    ('{"name": "X", "kind": "model", "aliases": [""]}', "'aliases' must be a list of names"),
    ('{"name": "X", "kind": "model", "ignore_case": "yes"}', "'ignore_case' must be a bool"),
    ('["X", "model"]', "not a JSON object"),
    ('{"name": "X", "kind": "model"', "invalid JSON"),
])
def test_a_line_that_cant_be_used_is_a_names_error_with_its_line(tmp_path, line, reason):
    path = tmp_path / "names.jsonl"
    path.write_text('{"name": "Fine", "kind": "model"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(NamesError, match=f"line 2: {reason}") as info:
        read_names(path)
    assert isinstance(info.value, ValueError)


def test_the_gazetteer_config_takes_names(names):
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"names": [str(names)], "replace": False} if name == "paperfacts_gazetteer" else {})
    doc = nlp(TEXT)
    assert [f["name"] for f in doc._.paperfacts_models] == ["Zorblax-XL", "OLMo"]
    assert [f["name"] for f in doc._.paperfacts_benchmarks] == ["quuxbench"]
    replaced = spacy.blank("en")
    replaced.add_pipe("paperfacts_gazetteer", config={"names": [str(names)], "replace": True})
    assert [f["name"] for f in replaced(TEXT)._.paperfacts_gazetteer_model] == ["Zorblax"]
    with pytest.raises(NamesFileNotFoundError):
        spacy.blank("en").add_pipe("paperfacts_gazetteer", config={"names": [str(names) + ".missing"]})


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "paperfacts", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd)


def test_cli_names_with_one_and_two_workers(names, tmp_path):
    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:  # three chunks of 128: the workers read most of them
        for i in range(300):
            fh.write(json.dumps({"id": f"p{i}", "abstract": TEXT}) + "\n")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        proc = run("extract", str(src), "-o", str(out), "-q", "--names", str(names), "--workers", workers)
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    lines = [json.loads(line) for line in outputs[0].splitlines()]
    assert len(lines) == 300 and all([m["name"] for m in r["models"]] == ["Zorblax-XL", "OLMo"] for r in lines)


def test_cli_replace_names(names, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"abstract": TEXT}) + "\n", encoding="utf-8")
    proc = run("extract", str(src), "-q", "--names", str(names), "--replace-names")
    assert proc.returncode == 0, proc.stderr
    assert [m["name"] for m in json.loads(proc.stdout)["models"]] == ["Zorblax-XL"]


@pytest.mark.parametrize("content, message", [
    (None, "names file does not exist"),
    ('{"name": "X", "kind": "thing"}\n', "line 1: 'kind' must be one of"),
])
def test_cli_a_bad_names_file_is_exit_2_before_any_output(tmp_path, content, message):
    names = tmp_path / "names.jsonl"
    if content is not None:
        names.write_text(content, encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"abstract": TEXT}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("extract", str(src), "-o", str(out), "-q", "--names", str(names))
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists() and not (tmp_path / "out.jsonl.part").exists()


def test_a_spawned_worker_builds_its_pipeline_with_the_names(names):
    """Without fork (macOS, Windows) a worker starts empty: the names travel with the work."""
    user_names = UserNames.of(names)
    with ProcessPoolExecutor(1, mp_context=get_context("spawn"), initializer=settle_process,
                             initargs=(user_names,)) as pool:
        lines = pool.submit(export_chunk, [Item(1, "a", None, TEXT)], user_names).result(timeout=300)
    assert [m["name"] for m in json.loads(lines[0].data)["models"]] == ["Zorblax-XL", "OLMo"]


def test_the_readme_names_example_runs(tmp_path):
    """README: `paperfacts extract tests/fixtures/papers.jsonl --names examples/names.jsonl ...`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "paperfacts extract tests/fixtures/papers.jsonl --names examples/names.jsonl -o facts-names.jsonl"
    assert command in readme
    out = tmp_path / "facts.jsonl"
    proc = run("extract", str(ROOT / "tests/fixtures/papers.jsonl"), "--names", str(ROOT / "examples/names.jsonl"),
               "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    aurora = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "StarCoderPlus" in [m["name"] for m in aurora["models"]]
