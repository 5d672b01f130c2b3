"""The shortcuts extraction takes for speed never change what it finds.

``may_start_quantity``: the quantity grammar is only tried at words it lets through, so a
word it rejects that could begin a match would silently lose a fact. Attribution patterns run
only on sentences holding one of the words each needs (``_ATTRIBUTION_NEEDS``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.extract import _TOKEN
from checker.extract.context import (
    _ATTRIBUTION_NEEDS,
    _ATTRIBUTION_WORD,
    ATTRIBUTION_PATTERNS,
    CASE_TRAPS,
)
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


# Attribution: sentences built from the patterns' own words, in any case.
_SPEECH = st.sampled_from(
    "the The company spokesman said says told added adds according to people familiar with "
    "knowledge knowledgeable close who asked sources informed unnamed officials Officials police "
    "analysts he He they have has reported citing cited by as Reuters Jane Doe Health Minister "
    "Amina Otieno , two SAID Said ſaid İnsiders wrote noted warned forecast".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_SPEECH, min_size=2, max_size=12))
def test_a_sentence_an_attribution_pattern_matches_has_a_word_it_needs(words: list[str]) -> None:
    sentence = " ".join(words)
    present = set(_ATTRIBUTION_WORD.findall(sentence.lower()))
    for kind, pattern in ATTRIBUTION_PATTERNS:
        if pattern.search(sentence) and not CASE_TRAPS.search(sentence):
            assert not present.isdisjoint(_ATTRIBUTION_NEEDS[kind]), (kind, sentence)
