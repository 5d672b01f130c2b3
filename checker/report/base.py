"""The one interface every output format implements: a Reporter renders a RenderContext to
the text of one file."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from checker.models import SEVERITY_RANK, Article, Evidence, Fact, Finding, Report, Severity
from checker.report.positions import LineIndex, Position, maps_to_file
from checker.rules.spec import RuleSpec


@dataclass(frozen=True)
class RenderOptions:
    """What formats need beyond the report: the rules in force (for their descriptions and
    default levels) and the --fail-on threshold (JUnit failures)."""

    rules: tuple[RuleSpec, ...] = ()
    fail_on: str = "error"


@dataclass(frozen=True)
class RenderContext:
    """The report, the articles it was made from (their texts give line numbers) and options,
    with the look-ups every reporter needs computed once.

    A streamed run (checker/stream.py) renders from a report that holds only the facts its
    findings cite; ``fact_count`` then says how many facts were checked in all."""

    report: Report
    articles: list[Article]
    options: RenderOptions = field(default_factory=RenderOptions)
    fact_count: int | None = None

    @property
    def facts_checked(self) -> int:
        return len(self.report.facts) if self.fact_count is None else self.fact_count

    @cached_property
    def findings_by_topic(self) -> dict[str, list[Finding]]:
        """Each topic's findings in report order: one pass, not one per topic."""
        return findings_by_topic(self.report.findings)

    @cached_property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def fact_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.report.facts}

    @cached_property
    def rule_by_id(self) -> dict[str, RuleSpec]:
        return {r.id: r for r in self.options.rules}

    @cached_property
    def _line_indexes(self) -> dict[str, LineIndex]:
        return {}

    def positions(self, evidence: Evidence) -> tuple[Position, Position] | None:
        """Start and (exclusive) end of a piece of evidence in its file, or None when the
        article's text is not the file's (html, json)."""
        article = self.article_by_id.get(evidence.article)
        if article is None or not maps_to_file(article):
            return None
        index = self._line_indexes.get(article.id)
        if index is None:
            index = self._line_indexes[article.id] = LineIndex(article.text)
        return index.position(evidence.start), index.position(evidence.end)

    def fails(self, finding: Finding) -> bool:
        """Whether the finding is at or above --fail-on."""
        if self.options.fail_on == "never":
            return False
        return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[Severity(self.options.fail_on)]


class Reporter(ABC):
    """One output format: its --format name, the file it writes in the output folder, and how
    it renders. Rendering is pure and deterministic (same report, same bytes)."""

    format: ClassVar[str]
    filename: ClassVar[str]

    @abstractmethod
    def render(self, context: RenderContext) -> str:
        """The whole file's text."""


def findings_by_topic(findings: list[Finding]) -> dict[str, list[Finding]]:
    by_topic: dict[str, list[Finding]] = {}
    for finding in findings:
        by_topic.setdefault(finding.topic, []).append(finding)
    return by_topic
