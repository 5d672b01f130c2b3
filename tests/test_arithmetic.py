"""AR001 and its kind: interval products, prices per unit, and how facts are paired."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from checker.models import Interval, Qualifier, Report
from checker.normalize import to_interval
from checker.pipeline import Config, check_paths
from checker.rules.context import RuleContext
from checker.rules.intervals import multiply, widened
from checker.rules.kinds.arithmetic import all_readings, unstated_prices
from checker.rules.loader import BUILTIN_RULES_DIR
from checker.rules.spec import Relation, RuleSpec
from tests.conftest import EXTERNAL, write_corpus
from tests.test_quantities import only_fact

INF = None  # an unbounded end


def stated(low: float, high: float, qualifier: str = "exact") -> Interval:
    return to_interval(low, high, qualifier)


@pytest.mark.parametrize(
    ("a", "b", "low", "high", "low_inclusive", "high_inclusive"),
    [
        (stated(200_000, 200_000), stated(27_000, 27_000), 5.4e9, 5.4e9, True, True),
        (stated(200_000, 200_000, "more_than"), stated(27_000, 27_000), 5.4e9, INF, False, False),
        (stated(200_000, 200_000, "at_least"), stated(27_000, 27_000), 5.4e9, INF, True, False),
        (stated(5_000, 10_000, "range"), stated(8, 8), 40_000, 80_000, True, True),
        (stated(100, 100, "about"), stated(4, 4), 360, 440, True, True),
        (stated(500, 500, "up_to"), stated(2, 2), 0, 1000, True, True),
        (stated(30, 30, "less_than"), stated(10, 10), 0, 300, True, False),
        (stated(0, 0), stated(5, 5, "more_than"), 0, 0, True, True),
    ],
    ids=["exact", "more_than", "at_least", "range", "about", "up_to", "less_than", "zero"],
)
def test_intervals_multiply_as_intervals(
    a: Interval, b: Interval, low: float, high: float | None, low_inclusive: bool,
    high_inclusive: bool,
) -> None:  # fmt: skip
    product = multiply(a, b)
    assert product is not None
    assert product.low == pytest.approx(low)
    assert product.high == (None if high is None else pytest.approx(high))
    assert (product.low_inclusive, product.high_inclusive) == (low_inclusive, high_inclusive)


def test_an_exact_product_keeps_its_stated_number() -> None:
    product = multiply(stated(1_000, 1_000), stated(50, 50))
    assert product is not None
    assert (product.stated, product.qualifier) == ([50_000], Qualifier.exact)


def test_a_signed_amount_has_no_product() -> None:
    assert multiply(stated(-3, -3), stated(50, 50)) is None


def test_widening_grows_both_ends_and_keeps_open_ends_open() -> None:
    grown = widened(stated(100, 200, "range"), 0.1)
    assert (grown.low, grown.high) == (pytest.approx(90), pytest.approx(220))
    assert widened(stated(5, 5, "more_than"), 0.1).high is None


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("Orbex paid $27,000 each, the filing shows.", "unit"),
        ("The deal pays $3 million apiece.", "unit"),
        ("Acme will pay $25 a share in cash.", "share"),
        ("Brent rose to $80 a barrel on Friday.", "bbl"),
        ("Union workers earn $28 an hour.", "h"),
        ("It paid $1 million a decade ago.", None),
        ("It will invest $5 billion a new plant needs.", None),
    ],
)
def test_money_followed_by_each_or_a_noun_is_a_price_per_unit(
    text: str, per: str | None, config: Config
) -> None:
    assert only_fact(text, config).per == per


def _run(tmp_path: Path, articles: dict[str, str], config: Config) -> tuple[Report, RuleContext]:
    report, read = check_paths([str(write_corpus(tmp_path / "story", articles))], config)
    return report, RuleContext(config.lexicons, {a.id: a for a in read}, report.facts)


def _report(tmp_path: Path, articles: dict[str, str], config: Config) -> Report:
    return _run(tmp_path, articles, config)[0]


def _ar001(report: Report) -> list:
    return [f for f in report.findings if f.rule == "AR001"]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Orbex bought 1,000 pumps at $50 each, a $5 million deal.", True),
        ("Orbex bought 1,000 pumps at $50 each, a $50,000 deal.", False),
        ("Orbex bought 1,000 pumps at $50 each, a deal worth about $52,000.", False),
        ("The airport sees 200 flights a day at $50 a flight, or $100,000 a day.", True),
        ("The airport sees 200 flights a day at $50 a flight, or $10,000 a day.", False),
        ("Contractors at Orbex earn $40 an hour and worked 1,000 hours, costing $4 million.", True),
        ("Contractors at Orbex earn $40 an hour and worked 1,000 hours, costing $40,000.", False),
        ("The plant will run at 2 GW for 3 hours each evening, or 600 MWh.", True),
        ("The plant will run at 2 GW for 3 hours each evening, or 6 GWh.", False),
        ("Ridgeway will buy 4 million tonnes of ore at $60 a tonne, a $2.4 billion deal.", True),
        # A price per share says nothing about a count of employees.
        ("Halden, with 3,000 employees, sold stock at $12 a share, raising $360 million.", False),
        # Dollars and euros are not converted: the units do not fit.
        ("Orbex bought 1,000 pumps at $50 each, a €5 million deal.", False),
        # Two products named: the price of one is not the price of the other.
        ("Orbex bought 1,000 Q7 pumps at $50 per Q9 pump, a $5 million deal.", False),
        # Two prices and two counts pair four ways: the text does not say which is meant.
        ("Orbex sold 2,000 pumps at $50 each and 1,000 valves at $20 each, for $80,000.", False),
        # A per-container count is an amount per vial, not an amount of the order.
        (
            "Each vial holds 10 doses, which cost €3.60 a dose, or roughly €18 million in all.",
            False,
        ),
        # A share or a multiple in the sentence may scale a factor.
        ("Orbex sold 40% of its 1,000 pumps at $50 each for $20,000.", False),
        ("Orbex sold half of its 1,000 pumps at $50 each for $25,000.", False),
        ("Orbex paid twice the usual $50 each for 1,000 pumps, a $100,000 deal.", False),
        ("Orbex bought 1,000 pumps at $50 each, a $5 million deal, up 20% on last year.", True),
        # An amount below the price of one unit is a change, not a total.
        ("Halden stock gained $2, closing at $40 a share, after it sold 3 million shares.", False),
        ("Tickets went up by $5 and now cost $50 each; the club sold 20,000 tickets.", False),
    ],
)
def test_one_sentence_pairs_its_own_figures(
    text: str, fires: bool, tmp_path: Path, config: Config
) -> None:
    assert bool(_ar001(_report(tmp_path, {"a.txt": text}, config))) is fires


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        (
            "Orbex bought 1,000 Q7 pumps at $50 each. Orbex said the order was worth $5 million.",
            True,
        ),
        (
            "Orbex bought 1,000 pumps at $50 each. Kalo Mining said it spent $5 million on a pit.",
            False,
        ),
        ("Orbex bought 1,000 pumps at $50 each. Revenue was $5 million in May.", False),
        (
            "Orbex bought 1,000 pumps at $50 each. Prices rose. Orbex said it paid $5 million.",
            False,
        ),
    ],
    ids=["same_company", "another_company", "nothing_links_them", "two_sentences_apart"],
)
def test_adjacent_sentences_pair_only_when_they_name_the_same_company_or_product(
    text: str, fires: int, tmp_path: Path, config: Config
) -> None:
    assert len(_ar001(_report(tmp_path, {"a.txt": text}, config))) == fires


def test_a_finding_quotes_the_three_facts_and_shows_the_product(
    tmp_path: Path, config: Config
) -> None:
    text = "Halden Bank sold 3 million shares at $12 a share, raising $360 million."
    report = _report(tmp_path, {"a.txt": text}, config)
    [finding] = _ar001(report)
    facts = {f.id: f for f in report.facts}
    assert [facts[i].quote for i in finding.facts] == ["3 million shares", "$12", "$360 million"]
    assert [e.quote for e in finding.evidence] == [text, "3 million shares", "$12", "$360 million"]
    for evidence in finding.evidence:
        assert text[evidence.start : evidence.end] == evidence.quote
    product = finding.compared[0].normalized
    assert (product.low, product.high, finding.compared[0].normalized_unit) == (36e6, 36e6, "USD")
    assert "36,000,000 USD" in finding.message and "360,000,000 USD" in finding.message


def _rule(config: Config) -> RuleSpec:
    return next(rule for rule in config.rules if rule.id == "AR001")


def test_facts_of_different_articles_are_never_paired(tmp_path: Path, config: Config) -> None:
    report, context = _run(tmp_path, {"a.txt": "Orbex bought 1,000 pumps at $50 each.",
                                      "b.txt": "Orbex said the pump order was worth $5 million."},
                           config)  # fmt: skip
    assert all_readings(_rule(config), report.facts, context) == []


def test_a_window_of_zero_keeps_pairs_inside_one_sentence(tmp_path: Path, config: Config) -> None:
    text = "Orbex bought 1,000 Q7 pumps at $50 each. Orbex said the order was worth $5 million."
    report, context = _run(tmp_path, {"a.txt": text}, config)
    rule = _rule(config)
    narrow = rule.model_copy(
        update={"params": rule.params.model_copy(update={"sentence_window": 0})}
    )
    assert all_readings(rule, report.facts, context)
    assert all_readings(narrow, report.facts, context) == []


@pytest.mark.parametrize(
    ("text", "prices"),
    [
        ("Orbex said it ordered 200,000 Q7 chips at $27,000, a deal worth $5.5 billion.",
         ["$27,000"]),
        ("Orbex sold 1,000 pumps at $50, a $5 million deal.", []),
        ("Orbex has 5 stores, $5 million in debt and $25 million in revenue.", []),
    ],
    ids=["multiplies_out", "does_not_multiply_out", "not_stated_at_a_price"],
)  # fmt: skip
def test_a_price_without_each_is_found_by_its_product(
    text: str, prices: list[str], tmp_path: Path, config: Config
) -> None:
    report, context = _run(tmp_path, {"a.txt": text}, config)
    found = unstated_prices(config.rules, report.facts, context)
    assert [f.quote for f in report.facts if f.id in found] == prices


SPEED_RELATION = """
    - name: speed_times_duration
      title: speed × duration = distance
      factors:
        - dimensions: [speed]
        - dimensions: [duration]
      total:
        dimensions: [length]
