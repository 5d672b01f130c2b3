"""Parallel extraction, timed: `checker check --jobs N` on a ~2 MB corpus, end to end and for the
extraction stage alone, with the peak RSS of each run.

    python -m bench.parallel [--copies 8] [--runs 3] [--jobs 1 2]

The corpus is ``--copies`` copies of seeds/, every tests/corpus topic and, when present, the
MEANTIME English texts (../shared/external/meantime-en/text), one folder per topic and copy,
so each folder is a topic of ordinary size. End-to-end runs are `checker check` processes
(--no-cache, --format json); their peak RSS comes from os.wait4, which, like
getrusage(RUSAGE_CHILDREN), reports the largest resident set among the process and the
workers it waited for. The extraction stage is timed in this process on the same articles.
Runs alternate between the --jobs values; speed-ups compare the fastest run of each (the one
least slowed by other work on a shared machine); medians are printed too.
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
            _make_distinct(target, copy)
            paths.append(str(target))
    return paths


def _make_distinct(folder: Path, copy: int) -> None:
    """checker reads the same text once; trailing blank lines make each copy its own article
    without changing a fact."""
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\n" * copy)


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


def _speed_ups(
    base_runs: list[tuple[float, int]],
    runs: list[tuple[float, int]],
    base_stage: list[float],
    stage: list[float],
) -> str:
    """Speed-ups over the first --jobs value, from the fastest runs (the least disturbed)."""
    end_to_end = min(t for t, _ in base_runs) / min(t for t, _ in runs)
    return f"speed-up: end to end {end_to_end:.2f}x, extraction {min(base_stage) / min(stage):.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-parallel-") as tmp:
        paths = build_corpus(Path(tmp) / "corpus", args.copies)
        size = sum(f.stat().st_size for f in (Path(tmp) / "corpus").rglob("*") if f.is_file())
        print(f"corpus: {len(paths)} topic folders, {size / 1e6:.2f} MB; {args.runs} runs each")
        runs: dict[int, list[tuple[float, int]]] = {jobs: [] for jobs in args.jobs}
        stages: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        for _ in range(args.runs):  # interleaved, so a busy neighbour slows every setting alike
            for jobs in args.jobs:
                runs[jobs].append(timed_check(paths, jobs, Path(tmp) / f"out{jobs}"))
                stages[jobs].append(extraction_seconds(paths, jobs))
        reports = {(Path(tmp) / f"out{jobs}" / "report.json").read_bytes() for jobs in args.jobs}
        print("jobs  end-to-end s (min / median)  extraction s (min / median)  peak RSS MiB")
        for jobs in args.jobs:
            total, stage = [t for t, _ in runs[jobs]], stages[jobs]
            speed = _speed_ups(runs[args.jobs[0]], runs[jobs], stages[args.jobs[0]], stage)
            print(f"{jobs:>4}  {min(total):>6.2f} / {statistics.median(total):.2f}"
                  f"  {min(stage):>6.2f} / {statistics.median(stage):.2f}"
                  f"  {max(r for _, r in runs[jobs]) / 1024:>6.0f}   {speed}")  # fmt: skip
        print("report.json identical across jobs:", len(reports) == 1)


if __name__ == "__main__":
    main()
