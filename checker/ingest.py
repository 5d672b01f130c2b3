"""Stage 1, ingest: read article files and folders into Article records.

Formats: .txt, .md (optional YAML front matter), .html/.htm (main text via trafilatura),
.json (an object or a list of objects) and .jsonl (one object per line), each object holding
``text`` plus optional metadata. The text of .txt and .md files is kept exactly as decoded, so
offsets point into the file itself; front matter and scraped noise become noise spans that
extraction skips instead of being cut out. Reading each file safely (size limit, symlinks,
special files, encoding) is checker.files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import yaml

from checker.dates import parse_date_line, parse_date_value
from checker.errors import InputError
from checker.files import IngestOptions, SourceFile, decode, read_bytes
from checker.models import Article, ArticleInfo, Span
from checker.yamlsource import NoAliasLoader

SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
METADATA_KEYS = ("title", "outlet", "published", "url", "author")
# Alternative key names found in scraped JSON exports.
METADATA_ALIASES = {
    "source": "outlet",
    "publisher": "outlet",
    "site_name": "outlet",
    "publication": "outlet",
    "site": "outlet",
    "pubdate": "published",
    "date_published": "published",
    "sitename": "outlet",
    "date": "published",
    "published_at": "published",
    "publication_date": "published",
    "link": "url",
    "byline": "author",
}


# ---------------------------------------------------------------------------------------------
# Discovery


def discover(root_arg: str) -> list[SourceFile]:
    """Article files under one command-line path, sorted for deterministic output."""
    root = Path(root_arg)
    if not root.exists():
        problem = (
            "broken symlink or symlink loop" if root.is_symlink() else "no such file or folder"
        )
        raise InputError(problem, path=root_arg)
    if root.is_file():
        _require_supported(root, root_arg)
        return [SourceFile(root, root, root_arg)]
    if not root.is_dir():
        raise InputError("not a regular file or folder", path=root_arg)
    found = []
    for folder, subdirs, files in os.walk(root, followlinks=False):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith(".") or path.suffix.lower() not in SUFFIX_FORMATS:
                continue
            rel = path.relative_to(root).as_posix()
            found.append(SourceFile(path, root, f"{root_arg.rstrip('/')}/{rel}"))
    return found


def _require_supported(path: Path, shown: str) -> None:
    if path.suffix.lower() not in SUFFIX_FORMATS:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise InputError(f"unsupported file type '{path.suffix}' (expected one of {known})", shown)


# ---------------------------------------------------------------------------------------------
# Formats


def load_articles(paths: Iterable[str], options: IngestOptions | None = None) -> list[Article]:
    """Read every article under the given paths; ids are unique across roots. An article
    whose text is the same as one read before (same sha256) is read once, with a warning."""
    options = options or IngestOptions()
    articles: list[Article] = []
    skipped = 0
    for source in _unique_sources(paths):
        try:
            articles.extend(read_source(source, options))
        except InputError as exc:
            if not options.keep_going:
                raise
            options.warn(f"{exc.render()} (skipped)")
            skipped += 1
    if skipped and not articles:
        raise InputError(f"no article could be read ({skipped} files skipped)")
    return _without_duplicates(articles, options.warn)


def _without_duplicates(articles: list[Article], warn: Callable[[str], None]) -> list[Article]:
    first_with: dict[str, Article] = {}
    unique = []
    for article in articles:
        first = first_with.setdefault(article.info.sha256, article)
        if first is article:
            unique.append(article)
        else:
            warn(
                f"{article.info.path}: article {article.id!r} has the same text as "
                f"{first.id!r} (sha256 {article.info.sha256[:12]}); read once"
            )
    return unique


def _unique_sources(paths: Iterable[str]) -> Iterator[SourceFile]:
    seen: set[Path] = set()
    for root_arg in paths:
        for source in discover(root_arg):
            resolved = _identity(source.path)
            if resolved not in seen:
                seen.add(resolved)
                yield source


def _identity(path: Path) -> Path:
    """The real path of a file, or the path itself for a broken link or a symlink loop (read
    later, where it becomes a clear error)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def read_source(source: SourceFile, options: IngestOptions | None = None) -> list[Article]:
    """The article(s) held by one file."""
    options = options or IngestOptions()
    fmt = SUFFIX_FORMATS[source.path.suffix.lower()]
    text = decode(read_bytes(source, options.max_bytes), source.display)
    if fmt == "txt":
        return [_plain_article(source, text, "txt", {}, [])]
    if fmt == "md":
        meta, front = _front_matter(text, source.display)
        return [_plain_article(source, text, "md", meta, [front] if front else [])]
    if fmt == "html":
        return [_html_article(source, text)]
    if fmt == "json":
        return _json_articles(source, text)
    return _jsonl_articles(source, text, options)


