"""Batch export at scale: key options, the arXiv snapshot layout, --strict, --resume
(after a real kill), --workers byte-identity and order, bad inputs, random JSONL lines."""

import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from paperfacts.cli import main
from paperfacts.inputs import utf16

PAPERS = [json.loads(line) for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]


def many(n: int) -> list[dict]:
    """``n`` real fixture papers with distinct ids."""
    return [dict(PAPERS[i % len(PAPERS)], id=f"{PAPERS[i % len(PAPERS)]['id']}#{i}") for i in range(n)]


def write_jsonl(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def export(tmp_path, *args, name="out.jsonl") -> list[dict]:
    out = tmp_path / name
    assert main(["extract", *map(str, args), "-o", str(out), "-q"]) == 0
    return [json.loads(line) for line in out.read_bytes().splitlines()]


def wrap(text: str, width: int = 70) -> str:
    """Hard-wrap like the arXiv metadata snapshot: newline plus two spaces of indent."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n  ".join(lines + [line])


def facts(record: dict) -> dict:
    """What a record says, without where it says it."""
    return {
        "models": sorted(m["name"] for m in record["models"]),
        "parameter_counts": sorted((c["value"], c["model"] or "") for c in record["parameter_counts"]),
        "token_counts": sorted(c["value"] for c in record["token_counts"]),
        "benchmarks": sorted(b["name"] for b in record["benchmarks"]),
        "datasets": sorted(d["name"] for d in record["datasets"]),
        "scores": sorted((s["value"], s["kind"], s["unit"], s["benchmark"] or "", s["model"] or "") for s in record["scores"]),
        "urls": sorted((u["url"], u["kind"]) for u in record["urls"]),
    }


# --- input keys and layouts ---------------------------------------------------


def test_key_options_name_other_fields(tmp_path):
    src = tmp_path / "custom.jsonl"
    write_jsonl(src, [{"paper": "p1", "name": "OpenELM", "summary": "We train a 1.3B parameter model.", "abstract": "x"}])
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", "--id-key", "paper", "--title-key", "name",
                 "--text-key", "summary"]) == 0
    (record,) = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert record["id"] == "p1" and record["title"] == "OpenELM"
    assert [c["value"] for c in record["parameter_counts"]] == [1_300_000_000]


def test_missing_custom_text_key_is_named_in_the_error(tmp_path):
    src = tmp_path / "custom.jsonl"
    write_jsonl(src, [{"id": "p1", "abstract": "We train a 7B model."}])
    (record,) = export(tmp_path, src, "--text-key", "summary")
    assert record["id"] == "p1" and "'summary'" in record["error"]["reason"]


def test_arxiv_snapshot_layout_reads_only_title_and_abstract(tmp_path):
    """Wrapped, indented text gives the same facts as the unwrapped text, and the
    snapshot's other fields (the license URL above all) are never read."""
    snapshot, flat = [], []
    for i, paper in enumerate(PAPERS):
        snapshot.append({
            "id": f"2401.{i:05d}", "submitter": "A. Author", "authors": "A. Author, B. Author",
            "title": wrap(paper["title"], 50), "comments": "12 pages, code at https://github.com/not/this",
            "journal-ref": None, "doi": None, "report-no": None, "categories": "cs.CL cs.LG",
            "license": "http://creativecommons.org/licenses/by/4.0/",
            "abstract": "  " + wrap(paper["abstract"]) + "\n",
            "versions": [{"version": "v1", "created": "Mon, 1 Jan 2024 00:00:00 GMT"}],
            "update_date": "2024-01-01", "authors_parsed": [["Author", "A.", ""]],
        })
        flat.append({"id": f"2401.{i:05d}", "title": paper["title"], "abstract": paper["abstract"]})
    write_jsonl(tmp_path / "snapshot.jsonl", snapshot)
    write_jsonl(tmp_path / "flat.jsonl", flat)
    wrapped = export(tmp_path, tmp_path / "snapshot.jsonl", name="a.jsonl")
    unwrapped = export(tmp_path, tmp_path / "flat.jsonl", name="b.jsonl")
    assert [facts(r) for r in wrapped] == [facts(r) for r in unwrapped]
    urls = [u["url"] for r in wrapped for u in r["urls"]]
    assert urls and not any("creativecommons" in u or "not/this" in u for u in urls)


@pytest.mark.parametrize("fmt, suffix", [("jsonl", ".jsonl"), ("jsonl", ".data"), ("daily", ".txt"), ("text", ".txt")])
@pytest.mark.parametrize("gz", [False, True])
def test_format_is_detected_with_or_without_gzip(tmp_path, fmt, suffix, gz):
    if fmt == "jsonl":
        data = "".join(json.dumps({"id": p["id"], "title": p["title"], "abstract": p["abstract"]}) + "\n" for p in PAPERS[:3])
        expected = 3
    elif fmt == "daily":
        data = "\n\n".join(f"{p['title']}\n\n{p['abstract']}" for p in PAPERS[:3]) + "\n"
        expected = 3
    else:
        data = PAPERS[0]["abstract"] + "\n"
        expected = 1
    src = tmp_path / ("in" + suffix + (".gz" if gz else ""))
    src.write_bytes(gzip.compress(data.encode()) if gz else data.encode())
    records = export(tmp_path, src)
    assert len(records) == expected and not any("error" in r for r in records)
    if fmt != "text":
        assert [r["title"] for r in records] == [" ".join(p["title"].split()) for p in PAPERS[:3]]
    assert export(tmp_path, src, "--format", fmt, name="forced.jsonl") == records


# --- bad input: an error line or a normal line, never a crash ----------------------


def test_every_bad_line_is_one_output_line_in_order(tmp_path):
    src = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "ok", "abstract": "We train a 7B model on 2T tokens."}).encode(),
        b'{"id": "empty", "abstract": ""}',
        b'{"id": "blank", "abstract": " \\n\\t "}',
        b'{"id": "no-abstract", "title": "T"}',
        b'{"id": "list", "abstract": ["a"]}',
        b'{"id": 7, "abstract": "integer ids are kept as strings"}',
        b'{"id": {"x": 1}, "abstract": "an object id"}',
        b'"just a string"',
        b"[1, 2, 3]",
        b"null",
        b'{"id": "nul", "abstract": "a\\u0000b with 13B parameters"}',
        b'{"id": "raw-bytes", "abstract": "caf\xe9 \xff\xfe 13B parameters"}',
        b'{"id": "surrogate", "abstract": "lone \\ud800 surrogate"}',
        b'{"id": "ok", "abstract": "A duplicate id is kept."}',
        b'{"id": "cut", "abstract": "the last line is trunc',
    ]
    src.write_bytes(b"\n".join(lines))
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(out)],
                          capture_output=True, timeout=300)
    assert proc.returncode == 0
    records = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(records) == len(lines)
    errors = [r["id"] if "error" in r else None for r in records]
    assert errors == [None, "empty", "blank", "no-abstract", "list", None, None, None, None, None, None, None,
                      "surrogate", None, None]
    assert "error" in records[6] and "error" in records[7] and "error" in records[8] and "error" in records[9]
    assert records[5]["id"] == "7"
    assert records[10]["parameter_counts"][0]["value"] == 13_000_000_000
    assert records[11]["parameter_counts"][0]["value"] == 13_000_000_000
    assert "invalid JSON" in records[14]["error"]["reason"] and records[14]["error"]["line"] == 15
    assert [r["id"] for r in records if r["id"] == "ok"] == ["ok", "ok"]
    assert b"1 duplicate ids (kept)" in proc.stderr and b"15 papers" in proc.stderr
    assert main(["validate", str(out)]) == 0


