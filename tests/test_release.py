"""What a release holds: every data file the code reads ships in the package, the
version has one source, ``py.typed``, ``LICENSE`` and ``CHANGELOG.md``.

CI (``.ci/run``) also runs this suite against a wheel installed into a fresh
virtualenv, from a folder outside the checkout, with ``PAPERFACTS_TEST_INSTALLED=1``:
there ``importlib.resources`` sees only what the wheel holds.
"""

import ast
import fnmatch
import importlib.metadata
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from conftest import ROOT

import paperfacts
from paperfacts.canonical import SOURCES as CANONICAL_SOURCES
from paperfacts.extractors.gazetteer import DEFAULT_SOURCES

PACKAGE = Path(paperfacts.__file__).parent


def _data_names_in(source: str) -> tuple[set[str], list[str]]:
    """The file names a module passes to the readers it imports from ``data_files``
    (and to ``files(...) / "data" / NAME``), and the reader calls whose argument is
    not a literal."""
    tree = ast.parse(source)
    readers = {alias.asname or alias.name for node in ast.walk(tree)
               if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("data_files")
               for alias in node.names}
    names, dynamic = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in readers and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.add(arg.value)
            else:
                dynamic.append(ast.unparse(node))
        elif (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.right, ast.Constant)
              and isinstance(node.left, ast.BinOp) and isinstance(node.left.right, ast.Constant)
              and node.left.right.value == "data"):
            names.add(node.right.value)
    return names, dynamic


def data_names_read() -> set[str]:
    """Every data file name the package's code reads."""
    # the gazetteer and the canonical names read these through a variable
    names: set[str] = set(DEFAULT_SOURCES.values()) | {name for group in CANONICAL_SOURCES.values() for name in group}
    dynamic = []
    for module in sorted(PACKAGE.rglob("*.py")):
        found, calls = _data_names_in(module.read_text("utf-8"))
        names |= found
        dynamic += [f"{module.relative_to(PACKAGE).as_posix()}: {call}" for call in calls]
    # a reader called with a computed name must be one whose names are listed above
    assert all(d.startswith(("extractors/gazetteer.py: ", "extractors/corpora.py: ", "canonical.py: "))
               for d in dynamic), dynamic
    return names


def test_the_scan_finds_the_data_files():
    names = data_names_read()
    assert {"model_grammar.json", "models.jsonl", "not_models.txt", "url_hosts.jsonl", "score_cues.json"} <= names


def test_every_data_file_the_code_reads_is_in_the_installed_package():
    data = files("paperfacts") / "data"
    missing = sorted(name for name in data_names_read() if not (data / name).is_file())
    assert not missing, f"read by the code but not in the package: {missing}"


def test_every_data_file_matches_a_package_data_glob():
    """What the wheel packs is decided by pyproject.toml's globs; a data file they miss
    is read from a checkout and missing from every install."""
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    block = re.search(r"\[tool\.setuptools\.package-data\]\s*paperfacts\s*=\s*\[([^\]]*)\]", pyproject)
    globs = re.findall(r'"([^"]+)"', block.group(1))
    source = ROOT / "paperfacts"
    shipped = [p.relative_to(source).as_posix() for p in (source / "data").iterdir() if p.is_file()]
    shipped.append("py.typed")
    unmatched = [name for name in shipped if not any(fnmatch.fnmatch(name, g) for g in globs)]
    assert not unmatched, f"not matched by [tool.setuptools.package-data]: {unmatched}"


def test_py_typed_ships():
    assert (files("paperfacts") / "py.typed").is_file()


def test_version_comes_from_the_package_metadata():
    assert paperfacts.__version__ == importlib.metadata.version("paperfacts")
    declared = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text("utf-8"), re.M).group(1)
    assert paperfacts.__version__ == declared
    assert not re.search(r"^__version__ = \"", (PACKAGE / "__init__.py").read_text("utf-8"), re.M)


def test_version_option_prints_the_version():
    proc = subprocess.run([sys.executable, "-m", "paperfacts", "--version"], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"paperfacts {paperfacts.__version__}"


def test_license_and_changelog():
    assert "MIT License" in (ROOT / "LICENSE").read_text("utf-8")
    assert re.search(r'^license = "MIT"$', (ROOT / "pyproject.toml").read_text("utf-8"), re.M)
    assert f"## {paperfacts.__version__}" in (ROOT / "CHANGELOG.md").read_text("utf-8")


@pytest.mark.skipif(not os.environ.get("PAPERFACTS_TEST_INSTALLED"), reason="only in CI's installed-wheel run")
def test_the_installed_copy_is_under_test():
    """In CI's wheel run the package comes from the virtualenv, not the checkout."""
    assert not PACKAGE.resolve().is_relative_to(ROOT.resolve()), PACKAGE
    assert "site-packages" in PACKAGE.parts
