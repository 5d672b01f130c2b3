"""Stage 1, ingest: read article files and folders into Article records.

Formats: .txt, .md (optional YAML front matter), .html/.htm (main text via trafilatura),
.json (an object or a list of objects) and .jsonl (one object per line), each object holding
``text`` plus optional metadata. The text of .txt and .md files is kept exactly as decoded, so
offsets point into the file itself; front matter and scraped noise become noise spans that
extraction skips instead of being cut out. Reading each file safely (size limit, symlinks,
special files, encoding) is checker.files; metadata inferred from the text and noise lines
are checker.metadata. Given an ArticleMemo (the cache), a file whose bytes and path were read
before is not parsed again.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import yaml

from checker.errors import InputError
from checker.files import SUFFIX_FORMATS, IngestOptions, SourceFile, decode, read_bytes
from checker.models import Article, ArticleInfo, Span
from checker.snapshot import article_entries, resolved
from checker.yamlsource import NoAliasLoader

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
    return [
        SourceFile(Path(path), root, f"{root_arg.rstrip('/')}/{rel}")
        for path, rel, _ in article_entries(root_arg)
    ]


def _require_supported(path: Path, shown: str) -> None:
    if path.suffix.lower() not in SUFFIX_FORMATS:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise InputError(f"unsupported file type '{path.suffix}' (expected one of {known})", shown)


# ---------------------------------------------------------------------------------------------
# Formats


class ArticleMemo(Protocol):
    """Articles read earlier from the same bytes at the same path (checker.cache keeps them)."""

    def file_key(self, source: SourceFile, data: bytes) -> str:
        """The key of a file with these bytes at this path."""

    def read_before(self, key: str) -> list[Article] | None:
        """What the file held when it had these bytes, as remember_read was given it."""

    def remember_read(self, key: str, articles: list[Article]) -> None:
        """Keep what the file holds (read without a warning)."""


def load_articles(
    paths: Iterable[str], options: IngestOptions | None = None, memo: ArticleMemo | None = None
) -> list[Article]:
    """Read every article under the given paths; ids are unique across roots. An article
    whose text is the same as one read before (same sha256) is read once, with a warning."""
    options = options or IngestOptions()
    articles: list[Article] = []
    skipped = 0
    for source in _unique_sources(paths):
        try:
            articles.extend(read_source(source, options, memo))
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
            real = resolved(source.path)
            if real not in seen:
                seen.add(real)
                yield source


def read_source(
    source: SourceFile, options: IngestOptions | None = None, memo: ArticleMemo | None = None
) -> list[Article]:
    """The article(s) held by one file; from ``memo`` when it read these bytes here before."""
    options = options or IngestOptions()
    data = read_bytes(source, options.max_bytes)
    key = memo.file_key(source, data) if memo is not None else ""
    known = memo.read_before(key) if memo is not None else None
    if known is not None:
        return _with_file_text(known, source, data)
    warnings: list[str] = []

    def warn(message: str) -> None:
        warnings.append(message)
        options.warn(message)

    text = decode(data, source.display)
    articles = _parse(source, text, replace(options, warn=warn))
    if memo is not None and not warnings:  # a file that warns is read again, and warns again
        memo.remember_read(key, [_without_file_text(a, text) for a in articles])
    return articles


# What a memo keeps as the text of an article whose text is its file's (.txt, .md): the file
# holds it already, and no article's text is empty (each format refuses one).
_FILE_TEXT = ""


def _without_file_text(article: Article, text: str) -> Article:
    return article.model_copy(update={"text": _FILE_TEXT}) if article.text == text else article


def _with_file_text(articles: list[Article], source: SourceFile, data: bytes) -> list[Article]:
    if all(article.text != _FILE_TEXT for article in articles):
        return articles
    text = decode(data, source.display)
    return [a.model_copy(update={"text": text}) if a.text == _FILE_TEXT else a for a in articles]


def _parse(source: SourceFile, text: str, options: IngestOptions) -> list[Article]:
    fmt = SUFFIX_FORMATS[source.path.suffix.lower()]
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
    # Imported here: their date patterns take a tenth of a second to compile, which a run that
    # reads every article from the cache does not need.
    from checker.dates import parse_date_value
    from checker.metadata import find_noise, infer_metadata

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
