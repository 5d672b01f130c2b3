"""The number grammar, as a table of news phrases and the values they state."""

from __future__ import annotations

import pytest

from checker.extract import numbers as num
from checker.models import Article, ArticleInfo, Fact
from checker.pipeline import Config, extract_facts


def facts_of(text: str, config: Config) -> list[Fact]:
    info = ArticleInfo(id="t.txt", path="t.txt", format="txt", sha256="0" * 64, chars=len(text))
    return extract_facts(Article(info=info, text=text), "t", config.lexicons)


def only_fact(text: str, config: Config) -> Fact:
    facts = facts_of(text, config)
    assert len(facts) == 1, [f.quote for f in facts]
    return facts[0]


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "unit"),
    [
        ("The firm shipped 5,000 to 10,000 modules last year.", 5000, 10000, "range", "module"),
        ("The firm shipped 5,000-10,000 modules.", 5000, 10000, "range", "module"),
        ("It will buy between 5 and 10 million doses.", 5e6, 1e7, "range", "dose"),
        ("Officials expect between five and ten million visitors.", 5e6, 1e7, "range", "visitor"),
        ("It will buy between five million and ten million doses.", 5e6, 1e7, "range", "dose"),
        ("Buyers ordered more than 2 million chips.", 2e6, None, "more_than", "chip"),
        ("The council approved at least 40 turbines.", 40, None, "at_least", "turbine"),
        ("The plant will employ up to 500 workers.", 0, 500, "up_to", "employee"),
        ("Fewer than 30 people attended.", 0, 30, "less_than", "person"),
        ("The shelter holds 200,000+ tonnes.", 200000, None, "at_least", "t"),
        ("Four people familiar with the plan said so.", 4, 4, "exact", "person"),
        ("The agency bought two million vials.", 2e6, 2e6, "exact", "vial"),
        ("Forty-five ships were waiting.", 45, 45, "exact", "ship"),
        ("Two hundred and fifty jobs went.", 250, 250, "exact", "job"),
        ("Half a million people voted.", 5e5, 5e5, "exact", "person"),
        ("Prices fell -3.2% on Monday.", -3.2, -3.2, "exact", "%"),
        ("Output was minus five percent.", -5, -5, "exact", "%"),
        ("Rates stood between negative ten and fifteen.", -10, 15, "range", None),
        ("The fee is 20 swiss francs.", 20, 20, "exact", "CHF"),
        ("The bond raised 125 million Australian dollars.", 1.25e8, 1.25e8, "exact", "AUD"),
        ("A ticket costs 10 € at the door.", 10, 10, "exact", "EUR"),
        ("Turnout was 500 or more voters.", 500, None, "at_least", "voter"),
        ("The bus seats 30 or fewer riders.", 0, 30, "up_to", "passenger"),
        ("Classes of less than or equal to 30 pupils get funds.", 0, 30, "up_to", "pupil"),
        ("Turnout reached 100 percentage.", 100, 100, "exact", "%"),
        ("The route is 10km long.", 10, 10, "exact", "km"),
        ("Two and a half million people voted.", 2.5e6, 2.5e6, "exact", "person"),
        ("A quarter million homes lost power.", 2.5e5, 2.5e5, "exact", "home"),
        ("Half a dozen ships were seized.", 6, 6, "exact", "ship"),
        ("The firm hired 3 hundred engineers.", 300, 300, "exact", "engineer"),
        ("Debt reached 10 bln dollars.", 1e10, 1e10, "exact", "USD"),
        ("The deal is worth $4.2 billion.", 4.2e9, 4.2e9, "exact", "USD"),
        ("The project costs €310m in total.", 3.1e8, 3.1e8, "exact", "EUR"),
        ("A line can cost 200 billion yuan.", 2e11, 2e11, "exact", "CNY"),
        ("Revenue grew 25% in the quarter.", 25, 25, "exact", "%"),
        ("Support fell five percentage points.", 5, 5, "exact", "pp"),
        ("The new engine is up to 6× faster.", 0, 6, "up_to", "x"),
        ("The Zeta is almost six times as fast as the Beta.", 5.4, 6, "almost", "x"),
    ],
)
def test_values_units_and_qualifiers(
    text: str, low: float, high: float | None, qualifier: str, unit: str, config: Config
) -> None:
    fact = only_fact(text, config)
    assert fact.value.low == pytest.approx(low)
    assert (fact.value.high is None) if high is None else fact.value.high == pytest.approx(high)
    assert fact.value.qualifier.value == qualifier
    assert fact.unit == unit


@pytest.mark.parametrize(
    ("text", "unit", "dimension"),
    [
        ("The battery can deliver 200 MW for two hours.", "MW", "power"),
        ("It stores 400 MWh of electricity.", "MWh", "energy"),
        ("The 298-megawatt solar farm opened.", "MW", "power"),
        ("It will produce around 540 gigawatt-hours a year.", "GWh", "energy"),
        ("The line runs 10 km to the coast.", "km", "length"),
        ("The farm covers 420 hectares.", "ha", "area"),
        ("Doses are kept at 2 to 8 °C in transit.", "degC", "temperature"),
    ],
)
def test_physical_units_carry_their_dimension(
    text: str, unit: str, dimension: str, config: Config
) -> None:
    fact = [f for f in facts_of(text, config) if f.unit == unit]
    assert fact and fact[0].dimension.value == dimension


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [("Sales tripled in a year.", "tripled", 3), ("It is twice as fast.", "twice", 2),
     ("A sixfold increase followed.", "sixfold", 6), ("The plant doubled output.", "doubled", 2)],
)  # fmt: skip
def test_one_word_multipliers(text: str, quote: str, value: float, config: Config) -> None:
    fact = only_fact(text, config)
    assert (fact.quote, fact.value.stated, fact.unit) == (quote, [value], "x")


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [("They signed a 15-year agreement.", "15-year", "year"),
     ("It is a four-dose schedule.", "four-dose", "dose"),
     ("The site has a two-hour battery.", "two-hour", "h")],
)  # fmt: skip
def test_number_joined_to_a_unit_by_a_hyphen(
    text: str, quote: str, unit: str, config: Config
) -> None:
    fact = only_fact(text, config)
    assert (fact.quote, fact.unit) == (quote, unit)


