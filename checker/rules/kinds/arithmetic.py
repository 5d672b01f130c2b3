"""arithmetic: an article states two factors and a total that their product cannot give.

A rule lists relations, factor × factor = total (quantity × price per unit = value, power ×
duration = energy). Facts are paired only inside one article, within a window of
`sentence_window` consecutive sentences, through an index of the article's facts by sentence:
never all pairs of a topic. A rate factor ($27,000 per chip) pairs only with a factor in the
unit it is per (or a generic counter such as "units"); physical units multiply through pint
(MW × h → MWh). Intervals multiply as intervals ("more than 200,000" × $27,000 is
(5.4 billion, ∞)), then the product and the total are each widened by the rule's tolerance.

A product that meets a stated total explains all three facts, and none of them is ever
reported. A finding needs a reading that is unambiguous (no window holding its facts offers
another pairing), linked (one sentence states all three, or the two sentences name the same
company or product: nearness alone may explain figures, never accuse them), unscaled (no
share or multiple in the factors' sentence, no count of what one container holds) and wrong
(the widened product and total share no value). Amounts stated without "each" that the products
show to be the price of one unit are collected for other kinds (see `unstated_prices`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from checker.lexicons import CompiledLexicons
from checker.models import ComparedValue, Dimension, Fact, Finding, FindingKind, Interval, Modality
from checker.rules.context import RuleContext, make_finding, sentence_evidence, words_of
from checker.rules.factors import contents_per_container
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
    linked: bool  # stated in one sentence, or sharing a subject or product across sentences


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


def _rate_index(relation: Relation) -> int | None:
    """Which factor of the relation is a rate per the other, if one is."""
    return next((i for i, f in enumerate(relation.factors) if f.per == "other_factor"), None)


def _to_total(relation: Relation, a: Fact, b: Fact, total: Fact,
              lexicons: CompiledLexicons) -> float | None:  # fmt: skip
    """Factor that expresses a × b in the total's unit, or None when the units do not fit."""
    if total.unit is None:
        return None
    rate_index = _rate_index(relation)
    if rate_index is None:
        if (a.per and b.per) or total.per != (a.per or b.per):
            return None
        if a.unit is None or b.unit is None:
            return None
        return _physical_factor((a.unit, b.unit), total.unit, lexicons)
    rate, other = (a, b) if rate_index == 0 else (b, a)
    if rate.unit is None or total.per != other.per:
        return None  # "200 flights a day" × "$50 a flight" is a total per day
    if other.dimension is Dimension.count and _below_one_unit(total, rate):
        return None  # "gained $2, closing at $40 a share": less than one unit costs is no total
    per = _per_factor(rate, other, lexicons)
    to_total = _same_unit(rate.unit, total.unit, lexicons)
    return None if per is None or to_total is None else per * to_total


def _below_one_unit(total: Fact, rate: Fact) -> bool:
    """Whether the total is less than the rate itself, the price of a single unit."""
    high, low = total.value.high, rate.value.low
    return high is not None and low is not None and high < low and total.unit == rate.unit


def _fits(fact: Fact, pattern: QuantityPattern) -> bool:
    if fact.modality is Modality.negated or fact.unit is None:
        return False
    if pattern.dimensions and fact.dimension not in pattern.dimensions:
        return False
    return not (pattern.units and fact.unit not in pattern.units)


def _fits_factor(fact: Fact, pattern: FactorPattern) -> bool:
    return _fits(fact, pattern) and (pattern.per != "other_factor" or fact.per is not None)


def _who(fact: Fact, lexicons: CompiledLexicons) -> str | None:
    """Who a fact is about or comes from: its subject, else the source its sentence names.
    A unit symbol read as a name ("MW") names nobody."""
    who = fact.subject or fact.attribution.source
    return None if who is None or who in lexicons.physical_of else who


def _link(facts: tuple[Fact, ...], lexicons: CompiledLexicons) -> bool | None:
    """How the facts of a reading hang together. None: they cannot be about one thing (the
    same fact twice, two different products, or different sentences naming different
    subjects). True: one sentence states them all, or a fact of one sentence names the same
    subject or product as a fact of the other (a sentence binds its own facts). False:
    nothing but nearness links them."""
    if len({f.id for f in facts}) < len(facts):
        return None
    linked = len({f.sentence for f in facts}) == 1
    for index, first in enumerate(facts):
        for second in facts[index + 1 :]:
            if first.item and second.item and first.item.lower() != second.item.lower():
                return None
            if first.sentence == second.sentence:
                continue
            who_a, who_b = _who(first, lexicons), _who(second, lexicons)
            if who_a and who_b and who_a != who_b:
                return None
            linked = linked or bool(first.item and second.item) or bool(who_a and who_a == who_b)
    return linked


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
                linked = _link((a, b, total), lexicons)
                if linked is None:
                    continue
                factor = _to_total(relation, a, b, total, lexicons)
                product = multiply(a.value, b.value) if factor is not None else None
                if product is None:
                    continue
                product = scale(product, factor)
                consistent = overlaps(widened(product, tolerance), widened(total.value, tolerance))
                readings.append(Reading(relation, a, b, total, product, consistent, linked))
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


def _windows(sentences: list[list[Fact]], width: int, text: str) -> Iterator[list[Fact]]:
    """Runs of 1 to ``width`` + 1 sentences that hold facts and follow one another in the
    text (a sentence with no figure in between breaks the run)."""
    for start in range(len(sentences)):
        window = list(sentences[start])
        yield window
        for index in range(start + 1, min(start + width + 1, len(sentences))):
            gap = text[sentences[index - 1][0].sentence.end : sentences[index][0].sentence.start]
            if gap.strip():
                break
            window = window + sentences[index]
            yield window


