"""What makes a warm run cheap besides facts and topic results: the articles each file held
(not parsed again), the dimensions of lexicon units (no pint), and a run that finds everything
in the cache importing neither the extractor nor pint nor the HTML writer. Errors and warnings
stay as they are on a cold run."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cache import DATABASE_NAME, FactCache
from checker.errors import RuleError
from checker.files import IngestOptions
from checker.ingest import load_articles
from checker.lexicons import lexicon_files, load_lexicons
from checker.pipeline import Config
from checker.rules.loader import default_rule_dirs
from tests.conftest import ROOT, SEEDS
from tests.test_cli import run

PAGE = (
    "<html><head><title>Plant opens</title><script>var x = '999 widgets';</script></head>"
    "<body><article><h1>Plant opens</h1><p>The new plant in Aveiro will employ 350 people "
    "when it opens next year, the regional council said on Monday in a statement.</p>"
    "<p>Construction cost 120 million euros and took two years to complete, officials said, "
    "adding that output would reach 40,000 tonnes a year.</p></article></body></html>"
)
FEED = [
    {"id": "a1", "text": "Acme sold 5,000 units.", "outlet": "Wire One", "date": "2026-02-01"},
    {"text": "Acme sold 6,000 units.", "title": "Acme sales"},
]
BAD_UNIT = "kind: units\nphysical:\n  Zq: {pint: zorq_per_blip, surfaces: [zorqs]}\n"


def _cache(folder: Path) -> FactCache:
    return FactCache(folder, lexicon_files(default_rule_dirs()))


@pytest.fixture
def every_format(tmp_path: Path) -> Path:
    """A folder with an article in each input format, front matter and noise lines too."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "brief.md").write_text(
        "---\ntitle: Grid brief\noutlet: Energy Desk\npublished: 2026-03-11\n---\n"
        "The Tagus line carries 400 MW, the operator said.\n\nShare\n",
        encoding="utf-8",
    )
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in FEED) + "\n")
    (folder / "batch.json").write_text(json.dumps([{"text": "One plant."}, {"text": "Two."}]))
    return folder


def _read(paths: list[Path], cache: FactCache | None, **options: bool) -> list:
    return load_articles([str(p) for p in paths], IngestOptions(**options), cache)


def test_files_read_before_give_the_same_articles(tmp_path: Path, every_format: Path) -> None:
    expected = _read([every_format], None)
    cache = _cache(tmp_path / "cache")
    try:
        assert _read([every_format], cache) == expected
        assert cache.read_hits == 0
        assert _read([every_format], cache) == expected
        assert cache.read_hits == len(list(every_format.iterdir()))
    finally:
        cache.close()


def test_a_changed_or_moved_file_is_read_again(tmp_path: Path, every_format: Path) -> None:
    cache = _cache(tmp_path / "cache")
    try:
        _read([every_format], cache)
        edited = every_format / "brief.md"
        edited.write_text(edited.read_text().replace("400 MW", "450 MW"), encoding="utf-8")
        moved = tmp_path / "moved"
        every_format.rename(moved)  # the same bytes under another path: ids and paths differ
        hits = cache.read_hits
        assert _read([moved], cache) == _read([moved], None)
        assert cache.read_hits == hits
        assert _read([moved], cache) == _read([moved], None)
        assert cache.read_hits == hits + len(list(moved.iterdir()))
    finally:
        cache.close()


def test_a_file_that_warns_warns_on_every_run(tmp_path: Path) -> None:
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text(json.dumps(FEED[0]) + "\n{not json\n", encoding="utf-8")
    cache = _cache(tmp_path / "cache")
    try:
        for _attempt in range(2):
            warnings: list[str] = []
            options = IngestOptions(keep_going=True, warn=warnings.append)
            [article] = load_articles([str(feed)], options, cache)
            assert article.id == "feed.jsonl#a1"
            assert len(warnings) == 1 and "line skipped" in warnings[0]
        assert cache.read_hits == 0
    finally:
        cache.close()


def test_remembered_dimensions_give_the_same_lexicons(tmp_path: Path, config: Config) -> None:
    cache = _cache(tmp_path / "cache")
    try:
        first = load_lexicons(default_rule_dirs(), cache)  # asks pint, remembers
        second = load_lexicons(default_rule_dirs(), cache)  # from the cache
    finally:
        cache.close()
    expected = config.lexicons.physical_dimension
    assert first.physical_dimension == second.physical_dimension == expected
    assert list(second.physical_dimension) == list(expected)  # the same order too
    assert "energy" in expected.values()


def test_a_damaged_remembered_dimension_is_asked_of_pint_again(
    tmp_path: Path, config: Config
) -> None:
    cache = _cache(tmp_path / "cache")
    load_lexicons(default_rule_dirs(), cache)
    cache.close()
    with sqlite3.connect(tmp_path / "cache" / DATABASE_NAME) as db:
        db.execute("UPDATE units SET dimension = ?", (b"not zlib",))
    cache = _cache(tmp_path / "cache")
    try:
        assert cache.dimension("megawatt_hour") is None
        lexicons = load_lexicons(default_rule_dirs(), cache)
    finally:
        cache.close()
    assert lexicons.physical_dimension == config.lexicons.physical_dimension


def test_an_unknown_unit_is_an_error_with_a_warm_cache(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    path = rules / "lexicons" / "units.yaml"
    path.write_text(BAD_UNIT, encoding="utf-8")
    cache = _cache(tmp_path / "cache")
    try:
        load_lexicons(default_rule_dirs(), cache)
        for _attempt in range(2):  # an unknown unit is never remembered
            with pytest.raises(RuleError, match="unknown pint unit 'zorq_per_blip'") as caught:
                Config.load([rules], cache)
            assert caught.value.render().startswith(f"{path}:3: ")
    finally:
        cache.close()


def test_the_cli_reports_an_unknown_unit_on_every_run(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    cache = tmp_path / "cache"
    warm = run("check", str(SEEDS), "--out", str(tmp_path / "out"), "--cache", str(cache), "-q")
    assert warm.returncode == 0, warm.stderr
    (rules / "lexicons" / "units.yaml").write_text(BAD_UNIT, encoding="utf-8")
    for _attempt in range(2):
        result = run("check", str(SEEDS), "--rules", str(rules), "--out", str(tmp_path / "bad"),
                     "--cache", str(cache), "-q")  # fmt: skip
        assert result.returncode == 2
        assert f"{rules / 'lexicons' / 'units.yaml'}:3: unknown pint unit" in result.stderr


WHAT_WAS_IMPORTED = """
import sys
from checker.cli import main
sys.argv = ["checker", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
print(" ".join(sorted(sys.modules)))
"""


def test_a_warm_json_run_imports_no_extractor_dates_pint_or_html(tmp_path: Path) -> None:
    command = [sys.executable, "-c", WHAT_WAS_IMPORTED, "check", str(SEEDS), "--out",
               str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), "--format", "json",
               "-q", "--fail-on", "never"]  # fmt: skip
    cold = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cold.returncode == 0, cold.stderr
    warm = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert warm.returncode == 0, warm.stderr
    imported = set(warm.stdout.split())
    assert "checker.stream" in imported  # the run happened in this process
    assert not {"checker.extract", "checker.dates", "pint", "checker.report.html"} & imported
