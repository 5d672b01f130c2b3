"""Parallel and distributed extraction: any number of jobs, and Dask, write the same report
bytes as one process; small inputs never pay for a pool."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from checker import parallel
from checker.cache import FactCache
from checker.ingest import load_articles
from checker.models import Article, ArticleInfo
from checker.parallel import PARALLEL_MIN_CHARS, extract_in_processes, uses_pool
from checker.pipeline import Config, check_paths
from checker.report import render_json
from tests.conftest import ROOT, SEEDS, cli

TOPICS = [SEEDS, *sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_dir())]


@pytest.fixture(scope="module")
def bigger_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Copies of every test topic, in folders of their own, until above the pool threshold."""
    root = tmp_path_factory.mktemp("bigger")
    one_copy = sum(a.info.chars for a in load_articles([str(topic) for topic in TOPICS]))
    folders = []
    for copy in range(PARALLEL_MIN_CHARS // one_copy + 1):
        for topic in TOPICS:
            folder = root / f"{copy}-{topic.name}"
            shutil.copytree(topic, folder)
            for path in folder.rglob("*.*"):  # the same text twice is read once
                path.write_text(path.read_text(encoding="utf-8") + "\n" * (copy + 1), "utf-8")
            folders.append(str(folder))
    return folders


def _report_bytes(paths: list[str], config: Config, jobs: int) -> str:
    engine = replace(config, extractor=partial(extract_in_processes, jobs=jobs))
    return render_json(check_paths(paths, engine)[0])


def test_the_bigger_corpus_is_above_the_pool_threshold(bigger_corpus: list[str]) -> None:
    assert uses_pool(load_articles(bigger_corpus), jobs=2)


def test_two_jobs_write_the_bytes_of_one(bigger_corpus: list[str], config: Config) -> None:
    assert _report_bytes(bigger_corpus, config, 2) == _report_bytes(bigger_corpus, config, 1)


def test_every_test_topic_gives_the_same_bytes_in_a_pool(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(topic) for topic in TOPICS]
    alone = _report_bytes(paths, config, 1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_CHARS", 0)  # a pool even for these few
    monkeypatch.setattr(parallel, "CHUNK_CHARS", 1)  # one article per task: most reordering
    assert _report_bytes(paths, config, 3) == alone


def test_the_cache_is_filled_by_the_parent_from_the_workers_facts(
    bigger_corpus: list[str], config: Config, tmp_path: Path
) -> None:
    runs = []
    for _ in range(2):
        cache = FactCache(tmp_path / "cache", config.lexicons.source.files)
        try:
            runs.append(_report_bytes(bigger_corpus, replace(config, cache=cache), 2))
        finally:
            cache.close()
    assert runs[0] == runs[1] == _report_bytes(bigger_corpus, config, 1)
    assert cache.misses == 0 and cache.hits >= len(load_articles(bigger_corpus))


def _article(chars: int, name: str = "a.txt") -> Article:
    text = "Sales rose 5% in March. " * (chars // 24 + 1)
    info = ArticleInfo(id=name, path=name, format="txt", sha256="0" * 64, chars=chars)
    return Article(info=info, text=text[:chars])


@pytest.mark.parametrize(
    ("sizes", "jobs", "pooled"),
    [
        ([PARALLEL_MIN_CHARS // 2, PARALLEL_MIN_CHARS // 2], 2, True),  # enough text in all
        ([1_000] * 5, 2, False),  # a handful of articles: extracted here
        ([PARALLEL_MIN_CHARS], 2, False),  # one article cannot be shared out
        ([PARALLEL_MIN_CHARS] * 2, 1, False),  # --jobs 1 means this process
    ],
)
def test_the_pool_starts_only_above_the_threshold(
    sizes: list[int], jobs: int, pooled: bool
) -> None:
    articles = [_article(size, f"{i}.txt") for i, size in enumerate(sizes)]
    assert uses_pool(articles, jobs) is pooled


def test_small_inputs_start_no_process(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    articles = load_articles([str(SEEDS)])
    facts = list(extract_in_processes(articles, config.lexicons, jobs=2))
    assert len(facts) == len(articles) and any(facts)


def test_dask_on_a_local_cluster_writes_the_bytes_of_the_local_engine(
    config: Config, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    from checker.dask_engine import dask_extractor

    paths = [str(topic) for topic in TOPICS]
    local = _report_bytes(paths, config, 1)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = replace(config, extractor=dask_extractor(cluster.scheduler_address, None))
        assert render_json(check_paths(paths, on_dask)[0]) == local


def test_the_cli_runs_dask_on_a_cluster_address(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        result = cli("check", str(SEEDS), "--out", str(tmp_path / "dask"), "--format", "json",
                     "--no-cache", "--engine", "dask", "--scheduler", cluster.scheduler_address,
                     "--fail-on", "never", "-q")  # fmt: skip
    assert result.returncode == 0, result.stderr
    local = cli("check", str(SEEDS), "--out", str(tmp_path / "local"), "--format", "json",
                "--no-cache", "--jobs", "1", "--fail-on", "never", "-q")  # fmt: skip
    assert local.returncode == 0, local.stderr
    assert (tmp_path / "dask" / "report.json").read_bytes() == (
        tmp_path / "local" / "report.json"
    ).read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "--engine must be one of local, dask"),
        (["--scheduler", "tcp://localhost:8786"], "--scheduler needs --engine dask"),
    ],
)
def test_engine_options_are_checked(args: list[str], message: str, tmp_path: Path) -> None:
    result = cli("check", str(SEEDS), "--out", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_help_shows_jobs_engine_and_the_threshold() -> None:
    shown = " ".join(cli("check", "--help").stdout.split())
    for option in ("--jobs", "--engine", "--scheduler", "--engine dask --scheduler"):
        assert option in shown
    assert f"{PARALLEL_MIN_CHARS:,}" in shown


BEFORE_THE_FORK = """
import sys
from checker import parallel
from checker.ingest import load_articles
from checker.pipeline import Config

class Forked(Exception):
    pass

PATTERNS = ("entity_pattern", "physical_pattern", "compound_pattern", "context_patterns",
            "measure_word_patterns", "status_pattern")

def pool(*args, **kwargs):
    missing = [m for m in parallel.EXTRACTOR_MODULES if m not in sys.modules]
    raise Forked(missing + [p for p in PATTERNS if p not in vars(config.lexicons)])

config = Config.load()
assert "checker.extract" not in sys.modules, "imported before anything is extracted"
assert not set(PATTERNS) & set(vars(config.lexicons)), "compiled before anything is extracted"
parallel.ProcessPoolExecutor = pool
parallel.PARALLEL_MIN_CHARS = 0
try:
    next(parallel.extract_in_processes(load_articles([sys.argv[1]]), config.lexicons, jobs=2))
except Forked as missing:
    print("missing at the fork:", *missing.args[0])
"""


def test_the_extractor_is_imported_once_before_the_workers_fork() -> None:
    """The extractor and the lexicons' patterns load lazily (a warm run never needs them),
    but a pool's workers must inherit them compiled rather than each compile them again."""
    done = subprocess.run([sys.executable, "-c", BEFORE_THE_FORK, str(SEEDS)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "missing at the fork:"
