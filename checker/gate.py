"""Gating a new source: check new articles against an existing corpus and keep only the
findings that involve them (`checker check NEW --against CORPUS`).

With folder topics the new articles join the corpus's topic. With --topics auto the corpus is
clustered on its own into stories (kept in the cache, checker.stories and
checker.storystore), each new article joins the story it is most similar to, and only the
stories that gained a new article are checked: with a warm cache, gating against 100,000
articles reads their file metadata and a few hundred cache rows, not the corpus. New
articles that join no story are clustered among themselves. A topics.yaml (in the corpus
folder or --topics-file) names topics of the whole set, so with one, the corpus and the new
articles are clustered together instead. A new file that lies inside the corpus folder counts
as new, not twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from checker import snapshot
from checker.errors import InputError
from checker.files import SourceFile
from checker.ingest import load_articles, read_source
from checker.models import Article, Fact, Report, Topic
from checker.pipeline import (
    Config,
    assign_topics,
    check_articles,
    extract_all,
    topic_id,
    unique_ids,
)
from checker.report.subset import keep_findings
from checker.snapshot import look_ahead, resolved
from checker.stories import StoryLookup, StoryTopic, corpus_stories, placed_story
from checker.storystore import StoriesDamaged, keep_stories, stored_stories, stories_key
from checker.topics import Document, TopicMode, cluster_topics, document
from checker.topicsfile import apply_topics_file, topics_files

FACT_CHUNK = 2_000  # corpus articles whose facts are held at once while clustering


def check_against(
    new_paths: list[str],
    corpus: str,
    config: Config,
    topics: TopicMode = TopicMode.folder,
    topics_file: Path | None = None,
) -> tuple[Report, list[Article]]:
    naming = topics_files([corpus], topics_file)
    if topics is TopicMode.auto and not naming:
        return _check_against_stories(new_paths, corpus, config)
    new = load_articles(new_paths, config.ingest, config.cache)
    new_files = {Path(a.info.path).resolve() for a in new}
    corpus_articles = load_articles([corpus], config.ingest, config.cache)
    known = [a for a in corpus_articles if Path(a.info.path).resolve() not in new_files]
    articles = unique_ids([*known, *new])
    new_ids = {a.id for a in articles[len(known) :]}
    extracted = extract_all(articles, config)
    if topics is TopicMode.auto:
        grouped = cluster_topics(articles, extracted)
    else:
        grouped = _join_corpus_topic(assign_topics([corpus], known), sorted(new_ids), corpus)
    for names in naming:
        grouped = apply_topics_file(names, grouped, articles)
    report = check_articles(articles, grouped, config, extracted)
    return _involving(report, new_ids), articles


def _involving(report: Report, new_ids: set[str]) -> Report:
    article_of = {f.id: f.article for f in report.facts}
    return keep_findings(report, lambda f: any(article_of.get(i) in new_ids for i in f.facts))


def _check_against_stories(
    new_paths: list[str], corpus: str, config: Config
) -> tuple[Report, list[Article]]:
    """--topics auto: each new article joins its story among the corpus's (or none), and only
    the stories with a new article are checked."""
    new = load_articles(new_paths, config.ingest, config.cache)
    new_files = frozenset(resolved(Path(a.info.path)) for a in new)
    if config.cache is not None:  # the corpus's files are looked at while the new are extracted
        look_ahead(corpus, new_files)
    new_facts = extract_all(new, config)
    fingerprint = snapshot.fingerprint(corpus, new_files) if config.cache else None
    try:
        stories = corpus_stories_of(corpus, new_files, config, fingerprint)
        placed = _placed(new, new_facts, stories, corpus, config)
    except StoriesDamaged:  # the cache was edited under us: cluster the corpus again
        stories = corpus_stories_of(corpus, new_files, config, fingerprint, reuse=False)
        placed = _placed(new, new_facts, stories, corpus, config)
    articles = unique_ids([*placed.members, *new])
    known, fresh = articles[: len(placed.members)], articles[len(placed.members) :]
    extracted = extract_all(articles, config)
    grouped = _stories_with_new(placed, known, fresh)
    alone = [a for a, home in zip(fresh, placed.homes, strict=True) if home is None]
    if alone:
        taken = {t.id for t in grouped}
        grouped += [_renamed(t, taken) for t in cluster_topics(alone, extracted)]
    report = check_articles(articles, sorted(grouped, key=lambda t: t.id), config, extracted)
    return _involving(report, {a.id for a in fresh}), articles


@dataclass(frozen=True)
class _Placed:
    """Where new articles went: each one's story (an index, or None), the stories that
    gained one (in index order) and the corpus articles of those stories (story by story)."""

    homes: list[int | None]
    stories: list[StoryTopic]
    members: list[Article]


def _placed(
    new: list[Article], facts: dict[str, list[Fact]], stories: StoryLookup, corpus: str,
    config: Config,
) -> _Placed:  # fmt: skip
    homes = [placed_story(article, facts[article.id], stories) for article in new]
    joined = [stories.topic(index) for index in sorted({h for h in homes if h is not None})]
    wanted = [index for story in joined for index in story.members]
    return _Placed(homes, joined, _corpus_articles(stories, wanted, corpus, config))


def _corpus_articles(
    stories: StoryLookup, indices: list[int], corpus: str, config: Config
) -> list[Article]:
    """The corpus articles at ``indices``, read again from their files (the cache knows their
    bytes, so they are not parsed again), in the order asked."""
    members = stories.members(indices)
    by_file: dict[str, list[str]] = {}
    for index in indices:
        by_file.setdefault(members[index].path, []).append(members[index].id)
    found: dict[str, Article] = {}
    root = Path(corpus)
    for path, ids in by_file.items():
        source = SourceFile(Path(path), root if root.is_dir() else Path(path), path)
        held = {a.id: a for a in read_source(source, config.ingest, config.cache)}
        for aid in ids:
            if aid not in held:
                raise InputError(f"article {aid!r} is no longer in this file; run again",
                                 path=path)  # fmt: skip
            found[aid] = held[aid]
    return [found[members[index].id] for index in indices]


def _stories_with_new(placed: _Placed, known: list[Article], fresh: list[Article]) -> list[Topic]:
    """Each story that gained new articles as a topic of its corpus articles and those; ids
    as unique_ids made them (``known`` is ``placed.members`` in order)."""
    topics = []
    start = 0
    for index, story in zip(sorted({h for h in placed.homes if h is not None}), placed.stories,
                            strict=True):  # fmt: skip
        ids = [a.id for a in known[start : start + len(story.members)]]
        start += len(story.members)
        ids += [a.id for a, home in zip(fresh, placed.homes, strict=True) if home == index]
        topics.append(story.topic.model_copy(update={"articles": ids}))
    return topics


def _renamed(topic: Topic, taken: set[str]) -> Topic:
    """A topic of new articles alone, its id kept apart from the corpus stories' ids."""
    name, number = topic.id, 1
    while name in taken:
        number += 1
        name = f"{topic.id}-{number}"
    taken.add(name)
    return topic.model_copy(update={"id": name})


