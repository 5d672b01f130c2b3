"""Entity resolution: aliases from rules/lexicons/entities.yaml, then the same name without
corporate words, then close spellings (rapidfuzz)."""

from __future__ import annotations

import pytest

from checker.lexicons import normalize_name
from checker.pipeline import Config


@pytest.mark.parametrize(
    ("written", "entity"),
    [
        ("Alibaba Group Holding Ltd.", "Alibaba"),  # an alias as written
        ("Tencent Holding", "Tencent"),  # corporate words dropped
        ("Nvidia Corporation", "Nvidia"),
        ("Byte Dance", "ByteDance"),  # a close spelling
        ("Bytedance", "ByteDance"),
    ],
)
def test_names_resolve_to_the_known_entity(written: str, entity: str, config: Config) -> None:
    found = config.lexicons.resolve_entity(written)
    assert found is not None and found.name == entity


@pytest.mark.parametrize("written", ["Apple Daily", "Appleton", "Nvidea Labs", "Orbex"])
def test_other_names_stay_unknown(written: str, config: Config) -> None:
    assert config.lexicons.resolve_entity(written) is None


def test_corporate_words_and_punctuation_do_not_count() -> None:
    assert normalize_name("The Kestrel Biologics N.V.") == normalize_name("Kestrel Biologics NV")
