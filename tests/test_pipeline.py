"""Topic-level steps of a run: topics from folders and publication years from siblings."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.pipeline import Config, _RootFinder, check_paths
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


def _first_root_by_scan(paths: list[str], article_path: str) -> str:
    """The definition assign_topics follows: the first path given that is the article's path
    or a folder above it (scanning every path, as it once did for every article)."""
    for root in paths:
        if article_path == root or article_path.startswith(root.rstrip("/") + "/"):
            return root
    return article_path


@pytest.mark.parametrize(
    "article_path",
    ["seeds/a.txt", "seeds/sub/b.txt", "seedsx/c.txt", "/abs/d/e.txt", "/abs/f.txt", "g.txt",
     "./h.txt", "out/a/b/c.txt", "loose.md", "x//y.txt"],
)  # fmt: skip
def test_each_article_is_mapped_to_the_first_path_given_above_it(article_path: str) -> None:
    paths = ["seeds/sub", "seeds/", "seeds", "/abs", "/", "loose.md", ".", "out/a", "out", "x/"]
    for order in (paths, paths[::-1]):
        assert _RootFinder(order)(article_path) == _first_root_by_scan(order, article_path)


def test_a_factor_stated_in_one_topic_does_not_join_units_in_another(
    tmp_path: Path, config: Config
) -> None:
    """Factors are scoped to the topic that states them: "each holding 10 doses" in one story
    must not put another story's vials and doses in one group (nor make UM001 compare them)."""
    vials = write_corpus(tmp_path / "vials", {
        "a.txt": "Kestrel shipped 120,000 vials, each holding 10 doses, the ministry said.\n",
    })  # fmt: skip
    ghana = write_corpus(tmp_path / "ghana", {
        "b.txt": "Kestrel shipped 500,000 vials to Ghana, the ministry said.\n\n"
        "Kestrel shipped 2 million doses to Ghana, officials said.\n",
    })  # fmt: skip
    together, _ = check_paths([str(vials), str(ghana)], config)
    alone, _ = check_paths([str(ghana)], config)
    assert [g for g in together.groups if g.topic == "ghana"] == alone.groups
    assert [g.what for g in alone.groups] == ["unit:dose", "unit:vial"]
    assert [f for f in together.findings if f.topic == "ghana"] == alone.findings == []
