"""Dask scale-out: the same bytes as `--workers 1`, from extract_bag and from `--dask`,
with bad records, a killed worker, and a resumed partitioned run.

One LocalCluster of two worker processes is shared by the module (it takes seconds).
"""

import json
import os
import signal

import pytest

pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

import paperfacts.dask as pfdask  # noqa: E402
from conftest import FIXTURES  # noqa: E402
from paperfacts.cli import main  # noqa: E402
from paperfacts.errors import MissingExtraError, PaperfactsError  # noqa: E402

PAPERS = [json.loads(line) for line in (FIXTURES / "papers.jsonl").open(encoding="utf-8")]


@pytest.fixture(scope="module")
def client():
    with pfdask.connect("local:2") as client:
        yield client


@pytest.fixture(scope="module")
def bad_file(tmp_path_factory):
    """Real papers among bad records: invalid JSON, wrong types, a missing abstract, a
    blank line, a lone surrogate, an id that is a number, no id at all."""
    lines = []
    for i in range(60):
        paper = PAPERS[i % len(PAPERS)]
        lines.append(json.dumps(dict(paper, id=f"{paper['id']}#{i}")))
        if i % 7 == 0:
            lines += ['{"id": "broken", "abstract": ', "[1, 2]", '{"id": 5, "abstract": 3}', ""]
        if i % 11 == 0:
            lines += ['{"id": "no-text"}', '{"abstract": "We train a 7B model on 2T tokens."}',
                      '{"id": 17, "title": "x", "abstract": "BERT gets 90.1% on GLUE \\ud800."}']
    path = tmp_path_factory.mktemp("dask") / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def local(tmp_path, *inputs) -> bytes:
    out = tmp_path / "local.jsonl"
    assert main(["extract", *map(str, inputs), "-o", str(out), "-q", "--workers", "1"]) == 0
    return out.read_bytes()


def dask_cli(tmp_path, client, *inputs, extra=()) -> bytes:
    out = tmp_path / "dask.jsonl"
    assert main(["extract", *map(str, inputs), "-o", str(out), "-q", "--dask", client.scheduler.address, *extra]) == 0
    return out.read_bytes()


def test_extract_bag_of_json_lines_is_byte_identical(client, bad_file, tmp_path):
    inputs = [FIXTURES / "papers.jsonl", bad_file]
    bag = db.read_text([str(p) for p in inputs])  # one partition per file
    assert bag.npartitions == 2
    lines = pfdask.extract_bag(bag).compute()
    # a bag of lines does not know their files: a local run of each file alone (error
    # records name no file), one after the other
    expected = b"".join(local(tmp_path, path) for path in inputs)
    assert "".join(line + "\n" for line in lines).encode() == expected


def test_extract_bag_of_records_with_other_keys(client, tmp_path):
    records = [{"pid": p["id"], "name": p["title"], "summary": p["abstract"]} for p in PAPERS]
    records += [{"pid": "x", "summary": 3}, {"pid": ["bad"]}]
    src = tmp_path / "records.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    bag = db.from_sequence(records, npartitions=1)
    lines = pfdask.extract_bag(bag, id_key="pid", title_key="name", text_key="summary").compute()
    out = tmp_path / "keys.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", "--id-key", "pid", "--title-key", "name",
                 "--text-key", "summary"]) == 0
    assert "".join(line + "\n" for line in lines).encode() == out.read_bytes()


def test_cli_dask_is_byte_identical_on_fixtures_and_bad_records(client, bad_file, tmp_path, monkeypatch):
    monkeypatch.setattr(pfdask, "PARTITION_BYTES", 4000)  # several partitions per file
    # (a missing input is refused before any work in a local run, exit 2: not compared here)
    inputs = [FIXTURES / "papers.jsonl", FIXTURES / "daily_papers_sample.txt", bad_file]
    assert len(pfdask.plan(map(str, inputs))) > 10
    expected = local(tmp_path, *inputs)
    assert b'"error"' in expected and dask_cli(tmp_path, client, *inputs) == expected


