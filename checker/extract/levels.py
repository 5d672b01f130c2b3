"""The counted noun of a bare figure that a verb of change or of level introduces.

"Confirmed measles cases in the province rose to 131" counts cases, though no noun follows
the number: the noun is the head of the clause's subject ("the number of confirmed cases has
now reached 214" as well). "..., up from 163" counts what the figure before it in the sentence
counts, and so does a level of "the total" or "that figure" ("187,000 children had received a
first dose ... By Monday evening the total had risen to 212,400"). Only a plain number
borrows a noun (not a sum of money, a percentage or a measurement), and only a plural common
noun that names things counted: "Shares rose to 52" is a price.
"""

from __future__ import annotations

import re
from itertools import takewhile

from checker.extract.nouns import NOUNS_ENDING_ED, looks_plural

_LEVEL_VERB = re.compile(
    r"\b(?:rose|risen|rising|climbed|climbing|increased|jumped|grew|grown|swelled|soared|"
    r"fell|fallen|dropped|declined|decreased|reached|reaching|hit|stood|stands|totalled|"
    r"totaled|topped|surpassed|exceeded)(?:\s+(?:to|at))?\s+$",
    re.IGNORECASE,
)
_BACK_FROM = re.compile(r"\b(?:up|down)\s+from\b", re.IGNORECASE)  # the figure may hold "from"
# "revised up from its flash estimate of 6.2%", "down from a peak of 1,450": the earlier
# value named by what it was
_BACK_FROM_NAMED = re.compile(
    r"\b(?:up|down)\s+from\s+(?:its|the|their|a|an)\s+(?:[\w-]+\s+){0,3}of\s+$", re.IGNORECASE
)
BACK_FROM_ROOM = 50
# Where a clause begins before its verb: punctuation, a dateline's dash, a bracket.
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")
# Where the subject's noun phrase ends: a preposition, an auxiliary or an adverb of time.
_PHRASE_END = re.compile(
    r"\b(?:in|of|at|on|for|across|from|with|by|among|since|has|have|had|is|are|was|were|will|"
    r"would|could|now|so|already|reportedly)\b",
    re.IGNORECASE,
)
_COUNT_OF = re.compile(r"\b(?:the\s+)?(?:number|total|tally|count)\s+of\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
LOOK_BACK = 200
# Plural nouns whose level is a price, a rate or a reading, not a count of things.
NOT_COUNTED = frozenset(
    ["shares", "stocks", "prices", "rates", "yields", "levels", "temperatures", "markets",
     "figures", "numbers", "totals", "counts", "estimates", "bonds", "futures", "indices"]
)  # fmt: skip


def level_noun(text: str, start: int, sentence_start: int) -> str | None:
    """The noun a bare figure at ``start`` counts when a verb of level introduces it and
    the clause's subject is a plural common noun ('cases ... rose to 131'); else None."""
    low = max(sentence_start, start - LOOK_BACK)
    verb = _LEVEL_VERB.search(text, low, start)
    if verb is None:
        return None
    clause_start = low
    for brk in _CLAUSE_BREAK.finditer(text, low, verb.start()):
        clause_start = brk.end()
    # "the number of confirmed fires had risen", also after a reporting verb ("the agency
    # said the number of ..."): the last such phrase before the verb
    count_of = max(_COUNT_OF.finditer(text, clause_start, verb.start()),
                   key=lambda match: match.start(), default=None)  # fmt: skip
    phrase_start = count_of.end() if count_of else clause_start
    phrase_end = _PHRASE_END.search(text, phrase_start, verb.start())
    words = _WORD.findall(text, phrase_start, phrase_end.start() if phrase_end else verb.start())
    if count_of:  # "the number of fish killed by ...": a participle after the noun ends it
        leading = len(list(takewhile(_is_participle, words)))  # "confirmed fires": its adjective
        words = words[:leading] + list(takewhile(lambda w: not _is_participle(w), words[leading:]))
    if not words:
        return None
    head = words[-1]
    if head[0].isupper() and len(words) > 1:
        return None  # a name ends the phrase ("the Harbourline Ferries")
    head = head.lower()  # the first word of a clause: "Deliveries rose to 400,000"
    counted = looks_plural(head) or (count_of is not None and head in SAME_IN_THE_PLURAL)
    if not counted or head in NOT_COUNTED:
        return None
    return head


_PARTICIPLE = re.compile(r"[a-z]+ed", re.IGNORECASE)


def _is_participle(word: str) -> bool:
    return _PARTICIPLE.fullmatch(word) is not None and word.lower() not in NOUNS_ENDING_ED


# Nouns whose plural is the singular: "the number of fish" counts fish.
SAME_IN_THE_PLURAL = frozenset(
    ["fish", "sheep", "deer", "aircraft", "salmon", "trout", "livestock", "poultry", "cattle",
     "swine", "species", "series", "spacecraft", "offspring"]
)  # fmt: skip


# "the total had risen to", "that figure now stands at": the subject is the figure before.
_TALLY_SUBJECT = re.compile(
    r"\b(?:the|that|this)\s+(?:total|tally|figure|number|count)\s+"
    r"(?:(?:has|had|have|was|is|now|since|then|already|further)\s+)*$",
    re.IGNORECASE,
)


def refers_back(text: str, start: int, sentence_start: int) -> bool:
    """Whether a bare figure at ``start`` is a new level of the figure stated before it
    ('the total had risen to 212,400')."""
    low = max(sentence_start, start - LOOK_BACK)
    verb = _LEVEL_VERB.search(text, low, start)
    return verb is not None and _TALLY_SUBJECT.search(text, low, verb.start()) is not None


def counts_back(text: str, start: int, sentence_start: int) -> bool:
    """Whether the figure at ``start`` is the earlier value of the one before it ('up from')."""
    if _BACK_FROM.search(text, max(sentence_start, start - 12), start + 5) is not None:
        return True
    low = max(sentence_start, start - BACK_FROM_ROOM)
    return _BACK_FROM_NAMED.search(text, low, start) is not None
