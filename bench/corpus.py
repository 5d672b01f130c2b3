"""The benchmark corpus: the news texts found locally, concatenated repeatedly to a target size.

Sources, in this fixed order: seeds/*.txt, tests/corpus/**/*.txt and *.md, and the MEANTIME
English news articles (``shared/external/meantime-en/text/**/*.txt``), each group sorted by
relative path. A missing group is skipped and reported. The corpus repeats the whole sequence
(each copy made distinct by trailing blank lines) and stops after the first article that
brings it to the target size, so it is the same bytes on every machine that has the same
sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench import MB

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL_DEFAULT = ROOT.parent / "shared" / "external" / "meantime-en" / "text"


@dataclass(frozen=True)
class Doc:
    """One article of the corpus: a unique name (copy number and source path) and its text."""

    name: str
    text: str
    nbytes: int


@dataclass(frozen=True)
class SourceGroup:
    label: str
    folder: Path
    files: tuple[Path, ...]

    @property
    def present(self) -> bool:
        return self.folder.is_dir()


def source_groups(external: Path = EXTERNAL_DEFAULT) -> list[SourceGroup]:
    def find(folder: Path, patterns: tuple[str, ...]) -> tuple[Path, ...]:
        if not folder.is_dir():
            return ()
        found = {p for pattern in patterns for p in folder.glob(pattern) if p.is_file()}
        return tuple(sorted(found, key=lambda p: p.relative_to(folder).as_posix()))

    seeds, corpus = ROOT / "seeds", ROOT / "tests" / "corpus"
    return [
        SourceGroup("seeds", seeds, find(seeds, ("*.txt",))),
        SourceGroup("tests/corpus", corpus, find(corpus, ("**/*.txt", "**/*.md"))),
        SourceGroup("meantime-en", external, find(external, ("**/*.txt",))),
    ]


def load_sources(groups: list[SourceGroup]) -> list[Doc]:
    """Every source article once, in order; names are ``<group>/<relative path>``."""
    docs = []
    for group in groups:
        for path in group.files:
            text = path.read_text(encoding="utf-8")
            if not text.strip():
                continue
            name = f"{group.label}/{path.relative_to(group.folder).as_posix()}"
            docs.append(Doc(name=name, text=text, nbytes=len(text.encode("utf-8"))))
    return docs


def build_corpus(sources: list[Doc], target_bytes: int) -> list[Doc]:
    """The sources repeated in order until ``target_bytes`` is reached (whole articles). The
    n-th copy ends with n extra blank lines: checker reads the same text once (sha256), and
    trailing blank lines make each copy an article of its own without changing a fact."""
    if not sources:
        raise ValueError("no source texts found")
    docs: list[Doc] = []
    total, copy = 0, 0
    while total < target_bytes:
        for source in sources:
            text = source.text + "\n" * copy
            docs.append(Doc(f"copy{copy:02d}/{source.name}", text, source.nbytes + copy))
            total += source.nbytes + copy
            if total >= target_bytes:
                break
        copy += 1
    return docs


def prefix(docs: list[Doc], nbytes: int) -> list[Doc]:
    """The first articles of ``docs`` up to and including the one that reaches ``nbytes``."""
    out, total = [], 0
    for doc in docs:
        if total >= nbytes:
            break
        out.append(doc)
        total += doc.nbytes
    return out


def total_mb(docs: list[Doc]) -> float:
    return sum(d.nbytes for d in docs) / MB


def file_name(index: int, doc: Doc) -> str:
    """A flat, unique, order-preserving file name that keeps the source's extension."""
    suffix = ".md" if doc.name.endswith(".md") else ".txt"
    stem = doc.name.rsplit(".", 1)[0].replace("/", "__")
    return f"{index:05d}_{stem}{suffix}"


def write_files(docs: list[Doc], folder: Path) -> list[Path]:
    """Write the corpus as one file per article into ``folder`` (a temporary folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index, doc in enumerate(docs):
        path = folder / file_name(index, doc)
        path.write_text(doc.text, encoding="utf-8")
        paths.append(path)
    return paths