@pytest.mark.parametrize("text", ["A double-digit rise.", "The doubles final.", "A one-off fee.",
                                  "A two-track plan."])  # fmt: skip
def test_compound_adjectives_are_not_quantities(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


def test_a_change_from_one_value_to_another_is_two_values(config: Config) -> None:
    facts = facts_of("Turnout rose from 65% to 71% this year.", config)
    assert [(f.quote, f.value.stated) for f in facts] == [("65%", [65]), ("71%", [71])]


def test_a_percent_change_then_a_level_is_not_a_range(config: Config) -> None:
    facts = facts_of("The index has fallen by 3.16% to 2138.14 points.", config)
    assert [(f.value.stated, f.unit) for f in facts] == [([3.16], "%"), ([2138.14], "point")]


def test_a_share_then_a_level_is_not_a_range(config: Config) -> None:
    facts = facts_of("Jobs fell by a quarter to 3 million.", config)
    assert [(f.value.stated, f.unit) for f in facts] == [([0.25], "fraction"), ([3e6], None)]


def test_a_year_does_not_start_a_range(config: Config) -> None:
    facts = facts_of("Admissions fell from 20% in 2024 to 15% in 2025.", config)
    assert [f.value.stated for f in facts] == [[20], [15]]


def test_a_dash_before_a_clause_is_not_a_range(config: Config) -> None:
    fact = only_fact("It would cost more than $5.4 billion — one of the largest deals.", config)
    assert (fact.value.low, fact.unit) == (5.4e9, "USD")


def test_a_lower_and_an_upper_bound_make_one_interval(config: Config) -> None:
    fact = only_fact("The plant employs more than 100 but fewer than 300 staff.", config)
    value = fact.value
    assert (value.low, value.high, value.low_inclusive, value.high_inclusive) == (
        100,
        300,
        False,
        False,
    )
    assert fact.unit == "employee"


def test_about_is_a_symmetric_tolerance(config: Config) -> None:
    fact = only_fact("The warehouse holds about 700,000 units.", config)
    assert (fact.value.low, fact.value.high, fact.value.stated) == (630000, 770000, [700000])


def test_vague_amount_is_a_documented_interval(config: Config) -> None:
    fact = only_fact("Regulators cleared several hundred thousand chips.", config)
    assert (fact.value.low, fact.value.high, fact.value.qualifier.value) == (2e5, 1e6, "vague")


def test_model_number_is_the_item_not_a_quantity(config: Config) -> None:
    fact = only_fact("The lab holds 700,000 X900 units in stock.", config)
    assert (fact.value.low, fact.unit, fact.item) == (700000, "unit", "X900")


@pytest.mark.parametrize(
    "text",
    [
        "The A100 and H100 remain restricted.",
        "Chips made on 7nm and 5nm processes are cheaper.",
        "The shares trade as HKEX: 9988 in Hong Kong.",
        "The order was placed on January 7, 2026.",
        "Output will rise in Q1 2026.",
        "One added that talks would continue.",
        "Firms adopted a two-track approach.",
        "Scores lined up at the gate.",
        "Call the press office on +32 9 555 01 47 for details.",
        "Readers can phone 0722 555 014 until noon.",
        "The VS-4000 range is sold out.",
    ],
)
def test_identifiers_dates_and_pronouns_are_not_quantities(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


def test_price_per_unit_reads_the_rate(config: Config) -> None:
    fact = only_fact("At a base price of $27,000 per unit the order is large.", config)
    assert (fact.unit, fact.per, fact.predicate) == ("USD", "unit", "unit_price")


def test_annual_amount_reads_the_period(config: Config) -> None:
    fact = only_fact("The market could generate about US$50 billion annually.", config)
    assert (fact.unit, fact.per, fact.modality.value) == ("USD", "year", "hypothetical")


def test_offsets_are_exact_for_every_fact(config: Config) -> None:
    text = "Acme sold 1 000 pumps and about €5m of spares; 2,500+ engineers helped.\r\nDone."
    for fact in facts_of(text, config):
        assert text[fact.start : fact.end] == fact.quote


def test_offsets_survive_letters_whose_lower_case_is_longer(config: Config) -> None:
    # Cue patterns run on a lower-cased copy of the text; "İ" lower-cases to two characters.
    text = "İzmir's port handled SEVEN million tonnes, the İZMIR authority said."
    fact = only_fact(text, config)
    assert text[fact.start : fact.end] == fact.quote == "SEVEN million tonnes"
    assert fact.modality.value == "reported"


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Voters backed the plan by two thirds.", "two thirds", 2 / 3, "fraction"),
        ("Only ⅔ of members voted.", "⅔", 2 / 3, "fraction"),
        ("The board cut its stake by 3/4.", "3/4", 0.75, "fraction"),
        ("About 1/40 of the budget went on fees.", "About 1/40", 0.025, "fraction"),
        ("One in five adults smokes.", "One in five", 0.2, "fraction"),
        ("Eight out of 10 firms agreed.", "Eight out of 10", 0.8, "fraction"),
        ("The agency ordered one and a quarter million doses.", None, 1.25e6, "dose"),
        ("Output fell by three and a fifth percent.", None, 3.2, "%"),
        ("A third of a million people fled.", None, 1e6 / 3, "person"),
        ("Shares rose 2 1/4 points.", "2 1/4 points", 2.25, "point"),
        ("The loan runs 2½ years.", "2½ years", 2.5, "year"),
        ("The crew hauled three dozen crates.", None, 36, "crate"),
        ("The index fell two and three quarters points.", None, 2.75, "point"),
    ],
)
def test_fractions_shares_and_ratios(
    text: str, quote: str | None, value: float, unit: str | None, config: Config
) -> None:
    fact = only_fact(text, config)
    assert fact.value.stated == [pytest.approx(value)]
    assert fact.unit == unit
    if quote is not None:
        assert fact.quote == quote


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed on 10/12 in Geneva.",
        "The 9/11 attacks changed policy.",
        "The hotline runs 24/7.",
        "We meet on 3/4 at noon.",
    ],
)
def test_dates_and_rates_written_with_a_slash_are_not_fractions(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


def test_a_score_is_two_numbers_not_a_fraction(config: Config) -> None:
    facts = facts_of("The hosts won 3-1 on Sunday.", config)
    assert [(f.value.stated, f.unit) for f in facts] == [([3], None), ([1], None)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Police counted 4 thousand 3 hundred marchers.", 4300, "marcher"),
        ("The firm spent 6 crore and two hundred rupees.", 60000200, "INR"),
        ("The state hired 13 lakh teachers.", 1.3e6, "teacher"),
        ("Exports reached 12,34,567 tonnes.", 1234567, "t"),
        ("Sales reached fifty - two units.", 52, "unit"),
        ("Yields fell to .08 on Monday.", 0.08, None),
        ("The census counted 1 414 021 100 residents.", 1414021100, "resident"),
    ],
)
def test_numerals_in_digits_words_and_indian_scales(
    text: str, value: float, unit: str, config: Config
) -> None:
    fact = only_fact(text, config)
    assert (fact.value.stated, fact.unit) == ([value], unit)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three hundred and two dozen", 324),
        ("three lakh crore", 3e12),
        ("six million and two thirds", 6e6 + 2e6 / 3),
        ("one billion and a half million", 1.0005e9),
        ("two and a half million", 2.5e6),
        ("3 hundred and 21", 321),
        ("twenty five hundred", 2500),
    ],
)
def test_number_words_compose_by_scale(words: str, value: float) -> None:
    assert num.parse_words(words) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier", "unit"),
    [
        ("Turnout was greater than or equal to 40 percent.", 40, None, "at_least", "%"),
        ("The fund is less than 5,000 or equal to it.", 0, 5000, "up_to", None),
        ("Turnout was 200 or greater than that.", 200, None, "at_least", None),
        ("Exports surpassed $5 billion last year.", 5e9, None, "more_than", "USD"),
        ("Attendance topped 40,000.", 40000, None, "more_than", None),
        ("More than half of voters agreed.", 0.5, None, "more_than", "fraction"),
        ("More than 1/2 of staff left.", 0.5, None, "more_than", "fraction"),
        ("Salaries run 5k-20k.", 5000, 20000, "range", None),
        ("The lab ran 20~100 trials.", 20, 100, "range", "trial"),
    ],
)
def test_bounds_and_ranges(
    text: str, low: float, high: float | None, qualifier: str, unit: str | None, config: Config
) -> None:
    fact = only_fact(text, config)
    assert (fact.value.low, fact.value.high) == (low, high)
    assert (fact.value.qualifier.value, fact.unit) == (qualifier, unit)


