"""What an article's own text says about it, for ingest: the title, outlet, publication date
and author where the text states them (a wire dateline, a byline, a title line), and the
lines of scraped furniture that are never facts (footnote numbers, share and copyright
lines). Kept apart from checker.ingest because the date patterns it needs take a tenth of a
second to compile, which a run that finds every article in the cache does not pay."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from checker.datelines import DATELINE, dateline_date
from checker.dates import parse_date_line, parse_date_value
from checker.models import Span

# A press release's or a paper's dateline with a full date and no outlet:
# "Lisbon, 11 March 2026 – ...", "**GHENT, Belgium, March 4, 2026** – ...".
_DATED_PLACE = re.compile(
    r"^\**(?!By\s)(?P<place>[A-Z][A-Za-z .'’/-]{1,60}(?:,\s+[A-Z][A-Za-z .'’-]{1,40}){0,2}),\s+"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"\**\s*(?:[-–—]|$)"
)
_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}\s+)?(?P<owner>[^\n]{2,200})$",
    re.IGNORECASE | re.MULTILINE,
)


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(offset, line) pairs, the line without its line-end characters."""
    offset = start
    for raw in text[start:].splitlines(keepends=True):
        yield offset, raw.rstrip("\r\n")
        offset += len(raw)


def infer_metadata(text: str, body_start: int = 0) -> tuple[dict[str, str], dict[str, str]]:
    """Title, outlet, publication date and author where the text itself says so."""
    found: dict[str, str] = {}
    sources: dict[str, str] = {}
    head = list(islice(_lines(text, body_start), 12))
    non_blank = [(i, line.strip()) for i, (_, line) in enumerate(head) if line.strip()]
    # Scraped wire pages often put a title, a byline and a date line above the dateline.
    for _, line in non_blank[:6]:
        dateline = DATELINE.match(line)
        if dateline:
            found["outlet"] = dateline.group("outlet").strip()
            sources["outlet"] = "dateline"
            date = parse_date_value(dateline_date(dateline) or "")
            if date:
                found["published"], sources["published"] = date, "dateline"
            break
        dated_place = _DATED_PLACE.match(line)
        if dated_place:
            date = parse_date_value(dated_place.group("date"))
            if date:
                found["published"], sources["published"] = date, "dateline"
            break
    title = _markdown_heading(non_blank) or _title_line(head, non_blank)
    if title:
        found["title"], sources["title"] = title, "title_line"
    for position, (_, written) in enumerate(non_blank[:6]):
        line = _EMPHASIS.sub("", written).strip()
        date = parse_date_line(line) or (
            None if line.startswith("By ") else _date_before_separator(line)
        )
        shared = _author_and_date(line) if date is None else None
        wanted = "published" not in found or found["published"].startswith("--")  # no year
        if shared and wanted:
            found["published"], sources["published"] = shared[1], "byline"
            if "author" not in found:
                found["author"], sources["author"] = shared[0], "byline"
        elif date and wanted:
            found["published"], sources["published"] = date, "byline"
            author = _byline_author(non_blank[position - 1][1]) if position > 1 else None
            if author:
                found["author"], sources["author"] = author, "byline"
        elif line.startswith("By ") and "author" not in found:
            author = _byline_author(line)
            if author:
                found["author"], sources["author"] = author, "byline"
    copyright_line = _COPYRIGHT.search(text, max(body_start, len(text) - 3000))
    owner = _owner(copyright_line.group("owner")) if copyright_line else None
    if owner and "outlet" not in found:
        found["outlet"], sources["outlet"] = owner, "copyright_line"
    return found, sources


# Markdown emphasis around a date line: "*Tuesday, 10 March 2026 | The morning briefing*",
# "**Published: 6 March 2026** | Press release".
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
# "May 5, 2026 · 3 min read", "4 May 2026 | Updated 09:12": the date before the separator.
_DATE_LINE_SEPARATOR = re.compile(r"\s+[·|•]\s+")


def _date_before_separator(line: str) -> str | None:
    """The date among a line's separated parts: "May 5, 2026 · 3 min read", "TechPulse Digest |
    Infrastructure | 6 March 2026"."""
    parts = _DATE_LINE_SEPARATOR.split(line)
    if len(parts) < 2:
        return None
    return next((date for part in parts if (date := parse_date_line(part.strip()))), None)


# "Newsfeed Brief Media. All rights reserved. | About | Contact": the owner ends where the
# notice or the footer's links begin.
_OWNER_END = re.compile(r"\.?\s+(?:all\s+rights\s+reserved\b|[|·•]\s).*$", re.IGNORECASE)


def _owner(written: str) -> str | None:
    owner = _OWNER_END.sub("", written).strip().rstrip(".").strip()
    return owner if owner and len(owner) <= 80 else None


_AUTHOR = re.compile(
    r"^(?:By\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von)){0,5})$"
)


_BYLINE_START = re.compile(r"(?:(?:Posted|Written|Published|Filed)\s+by|By)\s+")
_BYLINE_SEPARATOR = re.compile(r"\s*(?:[|·•]|\s[—–-]\s|,)\s*|\s+on\s+")


def _author_and_date(line: str) -> tuple[str, str] | None:
    """('Jane Doe', ISO date) from one byline line naming both: 'By Jane Doe | 2 July 2024',
    'By Jane Doe · March 3, 2026', 'By Jane Doe, 3 March 2026', a blog's 'Posted by Jane Doe
    on 25 June 2026'."""
    start = _BYLINE_START.match(line)
    if start is None:
        return None
    separator = _BYLINE_SEPARATOR.search(line, start.end())
    if separator is None:
        return None
    author = _byline_author(line[start.end() : separator.start()])
    rest = line[separator.end() :].strip()
    # "By Mara Quennell · June 3, 2026 · 6 min read": the date is one of the parts after
    date = parse_date_line(rest) or _date_before_separator(rest)
    return (author, date) if author and date else None


