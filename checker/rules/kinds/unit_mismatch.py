"""unit_mismatch: facts about the same thing stated in different units.

Counted units with a known factor (rules/lexicons/units.yaml, or one the articles state) are
converted and compared; physical units of one dimension convert through pint (10 km agrees
with about six miles); units with no known factor, and different currencies, are reported as
incommensurable. Three slips are reported at the rule's severity: the same number given in two
units that cannot both be right ("5,000 modules" vs "5,000 chips"; "400 MW" vs "400 MWh"), two
values in one unit that differ by exactly a known factor ("500,000 doses" where the others
say 500,000 vials = 5 million doses), and one figure with the wrong scale word ("EUR 6.1
million" where the others say EUR 6.1 billion). The comparison is between the distinct units
of a group (a handful), and the factor and scale checks between the distinct values of a unit,
never all facts.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable

from checker.lexicons import Conversion
from checker.models import ComparedValue, Dimension, Fact, FindingKind, Severity
from checker.numberwords import SCALE_ABBREVIATIONS, SCALES
from checker.rules.context import RuleContext, make_finding
from checker.rules.factors import FACTOR_TOLERANCE, factor_between, topic_conversions
from checker.rules.grouping import shortest_forms
from checker.rules.intervals import describe, overlaps, scale
from checker.rules.spec import RuleSpec

DEFAULT_DIMENSIONS = (Dimension.count, Dimension.currency, Dimension.power, Dimension.energy,
                      Dimension.length, Dimension.area, Dimension.volume, Dimension.mass,
                      Dimension.speed)  # fmt: skip
# Measurements whose units pint converts: the same number in two of one dimension is a slip.
PHYSICAL = frozenset({Dimension.power, Dimension.energy, Dimension.length, Dimension.area,
                      Dimension.volume, Dimension.mass, Dimension.speed})  # fmt: skip
# Pairs of dimensions a slip confuses: a power written as an energy, a change in percentage
# points written as a percentage ("the margin improved by 1.1%" for 1.1 points).
CONFUSABLE = (
    {Dimension.power, Dimension.energy},
    {Dimension.percent, Dimension.percentage_point},
)
# Dimensions of one unit each (or units no factor links, "pp" and "bp"), compared only as a
# confusable pair, never unit by unit.
ONLY_CONFUSED = frozenset({Dimension.percent, Dimension.percentage_point})
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


def _pint_conversion(
    source: str | None, target: str | None, context: RuleContext
) -> tuple[float, Conversion] | None:
    """The factor between two physical units of one dimension, from pint."""
    physical = context.lexicons.source.physical
    if source not in physical or target not in physical:
        return None
    from checker.units import convert  # pint loads only when physical units meet

    factor = convert(1.0, physical[source].pint, physical[target].pint)  # type: ignore[index]
    return factor, Conversion.model_validate(
        {"from": source, "to": target, "factor": factor, "source": "pint unit definitions"}
    )


def _as_stated(fact: Fact) -> ComparedValue:
    return ComparedValue(fact=fact.id, article=fact.article, value=fact.value, unit=fact.unit,
                         normalized=fact.value, normalized_unit=fact.unit)  # fmt: skip


def _by_unit(facts: list[Fact]) -> dict[str, list[Fact]]:
    units: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.unit is not None:
            units.setdefault(fact.unit, []).append(fact)
    return units


def _magnitude(fact: Fact) -> float:
    value = fact.value
    numbers = [v for v in (value.stated if value else []) if v] or [
        v for v in ((value.low, value.high) if value else ()) if v
    ]
    return abs(numbers[0]) if numbers else 1.0


def _closest_pair(
    facts_a: list[Fact], facts_b: list[Fact], cross_article_only: bool
) -> tuple[Fact, Fact] | None:
    """The two facts, one per unit, whose numbers are nearest in size: "$336 million" is
    compared with "EUR 310 million", not with the EUR 2 million fund named first. A binary
    search over the second unit's sizes finds each fact's nearest: O(n log n), no pairs."""
    ordered = sorted(facts_b, key=lambda f: math.log(_magnitude(f)))
    keys = [math.log(_magnitude(f)) for f in ordered]
    best: tuple[float, Fact, Fact] | None = None
    for a in facts_a:
        position = bisect.bisect_left(keys, math.log(_magnitude(a)))
        # Walk outwards from the nearest size; the first fact of another article each way is
        # the best candidate on that side.
        for step in (-1, 1):
            index = position if step == 1 else position - 1
            while 0 <= index < len(ordered):
                b = ordered[index]
                if not (cross_article_only and a.article == b.article):
                    distance = abs(math.log(_magnitude(a)) - keys[index])
                    if best is None or distance < best[0]:
                        best = (distance, a, b)
                    break
                index += step
    return (best[1], best[2]) if best else None


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    dimensions = set(rule.match.dimensions or DEFAULT_DIMENSIONS)
    findings = []
    for dimension in sorted(dimensions - ONLY_CONFUSED):
        facts = [f for f in group if f.dimension == dimension and f.value is not None]
        echoes = _bracketed_conversions(facts, context)
        by_unit = sorted(_by_unit([f for f in facts if f.id not in echoes]).items())
        for index, (_, facts_a) in enumerate(by_unit):
            for _, facts_b in by_unit[index + 1 :]:
                pair = _closest_pair(facts_a, facts_b, rule.match.cross_article_only)
                finding = _compare(rule, *pair, context) if pair else None
                if finding is not None:
                    findings.append(finding)
        if dimension is Dimension.count:
            findings.extend(_factor_slips(rule, facts, context))
    for confusable in CONFUSABLE:
        if confusable <= dimensions:
            findings.extend(_confused_dimensions(rule, group, confusable, context))
    return findings


def check_across_measures(rule: RuleSpec, facts: list[Fact], context: RuleContext) -> list:
    """One figure of one company or product in two units in two articles, where the facts are
    read under different measures (or none) and so never share a group; looked for across
    the topic by (whose, rate, number), in one pass each:
    - two counted units a known factor links ("will ship 34,000 modules of the K8" vs "the
      order covers 34,000 chips of the K8"): compared as the group check would;
    - power and energy ("a 400 MW battery" vs "a 200 MW / 400 MWh battery system");
    - two currencies ("C$6.40 a share" vs "US$6.40 a share");
    - two physical units of one dimension ("a 218-metre span" vs "a 218-foot span", "50
      gigalitres a year" vs "50 megalitres a year"), converted as the group check would;
    - one figure with the wrong scale word (see _scale_slips).
    Subjects are read by their shortest form in the topic ("Orsk Technik" is "Orsk"), and a
    writer's own conversions in brackets are left out, each worked out once for all passes."""
    dimensions = set(rule.match.dimensions or DEFAULT_DIMENSIONS)
    findings = []
    names = shortest_forms({fact.subject for fact in facts if fact.subject})
    echoes = _bracketed_conversions(facts, context)
    measured = dimensions & PHYSICAL
    same_measure = _same_figure_pairs(facts, lambda f: f.unit if f.dimension in measured
                                      else None, names, rates_name_whose=True)  # fmt: skip
    for a, b in same_measure:
        if a.dimension is b.dimension and (finding := _compare(rule, a, b, context)):
            findings.append(finding)
    counted = _same_figure_pairs(facts, lambda f: f.unit if f.dimension is Dimension.count
                                 and f.item is not None else None, names)  # fmt: skip
    for a, b in counted:
        if find_conversion(a.unit, b.unit, a.item, topic_conversions(a.topic, context)):
            finding = _compare(rule, a, b, context)
            if finding is not None:
                findings.append(finding)
    for confusable in CONFUSABLE:
        if confusable <= dimensions:
            pairs = _same_figure_pairs(facts, lambda f, c=confusable: f.dimension.value
                                       if f.dimension in c else None, names)  # fmt: skip
            findings += [_incommensurable(rule, a, b, context, _same_number(a, b))
                         for a, b in pairs]  # fmt: skip
    scaled = [f for f in facts if f.dimension in dimensions and f.id not in echoes]
    findings += _scale_slips(rule, scaled, context)
    if Dimension.currency in dimensions:
        pairs = _same_figure_pairs(facts, lambda f: f.unit if f.dimension is Dimension.currency
                                   and f.id not in echoes else None, names)  # fmt: skip
        dollars = _dollar_codes(context)
        findings += [_incommensurable(rule, a, b, context, f"the same number is given in "
                                      f"{a.unit} and in {b.unit}, which no exchange rate makes "
                                      "equal") for a, b in pairs
                     if not _either_dollar(a, b, dollars)]  # fmt: skip
    return findings


# A dollar sign with no country before it ("$6.40"): read as USD, but a Canadian, Australian
# or Hong Kong paper writes its own dollar so.
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z])\$")


