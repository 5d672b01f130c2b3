"""Topics: --topics auto clusters articles into stories; topics.yaml names and merges them."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker import topics as topics_module
from checker.errors import CheckerError
from checker.ingest import load_articles
from checker.models import Report
from checker.pipeline import Config, check_paths
from checker.topics import TopicMode, cluster_topics
from tests.conftest import ROOT, SEEDS, STORY_OF_ONE_WEEK, archive_of_one_name, write_corpus


def _front(title: str, published: str, body: str) -> str:
    return f"---\ntitle: {title}\npublished: {published}\n---\n{body}\n"


# Three stories: two about one company (a ferry accident in March, a new chief executive in
# September) and a drought in the same September week as the second.
FERRY_ACCIDENT = {
    "accident_wire.md": _front(
        "Harbourline ferry hits breakwater outside Valmora", "2026-03-14",
        "A Harbourline Ferries vessel, the Santa Irene, struck the northern breakwater outside "
        "Valmora harbour on Friday evening, injuring 14 passengers, the port authority said.\n\n"
        "The Santa Irene was carrying 312 passengers from Porto Adra when it lost steering in "
        "heavy swell, according to harbour master Luisa Ferrant.",
    ),
    "accident_local.md": _front(
        "Passengers describe panic as Santa Irene hit Valmora breakwater", "2026-03-15",
        "Passengers on the Santa Irene said the ferry shuddered and tilted before it hit the "
        "breakwater at the mouth of Valmora harbour.\n\nHarbour master Luisa Ferrant said 312 "
        "people were on board. The crossing from Porto Adra had left an hour late.",
    ),
}  # fmt: skip
FERRY_CHIEF = {
    "chief_wire.md": _front(
        "Harbourline Ferries names Tomas Ekdal chief executive as profit rises", "2026-09-02",
        "Harbourline Ferries appointed Tomas Ekdal, its finance director, as chief executive on "
        "Wednesday, as the operator reported a rise in half-year profit.\n\nEkdal replaces Marta "
        "Quintal, who is retiring after eleven years. He said the board would order two hybrid "
        "freight vessels.",
    ),
    "chief_business.md": _front(
        "New Harbourline chief Ekdal bets on hybrid freight ships", "2026-09-03",
        "Tomas Ekdal, named chief executive of Harbourline Ferries this week, plans to order two "
        "hybrid freight vessels before the end of the year.\n\nEkdal, who was finance director "
        "under Marta Quintal, said dividends would rise.",
    ),
}  # fmt: skip
DROUGHT = {
    "drought_wire.md": _front(
        "Castreo rations tap water as reservoirs fall", "2026-09-02",
        "The city of Castreo will cut tap water to households at night because its reservoirs "
        "have fallen to 19 percent of capacity, the mayor Ines Barroca said.\n\nThe Alvor and "
        "Sabugo reservoirs have had almost no rain since April, and farmers in the Tavora valley "
        "have been told to stop irrigating orchards.",
    ),
    "drought_farms.md": _front(
        "Tavora valley farmers count losses as Castreo reservoirs run low", "2026-09-04",
        "Orchard growers in the Tavora valley said the irrigation ban could cost them most of "
        "the autumn harvest, after the Alvor and Sabugo reservoirs dropped further.\n\nCastreo "
        "mayor Ines Barroca defended the night-time rationing of tap water.",
    ),
}  # fmt: skip
STORIES = [FERRY_ACCIDENT, FERRY_CHIEF, DROUGHT]

# Two stories in one week that both state a count of sensors shipped: a folder run compares
# them (the grouping key has no subject), a run with --topics auto must not.
SENSORS = {
    "orbex_wire.txt": "Orbex wins Norwegian weather-station contract\n\nOrbex said on Tuesday "
    "it shipped 1.2 million sensors to Norway's meteorological institute last year and would "
    "supply its new Arctic weather stations from Tromso.",
    "orbex_trade.txt": "Orbex Arctic stations deal lifts Tromso plant\n\nThe Tromso plant of "
    "Orbex will build the Arctic weather stations for the Norwegian meteorological institute, "
    "the company said, after it shipped 1.2 million sensors to the institute last year.",
    "kalder_wire.txt": "Kalder strike halts car-sensor line in Brno\n\nKalder Electronics said "
    "a strike at its Brno factory stopped the production line that shipped 2.1 million sensors "
    "to German car makers last year, and union leader Pavel Horak said talks had failed.",
    "kalder_local.txt": "Brno strikers at Kalder demand higher pay\n\nWorkers at the Kalder "
    "Electronics factory in Brno walked out for a second day, union leader Pavel Horak said, "
    "as the car makers that buy its sensors warned of shortages.",
}


def _mixed(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "mixed", {k: v for s in STORIES for k, v in s.items()})


def _members(report: Report) -> list[list[str]]:
    return sorted(sorted(t.articles) for t in report.topics)


# ---------------------------------------------------------------------------------------------
# Clustering


def test_auto_topics_separate_three_stories_two_about_one_company(
    tmp_path: Path, config: Config
) -> None:
    report, _ = check_paths([str(_mixed(tmp_path))], config, TopicMode.auto)
    assert _members(report) == sorted(sorted(story) for story in STORIES)


def test_auto_topic_ids_are_slugs_of_names_and_titles_are_article_titles(
    tmp_path: Path, config: Config
) -> None:
    report, _ = check_paths([str(_mixed(tmp_path))], config, TopicMode.auto)
    [drought] = [t for t in report.topics if "drought_wire.md" in t.articles]
    assert "castreo" in drought.id.split("-")
    assert drought.title in {
        "Castreo rations tap water as reservoirs fall",
        "Tavora valley farmers count losses as Castreo reservoirs run low",
    }
    assert "Castreo" in drought.terms


def test_auto_topics_do_not_depend_on_the_order_articles_are_read(tmp_path: Path) -> None:
    articles = load_articles([str(_mixed(tmp_path))])
    expected = cluster_topics(articles, {})
    for seed in range(5):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert cluster_topics(shuffled, {}) == expected


@pytest.mark.parametrize(
    ("first", "second", "topics"),
    [("2026-09-02", "2026-09-03", 1), ("2025-09-02", "2026-09-03", 2)],
    ids=["a_day_apart_one_story", "a_year_apart_two_stories"],
)
def test_the_same_kind_of_news_a_year_apart_is_two_stories(
    tmp_path: Path, first: str, second: str, topics: int
) -> None:
    body = (
        "Harbourline Ferries reported half-year profit on higher freight volumes and fuller "
        "summer sailings between Valmora and Porto Adra, chief executive Marta Quintal said."
    )
    folder = write_corpus(tmp_path / "results", {
        "a.md": _front("Harbourline half-year profit rises", first, body),
        "b.md": _front("Harbourline profit up on freight", second, body),
    })  # fmt: skip
    assert len(cluster_topics(load_articles([str(folder)]), {})) == topics


def test_the_seeds_and_the_test_corpus_mixed_come_back_as_their_three_folders(
    config: Config,
) -> None:
    folders = [SEEDS, ROOT / "tests" / "corpus" / "energy", ROOT / "tests" / "corpus" / "vaccine"]
    expected = sorted(sorted(a.id for a in load_articles([str(f)])) for f in folders)
    report, _ = check_paths([str(f) for f in folders], config, TopicMode.auto)
    assert _members(report) == expected


def test_auto_topics_reuse_extraction_and_still_give_wire_dates_their_year(
    config: Config, seeds_report: Report
) -> None:
    """The seeds are one story: auto mode must report the very facts folder mode does, with
    the year-less wire date completed from the topic before its facts are read."""
    report, _ = check_paths([str(SEEDS)], config, TopicMode.auto)
    [topic] = report.topics
    assert report.articles == seeds_report.articles
    assert [f.model_copy(update={"topic": "seeds"}) for f in report.facts] == seeds_report.facts
    assert {f.topic for f in report.facts} == {topic.id}


def test_articles_sharing_only_a_common_word_are_never_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Candidate pairs come from rare terms only: no all-pairs comparison on large inputs."""
    count = topics_module.MAX_POSTINGS + 10
    words = [f"zq{i:03d}x" for i in range(count)]
    folder = write_corpus(tmp_path / "many", {
        f"{i:03d}.txt": f"Harbour {words[i]} opened." for i in range(count)
    })  # fmt: skip
    compared: list[int] = []
    original = topics_module.cosine
    monkeypatch.setattr(topics_module, "cosine", lambda a, b: compared.append(1) or original(a, b))
    topics = cluster_topics(load_articles([str(folder)]), {})
    assert (len(topics), compared) == (count, [])


