"""Parallel extraction, timed: `checker check --jobs N` on a ~2 MB corpus, end to end and for the
extraction stage alone, with the peak RSS of each run.

    python -m bench.parallel [--copies 8] [--runs 3] [--jobs 1 2]

The corpus is ``--copies`` copies of seeds/, every tests/corpus topic and, when present, the
MEANTIME English texts (../shared/external/meantime-en/text), one folder per topic and copy,
so each folder is a topic of ordinary size. End-to-end runs are `checker check` processes
(--no-cache, --format json); their peak RSS comes from os.wait4, which, like
getrusage(RUSAGE_CHILDREN), reports the largest resident set among the process and the
workers it waited for. The extraction stage is timed in this process on the same articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEANTIME = ROOT.parent / "shared" / "external" / "meantime-en" / "text"


def topic_folders() -> list[Path]:
    corpus = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_dir())
    meantime = sorted(p for p in MEANTIME.iterdir() if p.is_dir()) if MEANTIME.is_dir() else []
    return [ROOT / "seeds", *corpus, *meantime]


def build_corpus(folder: Path, copies: int) -> list[str]:
    paths = []
    for copy in range(1, copies + 1):
        for topic in topic_folders():
            target = folder / f"c{copy}-{topic.name}"
            shutil.copytree(topic, target)
            paths.append(str(target))
    return paths


def timed_check(paths: list[str], jobs: int, out: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one `checker check` process."""
    flags = ["--no-cache", "-q", "--format", "json", "--fail-on", "never", "--out", str(out)]
    command = [sys.executable, "-m", "checker", "check", *paths, "--jobs", str(jobs), *flags]
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"checker check failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss


def extraction_seconds(paths: list[str], jobs: int) -> float:
    from checker.ingest import load_articles
    from checker.parallel import extract_in_processes
    from checker.pipeline import Config, extract_all, unique_ids

    config = Config.load()
    articles = unique_ids(load_articles(paths))
    engine = replace(config, extractor=partial(extract_in_processes, jobs=jobs))
    start = time.perf_counter()
    extract_all(articles, engine)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as tmp:
        paths = build_corpus(Path(tmp) / "corpus", args.copies)
        size = sum(f.stat().st_size for f in (Path(tmp) / "corpus").rglob("*") if f.is_file())
        print(f"corpus: {len(paths)} topic folders, {size / 1e6:.2f} MB; median of {args.runs}")
        results = {}
        for jobs in args.jobs:
            runs = [timed_check(paths, jobs, Path(tmp) / f"out{jobs}") for _ in range(args.runs)]
            stage = [extraction_seconds(paths, jobs) for _ in range(args.runs)]
            results[jobs] = (statistics.median(t for t, _ in runs), max(r for _, r in runs),
                             statistics.median(stage))  # fmt: skip
        reports = {(Path(tmp) / f"out{jobs}" / "report.json").read_bytes() for jobs in args.jobs}
        base_total, _, base_stage = results[args.jobs[0]]
        print("jobs  end-to-end s  speed-up  extraction s  speed-up  peak RSS MiB")
        for jobs, (total, rss, stage) in results.items():
            print(f"{jobs:>4}  {total:>12.2f}  {base_total / total:>7.2f}x  {stage:>12.2f}  "
                  f"{base_stage / stage:>7.2f}x  {rss / 1024:>12.0f}")  # fmt: skip
        print("report.json identical across jobs:", len(reports) == 1)


if __name__ == "__main__":
    main()
