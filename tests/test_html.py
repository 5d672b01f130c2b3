"""The HTML report as files: safe page names, escaped text, complete marks, working links.

What a person sees in a browser (counts, filters, console, no script from an article) is
tested in tests/test_html_browser.py.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.models import Article, Report, Topic
from checker.pipeline import Config, check_paths
from checker.report import write_reports
from checker.report.html import page_names, render_site
from checker.report.html_text import Node, Span, context_range, mark_spans, paragraph_ranges
from checker.report.html_timeline import date_sort_key
from checker.report.html_view import safe_link, source_name
from tests.conftest import write_corpus

Run = tuple[Report, list[Article]]


class Page(HTMLParser):
    """The parts of a page the tests look at: ids, in-page links, elements and their text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.hrefs: list[str] = []
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str]] = []
        self.marks: list[str] = []  # ids of the fact marks, in order
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            self.attributes.append((tag, name, value))
        if "id" in values:
            self.ids[values["id"]] += 1
        if tag == "a" and "href" in values:
            self.hrefs.append(values["href"])
        if tag == "mark" and "fact" in values.get("class", "").split():
            self.marks.append(values["id"])

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture(scope="session")
def seeds_site(seeds_run: Run, config: Config) -> dict[str, str]:
    report, articles = seeds_run
    return render_site(report, articles, config.rules)


def topic_page(site: dict[str, str]) -> Page:
    [name] = [n for n in site if n.startswith("topic-")]
    return Page(site[name])


# ---------------------------------------------------------------------------------------------
# Page names


@pytest.mark.parametrize(
    "topic_id",
    ["../../etc/passwd", "/etc/passwd", "..", ".", "", "a/b\\c", "C:\\Windows", "index",
     "Ünïcödé news", "x" * 300, 'news "><img src=x>', "con", "a\x00b"],
)  # fmt: skip
def test_a_topic_page_is_a_plain_file_name_in_the_output_folder(topic_id: str) -> None:
    name = page_names([Topic(id=topic_id, title="t", articles=[])])[topic_id]
    assert name.startswith("topic-") and name.endswith(".html")
    assert set(name[len("topic-") : -len(".html")]) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert len(name) <= 90


def test_topic_ids_that_slug_alike_get_distinct_pages() -> None:
    ids = ["Energy news", "energy-news", "ENERGY/NEWS"]
    names = page_names([Topic(id=i, title=i, articles=[]) for i in ids])
    assert len(set(names.values())) == 3


def test_hostile_topic_ids_write_only_inside_the_output_folder(
    seeds_run: Run, tmp_path: Path
) -> None:
    report, articles = seeds_run
    [topic] = report.topics
    hostile = [topic.model_copy(update={"id": i}) for i in ("../escape", "/tmp/abs", "..")]
    out = tmp_path / "out"
    written = write_reports(report.model_copy(update={"topics": hostile}), articles, out, ["html"])
    assert len(written) == 4
    assert all(path.resolve().parent == out.resolve() for path in written)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        p.name for p in written
    )


# ---------------------------------------------------------------------------------------------
# What the seeds pages hold


def test_the_site_is_an_index_and_one_page_per_topic(seeds_site: dict[str, str]) -> None:
    assert sorted(seeds_site) == ["index.html", "topic-seeds.html"]
    assert 'href="topic-seeds.html"' in seeds_site["index.html"]


def test_every_fact_is_highlighted_once_in_its_article(
    seeds_site: dict[str, str], seeds_report: Report
) -> None:
    page = topic_page(seeds_site)
    assert sorted(page.marks) == sorted(f"fact-{f.id}" for f in seeds_report.facts)


def test_every_in_page_link_has_its_target_and_every_id_is_unique(
    seeds_site: dict[str, str],
) -> None:
    page = topic_page(seeds_site)
    assert [i for i, n in page.ids.items() if n > 1] == []
    targets = {href[1:] for href in page.hrefs if href.startswith("#")}
    assert targets - set(page.ids) == set()


def test_each_finding_shows_each_of_its_quotes_in_a_mark(
    seeds_site: dict[str, str], seeds_report: Report
) -> None:
    html = seeds_site["topic-seeds.html"]
    for finding in seeds_report.findings:
        assert f'id="finding-{finding.id}"' in html
        for item in finding.evidence:
            assert f"#fact-{item.fact}" in html


