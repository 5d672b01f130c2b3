"""Topics from a mixed set of articles: one topic per story (event), found by clustering.

Runs after extraction on what the articles already hold: text, title, publication date and
the subjects/products of their facts. Two articles are about the same story when they share
rare names and words *and* were published close together:

    similarity(a, b) = cosine(a, b) * recency(|date(a) - date(b)|)

- ``cosine`` is taken between TF-IDF vectors of content words and proper names: a name (a
  word the article only ever writes capitalized, or a fact's subject or product) weighs
  ``NAME_BOOST`` times a common word, and a title word counts ``TITLE_BOOST`` times. Inverse
  document frequency is computed over at least ``MIN_COLLECTION`` documents, so in a small set
  (five articles on one story) the words they all share still count.
- ``recency`` is 1 for articles of the same day and ``1 / (1 + days / DATE_SCALE)`` otherwise
  (0.5 a month apart, 0.08 a year apart); without two full dates it is 1. It is what keeps
  "Apple launches 3G iPhone" (2008) and "Apple launches new, faster iPhone" (2009) apart.

Linkage is average linkage over the sparse similarity graph: the two topics with the highest
mean pairwise similarity (a pair that is not a candidate counts 0) merge while that mean is
at least ``THRESHOLD``. Averaging, unlike single linkage, asks a topic's articles to be
similar on the whole, so one chain of similar pairs (A like B, B like C) does not join A and C.
It still joins daily reports on one running subject a few days apart (docs/evaluation.md).

Cost: candidate pairs come from an inverted index on each article's ``INDEX_TERMS`` heaviest
terms. A term found in more than ``MAX_POSTINGS`` articles is too common to mark a story,
unless few articles of the same weeks use it: in an archive of years a company's name is in
hundreds of articles, but in a few dozen within a month of one story, so such a term still
pairs the articles dated within ``WINDOW_DAYS`` windows of each other (the article's window
and the two beside it) when those hold at most ``MAX_POSTINGS``. So there are at most
n * INDEX_TERMS * MAX_POSTINGS pairs: linear in the number of articles n, never all n^2
pairs. Merging keeps a heap of topic pairs, O(E log E) for E candidate pairs. Everything is
ordered by article id, never by input order, so the same articles give the same topics and
ids whatever order they are read in.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from checker.models import Article, Fact, Topic


class TopicMode(StrEnum):
    """How `checker check` forms topics: one per folder given, or one per story found."""

    folder = "folder"
    auto = "auto"


THRESHOLD = 0.12  # mean similarity two topics need to merge (see docs/evaluation.md)
DATE_SCALE = 30.0  # days at which recency halves
NAME_BOOST = 2.0
TITLE_BOOST = 3
MIN_COLLECTION = 50
INDEX_TERMS = 25
MAX_POSTINGS = 50
WINDOW_DAYS = 30  # date windows in which a term common across the whole collection may be rare
ID_TERMS = 3  # characteristic terms that make an auto topic id

TOKEN = re.compile(r"[^\W\d_][\w&'’-]*[^\W_]|[^\W\d_]")
POSSESSIVE = re.compile(r"['’]s?$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Function words and the vocabulary every news story uses: they say nothing about which story.
STOPWORDS = frozenset(
    """a about above according across after again against ago all almost along already also
    although always am among an and another any are around as at back be because been before
    being below between both but by can could did do does doing done down during each either
    else even ever every few first for from further had has have having he her here hers him
    his how however i if in into is it its itself just last later least less like made make
    many may me might more most much must my near need new next no nor not now of off on once
    one only or other others our out over own per percent perhaps rather said same say says
    second several she should since so some still such than that the their them then there
    these they this those though three through to today told too two under until up upon us
    very was we were what when where whether which while who whom whose why will with within
    without would year years yesterday yet you your week weeks month months day days monday
    tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december news report reported reports according
    statement added including people time company companies million billion thousand
    mr mrs ms""".split()
)


@dataclass
class Document:
    """One article as the clustering sees it: a unit TF-IDF vector and a date."""

    id: str
    title: str | None
    day: date | None
    counts: Counter[str] = field(default_factory=Counter)
    names: set[str] = field(default_factory=set)
    surface: dict[str, str] = field(default_factory=dict)
    vector: dict[str, float] = field(default_factory=dict)


def cluster_topics(articles: list[Article], facts: dict[str, list[Fact]]) -> list[Topic]:
    """One topic per story among ``articles``; ``facts`` are each article's facts by id."""
    docs = sorted((document(a, facts.get(a.id, [])) for a in articles), key=lambda d: d.id)
    weigh(docs)
    return cluster_documents(docs)


