"""Arrow tables of an export: one flat table per kind of fact, and the nested schema.

Needs the optional extra ``pip install 'paperfacts[arrow]'`` (pyarrow).

``tables(records)`` gives one ``pyarrow.Table`` per kind (``models``,
``parameter_counts``, ``token_counts``, ``benchmarks``, ``datasets``, ``scores``,
``urls``), a row per fact, with a fixed schema per kind (``TABLE_SCHEMAS``), so the
tables of any two exports concatenate, whatever kinds happen to be empty in
either. Each row is::

    paper_id, title, <the fact's own fields>, evidence_field, evidence_start,
    evidence_end, evidence_text, mentions, rule

The evidence columns are the fact's first mention (offsets into the title or the
abstract as given); ``mentions`` counts them all. Error records give no rows.
Lines of schema 1.1 have null canonical names.

``export_schema()`` is the Arrow schema of a whole export line (nested lists, the
error record's ``error``), for readers that would otherwise guess a type from the
values (an empty list is ``list<null>`` to them)::

    pyarrow.json.read_json(path, parse_options=pyarrow.json.ParseOptions(explicit_schema=export_schema()))
    datasets.load_dataset("json", data_files=[a, b],
                          features=datasets.Features.from_arrow_schema(export_schema()))
"""

from __future__ import annotations

import sys
from typing import Iterable, Mapping

from .batch import FACT_FIELDS
from .errors import MissingExtraError

__all__ = ["tables", "TABLE_SCHEMAS", "export_schema", "table_schema"]


def _pa():
    try:
        import pyarrow
    except ImportError as e:
        raise MissingExtraError(f"Arrow tables need the optional extra: pip install 'paperfacts[arrow]' ({e})") from None
    return pyarrow


#: The fact's own columns per kind, with their Arrow type names.
OWN_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "models": (("name", "string"), ("canonical", "string"), ("size", "int64")),
    "parameter_counts": (("value", "int64"), ("text", "string"), ("model", "string"), ("model_canonical", "string")),
    "token_counts": (("value", "int64"), ("text", "string"), ("model", "string"), ("model_canonical", "string")),
    "benchmarks": (("name", "string"), ("canonical", "string")),
    "datasets": (("name", "string"), ("canonical", "string")),
    "scores": (("value", "float64"), ("text", "string"), ("unit", "string"), ("kind", "string"), ("metric", "string"),
               ("benchmark", "string"), ("benchmark_canonical", "string"), ("model", "string"),
               ("model_canonical", "string")),
    "urls": (("url", "string"), ("kind", "string")),
}
HEAD = (("paper_id", "string"), ("title", "string"))
TAIL = (("evidence_field", "string"), ("evidence_start", "int64"), ("evidence_end", "int64"),
        ("evidence_text", "string"), ("mentions", "int64"), ("rule", "string"))
_INT64_MAX = 2**63 - 1


def table_schema(kind: str):
    """The Arrow schema of the ``kind`` table (see the module doc)."""
    pa = _pa()
    return pa.schema([(name, getattr(pa, type_)()) for name, type_ in HEAD + OWN_COLUMNS[kind] + TAIL])


def _columns(kind: str) -> list[str]:
    return [name for name, _ in HEAD + OWN_COLUMNS[kind] + TAIL]


def _as_dict(record) -> Mapping:
    return record.model_dump(mode="json") if hasattr(record, "model_dump") else record


def tables(records: Iterable) -> dict:
    """One ``pyarrow.Table`` per kind of fact (``FACT_FIELDS``) from export records:
    parsed JSON lines (dicts) or ``PaperFacts``; error records add no rows."""
    pa = _pa()
    rows: dict[str, dict[str, list]] = {kind: {c: [] for c in _columns(kind)} for kind in FACT_FIELDS}
    for record in map(_as_dict, records):
        if "error" in record:
            continue
        for kind in FACT_FIELDS:
            columns = rows[kind]
            for fact in record.get(kind) or ():
                first = fact["evidence"][0]
                values = {"paper_id": record.get("id"), "title": record.get("title"), **fact,
                          "evidence_field": first["field"], "evidence_start": first["start"],
                          "evidence_end": first["end"], "evidence_text": first["text"],
                          "mentions": len(fact["evidence"])}
                for name, column in columns.items():
                    value = values.get(name)
                    if isinstance(value, int) and value > _INT64_MAX:
                        value = None  # beyond int64 (no real count is): null rather than a wrong number
                    column.append(value)
    return {kind: pa.table(rows[kind], schema=table_schema(kind)) for kind in FACT_FIELDS}


def export_schema():
    """The Arrow schema of one export line: a ``PaperFacts`` or an ``ErrorRecord``
    (whose fact lists are then null, and ``error`` is set)."""
    pa = _pa()
    evidence = pa.list_(pa.struct([("field", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                   ("text", pa.string())]))

    def items(kind):
        own = [(name, getattr(pa, type_)()) for name, type_ in OWN_COLUMNS[kind]]
        if kind in ("models", "benchmarks", "datasets"):  # record field order: name, canonical, evidence, rule, size
            own = own[:2] + [("evidence", evidence), ("rule", pa.string())] + own[2:]
        else:
            own += [("evidence", evidence), ("rule", pa.string())]
        return pa.list_(pa.struct(own))

    return pa.schema(
        [("schema_version", pa.string()), ("id", pa.string()), ("title", pa.string())]
        + [(kind, items(kind)) for kind in FACT_FIELDS]
        + [("error", pa.struct([("line", pa.int64()), ("reason", pa.string())]))]
    )


#: Export lines read per table written (bounds the memory of ``paperfacts table``).
TABLE_BATCH = 20_000


def _records(paths: Iterable[str]):
    import orjson

    from .inputs import open_text

    for path in paths:
        with open_text(path) as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield orjson.loads(line)
                    except orjson.JSONDecodeError as e:
                        raise SystemExit(f"paperfacts: {path} line {n} is not JSON: {e}") from None


def write_table(paths: Iterable[str], kind: str, fmt: str, output: str) -> int:
    """Write the ``kind`` table of the exports in ``paths`` as CSV or Parquet; the row count."""
    from itertools import islice

    pa = _pa()
    schema = table_schema(kind)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        writer = pq.ParquetWriter(output, schema)
    else:
        import pyarrow.csv as pacsv

        writer = pacsv.CSVWriter(output, schema)
    rows = 0
    records = _records(paths)
    try:
        while batch := list(islice(records, TABLE_BATCH)):
            table = tables(batch)[kind]
            writer.write_table(table)
            rows += table.num_rows
        if rows == 0 and fmt == "parquet":
            writer.write_table(pa.table({c: [] for c in schema.names}, schema=schema))
    finally:
        writer.close()
    return rows


def cmd_table(args) -> int:
    """``paperfacts table FACTS.jsonl... --kind KIND --format csv|parquet -o OUT``."""
    try:
        rows = write_table(args.exports, args.kind, args.format, args.output)
    except MissingExtraError as e:
        print(f"paperfacts: {e}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(f"paperfacts: {rows} {args.kind} rows -> {args.output}", file=sys.stderr)
    return 0