def test_cli_dask_blocks_of_raw_bytes(client, tmp_path, monkeypatch):
    """Uncompressed JSONL is read in byte blocks by the partitions' own tasks: CRLF,
    invalid UTF-8, blank lines, lines longer than a block and no final newline."""
    monkeypatch.setattr(pfdask, "PARTITION_BYTES", 700)
    lines = []
    for i, paper in enumerate(PAPERS * 2):
        lines.append(json.dumps(dict(paper, id=f"r{i}"), ensure_ascii=i % 2 == 0).encode())
        lines.append([b"", b"\xff{\"id\": 1}", b'{"abstract": "caf\xc3\xa9 \xe2\x82 BERT"}', b"{", b"  "][i % 5])
    src = tmp_path / "raw.jsonl"
    src.write_bytes(b"\r\n".join(lines[:-4]) + b"\n" + b"\n".join(lines[-4:]))  # no final newline
    parts = pfdask.plan([str(src)])
    assert len(parts) > 20 and all(p.by_bytes for p in parts)
    expected = local(tmp_path, src)
    assert expected.count(b'"error"') >= 5 and dask_cli(tmp_path, client, src) == expected


def test_cli_dask_reads_globs_and_gzip(client, tmp_path):
    import gzip

    (tmp_path / "in").mkdir()
    for i in range(3):
        with gzip.open(tmp_path / "in" / f"p{i}.jsonl.gz", "wt", encoding="utf-8") as fh:
            fh.writelines(json.dumps(p) + "\n" for p in PAPERS[i::3])
    files = sorted((tmp_path / "in").glob("*.gz"))
    assert dask_cli(tmp_path, client, tmp_path / "in" / "*.jsonl.gz") == local(tmp_path, *files)


def test_partitioned_resume_redoes_only_missing_partitions(client, bad_file, tmp_path, monkeypatch):
    monkeypatch.setattr(pfdask, "PARTITION_BYTES", 8000)
    out = tmp_path / "parts"
    args = ["extract", str(FIXTURES / "papers.jsonl"), str(bad_file), "-q", "--dask", client.scheduler.address,
            "--partitioned", str(out)]
    assert main(args) == 0
    manifest = json.loads((out / "manifest.json").read_text())
    files = manifest["files"]
    assert len(files) > 4 and manifest["done"] == list(range(len(files)))
    assert b"".join((out / f).read_bytes() for f in files) == local(tmp_path, FIXTURES / "papers.jsonl", bad_file)

    # as if the run had died before partitions 1 and 3 finished
    whole = {f: (out / f).read_bytes() for f in files}
    (out / files[1]).unlink()
    manifest["done"] = [k for k in manifest["done"] if k != 3]
    (out / "manifest.json").write_text(json.dumps(manifest))
    before = {f: (out / f).stat().st_mtime_ns for f in files if f != files[1]}
    assert main([*args, "--resume"]) == 0
    after = {f: (out / f).stat().st_mtime_ns for f in files}
    rewritten = {f for f in before if after[f] != before[f]}
    assert rewritten == {files[3]} and (out / files[1]).exists()
    assert {f: (out / f).read_bytes() for f in files} == whole
    assert json.loads((out / "manifest.json").read_text())["done"] == list(range(len(files)))


def test_partitioned_refuses_to_mix_runs(client, tmp_path):
    def run(src, *extra):
        return main(["extract", str(src), "-q", "--dask", client.scheduler.address, "--partitioned",
                     str(tmp_path / "parts"), *extra])

    assert run(FIXTURES / "papers.jsonl") == 0
    with pytest.raises(SystemExit, match="add --resume"):
        run(FIXTURES / "papers.jsonl")
    with pytest.raises(SystemExit, match="other inputs"):
        run(FIXTURES / "daily_papers_sample.txt", "--resume")


@pytest.mark.slow
def test_a_killed_worker_loses_nothing(client, bad_file, tmp_path, monkeypatch):
    monkeypatch.setattr(pfdask, "PARTITION_BYTES", 3000)
    inputs = [str(FIXTURES / "papers.jsonl"), str(bad_file)]
    tasks = pfdask.partition_tasks(pfdask.plan(inputs))
    pids = client.run(os.getpid)
    lines = pfdask.export_lines(client, tasks)
    got = [next(lines)]
    os.kill(next(iter(pids.values())), signal.SIGKILL)  # mid-run: partitions are still running or queued
    got += list(lines)
    assert b"".join(line.data for line in got) == local(tmp_path, *inputs)
    client.wait_for_workers(2, timeout=120)
    assert set(client.run(os.getpid).values()) != set(pids.values())


