"""The seeds, read against the hand-checked gold file: coverage, and noise that stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.evaluation import locate
from checker.models import Article, Report

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
CORPUS_GOLD = yaml.safe_load(
    (Path(__file__).parent / "gold" / "corpus.yaml").read_text(encoding="utf-8")
)
CORPUS = Path(__file__).parent / "corpus"


def _span(text: str, gold: dict) -> tuple[int, int]:
    return locate(text, gold["quote"], gold.get("occurrence", 1))


def _quotes_over(facts: list, article: str, span: tuple[int, int]) -> list[str]:
    start, end = span
    return [f.quote for f in facts if f.article == article and f.start < end and start < f.end]


def _sentence_of(report: Report, article: str, offset: int) -> list:
    return [f for f in report.facts if f.article == article
            and f.sentence.start <= offset < f.sentence.end]  # fmt: skip


@pytest.mark.parametrize("gold", GOLD["facts"], ids=lambda g: f"{g['article'][:3]}:{g['quote']}")
def test_every_quantity_bearing_sentence_yields_facts(
    gold: dict, seeds_report: Report, seeds_articles: dict[str, Article]
) -> None:
    offset, _ = _span(seeds_articles[gold["article"]].text, gold)
    assert _sentence_of(seeds_report, gold["article"], offset), gold["quote"]


@pytest.mark.parametrize("gold", GOLD["no_facts"], ids=lambda g: f"{g['article'][:3]}:{g['quote']}")
def test_noise_identifiers_and_dates_yield_no_fact(
    gold: dict, seeds_report: Report, seeds_articles: dict[str, Article]
) -> None:
    span = _span(seeds_articles[gold["article"]].text, gold)
    assert _quotes_over(seeds_report.facts, gold["article"], span) == []


@pytest.mark.parametrize(
    "gold", CORPUS_GOLD["no_facts"], ids=lambda g: f"{g['article']}:{g['quote']}"
)
def test_second_corpus_noise_identifiers_and_phone_numbers_yield_no_fact(
    gold: dict, config
) -> None:
    from checker.ingest import load_articles
    from checker.pipeline import extract_facts

    [article] = load_articles([str(CORPUS / gold["article"])])
    facts = extract_facts(article, "corpus", config.lexicons)
    assert _quotes_over(facts, article.id, _span(article.text, gold)) == []
