"""Conversion factors the corpus itself states, with their provenance.

"5,000 to 10,000 modules, equivalent to roughly 40,000 to 80,000 chips" gives 8 chips per
module; "120,000 vials, each holding 10 doses" gives 10 doses per vial. Only two counted facts
of one sentence joined by an equivalence phrase, or a count introduced by "each ... holds",
make a factor; the factor is scoped to the topic it was read in.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from checker.lexicons import CompiledLexicons, Conversion, singular
from checker.models import Article, Dimension, Fact
from checker.rules.context import RuleContext

_EQUIVALENCE = re.compile(
    r"^\s*,?\s*\(?\s*(?:equivalent\s+to|equal\s+to|or|i\.e\.,?|that\s+is,?|amounting\s+to|"
    r"which\s+is|the\s+equivalent\s+of)\s+(?:roughly\s+|about\s+|around\s+|some\s+|"
    r"approximately\s+|nearly\s+)?$",
    re.IGNORECASE,
)
# "each vial holds", "Each Q7 module carries": a product's name may come before the container.
_EACH_HOLDS = re.compile(
    r"\beach\s+(?P<product>(?:(?-i:[A-Z0-9][\w.-]*)\s+){0,3})(?:(?P<container>[a-z]+)\s+)?"
    r"(?:holds|holding|contains|containing|has|having|carries|carrying|with|of|"
    r"(?:is\s+)?(?:powered|equipped|fitted|driven)\s+(?:by|with))\s+$",
    re.IGNORECASE,
)
# "120 engines for the jets, two for each aircraft": the count per container comes after it.
_FOR_EACH = re.compile(r"\s+(?:for|per|on)\s+(?:each|every)\s+(?P<container>[a-z]+)\b",
                       re.IGNORECASE)  # fmt: skip
_ROOM = 60


def _magnitude(fact: Fact) -> float | None:
    stated = fact.value.stated
    return stated[0] if stated and stated[0] > 0 else None


def _equivalence(a: Fact, b: Fact, text: str) -> Conversion | None:
    if not _EQUIVALENCE.match(text[a.end : b.start]):
        return None
    low_a, low_b = _magnitude(a), _magnitude(b)
    if low_a is None or low_b is None:
        return None
    quote = text[a.start : b.end]
    return Conversion.model_validate({"from": a.unit, "to": b.unit, "factor": low_b / low_a,
                                      "source": f"stated in {a.article}: “{quote}”"})  # fmt: skip


def _each_holds(
    container: Fact | None,
    content: Fact,
    text: str,
    unit_of_product: dict[str, str],
    lexicons: CompiledLexicons,
) -> Conversion | None:
    """'each vial holds 10 doses'; 'Each VT-290 carries two engines', where the product's
    own counted unit (aircraft) is the container."""
    match = _EACH_HOLDS.search(text, max(0, content.start - _ROOM), content.start)
    if not match or content.value.stated == [] or content.unit is None:
        return None

    written = match.group("container")
    word = singular(written.lower(), lexicons) if written else ""
    product = match.group("product").split()
    unit = (
        word
        or (unit_of_product.get(product[-1]) if product else None)
        or (container.unit if container else None)
    )
    if not unit or unit == content.unit:
        return None
    quote = text[match.start() : content.end]
    source = f"stated in {content.article}: “{quote}”"
    return Conversion.model_validate(
        {"from": unit, "to": content.unit, "factor": content.value.stated[0], "source": source}
    )


def _for_each(
    previous: Fact | None, count: Fact, text: str, lexicons: CompiledLexicons
) -> Conversion | None:
    """'120 engines for the jets, two for each aircraft': the number before "for each" counts
    the previous figure's unit per container."""
    match = _FOR_EACH.match(text, count.end)
    if match is None or previous is None or previous.unit is None or not count.value.stated:
        return None

    unit = singular(match.group("container").lower(), lexicons)
    if unit == previous.unit or count.value.stated[0] <= 0:
        return None
    source = f"stated in {count.article}: “{text[count.start : match.end()]}”"
    factor = count.value.stated[0]
    return Conversion.model_validate(
        {"from": unit, "to": previous.unit, "factor": factor, "source": source}
    )


def _units_of_products(facts: list[Fact]) -> dict[tuple[str, str], str]:
    """(topic, product) -> the unit the topic counts that product in most often."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for fact in facts:
        if fact.dimension is Dimension.count and fact.item and fact.unit:
            counts[(fact.topic, fact.item)][fact.unit] += 1
    return {key: max(sorted(units), key=units.__getitem__) for key, units in counts.items()}


def stated_conversions(
    facts: list[Fact], articles: dict[str, Article], lexicons: CompiledLexicons
) -> dict[str, list[Conversion]]:
    """Topic id -> the conversion factors its articles state."""
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.dimension is Dimension.count or (fact.unit is None and fact.value is not None):
            by_sentence[(fact.article, fact.sentence.start)].append(fact)
    products = _units_of_products(facts)
    found: dict[str, list[Conversion]] = defaultdict(list)
    for (article, _), group in sorted(by_sentence.items()):
        text = articles[article].text
        ordered = sorted(group, key=lambda f: f.start)
        units = {item: unit for (topic, item), unit in products.items()
                 if topic == ordered[0].topic}  # fmt: skip
        for index, fact in enumerate(ordered):
            previous = ordered[index - 1] if index else None
            conversion = None
            if previous is not None and previous.unit != fact.unit and fact.unit is not None:
                conversion = _equivalence(previous, fact, text)
            if fact.unit is None:
                conversion = _for_each(previous, fact, text, lexicons)
            else:
                conversion = conversion or _each_holds(previous, fact, text, units, lexicons)
            if conversion is not None:
                found[fact.topic].append(conversion)
    return dict(found)


def contents_per_container(facts: list[Fact], articles: dict[str, Article]) -> set[str]:
    """Ids of counts that say what one container holds ("each vial holds 10 doses"): an
    amount per vial, not an amount of the story, so never a factor of a total."""
    return {
        fact.id
        for fact in facts
        if fact.dimension is Dimension.count
        and _EACH_HOLDS.search(articles[fact.article].text, max(0, fact.start - _ROOM), fact.start)
    }


def unit_families(conversions: list[Conversion]) -> dict[str, str]:
    """Unit -> a representative of every unit it converts to, directly or not (union-find), so
    that "500,000 vials" and "5 million doses" land in one group when a factor links them."""
    parent: dict[str, str] = {}

    def root(unit: str) -> str:
        while parent.setdefault(unit, unit) != unit:
            parent[unit] = parent[parent[unit]]
            unit = parent[unit]
        return unit

    for conversion in conversions:
        a, b = root(conversion.from_), root(conversion.to)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return {unit: root(unit) for unit in parent}


FACTOR_TOLERANCE = 0.02


def topic_conversions(topic: str, context: RuleContext) -> list[Conversion]:
    """Factors from rules/lexicons/units.yaml, then those the topic's own articles state
    (read once per run and kept in the context's indexes)."""
    stated = context.indexes.get("stated_conversions")
    if stated is None:
        stated = stated_conversions(context.facts, context.articles, context.lexicons)
        context.indexes["stated_conversions"] = stated
    return [*context.lexicons.source.conversions, *stated.get(topic, [])]  # type: ignore[union-attr]


def factor_between(a: Fact, b: Fact, conversions: list[Conversion]) -> Conversion | None:
    """A conversion into or out of the facts' shared unit whose factor is exactly the ratio of
    their stated numbers ("500,000 doses" vs "5 million doses" with 10 doses per vial)."""
    if a.value is None or b.value is None or a.unit != b.unit:
        return None
    small, big = sorted((a.value.stated, b.value.stated))
    if not small or len(small) != len(big) or not all(small):
        return None
    for conversion in conversions:
        if a.unit not in (conversion.from_, conversion.to) or conversion.factor == 1:
            continue
        ratio = max(conversion.factor, 1 / conversion.factor)
        if all(math.isclose(y / x, ratio, rel_tol=FACTOR_TOLERANCE)
               for x, y in zip(small, big, strict=True)):  # fmt: skip
            return conversion
    return None
