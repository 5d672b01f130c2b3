"""Stage 2, extract: read the quantity mentions of an article, with their sentence context.

Only sentences that hold a digit or a number word reach the quantity grammar; the output is
``RawFact`` records in surface form, which ``checker.normalize`` turns into ``Fact`` records.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.dates import DateMention, find_dates
from checker.extract import numbers as num
from checker.extract.ambiguity import (
    currency_rather_than_unit,
    length_rather_than_million,
    nearest_cue,
)
from checker.extract.context import (
    SPEECH_VERB_WORDS,
    AttributionCue,
    EntityMention,
    PredicateCue,
    find_entities,
    find_modality,
    find_predicate_cues,
    governing_verb,
    is_institution,
    modality_cues,
    modifies_a_noun,
    names_a_unit,
    nearest_predicate,
    price_tag_reach,
)
from checker.extract.levels import NOT_COUNTED, counts_back, level_noun, refers_back
from checker.extract.nouns import OF_PRONOUN, NounReading, looks_plural, read_noun
from checker.extract.quantities import (
    CURRENCY_SIGN,
    QUANTITY,
    SINGLE_QUANTITY,
    URL,
    RawQuantity,
    amount_starts,
    is_change_not_range,
    may_start_quantity,
    phone_numbers,
    read_quantities,
    read_quantity,
)
from checker.extract.segment import fold_case, split_sentences
from checker.extract.status import (
    StatusMention,
    find_status_mentions,
    is_prospect,
    status_under,
)
from checker.extract.voice import ArticleVoice
from checker.lexicons import CompiledLexicons, fold_currency, singular
from checker.models import Article, Span
from checker.regex_trie import trie_alternation
from checker.units import convert

# Words that state an amount. Both triggers below run on the case-folded text (see
# fold_case), so they are written in lower case. Whole words only (\b on both sides), so the
# order of the alternatives cannot change a match, and the word list is written as a trie.
_AMOUNT_WORDS = (
    *num.NUMBER_WORD.split("|"), *num.FRACTION_WORD.split("|"), "several", "few", "handful",
    "couple", "dozens", "tens", "scores", "hundreds", "thousands", "millions", "billions",
    "trillions", "twice",
)  # fmt: skip
_AMOUNT_WORD = rf"{trie_alternation(_AMOUNT_WORDS)}|doubl\w*|tripl\w*|quadrupl\w*|\w+fold"
_HAS_NUMBER = re.compile(rf"{num.DIGIT}|\b(?:{_AMOUNT_WORD})\b")
_IDENTIFIER_BEFORE = re.compile(r"(?:\b[A-Z]{2,}:\s*|\bNo\.\s*|#\s*|\bnumber\s+|\bNo\s+)$")
_CAPITALIZED_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w-]*\s$")
# "The 25 clinics": a determiner opening the sentence before a number and its plural noun.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:The|These|Those|Its|Their|Our|His|Her|All|Some|About|Nearly|Almost|Over|Only|"
    r"Just|Around|Roughly|Another)\s$"
)
_PRONOUN_ONE = frozenset({"one"})
# Ages: "children aged 5 to 11", "children under five", "people 65 and older". The number
# says who is meant, not how many: it is no count of its own.
_AGED_BEFORE = re.compile(r"\b(?:aged|ages?)\s+$", re.IGNORECASE)
_PEOPLE_BEFORE = re.compile(
    r"\b(?:children|kids|people|persons|adults|patients|residents|men|women|boys|girls|"
    r"teenagers|teens|babies|infants|pupils|students|individuals|those|anyone|everyone)\s+$",
    re.IGNORECASE,
)
_AGE_BOUND_AFTER = re.compile(r"\s+(?:and|or)\s+(?:older|over|above|younger|under|below)\b")
_AGE_QUALIFIERS = frozenset({"less_than", "more_than", "at_least", "up_to"})
AGE_ROOM = 16
_CLOCK_AFTER = re.compile(
    r"\s?(?:[ap]\.\s?m\b\.?|[ap]m\b|o['’]clock\b|(?-i:GMT|UTC)\b)", re.IGNORECASE
)
# What opens a list item's line: a bullet, or a number with a full stop or a bracket ("1. ",
# "2) ", "(3) "), then a space. The number counts nothing ("1. Lakeshore Rail Corporation
# news release").
_LIST_MARKER = r"[ \t]*(?:[-*•+]|[(\[]?(?P<number>\d{1,3})[.)\]])[ \t]"
_LIST_ITEM = re.compile(_LIST_MARKER)
# "in one go", "at one point", "one by one": set phrases in which "one" counts nothing.
_ONE_IN_SET_PHRASE = re.compile(
    r"\b(?:(?:in\s+one\s+(?:go|piece|place|sitting|breath|fell\s+swoop))|"
    r"(?:at\s+one\s+(?:point|stage|time))|(?:one\s+by\s+one)|(?:one\s+another))\b",
    re.IGNORECASE,
)


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
    predicate: str | None  # from a cue of the predicate lexicon
    verb: str | None = None  # the verb governing the number, when no cue names a predicate


@dataclass(slots=True)
class RawStatus:
    """A decision status stated in a sentence ("regulators have approved ..."), with the
    context cues of its sentence."""

    mention: StatusMention
    status: str
    sentence: Span
    attribution: AttributionCue | None
    modality: str
    time: DateMention | None
    subject: EntityMention | None
    item: str | None


def extract_article(
    article: Article, lexicons: CompiledLexicons, dateline_outlet: str | None = None
) -> list[RawFact | RawStatus]:
    """Every quantity mention and decision status of ``article`` outside its noise spans."""
    text = article.text
    folded = fold_case(text)
    sentences = list(split_sentences(text, article.noise))
    voice = ArticleVoice.of(text, sentences, lexicons, dateline_outlet)
    facts: list[RawFact | RawStatus] = []
    mentions = find_status_mentions(folded, 0, len(folded), lexicons)
    next_mention = 0
    lead_in = _LeadIn() if _LIST_AFTER_LEAD_IN.search(text) else None
    for index, sentence in enumerate(sentences):
        while next_mention < len(mentions) and mentions[next_mention].start < sentence.start:
            next_mention += 1
        statuses = []
        while next_mention < len(mentions) and mentions[next_mention].end <= sentence.end:
            statuses.append(mentions[next_mention])
            next_mention += 1
        if lead_in is not None:
            lead_in.read(text, sentence, article.info.published)
        if statuses or _HAS_NUMBER.search(folded, sentence.start, sentence.end):
            context = _SentenceContext.of(text, folded, sentence, index, voice,
                                          article.info.published)  # fmt: skip
            if lead_in is not None and not context.dates:
                context.dates = lead_in.dates_for_last()
            context.before = _fact_just_before(facts, sentence)
            facts.extend(_sentence_facts(context))
            facts.extend(_sentence_statuses(context, statuses))
    return facts


# A list's lead-in line ("Between Saturday 9 May and Wednesday 13 May:") and its items.
_ENDS_WITH_COLON = re.compile(r":[\s*_]*\Z")
# Whether an article has a list after a lead-in line at all: most have none, and then no
# sentence is read for one.
_LIST_AFTER_LEAD_IN = re.compile(rf":[\s*_]*\n{_LIST_MARKER}")


class _LeadIn:
    """The dates of the line that introduces a list, which its undated items are about:
    "Between Saturday 9 May and Wednesday 13 May:" dates "- Operations postponed: 1,140"."""

    def __init__(self) -> None:
        self._dates: list[DateMention] = []
        self._in_list = False  # whether the sentence read last is a list item

    def read(self, text: str, sentence: Span, published: str | None) -> None:
        self._in_list = _is_list_item(text, sentence)
        if self._in_list:
            return  # an item keeps its list's lead-in
        self._dates = []
        tail = text[max(sentence.start, sentence.end - 4) : sentence.end]
        if ":" in tail and _ENDS_WITH_COLON.search(text, sentence.start, sentence.end):
            body = text[sentence.start : sentence.end]
            self._dates = [_shift(d, sentence.start) for d in find_dates(body, published)]

    def dates_for_last(self) -> list[DateMention]:
        """The lead-in's dates if the sentence read last is an item of its list."""
        return self._dates if self._in_list else []


