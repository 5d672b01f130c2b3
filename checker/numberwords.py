"""The English words of numbers, scales, fractions and vague amounts: the vocabulary of the
number grammar (checker.extract.numbers), in a module of its own so that later stages can
read it without importing the extractor (checker.rules.grouping tells a count's number
from its noun phrase)."""

from __future__ import annotations

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
# Indian English counts in lakhs (100,000) and crores (10 million): "Rs 5 crore", "13 lakh".
SCALES = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9,
          "trillion": 1e12}  # fmt: skip
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6,
                       "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
                       "hundred": 1e2, "dozen": 12.0, "dozens": 12.0, "doz": 12.0,
                       "dozs": 12.0, "dz": 12.0, "dzs": 12.0, "lakhs": 1e5,
                       "crores": 1e7}  # fmt: skip
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                "tenth": 10, "tenths": 10}  # fmt: skip
# Matched by their first five letters, so "doubled", "tripling" and "quadrupled" count too.
MULTIPLIER_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "quadruple": 4.0}

# Vague amounts as documented intervals [low, high) of the multiplier applied to the scale:
# "several hundred thousand" = [2, 10) x 100,000; "hundreds of thousands" = [200, 1000) x 1,000.
VAGUE_COUNT_WORDS = {
    "a few": (2.0, 6.0),
    "a couple of": (2.0, 4.0),
    "several": (2.0, 10.0),
    "a handful of": (2.0, 10.0),
    "a handful": (2.0, 10.0),
    "many": (2.0, 1000.0),
}
VAGUE_PLURALS = {
    "tens": (20.0, 100.0),
    "dozens": (24.0, 144.0),
    "scores": (40.0, 200.0),
    "hundreds": (200.0, 1000.0),
    "thousands": (2e3, 1e6),
    "millions": (2e6, 1e9),
    "billions": (2e9, 1e12),
    "trillions": (2e12, 1e15),
}