@pytest.mark.slow
def test_a_5_mb_abstract_is_read_or_refused_but_never_lost(tmp_path):
    src = tmp_path / "big.jsonl"
    big = "We train LLaMA-2-7B on 2T tokens and reach 58.1% on MMLU. " * 90_000
    write_jsonl(src, [{"id": "big", "abstract": big}, {"id": "after", "abstract": "A 7B model."}])
    records = export(tmp_path, src)
    assert [r["id"] for r in records] == ["big", "after"]
    assert records[0]["models"][0]["name"] == "LLaMA-2-7B"


# --- --strict ------------------------------------------------------------------------


def test_strict_stops_at_the_first_bad_record_and_keeps_the_lines_before_it(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    a, c = json.dumps({"id": "a", "abstract": "A 7B model."}), json.dumps({"id": "c", "abstract": "A 3B model."})
    src.write_text(a + "\n{oops\n" + c + "\n", encoding="utf-8")
    out, part = tmp_path / "o.jsonl", tmp_path / "o.jsonl.part"
    assert main(["extract", str(src), "-o", str(out), "--strict", "-q"]) == 1
    err = capsys.readouterr().err
    assert "line 2" in err and "--resume" in err and len(err.strip().splitlines()) == 1
    assert not out.exists() and len(part.read_bytes().splitlines()) == 1  # nothing that looks finished; line 1 kept
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 2  # a fresh run does not overwrite it
    src.write_text(a + "\n" + json.dumps({"id": "b", "abstract": "fixed"}) + "\n" + c + "\n", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(out), "--strict", "-q", "--resume"]) == 2  # the input changed
    part.with_name("o.jsonl.part.json").unlink()  # the operator says: same run, input fixed
    assert main(["extract", str(src), "-o", str(out), "--strict", "-q", "--resume"]) == 0
    assert len(out.read_bytes().splitlines()) == 3 and not part.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_output_to_a_pipe_is_written_through_and_a_directory_is_refused(tmp_path):
    # -o /dev/null must not rename a temp file onto /dev/null; a named pipe stands in for it
    import stat
    import threading

    src, fifo = tmp_path / "in.jsonl", tmp_path / "pipe"
    write_jsonl(src, many(3))
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["extract", str(src), "-o", str(fifo), "-q"]) == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert len(received[0].splitlines()) == 3 and not (tmp_path / "pipe.part").exists()
    assert main(["extract", str(src), "-o", str(fifo), "-q", "--resume"]) == 2  # nothing to resume in a pipe
    assert main(["extract", str(src), "-o", str(tmp_path), "-q"]) == 2  # a directory: refused before any work
    assert not (tmp_path.parent / (tmp_path.name + ".part")).exists()


