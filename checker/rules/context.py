"""What a rule kind needs besides its group: lexicons, articles, and the finding builder."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from checker.lexicons import CompiledLexicons
from checker.models import Article, ComparedValue, Evidence, Fact, Finding, FindingKind, Severity
from checker.rules.spec import RuleSpec
from checker.rules.template import render


@dataclass(frozen=True)
class RuleContext:
    lexicons: CompiledLexicons
    articles: dict[str, Article]
    facts: list[Fact] = field(default_factory=list)
    # Indexes a rule kind builds once per run from `facts` (kind name -> its index).
    indexes: dict[str, object] = field(default_factory=dict)


def evidence_for(fact: Fact, article: Article) -> Evidence:
    """The sentence that states ``fact``, quoted exactly."""
    start, end = fact.sentence.start, fact.sentence.end
    return Evidence(article=fact.article, path=article.info.path, quote=article.text[start:end],
                    start=start, end=end, fact=fact.id)  # fmt: skip


def sentence_evidence(fact: Fact, article: Article) -> Evidence:
    """The sentence that states ``fact`` as context, not tied to one fact."""
    return evidence_for(fact, article).model_copy(update={"fact": None})


def words_of(fact: Fact, article: Article) -> Evidence:
    """Exactly the words of ``fact`` ("3 million shares"), for findings about several facts
    of one sentence, where the sentence alone would not say which figure is which."""
    return Evidence(article=fact.article, path=article.info.path, quote=fact.quote,
                    start=fact.start, end=fact.end, fact=fact.id)  # fmt: skip


def finding_id(rule_id: str, facts: list[Fact]) -> str:
    digest = hashlib.blake2b("\0".join(sorted(f.id for f in facts)).encode(), digest_size=6)
    return f"{rule_id}-{digest.hexdigest()}"


def make_finding(
    rule: RuleSpec,
    kind: FindingKind,
    severity: Severity,
    facts: list[Fact],
    compared: list[ComparedValue],
    values: dict[str, str],
    context: RuleContext,
) -> Finding:
    return Finding(
        id=finding_id(rule.id, facts),
        rule=rule.id,
        kind=kind,
        severity=severity,
        topic=facts[0].topic,
        message=render(rule.message, values),
        reason=values.get("verdict", ""),
        facts=[f.id for f in facts],
        compared=compared,
        evidence=[evidence_for(f, context.articles[f.article]) for f in facts],
    )