def all_readings(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list[list[Reading]]:
    """The readings of every relation in every window of every article of ``group``."""
    params = rule.params
    found = []
    for article, sentences in _sentences_by_article(group).items():
        text = context.articles[article].text
        for window in _windows(sentences, params.sentence_window, text):
            for relation in params.relations:
                readings = _readings(relation, window, params.relative_tolerance, context.lexicons)
                if readings:
                    found.append(readings)
    return found


def _key(reading: Reading) -> tuple[str, str, str]:
    return (reading.a.id, reading.b.id, reading.total.id)


_AT_PRICE = re.compile(r"\bat\b", re.IGNORECASE)
_OF = re.compile(r"\s*of\b", re.IGNORECASE)


def _scaled_sentences(group: list[Fact], context: RuleContext) -> set[tuple[str, int]]:
    """Sentences that also state a share or a multiple ("40% of its 1,000 pumps", "half of",
    "twice the price"), which may scale a factor: their figures are never accused."""
    scaled = set()
    for fact in group:
        if fact.dimension in (Dimension.fraction, Dimension.multiplier) or (
            fact.dimension is Dimension.percent
            and _OF.match(context.articles[fact.article].text, fact.end)
        ):
            scaled.add((fact.article, fact.sentence.start))
    return scaled


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list[Finding]:
    per_container = contents_per_container(group, context.articles)
    found = all_readings(rule, [f for f in group if f.id not in per_container], context)
    explained = {f.id for readings in found for r in readings if r.consistent
                 for f in (r.a, r.b, r.total)}  # fmt: skip
    # A reading is ambiguous when any window around its facts offers another way to pair them.
    ambiguous = {_key(r) for readings in found if len(readings) > 1 for r in readings}
    scaled = _scaled_sentences(group, context)
    findings: dict[str, Finding] = {}
    for readings in found:
        for reading in readings:
            if reading.consistent or not reading.linked or _key(reading) in ambiguous:
                continue  # nearness alone may explain figures, never accuse them
            if set(_key(reading)) & explained:
                continue
            if {(f.article, f.sentence.start) for f in (reading.a, reading.b)} & scaled:
                continue
            finding = _finding(rule, reading, context)
            findings.setdefault(finding.id, finding)
    return list(findings.values())


def _unit_text(unit: str | None, per: str | None) -> str | None:
    return f"{unit} per {per}" if unit and per else unit


def _finding(rule: RuleSpec, reading: Reading, context: RuleContext) -> Finding:
    a, b, total = reading.a, reading.b, reading.total
    tolerance = rule.params.relative_tolerance
    factor_b = describe(b.value, _unit_text(b.unit, b.per))
    values = {
        "relation": reading.relation.title,
        "subject": next(filter(None, (_who(f, context.lexicons) for f in (a, b, total))), "?"),
        "factor_a": describe(a.value, _unit_text(a.unit, a.per)),
        "factor_b": factor_b,
        "product": describe(reading.product, _unit_text(total.unit, total.per)),
        "total": describe(total.value, _unit_text(total.unit, total.per)),
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
    finding = make_finding(rule, FindingKind.arithmetic, rule.severity, [a, b, total], compared,
                           values, context)  # fmt: skip
    # Each sentence once for context, then the three figures themselves in their own words.
    facts = (a, b, total)
    sentences = {(f.article, f.sentence.start): f for f in sorted(facts, key=lambda f: f.start)}
    evidence = [sentence_evidence(f, context.articles[f.article]) for f in sentences.values()]
    evidence += [words_of(f, context.articles[f.article]) for f in facts]
    return finding.model_copy(update={"evidence": evidence})


def unstated_prices(rules: list[RuleSpec], facts: list[Fact], context: RuleContext) -> set[str]:
    """Ids of amounts stated without 'each' or 'per' that are the price of one unit: stated
    "at" that price right after a count of their sentence and read as a rate per it, they
    multiply out to a total stated there ("200,000 chips at $27,000, a $5.4 billion deal").
    Other kinds must not compare them with totals."""
    found: set[str] = set()
    sentences = [s for article in _sentences_by_article(facts).values() for s in article]
    for rule in rules:
        if rule.kind != "arithmetic" or not rule.enabled:
            continue
        for relation in rule.params.relations:
            for sentence in sentences:
                found |= _unstated_in(relation, sentence, rule.params.relative_tolerance, context)
    return found


def _unstated_in(relation: Relation, sentence: list[Fact], tolerance: float,
                 context: RuleContext) -> set[str]:  # fmt: skip
    rate_index = _rate_index(relation)
    if rate_index is None or len(sentence) < 3:
        return set()
    rate_pattern, other_pattern = relation.factors[rate_index], relation.factors[1 - rate_index]
    prices = [f for f in sentence if f.per is None and _fits(f, rate_pattern)]
    counts = [f for f in sentence if f.dimension is Dimension.count and _fits(f, other_pattern)]
    found = set()
    text = context.articles[sentence[0].article].text
    for price in prices[:MAX_CANDIDATES]:
        for count in counts[:MAX_CANDIDATES]:
            if not _AT_PRICE.search(text, count.end, price.start) or price.start - count.end > 40:
                continue  # only "200,000 chips at $27,000", "1,000 pumps priced at $50"
            as_rate = price.model_copy(update={"per": count.unit})
            window = [as_rate if f.id == price.id else f for f in sentence]
            readings = _readings(relation, window, tolerance, context.lexicons) or []
            if any(r.consistent and count.id in _key(r) and price.id in _key(r) for r in readings):
                found.add(price.id)
    return found
