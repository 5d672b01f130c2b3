"""The words extraction skips before trying the quantity grammar never begin a quantity.

``may_start_quantity`` is a shortcut: the grammar is only tried at words it lets through, so
a word it rejects that could begin a match would silently lose a fact.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import _TOKEN
from checker.extract.quantities import QUANTITY, may_start_quantity

# How each branch of the grammar begins, in the cases the text may write it.
STARTS = [
    "In excess of 300 jobs", "UP TO 40 turbines", "Equal to or greater than 5 MW",
    "approx. 20 sites", "Between 5 and 10 million doses", "from 65% to 71%", "Minus 5%",
    "negative ten", "A few hundred people", "a couple of thousand", "Several million",
    "a handful of firms", "Dozens of ships", "tens of thousands", "Twice the size",
    "doubled", "Tripling", "QUADRUPLED", "tenfold", "ten-fold", "One in five adults",
    "Half a million", "a quarter million", "two thirds", "Forty-five ships", "A$5 million",
    "AU$3bn", "US$28.7 billion", "us$ 15", "U.S. $4", "u.s.$4", "HK$ 20", "c $5", "Mex$ 7",
    "USD 200", "usd 20", "USD115", "MUSD 30", "kEUR 500", "RMB 10", "8 out of 10", "5,000",
    "½ of", "2½ years", "ſeveral million",
]  # fmt: skip


@pytest.mark.parametrize("text", STARTS)
def test_a_quantity_begins_with_a_word_let_through(text: str) -> None:
    match = QUANTITY.match(text)
    assert match is not None and match.end() > 0, f"the grammar reads no quantity in {text!r}"
    word = re.match(r"\w+", text)
    assert word is None or may_start_quantity(word.group(0)), text


@pytest.mark.parametrize("word", ["the", "H200", "said", "Nvidia", "units", "chips"])
def test_ordinary_words_are_skipped(word: str) -> None:
    assert not may_start_quantity(word)


_PIECES = st.sampled_from(
    [*(s.split()[0] for s in STARTS), "the", "of", "and", "to", "more", "than", "or", "million",
     "billion", "$", "€", "%", "-", "~", ".5", "1,000", "3/4", "5k", "bn", "percent", "x",
     "times", "dollars", "euros", "In", "İn", "_5", "K"]
)  # fmt: skip
_SPACES = st.sampled_from([" ", "", "-", ", ", "  "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_PIECES, _SPACES), min_size=1, max_size=8))
def test_every_quantity_found_by_the_full_scan_is_found_by_the_shortcut(
    pieces: list[tuple[str, str]],
) -> None:
    text = "".join(word + space for word, space in pieces)
    for token in _TOKEN.finditer(text):
        match = QUANTITY.match(text, token.start())
        if match is not None and match.end() > token.start() and token.group(1):
            assert may_start_quantity(token.group(1)), (text, token.start())
