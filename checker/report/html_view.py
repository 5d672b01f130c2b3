"""What one topic page shows, computed from the report: the templates only lay it out.

Every view is plain data (text, numbers, ids); nothing here builds markup.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from checker.models import (
    SEVERITY_RANK,
    Article,
    ArticleInfo,
    Attribution,
    AttributionKind,
    Evidence,
    Fact,
    FactGroup,
    Finding,
    FindingKind,
    GroupRow,
    Interval,
    Report,
    Severity,
    Status,
    Topic,
)
from checker.report.html_text import Node, Span, context_range, mark_spans, marked_paragraphs
from checker.report.html_timeline import Timeline, build_timeline
from checker.rules.intervals import describe
from checker.rules.spec import RuleSpec


@dataclass(frozen=True)
class Source:
    """An article as the page names it, with how its claims fared."""

    info: ArticleInfo
    anchor: str
    name: str  # outlet, else title, else file name
    date: str
    link: str | None  # the article's URL, only when it is http(s)
    claims: int
    corroborated: int
    differing: int
    unsupported: int


@dataclass(frozen=True)
class ComparedRow:
    fact: str
    source: Source
    stated: str
    normalized: str
    conversion: str


@dataclass(frozen=True)
class EvidenceView:
    source: Source
    nodes: tuple[Node, ...]  # the paragraph with the quote and the fact marked
    target: str  # anchor of the fact (or article) in the article section


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    rule: RuleSpec | None
    compared: list[ComparedRow]
    evidence: list[EvidenceView]
    group: str | None  # the fact group it is about, in the claims table
    timeline: bool  # whether that group has a timeline

    @property
    def normalized_differs(self) -> bool:
        """Whether the table needs a normalized column (some value was converted)."""
        return any(row.stated != row.normalized for row in self.compared)

    @property
    def converted(self) -> bool:
        return any(row.conversion for row in self.compared)


@dataclass(frozen=True)
class Statement:
    fact: str
    value: str
    unit: str
    attribution: str
    modality: str
    as_of: str
    agrees: bool


@dataclass(frozen=True)
class Cell:
    """One source's statements in one fact group: a row of the claims table."""

    source: Source
    statements: list[Statement]

    @property
    def differs(self) -> bool:
        return not all(statement.agrees for statement in self.statements)


@dataclass(frozen=True)
class GroupView:
    group: FactGroup
    label: str
    cells: list[Cell]
    findings: list[Finding]


@dataclass(frozen=True)
class ArticleView:
    source: Source
    paragraphs: list[tuple[Node, ...]]
    facts: int


@dataclass(frozen=True)
class TopicPage:
    topic: Topic
    file: str
    counts: dict[str, int]
    findings: list[FindingView]
    filters: dict[str, list[tuple[str, int]]]  # severity/kind/rule -> (value, findings)
    rules: list[RuleSpec]
    groups: list[GroupView]
    timelines: list[Timeline]
    sources: list[Source]
    articles: list[ArticleView]
    fact_labels: dict[str, str]  # fact id -> "value · predicate", the mark's tooltip
    fact_findings: dict[str, list[tuple[str, str]]]  # fact id -> (finding id, rule) naming it


