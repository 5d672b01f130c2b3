"""The findings planted in a generated topic, and the true figures around them.

Each plant writes statements into chosen articles of a topic and records a manifest entry in
the format of tests/gold/FORMAT.md (`kind`, `why`, `facts`): contradictions (one figure, two
outlets, values far apart), unit mismatches (the same number in a unit that cannot be right:
vials for doses, MW for MWh, dollars for euros, chips for modules), unsupported figures (a
specific number in one article with no source) and traps that must not fire (qualified values
that agree, a forecast and the later outcome, a figure that changed and says so).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.phrasing import ANONYMOUS, ROLES, count_text, person, pick
from bench.stories import Story, base_measures, clause, factor_sentence, money, quantity

ATTRIBUTIONS = ("organization", "person", "outlet", "anonymous", "none")
MAIN_PLANTS = ("contradiction", "unit_slip", "currency_slip")
TRAPS = ("qualifier", "forecast", "changed")
UNSUPPORTED = (
    "{short} plans to lay {q} of new cable around {city}",
    "The project will need {q} of steel",
    "The site will include {q}",
    "{short} will open {q} in {region}",
)
UNSUPPORTED_UNITS = ("kilometres", "tonnes", "charging bays", "service centres")


@dataclass
class Statement:
    text: str
    quotes: list[tuple[int, str]] = field(default_factory=list)  # (entry index, quote)


@dataclass
class TopicPlan:
    """What each article of a topic says, and the manifest entries about it."""

    story: Story
    outlets: list[tuple[str, bool, str]]  # per article: name, wire dateline, name in text
    statements: list[list[Statement]]
    entries: list[dict[str, object]] = field(default_factory=list)

    def entry(self, kind: str, why: str) -> int:
        self.entries.append({"kind": kind, "why": why})
        return len(self.entries) - 1

    def say(self, article: int, text: str, entry: int | None = None, quote: str = "") -> None:
        quotes = [(entry, quote)] if entry is not None else []
        self.statements[article].append(Statement(text, quotes))


def attribute(plan: TopicPlan, article: int, text: str, how: str, rng: random.Random) -> str:
    """The clause as a sentence, credited the way ``how`` says."""
    short = plan.story.short
    if how == "organization":
        said = ("the company said", f"{short} said in a statement", "a company spokesperson said")
        return f"{text}, {pick(rng, said)}."
    if how == "person":
        return f"{text}, {person(rng)}, {short}'s {pick(rng, ROLES)}, said."
    if how == "outlet":
        others = [o for i, o in enumerate(plan.outlets) if i != article] or plan.outlets
        cited = pick(rng, tuple(o[2] for o in others))
        if rng.random() < 0.5:
            return f"{text}, {cited} reported."
        lead = (
            text[0].lower() + text[1:]
            if text.startswith(("The ", "Investment", "Revenue"))
            else text
        )
        return f"According to {cited}, {lead}."
    if how == "anonymous":
        return f"{text}, {pick(rng, ANONYMOUS)}."
    return f"{text}."


def state(plan: TopicPlan, article: int, measure: str, value: int, rng: random.Random,
          how: str, entry: int | None = None, unit: str = "") -> str:  # fmt: skip
    quote = quantity(plan.story, measure, value, rng, unit)
    plan.say(article, attribute(plan, article, clause(plan.story, measure, quote, rng), how, rng),
             entry, quote)  # fmt: skip
    return quote


def two_articles(plan: TopicPlan, rng: random.Random) -> tuple[int, int]:
    """Two distinct articles, the earlier first."""
    a, b = sorted(rng.sample(range(len(plan.statements)), 2))
    return a, b


def far_value(value: int, rng: random.Random) -> int:
    """A value far from ``value``: its two leading digits swapped when that moves it by half or
    more ('310' for '130'), else three or a third of it."""
    digits = str(value)
    swapped = int(digits[1] + digits[0] + digits[2:])
    if digits[1] != "0" and max(swapped, value) >= 1.5 * min(swapped, value):
        return swapped
    far = value * 3 if rng.random() < 0.5 else value // 3
    scale = 10 ** max(len(str(far)) - 2, 0)  # two significant digits, as the true values
    return max(far // scale * scale, 10)


def plant_contradiction(plan: TopicPlan, rng: random.Random, measure: str) -> None:
    true, wrong = plan.story.values[measure], far_value(plan.story.values[measure], rng)
    a, b = two_articles(plan, rng)
    entry = plan.entry("contradiction", "")
    qa = state(plan, a, measure, true, rng, pick(rng, ("organization", "person")), entry)
    qb = state(plan, b, measure, wrong, rng, pick(rng, ("outlet", "person", "anonymous")), entry)
    plan.entries[entry]["why"] = (
        f"{measure}: {qa} ({plan.outlets[a][0]}) vs {qb} ({plan.outlets[b][0]})"
    )


def plant_unit_slip(plan: TopicPlan, rng: random.Random) -> str:
    """The story's own counted or energy unit replaced by one that cannot be right."""
    story = plan.story
    measure, wrong = {"chips": ("units", "chips"), "vaccine": ("units", "doses"),
                      "energy": ("storage", "MW")}[story.kind]  # fmt: skip
    a, b = two_articles(plan, rng)
    entry = plan.entry("unit_mismatch", "")
    qa = state(plan, a, measure, story.values[measure], rng, "organization", entry)
    factor = factor_sentence(story, rng)
    if factor:
        plan.say(a, factor)
    qb = state(
        plan, b, measure, story.values[measure], rng, pick(rng, ATTRIBUTIONS[:4]), entry, wrong
    )
    plan.entries[entry]["why"] = (
        f"{measure} slip: {qa} ({plan.outlets[a][0]}) vs {qb} ({plan.outlets[b][0]})"
    )
    return measure


