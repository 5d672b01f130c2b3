"""Date grammar: absolute, partial and relative dates resolved against the publication date."""

from __future__ import annotations

import pytest

from checker.dates import find_dates, parse_date_line

ANCHOR = "2026-01-15"  # a Thursday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The order was placed on January 7.", "2026-01-07"),
        ("BEIJING, Dec 10 (Reuters) - talks began.", "2025-12-10"),
        ("It was published 15 January 2026.", "2026-01-15"),
        ("Bloomberg reported on January 8–9, 2026.", "2026-01-08"),
        ("Approval could come as early as Q1 2026.", "2026-Q1"),
        ("Output will rise in the second quarter of 2026.", "2026-Q2"),
        ("Deliveries start in the first half of 2027.", "2027-H1"),
        ("Shipping starts before the holiday in February.", "2026-02"),
        ("Nvidia told customers last month.", "2025-12"),
        ("Approval may come this quarter.", "2026-Q1"),
        ("Sales will double next year.", "2027"),
        ("Last November, the ministry agreed.", "2025-11"),
        ("The ministry said on Wednesday.", "2026-01-14"),
        ("The plant opened yesterday.", "2026-01-14"),
        ("Guidance for q1 2026 was cut.", "2026-Q1"),
        ("The sale closed on Dec. 31, 1994.", "1994-12-31"),
        ("It sold on the 9th of May.", "2025-05-09"),
        ("It was signed in April of 1987.", "1987-04"),
    ],
)
def test_dates_resolve_against_the_publication_date(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


def test_a_month_day_without_a_known_year_stays_partial() -> None:
    assert [d.value for d in find_dates("Reuters reported on December 31.", None)] == ["--12-31"]


def test_an_impossible_day_is_not_a_date() -> None:
    assert [d.value for d in find_dates("It was due on February 29.", "2027-03-01")] == [None]


def test_may_as_a_verb_is_not_a_month() -> None:
    assert find_dates("Regulators may approve imports.", ANCHOR) == []


@pytest.mark.parametrize(
    ("line", "value"),
    [("15 January 2026", "2026-01-15"), ("Tuesday, December 10, 2013", "2013-12-10"),
     ("January 15, 2026", "2026-01-15"), ("The plant opened", None)],
)  # fmt: skip
def test_byline_date_lines(line: str, value: str | None) -> None:
    assert parse_date_line(line) == value
