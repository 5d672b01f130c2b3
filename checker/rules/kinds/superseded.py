"""superseded: sources differ because the facts changed, not because one of them is wrong.

A decision moves (pending, then approved; or halted), and a figure is revised or grows
(a death toll that climbs day by day). When the facts of one group differ but refer to
different times, the later statement supersedes the earlier: an info finding shows the
timeline. Statuses are ordered by the date they are about (their own date mention, else
the article's publication date), then by how far a decision usually gets (pending,
conditional, approved, halted/denied), since many articles carry no date. Quantities are
compared within one subject, one unit and one kind of claim (outcomes with outcomes): different time
buckets (see the contradiction kind) whose values do not overlap make a change. Same-time
disagreement stays a contradiction (CT001).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.models import ComparedValue, Dimension, Fact, FindingKind, Qualifier, Status
from checker.rules.context import RuleContext, make_finding
from checker.rules.grouping import shortest_forms
from checker.rules.intervals import describe
from checker.rules.kinds.contradiction import (
    OUTCOME,
    _time_bucket,
    _week_windows,
    clusters,
    reports_change,
)
from checker.rules.spec import RuleSpec

PLACEHOLDERS = {"subject", "predicate", "item", "timeline", "verdict"}
STAGE = {Status.pending: 0, Status.conditional: 1, Status.approved: 2, Status.halted: 3,
         Status.denied: 3}  # fmt: skip
UNDATED = "date unknown"


def as_of(fact: Fact, context: RuleContext) -> str | None:
    """The date a statement is about: its own date mention (month or finer), else the day its
    article was published."""
    explicit = fact.event_time.value if fact.event_time else None
    if explicit and len(explicit) >= 7 and explicit[:1].isdigit():
        return explicit
    published = context.articles[fact.article].info.published
    return published if published and published[:1].isdigit() else None


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    if len({f.article for f in group}) < 2:
        return []
    if group[0].dimension is Dimension.status:
        return _status_timeline(rule, group, context)
    return _value_timeline(rule, group, context)


def _status_timeline(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    facts = [f for f in group if f.status is not None]
    if len({f.status for f in facts}) < 2:
        return []
    firsts: dict[tuple[str, Status], Fact] = {}
    for fact in facts:
        firsts.setdefault((fact.article, fact.status), fact)  # type: ignore[arg-type]
    ordered = sorted(firsts.values(),
                     key=lambda f: (as_of(f, context) or "~", STAGE[f.status], f.article, f.start))  # type: ignore[index]  # fmt: skip
    verdict = "the sources describe different stages of the decision; the latest supersedes"
    return [_finding(rule, ordered, _status_steps(ordered, context), verdict, context)]


def _status_steps(ordered: list[Fact], context: RuleContext) -> str:
    """'pending (a.txt 2025-12-10; b.txt) → approved (c.txt)': consecutive statements of one
    status are one step, each source with the date it is about when known."""
    steps: list[tuple[Status, list[str]]] = []
    for fact in ordered:
        when = as_of(fact, context)
        source = f"{fact.article} {when}" if when else fact.article
        if steps and steps[-1][0] == fact.status:
            if source not in steps[-1][1]:
                steps[-1][1].append(source)
        else:
            steps.append((fact.status, [source]))  # type: ignore[arg-type]
    return " → ".join(f"{status} ({'; '.join(sources)})" for status, sources in steps)


def _value_timeline(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    buckets: dict[str, list[Fact]] = defaultdict(list)
    # A figure whose sentence names nobody ("At least 15 people have died") belongs to the
    # subject most figures of its group name (one sentence's subject is a guess; the group's
    # most frequent one is the story's), and to the story itself when none names anybody.
    names = shortest_forms({f.subject for f in group if f.subject is not None})
    named = Counter(
        names[f.subject] for f in group if f.subject is not None and f.modality in OUTCOME
    )  # a forecast is in no timeline, so its subject is no measure of the story's
    sole = min(named, key=lambda name: (-named[name], name)) if named else ""
    for fact in group:
        subject = names.get(fact.subject or "", sole)
        if (
            fact.unit is not None
            and fact.value is not None
            and subject is not None
            and fact.modality in OUTCOME
        ):
            # A timeline follows one subject: groups are keyed without it (see grouping).
            buckets[f"{subject}\0{fact.unit}/{fact.per or ''}"].append(fact)
    findings = []
    for key in sorted(buckets):
        by_time: dict[str, list[Fact]] = defaultdict(list)
        # Seven-day windows from the first report, as CT001 reads them: a figure dated only
        # by its own article's day ("on Monday" in Monday's paper) is not a later date.
        weeks = _week_windows(buckets[key], rule, context)
        for fact in buckets[key]:
            by_time[_time_bucket(fact, rule, context, weeks)].append(fact)
        dated = sorted((t, fs) for t, fs in by_time.items() if t)
        if any(not _is_year(t) for t, _ in dated):
            # A year's figure ("1.2 million TEU in 2025") is a total for the year, not a step
            # in a timeline of days or weeks.
            dated = [(t, fs) for t, fs in dated if not _is_year(t)]
        if len(dated) < 2:
            dated = _updates_within_one_time(buckets[key], context)
        if len(dated) < 2 or len({f.article for _, fs in dated for f in fs}) < 2:
            continue
        tolerance = rule.params.relative_tolerance
        absolute = rule.params.absolute_tolerance
        representatives = [min(fs, key=_vagueness) for _, fs in dated]
        if len(clusters([_as_stated(f) for f in representatives], tolerance, absolute)) < 2:
            continue  # the value did not change
        steps = [f"{describe(f.value, f.unit)} ({f.article}, {_when(t, f, context)})"  # type: ignore[arg-type]
                 for (t, _), f in zip(dated, representatives, strict=True)]  # fmt: skip
        verdict = "the values differ but are about different dates; the latest supersedes"
        findings.append(_finding(rule, representatives, " → ".join(steps), verdict, context))
    return findings


# How loosely a figure states its value: a day's exact count speaks for the day before a
# headline's "dozens" does.
_VAGUENESS = {Qualifier.exact: 0, Qualifier.about: 1, Qualifier.almost: 1, Qualifier.range: 2,
              Qualifier.at_least: 3, Qualifier.more_than: 3, Qualifier.up_to: 3,
              Qualifier.less_than: 3, Qualifier.vague: 4}  # fmt: skip


def _is_year(time: str) -> bool:
    return len(time) == 4 and time.isdigit()


def _vagueness(fact: Fact) -> int:
    return _VAGUENESS[fact.value.qualifier] if fact.value is not None else len(_VAGUENESS)


def _as_stated(fact: Fact) -> Fact:
    """A bound read as the figure it states, for telling whether a timeline moved: "at least
    41 dead" on Tuesday and 118 on Wednesday are two counts, though 118 is at least 41."""
    value = fact.value
    if value is None or (value.low is not None and value.high is not None):
        return fact
    point = value.low if value.low is not None else value.high
    stated = value.model_copy(update={"low": point, "high": point})
    return fact.model_copy(update={"value": stated})