def test_a_verb_bound_keeps_the_sentence_modality(config: Config) -> None:
    fact = only_fact("The company expects sales to exceed 3,000 units.", config)
    assert (fact.quote, fact.value.low, fact.value.qualifier.value) == (
        "exceed 3,000 units",
        3000,
        "more_than",
    )
    assert fact.modality.value == "expected"


@pytest.mark.parametrize(
    ("text", "low", "high", "low_inclusive", "high_inclusive"),
    [
        ("The plant employs at most 100 and at least 20 staff.", 20, 100, True, True),
        ("Rates are above 2% and below 5%.", 2, 5, False, False),
        ("Bids came in higher than $100, lower than $120.", 100, 120, False, False),
        ("Classes are larger than 20 and less than or equal to 35 pupils.", 20, 35, False, True),
    ],
)
def test_two_bounds_in_either_order_make_one_interval(
    text: str, low: float, high: float, low_inclusive: bool, high_inclusive: bool, config: Config
) -> None:
    value = only_fact(text, config).value
    assert (value.low, value.high, value.low_inclusive, value.high_inclusive) == (
        low,
        high,
        low_inclusive,
        high_inclusive,
    )


@pytest.mark.parametrize(
    "text",
    [
        "More than 40 and less than 10 were counted.",
        "It hired more than 100 workers and fewer than 30 managers.",
        "Scores were less than 10, more than 10 in the final.",
        "Of the more than 200 applicants, fewer than 50 were accepted.",
    ],
)
def test_bounds_that_cannot_meet_or_count_different_things_stay_apart(
    text: str, config: Config
) -> None:
    assert len(facts_of(text, config)) == 2


@pytest.mark.parametrize(
    ("text", "values"),
    [("Police arrested 12 in six raids.", [[12], [6]]),
     ("Five out of three judges dissented.", [[5], [3]])],
)  # fmt: skip
def test_a_ratio_that_is_no_share_is_two_numbers(
    text: str, values: list[list[float]], config: Config
) -> None:
    assert [f.value.stated for f in facts_of(text, config)] == values


