"""Decision statuses: where an official decision stands ("regulators have approved ...",
"Beijing asked firms to halt orders", "the ministry is still reviewing the application").

A status phrase comes from the statuses lexicon (rules/lexicons/statuses.yaml). The sentence's
modality adjusts what it states: a negated or expected approval ("has not approved", "is set to
approve") says the decision is still pending; a hedged halt or denial ("could block") states
nothing yet. A status is kept only when the sentence names who decides or what is decided (an
entity or a product model), so a profile's "she approved of the plan" is not a decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.lexicons import CompiledLexicons

# (status read, modality) -> status stated; None drops the reading.
_UNDER_MODALITY: dict[tuple[str, str], str | None] = {
    ("approved", "negated"): "pending",
    ("conditional", "negated"): "pending",
    ("approved", "expected"): "pending",
    ("conditional", "expected"): "pending",
    ("approved", "hypothetical"): "pending",
    ("conditional", "hypothetical"): "pending",
    ("halted", "negated"): None,
    ("halted", "expected"): None,
    ("halted", "hypothetical"): None,
    ("denied", "negated"): None,
    ("denied", "expected"): None,
    ("denied", "hypothetical"): None,
}


# A decision named as a prospect ("close to formally approving", "its plan to authorize") is
# not taken yet, whatever tense the sentence is in.
_PROSPECT_BEFORE = re.compile(
    r"(?:close\s+to|near(?:ing)?|on\s+the\s+verge\s+of|poised\s+to|set\s+to|ready\s+to|"
    r"about\s+to|strategy\s+to|plans?\s+to|planning\s+to|move\s+to|moving\s+to|whether\s+to|"
    r"expected\s+to|likely\s+to|unlikely\s+to|intends?\s+to|seeks?\s+to|seeking\s+to|"
    r"hopes?\s+to|aims?\s+to|would|could|may|might|will)\s+(?:[a-z]+ly\s+)?$"
)
PROSPECT_ROOM = 40


@dataclass(frozen=True, slots=True)
class StatusMention:
    start: int
    end: int
    decision: str
    status: str


def find_status_mentions(
    folded: str, start: int, end: int, lexicons: CompiledLexicons
) -> list[StatusMention]:
    """Status phrases of the sentence [start, end) of the case-folded text."""
    found = []
    for match in lexicons.status_pattern.finditer(folded, start, end):
        reading = lexicons.status_of(match.group(0))
        if reading is not None:
            found.append(StatusMention(match.start(), match.end(), *reading))
    return found


def status_under(status: str, modality: str) -> str | None:
    """What a status phrase states once its modality is taken into account."""
    return _UNDER_MODALITY.get((status, modality), status)


def is_prospect(folded: str, mention: StatusMention, sentence_start: int) -> bool:
    """True when the words just before the phrase name it as a prospect, not a decision."""
    low = max(sentence_start, mention.start - PROSPECT_ROOM)
    return _PROSPECT_BEFORE.search(folded, low, mention.start) is not None