def _byline_author(line: str) -> str | None:
    """The name on a byline line ('By Jane Doe', or a bare name above the date line)."""
    match = _AUTHOR.match(line.strip())
    return match.group("name") if match else None


_HEADING = re.compile(r"^#{1,2}\s+(?P<title>\S.*?)\s*#*$")


def _markdown_heading(non_blank: list[tuple[int, str]]) -> str | None:
    """A Markdown page's first heading (level 1 or 2) in its first lines is its headline,
    above which scraped pages put breadcrumbs, mastheads and cookie banners."""
    for _, line in non_blank[:8]:
        heading = _HEADING.match(line)
        if heading:
            return heading.group("title")
    return None


def _title_line(head: list[tuple[int, str]], non_blank: list[tuple[int, str]]) -> str | None:
    """The headline: the first title-like line, after a masthead block ("PRESS RELEASE",
    "THE ALENTEJO POST" and its tagline). A short line with a longer title-like line below
    it ("Vaccine Supply Weekly" above the headline) is the publication's name."""
    lines = non_blank[:5]
    position = 0
    if lines and _is_masthead(lines[0][1]):
        position = _after_block(head, lines)
    # A "Published:" line, a byline or a date line above the headline is not it.
    while position < len(lines) and _is_metadata_line(lines[position][1]):
        position += 1
    if position >= len(lines) or not _looks_like_title(head, lines[position][0]):
        return None
    _, line = lines[position]
    following = [
        other for i, other in lines[position + 1 :]
        if _looks_like_title(head, i) and not _is_byline_or_date(other)
    ]  # fmt: skip
    if len(line.split()) <= 4 and following and len(following[0].split()) > len(line.split()):
        return following[0]
    return line


def _is_masthead(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and line.isupper() and len(line.split()) <= 6


def _after_block(head: list[tuple[int, str]], lines: list[tuple[int, str]]) -> int:
    """The position in ``lines`` of the first line after the block the first line opens."""
    first = lines[0][0]
    blank = next((i for i in range(first + 1, len(head)) if not head[i][1].strip()), len(head))
    return next((p for p, (i, _) in enumerate(lines) if i > blank), len(lines))


def _is_byline_or_date(line: str) -> bool:
    plain = _EMPHASIS.sub("", line).strip()
    return _BYLINE_START.match(plain) is not None or parse_date_line(plain) is not None


_METADATA_LABEL = re.compile(
    r"^(?:Published|Updated|Posted|Date|Dated|Dateline|Issued|Released)\s*:", re.IGNORECASE
)


def _is_metadata_line(line: str) -> bool:
    return bool(_METADATA_LABEL.match(_EMPHASIS.sub("", line))) or _is_byline_or_date(line)


def _looks_like_title(head: list[tuple[int, str]], index: int) -> bool:
    """A short first line, not ending as a sentence does, followed by a blank line."""
    line = head[index][1].strip()
    followed_by_blank = index + 1 < len(head) and not head[index + 1][1].strip()
    return followed_by_blank and len(line) <= 200 and not line.endswith((".", ":", ";", ","))


# ---------------------------------------------------------------------------------------------
# Scraped noise: lines that are never facts


_NOISE_LINE = re.compile(
    r"""^\s*[*_]{0,3}(?:
        \d{1,3}                                   # footnote or reference number alone
      | \[\d{1,3}\].*                            # a footnote: "[1] As reported by Reuters"
      | \d{1,4}\s+(?:sources?|comments?|shares?|views?|likes?)   # "18 Sources" counters
      | [^\w\s]*\s*\d[\d,.]*[kKmM]?\s+(?:likes?|comments?|shares?|views?|reactions?|reposts?)\b.*
      | .{0,60}\b\d{1,3}[\s-]*min(?:ute)?s?\s+read\b.{0,40}   # "May 5, 2026 · 3 min read"
      | (?:share(?:\ this(?:\ (?:post|article|story|page))?)?|tags?|topics|newsletter)\s*:.*
      | \[?share\ (?:on|via)\ \w+.{0,120}         # "Share on Facebook | Share on X | Print"
        # a newsletter's footer links: "Forward to a friend | Unsubscribe | Share on X"
      | (?:[^|\n]{1,40}\|\s*){0,6}(?:share\ (?:on|via)\ \w+|unsubscribe|forward\ to\ a\ friend
          |view\ (?:this\ email\ )?in\ (?:your\ )?browser)\b[^\n]{0,120}
      | (?:source|sources|image|photo|credit|image\ credit|photo\ credit|via)\s*:.*
      | (?:©|\(c\)|copyright\b).*
      | .*\ball\ rights\ reserved\b.*
      | share|comments?|leave\ a\ comment|advertisement|related(?:\ articles?)?
      | (?:read|related|see\ also|also\ read|read\ more)\s*:.*
      | (?:follow|subscribe|sign\ up|click\ here)\b.*
      | .*\blogo
      | today'?s\ top\ stories
    )[*_]{0,3}\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def find_noise(text: str) -> list[Span]:
    """Spans of lines that are scraped furniture rather than reporting."""
    spans = []
    for offset, line in _lines(text):
        if line and _NOISE_LINE.match(line):
            spans.append(Span(start=offset, end=offset + len(line)))
    return spans
