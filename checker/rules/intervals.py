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
