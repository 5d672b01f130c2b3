"""The map stage on several cores: articles extracted in worker processes (`--jobs N`).

The parent process keeps everything that must be done once and in order -- reading the
articles, the fact cache, topics, rules and reports -- and hands the workers only what the
cache did not hold. Each worker receives the compiled lexicons once (as its initializer's
argument) and then chunks of articles; it sends back each article's facts as JSON, which the
parent decodes far faster than it would unpickle the pydantic models, and which the cache then
stores as it came (checker.cache.EncodedFacts).

Results are yielded in the order the articles were given, whatever order the workers finish
in, so a run with any number of jobs writes the same report bytes as `--jobs 1`.

Memory: at most ``IN_FLIGHT_PER_JOB`` chunks per worker are pickled and waiting at a time, so
the articles stream through the pool instead of being copied into it all at once.

Small inputs are extracted in this process: starting the pool and shipping the lexicons costs
some tens of milliseconds, which pays off only above ``PARALLEL_MIN_CHARS`` of text to extract.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from checker.cache import FACTS, EncodedFacts
from checker.lexicons import CompiledLexicons
from checker.models import Article, Fact

# Below this much text (about a third of a second of extraction on one core), the pool's
# start-up and the shipping of articles cost more than a second core saves.
PARALLEL_MIN_CHARS = 200_000
CHUNK_CHARS = 32_000  # text per task: large enough to amortize a round trip, small to balance
IN_FLIGHT_PER_JOB = 4  # chunks queued per worker: keeps workers busy, bounds the copies held

EXTRACTOR_MODULES = ("checker.extract", "checker.normalize")  # what extract_facts imports
_worker_lexicons: CompiledLexicons | None = None  # set once in each worker by _start_worker


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_here(articles: list[Article], lexicons: CompiledLexicons) -> Iterator[list[Fact]]:
    """Each article's facts, in order, extracted in this process."""
    from checker.pipeline import extract_facts  # the pipeline imports this module

    for article in articles:
        yield extract_facts(article, "", lexicons)


def uses_pool(articles: list[Article], jobs: int) -> bool:
    """Whether extracting ``articles`` with ``jobs`` processes is worth starting a pool."""
    total = sum(len(article.text) for article in articles)
    return jobs > 1 and len(articles) > 1 and total >= PARALLEL_MIN_CHARS


def extract_in_processes(
    articles: list[Article], lexicons: CompiledLexicons, jobs: int
) -> Iterator[list[Fact]]:
    """Each article's facts, in order; extracted by ``jobs`` worker processes when the input
    is large enough to pay for them, else in this process."""
    if not uses_pool(articles, jobs):
        yield from extract_here(articles, lexicons)
        return
    # The extractor and the lexicons' patterns are compiled when first used (a run that finds
    # every article in the cache never needs them); compiled here, before the workers fork,
    # they are compiled once for all of them instead of once in each.
    for module in EXTRACTOR_MODULES:
        importlib.import_module(module)
    lexicons.compile_patterns()
    # The objects alive now (the articles, the lexicons) live for the whole run: frozen, the
    # collector stops walking them as the decoded facts pile up, which halves the parent's
    # share of the work, and forked workers do not copy their pages by touching them either.
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(lexicons,),
        ) as pool:
            yield from _in_order(pool, articles, jobs)
    finally:
        gc.unfreeze()


def _in_order(
    pool: ProcessPoolExecutor, articles: list[Article], jobs: int
) -> Iterator[list[Fact]]:
    """Submit chunks, at most IN_FLIGHT_PER_JOB per worker ahead, and yield their facts in
    the order of the articles."""
    pending: deque[Future[list[bytes]]] = deque()
    for chunk in _chunks(articles):
        if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
            yield from _decoded(pending.popleft())
        pending.append(pool.submit(_extract_chunk, chunk))
    while pending:
        yield from _decoded(pending.popleft())


def _context() -> multiprocessing.context.BaseContext:
    # fork starts a worker in milliseconds with the package already imported; spawn (where
    # fork does not exist) re-imports it in each worker, some tenths of a second.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _chunks(articles: list[Article]) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    size = 0
    for article in articles:
        chunk.append(article)
        size += len(article.text)
        if size >= CHUNK_CHARS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _decoded(future: Future[list[bytes]]) -> Iterator[list[Fact]]:
    for encoded in future.result():
        yield EncodedFacts(encoded)


def _start_worker(lexicons: CompiledLexicons) -> None:
    global _worker_lexicons
    _worker_lexicons = lexicons


def _extract_chunk(articles: list[Article]) -> list[bytes]:
    """In a worker: the facts of each article of a chunk, as JSON."""
    assert _worker_lexicons is not None, "the pool initializer sets the lexicons"
    return [FACTS.dump_json(facts) for facts in extract_here(articles, _worker_lexicons)]
