"""Measure extraction and the rules' judgements against hand-checked gold files.

Used by the test suite and by `python -m checker.evaluation GOLD.yaml` to print precision and
recall per field. A gold fact matches an extracted fact of the same article whose span
overlaps it; precision counts extracted facts in the gold articles, recall counts gold facts.
A gold file with a `planted:` list (tests/gold/FORMAT.md) also gets a table of the planted
findings the rules find, the traps they fall into and the errors nothing planted explains.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from checker.ingest import load_articles
from checker.models import Article, Fact, Finding, Report
from checker.pipeline import Config, check_paths, extract_facts

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


def predicate_matches(gold: str | None, fact: Fact, config: Config | None) -> bool:
    """Gold predicates are words; a word the predicate lexicon lists as a cue ('delivery')
    stands for its canonical predicate ('shipment')."""
    if not gold:
        return fact.predicate is None
    if gold == fact.predicate:
        return True
    canonical = config.lexicons.predicate_of(gold.replace("_", " ")) if config else None
    return canonical is not None and canonical == fact.predicate


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
        "predicate": predicate_matches(gold.get("predicate"), fact, config),
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


# --- Planted findings: the rules' judgements, not only extraction -------------------------------
# The `planted:` list of a gold file names problems written into its corpus on purpose. A
# finding kind is scored by recall; a `trap` is a pair of compatible figures that a careless
# rule would call a contradiction; an error no planted entry accounts for is a false alarm.

# How many of an entry's quotes one finding must touch for the entry to count as found: a
# contradiction or a unit mismatch is a relation between two statements, the others are one.
PLANTED_KINDS = {"contradiction": 2, "unit_mismatch": 2, "unsupported": 1, "superseded": 1}
TRAP_FACTS = 2


@dataclass(frozen=True)
class _Quote:
    """A located gold quote: the article's id in the report, its span and a label to print."""

    article: str
    start: int
    end: int
    label: str


@dataclass
class PlantedScore:
    """Planted findings found per kind, traps sprung, and unplanted errors; each list holds
    one human-readable line per entry (what was planted, and what the findings did)."""

    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PLANTED_KINDS, 0))
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PLANTED_KINDS, 0))
    traps: int = 0
    traps_sprung: int = 0
    misses: list[str] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)
    sprung: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        return self.found[kind] / self.total[kind] if self.total[kind] else 0.0

    def misses_of(self, kind: str) -> list[str]:
        return [m for m in self.misses if m.startswith(f"{kind}:")]


def _finding_spans(finding: Finding, facts: dict[str, Fact]) -> list[tuple[str, int, int]]:
    """What a finding points at: its facts' own spans, and evidence that names no fact.
    Evidence spans are whole sentences, so a fact's span is used wherever there is one:
    otherwise a finding about one figure would touch every other figure of its sentence."""
    spans = [(facts[i].article, facts[i].start, facts[i].end) for i in finding.facts if i in facts]
    for evidence in finding.evidence:
        fact = facts.get(evidence.fact or "")
        if fact is not None:
            spans.append((fact.article, fact.start, fact.end))
        else:
            spans.append((evidence.article, evidence.start, evidence.end))
    return spans


def _overlaps(spans: list[tuple[str, int, int]], quote: _Quote) -> bool:
    return any(a == quote.article and s < quote.end and quote.start < e for a, s, e in spans)


def _touched(finding_spans: list[tuple[str, int, int]], quotes: list[_Quote]) -> list[_Quote]:
    return [q for q in quotes if _overlaps(finding_spans, q)]


def _locate_quotes(
    entry: dict[str, Any], corpus: Path, by_path: dict[Path, Article]
) -> list[_Quote]:
    quotes = []
    for gold in entry["facts"]:
        article = by_path[(corpus / gold["article"]).resolve()]
        start, end = locate(article.text, gold["quote"], gold.get("occurrence", 1))
        quotes.append(_Quote(article.id, start, end, f"{gold['article']}: {gold['quote']!r}"))
    return quotes


def _describe(finding: Finding, touched: list[_Quote]) -> str:
    quotes = ", ".join(q.label for q in touched) or "none of its quotes"
    return f"{finding.rule} {finding.severity.value} touches {quotes} ({finding.message})"


