"""`python -m bench --quick` runs end to end and reports positive speeds (no timing asserts)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def quick() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bench", "--quick"], cwd=ROOT, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def mb_per_s(stdout: str, step: str) -> float:
    """The MB/s column of the table row whose first cell starts with ``step``."""
    for line in stdout.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 9 and cells[0].startswith(step):
            match = re.match(r"[0-9.]+", cells[6])
            assert match, line
            return float(match.group())
    raise AssertionError(f"no row for {step!r} in:\n{stdout}")


def test_quick_run_exits_0_and_reports_positive_speeds(quick) -> None:
    assert quick.returncode == 0, quick.stderr[-3000:]
    for step in ("floor", "checker extraction, full corpus", "`checker check`, whole CLI run"):
        assert mb_per_s(quick.stdout, step) > 0


def test_quick_run_times_quantulum3_when_installed(quick) -> None:
    if importlib.util.find_spec("quantulum3") is None:
        assert "quantulum3: not installed, skipped" in quick.stdout
        pytest.skip("quantulum3 is not installed (pip install -e '.[bench]')")
    assert quick.returncode == 0, quick.stderr[-3000:]
    assert mb_per_s(quick.stdout, "quantulum3 parse") > 0
    assert "checker extraction / quantulum3" in quick.stdout
