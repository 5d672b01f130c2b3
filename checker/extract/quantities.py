"""Quantity mentions: the numeral grammar applied to one sentence.

One compiled pattern finds a qualifier, a numeral or range with its scale and currency, and
the percent/multiplier/currency word after it; a short token scan then reads the counted noun
(the unit) and the product it counts. Everything here is surface reading: canonical units,
currencies and intervals are produced by ``checker.normalize``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.extract import numbers as num
from checker.extract.numerals import (
    DIGITS,
    MIXED,
    NUMBER_AHEAD,
    NUMBER_WORDS,
    RATIO,
    SCALE_ABBR,
    SCALE_WORD,
    WORDS,
    fraction,
    slash_fraction,
)
from checker.numberwords import MULTIPLIER_WORDS, VAGUE_PLURALS
from checker.regex_trie import trie_alternation

_MORE_WORDS = ("more", "greater", "larger", "bigger", "higher")
_LESS_WORDS = ("less", "fewer", "smaller", "lower")


def _or_equal(words: tuple[str, ...]) -> str:
    """Inclusive bounds: 'greater than or equal to', 'greater or equal than', 'equal to or
    greater than', for each comparative."""
    return "|".join(
        f"{w} than or equal to|{w} or equal than|{w} or equal to|equal to or {w} than"
        for w in words
    )


QUALIFIERS = {
    # A verb of passing a mark is a strict lower bound: "sales exceeded 3,000", "topped $5bn".
    "more_than": "more than|over|above|in excess of|upwards of|exceeding|greater than|"
    "higher than|larger than|bigger than|north of|exceed|exceeds|exceeded|surpass|surpasses|"
    "surpassed|surpassing|topped|topping",
    "at_least": "at least|no fewer than|no less than|a minimum of|not less than|"
    + _or_equal(_MORE_WORDS),
    "up_to": "up to|as many as|as much as|as high as|at most|no more than|a maximum of|"
    "not more than|" + _or_equal(_LESS_WORDS),
    "less_than": "less than|fewer than|under|below|lower than|smaller than|just under|just shy of",
    "almost": "almost|nearly|close to|approaching|just short of",
    "about": "about|around|roughly|approximately|approx\\.|some|an estimated|estimated|"
    "circa|an approximate|approximate",
}
_QUALIFIER_OF = {
    phrase.replace("\\", ""): kind
    for kind, phrases in QUALIFIERS.items()
    for phrase in phrases.split("|")
}
# Spaces become \s+ (the patterns are compiled in verbose mode); a trie, longest phrase first.
_QUALIFIER = trie_alternation(_QUALIFIER_OF, ignore_case=True)