def test_names_common_across_an_archive_still_pair_articles_of_the_same_weeks(
    tmp_path: Path,
) -> None:
    archive = archive_of_one_name(topics_module.MAX_POSTINGS + 20)
    folder = write_corpus(tmp_path / "news", {**archive, **STORY_OF_ONE_WEEK})
    topics = cluster_topics(load_articles([str(folder)]), {})
    [home] = [t for t in topics if "story/a.md" in t.articles]
    assert sorted(home.articles) == ["story/a.md", "story/b.md"]


# ---------------------------------------------------------------------------------------------
# Findings stay inside topics


def test_findings_never_compare_articles_of_different_topics(
    tmp_path: Path, config: Config
) -> None:
    folder = write_corpus(tmp_path / "sensors", SENSORS)
    by_folder, _ = check_paths([str(folder)], config)
    crossing = [
        f
        for f in by_folder.findings
        if {"orbex_wire.txt", "kalder_wire.txt"} <= {e.article for e in f.evidence}
    ]
    assert crossing, "the folder run should compare the two stories' sensor counts"
    report, _ = check_paths([str(folder)], config, TopicMode.auto)
    members = {t.id: set(t.articles) for t in report.topics}
    assert len(members) == 2
    for finding in report.findings:
        assert {e.article for e in finding.evidence} <= members[finding.topic]
    assert all(f.topic == next(t for t, m in members.items() if f.article in m)
               for f in report.facts)  # fmt: skip


