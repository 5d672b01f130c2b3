"""GitHub Actions workflow commands (`--format github`, github-annotations.txt).

One `::error`/`::warning`/`::notice` line per finding, at its first piece of evidence, so
the finding shows on the article's line in a pull request. GitHub reads these from a step's
standard output, so the command line also prints them there (see checker/cli.py).
"""

from __future__ import annotations

from checker.models import Finding, Severity
from checker.report.base import RenderContext, Reporter

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    format = "github"
    filename = "github-annotations.txt"

    def render(self, context: RenderContext) -> str:
        return "".join(annotation(f, context) + "\n" for f in context.report.findings)


def annotation(finding: Finding, context: RenderContext) -> str:
    properties: list[tuple[str, str]] = []
    if finding.evidence:
        first = finding.evidence[0]
        properties.append(("file", first.path))
        positions = context.positions(first)
        if positions is not None:
            start, end = positions
            properties += [("line", str(start.line)), ("endLine", str(end.line))]
            if start.line == end.line:  # GitHub reads columns only within one line
                properties += [
                    ("col", str(start.column)),
                    ("endColumn", str(max(start.column, end.column - 1))),
                ]
    rule = context.rule_by_id.get(finding.rule)
    title = f"{finding.rule} {rule.title}" if rule else finding.rule
    properties.append(("title", title))
    head = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[finding.severity]} {head}::{escape_data(finding.message)}"