# ISO 4217 codes read next to a number ("USD 200", "115USD", "30 MUSD"). Codes that are also
# English words or common acronyms (ALL, TOP, CUP, TRY, MAD, PHP, SAR) are left out; the
# lexicon maps each code to itself.
ISO_CODES = (
    "USD|EUR|GBP|JPY|CNY|RMB|INR|CHF|HKD|AUD|CAD|NZD|SGD|MXN|BRL|KRW|ZAR|SEK|NOK|DKK|RUB|TWD|"
    "AED|PLN|CZK|HUF|THB|IDR|MYR|VND|EGP|NGN|KES|PKR|ILS|ARS|UAH"
)
# Codes glued to the digits ("USD115", "115.5USD"): upper case only, so "3d" or "5usd" in a
# product name or a URL is not money.
_GLUED_CODE = rf"(?-i:{ISO_CODES})"
# A code after the number may carry the scale ("75 USD million"); normalize reads it.
_CODE_SCALE = r"(?:\s+(?:thousand|million|billion|trillion)\b)?"
# Codes also read in lower case ("20 usd", "10 rmb"): none of these is an English word.
_LOWER_CASE_CODES = "usd|eur|gbp|jpy|cny|rmb|inr|chf|hkd|aud|cad|nzd|sgd"
_CODE = rf"(?-i:{ISO_CODES})|{_LOWER_CASE_CODES}"
# Dollar prefixes. Upper case and glued ("C$", "HK$", "A$", "S$", "R$") is always a currency.
# Lower case or spaced ("c $", "hk $", "nzd$", "Mex$") only for prefixes that are not English
# words: "a $5 fee" stays US dollars, "Apple's $5bn" is not Singapore dollars, and in "gives
# us $2bn" the pronoun stays out of the quote ("US $", "us$" are read).
_DOLLAR_PREFIX = r"u\.s\.?|c|hk|nz|mex|nt|usd|aud|cad|nzd|hkd|sgd|mxn|twd"
# Signs of the Unicode Currency Symbols block (₡ ₦ ₩ ₪ ₫ € ₭ ₱ ₴ ₸ ₺ ₽ ₾ ...): the lexicon maps
# each one it knows to an ISO code; a sign it does not know leaves a plain number.
CURRENCY_SIGN = r"[$£¥\u20a0-\u20cf]"
# An M or k before a code states millions or thousands ("120 MEUR", "MAUD 60", "kUSD 500").
_SCALED_CODE = rf"(?-i:[kKM](?:{ISO_CODES}))"
CURRENCY_SYMBOLS = (
    rf"(?<![\w.])(?:(?-i:A|AU|CA|S|R)\$|(?-i:US)\s?\$|us\$|(?:{_DOLLAR_PREFIX})\s?\$"
    rf"|{_SCALED_CODE}(?=\s?\d)|{_CODE})|{CURRENCY_SIGN}"
)
SYMBOLS_AFTER = rf"{CURRENCY_SIGN}|{_GLUED_CODE}(?![A-Za-z])"
CURRENCY_WORDS = (
    r"(?:US|U\.S\.|American|Australian|Canadian|Hong\s+Kong|New\s+Zealand|Singapore|Taiwan)"
    r"\s+dollars?|dollars?|euros?|(?:Chinese\s+)?yuan|renminbi|pounds\s+sterling|"
    r"(?:British\s+)?pounds\s+sterling|(?:Japanese\s+)?yen|(?:Indian\s+)?rupees?|"
    r"Swiss\s+francs?|francs?|(?:South\s+Korean\s+)?won|rubles?|roubles?|(?:Turkish\s+)?lira|"
    rf"{_SCALED_CODE}|(?:{_CODE}){_CODE_SCALE}"
)


def _amount(p: str) -> str:
    """One amount: optional sign and currency symbol, a numeral, optional scale (group names
    prefixed). A sign is read only where the text writes one ("minus 5%", "-3.2%")."""
    return (
        rf"(?P<{p}neg>\b(?:minus|negative)\s+|(?<![\w.,)\]-])[-−](?=[\d.]|{CURRENCY_SIGN}))?"
        rf"(?P<{p}cur>(?:{CURRENCY_SYMBOLS})\s?)?"
        rf"(?:(?P<{p}sfrac>{slash_fraction(p)})"
        rf"|(?P<{p}mixed>{MIXED})"
        # "COVID-19" is a name, but "5k-20k" is a range; "USD115" glues a code to the digits
        rf"|(?P<{p}dig>(?:(?<![\w.,:/])|(?<=\b{_GLUED_CODE}))"
        rf"(?:(?<![A-Za-z]-)|(?<=\d[kKmMbB]-))(?:{DIGITS})(?![\d:/]|\.\d)"
        rf"(?P<{p}glued>(?=[A-Za-z])(?!(?:{SCALE_ABBR}|x)\b|{_GLUED_CODE}\b))?)"
        rf"|(?P<{p}frac>\b{fraction(p)}\b)"
        rf"|(?P<{p}word>\b{WORDS}\b(?!-(?!(?:{UNIT_AFTER_HYPHEN})s?\b)[a-z])))"
        rf"(?:(?P<{p}gscale>(?<=\d)(?:{SCALE_ABBR})\b)|\s+(?P<{p}scale>(?:{SCALE_WORD})\b)"
        rf"|\s?(?P<{p}ascale>(?:bn|mn|mln|bln|tn|trn|tln)\b|(?-i:M)\b(?!\.\w)))?"
    )


