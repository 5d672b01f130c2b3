"""The command line: exit codes, one-line errors, determinism, and the extract command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS, write_corpus

SEED_003 = SEEDS / "003_52855437956be190.txt"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args], cwd=cwd, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip


def test_check_writes_json_and_html_and_exits_0(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "report.json").read_text())["schema_version"] == "2"
    assert (tmp_path / "index.html").read_text().startswith("<!DOCTYPE html>")


def test_two_runs_give_identical_bytes(tmp_path: Path) -> None:
    for name in ("one", "two"):
        assert run("check", str(SEEDS), "--out", str(tmp_path / name), "-q").returncode == 0
    for name in ("report.json", "index.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_fail_on_info_exits_1_when_there_are_findings(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path), "--fail-on", "info", "-q")
    assert result.returncode == 1


def test_fail_on_never_exits_0(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path), "--fail-on", "never", "-q")
    assert result.returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "file is empty"), (b"\x00\x01\x02binary", "binary"), (b"Caf\xe9 5%", "UTF-8")],
)
def test_bad_article_exits_2_with_one_line_and_no_report(
    tmp_path: Path, content: bytes, message: str
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.txt").write_bytes(content)
    result = run("check", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert message in result.stderr and "bad.txt" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "report.json").exists()


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope"), "--out", str(tmp_path))
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr


def test_broken_rule_file_exits_2_with_path_and_line(tmp_path: Path) -> None:
    rules = write_corpus(
        tmp_path / "rules", {"XX001.yaml": "id: XX001\nkind: unit_mismatch\nseverity: loud\n"}
    )
    result = run("check", str(SEEDS), "--rules", str(rules), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert f"{rules / 'XX001.yaml'}:" in result.stderr
    assert "Traceback" not in result.stderr


def test_rules_validate_reports_a_broken_file(tmp_path: Path) -> None:
    rules = write_corpus(tmp_path / "rules", {"XX001.yaml": "id: XX001\nkind: [oops\n"})
    result = run("rules", "validate", str(rules))
    assert result.returncode == 2
    assert "XX001.yaml:" in result.stderr and "invalid YAML" in result.stderr


def test_unknown_format_exits_2(tmp_path: Path) -> None:
    result = run("check", str(SEEDS), "--out", str(tmp_path), "--format", "pdf")
    assert result.returncode == 2
    assert "unknown format" in result.stderr


def test_rules_list_shows_builtin_rules() -> None:
    result = run("rules", "list")
    assert result.returncode == 0
    ids = [line.split()[0] for line in result.stdout.splitlines()]
    assert ids == sorted(ids) and {"CT001", "UM001"} <= set(ids)


@pytest.mark.parametrize("name", ["report", "rules", "lexicons"])
def test_schema_command_prints_the_published_schema(name: str) -> None:
    result = run("schema", name)
    assert result.returncode == 0
    published = json.loads((ROOT / "checker" / "schemas" / f"{name}.schema.json").read_text())
    assert json.loads(result.stdout) == published


def test_every_command_has_help_with_an_example() -> None:
    for command in (["check"], ["extract"], ["rules", "list"], ["rules", "validate"], ["schema"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "Example:" in result.stdout, command


def _extracted() -> list[dict]:
    result = run("extract", str(SEED_003))
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_shows_modules_range_and_chips_range() -> None:
    facts = _extracted()
    modules = [f for f in facts if f["unit"] == "module"]
    chips = [f for f in facts if f["unit"] == "chip" and f["value"]["qualifier"] == "about"]
    assert [(f["value"]["low"], f["value"]["high"]) for f in modules] == [(5000, 10000)]
    assert modules[0]["value"]["stated"] == [5000, 10000]
    assert "40,000 to 80,000" in chips[0]["quote"]
    assert chips[0]["value"]["stated"] == [40000, 80000]
    assert chips[0]["value"]["low"] <= 40000 and chips[0]["value"]["high"] >= 80000


def test_extract_reads_more_than_2_million_as_a_lower_bound() -> None:
    [fact] = [f for f in _extracted() if f["quote"].startswith("more than 2 million")]
    assert fact["value"] == {
        "low": 2000000, "high": None, "low_inclusive": False, "high_inclusive": True,
        "stated": [2000000], "qualifier": "more_than",
    }  # fmt: skip
    assert fact["unit"] == "chip" and fact["item"] == "H200"


def test_extract_refuses_a_folder() -> None:
    result = run("extract", str(SEEDS))
    assert result.returncode == 2


def test_extract_table_shows_decision_statuses(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ruritania has approved imports of the K300 sensor.", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "checker", "extract", str(article), "--format",
                             "table"], capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "status: approved" in result.stdout