def _dollar_codes(context: RuleContext) -> frozenset[str]:
    """The ISO codes of the currencies the lexicon writes with '$' or calls dollars."""
    currencies = context.lexicons.source.currencies
    return frozenset(code for surface, code in currencies.items()
                     if "$" in surface or "dollar" in surface.lower())  # fmt: skip


def _either_dollar(a: Fact, b: Fact, dollars: frozenset[str]) -> bool:
    """Two dollars of which one is a bare '$': the same figure may be the same currency."""
    return {a.unit, b.unit} <= dollars and any(_BARE_DOLLAR.search(f.quote) for f in (a, b))


def _same_figure_pairs(
    facts: list[Fact],
    unit_of: Callable[[Fact], str | None],
    names: dict[str, str],
    rates_name_whose: bool = False,
) -> list[tuple[Fact, Fact]]:
    """Pairs of facts of one company or product (item, else subject by its short form in
    ``names``) stating the same number at the same rate in two different ``unit_of`` classes,
    from two articles, and not in one group (a group's own check compares those). With
    ``rates_name_whose``, a rate of one dimension that names no one ("50 gigalitres a year")
    is taken as the topic's."""
    by_figure: dict[tuple[str, str, tuple[float, ...]], dict[str, Fact]] = {}
    for fact in facts:
        # With no product or subject, the claim itself ("$4 million" of investment) says whose.
        whose = fact.item or (names[fact.subject] if fact.subject else None)
        if whose is None and rates_name_whose and fact.per:
            whose = f"~{fact.dimension.value}"  # whatever verb each article uses for it
        elif whose is None and fact.predicate:
            whose = f"~{fact.predicate}"
        unit = unit_of(fact)
        if unit and whose and fact.value is not None and fact.value.stated:
            key = (whose, fact.per or "", tuple(fact.value.stated))
            by_figure.setdefault(key, {}).setdefault(unit, fact)
    pairs = []
    for key in sorted(by_figure):
        units = by_figure[key]
        for unit_a, unit_b in _unit_pairs(sorted(units)):
            a, b = units[unit_a], units[unit_b]
            grouped = not key[0].startswith("~")  # a group's own check compares those
            same_group = grouped and a.predicate is not None and a.predicate == b.predicate
            if a.article != b.article and not same_group:
                pairs.append((a, b))
    return pairs


