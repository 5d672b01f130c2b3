"""Pydantic records that flow one way between stages: Article -> Fact -> Finding -> Report.

Offsets everywhere are end-exclusive indices in code points into the article's decoded text,
so ``article.text[start:end] == quote`` holds for every fact, evidence item and span.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, model_validator

SCHEMA_VERSION = "2"

# ISO 8601 calendar date, reduced precision (YYYY-MM, YYYY), or month-day with the year unknown.
PARTIAL_DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$"


def _compact_number(value: float | None) -> float | int | None:
    """Write integral floats as JSON integers so reports read 2000000, not 2000000.0."""
    if value is None:
        return None
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return float(repr(value))


Number = Annotated[
    float,
    PlainSerializer(_compact_number, return_type=float | int | None, when_used="json"),
]


class Record(BaseModel):
    """Base of every record: immutable, and unknown fields are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


SEVERITY_RANK = {Severity.info: 1, Severity.warning: 2, Severity.error: 3}


class FindingKind(StrEnum):
    contradiction = "contradiction"
    unit_mismatch = "unit_mismatch"
    unsupported = "unsupported"
    superseded = "superseded"
    arithmetic = "arithmetic"


class Span(Record):
    """A half-open character range [start, end) of an article's text."""

    start: int = Field(ge=0, description="Index of the first character of the span.")
    end: int = Field(ge=0, description="Index of the first character after the span.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        return self


# ---------------------------------------------------------------------------------------------
# Articles


class ArticleInfo(Record):
    """What the report says about one article (the text itself stays out of report.json)."""

    id: str = Field(description="Stable id: the article's path relative to its input root.")
    path: str = Field(description="Path of the file the article was read from, as given.")
    title: str | None = None
    outlet: str | None = Field(default=None, description="News organisation that published it.")
    published: str | None = Field(
        default=None,
        pattern=PARTIAL_DATE_PATTERN,
        description="Publication date: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the text "
        "gives no year (e.g. a wire dateline 'Dec 10').",
    )
    url: str | None = None
    author: str | None = None
    format: Literal["txt", "md", "html", "json", "jsonl"]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the decoded text.")
    chars: int = Field(ge=0, description="Length of the decoded text in code points.")
    metadata_sources: dict[str, str] = Field(
        default_factory=dict,
        description="Where each inferred metadata field came from (front_matter, html_meta, "
        "json, dateline, byline, title_line, copyright_line).",
    )


class Article(Record):
    """An article in memory: its report entry, its decoded text and the spans that are noise."""

    info: ArticleInfo
    text: str
    noise: tuple[Span, ...] = ()

    @property
    def id(self) -> str:
        return self.info.id


# ---------------------------------------------------------------------------------------------
# Facts


class Qualifier(StrEnum):
    exact = "exact"
    range = "range"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    up_to = "up_to"
    about = "about"
    almost = "almost"
    vague = "vague"


class Interval(Record):
    """A value as the text states it: an interval with its qualifier, never a bare float.

    ``low``/``high`` of null mean unbounded on that side and are what rules compare.
    ``stated`` holds the numbers exactly as the text names them: "more than 200,000" is
    stated [200000] with low 200000 exclusive and no upper bound; "roughly 40,000 to 80,000"
    is stated [40000, 80000] with the documented tolerance widening low/high.
    """

    low: Number | None
    high: Number | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    stated: list[Number] = Field(
        default_factory=list,
        max_length=2,
        description="The number or range as written, before qualifiers and tolerances.",
    )
    qualifier: Qualifier = Qualifier.exact

    @model_validator(mode="after")
    def _well_formed(self) -> Interval:
        for bound in (self.low, self.high, *self.stated):
            if bound is not None and not math.isfinite(bound):
                raise ValueError("interval bounds must be finite")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} exceeds high {self.high}")
        return self


class Dimension(StrEnum):
    count = "count"
    currency = "currency"
    percent = "percent"
    percentage_point = "percentage_point"
    multiplier = "multiplier"
    fraction = "fraction"
    number = "number"
    power = "power"
    energy = "energy"
    length = "length"
    area = "area"
    volume = "volume"
    mass = "mass"
    temperature = "temperature"
    duration = "duration"
    speed = "speed"
    voltage = "voltage"
    physical = "physical"
    status = "status"


class Status(StrEnum):
    """Where a decision stands ("China has approved ...", "Beijing asked firms to halt ...").

    Ordered as a decision usually moves: pending, then conditional, then approved; halted and
    denied can follow any stage."""

    pending = "pending"
    conditional = "conditional"
    approved = "approved"
    halted = "halted"
    denied = "denied"


class AttributionKind(StrEnum):
    outlet = "outlet"
    person = "person"
    organization = "organization"
    anonymous = "anonymous"
    none = "none"


class Attribution(Record):
    """Who the article says a fact comes from."""

    kind: AttributionKind
    source: str | None = Field(default=None, description="Name of the source, when named.")
    cue: str | None = Field(default=None, description="The words that attribute the fact.")


class Modality(StrEnum):
    asserted = "asserted"
    reported = "reported"
    expected = "expected"
    hypothetical = "hypothetical"
    negated = "negated"


