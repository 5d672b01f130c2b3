"""The cache of each topic's rule results: a warm streamed run checks no topic again and writes
the bytes of an uncached run; a changed article, an added or removed one, a changed rule or
lexicon, or another topic id checks that topic again, and only that topic."""

from __future__ import annotations

import shutil
import sqlite3
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from checker import cache as cache_module
from checker.baseline import Baseline, make_baseline
from checker.cache import DATABASE_NAME, FactCache, rules_version, topic_key
from checker.ingest import load_articles
from checker.pipeline import Config
from checker.report import FORMATS
from checker.report.base import RenderOptions
from checker.report.stream import StreamingReports
from checker.stream import NO_REPORTS, stream_paths
from tests.conftest import ROOT, SEEDS, write_corpus

ENERGY = ROOT / "tests" / "corpus" / "energy"


def _report(paths: list[Path], out: Path, config: Config, cache: FactCache | None) -> bytes:
    """report.json of a streamed run (with ``cache``, closed at the end, or none)."""
    try:
        with StreamingReports(out, ["json"], RenderOptions(rules=tuple(config.rules))) as writer:
            stream_paths([str(p) for p in paths], replace(config, cache=cache), writer)
    finally:
        if cache is not None:
            cache.close()
    return (out / "report.json").read_bytes()