def cluster_documents(docs: list[Document]) -> list[Topic]:
    """The topics of weighed documents (sorted by id), in topic id order."""
    similarities = _similarities(docs)
    groups = _average_linkage(len(docs), similarities)
    return _topics(docs, groups, similarities)


# ---------------------------------------------------------------------------------------------
# Terms


def document(article: Article, facts: list[Fact]) -> Document:
    """An article's terms, counted and marked as names; weighed later (weigh)."""
    doc = Document(article.id, article.info.title, _day(article.info.published))
    capitalized, lowered = _count_words(article.text, doc)
    # A name is a word the article never writes in lower case ('Harbourline', not 'Shares'
    # opening a sentence), or a word of a fact's subject or product.
    doc.names = {k for k in capitalized if k not in lowered}
    doc.names |= _entity_words(facts) & set(doc.counts)
    _merge_plurals(doc)
    _add_title(doc)
    return doc


def _words(text: str) -> Iterator[tuple[str, str]]:
    """(word as written without a possessive, its key) for every word worth counting."""
    for token in TOKEN.findall(text):
        word = POSSESSIVE.sub("", token)
        key = word.lower()
        if len(key) > 1 and key not in STOPWORDS:
            yield word, key


def _count_words(text: str, doc: Document) -> tuple[set[str], set[str]]:
    capitalized: set[str] = set()
    lowered: set[str] = set()
    for word, key in _words(text):
        if word[0].isupper():
            capitalized.add(key)
            doc.surface.setdefault(key, word)
        else:
            lowered.add(key)
        doc.counts[key] += 1
    return capitalized, lowered


def _entity_words(facts: list[Fact]) -> set[str]:
    return {key for f in facts for _, key in _words(f"{f.subject or ''} {f.item or ''}")}


def _merge_plurals(doc: Document) -> None:
    """'airlines' and 'airline' are one word; names stay as written ('Jobs' is not 'job')."""
    for key in [k for k in doc.counts if k not in doc.names]:
        stem = _stem(key)
        if stem != key:
            doc.counts[stem] += doc.counts.pop(key)


def _add_title(doc: Document) -> None:
    """A headline names the story: its words count TITLE_BOOST times more."""
    for word, key in _words(doc.title or ""):
        key = key if key in doc.names else _stem(key)
        doc.counts[key] += TITLE_BOOST
        if word[0].isupper():
            doc.surface.setdefault(key, word)


def _stem(word: str) -> str:
    """A light plural strip: enough to match 'airlines' with 'airline', never a full stemmer."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _day(published: str | None) -> date | None:
    return date.fromisoformat(published) if published and FULL_DATE.match(published) else None


def weigh(docs: list[Document]) -> None:
    """Unit TF-IDF vectors over ``docs`` themselves (see weigh_in)."""
    df = Counter(term for doc in docs for term in doc.counts)
    for doc in docs:
        weigh_in(doc, df, len(docs))


def weigh_in(doc: Document, df: Mapping[str, int], documents: int) -> None:
    """The unit TF-IDF vector of ``doc`` in a collection of ``documents`` where ``df`` gives
    each term's document frequency: sublinear term frequency, smoothed idf, names boosted."""
    collection = max(documents, MIN_COLLECTION)
    weights = {
        term: (1 + math.log(count))
        * (math.log((collection + 1) / (df.get(term, 0) + 1)) + 1)
        * (NAME_BOOST if term in doc.names else 1.0)
        for term, count in doc.counts.items()
    }
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    doc.vector = {term: w / norm for term, w in weights.items()}


# ---------------------------------------------------------------------------------------------
# Similarity


Pair = tuple[int, int]


def _similarities(docs: list[Document]) -> dict[Pair, float]:
    """Similarity of every candidate pair (i < j) that is above zero."""
    postings: dict[str, list[int]] = defaultdict(list)
    windowed: dict[tuple[str, int], list[int]] = defaultdict(list)
    for index, doc in enumerate(docs):
        window = date_window(doc.day)
        for term in doc.vector:
            postings[term].append(index)
            if window is not None:
                windowed[(term, window)].append(index)
    similarities: dict[Pair, float] = {}
    for index, doc in enumerate(docs):
        for other in _candidates(index, doc, postings, windowed):
            pair = (min(index, other), max(index, other))
            if pair not in similarities:
                similarities[pair] = cosine(docs[pair[0]].vector, docs[pair[1]].vector) * recency(
                    docs[pair[0]].day, docs[pair[1]].day
                )
    return {pair: s for pair, s in similarities.items() if s > 0}


