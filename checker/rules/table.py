"""The claims table: every fact group of a topic with each source's statement.

Editors read this table even when no rule fires. A group's corroboration count is how many
articles agree on its best-supported value: for quantities, the cluster of overlapping
intervals (within 2%) of one unit that the most articles share; for statuses, the status the
most articles state. A cell outside that agreement is marked (``agrees: false``).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from checker.models import Fact, FactGroup, Finding, GroupRow
from checker.rules.context import RuleContext
from checker.rules.grouping import GroupKey
from checker.rules.kinds.contradiction import clusters
from checker.rules.kinds.superseded import as_of

AGREEMENT_TOLERANCE = 0.02


def group_id(key: GroupKey) -> str:
    digest = hashlib.blake2b("\0".join(key).encode(), digest_size=6)
    return f"G{digest.hexdigest()}"


def fact_groups(
    groups: dict[GroupKey, list[Fact]], findings: list[Finding], context: RuleContext
) -> list[FactGroup]:
    """One FactGroup per key, in key order, rows in article/offset order."""
    finding_of: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        for fact_id in finding.facts:
            finding_of[fact_id].append(finding.id)
    table = []
    for key, facts in groups.items():
        agreeing, corroboration = _agreement(facts)
        related = sorted({fid for f in facts for fid in finding_of.get(f.id, [])})
        subjects = [f.subject for f in facts if f.subject]
        # Rows repeat fields of facts validated when they were made: built without a second
        # validation pass (a third of the rules stage on a large topic).
        table.append(
            FactGroup.model_construct(
                id=group_id(key),
                topic=key[0],
                predicate=key[1],
                what=key[2],
                subject=_commonest(subjects),
                sources=len({f.article for f in facts}),
                corroboration=corroboration,
                rows=[_row(f, f.id in agreeing, context) for f in facts],
                findings=related,
            )
        )
    return table


def _commonest(names: list[str]) -> str | None:
    counts = Counter(names)
    return max(counts, key=lambda name: (counts[name], name)) if counts else None


def _row(fact: Fact, agrees: bool, context: RuleContext) -> GroupRow:
    return GroupRow.model_construct(
        fact=fact.id,
        article=fact.article,
        published=context.articles[fact.article].info.published,
        as_of=as_of(fact, context),
        value=fact.value,
        status=fact.status,
        unit=fact.unit,
        attribution=fact.attribution,
        modality=fact.modality,
        agrees=agrees,
    )


def _agreement(facts: list[Fact]) -> tuple[set[str], int]:
    """Ids of the facts that agree with the best-supported value, and how many articles
    state it."""
    candidates: list[list[Fact]] = []
    by_status: dict[str, list[Fact]] = defaultdict(list)
    by_unit: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact.status is not None:
            by_status[fact.status.value].append(fact)
        else:
            by_unit[f"{fact.unit}/{fact.per or ''}"].append(fact)
    candidates.extend(by_status[s] for s in sorted(by_status))
    for unit in sorted(by_unit):
        candidates.extend(clusters(by_unit[unit], AGREEMENT_TOLERANCE, 0.0))
    if not candidates:
        return set(), 0
    best = max(candidates, key=lambda c: len({f.article for f in c}))
    agreeing = {f.id for f in best}
    # Facts of other units or statuses agree only when there is nothing else to disagree with.
    return agreeing, len({f.article for f in best})