def _worker_state():
    import sys

    import dask

    parent = open(f"/proc/{os.getppid()}/cmdline", "rb").read() if os.path.exists("/proc") else b""
    return (os.getppid(), parent, "paperfacts.dask_worker" in sys.modules,
            dask.config.get("distributed.worker.profile.enabled"), os.environ.get("MALLOC_TRIM_THRESHOLD_"))


def test_local_workers_are_forked_from_a_ready_fork_server(client):
    """Not from this process (whose Dask threads make a fork unsafe), not spawned: from
    the fork server that imported Dask's worker and built the pipeline; and run with
    LOCAL_CLUSTER_CONFIG (no profiler, glibc's own trim threshold)."""
    if not os.path.exists("/proc"):
        pytest.skip("reads the parent's command line in /proc")
    for ppid, parent, preloaded, profile, trim in client.run(_worker_state).values():
        assert ppid != os.getpid() and b"multiprocessing.forkserver" in parent
        assert preloaded
        assert profile is False
        assert trim == os.environ.get("MALLOC_TRIM_THRESHOLD_")  # Dask's 65536 unless the user's environment says


def test_no_fork_server_means_spawned_workers(monkeypatch):
    """Where the fork server can't be started, local clusters spawn their workers (Dask's default)."""
    from multiprocessing import forkserver

    def refuse():
        raise OSError("no sockets here")

    monkeypatch.setattr(forkserver, "ensure_running", refuse)
    assert pfdask.start_fork_server() is False


@pytest.mark.slow
def test_cli_local_cluster(bad_file, tmp_path):
    inputs = [FIXTURES / "papers.jsonl", FIXTURES / "daily_papers_sample.txt", bad_file]
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, inputs), "-o", str(out), "-q", "--dask", "local:2", "--partition-mb", "0.01"]) == 0
    assert out.read_bytes() == local(tmp_path, *inputs)


def test_missing_extra_is_a_clear_error(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)
    with pytest.raises(MissingExtraError, match=r"paperfacts\[dask\]") as info:
        pfdask.extract_bag(None)
    assert isinstance(info.value, (ImportError, PaperfactsError))
    assert main(["extract", str(FIXTURES / "papers.jsonl"), "-o", str(tmp_path / "o"), "--dask", "local:2"]) == 2
    assert "paperfacts[dask]" in capsys.readouterr().err


def test_strict_stops_and_keeps_the_lines_before(client, bad_file, tmp_path, capsys):
    """As a local run: the lines before the bad record stay in OUT.part, no OUT."""
    out = tmp_path / "strict.jsonl"
    assert main(["extract", str(bad_file), "-o", str(out), "-q", "--strict", "--dask", client.scheduler.address]) == 1
    first = local(tmp_path, bad_file).splitlines(keepends=True)[0]
    assert not out.exists() and (tmp_path / "strict.jsonl.part").read_bytes() == first
    err = capsys.readouterr().err
    assert "--strict: record at line 2" in err and "kept in" in err


