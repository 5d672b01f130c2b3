"""Baselines: fingerprints survive unrelated edits, and `check --baseline` reports and fails
only on findings the baseline does not record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.baseline import apply_baseline, make_baseline
from checker.pipeline import Config, check_paths
from checker.report.fingerprint import fingerprints, normalize_quote
from tests.conftest import cli as run
from tests.conftest import write_corpus

LEAD = "Robot vacuum maker grows\n\n"
CLAIM_A = "Varo Robotics said it shipped 1.2 million T4 vacuums to Canada last year.\n"
CLAIM_B = "Varo Robotics said it shipped 2.1 million T4 vacuums to Canada last year.\n"
EXTRA = ("The company, founded in Halifax, opened a design office in Lyon this spring and "
         "now hires engineers across Europe.\n\n")  # fmt: skip

NEW_C = "Varo Robotics said it shipped 300,000 K9 mowers to Mexico last year.\n"
NEW_D = "Varo Robotics said it shipped 800,000 K9 mowers to Mexico last year.\n"


def _corpus(folder: Path, a_text: str = LEAD + CLAIM_A) -> Path:
    return write_corpus(folder, {"a.txt": a_text, "b.txt": CLAIM_B})


@pytest.mark.parametrize(
    ("quote", "normalized"),
    [
        ("2.1 million  T4\nvacuums", "2.1 million t4 vacuums"),
        ("\u201cabout 40,000\u201d", '"about 40,000"'),
        ("5,000\u201310,000 modules", "5,000-10,000 modules"),
        ("\uff15\uff10 units", "50 units"),  # full-width digits (NFKC)
    ],
)
def test_quotes_are_normalized_before_hashing(quote: str, normalized: str) -> None:
    assert normalize_quote(quote) == normalized


def test_a_fingerprint_survives_an_unrelated_paragraph(tmp_path: Path, config: Config) -> None:
    before, _ = check_paths([str(_corpus(tmp_path / "v1"))], config)
    edited = LEAD + EXTRA + CLAIM_A + "\nShares rose 3% on Tuesday.\n"
    after, _ = check_paths([str(_corpus(tmp_path / "v2", edited))], config)
    [old] = [f for f in before.findings if f.rule == "CT001"]
    [new] = [f for f in after.findings if f.rule == "CT001"]
    assert old.id != new.id  # finding ids hash offsets, which moved
    assert fingerprints(before)[old.id] == fingerprints(after)[new.id]


def test_a_fingerprint_changes_when_the_claim_changes(tmp_path: Path, config: Config) -> None:
    before, _ = check_paths([str(_corpus(tmp_path / "v1"))], config)
    changed = LEAD + CLAIM_A.replace("1.2 million", "1.3 million")
    after, _ = check_paths([str(_corpus(tmp_path / "v2", changed))], config)
    assert set(fingerprints(before).values()).isdisjoint(fingerprints(after).values())


def test_baseline_drops_known_findings_and_keeps_new_ones(tmp_path: Path, config: Config) -> None:
    before, _ = check_paths([str(_corpus(tmp_path / "v1"))], config)
    baseline = make_baseline(before)
    folder = _corpus(tmp_path / "v2", LEAD + EXTRA + CLAIM_A)
    (folder / "c.txt").write_text(NEW_C)
    (folder / "d.txt").write_text(NEW_D)
    after, _ = check_paths([str(folder)], config)
    kept, known = apply_baseline(after, baseline)
    assert known == len(before.findings) == 1
    articles = {f.id: f.article for f in after.facts}
    assert kept.findings
    assert all({articles[i] for i in f.facts} == {"c.txt", "d.txt"} for f in kept.findings)
    assert kept.summary.error == sum(f.severity.value == "error" for f in kept.findings)
    listed = {fid for g in kept.groups for fid in g.findings}
    assert listed == {f.id for f in kept.findings}


def test_a_repeated_finding_beyond_the_baseline_count_is_new(
    tmp_path: Path, config: Config
) -> None:
    report, _ = check_paths([str(_corpus(tmp_path / "v1"))], config)
    doubled = report.model_copy(update={"findings": [*report.findings, *(
        f.model_copy(update={"id": f.id + "x"}) for f in report.findings)]})  # fmt: skip
    kept, known = apply_baseline(doubled, make_baseline(report))
    assert known == len(report.findings)
    assert [f.id for f in kept.findings] == [f.id + "x" for f in report.findings]


def test_check_with_baseline_exits_0_on_known_and_1_on_new(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "news")
    baseline = tmp_path / "checker-baseline.json"
    made = run("baseline", str(corpus), "--out", str(baseline), "--no-cache")
    assert made.returncode == 0, made.stderr
    assert json.loads(baseline.read_text())["findings"][0]["rule"] == "CT001"
    (corpus / "a.txt").write_text(LEAD + EXTRA + CLAIM_A)
    args = ["check", str(corpus), "--out", str(tmp_path / "out"), "--no-cache", "-q"]
    assert run(*args).returncode == 1  # without the baseline the contradiction fails
    assert run(*args, "--baseline", str(baseline)).returncode == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["findings"] == [] and report["summary"]["error"] == 0
    (corpus / "c.txt").write_text(NEW_C)
    (corpus / "d.txt").write_text(NEW_D)
    assert run(*args, "--baseline", str(baseline)).returncode == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "baseline is not JSON"),
        ('{"version": 7, "findings": []}', "not a checker baseline"),
    ],
)
def test_a_broken_baseline_exits_2_with_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    baseline = tmp_path / "base.json"
    baseline.write_text(content)
    result = run("check", str(_corpus(tmp_path / "news")), "--out", str(tmp_path / "out"),
                 "--baseline", str(baseline), "--no-cache")  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out" / "report.json").exists()
