"""Hostile text never crashes extraction and never breaks offsets (issue 7).

Property-based: whatever the text, every fact quotes exactly what its offsets cover. The
strategies mix news-like numerals with the characters that break naive parsers: huge and tiny
numbers, long digit runs, unbalanced brackets, RTL and zero-width marks, non-breaking spaces
inside numbers, combining characters, CR and CRLF line ends and a BOM.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.models import Article, ArticleInfo
from checker.pipeline import Config, extract_facts

CONFIG = Config.load()

TRICKY = [
    "1e308", "9" * 400, "0.000000000001", "-0", "−5", "5 000", "5\u00a0000", "5\u202f000",
    "1,00,000", "1.000.000", "(US$28.7 billion)", "((", "))", "[", "]", "\u200f", "\u200e",
    "\u200b", "\u2060", "\ufeff", "e\u0301", "\u0301", "\r\n", "\r", "\n\n", "½", "⅔",
    "$", "€", "₽", "%", "×", "x", "-", "–", "to", "between", "and", "more than", "about",
    "million", "bn", "k", "H200", "MW", "MWh", "per", "each", "said", "Reuters", "approved",
    "January 7", "Q1 2026", "2025-12-10", "İ", "ß", "ﬁ", "\x00", "\t", " ", ".", ",", ";",
    "\"", "“", "”", "'", "(Reuters) –", "BEIJING, Dec 10 (Reuters) – ",
]  # fmt: skip

tokens = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=8),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)
texts = st.lists(tokens, max_size=40).map(lambda parts: " ".join(parts))


def _facts(text: str):
    info = ArticleInfo(id="h.txt", path="h.txt", format="txt", sha256="0" * 64, chars=len(text))
    return extract_facts(Article(info=info, text=text), "t", CONFIG.lexicons)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_fact_quotes_exactly_its_offsets(text: str) -> None:
    for fact in _facts(text):
        assert text[fact.start : fact.end] == fact.quote
        assert 0 <= fact.sentence.start <= fact.start <= fact.end <= fact.sentence.end
        assert fact.sentence.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_random_unicode_never_crashes(text: str) -> None:
    for fact in _facts(text):
        assert text[fact.start : fact.end] == fact.quote


def test_a_400_digit_number_is_read_without_overflow() -> None:
    text = f"The registry lists {'9' * 400} entries."
    for fact in _facts(text):
        assert text[fact.start : fact.end] == fact.quote


def test_non_breaking_and_narrow_spaces_group_thousands() -> None:
    for space in ("\u00a0", "\u202f", " "):
        text = f"Orbex shipped 5{space}000 pumps last year."
        [fact] = _facts(text)
        assert fact.value is not None and fact.value.stated == [5000.0]


def test_bom_and_crlf_keep_offsets() -> None:
    text = "\ufeffOrbex said it shipped 4,000 pumps.\r\nIt plans 6,000 more.\r\n"
    facts = _facts(text)
    assert facts and all(text[f.start : f.end] == f.quote for f in facts)


def test_about_a_negative_number_is_a_valid_interval() -> None:
    [fact] = _facts("Temperatures fell to about -10 degrees Celsius overnight.")
    assert fact.value is not None and fact.value.low < -10 < fact.value.high
