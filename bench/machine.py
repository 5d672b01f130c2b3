"""What the figures were measured on."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench.corpus import ROOT


def _run(*args: str, cwd: Path = ROOT) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=10, cwd=cwd)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout if done.returncode == 0 else ""


def _lscpu(field: str) -> str:
    for line in _run("lscpu").splitlines():
        key, _, value = line.partition(":")
        if key.strip() == field:
            return value.strip()
    return "unknown"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> dict[str, str]:
    import checker

    source = Path(checker.__file__).resolve().parent.parent
    commit = _run("git", "rev-parse", "--short", "HEAD", cwd=source).strip()
    if not commit:
        where = f"imported from {source} (not a git checkout)"
    elif _run("git", "status", "--porcelain", "--", "checker", "rules", cwd=source).strip():
        where = f"at commit {commit} plus uncommitted changes in checker/ or rules/"
    else:
        where = f"at commit {commit}, no uncommitted changes in checker/ or rules/"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "-"
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": _lscpu("Model name"),
        "cores": f"{_lscpu('CPU(s)')} logical CPU(s) per lscpu, {usable} usable by this process; "
        "the benchmark uses one",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "checker": f"{_version('checker')} {where}",
        "quantulum3": _version("quantulum3"),
        "scikit-learn": _version("scikit-learn"),
        "load average at start (1/5/15 min)": load,
    }
