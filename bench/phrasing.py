"""Words and sentence templates of the generated news corpus (bench/generate.py).

Everything here is invented for the benchmark: company syllables, places, reporters, filler
sentences, attribution phrases and the ways news copy writes a number. Several templates per
sentence kind and synonyms in slots keep the text varied, so the benchmark does not measure one
sentence shape repeated a hundred thousand times.
"""

from __future__ import annotations

import random

PREFIXES = ("Vel", "Kor", "Ast", "Bren", "Cal", "Dor", "Fen", "Hal", "Jor", "Lum", "Mar", "Nor",
            "Ost", "Pra", "Quin", "Ryn", "Sel", "Tar", "Ulv", "Vos", "Wex", "Yar", "Zen",
            "Grav")  # fmt: skip
SUFFIXES = ("trix", "vane", "ora", "ion", "ex", "ara", "eon", "ium", "ova", "yx", "etta", "ander")
CORPORATE = ("Systems", "Holdings", "Technologies", "Group", "Industries", "Labs")
PLACES = ("Veska", "Port Aldane", "Mirholt", "Tavrin", "Lodova", "Eskerby", "Caldmoor",
          "New Brannock", "Sulvara", "Oldwick", "Rennet Bay", "Tiramo")  # fmt: skip
REGIONS = ("the Ostmark region", "the Sulvaran coast", "the Lodovan lowlands", "northern Tavria",
           "the Caldmoor valley", "the Eskerby islands")  # fmt: skip
FIRST = ("Maria", "Tomas", "Lena", "Amir", "Ingrid", "Kwame", "Sofia", "Daniel", "Yuki", "Pavel",
         "Nadia", "Oscar", "Helena", "Ravi", "Clara", "Jonas")  # fmt: skip
LAST = ("Okafor", "Lindqvist", "Marsh", "Haddad", "Brenner", "Osei", "Varga", "Kimura",
        "Delacroix", "Novak", "Ferreira", "Aalto", "Mensah", "Quist")  # fmt: skip
ROLES = ("chief executive", "chief financial officer", "head of operations", "spokesperson",
         "regional director", "board chair")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip

# (name, has a wire dateline, how the text names it when attributing)
OUTLETS = (
    ("Reuters", True, "Reuters"), ("Associated Press", True, "the Associated Press"),
    ("AFP", True, "AFP"), ("Bloomberg", True, "Bloomberg"),
    ("Harbour Courier", False, "the Harbour Courier"), ("Lodova Times", False, "the Lodova Times"),
    ("Valley Ledger", False, "the Valley Ledger"), ("Northgate Post", False, "the Northgate Post"),
    ("TechPulse Digest", False, "TechPulse Digest"), ("Supply Desk", False, "Supply Desk"),
    ("MarketBuzz", False, "MarketBuzz"), ("Grid Weekly", False, "Grid Weekly"),
)  # fmt: skip

ANONYMOUS = ("people familiar with the matter said", "two sources briefed on the plan said",
             "a person with knowledge of the talks said", "according to sources close to the deal",
             "officials who asked not to be named said")  # fmt: skip

