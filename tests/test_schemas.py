"""The published schemas are generated from the models; the committed copies must not drift."""

from __future__ import annotations

import pytest

from checker.schemas import SCHEMA_DIR, build_schemas, render


@pytest.mark.parametrize("name", sorted(build_schemas()))
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render(build_schemas()[name]), (
        f"checker/schemas/{name} is stale: run `python -m checker.schemas` and commit the result"
    )
