"""Score checker on a generated corpus: recall per planted kind, traps sprung, false alarms.

    python -m bench.planted --articles 200 [--seed 7] [--keep DIR] [--api] [--verbose]

generates the corpus (bench/generate.py) into a temporary folder, runs
`checker check <every topic folder> --format json --no-cache` in a child process (or
checker.pipeline.check_paths in this process with --api), and scores report.json against the
manifest with checker.evaluation.score_report, the scorer of tests/gold's planted lists: an
entry is found when one finding of its kind touches enough of its quotes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.generate import generate, topic_folders
from checker.evaluation import PLANTED_KINDS, PlantedScore, score_report
from checker.ingest import load_articles
from checker.models import Article, Report
from checker.pipeline import Config, check_paths, unique_ids


def cli_report(folders: list[str], out: Path) -> Report:
    """The report of a `checker check` run in a child process, read back from report.json."""
    command = [sys.executable, "-m", "checker", "check", *folders, "--out", str(out),
               "--format", "json", "--no-cache", "--quiet", "--fail-on", "never"]  # fmt: skip
    subprocess.run(command, check=True)
    return Report.model_validate_json((out / "report.json").read_text(encoding="utf-8"))


def articles_of(folders: list[str]) -> list[Article]:
    """The articles as check_paths reads them, so ids and texts match the report's."""
    return unique_ids(load_articles(folders))


def score_corpus(root: Path, out: Path, api: bool = False) -> PlantedScore:
    """Check the generated corpus under ``root`` and score it against its manifest."""
    manifest: dict[str, Any] = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    folders = topic_folders(root)
    if api:
        report, articles = check_paths(folders, Config.load())
    else:
        report, articles = cli_report(folders, out), articles_of(folders)
    return score_report(manifest["planted"], root / manifest["corpus"], report, articles)


def summary_lines(score: PlantedScore) -> list[str]:
    lines = ["| planted kind | found | planted | recall |", "| --- | ---: | ---: | ---: |"]
    for kind in PLANTED_KINDS:
        found, total = score.found[kind], score.total[kind]
        lines.append(f"| {kind} | {found} | {total} | {score.recall(kind):.2f} |")
    lines.append(f"| traps sprung | {score.traps_sprung} | {score.traps} | - |")
    lines.append(f"| unplanted errors (false alarms) | {len(score.false_alarms)} | - | - |")
    return lines


def overall_recall(score: PlantedScore) -> float:
    found, total = sum(score.found.values()), sum(score.total.values())
    return found / total if total else 0.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.planted", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--topics", type=int, default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, help="generate here and keep it")
    parser.add_argument("--api", action="store_true", help="check_paths in-process, not the CLI")
    parser.add_argument("--verbose", action="store_true", help="list every miss and alarm")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="checker-planted-") as tmp:
        root = args.keep or Path(tmp) / "corpus"
        made = generate(root, args.articles, args.topics, args.seed)
        out = (args.keep or Path(tmp)) / "out"
        score = score_corpus(root, out, args.api)
    print(f"{made.articles} articles, {made.topics} topics, {made.bytes:,} bytes, seed {args.seed}")
    print("\n".join(summary_lines(score)))
    print(f"overall recall: {overall_recall(score):.2f}")
    if args.verbose:
        for line in [
            *score.misses,
            *score.sprung,
            *(f"false alarm: {a}" for a in score.false_alarms),
        ]:
            print("-", line)


if __name__ == "__main__":
    main()
