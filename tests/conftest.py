import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI draws the same Hypothesis examples on every run (a gate that passes or fails for
# the code, not for the draw); elsewhere each run draws new ones, to find new bugs.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