def test_pages_load_nothing_from_outside(seeds_site: dict[str, str]) -> None:
    for html in seeds_site.values():
        page = Page(html)
        assert "default-src 'none'" in html
        assert [a for a in page.attributes if a[1] in ("src", "srcset", "action")] == []
        assert page.tags["link"] == 0 and page.tags["img"] == 0 and page.tags["iframe"] == 0
        assert page.tags["script"] == 1  # the filter script, allowed by its hash


def test_superseded_groups_get_a_timeline(seeds_site: dict[str, str], seeds_report: Report) -> None:
    superseded = {f.id for f in seeds_report.findings if f.kind.value == "superseded"}
    groups = [g for g in seeds_report.groups if superseded & set(g.findings)]
    assert groups
    html = seeds_site["topic-seeds.html"]
    for group in groups:
        assert f'id="timeline-{group.id}"' in html
    assert html.count('role="img"') >= len(groups)


def test_rendering_twice_gives_identical_pages(seeds_run: Run, config: Config) -> None:
    report, articles = seeds_run
    assert render_site(report, articles, config.rules) == render_site(
        report, articles, config.rules
    )


# ---------------------------------------------------------------------------------------------
# Article text that looks like markup stays text

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)"]
HOSTILE_CORPUS = {
    "a.md": (
        "---\n"
        'title: "<script>alert(1)</script> Orbex ships sensors"\n'
        "outlet: '\"><img src=x onerror=alert(1)>'\n"
        "published: 2026-03-02\n"
        'url: "javascript:alert(1)"\n'
        "---\n"
        "Orbex said on Monday it shipped 4,000 Q7 sensors to Norway in February "
        "<script>alert(1)</script>, the company said.\n\n"
        '"><img src=x onerror=alert(1)> The company shipped 4,000 Q7 sensors last month, '
        "according to its chief executive.\n\n"
        'See <a href="javascript:alert(1)">the filing</a>: Orbex plans to build 2,500 more units.\n'
    ),
    "b.txt": (
        "March 3, 2026\n\n"
        "Orbex shipped 6,500 Q7 sensors to Norway in February <img src=x onerror=alert(1)>, "
        "the company said.\n"
    ),
}


def hostile_corpus(root: Path) -> Path:
    """Two articles whose text, title, outlet, URL and folder name (the topic's title) carry
    script, an attribute break-out and a javascript: link, and that disagree on a figure."""
    return write_corpus(root / 'news "><img src=x onerror=alert(1)>', HOSTILE_CORPUS)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, config: Config) -> dict[str, str]:
    folder = hostile_corpus(tmp_path_factory.mktemp("hostile"))
    report, articles = check_paths([str(folder)], config)
    assert report.findings, "the hostile corpus must produce findings quoting the payloads"
    return render_site(report, articles, config.rules)


def test_markup_in_articles_is_escaped_everywhere(hostile_site: dict[str, str]) -> None:
    for name, html in hostile_site.items():
        page = Page(html)
        assert page.tags["img"] == 0, name
        assert page.tags["script"] == 1, name
        assert not any(a[1].startswith("on") for a in page.attributes), name
        assert "<script>alert" not in html and "<img src=x" not in html, name


def test_markup_in_articles_reads_as_the_text_it_is(hostile_site: dict[str, str]) -> None:
    [name] = [n for n in hostile_site if n.startswith("topic-")]
    text = "".join(Page(hostile_site[name]).text)
    for payload in PAYLOADS:
        assert payload in text


def test_a_javascript_url_is_never_a_link(hostile_site: dict[str, str]) -> None:
    for html in hostile_site.values():
        hrefs = Page(html).hrefs
        assert [h for h in hrefs if not (h.startswith(("#", "topic-", "index.html")))] == []


@pytest.mark.parametrize(
    ("url", "link"),
    [("https://example.org/a", "https://example.org/a"), ("http://example.org", "http://example.org"),
     ("javascript:alert(1)", None), ("JaVaScRiPt:alert(1)", None), (" javascript:alert(1)", None),
     ("data:text/html,<script>alert(1)</script>", None), ("//example.org/a", None),
     ("/relative/path", None), ("vbscript:msgbox", None), ("", None), (None, None)],
)  # fmt: skip
def test_only_web_addresses_become_links(url: str | None, link: str | None) -> None:
    assert safe_link(url) == link


