"""Every output format from one run: SARIF against the official schema, JUnit parsed, GitHub
annotations, the Markdown summary and ClaimReview JSON-LD, each checked against report.json."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from checker.errors import CheckerError
from checker.models import Article, Report
from checker.pipeline import Config, check_paths
from checker.report import FORMATS, parse_formats, write_reports
from checker.report.base import RenderOptions
from checker.report.github import escape_data, escape_property
from checker.report.markdown import md_text
from checker.report.positions import LineIndex, Position
from checker.report.sarif import artifact_uri
from tests.conftest import EXTERNAL, SEEDS, write_corpus

SARIF_SCHEMA = EXTERNAL / "sarif" / "sarif-schema-2.1.0.json"
ALL = ["json", "html", "md", "sarif", "junit", "github", "claimreview"]


@pytest.fixture(scope="module")
def seeds_out(
    tmp_path_factory: pytest.TempPathFactory, seeds_run: tuple[Report, list[Article]],
    config: Config,
) -> Path:  # fmt: skip
    out = tmp_path_factory.mktemp("formats")
    report, articles = seeds_run
    write_reports(report, articles, out, ALL, RenderOptions(tuple(config.rules), "warning"))
    return out


def test_parse_formats_reads_a_comma_list_once_each() -> None:
    assert parse_formats("json, sarif,JUNIT,sarif") == ["json", "sarif", "junit"]
    assert set(ALL) == set(FORMATS)


def test_parse_formats_names_the_known_formats_when_one_is_unknown() -> None:
    with pytest.raises(CheckerError, match=r"unknown format 'pdf' .*known: json, html, md"):
        parse_formats("json,pdf")


def test_one_run_writes_every_format(seeds_out: Path) -> None:
    names = {"report.json", "index.html", "summary.md", "report.sarif", "junit.xml",
             "github-annotations.txt", "claimreview.jsonld"}  # fmt: skip
    assert names <= {p.name for p in seeds_out.iterdir()}


# --- SARIF -----------------------------------------------------------------------------------


def _sarif(out: Path) -> dict:
    return json.loads((out / "report.sarif").read_text())


def test_sarif_validates_against_the_official_schema(seeds_out: Path) -> None:
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"official SARIF schema not found at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text())
    jsonschema.Draft4Validator(schema).validate(_sarif(seeds_out))


def test_sarif_has_one_result_per_finding(seeds_out: Path, seeds_report: Report) -> None:
    [run] = _sarif(seeds_out)["runs"]
    assert [r["properties"]["findingId"] for r in run["results"]] == [
        f.id for f in seeds_report.findings
    ]
    assert [r["ruleId"] for r in run["results"]] == [f.rule for f in seeds_report.findings]


def test_sarif_rules_carry_description_and_default_level(seeds_out: Path, config: Config) -> None:
    [run] = _sarif(seeds_out)["runs"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    for spec in config.rules:
        assert rules[spec.id]["fullDescription"]["text"] == spec.description
        level = {"error": "error", "warning": "warning", "info": "note"}[spec.severity.value]
        assert rules[spec.id]["defaultConfiguration"]["level"] == level
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_regions_point_at_the_quote_in_the_file(seeds_out: Path) -> None:
    [run] = _sarif(seeds_out)["runs"]
    checked = 0
    for result in run["results"]:
        for location in result["locations"] + result.get("relatedLocations", []):
            physical = location["physicalLocation"]
            region = physical["region"]
            lines = _artifact_path(physical["artifactLocation"]["uri"]).read_text(
                encoding="utf-8-sig").split("\n")  # fmt: skip
            assert region["startLine"] == region["endLine"]  # seed quotes are one line each
            line = lines[region["startLine"] - 1]
            assert (
                line[region["startColumn"] - 1 : region["endColumn"] - 1]
                == (region["snippet"]["text"])
            )
            checked += 1
    assert checked


def _artifact_path(uri: str) -> Path:
    if uri.startswith("file://"):
        return Path(unquote(uri.removeprefix("file://")))
    return SEEDS.parent / unquote(uri)


def test_sarif_uses_relative_paths_as_given_and_file_uris_for_absolute_ones() -> None:
    assert artifact_uri("news/a b.txt") == "news/a%20b.txt"
    assert artifact_uri("/srv/news/a.txt") == "file:///srv/news/a.txt"


def test_sarif_fingerprints_are_unique_per_finding(seeds_out: Path) -> None:
    [run] = _sarif(seeds_out)["runs"]
    prints = [r["partialFingerprints"]["checkerFinding/v1"] for r in run["results"]]
    assert len(set(prints)) == len(prints)


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("one line", 0, Position(1, 1)),
        ("one line", 4, Position(1, 5)),
        ("first\nsecond", 6, Position(2, 1)),
        ("first\nsecond", 5, Position(1, 6)),  # the newline itself ends line 1
        ("a\n\nc", 3, Position(3, 1)),
        ("caf\u00e9 \U0001f600 x", 7, Position(1, 8)),  # columns count code points
    ],
)
def test_line_index_gives_one_based_line_and_column(
    text: str, offset: int, expected: Position
) -> None:
    assert LineIndex(text).position(offset) == expected


# --- JUnit -----------------------------------------------------------------------------------


def test_junit_has_a_test_case_per_fact_group(seeds_out: Path, seeds_report: Report) -> None:
    root = ET.parse(seeds_out / "junit.xml").getroot()
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(seeds_report.groups)
    assert int(root.get("tests", "-1")) == len(cases)


def test_junit_fails_a_case_for_each_finding_at_or_above_fail_on(
    seeds_out: Path, seeds_report: Report
) -> None:
    root = ET.parse(seeds_out / "junit.xml").getroot()
    failures = root.findall("./testsuite/testcase/failure")
    at_or_above = [f for f in seeds_report.findings if f.severity.value in ("error", "warning")]
    assert sorted(f.get("message") for f in failures) == sorted(f.message for f in at_or_above)
    failed_cases = [c for c in root.iter("testcase") if c.find("failure") is not None]
    assert int(root.get("failures", "-1")) == len(failed_cases)


def test_junit_keeps_text_xml_cannot_hold_out(tmp_path: Path, config: Config) -> None:
    corpus = write_corpus(tmp_path / "in", {
        "a.txt": "Varo Robotics said it shipped 1.2 million T4 vacuums to Canada last year.",
        "b.txt": "Varo Robotics said it shipped 2.1 million T4 vacuums \x0bto Canada last year.",
    })  # fmt: skip
    report, articles = check_paths([str(corpus)], config)
    write_reports(report, articles, tmp_path / "out", ["junit"])
    assert ET.parse(tmp_path / "out" / "junit.xml").getroot().find(".//failure") is not None


# --- GitHub annotations ----------------------------------------------------------------------


def test_github_annotations_one_line_per_finding(seeds_out: Path, seeds_report: Report) -> None:
    lines = (seeds_out / "github-annotations.txt").read_text().splitlines()
    assert len(lines) == len(seeds_report.findings)
    commands = {"error": "::error ", "warning": "::warning ", "info": "::notice "}
    for line, finding in zip(lines, seeds_report.findings, strict=True):
        assert line.startswith(commands[finding.severity.value])
        assert f"file={finding.evidence[0].path}," in line and ",line=" in line


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    [
        ("25% surcharge", "25%25 surcharge", "25%25 surcharge"),
        ("two\nlines", "two%0Alines", "two%0Alines"),
        ("a: b, c", "a: b, c", "a%3A b%2C c"),
    ],
)
def test_github_escapes_what_workflow_commands_interpret(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_summary_counts_match_the_report(seeds_out: Path, seeds_report: Report) -> None:
    text = (seeds_out / "summary.md").read_text()
    s = seeds_report.summary
    assert f"{s.error} errors, {s.warning} warnings, {s.info} info" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(seeds_report.findings)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a | b", "a \\| b"),
        ("<script>alert(1)</script>", "\\<script\\>alert\\(1\\)\\</script\\>"),
        ("two\n\nparagraphs", "two paragraphs"),
        ("AT&T", "AT&amp;T"),
        ("**bold**", "\\*\\*bold\\*\\*"),
        ("$27,000 or $5.4 billion", "\\$27,000 or \\$5.4 billion"),  # not GitHub math
    ],
)
def test_markdown_text_is_literal(raw: str, expected: str) -> None:
    assert md_text(raw) == expected


def test_markdown_quotes_cannot_break_the_table(tmp_path: Path, config: Config) -> None:
    corpus = write_corpus(tmp_path / "in", {
        "a.txt": "Varo Robotics said it shipped 1.2 million T4 vacuums | to Canada last year.",
        "b.txt": "Varo Robotics said it <b>shipped</b> 2.1 million T4 vacuums to Canada last year.",
    })  # fmt: skip
    report, articles = check_paths([str(corpus)], config)
    write_reports(report, articles, tmp_path / "out", ["md"])
    text = (tmp_path / "out" / "summary.md").read_text()
    [row] = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 4 and "<b>" not in row


# --- ClaimReview -----------------------------------------------------------------------------


def test_claimreview_reviews_each_judged_group(seeds_out: Path, seeds_report: Report) -> None:
    document = json.loads((seeds_out / "claimreview.jsonld").read_text())
    assert document["@context"] == "https://schema.org"
    judged = [g for g in seeds_report.groups if g.findings]
    assert [r["@id"] for r in document["@graph"]] == [f"#{g.id}" for g in judged]
    for review in document["@graph"]:
        assert review["@type"] == "ClaimReview" and review["claimReviewed"]
        assert review["reviewRating"]["alternateName"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]


def test_sarif_gives_no_region_where_the_text_is_not_the_file(
    tmp_path: Path, config: Config
) -> None:
    corpus = write_corpus(tmp_path / "in", {
        "a.json": json.dumps({"text": "Varo Robotics said it shipped 1.2 million T4 vacuums to "
                                      "Canada last year.", "outlet": "Wire"}),
        "b.txt": "Varo Robotics said it shipped 2.1 million T4 vacuums to Canada last year.",
    })  # fmt: skip
    report, articles = check_paths([str(corpus)], config)
    write_reports(report, articles, tmp_path / "out", ["sarif"])
    sarif = _sarif(tmp_path / "out")
    if SARIF_SCHEMA.exists():
        jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text())).validate(sarif)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "CT001"]
    locations = [result["locations"][0], *result["relatedLocations"]]
    regions = {loc["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]:
               "region" in loc["physicalLocation"] for loc in locations}  # fmt: skip
    assert regions == {"a.json": False, "b.txt": True}


def test_junit_with_fail_on_never_has_no_failures(
    tmp_path: Path, seeds_run: tuple[Report, list[Article]]
) -> None:
    report, articles = seeds_run
    write_reports(report, articles, tmp_path, ["junit"], RenderOptions(fail_on="never"))
    root = ET.parse(tmp_path / "junit.xml").getroot()
    assert root.get("failures") == "0" and root.find(".//failure") is None
    listed = "\n".join(out.text or "" for out in root.iter("system-out"))
    assert all(f.id in listed for f in report.findings)
