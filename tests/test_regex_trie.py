"""A trie alternation matches what the plain alternation, longest phrase first, matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.regex_trie import trie_alternation


def plain(phrases: list[str]) -> str:
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize(
    ("phrases", "text"),
    [
        (["approved", "approved in principle", "approval"], "it approved  in principle"),
        (["approved", "approved in principle"], "approved in part"),
        (["ten", "tens", "tenth"], "tens of tenths, ten"),
        (["Alibaba", "Alibaba Group", "Alibaba Group Holding Ltd."], "Alibaba Group Holding Ltd."),
        (["U.S.", "US", "U.S. Department of Commerce"], "the U.S. Department of Commerce"),
        (["in-principle approval", "in principle"], "an in-principle approval"),
    ],
)
def test_the_trie_finds_the_same_phrases(phrases: list[str], text: str) -> None:
    for tail in ("", r"\b", r"(?![\w&])"):
        assert spans(f"(?:{trie_alternation(phrases)}){tail}", text) == spans(
            f"(?:{plain(phrases)}){tail}", text
        )


def test_a_phrase_with_a_tab_keeps_the_plain_alternation() -> None:
    assert trie_alternation(["a\tb", "a b"]) == plain(["a\tb", "a b"])


def test_ignoring_case_merges_phrases_in_lower_case() -> None:
    pattern = f"(?:{trie_alternation(['MWh', 'mw', 'Mw'], ignore_case=True)})(?!\\w)"
    assert spans(pattern, "400 mwh, 5 MW", re.IGNORECASE) == [(4, 7), (11, 13)]


_PHRASES = st.lists(st.text(alphabet="aAb -", min_size=1, max_size=5), min_size=1, max_size=8)
_TEXTS = st.text(alphabet="aAbB -\t&", max_size=30)


@settings(max_examples=300, deadline=None)
@given(_PHRASES, _TEXTS, st.sampled_from(["", r"\b", r"(?!\w)", r"(?=\s)"]), st.booleans())
def test_on_random_phrases_the_trie_matches_as_the_alternation(
    phrases: list[str], text: str, tail: str, ignore_case: bool
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    trie = trie_alternation(phrases, ignore_case=ignore_case)
    if not trie:
        return
    assert spans(f"(?:{trie}){tail}", text, flags) == spans(
        f"(?:{plain(phrases)}){tail}", text, flags
    )
