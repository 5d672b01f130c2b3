"""A run with folder topics, one topic at a time, so memory holds one topic's facts at most.

check_paths holds every fact of the run until the report is written (11 GB at 100,000
articles). With folder topics every topic is known before anything is extracted, and nothing
a rule reads crosses topics (checker/rules/__init__.py), so each topic can go through the
whole pipeline on its own: its articles are extracted (through ``config.extractor``, fed
every topic's articles in order, so one worker pool serves the whole run), its facts are
checked, its part of every report is written (checker/report/stream.py), and its facts are
dropped. What is kept: the articles and their texts, the findings, and the facts and groups
that findings cite.

With a cache, every topic is looked up first (checker.cache.topic_key): a topic checked by an
earlier run is taken as stored (its findings, and its facts and groups as report text) without
its articles' facts being read or its rules run, and only the other topics' articles go to the
fact cache and the extractor.

Topics go in the order of their ids, which is the order of the report's facts and groups;
findings are sorted run-wide at the end. The report is the same bytes as check_paths'.
`--topics auto` clusters on every article's facts, and `--against` keeps only the findings
that involve new articles, so both still use check_paths (docs/scaling.md).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from checker import __version__
from checker.baseline import Baseline, BaselineFilter
from checker.cache import rules_version, topic_key
from checker.ingest import load_articles
from checker.models import Article, Fact, FactGroup, Finding, Report, Summary, ToolInfo, Topic
from checker.pipeline import (
    Config,
    assign_topics,
    complete_partial_dates,
    dateline_outlet,
    extract_facts,
    topicless_facts,
    unique_ids,
)
from checker.report.fragments import CheckedTopic
from checker.rules import finding_order, run_topic_rules
from checker.rules.context import RuleContext
from checker.topicsfile import apply_topics_file, topics_files


class TopicSink(Protocol):
    """Where a streamed run's results go (checker.report.stream.StreamingReports)."""

    def begin(self, report: Report, articles: list[Article]) -> None:
        """``report`` holds the articles' metadata and the topics, nothing else yet."""

    def topic(self, topic: Topic, checked: CheckedTopic) -> None:
        """One topic, checked: facts and groups in report order, findings most severe first."""

    def end(self, report: Report, fact_count: int) -> None:
        """``report`` holds the findings, the summary and the facts the findings cite."""


class _NoReports:
    """A sink that writes nothing: a run for its findings alone (`checker baseline`)."""

    def begin(self, report: Report, articles: list[Article]) -> None:
        pass

    def topic(self, topic: Topic, checked: CheckedTopic) -> None:
        pass

    def end(self, report: Report, fact_count: int) -> None:
        pass


NO_REPORTS = _NoReports()


@dataclass(frozen=True)
class Streamed:
    """What a streamed run keeps: the report with its findings and the facts they cite (no
    fact with ``keep_cited`` off; no group), how many facts were checked, and how many
    findings the baseline dropped."""

    report: Report
    fact_count: int
    known: int


def stream_paths(
    paths: list[str],
    config: Config,
    sink: TopicSink,
    topics_file: Path | None = None,
    baseline: Baseline | None = None,
    keep_cited: bool = True,
) -> Streamed:
    """check_paths with folder topics, one topic at a time into ``sink``; findings the
    ``baseline`` records are dropped as write_reports after apply_baseline would. Without
    ``keep_cited`` the report returned holds no fact at all (the facts findings cite are
    some 4 KB each, 0.25 GB at 100,000 articles; only fingerprints read them)."""
    articles = unique_ids(load_articles(paths, config.ingest, config.cache))
    topics = assign_topics(paths, articles)
    for naming in topics_files(paths, topics_file):
        topics = apply_topics_file(naming, topics, articles)
    dated = complete_partial_dates(articles, topics)
    context = RuleContext(config.lexicons, {a.id: a for a in dated})
    head = Report(tool=ToolInfo(version=__version__),
                  articles=sorted((a.info for a in dated), key=lambda i: i.id),
                  topics=topics, facts=[], groups=[], findings=[], summary=Summary())  # fmt: skip
    members = _members(dated, topics)
    topic_by_id = {t.id: t for t in topics}
    memo = _TopicMemo(config, members)
    progress = _Progress(config, len(dated))
    unknown = BaselineFilter(baseline) if baseline is not None else None
    findings: list[Finding] = []
    cited: list[Fact] = []
    fact_count = 0
    # What lives now lives for the whole run (articles, lexicons, rules): frozen, the
    # collector no longer walks it each time a topic's facts are made and dropped.
    gc.freeze()
    try:
        sink.begin(head, articles)
        # Only the topics the cache lacks need their articles' facts.
        unchecked = {tid: arts for tid, arts in members.items() if tid not in memo.stored}
        facts_of = _facts_in_order(unchecked, config, progress)
        try:
            for topic_id in sorted(members):
                checked = memo.stored_results(topic_id)
                if checked is None:
                    source = facts_of if topic_id in unchecked else None
                    facts = _topic_facts(topic_id, members[topic_id], source, config, progress)
                    checked = memo.check(topic_id, facts, context)
                else:
                    progress.advance(len(members[topic_id]))
                if unknown is not None:
                    checked = _without_known(checked, unknown)
                sink.topic(topic_by_id[topic_id], checked)
                findings += checked.findings
                if keep_cited and checked.findings:  # decodes stored facts: SARIF, baselines
                    wanted = {fid for finding in checked.findings for fid in finding.facts}
                    cited += (f for f in checked.facts if f.id in wanted)
                fact_count += checked.fact_count
        finally:
            facts_of.close()
        findings.sort(key=finding_order)
        counts = Counter(f.severity.value for f in findings)
        summary = Summary(**{k: counts.get(k, 0) for k in ("error", "warning", "info")})
        report = head.model_copy(update={"facts": cited, "findings": findings, "summary": summary})
        sink.end(report, fact_count)
    finally:
        gc.unfreeze()
    return Streamed(report, fact_count, unknown.known if unknown is not None else 0)


