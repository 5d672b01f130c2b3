"""The rules' judgements measured against the problems planted in tests/corpus and
tests/corpus-b.

tests/gold/corpus.yaml and corpus-b.yaml hold a `planted:` list (tests/gold/FORMAT.md):
contradictions, unit mismatches, unsupported and superseded figures written into the corpus on
purpose, and traps
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

# Per gold file: recall floors, and ceilings on sprung traps and unplanted errors.
# tests/corpus: the rising vaccination count is a timeline since "received a first dose" is
# a cue of vaccination and "the total had risen to 212,400" counts what the figure before it
# counted.
# tests/corpus-b: written blind by a helper as a held-out check, then used for tuning; its
# remaining misses are a per-aircraft seat count read as a rate against one that is not
# ("Each jet will have 254 seats"), a slip whose planted quotes are the engines (the 120
# aircraft is found against 60 aircraft instead), an amount in crowns (no ISO code), and a
# delivery date that moved (dates are not values yet).
# tests/corpus-c: a second blind corpus; misses are hectares vs acres read under different
# measures, hectares labelled as the acre figure, a one-article synergy figure, and a share
# of votes that grew.
# tests/corpus-d: scored blind on the session's final code and not tuned on; its floors are
# that blind score (contradiction 0/4, superseded 0/2 are the open work), raised to 2/4
# contradictions by general mechanisms its misses pointed to (counts of one noun compared
# whatever the verb: the 12 vs 25 clinics; hospital admissions as injuries; a level's noun
# from its clause, "cases ... rose to 131", giving the cases timeline): no longer blind.
# tests/corpus-e: a fourth blind corpus (ferry order, heatwave), scored on the code of 2026-11-24
# late evening: contradiction 2/4, unit_mismatch 1/4, unsupported 1/2, superseded 0/2, traps
# 0/12, 2 false alarms; one of them (two diesel vs three electric ferries, counted as one
# measure) went with the count modifiers, the other is the planted 36-ferries slip found as
# a contradiction instead of a unit mismatch. Not tuned on otherwise. Later: deaths counted
# as people, a "since" date no event time, and SU001 following a toll no source names
# anybody for (heat deaths four -> nine -> 15): superseded 1/2.
# tests/corpus-f: a fifth blind corpus (wildfire, port strike), scored on the code of
# 2026-11-25: contradiction 2/4, unit_mismatch 3/4, unsupported 2/2, superseded 0/2, traps 0/12,
# 1 false alarm (two sums of one company under `investment`: a C$2.5 million fund and C$96
# million spent since 2021). Its misses then led to: predicates for homes destroyed and
# damaged, area burned, strikes and limits ("homes" alone no longer means homes powered); a
# lower bound ("at least 22 homes") that no longer reconciles 38 and 64; dates after "said"
# or a past participle ("released Wednesday") and in Markdown emphasis; counts under no
# predicate compared per subject: contradiction 3/4 (and corpus-c's hectares-as-acres slip).
# Counts compared kind by kind where one source tells kinds apart ("2,000 construction jobs
# and 350 permanent jobs") then found the permanent-jobs contradictions of tests/corpus,
# corpus-d and corpus-e (contradiction 4/5, 3/4, 3/4).
# tests/corpus-g: a sixth blind corpus (earthquake, drug recall), scored on the code of
# 2026-11-25 midday: contradiction 0/4, unit_mismatch 2/4, unsupported 1/2, superseded 0/2,
# traps 0/11, no false alarm. Its misses then led to: labelled date lines ("Issued: 8 October
# 2026, 08:00 local time", "Date: Thursday, March 5, 2026"), magnitudes, depths and compass
# distances as predicates, times in GMT as no quantity, a dateline's place before "--" as no
# name, and figures of two different known actors (the EU, the World Bank) as no rivals:
# contradiction 1/4 (the epicentre 22 vs 37 km), unit_mismatch 3/4 (12 km written as miles);
# then a figure after a label ("- Buildings collapsed: 312") counting the label's noun: 2/4;
# then tolls keeping no main-subject fallback and SU001 reading "at least 41" as 41 and a
# day's most precise figure for it: superseded 1/2 (the death toll).
# tests/corpus-h: a seventh blind corpus (quarterly results, salmonella recall), scored on the
# code of 2026-11-25 afternoon: contradiction 1/4, unit_mismatch 0/4, unsupported 2/2,
# superseded 1/2, traps 0/12, 3 false alarms. The one superseded "find" was an accident (the
# trade journal's revenue outlook, read as an outcome, set before the third quarter's
# revenue as a timeline); once "foresees" made it a forecast the accident went, so the floor
# is 0 until forecast revisions ("guidance raised to 10.9-11.2 billion") are timelines. Then
# "improved by 1.1% to 7.8%" read as a change and a level, and % vs percentage points as a
# UM001 slip: unit_mismatch 1/4. Then `cases` and `recall` predicates, illness counts as
# people, regions a sentence lists with a toll compared region by region, share buttons as
# noise, a clock before a date line's date, and one sum in two currencies with no subject
# named: contradiction 2/4, unit_mismatch 2/4, superseded 1/2 (and corpus-d's $4.2 billion
# written in euros, corpus-g's 14 vs 19 countries).
# tests/corpus-i: an eighth blind corpus (hospital cyberattack, high-speed rail), scored on the
# code of 2026-11-25 evening: contradiction 0/4, unit_mismatch 1/4, unsupported 1/2,
# superseded 0/2, traps 0/12, 1 false alarm. Its misses then led to: number words joined to
# a countable noun ("the eight-hospital trust"), list labels and their lead-in dates, cues
# owned by another figure's noun, money-only predicates, publications never subjects:
# contradiction 1/4 (six vs eight hospitals), no other change, 1 false alarm.
# tests/corpus-j: a ninth blind corpus (drought and water restrictions, stadium build), scored
# on the code of 2026-11-25 (third session, 54ac39f plus the HTML renderer): contradiction 0/4,
# unit_mismatch 1/4, unsupported 2/2, superseded 1/2, traps 0/15, no false alarm. Its misses
# then led to: volume units of water utilities (megalitres, gigalitres, acre-feet, cubic
# metres), the noun before a measurement naming what it measures ("a main span of 218
# metres", "Main roof span: 218 metres"), the same number in two units of one dimension
# reported across measures, newsletter footers as noise, a place in the possessive ("Japan's
# Hoshida") and a unit's country ("US gallons") as no subject: unit_mismatch 3/4. With them
# a count no predicate names joins its noun's one measure, which took corpus-g to superseded
# 2/2. Then a label with a note in brackets ("Workers on site (week of 9 March): 1,150"):
# contradiction 1/4.
# tests/corpus-k: a tenth blind corpus (a chemical spill into a river, a takeover), scored on
# 9d0fac4 (2026-11-25, fourth session; its 'fine' predicate came before the corpus was seen):
# contradiction 2/4, unit_mismatch 0/4, unsupported 2/2, superseded 0/2, traps 0/23, no false
# alarm. Its misses then led to: run-in headings in emphasis as sentences, negation inside a
# compound ("do-not-drink") or "not to" after a count as no negation, an "if" clause ending
# in a colon as no hedge, a company's legal form dropped from subjects, "the number of fish
# killed" counting fish, a toll that names nobody joining the subject most of its group
# name (superseded 1/2), a country used as an adjective as no main subject, the wrong scale
# word ("EUR 6.1 million" for billion) as a unit slip, one actor named two ways ("Orsk
# Technik", "Orsk") as one in UM001's same-figure pass (unit_mismatch 4/4), roles and
# positions as jobs, "said 2,100 jobs would go" as a plan, and a forecast dated the day of
# its announcement compared in that day's plan window (contradiction 3/4). In the fifth
# session, households told not to drink the water became an `advisory` (contradiction 4/4).
# tests/corpus-l: an eleventh blind corpus (a central bank's rate decision, an electric car
# recall), scored on 1445b48 (2026-11-25, fifth session): contradiction 0/4, unit_mismatch
# 1/4, unsupported 2/2, superseded 0/2, traps 0/20, one false alarm (a share price's fall
# against a percentage of something else). Its misses then led to: a change measured since
# an earlier point as no rival, one company named in full and short as one (the false alarm
# gone, contradiction 1/4); a list item's label in capitals as no identifier, "the number of
# confirmed fires had risen to 19" counting fires, a `fires` toll, "Posted by X on DATE"
# bylines, a time opening a sentence as no part of its speaker, and a forecast's subject as
# no measure of whom a timeline follows (superseded 1/2). Then the economy's measures as
# predicates (inflation, growth, interest_rate, unemployment), "confirmed ... would" as a
# plan, a press release's "Place, date" line and a byline's date between other parts, a
# date in an earlier clause as farther, and one change reported with two new values as
# rivals (contradiction 3/4).
FLOORS = {
    "corpus.yaml": {"contradiction": 0.80, "unit_mismatch": 0.60, "unsupported": 0.99,
                    "superseded": 0.99},
    "corpus-b.yaml": {"contradiction": 0.75, "unit_mismatch": 0.50, "unsupported": 0.99,
                      "superseded": 0.50},
    "corpus-c.yaml": {"contradiction": 0.75, "unit_mismatch": 0.75, "unsupported": 0.50,
                      "superseded": 0.50},
    "corpus-d.yaml": {"contradiction": 0.75, "unit_mismatch": 0.99, "unsupported": 0.99,
                      "superseded": 0.50},
    "corpus-e.yaml": {"contradiction": 0.75, "unit_mismatch": 0.25, "unsupported": 0.50,
                      "superseded": 0.50},
    "corpus-f.yaml": {"contradiction": 0.75, "unit_mismatch": 0.75, "unsupported": 0.99,
                      "superseded": 0.00},
    "corpus-g.yaml": {"contradiction": 0.75, "unit_mismatch": 0.75, "unsupported": 0.50,
                      "superseded": 0.99},
    "corpus-h.yaml": {"contradiction": 0.50, "unit_mismatch": 0.50, "unsupported": 0.99,
                      "superseded": 0.50},
    "corpus-i.yaml": {"contradiction": 0.25, "unit_mismatch": 0.25, "unsupported": 0.50,
                      "superseded": 0.00},
    "corpus-j.yaml": {"contradiction": 0.25, "unit_mismatch": 0.75, "unsupported": 0.99,
                      "superseded": 0.50},
    "corpus-k.yaml": {"contradiction": 0.99, "unit_mismatch": 0.99, "unsupported": 0.99,
                      "superseded": 0.50},
    "corpus-l.yaml": {"contradiction": 0.75, "unit_mismatch": 0.25, "unsupported": 0.99,
                      "superseded": 0.50},
}  # fmt: skip
TRAPS_SPRUNG_CEILING = {"corpus.yaml": 0, "corpus-b.yaml": 0, "corpus-c.yaml": 0,
                        "corpus-d.yaml": 0, "corpus-e.yaml": 0, "corpus-f.yaml": 0,
                        "corpus-g.yaml": 0, "corpus-h.yaml": 0, "corpus-i.yaml": 0,
                        "corpus-j.yaml": 0, "corpus-k.yaml": 0, "corpus-l.yaml": 0}  # fmt: skip
# Figures tenfold apart are warnings, not errors (CT001 distant_ratio), since 2026-11-25:
# that took the false alarms of tests/corpus, corpus-e, corpus-f and corpus-h to 0. Later
# that day an article that gives two values of one measure for one time was left out of
# CT001's comparison (two things, not one figure), which took corpus-c's to 0.
FALSE_ALARMS_CEILING = {"corpus.yaml": 0, "corpus-b.yaml": 0, "corpus-c.yaml": 0,
                        "corpus-d.yaml": 0, "corpus-e.yaml": 0, "corpus-f.yaml": 0,
                        "corpus-g.yaml": 0, "corpus-h.yaml": 0, "corpus-i.yaml": 1,
                        "corpus-j.yaml": 0, "corpus-k.yaml": 0, "corpus-l.yaml": 0}  # fmt: skip
CASES = [(gold, kind) for gold, floors in FLOORS.items() for kind in sorted(floors)]


@pytest.fixture(scope="module", params=sorted(FLOORS))
def gold(request: pytest.FixtureRequest) -> str:
    return request.param


_SCORES: dict[str, PlantedScore] = {}


def _planted(gold: str, config: Config) -> PlantedScore:
    if gold not in _SCORES:
        _SCORES[gold] = score_planted(ROOT / "tests" / "gold" / gold, ROOT, config)
    return _SCORES[gold]


@pytest.mark.parametrize(("gold_file", "kind"), CASES)
def test_planted_findings_of_each_kind_are_found_at_least_as_often_as_before(
    gold_file: str, kind: str, config: Config
) -> None:
    planted = _planted(gold_file, config)
    missed = "\n".join(planted.misses_of(kind))
    assert planted.recall(kind) >= FLOORS[gold_file][kind], f"missed:\n{missed}"


def test_traps_sprung_do_not_rise(gold: str, config: Config) -> None:
    planted = _planted(gold, config)
    sprung = "\n".join(planted.sprung)
    assert planted.traps_sprung <= TRAPS_SPRUNG_CEILING[gold], f"sprung:\n{sprung}"


def test_unplanted_errors_do_not_rise(gold: str, config: Config) -> None:
    planted = _planted(gold, config)
    alarms = "\n".join(planted.false_alarms)
    assert len(planted.false_alarms) <= FALSE_ALARMS_CEILING[gold], f"false alarms:\n{alarms}"


def test_every_planted_entry_is_counted(gold: str, config: Config) -> None:
    """Each planted entry is either found or listed as a miss, so the lists are complete."""
    planted = _planted(gold, config)
    for kind in FLOORS[gold]:
        assert planted.total[kind] - planted.found[kind] == len(planted.misses_of(kind))
