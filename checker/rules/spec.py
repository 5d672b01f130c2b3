"""The rule file format: one YAML file per rule, validated against rules.schema.json.

The JSON Schema published as ``checker/schemas/rules.schema.json`` is generated from these
models (``python -m checker.schemas``), so the documentation and the validator cannot drift.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from checker.models import Dimension, Severity

RULE_ID_PATTERN = r"^[A-Z]{2}\d{3}$"
RuleKind = Literal["unit_mismatch"]


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
    params: UnitMismatchParams = Field(default_factory=UnitMismatchParams)
    message: str = Field(min_length=3, title="Message template with {placeholders}")
    examples: Examples
