"""``python -m bench``: measure, print the figures, optionally rewrite BENCHMARKS.md."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench import MB, cache, q3, sidebyside, steps
from bench.corpus import (
    EXTERNAL_DEFAULT,
    ROOT,
    build_corpus,
    load_sources,
    prefix,
    source_groups,
    total_mb,
    write_files,
)
from bench.machine import describe
from bench.report import Results, render, write_md
from bench.timing import once

BENCHMARKS_MD = ROOT / "BENCHMARKS.md"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Time checker's extraction (floor, extraction, whole CLI run) and "
        "quantulum3 on the same news texts; print a Markdown table.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny corpus, 1 run, quantulum3 heuristic mode only (smoke test)",
    )
    parser.add_argument("--runs", type=int, help="runs per step (default 5; --quick: 1)")
    parser.add_argument(
        "--target-mb", type=float, default=2.0, help="corpus size in MB of 10^6 bytes (default 2.0)"
    )
    parser.add_argument(
        "--q3-kb",
        type=float,
        default=200.0,
        help="size of the corpus prefix quantulum3 parses, KB of 10^3 bytes (default 200)",
    )
    parser.add_argument(
        "--external",
        type=Path,
        default=EXTERNAL_DEFAULT,
        help="MEANTIME English text folder (skipped when absent)",
    )
    parser.add_argument("--no-quantulum", action="store_true", help="skip quantulum3")
    parser.add_argument(
        "--no-classifier", action="store_true", help="skip quantulum3's classifier mode"
    )
    parser.add_argument(
        "--note", action="append", default=[], help="a line to add to the notes (repeatable)"
    )
    parser.add_argument(
        "--write-md", action="store_true", help="rewrite the figures section of BENCHMARKS.md"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.target_mb, args.q3_kb = 0.04, 8.0
        args.runs = args.runs or 1
        args.no_classifier = True
    args.runs = args.runs or 5
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.write_md and (args.quick or args.runs < 5):
        parser.error("--write-md records real figures: not with --quick nor fewer than 5 runs")
    return args


def progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    groups = source_groups(args.external)
    sources = load_sources(groups)
    corpus = build_corpus(sources, int(args.target_mb * MB))
    subset = prefix(corpus, int(args.q3_kb * 1000))
    copies = len({d.name.split("/", 1)[0] for d in corpus})
    nbytes = sum(d.nbytes for d in corpus)
    described = [
        f"{g.label}: {len(g.files)} files" if g.present else f"{g.label}: absent ({g.folder}), "
        "skipped" for g in groups
    ]  # fmt: skip
    results = Results(
        machine=describe(),
        runs=args.runs,
        corpus=[
            f"sources: {'; '.join(described)}; {len(sources)} articles, "
            f"{total_mb(sources):.6f} MB once",
            f"benchmark corpus: those articles repeated in order (passes over them: {copies}, "
            f"the last one stopping at the target size), {len(corpus)} articles, {nbytes:,} "
            f"bytes = {total_mb(corpus):.6f} MB (MB = 10^6 bytes of UTF-8)",
            f"quantulum3 subset: the first {len(subset)} articles of the corpus, "
            f"{sum(d.nbytes for d in subset):,} bytes = {total_mb(subset):.6f} MB",
        ],
    )
    results.notes += args.note
    progress(f"corpus {total_mb(corpus):.3f} MB, {len(corpus)} articles, {args.runs} run(s)")

    with tempfile.TemporaryDirectory(prefix="checker-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_files(corpus, folder)
        one = Path(tmp) / "one"
        write_files(corpus[:1], one)

        progress("floor: read + split_sentences")
        results.floor = steps.floor(paths, nbytes, args.runs)

        progress("checker extraction")
        start = time.perf_counter()
        extractor = steps.Extractor()
        setup = time.perf_counter() - start
        first = once(lambda: extractor.facts(corpus[0]))
        results.extraction = steps.extraction(
            extractor, corpus, args.runs, "checker extraction, full corpus"
        )
        results.notes.append(
            f"checker: importing the pipeline and Config.load() took {setup:.3f} s and the first "
            f"(untimed, warm-up) article {first:.3f} s; neither is in the extraction times"
        )

        progress("checker check (whole CLI run)")
        results.cli = steps.cli(folder, nbytes, len(corpus), args.runs,
                                "`checker check`, whole CLI run")  # fmt: skip
        results.cli_fixed = steps.cli(one, corpus[0].nbytes, 1, args.runs,
                                      "`checker check` on one article (fixed cost)")  # fmt: skip

        progress("checker check, cold vs warm cache")
        cold, warm = cache.measure(folder, Path(tmp) / "cache-runs", args.runs)
        results.notes.append(cache.summary_line(len(corpus), total_mb(corpus), cold, warm))

    quantulum = None
    if args.no_quantulum:
        results.notes.append("quantulum3: skipped (--no-quantulum)")
    elif not q3.installed():
        results.notes.append("quantulum3: not installed, skipped (pip install -e '.[bench]')")
    else:
        progress("quantulum3 setup")
        quantulum = q3.Quantulum(allow_classifier=not args.no_classifier)
        results.subset_extraction = steps.extraction(
            extractor, subset, args.runs, "checker extraction, quantulum3 subset"
        )
        for mode in quantulum.modes:
            progress(f"quantulum3 ({mode})")
            measured = quantulum.measure(subset, mode, args.runs)
            results.quantulum.append(measured)
            line = (
                f"quantulum3 ({mode}): first call, untimed: {measured.extra['first_call_s']:.2f} s"
            )
            if mode == quantulum.modes[0]:
                line += " (the process's first call loads the unit tables, builds the regexes)"
            results.notes.append(line)
        if quantulum.classifier_setup_s is not None:
            results.notes.append(
                f"quantulum3 classifier setup took {quantulum.classifier_setup_s:.2f} s (untimed)"
            )
        elif args.no_classifier:
            results.notes.append("quantulum3 classifier mode: skipped (--no-classifier/--quick)")
        results.notes += [f"quantulum3 {note}" for note in quantulum.notes]

    progress("side by side")
    try:
        results.cases = sidebyside.cases(extractor.config, quantulum)
    finally:
        if quantulum is not None:
            quantulum.close()

    if hasattr(os, "getloadavg"):
        load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
        results.notes.append(f"load average at the end (1/5/15 min): {load}")
    body = render(results)
    print(body, end="")
    if args.write_md:
        write_md(BENCHMARKS_MD, body)
        progress(f"wrote the figures section of {BENCHMARKS_MD}")
    return 0
