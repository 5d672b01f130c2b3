"""A count that no predicate names is a measure of its noun, told apart by its modifiers."""

from __future__ import annotations

import pytest

from checker.models import Article, ArticleInfo, Fact
from checker.pipeline import Config, extract_facts
from checker.rules.grouping import Measures, count_modifiers, group_facts
from checker.rules.kinds.contradiction import count_kinds


@pytest.mark.parametrize(
    ("quote", "modifiers"),
    [
        ("12 clinics", ()),
        ("about 2,500 server racks", ("server",)),
        ("two diesel ferries", ("diesel",)),
        ("Nine primary schools", ("primary",)),
        ("more than 1.2 million solar panels", ("solar",)),
        ("twenty-five pop-up vaccination clinics", ("pop-up", "vaccination")),
    ],
)
def test_the_words_between_number_and_noun_are_the_modifiers(
    quote: str, modifiers: tuple[str, ...]
) -> None:
    assert count_modifiers(quote) == modifiers


def test_a_vague_count_has_no_modifier_from_its_linking_words() -> None:
    assert count_modifiers("dozens of clinics") == ()


def _facts(text: str, article: str, config: Config) -> list[Fact]:
    info = ArticleInfo(id=article, path=article, format="txt", sha256="0" * 64, chars=len(text))
    return extract_facts(Article(info=info, text=text), "t", config.lexicons)


def test_words_that_set_two_counts_apart_in_one_article_name_kinds(config: Config) -> None:
    facts = [
        *_facts("Orbex will create 2,000 construction jobs and 350 permanent jobs.", "a", config),
        *_facts("The mayor said the plant will bring 1,200 permanent jobs.", "b", config),
        *_facts("Orbex expects to fill 300 new jobs by June.", "c", config),
    ]
    kinds = count_kinds(facts)
    assert {f.quote: kinds[f.id] for f in facts} == {
        "2,000 construction jobs": ("construction",),
        "350 permanent jobs": ("permanent",),
        "1,200 permanent jobs": ("permanent",),
        "300 new jobs": (),  # no source sets "new" jobs apart from others
    }


def test_a_count_no_predicate_names_joins_the_one_measure_of_its_noun(config: Config) -> None:
    facts = [
        *_facts("Hoshida Heavy Industries is building 24 trainsets for the line.", "a", config),
        *_facts("- Trains: 28 trainsets from Hoshida Heavy Industries", "b", config),
    ]
    measures = Measures(predicates=frozenset(config.lexicons.source.predicates))
    groups = group_facts([f for f in facts if f.unit == "trainset"], measures=measures)
    assert [sorted(f.quote for f in group) for group in groups.values()] == [
        ["24 trainsets", "28 trainsets"]
    ]