# ---------------------------------------------------------------------------------------------
# topics.yaml


def _run_with(tmp_path: Path, config: Config, yaml_text: str) -> Report:
    folder = _mixed(tmp_path)
    (folder / "topics.yaml").write_text(yaml_text, encoding="utf-8")
    return check_paths([str(folder)], config, TopicMode.auto)[0]


def _topic_of(report: Report, article: str) -> tuple[str, str]:
    [topic] = [t for t in report.topics if article in t.articles]
    return topic.id, topic.title


def test_topics_yaml_beside_the_articles_titles_a_topic_by_its_id(
    tmp_path: Path, config: Config
) -> None:
    auto, _ = check_paths([str(_mixed(tmp_path / "plain"))], config, TopicMode.auto)
    drought_id, _ = _topic_of(auto, "drought_wire.md")
    report = _run_with(
        tmp_path,
        config,
        f"topics:\n  - topic: {drought_id}\n    title: Castreo drought, September 2026\n",
    )
    assert _topic_of(report, "drought_farms.md") == (drought_id, "Castreo drought, September 2026")


def test_topics_yaml_makes_a_topic_of_listed_articles(tmp_path: Path, config: Config) -> None:
    report = _run_with(
        tmp_path,
        config,
        """
topics:
  - title: Harbourline Ferries in 2026
    articles: [accident_wire.md, accident_local.md, chief_wire.md, chief_business.md]
""",
    )
    assert _topic_of(report, "chief_wire.md") == ("harbourline-ferries-in-2026",
                                                  "Harbourline Ferries in 2026")  # fmt: skip
    assert len(report.topics) == 2


