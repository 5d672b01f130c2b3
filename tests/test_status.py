"""Decision statuses: where an official decision stands, read with its modality."""

from __future__ import annotations

import pytest

from checker.models import Article, ArticleInfo, Fact
from checker.pipeline import Config, extract_facts


def statuses_of(text: str, config: Config) -> list[Fact]:
    info = ArticleInfo(id="a.txt", path="a.txt", format="txt", sha256="0" * 64, chars=len(text))
    facts = extract_facts(Article(info=info, text=text), "t", config.lexicons)
    return [f for f in facts if f.status is not None]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ruritania's regulator has approved imports of the K300 sensor.", "approved"),
        ("Ruritania gave the green light to K300 sensor imports on Monday.", "approved"),
        ("Ruritania granted preliminary approval for the K300 sensor.", "conditional"),
        ("Ruritania is still reviewing the K300 sensor application.", "pending"),
        ("Ruritania ordered importers to halt purchases of the K300 sensor.", "halted"),
        ("Ruritania rejected the application to import the K300 sensor.", "denied"),
    ],
)
def test_status_phrases(text: str, status: str, config: Config) -> None:
    [fact] = statuses_of(text, config)
    assert (fact.status.value, fact.predicate, fact.item) == (status, "approval", "K300")


@pytest.mark.parametrize(
    "text",
    [
        "Ruritania has not approved imports of the K300 sensor.",
        "Ruritania is expected to approve imports of the K300 sensor next month.",
        "Ruritania is close to formally approving the K300 sensor.",
        "Ruritania could approve the K300 sensor if the tests go well.",
    ],
)
def test_an_approval_not_yet_given_is_pending(text: str, config: Config) -> None:
    [fact] = statuses_of(text, config)
    assert fact.status.value == "pending"


def test_a_threatened_halt_states_no_status(config: Config) -> None:
    assert statuses_of("Ruritania could halt imports of the K300 sensor.", config) == []


def test_a_status_needs_a_decider_or_a_product(config: Config) -> None:
    text = "the meeting was stopped after an hour and everyone went home."
    assert statuses_of(text, config) == []


def test_status_quote_is_exact_and_has_no_value(config: Config) -> None:
    text = "Officials said Ruritania has approved the K300 sensor."
    [fact] = statuses_of(text, config)
    assert text[fact.start : fact.end] == fact.quote == "approved"
    assert fact.value is None and fact.dimension.value == "status"
