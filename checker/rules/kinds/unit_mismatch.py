"""unit_mismatch: facts about the same thing stated in different units.

Counted units with a known factor (rules/lexicons/units.yaml) are converted and compared;
units with no known factor, and different currencies, are reported as incommensurable. The
comparison is between the distinct units of a group (a handful), never between all facts.
"""

from __future__ import annotations

import math

from checker.lexicons import Conversion
from checker.models import ComparedValue, Dimension, Fact, FindingKind, Severity
from checker.rules.context import RuleContext, make_finding
from checker.rules.factors import stated_conversions
from checker.rules.intervals import describe, overlaps, scale
from checker.rules.spec import RuleSpec

DEFAULT_DIMENSIONS = (Dimension.count, Dimension.currency)
PLACEHOLDERS = {"subject", "predicate", "item", "unit_a", "unit_b", "value_a", "value_b",
                "factor", "normalized", "verdict"}  # fmt: skip


def find_conversion(
    source: str, target: str, item: str | None, conversions: list[Conversion]
) -> tuple[float, Conversion] | None:
    """Factor turning ``source`` units into ``target`` units (either direction)."""
    for conversion in conversions:
        if conversion.item and item and conversion.item.lower() != item.lower():
            continue
        if conversion.item and not item:
            continue
        if (conversion.from_, conversion.to) == (source, target):
            return conversion.factor, conversion
        if (conversion.from_, conversion.to) == (target, source):
            return 1 / conversion.factor, conversion
    return None


def _conversions(topic: str, context: RuleContext) -> list[Conversion]:
    """Factors from rules/lexicons/units.yaml, then those the topic's own articles state."""
    stated = context.indexes.get("stated_conversions")
    if stated is None:
        stated = stated_conversions(context.facts, context.articles)
        context.indexes["stated_conversions"] = stated
    return [*context.lexicons.source.conversions, *stated.get(topic, [])]  # type: ignore[union-attr]


def _first_by_unit(facts: list[Fact]) -> dict[str, Fact]:
    firsts: dict[str, Fact] = {}
    for fact in facts:
        if fact.unit is not None:
            firsts.setdefault(fact.unit, fact)
    return firsts


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    dimensions = set(rule.match.dimensions or DEFAULT_DIMENSIONS)
    findings = []
    for dimension in sorted(dimensions):
        facts = [f for f in group if f.dimension == dimension]
        units = sorted(_first_by_unit(facts).items())
        for index, (_, fact_a) in enumerate(units):
            for _, fact_b in units[index + 1 :]:
                if rule.match.cross_article_only and fact_a.article == fact_b.article:
                    continue
                finding = _compare(rule, fact_a, fact_b, context)
                if finding is not None:
                    findings.append(finding)
    return findings


def _compare(rule: RuleSpec, a: Fact, b: Fact, context: RuleContext):
    generic = context.lexicons.source.generic_counters
    if a.dimension is Dimension.count and (a.unit in generic or b.unit in generic):
        return None  # "units" of an item are whatever the item is counted in
    item = a.item or b.item
    conversion = None
    if a.dimension is Dimension.count:
        conversion = find_conversion(a.unit, b.unit, item, _conversions(a.topic, context))
        if conversion is not None and conversion[0] < 1:
            # Convert the larger unit into the smaller one: "5,000 modules = 40,000 chips".
            return _compare(rule, b, a, context)
    values = {
        "subject": a.subject or b.subject or "?",
        "predicate": a.predicate or "?",
        "item": f" of {item}" if item else "",
        "unit_a": a.unit or "",
        "unit_b": b.unit or "",
        "value_a": describe(a.value, a.unit),
        "value_b": describe(b.value, b.unit),
        "factor": "",
        "normalized": "",
    }
    compared_a = ComparedValue(fact=a.id, article=a.article, value=a.value, unit=a.unit,
                               normalized=a.value, normalized_unit=a.unit)  # fmt: skip
    if conversion is None:
        # The same number in two units is the classic slip ("5,000 modules" vs "5,000 chips");
        # different numbers in units with no known factor cannot be judged either way.
        same_number = (
            bool(a.value.stated)
            and all(
                math.isclose(x, y, rel_tol=0.02)
                for x, y in zip(a.value.stated, b.value.stated, strict=False)
            )
            and len(a.value.stated) == len(b.value.stated)
        )
        values["verdict"] = "no known factor converts one unit into the other" + (
            "; the same number is given in both units" if same_number else ""
        )
        severity = rule.severity if same_number else rule.params.incommensurable_severity
        compared_b = ComparedValue(fact=b.id, article=b.article, value=b.value, unit=b.unit,
                                   normalized=b.value, normalized_unit=b.unit)  # fmt: skip
        return make_finding(rule, FindingKind.unit_mismatch, Severity(severity), [a, b],
                            [compared_a, compared_b], values, context)  # fmt: skip
    factor, source = conversion
    normalized = scale(a.value, factor)
    agrees = overlaps(normalized, b.value)
    if agrees and not rule.params.report_converted:
        return None
    values["factor"] = f"{factor:g}"
    values["normalized"] = describe(normalized, b.unit)
    values["verdict"] = f"converted at {factor:g} {b.unit} per {a.unit} ({source.source}): " + (
        "the values agree" if agrees else "the values still disagree"
    )
    compared_a = compared_a.model_copy(update={
        "normalized": normalized, "normalized_unit": b.unit,
        "conversion": f"× {factor:g} {b.unit} per {a.unit} — {source.source}",
    })  # fmt: skip
    compared_b = ComparedValue(fact=b.id, article=b.article, value=b.value, unit=b.unit,
                               normalized=b.value, normalized_unit=b.unit)  # fmt: skip
    severity = rule.params.converted_severity if agrees else rule.severity
    return make_finding(rule, FindingKind.unit_mismatch, Severity(severity), [a, b],
                        [compared_a, compared_b], values, context)  # fmt: skip
