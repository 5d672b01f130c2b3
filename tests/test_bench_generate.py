"""The generated benchmark corpus: deterministic, its manifest exact, and checker's recall on
its planted findings no lower than measured (a ratchet; no timings are asserted).

The floors are the recall measured on 200 articles with seed 7 minus 0.01, rounded down to a
whole percent; raise them as the rules improve. `python -m bench.planted --verbose` lists
every miss.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.generate import generate, topic_folders
from bench.planted import score_corpus
from checker.evaluation import PlantedScore, locate

ARTICLES = 200
RECALL_FLOORS = {"contradiction": 0.19, "unit_mismatch": 0.83, "unsupported": 0.99,
                 "superseded": 0.53}  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("generated") / "corpus"
    generate(root, ARTICLES, seed=7)
    return root


@pytest.fixture(scope="module")
def planted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> PlantedScore:
    return score_corpus(corpus, tmp_path_factory.mktemp("report"))


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_the_same_arguments_write_the_same_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", 30, seed=3)
    generate(tmp_path / "b", 30, seed=3)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_another_seed_writes_other_articles(tmp_path: Path) -> None:
    generate(tmp_path / "a", 30, seed=3)
    generate(tmp_path / "b", 30, seed=4)
    assert _files(tmp_path / "a") != _files(tmp_path / "b")


def test_articles_are_news_sized(corpus: Path) -> None:
    sizes = [p.stat().st_size for p in corpus.rglob("*.txt")]
    assert len(sizes) == ARTICLES
    assert min(sizes) >= 1800 and max(sizes) <= 4600, (min(sizes), max(sizes))


def test_every_planted_quote_is_where_the_manifest_says(corpus: Path) -> None:
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["planted"]:
        for fact in entry["facts"]:
            text = (corpus / fact["article"]).read_text(encoding="utf-8")
            start, end = locate(text, fact["quote"], fact["occurrence"])
            assert text[start:end] == fact["quote"]


def test_one_folder_per_topic(corpus: Path) -> None:
    assert len(topic_folders(corpus)) == ARTICLES // 5


@pytest.mark.parametrize("kind", sorted(RECALL_FLOORS))
def test_planted_findings_are_found_at_least_as_often_as_measured(
    kind: str, planted: PlantedScore
) -> None:
    assert planted.total[kind] > 0
    missed = "\n".join(planted.misses_of(kind))
    assert planted.recall(kind) >= RECALL_FLOORS[kind], f"missed:\n{missed}"


def test_no_trap_is_sprung(planted: PlantedScore) -> None:
    assert planted.traps > 0
    assert planted.traps_sprung == 0, "\n".join(planted.sprung)


def test_no_unplanted_error(planted: PlantedScore) -> None:
    assert not planted.false_alarms, "\n".join(planted.false_alarms)
