"""Baselines: today's findings recorded by fingerprint, so CI fails only on new ones.

`checker baseline PATH... --out checker-baseline.json` writes the file; `checker check ...
--baseline checker-baseline.json` drops every finding whose fingerprint it records. The file
counts each fingerprint, so a second identical finding (the same sentence repeated) is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from checker.errors import CheckerError
from checker.models import Fact, Finding, Record, Report
from checker.report.fingerprint import fingerprint, fingerprints
from checker.report.subset import keep_findings


class BaselineEntry(Record):
    fingerprint: str
    rule: str
    topic: str
    message: str  # for the reader of the file; matching uses the fingerprint only


class Baseline(Record):
    version: Literal[1] = 1
    tool: Literal["checker"] = "checker"
    findings: list[BaselineEntry]


def make_baseline(report: Report) -> Baseline:
    prints = fingerprints(report)
    entries = [BaselineEntry(fingerprint=prints[f.id], rule=f.rule, topic=f.topic,
                             message=f.message) for f in report.findings]  # fmt: skip
    entries.sort(key=lambda e: (e.fingerprint, e.rule, e.topic, e.message))
    return Baseline(findings=entries)


def render_baseline(baseline: Baseline) -> str:
    return json.dumps(baseline.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: Path) -> Baseline:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CheckerError(f"cannot read baseline: {exc.strerror or exc}", str(path)) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckerError(f"baseline is not JSON: {exc}", str(path)) from None
    try:
        return Baseline.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise CheckerError(
            f"not a checker baseline ({where}: {first['msg']}); write one with "
            "`checker baseline PATH... --out FILE`",
            str(path),
        ) from None


def apply_baseline(report: Report, baseline: Baseline) -> tuple[Report, int]:
    """The report with only the findings the baseline does not record, and how many it
    dropped."""
    unknown = BaselineFilter(baseline)
    new = unknown.new_findings(report.findings, {f.id: f for f in report.facts})
    return keep_findings(report, lambda f: f.id in new), unknown.known


class BaselineFilter:
    """The baseline's fingerprints, used up as findings match them. Findings are judged in
    report order, each once; a streamed run judges one topic's at a time, which is the same,
    since findings that share a fingerprint share their articles, and so their topic."""

    def __init__(self, baseline: Baseline) -> None:
        self._unused = Counter(e.fingerprint for e in baseline.findings)
        self.known = 0  # findings dropped so far

    def new_findings(self, findings: list[Finding], facts: dict[str, Fact]) -> set[str]:
        """Ids of those of ``findings`` the baseline does not record; ``facts`` holds (at
        least) the facts they cite."""
        new: set[str] = set()
        for finding in findings:
            stamp = fingerprint(finding, facts)
            if self._unused[stamp] > 0:
                self._unused[stamp] -= 1
                self.known += 1
            else:
                new.add(finding.id)
        return new