def _plain_article(
    source: SourceFile,
    text: str,
    fmt: str,
    meta: dict[str, Any],
    noise: list[Span],
    article_id: str | None = None,
) -> Article:
    body_start = noise[0].end if noise else 0
    inferred, sources = infer_metadata(text, body_start)
    merged: dict[str, Any] = {}
    for key in METADATA_KEYS:
        given = _clean_meta(meta.get(key))
        if key == "published" and given is not None:
            given = parse_date_value(given)
        if given is not None:
            merged[key] = given
            sources[key] = "front_matter" if fmt == "md" else fmt if fmt != "txt" else "file"
        elif key in inferred:
            merged[key] = inferred[key]
    if not text.strip():
        raise InputError("article has no text", path=source.display)
    info = ArticleInfo(
        id=article_id or source.relative_id,
        path=source.display,
        format=fmt,  # type: ignore[arg-type]
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        chars=len(text),
        metadata_sources={k: v for k, v in sorted(sources.items()) if k in merged},
        **merged,
    )
    spans = sorted(noise + find_noise(text), key=lambda span: (span.start, span.end))
    return Article(info=info, text=text, noise=tuple(spans))


def _clean_meta(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


def _front_matter(text: str, shown: str) -> tuple[dict[str, Any], Span | None]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, None
    try:
        meta = yaml.load(match.group(1), Loader=NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        raise InputError(f"invalid YAML front matter: {_yaml_problem(exc)}", shown, line) from None
    except RecursionError:  # '[[[[...' nested deeper than the parser's stack
        raise InputError("invalid YAML front matter: nested too deeply", shown, 2) from None
    if not isinstance(meta, dict):
        raise InputError("front matter must be a mapping of keys to values", shown, 2)
    # Static-site generators name the fields as JSON exports do ("date", "publication").
    named = {METADATA_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in meta.items()}
    return named, Span(start=0, end=match.end())


def _yaml_problem(exc: yaml.YAMLError) -> str:
    return str(getattr(exc, "problem", None) or exc).strip()


def _html_article(source: SourceFile, html: str) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML input needs it

    text = trafilatura.extract(
        _without_hidden_elements(html),
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page", path=source.display)
    meta: dict[str, Any] = {}
    document = trafilatura.extract_metadata(html)  # JSON-LD metadata lives in <script>
    if document is not None:
        meta = {
            "title": document.title,
            "outlet": document.sitename,
            "published": document.date,
            "url": document.url,
            "author": document.author,
        }
    return _plain_article(source, text, "html", meta, [])


_HIDDEN_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg")


def _without_hidden_elements(html: str) -> str:
    """The page without elements a reader never sees as article text (scripts, styles,
    no-script fallbacks, templates, embeds) and without comments. trafilatura drops most of
    them itself, but not always <noscript> or <template>; facts must come from what the
    article says, not from code or hidden markup."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):  # empty document, or an encoding declaration
        return html
    for element in root.xpath("//" + " | //".join(_HIDDEN_TAGS) + " | //comment()"):
        element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


def _object_article(source: SourceFile, obj: Any, where: str, line: int | None) -> Article:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected an object with a 'text' field", source.display, line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: missing or empty 'text' field", source.display, line)
    meta = {METADATA_ALIASES.get(str(k).lower(), str(k).lower()): v for k, v in obj.items()}
    own_id = obj.get("id")
    suffix = str(own_id) if own_id is not None else where.split()[-1]
    fmt = SUFFIX_FORMATS[source.path.suffix.lower()]
    return _plain_article(source, text, fmt, meta, [], f"{source.relative_id}#{suffix}")


def _json_articles(source: SourceFile, text: str) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", source.display, exc.lineno) from None
    except RecursionError:  # '[[[[...' nested deeper than the parser's stack
        raise InputError("JSON nested too deeply", path=source.display) from None
    items = data if isinstance(data, list) else [data]
    return [
        _object_article(source, obj, f"item {index}", None)
        for index, obj in enumerate(items, start=1)
    ]


def _jsonl_articles(source: SourceFile, text: str, options: IngestOptions) -> list[Article]:
    """One article per line; with keep_going a bad line is a warning and the others count."""
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            articles.append(_jsonl_line(source, line, number))
        except InputError as exc:
            if not options.keep_going:
                raise
            options.warn(f"{exc.render()} (line skipped)")
    if not articles:
        raise InputError("no JSON objects found", path=source.display)
    return articles


def _jsonl_line(source: SourceFile, line: str, number: int) -> Article:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON on this line: {exc.msg}", source.display, number) from None
    except RecursionError:  # '[[[[...' nested deeper than the parser's stack
        raise InputError("JSON nested too deeply", source.display, number) from None
    return _object_article(source, obj, f"line {number}", number)


# ---------------------------------------------------------------------------------------------
# Metadata inferred from the text


_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z .'’/-]{1,60}),\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)"
    r"\s+\((?P<outlet>[A-Z][\w&.' -]{1,40})\)\s*[-–—]"
)
# A press release's or a paper's dateline with a full date and no outlet:
# "Lisbon, 11 March 2026 – ...", "**GHENT, Belgium, March 4, 2026** – ...".
_DATED_PLACE = re.compile(
    r"^\**(?P<place>[A-Z][A-Za-z .'’/-]{1,60}(?:,\s+[A-Z][A-Za-z .'’-]{1,40}){0,2}),\s+"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})"
    r"\**\s*[-–—]"
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
        dateline = _DATELINE.match(line)
        if dateline:
            found["outlet"] = dateline.group("outlet").strip()
            sources["outlet"] = "dateline"
            date = parse_date_value(dateline.group("date"))
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
    for position, (_, line) in enumerate(non_blank[:6]):
        date = parse_date_line(line) or _date_before_separator(line)
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


# "May 5, 2026 · 3 min read", "4 May 2026 | Updated 09:12": the date before the separator.
_DATE_LINE_SEPARATOR = re.compile(r"\s+[·|•]\s+")


def _date_before_separator(line: str) -> str | None:
    head = _DATE_LINE_SEPARATOR.split(line, maxsplit=1)
    return parse_date_line(head[0]) if len(head) == 2 else None


# "Newsfeed Brief Media. All rights reserved. | About | Contact": the owner ends where the
# notice or the footer's links begin.
_OWNER_END = re.compile(r"\.?\s+(?:all\s+rights\s+reserved\b|[|·•]\s).*$", re.IGNORECASE)


def _owner(written: str) -> str | None:
    owner = _OWNER_END.sub("", written).strip().rstrip(".").strip()
    return owner if owner and len(owner) <= 80 else None


_AUTHOR = re.compile(
    r"^(?:By\s+)?(?P<name>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|von)){0,5})$"
)


_BYLINE_SEPARATOR = re.compile(r"\s*(?:[|·•]|\s[—–-]\s|,)\s*")


def _author_and_date(line: str) -> tuple[str, str] | None:
    """('Jane Doe', ISO date) from one byline line naming both: 'By Jane Doe | 2 July 2024',
    'By Jane Doe · March 3, 2026', 'By Jane Doe, 3 March 2026'."""
    if not line.startswith("By "):
        return None
    separator = _BYLINE_SEPARATOR.search(line)
    if separator is None:
        return None
    author = _byline_author(line[: separator.start()])
    date = parse_date_line(line[separator.end() :].strip())
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
    return line.startswith("By ") or parse_date_line(line) is not None


def _looks_like_title(head: list[tuple[int, str]], index: int) -> bool:
    """A short first line, not ending as a sentence does, followed by a blank line."""
    line = head[index][1].strip()
    followed_by_blank = index + 1 < len(head) and not head[index + 1][1].strip()
    return followed_by_blank and len(line) <= 200 and not line.endswith((".", ":", ";", ","))


# ---------------------------------------------------------------------------------------------
# Scraped noise: lines that are never facts


_NOISE_LINE = re.compile(
    r"""^\s*(?:
        \d{1,3}                                   # footnote or reference number alone
      | \[\d{1,3}\].*                            # a footnote: "[1] As reported by Reuters"
      | \d{1,4}\s+(?:sources?|comments?|shares?|views?|likes?)   # "18 Sources" counters
      | [^\w\s]*\s*\d[\d,.]*[kKmM]?\s+(?:likes?|comments?|shares?|views?|reactions?|reposts?)\b.*
      | .{0,60}\b\d{1,3}[\s-]*min(?:ute)?s?\s+read\b.{0,40}   # "May 5, 2026 · 3 min read"
      | (?:share(?:\ this(?:\ (?:post|article|story|page))?)?|tags?|topics|newsletter)\s*:.*
      | (?:source|sources|image|photo|credit|image\ credit|photo\ credit|via)\s*:.*
      | (?:©|\(c\)|copyright\b).*
      | .*\ball\ rights\ reserved\b.*
      | share|comments?|leave\ a\ comment|advertisement|related(?:\ articles?)?
      | (?:read|related|see\ also|also\ read|read\ more)\s*:.*
      | (?:follow|subscribe|sign\ up|click\ here)\b.*
      | .*\blogo
      | today'?s\ top\ stories
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def find_noise(text: str) -> list[Span]:
    """Spans of lines that are scraped furniture rather than reporting."""
    spans = []
    for offset, line in _lines(text):
        if line and _NOISE_LINE.match(line):
            spans.append(Span(start=offset, end=offset + len(line)))
    return spans
