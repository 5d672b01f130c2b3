"""Shared fixtures: the repository layout, a loaded configuration and the seeds report."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.ingest import load_articles
from checker.models import Article, Report
from checker.pipeline import Config, check_paths

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "external"


@pytest.fixture(scope="session")
def config() -> Config:
    return Config.load()


@pytest.fixture(scope="session")
def seeds_run(config: Config) -> tuple[Report, list[Article]]:
    return check_paths([str(SEEDS)], config)


@pytest.fixture(scope="session")
def seeds_report(seeds_run: tuple[Report, list[Article]]) -> Report:
    return seeds_run[0]


@pytest.fixture(scope="session")
def seeds_articles() -> dict[str, Article]:
    return {a.id: a for a in load_articles([str(SEEDS)])}


@pytest.fixture(scope="session")
def report_schema() -> dict:
    return json.loads((ROOT / "checker" / "schemas" / "report.schema.json").read_text())


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """Write a tiny corpus of name -> text into ``folder`` and return it; a name may hold
    subfolders ("story/a.txt")."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@dataclass(frozen=True)
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def cli(*args: str) -> CliResult:
    """The `checker` command run in this process (fast); tests/test_cli.py's `run` spawns a
    process for what needs one (environment, working folder, concurrency)."""
    from typer.testing import CliRunner

    from checker.cli import app

    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return CliResult(result.exit_code, result.stdout, result.stderr)


def front_matter(title: str, published: str, body: str) -> str:
    return f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n"


def archive_of_one_name(months: int) -> dict[str, str]:
    """One article a month for ``months`` months naming Varo Appliances and a kettle recall,
    each about somewhere else: both names are in more than MAX_POSTINGS articles."""
    return {
        f"archive/{m:03d}.md": front_matter(
            f"Varo kettle recall reaches zq{m:03d}x", f"{2000 + m // 12}-{m % 12 + 1:02d}-10",
            f"Varo Appliances widened its kettle recall to the zq{m:03d}x region, officials in "
            f"zq{m:03d}x said.",
        )
        for m in range(months)
    }  # fmt: skip


STORY_OF_ONE_WEEK = {
    "story/a.md": front_matter(
        "Varo Appliances recalls kettles in Varo kettle recall", "2030-06-03",
        "Varo Appliances said it would recall kettles sold last spring. Varo said the kettle "
        "recall was voluntary.",
    ),
    "story/b.md": front_matter(
        "Varo Appliances kettle recall widens", "2030-06-05",
        "The Varo kettle recall widened on Wednesday, Varo Appliances said. Kettles sold last "
        "spring are part of the recall.",
    ),
}  # fmt: skip