FILLER = (
    "{company}, which is based in {city}, has spent the past year courting buyers in {region}.",
    "Analysts said the move would test demand for {product} hardware across {region}.",
    "{short} did not respond to a request for comment outside business hours.",
    "Shares in {short} were little changed in early trading on {weekday}.",
    "Regulators in {region} have yet to say whether they will review the plan.",
    "The announcement follows months of talks between {short} and local officials.",
    "Industry groups welcomed the news but warned that supply chains remain fragile.",
    "Critics have questioned whether the project can be delivered on schedule.",
    "The company has not said how it will finance the remaining work.",
    "Local councillors in {city} said they had been briefed on the plans last month.",
    "{short} has faced scrutiny over its accounting in the past, which it has rejected.",
    "The deal is seen as a test of the company's strategy under its new leadership.",
    "Rival firms are expected to respond with offers of their own in the coming weeks.",
    "Residents of {city} have raised concerns about traffic and noise during construction.",
    "Competition for skilled workers in {region} has intensified in recent years.",
    "The {product} line was first shown to investors at a trade fair in {city}.",
    "Executives declined to give a timetable for further announcements.",
    "Trade unions said they would seek talks with management about working conditions.",
    "The government has promoted {region} as a hub for advanced manufacturing.",
    "Some investors said the plan was more ambitious than they had expected.",
    "Environmental groups said they would study the details before taking a position.",
    "{short} said it remained committed to its customers in {region}.",
    "The talks were described by one participant as constructive but difficult.",
    "Observers noted that similar projects elsewhere have run into planning delays.",
)  # fmt: skip

ANALYST_QUOTES = (
    "\"This is a significant bet on {region},\" said {person}, an analyst at {outlet}.",
    "\"The numbers will matter less than the execution,\" {person}, a consultant, told {outlet}.",
    "\"We are watching the rollout closely,\" said {person}, who advises regional investors.",
    "\"It is too early to call this a turning point,\" {person} said in a note to clients.",
)  # fmt: skip

NOISE = ("Share this article", "Advertisement", "ADVERTISEMENT", "Sign up for our newsletter",
         "Read more: {title}", "Follow {outlet} on social media", "[{footnote}]",
         "Related coverage", "Continue reading below")  # fmt: skip

TITLES = ("{company} {verb} {product} deal in {city}", "{short} unveils {product} plan",
          "What the {product} deal means for {region}", "{short} bets on {region} with {product}",
          "{company} and the {product} rollout: what we know")  # fmt: skip
TITLE_VERBS = ("seals", "signs", "confirms", "outlines")


def pick(rng: random.Random, options: tuple[str, ...]) -> str:
    return options[rng.randrange(len(options))]


def person(rng: random.Random) -> str:
    return f"{pick(rng, FIRST)} {pick(rng, LAST)}"


def _trim(value: float) -> str:
    """1.2 -> '1.2', 4.0 -> '4' (the values are chosen with few significant digits)."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


def count_text(n: int, rng: random.Random) -> str:
    """A count as news copy writes it: '1,200,000' or '1.2 million'."""
    if n >= 1_000_000 and rng.random() < 0.6:
        return f"{_trim(n / 1_000_000)} million"
    return f"{n:,}"


def _money_text(amount: int, rng: random.Random, forms: tuple[str, ...]) -> str:
    """``amount`` in one of ``forms``, each with {v} (the figure), {s} ("bn"/"m") and {w}
    ("billion"/"million") in it."""
    billions = amount >= 1_000_000_000
    v = _trim(amount / (1e9 if billions else 1e6))
    s, w = ("bn", "billion") if billions else ("m", "million")
    return pick(rng, tuple(form.format(v=v, s=s, w=w) for form in forms))


def usd_text(amount: int, rng: random.Random) -> str:
    """Dollars: '$4.2bn', '$4.2 billion', 'US$4.2 billion', '4.2 billion dollars', '$310m'."""
    return _money_text(amount, rng, ("${v}{s}", "${v} {w}", "US${v} {w}", "{v} {w} dollars"))


def eur_text(amount: int, rng: random.Random) -> str:
    """Euros: '€310 million', 'EUR 310 million', '310 million euros', '€310m', '€1.2bn'."""
    return _money_text(amount, rng, ("€{v}{s}", "€{v} {w}", "EUR {v} {w}", "{v} {w} euros"))


def round_value(rng: random.Random, low: int, high: int) -> int:
    """A value with two significant digits between low and high, so every format above writes
    it exactly ('4.2 billion', '4,200,000,000')."""
    value = rng.randint(low, high)
    scale = 10 ** max(len(str(value)) - 2, 0)
    return max(value // scale * scale, scale)
