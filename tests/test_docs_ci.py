"""docs/ci.md and the pre-commit hook definition stay runnable."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import yaml

from tests.conftest import ROOT, SEEDS, cli


def test_the_workflow_and_config_examples_are_valid_yaml() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(), re.S)
    assert len(blocks) == 2
    for block in blocks:
        assert isinstance(yaml.safe_load(block), dict)


def test_the_pre_commit_hook_runs_checker(tmp_path: Path) -> None:
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    program, *args = shlex.split(hook["entry"])
    assert program == "checker"
    args = [a.replace(".checker-report", str(tmp_path / "report")) for a in args]
    result = cli(*args, str(SEEDS), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "report" / "summary.md").is_file()