@pytest.mark.parametrize(
    "text",
    [
        "Details at https://example.org/report?q=30%25%20growth%28 today.",
        "See www.example.com/2024/10/12/sales-up-20% for more.",
    ],
)
def test_numbers_inside_a_link_are_not_read(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


def test_each_figure_of_a_list_belongs_to_the_name_opening_its_clause(config: Config) -> None:
    text = "The Nasdaq index fell 3.2% on Monday, while the Dax lost 1.8% and the Ibex 2.5%."
    subjects = [f.subject for f in facts_of(text, config) if f.unit == "%"]
    assert subjects == ["Nasdaq", "Dax", "Ibex"]


def test_ones_counts_the_noun_counted_before_it(config: Config) -> None:
    text = "The park will create up to 500 construction jobs and 35 permanent ones."
    assert [(f.quote, f.unit) for f in facts_of(text, config)] == [
        ("up to 500 construction jobs", "job"),
        ("35 permanent ones", "job"),
    ]


@pytest.mark.parametrize(
    "text",
    ["RENNET BAY, May 5 (Reuters) - The contract is valued at EUR 3.1 billion, Ada Obi said.",
     "The contract is worth 4.1 billion euros, two sources briefed on the plan said."],
)  # fmt: skip
def test_a_month_named_may_and_the_noun_plan_hedge_nothing(text: str, config: Config) -> None:
    [fact] = [f for f in facts_of(text, config) if f.unit == "EUR"]
    assert fact.modality.value == "reported"


def test_may_and_plans_to_still_hedge(config: Config) -> None:
    facts = facts_of("Orbex may ship 400 units. Orbex plans to ship 900 units.", config)
    assert [f.modality.value for f in facts] == ["hypothetical", "expected"]


def test_would_in_reported_speech_is_a_plan_not_a_hedge(config: Config) -> None:
    text = "Mayor Ada Vos said the campus would bring 1,200 permanent jobs to the area."
    [fact] = facts_of(text, config)
    assert fact.modality.value == "expected"


def test_would_in_reported_speech_after_a_figure_is_a_plan(config: Config) -> None:
    fact = only_fact("Orsk said 2,100 jobs would go across the combined group.", config)
    assert fact.modality.value == "expected"


@pytest.mark.parametrize("noun", ["roles", "positions", "redundancies"])
def test_roles_and_positions_cut_count_jobs(noun: str, config: Config) -> None:
    fact = only_fact(f"The group expects a net reduction of 1,200 {noun} by 2028.", config)
    assert (fact.unit, fact.predicate) == ("job", "employees")


def test_a_count_of_jobs_cut_is_a_count_of_jobs(config: Config) -> None:
    # "cut ... jobs" is a cue phrase only where its words are written together; with the
    # figure between them, the count's own noun names the predicate.
    fact = only_fact("Brennhof has cut 1,400 jobs since March.", config)
    assert fact.predicate == "employees"


def test_cutting_a_loose_number_of_jobs_is_no_surcharge(config: Config) -> None:
    fact = only_fact("Brennhof will cut hundreds of jobs at its Lechtal plant.", config)
    assert (fact.unit, fact.predicate) == ("job", "employees")


def test_a_cut_by_a_percentage_is_the_size_of_a_change(config: Config) -> None:
    assert only_fact("Rail operators cut services by 40%.", config).predicate == "price_change"


def test_homes_told_not_to_drink_the_water_are_under_an_advisory(config: Config) -> None:
    text = "The utility told 8,600 households in Oddenby not to drink tap water."
    assert only_fact(text, config).predicate == "advisory"


def test_homes_a_boil_water_notice_covers_are_under_an_advisory(config: Config) -> None:
    text = "The boil-water notice issued on Monday covered 5,200 households."
    assert only_fact(text, config).predicate == "advisory"


def test_a_sum_in_a_notice_is_no_advisory(config: Config) -> None:
    text = "The do-not-drink notice came with a penalty of €2.1 million for the plant."
    assert only_fact(text, config).predicate == "fine"


def test_figures_continuing_a_list_count_the_noun_of_its_first(config: Config) -> None:
    text = "Airbus expects to cut 4,300 jobs in France, 3,700 in Germany and 400 in Spain."
    assert [f.unit for f in facts_of(text, config)] == ["job", "job", "job"]


def test_a_bare_figure_after_a_comma_with_no_place_borrows_nothing(config: Config) -> None:
    text = "Sales rose 5% in May, and 3 were returned."
    assert [f.unit for f in facts_of(text, config)] == ["%", None]


def test_a_list_item_s_label_in_capitals_is_no_identifier(config: Config) -> None:
    text = "The recall covers these vehicles:\n\n- **Ravlen E6** SUV: 71,300 vehicles\n"
    assert only_fact(text, config).quote == "71,300 vehicles"


def test_an_identifier_after_a_label_in_capitals_is_still_no_count(config: Config) -> None:
    assert facts_of("The filing lists the vehicle under VIN: 4471.", config) == []


def test_fires_a_fault_caused_are_a_toll_of_fires(config: Config) -> None:
    fact = only_fact("Ravlen said it had confirmed 14 fires linked to the fault.", config)
    assert (fact.unit, fact.predicate) == ("fire", "fires")


def test_a_time_opening_the_sentence_is_not_part_of_the_speaker(config: Config) -> None:
    text = "On Tuesday the Aldmark Vehicle Safety Agency said 19 fires had been confirmed."
    fact = only_fact(text, config)
    assert fact.attribution.source == "Aldmark Vehicle Safety Agency"


def test_would_in_reported_speech_with_a_condition_stays_hypothetical(config: Config) -> None:
    [fact] = facts_of("Orvane said it would invest $4 billion if the permit is granted.", config)
    assert fact.modality.value == "hypothetical"


def test_a_negation_inside_a_compound_negates_nothing(config: Config) -> None:
    fact = only_fact("The do-not-drink notice issued on Monday covered 5,200 households.", config)
    assert fact.modality.value == "asserted"


def test_not_to_after_a_count_negates_the_instruction_not_the_count(config: Config) -> None:
    fact = only_fact("The utility told 8,600 households not to drink tap water.", config)
    assert fact.modality.value != "negated"


def test_not_to_before_a_figure_still_negates_it(config: Config) -> None:
    fact = only_fact("Alibaba decided not to buy 200,000 chips.", config)
    assert fact.modality.value == "negated"


def test_an_if_addressed_to_the_reader_before_a_colon_hedges_nothing(config: Config) -> None:
    text = "If you missed the news: on 14 March a valve failed and 45,000 litres leaked."
    assert only_fact(text, config).modality.value == "asserted"


def test_a_condition_ending_in_a_comma_still_hedges(config: Config) -> None:
    assert only_fact("If the deal closes, Orsk gets 1,200 staff.", config).modality.value == (
        "hypothetical"
    )


def test_a_company_s_legal_form_is_not_part_of_its_name_as_subject(config: Config) -> None:
    fact = only_fact("Quorvale Chemicals Ltd said 45,000 litres escaped.", config)
    assert fact.subject == "Quorvale Chemicals"


def test_a_company_named_corporation_speaks_for_itself(config: Config) -> None:
    text = "Acme Corporation said it will invest $2 billion in its new plant in Ohio."
    [fact] = facts_of(text, config)
    assert fact.subject == "Acme Corporation"


def test_jobs_promised_are_no_investment(config: Config) -> None:
    [fact] = facts_of("Orbex promised 1,200 permanent jobs at the plant.", config)
    assert fact.predicate == "employees"


def test_a_sum_pledged_is_an_investment(config: Config) -> None:
    [fact] = facts_of("The government pledged $40 million to the flood fund.", config)
    assert fact.predicate == "investment"


def test_a_sum_given_in_aid_is_invested_whoever_the_clause_employs(config: Config) -> None:
    text = "Belgium will give up to €150 million in aid to suppliers that employ 4,000 people."
    [money] = [f for f in facts_of(text, config) if f.unit == "EUR"]
    assert money.predicate == "investment"


def test_a_datelines_place_is_not_the_subject(config: Config) -> None:
    text = "RENNET BAY, May 5 (Reuters) - The contract is valued at EUR 3.1 billion, Ada Obi said."
    [fact] = [f for f in facts_of(text, config) if f.unit == "EUR"]
    assert fact.subject != "RENNET BAY"


def test_a_company_named_as_a_developer_is_the_subject_it_speaks_for(config: Config) -> None:
    text = ("Wind developer Halvard Energi said Tuesday it will build a 310-megawatt farm "
            "in the Nordland region.")  # fmt: skip
    [fact] = facts_of(text, config)
    assert fact.subject == "Halvard Energi"
    assert fact.attribution.kind == "organization"


def test_a_person_who_speaks_is_not_the_subject(config: Config) -> None:
    text = "Orvane will ship 4,000 modules this year, Marta Silva said."
    [fact] = facts_of(text, config)
    assert fact.subject == "Orvane"
    assert fact.attribution.kind == "person"


def test_an_institution_reporting_a_figure_is_not_its_subject(config: Config) -> None:
    text = "Talvia's Ministry of Health said 96,000 children had been vaccinated by Friday."
    [fact] = facts_of(text, config)
    assert fact.subject != "Ministry of Health"


def test_a_price_tag_is_stated_whatever_the_clause_plans(config: Config) -> None:
    text = "Orvane will build a €130 million plant near Talvik."
    [fact] = facts_of(text, config)
    assert (fact.predicate, fact.modality.value) == ("cost", "asserted")


def test_a_price_tag_worth_a_sum_keeps_its_own_hedge(config: Config) -> None:
    [fact] = facts_of("The Talvik plant could be worth €2 billion.", config)
    assert fact.modality.value == "hypothetical"


def test_a_potential_deal_is_hypothetical(config: Config) -> None:
    [fact] = facts_of("Orvane is in talks over a potential $2bn deal.", config)
    assert fact.modality.value == "hypothetical"


def test_money_a_company_will_spend_is_still_a_plan(config: Config) -> None:
    [fact] = facts_of("Orvane will invest €130 million in the plant.", config)
    assert (fact.predicate, fact.modality.value) == ("investment", "expected")


def test_make_before_a_sum_of_money_is_no_cost(config: Config) -> None:
    text = "Regulators want to make sure deposits of up to $250,000 are insured."
    [fact] = facts_of(text, config)
    assert fact.predicate != "cost"


def test_a_model_number_inside_a_partitive_is_no_quantity(config: Config) -> None:
    text = "Qatar Airways will also buy 20 of Boeing's larger 777 planes."
    assert [(f.quote, f.item) for f in facts_of(text, config)] == [("20", "777")]


def test_a_count_inside_a_partitive_stays_a_quantity(config: Config) -> None:
    text = "Orbex shipped 5,000 of the 12,000 modules it had promised."
    assert [f.quote for f in facts_of(text, config)] == ["5,000", "12,000 modules"]


def test_a_footnote_marker_is_no_quantity(config: Config) -> None:
    facts = facts_of("At least 15 people have died, according to the authorities.[1]", config)
    assert [f.quote for f in facts] == ["At least 15 people"]


def test_the_month_of_may_hedges_nothing(config: Config) -> None:
    [fact] = facts_of("Sales at Orbex rose 5% in May.", config)
    assert fact.modality.value == "asserted"


def test_a_verb_of_change_yields_to_the_measure_named_in_its_clause(config: Config) -> None:
    text = "The death toll from the Talvik floods has now risen to 23 people."
    [fact] = facts_of(text, config)
    assert fact.predicate == "deaths"


def test_a_verb_of_change_alone_is_a_price_change(config: Config) -> None:
    [fact] = facts_of("Shares of Orbex rose 5% on Monday.", config)
    assert fact.predicate == "price_change"


def test_a_list_items_bold_label_is_no_subject(config: Config) -> None:
    [fact] = facts_of("**Evacuations:** About 12,000 people had left their homes.", config)
    assert (fact.subject, fact.predicate) == (None, "evacuations")


def test_a_capitalized_name_after_a_model_counts_units_of_the_model(config: Config) -> None:
    [fact] = facts_of("Aeroflot agreed to buy 22 new Boeing 787 Dreamliners.", config)
    assert (fact.unit, fact.item) == ("unit", "787")


def test_a_headlines_capitalized_noun_stays_the_counted_noun(config: Config) -> None:
    text = "Orbex Ships 5,000 Q7 Chips\n\nOrbex said the chips left Talvik on Monday."
    assert facts_of(text, config)[0].unit == "chip"


def test_a_number_after_the_opening_determiner_counts_its_noun(config: Config) -> None:
    [fact] = facts_of("The 25 clinics have been busy all week, officials said.", config)
    assert (fact.quote, fact.unit) == ("25 clinics", "clinic")


def test_a_model_number_after_a_name_is_still_no_quantity(config: Config) -> None:
    assert facts_of("The 737 was grounded after Boeing 737 jets were inspected.", config) == []


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Most hospitalised patients are children under five with pneumonia.", []),
        ("The vaccine is approved for children aged 5 to 11.", []),
        ("Flu shots are free for people 65 and older.", []),
        ("Twelve people, including a child aged 4, were injured.", ["Twelve people"]),
        ("Most of the 40 people hospitalised were aged over 65.", ["40 people"]),
    ],
)
def test_an_age_says_who_is_meant_and_is_no_count(
    text: str, counted: list[str], config: Config
) -> None:
    assert [f.quote for f in facts_of(text, config)] == counted