def test_seen_ids_count_every_repeat_across_merges_in_8_bytes_each():
    from paperfacts.cli import SeenIds

    seen, ids = SeenIds(), [f"2401.{i:05d}" for i in range(30_000)]
    assert not any(seen.add(i) for i in ids)  # 30,000 new ids: several merges into the sorted array
    assert all(seen.add(i) for i in ids[::7])  # each met again, whether merged or still recent
    assert not seen.add("2401.30000") and seen.add("2401.30000")
    assert seen._sorted.itemsize == 8 and len(seen._sorted) + len(seen._recent) == 30_001


# --- --workers -----------------------------------------------------------------------


def test_workers_give_the_same_bytes_in_the_same_order(tmp_path):
    records = many(300)
    records[17] = {"id": "bad", "abstract": 3}
    records[150] = {"id": "hostile", "abstract": "(" * 20_000 + " 1." * 5_000}
    src = tmp_path / "in.jsonl"
    write_jsonl(src, records)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["extract", str(src), "-o", str(one), "-q", "--workers", "1"]) == 0
    assert main(["extract", str(src), "-o", str(two), "-q", "--workers", "2"]) == 0
    assert two.read_bytes() == one.read_bytes()
    assert [json.loads(line)["id"] for line in one.read_bytes().splitlines()] == [r["id"] for r in records]


def test_workers_must_be_positive(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "x.jsonl", "--workers", "0"])


# --- --resume --------------------------------------------------------------------------


