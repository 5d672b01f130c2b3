"""`python -m bench.against` runs end to end on a small corpus (no timing asserts)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_gating_benchmark_runs_and_names_the_story_joined() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bench.against", "--articles", "60", "--runs", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| warm cache, a new article each run | 2 |" in done.stdout
    assert "the new article joined" in done.stdout
