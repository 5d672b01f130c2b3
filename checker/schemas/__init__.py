"""Published JSON Schemas, generated from the pydantic models (run `python -m checker.schemas`).

A test regenerates them and fails if the committed copies differ, so they cannot drift.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.lexicons import LEXICON_ADAPTER
from checker.models import Report
from checker.rules.spec import RuleSpec
from checker.topicsfile import TopicsFile

SCHEMA_DIR = Path(__file__).resolve().parent
BASE_URI = "https://checker.invalid/schemas/"


def _with_header(schema: dict[str, Any], name: str, title: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_URI + name,
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def build_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for every published schema."""
    report = Report.model_json_schema(mode="serialization")
    report["description"] = (
        "checker consistency report, schema_version 2. Offsets are end-exclusive code-point "
        "indices into the article's decoded text: text[start:end] == quote."
    )
    rules = RuleSpec.model_json_schema(mode="validation", by_alias=True)
    lexicons = LEXICON_ADAPTER.json_schema(mode="validation", by_alias=True)
    topics = TopicsFile.model_json_schema(mode="validation")
    return {
        "report.schema.json": _with_header(report, "report.schema.json", "checker report"),
        "rules.schema.json": _with_header(rules, "rules.schema.json", "checker rule file"),
        "lexicons.schema.json": _with_header(
            lexicons, "lexicons.schema.json", "checker lexicon file"
        ),
        "topics.schema.json": _with_header(topics, "topics.schema.json", "checker topics file"),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    written = []
    for name, schema in build_schemas().items():
        path = directory / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
