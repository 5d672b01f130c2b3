"""Stage 4, rules: group facts by key and run each enabled rule kind over every group."""

from __future__ import annotations

from collections.abc import Callable

from checker.models import SEVERITY_RANK, Fact, Finding
from checker.rules.context import RuleContext
from checker.rules.factors import stated_conversions, unit_families
from checker.rules.grouping import group_facts
from checker.rules.kinds import arithmetic, contradiction, unit_mismatch, unsupported
from checker.rules.spec import RuleSpec

KINDS: dict[str, Callable[[RuleSpec, list[Fact], RuleContext], list[Finding]]] = {
    "unit_mismatch": unit_mismatch.check,
    "contradiction": contradiction.check,
    "unsupported": unsupported.check,
    "arithmetic": arithmetic.check,
}
# Kinds that relate facts of different measures (a count, a price, a total) look at a whole
# topic and pair facts themselves; the others look inside one group of the same measure.
TOPIC_KINDS = {"arithmetic"}


def _matches(rule: RuleSpec, fact: Fact) -> bool:
    if rule.match.dimensions and fact.dimension not in rule.match.dimensions:
        return False
    return not (rule.match.predicates and fact.predicate not in rule.match.predicates)


def rule_minimum(rule: RuleSpec) -> int:
    """How many facts a group needs before the rule can say anything about it."""
    return {"unsupported": 1, "arithmetic": 3}.get(rule.kind, 2)


def _by_topic(facts: list[Fact]) -> list[list[Fact]]:
    topics: dict[str, list[Fact]] = {}
    for fact in facts:
        topics.setdefault(fact.topic, []).append(fact)
    return [topics[topic] for topic in sorted(topics)]


def run_rules(rules: list[RuleSpec], facts: list[Fact], context: RuleContext) -> list[Finding]:
    """Findings of every enabled rule, most severe first, then by topic, rule and id."""
    context = RuleContext(context.lexicons, context.articles, facts)
    stated = stated_conversions(facts, context.articles)
    context.indexes["stated_conversions"] = stated
    conversions = [*context.lexicons.source.conversions, *(c for cs in stated.values() for c in cs)]
    groups = group_facts(facts, unit_families(conversions))
    topics = _by_topic(facts)
    context.indexes["unstated_prices"] = arithmetic.unstated_prices(rules, facts, context)
    findings: dict[str, Finding] = {}
    for rule in rules:
        if not rule.enabled:
            continue
        check = KINDS[rule.kind]
        for group in topics if rule.kind in TOPIC_KINDS else groups.values():
            selected = [f for f in group if _matches(rule, f)]
            if len(selected) >= rule_minimum(rule):
                for finding in check(rule, selected, context):
                    findings.setdefault(finding.id, finding)
    return sorted(findings.values(),
                  key=lambda f: (-SEVERITY_RANK[f.severity], f.topic, f.rule, f.id))  # fmt: skip
