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
