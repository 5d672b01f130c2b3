"""User-facing errors: each names the file, the line when known, and what is wrong.

Exit codes (the one place they are defined):
  0  no finding at or above --fail-on
  1  at least one finding at or above --fail-on
  2  usage or input error (missing path, unreadable/binary/empty/too large file, invalid rule file,
     invalid baseline or report file)
  3  internal error: a bug in checker (CHECKER_DEBUG=1 shows the traceback)
With --baseline, only findings the baseline does not record count for exit code 1.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class CheckerError(Exception):
    """A mistake in the user's input: reported as one line, never as a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        if self.path is None:
            return self.message
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class InputError(CheckerError):
    """An article file or folder that cannot be read as an article."""


class RuleError(CheckerError):
    """A rule or lexicon file that does not validate."""
