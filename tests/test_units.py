"""Currencies and physical units as news copy writes them, and the words that name two things."""

from __future__ import annotations

import pytest

from checker.extract.quantities import ISO_CODES
from checker.models import Article, ArticleInfo, Fact
from checker.pipeline import Config, extract_facts


def facts_of(text: str, config: Config) -> list[Fact]:
    info = ArticleInfo(id="t.txt", path="t.txt", format="txt", sha256="0" * 64, chars=len(text))
    return extract_facts(Article(info=info, text=text), "t", config.lexicons)


def reading(text: str, quote: str, config: Config) -> tuple[str, float, str | None]:
    """(quote, first stated value, unit) of the fact whose quote is ``quote``."""
    found = [f for f in facts_of(text, config) if f.quote == quote]
    assert found, [f.quote for f in facts_of(text, config)]
    return found[0].quote, found[0].value.stated[0], found[0].unit


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("The deal was worth c $ 40 million, the bank said.", "c $ 40 million", 4e7, "CAD"),
        ("Exports reached hk $ 3.2 billion last year.", "hk $ 3.2 billion", 3.2e9, "HKD"),
        ("The bridge cost nzd$ 15 million.", "nzd$ 15 million", 1.5e7, "NZD"),
        ("Tickets sold for Mex$ 250 each.", "Mex$ 250", 250, "MXN"),
        ("The grant totals US $ 2 million.", "US $ 2 million", 2e6, "USD"),
        ("Subscribers pay a $5 fee each month.", "$5", 5, "USD"),
        ("The plan gives us $2 billion.", "$2 billion", 2e9, "USD"),
    ],
)
def test_dollar_prefixes_name_the_dollar(
    text: str, quote: str, value: float, unit: str, config: Config
) -> None:
    assert reading(text, quote, config) == (quote, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("The licence costs USD450 a year.", "USD450", 450, "USD"),
        ("The licence costs 450USD a year.", "450USD", 450, "USD"),
        ("Losses reached 45 MEUR in 2023.", "45 MEUR", 4.5e7, "EUR"),
        ("Sales were MSEK 120 in the quarter.", "MSEK 120", 1.2e8, "SEK"),
        ("The charity raised 12 kUSD from donors.", "12 kUSD", 1.2e4, "USD"),
        ("They lost 40 USD million over two years.", "40 USD million", 4e7, "USD"),
        ("Each guest paid 10 us dollars.", "10 us dollars", 10, "USD"),
        ("A taxi ride costs 20 rmb.", "20 rmb", 20, "CNY"),
        ("The fine was 900 swiss francs.", "900 swiss francs", 900, "CHF"),
        ("The regulator imposed a PLN 2 million penalty.", "PLN 2 million", 2e6, "PLN"),
    ],
)
def test_iso_codes_glued_scaled_or_in_lower_case(
    text: str, quote: str, value: float, unit: str, config: Config
) -> None:
    assert reading(text, quote, config) == (quote, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("A meal costs 9,000 ₩ in Seoul.", "9,000 ₩", "KRW"),
        ("Rent is ₽45,000 a month.", "₽45,000", "RUB"),
        ("Fares rose to 30 ₺.", "30 ₺", "TRY"),
        ("A bed costs ₱500 a night.", "₱500", "PHP"),
        ("Entry is ₪120.", "₪120", "ILS"),
        ("A coffee is 2,500₡ here.", "2,500₡", "CRC"),
    ],
)
def test_currency_signs_come_from_the_lexicon(
    text: str, quote: str, unit: str, config: Config
) -> None:
    assert reading(text, quote, config)[2] == unit


def test_every_code_the_grammar_reads_has_a_lexicon_entry(config: Config) -> None:
    missing = [c for c in ISO_CODES.split("|") if c not in config.lexicons.source.currencies]
    assert not missing, f"add to rules/lexicons/units.yaml currencies: {missing}"


@pytest.mark.parametrize("text", ["All 70 of us came.", "ALL 5 answers were wrong.",
                                  "The 3D printer made 40 parts."])  # fmt: skip
def test_words_that_look_like_codes_are_not_money(text: str, config: Config) -> None:
    assert all(f.dimension.value != "currency" for f in facts_of(text, config))


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The club's profit rose to 45 million pounds.", "45 million pounds", "GBP"),
        ("The striker joined for a fee of 20 million pounds.", "20 million pounds", "GBP"),
        ("He paid 5 pounds for the ticket.", "5 pounds", "GBP"),
        ("He weighs 180 pounds.", "180 pounds", "lb"),
        ("Inspectors recalled 3 million pounds of ground beef.", "3 million pounds", "lb"),
        ("The scheme wasted 40 million pounds of taxpayers' money.", "40 million pounds", "GBP"),
        ("The newborn baby weighed seven pounds.", "seven pounds", "lb"),
        ("The case is 12 pounds heavier than allowed.", "12 pounds", "lb"),
        ("She lost 30 pounds over the summer.", "30 pounds", "lb"),
    ],
)
def test_pounds_are_sterling_near_money_and_weight_otherwise(
    text: str, quote: str, unit: str, config: Config
) -> None:
    assert reading(text, quote, config)[2] == unit


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("The tower is 48m tall.", "48m", 48, "m"),
        ("Divers reached a depth of 30m.", "30m", 30, "m"),
        ("The 5m-high wall held.", "5m", 5, "m"),
        ("The crane has an outreach of 60m.", "60m", 60, "m"),
        ("The firm raised $1.8m from investors.", "$1.8m", 1.8e6, "USD"),
        ("About 1.8m people live in the city.", "About 1.8m people", 1.8e6, "person"),
        ("The club paid 48m for the striker.", "48m", 4.8e7, None),
        ("Sales reached a record high of 48m.", "48m", 4.8e7, None),
        ("She won the 400m hurdles.", "400m", 400, "m"),
        ("Bolt ran the 100m in 9.58 seconds.", "100m", 100, "m"),
        ("The club ran up losses of 100m.", "100m", 1e8, None),
    ],
)
def test_glued_m_is_metres_only_in_a_length_context(
    text: str, quote: str, value: float, unit: str | None, config: Config
) -> None:
    assert reading(text, quote, config) == (quote, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The truck weighs 2,000 (kg) empty.", "2,000 (kg)", "kg"),
        ("The limit is 30 [km/h] in town.", "30 [km/h]", "km/h"),
        ("He weighs 200lbs.", "200lbs", "lb"),
        ("Cars may drive at 50kph here.", "50kph", "km/h"),
        ("Trains run at 120 km/hr.", "120 km/hr", "km/h"),
        ("The storm moved at 15 miles an hour.", "15 miles an hour", "mph"),
        ("Winds reached 90 kilometres an hour.", "90 kilometres an hour", "km/h"),
        ("Traffic crawled at 40 km per hour.", "40 km per hour", "km/h"),
    ],
)
def test_units_glued_bracketed_or_spelled_as_a_rate(
    text: str, quote: str, unit: str, config: Config
) -> None:
    assert reading(text, quote, config)[2] == unit


