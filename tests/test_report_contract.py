"""The JSON report is a public contract: schema-valid, exact offsets, complete, deterministic."""

from __future__ import annotations

import jsonschema

from checker.models import Article, Report
from checker.report import render_json
from tests.conftest import SEEDS


def test_seeds_report_validates_against_the_published_schema(
    seeds_report: Report, report_schema: dict
) -> None:
    jsonschema.Draft202012Validator(report_schema).validate(seeds_report.model_dump(mode="json"))


def test_every_seed_article_appears(seeds_report: Report) -> None:
    expected = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert [a.id for a in seeds_report.articles] == expected
    assert all(a.path.endswith(a.id) for a in seeds_report.articles)


def test_the_seeds_folder_is_one_topic(seeds_report: Report) -> None:
    [topic] = seeds_report.topics
    assert topic.id == "seeds"
    assert sorted(topic.articles) == [a.id for a in seeds_report.articles]


def test_every_fact_offset_is_exact(
    seeds_report: Report, seeds_articles: dict[str, Article]
) -> None:
    assert seeds_report.facts
    for fact in seeds_report.facts:
        text = seeds_articles[fact.article].text
        assert text[fact.start : fact.end] == fact.quote, fact.id
        assert fact.sentence.start <= fact.start < fact.end <= fact.sentence.end


def test_every_evidence_offset_is_exact(
    seeds_report: Report, seeds_articles: dict[str, Article]
) -> None:
    assert seeds_report.findings
    for finding in seeds_report.findings:
        for item in finding.evidence:
            text = seeds_articles[item.article].text
            assert text[item.start : item.end] == item.quote, finding.id


def test_findings_reference_existing_facts(seeds_report: Report) -> None:
    fact_ids = {f.id for f in seeds_report.facts}
    for finding in seeds_report.findings:
        assert set(finding.facts) <= fact_ids


def test_fact_and_finding_ids_are_unique(seeds_report: Report) -> None:
    ids = [f.id for f in seeds_report.facts]
    assert len(ids) == len(set(ids))
    ids = [f.id for f in seeds_report.findings]
    assert len(ids) == len(set(ids))


def test_summary_counts_match_findings(seeds_report: Report) -> None:
    for severity in ("error", "warning", "info"):
        count = sum(f.severity.value == severity for f in seeds_report.findings)
        assert getattr(seeds_report.summary, severity) == count


def test_no_value_is_a_bare_float(seeds_report: Report) -> None:
    data = render_json(seeds_report)
    assert '"schema_version": "2"' in data
    for fact in seeds_report.model_dump(mode="json")["facts"]:
        if fact["dimension"] == "status":
            assert fact["value"] is None and fact["status"]
        else:
            assert set(fact["value"]) >= {"low", "high", "qualifier"}
