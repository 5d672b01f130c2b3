"""A corpus's stories, kept so that new articles can be placed in them without clustering the
corpus again (`checker check NEW --against CORPUS --topics auto`).

The corpus is clustered on its own (checker.topics), once per state of its files, and what a
new article needs to find its story is kept: each term's document frequency, the postings of
the rare terms (those in at most ``MAX_POSTINGS`` articles, the only ones clustering pairs
articles by) and, for a common term, its postings in each date window (checker.topics: a term
in hundreds of articles over years may be in a few dozen within a month), each article's unit
vector, date and topic, and the topics.

A new article is weighed with the corpus's document frequencies (the corpus and the article
itself), compared with every corpus article that shares one of its rare terms (or a term
rare among the articles of its date window and the two beside it), and joins the
story whose articles it is most similar to on average, if that mean reaches the
``THRESHOLD`` at which average linkage merges two topics: the test clustering would apply to
merge the article, as a topic of one, with that story. Otherwise it is in no corpus story.
The corpus's stories are never reshaped by a new source: gating asks how the new article
stands against the reference as it is.

Cost: placing an article reads the rows of its own terms and of the articles sharing a rare
term with it, at most terms * MAX_POSTINGS; never the whole corpus. So `StoryLookup` has two
implementations: the stories just clustered (in memory) and the stories kept in the cache
(checker.cache.StoredStories), read row by row.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from checker.models import Article, Fact, Topic
from checker.topics import (
    MAX_POSTINGS,
    THRESHOLD,
    Document,
    cluster_documents,
    cosine,
    date_window,
    document,
    recency,
    weigh,
    weigh_in,
)


@dataclass(frozen=True)
class StoryMember:
    """A corpus article as placing needs it: where it was read from (to read it again when
    its story is checked), its date, its topic (an index into the topics) and its vector."""

    id: str
    path: str
    day: date | None
    topic: int
    topic_size: int
    vector: dict[str, float]


@dataclass(frozen=True)
class StoryTopic:
    """A corpus topic and the indices of its articles."""

    topic: Topic
    members: tuple[int, ...]


@dataclass(frozen=True)
class TermStats:
    """How many corpus articles hold a term, and which ones when they are few enough to
    mark a story (None for a common term)."""

    frequency: int
    postings: tuple[int, ...] | None


class StoryLookup(Protocol):
    """The kept stories of a corpus, read by term, by article and by topic."""

    size: int  # corpus articles

    def terms(self, terms: Iterable[str]) -> dict[str, TermStats]:
        """The stats of those of ``terms`` the corpus holds."""

    def members(self, indices: Iterable[int]) -> dict[int, StoryMember]:
        """Corpus articles by their index (articles are indexed in id order)."""

    def topic(self, index: int) -> StoryTopic:
        """One corpus topic by its index (topics are indexed in id order)."""


@dataclass
class CorpusStories:
    """The stories of a corpus just clustered, with everything placing reads (StoryLookup)."""

    size: int
    stats: dict[str, TermStats]
    entries: list[StoryMember]
    topics: list[StoryTopic]

    def terms(self, terms: Iterable[str]) -> dict[str, TermStats]:
        return {term: self.stats[term] for term in terms if term in self.stats}

    def members(self, indices: Iterable[int]) -> dict[int, StoryMember]:
        return {index: self.entries[index] for index in indices}

    def topic(self, index: int) -> StoryTopic:
        return self.topics[index]


def corpus_stories(docs: list[Document], path_of: dict[str, str]) -> CorpusStories:
    """Cluster the corpus's documents (checker.topics.document, not weighed yet; ``path_of``
    gives each one's file) and keep what placing a new article reads."""
    docs = sorted(docs, key=lambda d: d.id)
    weigh(docs)
    topics = cluster_documents(docs)
    topic_of = {aid: index for index, topic in enumerate(topics) for aid in topic.articles}
    holders: dict[str, list[int]] = defaultdict(list)
    windowed: dict[str, list[int]] = defaultdict(list)
    for index, doc in enumerate(docs):
        window = date_window(doc.day)
        for term in doc.counts:
            holders[term].append(index)
            if window is not None:
                windowed[window_term(term, window)].append(index)
    stats = {term: _stats(held) for term, held in holders.items()}
    for key, held in windowed.items():  # kept for the terms too common across the corpus
        if stats[key.partition(WINDOW_MARK)[0]].postings is None:
            stats[key] = _stats(held)
    entries = [
        StoryMember(d.id, path_of[d.id], d.day, topic_of[d.id],
                    len(topics[topic_of[d.id]].articles), d.vector)
        for d in docs
    ]  # fmt: skip
    index_of = {d.id: index for index, d in enumerate(docs)}
    kept = [StoryTopic(t, tuple(index_of[aid] for aid in t.articles)) for t in topics]
    return CorpusStories(len(docs), stats, entries, kept)


WINDOW_MARK = "@"  # between a term and its date window; no term holds one (checker.topics)


def window_term(term: str, window: int) -> str:
    return f"{term}{WINDOW_MARK}{window}"


def _stats(held: list[int]) -> TermStats:
    return TermStats(len(held), tuple(held) if len(held) <= MAX_POSTINGS else None)


def placed_story(article: Article, facts: list[Fact], stories: StoryLookup) -> int | None:
    """The index of the corpus topic ``article`` joins, or None when it joins none."""
    doc = document(article, facts)
    stats = stories.terms(doc.counts)
    frequencies = Counter({term: s.frequency for term, s in stats.items()})
    frequencies.update(doc.counts.keys())  # the article is one of the collection now
    weigh_in(doc, frequencies, stories.size + 1)
    candidates = sorted(_candidates(doc.day, stats, stories))
    totals: dict[int, float] = defaultdict(float)
    sizes: dict[int, int] = {}
    for member in stories.members(candidates).values():
        totals[member.topic] += cosine(doc.vector, member.vector) * recency(doc.day, member.day)
        sizes[member.topic] = member.topic_size
    best: tuple[float, int] | None = None
    for index in sorted(totals):  # ties go to the first topic in id order
        mean = totals[index] / sizes[index]
        if mean >= THRESHOLD and (best is None or mean > best[0]):
            best = (mean, index)
    return None if best is None else best[1]


def _candidates(day: date | None, stats: dict[str, TermStats], stories: StoryLookup) -> set[int]:
    """The corpus articles sharing a rare term with the article, or a common term rare among
    the articles of its date window and the two beside it (as checker.topics pairs them)."""
    found = {i for s in stats.values() if s.postings for i in s.postings}
    window = date_window(day)
    common = sorted(term for term, s in stats.items() if s.postings is None)
    if window is None or not common:
        return found
    near = stories.terms(
        window_term(t, w) for t in common for w in (window - 1, window, window + 1)
    )
    for term in common:
        rows = [near[k] for w in (window - 1, window, window + 1)
                if (k := window_term(term, w)) in near]  # fmt: skip
        if sum(row.frequency for row in rows) <= MAX_POSTINGS:
            found.update(i for row in rows for i in row.postings or ())
    return found
