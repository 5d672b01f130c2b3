"""A bare figure introduced by a verb of level counts the noun its clause's subject names."""

from __future__ import annotations

import pytest

from checker.pipeline import Config
from tests.test_quantities import facts_of


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # cases of a disease count the people ill (the cases predicate's `counts`)
        ("Confirmed measles cases in the province of Korvane rose to 131 on Wednesday.", "person"),
        ("The number of confirmed cases in Korvane has now reached 214.", "person"),
        ("Deliveries rose to 400,000 in the quarter.", "delivery"),
        ("Tesla's deliveries climbed to 410,000 in the quarter.", "delivery"),
        # evacuations count the people evacuated (the predicate's `counts`)
        ("Evacuations in the valley totalled 3,200 by Friday.", "person"),
        # "the number of" a noun the same in the plural, before a participle
        ("The number of fish killed by the leak has reached 11,500.", "fish"),
        ("The number of homes affected by the outage has risen to 12,000.", "home"),
        # after a reporting verb, and with an adjective in participle form before the noun
        ("The agency said the number of confirmed fires had risen to 19.", "fire"),
    ],
)
def test_a_level_counts_the_subject_of_its_clause(text: str, unit: str, config: Config) -> None:
    [fact] = facts_of(text, config)
    assert fact.unit == unit


def test_the_earlier_value_counts_what_the_figure_before_it_counts(config: Config) -> None:
    text = "Confirmed cases in Korvane have reached 214, officials said, up from 163 on Thursday."
    assert [f.unit for f in facts_of(text, config)] == ["person", "person"]  # cases count people


@pytest.mark.parametrize(
    "text",
    [
        "Orbex shares rose to 52 on Monday.",  # a share price, not a count of shares
        "The Harbourline Ferries rose to 12.",  # a name ends the phrase
    ],
)
def test_a_level_of_no_counted_noun_borrows_none(text: str, config: Config) -> None:
    [fact] = facts_of(text, config)
    assert fact.unit is None


def test_a_noun_after_the_figure_is_its_own(config: Config) -> None:
    [fact] = facts_of("Confirmed cases rose to 131 people in hospital.", config)
    assert fact.unit == "person"


def test_a_quote_stays_the_figure_itself(config: Config) -> None:
    text = "Confirmed cases in Korvane rose to 131 on Wednesday."
    [fact] = facts_of(text, config)
    assert text[fact.start : fact.end] == fact.quote == "131"


def test_the_earlier_value_has_the_predicate_of_the_figure_before_it(config: Config) -> None:
    text = "Deaths rose to nine on Thursday, up from four."
    assert [f.predicate for f in facts_of(text, config)] == ["deaths", "deaths"]


@pytest.mark.parametrize(
    "text",
    [
        "The death toll rose to 23 on Tuesday.",
        "The floods have killed 15, the ministry said.",
        "Rescuers said 40 were injured and 1,200 evacuated.",
    ],
)
def test_a_toll_with_no_noun_counts_the_people_its_predicate_names(
    text: str, config: Config
) -> None:
    assert {f.unit for f in facts_of(text, config)} == {"person"}


def test_a_bare_figure_of_a_predicate_that_names_no_noun_stays_a_number(config: Config) -> None:
    [fact] = facts_of("Orbex said revenue rose to 52 in the quarter.", config)
    assert fact.unit is None


@pytest.mark.parametrize(
    "text",
    [
        "By Sunday 187,000 children had received a first dose, the ministry said. "
        "By Monday evening the total had risen to 212,400.",
        "The fire destroyed 64 homes. Officials said that number had climbed to 80 by Friday.",
    ],
)
def test_a_tally_counts_what_the_figure_before_it_counts(text: str, config: Config) -> None:
    first, later = facts_of(text, config)
    assert (later.unit, later.predicate) == (first.unit, first.predicate)


def test_a_tally_after_a_sentence_with_no_figure_borrows_nothing(config: Config) -> None:
    text = "The fire destroyed 64 homes. Crews worked all night. Later the total rose to 80."
    assert facts_of(text, config)[-1].unit is None