def _is_list_item(text: str, sentence: Span) -> bool:
    """Whether the sentence is on a line that opens with a list marker ("- ", "2. ")."""
    return _list_marker_of_line(text, sentence.start) is not None


def _list_marker_of_line(text: str, position: int) -> re.Match[str] | None:
    """The list marker that opens the line ``position`` is on, if any."""
    return _LIST_ITEM.match(text, text.rfind("\n", 0, position) + 1)


# How far back the sentence of the figure a tally refers to may end: the sentence before.
REFER_BACK_ROOM = 3


def _fact_just_before(facts: list[RawFact | RawStatus], sentence: Span) -> RawFact | None:
    """The last fact read, when its sentence ends right before ``sentence`` starts."""
    last = facts[-1] if facts else None
    if isinstance(last, RawFact) and 0 <= sentence.start - last.sentence.end <= REFER_BACK_ROOM:
        return last
    return None


@dataclass
class _SentenceContext:
    """What every fact of one sentence shares: its dates, cues, speaker and names."""

    text: str
    folded: str
    sentence: Span
    index: int
    voice: ArticleVoice
    dates: list[DateMention]
    before: RawFact | None = None  # the article's last fact, when its sentence is just before
    _hedges: list[tuple[int, int, str]] | None = None
    _entities: list[EntityMention] | None = None
    _models: list[tuple[int, str]] | None = None

    @classmethod
    def of(cls, text: str, folded: str, sentence: Span, index: int, voice: ArticleVoice,
           published: str | None) -> _SentenceContext:  # fmt: skip
        body = text[sentence.start : sentence.end]
        dates = [_shift(d, sentence.start) for d in find_dates(body, published)]
        return cls(text, folded, sentence, index, voice, dates)

    @property
    def body(self) -> str:
        return self.text[self.sentence.start : self.sentence.end]

    @property
    def hedges(self) -> list[tuple[int, int, str]]:
        if self._hedges is None:
            self._hedges = modality_cues(self.folded, self.sentence.start, self.sentence.end)
        return self._hedges

    @property
    def entities(self) -> list[EntityMention]:
        if self._entities is None:
            self._entities = find_entities(self.body, self.sentence.start, self.voice.lexicons,
                                           self.voice.is_common_word)  # fmt: skip
        return self._entities

    @property
    def models(self) -> list[tuple[int, str]]:
        if self._models is None:
            start = self.sentence.start
            found = _MODEL_TOKEN.finditer(self.body)
            self._models = [(start + m.start(), m.group(0)) for m in found]
        return self._models

    def modality(self, start: int, end: int, attributed: bool, look_after: bool = True,
                 reach: int | None = None) -> str:  # fmt: skip
        return find_modality(self.hedges, start, end, self.sentence.start, self.sentence.end,
                             attributed, look_after, reach)  # fmt: skip

    def money_modality(self, quantity: RawQuantity, attributed: bool) -> str:
        """A price tag's modality is read next to its tag only (``price_tag_reach``)."""
        reach = None
        if quantity.currency is not None:
            reach = price_tag_reach(self.text, quantity.start, self.sentence.start)
        if reach is None:
            return self.modality(quantity.start, quantity.end, attributed)
        return self.modality(quantity.start, quantity.end, attributed, False, reach)

    def source_name(self, attribution: AttributionCue | None) -> str | None:
        """A named person, outlet or institution reports on others ("the Ministry of Health
        said 96,000 children ..."); a company that speaks ("Orbex Holdings said it will
        invest") is usually the subject speaking for itself, and so is a bare name ("Orbex
        said"), which is more often a company's than a person's."""
        if attribution is None or not attribution.source:
            return None
        source, kind = attribution.source, attribution.kind
        if kind == "outlet" or is_institution(source) or (kind == "person" and " " in source):
            return source
        return None


def _sentence_facts(context: _SentenceContext) -> list[RawFact]:
    text, sentence, voice = context.text, context.sentence, context.voice
    quantities = _quantities(text, context.folded, sentence, context.dates, voice.lexicons)
    if not quantities:
        return []
    attribution = voice.attribution(context.index)
    cues = find_predicate_cues(context.body, sentence.start, voice.lexicons)
    source_name = context.source_name(attribution)
    facts = []
    _mark_distributive(text, sentence, quantities)
    _resolve_ones(quantities)
    dates = _dates_for_each(text, context.dates, [quantity for quantity, _ in quantities])
    for quantity, noun in quantities:
        if noun.item is None and context.models:
            noun.item = _nearest_model(context.models, quantity)
        clause = _clause_start(text, sentence.start, quantity.start)
        subject = _subject(context.entities, quantity, source_name, clause, noun.end)
        own_cues = _cues_not_counted_by_others(cues, quantities, quantity, noun)
        own_cues = _cues_of_its_kind(own_cues, quantity, noun, voice.lexicons)
        if noun.named_before:  # "a span of 218 metres": the noun, not a verb, names it
            predicate = voice.lexicons.cue_to_predicate.get(noun.noun or "")
        else:
            predicate = _predicate_of(quantity, own_cues, text, voice.lexicons)
        predicate = _toll_of_counted_noun(predicate, noun, voice.lexicons) or predicate
        if subject is None and predicate not in voice.lexicons.counted_noun:
            # A toll (deaths, evacuations) that names nobody is about the event, not about
            # the company or government the article names most.
            subject = voice.main_subject
        verb = None if predicate or noun.named_before else governing_verb(
            text, quantity.start, noun.end, sentence.start, sentence.end)  # fmt: skip
        if facts and counts_back(text, quantity.start, sentence.start):
            # "reached 214, up from 163": the earlier value of the figure before it
            predicate, verb = facts[-1].predicate, facts[-1].verb
        earlier = facts[-1] if facts else context.before
        if (
            earlier
            and noun.noun is None
            and _is_plain_number(quantity)
            and refers_back(text, quantity.start, sentence.start)
        ):
            # "187,000 children had received a first dose ... the total had risen to 212,400"
            noun.noun, predicate, verb = earlier.noun.noun, earlier.predicate, earlier.verb
            subject = earlier.subject or subject
        facts.append(
            RawFact(
                quantity=quantity,
                noun=noun,
                sentence=sentence,
                attribution=_speaker_is_subject(attribution, subject),
                modality=context.money_modality(quantity, attribution is not None),
                time=_nearest_date(dates[id(quantity)], quantity, text, sentence.start),
                subject=subject,
                predicate=predicate,
                verb=verb,
            )
        )
    return facts


def _cues_not_counted_by_others(
    cues: list[PredicateCue], quantities: list[tuple[RawQuantity, NounReading]],
    quantity: RawQuantity, noun: NounReading,
) -> list[PredicateCue]:  # fmt: skip
    """The cues a figure may take: not the noun another figure of the sentence counts ("36,000
    passengers a day ... and about 4,100 construction jobs": "jobs" is the second figure's),
    unless both count the same thing ("1,200 jobs, 300 of them permanent") or the figure
    counts no noun of its own ("47 confirmed cases: Manitoba (31), Ontario (5)")."""
    if len(quantities) < 2 or not cues or noun.noun is None:
        return cues
    counted = [(other.start, reading.end) for other, reading in quantities
               if other is not quantity and reading.noun not in (None, noun.noun)]  # fmt: skip
    return [
        cue
        for cue in cues
        if not any(low <= cue.start and cue.end <= high for low, high in counted)
    ]


# "77 cents a share": sums of money though the unit lexicon counts them as nouns.
_SMALL_CHANGE = frozenset(["cent", "cents", "penny", "pence"])


def _cues_of_its_kind(
    cues: list[PredicateCue], quantity: RawQuantity, noun: NounReading,
    lexicons: CompiledLexicons,
) -> list[PredicateCue]:  # fmt: skip
    """The cues whose predicates take a figure of this kind: a count or a measurement ("six
    hospitals", "a 286-mile line") is never a sum of money, and a sum or a measurement
    ("$5 million", "1.3GB") never a count of people or jobs."""
    if quantity.suffix:
        return cues
    money = bool(quantity.currency or quantity.currency_word) or (
        noun.noun is not None
        and (
            noun.noun.lower() in _SMALL_CHANGE
            or fold_currency(noun.noun) in lexicons.currency_folded
        )
    )
    excluded: frozenset[str] = frozenset()
    if not money and (quantity.physical or noun.noun is not None):
        excluded = lexicons.sums_only
    if money or quantity.physical:
        excluded = excluded | lexicons.counts_only
    return [cue for cue in cues if cue.predicate not in excluded] if excluded else cues


