"""The run, end to end: articles -> topics -> facts -> findings -> Report.

This module only wires the stages together in their one direction; each stage lives in its
own module (ingest, extract, normalize, rules, report).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from checker import __version__
from checker.cache import FactCache
from checker.ingest import IngestOptions, load_articles
from checker.lexicons import CompiledLexicons, load_lexicons
from checker.models import Article, Fact, Report, Summary, ToolInfo, Topic
from checker.parallel import extract_here
from checker.rules import RuleContext, run_rules
from checker.rules.loader import default_rule_dirs, load_rules
from checker.rules.spec import RuleSpec
from checker.topics import TopicMode, cluster_topics
from checker.topicsfile import apply_topics_file, topics_files
from checker.units import DimensionMemo

Progress = Callable[[int, int], None]  # (articles extracted so far, articles in all)
# The map stage: the facts (with no topic) of each article the cache lacks, in the order given.
# checker.parallel runs it on several processes, checker.dask_engine on a Dask cluster.
Extractor = Callable[[list[Article], CompiledLexicons], Iterator[list[Fact]]]


@dataclass(frozen=True)
class Config:
    """What a run needs besides its articles: rules and lexicons, and optionally a fact cache,
    a callback told of extraction's progress and the engine that extracts (default: here)."""

    rules: list[RuleSpec]
    lexicons: CompiledLexicons
    cache: FactCache | None = None
    progress: Progress | None = None
    ingest: IngestOptions = field(default_factory=IngestOptions)
    extractor: Extractor = extract_here

    @classmethod
    def load(
        cls, extra_rule_dirs: list[Path] | None = None, memo: DimensionMemo | None = None
    ) -> Config:
        """The built-in rules and lexicons and those of ``extra_rule_dirs``; ``memo`` may
        know the dimensions of the lexicons' pint units (then pint is not imported)."""
        dirs = default_rule_dirs(extra_rule_dirs)
        lexicons = load_lexicons(dirs, memo)
        return cls(rules=load_rules(dirs, lexicons.source.predicates), lexicons=lexicons)