def test_an_interrupted_dask_output_is_kept_and_resumed(client, bad_file, tmp_path, monkeypatch, capsys):
    """-o FILE with --dask keeps its .part when a run stops, as a local run does; --resume
    cuts it back to the last whole partition and computes only the partitions after it."""
    monkeypatch.setattr(pfdask, "PARTITION_BYTES", 4000)
    inputs = [FIXTURES / "papers.jsonl", bad_file]
    out = tmp_path / "out.jsonl"
    args = ["extract", *map(str, inputs), "-o", str(out), "-q", "--dask", client.scheduler.address]
    renumber, calls = pfdask.renumber, []

    def interrupted(lines, before):
        calls.append(before)
        if len(calls) == 4:
            raise KeyboardInterrupt
        return renumber(lines, before)

    monkeypatch.setattr(pfdask, "renumber", interrupted)
    assert main(args) == 130
    assert "kept in" in capsys.readouterr().err and not out.exists()
    record = json.loads((tmp_path / "out.jsonl.part.json").read_text())
    assert record["partitions"] == 3 and record["bytes"] == (tmp_path / "out.jsonl.part").stat().st_size > 0
    monkeypatch.setattr(pfdask, "renumber", renumber)
    with (tmp_path / "out.jsonl.part").open("ab") as fh:
        fh.write(b'{"id": "half a line')  # as if killed mid-partition: cut back
    assert main(args) == 2  # without --resume: refused, nothing changed
    assert "add --resume" in capsys.readouterr().err

    export_lines, computed = pfdask.export_lines, []

    def counted(client, tasks, *rest):
        computed.append(len(tasks))
        return export_lines(client, tasks, *rest)

    monkeypatch.setattr(pfdask, "export_lines", counted)
    assert main([*args, "--resume"]) == 0
    assert out.read_bytes() == local(tmp_path, *inputs)
    assert computed == [len(pfdask.plan(map(str, inputs))) - 3]
    assert not (tmp_path / "out.jsonl.part").exists() and not (tmp_path / "out.jsonl.part.json").exists()


