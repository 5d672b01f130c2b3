"""Why a planted finding was missed: extraction, grouping, or the rule itself.

For each missed entry of a generated corpus, the facts the report holds at its quotes are
compared stage by stage: a quote with no fact is an extraction miss; a fact with no group key
(no predicate, or neither subject nor item) or facts under different keys (predicate, product,
counted unit) are grouping misses; facts in one group that the contradiction rule still puts in
different buckets (claim kind, or time: the event time the text names, else the publication
date cut to a calendar week) are rule misses, as is anything left.

    python -m bench.diagnose --articles 1000      # counts of each reason, one example each
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from bench.generate import generate, topic_folders
from bench.planted import articles_of, cli_report
from checker.evaluation import locate
from checker.models import Article, Fact, Report
from checker.pipeline import Config
from checker.rules.context import RuleContext
from checker.rules.grouping import group_key
from checker.rules.kinds.contradiction import _bucket_key, _week_windows  # the rule's own bucketing


def facts_at(
    report_facts: dict[str, list[Fact]], article: Article, quote: str, occurrence: int
) -> Fact | None:
    start, end = locate(article.text, quote, occurrence)
    return next(
        (f for f in report_facts.get(article.id, []) if f.start < end and start < f.end), None
    )


def reason(
    entry: dict[str, Any], facts: list[Fact | None], context: RuleContext, config: Config
) -> str:
    """The first stage at which the entry's facts part ways."""
    if any(f is None for f in facts):
        return "extraction: a quote yields no fact"
    present = [f for f in facts if f is not None]
    keys = [group_key(f) for f in present]
    if any(k is None for k in keys):
        missing = next(f for f, k in zip(present, keys, strict=True) if k is None)
        what = "no predicate" if missing.predicate is None else "neither subject nor item"
        return f"grouping: a fact joins no group ({what})"
    if entry["kind"] == "superseded" or len(set(keys)) == 1:
        if entry["kind"] != "contradiction":
            return "rule: same group, the rule does not report it"
        rule = next(r for r in config.rules if r.id == "CT001")
        weeks = _week_windows(present, rule, context)
        buckets = [_bucket_key(f, rule, context, weeks) for f in present]
        if len({b[1] if b else None for b in buckets}) > 1:
            return "rule: claim kinds differ (forecast vs outcome)"
        times = {b[2] if b else None for b in buckets}
        if "" in times and len(times) > 1:
            return "rule: time buckets differ (an article has no publication date)"
        if len(times) > 1:
            return "rule: time buckets differ (publications over 7 days apart or event times)"
        return "rule: same group and bucket, not reported"
    parts = ("topic", "predicate", "product or counted unit")
    differs = [parts[i] for i in range(3) if len({k[i] for k in keys if k}) > 1]
    return f"grouping: different {' and '.join(differs)}"


def describe(fact: Fact) -> str:
    time = fact.event_time.value if fact.event_time else None
    return (
        f"{fact.quote!r} predicate={fact.predicate} subject={fact.subject} item={fact.item} "
        f"unit={fact.unit} modality={fact.modality.value} time={time}"
    )


def diagnose(
    root: Path, report: Report, articles: list[Article], missed: set[str]
) -> Counter[tuple[str, str]]:
    """(kind, reason) counts over the entries whose `why` is in ``missed``; one example each
    is printed."""
    config = Config.load()
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    by_path = {Path(a.info.path).resolve(): a for a in articles}
    by_article: dict[str, list[Fact]] = {}
    for fact in report.facts:
        by_article.setdefault(fact.article, []).append(fact)
    context = RuleContext(config.lexicons, {a.id: a for a in articles}, report.facts)
    counts: Counter[tuple[str, str]] = Counter()
    for entry in manifest["planted"]:
        if entry["kind"] == "trap" or entry["why"] not in missed:
            continue
        facts = [
            facts_at(
                by_article, by_path[(root / q["article"]).resolve()], q["quote"], q["occurrence"]
            )
            for q in entry["facts"]
        ]
        why = reason(entry, facts, context, config)
        if (entry["kind"], why) not in counts:
            shown = "; ".join(describe(f) for f in facts if f)
            print(f"- {entry['kind']}: {why}\n    {entry['why']}\n    {shown}")
        counts[(entry["kind"], why)] += 1
    return counts


def main(argv: list[str] | None = None) -> None:
    from checker.evaluation import score_report

    parser = argparse.ArgumentParser(
        prog="python -m bench.diagnose", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="checker-diagnose-") as tmp:
        root = Path(tmp) / "corpus"
        generate(root, args.articles, None, args.seed)
        folders = topic_folders(root)
        report, articles = cli_report(folders, Path(tmp) / "out"), articles_of(folders)
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
        score = score_report(manifest["planted"], root, report, articles)
        missed = {m.split(": ", 1)[1].split(" -- ")[0] for m in score.misses}
        counts = diagnose(root, report, articles, missed)
    print("\n| kind | reason | entries |\n| --- | --- | ---: |")
    for (kind, why), n in sorted(counts.items(), key=lambda item: (item[0][0], -item[1])):
        print(f"| {kind} | {why} | {n} |")


if __name__ == "__main__":
    main()
