"""What each tool reads in two seed sentences: a correctness side-by-side, not a score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bench.corpus import ROOT
from bench.q3 import Quantulum

if TYPE_CHECKING:
    from checker.pipeline import Config

PHRASES = ("700,000 H200 units", "(US$28.7 billion)")


@dataclass(frozen=True)
class Reading:
    tool: str
    quote: str
    value: str
    unit: str


@dataclass(frozen=True)
class Case:
    phrase: str
    source: str
    sentence: str
    readings: list[Reading]


def _number(value: float | int | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _checker_value(fact) -> str:  # fact: checker.models.Fact
    interval = fact.value
    stated = " to ".join(_number(v) for v in interval.stated) or "-"
    text = f"{stated} ({interval.qualifier.value})"
    if not interval.stated or [interval.low, interval.high] != [
        interval.stated[0],
        interval.stated[-1],
    ]:
        text += f", compared as [{_number(interval.low)}, {_number(interval.high)}]"
    return text


def _checker_unit(fact) -> str:
    unit = fact.unit or "-"
    parts = [f"{unit} ({fact.dimension.value})"]
    if fact.item:
        parts.append(f"item {fact.item}")
    return ", ".join(parts)


def cases(config: Config, quantulum: Quantulum | None) -> list[Case]:
    """For each phrase: the first seed sentence holding it, and every quantity each tool
    finds in that sentence (checker as `checker check` reads the file; quantulum3 on the
    whole article text, in each of its modes)."""
    from checker.extract.segment import split_sentences
    from checker.ingest import load_articles
    from checker.pipeline import extract_facts

    found: list[Case] = []
    for phrase in PHRASES:
        path = next((p for p in sorted((ROOT / "seeds").glob("*.txt"))
                     if phrase in p.read_text(encoding="utf-8")), None)  # fmt: skip
        if path is None:
            continue
        article = load_articles([str(path)])[0]
        text = article.text
        at = text.index(phrase)
        span = next(s for s in split_sentences(text) if s.start <= at < s.end)
        readings = [
            Reading("checker", f.quote, _checker_value(f), _checker_unit(f))
            for f in extract_facts(article, "bench", config.lexicons)
            if span.start <= f.start and f.end <= span.end and f.value is not None
        ]
        if quantulum is not None:
            for mode in quantulum.modes:
                readings += [
                    Reading(f"quantulum3 ({mode})", q.surface, _number(q.value),
                            f"{q.unit.name} ({q.unit.entity.name})")
                    for q in quantulum.parse(text, mode)
                    if span.start <= q.span[0] and q.span[1] <= span.end
                ]  # fmt: skip
        found.append(Case(phrase, path.name, text[span.start : span.end], readings))
    return found
