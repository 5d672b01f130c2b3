"""Stage 3, normalize: turn surface readings into canonical Fact records.

Counted nouns become singular units, currency symbols and words become ISO 4217 codes, and
qualifiers become intervals with documented tolerances (docs/values.md):
"about X" is X ± 10 %, "almost X" is [0.9·X, X), "more than X" is (X, ∞), "up to X" is [0, X].
"""

from __future__ import annotations

import hashlib
import math
import re
from functools import lru_cache
from typing import Any

from checker.extract import RawFact, RawStatus
from checker.extract import numbers as num
from checker.extract.context import LEGAL_FORMS, AttributionCue
from checker.lexicons import CompiledLexicons, fold_currency, singular
from checker.models import (
    Attribution,
    AttributionKind,
    Dimension,
    Fact,
    Interval,
    Modality,
    Qualifier,
    Status,
    TimeRef,
)

ABOUT_TOLERANCE = 0.10
ALMOST_BAND = 0.10


def _tidy(value: float) -> float:
    """Round away binary noise (770000.0000000001) so reports show the value meant."""
    return float(f"{value:.12g}")


def to_interval(
    low: float, high: float, qualifier: str, low_inclusive: bool = True, high_inclusive: bool = True
) -> Interval:
    """The interval a qualified value stands for."""
    q = Qualifier(qualifier)
    bounds = _bounds(low, high, q)
    stated = [] if q is Qualifier.vague else [low] if low == high else [low, high]
    tidied: dict[str, object] = {
        "low": None if bounds["low"] is None else _tidy(bounds["low"]),
        "high": None if bounds["high"] is None else _tidy(bounds["high"]),
        "stated": [_tidy(value) for value in stated],
    }
    if q is Qualifier.range:
        tidied |= {"low_inclusive": low_inclusive, "high_inclusive": high_inclusive}
    if not _well_formed(bounds["low"], bounds["high"], stated):
        # An infinite or inverted bound, which no reading produces: the record's own check
        # raises its error, on the bounds before rounding (stated values are not checked).
        return Interval(**bounds).model_copy(update=tidied)
    return Interval(**(bounds | tidied))  # one record built, not built and copied


def _well_formed(low: float | None, high: float | None, stated: list[float]) -> bool:
    finite = all(math.isfinite(v) for v in (low, high, *stated) if v is not None)
    return finite and (low is None or high is None or low <= high)


def _bounds(low: float, high: float, q: Qualifier) -> dict[str, Any]:
    """The fields of the interval ``q`` makes of [low, high], before rounding."""
    if q is Qualifier.more_than:
        return {"low": low, "high": None, "low_inclusive": False, "qualifier": q}
    if q is Qualifier.at_least:
        return {"low": low, "high": None, "qualifier": q}
    # An upper bound reaches down to zero, or without end below a negative one ("under -10C").
    floor = 0.0 if high >= 0 else None
    if q is Qualifier.up_to:
        return {"low": floor, "high": high, "qualifier": q}
    if q is Qualifier.less_than:
        return {"low": floor, "high": high, "high_inclusive": False, "qualifier": q}
    if q is Qualifier.almost:
        # Approaching the stated number from zero's side: "almost -5" is (-5, -4.5].
        if high >= 0:
            near = high - abs(high) * ALMOST_BAND
            return {"low": near, "high": high, "high_inclusive": False, "qualifier": q}
        near = low + abs(low) * ALMOST_BAND
        return {"low": low, "high": near, "low_inclusive": False, "qualifier": q}
    if q is Qualifier.about:
        return {
            "low": low - abs(low) * ABOUT_TOLERANCE,
            "high": high + abs(high) * ABOUT_TOLERANCE,
            "qualifier": q,
        }
    if q is Qualifier.vague:
        return {"low": low, "high": high, "high_inclusive": False, "qualifier": q}
    if low != high:
        return {"low": low, "high": high, "qualifier": Qualifier.range}
    return {"low": low, "high": high, "qualifier": Qualifier.exact}


# A currency written with the scale it carries: "75 USD million", "30 MUSD", "kEUR 500".
_TRAILING_SCALE = re.compile(r"^(?P<currency>.+?)\s+(?P<scale>thousand|million|billion|trillion)$",
                             re.IGNORECASE)  # fmt: skip
