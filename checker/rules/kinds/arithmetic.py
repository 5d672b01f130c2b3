"""arithmetic: an article states two factors and a total that their product cannot give.

A rule lists relations, factor × factor = total (quantity × price per unit = value, power ×
duration = energy). Facts are paired only inside one article, within a window of
`sentence_window` consecutive sentences, through an index of the article's facts by sentence:
never all pairs of a topic. A rate factor ($27,000 per chip) pairs only with a factor in the
unit it is per (or a generic counter such as "units"); physical units multiply through pint
(MW × h → MWh). Intervals multiply as intervals ("more than 200,000" × $27,000 is
(5.4 billion, ∞)), then the product and the total are each widened by the rule's tolerance.

A product that meets a stated total explains all three facts, and they are never reported.
A finding needs one unambiguous reading: in its window exactly one pair of factors and one
total fit the relation, and the widened product and total share no value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from checker.lexicons import CompiledLexicons
from checker.models import ComparedValue, Dimension, Fact, Finding, FindingKind, Interval, Modality
from checker.rules.context import RuleContext, make_finding
from checker.rules.intervals import describe, multiply, overlaps, scale, widened
from checker.rules.spec import FactorPattern, QuantityPattern, Relation, RuleSpec

PLACEHOLDERS = {"relation", "subject", "factor_a", "factor_b", "product", "total", "verdict"}
# More candidates than this for one part of a relation in one window is a table or a list of
# figures, not a sentence that states a product: nothing there can be paired with confidence.
MAX_CANDIDATES = 6


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a window: factors ``a`` × ``b`` should give ``total``."""

    relation: Relation
    a: Fact
    b: Fact
    total: Fact
    product: Interval  # in the total's unit
    consistent: bool


@cache
def _pint_factor(numerator: tuple[str, ...], target: str) -> float | None:
    """How many ``target`` units the product of the ``numerator`` pint units is, or None."""
    from checker.units import registry  # pint is slow to import; only physical units need it

    quantity = registry().Quantity(1, numerator[0])
    for name in numerator[1:]:
        quantity = quantity * registry().Quantity(1, name)
    try:
        return float(quantity.to(target).magnitude)
    except Exception:  # pint raises DimensionalityError and friends for units that do not fit
        return None


def _physical_factor(
    units: tuple[str, ...], target: str, lexicons: CompiledLexicons
) -> float | None:
    """Factor from the product of canonical physical ``units`` to ``target``, via pint."""
    physical = lexicons.source.physical
    if target not in physical or any(unit not in physical for unit in units):
        return None
    return _pint_factor(tuple(physical[unit].pint for unit in units), physical[target].pint)


def _same_unit(source: str, target: str, lexicons: CompiledLexicons) -> float | None:
    """1 for the same unit, the pint factor between two physical units, else None."""
    return 1.0 if source == target else _physical_factor((source,), target, lexicons)


def _per_factor(rate: Fact, other: Fact, lexicons: CompiledLexicons) -> float | None:
    """How many of the rate's 'per' units one unit of ``other`` is, or None when the rate is
    not per what ``other`` measures ("$12 a share" is per share, not per employee)."""
    if rate.per is None or other.unit is None:
        return None
    generic = lexicons.source.generic_counters
    if other.dimension is Dimension.count and (rate.per in generic or other.unit in generic):
        return 1.0  # "$27,000 per unit" of "200,000 chips", "$50 each" of "1,000 pumps"
    return _same_unit(other.unit, rate.per, lexicons)


def _to_total(relation: Relation, a: Fact, b: Fact, total: Fact,
              lexicons: CompiledLexicons) -> float | None:  # fmt: skip
    """Factor that expresses a × b in the total's unit, or None when the units do not fit."""
    if total.unit is None:
        return None
    rate_index = next((i for i, f in enumerate(relation.factors) if f.per == "other_factor"), None)
    if rate_index is None:
        if (a.per and b.per) or total.per != (a.per or b.per):
            return None
        if a.unit is None or b.unit is None:
            return None
        return _physical_factor((a.unit, b.unit), total.unit, lexicons)
    rate, other = (a, b) if rate_index == 0 else (b, a)
    if rate.unit is None or total.per != other.per:
        return None  # "200 flights a day" × "$50 a flight" is a total per day
    per = _per_factor(rate, other, lexicons)
    to_total = _same_unit(rate.unit, total.unit, lexicons)
    return None if per is None or to_total is None else per * to_total


def _fits(fact: Fact, pattern: QuantityPattern) -> bool:
    if fact.modality is Modality.negated or fact.unit is None:
        return False
    if pattern.dimensions and fact.dimension not in pattern.dimensions:
        return False
    return not (pattern.units and fact.unit not in pattern.units)