def _unit_pairs(units: list[str]) -> list[tuple[str, str]]:
    return [(x, y) for index, x in enumerate(units) for y in units[index + 1 :]]


_OPENS_BRACKET = re.compile(
    r"\s*(?:[(\[]|/)\s*(?:about|around|roughly|approximately|some|or|~)?\s*$"
)


def _bracketed_conversions(facts: list[Fact], context: RuleContext) -> set[str]:
    """Ids of figures in brackets (or after a slash) right after a figure in another unit
    ("9.9 billion yuan (about US$1.4 billion)", "$79 / £49"): the writer's own conversion, never a
    second source's value, so they are left out of the comparison."""
    ordered = sorted(facts, key=lambda f: (f.article, f.start))
    echoes = set()
    for first, second in itertools.pairwise(ordered):
        if first.article != second.article or first.unit == second.unit:
            continue
        text = context.articles[first.article].text
        if 0 <= second.start - first.end <= 16 and _OPENS_BRACKET.fullmatch(
            text, first.end, second.start
        ):
            echoes.add(second.id)
    return echoes


def _distinct_values(facts: list[Fact]) -> dict[tuple[float, ...], Fact]:
    firsts: dict[tuple[float, ...], Fact] = {}
    for fact in facts:
        if fact.value is not None and fact.value.stated:
            firsts.setdefault(tuple(fact.value.stated), fact)
    return firsts


