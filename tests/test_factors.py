"""Conversion factors the articles state themselves, with their provenance."""

from __future__ import annotations

from pathlib import Path

from checker.pipeline import Config, check_paths
from checker.rules.factors import stated_conversions, unit_families
from tests.conftest import write_corpus


def _conversions(tmp_path: Path, text: str, config: Config) -> list:
    folder = write_corpus(tmp_path / "story", {"a.txt": text})
    report, articles = check_paths([str(folder)], config)
    found = stated_conversions(report.facts, {a.id: a for a in articles}, config.lexicons)
    return found.get("story", [])


def test_each_holds_gives_a_factor(tmp_path: Path, config: Config) -> None:
    [factor] = _conversions(
        tmp_path, "The doses arrived in 120,000 vials, each holding 10 doses.", config
    )
    assert (factor.from_, factor.to, factor.factor) == ("vial", "dose", 10)
    assert "each holding 10 doses" in factor.source


def test_equivalent_to_gives_a_factor(tmp_path: Path, config: Config) -> None:
    [factor] = _conversions(
        tmp_path, "It ships 5,000 crates, equivalent to roughly 40,000 boxes, in May.", config
    )
    assert (factor.from_, factor.to, factor.factor) == ("crate", "box", 8)


def test_units_linked_by_factors_share_a_family() -> None:
    from checker.lexicons import Conversion

    conversions = [
        Conversion.model_validate({"from": "vial", "to": "dose", "factor": 10, "source": "x"}),
        Conversion.model_validate({"from": "crate", "to": "vial", "factor": 50, "source": "y"}),
    ]
    families = unit_families(conversions)
    assert families["crate"] == families["vial"] == families["dose"]


def test_a_container_named_by_a_synonym_is_its_canonical_unit(
    tmp_path: Path, config: Config
) -> None:
    [factor] = _conversions(
        tmp_path, "Talvo will supply 120 R8 engines for the order, two for each jet.", config
    )
    assert (factor.from_, factor.to, factor.factor) == ("aircraft", "engine", 2)
