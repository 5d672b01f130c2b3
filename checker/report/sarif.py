"""SARIF 2.1.0 (`--format sarif`, report.sarif): for code-scanning tools and review bots.

One result per finding. Its first piece of evidence is the location (the article's path as
given, with a line/column region computed from the character offsets, columns in code
points); the other pieces are related locations. Rules carry their id, title, description
and default level; partialFingerprints carry the edit-proof fingerprint (see fingerprint.py).
"""

from __future__ import annotations

import json
import re
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from checker import __version__
from checker.models import ArticleInfo, Evidence, Finding, Severity
from checker.report.base import RenderContext, Reporter
from checker.report.fingerprint import fingerprints
from checker.rules.spec import RuleSpec

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "checkerFinding/v1"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
MIME_TYPES = {"txt": "text/plain", "md": "text/markdown", "html": "text/html",
              "json": "application/json", "jsonl": "application/jsonl"}  # fmt: skip
_WORD = re.compile(r"[A-Za-z0-9]+")


class SarifReporter(Reporter):
    format = "sarif"
    filename = "report.sarif"

    def render(self, context: RenderContext) -> str:
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [_run(context)]}
        return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _run(context: RenderContext) -> dict[str, Any]:
    rules = _rules(context)
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    artifacts = sorted({a.path: a for a in context.report.articles}.values(), key=lambda a: a.path)
    artifact_index = {a.path: i for i, a in enumerate(artifacts)}
    prints = fingerprints(context.report)
    results = [
        _result(f, context, rule_index, artifact_index, prints[f.id])
        for f in context.report.findings
    ]
    return {
        "tool": {"driver": {"name": "checker", "version": __version__,
                            "semanticVersion": __version__, "rules": rules}},
        "artifacts": [_artifact(a) for a in artifacts],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }  # fmt: skip


def _rules(context: RenderContext) -> list[dict[str, Any]]:
    """Every enabled rule in force, plus any rule a finding names that is not (a report made
    with other rules), in id order."""
    used = {f.rule: f for f in context.report.findings}
    ids = sorted({r.id for r in context.options.rules if r.enabled} | set(used))
    return [
        _rule(context.rule_by_id[i]) if i in context.rule_by_id else _unknown_rule(used[i])
        for i in ids
    ]


def _rule(rule: RuleSpec) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": "".join(w.capitalize() for w in _WORD.findall(rule.title)),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.description},
        "help": {"text": rule.description},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"kind": rule.kind},
    }


def _unknown_rule(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.rule,
        "shortDescription": {"text": f"{finding.kind.value} ({finding.rule})"},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"kind": finding.kind.value},
    }


def _artifact(info: ArticleInfo) -> dict[str, Any]:
    return {
        "location": {"uri": artifact_uri(info.path)},
        "mimeType": MIME_TYPES[info.format],
        "encoding": "utf-8",
    }


def artifact_uri(path: str) -> str:
    """A relative path stays relative (resolved against the checkout, as code scanning does);
    an absolute one becomes a file: URI."""
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return "file://" + quote(str(posix), safe="/")
    return quote(str(posix), safe="/")


def _result(
    finding: Finding,
    context: RenderContext,
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
    print_: str,
) -> dict[str, Any]:
    first, *others = finding.evidence or [None]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "partialFingerprints": {FINGERPRINT_KEY: print_},
        "properties": {"findingId": finding.id, "topic": finding.topic,
                       "kind": finding.kind.value, "reason": finding.reason},
    }  # fmt: skip
    if first is not None:
        result["locations"] = [_location(first, context, artifact_index)]
    if others:
        result["relatedLocations"] = [
            {**_location(e, context, artifact_index), "id": i} for i, e in enumerate(others, 1)
        ]
    return result


def _location(
    evidence: Evidence, context: RenderContext, artifact_index: dict[str, int]
) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": artifact_uri(evidence.path)}
    if evidence.path in artifact_index:
        artifact["index"] = artifact_index[evidence.path]
    physical: dict[str, Any] = {"artifactLocation": artifact}
    positions = context.positions(evidence)
    if positions is not None:
        start, end = positions
        physical["region"] = {
            "startLine": start.line, "startColumn": start.column,
            "endLine": end.line, "endColumn": end.column,
            "snippet": {"text": evidence.quote},
        }  # fmt: skip
    return {
        "physicalLocation": physical,
        "message": {"text": f"{evidence.article}: \u201c{evidence.quote}\u201d"},
    }
