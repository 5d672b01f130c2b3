"""Interval arithmetic on stated values: overlap, scaling, products, widening and display."""

from __future__ import annotations

from checker.models import Interval, Qualifier


def overlaps(a: Interval, b: Interval) -> bool:
    """Whether two intervals share at least one value (open ends respected)."""
    return _below(a, b) and _below(b, a)


def _below(a: Interval, b: Interval) -> bool:
    """a's low end is not above b's high end."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_inclusive and b.high_inclusive


def scale(interval: Interval, factor: float) -> Interval:
    """The interval in another unit, ``factor`` target units per source unit."""
    return interval.model_copy(
        update={
            "low": None if interval.low is None else interval.low * factor,
            "high": None if interval.high is None else interval.high * factor,
            "stated": [value * factor for value in interval.stated],
        }
    )


def multiply(a: Interval, b: Interval) -> Interval | None:
    """Every value x·y with x in ``a`` and y in ``b``, for magnitudes (never negative).

    A missing low end is read as 0 (a count, a price or a power is not negative) and a missing
    high end as unbounded, so "more than 200,000" × "$27,000" is (5.4 billion, ∞). An end of
    the product is included only when both ends it comes from are. Returns None when either
    interval reaches below zero: a product relation says nothing about signed amounts.
    """
    if any(end is not None and end < 0 for end in (a.low, a.high, b.low, b.high)):
        return None
    a_low, a_low_in = (0.0, True) if a.low is None else (a.low, a.low_inclusive)
    b_low, b_low_in = (0.0, True) if b.low is None else (b.low, b.low_inclusive)
    # An included zero makes zero part of the product whatever the other end is.
    low_inclusive = (
        (a_low == 0 and a_low_in) or (b_low == 0 and b_low_in) or (a_low_in and b_low_in)
    )
    if a.high is None or b.high is None:
        high = 0.0 if 0 in (a.high, b.high) else None  # all of one side is zero
    else:
        high = a.high * b.high
    exact = a.qualifier is Qualifier.exact and b.qualifier is Qualifier.exact
    return Interval(
        low=a_low * b_low,
        high=high,
        low_inclusive=low_inclusive,
        high_inclusive=high is not None and a.high_inclusive and b.high_inclusive,
        stated=[a.low * b.low] if exact and a.low is not None and b.low is not None else [],
        qualifier=Qualifier.exact if exact else Qualifier.range,
    )


def widened(interval: Interval, relative: float) -> Interval:
    """The interval grown by ``relative`` of each end, both ends then included."""
    return interval.model_copy(update={
        "low": None if interval.low is None else interval.low - abs(interval.low) * relative,
        "high": None if interval.high is None else interval.high + abs(interval.high) * relative,
        "low_inclusive": interval.low_inclusive or relative > 0,
        "high_inclusive": interval.high_inclusive or relative > 0,
    })  # fmt: skip


def format_number(value: float) -> str:
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


# How each qualifier is said in front of the stated number(s).
QUALIFIER_WORDS = {
    Qualifier.exact: "",
    Qualifier.range: "",
    Qualifier.more_than: "more than ",
    Qualifier.at_least: "at least ",
    Qualifier.up_to: "up to ",
    Qualifier.less_than: "less than ",
    Qualifier.almost: "almost ",
    Qualifier.about: "about ",
}


def describe(interval: Interval, unit: str | None = None) -> str:
    """'5,000–10,000 module', 'more than 200,000 chip', 'about 700,000 unit'; vague amounts,
    which state no number, show their documented interval ('[200,000, 1,000,000) unit')."""
    suffix = f" {unit}" if unit else ""
    stated = "–".join(format_number(v) for v in interval.stated)
    if stated and interval.qualifier in QUALIFIER_WORDS:
        return f"{QUALIFIER_WORDS[interval.qualifier]}{stated}{suffix}"
    low = "−∞" if interval.low is None else format_number(interval.low)
    high = "∞" if interval.high is None else format_number(interval.high)
    left = "[" if interval.low_inclusive and interval.low is not None else "("
    right = "]" if interval.high_inclusive and interval.high is not None else ")"
    return f"{left}{low}, {high}{right}{suffix}"
