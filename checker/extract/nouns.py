"""What a number counts: the head noun after it, the product model it names, and its rate.

"700,000 H200 units" counts units of H200; "more than 200,000 units of the Nvidia H200" counts
units and names H200 after "of"; "$27,000 per unit" is a price per unit. The scan reads at most
a few tokens, so its cost does not grow with the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "from",
        "with",
        "by",
        "as",
        "and",
        "or",
        "but",
        "nor",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "per",
        "each",
        "apiece",
        "every",
        "about",
        "after",
        "before",
        "since",
        "until",
        "into",
        "onto",
        "over",
        "under",
        "more",
        "less",
        "fewer",
        "most",
        "least",
        "up",
        "down",
        "out",
        "off",
        "also",
        "only",
        "just",
        "not",
        "no",
        "while",
        "when",
        "where",
        "if",
        "so",
        "such",
        "including",
        "compared",
        "against",
        "between",
        "among",
        "during",
        "through",
        "via",
        "within",
        "without",
        "upon",
        "amid",
        "across",
        "toward",
        "towards",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
        "there",
        "here",
        "what",
        "how",
        "why",
        "do",
        "does",
        "did",
        "yet",
        "still",
        "already",
        "now",
        "then",
        "next",
        "last",
        "this",
        "equivalent",
        "worth",
    ]
)
# Plurals without a final s: a count of these ends the noun phrase.
IRREGULAR_PLURALS = frozenset(
    ["people", "men", "women", "children", "staff", "police", "personnel", "cattle", "troops",
     "pence", "feet"]
)  # fmt: skip
# Counting units written in capitals and left singular after a number ("14,000 TEU of
# containers"): the noun counted, not a name.
COUNT_ABBREVIATIONS = frozenset(["TEU", "FEU"])
# Singular head nouns that end a phrase before a model name ("200,000 unit H200 order").
GENERIC_HEADS = frozenset(["unit", "piece", "item"])
NOUNS_ENDING_ED = frozenset(["speed", "breed", "seed", "need", "feed", "shed", "bed"])
# Words ending in -ly that are nouns, so the adverb test does not stop at them.
NOUNS_ENDING_LY = frozenset(
    [
        "supply",
        "family",
        "assembly",
        "rally",
        "ally",
        "italy",
        "july",
        "monopoly",
        "anomaly",
        "reply",
        "fly",
        "belly",
        "jelly",
        "bully",
        "lily",
    ]
)
RATE_PERIODS = {
    "annually": "year", "yearly": "year", "a year": "year", "per year": "year", "each year": "year",
    "every year": "year", "per annum": "year", "a month": "month", "per month": "month",
    "monthly": "month", "each month": "month", "a week": "week", "per week": "week",
    "weekly": "week", "a day": "day", "per day": "day", "daily": "day", "quarterly": "quarter",
    "per quarter": "quarter", "a quarter": "quarter", "apiece": "unit",
}  # fmt: skip

_TOKEN = re.compile(r"\s*(?:(?P<word>[A-Za-z0-9][\w'’.\-]*[\w]|[A-Za-z0-9])|(?P<punct>\S))")
_MODEL = re.compile(r"^(?=[^\d]*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9\-]*$")
_RATE = re.compile(
    r"\s*(?P<rate>annually|yearly|monthly|weekly|daily|quarterly|apiece|per\s+annum|"
    r"(?:a|an|per|each|every)\s+(?:year|month|week|day|quarter))\b"
    r"|\s*(?:per|a|each)\s+(?P<per>[A-Za-z][\w-]*)",
    re.IGNORECASE,
)
# After an amount of money, "each" closing the phrase ("at $27,000 each,") is a price per unit,
# and "a"/"an" with one noun closing the phrase ("$25 a share,", "$80 a barrel on Friday") is
# a price per that noun. The noun must end the phrase, so "$5 billion a new plant" is not one.
_PRICE_RATE = re.compile(
    r"\s*(?:(?P<each>each)|an?\s+(?P<per>[A-Za-z][a-z-]*))"
    r"(?=\s*(?:[^\w\s]|$|(?:on|in|at|for|to|from|with|by|as|and|or|but|than|when|while|after|"
    r"before|under|over|until|since)\b))",
    re.IGNORECASE,
)
_OF_PHRASE = re.compile(r"\s*of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|these\s+|those\s+)?",
                        re.IGNORECASE)  # fmt: skip
# "1,200 jobs, 300 of them permanent": the figure counts the noun counted before it.
# ("six of these aeroplanes" names its own noun: "these" and "those" count only on their own)
OF_PRONOUN = re.compile(
    r"\s*of\s+(?:them|which|whom|(?:these|those)(?!\s+[A-Za-z]))\b", re.IGNORECASE
)


@dataclass(slots=True)
class NounReading:
    noun: str | None  # head noun as written
    item: str | None  # product model named in the phrase
    per: str | None  # rate period or denominator
    end: int  # where the noun phrase ends in the text
    partitive: bool  # the noun came from "of the ..." ("two of the people")
    # the measured noun stands before the figure ("a span of 218 metres", "Roof span: 218 m")
    named_before: bool = False


def is_model_name(token: str) -> bool:
    """H200, A100, MI300X, 7nm, COVID-19: letters and digits in one token."""
    return bool(_MODEL.match(token))


def _is_adverb(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("ly") and len(lower) > 4 and lower not in NOUNS_ENDING_LY


def looks_plural(word: str) -> bool:
    lower = word.lower()
    if word.isupper() and len(word) > 2 and word.endswith("S"):
        return False
    if word[:-1].isupper() and word.endswith("s") and len(word) > 2:
        return True  # GPUs, CPUs
    return (
        lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "ics", "ous", "'s", "’s"))
        and len(lower) > 3
        and (word[0].islower() or word[1:].islower())
    )


def _is_verb_form(lower: str, words: list[str]) -> bool:
    """An -ed word right after the number ('one added') or after the noun is a verb; a
    hyphenated one ('mid-sized', 'state-owned') is an adjective inside the phrase."""
    if not lower.endswith("ed") or len(lower) <= 4 or lower in NOUNS_ENDING_ED:
        return False
    return "-" not in lower


def _plural_follows(text: str, pos: int, limit: int) -> bool:
    """'96 containerised units': an -ed word before a plural noun describes it."""
    match = _TOKEN.match(text, pos, limit)
    return bool(match and match.group("word") and looks_plural(match.group("word")))


def _scan_phrase(text: str, pos: int, limit: int) -> tuple[list[str], str | None, int]:
    """Tokens of the noun phrase starting at ``pos``: (words, model name, end offset)."""
    words: list[str] = []
    item: str | None = None
    end = pos
    for _ in range(6):
        match = _TOKEN.match(text, pos, limit)
        if not match or match.group("punct") is not None:
            break
        token = match.group("word")
        lower = token.lower()
        if is_model_name(token) or (words and token.isdigit()):
            if any(looks_plural(word) or word.lower() in GENERIC_HEADS for word in words):
                break  # "200,000 units H200 order": the model starts a new phrase
            # "20 larger A350s", "60 new A350 aircraft": what came before only described it.
            words = []
            item = item or token
            pos = end = match.end()
            continue
        if lower in STOP_WORDS or _is_adverb(token) or token[0].isdigit():
            break
        if _is_verb_form(lower, words) and not _plural_follows(text, match.end(), limit):
            break  # "four people briefed", "one added": a verb or participle, not the noun
        words.append(token)
        pos = end = match.end()
        if looks_plural(token) or lower in IRREGULAR_PLURALS or token in COUNT_ABBREVIATIONS:
            break
    return words, item, end


def _head(words: list[str]) -> str | None:
    """The head noun: the last word that is not a capitalized modifier or an acronym adjective."""
    for word in reversed(words):
        if word[0].islower() or looks_plural(word) or word.lower() in IRREGULAR_PLURALS:
            return word
        if word in COUNT_ABBREVIATIONS:
            return word
    return None


_HYPHEN_UNIT = re.compile(r"-(?P<unit>[a-z]+)\b")


def read_noun(
    text: str, pos: int, limit: int, want_partitive: bool = True, priced: bool = False
) -> NounReading:
    """Read the counted noun, model name and rate that follow a number ending at ``pos``;
    ``priced``: the number is an amount of money, which "each" or "a share" makes a price."""
    joined = _HYPHEN_UNIT.match(text, pos, limit)
    if joined:
        # "a 15-year agreement", "a four-dose schedule": the unit is joined to the number.
        return NounReading(noun=joined.group("unit"), item=None, per=None, end=joined.end(),
                           partitive=False)  # fmt: skip
    words, item, end = _scan_phrase(text, pos, limit)
    noun = _head(words)
    partitive = False
    if noun is None and want_partitive and not OF_PRONOUN.match(text, pos, limit):
        of = _OF_PHRASE.match(text, pos, limit)
        if of:
            words, of_item, of_end = _scan_phrase(text, of.end(), limit)
            noun = _head(words)
            item = item or of_item
            if noun:
                end, partitive = of_end, True
    if item is None:
        of = _OF_PHRASE.match(text, end, limit)
        if of:
            _, item, _ = _scan_phrase(text, of.end(), limit)
    per = _rate(text, end, limit) or (_price_rate(text, end, limit) if priced else None)
    return NounReading(noun=noun, item=item, per=per, end=end, partitive=partitive)


def _price_rate(text: str, pos: int, limit: int) -> str | None:
    match = _PRICE_RATE.match(text, pos, limit)
    if not match:
        return None
    if match.group("each"):
        return "unit"
    word = match.group("per")
    return None if word.lower() in STOP_WORDS else word


def _rate(text: str, pos: int, limit: int) -> str | None:
    match = _RATE.match(text, pos, limit)
    if not match:
        return None
    if match.group("rate"):
        phrase = " ".join(match.group("rate").lower().split())
        return RATE_PERIODS.get(phrase) or phrase.split()[-1]
    word = match.group("per")
    if word.lower() in STOP_WORDS or match.group(0).strip().lower().startswith(("a ", "each ")):
        return None  # "a 25% surcharge ... a new wave": not a rate
    return word