def test_topics_yaml_merges_topics_listed_by_id(tmp_path: Path, config: Config) -> None:
    auto, _ = check_paths([str(_mixed(tmp_path / "plain"))], config, TopicMode.auto)
    ids = [_topic_of(auto, "accident_wire.md")[0], _topic_of(auto, "chief_wire.md")[0]]
    report = _run_with(
        tmp_path,
        config,
        f"topics:\n  - topic: [{ids[0]}, {ids[1]}]\n    id: harbourline\n    title: Harbourline\n",
    )
    assert _topic_of(report, "accident_local.md") == ("harbourline", "Harbourline")
    assert _topic_of(report, "chief_business.md") == ("harbourline", "Harbourline")


def test_topics_file_option_names_folder_topics_too(tmp_path: Path, config: Config) -> None:
    folder = write_corpus(tmp_path / "port", {"a.txt": "Dockers said 300 left."})
    names = tmp_path / "names.yaml"
    names.write_text("topics:\n  - topic: port\n    title: Port strike\n", encoding="utf-8")
    report, _ = check_paths([str(folder)], config, topics_file=names)
    assert [(t.id, t.title) for t in report.topics] == [("port", "Port strike")]


BAD_TOPICS_FILES = [
    ("unknown_key", "topics:\n  - topic: x\n    title: T\n    name: N\n", 4, "name"),
    ("missing_title", "topics:\n  - topic: x\n", 2, "'title' is a required property"),
    ("neither_topic_nor_articles", "topics:\n  - title: T\n", 2, "give either 'topic'"),
    ("both_topic_and_articles", "topics:\n  - title: T\n    topic: x\n    articles: [a.md]\n",
     2, "not both"),
    ("bad_id", "topics:\n  - articles: [a.md]\n    title: T\n    id: Not A Slug\n", 4,
     "does not match"),
    ("duplicate_key", "topics:\n  - topic: x\n    topic: y\n    title: T\n", 3,
     "duplicate key 'topic'"),
    ("unknown_topic", "topics:\n  - topic: no-such-story\n    title: T\n", 2,
     "no topic 'no-such-story' in this run"),
    ("unknown_article", "topics:\n  - title: T\n    articles:\n      - accident_wire.md\n"
     "      - missing.md\n", 5, "no article 'missing.md' in this run"),
    ("article_twice", "topics:\n  - title: A\n    articles: [chief_wire.md]\n"
     "  - title: B\n    articles: [chief_wire.md]\n", 4, "already in topics[0]"),
    ("id_used_twice", "topics:\n  - title: Same\n    articles: [chief_wire.md]\n"
     "  - title: Same\n    articles: [drought_wire.md]\n", 4, "'same' is used twice"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [case[1:] for case in BAD_TOPICS_FILES],
    ids=[case[0] for case in BAD_TOPICS_FILES],
)
def test_a_bad_topics_yaml_is_one_error_with_file_and_line(
    tmp_path: Path, config: Config, text: str, line: int, message: str
) -> None:
    with pytest.raises(CheckerError) as error:
        _run_with(tmp_path, config, text)
    rendered = error.value.render()
    assert rendered.startswith(f"{tmp_path / 'mixed' / 'topics.yaml'}:{line}: "), rendered
    assert message in rendered


# ---------------------------------------------------------------------------------------------
# Command line


def test_cli_topics_auto_writes_one_topic_per_story(tmp_path: Path) -> None:
    from tests.test_cli import run

    folder = _mixed(tmp_path)
    result = run("check", str(folder), "--topics", "auto", "--out", str(tmp_path / "out"))
    assert result.returncode in (0, 1), result.stderr
    report = Report.model_validate_json((tmp_path / "out" / "report.json").read_text())
    assert _members(report) == sorted(sorted(story) for story in STORIES)


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["--topics", "stories"], "stories"), (["--topics-file", "/no/such.yaml"], "/no/such.yaml")],
    ids=["unknown_mode", "missing_topics_file"],
)
def test_cli_topic_options_errors_exit_2(tmp_path: Path, args: list[str], expected: str) -> None:
    from tests.test_cli import run

    result = run("check", str(SEEDS), *args, "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert expected in result.stderr
    assert not (tmp_path / "out" / "report.json").exists()
