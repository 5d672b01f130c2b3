"""Incremental cache in SQLite, so a re-run redoes only what changed: the articles each file
holds, each article's extracted facts, each topic's checked results, and the dimensions of
lexicon units.

- ``files``: the articles of a file, keyed by its bytes (SHA-256), its id and path as shown,
  and the ingest version (checker.ingest, checker.metadata and the libraries they read with).
- ``facts``: keyed by everything extraction reads: the article's id (fact ids derive from
  it), the SHA-256 of its text, its publication date and dateline outlet, its noise spans,
  and the extractor version (a hash of the extraction code and of the lexicon files in
  force). Facts are stored without their topic, which is set after clustering.
- ``topics``: a topic's findings, and its facts and groups as report.json writes them
  (checker.report.fragments), keyed by the topic id, every member article's metadata and
  noise spans (which, with the extractor version, decide its facts), the rules in force, the
  code between facts and report text, and the versions of pint and pydantic.
- ``units``: the dimension of a pint unit, keyed by its name, pint's version and the code.
- ``stories`` and ``story_*``: a corpus's stories kept for placing new articles in them
  (checker.storystore), keyed by the state of the corpus's files.

Two runs may share a cache: the database is in WAL mode with a busy timeout and every write is
one transaction. A cache that cannot be opened or read never fails a run: the run goes on
without it and says why.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import zlib
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from pydantic import TypeAdapter, ValidationError

from checker import __version__
from checker.files import SourceFile
from checker.models import Article, Fact
from checker.report.fragments import FACTS, FINDINGS, CheckedTopic
from checker.rules.spec import RuleSpec
from checker.units import DIMENSIONS

DEFAULT_CACHE_DIR = Path(".checker-cache")
DATABASE_NAME = "facts.sqlite3"
BUSY_TIMEOUT_SECONDS = 60.0
BACKGROUND_BYTES = 1 << 20  # values this large are compressed on a thread of their own
FLUSH_EVERY = 256  # pending entries written per transaction, so a long run saves as it goes
PACKAGE = Path(__file__).resolve().parent
# The code whose output the cache stores; anything else may change without invalidating it.
EXTRACTION_CODE = ("extract/*.py", "normalize.py", "dates.py", "lexicons.py", "models.py",
                   "units.py", "pipeline.py")  # fmt: skip
# The code between a topic's facts and what is kept of it (on top of the above): the rules,
# and the report text of its facts and groups.
TOPIC_CODE = ("rules/*.py", "rules/kinds/*.py", "stream.py", "report/fragments.py")
TOPIC_LIBRARIES = ("pint", "pydantic", "pydantic-core")  # unit conversions; the JSON written
# The code and libraries that turn a file's bytes into articles.
INGEST_CODE = ("ingest.py", "files.py", "metadata.py", "dates.py", "date_words.py",
               "date_values.py", "regex_trie.py", "models.py", "yamlsource.py")  # fmt: skip
INGEST_LIBRARIES = ("pyyaml", "trafilatura", "lxml")  # front matter; HTML pages
ARTICLES = TypeAdapter(list[Article])
T = TypeVar("T")
# Table -> its value column (zlib-compressed JSON), each keyed by `key TEXT PRIMARY KEY`; the
# facts table is named as before topics were cached, so a cache made then is still read.
TABLES = {"facts": "facts", "topics": "results", "units": "dimension", "files": "articles",
          "stories": "header", "story_terms": "stats", "story_members": "member",
          "story_topics": "topic"}  # fmt: skip


@cache
def code_version(patterns: tuple[str, ...] = EXTRACTION_CODE) -> str:
    """Hash of the package version and the source files ``patterns`` match (by default the
    extraction code)."""
    digest = hashlib.sha256(__version__.encode())
    for pattern in patterns:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


class EncodedFacts(list[Fact]):
    """An article's facts decoded from the JSON a worker sent (checker.parallel, dask), which
    is what the cache stores of them, kept so the parent does not encode them again."""

    def __init__(self, encoded: bytes) -> None:
        super().__init__(FACTS.validate_json(encoded))
        self.encoded = encoded


@cache  # a look-up in the installed packages' metadata takes a millisecond
def _installed_version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def extractor_version(lexicon_files: Sequence[str]) -> str:
    """The code version combined with the bytes of every lexicon file loaded (built-in and
    from --rules folders), so editing a lexicon re-extracts."""
    digest = hashlib.sha256(code_version().encode())
    for name in lexicon_files:
        digest.update(name.encode() + b"\0")
        digest.update(Path(name).read_bytes())
    return digest.hexdigest()


def entry_key(article: Article, dateline_outlet: str | None, version: str) -> str:
    parts = [version, article.id, article.info.sha256, article.info.published or "",
             dateline_outlet or "", [(s.start, s.end) for s in article.noise]]  # fmt: skip
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


@cache
def ingest_version() -> str:
    """Hash of the ingest code and the versions of the libraries it reads files with."""
    parts = [code_version(INGEST_CODE), [_installed_version(name) for name in INGEST_LIBRARIES]]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def rules_version(version: str, rules: list[RuleSpec]) -> str:
    """What a topic's results depend on besides its articles: the extractor ``version``, the
    topic code and libraries, and every rule in force (its id, parameters and message)."""
    parts = [version, code_version(TOPIC_CODE), [_installed_version(n) for n in TOPIC_LIBRARIES],
             [rule.model_dump_json() for rule in rules]]  # fmt: skip
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _unit_key(pint_name: str) -> str:
    """A pint unit's dimension depends on pint's definitions and on checker.units."""
    parts = [code_version(), _installed_version("pint"), pint_name]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def topic_key(rules: str, topic: str, articles: list[Article]) -> str:
    """The key of one topic's results: ``rules`` (rules_version), the topic id, and for each
    member article, in order, its metadata (id, path, text hash, dates, outlet...) and noise
    spans. Those and the extractor version decide every fact (entry_key), and the rules read
    nothing else of an article but its text, which the hash stands for."""
    members = [(a.info.model_dump_json(), [(s.start, s.end) for s in a.noise]) for a in articles]
    return hashlib.sha256(json.dumps([rules, topic, members]).encode()).hexdigest()


class FactCache:
    """Facts by entry key, topics' results by topic key and the dimensions of pint units (a
    DimensionMemo) in ``folder``/facts.sqlite3; writes are batched per transaction.
    ``lexicon_files`` are the lexicons in force (checker.lexicons.lexicon_files), known
    before they are loaded so that loading them can use the cache."""

    def __init__(self, folder: Path, lexicon_files: Sequence[str]) -> None:
        self.folder = folder
        self.version = extractor_version(lexicon_files)
        self.problem: str | None = None  # why the cache was turned off, for the user
        self.hits = 0
        self.misses = 0
        self.topic_hits = 0  # topics read back
        self.topics_stored = 0  # topics checked by this run and stored
        self.read_hits = 0  # files whose articles came from the cache
        # (table, key) -> the compressed value, or its compression under way (_compressed)
        self._pending: dict[tuple[str, str], bytes | Future[bytes]] = {}
        self._compressor: ThreadPoolExecutor | None = None
        self._db: sqlite3.Connection | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._db = _connect(folder / DATABASE_NAME)
        except (OSError, sqlite3.Error) as exc:
            self._disable(exc)

    def key(self, article: Article, dateline_outlet: str | None) -> str:
        return entry_key(article, dateline_outlet, self.version)

    def get(self, key: str) -> list[Fact] | None:
        blob = self._read("facts", key)
        facts = _decode(FACTS, blob) if blob is not None else None
        if facts is None:
            self.misses += 1
        else:
            self.hits += 1
        return facts

    def has(self, key: str) -> bool:
        """Whether an entry is stored for ``key`` (not decoded, and not counted as a hit)."""
        return self._has("facts", key)

    def put(self, key: str, facts: list[Fact]) -> None:
        encoded = facts.encoded if isinstance(facts, EncodedFacts) else FACTS.dump_json(facts)
        self._write("facts", key, encoded)

    def has_topic(self, key: str) -> bool:
        """Whether a topic's results are stored under ``key`` (not read, not counted)."""
        return self._has("topics", key)

    def topic_results(self, key: str) -> CheckedTopic | None:
        """A checked topic stored by put_topic_results under topic_key, or None."""
        blob = self._read("topics", key)
        checked = _decode_topic(blob) if blob is not None else None
        self.topic_hits += checked is not None
        return checked

    def put_topic_results(self, key: str, checked: CheckedTopic) -> None:
        self._write("topics", key, _encode_topic(checked))
        self.topics_stored += 1

    def file_key(self, source: SourceFile, data: bytes) -> str:
        """The key of what a file holds: its bytes, its id and path as shown (articles carry
        both), and the ingest version."""
        parts = [
            ingest_version(),
            source.relative_id,
            source.display,
            hashlib.sha256(data).hexdigest(),
        ]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def read_before(self, key: str) -> list[Article] | None:
        """The articles stored by remember_read under file_key, or None."""
        blob = self._read("files", key)
        articles = _decode(ARTICLES, blob) if blob is not None else None
        self.read_hits += articles is not None
        return articles

    def remember_read(self, key: str, articles: list[Article]) -> None:
        self._write("files", key, ARTICLES.dump_json(articles))

    def value(self, table: str, key: str) -> bytes | None:
        """The bytes stored under ``key`` in ``table`` (one of TABLES), or None."""
        return self._read(table, key)

    def keep(self, table: str, key: str, value: bytes) -> None:
        """Store ``value`` under ``key`` in ``table`` (written with the next batch)."""
        self._write(table, key, value)

    def keys(self, table: str) -> list[str]:
        """Every key stored in ``table`` (meant for small tables, such as the stories')."""
        self.flush()
        if self._db is None:
            return []
        try:
            return [row[0] for row in self._db.execute(f"SELECT key FROM {table} ORDER BY key")]
        except sqlite3.Error as exc:
            self._disable(exc)
            return []

    def drop(self, table: str, low: str, high: str) -> None:
        """Delete the entries of ``table`` whose keys are in [low, high), in one transaction."""
        self.flush()
        if self._db is None:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(f"DELETE FROM {table} WHERE key >= ? AND key < ?", (low, high))
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._disable(exc)

    def dimension(self, pint_name: str) -> str | None:
        blob = self._read("units", _unit_key(pint_name))
        dimension = blob.decode("utf-8", "replace") if blob is not None else None
        return dimension if dimension in DIMENSIONS else None  # else damaged: ask pint again

    def remember(self, pint_name: str, dimension: str) -> None:
        self._write("units", _unit_key(pint_name), dimension.encode())

    def flush(self) -> None:
        """Write the pending entries in one transaction (waiting for another run's write)."""
        if self._db is None or not self._pending:
            return
        rows = sorted((where, _done(value)) for where, value in self._pending.items())
        self._pending.clear()
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for table, column in TABLES.items():
                self._db.executemany(
                    f"INSERT OR REPLACE INTO {table} (key, {column}) VALUES (?, ?)",
                    [(key, value) for (where, key), value in rows if where == table],
                )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._disable(exc)

    def _has(self, table: str, key: str) -> bool:
        if self._db is None:
            return False
        if (table, key) in self._pending:  # written by this run, not flushed yet
            return True
        try:
            row = self._db.execute(f"SELECT 1 FROM {table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._disable(exc)
            return False
        return row is not None

    def _read(self, table: str, key: str) -> bytes | None:
        if self._db is None:
            return None
        stored = self._pending.get((table, key))  # written by this run, not flushed yet
        if stored is None:
            try:
                query = f"SELECT {TABLES[table]} FROM {table} WHERE key = ?"
                row = self._db.execute(query, (key,)).fetchone()
            except sqlite3.Error as exc:
                self._disable(exc)
                return None
            if not row:
                return None
            stored = row[0]
        try:
            stored = _done(stored)
            return zlib.decompress(stored)
        except zlib.error:  # a damaged entry is made again
            return None

    def _write(self, table: str, key: str, value: bytes) -> None:
        if self._db is None:
            return
        self._pending[(table, key)] = self._compressed(value)
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def _compressed(self, value: bytes) -> bytes | Future[bytes]:
        """``value`` compressed; a large one (a big topic's report text) on another thread,
        as zlib lets go of the GIL, so it overlaps the report's writing."""
        if len(value) < BACKGROUND_BYTES:
            return zlib.compress(value, 1)
        if self._compressor is None:
            self._compressor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cache")
        return self._compressor.submit(zlib.compress, value, 1)

    def close(self) -> None:
        self.flush()
        if self._compressor is not None:
            self._compressor.shutdown()
        if self._db is not None:
            self._db.close()
            self._db = None

    def _disable(self, exc: Exception) -> None:
        self.problem = f"{self.folder}: cache not used ({exc})"
        if self._db is not None:
            try:
                self._db.rollback()
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self._pending.clear()


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE ... COMMIT) above.
    db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    # Two runs creating the cache at once both ask for WAL and the table; switching the journal
    # mode can report "locked" without waiting, so those first statements are retried.
    _retry_locked(db, "PRAGMA journal_mode = WAL")  # readers never block the one writer
    db.execute("PRAGMA synchronous = NORMAL")  # durable enough for a cache, much faster
    for table, column in TABLES.items():
        _retry_locked(
            db, f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, {column} BLOB NOT NULL)"
        )
    return db