"""


def test_a_user_adds_a_relation_in_yaml(tmp_path: Path) -> None:
    text = "The Velaro train ran at 300 km/h for two hours, covering 900 km."
    builtin = (BUILTIN_RULES_DIR / "AR001-arithmetic.yaml").read_text(encoding="utf-8")
    assert "  relations:\n" in builtin
    extended = builtin.replace("  relations:\n", "  relations:" + SPEED_RELATION, 1)
    write_corpus(tmp_path / "my-rules", {"AR001.yaml": extended})
    shipped, custom = Config.load(), Config.load([tmp_path / "my-rules"])
    assert not _ar001(_report(tmp_path / "a", {"a.txt": text}, shipped))
    [finding] = _ar001(_report(tmp_path / "b", {"a.txt": text}, custom))
    assert "600 km" in finding.message and "900 km" in finding.message


def test_a_relation_has_at_most_one_rate() -> None:
    with pytest.raises(ValidationError, match="at most one factor"):
        Relation.model_validate({
            "name": "bad", "title": "rate × rate = total",
            "factors": [{"per": "other_factor"}, {"per": "other_factor"}], "total": {},
        })  # fmt: skip


def test_seeds_order_value_is_consistent_arithmetic(
    seeds_report: Report, seeds_articles: dict, config: Config
) -> None:
    """200,000 chips × $27,000 vs $5.4 billion: a reading that holds, reported by no rule."""
    context = RuleContext(config.lexicons, seeds_articles, seeds_report.facts)
    readings = [r for rs in all_readings(_rule(config), seeds_report.facts, context)
                for r in rs]  # fmt: skip
    assert any(r.consistent and r.total.quote == "more than $5.4 billion" for r in readings)
    assert not _ar001(seeds_report)
    billions = {f.id for f in seeds_report.facts if "5.4 billion" in f.quote}
    assert not [f for f in seeds_report.findings if f.rule == "CT001" and billions & set(f.facts)]


MEANTIME = EXTERNAL / "meantime-en" / "text"


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="the MEANTIME news corpus is not in shared/")
def test_no_false_alarm_on_real_news(config: Config) -> None:
    """120 Wikinews articles (shares, prices, deals) hold no product that fails to multiply
    out: every AR001 finding there would be a false alarm."""
    topics = sorted(str(path) for path in MEANTIME.iterdir() if path.is_dir())
    findings = [f for topic in topics for f in _ar001(check_paths([topic], config)[0])]
    assert findings == []