_PREFIXED_CODE = re.compile(r"^(?P<prefix>[kKM])(?P<code>[A-Z]{3})$")
_PREFIX_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6}


def _currency(raw: RawFact, lexicons: CompiledLexicons) -> tuple[str | None, float]:
    """ISO 4217 code of the currency symbol or word, and the scale it carries (1 if none)."""
    written = raw.quantity.currency or raw.quantity.currency_word
    if not written:
        return None, 1.0
    key = " ".join(written.split())
    scale = 1.0
    trailing = _TRAILING_SCALE.match(key)
    if trailing:
        key, scale = trailing["currency"], num.parse_scale(trailing["scale"])
    prefixed = _PREFIXED_CODE.match(key)
    if prefixed and _currency_code(prefixed["code"], lexicons):
        key, scale = prefixed["code"], scale * _PREFIX_SCALE[prefixed["prefix"]]
    return _currency_code(key, lexicons), scale


def _currency_code(written: str, lexicons: CompiledLexicons) -> str | None:
    """Looked up as written, then folded (case, spaces, dots), singular or plural; a dollar
    sign after an ISO code defers to the code ('nzd$' is NZD)."""
    folded = lexicons.currency_folded
    compact = fold_currency(written)
    code = (
        lexicons.source.currencies.get(written)
        or folded.get(compact)
        or folded.get(compact.removesuffix("s"))
        or folded.get(compact + "s")
    )
    if code is None and compact.endswith("$") and len(compact) == 4:
        code = folded.get(compact[:-1])
    return code


def unit_of(raw: RawFact, lexicons: CompiledLexicons) -> tuple[str | None, Dimension, str | None]:
    """(unit, dimension, measured noun) of a raw fact."""
    q = raw.quantity
    noun = singular(raw.noun.noun, lexicons) if raw.noun.noun else None
    currency, _ = _currency(raw, lexicons)
    if currency is None and raw.noun.noun:
        # "billions of dollars", "500 euros": the counted noun is itself a currency
        currency = lexicons.source.currencies.get(raw.noun.noun.lower())
    if currency:
        return currency, Dimension.currency, noun
    if q.physical:
        symbol = lexicons.physical_of.get(q.physical) or lexicons.physical_of.get(
            q.physical.lower(), q.physical
        )
        return symbol, Dimension(lexicons.physical_dimension.get(symbol, "physical")), noun
    if q.suffix == "%":
        return "%", Dimension.percent, noun
    if q.suffix in ("pp", "bp"):
        return q.suffix, Dimension.percentage_point, noun
    if q.suffix == "x":
        return "x", Dimension.multiplier, noun
    if q.is_fraction:
        return "fraction", Dimension.fraction, noun
    if noun:
        return noun, Dimension.count, None
    return None, Dimension.number, None


def _names_the_product(raw: RawFact, text: str, lexicons: CompiledLexicons) -> bool:
    """A capitalized noun after a product model ("787 Dreamliners") is the product's own name,
    not a kind of thing counted; not so without a model ("500 Americans"), nor when the
    article also writes it in lower case (a headline's "200,000 H200 Chips")."""
    written = raw.noun.noun or ""
    return (
        raw.noun.item is not None
        and written[:1].isupper()
        and written[1:2].islower()
        and written.lower() not in lexicons.source.nouns
        and written.lower() not in text
    )


def _per(raw: RawFact, lexicons: CompiledLexicons) -> str | None:
    per = raw.noun.per
    if per is None:
        return None
    if per in ("year", "month", "week", "day", "quarter"):
        return per
    return (
        lexicons.physical_of.get(per)
        or lexicons.physical_of.get(per.lower())
        or singular(per, lexicons)
    )


_NO_ATTRIBUTION = Attribution(kind=AttributionKind.none)


def _attribution(raw: RawFact | RawStatus) -> Attribution:
    cue = raw.attribution
    return _NO_ATTRIBUTION if cue is None else _attribution_of(cue)


@lru_cache(maxsize=1024)  # the facts of a sentence share its cue; records are immutable
def _attribution_of(cue: AttributionCue) -> Attribution:
    return Attribution(kind=AttributionKind(cue.kind), source=cue.source, cue=cue.cue)


