"""Extraction measured against the hand-checked gold files, per field.

The floors are the figures reached so far (a ratchet: raise them as the extractor improves,
never lower them). Issue targets: value+unit precision >= 0.9 and recall >= 0.85,
attribution >= 0.8. `python -m checker.evaluation` prints the full table and every miss.
"""

from __future__ import annotations

import pytest

from checker.evaluation import evaluate
from checker.pipeline import Config
from tests.conftest import ROOT

FLOORS = {
    "seeds.yaml": {
        "value+unit": (0.89, 0.93),
        "value": (0.91, 0.95),
        "attribution": (0.85, 0.89),
        "subject": (0.47, 0.49),
        "predicate": (0.69, 0.72),
    },
    "corpus.yaml": {
        "value+unit": (0.89, 0.90),
        "value": (0.95, 0.96),
        "attribution": (0.74, 0.75),
        "subject": (0.15, 0.15),
        "predicate": (0.29, 0.29),
    },
}


@pytest.mark.parametrize(
    ("gold", "field"), [(g, f) for g, fields in FLOORS.items() for f in fields]
)
def test_precision_and_recall_do_not_fall_below_the_recorded_floor(
    gold: str, field: str, config: Config
) -> None:
    score = evaluate(ROOT / "tests" / "gold" / gold, ROOT, config)
    precision_floor, recall_floor = FLOORS[gold][field]
    assert score.precision(field) >= precision_floor, score.misses
    assert score.recall(field) >= recall_floor, score.misses