def topic_id(name: str) -> str:
    """A safe, stable topic id from a folder name."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:60] or "topic"


def assign_topics(paths: list[str], articles: list[Article]) -> list[Topic]:
    """One topic per folder given; loose files given directly form one topic together."""
    root_of = _RootFinder(paths)
    named: dict[str, tuple[str, str]] = {}  # root -> (topic id, title), worked out once per root
    topics: dict[str, tuple[str, list[str]]] = {}
    for article in articles:
        root = root_of(article.info.path)
        if root not in named:
            name = Path(root).name if Path(root).is_dir() else "articles"
            named[root] = (topic_id(name if name not in ("", ".") else Path.cwd().name), name)
        tid, name = named[root]
        topics.setdefault(tid, (name, []))[1].append(article.id)
    return [
        Topic(id=tid, title=title, articles=ids) for tid, (title, ids) in sorted(topics.items())
    ]


class _RootFinder:
    """The first path given (in command-line order) that is an article's path or a folder
    above it. Looked up by the article path's own prefixes, so the cost is the length of the
    path, not the number of paths given (20,000 topic folders at 100,000 articles)."""

    def __init__(self, paths: list[str]) -> None:
        self._exact: dict[str, int] = {}
        self._folders: dict[str, int] = {}  # root without trailing slashes -> its position
        for index, root in enumerate(paths):
            self._exact.setdefault(root, index)
            self._folders.setdefault(root.rstrip("/"), index)
        self._paths = paths

    def __call__(self, article_path: str) -> str:
        found = self._exact.get(article_path, len(self._paths))
        slash = article_path.find("/")
        while slash != -1:  # every prefix that ends before a "/" may be a folder given
            found = min(found, self._folders.get(article_path[:slash], len(self._paths)))
            slash = article_path.find("/", slash + 1)
        return self._paths[found] if found < len(self._paths) else article_path


def dateline_outlet(article: Article) -> str | None:
    """The outlet a wire dateline names, which extraction and the cache key depend on."""
    return (
        article.info.outlet if article.info.metadata_sources.get("outlet") == "dateline" else None
    )


def extract_facts(article: Article, topic: str, lexicons: CompiledLexicons) -> list[Fact]:
    # Imported here: compiling the extractor's patterns takes a tenth of a second, which a run
    # that finds every article in the cache does not need.
    from checker.extract import RawStatus, extract_article
    from checker.normalize import normalize, normalize_status

    dateline = dateline_outlet(article)
    return [
        normalize_status(raw, article.text, article.id, topic)
        if isinstance(raw, RawStatus)
        else normalize(raw, article.text, article.id, topic, lexicons)
        for raw in extract_article(article, lexicons, dateline)
    ]


def extract_all(articles: list[Article], config: Config) -> dict[str, list[Fact]]:
    """The facts of every article by id, with no topic yet (set once topics are known). The
    cache is read and written here, in this process; only what it lacks goes to the
    extractor."""
    extracted: dict[str, list[Fact]] = {}
    missing: list[Article] = []
    for article in articles:
        cached = _cached_facts(article, config.cache)
        if cached is None:
            missing.append(article)
        else:
            extracted[article.id] = cached
    _report_progress(config, len(extracted), len(articles))
    for article, facts in zip(missing, config.extractor(missing, config.lexicons), strict=True):
        extracted[article.id] = facts
        if config.cache is not None:
            config.cache.put(config.cache.key(article, dateline_outlet(article)), facts)
        _report_progress(config, len(extracted), len(articles))
    if config.cache is not None:
        config.cache.flush()
    return {article.id: extracted[article.id] for article in articles}


def _cached_facts(article: Article, cache: FactCache | None) -> list[Fact] | None:
    return None if cache is None else cache.get(cache.key(article, dateline_outlet(article)))


def _report_progress(config: Config, done: int, total: int) -> None:
    if config.progress is not None and done:
        config.progress(done, total)


def topicless_facts(article: Article, config: Config) -> list[Fact]:
    """The facts (with no topic) of one article: from the cache, or extracted here."""
    if config.cache is None:
        return extract_facts(article, "", config.lexicons)
    key = config.cache.key(article, dateline_outlet(article))
    facts = config.cache.get(key)
    if facts is None:
        facts = extract_facts(article, "", config.lexicons)
        config.cache.put(key, facts)
    return facts


def complete_partial_dates(articles: list[Article], topics: list[Topic]) -> list[Article]:
    """Give a year to publication dates that lack one ('--12-10' from a wire dateline): the
    year that puts the date nearest the median dated article of the same topic. The
    inference is recorded in metadata_sources as '<source>+topic'."""
    by_id = {a.id: a for a in articles}
    completed = dict(by_id)
    for topic in topics:
        members = [by_id[i] for i in topic.articles]
        dated = sorted(a.info.published for a in members if _is_full_date(a.info.published))
        if not dated:
            continue
        reference = date.fromisoformat(dated[len(dated) // 2])
        for article in members:
            if re.fullmatch(r"--\d{2}-\d{2}", article.info.published or ""):
                completed[article.id] = _with_year(article, reference)
    return [completed[a.id] for a in articles]


def _is_full_date(value: str | None) -> bool:
    return bool(value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value))


def _with_year(article: Article, reference: date) -> Article:
    partial = article.info.published or ""
    month, day = int(partial[2:4]), int(partial[5:7])
    candidates = (reference.year - 1, reference.year, reference.year + 1)
    year = min(candidates, key=lambda y: abs((_safe_date(y, month, day) - reference).days))
    sources = dict(article.info.metadata_sources)
    sources["published"] = sources.get("published", "text") + "+topic"
    info = article.info.model_copy(
        update={"published": f"{year:04d}{partial[1:]}", "metadata_sources": sources}
    )
    return article.model_copy(update={"info": info})


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February in a common year
        return date(year, month, 28)


def check_articles(
    articles: list[Article],
    topics: list[Topic],
    config: Config,
    extracted: dict[str, list[Fact]] | None = None,
) -> Report:
    """The report for ``articles`` grouped into ``topics``. Facts already ``extracted`` (by
    id, to cluster on) are reused unless the topic gave the article's date its year."""
    original = {a.id: a for a in articles}
    dated = complete_partial_dates(articles, topics)
    by_id = {a.id: a for a in dated}
    topic_of = {aid: t.id for t in topics for aid in t.articles}
    facts: list[Fact] = []
    for article in dated:
        topic = topic_of[article.id]
        if extracted is not None and article is original[article.id]:
            found = extracted[article.id]
        else:  # the topic gave its date a year, which event times depend on
            found = topicless_facts(article, config)
        facts.extend(f.model_copy(update={"topic": topic}) for f in found)
    facts.sort(key=lambda f: (f.topic, f.article, f.start, f.end, f.id))
    findings, groups = run_rules(config.rules, facts, RuleContext(config.lexicons, by_id))
    counts = Counter(f.severity.value for f in findings)
    return Report(
        tool=ToolInfo(version=__version__),
        articles=sorted((a.info for a in dated), key=lambda i: i.id),
        topics=topics,
        facts=facts,
        groups=groups,
        findings=findings,
        summary=Summary(**{k: counts.get(k, 0) for k in ("error", "warning", "info")}),
    )


def check_paths(
    paths: list[str],
    config: Config,
    topics: TopicMode = TopicMode.folder,
    topics_file: Path | None = None,
) -> tuple[Report, list[Article]]:
    """Read ``paths``, group the articles into topics (by folder, or by story with "auto"),
    let a topics.yaml name or merge them, and check each topic."""
    articles = unique_ids(load_articles(paths, config.ingest, config.cache))
    extracted = extract_all(articles, config)  # clustering reads the facts, so this comes first
    if topics is TopicMode.auto:
        grouped = cluster_topics(articles, extracted)
    else:
        grouped = assign_topics(paths, articles)
    for naming in topics_files(paths, topics_file):
        grouped = apply_topics_file(naming, grouped, articles)
    return check_articles(articles, grouped, config, extracted), articles


def unique_ids(articles: list[Article]) -> list[Article]:
    """Article ids are paths relative to their root; two roots may share one, so qualify them."""
    counts = Counter(a.id for a in articles)
    unique = []
    for article in articles:
        if counts[article.id] > 1:
            info = article.info.model_copy(update={"id": article.info.path})
            article = article.model_copy(update={"info": info})
        unique.append(article)
    return unique
