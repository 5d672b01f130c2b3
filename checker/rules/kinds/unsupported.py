"""unsupported: a specific figure nobody is cited for and no other source corroborates.

A fact is specific when it states a number (not a vague amount) in a unit. It is supported
when its sentence names a source (or a wire dateline covers it), or when another article of
the topic states an overlapping value for the same group, or when another attributed
statement in the same article does. Corroboration is looked up in an index of the topic's
facts by unit, built once per run, so whatever predicate another source's sentence suggests,
the same figure in the same unit from another article supports it.
"""

from __future__ import annotations

from collections import defaultdict

from checker.models import AttributionKind, ComparedValue, Fact, FindingKind, Qualifier
from checker.rules.context import RuleContext, make_finding
from checker.rules.intervals import describe
from checker.rules.kinds.contradiction import clusters
from checker.rules.spec import RuleSpec


def is_specific(fact: Fact) -> bool:
    return fact.unit is not None and fact.value.qualifier is not Qualifier.vague


def is_attributed(fact: Fact) -> bool:
    return fact.attribution.kind is not AttributionKind.none


UnitKey = tuple[str, str]  # (topic, unit/per)


def _unit_key(fact: Fact) -> UnitKey:
    return (fact.topic, f"{fact.unit}/{fact.per or ''}")


def _index(context: RuleContext) -> dict[UnitKey, list[Fact]]:
    """Every fact with a unit, by topic and unit, built once per run."""
    index = context.indexes.get("unsupported")
    if index is None:
        built: dict[UnitKey, list[Fact]] = defaultdict(list)
        for fact in context.facts:
            if fact.unit is not None:
                built[_unit_key(fact)].append(fact)
        context.indexes["unsupported"] = index = dict(built)
    return index  # type: ignore[return-value]


def _bounded(fact: Fact) -> bool:
    return fact.value.low is not None and fact.value.high is not None


def corroborations(fact: Fact, context: RuleContext, tolerance: float) -> list[Fact]:
    """Facts of other articles in the topic with the same unit and an overlapping value:
    whatever predicate or product their sentences suggest (both are read less reliably than
    the number), two sources naming the same figure support it."""
    found = []
    for other in _index(context).get(_unit_key(fact), []):
        if other.article == fact.article or (not _bounded(other) and _bounded(fact)):
            continue  # "more than 2%" elsewhere does not confirm a 25% surcharge
        if len(clusters([fact, other], tolerance, 0.0)) == 1:
            found.append(other)
    return found


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in group:
        by_article[fact.article].append(fact)
    findings = []
    for article in sorted(by_article):
        facts = by_article[article]
        if any(is_attributed(f) for f in facts):
            continue  # the article names a source for this measure
        lonely = [f for f in facts if is_specific(f)
                  and not corroborations(f, context, rule.params.relative_tolerance)]  # fmt: skip
        if lonely:
            findings.append(_finding(rule, article, lonely, context))
    return findings


def check_loose(rule: RuleSpec, facts: list[Fact], context: RuleContext) -> list:
    """Facts that belong to no group (no predicate, or no subject or product to key them by),
    judged one by one; an article's unsourced ones make one finding, listing the first few."""
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if (
            is_specific(fact)
            and not is_attributed(fact)
            and not corroborations(fact, context, rule.params.relative_tolerance)
        ):
            by_article[fact.article].append(fact)
    return [
        _finding(rule, article, lonely, context) for article, lonely in sorted(by_article.items())
    ]


def _finding(rule: RuleSpec, article: str, facts: list[Fact], context: RuleContext):
    first = facts[0]
    values = {
        "subject": first.subject or "(no subject)",
        "predicate": first.predicate or "figure",
        "item": f" of {first.item}" if first.item else "",
        "value": describe(first.value, first.unit),
        "article": article,
        "verdict": "no source is named for it and no other article states a matching value",
    }
    shown = facts[:3]
    compared = [
        ComparedValue(
            fact=f.id,
            article=article,
            value=f.value,
            unit=f.unit,
            normalized=f.value,
            normalized_unit=f.unit,
        )
        for f in shown
    ]
    return make_finding(rule, FindingKind.unsupported, rule.severity, shown, compared,
                        values, context)  # fmt: skip