def date_window(day: date | None) -> int | None:
    """The WINDOW_DAYS window a date falls in (None without a full date)."""
    return None if day is None else day.toordinal() // WINDOW_DAYS


def _candidates(
    index: int,
    doc: Document,
    postings: dict[str, list[int]],
    windowed: dict[tuple[str, int], list[int]],
) -> Iterable[int]:
    heaviest = sorted(doc.vector, key=lambda t: (-doc.vector[t], t))[:INDEX_TERMS]
    window = date_window(doc.day)
    for term in heaviest:
        holders = postings[term]
        if len(holders) > MAX_POSTINGS:
            if window is None:
                continue
            holders = [i for w in (window - 1, window, window + 1)
                       for i in windowed.get((term, w), ())]  # fmt: skip
            if len(holders) > MAX_POSTINGS:
                continue
        yield from (other for other in holders if other != index)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two unit vectors: the sum over the smaller one's terms."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return sum(w * large.get(term, 0.0) for term, w in small.items())


def recency(a: date | None, b: date | None) -> float:
    if a is None or b is None:
        return 1.0
    return 1.0 / (1.0 + abs((a - b).days) / DATE_SCALE)


# ---------------------------------------------------------------------------------------------
# Linkage


def _average_linkage(count: int, similarities: dict[Pair, float]) -> list[list[int]]:
    """Groups of document indices; merges the closest pair of groups (by mean similarity)
    while it reaches THRESHOLD. Ties go to the pair with the smallest member indices."""
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    links: dict[int, dict[int, float]] = defaultdict(dict)  # group -> group -> summed similarity
    for (a, b), value in similarities.items():
        links[a][b] = links[b][a] = value
    heap = [(-value, a, b) for (a, b), value in similarities.items()]
    heapq.heapify(heap)
    next_id = count
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one side was merged since this pair was pushed
        if -negative < THRESHOLD:
            break
        merged, next_id = next_id, next_id + 1
        members[merged] = sorted(members.pop(a) + members.pop(b))
        for old in (a, b):
            for neighbour, value in links.pop(old).items():
                links[neighbour].pop(old, None)
                if neighbour in (a, b):
                    continue
                links[merged][neighbour] = links[merged].get(neighbour, 0.0) + value
        for neighbour, total in sorted(links[merged].items()):
            links[neighbour][merged] = total
            mean = total / (len(members[merged]) * len(members[neighbour]))
            first, second = sorted((merged, neighbour), key=lambda g: members[g][0])
            heapq.heappush(heap, (-mean, first, second))
    return sorted(members.values())


# ---------------------------------------------------------------------------------------------
# Titles and ids


def _topics(
    docs: list[Document], groups: list[list[int]], similarities: dict[Pair, float]
) -> list[Topic]:
    named: list[tuple[str, str, list[str], list[str]]] = []
    for group in groups:
        terms = _characteristic_terms(docs, group)
        central = _most_central(docs, group, similarities)
        title = docs[central].title or ", ".join(terms) or docs[central].id
        named.append((_slug(terms[:ID_TERMS]) or _slug([docs[central].id]), title, terms,
                      [docs[i].id for i in group]))  # fmt: skip
    seen: Counter[str] = Counter()
    topics = []
    for slug, title, terms, ids in named:  # groups are in order of their first article id
        seen[slug] += 1
        topic_id = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
        topics.append(Topic(id=topic_id, title=title, articles=ids, terms=terms))
    return sorted(topics, key=lambda t: t.id)


def _characteristic_terms(docs: list[Document], group: list[int], limit: int = 6) -> list[str]:
    """The group's heaviest terms, shared ones first: summed weight times the share of
    members that use the term. Written as the articles most often write them."""
    score: Counter[str] = Counter()
    holders: Counter[str] = Counter()
    for index in group:
        for term, weight in docs[index].vector.items():
            score[term] += weight
            holders[term] += 1
    ranked = sorted(score, key=lambda t: (-score[t] * holders[t] / len(group), t))[:limit]
    return [_surface(docs, group, term) for term in ranked]


def _surface(docs: list[Document], group: list[int], term: str) -> str:
    forms = Counter(docs[i].surface[term] for i in group if term in docs[i].surface)
    return min(forms, key=lambda f: (-forms[f], f)) if forms else term


def _most_central(docs: list[Document], group: list[int], similarities: dict[Pair, float]) -> int:
    """The member most similar to the others (ties: smallest id), whose title names the topic."""

    def centrality(index: int) -> float:
        return sum(similarities.get((min(index, o), max(index, o)), 0.0) for o in group)

    return min(group, key=lambda i: (-centrality(i), docs[i].id))


def _slug(words: list[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return slug[:60].rstrip("-")
