"""XSS payloads in article text and metadata (issue 7): the HTML report shows them as text.

Each payload goes into the sentence of a contradicted figure (so it is quoted in the article
view, the findings and the claims table), the title, the outlet and the URL of a JSON article.
The pages must have no more of the payload's elements, none of its attributes, no event
handler and no link that a harmless placeholder in the same places does not give, and must
show the payload's characters as they were written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.pipeline import Config, check_paths
from checker.report.html import render_site
from tests.test_html import Page

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<a href="javascript:alert(1)">filing</a>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<!-- <script>alert(1)</script> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{constructor.constructor('alert(1)')()}}",
    "javascript:alert(1)",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<base href=//evil.example/>",
    "<object data=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "\u2028</script><script>alert(1)</script>",
]
PLACEHOLDER = "payload here"


def _corpus(folder: Path, payload: str) -> Path:
    folder.mkdir(parents=True)
    first = {
        "title": f"Orbex ships sensors {payload}",
        "outlet": f"Daily {payload}",
        "url": payload,
        "published": "2026-03-02",
        "text": f"Orbex shipped 4,000 Q7 sensors to Norway in February {payload}, the company "
        "said on Monday.\n",
    }
    second = {
        "title": "Orbex sensor shipments",
        "published": "2026-03-03",
        "text": "Orbex shipped 6,500 Q7 sensors to Norway in February, the company said.\n",
    }
    (folder / "a.json").write_text(json.dumps(first), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps(second), encoding="utf-8")
    return folder


def _pages(folder: Path, config: Config) -> dict[str, Page]:
    report, articles = check_paths([str(folder)], config)
    assert report.findings, "the figures must disagree so that the payload is quoted"
    return {name: Page(html) for name, html in render_site(report, articles, config.rules).items()}


@pytest.fixture(scope="module")
def harmless(tmp_path_factory: pytest.TempPathFactory, config: Config) -> dict[str, Page]:
    return _pages(_corpus(tmp_path_factory.mktemp("harmless") / "news", PLACEHOLDER), config)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_adds_no_element_attribute_or_link(
    payload: str, harmless: dict[str, Page], config: Config, tmp_path: Path
) -> None:
    pages = _pages(_corpus(tmp_path / "news", payload), config)
    harmless_by_kind = {_kind(name): page for name, page in harmless.items()}
    for name, page in pages.items():
        expected = harmless_by_kind[_kind(name)]
        for tag in _tags_written_in(payload):  # links are checked by their targets below
            assert page.tags[tag] == expected.tags[tag], (name, tag)
        written = {(t, a) for t, a, _ in Page(payload).attributes}
        allowed = {(t, a) for t, a, _ in expected.attributes}
        assert {(t, a) for t, a, _ in page.attributes} & (written - allowed) == set(), name
        assert not [a for _, a, _ in page.attributes if a.startswith("on")], name
        assert all(href.startswith(("#", "topic-", "index.html")) for href in page.hrefs), name


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_reads_as_the_text_it_is(payload: str, config: Config, tmp_path: Path) -> None:
    pages = _pages(_corpus(tmp_path / "news", payload), config)
    [topic] = [page for name, page in pages.items() if name.startswith("topic-")]
    assert payload.strip() in "".join(topic.text)


def _tags_written_in(payload: str) -> set[str]:
    return set(Page(payload).tags) - {"a"}


def _kind(page_name: str) -> str:
    """index.html, or the one topic page (its name is the same in both corpora)."""
    return "topic" if page_name.startswith("topic-") else page_name