def test_a_qualified_count_after_a_person_noun_is_still_a_count(config: Config) -> None:
    text = "The plant employs more than 300 people, and hired over 200 workers this year."
    assert [f.quote for f in facts_of(text, config)] == ["more than 300 people", "over 200 workers"]


@pytest.mark.parametrize(
    "text",
    ["Dockworkers walked off the job at 6 a.m. on Tuesday.", "The shift ends at 5 pm.",
     "The doors closed at 10 o'clock."],
)  # fmt: skip
def test_a_time_of_day_is_no_quantity(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The fire destroyed 64 homes in Marlow Creek.", "destroyed"),
        ("Another 120 homes were damaged by the storm.", "damaged"),
        ("The wind farm will produce enough to power 140,000 homes.", "homes_powered"),
        ("**Power:** Around 84,000 households were without electricity on Monday.", "outages"),
        ("The blaze has burned 12,600 hectares of forest.", "burned"),
        ("About 1,150 dockworkers walked off the job on Tuesday.", "strike"),
        ("Household water use will be limited to 120 litres per person per day.", "limit"),
    ],
)
def test_what_is_claimed_of_homes_and_workers_is_named_by_the_verb(
    text: str, predicate: str, config: Config
) -> None:
    assert only_fact(text, config).predicate == predicate


