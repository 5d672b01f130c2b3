"""Reading article files safely: a size limit, regular files only, symlinks kept inside the
folder they were found in, and UTF-8 or a clear error (docs/security.md)."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from checker.errors import InputError

# The article formats, by file name suffix (lower case); other files in a folder are not read.
SUFFIX_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
DEFAULT_MAX_BYTES = 50_000_000  # per file; news articles are kilobytes, a 50 MB file is a mistake


def _print_warning(message: str) -> None:
    print(f"checker: warning: {message}", file=sys.stderr)


@dataclass(frozen=True)
class IngestOptions:
    """How forgiving reading is. ``keep_going`` turns each unreadable file (or JSONL line)
    into a warning and reads the rest; without it the first one stops the run (exit 2).
    ``warn`` receives warnings (skipped inputs, duplicate articles), one line each."""

    max_bytes: int = DEFAULT_MAX_BYTES
    keep_going: bool = False
    warn: Callable[[str], None] = field(default=_print_warning)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file to read, with the root it was found under (for its stable id)."""

    path: Path
    root: Path
    display: str  # the path as the user would write it (root as given + relative part)

    @property
    def relative_id(self) -> str:
        if self.root == self.path:
            return self.path.name
        return self.path.relative_to(self.root).as_posix()


# ---------------------------------------------------------------------------------------------
# Decoding


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text of a file, or a clear error for empty, binary and non-UTF-8 files."""
    if not data.strip():
        raise InputError("file is empty", path=shown)
    if b"\x00" in data[:8192]:
        raise InputError("looks like a binary file (NUL bytes), not an article", path=shown)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at byte offset {exc.start}); "
            "re-save the file as UTF-8",
            path=shown,
            line=line,
        ) from None


def read_bytes(source: SourceFile, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``. A symlink found inside a folder
    must stay inside that folder: an article bundle from elsewhere must not make the report
    quote a file such as ~/.ssh/id_rsa. A file named on the command line is read wherever it
    links, since the user chose it."""
    target = _link_target(source)
    try:
        info = target.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block, a device never end
            raise InputError("not a regular file (a device, pipe or socket)", source.display)
        if info.st_size > max_bytes:
            raise InputError(_too_large(info.st_size, max_bytes), source.display)
        with target.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=source.display) from None
    if len(data) > max_bytes:
        raise InputError(_too_large(len(data), max_bytes), source.display)
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({size} bytes; the limit is {max_bytes}, raise it with --max-bytes)"


def _link_target(source: SourceFile) -> Path:
    """The file a source names once symlinks are followed, or a clear error for a broken
    link, a symlink loop, or a link out of the folder it was found in."""
    if not source.path.is_symlink():
        return source.path
    try:
        target = source.path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, on Python < 3.13
        raise InputError("broken symlink or symlink loop", path=source.display) from None
    if source.root != source.path and not target.is_relative_to(source.root.resolve()):
        raise InputError(
            f"symlink to a file outside the folder given ({target}); "
            "name that file on the command line to read it",
            path=source.display,
        )
    return target