def _retry_locked(db: sqlite3.Connection, statement: str) -> None:
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            db.execute(statement)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _done(value: bytes | Future[bytes]) -> bytes:
    return value.result() if isinstance(value, Future) else value


def _encode_topic(checked: CheckedTopic) -> bytes:
    """The fact count, the findings (JSON) and the facts' and groups' report text, joined by
    NUL, which no JSON text holds unescaped."""
    parts = [str(checked.fact_count).encode(), FINDINGS.dump_json(checked.findings),
             checked.facts_json.encode(), checked.groups_json.encode()]  # fmt: skip
    return b"\0".join(parts)


def _decode_topic(blob: bytes) -> CheckedTopic | None:
    """What _encode_topic stored, or None for a damaged entry. The report text is written as
    stored (zlib's checksum has caught damage), and decoded only if a format reads it."""
    parts = blob.split(b"\0")
    if len(parts) != 4 or not parts[0].isdigit():
        return None
    findings = _decode(FINDINGS, parts[1])
    if findings is None:
        return None
    try:
        facts, groups = parts[2].decode("utf-8"), parts[3].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return CheckedTopic(findings, int(parts[0]), facts_json=facts, groups_json=groups)


def _decode(adapter: TypeAdapter[T], blob: bytes) -> T | None:
    """A stored value, or None when the entry is damaged (then it is made again)."""
    try:
        return adapter.validate_json(blob)
    except (ValidationError, ValueError):
        return None
