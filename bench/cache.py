"""The incremental cache's gain: `checker check` with a cold cache vs a warm one.

``python -m bench.cache [--articles 1000] [--runs 3]`` writes the benchmark corpus's first
ARTICLES articles to a temporary folder and times whole CLI runs: cold (a fresh, empty cache
folder each run, so the time includes filling it) and warm (the cache a cold run filled, no
article changed). Prints a Markdown table; writes nothing into the repository.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from bench.corpus import build_corpus, load_sources, source_groups, total_mb, write_files
from bench.timing import timed_check


def _check(folder: Path, out: Path, cache: Path) -> float:
    return timed_check([str(folder), "--out", str(out), "-q", "--fail-on", "never", "--format",
                        "json", "--cache", str(cache)])  # fmt: skip


def measure(folder: Path, scratch: Path, runs: int) -> tuple[list[float], list[float]]:
    """(cold times, warm times) of ``runs`` runs each; the outputs are compared too."""
    scratch.mkdir(parents=True, exist_ok=True)
    cold = [_check(folder, scratch / f"cold{i}", scratch / f"cache{i}") for i in range(runs)]
    warm = [_check(folder, scratch / f"warm{i}", scratch / "cache0") for i in range(runs)]
    if (scratch / "cold0" / "report.json").read_bytes() != (
        scratch / "warm0" / "report.json"
    ).read_bytes():
        raise RuntimeError("a warm run's report.json differs from the cold run's")
    return cold, warm


def summary_line(articles: int, mb: float, cold: list[float], warm: list[float]) -> str:
    c, w = statistics.median(cold), statistics.median(warm)
    return (
        f"cache: `checker check` on {articles} articles ({mb:.3f} MB), median of {len(cold)} "
        f"run(s): cold {c:.2f} s, warm {w:.2f} s, {c / w:.1f}x faster warm"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cache", description=__doc__)
    parser.add_argument("--articles", type=int, default=1000, help="corpus size in articles")
    parser.add_argument("--runs", type=int, default=3, help="runs of each kind (median shown)")
    args = parser.parse_args(argv)
    sources = load_sources(source_groups())
    corpus = build_corpus(sources, sum(d.nbytes for d in sources) * (args.articles // 10 + 1))
    corpus = corpus[: args.articles]
    with tempfile.TemporaryDirectory(prefix="checker-bench-cache-") as tmp:
        folder = Path(tmp) / "corpus"
        write_files(corpus, folder)
        cold, warm = measure(folder, Path(tmp), args.runs)
    print("| run | median s | runs (s) |\n|---|---|---|")
    print(f"| cold cache | {statistics.median(cold):.2f} | {', '.join(f'{t:.2f}' for t in cold)} |")
    print(f"| warm cache | {statistics.median(warm):.2f} | {', '.join(f'{t:.2f}' for t in warm)} |")
    print()
    print(summary_line(len(corpus), total_mb(corpus), cold, warm))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