# "96 containers, each rated at roughly 4.2 MWh": the second figure is per container.
_EACH_BEFORE = re.compile(r"\beach\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)
EACH_ROOM = 40


def _mark_distributive(
    text: str, sentence: Span, quantities: list[tuple[RawQuantity, NounReading]]
) -> None:
    """A figure introduced by "each" is per one of the things counted before it: its rate
    is that noun, so it is never compared with totals."""
    previous: NounReading | None = None
    for quantity, noun in quantities:
        low = max(sentence.start, quantity.start - EACH_ROOM)
        if noun.per is None and _EACH_BEFORE.search(text, low, quantity.start):
            noun.per = (previous.noun if previous and previous.noun else None) or "each"
        previous = noun


def _resolve_ones(quantities: list[tuple[RawQuantity, NounReading]]) -> None:
    """ "500 construction jobs and 35 permanent ones": "ones" stands for the noun counted just
    before it in the sentence."""
    previous: str | None = None
    for _, noun in quantities:
        if noun.noun is not None and noun.noun.lower() in ("one", "ones") and previous:
            noun.noun = previous
        elif noun.noun is not None:
            previous = noun.noun


def _sentence_statuses(context: _SentenceContext, mentions: list[StatusMention]) -> list[RawStatus]:
    """The decision statuses a sentence states: each phrase needs a product model or a
    named decider in its sentence, so everyday "stopped" or "blocked" is not a decision."""
    if not mentions:
        return []
    attribution = context.voice.attribution(context.index)
    source_name = context.source_name(attribution)
    found = []
    for mention in mentions:
        modality = context.modality(mention.start, mention.end, attribution is not None, False)
        if is_prospect(context.folded, mention, context.sentence.start):
            modality = "expected" if modality in ("asserted", "reported") else modality
        status = status_under(mention.status, modality)
        subject = _subject(context.entities, mention, source_name)
        item = _nearest_model(context.models, mention) if context.models else None
        item = item or context.voice.main_item
        if status is None or (item is None and subject is None):
            continue
        found.append(
            RawStatus(
                mention=mention,
                status=status,
                sentence=context.sentence,
                attribution=_speaker_is_subject(attribution, subject),
                modality=modality,
                time=_nearest_date(context.dates, mention),
                subject=subject,
                item=item,
            )
        )
    return found


_MODEL_TOKEN = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}\d{2,5}[A-Za-z]{0,3}(?![\w-])")


def _nearest_model(models: list[tuple[int, str]], quantity: RawQuantity | StatusMention) -> str:
    """The product model named nearest the number in its sentence ("shipping H200 chips ...
    an initial batch of 5,000 modules" counts H200 modules)."""
    return min(models, key=lambda m: abs(m[0] - quantity.start))[1]


# "rose to 41%", "reached 64%": the percentage is a level, not the size of a change.
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|reached|reaching|hit)\s+$")


def _predicate_of(
    quantity: RawQuantity, cues: list[PredicateCue], text: str, lexicons: CompiledLexicons
) -> str | None:
    """The predicate of the nearest cue. A sum of money under a cue of output ("build a EUR
    130 million park") is what the lexicon says such a cue means for money (a cost)."""
    # A percentage or a multiple beside a verb of change is the size of the change ("sales
    # fell 41%"), which weak predicates name; a level ("the toll rose to 23") is not.
    relative = quantity.suffix is not None and not _LEVEL_BEFORE.search(
        text, max(0, quantity.start - 12), quantity.start
    )
    weak = frozenset() if relative else lexicons.weak_predicates
    if quantity.currency is not None:  # a weak cue that says what a sum is ("in aid") keeps it
        weak = weak - lexicons.money_predicate.keys()
    predicate = nearest_predicate(cues, quantity.start, quantity.end, weak, text)
    if quantity.currency is not None and predicate is not None:
        return lexicons.money_predicate.get(predicate, predicate)
    return predicate


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
_NUMERAL_START = re.compile(rf"{num.DIGIT}|{CURRENCY_SIGN}|\b(?:{_AMOUNT_WORD}|minus|negative)\b")
QUALIFIER_ROOM = 40
# Where a quantity match can begin: every part of the grammar starts a token (a qualifier, a
# word, a digit, a sign or a currency symbol), so trying those positions alone finds the same
# leftmost match as a search from the start of the room, at a fraction of the cost. A word
# token is read whole (group 1), so words no branch begins with ("the", "H200") are skipped.
_TOKEN = re.compile(rf"(?<!\w)([^\W_]\w*)|(?<!\w)[~≈\-−]|(?<![\w.])\.(?=\d)|{CURRENCY_SIGN}")


def _leftmost_quantity(text: str, low: int, end: int) -> re.Match[str] | None:
    """The leftmost quantity match starting at or after ``low`` (a short way before a numeral):
    where none starts before the numeral, the first one after it, as a search would find it."""
    for token in _TOKEN.finditer(text, low, end):
        word = token.group(1)
        if word is not None and not may_start_quantity(word):
            continue
        start = token.start()
        match = QUANTITY.match(text, start, end)
        if match is not None and match.end() > start:
            return match
    return None


def _matches(text: str, folded: str, sentence: Span) -> Iterator[re.Match[str]]:
    """Quantity matches left to right. A range that is really a change ('rose from 65% to
    71%') or that cannot be one ('2024 to 15%') is read again as separate amounts."""
    pos = sentence.start
    for start in _NUMERAL_START.finditer(folded, sentence.start, sentence.end):
        if start.start() < pos:
            continue
        low = max(pos, start.start() - QUALIFIER_ROOM)
        match = _leftmost_quantity(text, low, sentence.end)
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


_GLUED_M = re.compile(r"\dm\Z")


def _is_finite(quantity: RawQuantity) -> bool:
    """A 400-digit run or '1e308 billion' overflows to infinity: no fact can hold it."""
    return all(math.isfinite(v) for v in (quantity.low, quantity.high) if v is not None)


