"""Words after a number that name two things, read by what the sentence speaks of.

"its profit rose to 361 million pounds" is sterling and "she lost 25 pounds" is a weight;
"an outreach of 48m" is metres and "1.8m people" is millions. The evidence is data in
``rules/lexicons/units.yaml``: ``measure_words`` right after the number ("1.8m tall")
decide first, then the ``context_cues`` nearest the number in its sentence. These checks run
only for the few numbers that carry such a word, so they cost nothing on the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checker.extract.nouns import STOP_WORDS
from checker.lexicons import CompiledLexicons
from checker.models import Span

_OF_AFTER = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|public|taxpayers'?)\s+)*",
                       re.IGNORECASE)  # fmt: skip
_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w'-]*)")
# A scale written on the amount: "361 million pounds", "2bn pounds".
_SCALE_AT_END = re.compile(r"(?:\b(?:thousand|million|billion|trillion)|\d\s?(?:bn|mn|m|k))\Z",
                           re.IGNORECASE)  # fmt: skip


def measured_right_after(text: str, end: int, limit: int, lexicons: CompiledLexicons) -> str | None:
    """The dimension a word right after a number names ('1.8m tall', '100m sprint' ->
    'length')."""
    for dimension, pattern in lexicons.measure_word_patterns.items():
        if pattern.match(text, end, limit):
            return dimension
    return None


def nearest_cue(
    text: str, start: int, end: int, sentence: Span, lexicons: CompiledLexicons,
    dimensions: Iterable[str],
) -> str | None:  # fmt: skip
    """Of ``dimensions``, the one whose cue lies nearest the span [start, end) in its
    sentence (the span itself is not evidence); None when no cue is there."""
    best: tuple[int, str] | None = None
    for dimension in dimensions:
        pattern = lexicons.context_patterns.get(dimension)
        if pattern is None:
            continue
        for cue in pattern.finditer(text, sentence.start, sentence.end):
            if cue.start() < end and start < cue.end():
                continue
            distance = start - cue.end() if cue.end() <= start else cue.start() - end
            if best is None or distance < best[0]:
                best = (distance, dimension)
    return best[1] if best else None


def currency_rather_than_unit(
    text: str, amount: tuple[int, int], unit_end: int, dimension: str, sentence: Span,
    lexicons: CompiledLexicons,
) -> bool:  # fmt: skip
    """Whether a word after the ``amount`` span naming both a currency and a unit of
    ``dimension`` ('pounds') is the currency here. 'pounds of beef' and '2 pounds heavier'
    are weights ('pounds of funding' is money); otherwise the nearest cue decides; with none,
    a scale word makes it money ('361 million pounds')."""
    of = _OF_AFTER.match(text, unit_end, sentence.end)
    if of:
        money = lexicons.context_patterns.get("currency")
        return bool(money and money.match(text, of.end(), sentence.end))
    if measured_right_after(text, unit_end, sentence.end, lexicons):
        return False
    start, end = amount
    cue = nearest_cue(text, start, unit_end, sentence, lexicons, ("currency", dimension))
    if cue is not None:
        return cue == "currency"
    return bool(_SCALE_AT_END.search(text, start, end))


def length_rather_than_million(
    text: str, start: int, end: int, sentence: Span, lexicons: CompiledLexicons
) -> bool:
    """Whether a lower-case 'm' glued to a number ('48m') is metres rather than millions.
    A measure word after it decides ('1.8m tall'); another noun after it counts millions
    ('1.8m people'); otherwise a length cue must lie nearer than any money cue."""
    after = measured_right_after(text, end, sentence.end, lexicons)
    if after is not None:
        return after == "length"
    word = _WORD_AFTER.match(text, end, sentence.end)
    if word and word.group(1).lower() not in STOP_WORDS:
        return False
    return nearest_cue(text, start, end, sentence, lexicons, ("length", "currency")) == "length"