class _TopicMemo:
    """Topics checked by an earlier run, read from the cache by their key
    (checker.cache.topic_key); the others are checked here and stored."""

    def __init__(self, config: Config, members: dict[str, list[Article]]) -> None:
        self.rules = config.rules
        self.cache = config.cache
        self.keys: dict[str, str] = {}
        self.stored: set[str] = set()  # topics whose results the cache holds
        if config.cache is not None:
            version = rules_version(config.cache.version, self.rules)
            self.keys = {tid: topic_key(version, tid, arts) for tid, arts in members.items()}
            self.stored = {tid for tid, key in self.keys.items() if config.cache.has_topic(key)}

    def stored_results(self, topic: str) -> CheckedTopic | None:
        """The topic as stored, or None (not stored, or the entry no longer reads)."""
        if self.cache is None or topic not in self.stored:
            return None
        return self.cache.topic_results(self.keys[topic])

    def check(self, topic: str, facts: list[Fact], context: RuleContext) -> CheckedTopic:
        found, groups = run_topic_rules(self.rules, facts, context)
        checked = CheckedTopic(found, len(facts), facts=facts, groups=groups)
        if self.cache is not None:
            self.cache.put_topic_results(self.keys[topic], checked)
        return checked


class _Progress:
    """Articles whose facts are ready, out of all, told to config.progress as they are."""

    def __init__(self, config: Config, total: int) -> None:
        self.report = config.progress
        self.total = total
        self.done = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self.report is not None and count:
            self.report(self.done, self.total)


def _topic_facts(
    topic: str,
    articles: list[Article],
    facts_of: Iterator[list[Fact]] | None,
    config: Config,
    progress: _Progress,
) -> list[Fact]:
    """The facts of a topic's articles, given the topic, in report order: from ``facts_of``,
    or (for a topic whose stored entry no longer reads) from the cache or extracted here."""
    facts: list[Fact] = []
    for article in articles:
        if facts_of is not None:
            found = next(facts_of)
        else:
            found = topicless_facts(article, config)
            progress.advance()
        facts += (f.model_copy(update={"topic": topic}) for f in found)
    facts.sort(key=lambda f: (f.article, f.start, f.end, f.id))
    return facts


def _without_known(checked: CheckedTopic, unknown: BaselineFilter) -> CheckedTopic:
    """The topic without the findings the baseline records, as apply_baseline would."""
    new = unknown.new_findings(checked.findings, {f.id: f for f in checked.facts})
    found = [f for f in checked.findings if f.id in new]
    groups = [_keeping(g, new) for g in checked.groups]
    return CheckedTopic(found, checked.fact_count, facts=checked.facts, groups=groups)


def _members(dated: list[Article], topics: list[Topic]) -> dict[str, list[Article]]:
    """Topic id -> its articles in the order read (an article listed twice by a topics.yaml
    counts in the last topic, as in check_articles). Every topic is there, even empty."""
    topic_of = {aid: t.id for t in topics for aid in t.articles}
    members: dict[str, list[Article]] = {t.id: [] for t in topics}
    for article in dated:
        members[topic_of[article.id]].append(article)
    return members


def _keeping(group: FactGroup, kept: set[str]) -> FactGroup:
    return group.model_copy(update={"findings": [fid for fid in group.findings if fid in kept]})


def _facts_in_order(
    members: dict[str, list[Article]], config: Config, progress: _Progress
) -> Iterator[list[Fact]]:
    """The facts (with no topic) of every article, topic by topic in id order, then article
    by article: from the cache, or from ``config.extractor``, which gets every article the
    cache lacks in that order at once (one pool for the run) and is read as topics need it."""
    ordered = [article for topic_id in sorted(members) for article in members[topic_id]]
    cache = config.cache
    keys = [cache.key(a, dateline_outlet(a)) if cache is not None else "" for a in ordered]
    cached = [cache is not None and cache.has(key) for key in keys]
    missing = [article for article, hit in zip(ordered, cached, strict=True) if not hit]
    extracted = config.extractor(missing, config.lexicons)
    try:
        for article, key, hit in zip(ordered, keys, cached, strict=True):
            facts = cache.get(key) if hit and cache is not None else None
            if facts is None:
                # A cache entry that went away (or will not decode) since has() is extracted here.
                facts = next(extracted) if not hit else extract_facts(article, "", config.lexicons)
                if cache is not None:
                    cache.put(key, facts)
            progress.advance()
            yield facts
        if cache is not None:
            cache.flush()
    finally:
        close = getattr(extracted, "close", None)
        if close is not None:  # a generator: ends its worker pool
            close()