class TimeRef(Record):
    """The time a fact is about, as an ISO 8601 value (possibly partial) with its text."""

    value: str | None = Field(description="ISO 8601 date, month, quarter (2026-Q1) or year.")
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Fact(Record):
    """One quantity or decision status an article asserts, with everything needed to compare
    it across sources. A quantity has a ``value``; a status fact (dimension ``status``) has a
    ``status`` instead, and its ``predicate`` names the decision (approval)."""

    id: str = Field(description="Stable id derived from article id, offsets and quote.")
    article: str
    topic: str
    subject: str | None = None
    predicate: str | None = None
    value: Interval | None = Field(
        default=None, description="The stated quantity; null only for status facts."
    )
    status: Status | None = Field(
        default=None, description="Where a decision stands; set only for status facts."
    )
    unit: str | None = Field(
        default=None,
        description="Canonical unit: singular counted noun (chip), ISO 4217 code (USD), "
        "'%' (percent), 'pp' (percentage points) or 'x' (multiplier).",
    )
    dimension: Dimension
    item: str | None = Field(default=None, description="Product or model counted, e.g. H200.")
    per: str | None = Field(default=None, description="Rate period or denominator, e.g. year.")
    attribution: Attribution
    modality: Modality = Modality.asserted
    event_time: TimeRef | None = None
    quote: str = Field(description="Exact text of the quantity mention.")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: Span = Field(description="The sentence that holds the mention.")

    @model_validator(mode="after")
    def _value_or_status(self) -> Fact:
        if (self.dimension is Dimension.status) != (self.status is not None):
            raise ValueError("a status fact has a status, and only a status fact has one")
        if (self.value is None) != (self.dimension is Dimension.status):
            raise ValueError("a quantity fact has a value, and a status fact has none")
        return self


# ---------------------------------------------------------------------------------------------
# Findings and the report


class Evidence(Record):
    """A quoted passage that an editor can check in seconds."""

    article: str
    path: str
    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    fact: str | None = Field(default=None, description="Id of the fact this passage states.")


class ComparedValue(Record):
    """One side of a comparison: the stated value and the value after normalization."""

    fact: str
    article: str
    value: Interval | None = Field(description="The stated value; null for a status.")
    status: Status | None = None
    unit: str | None
    normalized: Interval | None
    normalized_unit: str | None
    conversion: str | None = Field(
        default=None, description="How the value was normalized, with the factor's provenance."
    )


class Finding(Record):
    id: str
    rule: str
    kind: FindingKind
    severity: Severity
    topic: str
    message: str
    reason: str = Field(description="Why the rule fired, in terms of the compared values.")
    facts: list[str]
    compared: list[ComparedValue] = Field(default_factory=list)
    evidence: list[Evidence]


class GroupRow(Record):
    """One source's statement in a fact group: what the claims table shows in one cell."""

    fact: str
    article: str
    published: str | None = Field(description="Publication date of the article, if known.")
    as_of: str | None = Field(
        description="The date the statement is about: its own date mention, else the "
        "article's publication date."
    )
    value: Interval | None
    status: Status | None
    unit: str | None
    attribution: Attribution
    modality: Modality
    agrees: bool = Field(
        description="False when the value falls outside the group's best-supported cluster "
        "(the claims table marks the cell)."
    )


class FactGroup(Record):
    """Facts from the articles of one topic about the same thing, with each source's value.

    The key is (topic, predicate, what): the product counted or priced when the text names
    one, else the counted unit (see checker/rules/grouping.py)."""

    id: str
    topic: str
    predicate: str
    what: str = Field(description="Product (item) or counted unit the group is about.")
    subject: str | None = Field(description="The subject most of its facts name.")
    sources: int = Field(description="How many articles state a fact of the group.")
    corroboration: int = Field(
        description="How many articles agree on the best-supported value or status (1: no "
        "other source confirms it)."
    )
    rows: list[GroupRow]
    findings: list[str] = Field(description="Ids of the findings about this group's facts.")


class Topic(Record):
    """Articles about one story; findings only ever compare facts within one topic."""

    id: str = Field(description="Stable id: the folder's name, or a slug of the topic's terms.")
    title: str = Field(
        description="The folder's name, the title topics.yaml gives, or (with --topics auto) "
        "the title of the article most similar to the others."
    )
    articles: list[str]
    terms: list[str] = Field(
        default_factory=list,
        description="With --topics auto: the names and words that most set the topic apart.",
    )


class Summary(Record):
    error: int = 0
    warning: int = 0
    info: int = 0


class ToolInfo(Record):
    name: Literal["checker"] = "checker"
    version: str


class Report(Record):
    """The JSON report: a public, versioned contract (see checker/schemas/report.schema.json)."""

    schema_version: Literal["2"] = SCHEMA_VERSION
    tool: ToolInfo
    articles: list[ArticleInfo]
    topics: list[Topic]
    facts: list[Fact]
    groups: list[FactGroup] = Field(
        default_factory=list, description="Every fact group with each source's statement."
    )
    findings: list[Finding]
    summary: Summary
