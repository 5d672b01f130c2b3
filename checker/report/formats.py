"""The output formats beyond JSON and HTML, one Reporter module each, by --format name."""

from __future__ import annotations

from checker.report.base import Reporter
from checker.report.claimreview import ClaimReviewReporter
from checker.report.github import GithubReporter
from checker.report.junit import JunitReporter
from checker.report.markdown import MarkdownReporter
from checker.report.sarif import SarifReporter

_ALL: tuple[Reporter, ...] = (MarkdownReporter(), SarifReporter(), JunitReporter(),
                              GithubReporter(), ClaimReviewReporter())  # fmt: skip
REPORTERS: dict[str, Reporter] = {reporter.format: reporter for reporter in _ALL}