# A company's legal form is not part of what it is called: "Quorvale Chemicals Ltd" in its own
# release is "Quorvale Chemicals" in the paper.
_LEGAL_FORM = re.compile(rf",?\s+(?:{LEGAL_FORMS})\.?(?:\s+Ltd\.?)?$")


@lru_cache(maxsize=4096)
def without_legal_form(name: str) -> str:
    """A subject's name without its legal form ('Orsk Holdings plc' -> 'Orsk Holdings');
    a name that is nothing else keeps it."""
    short = _LEGAL_FORM.sub("", name)
    return short if short else name


def fact_id(article: str, start: int, end: int, quote: str) -> str:
    digest = hashlib.blake2b(f"{article}\0{start}\0{end}\0{quote}".encode(), digest_size=6)
    return "F" + digest.hexdigest()


def normalize(raw: RawFact, text: str, article: str, topic: str,
              lexicons: CompiledLexicons) -> Fact:  # fmt: skip
    """The canonical Fact for one raw reading of ``text``."""
    q = raw.quantity
    unit, dimension, measured = unit_of(raw, lexicons)
    if dimension is Dimension.count and _names_the_product(raw, text, lexicons):
        unit = "unit"  # "22 Boeing 787 Dreamliners": units of the 787
    scale = _currency(raw, lexicons)[1] if dimension is Dimension.currency else 1.0
    # The quote runs over the noun when the noun is the unit: "5,000 modules", "one-yen".
    noun_is_unit = dimension is Dimension.count or (
        dimension is Dimension.currency and not (q.currency or q.currency_word)
    )
    end = raw.noun.end if noun_is_unit and not raw.noun.partitive else q.end
    quote = text[q.start : end]
    counted = lexicons.counted_noun.get(raw.predicate or "")
    if counted and (
        dimension is Dimension.number
        or (dimension is Dimension.count and lexicons.toll_of_noun.get(unit or "") == raw.predicate)
    ):
        # "the death toll rose to nine", "15 deaths": the toll counts people, as "four
        # people died" does
        unit, dimension = counted, Dimension.count
    time = raw.time
    return Fact(
        id=fact_id(article, q.start, end, quote),
        article=article,
        topic=topic,
        subject=without_legal_form(raw.subject.name) if raw.subject else None,
        predicate=_predicate(raw, dimension, measured, lexicons),
        value=to_interval(
            q.low * scale, q.high * scale, q.qualifier, q.low_inclusive, q.high_inclusive
        ),
        unit=unit,
        dimension=dimension,
        item=raw.noun.item,
        per=_per(raw, lexicons),
        attribution=_attribution(raw),
        modality=Modality(raw.modality),
        event_time=TimeRef(value=time.value, text=time.text, start=time.start, end=time.end)
        if time
        else None,
        quote=quote,
        start=q.start,
        end=end,
        sentence=raw.sentence,  # the sentence's own (immutable) span
    )


def _predicate(
    raw: RawFact, dimension: Dimension, measured: str | None, lexicons: CompiledLexicons
) -> str | None:
    if dimension.value in lexicons.source.own_measures:
        return dimension.value  # a temperature is a temperature whatever cue lies near it
    return raw.predicate or raw.verb or (measured.replace(" ", "_") if measured else None)


def _time(raw: RawFact | RawStatus) -> TimeRef | None:
    time = raw.time
    if time is None:
        return None
    return TimeRef(value=time.value, text=time.text, start=time.start, end=time.end)


def normalize_status(raw: RawStatus, text: str, article: str, topic: str) -> Fact:
    """The status Fact for one decision phrase of ``text``."""
    mention = raw.mention
    quote = text[mention.start : mention.end]
    return Fact(
        id=fact_id(article, mention.start, mention.end, quote),
        article=article,
        topic=topic,
        subject=without_legal_form(raw.subject.name) if raw.subject else None,
        predicate=mention.decision,
        status=Status(raw.status),
        dimension=Dimension.status,
        item=raw.item,
        attribution=_attribution(raw),
        modality=Modality(raw.modality),
        event_time=_time(raw),
        quote=quote,
        start=mention.start,
        end=mention.end,
        sentence=raw.sentence,  # the sentence's own (immutable) span
    )
