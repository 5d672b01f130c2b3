"""The state of a folder's article files, known from their metadata without reading them.

`article_entries` lists a folder's article files as ingest reads them (checker.ingest.discover):
a folder's own files first, then its subfolders, each in name order, hidden files and folders
left out, symlinked folders not followed. `folder_fingerprint` digests each file's path, size,
modification and change times and inode, as git's index knows a work tree: a folder of
100,000 files is known unchanged without reading one (a file rewritten to the same size within
one clock tick would go unseen). The stat calls are most of its cost, about 4 microseconds a
file here, so `look_ahead` starts one in another process as early as a run knows it will need
it, and `fingerprint` collects it.

This module imports nothing heavy, so the command line can start a fingerprint before it
imports the pipeline.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from checker.files import SUFFIX_FORMATS

Entry = os.DirEntry[str]
# Fingerprints under way in another process, by (folder, files left out).
_started: dict[tuple[str, frozenset[Path]], Callable[[], str]] = {}


def article_entries(folder: str, rel: str = "") -> Iterator[tuple[str, str, Entry]]:
    """(path, path relative to the root, directory entry) of every article file under
    ``folder``, in the order ingest reads them. A folder that cannot be listed is passed
    over, as os.walk does."""
    files, folders = _listing(folder)
    for entry in files:
        yield entry.path, f"{rel}{entry.name}", entry
    for entry in folders:
        yield from article_entries(entry.path, f"{rel}{entry.name}/")


def _listing(folder: str) -> tuple[list[Entry], list[Entry]]:
    """The article files and the subfolders to enter of one folder, each in name order."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted((e for e in listing if not e.name.startswith(".")),
                             key=lambda e: e.name)  # fmt: skip
    except OSError:
        return [], []
    files, folders = [], []
    for entry in entries:
        if _is_folder(entry):
            if not entry.is_symlink():
                folders.append(entry)
        elif os.path.splitext(entry.name)[1].lower() in SUFFIX_FORMATS:
            files.append(entry)
    return files, folders


def _is_folder(entry: Entry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def resolved(path: Path) -> Path:
    """The real path of a file, or the path itself for a broken link or a symlink loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def folder_fingerprint(root_arg: str, leave_out: frozenset[Path] = frozenset()) -> str:
    """A digest of what the article files under a folder (or one file) are now, from their
    metadata; files in ``leave_out`` (resolved paths) are not part of it. A folder's lines
    are hashed at once."""
    digest = hashlib.sha256(root_arg.encode() + b"\0")
    if os.path.isfile(root_arg):
        digest.update(_file_state(root_arg, os.path.basename(root_arg), None).encode())
        return digest.hexdigest()
    names = {p.name for p in leave_out}  # resolving every path would cost more than the stat
    pending = [(root_arg, "")]
    while pending:
        folder, rel = pending.pop()
        files, folders = _listing(folder)
        digest.update("".join(
            _file_state(e.path, f"{rel}{e.name}", e) for e in files
            if e.name not in names or resolved(Path(e.path)) not in leave_out
        ).encode())  # fmt: skip
        pending.extend((e.path, f"{rel}{e.name}/") for e in reversed(folders))
    return digest.hexdigest()


def _file_state(path: str, rel: str, entry: Entry | None) -> str:
    try:
        info = entry.stat() if entry is not None else os.stat(path)  # a link: its target
    except OSError:  # a broken link: reading it is an error, which a new clustering reports
        return f"{rel}\tunreadable\n"
    return f"{rel}\t{info.st_size}\t{info.st_mtime_ns}\t{info.st_ctime_ns}\t{info.st_ino}\n"


def article_files(paths: list[str]) -> frozenset[Path]:
    """The resolved paths of the article files ``paths`` name (files, or folders walked);
    paths that do not exist are left for reading to report."""
    found = set()
    for path in paths:
        if os.path.isdir(path):
            found.update(resolved(Path(p)) for p, _, _ in article_entries(path))
        else:
            found.add(resolved(Path(path)))
    return frozenset(found)


def look_ahead(root_arg: str, leave_out: frozenset[Path]) -> None:
    """Start the fingerprint of ``root_arg`` in a forked process, for a later `fingerprint`
    call with the same arguments; the run goes on meanwhile. Where fork does not exist, or
    with one core, nothing starts (spawning a process would cost more than it saves)."""
    key = (root_arg, leave_out)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if key in _started or "fork" not in multiprocessing.get_all_start_methods() or cores == 1:
        return
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    future = pool.submit(folder_fingerprint, root_arg, leave_out)

    def result() -> str:
        try:
            return future.result()
        finally:
            pool.shutdown()

    _started[key] = result


def fingerprint(root_arg: str, leave_out: frozenset[Path]) -> str:
    """The fingerprint `look_ahead` started, or one computed now."""
    started = _started.pop((root_arg, leave_out), None)
    return started() if started is not None else folder_fingerprint(root_arg, leave_out)