_VAGUE = (
    r"(?P<vague>\b(?P<vhead>a\s+few|a\s+couple\s+of|several|a\s+handful\s+of)\s+"
    r"(?P<vscale>(?:hundred|thousand|million|billion|trillion)(?:\s+(?:thousand|million|billion))?)"
    r"|\b(?P<vplural>(?:tens|scores)(?=\s+of\b)|dozens|hundreds|thousands|millions|billions|"
    r"trillions)"
    r"(?:\s+of\s+(?P<vof>thousands|millions|billions|trillions))?"
    r"|\b(?P<handful>a\s+handful))\b"
)

_MULTIPLIER_WORD = (
    rf"(?P<mword>\b(?:twice|doubled?|doubling|tripled?|tripling|quadrupled?|"
    rf"quadrupling|(?:{NUMBER_WORDS})-?fold)\b(?!-))"
)
# A number word joined by a hyphen to a unit is a quantity ("two-hour", "four-dose"); joined to
# anything else it is part of a compound adjective ("two-track", "one-off").
UNIT_AFTER_HYPHEN = (
    "year|month|week|day|hour|minute|second|dose|person|seat|storey|story|member|mile|"
    "kilometre|kilometer|metre|meter|megawatt|gigawatt|kilowatt|tonne|ton|point|percent"
    "|foot|inch|gallon|acre|ounce|pound|dollar|euro|yen|cent"  # "three-foot", "one-yen"
    # Things counted whole: "the eight-hospital trust", "24 eight-car trainsets"
    "|hospital|clinic|school|bed|ward|car|carriage|coach|bus|truck|train|trainset|ship|vessel|"
    "plane|jet|engine|store|shop|branch|plant|mine|site|country|nation|city|team|game|match|"
    "judge|room|bedroom|floor|lane|runway|terminal|platform|station|camera|core|page|episode|"
    "stage|phase|step|round|court|county|district|province|region|village|town"
)

_RANGE_PART = rf"""
      (?:(?P<sep>\s*(?:to|through)\s+|\s?[-–~]\s?(?=\d|{CURRENCY_SIGN})|(?(between)\s+and\s+|(?!)))
         {_amount("b_")})?"""
# The same group names, never matching, so readers need not know which pattern matched.
_RANGE_FREE_PART = "".join(
    f"(?P<{name}>(?!))?"
    for name in ("sep", *re.compile(_amount("b_"), re.VERBOSE | re.IGNORECASE).groupindex)
)
# Every quantity begins outside a word, on a character that can start one, or on a currency
# sign glued to letters before it ("usd$ 15"). Checked first, this rejects most positions of a
# search at once instead of trying each alternative there.
_QUANTITY_START = rf"(?:(?<!\w)(?=\w|{num.DIGIT}|[~≈.\-−]|{CURRENCY_SIGN})|(?={CURRENCY_SIGN}))"


def _quantity_pattern(allow_range: bool, allow_ratio: bool = True) -> re.Pattern[str]:
    """The quantity grammar; without ranges it reads one amount ('20%' in 'from 20% to 15%'),
    without ratios the numbers of '8 in 5' one by one."""
    ratio = RATIO if allow_ratio else RATIO.replace("(?P<ratio>", "(?P<ratio>(?!)", 1)
    return re.compile(
        rf"""
    {_QUANTITY_START}
    (?P<qual>(?<!\w)(?:(?:{_QUALIFIER})\s+|[~≈]\s*))?
    (?:
      {_VAGUE}
    |
      {_MULTIPLIER_WORD}
    |
      {ratio}
    |
      (?P<between>\b(?:between|from)\s+)?
      {_amount("a_")}
      (?P<pct1>\s?%)?
      {_RANGE_PART if allow_range else _RANGE_FREE_PART}
    )
    (?P<plus>\+)?
    (?P<suffix>
        \s?(?P<pct>%|percents?\b|per\s?cent\b|percentage\b(?!\s+points?))
      | \s?(?P<pp>percentage\s+points?\b|pp\b|basis\s+points?\b|bps\b)
      | (?P<mult>\s?×|x(?![\w]))
      | \s*(?P<multw>times\b|-?fold\b)
      | \s+(?P<curw>{CURRENCY_WORDS})\b
      | \s?(?P<curs>{SYMBOLS_AFTER})(?!\s?\d)
    )?
    (?P<ormore>\s+(?:or|and)\s+(?:more|so|above|greater|higher|over|less|fewer|below|lower|
        under)\b(?!\s+(?:than\s+(?:or\s+equal\s+to\s+)?)?{NUMBER_AHEAD}|\s+or\s+equal\b))?
    (?P<orequal>\s+or\s+equal(?:\s+to)?\b(?!(?:\s+to)?\s+{NUMBER_AHEAD}))?
    """,
        re.VERBOSE | re.IGNORECASE,
    )


