"""The HTML report for editors: index.html and one self-contained page per topic.

Pages are rendered by jinja2 with autoescaping from views that hold plain data, and marked
article text by ``marked_text``, which escapes each piece, so article text, titles and
metadata can only ever appear as text. Each page carries its CSS, SVG and
filter script inline, loads nothing from the network (its Content-Security-Policy forbids it)
and reads complete without JavaScript.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import jinja2
from markupsafe import Markup, escape

from checker.models import Article, Report, Topic
from checker.report.html_text import Node
from checker.report.html_view import TopicPage, build_topic_page, records_by_topic
from checker.rules.spec import RuleSpec

INDEX = "index.html"
_UNSAFE = re.compile(r"[^a-z0-9]+")
MAX_SLUG = 60


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["marked"] = marked_text
    env.globals["filter_script"] = _filter_script()
    env.globals["script_hash"] = _script_hash()
    return env


@cache
def _filter_script() -> Markup:
    """The filter script as written (our own file, no data in it), so its hash is exact."""
    loader = jinja2.PackageLoader("checker.report", "templates")
    source, _name, _uptodate = loader.get_source(jinja2.Environment(), "filters.js.j2")
    # Our own static file, with no data in it: the one piece of markup not escaped.
    return Markup(source)


@cache
def _script_hash() -> str:
    """The CSP hash that lets this one inline script run and no other (defence in depth)."""
    digest = hashlib.sha256(str(_filter_script()).encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


_NOISE_TITLE = "Not read for facts: front matter or page furniture"


def marked_text(nodes: Sequence[Node], page: TopicPage) -> Markup:
    """A paragraph or a quote as HTML: each node's text escaped, each mark its element.

    Written here rather than as a recursive template macro because a topic page holds every
    fact of every article (some 11,000 marks on a page of 1,000 articles), and a macro call
    per mark cost more than the rest of the page; every piece of text and every attribute
    value still passes through markupsafe's escape."""
    parts: list[str] = []
    _write_nodes(nodes, page, parts)
    return Markup("".join(parts))


def _write_nodes(nodes: Sequence[Node], page: TopicPage, parts: list[str]) -> None:
    for node in nodes:
        kind = node.kind
        if not kind:
            parts.append(escape(node.text))
            continue
        if kind == "fact":
            ref = escape(node.ref)
            flagged = " flagged" if node.ref in page.fact_findings else ""
            label = escape(page.fact_labels.get(node.ref, ""))
            parts.append(f'<mark class="fact{flagged}" id="fact-{ref}" title="{label}">')
            _write_nodes(node.children, page, parts)
            parts.append("</mark>")
            for finding_id, rule in page.fact_findings.get(node.ref, []):
                finding = escape(finding_id)
                parts.append(f'<sup class="flag"><a href="#finding-{finding}" '
                             f'title="Finding {finding}">{escape(rule)}</a></sup>')  # fmt: skip
        elif kind == "quote":
            parts.append('<mark class="quote">')
            _write_nodes(node.children, page, parts)
            parts.append("</mark>")
        elif kind == "noise":
            parts.append(f'<span class="noise" title="{_NOISE_TITLE}">')
            _write_nodes(node.children, page, parts)
            parts.append("</span>")
        elif kind == "value":
            parts.append(f'<a class="value" href="#fact-{escape(node.ref)}">')
            _write_nodes(node.children, page, parts)
            parts.append("</a>")


TOPIC_PAGE = "topic-{slug}.html"
TOPIC_PAGE_GLOB = "topic-*.html"


def page_names(topics: Sequence[Topic]) -> dict[str, str]:
    """A file name in the output folder for each topic id: lower-case letters, digits and
    hyphens only, so no id (``../x``, ``/etc``, ``a\\b``, empty) can name a file elsewhere;
    ids that slug alike get a short hash of the id to stay distinct."""
    slugs = {t.id: _UNSAFE.sub("-", t.id.lower()).strip("-")[:MAX_SLUG] or "topic" for t in topics}
    taken = list(slugs.values())
    names = {}
    for topic_id, slug in slugs.items():
        if taken.count(slug) > 1:
            slug = f"{slug}-{hashlib.sha256(topic_id.encode('utf-8')).hexdigest()[:8]}"
        names[topic_id] = TOPIC_PAGE.format(slug=slug)
    return names


def render_site(
    report: Report, articles: list[Article], rules: Sequence[RuleSpec] | None = None
) -> dict[str, str]:
    """File name -> page: index.html and one page per topic."""
    rule_specs = rule_table(rules)
    names = page_names(report.topics)
    by_id = {article.id: article for article in articles}
    infos = {info.id: info for info in report.articles}
    records = records_by_topic(report)
    pages = [
        build_topic_page(t, names[t.id], records[t.id], infos, by_id, rule_specs)
        for t in report.topics
    ]
    site = {INDEX: render_index_page(report, pages, len(report.facts))}
    for page in pages:
        site[page.file] = render_topic_page(report, page)
    return site


def rule_table(rules: Sequence[RuleSpec] | None) -> dict[str, RuleSpec]:
    """The rules whose descriptions pages show, by id (default: the built-in rules)."""
    return {rule.id: rule for rule in (_builtin_rules() if rules is None else rules)}


def render_topic_page(report: Report, page: TopicPage) -> str:
    """One topic's page; of ``report`` it reads only the tool and schema version."""
    return _environment().get_template("topic.html.j2").render(report=report, page=page)


def render_index_page(report: Report, pages: Sequence[IndexRow], fact_count: int) -> str:
    """index.html: the run's counts and a row per topic page. Of ``report`` it reads the
    articles, topics and summary (a streamed run's report holds only some of the facts)."""
    return (
        _environment()
        .get_template("index.html.j2")
        .render(report=report, pages=pages, fact_count=fact_count)
    )


class IndexRow(Protocol):
    """What index.html shows of a topic page: a TopicPage, or a streamed run's digest of one."""

    topic: Topic
    file: str
    counts: dict[str, int]


def render_index(report: Report, articles: list[Article]) -> str:
    return render_site(report, articles)[INDEX]


def _builtin_rules() -> list[RuleSpec]:
    from checker.rules.loader import default_rule_dirs, load_rules

    return load_rules(default_rule_dirs())


__all__ = [
    "INDEX",
    "IndexRow",
    "TopicPage",
    "page_names",
    "render_index",
    "render_index_page",
    "render_site",
    "render_topic_page",
    "rule_table",
]