def _read_physical_unit(
    text: str, quantity: RawQuantity, sentence: Span, lexicons: CompiledLexicons
) -> None:
    """Extend a bare number over a physical unit written after it ('400 MWh', '298-megawatt',
    '20 (kg)'). A word that also names a currency ('pounds') and an 'm' glued to the digits
    (metres or millions) are read by their sentence (checker.extract.ambiguity)."""
    if quantity.currency or quantity.currency_word or quantity.suffix:
        return
    if _GLUED_M.search(text, quantity.start, quantity.end) and length_rather_than_million(
        text, quantity.start, quantity.end, sentence, lexicons
    ):
        # The grammar read the 'm' as the million scale; undo it and read the metre symbol.
        quantity.low, quantity.high = quantity.low / 1e6, quantity.high / 1e6
        quantity.physical = "m"
        return
    match = lexicons.physical_pattern.match(text, quantity.end, sentence.end)
    if not match:
        if quantity.glued:
            _read_glued_symbol(text, quantity, sentence, lexicons)
        return
    unit = match.group("unit") or match.group("bracketed")
    dimension = lexicons.physical_dimension.get(_symbol_of(unit, lexicons), "physical")
    if fold_currency(unit) in lexicons.currency_folded and currency_rather_than_unit(
        text, (quantity.start, quantity.end), match.end(), dimension, sentence, lexicons
    ):
        quantity.currency_word = unit
    else:
        quantity.physical = unit
    quantity.end = match.end()
    quantity.is_bare = False
    quantity.is_year_like = False
    if quantity.physical:
        _add_smaller_unit(text, quantity, sentence, lexicons)


def _read_glued_symbol(
    text: str, quantity: RawQuantity, sentence: Span, lexicons: CompiledLexicons
) -> None:
    """'44.6C (112.3F)': a one-letter symbol glued to the digits is the unit only where the
    sentence speaks of its dimension (a temperature cue); elsewhere it names something
    ('Gate 12C')."""
    pattern, written = lexicons.glued_units
    match = pattern.match(text, quantity.end, sentence.end)
    if match is None:
        return
    symbol = written[match.group(0)]
    dimension = lexicons.physical_dimension.get(symbol, "physical")
    if nearest_cue(text, quantity.start, match.end(), sentence, lexicons, (dimension,)) is None:
        return
    quantity.physical, quantity.end = symbol, match.end()
    quantity.is_bare = quantity.is_year_like = False


def _symbol_of(written: str, lexicons: CompiledLexicons) -> str:
    """Canonical symbol of a unit as written ('Kilometres' -> 'km'); '' if unknown."""
    return lexicons.physical_of.get(written) or lexicons.physical_of.get(written.lower(), "")


def _add_smaller_unit(
    text: str, quantity: RawQuantity, sentence: Span, lexicons: CompiledLexicons
) -> None:
    """'5 feet 2 inches', '6 ft 1 in', '7 pounds 4 ounces': the smaller unit the lexicon pairs
    with a measurement's unit (`smaller_part`) adds to it when written right after it."""
    match = lexicons.compound_pattern.match(text, quantity.end, sentence.end)
    if match is None or quantity.low != quantity.high or quantity.physical is None:
        return
    units = lexicons.source.physical
    first, second = _symbol_of(quantity.physical, lexicons), _symbol_of(match["unit"], lexicons)
    if first not in units or second not in units or second != units[first].smaller_part:
        return
    part = convert(float(match.group("number")), units[second].pint, units[first].pint)
    if 0 < part < 1:
        quantity.low = quantity.high = quantity.low + part
        quantity.end = match.end()


# A reference marker glued to a word or a full stop: "... on Monday.[1]", "Reuters[2]".
_FOOTNOTE_MARK = re.compile(
    r"(?<=[^\s\[\d])\[\d{1,3}\]"
    # "... as of Friday evening [1]." : spaced, but closing its sentence or line
    r"|(?<=\s)\[\d{1,3}\](?=[.,;:]?[ \t]*(?:\n|$))"
)


def _quantities(
    text: str,
    folded: str,
    sentence: Span,
    dates: list[DateMention],
    lexicons: CompiledLexicons,
) -> list[tuple[RawQuantity, NounReading]]:
    found = []
    skip = phone_numbers(text, sentence.start, sentence.end)
    skip += [url.span() for url in URL.finditer(text, sentence.start, sentence.end)]
    if "[" in text[sentence.start : sentence.end]:
        skip += [m.span() for m in _FOOTNOTE_MARK.finditer(text, sentence.start, sentence.end)]
    quantities = (
        quantity
        for match in _matches(text, folded, sentence)
        for quantity in read_quantities(text, match, sentence.end)
    )
    for quantity in quantities:
        if _inside_date(quantity, dates) or not _is_finite(quantity):
            continue
        if any(start < quantity.end and quantity.start < end for start, end in skip):
            continue
        if found and quantity.start < found[-1][0].end:
            continue  # read already, as the second unit of a compound ('5 ft 2 in')
        if (
            found
            and quantity.start < found[-1][1].end
            and (found[-1][1].partitive or text.startswith("-", quantity.end))
        ):
            # a model or a compound adjective inside the noun phrase before ("20 of Boeing's
            # 777 planes", "24 eight-car trainsets")
            continue
        _read_physical_unit(text, quantity, sentence, lexicons)
        if quantity.glued and quantity.physical is None:
            continue  # "7nm", "5G", "3D", "1990s": letters glued to digits name something
        priced = bool(quantity.currency or quantity.currency_word)
        noun = read_noun(text, quantity.end, sentence.end, want_partitive=True, priced=priced)
        if _is_not_a_quantity(text, quantity, noun, sentence):
            continue
        if noun.noun is None and _is_plain_number(quantity):
            noun = (
                _label_noun(text, quantity, sentence, lexicons)
                or _borrowed_noun(text, quantity, sentence, found)
                or noun
            )
        if _is_plain_number(quantity):
            noun = _scale_before(text, quantity, sentence) or noun
        elif quantity.physical and noun.noun is None:
            noun = _measure_named_before(text, quantity, sentence, noun) or noun
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


# Scales named before their number: "a magnitude 6.8 earthquake", "a Category 4 hurricane",
# "a force 10 gale". The number is a reading on that scale, not a count of what follows.
_SCALE_BEFORE = re.compile(r"\b(?P<scale>magnitude|category|force)[\s-]+$", re.IGNORECASE)
SCALE_ROOM = 12


