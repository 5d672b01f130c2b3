"""The wire dateline, read by metadata inference (its outlet and date) and by extraction (its
place and outlet are no actors of the story): one grammar, so the two never disagree.

"KESSMARK, June 9 (Carrowline) - ", "SPRINGFIELD, Ill., Jan. 5 (AP) — ", "NEW YORK
(Reuters) - ": a place in capitals, then, after a comma, a region and a date (either may be
left out), then the outlet in brackets and a dash.
"""

from __future__ import annotations

import re

DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z .'’/-]{1,59}?)(?:,\s+(?P<middle>[^()\n]{1,40}?))?\s*"
    r"\((?P<outlet>[A-Z][\w&.' -]{1,40})\)\s*[-–—]\s*"
)


def dateline_date(match: re.Match[str]) -> str | None:
    """The date a dateline's middle ends with ("Aldmark, June 9" -> "June 9"), as written."""
    middle = match.group("middle")
    if not middle:
        return None
    last = middle.rsplit(",", 1)[-1].strip()
    # "June 9, 2026": the year after a comma belongs to the date before it
    if last.isdigit() and "," in middle:
        last = ", ".join(part.strip() for part in middle.rsplit(",", 2)[-2:])
    return last
