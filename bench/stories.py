"""One invented story per topic: its company, product and places, the measures its articles
report (with their true values), and the sentences that state them.

A measure is one thing the articles quantify (a deal's value, a battery's storage, a
workforce). Each renders as a clause holding a quote, the exact quantity phrase that the
manifest records; attribution is added around the clause by bench/generate.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from bench.phrasing import (
    CORPORATE,
    PLACES,
    PREFIXES,
    REGIONS,
    SUFFIXES,
    count_text,
    eur_text,
    pick,
    round_value,
    usd_text,
)  # fmt: skip

KINDS = ("chips", "vaccine", "energy")
FACTOR_WORDS = {4: "four", 8: "eight", 10: "ten", 20: "twenty"}


@dataclass(frozen=True)
class Story:
    """A topic: one story written up by several outlets."""

    folder: str
    kind: str
    company: str
    short: str
    product: str
    city: str
    region: str
    currency: str  # "USD" or "EUR": the currency the story's money is reported in
    start: date
    values: dict[str, int] = field(default_factory=dict)
    factor: int = 8  # chips per module, doses per vial

    def slots(self) -> dict[str, str]:
        return {"company": self.company, "short": self.short, "product": self.product,
                "city": self.city, "region": self.region}  # fmt: skip


def make_story(rng: random.Random, index: int) -> Story:
    short = pick(rng, PREFIXES) + pick(rng, SUFFIXES)
    kind = KINDS[index % len(KINDS)]
    name = pick(rng, PREFIXES) + pick(rng, SUFFIXES)
    product = f"{name} {chr(65 + rng.randrange(26))}{rng.randint(2, 9)}"  # 'Korvane K4'
    values = {
        "deal": round_value(rng, 120_000_000, 9_000_000_000),
        "investment": round_value(rng, 50_000_000, 900_000_000),
        "revenue": round_value(rng, 200_000_000, 5_000_000_000),
        "employees": round_value(rng, 300, 9000) + rng.choice((0, 10, 40, 60)),
        "units": round_value(rng, 1000, 90_000),
        "storage": round_value(rng, 100, 900),
        "forecast": round_value(rng, 20_000, 400_000),
    }
    values["power"] = (
        values["storage"] // 2 if values["storage"] % 2 == 0 else values["storage"] // 4
    )
    return Story(
        folder=f"t{index:05d}-{short.lower()}",
        kind=kind,
        company=f"{short} {pick(rng, CORPORATE)}",
        short=short,
        product=product,
        city=pick(rng, PLACES),
        region=pick(rng, REGIONS),
        currency="USD" if rng.random() < 0.5 else "EUR",
        start=date(2024 + index % 3, 1 + rng.randrange(12), 1 + rng.randrange(20)),
        values=values,
        factor=(8 if kind == "chips" else 10)
        if rng.random() < 0.7
        else 4 * (1 + (kind != "chips")),
    )


def money(story: Story, amount: int, rng: random.Random, currency: str | None = None) -> str:
    return (usd_text if (currency or story.currency) == "USD" else eur_text)(amount, rng)


def article_date(story: Story, offset_days: int) -> date:
    return story.start + timedelta(days=offset_days)


# Clause templates per measure: {q} is the quote. Several per measure, with synonyms.
CLAUSES: dict[str, tuple[str, ...]] = {
    "deal": (
        "{company} agreed a deal worth {q} with buyers in {region}",
        "The {product} contract is worth {q}",
        "{short} signed an agreement valued at {q} for its {product} line",
        "The supply agreement for the {product} is valued at {q}",
    ),
    "investment": (
        "{short} will invest {q} in a new plant in {city}",
        "{company} plans to invest {q} in its {city} site",
        "Investment in the {city} factory will total {q}",
        "{short} is set to invest {q} in the {product} plant near {city}",
    ),
    "revenue": (
        "{short} reported annual revenue of {q}",
        "{company} booked revenue of {q} last year",
        "Revenue at {short} reached {q} in the last financial year",
    ),
    "employees": (
        "{short} employs {q}",
        "{company} has a workforce of {q}",
        "The company employs {q} across its sites",
    ),
    "units": (
        "{short} will ship {q} to {region}",
        "{company} is due to ship {q} to customers in {region}",
        "The order covers {q} for data centres in {region}",
    ),
    "storage": (
        "The {product} battery will store {q}",
        "The {product} battery in {city} will be able to store {q}",
        "Once built, the {product} battery will store {q}",
    ),
    "power": (
        "The {product} battery will deliver {q} to the grid",
        "The {product} battery is rated to deliver {q}",
    ),
}
FACTOR_SENTENCES = {
    "chips": (
        "Each {product} module carries {factor} chips.",
        "Every module holds {factor} {product} chips.",
    ),
    "vaccine": ("Each vial holds {factor} doses.", "One vial contains {factor} doses."),
}


def quantity(story: Story, measure: str, value: int, rng: random.Random, unit: str = "") -> str:
    """The quote for ``measure`` at ``value``; ``unit`` overrides the story's own unit (the
    slip a unit-mismatch plant writes)."""
    if measure in ("deal", "investment", "revenue"):
        return money(story, value, rng, unit or None)
    if measure == "employees":
        return f"{count_text(value, rng)} {pick(rng, ('people', 'employees', 'staff'))}"
    if measure in ("storage", "power"):
        symbol = unit or ("MWh" if measure == "storage" else "MW")
        long = {"MWh": "megawatt-hours", "MW": "megawatts"}[symbol]
        return f"{value:,} {symbol}" if rng.random() < 0.7 else f"{value:,} {long}"
    noun = unit or {"chips": "modules", "vaccine": "vials"}.get(story.kind, "units")
    product = story.product if story.kind == "chips" else story.product + " vaccine"
    return f"{count_text(value, rng)} {noun} of the {product}"


def clause(story: Story, measure: str, quote: str, rng: random.Random) -> str:
    return pick(rng, CLAUSES[measure]).format(q=quote, **story.slots())


def factor_sentence(story: Story, rng: random.Random) -> str | None:
    templates = FACTOR_SENTENCES.get(story.kind)
    if templates is None:
        return None
    return pick(rng, templates).format(factor=FACTOR_WORDS[story.factor], **story.slots())


def base_measures(story: Story) -> list[str]:
    """The measures every story of its kind reports (plants take some of them over)."""
    specific = {"chips": ["units"], "vaccine": ["units"], "energy": ["storage", "power"]}
    return ["deal", "investment", "revenue", "employees", *specific[story.kind]]