def _scale_before(text: str, quantity: RawQuantity, sentence: Span) -> NounReading | None:
    low = max(sentence.start, quantity.start - SCALE_ROOM)
    match = _SCALE_BEFORE.search(text, low, quantity.start)
    if match is None:
        return None
    return NounReading(noun=match["scale"].lower(), item=None, per=None, end=quantity.end,
                       partitive=False)  # fmt: skip


# "a main span of 218 metres", "a length of 286 km": the noun before "of" names the measure.
_MEASURE_OF = re.compile(r"\b(?P<noun>[a-z]{3,})\s+of\s+$")
# Nouns before "of" that say how much, not what is measured ("a total of 5 km").
_NO_MEASURE = frozenset(
    "total sum maximum minimum average mean peak figure estimate amount number level "
    "rate value".split()
)
MEASURE_ROOM = 30


def _measure_named_before(
    text: str, quantity: RawQuantity, sentence: Span, after: NounReading
) -> NounReading | None:
    """The measured noun named before a measurement with none after it: "a main span of 218
    metres" and the label of "- Main roof span: 218 metres" measure a span."""
    label = _LABEL.fullmatch(text, sentence.start, quantity.start)
    if label is not None:
        words = label["label"].split()
        word = words[-1].lower() if words else ""
    else:
        low = max(sentence.start, quantity.start - MEASURE_ROOM)
        match = _MEASURE_OF.search(text, low, quantity.start)
        word = match["noun"] if match is not None else ""
    if not word.isalpha() or word in _NO_MEASURE:
        return None
    return NounReading(noun=word, item=None, per=after.per, end=after.end, partitive=False,
                       named_before=True)  # fmt: skip


def _toll_of_counted_noun(
    predicate: str | None, noun: NounReading, lexicons: CompiledLexicons
) -> str | None:
    """'Confirmed measles cases ... rose to 131': where only a verb of change names the
    figure, a noun a toll counts as its people (`counted_as`: cases, deaths) names it."""
    if noun.noun is None or (predicate is not None and predicate not in lexicons.weak_predicates):
        return None
    return lexicons.toll_of_noun.get(singular(noun.noun, lexicons))


def _is_plain_number(quantity: RawQuantity) -> bool:
    """A number with no currency, suffix (%, x) or physical unit of its own."""
    return not (quantity.currency or quantity.currency_word or quantity.suffix
                or quantity.physical or quantity.is_year_like)  # fmt: skip


# A fact box or bulletin line: "- Buildings collapsed: 312", "**Permanent jobs:** 35", and
# with a note in brackets: "- Workers on site (week of 9 March): 1,150".
_LABEL = re.compile(
    r"\s*(?:[-*•]\s+)?(?:\*\*|__)?(?P<label>[A-Za-z][A-Za-z'’ -]{0,60}?)"
    r"(?:\s*\([^()\n]{1,40}\))?(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*"
)


def _label_noun(
    text: str, quantity: RawQuantity, sentence: Span, lexicons: CompiledLexicons
) -> NounReading | None:
    """The plural noun of the label a figure stands after ('Buildings collapsed: 312' counts
    buildings), unless it names a predicate that says what its figures count ('Deaths: 163'
    counts people, as the lexicon's `counts` says)."""
    label = _LABEL.fullmatch(text, sentence.start, quantity.start)
    if label is None:
        return None
    for word in label["label"].split():
        lower = word.lower()
        if looks_plural(word) and lower not in NOT_COUNTED:
            if lexicons.cue_to_predicate.get(lower) in lexicons.counted_noun:
                return None
            return NounReading(noun=lower, item=None, per=None, end=quantity.end,
                               partitive=False)  # fmt: skip
    return None


def _borrowed_noun(
    text: str, quantity: RawQuantity, sentence: Span, found: list[tuple[RawQuantity, NounReading]]
) -> NounReading | None:
    """The noun a bare figure counts though none follows it (checker.extract.levels)."""
    noun = level_noun(text, quantity.start, sentence.start)
    if (
        noun is None
        and found
        and (
            counts_back(text, quantity.start, sentence.start)
            or OF_PRONOUN.match(text, quantity.end, sentence.end)
            or _continues_a_list(text, quantity, sentence, found[-1][1])
        )
    ):
        noun = found[-1][1].noun
    if noun is None:
        return None
    return NounReading(noun=noun, item=None, per=None, end=quantity.end, partitive=False)


# "4,300 jobs in France, 3,700 in Germany and 400 in Spain": the figures after the first
# leave out its noun, each followed by what sets it apart.
_LIST_JOIN_BEFORE = re.compile(r"(?:,|,?\s+and|;)\s+$")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|from|on)\s+(?!each\b|every\b)\S")
LIST_GAP = 40


def _continues_a_list(
    text: str, quantity: RawQuantity, sentence: Span, previous: NounReading
) -> bool:
    """Whether a bare figure continues a list the figure before it opened with its noun."""
    return (
        previous.noun is not None
        and 0 < quantity.start - previous.end <= LIST_GAP
        and _LIST_JOIN_BEFORE.search(text, max(sentence.start, quantity.start - 6),
                                     quantity.start) is not None
        and _PLACE_AFTER.match(text, quantity.end, sentence.end) is not None
    )  # fmt: skip