def test_dask_resume_refuses_another_runs_part(client, tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    (tmp_path / "o.jsonl.part").write_bytes(b'{"id": "x"}\n')  # a local run's, say
    args = ["extract", str(FIXTURES / "papers.jsonl"), "-o", str(out), "-q", "--dask", client.scheduler.address]
    assert main(args) == 2 and main([*args, "--resume"]) == 2
    assert "not written by --dask" in capsys.readouterr().err
    assert (tmp_path / "o.jsonl.part").read_bytes() == b'{"id": "x"}\n' and not out.exists()


def test_local_resume_names_a_dask_runs_part(tmp_path, capsys):
    """A local --resume of what a --dask run left says so, and changes nothing."""
    out = tmp_path / "o.jsonl"
    record = {"dask": {"parts": [], "format": "auto", "keys": ["id", "title", "abstract"]},
              "partitions": 1, "bytes": 12, "before": {}}
    (tmp_path / "o.jsonl.part").write_bytes(b'{"id": "x"}\n')
    (tmp_path / "o.jsonl.part.json").write_bytes(json.dumps(record).encode())
    assert main(["extract", str(FIXTURES / "papers.jsonl"), "-o", str(out), "-q", "--resume"]) == 2
    assert "it ran on Dask (--dask)" in capsys.readouterr().err
    assert (tmp_path / "o.jsonl.part").read_bytes() == b'{"id": "x"}\n' and not out.exists()


@pytest.mark.parametrize("args", [["--dask", "local:x"], ["--dask", "local:2", "--resume", "-o", "-"],
                                  ["--partitioned", "d"]])
def test_option_mistakes_are_refused(args, tmp_path):
    with pytest.raises(SystemExit) as info:
        code = main(["extract", str(FIXTURES / "papers.jsonl"), "-o", str(tmp_path / "o"), "-q", *args])
        raise SystemExit(code)
    assert info.value.code not in (0, None)


@pytest.mark.slow
def test_resume_after_a_killed_partitioned_run(client, tmp_path):
    """A partitioned run killed (SIGKILL) mid-way: --resume rewrites none of the
    partitions its manifest had noted, and the result is the local run's bytes."""
    import subprocess
    import sys
    import time

    src = tmp_path / "many.jsonl"
    src.write_text("".join(json.dumps(dict(PAPERS[i % len(PAPERS)], id=f"k{i}")) + "\n" for i in range(400)),
                   encoding="utf-8")
    out = tmp_path / "parts"
    args = ["extract", str(src), "-q", "--dask", client.scheduler.address, "--partitioned", str(out),
            "--partition-mb", "0.01"]
    proc = subprocess.Popen([sys.executable, "-m", "paperfacts", *args])
    manifest = out / "manifest.json"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and len(json.loads(manifest.read_text() or '{"done": []}')["done"]) >= 3:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    done = json.loads(manifest.read_text())["done"]
    files = json.loads(manifest.read_text())["files"]
    assert 3 <= len(done) < len(files), "the run was not caught mid-way"
    before = {k: (out / files[k]).stat().st_mtime_ns for k in done}
    assert main([*args, "--resume"]) == 0
    assert all((out / files[k]).stat().st_mtime_ns == before[k] for k in done)
    assert b"".join((out / f).read_bytes() for f in files) == local(tmp_path, src)


def test_urls_are_read_through_fsspec(client, bad_file, tmp_path):
    url = "file://" + str(bad_file)
    expected = local(tmp_path, bad_file)
    assert local(tmp_path, url) == expected
    assert dask_cli(tmp_path, client, url, extra=["--partition-mb", "0.01"]) == expected


@pytest.mark.slow
def test_the_scaleout_benchmark_runs_on_the_shipped_example(tmp_path):
    """benchmarks/scaleout.py runs (a tiny size) and finds the two outputs identical."""
    import subprocess
    import sys

    from conftest import ROOT

    script = ROOT / "benchmarks" / "scaleout.py"
    if not script.is_file():
        pytest.skip("no benchmarks/ beside the tests (an installed copy)")
    proc = subprocess.run([sys.executable, str(script), "--corpus", str(FIXTURES / "papers.jsonl"), "--papers", "40",
                           "--rounds", "1"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "outputs byte-identical: yes" in proc.stdout and "overhead ratio dask / workers 2" in proc.stdout


def test_cli_dask_reads_users_names_files(client, tmp_path, monkeypatch):
    """--names with --dask: every worker's pipeline reads the users' files (by absolute
    path), as a local run does; a bad file stops the run before any work (exit 2)."""
    names = tmp_path / "names.jsonl"
    names.write_text(json.dumps({"name": "Zorblax", "kind": "model", "family": True}) + "\n"
                     + json.dumps({"name": "QuuxBench", "kind": "benchmark"}) + "\n", encoding="utf-8")
    src = tmp_path / "zorblax.jsonl"
    src.write_text("".join(json.dumps({"id": f"z{i}", "abstract": "Zorblax-XL reaches 71.2% on QuuxBench, "
                                       f"above {p['title']}."}) + "\n" for i, p in enumerate(PAPERS)),
                   encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # a relative path, made absolute for the workers
    expected = tmp_path / "local-names.jsonl"
    assert main(["extract", str(src), "-o", str(expected), "-q", "--names", "names.jsonl"]) == 0
    assert b'"Zorblax-XL"' in expected.read_bytes() and b'"QuuxBench"' in expected.read_bytes()
    assert dask_cli(tmp_path, client, src, extra=["--names", "names.jsonl", "--partition-mb", "0.001"]) \
        == expected.read_bytes()
    assert b'"Zorblax-XL"' not in dask_cli(tmp_path, client, src)  # the shipped lists alone, on the same workers

    (tmp_path / "bad-names.jsonl").write_text('{"name": "X", "kind": "planet"}\n', encoding="utf-8")
    out = tmp_path / "never.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q", "--dask", client.scheduler.address,
                 "--names", "bad-names.jsonl"]) == 2
    assert not out.exists() and not (tmp_path / "never.jsonl.part").exists()


def test_partitioned_names_are_part_of_the_run(client, tmp_path):
    names = tmp_path / "names.jsonl"
    names.write_text(json.dumps({"name": "Zorblax", "kind": "model"}) + "\n", encoding="utf-8")
    args = ["extract", str(FIXTURES / "papers.jsonl"), "-q", "--dask", client.scheduler.address, "--partitioned",
            str(tmp_path / "parts")]
    assert main([*args, "--names", str(names)]) == 0
    with pytest.raises(SystemExit, match="other inputs"):
        main([*args, "--resume"])  # the same inputs without the names: not the same run
    assert main([*args, "--names", str(names), "--resume"]) == 0


def test_dask_writes_through_to_a_device(client, tmp_path):
    """-o /dev/null (a device, not a file) is written straight through, never replaced."""
    assert main(["extract", str(FIXTURES / "papers.jsonl"), "-o", os.devnull, "-q", "--dask",
                 client.scheduler.address]) == 0
    assert not os.path.exists(os.devnull + ".part") and not os.path.isfile(os.devnull)
