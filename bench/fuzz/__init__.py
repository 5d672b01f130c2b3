"""Fuzzing ingest + extract: ``python -m bench.fuzz`` (docs/security.md, "Fuzzing")."""
