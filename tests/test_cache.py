"""The incremental cache: a warm run gives the same bytes, extracts only what changed, and
survives sharing, damage and changed lexicons."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from checker.cache import DATABASE_NAME, FactCache, entry_key
from checker.ingest import load_articles
from checker.pipeline import Config, check_paths
from checker.report import render_json
from tests.conftest import ROOT, SEEDS, write_corpus
from tests.test_cli import run


def _cached_run(folder: Path, cache_dir: Path, config: Config) -> tuple[str, FactCache]:
    cache = FactCache(cache_dir, config.lexicons.source.files)
    try:
        report, _ = check_paths([str(folder)], replace(config, cache=cache))
    finally:
        cache.close()
    return render_json(report), cache


def test_a_warm_run_gives_byte_identical_json(tmp_path: Path, config: Config) -> None:
    uncached = render_json(check_paths([str(SEEDS)], config)[0])
    cold, first = _cached_run(SEEDS, tmp_path / "cache", config)
    warm, second = _cached_run(SEEDS, tmp_path / "cache", config)
    assert cold == warm == uncached
    assert first.hits == 0 and first.misses >= 5  # a date given its year by the topic: +1
    assert (second.hits, second.misses) == (first.misses, 0)


def test_only_the_changed_article_is_extracted_again(tmp_path: Path, config: Config) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    _cached_run(folder, tmp_path / "cache", config)
    edited = folder / "001_8b2e6297d0608e5a.txt"
    edited.write_text(edited.read_text() + "\nShares closed 4% higher on Friday.\n")
    json_text, cache = _cached_run(folder, tmp_path / "cache", config)
    assert cache.misses == 1
    assert json_text == render_json(check_paths([str(folder)], config)[0])


@pytest.mark.parametrize(
    "change",
    [
        {"published": "2026-02-01"},  # event times are read relative to it
        {"id": "renamed.txt"},  # fact ids hash the article id
    ],
)
def test_the_key_covers_what_extraction_reads(change: dict[str, str]) -> None:
    [article] = load_articles([str(SEEDS / "003_52855437956be190.txt")])
    changed = article.model_copy(update={"info": article.info.model_copy(update=change)})
    assert entry_key(article, None, "v") != entry_key(changed, None, "v")
    assert entry_key(article, None, "v") != entry_key(article, "Reuters", "v")
    assert entry_key(article, None, "v") != entry_key(article, None, "w")


def test_a_lexicon_file_from_rules_changes_the_extractor_version(
    tmp_path: Path, config: Config
) -> None:
    rules = write_corpus(tmp_path / "rules" / "lexicons", {
        "extra.yaml": "kind: entities\nentities:\n  - {name: Varo Robotics, type: company, "
                      "aliases: [Varo]}\n",
    }).parent  # fmt: skip
    extended = Config.load([rules])
    assert (
        FactCache(tmp_path / "a", config.lexicons.source.files).version
        != FactCache(tmp_path / "b", extended.lexicons.source.files).version
    )


def test_a_damaged_cache_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    result = run("check", str(SEEDS), "--out", str(tmp_path / "out"), "--cache", str(cache))
    assert result.returncode == 0
    assert "cache not used" in result.stderr
    plain = run("check", str(SEEDS), "--out", str(tmp_path / "plain"), "--no-cache", "-q")
    assert plain.returncode == 0
    assert (tmp_path / "out" / "report.json").read_bytes() == (
        tmp_path / "plain" / "report.json"
    ).read_bytes()


def _run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command run from another folder, still importing checker from this checkout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_no_cache_touches_no_cache_folder(tmp_path: Path) -> None:
    result = _run_in(tmp_path, "check", str(SEEDS), "--out", "out", "--no-cache", "-q")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".checker-cache").exists()


def test_the_default_cache_is_made_in_the_working_folder(tmp_path: Path) -> None:
    result = _run_in(tmp_path, "check", str(SEEDS), "--out", "out", "-q")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".checker-cache" / DATABASE_NAME).is_file()


def test_two_runs_sharing_a_cache_do_not_corrupt_it(tmp_path: Path) -> None:
    corpora = []
    for index in range(2):  # two corpora, so both runs write entries at the same time
        folder = tmp_path / f"news{index}"
        shutil.copytree(SEEDS, folder)
        for path in folder.iterdir():
            path.write_text(path.read_text() + f"\nUpdated edition {index}.\n")
        corpora.append(folder)
    cache = tmp_path / "cache"
    commands = [
        [sys.executable, "-m", "checker", "check", str(folder), "--out",
         str(tmp_path / f"out{i}"), "--cache", str(cache), "-q"]
        for i, folder in enumerate(corpora)
    ]  # fmt: skip
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for command in commands]  # fmt: skip
    for process in runs:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0 and "cache" not in stderr, stderr
    with sqlite3.connect(cache / DATABASE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        [(entries,)] = db.execute("SELECT count(*) FROM facts").fetchall()
    assert entries >= 10  # five articles in each corpus
    for i, folder in enumerate(corpora):
        again = run("check", str(folder), "--out", str(tmp_path / f"again{i}"), "--no-cache", "-q")
        assert again.returncode == 0
        assert (tmp_path / f"out{i}" / "report.json").read_bytes() == (
            tmp_path / f"again{i}" / "report.json"
        ).read_bytes()
