"""Article text for the HTML report: paragraphs and highlighted spans as trees of plain text.

This module only decides where marks open and close; checker.report.html.marked_text turns
the trees into HTML, passing every piece of text through markupsafe's escape, so article text
never reaches the page except as escaped text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# A paragraph ends at a blank line; single line breaks inside one are kept (CSS pre-line).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# Beyond this size a blank-line block is not a readable context for one quote (a scraped text
# with no blank lines is one block), so the quote's own lines are shown instead.
MAX_CONTEXT_CHARS = 1200


@dataclass(frozen=True)
class Span:
    """A range of the text to mark: ``kind`` picks the markup, ``ref`` the fact it names."""

    start: int
    end: int
    kind: str
    ref: str = ""


@dataclass(frozen=True)
class Node:
    """Plain text (``kind`` empty) or a mark holding child nodes."""

    text: str = ""
    kind: str = ""
    ref: str = ""
    children: tuple[Node, ...] = field(default_factory=tuple)


def paragraph_ranges(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph, leading and trailing blank lines left out."""
    ranges = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        ranges.append((position, match.start()))
        position = match.end()
    ranges.append((position, len(text)))
    return [(start, end) for start, end in ranges if text[start:end].strip()]


def context_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph around [start, end), or the quote's own lines when that is too long."""
    for low, high in paragraph_ranges(text):
        if low <= start < high or (low < end <= high):
            if high - low <= MAX_CONTEXT_CHARS:
                return low, max(high, end)
            break
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def mark_spans(text: str, low: int, high: int, spans: list[Span]) -> tuple[Node, ...]:
    """Nodes covering text[low:high] with each span as a mark.

    Spans are nested by start (outermost first); a span that crosses the end of an enclosing
    one is cut at that end, so marks always nest and every span keeps its element (and so its
    anchor) even when the extractor reported two overlapping mentions."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    return _nodes(text, low, high, ordered)


def _nodes(text: str, low: int, high: int, spans: list[Span]) -> tuple[Node, ...]:
    nodes: list[Node] = []
    position = low
    index = 0
    while index < len(spans):
        span = spans[index]
        start = min(max(span.start, position), high)
        end = max(min(span.end, high), start)
        inner_end = index + 1
        while inner_end < len(spans) and spans[inner_end].start < end:
            inner_end += 1
        if start > position:
            nodes.append(Node(text=text[position:start]))
        children = _nodes(text, start, end, spans[index + 1 : inner_end])
        nodes.append(Node(kind=span.kind, ref=span.ref, children=children))
        position = end
        index = inner_end
    if high > position:
        nodes.append(Node(text=text[position:high]))
    return tuple(nodes)


def marked_paragraphs(text: str, spans: list[Span]) -> list[tuple[Node, ...]]:
    """Every paragraph of ``text`` with the spans that fall in it marked."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    starts = [span.start for span in ordered]
    paragraphs = []
    for low, high in paragraph_ranges(text):
        inside = ordered[bisect.bisect_left(starts, low) : bisect.bisect_left(starts, high)]
        paragraphs.append(_nodes(text, low, high, inside))
    return paragraphs