def test_a_counting_unit_in_capitals_is_the_noun_counted_not_a_subject(config: Config) -> None:
    fact = only_fact("The strike left about 14,000 TEU of containers on the quays.", config)
    assert (fact.quote, fact.unit, fact.subject) == ("about 14,000 TEU", "TEU", None)


def test_a_first_dose_received_is_a_vaccination(config: Config) -> None:
    text = "By Monday evening, 8,700 children had received a first dose, a spokesman said."
    assert only_fact(text, config).predicate == "vaccination"


@pytest.mark.parametrize(
    ("text", "quote", "unit", "predicate"),
    [
        ("A magnitude 6.8 earthquake struck the province.", "6.8", "magnitude", "magnitude"),
        ("The 6.8-magnitude quake hit before dawn.", "6.8-magnitude", "magnitude", "magnitude"),
        ("It was centered 12 kilometers deep.", "12 kilometers", "km", "depth"),
        ("The rupture was just 12 miles below the surface.", "12 miles", "mi", "depth"),
        ("The epicentre was 37 kilometres south-east of Orlavac.", "37 kilometres", "km",
         "distance"),
    ],
)  # fmt: skip
def test_a_quake_is_read_by_its_magnitude_depth_and_distance(
    text: str, quote: str, unit: str, predicate: str, config: Config
) -> None:
    fact = only_fact(text, config)
    assert (fact.quote, fact.unit, fact.predicate) == (quote, unit, predicate)


def test_a_time_in_gmt_is_no_quantity_and_no_subject(config: Config) -> None:
    fact = only_fact("The 6.8-magnitude quake hit at 3:14 am on Tuesday (0014 GMT).", config)
    assert (fact.quote, fact.subject) == ("6.8-magnitude", None)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("- Buildings collapsed: 312", "building"),
        ("**Permanent jobs:** 35", "job"),
        ("Deaths: 163", "person"),  # the toll's predicate says what it counts
        ("- Workers on site (week of 9 March): 1,150", "employee"),  # a note in brackets
        ("Key figures: 40", None),  # a label naming no counted thing
    ],
)
def test_a_figure_after_a_label_counts_the_label_s_noun(
    text: str, unit: str | None, config: Config
) -> None:
    assert only_fact(text, config).unit == unit


def test_a_spaced_footnote_mark_closing_a_line_is_no_quantity(config: Config) -> None:
    text = "- **Deaths:** officials had confirmed 15 deaths as of Friday evening [1].\n"
    assert [f.quote for f in facts_of(text, config)] == ["15 deaths"]


def test_a_date_that_starts_a_running_total_is_not_its_time(config: Config) -> None:
    text = "Nine people have died since the heatwave began on July 31, officials said."
    assert only_fact(text, config).event_time is None


def test_deaths_and_fatalities_count_people(config: Config) -> None:
    text = "The floods caused 12 fatalities, and nine heat-related deaths were confirmed."
    assert [f.unit for f in facts_of(text, config)] == ["person", "person"]


def _dated_facts(text: str, published: str, config: Config) -> list[tuple[str, str | None]]:
    info = ArticleInfo(id="t.txt", path="t.txt", format="txt", sha256="0" * 64,
                       chars=len(text), published=published)  # fmt: skip
    facts = extract_facts(Article(info=info, text=text), "t", config.lexicons)
    return [(f.quote, f.event_time.value if f.event_time else None) for f in facts]


def test_a_date_in_brackets_is_the_bracket_s_own(config: Config) -> None:
    text = (
        "Revenue was 2,843 million euros in the third quarter of 2026 (previous year: "
        "2,677 million euros), an increase of 6.2 percent."
    )
    assert _dated_facts(text, "2026-10-29", config) == [
        ("2,843 million euros", "2026-Q3"),
        ("2,677 million euros", "2025"),
        ("6.2 percent", "2026-Q3"),
    ]


def test_a_date_in_the_clause_before_is_farther_than_one_in_the_figure_s_own(
    config: Config,
) -> None:
    text = "The Bank projects growth of 1.1% in 2026, down from 1.6% in the February report."
    assert _dated_facts(text, "2026-05-07", config) == [("1.1%", "2026"), ("from 1.6%", "2026-02")]


def test_a_sentence_s_opening_phrase_dates_the_figures_after_its_comma(config: Config) -> None:
    text = "In the fourth quarter of 2025, Orsk says it made profits of $868 million."
    assert _dated_facts(text, "2026-01-28", config) == [("$868 million", "2025-Q4")]


def test_a_year_earlier_dates_only_the_figure_it_follows(config: Config) -> None:
    text = "Net profit climbed to 131 million euros from 104 million euros a year earlier."
    assert _dated_facts(text, "2026-10-29", config) == [
        ("131 million euros", None),
        ("from 104 million euros", "2025"),
    ]


