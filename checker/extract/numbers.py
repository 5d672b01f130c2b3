"""Number grammar: digits, number words, fractions, scale words and vague amounts.

Each function turns the text of one matched numeral into a float; the regular expressions
that find numerals live in ``quantities.py`` and are built from the word lists here.
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9,
                       "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12, "tln": 1e12,
                       "hundred": 1e2, "dozen": 12.0, "dozens": 12.0}  # fmt: skip
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                "tenth": 10, "tenths": 10}  # fmt: skip
# Matched by their first five letters, so "doubled", "tripling" and "quadrupled" count too.
MULTIPLIER_WORDS = {"twice": 2.0, "double": 2.0, "triple": 3.0, "quadruple": 4.0}

NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", *SCALES, "dozen"], key=len, reverse=True))
FRACTION_WORD = "|".join(sorted(DENOMINATORS, key=len, reverse=True))

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
PLURAL_SCALES = {"hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
                 "trillions": 1e12}  # fmt: skip

_SEPARATORS = re.compile(r"[,\u00a0\u2009\u202f ]")
_WORD_SPLIT = re.compile(r"[\s\-–]+")


def parse_digits(text: str) -> float:
    """'5,000' -> 5000.0; '1 000' -> 1000.0; '28.7' -> 28.7."""
    return float(_SEPARATORS.sub("", text))


def parse_words(text: str) -> float | None:
    """'two million' -> 2e6; 'forty-five' -> 45; 'two hundred and fifty thousand' -> 250000;
    'two and a half million' -> 2.5e6; 'a quarter million' -> 250000."""
    lowered = text.lower()
    if " and a half" in lowered:
        whole, _, scale = lowered.partition(" and a half")
        base = parse_words(whole)
        return None if base is None else (base + 0.5) * (SCALES.get(scale.strip(), 1.0))
    total = 0.0
    current = 0.0
    seen = False
    for token in _WORD_SPLIT.split(text.lower()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = current or 1.0
        elif token in ("half", "quarter"):
            current = (current or 1.0) * (0.5 if token == "half" else 0.25)
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token == "dozen":
            current = (current or 1.0) * 12
        elif token in SCALES:
            total += (current or 1.0) * SCALES[token]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_fraction(numerator: str, denominator: str) -> float | None:
    """'one-fifth' -> 0.2; 'a quarter' -> 0.25; 'two thirds' -> 0.666..."""
    top = 1.0 if numerator.lower() in ("a", "an", "one", "") else parse_words(numerator)
    bottom = DENOMINATORS.get(denominator.lower())
    if top is None or bottom is None:
        return None
    return top / bottom


def parse_scale(text: str | None) -> float:
    """Multiplier of a scale word or abbreviation ('million', 'bn', 'k'); 1 when absent."""
    if not text:
        return 1.0
    word = text.strip().lower().rstrip(".")
    return SCALES.get(word) or SCALE_ABBREVIATIONS.get(word) or 1.0


def parse_vague(head: str, scale_words: str | None) -> tuple[float, float] | None:
    """Documented interval of a vague amount: ('several', 'hundred thousand') -> (2e5, 1e6)."""
    head = " ".join(head.lower().split())
    factor = 1.0
    for word in (scale_words or "").lower().replace(" of ", " ").split():
        word = word.rstrip("s") if word.endswith("s") and word.rstrip("s") in SCALES else word
        factor *= SCALES.get(word, 100.0 if word.startswith("hundred") else 1.0)
    if head in VAGUE_COUNT_WORDS:
        low, high = VAGUE_COUNT_WORDS[head]
    elif head in VAGUE_PLURALS:
        low, high = VAGUE_PLURALS[head]
    else:
        return None
    return low * factor, high * factor
