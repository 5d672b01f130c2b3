"""What a command-line run sets up around the pipeline: the configuration with its fact cache
and progress bar (closed when the run ends), the rich console, and the choice between a
streamed check, a check made whole in memory and gating new articles against a corpus."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

import typer
from rich.console import Console

from checker.baseline import Baseline, apply_baseline
from checker.cache import FactCache
from checker.gate import check_against
from checker.ingest import IngestOptions
from checker.lexicons import lexicon_files
from checker.models import Article, Report
from checker.parallel import default_jobs, extract_in_processes
from checker.pipeline import Config, Extractor, check_paths
from checker.report import write_reports
from checker.report.base import RenderOptions
from checker.report.stream import StreamingReports
from checker.report.terminal import ArticleProgress
from checker.rules.loader import default_rule_dirs
from checker.stream import NO_REPORTS, stream_paths
from checker.topics import TopicMode


def console(stderr: bool = False, no_color: bool = False) -> Console:
    """Where the summary and progress bar go; --no-color means plain text: no colour, and no
    bold or italics either."""
    if no_color:
        return Console(stderr=stderr, color_system=None, highlight=False)
    return Console(stderr=stderr, highlight=False)


def extractor(jobs: int | None, engine: str = "local", scheduler: str | None = None) -> Extractor:
    """The map stage chosen on the command line: ``jobs`` local processes (default: every
    core), or a Dask cluster (at ``scheduler``, else Dask's local processes)."""
    if engine == "dask":
        from checker.dask_engine import dask_extractor  # dask is an optional extra

        return dask_extractor(scheduler, jobs)
    return partial(extract_in_processes, jobs=jobs or default_jobs())


@contextmanager
def run_config(
    rules: list[Path] | None,
    cache: Path,
    no_cache: bool,
    quiet: bool,
    no_color: bool,
    ingest: IngestOptions | None = None,
    extract: Extractor | None = None,
) -> Iterator[Config]:
    """The configuration of a run with its cache, progress bar, ingest limits and extractor
    (default: every core), closed when it ends; a cache that cannot be used is reported on
    stderr and the run goes on without it."""
    dirs = default_rule_dirs(rules)
    fact_cache = None if no_cache else FactCache(cache, lexicon_files(dirs))
    progress: ArticleProgress | None = None
    try:
        # The cache remembers the dimensions of the lexicons' units, so pint is not imported.
        config = replace(Config.load(rules, fact_cache), ingest=ingest or IngestOptions())
        progress = ArticleProgress(console(stderr=True, no_color=no_color), enabled=not quiet)
        chosen = extract or extractor(None)
        yield replace(config, cache=fact_cache, progress=progress, extractor=chosen)
    finally:
        if progress is not None:
            progress.close()
        if fact_cache is not None:
            fact_cache.close()
            if fact_cache.problem:
                typer.echo(f"checker: warning: {fact_cache.problem}", err=True)


@dataclass(frozen=True)
class Outcome:
    """A checked run as the command line reports it: the report (after the baseline; when
    streamed, without groups and with only the facts its findings cite, or none when no
    format read them), the files written, how many facts were checked and how many findings
    the baseline dropped."""

    report: Report
    written: list[Path]
    fact_count: int
    known: int


def check_and_write(
    paths: list[str],
    against: str | None,
    config: Config,
    topics: TopicMode,
    topics_file: Path | None,
    baseline: Baseline | None,
    out: Path,
    formats: list[str],
    options: RenderOptions,
) -> Outcome:
    """A plain check with folder topics streams topic by topic (checker/stream.py); one with
    --topics auto or --against is made whole in memory and then written. The report of the
    outcome is for the terminal summary and the exit code: streamed, it holds the findings
    but only the facts the formats needed."""
    if against is None and topics is TopicMode.folder:
        with StreamingReports(out, formats, options) as writer:
            streamed = stream_paths(paths, config, writer, topics_file, baseline,
                                    keep_cited=writer.needs_cited_facts)  # fmt: skip
        return Outcome(streamed.report, writer.written, streamed.fact_count, streamed.known)
    report, articles = checked(paths, against, config, topics, topics_file)
    known = 0
    if baseline is not None:
        report, known = apply_baseline(report, baseline)
    written = write_reports(report, articles, out, formats, options)
    return Outcome(report, written, len(report.facts), known)


def checked(
    paths: list[str],
    against: str | None,
    config: Config,
    topics: TopicMode,
    topics_file: Path | None,
) -> tuple[Report, list[Article]]:
    """The report of a plain check, or of the new articles checked --against a corpus."""
    if against is not None:
        return check_against(paths, against, config, topics, topics_file)
    return check_paths(paths, config, topics, topics_file)


def findings_only(
    paths: list[str], config: Config, topics: TopicMode, topics_file: Path | None
) -> Report:
    """The findings of a check and the facts they cite, no file written (for a baseline);
    streamed with folder topics."""
    if topics is TopicMode.folder:
        return stream_paths(paths, config, NO_REPORTS, topics_file).report
    return check_paths(paths, config, topics, topics_file)[0]
