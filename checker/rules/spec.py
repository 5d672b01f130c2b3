"""The rule file format: one YAML file per rule, validated against rules.schema.json.

The JSON Schema published as ``checker/schemas/rules.schema.json`` is generated from these
models (``python -m checker.schemas``), so the documentation and the validator cannot drift.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from checker.models import Dimension, Severity

RULE_ID_PATTERN = r"^[A-Z]{2}\d{3}$"
RuleKind = Literal["unit_mismatch", "contradiction", "unsupported", "superseded", "arithmetic"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Match(_Strict):
    """Which facts a rule looks at."""

    dimensions: list[Dimension] | None = Field(
        default=None, title="Only facts of these dimensions (all when absent)"
    )
    predicates: list[str] | None = Field(
        default=None, title="Only facts with these predicates (all when absent)"
    )
    exclude_predicates: list[str] = Field(
        default_factory=list, title="Never facts with these predicates"
    )
    cross_article_only: bool = Field(
        default=False, title="Compare only facts from different articles"
    )


class UnitMismatchParams(_Strict):
    converted_severity: Severity = Field(
        default=Severity.info,
        title="Severity when the units differ but a known factor converts one into the other",
    )
    report_converted: bool = Field(
        default=True, title="Report differing units that a known factor reconciles"
    )
    incommensurable_severity: Severity = Field(
        default=Severity.info,
        title="Severity when no factor is known and the numbers differ too (two different "
        "amounts, or one amount in two units: an editor must look)",
    )


class ContradictionParams(_Strict):
    relative_tolerance: float = Field(
        default=0.02, ge=0, le=1, title="Widen every interval by this fraction of its ends"
    )
    absolute_tolerance: float = Field(
        default=0.0, ge=0, title="Widen every interval by this amount (in its unit)"
    )
    undated_window: Literal["day", "week", "month", "none"] = Field(
        default="week",
        title="Facts with no event time of their own are compared only when their articles "
        "were published on the same day, within seven days (week; for contradiction kinds, "
        "counted from the group's first publication, else the calendar week) or in the same "
        "month ('none': always)",
    )
    undated_window_by_predicate: dict[str, Literal["day", "week", "month", "none"]] = Field(
        default_factory=dict, title="The window for particular predicates, e.g. price_change: day"
    )
    subject_in_key_for: list[str] = Field(
        default_factory=list,
        title="Predicates whose figures are compared only between facts of the same subject "
        "(a market report gives many subjects' moves on one day)",
    )
    distant_ratio: float = Field(
        default=0,
        ge=0,
        title="When the largest value compared is at least this many times the smallest, the "
        "figures are more often two different things (a meeting's 300 employees, a "
        "workforce of 27,500) than one misreported: the finding takes `distant_severity` "
        "(0: never)",
    )
    distant_severity: Severity = Field(
        default=Severity.warning, title="Severity of a finding whose values are that far apart"
    )
    vague_severity: Severity | None = Field(
        default=None,
        title="Severity of a finding one of whose values is vague ('hundreds of jobs', "
        "'dozens'): a loose word is no firm figure to contradict (null: the rule's own)",
    )


class SupersededParams(ContradictionParams):
    """The same tolerance and time windows as contradiction: facts that contradiction would
    compare are one moment; facts in different windows are a timeline."""


class UnsupportedParams(_Strict):
    relative_tolerance: float = Field(
        default=0.02, ge=0, le=1, title="How close another source's value must be to corroborate"
    )
    min_count: float = Field(
        default=0,
        ge=0,
        title="Counts no larger than this are too small to need a source ('three companies', "
        "'two sources')",
    )


class QuantityPattern(_Strict):
    """Which facts may play one part of a relation."""

    dimensions: list[Dimension] | None = Field(
        default=None, min_length=1, title="Dimensions the fact may have (any when absent)"
    )
    units: list[str] | None = Field(
        default=None,
        min_length=1,
        title="Canonical units the fact may have, e.g. [share] or [USD] (any when absent)",
    )


class FactorPattern(QuantityPattern):
    """Which facts may be one factor of a relation, and whether it is a rate per the other."""

    per: Literal["other_factor"] | None = Field(
        default=None,
        title="'other_factor': the fact is a rate per one of what the other factor measures "
        "($27,000 per chip × 200,000 chips; €41 per MWh × 400 MWh). Absent: the fact is not "
        "a rate per the other factor (a period it is per, such as 'a day', carries over to "
        "the total)",
    )


class Relation(_Strict):
    """factor × factor = total, for facts stated close together in one article."""

    name: str = Field(pattern=r"^[a-z0-9_]+$", title="Name shown in findings")
    title: str = Field(
        min_length=3, title="The relation in words, e.g. 'power × duration = energy'"
    )
    factors: list[FactorPattern] = Field(min_length=2, max_length=2, title="The two factors")
    total: QuantityPattern = Field(title="The stated result of the product")

    @model_validator(mode="after")
    def _one_rate_at_most(self) -> Relation:
        if all(factor.per == "other_factor" for factor in self.factors):
            raise ValueError("at most one factor of a relation can be a rate per the other")
        return self


class ArithmeticParams(_Strict):
    """Parameters of an arithmetic rule: the products it checks and how strictly."""

    relative_tolerance: float = Field(
        default=0.1,
        ge=0,
        le=1,
        title="Widen the product and the total by this fraction of their ends before comparing "
        "(news rounds totals: 'a $5 billion deal' for 4.8 billion)",
    )
    sentence_window: int = Field(
        default=1,
        ge=0,
        le=3,
        title="How many sentences apart the facts of one product may be (0: the same sentence)",
    )
    relations: list[Relation] = Field(min_length=1, title="The products the rule checks")


class Example(_Strict):
    """A tiny corpus: article name -> text. The rule must fire (fail) or stay silent (pass)."""

    name: str = Field(pattern=r"^[a-z0-9_]+$", title="Case name, used in the test id")
    articles: dict[str, str] = Field(min_length=1, title="File name -> article text")
    findings: int | None = Field(
        default=None, ge=0, title="Exact number of findings expected (fail cases: at least 1)"
    )


class Examples(_Strict):
    pass_: list[Example] = Field(alias="pass", min_length=1, title="Cases that must not fire")
    fail: list[Example] = Field(min_length=1, title="Cases that must fire")


class RuleSpec(_Strict):
    """A rule: a kind of check, its parameters, and its documentation and tests."""

    id: str = Field(pattern=RULE_ID_PATTERN, title="Stable rule code, e.g. UM001")
    kind: RuleKind = Field(title="Which check the rule runs")
    severity: Severity = Field(title="Default severity of its findings")
    title: str = Field(min_length=3, max_length=80, title="One-line summary")
    description: str = Field(min_length=40, title="One paragraph: what it checks and why")
    enabled: bool = Field(default=True, title="Set false to silence the rule")
    match: Match = Field(default_factory=Match)
    params: (
        UnitMismatchParams
        | SupersededParams
        | ContradictionParams
        | UnsupportedParams
        | ArithmeticParams
    ) = Field(default_factory=UnitMismatchParams, title="Parameters of the rule's kind")
    message: str = Field(min_length=3, title="Message template with {placeholders}")
    examples: Examples

    @model_validator(mode="before")
    @classmethod
    def _params_of_kind(cls, data: Any) -> Any:
        """Parse `params` with the model of the rule's kind, so a typo is caught."""
        if isinstance(data, dict) and isinstance(data.get("params", {}), dict):
            model = PARAMS_BY_KIND.get(data.get("kind"))
            if model is not None:
                data = {**data, "params": model.model_validate(data.get("params") or {})}
        return data


PARAMS_BY_KIND: dict[str, type[BaseModel]] = {
    "unit_mismatch": UnitMismatchParams,
    "contradiction": ContradictionParams,
    "unsupported": UnsupportedParams,
    "superseded": SupersededParams,
    "arithmetic": ArithmeticParams,
}
