"""Gating with --topics auto: the corpus is clustered into stories once and kept; a new article
joins the story it is most similar to, and only that story is checked. With a warm cache the
corpus's files are not read (their metadata tells they are unchanged)."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import checker.gate as gate
import checker.ingest as ingest
from checker.cache import FactCache
from checker.gate import check_against
from checker.models import Report
from checker.pipeline import Config
from checker.snapshot import fingerprint, folder_fingerprint, look_ahead
from checker.topics import MAX_POSTINGS, TopicMode
from tests.conftest import STORY_OF_ONE_WEEK, archive_of_one_name, write_corpus
from tests.conftest import cli as run

VACUUMS = {
    "vacuums/a.txt": "LONDON, March 3 - Varo Robotics said it shipped 1.2 million Orbix T4 "
    "robot vacuums to Canada last year, as Varo Robotics chases retailers in Toronto.\n",
    "vacuums/b.txt": "Varo Robotics shipped 1.2 million Orbix T4 robot vacuums to Canada last "
    "year, the Varo Robotics annual report said; Orbix T4 sales in Toronto doubled.\n",
}
MINE = {
    "mine/c.txt": "Kestrel Copper said its Tamsin Ridge mine produced 48,000 tonnes of copper "
    "concentrate in 2025, and Kestrel Copper expects Tamsin Ridge to grow.\n",
    "mine/d.txt": "The Tamsin Ridge mine of Kestrel Copper produced 48,000 tonnes of copper "
    "concentrate in 2025, Kestrel Copper's chief executive told Reuters.\n",
}
CONTRADICTS = (
    "Varo Robotics said it shipped 2.1 million Orbix T4 robot vacuums to Canada last year, "
    "with Varo Robotics now the top seller in Toronto.\n"
)
UNRELATED = "Pellworth Ferries said its new Skerry Line route carried 310,000 passengers.\n"


@pytest.fixture
def cached(config: Config, tmp_path: Path) -> Iterator[Config]:
    cache = FactCache(tmp_path / "cache", config.lexicons.source.files)
    yield dataclasses.replace(config, cache=cache)
    cache.close()


def _corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", {**VACUUMS, **MINE})


def _new(tmp_path: Path, text: str, name: str = "new.txt") -> Path:
    return write_corpus(tmp_path / "incoming", {name: text}) / name


def _gate(new: Path, corpus: Path, config: Config) -> Report:
    return check_against([str(new)], str(corpus), config, TopicMode.auto)[0]


def test_only_the_story_the_new_article_joins_is_checked(tmp_path: Path, cached: Config) -> None:
    report = _gate(_new(tmp_path, CONTRADICTS), _corpus(tmp_path), cached)
    [topic] = report.topics
    assert sorted(topic.articles) == ["new.txt", "vacuums/a.txt", "vacuums/b.txt"]
    assert sorted(a.id for a in report.articles) == sorted(topic.articles)
    assert any(f.rule == "CT001" for f in report.findings)


def test_a_warm_gate_reads_only_the_files_of_the_joined_story(
    tmp_path: Path, cached: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, new = _corpus(tmp_path), _new(tmp_path, CONTRADICTS)
    cold = _gate(new, corpus, cached)
    read: list[str] = []
    original = ingest.read_bytes
    monkeypatch.setattr(ingest, "read_bytes", lambda s, m: read.append(s.display) or original(s, m))
    warm = _gate(new, corpus, cached)
    assert sorted(Path(p).name for p in read) == ["a.txt", "b.txt", "new.txt"]
    assert warm.model_dump_json() == cold.model_dump_json()


def test_an_article_like_no_story_is_checked_on_its_own(tmp_path: Path, cached: Config) -> None:
    report = _gate(_new(tmp_path, UNRELATED), _corpus(tmp_path), cached)
    assert [t.articles for t in report.topics] == [["new.txt"]]
    assert report.findings == [] or all(
        {e.article for e in f.evidence} == {"new.txt"} for f in report.findings
    )


def test_an_edited_corpus_file_is_seen_by_the_next_gate(tmp_path: Path, cached: Config) -> None:
    agreeing = {name: text.replace("1.2 million", "2.1 million") for name, text in VACUUMS.items()}
    corpus = write_corpus(tmp_path / "corpus", {**agreeing, **MINE})
    new = _new(tmp_path, CONTRADICTS)
    assert not [f for f in _gate(new, corpus, cached).findings if f.rule == "CT001"]
    (corpus / "vacuums" / "b.txt").write_text(VACUUMS["vacuums/b.txt"])
    assert [f for f in _gate(new, corpus, cached).findings if f.rule == "CT001"]


def test_damaged_kept_stories_are_clustered_again(tmp_path: Path, cached: Config) -> None:
    corpus, new = _corpus(tmp_path), _new(tmp_path, CONTRADICTS)
    cold = _gate(new, corpus, cached)
    assert cached.cache is not None
    cached.cache.flush()
    with sqlite3.connect(tmp_path / "cache" / "facts.sqlite3") as db:
        db.execute("DELETE FROM story_members")
    assert _gate(new, corpus, cached).model_dump_json() == cold.model_dump_json()


def test_without_a_cache_the_gate_gives_the_same_report(
    tmp_path: Path, config: Config, cached: Config
) -> None:
    corpus, new = _corpus(tmp_path), _new(tmp_path, CONTRADICTS)
    assert (
        _gate(new, corpus, config).model_dump_json() == _gate(new, corpus, cached).model_dump_json()
    )


def test_cli_warm_and_cold_gates_write_the_same_bytes(tmp_path: Path) -> None:
    corpus, new = _corpus(tmp_path), _new(tmp_path, CONTRADICTS)
    written = []
    for run_number in (1, 2):
        out = tmp_path / f"out{run_number}"
        args = ["check", str(new), "--against", str(corpus), "--topics", "auto", "--out",
                str(out), "-q", "--format", "json", "--cache", str(tmp_path / "cache")]  # fmt: skip
        assert run(*args).returncode == 1  # the contradiction is an error
        written.append((out / "report.json").read_bytes())
    assert written[0] == written[1]


# ---------------------------------------------------------------------------------------------
# The corpus's fingerprint


def test_the_fingerprint_is_the_same_while_nothing_changes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    assert folder_fingerprint(str(corpus)) == folder_fingerprint(str(corpus))


@pytest.mark.parametrize("change", ["edit", "add", "remove", "touch"])
def test_the_fingerprint_changes_with_any_article_file(tmp_path: Path, change: str) -> None:
    corpus = _corpus(tmp_path)
    before = folder_fingerprint(str(corpus))
    target = corpus / "mine" / "c.txt"
    if change == "edit":
        target.write_text(MINE["mine/c.txt"].replace("48,000", "49,000"))
    elif change == "add":
        (corpus / "mine" / "e.txt").write_text(UNRELATED)
    elif change == "remove":
        target.unlink()
    else:
        info = target.stat()
        os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
    assert folder_fingerprint(str(corpus)) != before


def test_hidden_and_non_article_files_leave_the_fingerprint_alone(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    before = folder_fingerprint(str(corpus))
    (corpus / ".checker-cache").mkdir()
    (corpus / ".checker-cache" / "x.txt").write_text("cache")
    (corpus / "notes.csv").write_text("a,b\n")
    assert folder_fingerprint(str(corpus)) == before


def test_a_new_article_inside_the_corpus_is_left_out_of_the_fingerprint(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    before = folder_fingerprint(str(corpus))
    new = _new(corpus, CONTRADICTS)
    assert folder_fingerprint(str(corpus), frozenset([new.resolve()])) == before


def test_a_fingerprint_looked_at_ahead_is_the_one_computed_here(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    look_ahead(str(corpus), frozenset())
    assert fingerprint(str(corpus), frozenset()) == folder_fingerprint(str(corpus))


def test_a_new_article_finds_its_story_by_names_rare_only_in_its_weeks(
    tmp_path: Path, cached: Config
) -> None:
    archive = {
        **archive_of_one_name(MAX_POSTINGS + 20),
        "story/a.md": STORY_OF_ONE_WEEK["story/a.md"],
    }
    corpus = write_corpus(tmp_path / "news", archive)
    new = _new(tmp_path, STORY_OF_ONE_WEEK["story/b.md"], "b.md")
    for _ in ("cold", "warm"):
        [topic] = _gate(new, corpus, cached).topics
        assert sorted(topic.articles) == ["b.md", "story/a.md"]


def test_only_the_newest_stories_of_a_corpus_are_kept(tmp_path: Path, cached: Config) -> None:
    corpus, new = _corpus(tmp_path), _new(tmp_path, CONTRADICTS)
    _gate(new, corpus, cached)
    (corpus / "mine" / "c.txt").write_text(MINE["mine/c.txt"].replace("48,000", "49,000"))
    _gate(new, corpus, cached)
    assert cached.cache is not None
    [kept] = cached.cache.keys("stories")
    for table in ("story_terms", "story_members", "story_topics"):
        assert {key.split("\x1f")[0] for key in cached.cache.keys(table)} == {kept}


def test_stories_of_another_corpus_stay(tmp_path: Path, cached: Config) -> None:
    new = _new(tmp_path, CONTRADICTS)
    _gate(new, _corpus(tmp_path), cached)
    _gate(new, write_corpus(tmp_path / "other", VACUUMS), cached)
    assert cached.cache is not None
    assert len(cached.cache.keys("stories")) == 2


def test_the_corpus_facts_read_in_chunks_give_the_same_report(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, new = _corpus(tmp_path), _new(tmp_path, CONTRADICTS)
    whole = _gate(new, corpus, config).model_dump_json()
    monkeypatch.setattr(gate, "FACT_CHUNK", 1)
    assert _gate(new, corpus, config).model_dump_json() == whole
