"""The map stage on Dask (`checker check --engine dask`): articles extracted by the workers of a
Dask cluster, as a dask.bag; everything else stays in this process (docs/scaling.md).

The bag holds the articles the cache lacks, in partitions of about ``CHUNK_CHARS`` of text.
The compiled lexicons travel once, as one task of the graph that every partition reads, and
each partition returns its articles' facts as JSON (smaller and faster to decode than pickled
pydantic models). ``Bag.compute`` keeps the order of the sequence, so the report is the same,
byte for byte, as with the local engine.

Requires the optional extra: pip install 'checker[dist]'.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import partial
from typing import Any

from checker.cache import FACTS, EncodedFacts
from checker.errors import CheckerError
from checker.lexicons import CompiledLexicons
from checker.models import Article, Fact
from checker.parallel import CHUNK_CHARS, default_jobs, extract_here
from checker.pipeline import Extractor


def dask_extractor(scheduler: str | None, jobs: int | None) -> Extractor:
    """Extraction on the cluster whose scheduler listens at ``scheduler`` (tcp://host:8786),
    or, without one, on Dask's local process pool of ``jobs`` workers (default: every core)."""
    try:
        import dask.bag  # noqa: F401
    except ImportError:
        raise CheckerError("--engine dask needs Dask: pip install 'checker[dist]'") from None
    if scheduler is not None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise CheckerError(
                "--scheduler needs dask.distributed: pip install 'checker[dist]'"
            ) from None
    return partial(extract_with_dask, scheduler=scheduler, jobs=jobs or default_jobs())


def extract_with_dask(
    articles: list[Article], lexicons: CompiledLexicons, scheduler: str | None, jobs: int
) -> Iterator[list[Fact]]:
    """Each article's facts, in the order given, computed by Dask."""
    if not articles:
        return
    encoded = _bag_of_facts(articles, lexicons)
    for blob in _compute(encoded, scheduler, jobs):
        yield EncodedFacts(blob)


def _bag_of_facts(articles: list[Article], lexicons: CompiledLexicons) -> Any:
    import dask
    import dask.bag as db

    total = sum(len(article.text) for article in articles)
    partitions = min(len(articles), max(1, math.ceil(total / CHUNK_CHARS)))
    bag = db.from_sequence(articles, npartitions=partitions)
    # One task holds the lexicons; every partition depends on it instead of embedding a copy.
    shared = dask.delayed(lexicons, traverse=False)
    return bag.map_partitions(_extract_partition, shared)


def _compute(encoded: Any, scheduler: str | None, jobs: int) -> list[bytes]:
    if scheduler is None:
        return list(encoded.compute(scheduler="processes", num_workers=jobs))
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        return list(client.compute(encoded).result())


def _extract_partition(articles: list[Article], lexicons: CompiledLexicons) -> list[bytes]:
    """On a worker: the facts of each article of one partition, as JSON."""
    return [FACTS.dump_json(facts) for facts in extract_here(list(articles), lexicons)]
