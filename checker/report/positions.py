"""Line and column of a character offset, for formats that point into files (SARIF, GitHub).

Lines and columns are 1-based and counted in code points, as the offsets are. Only articles
whose text is the file itself (.txt, .md) have positions in their file; the text of .html and
.json articles was taken out of markup, so offsets do not map to the file's lines.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from checker.models import Article

_NEWLINE = re.compile("\n")
FILE_TEXT_FORMATS = frozenset({"txt", "md"})


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class LineIndex:
    """Where each line of a text starts, so an offset's line is one binary search."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self._starts, offset)
        return Position(line, offset - self._starts[line - 1] + 1)


def maps_to_file(article: Article) -> bool:
    return article.info.format in FILE_TEXT_FORMATS
