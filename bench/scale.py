"""How checker's cost grows with the corpus, on generated news with planted findings.

    python -m bench.scale --articles 1000 10000 [100000] [--runs 3] [--seed 7]

For each scale: generate the corpus into a temporary folder (not timed), then per run
(1) `checker check <every topic folder> --format json --no-cache` in a child process: wall
time, MB/s, articles/s and the child's peak RSS (os.wait4's rusage of that very child), and
(2) in another child process, the pipeline's own stage functions timed with
time.perf_counter: ingest (load_articles), extract (extract_all), topics (assign_topics),
rules (check_articles: dates, grouping, rules) and report (render_json, written to disk).
Figures are medians over the runs; the CLI's report of the last run is scored against the
manifest (recall per planted kind, traps sprung, unplanted errors). The linearity ratio is the
wall time at one scale over the time at the previous, divided by the ratio of their articles
(1.0 is linear).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate import generate, topic_folders

STAGES = ("ingest", "extract", "topics", "rules", "report")


@dataclass
class ScaleResult:
    articles: int
    topics: int
    bytes: int
    walls: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    stages: dict[str, list[float]] = field(default_factory=lambda: {s: [] for s in STAGES})
    recall: dict[str, str] = field(default_factory=dict)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)


def timed_child(command: list[str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stdout of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{command[:4]} exited {child.returncode}")
    return wall, usage.ru_maxrss / 1024, output  # ru_maxrss is in KiB on Linux


def cli_command(folders: list[str], out: Path) -> list[str]:
    return [sys.executable, "-m", "checker", "check", *folders, "--out", str(out),
            "--format", "json", "--no-cache", "--quiet", "--fail-on", "never"]  # fmt: skip


def stage_times(root: Path, out: Path) -> dict[str, float]:
    """Run the pipeline stage by stage in this process, as check_paths does with folder
    topics and no cache, and time each stage."""
    from checker.ingest import load_articles
    from checker.pipeline import Config, assign_topics, check_articles, extract_all, unique_ids
    from checker.report import atomic_write, render_json

    config = Config.load()
    folders = topic_folders(root)
    times: dict[str, float] = {}
    start = time.perf_counter()
    articles = unique_ids(load_articles(folders))
    times["ingest"] = time.perf_counter() - start
    start = time.perf_counter()
    extracted = extract_all(articles, config)
    times["extract"] = time.perf_counter() - start
    start = time.perf_counter()
    topics = assign_topics(folders, articles)
    times["topics"] = time.perf_counter() - start
    start = time.perf_counter()
    report = check_articles(articles, topics, config, extracted)
    times["rules"] = time.perf_counter() - start
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    atomic_write(out / "report.json", render_json(report))
    times["report"] = time.perf_counter() - start
    return times


def score(root: Path, out: Path) -> dict[str, str]:
    from bench.planted import articles_of, overall_recall
    from checker.evaluation import PLANTED_KINDS, score_report
    from checker.models import Report

    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    report = Report.model_validate_json((out / "report.json").read_text(encoding="utf-8"))
    result = score_report(manifest["planted"], root, report, articles_of(topic_folders(root)))
    figures = {k: f"{result.found[k]}/{result.total[k]}" for k in PLANTED_KINDS}
    figures["traps sprung"] = f"{result.traps_sprung}/{result.traps}"
    figures["unplanted errors"] = str(len(result.false_alarms))
    figures["overall recall"] = f"{overall_recall(result):.2f}"
    return figures


def measure(
    articles: int, runs: int, seed: int, tmp: Path, scored: bool, staged: bool = True
) -> ScaleResult:
    root = tmp / f"corpus-{articles}"
    made = generate(root, articles, None, seed)
    result = ScaleResult(made.articles, made.topics, made.bytes)
    folders = topic_folders(root)
    for run in range(runs):
        print(f"[scale] {articles} articles: run {run + 1}/{runs}", file=sys.stderr, flush=True)
        wall, rss, _ = timed_child(cli_command(folders, tmp / "out"))
        result.walls.append(wall)
        result.rss_mb.append(rss)
        if not staged:
            continue
        command = [sys.executable, "-m", "bench.scale", "--stages", str(root), str(tmp / "stages")]
        stages = json.loads(timed_child(command)[2])
        for stage in STAGES:
            result.stages[stage].append(stages[stage])
    if scored:
        result.recall = score(root, tmp / "out")
    return result


def table(results: list[ScaleResult]) -> list[str]:
    head = ["articles", "topics", "MB", "runs", "wall s (median)", "MB/s", "articles/s",
            "peak RSS MB", *(f"{s} s" for s in STAGES), "linearity"]  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---:" for _ in head) + " |"]
    previous: ScaleResult | None = None
    for r in results:
        linear = "-"
        if previous is not None:
            linear = f"{(r.wall / previous.wall) / (r.articles / previous.articles):.2f}"
        stages = [f"{statistics.median(r.stages[s]):.2f}" if r.stages[s] else "-" for s in STAGES]
        cells = [f"{r.articles:,}", f"{r.topics:,}", f"{r.bytes / 1e6:.1f}", str(len(r.walls)),
                 f"{r.wall:.1f}", f"{r.bytes / 1e6 / r.wall:.2f}", f"{r.articles / r.wall:.0f}",
                 f"{max(r.rss_mb):.0f}", *stages, linear]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
        previous = r
    scored = [r for r in results if r.recall]
    if scored:
        keys = list(scored[0].recall)
        lines += [
            "",
            "| articles | " + " | ".join(keys) + " |",
            "| ---: " + "| ---: " * len(keys) + "|",
        ]
        lines += [
            f"| {r.articles:,} | " + " | ".join(r.recall[k] for k in keys) + " |" for r in scored
        ]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.scale", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per scale (1 above 50,000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-score", action="store_true", help="skip scoring the planted set")
    parser.add_argument("--cli-only", action="store_true", help="skip the per-stage runs")
    parser.add_argument("--stages", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stages:  # the child process that times the stages
        print(json.dumps(stage_times(*args.stages)))
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="checker-scale-") as tmp:
        for articles in args.articles:
            runs = 1 if articles > 50_000 else args.runs
            scored, staged = not args.no_score, not args.cli_only
            results.append(measure(articles, runs, args.seed, Path(tmp), scored, staged))
            print("\n".join(table(results)), file=sys.stderr, flush=True)
    print("\n".join(table(results)))


if __name__ == "__main__":
    main()
