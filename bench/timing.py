"""Repeated wall-clock timing and the figures derived from it."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bench import MB


@dataclass
class Measurement:
    """One benchmark step: its run times (seconds) and the work each run did."""

    step: str
    times: list[float]
    nbytes: int
    articles: int
    facts: int | None = None  # facts (checker) or quantities (quantulum3) found per run
    note: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def mb(self) -> float:
        return self.nbytes / MB

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.median

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.median

    @property
    def facts_per_s(self) -> float | None:
        return None if self.facts is None else self.facts / self.median


def repeat(work: Callable[[], int | None], runs: int) -> tuple[list[float], int | None]:
    """Time ``work`` ``runs`` times; return the times and what the last run returned."""
    times: list[float] = []
    result: int | None = None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return times, result


def once(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def timed_check(arguments: list[str]) -> float:
    """Wall seconds of ``python -m checker check ARGUMENTS`` in a fresh process, from the
    repository root; a failed run stops the benchmark with checker's stderr."""
    from bench.corpus import ROOT

    command = [sys.executable, "-m", "checker", "check", *arguments]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"checker check failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed
