"""Hostile output conditions (issue 7): ids that try to leave --out, runs killed mid-write and
two runs writing one folder at once. What is guaranteed is written in docs/security.md."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.models import Article, Report
from checker.report import FORMATS, write_reports
from tests.conftest import ROOT, SEEDS, cli

ALL_FORMATS = ",".join(FORMATS)
HOSTILE_IDS = ["../../escape", "/tmp/absolute", "..", ".", "a\x00b", "x" * 5000, "C:\\win", ""]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def _assert_only_inside(
    tmp_path: Path, out: Path, written: list[Path], inputs: tuple[Path, ...] = ()
) -> None:
    assert all(path.parent == out for path in written)
    assert all(len(path.name.encode("utf-8")) <= 255 for path in written)
    assert {p for p in tmp_path.rglob("*") if p.is_file()} == {*written, *inputs}


def test_hostile_topic_ids_stay_inside_out_in_every_format(
    seeds_run: tuple[Report, list[Article]], tmp_path: Path
) -> None:
    report, articles = seeds_run
    [topic] = report.topics
    topics = [topic.model_copy(update={"id": i}) for i in HOSTILE_IDS]
    out = tmp_path / "out"
    written = write_reports(
        report.model_copy(update={"topics": topics}), articles, out, list(FORMATS)
    )
    assert len([p for p in written if p.name.startswith("topic-")]) == len(HOSTILE_IDS)
    _assert_only_inside(tmp_path, out, written)
    assert not (tmp_path / "escape").exists() and not Path("/tmp/absolute").exists()


def test_hostile_article_ids_from_jsonl_stay_inside_out(tmp_path: Path) -> None:
    """Article ids come from the input (a JSONL 'id' field may be anything)."""
    text = (SEEDS / "000_9720c49681f3f009.txt").read_text(encoding="utf-8")
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    lines = [
        json.dumps({"id": i, "text": f"{text}\nNote {n}.\n"}) for n, i in enumerate(HOSTILE_IDS)
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("check", str(feed.parent), "--out", str(out), "--no-cache", "--quiet",
                 "--format", ALL_FORMATS, "--fail-on", "never")  # fmt: skip
    assert result.returncode == 0, result.stderr
    _assert_only_inside(tmp_path, out, list(out.iterdir()), (feed,))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == len(HOSTILE_IDS)


def test_a_planted_symlink_in_out_is_replaced_not_followed(
    seeds_run: tuple[Report, list[Article]], tmp_path: Path
) -> None:
    """On a shared runner someone may plant report.json -> a file of yours: the rename
    replaces the link itself and the file it pointed at is untouched."""
    report, articles = seeds_run
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.json").symlink_to(victim)
    write_reports(report, articles, out, ["json"])
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (out / "report.json").is_symlink()


def test_report_files_get_the_usual_permissions(
    seeds_run: tuple[Report, list[Article]], tmp_path: Path
) -> None:
    """Temporary files are created 0600; the reports must be readable as any file the user
    writes (0666 less the umask), e.g. by the web server that publishes them."""
    report, articles = seeds_run
    previous = os.umask(0o022)
    try:
        written = write_reports(report, articles, tmp_path / "out", ["json", "md"])
    finally:
        os.umask(previous)
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {oct(0o644)}


# --- a run that dies while writing ----------------------------------------------------------


def test_failure_between_renames_leaves_the_previous_report_json(
    seeds_run: tuple[Report, list[Article]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """report.json is renamed last: a run that dies after moving some files never leaves a
    new report.json beside old files, and the old one stays whole."""
    report, articles = seeds_run
    out = tmp_path / "out"
    write_reports(report, articles, out, ["json", "md", "sarif"])
    old = (out / "report.json").read_bytes()
    renamed: list[str] = []
    real_replace = os.replace

    def die_before_report_json(source: str, target: str | Path) -> None:
        if Path(target).name == "report.json":
            raise KeyboardInterrupt  # as if killed here
        renamed.append(Path(target).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", die_before_report_json)
    changed = report.model_copy(update={"findings": []})
    with pytest.raises(KeyboardInterrupt):
        write_reports(changed, articles, out, ["json", "md", "sarif"])
    assert renamed == ["summary.md", "report.sarif"]
    assert (out / "report.json").read_bytes() == old
    assert not list(out.glob(".*.tmp"))


def _big_corpus(folder: Path, copies: int, extra: str = "") -> Path:
    """Distinct articles (each a seed with its own closing line), enough for a run to last."""
    folder.mkdir(parents=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for n in range(copies):
            closing = f"\nUpdate {n}{extra}: officials said {n * 37 + 5} more units shipped.\n"
            (folder / f"{n:03d}_{seed.name}").write_text(text + closing, encoding="utf-8")
    return folder


def _command(corpus: Path, out: Path, cache: Path) -> list[str]:
    return [sys.executable, "-m", "checker", "check", str(corpus), "--out", str(out),
            "--cache", str(cache), "--quiet", "--fail-on", "never",
            "--format", "json,html,md,sarif,junit"]  # fmt: skip


def _run(corpus: Path, out: Path, cache: Path) -> float:
    started = time.perf_counter()
    subprocess.run(_command(corpus, out, cache), cwd=ROOT, check=True, timeout=120)
    return time.perf_counter() - started


@pytest.fixture(scope="module")
def two_corpora(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two different inputs, each with its complete reference output (cache warmed)."""
    base = tmp_path_factory.mktemp("corpora")
    found: dict[str, Path] = {"cache": base / "cache"}
    for name, copies in (("old", 12), ("new", 14)):
        found[name] = _big_corpus(base / name, copies, extra=name)
        found[f"{name}-report"] = base / f"{name}-report"
        _run(found[name], found[f"{name}-report"], found["cache"])
    return found


