"""US001's corroboration index answers exactly what comparing every pair would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.models import Attribution, AttributionKind, Dimension, Fact, Interval, Span
from checker.pipeline import Config
from checker.rules.context import RuleContext
from checker.rules.kinds.contradiction import clusters
from checker.rules.kinds.unsupported import is_corroborated

TOLERANCE = 0.02


def _fact(index: int, article: str, low: float | None, high: float | None) -> Fact:
    return Fact(
        id=f"F{index}", article=article, topic="t", unit="chip", dimension=Dimension.count,
        value=Interval(low=low, high=high), attribution=Attribution(kind=AttributionKind.none),
        quote="x", start=0, end=1, sentence=Span(start=0, end=1),
    )  # fmt: skip


def _pairwise(fact: Fact, facts: list[Fact]) -> set[str]:
    """The definition: another article's fact, open-ended only if this one is too, whose
    widened interval overlaps."""

    def bounded(f: Fact) -> bool:
        return f.value.low is not None and f.value.high is not None

    return {
        other.id
        for other in facts
        if other.article != fact.article
        and not (not bounded(other) and bounded(fact))
        and len(clusters([fact, other], TOLERANCE, 0.0)) == 1
    }


bounds = st.one_of(st.none(), st.integers(0, 1000).map(float))


@st.composite
def fact_lists(draw: st.DrawFn) -> list[Fact]:
    facts = []
    for index in range(draw(st.integers(1, 12))):
        low, high = draw(bounds), draw(bounds)
        if low is not None and high is not None and low > high:
            low, high = high, low
        facts.append(_fact(index, draw(st.sampled_from("abc")), low, high))
    return facts


@settings(max_examples=200, deadline=None)
@given(fact_lists())
def test_index_agrees_with_pairwise_comparison(config: Config, facts: list[Fact]) -> None:
    context = RuleContext(config.lexicons, {}, facts)
    for fact in facts:
        expected = _pairwise(fact, facts)
        assert is_corroborated(fact, context, TOLERANCE) == bool(expected), fact.id
