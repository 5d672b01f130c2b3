"""topics.yaml: the editor's word on topics: give a topic a title, merge topics, or make a
topic of chosen articles. Validated against checker/schemas/topics.schema.json with
`path:line: message` errors, like rule files.

    topics:
      - topic: general-motors-bankruptcy     # a topic id of the run: give it a title
        title: GM files for bankruptcy
      - topic: [dow-jones-fall, dow-jones-fall-2]   # several ids: merge them into one topic
        title: October 2008 market crash
        id: october-2008-crash              # optional; default: a slug of the title
      - articles: [gm/127226.txt, gm/127227.txt]   # these articles, out of their topics
        title: GM bankruptcy filing

A file named topics.yaml inside a folder given on the command line (or beside a file given)
applies to the run, as does one given with --topics-file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from checker.errors import CheckerError
from checker.models import Article, Topic
from checker.yamlsource import YamlDocument, load_yaml, packaged_schema, validate

TOPICS_FILE_NAME = "topics.yaml"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class TopicEntry(BaseModel):
    """One topic of the output: an existing topic (or several, merged) or chosen articles."""

    model_config = ConfigDict(
        extra="forbid",
        title="Topic entry",
        json_schema_extra={"oneOf": [{"required": ["topic"]}, {"required": ["articles"]}]},
    )

    title: str = Field(min_length=1, title="Title", description="The topic's title in reports.")
    id: str | None = Field(
        default=None,
        pattern=SLUG_PATTERN,
        title="Id",
        description="The topic's id (lowercase words joined by '-'); default: the one topic's "
        "own id, else a slug of the title.",
    )
    topic: str | Annotated[list[str], Field(min_length=1)] | None = Field(
        default=None,
        title="Topic",
        description="Id of a topic the run produced, or a list of ids to merge into one.",
    )
    articles: list[str] | None = Field(
        default=None,
        min_length=1,
        title="Articles",
        description="Article ids (paths relative to the folder given) that form this topic.",
    )


class TopicsFile(BaseModel):
    """topics.yaml: titles and merges for the topics of a run."""

    model_config = ConfigDict(extra="forbid", title="checker topics file")

    topics: list[TopicEntry] = Field(title="Topics", description="One entry per named topic.")


def topics_files(paths: list[str], given: Path | None) -> list[YamlDocument]:
    """The --topics-file, else every topics.yaml in (or beside) the inputs, validated."""
    if given is not None:
        if not given.is_file():
            raise CheckerError("topics file does not exist", path=str(given))
        return [_load(given)]
    return [_load(path) for path in _beside(paths)]


def _beside(paths: list[str]) -> list[Path]:
    found = set()
    for given in paths:
        folder = Path(given) if Path(given).is_dir() else Path(given).parent
        candidate = folder / TOPICS_FILE_NAME
        if candidate.is_file():
            found.add(candidate)
    return sorted(found)


def _load(path: Path) -> YamlDocument:
    document = load_yaml(path)
    _require_topic_or_articles(document)
    validate(document, packaged_schema("topics.schema.json"))
    return document


def _require_topic_or_articles(document: YamlDocument) -> None:
    """Say plainly what the schema's oneOf would report as 'not valid under any schema'."""
    entries = document.data.get("topics") if isinstance(document.data, dict) else None
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and ("topic" in entry) == ("articles" in entry):
            problem = "not both" if "topic" in entry else "one of them is required"
            raise document.error(
                f"topics/{index}: give either 'topic' (topic ids) or 'articles' (article ids), "
                f"{problem}",
                ("topics", index),
            )


def apply_topics_file(
    document: YamlDocument, topics: list[Topic], articles: list[Article]
) -> list[Topic]:
    """``topics`` with the file's titles and merges applied, sorted by id."""
    spec = TopicsFile.model_validate(document.data)
    by_id = {t.id: t for t in topics}
    known_articles = {a.id for a in articles}
    claimed: dict[str, int] = {}  # article id -> entry index that took it
    named: list[Topic] = []
    for index, entry in enumerate(spec.topics):
        members = list(_entry_articles(document, index, entry, by_id, known_articles))
        for article in members:
            if article in claimed:
                raise document.error(f"article {article} is already in topics[{claimed[article]}]",
                                     ("topics", index))  # fmt: skip
            claimed[article] = index
        named.append(_named_topic(entry, members, by_id))
    remaining = [
        t.model_copy(update={"articles": [a for a in t.articles if a not in claimed]})
        for t in topics
    ]
    result = named + [t for t in remaining if t.articles]
    _require_unique_ids(document, result, len(named))
    return sorted(result, key=lambda t: t.id)


def _entry_articles(
    document: YamlDocument,
    index: int,
    entry: TopicEntry,
    by_id: dict[str, Topic],
    known_articles: set[str],
) -> Iterator[str]:
    if entry.articles is not None:
        for position, article in enumerate(entry.articles):
            if article not in known_articles:
                raise document.error(f"no article {article!r} in this run",
                                     ("topics", index, "articles", position))  # fmt: skip
            yield article
        return
    ids = [entry.topic] if isinstance(entry.topic, str) else entry.topic or []
    for position, topic_id in enumerate(ids):
        if topic_id not in by_id:
            inner = () if isinstance(entry.topic, str) else (position,)
            where = ("topics", index, "topic", *inner)
            known = ", ".join(sorted(by_id)[:8]) + (", ..." if len(by_id) > 8 else "")
            raise document.error(f"no topic {topic_id!r} in this run (topics: {known})", where)
        yield from by_id[topic_id].articles


def _named_topic(entry: TopicEntry, members: list[str], by_id: dict[str, Topic]) -> Topic:
    sources = [entry.topic] if isinstance(entry.topic, str) else entry.topic or []
    own_id = sources[0] if len(sources) == 1 else None
    terms = list(dict.fromkeys(term for tid in sources for term in by_id[tid].terms))
    return Topic(
        id=entry.id or own_id or _slug(entry.title),
        title=entry.title,
        articles=sorted(set(members)),
        terms=terms,
    )


def _require_unique_ids(document: YamlDocument, topics: list[Topic], named: int) -> None:
    seen: dict[str, int] = {}
    for index, topic in enumerate(topics):
        if topic.id in seen:
            entry = index if index < named else seen[topic.id]
            raise document.error(f"topic id {topic.id!r} is used twice; give this entry an id",
                                 ("topics", entry))  # fmt: skip
        seen[topic.id] = index


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].rstrip("-") or "topic"
