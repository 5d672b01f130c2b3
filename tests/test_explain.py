"""`checker explain` and the terminal summary: what a reviewer reads in a terminal."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from checker.report.terminal import PROGRESS_MIN_ARTICLES, ArticleProgress
from tests.conftest import ROOT, SEEDS
from tests.conftest import cli as run


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("explain")
    assert run("check", str(SEEDS), "--out", str(out), "-q", "--no-cache").returncode == 0
    return out / "report.json"


def _finding(report: Path, rule: str) -> dict:
    return next(f for f in json.loads(report.read_text())["findings"] if f["rule"] == rule)


def test_explain_prints_evidence_with_line_and_the_rule_description(seeds_json: Path) -> None:
    finding = _finding(seeds_json, "UM001")
    result = run("explain", finding["id"], "--report", str(seeds_json))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{finding['id']}  {finding['severity']}  UM001")
    first = finding["evidence"][0]
    text = (SEEDS / first["article"]).read_text(encoding="utf-8-sig")
    line = text.count("\n", 0, first["start"]) + 1
    column = first["start"] - (text.rfind("\n", 0, first["start"]) + 1) + 1
    assert f"{first['path']}:{line}:{column}" in result.stdout
    assert "Rule UM001: Same quantity stated in different units" in result.stdout
    assert "Values compared:" in result.stdout


def test_explain_accepts_a_unique_prefix(seeds_json: Path) -> None:
    finding = _finding(seeds_json, "SU001")
    result = run("explain", finding["id"][:9], "--report", str(seeds_json))
    assert result.returncode == 0 and finding["id"] in result.stdout


@pytest.mark.parametrize(
    ("finding", "message"),
    [("XX999-000000000000", "no finding 'XX999-000000000000'"), ("US001", "names ")],
)
def test_explain_unknown_or_ambiguous_id_exits_2(
    seeds_json: Path, finding: str, message: str
) -> None:
    result = run("explain", finding, "--report", str(seeds_json))
    assert result.returncode == 2 and message in result.stderr


def test_explain_without_a_report_says_how_to_make_one(tmp_path: Path) -> None:
    result = run("explain", "CT001-0", "--report", str(tmp_path / "report.json"))
    assert result.returncode == 2 and "checker check" in result.stderr


def test_summary_table_lists_findings_by_topic_on_stdout(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path), "--no-cache", "--fail-on", "never")
    assert result.returncode == 0
    summary = json.loads((tmp_path / "report.json").read_text())["summary"]
    counts = f"{summary['error']} errors, {summary['warning']} warnings, {summary['info']} info"
    assert "Findings by topic" in result.stdout and counts in result.stdout
    assert result.stderr == ""


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path), "--no-cache", "-q")
    assert result.stdout == "" and result.stderr == ""


def test_github_format_keeps_stdout_for_annotations(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path), "--no-cache", "-f", "json,github")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith("::") for line in lines)
    assert "Findings by topic" in result.stderr


def test_no_color_prints_no_escape_codes_even_when_color_is_forced(tmp_path: Path) -> None:
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}
    command = [sys.executable, "-m", "checker", "check", "seeds", "--out", str(tmp_path),
               "--no-cache"]  # fmt: skip
    colored = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    plain = subprocess.run([*command, "--no-color"], cwd=ROOT, env=env, capture_output=True,
                           text=True)  # fmt: skip
    assert "\x1b[" in colored.stdout
    assert "\x1b[" not in plain.stdout and "Findings by topic" in plain.stdout


def test_the_new_commands_have_help_with_an_example() -> None:
    for command in ("baseline", "explain"):
        result = run(command, "--help")
        assert result.returncode == 0 and "Example:" in result.stdout, command


@pytest.mark.parametrize(("articles", "drawn"), [(10, False), (PROGRESS_MIN_ARTICLES, True)])
def test_the_progress_bar_shows_only_on_long_runs(articles: int, drawn: bool) -> None:
    screen = io.StringIO()
    progress = ArticleProgress(Console(file=screen, force_terminal=True, width=80))
    for done in range(1, articles + 1):
        progress(done, articles)
    progress.close()
    assert ("reading articles" in screen.getvalue()) is drawn


def test_the_progress_bar_stays_off_when_not_on_a_terminal() -> None:
    screen = io.StringIO()
    progress = ArticleProgress(Console(file=screen, force_terminal=False))
    for done in range(1, 101):
        progress(done, 100)
    assert screen.getvalue() == ""
