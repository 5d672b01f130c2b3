"""The checker steps: the floor (read + split sentences), extraction, and the whole CLI run."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.corpus import ROOT, Doc
from bench.timing import Measurement, repeat


def floor(paths: list[Path], nbytes: int, runs: int) -> Measurement:
    """Read every corpus file from disk and split it into sentences: the least any extractor
    built on checker's segmentation has to do."""
    from checker.extract.segment import split_sentences

    def work() -> int:
        sentences = 0
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for _ in split_sentences(text):
                sentences += 1
        return sentences

    times, sentences = repeat(work, runs)
    return Measurement(
        "floor: read files + split_sentences", times, nbytes, len(paths),
        note="per run: open/read/decode each file, then checker.extract.segment.split_sentences",
        extra={"sentences": sentences},
    )  # fmt: skip


class Extractor:
    """checker's extraction of one article, exactly as the pipeline calls it."""

    def __init__(self) -> None:
        from checker.pipeline import Config

        self.config = Config.load()

    def facts(self, doc: Doc) -> int:
        from checker.models import Article, ArticleInfo
        from checker.pipeline import extract_facts

        info = ArticleInfo(
            id=doc.name, path=doc.name, format="txt", sha256="0" * 64, chars=len(doc.text)
        )
        return len(extract_facts(Article(info=info, text=doc.text), "bench", self.config.lexicons))

    def run(self, docs: list[Doc]) -> int:
        return sum(self.facts(doc) for doc in docs)


def extraction(extractor: Extractor, docs: list[Doc], runs: int, step: str) -> Measurement:
    times, facts = repeat(lambda: extractor.run(docs), runs)
    return Measurement(
        step, times, sum(d.nbytes for d in docs), len(docs), facts,
        note="per article: ArticleInfo + Article + checker.pipeline.extract_facts; texts in "
        "memory, Config.load() once before timing",
    )  # fmt: skip


def cli_command(folder: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "checker", "check", str(folder), "--out", str(out), "-q",
            "--fail-on", "never", "--no-cache"]  # fmt: skip


def cli(folder: Path, nbytes: int, articles: int, runs: int, step: str) -> Measurement:
    """Wall time of ``python -m checker check FOLDER --out TMP -q --fail-on never``, a fresh
    process each run (interpreter start, imports, rules, ingest, extraction, rules, JSON+HTML)."""
    scratch = Path(tempfile.mkdtemp(prefix="checker-bench-out-"))
    counter = iter(range(10**6))

    def work() -> None:
        out = scratch / f"run{next(counter)}"
        done = subprocess.run(cli_command(folder, out), cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"checker check failed ({done.returncode}): {done.stderr[-2000:]}")
        shutil.rmtree(out, ignore_errors=True)

    try:
        times, _ = repeat(work, runs)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return Measurement(
        step, times, nbytes, articles,
        note="python -m checker check <tmp corpus folder> --out <tmp> -q --fail-on never "
        "--no-cache",
    )  # fmt: skip
