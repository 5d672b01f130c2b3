"""Stage 6, cli: the `checker` command (typer). Exit codes are defined in checker.errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from checker import __version__
from checker.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, CheckerError
from checker.models import SEVERITY_RANK, Severity
from checker.topics import TopicMode

DEFAULT_CACHE = Path(".checker-cache")  # checker.cache.DEFAULT_CACHE_DIR, without importing it
DEFAULT_MAX_BYTES = 50_000_000  # checker.ingest.DEFAULT_MAX_BYTES, without importing it

app = typer.Typer(
    name="checker",
    help="Find contradictions, unit mismatches and unsupported claims across news articles.\n\n"
    "Example: checker check seeds --out reports",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List and validate rule files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")

T = TypeVar("T")
FAIL_ON = ("error", "warning", "info", "never")


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    typer.echo(f"checker: {message}", err=True)
    raise typer.Exit(code)


def _guard(action: Callable[[], T]) -> T:
    """Run ``action``; user errors become one line on stderr and exit code 2."""
    try:
        return action()
    except CheckerError as exc:
        _fail(exc.render())
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except (typer.Exit, typer.Abort):
        raise
    except Exception as exc:  # an internal bug: say so briefly; CHECKER_DEBUG=1 shows the trace
        if os.environ.get("CHECKER_DEBUG"):
            raise
        _fail(
            f"internal error: {type(exc).__name__}: {exc} (set CHECKER_DEBUG=1 for details)",
            EXIT_INTERNAL,
        )
    raise AssertionError("unreachable")


RulesOption = Annotated[
    list[Path] | None,
    typer.Option("--rules", help="Extra rules folder (repeatable); its rules override built-ins."),
]
TopicsOption = Annotated[
    TopicMode,
    typer.Option(
        help="How articles form topics: folder (each folder given is one) or auto "
        "(clustered into stories)."
    ),
]
TopicsFileOption = Annotated[
    Path | None,
    typer.Option(
        help="A topics.yaml naming or merging topics (default: topics.yaml in the folders given)."
    ),
]
CacheOption = Annotated[
    Path, typer.Option("--cache", help="Folder of the extracted-facts cache (SQLite).")
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Extract every article again; touch no cache.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, help="Refuse article files larger than this.")
]
KeepGoingOption = Annotated[
    bool,
    typer.Option(
        "--keep-going",
        help="Skip unreadable files and JSONL lines with a warning instead of stopping (exit 2).",
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Processes that extract facts (default: every core; 1: in this process). Inputs "
        "under 200,000 characters to extract are read in this process, as a pool costs more.",
    ),
]
ENGINES = ("local", "dask")
EngineOption = Annotated[
    str,
    typer.Option(
        help="Who extracts: local (processes on this machine) or dask (a Dask cluster; needs "
        "the dist extra). Topics and rules always run here. See docs/scaling.md."
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        help="With --engine dask: address of the cluster's scheduler (tcp://host:8786); "
        "without it, Dask's local processes."
    ),
]


@app.command()
def check(
    paths: Annotated[
        list[str], typer.Argument(help="Article files or folders (a folder is one topic).")
    ],
    rules: RulesOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("reports"),
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Comma-separated: json,html,md,sarif,junit,github,claimreview."
        ),
    ] = "json,html",
    fail_on: Annotated[
        str, typer.Option(help="Exit 1 when a finding is at or above: error|warning|info|never.")
    ] = "error",
    quiet: QuietOption = False,
    topics: TopicsOption = TopicMode.folder,
    topics_file: TopicsFileOption = None,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Report and fail only on findings this baseline file does not record."),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            help="Corpus folder: check the PATHS as new articles of its topic (with --topics "
            "auto: of the corpus story each joins) and report only findings that involve them."
        ),
    ] = None,
    cache: CacheOption = DEFAULT_CACHE,
    no_cache: NoCacheOption = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain terminal output.")] = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    keep_going: KeepGoingOption = False,
    jobs: JobsOption = None,
    engine: EngineOption = "local",
    scheduler: SchedulerOption = None,
) -> None:
    """Check articles against each other and write the consistency report.

    Example: checker check seeds --out reports --format json,html --fail-on warning
    Example: checker check mixed-news/ --topics auto --out reports
    Example: checker check new.txt --against corpus/ --baseline checker-baseline.json
    Example: checker check new.txt --against archive/ --topics auto
    Example: checker check archive/ --jobs 4 --format json
    Example: checker check archive/ --engine dask --scheduler tcp://scheduler:8786
    """
    if fail_on not in FAIL_ON:
        _fail(f"--fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    if engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        _fail("--scheduler needs --engine dask")
    if against is not None and topics is TopicMode.auto and not no_cache:
        # Whether the corpus changed since its stories were kept is told by a stat of each of
        # its files: started now, in another process, it runs while the pipeline is imported.
        from checker.snapshot import article_files, look_ahead

        look_ahead(against, article_files(paths))

    from checker.baseline import read_baseline
    from checker.ingest import IngestOptions
    from checker.report import parse_formats
    from checker.report.base import RenderOptions
    from checker.report.terminal import print_summary
    from checker.runner import Outcome, check_and_write, console, extractor, run_config

    formats = _guard(lambda: parse_formats(format))
    extract = _guard(lambda: extractor(jobs, engine, scheduler))
    # GitHub reads annotations from stdout, so the human summary moves to stderr then.
    terminal = console(stderr="github" in formats, no_color=no_color)

    def run() -> Outcome:
        known_findings = _guard(lambda: read_baseline(baseline)) if baseline else None
        ingest = IngestOptions(max_bytes=max_bytes, keep_going=keep_going)
        with run_config(rules, cache, no_cache, quiet, no_color, ingest, extract) as config:
            options = RenderOptions(rules=tuple(config.rules), fail_on=fail_on)
            return check_and_write(paths, against, config, topics, topics_file, known_findings,
                                   out, formats, options)  # fmt: skip

    outcome = _guard(run)
    if "github" in formats:
        sys.stdout.write((out / "github-annotations.txt").read_text(encoding="utf-8"))
    if not quiet:
        print_summary(terminal, outcome.report, outcome.written, outcome.known, outcome.fact_count)
    raise typer.Exit(_exit_code(outcome.report.findings, fail_on))


def _exit_code(findings: list, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_OK
    threshold = SEVERITY_RANK[Severity(fail_on)]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for f in findings)
    return EXIT_FINDINGS if failing else EXIT_OK


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="One article file.")],
    rules: RulesOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl or table.")] = "jsonl",
) -> None:
    """Print the facts of one article as JSON lines, or as a readable table.

    Example: checker extract seeds/003_52855437956be190.txt --format table
    """
    from checker.ingest import discover, read_source
    from checker.lexicons import load_lexicons
    from checker.pipeline import extract_facts, topic_id
    from checker.rules.loader import default_rule_dirs

    if format not in ("jsonl", "table"):
        _fail(f"--format must be jsonl or table, not {format!r}")

    def run() -> list:
        sources = discover(file)
        if not Path(file).is_file():
            raise CheckerError("expects one article file, not a folder", path=file)
        lexicons = load_lexicons(default_rule_dirs(rules))
        topic = topic_id(Path(file).parent.name or "articles")
        return [fact for article in read_source(sources[0])
                for fact in extract_facts(article, topic, lexicons)]  # fmt: skip

    facts = _guard(run)
    if format == "table":
        _print_fact_table(facts)
        return
    for fact in facts:
        typer.echo(json.dumps(fact.model_dump(mode="json"), ensure_ascii=False))


def _print_fact_table(facts: list) -> None:
    from rich.console import Console
    from rich.table import Table

    from checker.rules.intervals import describe

    table = Table(title=f"{len(facts)} facts")
    for column in ("quote", "value", "item", "subject", "predicate", "source", "modality", "time"):
        table.add_column(column, overflow="fold")
    for fact in facts:
        source = fact.attribution.kind.value + (
            f": {fact.attribution.source}" if fact.attribution.source else ""
        )
        unit = f"{fact.unit}/{fact.per}" if fact.per else fact.unit
        time = fact.event_time.value if fact.event_time and fact.event_time.value else ""
        shown = describe(fact.value, unit) if fact.value is not None else f"status: {fact.status}"
        table.add_row(fact.quote, shown, fact.item or "",
                      fact.subject or "", fact.predicate or "", source, fact.modality.value,
                      time)  # fmt: skip
    Console(width=160).print(table)


@app.command("baseline")
def baseline_command(
    paths: Annotated[list[str], typer.Argument(help="Article files or folders, as for check.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Baseline file to write.")] = Path(
        "checker-baseline.json"
    ),
    rules: RulesOption = None,
    topics: TopicsOption = TopicMode.folder,
    topics_file: TopicsFileOption = None,
    cache: CacheOption = DEFAULT_CACHE,
    no_cache: NoCacheOption = False,
    quiet: QuietOption = False,
) -> None:
    """Record today's findings by fingerprint, so `check --baseline` fails only on new ones.

    Example: checker baseline seeds --out checker-baseline.json
    """
    from checker.baseline import make_baseline, render_baseline
    from checker.report import atomic_write
    from checker.runner import findings_only, run_config

    def run() -> int:
        with run_config(rules, cache, no_cache, quiet, no_color=False) as config:
            report = findings_only(paths, config, topics, topics_file)
        if out.parent and not out.parent.is_dir():
            raise CheckerError("folder of the baseline file does not exist", str(out.parent))
        atomic_write(out, render_baseline(make_baseline(report)))
        return len(report.findings)

    count = _guard(run)
    if not quiet:
        typer.echo(f"wrote {out}: {count} findings recorded")


@app.command()
def explain(
    finding: Annotated[str, typer.Argument(help="Finding id (or fingerprint, or a prefix).")],
    report: Annotated[Path, typer.Option("--report", help="The report.json to read.")] = Path(
        "reports/report.json"
    ),
    rules: RulesOption = None,
) -> None:
    """Print one finding with its compared values, evidence and the rule's description.

    Example: checker explain CT001-3f2a9c1b7d40 --report reports/report.json
    """
    from checker.explain import explain as explain_finding
    from checker.explain import find_finding, read_report
    from checker.rules.loader import default_rule_dirs, load_rules

    def run() -> str:
        loaded = read_report(report)
        chosen = find_finding(loaded, finding)
        in_force = {rule.id: rule for rule in load_rules(default_rule_dirs(rules))}
        return explain_finding(chosen, loaded, in_force)

    typer.echo(_guard(run), nl=False)


@rules_app.command("list")
def rules_list(rules: RulesOption = None) -> None:
    """List the rules in force: id, kind, severity, title.

    Example: checker rules list --rules my-rules/
    """
    from checker.rules.loader import default_rule_dirs, load_rules

    for rule in _guard(lambda: load_rules(default_rule_dirs(rules))):
        state = "" if rule.enabled else "  (disabled)"
        typer.echo(f"{rule.id}  {rule.kind:<14} {rule.severity.value:<8} {rule.title}{state}")


@rules_app.command("validate")
def rules_validate(
    folder: Annotated[
        Path | None, typer.Argument(help="Rules folder (default: the built-in rules).")
    ] = None,
) -> None:
    """Validate rule and lexicon files against the published schemas.

    Example: checker rules validate my-rules/
    """
    from checker.lexicons import load_lexicons
    from checker.rules.loader import BUILTIN_RULES_DIR, load_rules

    target = folder or BUILTIN_RULES_DIR

    def run() -> int:
        if not target.is_dir():
            raise CheckerError("rules folder does not exist", path=str(target))
        dirs = [BUILTIN_RULES_DIR] if target == BUILTIN_RULES_DIR else [BUILTIN_RULES_DIR, target]
        predicates = load_lexicons(dirs).source.predicates  # a user folder extends the built-ins
        return len(load_rules([target], predicates))

    count = _guard(run)
    typer.echo(f"{target}: {count} rules valid")


@app.command()
def schema(
    name: Annotated[str, typer.Argument(help="report | rules | lexicons | topics")],
) -> None:
    """Print a published JSON Schema.

    Example: checker schema report > report.schema.json
    """
    from checker.yamlsource import packaged_schema

    if name not in ("report", "rules", "lexicons", "topics"):
        _fail(f"unknown schema {name!r} (known: report, rules, lexicons, topics)")
    typer.echo(json.dumps(packaged_schema(f"{name}.schema.json"), indent=2, sort_keys=True))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"checker {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """checker: source-consistency checking for news articles."""


def main() -> None:
    try:
        app()
    except SystemExit as exc:
        sys.exit(exc.code)
    except Exception as exc:  # a bug outside a guarded step: still one line, never a traceback
        if os.environ.get("CHECKER_DEBUG"):
            raise
        typer.echo(f"checker: internal error: {type(exc).__name__}: {exc} "
                   "(set CHECKER_DEBUG=1 for details)", err=True)  # fmt: skip
        sys.exit(EXIT_INTERNAL)