QUANTITY = _quantity_pattern(allow_range=True)
SINGLE_QUANTITY = _quantity_pattern(allow_range=False)
_PLAIN_QUANTITY = _quantity_pattern(allow_range=False, allow_ratio=False)

# The words a QUANTITY match can begin with, branch by branch: the first word of a qualifier
# ("in excess of", "up to"), "between"/"from"/"minus"/"negative", a number, fraction or vague
# word ("a", "half", "several", "dozens"), "twice", a currency prefix before "$" ("US$", "hk $",
# "u.s.$"). Lower case: the grammar ignores case.
_FIRST_WORDS = frozenset(
    {phrase.split()[0].removesuffix(".") for phrase in _QUALIFIER_OF}
    | {"between", "from", "minus", "negative", "a", "an", "half", "quarter", "several", "twice"}
    | {*VAGUE_PLURALS, *num.NUMBER_WORD.split("|")}
    | {prefix.split("\\")[0] for prefix in _DOLLAR_PREFIX.split("|")}
    | {"a", "au", "ca", "s", "r", "us"}
)
# Words whose beginning is what counts: ISO codes, maybe scaled and glued to digits ("MUSD",
# "USD115"), and the multiplier verbs ("doubled", "tripling").
_FIRST_PREFIXES = tuple(
    [code.lower() for code in ISO_CODES.split("|")]
    + [scale + code.lower() for scale in "km" for code in ISO_CODES.split("|")]
    + ["doubl", "tripl", "quadrupl"]
)


@lru_cache(maxsize=4096)  # the same few hundred words come back in every sentence
def may_start_quantity(word: str) -> bool:
    """False when no QUANTITY match can begin with the word ``word`` (a whole word, as the
    text writes it): a necessary condition, cheap enough to skip most words of a sentence
    before trying the grammar. Letters outside ASCII are let through, because the grammar's
    case-insensitive matching equates some of them with ASCII letters ("ſ" and "s")."""
    lowered = word.lower()
    return (
        lowered in _FIRST_WORDS
        or lowered.startswith(_FIRST_PREFIXES)
        or lowered.endswith("fold")  # "tenfold"
        or word[0].isdigit()
        or not word.isascii()
    )


# Links are read as a whole: "%28" in a URL is an escape, not a percentage.
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|increased?|increasing|"
    r"decreased?|decreasing|grew|grow|grows|growing|jumped|dropped|climbed|declined|cut|raised|"
    r"lifted|lowered|slid|surged|soared|plunged|tumbled|expanded|shrank|went|moved|changed|"
    r"revised|upgraded|downgraded|up|down|drop|rise)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


PHONE_NUMBER = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}|\(?0\d{1,4}\)?|\d{2,4})(?:[ .-]\(?\d{1,4}\)?){2,5}(?!\w|[,.]\d)"
)


