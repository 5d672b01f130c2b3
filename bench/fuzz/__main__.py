"""``python -m bench.fuzz [--seconds 60] [--engine atheris|hypothesis] [--crashes DIR]``

Fuzz ingest + extract (bench/fuzz/target.py). atheris (libFuzzer, coverage-guided; `pip
install atheris`) is used when it imports; otherwise, or with --engine hypothesis, a
hypothesis run over random and mutated article files for the same time. Seed inputs are the
articles of seeds/ in every format. A crashing input is written to --crashes (atheris:
crash-<sha1> files) to become a regression test in tests/hostile/test_fuzz_regressions.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def seed_inputs() -> list[bytes]:
    """Each seed article as every format the fuzzer reads."""
    from bench.fuzz.target import as_input

    found = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found += [
            as_input(".txt", text.encode()),
            as_input(".md", f"---\ntitle: Seed\npublished: 2025-12-10\n---\n{text}".encode()),
            as_input(
                ".html", f"<html><body><article><p>{text}</p></article></body></html>".encode()
            ),
            as_input(".json", json.dumps({"text": text, "outlet": "Wire"}).encode()),
            as_input(".jsonl", (json.dumps({"id": "a", "text": text}) + "\n{}\n").encode()),
        ]
    return found


def run_atheris(seconds: int, crashes: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["checker"]):
        from bench.fuzz.target import config, one_input
    config()
    corpus = Path(tempfile.mkdtemp(prefix="checker-fuzz-corpus-"))
    for number, data in enumerate(seed_inputs()):
        (corpus / f"seed-{number:03d}").write_bytes(data)
    crashes.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], f"-max_total_time={seconds}", f"-artifact_prefix={crashes}/",
            "-rss_limit_mb=4096", "-timeout=20", str(corpus)]  # fmt: skip
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


def run_hypothesis(seconds: int, crashes: Path) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from bench.fuzz.target import config, one_input

    config()
    seeds = seed_inputs()
    mutated = st.builds(_mutate, st.sampled_from(seeds), st.lists(
        st.tuples(st.integers(0, 10**6), st.binary(max_size=8)), max_size=8))  # fmt: skip
    runs = 0

    # Hypothesis has no wall-clock budget: run batches of fresh random examples until time is
    # up (no database, so every batch explores anew).
    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(st.one_of(mutated, st.binary(max_size=4096)))
    def fuzz(data: bytes) -> None:
        nonlocal runs
        runs += 1
        try:
            one_input(data)
        except Exception:
            crashes.mkdir(parents=True, exist_ok=True)
            name = hashlib.sha1(data, usedforsecurity=False).hexdigest()
            (crashes / f"crash-{name}").write_bytes(data)
            raise

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        fuzz()
    print(f"bench.fuzz: no crash in {runs} runs, {seconds} s (hypothesis)")


def _mutate(seed: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    """``seed`` with a few bytes overwritten at the given places (modulo its length)."""
    data = bytearray(seed)
    for position, replacement in edits:
        at = 1 + position % max(1, len(data) - 1)  # keep the format byte
        data[at : at + len(replacement)] = replacement
    return bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"))
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    sys.argv = sys.argv[:1]  # libFuzzer reads sys.argv-like flags only from run_atheris's list
    if engine == "atheris":
        run_atheris(args.seconds, args.crashes)
    else:
        run_hypothesis(args.seconds, args.crashes)


if __name__ == "__main__":
    main()
