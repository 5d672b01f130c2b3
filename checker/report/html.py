"""A first plain HTML report: summary, findings with evidence, and the facts table."""

from __future__ import annotations

from functools import cache

import jinja2

from checker.models import Article, Report
from checker.rules.intervals import describe


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["describe"] = describe
    return env


def render_index(report: Report, articles: list[Article]) -> str:
    titles = {a.id: a.info.title or a.id for a in articles}
    facts_by_topic = {t.id: [f for f in report.facts if f.topic == t.id] for t in report.topics}
    findings_by_topic = {
        t.id: [f for f in report.findings if f.topic == t.id] for t in report.topics
    }
    return (
        _environment()
        .get_template("index.html.j2")
        .render(
            report=report,
            titles=titles,
            facts_by_topic=facts_by_topic,
            findings_by_topic=findings_by_topic,
        )
    )
