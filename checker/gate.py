"""Gating a new source: check new articles against an existing corpus and keep only the
findings that involve them (`checker check NEW --against CORPUS`).

The new articles join the corpus's topic (with --topics auto, whichever of its stories they
are clustered into); a topics.yaml in the corpus folder still applies. A new file that lies
inside the corpus folder counts as new, not twice.
"""

from __future__ import annotations

from pathlib import Path

from checker.ingest import load_articles
from checker.models import Article, Report, Topic
from checker.pipeline import (
    Config,
    assign_topics,
    check_articles,
    extract_all,
    topic_id,
    unique_ids,
)
from checker.report.subset import keep_findings
from checker.topics import TopicMode, cluster_topics
from checker.topicsfile import apply_topics_file, topics_files


def check_against(
    new_paths: list[str],
    corpus: str,
    config: Config,
    topics: TopicMode = TopicMode.folder,
    topics_file: Path | None = None,
) -> tuple[Report, list[Article]]:
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
    for naming in topics_files([corpus], topics_file):
        grouped = apply_topics_file(naming, grouped, articles)
    report = check_articles(articles, grouped, config, extracted)
    article_of = {f.id: f.article for f in report.facts}
    return keep_findings(
        report, lambda f: any(article_of.get(i) in new_ids for i in f.facts)
    ), articles


def _join_corpus_topic(corpus_topics: list[Topic], new_ids: list[str], corpus: str) -> list[Topic]:
    """The corpus folder is one topic; the new articles become part of it."""
    if not corpus_topics:  # the corpus held only the new articles
        name = Path(corpus).resolve().name
        return [Topic(id=topic_id(name), title=name, articles=new_ids)]
    first, *rest = corpus_topics
    return [first.model_copy(update={"articles": [*first.articles, *new_ids]}), *rest]
