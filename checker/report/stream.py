"""Writing the report of a streamed run (checker/stream.py) while its topics are checked.

Each topic's facts and groups reach the writer once, in report order, and are then dropped:
report.json gets them as the text render_json writes for them (checker.report.fragments;
made once, or read back from the cache as it is), and the topic's HTML page is rendered at
once from the records. What only
the end of the run knows (the findings in their run-wide order, the summary, index.html and
the formats that list findings) is written last, from the findings and the few facts and
groups they need. The bytes are those of write_reports on the whole report.

Every file goes to a temporary in the output folder first; at the end they are moved into
place as write_reports moves its own (commit_staged: under the folder's lock, report.json
last). A run that fails leaves only its temporaries, which it deletes (or, if killed, the
next run does).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from pydantic import TypeAdapter

from checker.models import Article, ArticleInfo, FactGroup, Report, Topic
from checker.report import (
    COMMIT_FILE,
    RenderContext,
    RenderOptions,
    commit_staged,
    create_temporary,
    make_output_folder,
    render_format,
)
from checker.report.fragments import FINDINGS, CheckedTopic, json_items
from checker.rules.spec import RuleSpec

_ARTICLES = TypeAdapter(list[ArticleInfo])
_TOPICS = TypeAdapter(list[Topic])
# The report's sections, in the order render_json writes them; facts and groups stream.
_ARTICLES_KEY = '\n  "articles": '
_TOPICS_KEY = '\n  "topics": '
_FACTS_KEY = '\n  "facts": '
_GROUPS_KEY = '\n  "groups": '
_FINDINGS_KEY = '\n  "findings": '


def _write_list(handle: IO[str], adapter: TypeAdapter[list], items: list) -> None:
    """A whole top-level list, as render_json writes it, a slice of items at a time."""
    if not items:
        handle.write("[]")
        return
    for start in range(0, len(items), _SLICE):
        handle.write(",\n" if start else "[\n")
        handle.write(json_items(adapter, items[start : start + _SLICE]))
    handle.write("\n  ]")


_SLICE = 1000


class _Staged:
    """A temporary file in the output folder that will become ``name``."""

    def __init__(self, out: Path, name: str) -> None:
        self.name = name
        descriptor, temporary = create_temporary(out / name)
        self.path = Path(temporary)
        self.handle: IO[str] = os.fdopen(descriptor, "w", encoding="utf-8", newline="\n")

    def close(self) -> None:
        if not self.handle.closed:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()

    def discard(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class _PageRow:
    """What index.html shows of a topic page (checker.report.html.IndexRow)."""

    topic: Topic
    file: str
    counts: dict[str, int]


class _Items:
    """The items of one JSON list, written as they come; knows whether it is still empty."""

    def __init__(self, handle: IO[str], opening: str) -> None:
        self.handle = handle
        self.opening = opening  # written before the first item
        self.started = False

    def add(self, block: str) -> None:
        if block:
            self.handle.write(",\n" if self.started else self.opening)
            self.handle.write(block)
            self.started = True


class StreamingReports:
    """The files of ``formats`` in ``out``, written topic by topic (a context manager: the
    temporaries of a run that fails are deleted)."""

    def __init__(self, out: Path, formats: list[str], options: RenderOptions) -> None:
        self.out = out
        self.formats = formats
        self.options = options
        self.written: list[Path] = []
        self._staged: list[_Staged] = []
        self._pages: dict[str, _PageRow] = {}
        self._groups: list[FactGroup] = []  # what the other formats read of the groups
        self._judged_groups = "claimreview" in formats or "junit" in formats
        self._slim_groups = "junit" in formats  # JUnit lists every group, by name only
        # Set by begin():
        self._report: Report
        self._articles: list[Article]
        self._json: _Staged
        self._facts: _Items
        self._groups_spill: _Staged
        self._group_items: _Items
        self._names: dict[str, str]
        self._rules: dict[str, RuleSpec]
        self._infos: dict[str, ArticleInfo]
        self._texts: dict[str, Article]

    def __enter__(self) -> StreamingReports:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for staged in self._staged:  # after a commit, there are none left to delete
            staged.discard()
        self._staged = []

    def _stage(self, name: str) -> _Staged:
        staged = _Staged(self.out, name)
        self._staged.append(staged)
        return staged

    @property
    def needs_cited_facts(self) -> bool:
        """Whether a format reads the facts findings cite: SARIF's fingerprints."""
        return "sarif" in self.formats

    def begin(self, report: Report, articles: list[Article]) -> None:
        """``report`` has the run's articles and topics and nothing else yet; ``articles`` are
        the texts (as read, for line numbers and the HTML pages)."""
        make_output_folder(self.out)
        self._report = report
        self._articles = articles
        if "json" in self.formats:
            self._json = self._stage(COMMIT_FILE)
            self._write_head(report)
            self._facts = _Items(self._json.handle, "[\n")
            self._groups_spill = self._stage(f"{COMMIT_FILE}-groups")  # appended at the end
            self._group_items = _Items(self._groups_spill.handle, "")
        if "html" in self.formats:
            from checker.report import html  # its templates load only when HTML is asked for

            self._names = html.page_names(report.topics)
            self._rules = html.rule_table(self.options.rules or None)
            self._infos = {info.id: info for info in report.articles}
            self._texts = {article.id: article for article in articles}

    def topic(self, topic: Topic, checked: CheckedTopic) -> None:
        """One topic's facts and groups in report order and its findings (most severe
        first); called once per topic, in the order of topic ids. report.json takes the
        facts and groups as text; only the other formats decode them."""
        if "json" in self.formats:
            self._facts.add(checked.facts_json)
            self._group_items.add(checked.groups_json)
        if "html" in self.formats:
            from checker.report import html
            from checker.report.html_view import TopicRecords, build_topic_page

            records = TopicRecords(
                facts=checked.facts, findings=checked.findings, groups=checked.groups
            )
            page = build_topic_page(topic, self._names[topic.id], records, self._infos,
                                    self._texts, self._rules)  # fmt: skip
            staged = self._stage(page.file)
            staged.handle.write(html.render_topic_page(self._report, page))
            staged.close()
            self._pages[topic.id] = _PageRow(page.topic, page.file, page.counts)
        for group in checked.groups if self._judged_groups or self._slim_groups else []:
            if group.findings and self._judged_groups:  # ClaimReview reviews these, with rows
                self._groups.append(group)
            elif self._slim_groups:
                self._groups.append(group.model_copy(update={"rows": []}))

    def end(self, report: Report, fact_count: int) -> None:
        """Write what needs the whole run and move every file into place. ``report`` has the
        findings in report order, the summary and the facts the findings cite."""
        held = report.model_copy(update={"groups": self._groups})
        context = RenderContext(held, self._articles, self.options, fact_count)
        names: list[str] = []  # in the order write_reports lists its files
        for fmt in self.formats:
            if fmt == "json":
                self._end_json(report)
                names.append(COMMIT_FILE)
            elif fmt == "html":
                from checker.report import html

                pages = [self._pages[t.id] for t in report.topics]
                self._write(html.INDEX, html.render_index_page(held, pages, fact_count))
                names += [html.INDEX, *(page.file for page in pages)]
            else:
                for name, text in render_format(fmt, context):
                    self._write(name, text)
                    names.append(name)
        by_name = {staged.name: staged.path for staged in self._staged}
        staged = [(name, by_name[name]) for name in names]
        self._staged = []  # commit_staged moves them, or deletes them if it fails
        self.written = commit_staged(self.out, staged, "html" in self.formats)

    def _write(self, name: str, text: str) -> None:
        staged = self._stage(name)
        staged.handle.write(text)
        staged.close()

    def _write_head(self, report: Report) -> None:
        """Everything before the facts; the articles and topics a slice at a time, so no
        string of them all is ever made (100 MB at 100,000 articles)."""
        handle = self._json.handle
        bare = report.model_copy(update={"articles": [], "topics": []})
        handle.write(bare.model_dump_json(indent=2).split(_ARTICLES_KEY, 1)[0] + _ARTICLES_KEY)
        _write_list(handle, _ARTICLES, report.articles)
        handle.write("," + _TOPICS_KEY)
        _write_list(handle, _TOPICS, report.topics)
        handle.write("," + _FACTS_KEY)

    def _end_json(self, report: Report) -> None:
        handle = self._json.handle
        handle.write("\n  ]" if self._facts.started else "[]")
        handle.write("," + _GROUPS_KEY)
        if self._group_items.started:
            handle.write("[\n")
            self._groups_spill.close()
            with self._groups_spill.path.open(encoding="utf-8") as spill:
                shutil.copyfileobj(spill, handle, 1 << 20)
            handle.write("\n  ]")
        else:
            handle.write("[]")
        self._groups_spill.discard()
        self._staged.remove(self._groups_spill)
        handle.write("," + _FINDINGS_KEY)
        _write_list(handle, FINDINGS, report.findings)  # 200 MB as one string at 100k
        bare = report.model_copy(update={"articles": [], "topics": [], "facts": [], "findings": []})
        handle.write(bare.model_dump_json(indent=2).split(_FINDINGS_KEY + "[]", 1)[1] + "\n")
        self._json.close()