def _unextracted(quotes: list[_Quote], facts: list[Fact]) -> list[str]:
    spans = [(f.article, f.start, f.end) for f in facts]
    return [q.label for q in quotes if not _overlaps(spans, q)]


def _score_trap(
    score: PlantedScore,
    entry: dict[str, Any],
    quotes: list[_Quote],
    near: _Near,
    spans: dict[str, list[tuple[str, int, int]]],
) -> None:
    score.traps += 1
    for finding in near.findings:
        touched = _touched(spans[finding.id], quotes)
        if _is_error_contradiction(finding) and len(touched) >= TRAP_FACTS:
            score.traps_sprung += 1
            score.sprung.append(f"trap: {entry['why']} -- {_describe(finding, touched)}")
            return


def _score_entry(
    score: PlantedScore,
    entry: dict[str, Any],
    quotes: list[_Quote],
    near: _Near,
    spans: dict[str, list[tuple[str, int, int]]],
) -> None:
    """Found when one finding of the entry's kind touches enough of its quotes; the finding
    touching the most is kept, so a reader sees which figures earned the credit."""
    kind = entry["kind"]
    need = PLANTED_KINDS[kind]
    score.total[kind] += 1
    same_kind = [f for f in near.findings if f.kind.value == kind]
    best = max(same_kind, key=lambda f: len(_touched(spans[f.id], quotes)), default=None)
    touched = _touched(spans[best.id], quotes) if best is not None else []
    if best is not None and len(touched) >= need:
        score.found[kind] += 1
        score.hits.append(f"found {kind}: {entry['why']} -- {_describe(best, touched)}")
        return
    nearest = _describe(best, touched) if best is not None and touched else "no finding touches it"
    missing = _unextracted(quotes, near.facts)
    not_read = f"; not extracted: {', '.join(missing)}" if missing else ""
    score.misses.append(f"{kind}: {entry['why']} -- needs {need}; {nearest}{not_read}")


def _is_error_contradiction(finding: Finding) -> bool:
    return finding.kind.value == "contradiction" and finding.severity.value == "error"


def _false_alarms(
    entries: list[tuple[dict[str, Any], list[_Quote]]],
    report: Report,
    spans: dict[str, list[tuple[str, int, int]]],
) -> list[str]:
    """Errors that no planted entry of their own kind accounts for. The kind must agree: a
    contradiction error on a planted unit mismatch ('$3.90' vs '€3.60') is itself the mistake."""
    relations: dict[str, list[tuple[dict[str, Any], list[_Quote]]]] = {}
    for entry, quotes in entries:  # indexed by article: an entry can only explain its own
        if entry["kind"] in ("contradiction", "unit_mismatch"):
            for article in dict.fromkeys(q.article for q in quotes):
                relations.setdefault(article, []).append((entry, quotes))
    alarms = []
    for finding in report.findings:
        if finding.severity.value != "error":
            continue
        near = [pair for a in dict.fromkeys(a for a, _, _ in spans[finding.id])
                for pair in relations.get(a, [])]  # fmt: skip
        accounted = any(
            entry["kind"] == finding.kind.value
            and len(_touched(spans[finding.id], quotes)) >= PLANTED_KINDS[entry["kind"]]
            for entry, quotes in near
        )
        if not accounted:
            alarms.append(f"{finding.topic}: {finding.rule} {finding.message}")
    return alarms


def score_planted(gold_path: Path, root: Path, config: Config) -> PlantedScore:
    """Run the pipeline on the gold file's corpus, one topic per folder its planted entries
    name, and score the findings against the `planted:` list (tests/gold/FORMAT.md)."""
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    corpus = root / data["corpus"]
    planted = data.get("planted") or []
    folders = dict.fromkeys(Path(q["article"]).parts[0] for e in planted for q in e["facts"])
    report, articles = check_paths([str(corpus / folder) for folder in folders], config)
    return score_report(planted, corpus, report, articles)


