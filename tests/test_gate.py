"""Gating a new source: `check NEW --against CORPUS` puts the new article in the corpus's
topic and reports only the findings that involve it."""

from __future__ import annotations

import json
from pathlib import Path

from checker.gate import check_against
from checker.models import Report
from checker.pipeline import Config
from checker.topics import TopicMode
from tests.conftest import cli as run
from tests.conftest import write_corpus

CORPUS = {
    "a.txt": "Varo Robotics said it shipped 1.2 million T4 vacuums to Canada last year.\n",
    "b.txt": "Varo Robotics shipped 1.2 million T4 vacuums to Canada last year, the company "
    "said in its annual report.\n",
    # a disagreement the corpus already has, which gating a new source must not report
    "c.txt": "Varo Robotics said it shipped 300,000 K9 mowers to Mexico last year.\n",
    "d.txt": "Varo Robotics said it shipped 800,000 K9 mowers to Mexico last year.\n",
}
CONTRADICTS = "Varo Robotics said it shipped 2.1 million T4 vacuums to Canada last year.\n"
AGREES = "Varo Robotics said it shipped 1.2 million T4 vacuums to Canada last year, up 8%.\n"


def _setup(tmp_path: Path, new_text: str) -> tuple[Path, Path]:
    corpus = write_corpus(tmp_path / "varo", CORPUS)
    new = write_corpus(tmp_path / "incoming", {"new.txt": new_text}) / "new.txt"
    return corpus, new


def _articles_of(report: Report) -> list[set[str]]:
    article = {f.id: f.article for f in report.facts}
    return [{article[i] for i in finding.facts} for finding in report.findings]


def test_the_new_article_joins_the_corpus_topic(tmp_path: Path, config: Config) -> None:
    corpus, new = _setup(tmp_path, CONTRADICTS)
    report, _ = check_against([str(new)], str(corpus), config)
    [topic] = report.topics
    assert topic.id == "varo" and sorted(topic.articles) == [*sorted(CORPUS), "new.txt"]


def test_only_findings_involving_the_new_article_are_reported(
    tmp_path: Path, config: Config
) -> None:
    corpus, new = _setup(tmp_path, CONTRADICTS)
    report, _ = check_against([str(new)], str(corpus), config)
    involved = _articles_of(report)
    assert involved and all("new.txt" in articles for articles in involved)
    assert any(f.rule == "CT001" for f in report.findings)


def test_an_agreeing_article_passes_though_the_corpus_has_findings(
    tmp_path: Path, config: Config
) -> None:
    corpus, new = _setup(tmp_path, AGREES)
    report, _ = check_against([str(new)], str(corpus), config)
    assert not [f for f in report.findings if f.rule == "CT001"]


def test_a_new_file_inside_the_corpus_is_counted_once(tmp_path: Path, config: Config) -> None:
    corpus = write_corpus(tmp_path / "varo", {**CORPUS, "new.txt": CONTRADICTS})
    report, _ = check_against([str(corpus / "new.txt")], str(corpus), config)
    assert sorted(a.id for a in report.articles) == [*sorted(CORPUS), "new.txt"]
    assert all("new.txt" in articles for articles in _articles_of(report))


def test_with_topics_auto_the_new_article_is_clustered_with_its_story(
    tmp_path: Path, config: Config
) -> None:
    corpus, new = _setup(tmp_path, CONTRADICTS)
    report, _ = check_against([str(new)], str(corpus), config, TopicMode.auto)
    [home] = [t for t in report.topics if "new.txt" in t.articles]
    assert {"a.txt", "b.txt"} <= set(home.articles)
    assert all("new.txt" in articles for articles in _articles_of(report))


def test_cli_against_exits_on_the_new_articles_findings_only(tmp_path: Path) -> None:
    corpus, new = _setup(tmp_path, AGREES)
    out = tmp_path / "out"
    args = ["check", str(new), "--against", str(corpus), "--out", str(out), "-q", "--no-cache"]
    assert run(*args).returncode == 0
    assert run("check", str(corpus), "--out", str(out), "-q", "--no-cache").returncode == 1
    new.write_text(CONTRADICTS)
    assert run(*args).returncode == 1
    report = json.loads((out / "report.json").read_text())
    assert report["findings"] and report["summary"]["error"] >= 1
