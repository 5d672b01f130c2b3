"""The HTML report as an editor sees it: headless Chromium opens the pages from disk.

Needs the `playwright` package (the `test` extra) and a system Chromium (`.ci/install-browser`
installs Debian's); playwright never downloads a browser here. Without either the tests skip
and say which is missing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from checker.models import Article, Report
from checker.pipeline import Config, check_paths
from checker.report import write_reports
from checker.report.base import RenderOptions
from tests.test_html import PAYLOADS, hostile_corpus

sync_api = pytest.importorskip(
    "playwright.sync_api",
    reason="playwright is not installed: pip install -e '.[test]' (browser tests skipped)",
)

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 900}
SHOWN = "document.querySelectorAll('article.finding:not([hidden])').length"


def chromium_path() -> str | None:
    """$CHECKER_CHROMIUM, else Debian's /usr/bin/chromium, else chromium on PATH."""
    for candidate in (os.environ.get("CHECKER_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "no Chromium at /usr/bin/chromium or on PATH (as root on Debian, "
            "bash .ci/install-browser installs it); browser tests skipped"
        )
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"Chromium at {executable} does not start: {exc.message.splitlines()[0]}")
        yield launched
        launched.close()


@dataclass
class Visit:
    """A page and what happened while it was open."""

    page: Any
    problems: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def visit(browser: Any, path: Path, javascript: bool = True) -> Visit:
    page = browser.new_context(viewport=VIEWPORT, java_script_enabled=javascript).new_page()
    seen = Visit(page)
    page.on("console", lambda m: seen.problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: seen.problems.append(str(exc)))
    page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: seen.requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return seen


@pytest.fixture(scope="module")
def seeds_out(
    seeds_run: tuple[Report, list[Article]],
    config: Config,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    report, articles = seeds_run
    out = tmp_path_factory.mktemp("seeds-report")
    write_reports(report, articles, out, ["json", "html"], RenderOptions(rules=tuple(config.rules)))
    return out


def report_json(out: Path) -> dict[str, Any]:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def topic_counts(data: dict[str, Any], topic: str) -> dict[str, int]:
    """What a topic page's headline must say, counted from report.json."""
    findings = [f for f in data["findings"] if f["topic"] == topic]
    counts = {s: sum(f["severity"] == s for f in findings) for s in ("error", "warning", "info")}
    articles = next(t["articles"] for t in data["topics"] if t["id"] == topic)
    return {
        **counts,
        "articles": len(articles),
        "facts": sum(f["topic"] == topic for f in data["facts"]),
        "groups": sum(g["topic"] == topic for g in data["groups"]),
    }


def shown_counts(page: Any, scope: str = "header") -> dict[str, int]:
    cells = page.locator(f"{scope} [data-count]")
    return {
        cells.nth(i).get_attribute("data-count"): int(cells.nth(i).inner_text())
        for i in range(cells.count())
    }


def visible_findings(page: Any) -> int:
    return page.locator("article.finding:visible").count()


def check(page: Any, name: str, value: str, on: bool) -> None:
    page.locator(f'#filters input[name="{name}"][value="{value}"]').set_checked(on)


# ---------------------------------------------------------------------------------------------
# The seeds report


def test_index_counts_equal_report_json(browser: Any, seeds_out: Path) -> None:
    data = report_json(seeds_out)
    seen = visit(browser, seeds_out / "index.html")
    expected = {**data["summary"], "articles": len(data["articles"]), "facts": len(data["facts"])}
    assert shown_counts(seen.page) == expected
    for topic in data["topics"]:
        row = f'tr[data-topic="{topic["id"]}"]'
        shown = shown_counts(seen.page, row)
        assert shown == {k: v for k, v in topic_counts(data, topic["id"]).items() if k != "groups"}


def test_topic_page_counts_equal_report_json(browser: Any, seeds_out: Path) -> None:
    data = report_json(seeds_out)
    seen = visit(browser, seeds_out / "index.html")
    seen.page.locator("table.topics a").first.click()
    seen.page.wait_for_load_state("load")
    counts = topic_counts(data, "seeds")
    assert shown_counts(seen.page) == counts
    for severity in ("error", "warning", "info"):
        shown = seen.page.locator(f'article.finding[data-severity="{severity}"]').count()
        assert shown == counts[severity]
    assert seen.page.locator("mark.fact").count() == counts["facts"]
    assert seen.page.locator("tbody[id^=group-]").count() == counts["groups"]


def test_filters_show_only_the_chosen_findings(browser: Any, seeds_out: Path) -> None:
    data = report_json(seeds_out)
    findings = [f for f in data["findings"] if f["topic"] == "seeds"]
    page = visit(browser, seeds_out / "topic-seeds.html").page
    status = page.locator("#filter-status")
    assert visible_findings(page) == len(findings)

    check(page, "severity", "warning", on=False)
    not_warning = [f for f in findings if f["severity"] != "warning"]
    assert visible_findings(page) == len(not_warning)
    assert status.inner_text() == f"Showing {len(not_warning)} of {len(findings)} findings"

    rule = not_warning[0]["rule"]
    check(page, "rule", rule, on=False)
    remaining = [f for f in not_warning if f["rule"] != rule]
    assert visible_findings(page) == len(remaining)
    assert all(
        page.locator(f'article.finding[data-rule="{rule}"]').nth(i).is_hidden()
        for i in range(page.locator(f'article.finding[data-rule="{rule}"]').count())
    )

    page.get_by_role("button", name="Show all").click()
    page.wait_for_function(f"{SHOWN} == {len(findings)}")
    assert visible_findings(page) == len(findings)


def test_a_link_to_a_filtered_out_finding_shows_it(browser: Any, seeds_out: Path) -> None:
    page = visit(browser, seeds_out / "topic-seeds.html").page
    flag = page.locator("sup.flag a").first
    target = flag.get_attribute("href")
    for value in ("error", "warning", "info"):
        if page.locator(f'#filters input[name="severity"][value="{value}"]').count():
            check(page, "severity", value, on=False)
    assert visible_findings(page) == 0
    flag.click()
    page.wait_for_function(f"{SHOWN} > 0")
    assert page.locator(str(target)).is_visible()


def test_pages_open_without_console_errors_or_network(browser: Any, seeds_out: Path) -> None:
    for name in ("index.html", "topic-seeds.html"):
        seen = visit(browser, seeds_out / name)
        links = seen.page.locator("main a[href^='#']")
        if links.count():
            links.last.click()
        assert seen.problems == [], name
        assert [url for url in seen.requests if not url.startswith("file://")] == [], name


def test_the_page_reads_complete_without_javascript(browser: Any, seeds_out: Path) -> None:
    data = report_json(seeds_out)
    page = visit(browser, seeds_out / "topic-seeds.html", javascript=False).page
    assert visible_findings(page) == len(data["findings"])
    assert page.locator("#filters").is_hidden()  # no controls that cannot work
    assert page.locator("svg[role=img]").count() >= 1


def test_print_hides_the_filters_and_keeps_the_findings(browser: Any, seeds_out: Path) -> None:
    data = report_json(seeds_out)
    page = visit(browser, seeds_out / "topic-seeds.html").page
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert visible_findings(page) == len(data["findings"])


def test_full_page_screenshot(
    browser: Any, seeds_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = visit(browser, seeds_out / "topic-seeds.html").page
    target = tmp_path / "seeds-topic.png"
    page.screenshot(path=str(target), full_page=True)
    png = target.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    height = int.from_bytes(png[20:24], "big")
    assert height > VIEWPORT["height"]  # the whole page, not the first screen
    with capsys.disabled():
        print(f"\nscreenshot of the seeds topic page: {target}")


# ---------------------------------------------------------------------------------------------
# Hostile article text


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory, config: Config) -> Path:
    folder = hostile_corpus(tmp_path_factory.mktemp("hostile"))
    report, articles = check_paths([str(folder)], config)
    out = tmp_path_factory.mktemp("hostile-report")
    write_reports(report, articles, out, ["json", "html"], RenderOptions(rules=tuple(config.rules)))
    return out


INJECTED = """() => ({
  images: document.images.length,
  scripts: document.scripts.length,
  handlers: [...document.querySelectorAll('*')].flatMap(
      e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => a.name)),
  scriptLinks: [...document.links].filter(a => !/^(file|https?):/.test(a.href)).length,
})"""


def test_markup_in_articles_is_inert_text_in_the_browser(browser: Any, hostile_out: Path) -> None:
    pages = sorted(hostile_out.glob("*.html"))
    assert len(pages) == 2
    for path in pages:
        seen = visit(browser, path)
        seen.page.evaluate("document.querySelectorAll('a[href^=\"#\"]').forEach(a => a.click())")
        seen.page.wait_for_timeout(200)  # time for an injected handler to fire, were there one
        assert seen.dialogs == [], path.name
        assert seen.problems == [], path.name
        found = seen.page.evaluate(INJECTED)
        assert found == {"images": 0, "scripts": 1, "handlers": [], "scriptLinks": 0}, path.name
    topic_text = visit(browser, pages[-1]).page.locator("body").inner_text()
    for payload in PAYLOADS:
        assert payload in topic_text
