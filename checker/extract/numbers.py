"""Number grammar: digits, number words, fractions, scale words and vague amounts.

Each function turns the text of one matched numeral into a float; the regular expressions
that find numerals live in ``quantities.py`` and are built from the word lists here (kept in
checker.numberwords, which the rules read too without importing the extractor).
"""

from __future__ import annotations

import re
import unicodedata

from checker.numberwords import (
    DENOMINATORS,
    SCALE_ABBREVIATIONS,
    SCALES,
    TENS,
    UNITS,
    VAGUE_COUNT_WORDS,
    VAGUE_PLURALS,
)

NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", *SCALES, "dozen"], key=len, reverse=True))
FRACTION_WORD = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
SCALE_WORD = "|".join(SCALES)  # thousand and up: "and" may follow them ("a million and a half")
# Fractions printed as one character ("2½ years", "⅔ of members").
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
DIGIT = rf"[\d{VULGAR_FRACTIONS}]"  # a character that starts a numeral written in figures
# Slash fractions read without a following "of": denominators news uses for shares and
# measures. Any other "a/b" ("10/12", "9/11", "24/7") is a date, a name or a rate.
SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})

_SEPARATORS = re.compile(r"[,\u00a0\u2009\u202f ]")
_WORD_SPLIT = re.compile(r"[\s\-–]+")


def parse_digits(text: str) -> float:
    """'5,000' -> 5000.0; '1 000' -> 1000.0; '28.7' -> 28.7."""
    return float(_SEPARATORS.sub("", text))


_AND_FRACTION = re.compile(
    rf"^(?P<whole>.+?)\s+and\s+(?P<top>a|an|\w+)(?:\s*-\s*|\s+)(?P<bottom>{FRACTION_WORD})"
    rf"(?:\s+(?P<scale>{SCALE_WORD}))?$"
)


def parse_words(text: str) -> float | None:
    """'two million' -> 2e6; 'forty-five' -> 45; 'two hundred and fifty thousand' -> 250000;
    'two and a half million' -> 2.5e6; 'a quarter million' -> 250000; '3 hundred and 21' -> 321;
    'three lakh crore' -> 3e12."""
    lowered = " ".join(text.lower().split())
    with_fraction = _AND_FRACTION.match(lowered)
    if with_fraction:
        return _whole_and_fraction(with_fraction)
    return _whole_words(lowered)


def _whole_and_fraction(m: re.Match[str]) -> float | None:
    """'two and a half million' = 2.5e6; 'six million and two thirds' = 6 2/3 million (the
    fraction is of the last scale word); 'one billion and a half million' = 1e9 + 5e5."""
    whole = _whole_words(m.group("whole"))
    part = parse_fraction(m.group("top"), m.group("bottom"))
    if whole is None or part is None:
        return None
    scale = SCALES.get(m.group("scale") or "")
    last_word = m.group("whole").rsplit(" ", 1)[-1].rstrip("s")
    if scale and last_word in SCALES:
        return whole + part * scale
    if scale:
        return (whole + part) * scale
    return whole + part * SCALES.get(last_word, 1.0)


def _whole_words(lowered: str) -> float | None:
    """A whole number in words, digit groups allowed before a scale word ('4 thousand 3
    hundred'). ``small`` is the part below a hundred, which 'dozen' multiplies ('three
    hundred and two dozen' = 324); a scale word larger than the last one multiplies all
    that came before ('three lakh crore' = 3e12)."""
    total = hundreds = small = 0.0
    last_scale = 0.0
    seen = False
    for token in _WORD_SPLIT.split(lowered):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            small = small or 1.0
        elif token in ("half", "quarter"):
            small = (small or 1.0) * (0.5 if token == "half" else 0.25)
        elif token in UNITS or token in TENS:
            small += UNITS.get(token) or TENS.get(token, 0)
        elif token.isdigit():
            small += int(token)
        elif token == "hundred":
            hundreds, small = (hundreds + (small or 1.0)) * 100, 0.0
        elif token in ("dozen", "dozens"):
            if small:
                small *= 12
            else:
                hundreds = (hundreds or 1.0) * 12
        elif token.rstrip("s") in SCALES:
            scale = SCALES[token.rstrip("s")]
            if total and scale > last_scale:
                total = (total + hundreds + small) * scale
            else:
                total += ((hundreds + small) or 1.0) * scale
            last_scale, hundreds, small = scale, 0.0, 0.0
        else:
            return None
        seen = True
    return total + hundreds + small if seen else None


def parse_slash_fraction(whole: str | None, top: str, bottom: str, before_of: bool) -> float | None:
    """'3/4' -> 0.75; '2 1/4' -> 2.25; '1/40' only before 'of' ('1/40 of the wavelength').
    None for what is not a proper fraction of a usual denominator ('10/12', '24/7')."""
    numerator, denominator = int(top), int(bottom)
    if not 0 < numerator < denominator:
        return None
    if denominator not in SLASH_DENOMINATORS and not before_of:
        return None
    return (int(whole) if whole else 0) + numerator / denominator


def parse_vulgar(whole: str | None, char: str) -> float:
    """'⅔' -> 0.666...; '2½' -> 2.5."""
    return (int(whole) if whole else 0) + unicodedata.numeric(char)


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
