"""unsupported: a specific figure nobody is cited for and no other source corroborates.

A fact is specific when it states a number (not a vague amount) in a unit. It is supported
when its sentence names a source (or a wire dateline covers it), or when another article of
the topic states an overlapping value for the same group, or when another attributed
statement in the same article does. Corroboration is looked up in an index of the topic's
facts by unit, built once per run, so whatever predicate another source's sentence suggests,
the same figure in the same unit from another article supports it.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from checker.models import AttributionKind, ComparedValue, Fact, FindingKind, Qualifier
from checker.rules.context import RuleContext, make_finding
from checker.rules.intervals import describe
from checker.rules.kinds.contradiction import _widened
from checker.rules.spec import RuleSpec


def is_specific(fact: Fact) -> bool:
    return fact.unit is not None and fact.value.qualifier is not Qualifier.vague


def is_attributed(fact: Fact) -> bool:
    return fact.attribution.kind is not AttributionKind.none


UnitKey = tuple[str, str]  # (topic, unit/per)


def _unit_key(fact: Fact) -> UnitKey:
    return (fact.topic, f"{fact.unit}/{fact.per or ''}")


def _bounded(fact: Fact) -> bool:
    return fact.value.low is not None and fact.value.high is not None


@dataclass
class _UnitFacts:
    """The topic's facts of one unit, widened by the tolerance: the bounded ones sorted by
    low end (with the widest span, so a look-up scans only lows that can still reach), the
    open-ended ones apart."""

    lows: list[float]
    bounded: list[tuple[float, float, Fact]]
    widest: float
    open_ended: list[tuple[float, float, Fact]]

    @classmethod
    def of(cls, facts: list[Fact], tolerance: float) -> _UnitFacts:
        spans = [(*_widened(f.value, tolerance, 0.0), f) for f in facts]
        bounded = sorted((s for s in spans if _bounded(s[2])), key=lambda s: (s[0], s[1], s[2].id))
        widest = max((high - low for low, high, _ in bounded), default=0.0)
        open_ended = [s for s in spans if not _bounded(s[2])]
        return cls([s[0] for s in bounded], bounded, widest, open_ended)

    def candidates(
        self, low: float, high: float, bounded: bool
    ) -> Iterator[tuple[float, float, Fact]]:
        """Entries whose widened interval may overlap [low, high]; open-ended ones only for
        an open-ended fact ("more than 2%" elsewhere does not confirm a 25% surcharge)."""
        first = bisect.bisect_left(self.lows, low - self.widest)
        last = bisect.bisect_right(self.lows, high)
        yield from self.bounded[first:last]
        if not bounded:
            yield from self.open_ended


def _index(context: RuleContext, tolerance: float) -> dict[UnitKey, _UnitFacts]:
    """Every fact with a unit, by topic and unit, built once per run and tolerance."""
    key = f"unsupported:{tolerance!r}"
    index = context.indexes.get(key)
    if index is None:
        built: dict[UnitKey, list[Fact]] = defaultdict(list)
        for fact in context.facts:
            if fact.unit is not None:
                built[_unit_key(fact)].append(fact)
        index = {unit: _UnitFacts.of(facts, tolerance) for unit, facts in built.items()}
        context.indexes[key] = index
    return index  # type: ignore[return-value]


def _overlapping(fact: Fact, context: RuleContext, tolerance: float) -> Iterator[Fact]:
    """Facts of other articles in the topic with the same unit and an overlapping value:
    whatever predicate or product their sentences suggest (both are read less reliably than
    the number), two sources naming the same figure support it."""
    unit_facts = _index(context, tolerance).get(_unit_key(fact))
    if unit_facts is None:
        return
    low, high = _widened(fact.value, tolerance, 0.0)
    for other_low, other_high, other in unit_facts.candidates(low, high, _bounded(fact)):
        if other.article != fact.article and other_low <= high and low <= other_high:
            yield other


def corroborations(fact: Fact, context: RuleContext, tolerance: float) -> list[Fact]:
    return list(_overlapping(fact, context, tolerance))


def is_corroborated(fact: Fact, context: RuleContext, tolerance: float) -> bool:
    """Whether any fact corroborates ``fact`` (stops at the first)."""
    return next(_overlapping(fact, context, tolerance), None) is not None


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
                  and not is_corroborated(f, context, rule.params.relative_tolerance)]  # fmt: skip
        if lonely:
            findings.append(_finding(rule, article, lonely, context))
    return findings


def _finding(rule: RuleSpec, article: str, facts: list[Fact], context: RuleContext):
    first = facts[0]
    values = {
        "subject": first.subject or "?",
        "predicate": first.predicate or "?",
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
