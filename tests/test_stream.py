"""Streamed runs (checker/stream.py, checker/report/stream.py): a check with folder topics
writes the same bytes as the report made whole in memory, while holding one topic's facts at
a time."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from checker import stream
from checker.baseline import apply_baseline, make_baseline
from checker.models import Article, Fact, Report, Summary, Topic
from checker.pipeline import Config, check_paths
from checker.report import FORMATS, write_reports
from checker.report import stream as report_stream
from checker.report.base import RenderOptions
from checker.report.fragments import FACTS, GROUPS, CheckedTopic, json_items
from checker.report.stream import StreamingReports
from checker.runner import check_and_write
from checker.topics import TopicMode
from tests.conftest import ROOT, SEEDS, write_corpus

ALL_FORMATS = list(FORMATS)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _many_topics(tmp_path: Path) -> list[str]:
    """Seven topics: the seeds in three folders (each copy's articles made distinct), the two
    test corpora, a folder whose article states no figure, and two loose files."""
    folders = []
    for copy in range(3):
        texts = {p.name: p.read_text(encoding="utf-8") + f"\nCopy {copy}: 12 officials said.\n"
                 for p in sorted(SEEDS.glob("*.txt"))}  # fmt: skip
        folders.append(str(write_corpus(tmp_path / f"seeds {copy}", texts)))
    folders += [str(ROOT / "tests" / "corpus" / name) for name in ("vaccine", "energy")]
    quiet = write_corpus(tmp_path / "quiet", {"a.txt": "Nothing was said about numbers."})
    loose = write_corpus(tmp_path / "loose", {"l.txt": "Acme sold 5 pumps, Acme said."})
    return [*folders, str(quiet), str(loose / "l.txt")]


def _in_memory(
    paths: list[str], config: Config, out: Path, options: RenderOptions, baseline=None
) -> list[Path]:
    report, articles = check_paths(paths, config)
    if baseline is not None:
        report, _ = apply_baseline(report, baseline)
    return write_reports(report, articles, out, ALL_FORMATS, options)


def test_a_streamed_run_writes_the_bytes_of_the_run_in_memory(
    tmp_path: Path, config: Config
) -> None:
    paths = _many_topics(tmp_path / "in")
    options = RenderOptions(rules=tuple(config.rules), fail_on="warning")
    expected = _in_memory(paths, config, tmp_path / "memory", options)
    outcome = check_and_write(paths, None, config, TopicMode.folder, None, None,
                              tmp_path / "streamed", ALL_FORMATS, options)  # fmt: skip
    assert [p.name for p in outcome.written] == [p.name for p in expected]
    assert _files(tmp_path / "streamed") == _files(tmp_path / "memory")
    report, _ = check_paths(paths, config)
    assert outcome.report.findings == report.findings
    assert outcome.fact_count == len(report.facts) > 0
    cited = {fid for finding in report.findings for fid in finding.facts}
    assert {f.id for f in outcome.report.facts} == cited  # SARIF's fingerprints read them
    json_only = check_and_write(paths, None, config, TopicMode.folder, None, None,
                                tmp_path / "json", ["json"], options)  # fmt: skip
    assert json_only.report.facts == [] and json_only.report.findings == report.findings
    written = (tmp_path / "json" / "report.json").read_bytes()
    assert written == (tmp_path / "memory" / "report.json").read_bytes()


def test_a_baseline_drops_the_same_findings_when_streamed(tmp_path: Path, config: Config) -> None:
    paths = _many_topics(tmp_path / "in")
    half, _ = check_paths(paths[:2], config)  # a baseline of some topics' findings
    baseline = make_baseline(half)
    options = RenderOptions(rules=tuple(config.rules))
    _in_memory(paths, config, tmp_path / "memory", options, baseline)
    outcome = check_and_write(paths, None, config, TopicMode.folder, None, baseline,
                              tmp_path / "streamed", ALL_FORMATS, options)  # fmt: skip
    assert outcome.known == len(half.findings) > 0
    assert _files(tmp_path / "streamed") == _files(tmp_path / "memory")


class _Watching:
    """A sink that checks, as each topic arrives, that no fact of an earlier topic is still
    alive unless a finding cites it."""

    def __init__(self) -> None:
        self.earlier: list[weakref.ref[Fact]] = []
        self.cited: set[str] = set()
        self.held: list[str] = []  # ids of uncited facts still alive when a later topic came
        self.topics = 0

    def begin(self, report: Report, articles: list[Article]) -> None:
        pass

    def topic(self, topic: Topic, checked: CheckedTopic) -> None:
        gc.collect()
        alive = [fact for ref in self.earlier if (fact := ref()) is not None]
        self.held += [fact.id for fact in alive if fact.id not in self.cited]
        self.cited |= {fid for finding in checked.findings for fid in finding.facts}
        self.earlier += [weakref.ref(fact) for fact in checked.facts]
        self.topics += 1

    def end(self, report: Report, fact_count: int) -> None:
        pass


def test_a_streamed_run_holds_one_topics_facts_at_a_time(tmp_path: Path, config: Config) -> None:
    watching = _Watching()
    streamed = stream.stream_paths(_many_topics(tmp_path / "in"), config, watching)
    assert watching.topics == 7 and streamed.fact_count > 100
    assert watching.held == []
    assert len(watching.earlier) == streamed.fact_count


@pytest.mark.parametrize("form", ["records", "text"])
@pytest.mark.parametrize("articles_a_slice", [1000, 2])
def test_streaming_reports_write_what_write_reports_writes(
    seeds_run: tuple[Report, list[Article]],
    tmp_path: Path,
    articles_a_slice: int,
    form: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Item by item, with an empty topic, a value under 1e-4 (which pydantic writes as
    0.00001, json.dumps as 1e-05) and text outside ASCII; the articles in one slice or
    several; each topic's facts and groups given as records, or as report text (as the
    cache gives them back), which every format but JSON decodes."""
    monkeypatch.setattr(report_stream, "_SLICE", articles_a_slice)
    report, articles = seeds_run
    tiny = report.facts[0].value.model_copy(update={"low": 0.00001, "high": 0.00002})  # type: ignore[union-attr]
    facts = [report.facts[0].model_copy(update={"value": tiny, "quote": "ünïcode “x”"}),
             *report.facts[1:]]  # fmt: skip
    topics = [*report.topics, Topic(id="zz-empty", title="Empty", articles=[])]
    report = report.model_copy(update={"facts": facts, "topics": topics})
    expected = write_reports(report, articles, tmp_path / "memory", ALL_FORMATS)
    head = report.model_copy(
        update={"facts": [], "groups": [], "findings": [], "summary": Summary()}
    )
    with StreamingReports(tmp_path / "streamed", ALL_FORMATS, RenderOptions()) as writer:
        writer.begin(head, articles)
        for topic in sorted(topics, key=lambda t: t.id):
            facts = [f for f in report.facts if f.topic == topic.id]
            groups = [g for g in report.groups if g.topic == topic.id]
            found = [f for f in report.findings if f.topic == topic.id]
            if form == "records":
                checked = CheckedTopic(found, len(facts), facts=facts, groups=groups)
            else:  # as the cache gives a topic back: the text report.json holds for it
                checked = CheckedTopic(found, len(facts), facts_json=json_items(FACTS, facts),
                                       groups_json=json_items(GROUPS, groups))  # fmt: skip
            writer.topic(topic, checked)
        writer.end(report.model_copy(update={"groups": []}), len(report.facts))
    assert [p.name for p in writer.written] == [p.name for p in expected]
    assert _files(tmp_path / "streamed") == _files(tmp_path / "memory")


def test_a_run_that_fails_midway_leaves_the_previous_report_and_no_temporaries(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _many_topics(tmp_path / "in")
    out = tmp_path / "out"
    options = RenderOptions(rules=tuple(config.rules))
    check_and_write(paths, None, config, TopicMode.folder, None, None, out, ALL_FORMATS, options)
    before = _files(out)
    real = stream.run_topic_rules
    checked: list[str] = []

    def fail_on_the_third_topic(rules, facts, context):  # type: ignore[no-untyped-def]
        checked.append("topic")
        if len(checked) == 3:
            raise RuntimeError("killed")
        return real(rules, facts, context)

    monkeypatch.setattr(stream, "run_topic_rules", fail_on_the_third_topic)
    with pytest.raises(RuntimeError, match="killed"):
        check_and_write(paths[1:], None, config, TopicMode.folder, None, None, out,
                        ALL_FORMATS, options)  # fmt: skip
    assert _files(out) == before  # no temporary left either: _files lists dot files too
