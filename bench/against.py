"""Gating one new article against a large corpus: `checker check NEW --against CORPUS --topics
auto`, with a cold cache and then a warm one.

    python -m bench.against --articles 100000 [--runs 5] [--keep DIR]

Generates ARTICLES articles (bench.generate; the manifest is written beside the corpus, not
in it), takes the first article of the fourth story out of the corpus as the new source, then
times whole CLI runs in fresh processes (`--format json`, one shared cache folder):

- cold: the first gate, which reads and extracts the corpus, clusters it into stories and
  keeps them in the cache (with --keep and a cache from an earlier call, this first gate is
  warm unless the code or the corpus changed since);
- warm: ``--runs`` gates of the new article, each time with one line of its text changed (a
  correction notice), so that its facts are never in the cache and are extracted, as a new
  source's would be; the corpus is unchanged, so its stories are read from the cache.

Prints a Markdown table with the medians and the story the article joined. With --keep the
corpus and cache stay in DIR (a second call with the same DIR and size skips the cold run's
generation and reuses the cache, so the warm runs can be repeated); without it everything
is written to a temporary folder and deleted.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
from pathlib import Path

from bench.generate import generate, topic_folders
from bench.timing import timed_check

NEW_STORY = 3  # the story whose first article is held out as the new source


def prepare(base: Path, articles: int) -> tuple[Path, Path]:
    """The corpus folder and the held-out article, generated under ``base`` once."""
    corpus, new = base / "corpus", base / "new.txt"
    if not (corpus.is_dir() and new.is_file()):
        shutil.rmtree(base / "corpus", ignore_errors=True)
        generate(corpus, articles)
        (corpus / "manifest.json").rename(base / "manifest.json")
        story = Path(topic_folders(corpus)[min(NEW_STORY, articles // 5 - 1)])
        first = sorted(story.iterdir())[0]
        first.rename(new)
    return corpus, new


def gate(new: Path, corpus: Path, out: Path, cache: Path) -> float:
    return timed_check([str(new), "--against", str(corpus), "--topics", "auto", "--format",
                        "json", "--out", str(out), "-q", "--fail-on", "never", "--cache",
                        str(cache)])  # fmt: skip


def variant(new: Path, original: str, run: int) -> None:
    """The new article with a correction line of its own, so it is extracted afresh."""
    new.write_text(f"{original.rstrip()}\n\nThis story was updated at 10:{run:02d} GMT.\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.against", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size in articles")
    parser.add_argument("--runs", type=int, default=5, help="warm gates (median shown)")
    parser.add_argument("--keep", type=Path, default=None, help="folder to keep everything in")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="checker-bench-against-"))
    try:
        corpus, new = prepare(base, args.articles)
        original = base / "new.original.txt"
        if not original.exists():
            original.write_text(new.read_text())
        text = original.read_text()
        cache, out = base / "cache", base / "out"
        warmed = (cache / "facts.sqlite3").exists()
        variant(new, text, 0)
        first = gate(new, corpus, out, cache)  # builds the stories unless the cache holds them
        warm = []
        for run in range(1, args.runs + 1):
            variant(new, text, run)
            warm.append(gate(new, corpus, out, cache))
        report = json.loads((out / "report.json").read_text())
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    [topic] = [t for t in report["topics"] if "new.txt" in t["articles"]]
    print("| gate | runs | median s | min s | max s |\n|---|---:|---:|---:|---:|")
    label = ("first gate, cache kept from an earlier call (cold if the code or corpus changed)"
             if warmed else "cold cache (reads, extracts and clusters the corpus)")  # fmt: skip
    print(f"| {label} | 1 | {first:.2f} | {first:.2f} | {first:.2f} |")
    print(f"| warm cache, a new article each run | {len(warm)} | {statistics.median(warm):.3f} "
          f"| {min(warm):.3f} | {max(warm):.3f} |")  # fmt: skip
    print()
    joined = len(topic["articles"]) - 1
    where = (f"joined the story '{topic['id']}' ({joined} corpus articles)" if joined
             else "joined no corpus story (a topic of its own)")  # fmt: skip
    print(f"corpus: {args.articles} generated articles; the new article {where}; "
          f"{len(report['findings'])} finding(s) involve it")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
