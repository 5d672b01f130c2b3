"""Which facts are about the same thing: grouping by a hashed key, never by comparing pairs.

The key of a fact is (topic, predicate, what): `what` is the product counted or priced (item)
when the text names one, else for counts the counted unit itself, so "3 companies" and
"200,000 units" approved are never compared as one quantity. A topic is one story, so the
subject is left out of the key: subjects read from single sentences are still too unreliable
("Ghent", "Kestrel" and "Kenya" for one shipment) to split a story's facts by. A fact without
a predicate is too vague to compare and joins no group; so is an amount or a percentage with
neither subject nor item, while a count's noun says what it counts ("53 permanent jobs").
Decision statuses form groups of their own, `status:<item or subject>`, so a status is never
compared with a number. A count of a noun that says what is counted ("12 clinics", "1,500
server racks") whose sentence names no predicate of the lexicon (no cue, or only a verb read
as written: "packed", "designed") has the predicate `count`: the number of those things is
the measure, whatever verb each article happens to use. Nouns the lexicon calls broad
("people", "homes") still need a predicate: "23 people" may be hospitalised or evacuated.
With no predicate to tell them apart, the words between the number and the noun do: "nine
primary schools" are not "14 schools", nor "two diesel ferries" "three electric ferries".
Such a count joins the group of the one lexicon predicate the topic counts its noun under,
if there is exactly one ("Trains: 28 trainsets" beside "building 24 trainsets").
Building the groups is one pass over the facts (O(n)); rules then look only inside a group.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from checker.models import Dimension, Fact
from checker.numberwords import (
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_COUNT_WORDS,
    VAGUE_PLURALS,
)

GroupKey = tuple[str, str, str]
COUNT = "count"  # the predicate of a count that is its own measure


@dataclass(frozen=True)
class Measures:
    """What the lexicon says about measures: its predicates that name one (not the weak ones,
    verbs of change), and the counted nouns too broad (or too generic: 'units' of whatever)
    to be a measure on their own."""

    predicates: frozenset[str] = frozenset()
    broad_nouns: frozenset[str] = frozenset()


# An amount of money, a percentage or a bare ratio with neither subject nor item says too
# little to be compared ("rose 3%", "$2 billion"); a counted noun says what is counted ("53
# permanent jobs") and a physical unit what is measured ("180 mm of rain").
NEEDS_SUBJECT_OR_ITEM = frozenset(
    [Dimension.currency, Dimension.percent, Dimension.percentage_point, Dimension.multiplier,
     Dimension.fraction, Dimension.number, Dimension.duration]
)  # fmt: skip


def shortest_forms(names: set[str]) -> dict[str, str]:
    """Each name -> the shortest of ``names`` that its words begin with ("Orsk Technik" ->
    "Orsk", "Corrigan Ridge Fire" -> "Corrigan Ridge"), so one actor written two ways is one.
    Each name's word prefixes are looked up: linear in the names, not in their pairs."""
    forms: dict[str, str] = {}
    for name in names:
        words = name.split()
        prefixes = (" ".join(words[:length]) for length in range(1, len(words)))
        forms[name] = next((prefix for prefix in prefixes if prefix in names), name)
    return forms


def measure_of(fact: Fact, measures: Measures | None) -> str | None:
    """The predicate a fact is grouped by: its own, or `count` for a count of a noun that
    is a measure of its own and no lexicon predicate names."""
    if (
        measures is not None
        and fact.dimension is Dimension.count
        and fact.item is None
        and fact.unit is not None
        and fact.unit not in measures.broad_nouns
        and (fact.predicate is None or fact.predicate not in measures.predicates)
    ):
        return COUNT
    return fact.predicate


def group_key(
    fact: Fact, families: dict[str, str] | None = None, measures: Measures | None = None
) -> GroupKey | None:
    predicate = measure_of(fact, measures)
    if predicate is None or (
        fact.subject is None and fact.item is None and fact.dimension in NEEDS_SUBJECT_OR_ITEM
    ):
        return None
    if fact.dimension is Dimension.status:
        return (fact.topic, predicate, f"status:{fact.item or fact.subject}")
    what = fact.item or ""
    if not what and fact.dimension is Dimension.count:
        unit = fact.unit or ""
        what = f"unit:{(families or {}).get(unit, unit)}"
        if predicate == COUNT and (modifiers := count_modifiers(fact.quote)):
            what += f"/{' '.join(modifiers)}"
    return (fact.topic, predicate, what)