def test_a_date_inside_what_was_said_is_not_the_speaker_s_figure(config: Config) -> None:
    text = (
        "Halvex, which already owns 6.2% of Brantor, said the merged group would save "
        "EUR 180 million a year by the end of 2029."
    )
    assert _dated_facts(text, "2026-03-09", config) == [
        ("6.2%", None),
        ("EUR 180 million", "2029"),
    ]


def test_the_day_of_the_saying_still_dates_the_figure_before_it(config: Config) -> None:
    text = "The mill employs about 640 people, the company said on Monday."
    assert _dated_facts(text, "2026-03-11", config) == [("about 640 people", "2026-03-09")]


def test_a_date_before_the_reporting_verb_dates_what_was_said(config: Config) -> None:
    text = "In March, the ministry said 4,000 people had been evacuated."
    assert _dated_facts(text, "2026-05-02", config) == [("4,000 people", "2026-03")]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Net profit amounted to 131 million euros in the quarter.", "profit"),
        ("Brennhof shares closed 3.4% higher on Thursday.", "price_change"),
    ],
)
def test_results_figures_are_profits_and_share_moves(
    text: str, predicate: str, config: Config
) -> None:
    assert only_fact(text, config).predicate == predicate


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Annual consumer price inflation rose to 6.2% in April.", "inflation"),
        ("The bank cut its growth forecast for 2026 to 1.4%.", "growth"),
        ("The economy contracted by 0.9% between April and June.", "growth"),
        ("Norrhaven will lift its standard variable rate to 6.35% from June 1.", "interest_rate"),
        ("The jobless rate rose to 8.5% in March.", "unemployment"),
    ],
)
def test_the_economy_s_measures_have_predicates_of_their_own(
    text: str, predicate: str, config: Config
) -> None:
    assert only_fact(text, config).predicate == predicate


def test_would_after_confirmed_is_a_plan_not_a_hedge(config: Config) -> None:
    text = "Norrhaven confirmed its standard variable rate would rise to 6.85% on June 1."
    assert only_fact(text, config).modality.value == "expected"


def test_a_body_that_projects_a_figure_forecasts_it(config: Config) -> None:
    text = "The Bank now projects GDP growth of 1.1 per cent in 2026."
    assert only_fact(text, config).modality.value == "expected"


def test_the_earlier_value_named_by_what_it_was_is_the_same_measure(config: Config) -> None:
    text = (
        "Statistics Corvane said annual inflation in April was 6.4%, revised up from its "
        "flash estimate of 6.2%, as heating costs rose."
    )
    assert [f.predicate for f in facts_of(text, config)] == ["inflation", "inflation"]


def test_shares_sent_down_by_a_percentage_is_a_share_move(config: Config) -> None:
    text = "Ravlen said it would recall 9,000 cars, sending its shares down 7.8%."
    [move] = [f for f in facts_of(text, config) if f.unit == "%"]
    assert move.predicate == "price_change"


def test_an_outlook_is_a_forecast(config: Config) -> None:
    text = "The outlook foresees revenue of between 10.6 billion and 11.0 billion euros."
    assert only_fact(text, config).modality.value == "expected"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The margin improved by 1.1% to 7.8% in the quarter.", ["1.1%", "7.8%"]),
        ("Prices rose by 5 to 10 percent.", ["5 to 10 percent"]),  # one range
    ],
)
def test_a_change_then_a_level_is_two_figures_not_a_range(
    text: str, quotes: list[str], config: Config
) -> None:
    assert [f.quote for f in facts_of(text, config)] == quotes


@pytest.mark.parametrize(
    ("text", "predicate", "unit"),
    [
        ("The outbreak has sickened 29 people in three provinces.", "cases", "person"),
        ("There are now 47 confirmed cases in the province.", "cases", "person"),
        ("The processor recalled 38,600 kilograms of chicken strips.", "recall", "kg"),
        ("The recall covers about 5,300 cases of 12 packages.", "recall", "case"),
    ],
)
def test_illness_counts_people_and_a_recall_is_a_predicate(
    text: str, predicate: str, unit: str, config: Config
) -> None:
    fact = facts_of(text, config)[0]
    assert (fact.predicate, fact.unit) == (predicate, unit)


def test_a_noun_inside_a_toll_cue_is_not_counted_as_people(config: Config) -> None:
    """'admitted to hospital' is a cue of injuries; 'six hospitals' still counts hospitals."""
    assert only_fact("The trust runs six hospitals in the county.", config).unit == "hospital"


def test_a_ransom_is_a_predicate(config: Config) -> None:
    text = "Criminals are demanding a £4.8 million ransom, payable in bitcoin."
    assert only_fact(text, config).predicate == "ransom"


@pytest.mark.parametrize(
    "text",
    [
        "The environment agency fined Halvex Chemicals €2.1 million on Tuesday.",
        "On-the-spot fine for a first breach: A$300",
        "The bank faces a penalty of up to $40 million from the regulator.",
    ],
)
def test_a_fine_or_penalty_is_a_predicate(text: str, config: Config) -> None:
    assert only_fact(text, config).predicate == "fine"


@pytest.mark.parametrize(
    "text",
    ["Public funding makes up about 38 per cent of the total.", "Women made up 45% of staff."],
)
def test_what_a_part_makes_up_is_its_share_not_production(text: str, config: Config) -> None:
    assert only_fact(text, config).predicate == "market_share"


def test_a_fine_that_is_not_money_names_no_fine(config: Config) -> None:
    """'fine' the adjective: a measurement is never a fine (the predicate names sums only)."""
    fact = only_fact("The fine particles measured 2.5 micrometres across.", config)
    assert fact.predicate != "fine"


@pytest.mark.parametrize(
    "text",
    [
        "Notes to editors\n\n1. The trust runs six hospitals.",
        "Footnotes\n2) Company news release, May 18, 2026.",
        "Sources\n(3) Reuters, May 14, 2026.",
    ],
)
def test_the_number_of_a_list_item_is_no_quantity(text: str, config: Config) -> None:
    assert all(fact.quote not in ("1", "2", "3") for fact in facts_of(text, config))