def test_pence_ends_the_phrase(config: Config) -> None:
    text = "Shares sank to 210 pence level seen in May."
    assert reading(text, "210 pence", config)[2] == "penny"


@pytest.mark.parametrize(
    ("text", "quote", "unit", "dimension"),
    [
        ("The airship was 776-foot long.", "776-foot", "ft", "length"),
        ("He took a three-foot step.", "three-foot", "ft", "length"),
        ("The tablet has a 13.3-inch screen.", "13.3-inch", "in", "length"),
        ("A 10-gallon tank sat there.", "10-gallon", "gal", "volume"),
        ("The estate covers 450 acres.", "450 acres", "acre", "area"),
        ("The flat has 660 square metres of space.", "660 square metres", "m2", "area"),
        ("The park spans 190 km2.", "190 km2", "km2", "area"),
        ("They export 0.9 trillion cubic feet of gas.", "0.9 trillion cubic feet", "cu ft",
         "volume"),
        ("Each bottle holds 75ml.", "75ml", "ml", "volume"),
        ("Pour 3 to 4 L of water.", "3 to 4 L", "l", "volume"),
        ("The reservoir holds 186 gigalitres when full.", "186 gigalitres", "GL", "volume"),
        ("The plant would produce 50 megalitres a day.", "50 megalitres", "ML", "volume"),
        ("The basin lost 1.2 million acre-feet of water.", "1.2 million acre-feet", "acre-ft",
         "volume"),
        ("Tankers delivered 3,000 cubic metres of water.", "3,000 cubic metres", "m3", "volume"),
    ],
)  # fmt: skip
def test_imperial_area_and_volume_units(
    text: str, quote: str, unit: str, dimension: str, config: Config
) -> None:
    found = [f for f in facts_of(text, config) if f.quote == quote]
    assert found and (found[0].unit, found[0].dimension.value) == (unit, dimension)


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("The player is 6 ft 2 in tall.", "6 ft 2 in", 6 + 2 / 12, "ft"),
        ("She is 5 feet and 4 inches.", "5 feet and 4 inches", 5 + 4 / 12, "ft"),
        ("The baby weighed 7 pounds 4 ounces.", "7 pounds 4 ounces", 7.25, "lb"),
        ("The wall is 12 m 2 dm long.", "12 m", 12, "m"),
    ],
)
def test_a_smaller_unit_after_a_measurement_adds_to_it(
    text: str, quote: str, value: float, unit: str, config: Config
) -> None:
    assert reading(text, quote, config) == (quote, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("The pencil is 2 in.", "in"), ("The board is 2 in thick.", "in"),
     ("We meet at 9 in Paris.", None), ("Doors open at 5 in the morning.", None),
     ("Ask for part 24703 L-202.", None)],
)  # fmt: skip
def test_a_symbol_that_is_also_a_word_needs_its_context(
    text: str, unit: str | None, config: Config
) -> None:
    assert [f.unit for f in facts_of(text, config)] == [unit]


def test_a_currency_named_by_a_hyphenated_noun_is_quoted_with_it(config: Config) -> None:
    text = "Fujitsu withdrew its one-yen bid for the contract."
    assert reading(text, "one-yen", config) == ("one-yen", 1, "JPY")


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("Temperatures hit a record 44.6C (112.3F) on Wednesday.", [("44.6C", "degC"),
                                                                   ("112.3F", "degF")]),
        ("The thermometer read 41C at noon, the hottest day this year.", [("41C", "degC")]),
    ],
)  # fmt: skip
def test_a_temperature_symbol_glued_to_digits_is_read_beside_a_temperature_cue(
    text: str, quotes: list[tuple[str, str]], config: Config
) -> None:
    assert [(f.quote, f.unit) for f in facts_of(text, config)] == quotes


def test_a_letter_glued_to_digits_with_no_temperature_cue_names_something(config: Config) -> None:
    assert facts_of("Passengers for Lisbon boarded at Gate 12C on Monday.", config) == []


def test_a_temperature_is_its_own_measure_whatever_cue_lies_near(config: Config) -> None:
    text = "Temperatures hit a record 44.6C on Wednesday as the death toll rose to 12."
    assert [(f.quote, f.predicate) for f in facts_of(text, config)] == [
        ("44.6C", "temperature"),
        ("12", "deaths"),
    ]