def _when(bucket: str, fact: Fact, context: RuleContext) -> str:
    if bucket.startswith(("before", "update")):
        return as_of(fact, context) or UNDATED
    return bucket


def _updates_within_one_time(
    facts: list[Fact], context: RuleContext
) -> list[tuple[str, list[Fact]]]:
    """Facts of one time window where a report introduces its figure as a change ("has
    risen to 212"): the changed figures come after the others, in publication order."""
    changed = [f for f in facts if reports_change(f, context)]
    if not changed:
        return []
    changed_ids = {f.id for f in changed}
    earlier = [f for f in facts if f.id not in changed_ids]
    if not earlier:
        return []
    ordered = sorted(changed, key=lambda f: (as_of(f, context) or "~", f.article, f.start))
    return [("before", earlier), *((f"update {i}", [f]) for i, f in enumerate(ordered, 1))]


def _finding(rule: RuleSpec, facts: list[Fact], timeline: str, verdict: str,
             context: RuleContext):  # fmt: skip
    first = facts[0]
    subjects = Counter(f.subject for f in facts if f.subject)
    values = {
        "subject": max(sorted(subjects), key=lambda name: subjects[name]) if subjects else "?",
        "predicate": first.predicate or "?",
        "item": f" of {first.item}" if first.item else "",
        "timeline": timeline,
        "verdict": verdict,
    }
    compared = [
        ComparedValue(
            fact=f.id,
            article=f.article,
            value=f.value,
            status=f.status,
            unit=f.unit,
            normalized=f.value,
            normalized_unit=f.unit,
        )
        for f in facts
    ]
    return make_finding(rule, FindingKind.superseded, rule.severity, facts, compared, values,
                        context)  # fmt: skip
