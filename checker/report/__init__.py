"""Stage 5, report: write the report in each requested format, atomically.

Every file is written to a temporary file in the output folder and renamed into place only
after all formats have rendered, so a failed or interrupted run leaves the previous report.
The renames of one run hold a lock on the output folder, so two runs writing the same folder
at once do not interleave, and report.json is renamed last: once it is new, every other file
of its run is in place (docs/security.md says what is guaranteed).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from checker.errors import CheckerError
from checker.models import Article, Report
from checker.report.base import RenderContext, RenderOptions
from checker.report.formats import REPORTER_NAMES, reporter


def render_json(report: Report) -> str:
    """Deterministic JSON: fixed key order from the models, no timestamps, trailing newline."""
    # pydantic's own serializer: the same bytes as json.dumps(indent=2, ensure_ascii=False) on
    # the model dump (floats under 1e-4 aside: "0.00001", not "1e-05"), six times faster.
    return report.model_dump_json(indent=2) + "\n"


def _render_index(report: Report, articles: list[Article]) -> str:
    from checker.report import html  # its templates load only when HTML is asked for

    return html.render_index(report, articles)


RENDERERS: dict[str, tuple[str, Callable[[Report, list[Article]], str]]] = {
    "json": ("report.json", lambda report, _articles: render_json(report)),
    "html": ("index.html", _render_index),
}
FORMATS = (*RENDERERS, *REPORTER_NAMES)  # the others are one Reporter module each (formats.py)


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
    make_output_folder(out)
    context = RenderContext(report, articles, options or RenderOptions())
    rendered = [item for f in formats for item in render_format(f, context)]
    rendered.sort(key=lambda item: item[0] == COMMIT_FILE)  # stable: report.json goes last
    written = []
    with _output_lock(out):
        _remove_abandoned_temporaries(out)
        for name, content in rendered:
            target = out / _checked_name(name)
            atomic_write(target, content)
            written.append(target)
        if "html" in formats:
            _remove_stale_topic_pages(out, written)
    return written


def make_output_folder(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckerError(
            f"cannot create output folder: {exc.strerror or exc}", str(out)
        ) from None


def commit_staged(out: Path, staged: list[tuple[str, Path]], html_pages: bool) -> list[Path]:
    """Move files already written to temporaries (file name, temporary) into place, as
    write_reports does with the texts it rendered: under the folder's lock, report.json last,
    and with ``html_pages`` the pages of topics this run has not removed. A temporary not
    moved when this fails is deleted. Returns the written paths."""
    ordered = sorted(staged, key=lambda item: item[0] == COMMIT_FILE)  # stable: report.json last
    written: list[Path] = []
    try:
        with _output_lock(out):
            _remove_abandoned_temporaries(out)
            for name, temporary in ordered:
                target = out / _checked_name(name)
                os.replace(temporary, target)
                written.append(target)
            if html_pages:
                _remove_stale_topic_pages(out, written)
    finally:
        for _name, temporary in ordered[len(written) :]:
            temporary.unlink(missing_ok=True)
    return written


def _remove_stale_topic_pages(out: Path, written: list[Path]) -> None:
    """Pages of topics an earlier run had and this one has not: left in place they would mix
    two runs in one folder (index.html no longer links to them)."""
    from checker.report.html import TOPIC_PAGE_GLOB

    kept = set(written)  # a set: 20,000 pages at 100,000 articles
    for page in out.glob(TOPIC_PAGE_GLOB):
        if page not in kept:
            page.unlink(missing_ok=True)


COMMIT_FILE = "report.json"


def _checked_name(name: str) -> str:
    """Output names are fixed or slugged by their writers; this is the last line of defence
    against a name that would leave the output folder."""
    if not name or name != Path(name).name or name in (".", "..") or "\x00" in name:
        raise AssertionError(f"unsafe output file name {name!r}")
    if len(name.encode("utf-8")) > 255:
        raise AssertionError(f"output file name longer than 255 bytes: {name[:40]!r}...")
    return name


@contextmanager
def _output_lock(out: Path) -> Iterator[None]:
    """An exclusive lock on the output folder while a run moves its files into place: flock
    on the folder itself (no lock file to leave behind; the kernel releases it if the process
    dies). Without fcntl, or on a file system that refuses locks, each file is still atomic
    but two runs' renames may interleave."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    descriptor = os.open(out, os.O_RDONLY)
    try:
        with suppress(OSError):  # e.g. ENOLCK on some network file systems
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _remove_abandoned_temporaries(out: Path) -> None:
    """Temporary files of runs that were killed before they could rename them. Their names
    carry the writer's process id; a live writer's files are left alone."""
    for leftover in out.glob(".*.tmp"):
        pid = leftover.name.rsplit(".", 3)[-3] if leftover.name.count(".") >= 4 else ""
        if pid.isdigit() and not _process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def render_format(fmt: str, context: RenderContext) -> list[tuple[str, str]]:
    """(file name, text) of each file of one format; HTML is an index page plus a page per
    topic."""
    if fmt in REPORTER_NAMES:
        chosen = reporter(fmt)
        return [(chosen.filename, chosen.render(context))]
    if fmt == "html":
        from checker.report import html

        site = html.render_site(context.report, context.articles, context.options.rules or None)
        return list(site.items())
    name, render = RENDERERS[fmt]
    return [(name, render(context.report, context.articles))]


def _umask() -> int:
    """The process's umask (reading it means setting it, so it is set straight back)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def create_temporary(target: Path) -> tuple[int, str]:
    """An open descriptor and the name of a new temporary file beside ``target``, with the
    permissions the target should have."""
    # The process id in the name lets a later run remove what a killed run left behind.
    descriptor, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp"
    )
    if hasattr(os, "fchmod"):  # mkstemp makes it 0600; reports are read by others too
        os.fchmod(descriptor, 0o666 & ~_umask())
    return descriptor, temporary


def atomic_write(target: Path, content: str) -> None:
    descriptor, temporary = create_temporary(target)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
