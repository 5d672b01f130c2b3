"""Measure extraction against a hand-checked gold file (tests/gold/FORMAT.md).

Used by the test suite and by `python -m checker.evaluation GOLD.yaml` to print precision and
recall per field. A gold fact matches an extracted fact of the same article whose span
overlaps it; precision counts extracted facts in the gold articles, recall counts gold facts.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.ingest import load_articles
from checker.models import Fact
from checker.pipeline import Config, extract_facts

_RANGE = re.compile(r"^([\[(])\s*([-\d.e+]*)\s*,\s*([-\d.e+]*)\s*([\])])$")
FIELDS = ("value+unit", "value", "unit", "subject", "predicate", "attribution", "modality")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_matches(notation: str, fact: Fact) -> bool:
    """Whether an extracted interval says what the gold notation says."""
    v = fact.value
    stated = v.stated
    text = str(notation).strip()
    if text.startswith("vague:"):
        return v.qualifier.value == "vague"
    if text.startswith("<~"):
        return (
            v.qualifier.value == "almost"
            and len(stated) == 1
            and _close(stated[0], float(text[2:]))
        )
    if text.startswith("~"):
        return (
            v.qualifier.value == "about" and len(stated) == 1 and _close(stated[0], float(text[1:]))
        )
    match = _RANGE.match(text)
    if not match:
        return len(stated) == 1 and _close(stated[0], float(text)) and v.qualifier.value == "exact"
    left, low, high, right = match.groups()
    low_value = float(low) if low else None
    high_value = float(high) if high else None
    if high_value is None:
        return _close(v.low, low_value) and v.high is None and v.low_inclusive == (left == "[")
    if low_value == 0 and v.qualifier.value in ("up_to", "less_than"):
        return _close(v.high, high_value) and v.high_inclusive == (right == "]")
    return stated == [low_value, high_value] or (
        _close(v.low, low_value) and _close(v.high, high_value)
    )


def unit_matches(gold: str | None, fact: Fact) -> bool:
    unit = fact.unit if not fact.per else f"{fact.unit}/{fact.per}"
    return (gold or None) == unit or (gold or None) == fact.unit


@dataclass
class Score:
    hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gold: int = 0
    extracted: int = 0
    extracted_matched: int = 0
    misses: list[str] = field(default_factory=list)

    def recall(self, name: str) -> float:
        return self.hits[name] / self.gold if self.gold else 0.0

    def precision(self, name: str) -> float:
        return self.hits[name] / self.extracted if self.extracted else 0.0


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the n-th occurrence (1-based) of ``quote`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def subject_matches(gold: str | None, fact: Fact, config: Config | None) -> bool:
    """Gold subjects are compared after alias resolution; 'A and B' accepts A or B."""
    if not gold:
        return fact.subject is None
    names = [part.strip() for part in re.split(r"\s+and\s+|,\s*", gold) if part.strip()]
    if config is not None:
        names = [(config.lexicons.entity_of(n).name if config.lexicons.entity_of(n) else n)
                 for n in names]  # fmt: skip
    return fact.subject in names


def _field_hits(gold: dict[str, Any], fact: Fact, config: Config | None = None) -> dict[str, bool]:
    attribution = gold.get("attribution") or {"kind": "none"}
    value_ok = value_matches(gold["value"], fact)
    unit_ok = unit_matches(gold.get("unit"), fact)
    source_ok = not attribution.get("source") or attribution["source"] == fact.attribution.source
    return {
        "value+unit": value_ok and unit_ok,
        "value": value_ok,
        "unit": unit_ok,
        "subject": subject_matches(gold.get("subject"), fact, config),
        "predicate": (gold.get("predicate") or None) == fact.predicate,
        "attribution": attribution["kind"] == fact.attribution.kind.value and source_ok,
        "modality": gold.get("modality") == fact.modality.value,
    }


def evaluate(gold_path: Path, root: Path, config: Config) -> Score:
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    corpus = root / data["corpus"]
    score = Score()
    by_article: dict[str, list[dict[str, Any]]] = {}
    for gold in data["facts"]:
        by_article.setdefault(gold["article"], []).append(gold)
    for name, golds in sorted(by_article.items()):
        [article] = load_articles([str(corpus / name)])
        # The gold files annotate quantities; decision statuses are scored elsewhere.
        facts = [f for f in extract_facts(article, "gold", config.lexicons) if f.value is not None]
        score.extracted += len(facts)
        matched: set[str] = set()
        for gold in golds:
            start, end = locate(article.text, gold["quote"], gold.get("occurrence", 1))
            candidates = [f for f in facts if f.start < end and start < f.end]
            score.gold += 1
            if not candidates:
                score.misses.append(f"{name}: {gold['quote']!r} not extracted")
                continue
            best = max(candidates, key=lambda f: sum(_field_hits(gold, f, config).values()))
            matched.add(best.id)
            hits = _field_hits(gold, best, config)
            for key, ok in hits.items():
                score.hits[key] += ok
            if not hits["value+unit"]:
                score.misses.append(
                    f"{name}: {gold['quote']!r} read as {best.quote!r} "
                    f"{best.value.stated} {best.value.qualifier.value} {best.unit}"
                )
        score.extracted_matched += len(matched)
    return score


def main(argv: list[str]) -> None:
    root = Path.cwd()
    config = Config.load()
    for path in argv or ["tests/gold/seeds.yaml", "tests/gold/corpus.yaml"]:
        score = evaluate(Path(path), root, config)
        print(f"{path}: {score.gold} gold facts, {score.extracted} extracted")
        for name in FIELDS:
            precision, recall = score.precision(name), score.recall(name)
            print(f"  {name:<12} precision {precision:.2f}  recall {recall:.2f}")
        for miss in score.misses:
            print("   -", miss)


if __name__ == "__main__":
    main(sys.argv[1:])