def _factor_slips(rule: RuleSpec, facts: list[Fact], context: RuleContext) -> list:
    """Values of one unit that differ by exactly the factor of a known conversion into that
    unit: one source probably wrote the other unit's number with this unit's name."""
    findings = []
    by_unit: dict[str, list[Fact]] = {}
    for fact in facts:
        if fact.unit is not None:
            by_unit.setdefault(fact.unit, []).append(fact)
    for unit, same_unit in sorted(by_unit.items()):
        conversions = [c for c in topic_conversions(same_unit[0].topic, context)
                       if unit in (c.from_, c.to) and c.factor != 1]  # fmt: skip
        if not conversions:
            continue  # the common case: nothing converts into this unit
        values = sorted(_distinct_values(same_unit).items())
        firsts = [stated[0] for stated, _ in values]
        for conversion in conversions:
            ratio = max(conversion.factor, 1 / conversion.factor)
            for stated, fact_a in values:
                # Only values near stated × ratio can be a slip: a binary search finds them.
                target = stated[0] * ratio
                low = bisect.bisect_left(firsts, target * (1 - FACTOR_TOLERANCE))
                high = bisect.bisect_right(firsts, target * (1 + FACTOR_TOLERANCE))
                for _, fact_b in values[low:high]:
                    if fact_a.article == fact_b.article:
                        continue
                    if factor_between(fact_a, fact_b, [conversion]) is not None:
                        other = conversion.from_ if conversion.to == unit else conversion.to
                        findings.append(_slip(rule, fact_a, fact_b, other, conversion, context))
    return findings