def _is_not_a_quantity(text: str, quantity: RawQuantity, noun: NounReading, sentence: Span) -> bool:
    """Identifiers, model numbers, pronoun 'one' and bare years are not quantities."""
    surface = text[quantity.start : quantity.end]
    if quantity.is_year_like and quantity.is_bare and not (noun.noun and looks_plural(noun.noun)):
        return True
    if quantity.is_bare:
        before = text[max(sentence.start, quantity.start - 12) : quantity.start]
        counts_things = noun.noun is not None and looks_plural(noun.noun)
        if _IDENTIFIER_BEFORE.search(before) and not counts_things:
            return True  # "ID: 4471", "No. 9"; but "SUV: 71,300 vehicles" is a list's count
        short = surface.isdigit() and len(surface) <= 4
        if short and quantity.start > sentence.start and _CAPITALIZED_BEFORE.search(before):
            counted = noun.noun is not None and noun.noun[:1].islower()
            if not (counted and _DETERMINER_BEFORE.search(before)):
                return True  # "Windows 11", "Boeing 737 jets": a name, not an amount
    if _is_an_age(text, quantity, noun, sentence):
        return True
    if quantity.is_bare and _CLOCK_AFTER.match(text, quantity.end, sentence.end):
        return True  # "at 6 a.m.", "5 pm", "10 o'clock": a time of day
    if quantity.is_bare and _is_a_list_marker(text, quantity):
        return True
    bare_word = surface.strip().lower() in _PRONOUN_ONE
    if bare_word and _in_set_phrase(text, quantity, sentence):
        return True
    return bare_word and (noun.noun is None or noun.partitive)


def _is_a_list_marker(text: str, quantity: RawQuantity) -> bool:
    """'1. Castlemoor Valley Hospitals runs six hospitals': an item's number in a list. (The
    splitter may end the sentence at the marker's full stop, so the line is read whole.)"""
    marker = _list_marker_of_line(text, quantity.start)
    return marker is not None and marker.span("number") == (quantity.start, quantity.end)


def _in_set_phrase(text: str, quantity: RawQuantity, sentence: Span) -> bool:
    """'lose trust faster than ones that take the hit in one go'."""
    low = max(sentence.start, quantity.start - 3)
    high = min(sentence.end, quantity.end + 15)
    return any(
        m.start() <= quantity.start and quantity.end <= m.end()
        for m in _ONE_IN_SET_PHRASE.finditer(text, low, high)
    )


def _is_an_age(text: str, quantity: RawQuantity, noun: NounReading, sentence: Span) -> bool:
    """'aged 5 to 11', 'children under five', 'people 65 and older': an age names who is
    meant, so it is never compared as a count of them."""
    if noun.noun not in (None, "year", "years") or quantity.currency or quantity.suffix:
        return False
    if quantity.physical or quantity.currency_word:
        return False
    before = text[max(sentence.start, quantity.start - AGE_ROOM) : quantity.start]
    if _AGED_BEFORE.search(before):
        return True
    if not _PEOPLE_BEFORE.search(before):
        return False
    bounded_after = _AGE_BOUND_AFTER.match(text, quantity.end, sentence.end) is not None
    return quantity.qualifier in _AGE_QUALIFIERS or bounded_after


# "four deaths since the heatwave began on 31 July": the date starts the period the running
# total covers; it is not the time the total is about.
_SINCE_BEFORE = re.compile(r"\bsince\b(?:\s+[\w'’-]+){0,5}\s+$", re.IGNORECASE)
SINCE_ROOM = 60


# "131 million euros, from 104 million a year earlier": a date that says a figure is the
# earlier one belongs to the figure nearest it, not to every figure of the sentence.
_EARLIER_ONE = re.compile(r"(?i:previous|prior|year\s+(?:earlier|ago|before)|year-)")


def _dates_for_each(
    text: str, dates: list[DateMention], quantities: list[RawQuantity]
) -> dict[int, list[DateMention]]:
    """The dates each figure of a sentence may take: all of them, but for a date that starts
    a running total ("since the heatwave began on 31 July"), which none takes, and a date of
    an earlier value ("a year earlier"), which only the figure nearest it takes."""
    dates = [d for d in dates
             if not _SINCE_BEFORE.search(text, max(0, d.start - SINCE_ROOM), d.start)]  # fmt: skip
    allowed = {id(quantity): _dates_outside_reported_speech(text, dates, quantity)
               for quantity in quantities}  # fmt: skip
    for date in dates:
        if not _EARLIER_ONE.match(date.text) or len(quantities) < 2:
            continue
        owner = min(quantities, key=lambda q: min(abs(date.start - q.end), abs(q.start - date.end)))
        for quantity in quantities:
            if quantity is not owner and date in allowed[id(quantity)]:
                allowed[id(quantity)].remove(date)
    return allowed


# A reporting verb after a figure: what follows it is what was said, with dates of its own.
_REPORTING_VERB = re.compile(rf"\b(?:{'|'.join(SPEECH_VERB_WORDS)})\b")
# "said on Monday", "said in a statement on Tuesday": a date this near the verb dates the
# saying, which the figures before it may take.
REPORTING_DATE_ROOM = 30


def _dates_outside_reported_speech(
    text: str, dates: list[DateMention], quantity: RawQuantity
) -> list[DateMention]:
    """The dates a figure may take, but for those inside the speech a later reporting verb
    introduces: "Orsk, which owns 6.2% of Dunmore, said the group would save EUR 180 million
    by 2029": 2029 is the savings' date, not the stake's."""
    later = [d for d in dates if d.start >= quantity.end]
    if not later:
        return list(dates)
    verb = _REPORTING_VERB.search(text, quantity.end, later[-1].start)
    if verb is None:
        return list(dates)
    said = verb.end()
    return [d for d in dates if d.start < said or d.start - said <= REPORTING_DATE_ROOM]


def _bracketed_apart(text: str, date_start: int, figure_start: int) -> bool:
    """Whether a date stands inside brackets that the figure is outside of (or the other way
    round): "2,843 million euros in the third quarter (previous year: 2,677 million)"."""
    low, high = sorted((date_start, figure_start))
    between = text[low:high]
    return between.count("(") != between.count(")")


