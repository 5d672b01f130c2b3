"""One shared pint registry, created on first use (creating it takes a fifth of a second)."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def registry() -> Any:
    import pint

    return pint.UnitRegistry()


def convert(value: float, source: str, target: str) -> float:
    """``value`` in pint unit ``source`` expressed in pint unit ``target``."""
    return float(registry().Quantity(value, source).to(target).magnitude)