def phone_numbers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans that read as telephone numbers ('+32 9 555 01 47', '0722 555 014'), which are
    not quantities. Digit groups of exactly three after the first are thousands ('1 000 000')."""
    spans = []
    for match in PHONE_NUMBER.finditer(text, start, end):
        groups = re.findall(r"\d+", match.group(0))
        international = match.group(0).startswith(("+", "0", "("))
        if international or any(len(g) != 3 for g in groups[1:]):
            spans.append((match.start(), match.end()))
    return spans


# The groups an amount's numeral can be read from (prefixed "a_" or "b_").
_NUMERALS = ("sfrac", "mixed", "dig", "frac", "word")


def amount_starts(m: re.Match[str]) -> tuple[int, int | None]:
    """Where the first and (for a range) the second amount begin."""
    first = min(m.start("a_" + g) for g in ("cur", *_NUMERALS) if m.group("a_" + g))
    second = [m.start("b_" + g) for g in ("cur", *_NUMERALS) if m.group("b_" + g)]
    return first, (min(second) if second else None)


# "improved by 1.1% to 7.8%": the size of a change, then the new level.
_BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)


def is_change_not_range(text: str, m: re.Match[str], floor: int) -> bool:
    """'rose from 65% to 71%' states two values (before and after), not a range; so does
    'improved by 1.1% to 7.8%' (the change, then the level)."""
    between = m.group("between")
    if m.group("b_dig") is None:
        return False
    if _BY_BEFORE.search(text, max(floor, m.start() - 4), m.start()):
        # "by 1.1% to 7.8%": a sign on each side; "by 5 to 10 percent" is one range
        return m.group("pct1") is not None
    if not between or not between.lower().startswith("from"):
        return False
    return bool(_CHANGE_BEFORE.search(text, max(floor, m.start() - 60), m.start()))


# Case-insensitive matching is needed for qualifiers and words at sentence start; these checks
# keep the case-sensitive parts honest.
_UPPER_CURRENCY = re.compile(r"[kKM]?[A-Z]{3}|US|[A-Z]{1,2}\$")
FOLD_WORD = re.compile(
    rf"\b(?P<fold>(?:{NUMBER_WORDS})(?:-?fold))\b|\b(?P<twice>twice|double|triple)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class RawQuantity:
    """A quantity as written, before normalization."""

    start: int
    end: int
    low: float
    high: float
    qualifier: (
        str  # exact | range | more_than | at_least | up_to | less_than | almost | about | vague
    )
    currency: str | None = None
    currency_word: str | None = None
    suffix: str | None = None  # "%", "pp", "x"
    noun: str | None = None  # counted noun or measured noun as written ("chips", "surcharge")
    noun_is_unit: bool = False
    item: str | None = None
    per: str | None = None
    is_bare: bool = False  # digits only: no qualifier, currency, scale, suffix
    is_year_like: bool = False
    is_fraction: bool = False  # "one-fifth", "a quarter": a share of something, not a count
    physical: str | None = None  # physical unit as written ("MWh", "megawatt", "°C")
    glued: bool = False  # letters follow the digits: a unit symbol ("10km") or a name ("7nm")
    low_inclusive: bool = True  # for a range joined from two bounds ("more than 5 and up to 9")
    high_inclusive: bool = True


def _amount_value(m: re.Match[str], p: str) -> float | None:
    value = _numeral_value(m, p)
    if value is None:
        return None
    scale = m.group(f"{p}scale") or m.group(f"{p}gscale") or m.group(f"{p}ascale")
    words = m.group(f"{p}word") or m.group(f"{p}mixed")
    if words and scale and scale.lower().startswith(("doz", "dz")):
        # a dozen multiplies only what is below a hundred: "three hundred and two dozen" = 324
        value, scale = num.parse_words(f"{words} dozen") or value, None
    sign = -1.0 if m.group(f"{p}neg") else 1.0
    return sign * value * num.parse_scale(scale)


def _numeral_value(m: re.Match[str], p: str) -> float | None:
    """The value of an amount's numeral, before its sign and scale."""
    if m.group(f"{p}vchar"):
        return num.parse_vulgar(m.group(f"{p}vwhole"), m.group(f"{p}vchar"))
    if m.group(f"{p}stop"):
        return num.parse_slash_fraction(
            m.group(f"{p}swhole"), m.group(f"{p}stop"), m.group(f"{p}sbot"),
            m.group(f"{p}sof") is not None,
        )  # fmt: skip
    if m.group(f"{p}dig"):
        return num.parse_digits(m.group(f"{p}dig"))
    if m.group(f"{p}frac"):
        return num.parse_fraction(m.group(f"{p}fn") or "a", m.group(f"{p}fd") or "half")
    if m.group(f"{p}word") or m.group(f"{p}mixed"):
        return num.parse_words(m.group(f"{p}word") or m.group(f"{p}mixed"))
    return None


