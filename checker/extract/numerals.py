"""Regular-expression pieces for numerals: digits, number words, fractions, ratios.

``quantities.py`` combines them with qualifiers, currencies and suffixes into the quantity
pattern (compiled in verbose, case-insensitive mode); ``numbers.py`` turns what they match into
values. Pieces that name groups take a prefix ("a_", "b_") so a range can hold two amounts.
"""

from __future__ import annotations

from checker.extract import numbers as num
from checker.regex_trie import trie_alternation

# The number and fraction words as tries: the grammar tries them at every word it reads.
NUMBER_WORDS = trie_alternation(num.NUMBER_WORD.split("|"))
FRACTION_WORDS = trie_alternation(num.FRACTION_WORD.split("|"))

DIGITS = (
    r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"  # Indian grouping: 12,34,567 (lakhs and crores)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?:\.\d+)?(?![\d,]|\.\d)"
    r"|\d+(?:\.\d+)?"
    r"|\.\d+"  # a decimal without its leading zero: ".08"
)
_SCALES = "|".join(num.SCALES)
_SMALL_WORD = "a|an|one|two|three|four|five|six|seven|eight|nine"
_UNIT_WORD = "|".join(sorted(num.UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(num.TENS)
# A fraction word after its numerator: "two thirds", "one-fifth", "five - eighths".
_FRACTION_OF = rf"(?:\s*-\s*|\s+)(?:{FRACTION_WORDS})\b"
# "and" joins number words only after a scale word ("two hundred and fifty"); "ten and
# fifteen" are two numbers. It is not taken before a fraction ("one hundred and three
# quarters" is 100.75, read by the fraction tail below) nor before an amount of the same
# scale ("between five million and ten million" is a range, not fifteen million).
_AND_AFTER_SCALE = "|".join(
    rf"(?<={scale})\s+and(?!\s+(?:(?:{NUMBER_WORDS}|a|an)[\s-]+){{0,3}}?{scale}\b)"
    for scale in ("hundred", *num.SCALES)
)
_AND_AFTER_SCALE = rf"(?:{_AND_AFTER_SCALE})(?=\s)(?!\s+(?:{_SMALL_WORD}){_FRACTION_OF})"
# Words join by a space or a hyphen; a spaced hyphen only inside tens and units ("fifty - two").
_WORD_JOIN = rf"(?:\s+|-|(?<=ty)\s-\s(?=(?:{_UNIT_WORD})\b))"
WORDS = (
    r"(?:(?:(?:(?:an?\s+)?(?:half|quarter)\s+(?:an?\s+)?|an?\s+)"
    rf"(?=(?:hundred|{_SCALES}|dozen)\b))?"
    rf"(?:{NUMBER_WORDS})(?:(?:{_AND_AFTER_SCALE})?{_WORD_JOIN}(?:{NUMBER_WORDS}))*"
    # a whole number and a fraction: "one and a half", "two and three quarters million"
    rf"(?:\s+and\s+(?:{_SMALL_WORD}){_FRACTION_OF}(?:\s+(?:{_SCALES})\b)?)?)"
)


def fraction(p: str) -> str:
    """Fractions in words: "two thirds", "one-fifth", "a quarter", "two thirds of a million"
    (the scale word then follows as the amount's scale), "half of", "more than half"."""
    return (
        rf"(?:(?P<{p}fn>{_SMALL_WORD})(?=(?:\s*-\s*|\s+)(?:{FRACTION_WORDS})\b)"
        rf"(?:\s*-\s*|\s+)(?P<{p}fd>{FRACTION_WORDS})"
        rf"(?:\s+of\s+an?(?=\s+(?:{_SCALES})\b))?"
        rf"|(?P<{p}half>half)(?:(?=\s+(?:of|a|an|the)\b)|(?<=than\shalf))"
        rf"(?!\s+an?\s+(?:hundred|{_SCALES}|dozen)\b))"
    )


def slash_fraction(p: str) -> str:
    """Digit fractions: "3/4", "2 1/4", "1/40 of", "⅔", "2½". Which slash pairs are fractions
    (not dates such as "10/12") is decided by num.parse_slash_fraction; "on 3/4" is a date
    unless "of" follows ("on 3/4 of the sites")."""
    return (
        rf"(?<![\w.,:/])(?:(?<!\bon\s)|(?=\d{{1,3}}/\d{{1,3}}\s+of\b))"
        rf"(?:(?P<{p}swhole>\d{{1,3}})[\u00a0 ]{{1,2}})?"
        rf"(?P<{p}stop>\d{{1,3}})/(?P<{p}sbot>\d{{1,3}})(?![\d/:]|[.,]\d|-\d)"
        rf"(?P<{p}sof>(?=\s+of\b))?"
        rf"|(?<![\w.,])(?P<{p}vwhole>\d{{1,3}})?(?P<{p}vchar>[{num.VULGAR_FRACTIONS}])"
    )


# Digits with number words: "3 hundred and 21", "4 thousand 3 hundred", "6 crore and two
# hundred". Only hundreds follow a larger scale, and only a number below a hundred follows
# "hundred and", so "5 million and 20 firms" stays two readings.
_BELOW_HUNDRED = (
    rf"(?:[1-9]\d?(?![\d.,]\d|\d)|(?:{_TENS_WORD})(?:[\s-]+(?:{_UNIT_WORD}))?|{_UNIT_WORD})"
)
_HUNDRED_AND = rf"(?<=hundred)\s+and\s+{_BELOW_HUNDRED}\b(?!\s+(?:hundred|{_SCALES})\b)"
MIXED = (
    rf"(?<![\w.,:/])\d{{1,3}}\s+(?:hundred|{_SCALES})\b"
    rf"(?:(?<!hundred)\s+(?:and\s+)?(?:\d{{1,3}}|{_BELOW_HUNDRED})\s+hundred\b(?:{_HUNDRED_AND})?"
    rf"|{_HUNDRED_AND})"
)
SCALE_WORD = rf"hundred|{_SCALES}|lakhs|crores|dozens?|dozs?|dzs?"
# "MM" (thousand thousand) only in capitals: "10mm" is ten millimetres.
SCALE_ABBR = r"k|mn|mln|mil|bn|bln|tn|trn|tln|m|b|(?-i:MM)"


# What starts another amount: "or more than 190" and "and below 1500" are bounds of their own.
NUMBER_AHEAD = rf"(?:[\d$€£¥.{num.VULGAR_FRACTIONS}]|(?:{NUMBER_WORDS}|a|an|half|one)\b)"
# A ratio is a share: "one in five adults", "8 out of 10", "1 in 1,000". Not a year ("3 in
# 2024") and not a time ("2 in 10 minutes").
RATIO = (
    rf"(?P<ratio>(?:(?<![\w.,:/$€£¥-])(?P<rtop>\d{{1,3}})|\b(?P<rtopw>{_UNIT_WORD}))"
    r"\s+(?:out\s+of|in)\s+(?!(?:1[89]|2[01])\d\d\b)"
    rf"(?:(?P<rbot>\d{{1,3}}(?:,\d{{3}})*)(?![\d:/]|[.,]\d)|\b(?P<rbotw>{WORDS})\b)"
    r"(?!-|\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b))"
)
