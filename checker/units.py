"""One shared pint registry, created on first use (0.27 s; 0.01 s once pint has cached its
definitions in the user cache folder), and the dimension each pint unit measures. Importing
pint itself takes some tenths of a second, so a run whose lexicon units are all remembered
(DimensionMemo, kept by checker.cache) never imports it."""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

DIMENSION_NAMES = {
    (("[length]", 2), ("[mass]", 1), ("[time]", -3)): "power",
    (("[length]", 2), ("[mass]", 1), ("[time]", -2)): "energy",
    (("[length]", 1),): "length",
    (("[length]", 2),): "area",
    (("[length]", 3),): "volume",
    (("[mass]", 1),): "mass",
    (("[temperature]", 1),): "temperature",
    (("[time]", 1),): "duration",
    (("[length]", 1), ("[time]", -1)): "speed",
    (("[current]", -1), ("[length]", 2), ("[mass]", 1), ("[time]", -3)): "voltage",
}
DIMENSIONS = frozenset({*DIMENSION_NAMES.values(), "physical"})  # what dimension_of returns


class DimensionMemo(Protocol):
    """Dimensions of pint units found by an earlier run (with the same pint and this code)."""

    def dimension(self, pint_name: str) -> str | None:
        """The dimension remembered for ``pint_name``, or None."""

    def remember(self, pint_name: str, dimension: str) -> None:
        """Keep what pint said of a unit it knows (an unknown unit is never remembered)."""


@cache
def registry() -> Any:
    import pint

    try:
        # pint keeps its parsed definitions in the user's cache folder: 0.01 s instead of
        # 0.27 s on every later start.
        return pint.UnitRegistry(cache_folder=":auto:")
    except OSError:  # no writable cache folder (a locked-down CI runner): parse every time
        return pint.UnitRegistry()


def dimension_of(pint_name: str, memo: DimensionMemo | None = None) -> str:
    """The dimension (power, energy, length, ... or "physical") of a pint unit, from ``memo``
    or else from pint; ValueError when pint does not know the unit."""
    known = memo.dimension(pint_name) if memo is not None else None
    if known is not None:
        return known
    try:
        dimensionality = registry().Quantity(1, pint_name).dimensionality
    except Exception as exc:  # pint raises several error types for unknown names
        raise ValueError(str(exc)) from None
    dimension = DIMENSION_NAMES.get(tuple(sorted(dict(dimensionality).items())), "physical")
    if memo is not None:
        memo.remember(pint_name, dimension)
    return dimension


def convert(value: float, source: str, target: str) -> float:
    """``value`` in pint unit ``source`` expressed in pint unit ``target``."""
    return float(registry().Quantity(value, source).to(target).magnitude)
