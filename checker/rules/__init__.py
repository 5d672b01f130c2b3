"""Stage 4, rules: group facts by key and run each enabled rule kind over every group."""

from __future__ import annotations

from collections.abc import Callable

from checker.models import SEVERITY_RANK, Fact, FactGroup, Finding
from checker.rules.context import RuleContext
from checker.rules.factors import stated_conversions, unit_families
from checker.rules.grouping import Measures, group_facts, group_key
from checker.rules.kinds import arithmetic, contradiction, superseded, unit_mismatch, unsupported
from checker.rules.spec import RuleSpec
from checker.rules.table import fact_groups

KINDS: dict[str, Callable[[RuleSpec, list[Fact], RuleContext], list[Finding]]] = {
    "unit_mismatch": unit_mismatch.check,
    "contradiction": contradiction.check,
    "unsupported": unsupported.check,
    "superseded": superseded.check,
    "arithmetic": arithmetic.check,
}


# Kinds that also judge facts belonging to no group, given as one bundle per topic.
LOOSE_KINDS: dict[str, Callable[[RuleSpec, list[Fact], RuleContext], list[Finding]]] = {
    "unsupported": unsupported.check_loose,
}
# Checks a kind also runs once over a whole topic, for what no single group shows.
ACROSS_GROUPS_KINDS: dict[str, Callable[[RuleSpec, list[Fact], RuleContext], list[Finding]]] = {
    "unit_mismatch": unit_mismatch.check_across_measures,
}
# Kinds that relate facts of different measures (a count, a price, a total) look at a whole
# topic and pair facts themselves; the others look inside one group of the same measure.
TOPIC_KINDS = {"arithmetic"}


def _matches(rule: RuleSpec, fact: Fact) -> bool:
    if rule.match.dimensions and fact.dimension not in rule.match.dimensions:
        return False
    if fact.predicate in rule.match.exclude_predicates:
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


def run_rules(
    rules: list[RuleSpec], facts: list[Fact], context: RuleContext
) -> tuple[list[Finding], list[FactGroup]]:
    """Findings of every enabled rule, most severe first, then by topic, rule and id; and the
    claims table of every fact group. Each topic is checked on its own (run_topic_rules):
    nothing a rule reads crosses topics, so a run may also check one topic at a time."""
    findings: list[Finding] = []
    groups: list[FactGroup] = []
    for topic_facts in _by_topic(facts):
        topic_findings, topic_groups = run_topic_rules(rules, topic_facts, context)
        findings.extend(topic_findings)
        groups.extend(topic_groups)
    findings.sort(key=finding_order)
    return findings, groups


def finding_order(finding: Finding) -> tuple[int, str, str, str]:
    """Most severe first, then by topic, rule and id: the order of the report's findings."""
    return (-SEVERITY_RANK[finding.severity], finding.topic, finding.rule, finding.id)


def run_topic_rules(
    rules: list[RuleSpec], facts: list[Fact], context: RuleContext
) -> tuple[list[Finding], list[FactGroup]]:
    """run_rules for the facts of one topic: its findings in report order and its groups in
    key order. The conversion factors its articles state join units into families for this
    topic only, as they are scoped to the topic they were read in (checker/rules/factors.py)."""
    context = RuleContext(context.lexicons, context.articles, facts)
    stated = stated_conversions(facts, context.articles, context.lexicons)
    context.indexes["stated_conversions"] = stated
    conversions = [*context.lexicons.source.conversions, *(c for cs in stated.values() for c in cs)]
    families = unit_families(conversions)
    source = context.lexicons.source
    # A verb of change ("rose to 131 cases", a weak predicate) names no measure of its own.
    strong = frozenset(source.predicates) - context.lexicons.weak_predicates
    measures = Measures(strong, frozenset(source.broad_nouns | source.generic_counters))
    keys = [group_key(fact, families, measures) for fact in facts]
    groups = group_facts(facts, families, measures, keys)
    context.indexes["measures"] = measures
    # A figure too vague to group (no predicate, or neither subject nor product) can still be
    # unsourced: kinds that judge single facts see these too, one bundle per topic.
    loose: dict[str, list[Fact]] = {}
    for fact, key in zip(facts, keys, strict=True):
        if key is None:
            loose.setdefault(fact.topic, []).append(fact)
    topics = _by_topic(facts)
    context.indexes["unstated_prices"] = arithmetic.unstated_prices(rules, facts, context)
    findings: dict[str, Finding] = {}
    for rule in rules:
        if not rule.enabled:
            continue
        if rule.kind in LOOSE_KINDS:
            for bundle in loose.values():
                selected = [f for f in bundle if _matches(rule, f)]
                for finding in LOOSE_KINDS[rule.kind](rule, selected, context):
                    findings.setdefault(finding.id, finding)
        if rule.kind in ACROSS_GROUPS_KINDS:
            selected = [f for f in facts if _matches(rule, f)]
            for finding in ACROSS_GROUPS_KINDS[rule.kind](rule, selected, context):
                findings.setdefault(finding.id, finding)
        check = KINDS[rule.kind]
        for group in topics if rule.kind in TOPIC_KINDS else groups.values():
            selected = [f for f in group if _matches(rule, f)]
            if len(selected) >= rule_minimum(rule):
                for finding in check(rule, selected, context):
                    findings.setdefault(finding.id, finding)
    ordered = sorted(findings.values(), key=finding_order)
    return ordered, fact_groups(groups, ordered, context)
