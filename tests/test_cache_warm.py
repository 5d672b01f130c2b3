"""What makes a warm run cheap besides facts and topic results: the dimensions of lexicon
units remembered (no pint), and a run that finds everything in the cache importing neither
the extractor nor pint nor the HTML writer. Errors stay as they are on a cold run."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cache import DATABASE_NAME, FactCache
from checker.errors import RuleError
from checker.lexicons import lexicon_files, load_lexicons
from checker.pipeline import Config
from checker.rules.loader import default_rule_dirs
from tests.conftest import ROOT, SEEDS
from tests.test_cli import run

BAD_UNIT = "kind: units\nphysical:\n  Zq: {pint: zorq_per_blip, surfaces: [zorqs]}\n"


def _cache(folder: Path) -> FactCache:
    return FactCache(folder, lexicon_files(default_rule_dirs()))


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


def test_a_warm_json_run_imports_no_extractor_pint_or_html(tmp_path: Path) -> None:
    command = [sys.executable, "-c", WHAT_WAS_IMPORTED, "check", str(SEEDS), "--out",
               str(tmp_path / "out"), "--cache", str(tmp_path / "cache"), "--format", "json",
               "-q", "--fail-on", "never"]  # fmt: skip
    cold = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert cold.returncode == 0, cold.stderr
    warm = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert warm.returncode == 0, warm.stderr
    imported = set(warm.stdout.split())
    assert "checker.stream" in imported  # the run happened in this process
    assert not {"checker.extract", "pint", "checker.report.html"} & imported
