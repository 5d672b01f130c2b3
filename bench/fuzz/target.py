"""The fuzz target: any bytes, read as an article file of any format and extracted, either
give articles whose every fact quotes exactly its offsets, or one InputError. Anything else
(another exception, a wrong offset) is a crash."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from checker.errors import InputError
from checker.ingest import IngestOptions, SourceFile, read_source
from checker.pipeline import Config, extract_facts

SUFFIXES = (".txt", ".md", ".html", ".json", ".jsonl")
MAX_BYTES = 200_000  # the fuzzer's own limit; --max-bytes is tested in tests/hostile
_FOLDER = Path(tempfile.mkdtemp(prefix="checker-fuzz-"))
atexit.register(shutil.rmtree, _FOLDER, ignore_errors=True)
_CONFIG: Config | None = None


def config() -> Config:
    global _CONFIG  # loaded once per process: rules and lexicons take a second
    if _CONFIG is None:
        _CONFIG = Config.load()
    return _CONFIG


def as_input(suffix: str, content: bytes) -> bytes:
    """The fuzzer's encoding of (format, file content): the first byte picks the format."""
    return bytes([SUFFIXES.index(suffix)]) + content


def one_input(data: bytes) -> None:
    """Read ``data`` as an article file and extract its facts; raise on a crash."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = _FOLDER / f"article{suffix}"
    path.write_bytes(data[1:])
    source = SourceFile(path, path, path.name)
    try:
        articles = read_source(source, IngestOptions(max_bytes=MAX_BYTES))
    except InputError:
        return  # a clear user-facing error is a correct outcome for a bad file
    for article in articles:
        for fact in extract_facts(article, "fuzz", config().lexicons):
            if article.text[fact.start : fact.end] != fact.quote:
                raise AssertionError(f"offsets {fact.start}:{fact.end} do not give {fact.quote!r}")
