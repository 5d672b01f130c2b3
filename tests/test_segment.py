"""Sentence segmentation: exact spans, split where a reader would split."""

from __future__ import annotations

from checker.extract.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in split_sentences(text)]


def test_a_stop_before_a_capital_ends_a_sentence() -> None:
    assert sentences("Output rose 5%. Prices fell.") == ["Output rose 5%.", "Prices fell."]


def test_an_abbreviation_or_an_initial_does_not_end_a_sentence() -> None:
    text = "Dr. Ana Ruiz of Orsk Ltd. said J. Baker agreed. The deal closed."
    first = "Dr. Ana Ruiz of Orsk Ltd. said J. Baker agreed."
    assert sentences(text) == [first, "The deal closed."]


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert sentences('"It is done." The board agreed.') == ['"It is done."', "The board agreed."]


def test_a_run_in_heading_in_emphasis_is_a_sentence_of_its_own() -> None:
    text = "**The oxygen.** Readings show levels fell by half."
    assert sentences(text) == ["**The oxygen.**", "Readings show levels fell by half."]


def test_a_sentence_may_open_with_emphasis() -> None:
    assert sentences("Costs rose. **Jobs** were cut.") == ["Costs rose.", "**Jobs** were cut."]


def test_every_line_is_a_boundary() -> None:
    assert sentences("Headline here\nBody text follows") == ["Headline here", "Body text follows"]
