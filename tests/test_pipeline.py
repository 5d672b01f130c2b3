"""Topic-level steps of a run: topics from folders and publication years from siblings."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import Config, check_paths
from tests.conftest import write_corpus


def test_a_wire_date_without_year_takes_the_nearest_year_of_its_topic(
    tmp_path: Path, config: Config
) -> None:
    folder = write_corpus(tmp_path / "port", {
        "a.txt": "Port strike ends\n\n15 January 2026\n\nDockers returned after 12 days.",
        "b.txt": "LAGOS, Dec 28 (Reuters) – Dockers walked out over pay, 300 workers said.",
    })  # fmt: skip
    report, _ = check_paths([str(folder)], config)
    published = {a.id: (a.published, a.metadata_sources["published"]) for a in report.articles}
    assert published["b.txt"] == ("2025-12-28", "dateline+topic")
    assert published["a.txt"] == ("2026-01-15", "byline")


def test_each_folder_is_one_topic_and_loose_files_form_another(
    tmp_path: Path, config: Config
) -> None:
    one = write_corpus(tmp_path / "Port Strike", {"a.txt": "Dockers said 300 left."})
    two = write_corpus(tmp_path / "grid", {"b.txt": "The 200 MW battery opened."})
    loose = write_corpus(tmp_path / "loose", {"c.txt": "Acme sold 5 pumps."}) / "c.txt"
    report, _ = check_paths([str(one), str(two), str(loose)], config)
    assert [(t.id, t.articles) for t in report.topics] == [
        ("articles", ["c.txt"]), ("grid", ["b.txt"]), ("port-strike", ["a.txt"]),
    ]  # fmt: skip
