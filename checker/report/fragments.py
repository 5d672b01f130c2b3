"""A checked topic as the report writers take it: its findings, and its facts and groups both
as records and as the text report.json holds for them.

Either form of the facts and groups is made from the other when first asked for. A topic just
checked (records) is rendered once, for report.json and for the cache alike; a topic read back
from the cache (text) goes into report.json as it is, and is decoded only for a format that
reads its records (HTML, JUnit, ClaimReview, SARIF's fingerprints, a baseline). The text is
exactly what render_json writes for those items, so the bytes are the same either way.
"""

from __future__ import annotations

from pydantic import TypeAdapter

from checker.models import Fact, FactGroup, Finding

FACTS = TypeAdapter(list[Fact])
GROUPS = TypeAdapter(list[FactGroup])
FINDINGS = TypeAdapter(list[Finding])


def json_items(adapter: TypeAdapter[list], items: list) -> str:
    """``items`` as render_json writes them inside a top-level list (indented by four spaces,
    separated by ",\\n"), or "" for none: pydantic's own serializer, so the same bytes."""
    if not items:
        return ""
    text = adapter.dump_json(items, indent=2).decode("utf-8")  # "[\n  {...},\n  {...}\n]"
    # No JSON string holds a raw newline, so every newline here is between two lines.
    return "  " + text[2:-2].replace("\n", "\n  ")


def _records(adapter: TypeAdapter[list], text: str) -> list:
    """The items json_items wrote as ``text``, decoded (and validated) again."""
    return adapter.validate_json(f"[{text}]") if text else []


class CheckedTopic:
    """One topic's findings (most severe first), how many facts it has, and its facts (in
    report order) and groups (in key order) as records, as report.json text, or both."""

    def __init__(
        self,
        findings: list[Finding],
        fact_count: int,
        facts: list[Fact] | None = None,
        groups: list[FactGroup] | None = None,
        facts_json: str | None = None,
        groups_json: str | None = None,
    ) -> None:
        if (facts is None and facts_json is None) or (groups is None and groups_json is None):
            raise ValueError("a checked topic needs its facts and groups in one form or another")
        self.findings = findings
        self.fact_count = fact_count
        self._facts = facts
        self._groups = groups
        self._facts_json = facts_json
        self._groups_json = groups_json

    @property
    def facts(self) -> list[Fact]:
        if self._facts is None:
            self._facts = _records(FACTS, self.facts_json)
        return self._facts

    @property
    def groups(self) -> list[FactGroup]:
        if self._groups is None:
            self._groups = _records(GROUPS, self.groups_json)
        return self._groups

    @property
    def facts_json(self) -> str:
        if self._facts_json is None:
            self._facts_json = json_items(FACTS, self.facts)
        return self._facts_json

    @property
    def groups_json(self) -> str:
        if self._groups_json is None:
            self._groups_json = json_items(GROUPS, self.groups)
        return self._groups_json
