"""Days and years written in words ('the twenty third', 'nineteen eighty six'), for dates.py.

Kept apart from ``checker.extract.numbers`` on purpose: that package imports ``checker.dates``,
so the date grammar cannot import it back, and day and year words follow their own rules
('nineteen eighty six' is 1986, not 19 + 86) that the quantity grammar must not learn.
"""

from __future__ import annotations

import re

from checker.regex_trie import trie_alternation

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}  # fmt: skip
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
            "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
            "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
            "thirtieth": 30}  # fmt: skip
_CARDINALS = {**UNITS, **TEENS, **TENS, "oh": 0}
# Every word a spoken day or year can begin with.
FIRST_WORDS = (*ORDINALS, *UNITS, *TEENS, "twenty", "thirty")


_UNIT = rf"(?:{trie_alternation(UNITS)})"
_TEEN = rf"(?:{trie_alternation(TEENS)})"
_TENS = rf"(?:{trie_alternation(TENS)})"
_FIRST_NINE_ORDINALS = trie_alternation(k for k, v in ORDINALS.items() if v < 10)
_BELOW_100 = rf"(?:{_TENS}(?:[\s-]{_UNIT})?|{_TEEN}|{_UNIT})\b"

# Where a spoken number stops being part of a date: the end of the clause or a function word.
# 'in October two thousand and five' is a date; 'in October two thousand people' is a count.
WORD_END = (
    rf"\s*(?:$|[^\w\s-]|(?:and(?!\s+(?:{_BELOW_100}|hundred|thousand|a\s+half))|or|but|when|"
    r"while|in|on|at|after|before|until|since)\b)"
)

# 'twenty-third', 'thirty first', 'ninth'; never 'first-half' or 'second-largest'.
ORDINAL_DAY = (
    rf"(?i:(?:twenty[\s-](?:{_FIRST_NINE_ORDINALS})|thirty[\s-]first|{trie_alternation(ORDINALS)})"
    r"\b(?!-))"
)
# 'twenty nine', 'fifteen': a count as often as a day, so dates.py asks for more evidence.
CARDINAL_DAY = (
    rf"(?i:(?:twenty(?:[\s-]{_UNIT})?|thirty(?:[\s-]one)?|{trie_alternation([*TEENS, *UNITS])})"
    r"\b(?!-))"
)
# 'two thousand and fifteen', 'nineteen hundred ninety three', 'nineteen eighty six',
# 'twenty twenty', 'nineteen oh five'.
YEAR_WORDS = (
    rf"(?i:(?:two\s+thousand(?:\s+(?:and\s+)?{_BELOW_100})?"
    rf"|(?:{_TEEN}|twenty)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?"
    rf"|(?:{_TEEN}|twenty)\s+(?:{_TENS}(?:[\s-]{_UNIT})?|{_TEEN}|oh\s+{_UNIT})\b)"
    rf"(?={WORD_END}))"
)

_SPLIT = re.compile(r"[\s-]+")


def day_value(text: str) -> int:
    """'twenty-third' -> 23; 'fifteen' -> 15; 'first' -> 1."""
    return sum(ORDINALS.get(word, _CARDINALS.get(word, 0)) for word in _SPLIT.split(text.lower()))


def year_value(text: str) -> int:
    """'two thousand and five' -> 2005; 'seventeen hundred thirty three' -> 1733;
    'nineteen eighty six' -> 1986 (two numbers read as century and year)."""
    words = [w for w in _SPLIT.split(text.lower()) if w != "and"]
    if "thousand" in words or "hundred" in words:
        total = current = 0
        for word in words:
            if word == "thousand":
                total, current = total + current * 1000, 0
            elif word == "hundred":
                current *= 100
            else:
                current += _CARDINALS[word]
        return total + current
    century = _CARDINALS[words[0]]
    return century * 100 + sum(_CARDINALS[w] for w in words[1:])
