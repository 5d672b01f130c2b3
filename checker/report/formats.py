"""The output formats beyond JSON and HTML, one Reporter module each, by --format name. A
format's module is imported when the format is asked for, so a run pays only for its own."""

from __future__ import annotations

from functools import cache
from importlib import import_module

from checker.report.base import Reporter

# --format name -> (module in checker.report, its Reporter class), in the order listed to users.
_REPORTERS = {
    "md": ("markdown", "MarkdownReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "junit": ("junit", "JunitReporter"),
    "github": ("github", "GithubReporter"),
    "claimreview": ("claimreview", "ClaimReviewReporter"),
}
REPORTER_NAMES = tuple(_REPORTERS)


@cache
def reporter(fmt: str) -> Reporter:
    """The Reporter of one --format name (one of REPORTER_NAMES)."""
    module, name = _REPORTERS[fmt]
    return getattr(import_module(f"checker.report.{module}"), name)()
