"""The seeds, read against the hand-checked gold file: coverage, and noise that stays silent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.models import Article, Report

GOLD = yaml.safe_load((Path(__file__).parent / "gold" / "seeds.yaml").read_text(encoding="utf-8"))
CORPUS_GOLD = yaml.safe_load(
    (Path(__file__).parent / "gold" / "corpus.yaml").read_text(encoding="utf-8")
)
CORPUS = Path(__file__).parent / "corpus"


def _locate(text: str, quote: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return start


def _sentence_of(report: Report, article: str, offset: int) -> list:
    return [f for f in report.facts if f.article == article
            and f.sentence.start <= offset < f.sentence.end]  # fmt: skip


@pytest.mark.parametrize("gold", GOLD["facts"], ids=lambda g: f"{g['article'][:3]}:{g['quote']}")
def test_every_quantity_bearing_sentence_yields_facts(
    gold: dict, seeds_report: Report, seeds_articles: dict[str, Article]
) -> None:
    text = seeds_articles[gold["article"]].text
    offset = _locate(text, gold["quote"], gold.get("occurrence", 1))
    assert _sentence_of(seeds_report, gold["article"], offset), gold["quote"]


@pytest.mark.parametrize("gold", GOLD["no_facts"], ids=lambda g: f"{g['article'][:3]}:{g['quote']}")
def test_noise_identifiers_and_dates_yield_no_fact(
    gold: dict, seeds_report: Report, seeds_articles: dict[str, Article]
) -> None:
    text = seeds_articles[gold["article"]].text
    start = _locate(text, gold["quote"], gold.get("occurrence", 1))
    end = start + len(gold["quote"])
    overlapping = [f.quote for f in seeds_report.facts
                   if f.article == gold["article"] and f.start < end and start < f.end]  # fmt: skip
    assert overlapping == []


@pytest.mark.parametrize(
    "gold", CORPUS_GOLD["no_facts"], ids=lambda g: f"{g['article']}:{g['quote']}"
)
def test_second_corpus_noise_identifiers_and_phone_numbers_yield_no_fact(
    gold: dict, config
) -> None:
    from checker.ingest import load_articles
    from checker.pipeline import extract_facts

    [article] = load_articles([str(CORPUS / gold["article"])])
    start = _locate(article.text, gold["quote"], gold.get("occurrence", 1))
    end = start + len(gold["quote"])
    facts = extract_facts(article, "corpus", config.lexicons)
    assert [f.quote for f in facts if f.start < end and start < f.end] == []
