"""Finding fingerprints: ids that survive unrelated edits to an article.

A finding's id hashes fact ids, and those hash character offsets, so adding a paragraph
changes every id after it. A fingerprint instead hashes what the finding is about: the rule,
and for each fact involved its article, its quote with case, spacing, dashes and quotation
marks normalized, and what it measures (predicate, item, unit). Baselines and SARIF's
partialFingerprints use it. Two findings may share a fingerprint (the same sentence twice in
one article); baselines therefore count them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from checker.models import Fact, Finding, Report

FINGERPRINT_VERSION = "1"
_SPACES = re.compile(r"\s+")
_PUNCTUATION = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                              "\u2013": "-", "\u2014": "-", "\u2212": "-"})  # fmt: skip


def normalize_quote(quote: str) -> str:
    folded = unicodedata.normalize("NFKC", quote).translate(_PUNCTUATION).casefold()
    return _SPACES.sub(" ", folded).strip()


def _fact_part(fact: Fact) -> str:
    what = (fact.predicate, fact.item, fact.unit, fact.per)
    return "\x1f".join([fact.article, normalize_quote(fact.quote), *(w or "" for w in what)])


def fingerprint(finding: Finding, facts: dict[str, Fact]) -> str:
    parts = sorted(_fact_part(facts[fid]) for fid in finding.facts if fid in facts)
    text = "\x1e".join([FINGERPRINT_VERSION, finding.rule, *parts])
    return hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


def fingerprints(report: Report) -> dict[str, str]:
    """Fingerprint of every finding of ``report``, by finding id."""
    facts = {f.id: f for f in report.facts}
    return {finding.id: fingerprint(finding, facts) for finding in report.findings}