def _is_share(m: re.Match[str]) -> bool:
    """'two thirds', '3/4', '⅔': a share of something. A whole number with it ('2 1/4') or a
    scale ('two thirds of a million') makes it an amount."""
    if _has_scale(m, "a_"):
        return False
    if m.group("a_frac"):
        return True
    return bool(m.group("a_sfrac")) and not (m.group("a_swhole") or m.group("a_vwhole"))


def _is_fraction_word(m: re.Match[str], p: str) -> bool:
    return bool(m.group(f"{p}frac") or m.group(f"{p}sfrac"))


def _shared_scale(m: re.Match[str]) -> float:
    """The scale a range's first amount takes from its second: 'billion' in '5 to 10 billion'
    and 'million' in 'five to ten million', where the first has none of its own."""
    if _has_scale(m, "a_") or _scale_words(m.group("a_word") or m.group("a_mixed")):
        return 1.0
    if _has_scale(m, "b_"):
        return num.parse_scale(m.group("b_scale") or m.group("b_gscale") or m.group("b_ascale"))
    scales = _scale_words(m.group("b_word"))
    words = (m.group("b_word") or "").lower().split()
    return num.parse_scale(scales[0]) if len(scales) == 1 and words[-1] == scales[0] else 1.0


def _scale_words(words: str | None) -> list[str]:
    """The scale words of a numeral in words ('two hundred thousand' -> hundred, thousand)."""
    tokens = (words or "").lower().split()
    return [t for t in tokens if t == "hundred" or t in num.SCALES]


def _has_scale(m: re.Match[str], p: str) -> bool:
    return bool(m.group(f"{p}scale") or m.group(f"{p}gscale") or m.group(f"{p}ascale"))


_OR_MORE = {"so": "about", "more": "at_least", "above": "at_least", "greater": "at_least",
            "higher": "at_least", "over": "at_least", "less": "up_to", "fewer": "up_to",
            "below": "up_to", "lower": "up_to", "under": "up_to"}  # fmt: skip


def _or_more(m: re.Match[str], qualifier: str) -> str:
    """'200,000+', '500 or more', '30 or less', '40 or so'."""
    if m.group("plus"):
        return "at_least"
    if m.group("ormore"):
        return _OR_MORE[m.group("ormore").split()[-1].lower()]
    if m.group("orequal"):  # "more than 5,000 or equal to"
        return {"more_than": "at_least", "less_than": "up_to"}.get(qualifier, qualifier)
    return qualifier


def _currency(m: re.Match[str]) -> str | None:
    symbol = (m.group("a_cur") or m.group("b_cur") or m.group("curs") or "").strip()
    if not symbol:
        return None
    if symbol.isalpha() and not _UPPER_CURRENCY.fullmatch(symbol):
        return None  # "usd" in lower case is not a currency code in running text
    return symbol


def read_quantity(m: re.Match[str]) -> RawQuantity | None:
    """The value, qualifier and surface units of one QUANTITY match (None if not a number)."""
    if m.group("vague"):
        return _read_vague(m)
    if m.group("mword"):
        return _read_multiplier_word(m)
    if m.group("ratio"):
        return _read_ratio(m)
    low = _amount_value(m, "a_")
    if low is None:
        return None
    high = low
    qualifier = "exact"
    if any(m.group("b_" + g) for g in _NUMERALS):
        second = _amount_value(m, "b_")
        if second is not None:
            if _is_fraction_word(m, "a_") != _is_fraction_word(m, "b_"):
                return None  # "fell by a quarter to 3 million": a change and a level
            # "5 to 10 billion", "between five and ten million": the second amount's scale
            # applies to the first.
            low *= _shared_scale(m)
            high = second
            qualifier = "range"
            if low > high:
                return None  # "2026-2025", "10-5": not a range we can read as one
            if m.group("pct1") and not m.group("pct"):
                return None  # "fell by 3.16% to 2,138.14": a change and a level, not a range
    qualifier = _or_more(m, _qualifier(m, qualifier))
    suffix = _suffix(m)
    currency = _currency(m)
    return RawQuantity(
        start=m.start(),
        end=m.end(),
        low=low,
        high=high,
        qualifier=qualifier,
        currency=currency,
        currency_word=m.group("curw"),
        suffix=suffix,
        is_bare=bool(m.group("a_dig"))
        and not (m.group("qual") or currency or suffix or m.group("curw") or m.group("plus"))
        and not _has_scale(m, "a_")
        and m.group("sep") is None,
        is_year_like=_is_year_like(m),
        is_fraction=_is_share(m),
        glued=m.group("a_glued") is not None and not _has_scale(m, "a_"),
    )


