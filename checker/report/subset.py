"""A report narrowed to some of its findings (new ones after a baseline, or the ones about a
new article), with the summary and the fact groups' finding lists kept consistent."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from checker.models import Finding, Report, Summary


def keep_findings(report: Report, keep: Callable[[Finding], bool]) -> Report:
    findings = [f for f in report.findings if keep(f)]
    kept = {f.id for f in findings}
    groups = [
        g.model_copy(update={"findings": [fid for fid in g.findings if fid in kept]})
        for g in report.groups
    ]
    counts = Counter(f.severity.value for f in findings)
    summary = Summary(**{k: counts.get(k, 0) for k in ("error", "warning", "info")})
    return report.model_copy(update={"findings": findings, "groups": groups, "summary": summary})