def test_resume_continues_after_a_cut_off_line(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(40))
    full = tmp_path / "full.jsonl"
    assert main(["extract", str(src), "-o", str(full), "-q"]) == 0
    data = full.read_bytes()
    cut = data.index(b"\n", len(data) // 3) + 25  # a third of the lines and part of the next one
    out = tmp_path / "o.jsonl"
    (tmp_path / "o.jsonl.part").write_bytes(data[:cut])
    assert main(["extract", str(src), "-o", str(out), "-q", "--resume"]) == 0
    assert out.read_bytes() == data and not (tmp_path / "o.jsonl.part").exists()
    from paperfacts import batch as batch_module

    redone = []
    real = batch_module.export_chunk
    batch_module.export_chunk = lambda items, *names: redone.extend(items) or real(items, *names)
    try:
        assert main(["extract", str(src), "-o", str(out), "-q", "--resume"]) == 0  # finished: nothing to redo
    finally:
        batch_module.export_chunk = real
    assert out.read_bytes() == data and redone == []


def test_resume_refuses_output_of_other_inputs(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(5))
    (tmp_path / "o.jsonl.part").write_bytes(json.dumps({"id": "someone-else"}).encode() + b"\n")
    assert main(["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "-q", "--resume"]) == 2
    assert (tmp_path / "o.jsonl.part").read_bytes() == json.dumps({"id": "someone-else"}).encode() + b"\n"


def test_resume_after_a_kill_gives_the_uninterrupted_bytes(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(1500))
    out, part = tmp_path / "o.jsonl", tmp_path / "o.jsonl.part"
    cmd = [sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and (not part.exists() or part.stat().st_size < 8_000):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists() and part.exists()  # nothing that looks complete
    written = part.read_bytes().count(b"\n")
    assert 0 < written < 1500
    assert subprocess.run(cmd + ["--resume"], timeout=300).returncode == 0
    assert_uninterrupted_bytes(src, out)


# --- random JSONL lines ------------------------------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
RECORDS = st.fixed_dictionaries(
    {}, optional={"id": JSON_VALUES, "title": st.text(max_size=80) | JSON_VALUES, "abstract": st.text(max_size=300) | JSON_VALUES},
)
LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r).encode()),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=60).filter(lambda b: b"\n" not in b and b.strip(b" \t\r")),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(lines=st.lists(LINES, min_size=1, max_size=8))
@example(lines=[b"\xef\xbb\xbf"])  # a file of a byte order mark alone holds no record
@example(lines=[b"\xfe\xff"])  # a UTF-16 byte order mark: refused
def test_random_jsonl_lines_give_one_valid_line_each(tmp_path, lines):
    src = tmp_path / "random.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "random.out.jsonl"
    out.unlink(missing_ok=True)  # tmp_path is shared by the examples
    if utf16(src.read_bytes()[:4]):  # UTF-16 text is refused before any work
        assert main(["extract", str(src), "-o", str(out), "-q", "--format", "jsonl"]) == 2 and not out.exists()
        return
    assert main(["extract", str(src), "-o", str(out), "-q", "--format", "jsonl"]) == 0
    written = out.read_bytes().splitlines()
    # a UTF-8 byte order mark that opens the file is no part of its first line
    first_is_blank = not lines[0].removeprefix(b"\xef\xbb\xbf").strip(b" \t\r")
    assert len(written) == len(lines) - first_is_blank
    assert main(["validate", str(out), "--allow-empty"]) == 0


# --- a value that cannot be written --------------------------------------------------------


def test_a_surrogate_id_after_thousands_of_good_records_is_one_error_line(tmp_path):
    good = many(3000)
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in good) + '{"id": "x\\ud800", "abstract": "A 7B model."}\n'
                   + json.dumps({"id": "after", "abstract": "A 3B model."}) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 0
    lines = out.read_bytes().splitlines()
    assert len(lines) == 3002
    bad, after = json.loads(lines[3000]), json.loads(lines[3001])
    assert bad["id"] is None and bad["error"]["line"] == 3001 and "'id' is not valid Unicode" in bad["error"]["reason"]
    assert after["id"] == "after" and after["parameter_counts"][0]["value"] == 3_000_000_000
    assert [json.loads(line)["id"] for line in lines[:3000]] == [r["id"] for r in good]
    assert main(["validate", str(out)]) == 0


# --- dying workers ------------------------------------------------------------------------

from paperfacts import batch  # noqa: E402
from paperfacts.batch import export_chunk as real_export_chunk  # noqa: E402


def assert_uninterrupted_bytes(src, out):
    """``out`` holds the bytes of one uninterrupted one-worker run on ``src``."""
    full = out.with_name("uninterrupted.jsonl")
    assert main(["extract", str(src), "-o", str(full), "-q"]) == 0
    assert out.read_bytes() == full.read_bytes()


def children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as fh:
        return [int(x) for x in fh.read().split()]


def start_and_wait_for_lines(cmd, part, size=20_000):
    proc = subprocess.Popen(cmd)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None and (not part.exists() or part.stat().st_size < size):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before a process could be killed"
    return proc


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_a_killed_worker_costs_a_retry_never_the_run(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(4000))
    out, part = tmp_path / "o.jsonl", tmp_path / "o.jsonl.part"
    proc = start_and_wait_for_lines([sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(out), "-q",
                                     "--workers", "2"], part)
    victim = children(proc.pid)[0]
    os.kill(victim, signal.SIGKILL)
    assert proc.wait(timeout=600) == 0
    assert_uninterrupted_bytes(src, out)


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(4000))
    part = tmp_path / "o.jsonl.part"
    proc = start_and_wait_for_lines([sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(tmp_path / "o.jsonl"),
                                     "-q", "--workers", "2"], part)
    workers = children(proc.pid)
    assert workers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and any(alive(w) for w in workers):
        time.sleep(0.1)
    assert not any(alive(w) for w in workers)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def killing_chunk(items, *names):
    """export_chunk, except that a worker reading a record with id ``poison`` dies, as
    under the OOM killer, and one reading ``die-once`` dies the first time only."""
    if os.getpid() != PARENT:
        if any(item.id == "poison" for item in items):
            os.kill(os.getpid(), signal.SIGKILL)
        if any(item.id == "die-once" for item in items) and not os.path.exists(DIED_ONCE):
            open(DIED_ONCE, "w").close()
            os.kill(os.getpid(), signal.SIGKILL)
    return real_export_chunk(items, *names)


