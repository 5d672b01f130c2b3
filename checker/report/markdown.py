"""Markdown summary (`--format md`, summary.md): a pull-request comment for reviewers.

Counts first, then per topic a table of the findings at or above --fail-on's level and the
rest folded under <details>. Severity is spelled out, never shown by colour or icon alone.
Every piece of article text is escaped, so a quote cannot break the table or inject markup.
"""

from __future__ import annotations

import re

from checker.models import Finding, Topic
from checker.report.base import RenderContext, Reporter

MAX_CHARS = 60_000  # GitHub refuses comments over 65,536 characters
MAX_QUOTE = 160
# Characters that Markdown, the HTML GitHub allows in comments, or its $math$ would interpret.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~$])")
_SPACE = re.compile(r"\s+")
# Control characters (BEL, ESC, DEL, C1) would ring, recolour or rewrite a terminal that shows
# the file; a PR comment shows nothing for them. Whitespace controls are folded by _SPACE.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x9f]")
ICONS = {"error": "\u274c error", "warning": "\u26a0\ufe0f warning", "info": "\u2139\ufe0f info"}


def md_text(value: str, limit: int | None = None) -> str:
    """One line of literal text: whitespace folded, Markdown and HTML characters escaped."""
    flat = _SPACE.sub(" ", _CONTROL.sub("\ufffd", value)).strip()
    if limit is not None and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "\u2026"
    return _SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class MarkdownReporter(Reporter):
    format = "md"
    filename = "summary.md"

    def render(self, context: RenderContext) -> str:
        report = context.report
        s = report.summary
        lines = [
            "## checker: source consistency",
            "",
            f"**{plural(s.error, 'error')}, {plural(s.warning, 'warning')}, {s.info} info** in "
            f"{plural(len(report.articles), 'article')}, {plural(len(report.topics), 'topic')} "
            f"({plural(context.facts_checked, 'fact')} checked).",
        ]
        for topic in report.topics:
            lines += _topic_section(topic, context)
        text = "\n".join(lines) + "\n"
        if len(text) > MAX_CHARS:
            cut = text.rfind("\n", 0, MAX_CHARS - 200)
            text = text[:cut] + "\n\n_Summary truncated: see report.json for every finding._\n"
        return text


def _topic_section(topic: Topic, context: RenderContext) -> list[str]:
    findings = context.findings_by_topic.get(topic.id, [])
    named = f" (`{topic.id}`)" if topic.id != topic.title else ""
    lines = ["", f"### {md_text(topic.title)}{named}", ""]
    if not findings:
        return [*lines, "No findings."]
    failing = [f for f in findings if context.fails(f)]
    rest = [f for f in findings if not context.fails(f)]
    if failing:
        lines += _table(failing, context)
    else:
        lines.append(f"No findings at or above the failure threshold ({context.options.fail_on}).")
    if rest:
        lines += ["", f"<details><summary>{len(rest)} below the failure threshold</summary>", ""]
        lines += [*_table(rest, context), "", "</details>"]
    return lines


def _table(findings: list[Finding], context: RenderContext) -> list[str]:
    rows = ["| severity | rule | finding | evidence |", "|---|---|---|---|"]
    for finding in findings:
        rule = context.rule_by_id.get(finding.rule)
        rule_cell = f"{finding.rule}: {md_text(rule.title)}" if rule else finding.rule
        evidence = "<br>".join(
            f"{md_text(e.article)}: \u201c{md_text(e.quote, MAX_QUOTE)}\u201d"
            for e in finding.evidence
        )
        rows.append(f"| {ICONS[finding.severity.value]} | {rule_cell} | "
                    f"{md_text(finding.message)} `{finding.id}` | {evidence} |")  # fmt: skip
    return rows