# The scale words a slip swaps ("EUR 6.1 million" for "EUR 6.1 billion"), and the ratios they
# make: a value exactly a thousand or a million times another of the same unit.
_SCALE_WORD = re.compile(
    r"\d\s*(?:"
    + "|".join(sorted((word for word, scale in {**SCALES, **SCALE_ABBREVIATIONS}.items()
                       if scale >= 1e3), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)  # fmt: skip
_SCALE_RATIOS = (1e3, 1e6)
_SCALE_TOLERANCE = 1e-9


def _scale_slips(rule: RuleSpec, facts: list[Fact], context: RuleContext) -> list:
    """Values of one unit under one predicate, from two articles, exactly a thousand (or a
    million) times apart where one names its scale in words: one source wrote "million" for
    "billion". Looked for across the topic, whoever each sentence names ("a group with EUR
    6.1 million in combined revenue" names nobody): so exact a ratio is no coincidence. Each
    value's candidates are found by binary search among the distinct values of its class.
    ``facts`` leave out the writers' own conversions in brackets."""
    classes: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        if fact.predicate and fact.unit:
            classes.setdefault((fact.predicate, fact.unit), []).append(fact)
    findings = []
    for (_, unit), same_unit in sorted(classes.items()):
        values = sorted(_distinct_values(same_unit).items())
        firsts = [stated[0] for stated, _ in values]
        for stated, fact_a in values:
            for ratio in _SCALE_RATIOS:
                target = stated[0] * ratio
                low = bisect.bisect_left(firsts, target * (1 - _SCALE_TOLERANCE))
                high = bisect.bisect_right(firsts, target * (1 + _SCALE_TOLERANCE))
                for stated_b, fact_b in values[low:high]:
                    if _is_scale_slip(fact_a, fact_b, stated, stated_b, ratio):
                        findings.append(_scaled(rule, fact_a, fact_b, ratio, unit, context))
    return findings


def _is_scale_slip(a: Fact, b: Fact, stated_a: tuple[float, ...], stated_b: tuple[float, ...],
                   ratio: float) -> bool:  # fmt: skip
    same_shape = len(stated_a) == len(stated_b) and all(
        math.isclose(x * ratio, y, rel_tol=_SCALE_TOLERANCE)
        for x, y in zip(stated_a, stated_b, strict=True)
    )
    # The smaller figure is a scaled one too ("EUR 6.1 million", "6,100 jobs"): "$6" a
    # barrel and "$6 billion" of losses are two different things.
    worded = _SCALE_WORD.search(b.quote) is not None and (
        _SCALE_WORD.search(a.quote) is not None or stated_a[0] >= 1000
    )
    return same_shape and worded and a.article != b.article and stated_a[0] > 0


def _scaled(rule: RuleSpec, a: Fact, b: Fact, ratio: float, unit: str, context: RuleContext):
    values = {
        "subject": a.subject or b.subject or "?",
        "predicate": a.predicate or "?",
        "item": f" of {a.item or b.item}" if a.item or b.item else "",
        "unit_a": unit,
        "unit_b": unit,
        "value_a": describe(a.value, a.unit),  # type: ignore[arg-type]
        "value_b": describe(b.value, b.unit),  # type: ignore[arg-type]
        "factor": f"{ratio:g}",
        "normalized": "",
        "verdict": f"the same figure with a scale {ratio:,.0f} times larger: one source "
        "probably wrote the wrong scale word (thousand, million, billion)",
    }
    compared = [_as_stated(f) for f in (a, b)]
    return make_finding(rule, FindingKind.unit_mismatch, rule.severity, [a, b], compared,
                        values, context)  # fmt: skip


def _slip(rule: RuleSpec, a: Fact, b: Fact, other: str, conversion: Conversion,
          context: RuleContext):  # fmt: skip
    ratio = max(conversion.factor, 1 / conversion.factor)
    values = {
        "subject": a.subject or b.subject or "?",
        "predicate": a.predicate or "?",
        "item": f" of {a.item or b.item}" if a.item or b.item else "",
        "unit_a": a.unit or "",
        "unit_b": b.unit or "",
        "value_a": describe(a.value, a.unit),  # type: ignore[arg-type]
        "value_b": describe(b.value, b.unit),  # type: ignore[arg-type]
        "factor": f"{ratio:g}",
        "normalized": "",
        "verdict": f"the values differ by exactly {ratio:g}, the factor between "
        f"{conversion.from_} and {conversion.to} ({conversion.source}): one source probably "
        f"wrote a number of {other} as {a.unit}",
    }
    compared = [_as_stated(f) for f in (a, b)]
    return make_finding(rule, FindingKind.unit_mismatch, rule.severity, [a, b], compared,
                        values, context)  # fmt: skip


def _confused_dimensions(rule: RuleSpec, group: list[Fact], dimensions: set[Dimension],
                         context: RuleContext) -> list:  # fmt: skip
    """The same number in two dimensions a slip confuses ("400 MW" and "400 MWh" of one
    battery): a 200 MW / 400 MWh battery is normal, the same figure in both is not."""
    by_dimension = {d: _distinct_values([f for f in group if f.dimension == d])
                    for d in sorted(dimensions)}  # fmt: skip
    first, second = by_dimension.values()
    findings = []
    for stated in sorted(set(first) & set(second)):
        a, b = first[stated], second[stated]
        if a.article == b.article:
            continue
        findings.append(_incommensurable(rule, a, b, context, _same_number(a, b)))
    return findings


def _same_number(a: Fact, b: Fact) -> str:
    return (f"the same number is given as {a.dimension.value} ({a.unit}) and as "
            f"{b.dimension.value} ({b.unit}), which cannot both be right")  # fmt: skip


def _incommensurable(rule: RuleSpec, a: Fact, b: Fact, context: RuleContext, verdict: str):
    values = {
        "subject": a.subject or b.subject or "?",
        "predicate": a.predicate or "?",
        "item": f" of {a.item or b.item}" if a.item or b.item else "",
        "unit_a": a.unit or "",
        "unit_b": b.unit or "",
        "value_a": describe(a.value, a.unit),  # type: ignore[arg-type]
        "value_b": describe(b.value, b.unit),  # type: ignore[arg-type]
        "factor": "",
        "normalized": "",
        "verdict": verdict,
    }
    compared = [_as_stated(f) for f in (a, b)]
    return make_finding(rule, FindingKind.unit_mismatch, rule.severity, [a, b], compared,
                        values, context)  # fmt: skip


# Two figures in units with no known factor are shown side by side only if they could be one
# quantity: no packing factor in news copy is a thousandfold, and no exchange rate a
# hundred-thousandfold (the won, the rupiah and the dong are 1,400 to 26,000 to the dollar),
# while "EUR 1.78 billion" beside a "$3.68" share price is two different things.
UNKNOWN_FACTOR_RANGE = 1000.0
EXCHANGE_RATE_RANGE = 100_000.0


def _too_far_apart(a: Fact, b: Fact) -> bool:
    ratio = _magnitude(a) / _magnitude(b)
    limit = EXCHANGE_RATE_RANGE if a.dimension is Dimension.currency else UNKNOWN_FACTOR_RANGE
    return not 1 / limit <= ratio <= limit


def _compare(rule: RuleSpec, a: Fact, b: Fact, context: RuleContext):
    generic = context.lexicons.source.generic_counters
    if a.dimension is Dimension.count and (a.unit in generic or b.unit in generic):
        return None  # "units" of an item are whatever the item is counted in
    item = a.item or b.item
    conversion = None
    if a.dimension is Dimension.count:
        conversion = find_conversion(a.unit, b.unit, item, topic_conversions(a.topic, context))
    elif a.dimension is not Dimension.currency:
        conversion = _pint_conversion(a.unit, b.unit, context)
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
        if not same_number and _too_far_apart(a, b):
            return None
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