def plant_currency_slip(plan: TopicPlan, rng: random.Random, measure: str) -> None:
    story = plan.story
    other = "EUR" if story.currency == "USD" else "USD"
    a, b = two_articles(plan, rng)
    entry = plan.entry("unit_mismatch", "")
    qa = state(plan, a, measure, story.values[measure], rng, "organization", entry)
    qb = state(
        plan, b, measure, story.values[measure], rng, pick(rng, ATTRIBUTIONS[:4]), entry, other
    )
    plan.entries[entry]["why"] = (
        f"{measure} currency slip: {qa} ({plan.outlets[a][0]}) vs {qb} ({plan.outlets[b][0]})"
    )


def plant_unsupported(plan: TopicPlan, rng: random.Random) -> None:
    """A specific figure, unattributed, in an article with no wire dateline."""
    candidates = [i for i, o in enumerate(plan.outlets) if not o[1]]
    if not candidates:
        return
    article = pick(rng, tuple(candidates))
    which = rng.randrange(len(UNSUPPORTED))
    quote = f"{rng.randint(11, 990) * 10 + rng.randint(1, 9):,} {UNSUPPORTED_UNITS[which]}"
    entry = plan.entry(
        "unsupported", f"{quote} appears only in {plan.outlets[article][0]}, unsourced"
    )
    text = UNSUPPORTED[which].format(q=quote, **plan.story.slots())
    plan.say(article, f"{text}.", entry, quote)


def _qualified(value: int, rng: random.Random) -> tuple[str, int]:
    """A hedged figure that still holds ``value``: 'about 1,200' for 1,240, 'more than
    1,200', 'up to 1,300'."""
    scale = 10 ** max(len(str(value)) - 2, 0)
    low, high = value // scale * scale, (value // scale + 1) * scale
    options = [("up to", high)]
    if low < value:
        options.append(("more than", low))
    if abs(low - value) <= 0.05 * value:
        options.append((pick(rng, ("about", "around", "roughly")), low))
    word, shown = options[rng.randrange(len(options))]
    return word, shown


