"""schema.org ClaimReview JSON-LD (`--format claimreview`, claimreview.jsonld).

For publishers whose fact-check pages already carry ClaimReview markup: one ClaimReview per
fact group that a rule judged. The claim is the group's statement with each source's value;
its appearances are the articles stating it; the rating is a textual one (alternateName) named
after the most severe finding's kind, explained by every finding's message. No numeric rating
is invented: the rules judge consistency between sources, not truth.
"""

from __future__ import annotations

import json
from typing import Any

from checker.models import ArticleInfo, FactGroup, Finding, FindingKind, GroupRow
from checker.report.base import RenderContext, Reporter
from checker.rules.intervals import describe

TEXTUAL_RATINGS = {
    FindingKind.contradiction: "Sources disagree",
    FindingKind.unit_mismatch: "Inconsistent units",
    FindingKind.unsupported: "Unsupported",
    FindingKind.superseded: "Outdated",
    FindingKind.arithmetic: "Does not add up",
}


class ClaimReviewReporter(Reporter):
    format = "claimreview"
    filename = "claimreview.jsonld"

    def render(self, context: RenderContext) -> str:
        info = {a.id: a for a in context.report.articles}
        findings = {f.id: f for f in context.report.findings}
        rank = {f.id: i for i, f in enumerate(context.report.findings)}  # most severe first
        reviews = []
        for group in context.report.groups:
            judged = sorted((findings[i] for i in group.findings if i in findings),
                            key=lambda f: rank[f.id])  # fmt: skip
            if judged:
                reviews.append(_review(group, judged, info))
        document = {"@context": "https://schema.org", "@graph": reviews}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _review(
    group: FactGroup, judged: list[Finding], info: dict[str, ArticleInfo]
) -> dict[str, Any]:
    articles = list(dict.fromkeys(row.article for row in group.rows))
    return {
        "@type": "ClaimReview",
        "@id": f"#{group.id}",
        "claimReviewed": claim_text(group),
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [_appearance(info[a]) for a in articles if a in info],
        },
        "reviewRating": {
            "@type": "Rating",
            "alternateName": TEXTUAL_RATINGS[judged[0].kind],
            "ratingExplanation": " ".join(f"{f.message} ({f.rule})" for f in judged),
        },
        "author": {"@type": "Organization", "name": "checker (automated source comparison)"},
    }


def claim_text(group: FactGroup) -> str:
    """'Nvidia shipments: H200 — about 40,000–80,000 chip (a.txt); 2 million chip (b.txt)'."""
    subject = f"{group.subject} " if group.subject else ""
    what = group.what.removeprefix("status:").removeprefix("unit:")
    values = "; ".join(f"{_value(row)} ({row.article})" for row in group.rows)
    return f"{subject}{group.predicate}: {what} \u2014 {values}"


def _value(row: GroupRow) -> str:
    if row.status is not None:
        return row.status.value
    return describe(row.value, row.unit) if row.value is not None else "?"


def _appearance(article: ArticleInfo) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "NewsArticle", "identifier": article.id}
    if article.title:
        item["headline"] = article.title
    if article.url:
        item["url"] = article.url
    if article.published and not article.published.startswith("--"):
        item["datePublished"] = article.published
    if article.outlet:
        item["publisher"] = {"@type": "Organization", "name": article.outlet}
    return item