@dataclass
class TopicRecords:
    """The report's records that belong to one topic."""

    facts: list[Fact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    groups: list[FactGroup] = field(default_factory=list)


def records_by_topic(report: Report) -> dict[str, TopicRecords]:
    """One pass over the report, so pages cost time in proportion to the report's size."""
    split = {topic.id: TopicRecords() for topic in report.topics}
    for fact in report.facts:
        if fact.topic in split:
            split[fact.topic].facts.append(fact)
    for finding in report.findings:
        if finding.topic in split:
            split[finding.topic].findings.append(finding)
    for group in report.groups:
        if group.topic in split:
            split[group.topic].groups.append(group)
    return split


def build_topic_page(
    topic: Topic,
    file: str,
    records: TopicRecords,
    infos: dict[str, ArticleInfo],
    articles: dict[str, Article],
    rules: dict[str, RuleSpec],
) -> TopicPage:
    texts = {a: articles[a].text for a in topic.articles if a in articles}
    facts, groups = records.facts, records.groups
    findings = sorted(
        records.findings,
        key=lambda f: (-SEVERITY_RANK[f.severity], f.kind.value, f.rule, f.message, f.id),
    )
    sources = _sources(topic, infos, facts, groups, findings)
    by_id = {s.info.id: s for s in sources}
    finding_by_id = {f.id: f for f in findings}
    names = {s.info.id: s.name for s in sources}
    group_views = _group_views(groups, by_id, finding_by_id)
    timelines = [
        timeline
        for v in group_views
        if (timeline := build_timeline(v.group, v.label, names, _superseded(v.findings)))
    ]
    drawn = {timeline.group for timeline in timelines}
    group_of = {finding: g.id for g in groups for finding in g.findings}
    fact_by_id = {f.id: f for f in facts}
    facts_of: dict[str, list[Fact]] = {}
    for fact in facts:
        facts_of.setdefault(fact.article, []).append(fact)
    return TopicPage(
        topic=topic,
        file=file,
        counts=_counts(topic, facts, groups, findings),
        findings=[
            _finding_view(f, rules.get(f.rule), by_id, texts, fact_by_id, group_of.get(f.id), drawn)
            for f in findings
        ],
        filters=_filters(findings),
        rules=[rules[r] for r in sorted({f.rule for f in findings}) if r in rules],
        groups=group_views,
        timelines=timelines,
        sources=sources,
        articles=[_article_view(by_id[a], articles.get(a), facts_of.get(a, [])) for a in by_id],
        fact_labels={f.id: _fact_label(f) for f in facts},
        fact_findings=_fact_findings(findings),
    )


def _counts(
    topic: Topic, facts: list[Fact], groups: list[FactGroup], findings: list[Finding]
) -> dict[str, int]:
    severities = Counter(f.severity for f in findings)
    return {
        "error": severities[Severity.error],
        "warning": severities[Severity.warning],
        "info": severities[Severity.info],
        "findings": len(findings),
        "articles": len(topic.articles),
        "facts": len(facts),
        "groups": len(groups),
    }


def _filters(findings: list[Finding]) -> dict[str, list[tuple[str, int]]]:
    """The values each filter offers: only those some finding has, with how many have it."""
    severity = Counter(f.severity.value for f in findings)
    kind = Counter(f.kind.value for f in findings)
    rule = Counter(f.rule for f in findings)
    return {
        "severity": [(s.value, severity[s.value]) for s in Severity if severity[s.value]],
        "kind": sorted(kind.items()),
        "rule": sorted(rule.items()),
    }


SHORT_TITLE = 48


def source_name(info: ArticleInfo) -> str:
    """How tables name an article: its outlet, else its title cut short, else its file."""
    if info.outlet:
        return info.outlet
    if info.title and len(info.title) > SHORT_TITLE:
        return info.title[:SHORT_TITLE].rsplit(" ", 1)[0].rstrip(" ,:;–—-") + "…"
    return info.title or info.id


def safe_link(url: str | None) -> str | None:
    """Only web addresses become links; anything else (javascript:, data:) stays text."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _sources(
    topic: Topic,
    infos: dict[str, ArticleInfo],
    facts: list[Fact],
    groups: list[FactGroup],
    findings: list[Finding],
) -> list[Source]:
    claims = Counter(f.article for f in facts)
    corroborated: Counter[str] = Counter()
    differing: Counter[str] = Counter()
    for group in groups:
        for row in group.rows:
            # A value agrees with others only when another source states it too.
            corroborated[row.article] += row.agrees and group.corroboration >= 2
            differing[row.article] += not row.agrees and group.sources >= 2
    fact_article = {f.id: f.article for f in facts}
    unsupported = Counter(
        fact_article[fact]
        for finding in findings
        if finding.kind is FindingKind.unsupported
        for fact in set(finding.facts)
        if fact in fact_article
    )
    return [
        Source(
            info=infos[article],
            anchor=f"article-{index}",
            name=source_name(infos[article]),
            date=infos[article].published or "date unknown",
            link=safe_link(infos[article].url),
            claims=claims[article],
            corroborated=corroborated[article],
            differing=differing[article],
            unsupported=unsupported[article],
        )
        for index, article in enumerate(topic.articles, start=1)
        if article in infos
    ]


def _finding_view(
    finding: Finding,
    rule: RuleSpec | None,
    sources: dict[str, Source],
    texts: dict[str, str],
    fact_by_id: dict[str, Fact],
    group: str | None,
    drawn: set[str],
) -> FindingView:
    compared = [
        ComparedRow(
            fact=c.fact,
            source=sources[c.article],
            stated=_shown(c.value, c.status, c.unit),
            normalized=_shown(c.normalized, c.status, c.normalized_unit),
            conversion=c.conversion or "",
        )
        for c in finding.compared
        if c.article in sources
    ]
    evidence = [
        _evidence_view(e, sources[e.article], texts.get(e.article, ""), fact_by_id.get(e.fact))
        for e in finding.evidence
        if e.article in sources
    ]
    return FindingView(
        finding=finding,
        rule=rule,
        compared=compared,
        evidence=evidence,
        group=group,
        timeline=group in drawn,
    )


def _evidence_view(
    evidence: Evidence, source: Source, text: str, fact: Fact | None
) -> EvidenceView:
    """The quote marked inside its paragraph, the fact's own words marked inside the quote."""
    if text[evidence.start : evidence.end] != evidence.quote:
        # The text is not the one the report was made from: show the quote alone.
        return EvidenceView(source, (Node(kind="quote", children=(Node(evidence.quote),)),),
                            f"#{source.anchor}")  # fmt: skip
    low, high = context_range(text, evidence.start, evidence.end)
    spans = [Span(evidence.start, evidence.end, "quote")]
    if fact is not None and evidence.start <= fact.start and fact.end <= evidence.end:
        spans.append(Span(fact.start, fact.end, "value", fact.id))
    target = f"#fact-{fact.id}" if fact is not None else f"#{source.anchor}"
    return EvidenceView(source=source, nodes=mark_spans(text, low, high, spans), target=target)


def _group_views(
    groups: list[FactGroup], sources: dict[str, Source], findings: dict[str, Finding]
) -> list[GroupView]:
    """Groups a rule flagged first, then the ones most sources speak to."""
    views = []
    for group in groups:
        cells: dict[str, list[Statement]] = {}
        for row in group.rows:
            cells.setdefault(row.article, []).append(_statement(row))
        views.append(
            GroupView(
                group=group,
                label=group_label(group),
                cells=[Cell(sources[a], s) for a, s in cells.items() if a in sources],
                findings=[findings[f] for f in group.findings if f in findings],
            )
        )
    return sorted(views, key=lambda v: (not v.findings, -v.group.sources, v.label, v.group.id))


def group_label(group: FactGroup) -> str:
    """'China · approval · H200': who, what is measured, and of what."""
    what = group.what.split(":", 1)[1] if ":" in group.what else group.what
    parts = [group.subject, group.predicate.replace("_", " "), what]
    return " · ".join(dict.fromkeys(p for p in parts if p))


def _statement(row: GroupRow) -> Statement:
    return Statement(
        fact=row.fact,
        value=_shown(row.value, row.status, None),
        unit=row.unit or "—",
        attribution=attribution_text(row.attribution),
        modality=row.modality.value,
        as_of=row.as_of or "undated",
        agrees=row.agrees,
    )


def attribution_text(attribution: Attribution) -> str:
    if attribution.kind is AttributionKind.none:
        return "no source named"
    words = attribution.source or attribution.kind.value
    return f"{words} (“{attribution.cue}”)" if attribution.cue else words


def _shown(value: Interval | None, status: Status | None, unit: str | None) -> str:
    if status is not None:
        return status.value
    return describe(value, unit) if value is not None else "—"


def _superseded(findings: list[Finding]) -> bool:
    return any(f.kind is FindingKind.superseded for f in findings)


def _article_view(source: Source, article: Article | None, facts: list[Fact]) -> ArticleView:
    """The full text, every fact marked; front matter and scraped furniture (the noise spans
    ingest found) are kept, as offsets count them, but shown muted."""
    text = article.text if article is not None else ""
    own = [f for f in facts if text[f.start : f.end] == f.quote]
    spans = [Span(f.start, f.end, "fact", f.id) for f in own]
    if article is not None:
        spans += [Span(n.start, n.end, "noise") for n in article.noise]
    return ArticleView(source=source, paragraphs=marked_paragraphs(text, spans), facts=len(own))


def _fact_label(fact: Fact) -> str:
    shown = _shown(fact.value, fact.status, fact.unit)
    about = " ".join(p for p in (fact.subject, fact.predicate, fact.item) if p)
    return f"{shown} · {about}" if about else shown


def _fact_findings(findings: list[Finding]) -> dict[str, list[tuple[str, str]]]:
    named: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        for fact in dict.fromkeys(finding.facts):
            named.setdefault(fact, []).append((finding.id, finding.rule))
    return named