def corpus_stories_of(
    corpus: str,
    leave_out: frozenset[Path],
    config: Config,
    fingerprint: str | None = None,
    reuse: bool = True,
) -> StoryLookup:
    """The stories of the corpus (its articles but those in ``leave_out``): kept in the cache
    under the ``fingerprint`` of its files (checker.snapshot), or clustered
    now (and kept, when there is a cache and a fingerprint)."""
    cache, options = config.cache, config.ingest
    key = None
    if cache is not None and fingerprint is not None:
        key = stories_key(cache, corpus, fingerprint, options.max_bytes, options.keep_going)
        stored = stored_stories(cache, key) if reuse else None
        if stored is not None:
            return stored
    read = load_articles([corpus], options, cache)
    known = unique_ids([a for a in read if resolved(Path(a.info.path)) not in leave_out])
    stories = corpus_stories(_documents(known, config), {a.id: a.info.path for a in known})
    if cache is not None and key is not None:
        keep_stories(cache, key, stories)
    return stories


def _documents(articles: list[Article], config: Config) -> list[Document]:
    """Each article as clustering sees it, its facts read FACT_CHUNK articles at a time, so
    that a large corpus's facts are never all held at once (only their names are kept)."""
    docs: list[Document] = []
    for start in range(0, len(articles), FACT_CHUNK):
        chunk = articles[start : start + FACT_CHUNK]
        facts = extract_all(chunk, _offset_progress(config, start, len(articles)))
        docs.extend(document(article, facts[article.id]) for article in chunk)
    return docs


def _offset_progress(config: Config, done_before: int, total: int) -> Config:
    """``config`` reporting a chunk's progress as progress through the whole corpus."""
    outer = config.progress
    if outer is None:
        return config
    return replace(config, progress=lambda done, _: outer(done_before + done, total))


def _join_corpus_topic(corpus_topics: list[Topic], new_ids: list[str], corpus: str) -> list[Topic]:
    """The corpus folder is one topic; the new articles become part of it."""
    if not corpus_topics:  # the corpus held only the new articles
        name = Path(corpus).resolve().name
        return [Topic(id=topic_id(name), title=name, articles=new_ids)]
    first, *rest = corpus_topics
    return [first.model_copy(update={"articles": [*first.articles, *new_ids]}), *rest]
