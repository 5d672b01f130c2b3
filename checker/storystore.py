"""A corpus's stories (checker.stories) kept in the cache, one row per term, article and topic,
so that placing a new article reads a few hundred rows however large the corpus is.

The key of a corpus's stories (stories_key) is everything they depend on: the state of the
corpus's files (checker.snapshot: paths, sizes, times, inodes), the folder as
given (article paths are shown as given), the reading options, the ingest and extractor
versions (facts name the entities clustering weighs) and the clustering code. A corpus that
changed in any file is clustered again. The header row is written last, after every other
row of the stories, so a run stopped midway leaves stories that are never read.

Only the newest stories of a corpus are kept: a corpus gated again after a change is
clustered again, and the stories of its earlier state (the same folder and reading options,
their `place`) are then deleted, so a corpus that changes every day does not add its stories
to the cache every day (500 MB at 100,000 articles). Stories written before headers named
their place cannot be reached by any key and are deleted too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from checker.cache import FactCache, code_version, ingest_version
from checker.models import Topic
from checker.stories import CorpusStories, StoryMember, StoryTopic, TermStats

STORY_CODE = ("topics.py", "stories.py", "storystore.py")
SEPARATOR = "\x1f"  # between the stories' key and a row's own key; in no term or number


@dataclass(frozen=True)
class StoriesKey:
    """Where a corpus's stories are kept: ``key`` for this state of its files and of the
    code, ``place`` for the corpus as gated whatever its state (folder and reading options)."""

    key: str
    place: str


def stories_key(
    cache: FactCache, corpus: str, fingerprint: str, max_bytes: int, keep_going: bool
) -> StoriesKey:
    place = _digest([corpus, max_bytes, keep_going])
    state = [cache.version, ingest_version(), code_version(STORY_CODE), fingerprint]
    return StoriesKey(_digest([place, *state]), place)


def _digest(parts: list[object]) -> str:
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def keep_stories(cache: FactCache, where: StoriesKey, stories: CorpusStories) -> None:
    """Write the stories, then the header, then delete the earlier stories of the place."""
    key = where.key
    for term, stats in stories.stats.items():
        cache.keep("story_terms", _row(key, term), _dump([stats.frequency, stats.postings]))
    for index, member in enumerate(stories.entries):
        cache.keep("story_members", _row(key, str(index)), _dump(_member_row(member)))
    for index, topic in enumerate(stories.topics):
        row = [topic.topic.model_dump(mode="json"), topic.members]
        cache.keep("story_topics", _row(key, str(index)), _dump(row))
    cache.flush()
    cache.keep("stories", key, _dump([stories.size, len(stories.topics), where.place]))
    cache.flush()
    for old in cache.keys("stories"):
        if old != key and _place_of(cache, old) in (where.place, None):
            _forget(cache, old)  # an earlier state, or stories of a format no key reaches


def _place_of(cache: FactCache, key: str) -> str | None:
    header = cache.value("stories", key)
    values = json.loads(header) if header is not None else []
    return values[2] if len(values) > 2 else None


def _forget(cache: FactCache, key: str) -> None:
    """Delete the header first: rows without a header are never read."""
    cache.drop("stories", key, key + "\0")
    for table in ("story_terms", "story_members", "story_topics"):
        cache.drop(table, key + SEPARATOR, key + chr(ord(SEPARATOR) + 1))


def stored_stories(cache: FactCache, where: StoriesKey) -> StoredStories | None:
    header = cache.value("stories", where.key)
    if header is None:
        return None
    size, topics = json.loads(header)[:2]
    return StoredStories(cache, where.key, size, topics)


class StoredStories:
    """Stories kept by keep_stories, read from the cache row by row (a StoryLookup). A row
    missing or damaged (the cache was edited) raises StoriesDamaged."""

    def __init__(self, cache: FactCache, key: str, size: int, topics: int) -> None:
        self._cache = cache
        self._key = key
        self.size = size
        self.topic_count = topics

    def terms(self, terms: Iterable[str]) -> dict[str, TermStats]:
        found = {}
        for term in terms:
            blob = self._cache.value("story_terms", _row(self._key, term))
            if blob is not None:
                frequency, postings = json.loads(blob)
                found[term] = TermStats(frequency, None if postings is None else tuple(postings))
        return found

    def members(self, indices: Iterable[int]) -> dict[int, StoryMember]:
        return {index: _member(self._required("story_members", index)) for index in indices}

    def topic(self, index: int) -> StoryTopic:
        topic, members = json.loads(self._required("story_topics", index))
        return StoryTopic(Topic.model_validate(topic), tuple(members))

    def _required(self, table: str, index: int) -> bytes:
        blob = self._cache.value(table, _row(self._key, str(index)))
        if blob is None:
            raise StoriesDamaged(f"{table} row {index} of stories {self._key[:12]} is missing")
        return blob


class StoriesDamaged(Exception):
    """Kept stories that cannot be read whole: the corpus is clustered again."""


def _row(key: str, own: str) -> str:
    return f"{key}{SEPARATOR}{own}"


def _dump(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


def _member_row(member: StoryMember) -> list[object]:
    day = member.day.isoformat() if member.day else None
    return [member.id, member.path, day, member.topic, member.topic_size, member.vector]


def _member(blob: bytes) -> StoryMember:
    aid, path, day, topic, size, vector = json.loads(blob)
    return StoryMember(aid, path, date.fromisoformat(day) if day else None, topic, size, vector)
