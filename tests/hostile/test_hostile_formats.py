"""Article text and file names in every output format (issue 7): whatever they contain, each
format stays well-formed and nothing in it is read as markup or as a command. The HTML report
has its own payload tests (tests/test_html.py PAYLOADS, tests/test_html_browser.py)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest

from checker.report import FORMATS
from tests.conftest import cli

# A file name may hold anything but '/' and NUL: a newline ending the annotation and a
# workflow command of its own, XML and Markdown markup.
NAMES = ["evil\n::add-mask::secret\n.txt", "a]]>&<b>|`x`.txt", "per%0Acent,colon:.txt"]
TEXTS = [
    "Orbex said on Monday it shipped 4,000 Q7 sensors to Norway in February.\x0b\x1b[31m "
    "<script>alert(1)</script> ::set-output name=x::y\n",
    "Orbex shipped 6,500 Q7 sensors to Norway in February, the company said.\u2028 @everyone "
    "| --- | <img src=x onerror=alert(1)> ]]> &amp;\n",
    "Orbex shipped 9,100 Q7 sensors to Norway in February, according to \x07 the company.\n",
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("formats")
    folder = root / "in"
    folder.mkdir()
    for name, text in zip(NAMES, TEXTS, strict=True):
        (folder / name).write_text(text, encoding="utf-8")
    out = root / "out"
    result = cli("check", str(folder), "--out", str(out), "--no-cache", "--quiet",
                 "--format", ",".join(FORMATS), "--fail-on", "never")  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["findings"], "the articles must disagree for the formats to show findings"
    return {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}


def test_junit_is_well_formed_xml(outputs: dict[str, str]) -> None:
    ElementTree.fromstring(outputs["junit.xml"].encode("utf-8"))


def test_sarif_and_claimreview_are_json(outputs: dict[str, str]) -> None:
    assert json.loads(outputs["report.sarif"])["runs"]
    json.loads(outputs["claimreview.jsonld"])


def test_every_annotation_line_is_one_command(outputs: dict[str, str]) -> None:
    lines = outputs["github-annotations.txt"].splitlines()
    findings = json.loads(outputs["report.json"])["findings"]
    assert len(lines) == len(findings)
    assert all(re.match(r"::(error|warning|notice) file=[^:\n]*,", line) for line in lines)
    assert not any("::add-mask::" in line or "::set-output" in line for line in lines)


def test_markdown_holds_no_live_markup(outputs: dict[str, str]) -> None:
    summary = outputs["summary.md"]
    for live in ("<script", "<img", "\x1b", "\x0b", "\x07"):
        assert live not in summary
