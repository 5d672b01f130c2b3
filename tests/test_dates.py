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
        ("In the five days to Wednesday, 300 flights were cancelled.", "2026-01-14"),
        ("Sales in the week to Monday rose.", "2026-01-12"),
        ("As of Tuesday, 12 homes had burned.", "2026-01-13"),
        ("The plant opened yesterday.", "2026-01-14"),
        ("Guidance for q1 2026 was cut.", "2026-Q1"),
        ("The sale closed on Dec. 31, 1994.", "1994-12-31"),
        ("It sold on the 9th of May.", "2025-05-09"),
        ("It was signed in April of 1987.", "1987-04"),
        ("By Monday night, 2,000 had left.", "2026-01-12"),
        ("Power returned Tuesday evening.", "2026-01-13"),
        ("The assessment, released Wednesday, found 64 homes destroyed.", "2026-01-14"),
        ("Police said Wednesday that the road was closed.", "2026-01-14"),
        ("Wednesday's record reading will stand.", "2026-01-14"),
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shipments resumed Oct/2, the port authority said.", "2025-10-02"),
        ("Talks are due to resume jan/9 in Geneva.", "2026-01-09"),
        ("The fund's target date is Dec-2027.", "2027-12"),
        ("The filing is dated 05-Aug-2024.", "2024-08-05"),
        ("The bond matures 2030/Jun/15.", "2030-06-15"),
        ("Trading was halted on Dec31, 2024.", "2024-12-31"),
    ],
)
def test_a_month_joined_to_its_day_or_year_is_one_date(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Prices peaked in april 2024, traders said.", "2024-04"),
        ("The vote is set for 14 nov.", "2025-11-14"),
        ("Exports slowed in june.", "2025-06"),
        ("The hearing is on the 9th of march.", "2026-03-09"),
        ("The tender closes on may 5th.", "2025-05-05"),
        ("Sales fell sharply in may.", "2025-05"),
        ("Output dipped in 2024 august.", "2024-08"),
    ],
)
def test_a_lower_case_month_with_a_day_year_or_preposition_is_a_date(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Regulators may approve imports.", []),
        ("Of the 20 candidates, 5 may drop out.", []),
        ("The board may first need approval from the ministry.", []),
        ("Protesters plan to march 10 kilometres to parliament.", []),
        ("This march drew thousands of farmers.", []),
        ("Theresa May said the deal would pass.", []),
        ("Shares of May Department Stores rose.", []),
        ("Jan Koum sold shares worth $2 billion.", []),
        ("Prices in 2027 may rise further.", ["2027"]),
    ],
)
def test_month_words_used_as_verbs_or_names_are_not_dates(text: str, dates: list[str]) -> None:
    assert [d.text for d in find_dates(text, ANCHOR)] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("The rest comes from FC Dornach 1911 and a group of lenders.", []),
        ("Officials unveiled the Vision 2040 plan for the port.", []),
        ("Funding for the Summer 2027 season was cut.", ["2027"]),
        ("Sales Fell Sharply In 2025", ["2025"]),
        ("The Fiscal 2026 budget was approved.", ["2026"]),
        ("Rates rose from 2019 to 2024 in every region.", ["2019", "2024"]),
    ],
)
def test_a_year_that_ends_a_name_is_not_a_date(text: str, dates: list[str]) -> None:
    assert [d.text for d in find_dates(text, ANCHOR)] == dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales rose from March to May.", ["2026-03", "2026-05"]),
        ("Imports doubled in April and May.", ["2026-04", "2026-05"]),
        ("Approval is expected by March.", ["2026-03"]),
    ],
)
def test_a_capitalized_may_or_march_is_a_month_after_a_preposition_or_month(
    text: str, value: list[str]
) -> None:
    assert [d.value for d in find_dates(text, "2026-06-15")] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plant opened on the second of August.", "2025-08-02"),
        ("Voting ends May twenty-nine.", "2025-05-29"),
        ("The agency opened on the twenty third day of September.", "2025-09-23"),
        ("The mill closed on fifteen August nineteen ninety three.", "1993-08-15"),
        ("The ship was launched January twenty first, nineteen eighty six.", "1986-01-21"),
        ("The treaty was signed in October two thousand and seventeen.", "2017-10"),
        ("The fort was built in June seventeen hundred and forty.", "1740-06"),
    ],
)
def test_a_day_or_year_in_words_is_read(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("In May twenty nine people were hurt.", ["May"]),
        ("In October two thousand workers went on strike.", ["October"]),
        ("Fifteen August shipments arrived late.", ["August"]),
        ("They left in October two thousand and returned in December.",
         ["October two thousand", "December."]),
    ],
)  # fmt: skip
def test_a_count_in_words_after_a_month_is_not_its_day_or_year(text: str, dates: list[str]) -> None:
    assert [d.text for d in find_dates(text, ANCHOR)] == dates