def plant_trap(plan: TopicPlan, rng: random.Random, trap: str) -> str:
    """Figures a careful rule leaves alone; returns the measure the trap takes over."""
    story, (a, b) = plan.story, two_articles(plan, rng)
    short = story.short
    if trap == "qualifier":
        value = story.values["employees"]
        word, shown = _qualified(value, rng)
        entry = plan.entry("trap", "")
        qa = f"{word} {count_text(shown, rng)} people"
        plan.say(a, attribute(plan, a, f"{short} employs {qa}", "organization", rng), entry, qa)
        qb = state(plan, b, "employees", value, rng, "person", entry)
        plan.entries[entry]["why"] = f"'{qa}' holds {qb}: compatible"
        return "employees"
    if trap == "forecast":
        planned = story.values["forecast"]
        actual = planned * rng.choice((115, 120, 125, 130)) // 100
        entry = plan.entry("trap", "")
        qa = f"{count_text(planned, rng)} {story.product} units"
        qb = f"{count_text(actual, rng)} {story.product} units"
        plan.say(
            a,
            attribute(
                plan, a, f"{short} expects to sell {qa} in the first quarter", "organization", rng
            ),
            entry,
            qa,
        )
        plan.say(
            b,
            attribute(plan, b, f"{short} sold {qb} in the first quarter", "organization", rng),
            entry,
            qb,
        )
        plan.entries[entry]["why"] = f"forecast {qa} (earlier) vs outcome {qb} (later)"
        return "forecast"
    before = story.values["employees"]
    after = before * 13 // 10 // 10 * 10
    trap_entry, changed_entry = plan.entry("trap", ""), plan.entry("superseded", "")
    qa, qb = f"{before:,} employees", f"{after:,} employees"
    plan.say(
        a,
        attribute(plan, a, f"{short} had {qa} at the start of the year", "organization", rng),
        trap_entry,
        qa,
    )
    plan.statements[a][-1].quotes.append((changed_entry, qa))
    text = pick(
        rng,
        (f"{short}'s workforce has now reached {qb}", f"Headcount at {short} has now reached {qb}"),
    )
    plan.say(b, attribute(plan, b, text, "organization", rng), trap_entry, qb)
    plan.statements[b][-1].quotes.append((changed_entry, qb))
    why = f"{qa} earlier, 'has now reached {qb}' later: a change, not a contradiction"
    plan.entries[trap_entry]["why"] = plan.entries[changed_entry]["why"] = why
    return "employees"


def plan_topic(
    story: Story, index: int, outlets: list[tuple[str, bool, str]], rng: random.Random
) -> TopicPlan:
    """The plants of topic ``index`` (cycling so every kind is covered), then the true figures
    of the measures no plant took, each in two or three articles."""
    plan = TopicPlan(story, outlets, [[] for _ in outlets])
    taken = {plant_trap(plan, rng, TRAPS[index % len(TRAPS)])}
    main = MAIN_PLANTS[index // len(TRAPS) % len(MAIN_PLANTS)]
    money_measure = pick(rng, ("deal", "investment", "revenue"))
    if main == "contradiction":
        counted = story.kind != "energy" and rng.random() < 0.3
        plant_contradiction(plan, rng, "units" if counted else money_measure)
        taken.add(plan.entries[-1]["why"].split(":")[0])
    elif main == "unit_slip":
        taken.add(plant_unit_slip(plan, rng))
    else:
        plant_currency_slip(plan, rng, money_measure)
        taken.add(money_measure)
    if index % 2 == 0:
        plant_unsupported(plan, rng)
    for measure in base_measures(story):
        if measure in taken:
            continue
        chosen = rng.sample(range(len(outlets)), min(len(outlets), rng.randint(2, 3)))
        for article in sorted(chosen):
            state(plan, article, measure, story.values[measure], rng, pick(rng, ATTRIBUTIONS))
            if measure == "units" and article == min(chosen) and factor_sentence(story, rng):
                plan.say(article, factor_sentence(story, rng) or "")
    return plan


__all__ = ["Statement", "TopicPlan", "money", "plan_topic"]
