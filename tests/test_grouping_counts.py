"""A count that no predicate names is a measure of its noun, told apart by its modifiers."""

from __future__ import annotations

import pytest

from checker.rules.grouping import count_modifiers


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
