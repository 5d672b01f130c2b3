"""Ingest: every supported format, metadata inference, scraped noise and bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.ingest import load_articles
from checker.metadata import find_noise, infer_metadata

WIRE = (
    "LAGOS, March 3 (Reuters) – Zenith Freight said on Tuesday it had moved 12,000 containers "
    "through the new terminal in its first month, two people familiar with the figures said.\n"
)


def _one(path: Path):
    [article] = load_articles([str(path)])
    return article


def test_txt_article_keeps_text_exactly_and_hashes_it(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    article = _one(path)
    assert article.text == WIRE
    assert article.info.id == "wire.txt"
    assert len(article.info.sha256) == 64


def test_dateline_gives_outlet_and_month_day_without_year(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    info = _one(path).info
    assert info.outlet == "Reuters"
    assert info.published == "--03-03"
    assert info.metadata_sources == {"outlet": "dateline", "published": "dateline"}


def test_byline_date_and_title_line_are_inferred() -> None:
    text = (
        "Port Traffic Hits Record\n\nAda Obi\n\n15 January 2026\n\n"
        "The port handled 4 million tonnes."
    )
    found, sources = infer_metadata(text)
    assert found["title"] == "Port Traffic Hits Record"
    assert found["published"] == "2026-01-15"
    assert found["author"] == "Ada Obi"
    assert sources["published"] == "byline"


@pytest.mark.parametrize(
    "byline",
    ["By Ada Obi | 15 January 2026", "By Ada Obi · January 15, 2026", "By Ada Obi, 15 Jan 2026",
     "By Ada Obi - 15 January 2026",
     # a blog's line, in emphasis; a date between other parts of the line
     "*Posted by Ada Obi on 15 January 2026*", "*By Ada Obi · January 15, 2026 · 6 min read*"],
)  # fmt: skip
def test_byline_naming_author_and_date_on_one_line_gives_both(byline: str) -> None:
    found, sources = infer_metadata(f"Port Traffic Hits Record\n\n{byline}\n\nThe port grew.")
    assert (found["author"], found["published"]) == ("Ada Obi", "2026-01-15")
    assert sources["published"] == sources["author"] == "byline"
    assert found["title"] == "Port Traffic Hits Record"


def test_a_press_release_s_place_and_date_line_gives_the_date() -> None:
    text = (
        "# Policy rate raised\n\n**Bank of Corvane — Press release**\n"
        "Dressholm, 7 May 2026\n\nThe rate rose."
    )
    found, sources = infer_metadata(text)
    assert (found["published"], sources["published"]) == ("2026-05-07", "dateline")


def test_a_comma_after_a_name_without_a_date_is_no_byline_date() -> None:
    found, _ = infer_metadata("Port Traffic Hits Record\n\nBy Ada Obi, Lagos\n\nThe port grew.")
    assert "published" not in found


def test_wire_dateline_below_title_byline_and_date_line_is_read() -> None:
    text = (
        "Harbour expansion approved\n\nBy Ada Obi\nMarch 3, 2026\n\n"
        "LAGOS, Mar 3 (AFP) - The port authority approved a 1.2 km quay on Tuesday.\n"
    )
    found, sources = infer_metadata(text)
    assert (found["outlet"], sources["outlet"]) == ("AFP", "dateline")
    assert (found["published"], sources["published"]) == ("2026-03-03", "byline")


@pytest.mark.parametrize(
    ("line", "outlet", "published"),
    [
        ("KESSMARK, Aldmark, June 9 (Carrowline) - Ravlen will recall 1,200 cars.",
         "Carrowline", "--06-09"),
        ("SPRINGFIELD, Ill. (AP) — The state approved a 3% levy.", "AP", None),
        ("NEW YORK (Reuters) - Orsk bid 740 pence a share.", "Reuters", None),
        ("WASHINGTON, D.C., Jan. 5 (AFP) - The agency fined 3 firms.", "AFP", "--01-05"),
    ],
)  # fmt: skip
def test_a_wire_dateline_may_name_a_region_and_leave_out_the_date(
    line: str, outlet: str, published: str | None
) -> None:
    found, sources = infer_metadata(f"Headline\n\n{line}\n")
    assert (found["outlet"], sources["outlet"]) == (outlet, "dateline")
    assert found.get("published") == published


def test_markdown_front_matter_is_metadata_and_noise(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Grid battery opens\noutlet: Energy Desk\npublished: 2026-03-11\n"
        "url: https://example.org/a\n---\nThe 200 MW battery opened on Monday.\n",
        encoding="utf-8",
    )
    article = _one(path)
    assert article.info.title == "Grid battery opens"
    assert article.info.outlet == "Energy Desk"
    assert article.info.published == "2026-03-11"
    assert article.noise[0].start == 0 and article.text[article.noise[0].end :].startswith("The")


def test_html_main_text_is_extracted_without_scripts(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Plant opens</title><script>var x = '999 widgets';</script></head>"
        "<body><nav>Home | About</nav><article><h1>Plant opens</h1>"
        "<p>The new plant in Aveiro will employ 350 people when it opens next year, the "
        "regional council said on Monday in a statement to local reporters.</p>"
        "<p>Construction cost 120 million euros and took two years to complete, officials "
        "said, adding that output would reach 40,000 tonnes a year.</p></article></body></html>",
        encoding="utf-8",
    )
    article = _one(path)
    assert "350 people" in article.text
    assert "999 widgets" not in article.text
    assert article.info.format == "html"


def test_jsonl_gives_one_article_per_line_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "a1", "text": "Acme sold 5,000 units.", "outlet": "Wire One", "date": "2026-02-01"},
        {"text": "Acme sold 6,000 units.", "title": "Acme sales"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = load_articles([str(path)])
    assert first.info.id == "feed.jsonl#a1"
    assert first.info.outlet == "Wire One" and first.info.published == "2026-02-01"
    assert second.info.id == "feed.jsonl#2"
    assert second.info.title == "Acme sales"


def test_json_array_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": "One."}, {"text": "Two.", "id": 7}]), encoding="utf-8")
    ids = [a.info.id for a in load_articles([str(path)])]
    assert ids == ["batch.json#1", "batch.json#7"]


def test_folder_is_read_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    ids = [a.info.id for a in load_articles([str(tmp_path)])]
    assert ids == ["a.txt", "b/z.txt"]


def test_missing_path_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load_articles(["/nonexistent/folder"])


@pytest.mark.parametrize(
    "line",
    ["3", "18 Sources", "Source: Market Wire", "© 2026 Example Media Ltd", "Share",
     "Leave a comment", "Follow Ann Lee on Twitter at @annlee", "Read: Port strike ends",
     "LinkedIn logo", "[2] As reported by Reuters, May 4.", "👍 48 likes | 💬 12 comments",
     "May 5, 2026 · 3 min read", "Share this post: Facebook | X | Email",
     "Tags: ports, shipping", "*Forward to a friend | Unsubscribe | Share on X*",
     "**Share this article:** Facebook"],
)  # fmt: skip
def test_scraped_furniture_lines_are_noise(line: str) -> None:
    text = f"The port moved 4 million tonnes.\n{line}\nIt expects more."
    spans = find_noise(text)
    assert [text[s.start : s.end] for s in spans] == [line]


def test_reporting_lines_are_not_noise() -> None:
    text = "Sources said the plant would cost $2 billion.\nShares rose 3% on Monday."
    assert find_noise(text) == []


@pytest.mark.parametrize(
    ("line", "published"),
    [("Lisbon, 11 March 2026 – Meridia Energia today announced a 200 MW park.", "2026-03-11"),
     ("**GHENT, Belgium, 4 March 2026** – Kestrel today confirmed the delivery.", "2026-03-04"),
     ("NEW YORK, Nov. 3, 2025 - Orbex said it shipped 400 units.", "2025-11-03")],
)  # fmt: skip
def test_a_dateline_with_a_full_date_and_no_outlet_gives_the_date(
    line: str, published: str
) -> None:
    found, sources = infer_metadata(f"PRESS RELEASE\n\nA title\n\n{line}\n")
    assert (found["published"], sources["published"]) == (published, "dateline")
    assert "outlet" not in found


def test_a_name_and_a_date_in_a_sentence_are_no_dateline() -> None:
    found, _ = infer_metadata("A title\n\nSmith, 11 March 2026 was the day the port reopened.\n")
    assert "published" not in found


HEADLINE = "Port traffic hits a record in March"


@pytest.mark.parametrize(
    "head",
    [f"PRESS RELEASE\n\n{HEADLINE}\n\n",
     f"THE HARBOUR POST\nNews from the coast\n\n{HEADLINE}\n\n",
     f"Freight Weekly\n\n{HEADLINE}\n\nBy Ada Obi\n"],
)  # fmt: skip
def test_the_headline_is_found_below_a_masthead_or_publication_name(head: str) -> None:
    found, _ = infer_metadata(head + "The port handled 4 million tonnes.\n")
    assert found["title"] == HEADLINE


def test_a_short_headline_above_its_byline_is_the_title() -> None:
    text = "Markets tumble\n\nBy Ada Obi\n15 January 2026\n\nShares fell 3%.\n"
    assert infer_metadata(text)[0]["title"] == "Markets tumble"


def test_front_matter_fields_named_as_static_sites_name_them(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Dam opens\npublication: Hydro Weekly\ndate: 2026-05-13\n---\nBody.\n",
        encoding="utf-8",
    )
    article = _one(path)
    assert (article.info.outlet, article.info.published) == ("Hydro Weekly", "2026-05-13")


def test_a_date_line_followed_by_a_reading_time_gives_the_date() -> None:
    text = "Harbour Digest\n\nMay 5, 2026 · 3 min read\n\n## Port volumes climb\n\nBody.\n"
    found, _ = infer_metadata(text)
    assert found["published"] == "2026-05-05"


def test_a_markdown_heading_below_a_masthead_is_the_title() -> None:
    text = "Harbour Digest — Daily Port News\n\nMay 5, 2026\n\n## Port volumes climb\n\nBody.\n"
    found, _ = infer_metadata(text)
    assert found["title"] == "Port volumes climb"


def test_the_copyright_owner_ends_before_the_notice_and_footer_links() -> None:
    text = "Body.\n\n© 2026 Harbour Digest Media. All rights reserved. | About | Privacy\n"
    found, _ = infer_metadata(text)
    assert found["outlet"] == "Harbour Digest Media"


@pytest.mark.parametrize(
    "line",
    ["*Tuesday, 10 March 2026 | The morning briefing for freight professionals*",
     "**Published: 10 March 2026** | Press release | Aalvik, Denmark", "_March 10, 2026_"],
)  # fmt: skip
def test_a_date_line_in_markdown_emphasis_gives_the_publication_date(line: str) -> None:
    found, _ = infer_metadata(f"# Aalvik strike talks resume\n\n{line}\n\nTalks resumed.")
    assert (found["title"], found["published"]) == ("Aalvik strike talks resume", "2026-03-10")


def test_a_share_button_line_is_noise() -> None:
    text = "The plant closed.\nShare on Facebook | Share on X | Email this story | Print\n"
    assert [text[s.start : s.end] for s in find_noise(text)] == [
        "Share on Facebook | Share on X | Email this story | Print"
    ]


def test_a_clock_time_before_the_date_still_gives_the_publication_date() -> None:
    found, _ = infer_metadata(
        "Plant recalls chicken\n\nPublished 4:18 PM CDT, August 14, 2026\n\nX."
    )
    assert found["published"] == "2026-08-14"
