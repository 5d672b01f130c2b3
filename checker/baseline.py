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
from checker.models import Record, Report
from checker.report.fingerprint import fingerprints
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
    known = Counter(e.fingerprint for e in baseline.findings)
    prints = fingerprints(report)
    new: set[str] = set()
    for finding in report.findings:
        fingerprint = prints[finding.id]
        if known[fingerprint] > 0:
            known[fingerprint] -= 1
        else:
            new.add(finding.id)
    return keep_findings(report, lambda f: f.id in new), len(report.findings) - len(new)
