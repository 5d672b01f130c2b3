"""Sentence segmentation with exact offsets.

Lines are hard boundaries (scraped news puts headings, bullets and captions on lines of their
own); inside a line, a boundary is sentence-final punctuation followed by space and a capital,
digit or opening quote, unless the word before the period is a known abbreviation or an initial.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from checker.models import Span

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "rev",
        "hon",
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "llc",
        "bros",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "op",
        "vol",
        "pp",
        "al",
        "ave",
        "blvd",
    ]
)

_LINE = re.compile(r"[^\r\n\u2028\u2029]+")
# Closing quotes, brackets and emphasis may follow the stop: a run-in heading ("**The fish.**
# The count rose") is a sentence of its own.
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]*_]*(?=\s+[\"“‘(\[*_]{0,3}[A-Z0-9•])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and match.group(1).isupper())


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end) if end > start else None


def split_sentences(text: str, skip: Sequence[Span] = ()) -> Iterator[Span]:
    """Sentence spans of ``text`` in order, leaving out lines covered by ``skip`` spans."""
    skipped = {(span.start, span.end) for span in skip}
    skip_starts = sorted(span.start for span in skip)
    for line in _LINE.finditer(text):
        if (line.start(), line.end()) in skipped or _inside(skip, skip_starts, line.start()):
            continue
        start = line.start()
        for boundary in _CANDIDATE.finditer(text, line.start(), line.end()):
            if _is_abbreviation(text, boundary.start()):
                continue
            span = _trimmed(text, start, boundary.end())
            if span:
                yield span
            start = boundary.end()
        span = _trimmed(text, start, line.end())
        if span:
            yield span


def _inside(skip: Sequence[Span], starts: list[int], offset: int) -> bool:
    """Whether ``offset`` falls inside one of the multi-line skip spans (front matter)."""
    if not skip:
        return False
    from bisect import bisect_right

    index = bisect_right(starts, offset) - 1
    if index < 0:
        return False
    start = starts[index]
    return any(span.start == start and span.start <= offset < span.end for span in skip)


def fold_case(text: str) -> str:
    """``text`` in lower case with every offset unchanged, so case-insensitive cue patterns can
    run case-sensitively (several times faster in ``re``). The few characters whose lower case
    is longer ("İ") are kept as written."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
