"""`checker explain FINDING_ID`: one finding from a report.json, with the values compared,
every piece of evidence (with its line in the article file when the file is still the one
checked) and the description of the rule that raised it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from pydantic import ValidationError

from checker.errors import CheckerError
from checker.ingest import load_articles
from checker.models import Article, Evidence, Finding, Report
from checker.report.fingerprint import fingerprints
from checker.report.positions import LineIndex, maps_to_file
from checker.rules.intervals import describe
from checker.rules.spec import RuleSpec

WIDTH = 96


def read_report(path: Path) -> Report:
    try:
        return Report.model_validate_json(path.read_bytes())
    except OSError as exc:
        raise CheckerError(
            f"cannot read report: {exc.strerror or exc} (run `checker check` first, or give "
            "--report)",
            str(path),
        ) from None
    except (ValidationError, json.JSONDecodeError) as exc:
        raise CheckerError(f"not a checker report.json ({_first_error(exc)})", str(path)) from None


def _first_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
    return str(exc)


def find_finding(report: Report, wanted: str) -> Finding:
    """By id, by fingerprint, or by a prefix of either that names one finding."""
    prints = fingerprints(report)
    keys = {f.id: f for f in report.findings} | {prints[f.id]: f for f in report.findings}
    if wanted in keys:
        return keys[wanted]
    matches = {f.id: f for key, f in keys.items() if key.startswith(wanted)}
    if len(matches) == 1:
        return next(iter(matches.values()))
    if matches:
        raise CheckerError(
            f"{wanted!r} names {len(matches)} findings: {', '.join(sorted(matches))}"
        )
    examples = ", ".join(f.id for f in report.findings[:3]) or "the report has no findings"
    raise CheckerError(f"no finding {wanted!r} in the report (ids look like: {examples})")


def explain(finding: Finding, report: Report, rules: dict[str, RuleSpec]) -> str:
    lines = [f"{finding.id}  {finding.severity.value}  {finding.rule} ({finding.kind.value})"
             f"  topic {finding.topic}", "", *_wrap(finding.message)]  # fmt: skip
    if finding.compared:
        lines += ["", "Values compared:"]
        for value in finding.compared:
            stated = describe(value.value, value.unit) if value.value else value.status or "?"
            line = f"  {value.article}: {stated}"
            if value.normalized is not None and value.normalized_unit != value.unit:
                line += f" = {describe(value.normalized, value.normalized_unit)}"
            if value.conversion:
                line += f" ({value.conversion})"
            lines.append(line)
    lines += ["", "Why:", *_wrap(finding.reason, "  "), "", "Evidence:"]
    articles = _articles_as_checked(report, finding)
    for item in finding.evidence:
        lines += _evidence(item, articles.get(item.article))
    rule = rules.get(finding.rule)
    lines += ["", f"Rule {finding.rule}: {rule.title}" if rule else f"Rule {finding.rule}"]
    if rule is None:
        lines.append("  (not among the rules in force; give --rules to find it)")
    else:
        lines += _wrap(rule.description, "  ")
    return "\n".join(lines) + "\n"


def _wrap(text: str, indent: str = "") -> list[str]:
    lines = textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent,
                          break_on_hyphens=False)  # fmt: skip
    return lines or [""]


def _evidence(item: Evidence, article: Article | None) -> list[str]:
    where = item.path
    if article is not None and maps_to_file(article):
        position = LineIndex(article.text).position(item.start)
        where = f"{item.path}:{position.line}:{position.column}"
    return [f"  {where}", *_wrap(f"\u201c{item.quote}\u201d", "    ")]


def _articles_as_checked(report: Report, finding: Finding) -> dict[str, Article]:
    """The evidence's articles, read again from their files, when their text is unchanged
    since the report (same SHA-256); a moved or edited file gives no line numbers."""
    digests = {a.id: a.sha256 for a in report.articles}
    found: dict[str, Article] = {}
    for path in sorted({e.path for e in finding.evidence}):
        try:
            candidates = load_articles([path])
        except CheckerError:
            continue
        for article in candidates:
            for evidence in finding.evidence:
                if evidence.path == path and digests.get(evidence.article) == article.info.sha256:
                    found[evidence.article] = article
    return found
