"""JUnit XML (`--format junit`, junit.xml): for CI systems that show test results.

One test suite per topic and one test case per fact group (the claims table's rows), so a
CI page lists every figure the articles agree on as a passing test. A finding at or above
--fail-on is a failure of its group's test case; findings below it are listed in the case's
system-out. A finding about facts of several groups counts once, in the first of them.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.models import FactGroup, Finding
from checker.report.base import RenderContext, Reporter

# Characters XML 1.0 cannot hold, even escaped; scraped text sometimes has them.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
UNGROUPED = "(findings outside any fact group)"


def xml_text(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


class JunitReporter(Reporter):
    format = "junit"
    filename = "junit.xml"

    def render(self, context: RenderContext) -> str:
        root = ET.Element("testsuites", name="checker")
        cases_by_topic = _cases_by_topic(context)
        totals = {"tests": 0, "failures": 0}
        for topic in context.report.topics:
            suite = _suite(topic.id, cases_by_topic.get(topic.id, []), context)
            root.append(suite)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        root.set("tests", str(totals["tests"]))
        root.set("failures", str(totals["failures"]))
        root.set("errors", "0")
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


Case = tuple[str, list[Finding]]  # test name, its findings


def _cases_by_topic(context: RenderContext) -> dict[str, list[Case]]:
    by_id = {f.id: f for f in context.report.findings}
    placed: set[str] = set()
    cases: dict[str, list[Case]] = defaultdict(list)
    for group in context.report.groups:
        own = [by_id[i] for i in group.findings if i in by_id and i not in placed]
        placed.update(f.id for f in own)
        cases[group.topic].append((_case_name(group), own))
    for finding in context.report.findings:
        if finding.id not in placed:
            topic_cases = cases[finding.topic]
            if not topic_cases or topic_cases[-1][0] != UNGROUPED:
                topic_cases.append((UNGROUPED, []))
            topic_cases[-1][1].append(finding)
    return cases


def _case_name(group: FactGroup) -> str:
    subject = f"{group.subject} " if group.subject else ""
    return f"{subject}{group.predicate}: {group.what} [{group.id}]"


def _suite(topic: str, cases: list[Case], context: RenderContext) -> ET.Element:
    suite = ET.Element("testsuite", name=topic)
    failures = 0
    for name, findings in cases:
        case = ET.SubElement(suite, "testcase", classname=topic, name=xml_text(name), time="0")
        failing = [f for f in findings if context.fails(f)]
        for finding in failing:
            failure = ET.SubElement(case, "failure", type=finding.rule,
                                    message=xml_text(finding.message))  # fmt: skip
            failure.text = xml_text(_details(finding))
        failures += bool(failing)
        quiet = [f for f in findings if not context.fails(f)]
        if quiet:
            out = ET.SubElement(case, "system-out")
            out.text = xml_text("\n\n".join(_details(f) for f in quiet))
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    suite.set("time", "0")
    return suite


def _details(finding: Finding) -> str:
    lines = [f"{finding.severity.value} {finding.rule} {finding.id}: {finding.message}"]
    lines += [f"  {e.path} [{e.start}:{e.end}]: {e.quote}" for e in finding.evidence]
    return "\n".join(lines)
