"""Interval arithmetic on stated values: overlap, scaling and display."""

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


def format_number(value: float) -> str:
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"


def describe(interval: Interval, unit: str | None = None) -> str:
    """'5,000–10,000 module', 'more than 200,000 chip', '~700,000 unit'."""
    suffix = f" {unit}" if unit else ""
    low = None if interval.low is None else format_number(interval.low)
    high = None if interval.high is None else format_number(interval.high)
    q = interval.qualifier
    stated = "–".join(format_number(v) for v in interval.stated)
    nominal = stated or None
    if q in (Qualifier.exact, Qualifier.range) and nominal:
        return f"{nominal}{suffix}"
    if q is Qualifier.more_than and nominal:
        return f"more than {nominal}{suffix}"
    if q is Qualifier.at_least and nominal:
        return f"at least {nominal}{suffix}"
    if q in (Qualifier.up_to, Qualifier.less_than) and nominal:
        return f"{'up to' if q is Qualifier.up_to else 'less than'} {nominal}{suffix}"
    if q is Qualifier.almost and nominal:
        return f"almost {nominal}{suffix}"
    if q is Qualifier.about and nominal:
        return f"about {nominal}{suffix}"
    left = "[" if interval.low_inclusive else "("
    right = "]" if interval.high_inclusive else ")"
    if high is None:
        return f"{left}{low}, ∞){suffix}"
    if low is None:
        return f"(−∞, {high}{right}{suffix}"
    return (
        f"{low}–{high}{suffix}"
        if left == "[" and right == "]"
        else f"{left}{low}, {high}{right}{suffix}"
    )
