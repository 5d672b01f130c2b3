"""The fuzz target of bench/fuzz/ on recorded inputs: every crash a fuzz run or the hostile
review found is replayed here, so it cannot come back.

Runs so far (docs/security.md, "Fuzzing"):
- atheris, 60 s from the seed articles in every format: no crash; 300 s: one crash after
  about 4,000 runs, `published: 2025-24-10` in front matter (fuzz-crashes/, first input
  below).
- after its fix, atheris 300 s (72,000 inputs): no crash.
- hypothesis engine, 60 s (9,000 inputs): no crash.
- Reviewing the target's paths by hand found the first three inputs below, each an internal
  error (exit 3) before the fix; the others are probes of the same paths that already passed.
  (Crashes found outside this target, symlink loops and `.nan` in rules, are tested in
  test_hostile_files.py and test_hostile_rules.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz.__main__ import seed_inputs
from bench.fuzz.target import as_input, one_input

FOUND = {
    # found by atheris (300 s): PyYAML raised ValueError for a date-shaped value that is no
    # date; front matter, rule files and topics.yaml all read YAML the same way
    "front_matter_impossible_date": as_input(".md", b"---\npublished: 2025-24-10\n---\nBody.\n"),
    # json.loads raised RecursionError, not JSONDecodeError
    "json_nested_100k": as_input(".json", b"[" * 100_000),
    "jsonl_nested_100k": as_input(".jsonl", b'{"text": ' + b"[" * 100_000),
    # yaml.safe_load raised RecursionError in the front matter
    "front_matter_nested_100k": as_input(".md", b"---\nt: " + b"[" * 100_000 + b"\n---\nx\n"),
    # JSON metadata of every type where strings are expected
    "json_metadata_of_odd_types": as_input(
        ".json",
        b'{"text": "Sales rose 5%.", "published": [1e999], "title": {"a": null}, '
        b'"id": {"x": [1]}, "outlet": 12}',
    ),
    "jsonl_text_not_a_string": as_input(".jsonl", b'{"text": ["5 units"]}\n{"text": 5}\n'),
    "html_without_a_document": as_input(".html", b"<?xml version='1.0' encoding='latin-1'?>"),
    "html_only_a_script": as_input(".html", b"<script>var x = '4 units';</script>"),
    "bom_then_nothing": as_input(".txt", b"\xef\xbb\xbf\n"),
}


@pytest.mark.parametrize("data", FOUND.values(), ids=FOUND.keys())
def test_recorded_input_is_read_or_refused_cleanly(data: bytes) -> None:
    one_input(data)


def test_the_target_reads_every_seed_input() -> None:
    for data in seed_inputs():
        one_input(data)


def test_recorded_crash_files_replay(tmp_path: Path) -> None:
    """Crash files saved by `python -m bench.fuzz` in tests/hostile/fuzz-crashes/, if any."""
    for crash in sorted((Path(__file__).parent / "fuzz-crashes").glob("crash-*")):
        one_input(crash.read_bytes())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_the_target_never_crashes_on_random_bytes(data: bytes) -> None:
    one_input(data)
