"""Every command of the README runs as written on a fresh clone: the checked-in files
copied to an empty folder, with this interpreter's environment as its ``.venv``."""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(bash|python)\n(.*?)```", README, re.S)
SETUP = ('python3 -m venv .venv && .venv/bin/pip install -e ".[test]"')


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """The files git tracks, in a new folder, with ``.venv`` pointing at this environment."""
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    root = tmp_path_factory.mktemp("clone")
    for name in filter(None, listed.decode().split("\0")):
        if (ROOT / name).is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / name, root / name)
    (root / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    return root


def _env(clone):
    env = dict(os.environ)
    env["PATH"] = f"{clone / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"  # as `source .venv/bin/activate`
    return env


def test_the_readme_opens_with_the_two_setup_commands():
    first, second = (code.strip() for _, code in BLOCKS[:2])
    assert first.startswith(SETUP) and first.endswith("paperfacts extract tests/fixtures/papers.jsonl -o facts.jsonl")
    assert second == SETUP + " && .venv/bin/python -m pytest -q"
    assert '.venv/bin/python -m pytest -q -m "not slow"' in README


@pytest.mark.slow
@pytest.mark.parametrize("n", [i for i, (lang, _) in enumerate(BLOCKS) if lang == "bash" and i >= 2])
def test_each_bash_block_runs_on_a_clone(clone, n):
    script = BLOCKS[n][1]
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=clone, env=_env(clone),
                          capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, f"{script}\n{proc.stderr[-2000:]}"


def checked(code: str) -> str:
    """``code`` with each ``expression   # literal`` line turned into an assertion."""
    lines = []
    for line in code.splitlines():
        m = re.match(r"^(\S.*?)\s+# (.+)$", line)
        try:
            literal = ast.literal_eval(m.group(2)) if m else None
        except (ValueError, SyntaxError):
            m = None
        lines.append(f"assert ({m.group(1)}) == {literal!r}, {m.group(1)!r}" if m else line)
    return "\n".join(lines)


def test_checked_turns_shown_values_into_assertions():
    assert checked("x = 1\nx + 1      # 2\nx  # a comment") == "x = 1\nassert (x + 1) == 2, 'x + 1'\nx  # a comment"


@pytest.mark.slow
@pytest.mark.parametrize("n", [i for i, (lang, _) in enumerate(BLOCKS) if lang == "python"])
def test_each_python_block_runs_on_a_clone_and_gives_what_it_shows(clone, n):
    proc = subprocess.run([sys.executable, "-c", checked(BLOCKS[n][1])], cwd=clone, env=_env(clone),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{BLOCKS[n][1]}\n{proc.stderr[-2000:]}"


@pytest.mark.parametrize("path", ["facts.jsonl", "facts-names.jsonl", "out-dev.jsonl", "examples/names.jsonl"])
def test_the_example_outputs_are_ignored_by_git(path):
    ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", path], capture_output=True)
    if ignored.returncode == 128:
        pytest.skip("not a git checkout")
    assert ignored.returncode == (1 if path.startswith("examples/") else 0)


@pytest.mark.slow
def test_the_benchmark_runs_on_the_shipped_example_without_a_corpus(clone):
    """A clone has no arXiv corpus beside it: the benchmark says so and uses tests/fixtures."""
    assert not (clone.parent / "shared").exists()
    proc = subprocess.run([str(clone / ".venv" / "bin" / "python"), "benchmarks/throughput.py", "--papers", "60",
                           "--rss-small", "13", "--rss-large", "30", "--rounds", "1"], cwd=clone, env=_env(clone),
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "papers.jsonl shipped example" in proc.stderr
    assert "papers: 60 (the corpus of 13 repeated" in proc.stdout
    assert "RSS ratio large / small" in proc.stdout