@pytest.mark.parametrize(
    "text",
    [
        "Agencies that take the hit in one go keep public trust.",
        "Victims rarely get their data back in one piece.",
        "At one point the queue stretched around the block.",
        "One by one, the ministers left the room.",
    ],
)
def test_one_in_a_set_phrase_counts_nothing(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


def test_a_figure_does_not_take_the_noun_another_figure_counts_as_its_cue(
    config: Config,
) -> None:
    text = (
        "The corporation forecasts 36,000 passengers a day in the first year, and says about "
        "4,100 construction jobs will be in the region."
    )
    predicates = {f.quote: f.predicate for f in facts_of(text, config)}
    assert predicates == {"36,000 passengers": None, "about 4,100 construction jobs": "employees"}


def test_of_them_counts_the_noun_counted_before(config: Config) -> None:
    facts = facts_of("The plant will create 1,200 jobs, 300 of them permanent.", config)
    assert [(f.quote, f.unit, f.predicate) for f in facts] == [
        ("1,200 jobs", "job", "employees"),
        ("300", "job", "employees"),
    ]


def test_a_count_or_a_length_never_takes_a_cue_of_money(config: Config) -> None:
    text = "The 286-mile line linking six cities now carries a C$16.9 billion price tag."
    predicates = {f.quote: f.predicate for f in facts_of(text, config)}
    assert predicates["C$16.9 billion"] == "cost"
    assert predicates["286-mile"] != "cost" and predicates["six cities"] != "cost"


def test_a_list_label_names_the_noun_and_its_participle_the_verb(config: Config) -> None:
    [fact] = facts_of("- Planned operations and procedures postponed: 1,140", config)
    assert (fact.value.low, fact.unit, fact.predicate) == (1140, "operation", "postponed")


def test_undated_list_items_take_the_date_of_their_lead_in_line(config: Config) -> None:
    text = (
        "Between Saturday 9 May and Wednesday 13 May:\n\n"
        "- Operations postponed: 1,140\n- Appointments rescheduled: around 300 a day\n\n"
        "The trust employs 9,400 staff."
    )
    assert _dated_facts(text, "2026-05-14", config) == [
        ("1,140", "2026-05-13"),
        ("around 300", "2026-05-13"),
        ("9,400 staff", None),
    ]


def test_riders_are_passengers(config: Config) -> None:
    [fact] = facts_of("The line expects roughly 26,000 riders a day.", config)
    assert fact.unit == "passenger"


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The gang is squeezing the eight-hospital trust.", "eight-hospital", "hospital"),
        ("Voters in the 12-district region went to the polls.", "12-district", "district"),
        ("The plan has five stages in a five-stage rollout.", "five-stage", "stage"),
    ],
)
def test_a_number_word_joined_to_a_countable_noun_counts_it(
    text: str, quote: str, unit: str, config: Config
) -> None:
    assert (quote, unit) in [(f.quote, f.unit) for f in facts_of(text, config)]


@pytest.mark.parametrize("text", ["A two-state solution.", "A five-star hotel opened."])
def test_a_number_word_in_a_compound_adjective_counts_nothing(text: str, config: Config) -> None:
    assert facts_of(text, config) == []


def test_a_compound_adjective_inside_a_count_is_no_count_of_its_own(config: Config) -> None:
    facts = facts_of("Hoshida is building 24 eight-car trainsets.", config)
    assert [(f.quote, f.unit) for f in facts] == [("24 eight-car trainsets", "trainset")]


def test_a_sum_or_a_measurement_never_takes_a_cue_that_counts_people(config: Config) -> None:
    text = (
        "The crew is demanding nearly $5 million and claims to have stolen 1.3GB of data, "
        "including staff files."
    )
    predicates = {f.quote: f.predicate for f in facts_of(text, config)}
    assert "employees" not in predicates.values()


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The gang claims to have stolen 1.3GB of data.", "1.3GB", "GB"),
        ("The leak site lists 1.3 terabytes of files.", "1.3 terabytes", "TB"),
        ("They leaked 2TB of patient records.", "2TB", "TB"),
        ("The phone has 256 GB of storage.", "256 GB", "GB"),
    ],
)
def test_data_sizes_are_measurements(text: str, quote: str, unit: str, config: Config) -> None:
    [fact] = facts_of(text, config)
    assert (fact.quote, fact.unit, fact.dimension.value) == (quote, unit, "physical")


def test_tb_glued_to_a_number_is_a_data_size_only_where_the_sentence_speaks_of_data(
    config: Config,
) -> None:
    for text in ("The clinic treated 40TB patients.", "The clinic treated 40 TB patients."):
        assert all(fact.unit != "TB" for fact in facts_of(text, config))


def test_of_these_with_a_noun_names_its_own_noun(config: Config) -> None:
    [fact] = facts_of("Virgin Atlantic has purchased six of these aeroplanes.", config)
    assert (fact.unit, fact.predicate) == ("aircraft", "order")


def test_cents_are_money_for_the_predicates_of_money(config: Config) -> None:
    [fact] = facts_of("Earnings were 77 cents per share.", config)
    assert fact.predicate == "unit_price"


def test_an_upper_bound_below_zero_is_open_downward(config: Config) -> None:
    fact = only_fact("Temperatures fell to under -10C overnight.", config)
    assert (fact.value.low, fact.value.high, fact.value.qualifier.value) == (None, -10, "less_than")


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The roof will have a main span of 218 metres and rise 48 metres above the pitch.",
         "span"),
        ("Key figures:\n- Main roof span: 218 metres\n", "span"),
        ("The line has a length of 218 km.", "length"),
        ("The plant has a capacity of 218 MW.", "capacity"),
        ("The jet has a range of 218 km.", "distance"),  # a range of a measurement is its reach
    ],
)  # fmt: skip
def test_the_noun_before_a_measurement_names_what_it_measures(
    text: str, predicate: str, config: Config
) -> None:
    fact = next(f for f in facts_of(text, config) if f.value.stated == [218])
    assert fact.predicate == predicate


def test_a_total_is_not_what_a_measurement_measures(config: Config) -> None:
    [fact] = facts_of("The storm dumped a total of 50 mm of rain.", config)
    assert fact.predicate == "rainfall"