# ---------------------------------------------------------------------------------------------
# Marking text


def flatten(nodes: tuple[Node, ...]) -> str:
    return "".join(n.text if not n.kind else flatten(n.children) for n in nodes)


def marks(nodes: tuple[Node, ...], depth: int = 0) -> list[tuple[str, str, int]]:
    """(kind, marked text, nesting depth) of every mark."""
    found = []
    for node in nodes:
        if node.kind:
            found.append((node.kind, flatten(node.children), depth))
            found += marks(node.children, depth + 1)
    return found


TEXT = "Orbex shipped 4,000 sensors in March, up from 3,500."


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([Span(14, 27, "fact", "a")], [("fact", "4,000 sensors", 0)]),
        ([Span(14, 27, "fact"), Span(46, 51, "fact")],
         [("fact", "4,000 sensors", 0), ("fact", "3,500", 0)]),
        ([Span(0, 52, "quote"), Span(14, 19, "value")],
         [("quote", TEXT, 0), ("value", "4,000", 1)]),
        # two mentions that cross: the later one is cut at the end of the first, still marked
        ([Span(14, 27, "fact"), Span(20, 36, "fact")],
         [("fact", "4,000 sensors", 0), ("fact", "sensors", 1)]),
        ([Span(14, 14, "fact")], [("fact", "", 0)]),
        ([Span(41, 99, "fact")], [("fact", "from 3,500.", 0)]),
    ],
)  # fmt: skip
def test_marks_nest_and_keep_every_span(
    spans: list[Span], expected: list[tuple[str, str, int]]
) -> None:
    nodes = mark_spans(TEXT, 0, len(TEXT), spans)
    assert flatten(nodes) == TEXT
    assert marks(nodes) == expected


@given(
    st.lists(
        st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))).map(sorted), max_size=8
    )
)
def test_marking_never_loses_or_repeats_text(bounds: list[list[int]]) -> None:
    spans = [Span(start, end, "fact") for start, end in bounds]
    nodes = mark_spans(TEXT, 0, len(TEXT), spans)
    assert flatten(nodes) == TEXT
    assert len(marks(nodes)) == len(spans)


ARTICLE = (
    "Orbex ships sensors\n\n"
    "Orbex shipped 4,000 sensors in March.\nIt had shipped 3,500 in February.\n\n\n"
    "Analysts expect 5,000 in April."
)


def test_paragraphs_end_at_blank_lines_and_keep_single_line_breaks() -> None:
    paragraphs = [ARTICLE[a:b] for a, b in paragraph_ranges(ARTICLE)]
    assert paragraphs == [
        "Orbex ships sensors",
        "Orbex shipped 4,000 sensors in March.\nIt had shipped 3,500 in February.",
        "Analysts expect 5,000 in April.",
    ]


def test_a_quote_is_shown_in_its_paragraph() -> None:
    start = ARTICLE.index("It had")
    low, high = context_range(ARTICLE, start, start + 10)
    assert ARTICLE[low:high].startswith("Orbex shipped 4,000") and high == ARTICLE.index("\n\n\n")


def test_a_quote_in_a_wall_of_text_is_shown_in_its_own_lines() -> None:
    wall = "\n".join(f"Line {i} says the plant made {i * 100} units." for i in range(200))
    start = wall.index("Line 57 ")
    low, high = context_range(wall, start, start + 7)
    assert wall[low:high] == "Line 57 says the plant made 5700 units."


# ---------------------------------------------------------------------------------------------
# Small pieces


@pytest.mark.parametrize(
    ("earlier", "later"),
    [("2025-12-10", "2026-01-15"), ("2026-03", "2026-03-02"), ("2026-Q1", "2026-04"),
     ("2026-H1", "2026-Q3"), ("2026-W10", "2026-03-03"), ("2025", "2026-01-01"),
     ("2026-12-31", None), ("2026-12-31", "--12-10"), ("2026-12-31", "soon")],
)  # fmt: skip
def test_timeline_dates_sort_by_the_day_they_start(earlier: str, later: str | None) -> None:
    assert date_sort_key(earlier) < date_sort_key(later)


def test_a_source_is_named_by_outlet_else_a_short_title(seeds_report: Report) -> None:
    names = [source_name(a) for a in seeds_report.articles]
    assert "Reuters" in names
    assert all(len(name) <= 49 for name in names)
