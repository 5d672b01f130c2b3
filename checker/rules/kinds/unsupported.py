"""unsupported: a specific figure nobody is cited for and no other source corroborates.

A fact is specific when it states a number (not a vague amount) in a unit. It is supported
when its sentence names a source (or a wire dateline covers it), or when another article of
the topic states an overlapping value for the same group, or when another attributed
statement in the same article does. Corroboration is looked up in an overlap index of the
topic's facts by unit (sorted interval ends, O(log n) a question), built once per run, so
whatever predicate another source's sentence suggests, the same figure in the same unit from
another article supports it.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass

from checker.models import (
    AttributionKind,
    ComparedValue,
    Dimension,
    Fact,
    FindingKind,
    Qualifier,
)
from checker.rules.context import RuleContext, make_finding
from checker.rules.intervals import describe
from checker.rules.kinds.contradiction import _widened
from checker.rules.spec import RuleSpec


def is_specific(fact: Fact, min_count: float = 0) -> bool:
    """A number in a unit, not a vague amount, and not a count of a few things."""
    if fact.unit is None or fact.value.qualifier is Qualifier.vague:
        return False
    high = fact.value.high
    return not (fact.dimension is Dimension.count and high is not None and high <= min_count)


def is_attributed(fact: Fact) -> bool:
    return fact.attribution.kind is not AttributionKind.none


UnitKey = tuple[str, str]  # (topic, unit/per)


def _unit_key(fact: Fact) -> UnitKey:
    return (fact.topic, f"{fact.unit}/{fact.per or ''}")


def _bounded(fact: Fact) -> bool:
    return fact.value is not None and fact.value.low is not None and fact.value.high is not None


@dataclass
class _OverlapIndex:
    """Facts of one unit sorted by the low end of their widened interval, with, for every
    prefix, the highest high end and the highest high end of another article. "Does a fact of
    another article overlap [low, high]?" is then a binary search: O(log n) per question, so
    a topic with 100,000 figures in dollars is never compared pair by pair."""

    lows: list[float]
    best: list[tuple[float, str]]  # (high end, article) of the highest interval so far
    second: list[tuple[float, str]]  # the highest among the other articles ("" if none yet)

    @classmethod
    def of(cls, facts: list[Fact], tolerance: float) -> _OverlapIndex:
        spans = sorted((*_widened(f.value, tolerance, 0.0), f.article) for f in facts)  # type: ignore[arg-type]
        lows, best, second = [], [], []
        top: tuple[float, str] = (-math.inf, "")
        runner: tuple[float, str] = (-math.inf, "")
        for low, high, article in spans:
            if high > top[0]:
                if article != top[1]:
                    runner = top
                top = (high, article)
            elif article != top[1] and high > runner[0]:
                runner = (high, article)
            lows.append(low)
            best.append(top)
            second.append(runner)
        return cls(lows, best, second)

    def overlaps_other_article(self, low: float, high: float, article: str) -> bool:
        end = bisect.bisect_right(self.lows, high)
        if end == 0:
            return False
        return any(
            owner and owner != article and reach >= low
            for reach, owner in (self.best[end - 1], self.second[end - 1])
        )


def _index(context: RuleContext, tolerance: float) -> dict[tuple[UnitKey, bool], _OverlapIndex]:
    """Per topic and unit: an overlap index of its bounded facts and one of all its facts,
    built once per run and tolerance."""
    key = f"unsupported:{tolerance}"
    index = context.indexes.get(key)
    if index is None:
        by_unit: dict[UnitKey, list[Fact]] = defaultdict(list)
        for fact in context.facts:
            if fact.unit is not None and fact.value is not None:
                by_unit[_unit_key(fact)].append(fact)
        built = {}
        for unit, facts in by_unit.items():
            built[(unit, False)] = _OverlapIndex.of(facts, tolerance)
            built[(unit, True)] = _OverlapIndex.of([f for f in facts if _bounded(f)], tolerance)
        context.indexes[key] = index = built
    return index  # type: ignore[return-value]


def is_corroborated(fact: Fact, context: RuleContext, tolerance: float) -> bool:
    """Whether another article of the topic states the same unit with an overlapping value:
    whatever predicate or product its sentence suggests (both are read less reliably than the
    number), two sources naming the same figure support it. A bounded figure is confirmed only
    by bounded ones: "more than 2%" elsewhere does not confirm a 25% surcharge."""
    if fact.value is None:
        return False
    index = _index(context, tolerance).get((_unit_key(fact), _bounded(fact)))
    if index is None:
        return False
    low, high = _widened(fact.value, tolerance, 0.0)
    return index.overlaps_other_article(low, high, fact.article)


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in group:
        by_article[fact.article].append(fact)
    findings = []
    for article in sorted(by_article):
        facts = by_article[article]
        if any(is_attributed(f) for f in facts):
            continue  # the article names a source for this measure
        lonely = [f for f in facts if is_specific(f, rule.params.min_count)
                  and not is_corroborated(f, context, rule.params.relative_tolerance)]  # fmt: skip
        if lonely:
            findings.append(_finding(rule, article, lonely, context))
    return findings


def check_loose(rule: RuleSpec, facts: list[Fact], context: RuleContext) -> list:
    """Facts that belong to no group (no predicate, or no subject or product to key them by),
    judged one by one; an article's unsourced ones make one finding, listing the first few."""
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if (
            is_specific(fact, rule.params.min_count)
            and not is_attributed(fact)
            and not is_corroborated(fact, context, rule.params.relative_tolerance)
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