def read_quantities(text: str, m: re.Match[str], end: int) -> list[RawQuantity]:
    """The readings of one QUANTITY match: ``read_quantity``'s, except that a ratio that is no
    share ('8 in 5', '12 out of 10') is read as its two numbers."""
    quantity = read_quantity(m)
    if quantity is not None or not m.group("ratio"):
        return [quantity] if quantity else []
    second = m.start("rbot") if m.group("rbot") else m.start("rbotw")
    parts = (_PLAIN_QUANTITY.match(text, m.start(), end), _PLAIN_QUANTITY.match(text, second, end))
    return [q for part in parts if part and (q := read_quantity(part))]


def _qualifier(m: re.Match[str], default: str) -> str:
    """The qualifier written before the amount ("more than", "~"), else ``default``."""
    if not m.group("qual"):
        return default
    phrase = " ".join(m.group("qual").lower().split())
    return "about" if phrase in ("~", "≈") else _QUALIFIER_OF.get(phrase, default)


def _digits_or_words(digits: str | None, words: str | None) -> float | None:
    return num.parse_digits(digits) if digits else num.parse_words(words or "")


def _read_ratio(m: re.Match[str]) -> RawQuantity | None:
    """'one in five', '8 out of 10': the share top/bottom; None when it is not a proper one."""
    top = _digits_or_words(m.group("rtop"), m.group("rtopw"))
    bottom = _digits_or_words(m.group("rbot"), m.group("rbotw"))
    if top is None or not bottom or not 0 < top < bottom:
        return None
    value = top / bottom
    return RawQuantity(
        start=m.start(), end=m.end(), low=value, high=value,
        qualifier=_or_more(m, _qualifier(m, "exact")), is_fraction=True,
    )  # fmt: skip


def _is_year_like(m: re.Match[str]) -> bool:
    digits = m.group("a_dig")
    return bool(digits) and len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2199


def _suffix(m: re.Match[str]) -> str | None:
    if m.group("pct") or m.group("pct1"):
        return "%"
    if m.group("pp"):
        word = m.group("pp").lower()
        return "bp" if word.startswith(("basis", "bps")) else "pp"
    if m.group("mult") or m.group("multw"):
        return "x"
    return None


def _read_multiplier_word(m: re.Match[str]) -> RawQuantity | None:
    """'twice', 'doubled', 'tripled', 'sixfold': a multiplier stated in one word."""
    word = m.group("mword").lower()
    stem = word.replace("-", "").removesuffix("fold")
    value = next((v for k, v in MULTIPLIER_WORDS.items() if word.startswith(k[:5])), None)
    if value is None:
        value = num.parse_words(stem)
    if value is None:
        return None
    return RawQuantity(start=m.start(), end=m.end(), low=value, high=value, qualifier="exact",
                       suffix="x")  # fmt: skip


def _read_vague(m: re.Match[str]) -> RawQuantity | None:
    if m.group("handful"):
        bounds = num.parse_vague("a handful", None)
    elif m.group("vhead"):
        bounds = num.parse_vague(m.group("vhead"), m.group("vscale"))
    else:
        bounds = num.parse_vague(m.group("vplural"), m.group("vof"))
    if bounds is None:
        return None
    return RawQuantity(
        start=m.start(), end=m.end(), low=bounds[0], high=bounds[1], qualifier="vague",
        currency_word=m.group("curw"), suffix=_suffix(m),
    )  # fmt: skip