def _nearest_date(
    dates: list[DateMention], quantity: RawQuantity | StatusMention, text: str = "",
    sentence_start: int = 0,
) -> DateMention | None:  # fmt: skip
    best: tuple[int, DateMention] | None = None
    for date in dates:
        if text and _bracketed_apart(text, date.start, quantity.start):
            continue  # "(previous year: 2,677 million)": the date is the bracket's own
        distance = min(abs(date.start - quantity.end), abs(quantity.start - date.end))
        if text and _in_an_earlier_clause(text, date, quantity, sentence_start):
            distance += CLAUSE_PENALTY  # "1.1% in 2026, down from 1.6% in February"
        if best is None or distance < best[0]:
            best = (distance, date)
    return best[1] if best else None


# A date in the figure's own clause is nearer than one in a clause before it.
_CLAUSE_MARK = re.compile(r"[,;]")
CLAUSE_PENALTY = 40
# "In the fourth quarter, sales were up 13%": a sentence's opening phrase dates all of it.
_OPENING_PHRASE = re.compile(r"\W*(?:\w+\W+){0,6}\Z")


def _in_an_earlier_clause(
    text: str, date: DateMention, quantity: RawQuantity | StatusMention, sentence_start: int
) -> bool:
    """Whether a comma or a semicolon parts the date from a figure after it, the date not
    being in the sentence's opening phrase. (A date after the figure, past a comma, is often
    the figure's own: "orders for 2 million chips, to be delivered in 2026".)"""
    if date.end > quantity.start or not _CLAUSE_MARK.search(text, date.end, quantity.start):
        return False
    return _OPENING_PHRASE.fullmatch(text, sentence_start, date.start) is None


def _is_source(name: str, source: str | None) -> bool:
    """'Huang' is the source 'Jensen Huang' named again."""
    return bool(source) and (name == source or name in source.split())


def main_item(text: str) -> str | None:
    """The product model an article names most (first mention wins a tie): what a decision
    stated without naming its product ("regulators gave preliminary approval") is about."""
    counts: dict[str, int] = {}
    for match in _MODEL_TOKEN.finditer(text):
        counts[match.group(0)] = counts.get(match.group(0), 0) + 1
    return max(counts, key=lambda model: counts[model]) if counts else None


def main_subject(
    text: str, lexicons: CompiledLexicons, sentences: list[Span] | None = None
) -> EntityMention | None:
    """The entity an article is mostly about: its most mentioned known company, government
    or country (first mention wins a tie; a country named as an adjective, "the US filing",
    is no mention). Sentences that name nobody are taken to be about it. An international
    body (the UN, the World Bank) lends, donates or reports: it is no article's main
    subject. Only the ``sentences`` count when given: a share button's "Facebook" is no
    subject."""
    counts: dict[str, int] = {}
    first: dict[str, EntityMention] = {}
    starts = [s.start for s in sentences] if sentences is not None else None
    for match in lexicons.entity_pattern.finditer(text):
        if starts is not None and not _in_sentences(match.start(), starts, sentences):
            continue
        entity = lexicons.entity_of(match.group(0))
        if entity is None or entity.type in ("outlet", "person", "organization"):
            continue
        if names_a_unit(text, match.start(), match.end(), lexicons):
            continue  # "US$", "US gallons"
        if entity.type == "country" and modifies_a_noun(text, match.end()):
            continue  # "the US filing": a place where something happens, not the actor
        counts[entity.name] = counts.get(entity.name, 0) + 1
        first.setdefault(entity.name, EntityMention(match.start(), match.end(), entity.name,
                                                    entity.type))  # fmt: skip
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name], -first[name].start))
    return first[best]


def _in_sentences(position: int, starts: list[int], sentences: list[Span] | None) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and sentences is not None and position < sentences[index].end


# Where a parallel clause begins: after a comma or semicolon that a determiner or a name
# follows ("..., the CAC ...", "; Nasdaq ..."), after "while"/"whereas", or at "and the"
# before a name ("... and the Ibex 2.5%").
_CLAUSE_BREAK = re.compile(
    r"(?:[,;]\s+(?:and\s+|while\s+|whereas\s+)?(?=(?:the\s+)?[A-Z])|\s(?:while|whereas)\s+"
    r"|\sand\s+(?=the\s+[A-Z]))"
)


def _clause_start(text: str, sentence_start: int, position: int) -> int | None:
    last = None
    for match in _CLAUSE_BREAK.finditer(text, sentence_start, position):
        last = match.end()
    return last


def _subject(
    entities: list[EntityMention],
    quantity: RawQuantity | StatusMention,
    source: str | None,
    clause_start: int | None = None,
    noun_end: int = 0,
) -> EntityMention | None:
    """The entity a number is about: the first before it (the clause's grammatical subject in
    most news sentences) that is not the cited source, preferring names the lexicon knows.
    The number's own noun ("14,000 TEU") is what it counts, never its subject."""
    candidates = [e for e in entities if e.type != "outlet" and not _is_source(e.name, source)]
    # "China's Alibaba ordered ...": the possessed name is the actor, and "Japan's Nikkei"
    # the outlet; the possessor says where they are from. A speaker's ("Nvidia's Huang
    # said ...") is their company or country, which stays a candidate.
    if any(e.owns is not None for e in candidates):
        owned = {e.start for e in candidates} | {e.start for e in entities if e.type == "outlet"}
        candidates = [e for e in candidates if e.owns is None or e.owns not in owned]
    before = [e for e in candidates if e.end <= quantity.start]
    if clause_start is not None:
        # A list of parallel clauses ("the Dax fell 1.8%, the CAC 2.1% and the FTSE 3.2%"):
        # each figure belongs to the name that opens its own clause.
        own = [e for e in before if e.start >= clause_start]
        if own and (len(own) < len(before)):
            before = own
    known = [e for e in before if e.type]
    if known or before:
        return (known or before)[0]
    after = [e for e in candidates if e.start >= max(quantity.end, noun_end)]
    return after[0] if after else None