@pytest.mark.parametrize(
    "text",
    [
        "The form gave 32-2015 as the date of birth.",
        "The form gave 32 - 2015 as the date of birth.",
        "Batch 2015-1-32 failed the audit.",
        "The reference 2015-32 was rejected.",
        "Call +86 138-2010-2015 for details.",
        "The hotline is 000 111 82-2100.",
        "The part number is 133-03-03-2020.",
    ],
)
def test_years_inside_codes_and_impossible_dates_are_not_dates(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


def test_a_spaced_hyphen_before_a_count_is_a_dash_not_a_code() -> None:
    text = "In 2015 - 20 years after the war - he returned."
    assert [d.value for d in find_dates(text, ANCHOR)] == ["2015"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The audit covers 2025-12.", "2025-12"),
        ("Payments stopped in 2024-3.", "2024-03"),
        ("The contract was signed 2024-7-6.", "2024-07-06"),
        ("The board met Friday 2024-7-5.", "2024-07-05"),
        ("Losses narrowed in the 2013-14 season.", "2013/2014"),
        ("The 2019/20 budget was cut.", "2019/2020"),
        ("Output fell over 1990-95.", "1990/1995"),
        ("The contract expired on 31/12/2024.", "2024-12-31"),
        ("The clinic reopened on 03/04/2024.", "2024"),
    ],
)
def test_numeric_year_month_and_year_spans(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Revenue rose in 2025-q3.", "2025-Q3"),
        ("Margins improved in 2025 Q4.", "2025-Q4"),
        ("Q2-2024 profit beat forecasts.", "2024-Q2"),
        ("Deliveries slip to q3.", "2026-Q3"),
    ],
)
def test_quarters_in_any_case_with_the_year_before_or_after(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The deal closes October, 1st.", "2025-10-01"),
        ("The law took effect in April of 98.", "1998-04"),
        ("The fair opened the fourth of July, 1995.", "1995-07-04"),
        ("The plant restarted on 28 June in 2024.", "2024-06-28"),
    ],
)
def test_commas_of_and_in_inside_a_date(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]


def test_a_number_after_a_currency_sign_is_not_a_day() -> None:
    dates = find_dates("The shares were priced at $ 12 December 27.", ANCHOR)
    assert [(d.text, d.value) for d in dates] == [("December 27", "2025-12-27")]


def test_a_year_span_is_not_a_publication_date() -> None:
    assert parse_date_line("2013-14") is None


@pytest.mark.parametrize(
    "text",
    ["Shoppers flocked to the mall on Black Friday.", "The vote is on Super Tuesday.",
     "Wednesday Addams returns to the screen."],
)  # fmt: skip
def test_a_weekday_inside_a_name_is_not_a_date(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Date: Thursday, March 5, 2026", "2026-03-05"),
        ("Issued: 8 October 2026, 08:00 local time", "2026-10-08"),
        ("Released 5 March 2026", "2026-03-05"),
    ],
)
def test_a_labelled_date_line_is_a_publication_date(line: str, value: str) -> None:
    assert parse_date_line(line) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Net profit was 131 million euros (previous year: 104 million euros).", "2025"),
        ("Profit rose from 104 million euros a year earlier.", "2025"),
        ("The year-ago figure was 2.6 billion euros.", "2025"),
    ],
)
def test_a_previous_year_is_the_year_before_publication(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text, ANCHOR)] == [value]