def _fits_factor(fact: Fact, pattern: FactorPattern) -> bool:
    return _fits(fact, pattern) and (pattern.per != "other_factor" or fact.per is not None)


def _compatible(facts: tuple[Fact, ...]) -> bool:
    """Distinct facts that could be about one thing: no two name different products, and
    facts of different sentences do not name different subjects."""
    if len({f.id for f in facts}) < len(facts):
        return False
    for index, first in enumerate(facts):
        for second in facts[index + 1 :]:
            if first.item and second.item and first.item.lower() != second.item.lower():
                return False
            if (
                first.sentence != second.sentence
                and first.subject
                and second.subject
                and first.subject != second.subject
            ):
                return False
    return True


def _readings(relation: Relation, window: list[Fact], tolerance: float,
              lexicons: CompiledLexicons) -> list[Reading] | None:  # fmt: skip
    """Every reading of the relation in a window; None when the window is too crowded."""
    first = [f for f in window if _fits_factor(f, relation.factors[0])]
    second = [f for f in window if _fits_factor(f, relation.factors[1])]
    totals = [f for f in window if _fits(f, relation.total)]
    if not (first and second and totals):
        return []
    if max(len(first), len(second), len(totals)) > MAX_CANDIDATES:
        return None
    readings = []
    for a in first:
        for b in second:
            for total in totals:
                if not _compatible((a, b, total)):
                    continue
                factor = _to_total(relation, a, b, total, lexicons)
                product = multiply(a.value, b.value) if factor is not None else None
                if product is None:
                    continue
                product = scale(product, factor)
                consistent = overlaps(widened(product, tolerance), widened(total.value, tolerance))
                readings.append(Reading(relation, a, b, total, product, consistent))
    return readings


def _sentences_by_article(group: list[Fact]) -> dict[str, list[list[Fact]]]:
    """Each article's facts, sentence by sentence in text order (a hashed index, one pass)."""
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in group:
        by_sentence[(fact.article, fact.sentence.start)].append(fact)
    articles: dict[str, list[list[Fact]]] = defaultdict(list)
    for (article, _), facts in sorted(by_sentence.items()):
        articles[article].append(facts)
    return articles


def _windows(sentences: list[list[Fact]], width: int) -> Iterator[list[Fact]]:
    """Runs of 1 to ``width`` + 1 consecutive sentences that hold facts."""
    for start in range(len(sentences)):
        for size in range(1, width + 2):
            if start + size <= len(sentences):
                yield [fact for sentence in sentences[start : start + size] for fact in sentence]


def all_readings(rule: RuleSpec, group: list[Fact],
                 lexicons: CompiledLexicons) -> list[list[Reading]]:  # fmt: skip
    """The readings of every relation in every window of every article of ``group``."""
    params = rule.params
    found = []
    for sentences in _sentences_by_article(group).values():
        for window in _windows(sentences, params.sentence_window):
            for relation in params.relations:
                readings = _readings(relation, window, params.relative_tolerance, lexicons)
                if readings:
                    found.append(readings)
    return found


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list[Finding]:
    found = all_readings(rule, group, context.lexicons)
    explained = {f.id for readings in found for r in readings if r.consistent
                 for f in (r.a, r.b, r.total)}  # fmt: skip
    findings = []
    for readings in found:
        if len(readings) != 1:
            continue  # two ways to pair the figures: the text does not say which is meant
        reading = readings[0]
        if reading.consistent or {reading.a.id, reading.b.id, reading.total.id} & explained:
            continue
        findings.append(_finding(rule, reading, context))
    return findings


def _finding(rule: RuleSpec, reading: Reading, context: RuleContext) -> Finding:
    a, b, total = reading.a, reading.b, reading.total
    tolerance = rule.params.relative_tolerance
    factor_b = describe(b.value, f"{b.unit} per {b.per}" if b.per else b.unit)
    values = {
        "relation": reading.relation.title,
        "subject": a.subject or b.subject or total.subject or "?",
        "factor_a": describe(a.value, f"{a.unit} per {a.per}" if a.per else a.unit),
        "factor_b": factor_b,
        "product": describe(reading.product, total.unit),
        "total": describe(total.value, total.unit),
        "verdict": f"{reading.relation.title}: the product and the stated total do not meet "
        f"even with a {tolerance:.0%} tolerance",
    }
    compared = [
        ComparedValue(fact=a.id, article=a.article, value=a.value, unit=a.unit,
                      normalized=reading.product, normalized_unit=total.unit,
                      conversion=f"× {factor_b} ({reading.relation.name})"),
        *(ComparedValue(fact=f.id, article=f.article, value=f.value, unit=f.unit,
                        normalized=f.value, normalized_unit=f.unit) for f in (b, total)),
    ]  # fmt: skip
    return make_finding(rule, FindingKind.arithmetic, rule.severity, [a, b, total], compared,
                        values, context)  # fmt: skip