PARENT = os.getpid()
DIED_ONCE = ""


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_a_record_that_kills_every_worker_is_one_error_line_and_the_rest_are_read(tmp_path, monkeypatch):
    global DIED_ONCE
    DIED_ONCE = str(tmp_path / "died")
    monkeypatch.setattr(batch, "export_chunk", killing_chunk)
    records = many(700)
    records[100]["id"] = "die-once"
    records[450]["id"] = "poison"
    from paperfacts.inputs import read_items

    write_jsonl(tmp_path / "in.jsonl", records)
    lines = list(batch.export_lines(read_items(str(tmp_path / "in.jsonl")), workers=2, chunk_size=64))
    assert [line.id for line in lines] == [r["id"] for r in records]
    assert os.path.exists(DIED_ONCE)
    errors = {line.id: line.error for line in lines if line.error}
    assert list(errors) == ["poison"] and "died 2 times" in errors["poison"]
    expected = list(batch.export_lines(read_items(str(tmp_path / "in.jsonl")), workers=1))
    assert [a.data for a in lines if a.id != "poison"] == [b.data for b in expected if b.id != "poison"]


# --- finished work is never deleted; one run per output -------------------------------------


def killed_run(tmp_path, records, *extra):
    """Run extract on ``records``, kill -9 it midway; the paths of the input, output and .part."""
    src, out, part = tmp_path / "in.jsonl", tmp_path / "o.jsonl", tmp_path / "o.jsonl.part"
    write_jsonl(src, records)
    cmd = [sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(out), "-q", *extra]
    proc = start_and_wait_for_lines(cmd, part, size=8_000)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return src, out, part, cmd


def test_a_resume_with_other_inputs_or_options_is_refused_and_deletes_nothing(tmp_path, capsys):
    src, out, part, cmd = killed_run(tmp_path, many(1500))
    written, record = part.read_bytes(), part.with_name("o.jsonl.part.json").read_bytes()
    other = tmp_path / "other.jsonl"
    write_jsonl(other, [dict(r, id="other-" + r["id"]) for r in many(1500)])
    assert main(["extract", str(other), "-o", str(out), "-q", "--resume"]) == 2
    assert "differs" in capsys.readouterr().err
    assert main(["extract", str(src), "-o", str(out), "-q", "--resume", "--text-key", "title"]) == 2
    err = capsys.readouterr().err
    assert "--text-key was 'abstract', now 'title'" in err and len(err.strip().splitlines()) == 1
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 2  # without --resume: refused, not overwritten
    assert "--resume" in capsys.readouterr().err
    assert part.read_bytes() == written and part.with_name("o.jsonl.part.json").read_bytes() == record
    assert main(["extract", str(src), "-o", str(out), "-q", "--resume"]) == 0
    full = tmp_path / "full.jsonl"
    assert main(["extract", str(src), "-o", str(full), "-q"]) == 0
    assert out.read_bytes() == full.read_bytes() and not part.exists()
    assert not part.with_name("o.jsonl.part.json").exists()


def test_a_second_run_on_the_same_output_exits_2_and_the_first_finishes(tmp_path):
    src, out, part = tmp_path / "in.jsonl", tmp_path / "o.jsonl", tmp_path / "o.jsonl.part"
    write_jsonl(src, many(1500))
    cmd = [sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(out), "-q"]
    first = start_and_wait_for_lines(cmd, part, size=1)
    second = subprocess.run(cmd, capture_output=True, timeout=300)
    assert second.returncode == 2 and b"another paperfacts run is writing" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1
    assert first.wait(timeout=600) == 0
    assert [json.loads(line)["id"] for line in out.read_bytes().splitlines()] == [r["id"] for r in many(1500)]


