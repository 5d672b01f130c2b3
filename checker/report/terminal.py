"""The terminal summary of a run (rich): a table of findings by topic, counts, the files
written; and a progress bar over articles for long runs. Both go where they are told, so the
command line can keep stdout clean when a machine format is printed there."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from checker.models import Report
from checker.report.base import findings_by_topic
from checker.report.markdown import plural

MAX_ROWS = 40  # the rest is in the report files; a terminal is not the place for thousands
PROGRESS_MIN_ARTICLES = 50  # shorter runs finish before a bar would help
STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_summary(
    console: Console,
    report: Report,
    written: list[Path],
    known: int = 0,
    fact_count: int | None = None,
) -> None:
    """``fact_count``: facts checked, when ``report`` holds only those its findings cite."""
    if report.findings:
        console.print(findings_table(report))
    s = report.summary
    scope = [plural(len(report.articles), "article"), plural(len(report.topics), "topic")]
    facts = len(report.facts) if fact_count is None else fact_count
    line = (f"{plural(s.error, 'error')}, {plural(s.warning, 'warning')}, {s.info} info; "
            f"{plural(facts, 'fact')} checked in {', '.join(scope)}")  # fmt: skip
    if known:
        line += f" ({known} findings recorded in the baseline not shown)"
    console.print(line, highlight=False)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


def findings_table(report: Report) -> Table:
    """Findings grouped by topic, most severe first; severity is written, not only coloured."""
    table = Table(title="Findings by topic", title_justify="left", show_lines=False)
    for column in ("topic", "severity", "rule", "finding", "message"):
        table.add_column(column, overflow="fold", no_wrap=column == "finding")
    shown = 0
    by_topic = findings_by_topic(report.findings)
    for topic in report.topics:
        findings = by_topic.get(topic.id, [])
        for index, finding in enumerate(findings):
            if shown == MAX_ROWS:
                break
            severity = finding.severity.value
            table.add_row(topic.id if index == 0 else "", Text(severity, STYLES[severity]),
                          finding.rule, finding.id, Text(finding.message),
                          end_section=index == len(findings) - 1)  # fmt: skip
            shown += 1
    if len(report.findings) > shown:
        table.caption = f"… and {len(report.findings) - shown} more: see the report files"
    return table


class ArticleProgress:
    """A progress callback for the pipeline (done, total) that draws a bar only for long runs
    on a terminal; call close() when extraction is over."""

    def __init__(self, console: Console, enabled: bool = True) -> None:
        self._console = console
        self._enabled = enabled and console.is_terminal
        self._progress: Progress | None = None
        self._task = 0

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled or total < PROGRESS_MIN_ARTICLES:
            return
        if self._progress is None:
            self._progress = Progress(TextColumn("reading articles"), BarColumn(),
                                      MofNCompleteColumn(), TimeElapsedColumn(),
                                      console=self._console, transient=True)  # fmt: skip
            self._progress.start()
            self._task = self._progress.add_task("articles", total=total)
        self._progress.update(self._task, completed=done, total=total)
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
