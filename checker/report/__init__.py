"""Stage 5, report: write the report in each requested format, atomically.

Every file is written to a temporary file in the output folder and renamed into place only
after all formats have rendered, so a failed or interrupted run leaves the previous report.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from checker.errors import CheckerError
from checker.models import Article, Report
from checker.report import html
from checker.report.base import RenderContext, RenderOptions
from checker.report.formats import REPORTERS


def render_json(report: Report) -> str:
    """Deterministic JSON: fixed key order from the models, no timestamps, trailing newline."""
    # pydantic's own serializer: the same bytes as json.dumps(indent=2, ensure_ascii=False) on
    # the model dump (floats under 1e-4 aside: "0.00001", not "1e-05"), six times faster.
    return report.model_dump_json(indent=2) + "\n"


RENDERERS: dict[str, tuple[str, Callable[[Report, list[Article]], str]]] = {
    "json": ("report.json", lambda report, _articles: render_json(report)),
    "html": ("index.html", html.render_index),
}
FORMATS = (*RENDERERS, *REPORTERS)  # the others are one Reporter module each (formats.py)


def parse_formats(value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        known = ", ".join(FORMATS)
        raise CheckerError(f"unknown format {', '.join(unknown) or value!r} (known: {known})")
    return list(dict.fromkeys(formats))


def write_reports(
    report: Report,
    articles: list[Article],
    out: Path,
    formats: list[str],
    options: RenderOptions | None = None,
) -> list[Path]:
    """Render every format first, then move each into place; returns the written paths.

    ``rules`` are the rules in force, whose descriptions the HTML pages show (default: the
    built-in rules)."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckerError(
            f"cannot create output folder: {exc.strerror or exc}", str(out)
        ) from None
    context = RenderContext(report, articles, options or RenderOptions())
    rendered = [item for f in formats for item in render_format(f, context)]
    written = []
    for name, content in rendered:
        target = out / name
        atomic_write(target, content)
        written.append(target)
    return written


def render_format(fmt: str, context: RenderContext) -> list[tuple[str, str]]:
    """(file name, text) of each file of one format; HTML is an index page plus a page per
    topic."""
    if fmt in REPORTERS:
        return [(REPORTERS[fmt].filename, REPORTERS[fmt].render(context))]
    if fmt == "html":
        site = html.render_site(context.report, context.articles, context.options.rules or None)
        return list(site.items())
    name, render = RENDERERS[fmt]
    return [(name, render(context.report, context.articles))]


def atomic_write(target: Path, content: str) -> None:
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