_QUOTE_WORD = re.compile(r"[^\W_][\w'’-]*")
# A token of the number in a count's quote: figures, or the number grammar's words.
_NUMBER_TOKEN = re.compile(
    r"[\d.,]+\w*|(?:"
    + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
    + r")(?:-\w+)?|hundreds?|dozens?|"
    + "|".join([*SCALES, *(f"{s}s" for s in SCALES), *SCALE_ABBREVIATIONS, *VAGUE_PLURALS,
                *(w for phrase in VAGUE_COUNT_WORDS for w in phrase.split())])
)  # fmt: skip
# Words that join a number to its noun without qualifying the noun ("dozens of clinics").
_LINKING_WORDS = frozenset(["of", "the", "a", "an"])


def count_modifiers(quote: str) -> tuple[str, ...]:
    """The words between a count's number and its noun ('two diesel ferries' -> diesel),
    sorted; none for '12 clinics'."""
    words = _QUOTE_WORD.findall(quote.lower())
    numbers = [i for i, word in enumerate(words) if _NUMBER_TOKEN.fullmatch(word)]
    if not numbers:
        return ()
    return tuple(sorted(set(words[numbers[-1] + 1 : -1]) - _LINKING_WORDS))


def group_facts(
    facts: list[Fact],
    families: dict[str, str] | None = None,
    measures: Measures | None = None,
    keys: list[GroupKey | None] | None = None,
) -> dict[GroupKey, list[Fact]]:
    """Facts by group key, each group in article/offset order; keys in sorted order.
    ``keys`` are the facts' group_key values when the caller has them already.

    A count that names no product ("an order for 85 aircraft") joins the group of the one
    product the topic counts in that unit under that predicate ("60 VT-290 jets"), if there
    is exactly one; two passes, still O(n)."""
    groups: dict[GroupKey, list[Fact]] = defaultdict(list)
    if keys is None:
        keys = [group_key(fact, families, measures) for fact in facts]
    sole = _sole_products(facts, keys, families or {})
    sole.update(_sole_measures(keys))
    # A percentage whose sentence names nobody ("18% contained") joins the measure others
    # state of a named subject ("the fire was 12% contained"): the topic is one story.
    keyed = set(keys)
    for fact, key in zip(facts, keys, strict=True):
        if key is None and fact.predicate and fact.item is None and fact.subject is None:
            joined = (fact.topic, fact.predicate, "")
            key = joined if joined in keyed and fact.dimension is Dimension.percent else None
        if key is not None:
            groups[sole.get(key, key)].append(fact)
    return {key: sorted(groups[key], key=lambda f: (f.article, f.start)) for key in sorted(groups)}


def _sole_products(
    facts: list[Fact], keys: list[GroupKey | None], families: dict[str, str]
) -> dict[GroupKey, GroupKey]:
    """The key 'unit:U' of item-less counts -> the key of the only product counted in U."""
    products: dict[GroupKey, set[str]] = defaultdict(set)
    for fact, key in zip(facts, keys, strict=True):
        if key is not None and fact.item and fact.dimension is Dimension.count and fact.unit:
            unit = families.get(fact.unit, fact.unit)
            products[(fact.topic, fact.predicate or "", f"unit:{unit}")].add(fact.item)
    return {key: (key[0], key[1], next(iter(items)))
            for key, items in products.items() if len(items) == 1}  # fmt: skip


def _sole_measures(keys: list[GroupKey | None]) -> dict[GroupKey, GroupKey]:
    """The key of a count no predicate names ("Trains: 28 trainsets") -> the key of the one
    predicate the topic counts that noun under ("24 trainsets built by ..."): one thing
    counted, stated with a verb in one article and without in another."""
    predicates: dict[tuple[str, str], set[str]] = defaultdict(set)
    for key in keys:
        if key is not None and key[1] != COUNT and key[2].startswith("unit:"):
            predicates[(key[0], key[2])].add(key[1])
    return {
        key: (key[0], next(iter(names)), key[2])
        for key in keys
        if key is not None and key[1] == COUNT
        and len(names := predicates.get((key[0], key[2]), set())) == 1
    }  # fmt: skip