class _Runs:
    """Cached runs into one cache folder, each compared with an uncached run of the same
    input; the counters of the last cached run are kept."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp = tmp_path
        self.count = 0
        self.cache: FactCache | None = None

    def check(self, paths: list[Path], config: Config) -> bytes:
        self.count += 1
        self.cache = FactCache(self.tmp / "cache", config.lexicons.source.files)
        cached = _report(paths, self.tmp / f"out{self.count}", config, self.cache)
        assert cached == _report(paths, self.tmp / f"plain{self.count}", config, None)
        return cached

    @property
    def checked(self) -> tuple[int, int]:
        """(topics read from the cache, topics checked) in the last run."""
        assert self.cache is not None
        return self.cache.topic_hits, self.cache.topics_stored


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    """Two topics: the seeds and the energy story."""
    folders = [tmp_path / "in" / "seeds", tmp_path / "in" / "energy"]
    shutil.copytree(SEEDS, folders[0])
    shutil.copytree(ENERGY, folders[1])
    return folders


def test_a_warm_run_checks_no_topic_and_writes_the_same_bytes(
    tmp_path: Path, corpus: list[Path], config: Config
) -> None:
    runs = _Runs(tmp_path)
    cold = runs.check(corpus, config)
    assert runs.checked == (0, 2)
    assert runs.check(corpus, config) == cold
    assert runs.checked == (2, 0)


def test_a_changed_article_checks_its_topic_again(
    tmp_path: Path, corpus: list[Path], config: Config
) -> None:
    runs = _Runs(tmp_path)
    runs.check(corpus, config)
    edited = corpus[0] / "002_2341f36c7cc70365.txt"
    edited.write_text(edited.read_text() + "\nNvidia sold 2 million H200 chips in China.\n")
    runs.check(corpus, config)
    assert runs.checked == (1, 1)


@pytest.mark.parametrize("change", ["added", "removed"])
def test_an_added_or_removed_article_checks_its_topic_again(
    tmp_path: Path, corpus: list[Path], config: Config, change: str
) -> None:
    runs = _Runs(tmp_path)
    runs.check(corpus, config)
    if change == "added":
        write_corpus(corpus[0], {"005_new.txt": "Nvidia will ship 900,000 H200 chips to China "
                                 "this year, a report said.\n"})  # fmt: skip
    else:
        (corpus[0] / "004_c3d3fac86d4f465a.txt").unlink()
    runs.check(corpus, config)
    assert runs.checked == (1, 1)


def test_a_changed_rule_checks_every_topic_again(
    tmp_path: Path, corpus: list[Path], config: Config
) -> None:
    runs = _Runs(tmp_path)
    before = runs.check(corpus, config)
    rules = tmp_path / "rules"
    (rules / "lexicons").mkdir(parents=True)
    strict = (
        (ROOT / "rules" / "US001-unsupported.yaml")
        .read_text()
        .replace("min_count: 10", "min_count: 1000000")
    )
    (rules / "US001-unsupported.yaml").write_text(strict)
    after = runs.check(corpus, Config.load([rules]))
    assert runs.checked == (0, 2)
    assert after != before  # the rule now judges fewer figures


def test_a_changed_lexicon_checks_every_topic_again(
    tmp_path: Path, corpus: list[Path], config: Config
) -> None:
    runs = _Runs(tmp_path)
    runs.check(corpus, config)
    rules = write_corpus(tmp_path / "rules" / "lexicons", {
        "extra.yaml": "kind: entities\nentities:\n  - {name: Varo Robotics, type: company, "
                      "aliases: [Varo]}\n",
    }).parent  # fmt: skip
    runs.check(corpus, Config.load([rules]))
    assert runs.checked == (0, 2)


def test_a_renamed_topic_folder_is_checked_again(
    tmp_path: Path, corpus: list[Path], config: Config
) -> None:
    runs = _Runs(tmp_path)
    runs.check(corpus, config)
    renamed = corpus[1].with_name("grid")
    corpus[1].rename(renamed)
    runs.check([corpus[0], renamed], config)
    assert runs.checked == (1, 1)


def test_the_topic_key_covers_what_the_rules_read(config: Config) -> None:
    articles = load_articles([str(SEEDS)])
    version = rules_version("v", config.rules)
    key = topic_key(version, "seeds", articles)
    first = articles[0]
    dated = first.model_copy(
        update={"info": first.info.model_copy(update={"published": "2026-02-01"})}
    )
    quieter = first.model_copy(update={"noise": ()})
    assert key != topic_key(version, "seeds-2", articles)
    assert key != topic_key(version, "seeds", articles[1:])
    assert key != topic_key(version, "seeds", [dated, *articles[1:]])
    assert first.noise and key != topic_key(version, "seeds", [quieter, *articles[1:]])
    assert key != topic_key(rules_version("w", config.rules), "seeds", articles)
    assert key != topic_key(rules_version("v", config.rules[1:]), "seeds", articles)


def _every_format(paths: list[Path], out: Path, config: Config, cache: FactCache | None,
                  baseline: Baseline | None = None) -> dict[str, bytes]:  # fmt: skip
    """Every file of a streamed run in every format (with ``cache``, closed at the end)."""
    try:
        with StreamingReports(out, list(FORMATS), RenderOptions(rules=tuple(config.rules))) as w:
            stream_paths([str(p) for p in paths], replace(config, cache=cache), w,
                         baseline=baseline, keep_cited=w.needs_cited_facts)  # fmt: skip
    finally:
        if cache is not None:
            cache.close()
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_a_warm_run_writes_every_format_as_an_uncached_run(
    tmp_path: Path, corpus: list[Path], config: Config
) -> None:
    """HTML, JUnit, ClaimReview and SARIF decode the facts and groups a warm run reads back
    as report text; a baseline filters the findings read back."""
    files = config.lexicons.source.files
    plain = _every_format(corpus, tmp_path / "plain", config, None)
    report = stream_paths([str(p) for p in corpus], config, NO_REPORTS).report
    half = make_baseline(report.model_copy(update={"findings": report.findings[::2]}))
    known = _every_format(corpus, tmp_path / "known", config, None, half)
    assert known != plain  # the baseline drops some findings
    cold = FactCache(tmp_path / "c", files)
    assert _every_format(corpus, tmp_path / "cold", config, cold) == plain
    warm = FactCache(tmp_path / "c", files)
    assert _every_format(corpus, tmp_path / "warm", config, warm) == plain
    assert (warm.topic_hits, warm.topics_stored, warm.hits) == (2, 0, 0)
    with_baseline = FactCache(tmp_path / "c", files)
    assert _every_format(corpus, tmp_path / "b", config, with_baseline, half) == known
    assert with_baseline.topic_hits == 2


@pytest.mark.parametrize("damage", ["not zlib", "not an entry", "bad findings"])
def test_a_damaged_topic_entry_is_checked_again(
    tmp_path: Path, corpus: list[Path], config: Config, damage: str
) -> None:
    runs = _Runs(tmp_path)
    cold = runs.check(corpus, config)
    stored = {
        "not zlib": b"garbage",
        "not an entry": zlib.compress(b"no separators here"),
        "bad findings": zlib.compress(b"3\0[{}]\0\0"),
    }[damage]
    with sqlite3.connect(tmp_path / "cache" / DATABASE_NAME) as db:
        db.execute("UPDATE topics SET results = ?", (stored,))
    assert runs.check(corpus, config) == cold  # its facts come from the facts cache
    assert runs.checked == (0, 2)
    assert runs.cache is not None and runs.cache.hits > 0


def test_values_compressed_on_another_thread_read_back_the_same(
    tmp_path: Path, corpus: list[Path], config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big topic's entry is compressed on a thread of its own; here every value is."""
    monkeypatch.setattr(cache_module, "BACKGROUND_BYTES", 0)
    runs = _Runs(tmp_path)
    cold = runs.check(corpus, config)
    assert runs.check(corpus, config) == cold
    assert runs.checked == (2, 0)
    cache = FactCache(tmp_path / "other", config.lexicons.source.files)
    try:
        articles = load_articles([str(SEEDS)])
        cache.remember_read("k", articles)
        assert cache.read_before("k") == articles  # still pending: not flushed yet
    finally:
        cache.close()
    again = FactCache(tmp_path / "other", config.lexicons.source.files)
    try:
        assert again.read_before("k") == articles
    finally:
        again.close()