def test_sigkill_at_any_moment_leaves_the_old_or_the_new_report(
    two_corpora: dict[str, Path], tmp_path: Path
) -> None:
    old_files = _files(two_corpora["old-report"])
    new_files = _files(two_corpora["new-report"])
    assert old_files["report.json"] != new_files["report.json"]
    out = tmp_path / "out"
    outcomes = []
    # Mid-extraction, then while the files are being written (once the first temporary file
    # shows, and a few milliseconds on, when some renames are done and others not).
    for moment in (0.5, "writing", 0.002, 0.01, 0.03):
        _run(two_corpora["old"], out, two_corpora["cache"])
        process = subprocess.Popen(_command(two_corpora["new"], out, two_corpora["cache"]),
                                   cwd=ROOT)  # fmt: skip
        if isinstance(moment, float) and moment >= 0.5:
            time.sleep(moment)
        else:
            _wait_for_a_temporary_file(out, process)
            time.sleep(moment if isinstance(moment, float) else 0)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        now = (out / "report.json").read_bytes()
        assert now in (old_files["report.json"], new_files["report.json"]), moment
        if now == new_files["report.json"]:  # committed: every other file is the new run's
            assert {k: v for k, v in _files(out).items() if not k.startswith(".")} == new_files
        outcomes.append("new" if now == new_files["report.json"] else "old")
    assert "old" in outcomes  # the kills did land before the end of some runs
    _run(two_corpora["new"], out, two_corpora["cache"])
    assert _files(out) == new_files  # a later run removes what the killed ones left behind


def _wait_for_a_temporary_file(out: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while not any(out.glob(".*.tmp")) and process.poll() is None:
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.0005)


def test_two_runs_sharing_cache_and_out_leave_one_complete_report(
    two_corpora: dict[str, Path], tmp_path: Path
) -> None:
    references = [_files(two_corpora["old-report"]), _files(two_corpora["new-report"])]
    for attempt in range(2):
        out = tmp_path / f"out{attempt}"
        cache = tmp_path / f"cache{attempt}"  # a fresh cache: both runs create it at once
        runs = [subprocess.Popen(_command(two_corpora[name], out, cache), cwd=ROOT,
                                 stderr=subprocess.PIPE, text=True)
                for name in ("old", "new")]  # fmt: skip
        for process in runs:
            _, errors = process.communicate(timeout=120)
            assert process.returncode == 0, errors
            assert "warning" not in errors
        assert _files(out) in references