def test_a_full_disk_keeps_the_part_and_says_how_to_resume(tmp_path):
    import resource

    src, out, part = tmp_path / "in.jsonl", tmp_path / "o.jsonl", tmp_path / "o.jsonl.part"
    write_jsonl(src, many(400))
    cmd = [sys.executable, "-m", "paperfacts", "extract", str(src), "-o", str(out), "-q"]

    def small_disk():  # writes past 100 KB fail with EFBIG, as a full disk fails with ENOSPC
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))

    proc = subprocess.run(cmd, capture_output=True, timeout=300, preexec_fn=small_disk)
    err = proc.stderr.decode()
    assert proc.returncode == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "cannot write" in err and "--resume" in err
    assert not out.exists() and part.stat().st_size > 50_000
    assert subprocess.run(cmd + ["--resume"], timeout=300).returncode == 0
    assert_uninterrupted_bytes(src, out)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_device_is_one_line(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(50))
    proc = subprocess.run([sys.executable, "-m", "paperfacts", "extract", str(src), "-o", "/dev/full", "-q"],
                          capture_output=True, timeout=300)
    assert proc.returncode == 1 and proc.stderr.decode().startswith("paperfacts: cannot write /dev/full: No space")
    assert len(proc.stderr.splitlines()) == 1


def test_a_closed_pipe_ends_quietly(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(600))
    proc = subprocess.run(f"'{sys.executable}' -m paperfacts extract '{src}' | head -1", shell=True,
                          capture_output=True, timeout=300)
    assert len(proc.stdout.splitlines()) == 1 and proc.stderr == b""


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_ctrl_c_in_stdout_mode_is_one_line(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, many(20_000))
    # a user's Ctrl-C: the child takes SIGINT's default action, whatever this process inherited (a job that a
    # shell without job control puts in the background ignores SIGINT, and so would its children)
    proc = subprocess.Popen([sys.executable, "-m", "paperfacts", "extract", str(src), "-q", "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout.readline()  # it is writing
    proc.send_signal(signal.SIGINT)
    proc.stdout.read()
    assert proc.wait(timeout=120) == 130
    assert proc.stderr.read().decode() == "paperfacts: interrupted\n"


# --- memory flat on an unbounded vocabulary ---------------------------------------------------


def novel_papers(n: int, seed: int) -> list[dict]:
    """``n`` papers of 150 made-up words each: nearly every word is new to the vocabulary."""
    import random
    import string

    rng = random.Random(seed)
    return [{"id": f"n{seed}-{i}", "abstract": " ".join("".join(rng.choice(string.ascii_lowercase)
                                                                for _ in range(rng.randint(6, 12)))
                                                        for _ in range(150)) + ". We train a 7B model."}
            for i in range(n)]


def test_memory_zones_and_a_renewed_pipeline_give_the_same_bytes(tmp_path, monkeypatch):
    from paperfacts.inputs import read_items

    records = many(200) + novel_papers(60, 1) + many(100)
    write_jsonl(tmp_path / "in.jsonl", records)

    def lines(zone_after, renew_after):
        monkeypatch.setattr(batch, "ZONE_AFTER_LEXEMES", zone_after)
        monkeypatch.setattr(batch, "RENEW_AFTER_LEXEMES", renew_after)
        monkeypatch.setattr(batch, "_zoned", False)
        return [line.data for line in batch.export_lines(read_items(str(tmp_path / "in.jsonl")), chunk_size=16)]

    renewed = []
    real_renew = batch._renew_pipeline
    monkeypatch.setattr(batch, "_renew_pipeline", lambda names: renewed.append(1) or real_renew(names))
    from paperfacts.pipeline import get_nlp

    bounded = lines(len(get_nlp().vocab) + 500, len(get_nlp().vocab) + 6000)  # first: the made-up words are new
    assert renewed  # the small bounds were met: zones, then a new pipeline
    assert bounded == lines(10**12, 10**12)


@pytest.mark.slow
def test_peak_memory_on_novel_words_is_flat(tmp_path):
    """8,000 papers of made-up words against 1,000: peak RSS within 1.25x (before: 2.99x,
    187 MB against 557 MB)."""
    from test_robustness import peak_rss_mb_of

    peaks = {}
    for n in (1000, 8000):
        write_jsonl(tmp_path / f"n{n}.jsonl", novel_papers(n, n))
        rc, peaks[n] = peak_rss_mb_of([sys.executable, "-m", "paperfacts", "extract", str(tmp_path / f"n{n}.jsonl"),
                                       "-o", str(tmp_path / f"o{n}.jsonl"), "-q"])
        assert rc == 0
    assert peaks[8000] <= 1.25 * peaks[1000], peaks
