"""Flat tables per kind of fact and the nested export schema: two exports whose empty
kinds differ concatenate in pyarrow, polars (and Hugging Face datasets when installed)."""

import json

import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.json as pajson  # noqa: E402

import paperfacts  # noqa: E402
from paperfacts import records as rec  # noqa: E402
from paperfacts.arrow import OWN_COLUMNS, export_schema, table_schema  # noqa: E402
from paperfacts.batch import FACT_FIELDS  # noqa: E402
from paperfacts.cli import main  # noqa: E402

#: Export B has datasets and counts but no scores, benchmarks or URLs; A has scores,
#: benchmarks and URLs but no datasets. A naive reader types each empty kind
#: list<null> in one of them.
A_PAPERS = [
    {"id": "a1", "title": "GPT-4 on MMLU", "abstract": "GPT-4 reaches 86.4% on MMLU, +2.1 points over PaLM 2."},
    {"id": "a2", "abstract": "Our model improves BLEU by 1.3 points on WMT14. Code: https://github.com/example/repo."},
]
B_PAPERS = [
    {"id": "b1", "abstract": "We pretrain a 7B model on The Pile and RedPajama for 2 trillion tokens."},
    {"id": "b2", "title": "Tiny", "abstract": "A 1.3B parameter model trained on C4."},
    {"id": "b3", "abstract": "{not json"},
]


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("tables")
    for name, papers in (("a", A_PAPERS), ("b", B_PAPERS)):
        (tmp / f"{name}_in.jsonl").write_text("".join(
            (json.dumps(p) if "{" not in p["abstract"] else p["abstract"]) + "\n" for p in papers), encoding="utf-8")
    for name, src in (("a", tmp / "a_in.jsonl"), ("b", tmp / "b_in.jsonl")):
        assert main(["extract", str(src), "-q", "-o", str(tmp / f"{name}.jsonl")]) == 0
    return tmp / "a.jsonl", tmp / "b.jsonl"


def load(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_two_exports_differ_in_their_empty_kinds(exports):
    a, b = (tables_of(p) for p in exports)
    assert a["datasets"].num_rows == 0 < b["datasets"].num_rows
    assert b["scores"].num_rows == 0 < a["scores"].num_rows and b["urls"].num_rows == 0 < a["urls"].num_rows


def tables_of(path):
    return paperfacts.tables(load(path))


@pytest.mark.parametrize("kind", FACT_FIELDS)
def test_tables_of_two_exports_concatenate_in_pyarrow_and_polars(exports, kind):
    pl = pytest.importorskip("polars")
    a, b = (tables_of(p)[kind] for p in exports)
    assert a.schema == b.schema == table_schema(kind)
    both = pa.concat_tables([a, b])
    assert both.num_rows == a.num_rows + b.num_rows
    assert pl.concat([pl.from_arrow(a), pl.from_arrow(b)]).height == both.num_rows
    frame = both.to_pandas()
    assert list(frame.columns) == table_schema(kind).names and len(frame) == both.num_rows


def test_a_row_per_fact_with_its_first_mention(exports):
    records = load(exports[0])
    models = paperfacts.tables(records)["models"].to_pylist()
    expected = [(r["id"], m["name"], m["canonical"], len(m["evidence"]), m["evidence"][0]["start"])
                for r in records if "error" not in r for m in r["models"]]
    assert [(m["paper_id"], m["name"], m["canonical"], m["mentions"], m["evidence_start"]) for m in models] == expected
    scores = paperfacts.tables(records)["scores"].to_pylist()
    assert all(s["evidence_text"] == s["text"] for s in scores)


@pytest.mark.parametrize("kind, record_class", [("models", rec.Model), ("benchmarks", rec.Name), ("scores", rec.Score),
                                                ("parameter_counts", rec.Count), ("urls", rec.Url)])
def test_table_columns_cover_every_field_of_the_records(kind, record_class):
    assert [n for n, _ in OWN_COLUMNS[kind]] == [f for f in record_class.model_fields if f not in ("evidence", "rule")]


def test_schema_1_1_lines_and_error_records(exports):
    record = load(exports[1])[0]
    old = json.loads(json.dumps(record), object_hook=lambda d: {k: v for k, v in d.items() if "canonical" not in k})
    tables = paperfacts.tables([dict(old, schema_version="1.1"), {"schema_version": "1.2", "id": None,
                                                                   "error": {"line": 1, "reason": "x"}}])
    assert tables["datasets"].column("canonical").null_count == tables["datasets"].num_rows > 0


def test_nested_export_schema_reads_both_exports_and_round_trips(exports):
    options = pajson.ParseOptions(explicit_schema=export_schema(), unexpected_field_behavior="error")
    read = [pajson.read_json(str(p), parse_options=options) for p in exports]
    both = pa.concat_tables(read)
    originals = load(exports[0]) + load(exports[1])
    rows = both.to_pylist()
    assert len(rows) == len(originals)
    for row, original in zip(rows, originals):
        assert {k: v for k, v in row.items() if k in original} == original


def test_hugging_face_datasets_loads_two_exports(exports, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    features = datasets.Features.from_arrow_schema(export_schema())
    ds = datasets.load_dataset("json", data_files=[str(p) for p in exports], features=features,
                               cache_dir=str(tmp_path / "cache"), split="train")
    assert ds.num_rows == sum(len(load(p)) for p in exports)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_command(exports, tmp_path, fmt):
    out = tmp_path / f"scores.{fmt}"
    assert main(["table", *map(str, exports), "--kind", "scores", "--format", fmt, "-o", str(out), "-q"]) == 0
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(out)
    else:
        import pyarrow.csv as pacsv

        convert = pacsv.ConvertOptions(column_types=table_schema("scores"), strings_can_be_null=True)
        table = pacsv.read_csv(out, convert_options=convert)
    expected = pa.concat_tables([tables_of(p)["scores"] for p in exports])
    assert table.schema == table_schema("scores") and table.equals(expected)


def test_without_pyarrow_a_clear_error(monkeypatch, capsys, exports, tmp_path):
    from paperfacts.errors import MissingExtraError

    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"paperfacts\[arrow\]"):
        paperfacts.tables([])
    assert main(["table", str(exports[0]), "--kind", "models", "-o", str(tmp_path / "m.csv")]) == 2
    assert "paperfacts[arrow]" in capsys.readouterr().err
