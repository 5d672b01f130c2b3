"""Accuracy on third-party English suites (../shared/external) must not fall.

The scorers and their scope rules live in checker/external_suites.py; the figures and the
failure patterns are in docs/external-accuracy.md. Each floor is a ratchet: the accuracy
measured when it was set, minus 0.01, rounded down to a whole percent. Raise a floor when the
extractor gets better; never lower one to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import external_suites
from checker.pipeline import Config

EXTERNAL = Path(__file__).resolve().parents[2] / "shared" / "external"

pytestmark = [
    pytest.mark.external,
    pytest.mark.skipif(not EXTERNAL.is_dir(), reason=f"third-party suites not found at {EXTERNAL}"),
]

# Ratchet floors (measured accuracy - 0.01, rounded down). Measured 2026-11-24: NumberModel
# 149/156, NumberRangeModel 73/75, PercentModel 13/13, CurrencyModel 149/150, DimensionModel
# 78/79, DateTimeModel 162/164, quantulum3 58/65.
FLOORS = {
    "NumberModel": 0.94,
    "NumberRangeModel": 0.96,
    "PercentModel": 0.99,
    "CurrencyModel": 0.98,
    "DimensionModel": 0.97,
    "DateTimeModel": 0.97,
    "quantulum3": 0.88,
}


@pytest.mark.parametrize("suite", list(FLOORS))
def test_accuracy_does_not_fall(suite: str, config: Config) -> None:
    score = external_suites.SUITES[suite](EXTERNAL, config)
    assert score.total > 0, f"{suite}: no case in scope"
    top = "\n".join(
        f"  {n:3d}  {label}\n       e.g. {example}"
        for label, n, example in external_suites.patterns(score, top=5)
    )
    assert score.accuracy >= FLOORS[suite], (
        f"{suite}: {score.correct}/{score.total} = {score.accuracy:.1%} is below the floor "
        f"{FLOORS[suite]:.0%}; top failure patterns:\n{top}"
    )


def test_every_suite_has_a_floor() -> None:
    assert set(FLOORS) == set(external_suites.SUITES)
