"""The rules' judgements measured against the problems planted in tests/corpus.

tests/gold/corpus.yaml ends with a `planted:` list (tests/gold/FORMAT.md): contradictions, unit
mismatches, unsupported and superseded figures written into the corpus on purpose, and traps
(compatible figures a careless rule would call a contradiction). The floors and ceilings are
the figures reached so far (a ratchet: raise recall floors and lower ceilings as the rules
improve, never the other way). `python -m checker.evaluation` prints the table, every miss,
every sprung trap and every false alarm.
"""

from __future__ import annotations

import pytest

from checker.evaluation import PlantedScore, score_planted
from checker.pipeline import Config
from tests.conftest import ROOT

# superseded measures 1/1 on this branch, but only through a spurious timeline (the national
# count of 41,300 children followed by one county's 23,650), which SU001 no longer draws on
# the main branch; its floor stays at 0 until a real timeline of the rising count is found.
# unit_mismatch went from 3/5 to 2/5 when counted facts with no subject joined their group:
# the aggregator's "500,000 doses" is now reported as the slip it is (it was matched before
# only by an info finding that called 500,000 vials and 5 million doses consistent, which
# closest-number pairing no longer draws once the slip is in the group).
RECALL_FLOORS = {"contradiction": 0.40, "unit_mismatch": 0.40, "unsupported": 0.99,
                 "superseded": 0.00}  # fmt: skip
TRAPS_SPRUNG_CEILING = 0
FALSE_ALARMS_CEILING = 2


@pytest.fixture(scope="module")
def planted(config: Config) -> PlantedScore:
    return score_planted(ROOT / "tests" / "gold" / "corpus.yaml", ROOT, config)


@pytest.mark.parametrize("kind", sorted(RECALL_FLOORS))
def test_planted_findings_of_each_kind_are_found_at_least_as_often_as_before(
    kind: str, planted: PlantedScore
) -> None:
    missed = "\n".join(planted.misses_of(kind))
    assert planted.recall(kind) >= RECALL_FLOORS[kind], f"missed:\n{missed}"


def test_traps_sprung_do_not_rise(planted: PlantedScore) -> None:
    sprung = "\n".join(planted.sprung)
    assert planted.traps_sprung <= TRAPS_SPRUNG_CEILING, f"sprung:\n{sprung}"


def test_unplanted_errors_do_not_rise(planted: PlantedScore) -> None:
    alarms = "\n".join(planted.false_alarms)
    assert len(planted.false_alarms) <= FALSE_ALARMS_CEILING, f"false alarms:\n{alarms}"


def test_every_planted_entry_is_counted(planted: PlantedScore) -> None:
    """Each planted entry is either found or listed as a miss, so the lists are complete."""
    for kind in RECALL_FLOORS:
        assert planted.total[kind] - planted.found[kind] == len(planted.misses_of(kind))