def score_report(
    planted: list[dict[str, Any]], corpus: Path, report: Report, articles: list[Article]
) -> PlantedScore:
    """Score a report already made (by check_paths or read from a `checker check` run's
    report.json) against ``planted`` entries whose article paths are relative to ``corpus``."""
    facts = {f.id: f for f in report.facts}
    spans = {finding.id: _finding_spans(finding, facts) for finding in report.findings}
    by_path = {Path(a.info.path).resolve(): a for a in articles}
    entries = [(entry, _locate_quotes(entry, corpus, by_path)) for entry in planted]
    by_article = _ByArticle(report, spans)
    score = PlantedScore()
    for entry, quotes in entries:
        score_one = _score_trap if entry["kind"] == "trap" else _score_entry
        score_one(score, entry, quotes, by_article.near(quotes), spans)
    score.false_alarms = _false_alarms(entries, report, spans)
    return score


@dataclass(frozen=True)
class _Near:
    """The findings and facts of the articles an entry's quotes are in, in report order:
    only these can touch the quotes, so scoring costs the entry's articles, not the corpus."""

    findings: list[Finding]
    facts: list[Fact]


class _ByArticle:
    """Findings and facts indexed by the articles they point into."""

    def __init__(self, report: Report, spans: dict[str, list[tuple[str, int, int]]]) -> None:
        self.findings: dict[str, list[tuple[int, Finding]]] = {}
        for order, finding in enumerate(report.findings):
            for article in dict.fromkeys(a for a, _, _ in spans[finding.id]):
                self.findings.setdefault(article, []).append((order, finding))
        self.facts: dict[str, list[Fact]] = {}
        for fact in report.facts:
            self.facts.setdefault(fact.article, []).append(fact)

    def near(self, quotes: list[_Quote]) -> _Near:
        articles = list(dict.fromkeys(q.article for q in quotes))
        found = {order: f for a in articles for order, f in self.findings.get(a, [])}
        facts = [fact for a in articles for fact in self.facts.get(a, [])]
        return _Near([found[order] for order in sorted(found)], facts)


def _has_facts(gold_path: Path) -> bool:
    return bool(yaml.safe_load(gold_path.read_text(encoding="utf-8")).get("facts"))


def _has_planted(gold_path: Path) -> bool:
    return bool(yaml.safe_load(gold_path.read_text(encoding="utf-8")).get("planted"))


def print_planted(path: str, score: PlantedScore) -> None:
    print(f"{path}: planted findings")
    for kind in PLANTED_KINDS:
        found, total = score.found[kind], score.total[kind]
        print(f"  {kind:<14} found {found}/{total}  recall {score.recall(kind):.2f}")
    print(f"  {'traps':<14} sprung {score.traps_sprung}/{score.traps}")
    print(f"  {'false alarms':<14} {len(score.false_alarms)} unplanted errors")
    for line in [*score.hits, *score.misses, *score.sprung]:
        print("   -", line)
    for alarm in score.false_alarms:
        print("   - false alarm:", alarm)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m checker.evaluation",
        description="Score extraction against gold facts and the rules against planted "
        "findings (tests/gold/FORMAT.md). With no GOLD file, every tests/gold/*.yaml.",
    )
    parser.add_argument("gold", nargs="*", metavar="GOLD", help="gold YAML files")
    paths = parser.parse_args(argv).gold
    missing = [path for path in paths if not Path(path).is_file()]
    if missing:
        print(f"{missing[0]}: no such gold file", file=sys.stderr)
        return 2
    root = Path.cwd()
    config = Config.load()
    # Every gold file, seeds first (FORMAT.md beside them is no gold file).
    defaults = sorted(
        map(str, Path("tests/gold").glob("*.yaml")), key=lambda p: ("seeds" not in p, p)
    )
    for path in paths or defaults:
        if _has_facts(Path(path)):
            score = evaluate(Path(path), root, config)
            print(f"{path}: {score.gold} gold facts, {score.extracted} extracted")
            for name in FIELDS:
                precision, recall = score.precision(name), score.recall(name)
                print(f"  {name:<12} precision {precision:.2f}  recall {recall:.2f}")
            for miss in score.misses:
                print("   -", miss)
        if _has_planted(Path(path)):
            print_planted(path, score_planted(Path(path), root, config))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
