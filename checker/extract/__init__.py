"""Stage 2, extract: read the quantity mentions of an article, with their sentence context.

Only sentences that hold a digit or a number word reach the quantity grammar; the output is
``RawFact`` records in surface form, which ``checker.normalize`` turns into ``Fact`` records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.dates import DateMention, find_dates
from checker.extract import numbers as num
from checker.extract.context import (
    AttributionCue,
    EntityMention,
    find_entities,
    find_modality,
    find_predicate_cues,
    nearest_predicate,
)
from checker.extract.nouns import NounReading, looks_plural, read_noun
from checker.extract.quantities import (
    QUANTITY,
    SINGLE_QUANTITY,
    URL,
    RawQuantity,
    amount_starts,
    is_change_not_range,
    phone_numbers,
    read_quantities,
    read_quantity,
)
from checker.extract.segment import split_sentences
from checker.extract.voice import ArticleVoice
from checker.lexicons import CompiledLexicons
from checker.models import Article, Span

_HAS_NUMBER = re.compile(
    rf"{num.DIGIT}|\b(?:{num.NUMBER_WORD}|{num.FRACTION_WORD}|several|few|handful|couple|"
    r"dozens|tens|scores|hundreds|thousands|millions|billions|trillions|twice|doubl\w*|tripl\w*|"
    r"quadrupl\w*|\w+fold)\b",
    re.IGNORECASE,
)
_IDENTIFIER_BEFORE = re.compile(r"(?:\b[A-Z]{2,}:\s*|\bNo\.\s*|#\s*|\bnumber\s+|\bNo\s+)$")
_CAPITALIZED_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w-]*\s$")
_PRONOUN_ONE = frozenset({"one"})


@dataclass(slots=True)
class RawFact:
    """A quantity mention in surface form, with the context cues of its sentence."""

    quantity: RawQuantity
    noun: NounReading
    sentence: Span
    attribution: AttributionCue | None
    modality: str
    time: DateMention | None
    subject: EntityMention | None
    predicate: str | None


def extract_article(
    article: Article, lexicons: CompiledLexicons, dateline_outlet: str | None = None
) -> list[RawFact]:
    """Every quantity mention of ``article`` outside its noise spans."""
    text = article.text
    sentences = list(split_sentences(text, article.noise))
    voice = ArticleVoice.of(text, sentences, lexicons, dateline_outlet)
    facts: list[RawFact] = []
    for index, sentence in enumerate(sentences):
        if _HAS_NUMBER.search(text, sentence.start, sentence.end):
            facts.extend(_sentence_facts(text, sentence, index, voice, article.info.published))
    return facts


def _sentence_facts(
    text: str, sentence: Span, index: int, voice: ArticleVoice, published: str | None
) -> list[RawFact]:
    lexicons = voice.lexicons
    body = text[sentence.start : sentence.end]
    dates = [_shift(d, sentence.start) for d in find_dates(body, published)]
    quantities = _quantities(text, sentence, dates, lexicons)
    if not quantities:
        return []
    attribution = voice.attribution(index)
    entities = find_entities(body, sentence.start, lexicons)
    cues = find_predicate_cues(body, sentence.start, lexicons)
    models = [(sentence.start + m.start(), m.group(0)) for m in _MODEL_TOKEN.finditer(body)]
    # A named person or outlet reports on others; a bare name that speaks ("Orbex said it will
    # invest") is usually the subject speaking for itself.
    source_name = (
        attribution.source
        if attribution
        and attribution.source
        and (attribution.kind == "outlet" or " " in attribution.source)
        else None
    )
    facts = []
    for quantity, noun in quantities:
        if noun.item is None and models:
            noun.item = _nearest_model(models, quantity)
        subject = _subject(entities, quantity, source_name) or voice.main_subject
        facts.append(
            RawFact(
                quantity=quantity,
                noun=noun,
                sentence=sentence,
                attribution=_speaker_is_subject(attribution, subject),
                modality=find_modality(
                    text,
                    quantity.start,
                    quantity.end,
                    sentence.start,
                    sentence.end,
                    attribution is not None,
                ),
                time=_nearest_date(dates, quantity),
                subject=subject,
                predicate=nearest_predicate(cues, quantity.start, quantity.end),
            )
        )
    return facts


_MODEL_TOKEN = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}\d{2,5}[A-Za-z]{0,3}(?![\w-])")


def _nearest_model(models: list[tuple[int, str]], quantity: RawQuantity) -> str:
    """The product model named nearest the number in its sentence ("shipping H200 chips ...
    an initial batch of 5,000 modules" counts H200 modules)."""
    return min(models, key=lambda m: abs(m[0] - quantity.start))[1]


def _speaker_is_subject(
    attribution: AttributionCue | None, subject: EntityMention | None
) -> AttributionCue | None:
    """'..., the company said': the organization speaking is the sentence's subject."""
    if attribution and attribution.kind == "organization" and attribution.source is None:
        return AttributionCue("organization", subject.name if subject else None, attribution.cue)
    return attribution


def _shift(mention: DateMention, offset: int) -> DateMention:
    return DateMention(mention.start + offset, mention.end + offset, mention.text, mention.value,
                       mention.is_year_only)  # fmt: skip


# Where a quantity's numeral can begin. The full grammar is tried only from a short way
# before each of these (room for a qualifier, "between" or a currency), never at every
# character of the sentence.
_NUMERAL_START = re.compile(
    rf"{num.DIGIT}|[$€£¥₹]|\b(?:{num.NUMBER_WORD}|{num.FRACTION_WORD}|several|few|handful|"
    r"couple|tens|dozens|scores|hundreds|thousands|millions|billions|trillions|twice|doubl\w*|"
    r"tripl\w*|quadrupl\w*|\w+fold|minus|negative)\b",
    re.IGNORECASE,
)
QUALIFIER_ROOM = 40


def _matches(text: str, sentence: Span) -> Iterator[re.Match[str]]:
    """Quantity matches left to right. A range that is really a change ('rose from 65% to
    71%') or that cannot be one ('2024 to 15%') is read again as separate amounts."""
    pos = sentence.start
    for start in _NUMERAL_START.finditer(text, sentence.start, sentence.end):
        if start.start() < pos:
            continue
        match = QUANTITY.search(text, max(pos, start.start() - QUALIFIER_ROOM), sentence.end)
        if match is None:
            return
        pos = max(match.end(), pos + 1)
        first, second = amount_starts(match) if match.group("sep") is not None else (0, None)
        if second is not None and (
            is_change_not_range(text, match, sentence.start) or read_quantity(match) is None
        ):
            single = SINGLE_QUANTITY.match(text, first, sentence.end)
            if single is not None:
                yield single
            pos = second
            continue
        yield match


def _read_physical_unit(
    text: str, quantity: RawQuantity, sentence: Span, lexicons: CompiledLexicons
) -> None:
    """Extend a bare number over a physical unit written after it ('400 MWh', '298-megawatt')."""
    if quantity.currency or quantity.currency_word or quantity.suffix:
        return
    match = lexicons.physical_pattern.match(text, quantity.end, sentence.end)
    if match:
        quantity.physical = match.group("unit")
        quantity.end = match.end()
        quantity.is_bare = False
        quantity.is_year_like = False


def _quantities(
    text: str, sentence: Span, dates: list[DateMention], lexicons: CompiledLexicons
) -> list[tuple[RawQuantity, NounReading]]:
    found = []
    skip = phone_numbers(text, sentence.start, sentence.end)
    skip += [url.span() for url in URL.finditer(text, sentence.start, sentence.end)]
    quantities = (
        quantity
        for match in _matches(text, sentence)
        for quantity in read_quantities(text, match, sentence.end)
    )
    for quantity in quantities:
        if _inside_date(quantity, dates):
            continue
        if any(start < quantity.end and quantity.start < end for start, end in skip):
            continue
        _read_physical_unit(text, quantity, sentence, lexicons)
        if quantity.glued and quantity.physical is None:
            continue  # "7nm", "5G", "3D", "1990s": letters glued to digits name something
        noun = read_noun(text, quantity.end, sentence.end, want_partitive=True)
        if _is_not_a_quantity(text, quantity, noun, sentence):
            continue
        found.append((quantity, noun))
    return _join_bounds(text, found)


_LOWER_BOUNDS = {"more_than": False, "at_least": True}  # qualifier -> low end inclusive
_UPPER_BOUNDS = {"less_than": False, "up_to": True}
# "and"/"but" join two bounds; a bare comma does when it joins two comparisons of one number
# ("higher than 100, lower than 300"), which _join_bounds checks from the nouns.
_BOUND_JOINER = re.compile(r"\s*(?:,?\s*(?:and|but)|,)\s*$")


def _join_bounds(
    text: str, found: list[tuple[RawQuantity, NounReading]]
) -> list[tuple[RawQuantity, NounReading]]:
    """'more than 100 but fewer than 300 staff', 'at most 100 and at least 20 apples': a lower
    and an upper bound joined by 'and', 'but' or a comma state one interval, (100, 300) and
    [20, 100]. Bounds that leave nothing between them ('more than 40 and less than 10') or
    that count different things stay two facts."""
    joined: list[tuple[RawQuantity, NounReading]] = []
    for quantity, noun in found:
        if joined:
            first, first_noun = joined[-1]
            merged = _one_interval(text, first, first_noun, quantity, noun)
            if merged is not None:
                joined[-1] = (merged, noun if noun.noun else first_noun)
                continue
        joined.append((quantity, noun))
    return joined


def _one_interval(
    text: str, first: RawQuantity, first_noun: NounReading, second: RawQuantity,
    second_noun: NounReading,
) -> RawQuantity | None:  # fmt: skip
    """The interval two consecutive bounds state together, if they are one lower and one upper
    bound of the same kind of number, joined by 'and', 'but' or a comma."""
    if first.qualifier in _LOWER_BOUNDS and second.qualifier in _UPPER_BOUNDS:
        low, high = first, second
    elif first.qualifier in _UPPER_BOUNDS and second.qualifier in _LOWER_BOUNDS:
        low, high = second, first
    else:
        return None
    touching_open = low.low == high.high and not (
        _LOWER_BOUNDS[low.qualifier] and _UPPER_BOUNDS[high.qualifier]
    )
    if (
        low.low > high.high
        or touching_open
        or first.suffix != second.suffix
        or first.is_fraction != second.is_fraction
        or (first_noun.noun is not None and first_noun.noun != second_noun.noun)
        or not _BOUND_JOINER.match(text[first.end : second.start])
    ):
        return None
    return RawQuantity(
        start=first.start, end=second.end, low=low.low, high=high.high, qualifier="range",
        currency=first.currency or second.currency,
        currency_word=first.currency_word or second.currency_word, suffix=second.suffix,
        physical=first.physical or second.physical, is_fraction=first.is_fraction,
        low_inclusive=_LOWER_BOUNDS[low.qualifier], high_inclusive=_UPPER_BOUNDS[high.qualifier],
    )  # fmt: skip


def _inside_date(quantity: RawQuantity, dates: list[DateMention]) -> bool:
    for date in dates:
        if date.start < quantity.end and quantity.start < date.end:
            if date.is_year_only and quantity.is_year_like:
                return True  # a bare year is a date (unless it counts something, see below)
            return not date.is_year_only or quantity.is_bare
    return False


def _is_not_a_quantity(text: str, quantity: RawQuantity, noun: NounReading, sentence: Span) -> bool:
    """Identifiers, model numbers, pronoun 'one' and bare years are not quantities."""
    surface = text[quantity.start : quantity.end]
    if quantity.is_year_like and quantity.is_bare and not (noun.noun and looks_plural(noun.noun)):
        return True
    if quantity.is_bare:
        before = text[max(sentence.start, quantity.start - 12) : quantity.start]
        if _IDENTIFIER_BEFORE.search(before):
            return True
        short = surface.isdigit() and len(surface) <= 4
        if short and quantity.start > sentence.start and _CAPITALIZED_BEFORE.search(before):
            return True  # "Windows 11", "Boeing 737 jets": a name, not an amount
    bare_word = surface.strip().lower() in _PRONOUN_ONE
    return bare_word and (noun.noun is None or noun.partitive)


def _nearest_date(dates: list[DateMention], quantity: RawQuantity) -> DateMention | None:
    best: tuple[int, DateMention] | None = None
    for date in dates:
        distance = min(abs(date.start - quantity.end), abs(quantity.start - date.end))
        if best is None or distance < best[0]:
            best = (distance, date)
    return best[1] if best else None


def _is_source(name: str, source: str | None) -> bool:
    """'Huang' is the source 'Jensen Huang' named again."""
    return bool(source) and (name == source or name in source.split())


def main_subject(text: str, lexicons: CompiledLexicons) -> EntityMention | None:
    """The entity an article is mostly about: its most mentioned known company or government
    (first mention wins a tie). Sentences that name nobody are taken to be about it."""
    counts: dict[str, int] = {}
    first: dict[str, EntityMention] = {}
    for match in lexicons.entity_pattern.finditer(text):
        entity = lexicons.entity_of(match.group(0))
        if entity is None or entity.type in ("outlet", "person"):
            continue
        counts[entity.name] = counts.get(entity.name, 0) + 1
        first.setdefault(entity.name, EntityMention(match.start(), match.end(), entity.name,
                                                    entity.type))  # fmt: skip
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name], -first[name].start))
    return first[best]


def _subject(
    entities: list[EntityMention], quantity: RawQuantity, source: str | None
) -> EntityMention | None:
    """The entity a number is about: the first before it (the clause's grammatical subject in
    most news sentences) that is not the cited source, preferring names the lexicon knows."""
    candidates = [e for e in entities if e.type != "outlet" and not _is_source(e.name, source)]
    before = [e for e in candidates if e.end <= quantity.start]
    known = [e for e in before if e.type]
    if known or before:
        return (known or before)[0]
    after = [e for e in candidates if e.start >= quantity.end]
    return after[0] if after else None
