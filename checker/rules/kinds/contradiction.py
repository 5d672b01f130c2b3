"""contradiction: sources give values for the same thing that cannot both be true.

Inside a group, facts are compared only with facts of the same unit, the same kind of claim
(an outcome is never compared with a forecast; negated claims are left out) and the same
event time (a fact with no month or day of its own is dated by its article's publication,
within the rule's window). An amount that an arithmetic rule shows to be the price of one
unit, though stated without "each" ("200,000 chips at $27,000, a $5.4 billion deal"), is left
out: it is not a rival figure for the total. Each interval is widened by the rule's
tolerance, then a sweep over the intervals sorted by their low end merges overlapping ones
into clusters (O(n log n), no pairs). Two or more clusters drawn from different articles
mean the sources disagree: one finding per group, with the first fact of each cluster as
evidence. Values exactly a known conversion factor apart are a unit slip (unit_mismatch),
and a value the text introduces as a change ("rose to", "now stands at") is an update
(superseded), so neither is reported here.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import date, timedelta

from checker.models import (
    ComparedValue,
    Dimension,
    Fact,
    FindingKind,
    Interval,
    Modality,
    Qualifier,
    Status,
)
from checker.rules.context import RuleContext, make_finding
from checker.rules.factors import factor_between, topic_conversions
from checker.rules.grouping import COUNT, count_modifiers, measure_of, shortest_forms
from checker.rules.intervals import describe, overlaps
from checker.rules.spec import RuleSpec

OUTCOME = {Modality.asserted, Modality.reported}
# Words just before a figure that say it is a new value of something that changed ("rose to",
# "has now reached", "revised to"): a later report, not a rival one. "Fell 3%" states the
# size of a move, not a new level, so a verb counts only with "to" or "at".
_CHANGE_BEFORE = re.compile(
    r"\b(?:(?:rose|risen|rises|climbed|climbs|jumped|grew|grown|increased|surged|soared|fell|"
    r"fallen|falls|dropped|declined|decreased|slipped|sank|revised|raised|lowered|cut|upgraded|"
    r"downgraded|updated)\s+(?:\w+\s+)?(?:to|at)|now\s+(?:\w+\s+)?"
    r"(?:stands?\s+at|at|reached|totals?|is|are)?)\s*$",
    re.IGNORECASE,
)
CHANGE_ROOM = 40
FORECAST = {Modality.expected, Modality.hypothetical}


def _claim_kind(fact: Fact) -> str | None:
    if fact.modality in OUTCOME:
        return "outcome"
    if fact.modality in FORECAST:
        return "forecast"
    return None  # negated: a claim that something did not happen has no value to compare


def _bucket_key(
    fact: Fact,
    rule: RuleSpec,
    context: RuleContext,
    weeks: Mapping[str, str],
    kinds: Mapping[str, tuple[str, ...]],
    names: Mapping[str, str],
) -> tuple[str, str, str] | None:
    kind = _claim_kind(fact)
    if kind is None or fact.unit is None:
        return None
    measure = f"{fact.unit}/{fact.per or ''}"
    if kinds.get(fact.id):
        measure += f"/{' '.join(kinds[fact.id])}"
    measured = measure_of(fact, context.indexes.get("measures"))  # type: ignore[arg-type]
    if measured in rule.params.subject_in_key_for:
        # Many subjects move on one day ("the Dax fell 1.8%, the FTSE 2.4%"): only the same
        # subject's figures are rivals ("Ravlen Automotive" and "Ravlen" are one).
        measure += f"/{names.get(fact.subject, fact.subject) if fact.subject else ''}"
    if _states_a_move(fact, context):
        kind += "/move"
    if _states_a_part(fact, context):
        kind += "/part"
    if _changes_since(fact, context):
        return (measure, kind, f"since:{fact.id}")  # a period of its own, no rival's time
    return (measure, kind, _time_bucket(fact, rule, context, weeks))


def count_kinds(group: list[Fact], tolls: Collection[str] = ()) -> dict[str, tuple[str, ...]]:
    """The kind of each count of the group, where its articles tell kinds apart: the words
    that set two different counts of one noun apart in the same article ("2,000 construction
    jobs and 350 permanent jobs") name kinds of it, and so do the subjects that set them
    apart in one sentence, for a toll (``tolls``: predicates whose figures count people, as
    "Manitoba (31), Saskatchewan (11) and Ontario (5)" cases); a count is compared only with
    counts of its own kind ("1,200 permanent jobs", "36 in Manitoba"). Linear in the group.
    Subjects set apart other counts only where every source names them alike, which subject
    reading does not yet ensure ("4,300 jobs in France" read as Airbus's)."""
    modifiers = {f.id: set(count_modifiers(f.quote)) for f in group
                 if f.dimension is Dimension.count}  # fmt: skip
    by_article: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for fact in group:
        if fact.id in modifiers and fact.unit:
            by_article[(fact.article, fact.unit)].append(fact)
    contrastive: set[str] = set()
    for facts in by_article.values():
        if len({(f.value.low, f.value.high) for f in facts}) > 1:
            every = [modifiers[f.id] for f in facts]
            contrastive |= set().union(*every) - set.intersection(*every)
    places = _listed_subjects([f for f in group if f.id in modifiers and f.predicate in tolls])
    kinds = {}
    for fact in group:
        if fact.id in modifiers:
            where = (f"@{fact.subject}",) if fact.subject in places else ()
            kinds[fact.id] = (*sorted(modifiers[fact.id] & contrastive), *where)
    return kinds


def _listed_subjects(counts: list[Fact]) -> set[str]:
    """Subjects that one sentence lists with different ``counts`` of one noun ("Manitoba
    (31), Saskatchewan (11) and Ontario (5)"): each names a part, not the whole."""
    by_sentence: dict[tuple[str, int, str], list[Fact]] = defaultdict(list)
    for fact in counts:
        if fact.unit and fact.subject:
            by_sentence[(fact.article, fact.sentence.start, fact.unit)].append(fact)
    listed: set[str] = set()
    for facts in by_sentence.values():
        values = {(f.value.low, f.value.high) for f in facts}
        if len(values) > 1 and len({f.subject for f in facts}) > 1:
            listed |= {f.subject for f in facts if f.subject}
    return listed


_BY_BEFORE = re.compile(r"\bby\s*$", re.IGNORECASE)
# "the first phase of 80 MW", "the first 80 MW hall", "a first tranche of 15 million": the
# figure is one part of the whole, compared only with other parts.
_PART = re.compile(
    r"\b(?:first|second|third|initial|opening|final)\b(?:\W+[\w,.$€£]+){0,4}?\W+"
    r"(?:phase|stage|hall|building|tranche|batch|block|wave|round|section|instal+ment|"
    r"shipment|consignment|delivery)s?\b",
    re.IGNORECASE,
)
PART_ROOM = 60


def _states_a_part(fact: Fact, context: RuleContext) -> bool:
    text = context.articles[fact.article].text
    low = max(fact.sentence.start, fact.start - PART_ROOM)
    high = min(fact.sentence.end, fact.end + PART_ROOM)
    for marker in _PART.finditer(text, low, high):
        gap = (
            text[marker.end() : fact.start]
            if marker.end() <= fact.start
            else (text[fact.end : marker.start()] if marker.start() >= fact.end else "")
        )
        if len(gap) <= 40 and not any(mark in gap for mark in ",;:("):
            return True  # the marker and the figure are in one phrase
    return False


def _states_a_move(fact: Fact, context: RuleContext) -> bool:
    """ "Cut admissions by a quarter", "grew by 3 million": the figure is the size of a
    change, never a rival to a level of the same measure."""
    text = context.articles[fact.article].text
    low = max(fact.sentence.start, fact.start - 8)
    return _BY_BEFORE.search(text, low, fact.start) is not None


def _time_bucket(
    fact: Fact, rule: RuleSpec, context: RuleContext, weeks: Mapping[str, str] | None = None
) -> str:
    """The time a fact is about: the month, quarter or day its text names; else when its
    article was published, cut to the rule's window (a stock index moves every day; a
    shipment stays news for weeks). A bare year ("in 2008") is too coarse to say two reports
    are about the same event. With ``weeks`` (see ``seven_day_windows``), a week is seven
    days from the group's first publication instead of a calendar week, and a fact dated the
    day its article came out ("on Tuesday", a wire dateline) is dated by publication."""
    published = context.articles[fact.article].info.published or ""
    explicit = _own_time(fact, published) if weeks is not None else _stated_time(fact)
    window = _window(fact, rule, context)
    if weeks and window == "week" and explicit and _is_day(explicit):
        # "ordered 85 jets on Monday" in Tuesday's blog is the deal Monday's wire reports;
        # "said on March 9 that 2,100 jobs would go" is the plan March 9's reports state.
        plan = fact.modality in FORECAST
        explicit = _window_of_day(explicit, weeks, plan) or explicit
    if explicit and len(explicit) >= 7:
        return explicit
    if explicit and _is_history(explicit, published):
        return explicit  # "the last strike, in 2013, lasted five days": not today's strike
    if weeks is not None and _is_running_total(fact, context):
        return _stated_time(fact) or published
    if window == "none" or not published[:1].isdigit():
        return explicit or ""
    if window == "day" or len(published) < 10:
        return published
    if window == "month":
        return published[:7]
    if weeks is not None and fact.modality in FORECAST and _PLAN + published in weeks:
        return weeks[_PLAN + published]
    if weeks is not None and published in weeks:
        return weeks[published]
    year, week, _ = date.fromisoformat(published).isocalendar()
    return f"{year}-W{week:02d}"


# A bare year this many years or more before its article's is history, never compared with
# the article's undated figures. "Last year" is closer: an annual figure is often undated.
HISTORY_YEARS = 2


def _is_history(explicit: str, published: str) -> bool:
    """Whether a fact's own bare year lies well before its article's publication."""
    if len(explicit) != 4 or not explicit.isdigit() or not published[:4].isdigit():
        return False
    return int(published[:4]) - int(explicit) >= HISTORY_YEARS


def seven_day_windows(days: set[str], span: int = 7) -> dict[str, str]:
    """Each publication day mapped to a window of seven days: the first starts on the
    earliest day, the next on the first day after it, and so on. A story covered on
    consecutive days stays in one window across a weekend, where calendar weeks would cut it
    in two (Saturday's and Monday's reports of one figure never compared)."""
    windows: dict[str, str] = {}
    end: date | None = None
    label = ""
    for day in sorted(days):
        current = date.fromisoformat(day)
        if end is None or current > end:
            end = current + timedelta(days=span - 1)
            label = f"{day}/P{span}D"
        windows[day] = label
    return windows


def _window_of_day(day: str, weeks: Mapping[str, str], plan: bool = False) -> str | None:
    """The seven-day window (of the group's publication days) that holds ``day``, if any; for
    a forecast (``plan``), first the 30-day window of the group's undated plans holding it."""
    when = date.fromisoformat(day)
    labels = sorted(set(weeks.values()))
    spans = ((f"/P{PLAN_WINDOW_DAYS}D", PLAN_WINDOW_DAYS),) if plan else ()
    for suffix, days in (*spans, ("/P7D", 7)):
        for label in labels:
            start = date.fromisoformat(label.split("/")[0])
            if label.endswith(suffix) and start <= when <= start + timedelta(days=days - 1):
                return label
    return None


# A plan stated without a date ("will create 350 permanent jobs") stays the plan for longer
# than a week's news: forecasts are compared within 30 days of the story's first report.
PLAN_WINDOW_DAYS = 30
_PLAN = "plan:"


def _week_windows(group: list[Fact], rule: RuleSpec, context: RuleContext) -> dict[str, str]:
    """The seven-day windows of the group's facts that are dated only by publication, and
    (keyed "plan:<day>") the 30-day windows of its undated forecasts."""
    days = set()
    plan_days = set()
    for fact in group:
        window = _window(fact, rule, context)
        published = context.articles[fact.article].info.published or ""
        explicit = _own_time(fact, published)
        if (
            window == "week"
            and not (explicit and len(explicit) >= 7)
            and _is_day(published)
            and not _is_running_total(fact, context)
        ):
            days.add(published)
            if fact.modality in FORECAST:
                plan_days.add(published)
    plans = seven_day_windows(plan_days, PLAN_WINDOW_DAYS)
    return {**seven_day_windows(days), **{_PLAN + day: label for day, label in plans.items()}}


# "Shares have lost about 19% since the investigation was made public", "Since January,
# prices have risen 12%": a change over a period that began at some earlier point.
# "Since" right after the change, or a word or two later ("19% in value since"); not after
# the level the move reached ("down 7.8% to their lowest close since 2023").
_SINCE_AFTER = re.compile(r"(?:\s+(?!to\b|at\b)[\w'’-]+){0,2}\s+since\b", re.IGNORECASE)


def _changes_since(fact: Fact, context: RuleContext) -> bool:
    """Whether the fact is a change (a weak predicate's: "lost", "rose") measured since an
    earlier point: its period began when its text says, not on a day a rival report names,
    so it is compared with no other figure."""
    if fact.predicate not in context.lexicons.weak_predicates:
        return False
    text = context.articles[fact.article].text
    after = _SINCE_AFTER.match(text, fact.end, fact.sentence.end)
    if after is not None:
        return True
    before = text[fact.sentence.start : fact.start].lstrip(' "“‘*_')
    return before[:6].lower() == "since " and "," in before  # "Since January, prices ..."


# A count that grows day by day ("vaccinated 23,650 children so far", "by Wednesday night"):
# two reports of it agree only on the same day.
_RUNNING_TOTAL = re.compile(
    r"\b(?:so\s+far|to\s+date|thus\s+far|until\s+now|up\s+to\s+now|as\s+of|by\s+(?:late\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|last\s+night))\b",
    re.IGNORECASE,
)


def _is_running_total(fact: Fact, context: RuleContext) -> bool:
    text = context.articles[fact.article].text
    return _RUNNING_TOTAL.search(text, fact.sentence.start, fact.sentence.end) is not None


def _stated_time(fact: Fact) -> str | None:
    return fact.event_time.value if fact.event_time else None


def _own_time(fact: Fact, published: str) -> str | None:
    """The fact's event time unless it is merely its article's day: news reports what
    happened when it is published, so "on Tuesday" in Tuesday's paper adds nothing that
    would set it apart from a rival report of the same week."""
    explicit = _stated_time(fact)
    return None if explicit == published else explicit


def _is_day(value: str) -> bool:
    return len(value) == 10 and value[:1].isdigit()


def _widened(interval: Interval, relative: float, absolute: float) -> tuple[float, float]:
    low = -float("inf") if interval.low is None else interval.low
    high = float("inf") if interval.high is None else interval.high
    return low - abs(low) * relative - absolute, high + abs(high) * relative + absolute


def clusters(facts: list[Fact], relative: float, absolute: float) -> list[list[Fact]]:
    """Facts whose widened intervals chain into overlap, in order of value. A figure with an
    open end ("at least 22 homes") joins the first group it agrees with but never bridges
    two: it agrees with 38 homes and with 64, which still disagree with each other.
    O(n log n): the bounded groups are disjoint and in order, so an open figure's first
    agreeing group is found by bisection."""
    spans = sorted(((*_widened(f.value, relative, absolute), f) for f in facts),
                   key=lambda item: (item[0], item[1], item[2].id))  # fmt: skip
    lows: list[float] = []
    reaches: list[float] = []
    groups: list[list[Fact]] = []
    open_ended: list[tuple[float, float, Fact]] = []
    for low, high, fact in spans:
        if not (math.isfinite(low) and math.isfinite(high)):
            open_ended.append((low, high, fact))
        elif groups and low <= reaches[-1]:
            groups[-1].append(fact)
            reaches[-1] = max(reaches[-1], high)
        else:
            lows.append(low)
            reaches.append(high)
            groups.append([fact])
    bounded = len(groups)
    for low, high, fact in open_ended:
        home = bisect.bisect_left(reaches, low, 0, bounded)  # first bounded group reaching low
        if home < bounded and lows[home] <= high:
            groups[home].append(fact)
            continue
        # No bounded group agrees: join an open group it overlaps (open ends overlap often)
        home = next((i for i in range(bounded, len(groups))
                     if low <= reaches[i] and lows[i] <= high), None)  # fmt: skip
        if home is None:
            lows.append(low)
            reaches.append(high)
            groups.append([fact])
        else:
            groups[home].append(fact)
            lows[home], reaches[home] = min(lows[home], low), max(reaches[home], high)
    order = sorted(range(len(groups)), key=lambda i: (lows[i], groups[i][0].id))
    return [groups[i] for i in order]


# A decision stated as taken and stated as not taken, for the same day, cannot both be true.
TAKEN = {Status.approved, Status.conditional}
NOT_TAKEN = {Status.pending, Status.denied}
STATED = {Modality.asserted, Modality.reported, Modality.negated}


def _status_day(fact: Fact, context: RuleContext) -> str | None:
    """The day a status is about: its own full date, else its article's publication day.
    Decisions move within a week, so statuses are compared only within one day."""
    explicit = fact.event_time.value if fact.event_time else None
    if explicit and len(explicit) == 10 and explicit[:1].isdigit():
        return explicit
    published = context.articles[fact.article].info.published
    return published if published and len(published) == 10 and published[:1].isdigit() else None


def _status_conflicts(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    """'Approved' and 'not yet approved' (or 'rejected') from different articles for the
    same day. Forecasts ("is expected to approve") state no status of the day and are left
    out; a negation ("has not approved") is a stated status."""
    by_day: dict[str, list[Fact]] = defaultdict(list)
    for fact in group:
        day = _status_day(fact, context)
        if day and fact.status is not None and fact.modality in STATED:
            by_day[day].append(fact)
    findings = []
    for day in sorted(by_day):
        taken = [f for f in by_day[day] if f.status in TAKEN]
        not_taken = [f for f in by_day[day] if f.status in NOT_TAKEN]
        pair = next(((a, b) for a in taken for b in not_taken if a.article != b.article), None)
        if pair:
            findings.append(_status_finding(rule, list(pair), day, context))
    return findings


def _status_finding(rule: RuleSpec, facts: list[Fact], day: str, context: RuleContext):
    first = facts[0]
    values = {
        "subject": first.subject or "?",
        "predicate": first.predicate or "?",
        "item": f" of {first.item}" if first.item else "",
        "values": " vs ".join(f"{f.status} ({f.article})" for f in facts),
        "sources": str(len({f.article for f in facts})),
        "verdict": f"for the same day ({day}) one source states the decision as taken and "
        "another as not taken",
    }
    compared = [
        ComparedValue(
            fact=f.id,
            article=f.article,
            value=None,
            status=f.status,
            unit=None,
            normalized=None,
            normalized_unit=None,
        )
        for f in facts
    ]
    return make_finding(rule, FindingKind.contradiction, rule.severity, facts, compared, values,
                        context)  # fmt: skip


def check(rule: RuleSpec, group: list[Fact], context: RuleContext) -> list:
    if group and group[0].dimension is Dimension.status:
        return _status_conflicts(rule, group, context)
    # The price of one unit, stated without "each", is not a rival figure for the total.
    unit_prices: set[str] = context.indexes.get("unstated_prices", set())  # type: ignore[assignment]
    buckets: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    weeks = _week_windows(group, rule, context)
    kinds = count_kinds(group, context.lexicons.counted_noun.keys())
    names = shortest_forms({f.subject for f in group if f.subject is not None})
    for fact in group:
        if fact.id in unit_prices:
            continue
        key = _bucket_key(fact, rule, context, weeks, kinds, names)
        if key is not None:
            buckets[key].append(fact)
    findings = []
    for key in sorted(buckets):
        facts = buckets[key]
        if len({f.article for f in facts}) < 2:
            continue
        found = clusters(facts, rule.params.relative_tolerance, rule.params.absolute_tolerance)
        found = _single_valued(found, rule)
        if len(found) < 2:
            continue
        representatives = [cluster[0] for cluster in found]
        if len({f.article for f in representatives}) < 2:
            continue  # one article disagreeing with itself is not a disagreement between sources
        if _explained_by_a_factor(representatives, context):
            continue  # a unit slip, which unit_mismatch reports as such
        representatives = _without_factor_slips(representatives, group, context)
        if len({f.article for f in representatives}) < 2:
            continue
        if any(reports_change(f, context) for f in representatives) and not (
            _changed_from_one_value(representatives, group)
        ):
            continue  # a value that changed: the superseded kind shows the timeline
        if _of_different_known_actors(representatives, context):
            continue  # the EU's €25 million and the World Bank's $150 million are two sums
        findings.append(_finding(rule, representatives, context))
    return findings


# "... 15 people have died, up from the figure given on Sunday": the words after the figure
# say it replaced an earlier one.
_CHANGE_AFTER = re.compile(r"[^.;]{0,60}?\b(?:up|down)\s+from\b", re.IGNORECASE)


# "Power was cut to 48,000 households": a supply cut off from the figure, not a value cut.
_SUPPLY_CUT = re.compile(
    r"\b(?:power|electricity|water|gas|heating|supplies|supply|services?)\s+"
    r"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?cut\s+(?:off\s+)?to\s*$",
    re.IGNORECASE,
)


def _of_different_known_actors(facts: list[Fact], context: RuleContext) -> bool:
    """Whether every figure is stated of a different actor that the entity lexicon knows
    (a company, a government, an international body): figures of two known actors are two
    figures, not rival readings of one. Unknown names are too often read wrongly (a
    dateline's town, a project for its owner) to set figures apart."""
    known = context.lexicons.canonical_names
    subjects = [f.subject.lower() if f.subject else "" for f in facts]
    return len(set(subjects)) == len(subjects) and all(
        subject in known and known[subject].type != "outlet" for subject in subjects
    )


def _single_valued(found: list[list[Fact]], rule: RuleSpec) -> list[list[Fact]]:
    """An article that states several different values of one measure for one time ("France
    will lose 4,300 jobs, Germany 3,700 ...", a table of the old and the new budget) is
    naming several things, not one figure: its values are left out, and the rest are
    clustered again."""
    seen: dict[str, int] = defaultdict(int)
    for cluster in found:
        for article in {f.article for f in cluster}:
            seen[article] += 1
    if all(count == 1 for count in seen.values()):
        return found  # the usual case: nothing to leave out, nothing to cluster again
    kept = [f for cluster in found for f in cluster if seen[f.article] == 1]
    return clusters(kept, rule.params.relative_tolerance, rule.params.absolute_tolerance)


def reports_change(fact: Fact, context: RuleContext) -> bool:
    """Whether the words around the figure say it is a new value ("the toll rose to 212",
    "15 dead, up from 8")."""
    text = context.articles[fact.article].text
    low = max(fact.sentence.start, fact.start - CHANGE_ROOM)
    if _CHANGE_BEFORE.search(text, low, fact.start) is not None:
        return _SUPPLY_CUT.search(text, low, fact.start) is None
    return _CHANGE_AFTER.match(text, fact.end, fact.sentence.end) is not None


def _changed_from_one_value(representatives: list[Fact], group: list[Fact]) -> bool:
    """Whether every figure is stated as a change from an earlier value its sentence gives
    ("cut its forecast to 1.4%, from 1.6%"; "projects 1.1%, down from 1.6%"), and the
    earlier values agree: the same change reported with two new values, which are rivals."""
    earlier = [_earlier_value(fact, group) for fact in representatives]
    if any(value is None for value in earlier):
        return False
    first = earlier[0]
    return all(overlaps(first, value) for value in earlier[1:])  # type: ignore[arg-type]


def _earlier_value(fact: Fact, group: list[Fact]) -> Interval | None:
    """The value of the figure after ``fact`` in its sentence that its text names as where
    the value came from ("from 1.6%")."""
    for other in group:
        if (
            other.article == fact.article
            and other.sentence == fact.sentence
            and other.start >= fact.end
            and other.quote.lower().startswith("from ")
        ):
            return other.value
    return None


def _without_factor_slips(
    representatives: list[Fact], group: list[Fact], context: RuleContext
) -> list[Fact]:
    """Among three or more values, one that is exactly a known factor off another is a unit
    slip (unit_mismatch reports it): of the two, the one fewer articles of the group state
    is left out, so "60 vs 85 vs 120 aircraft" with two engines per aircraft compares 60
    with 85."""
    if len(representatives) < 3:
        return representatives
    conversions = topic_conversions(representatives[0].topic, context)
    dropped: set[str] = set()
    for index, a in enumerate(representatives):
        for b in representatives[index + 1 :]:
            if factor_between(a, b, conversions) is not None:
                support_a, support_b = _support(a, group), _support(b, group)
                if support_a != support_b:
                    dropped.add(a.id if support_a < support_b else b.id)
    return [f for f in representatives if f.id not in dropped]


def _support(fact: Fact, group: list[Fact]) -> int:
    """How many articles of the group state a value overlapping this fact's."""
    return len({f.article for f in group if f.unit == fact.unit and f.value is not None
                and overlaps(f.value, fact.value)})  # fmt: skip


def _explained_by_a_factor(facts: list[Fact], context: RuleContext) -> bool:
    """Two values exactly a known conversion factor apart ("500,000 doses" vs "5 million
    doses", with 10 doses per vial): the disagreement is a unit slip, not two figures."""
    if len(facts) != 2:
        return False
    conversions = topic_conversions(facts[0].topic, context)
    return factor_between(facts[0], facts[1], conversions) is not None


def _window(fact: Fact, rule: RuleSpec, context: RuleContext) -> str:
    """The window an undated figure is compared in, by the measure it is grouped under."""
    measure = measure_of(fact, context.indexes.get("measures"))  # type: ignore[arg-type]
    return rule.params.undated_window_by_predicate.get(measure or "", rule.params.undated_window)


def _finding(rule: RuleSpec, facts: list[Fact], context: RuleContext):
    first = facts[0]
    measure = measure_of(first, context.indexes.get("measures"))  # type: ignore[arg-type]
    what = first.item or (first.unit if measure == COUNT else None)
    verdict = (
        f"the stated values do not overlap even with a {rule.params.relative_tolerance:.0%} "
        "tolerance, for the same subject, measure, unit and time"
    )
    severity = rule.severity
    apart = _times_apart(facts)
    if rule.params.distant_ratio and apart >= rule.params.distant_ratio:
        severity = rule.params.distant_severity
        verdict += (f"; the values are {apart:,.0f} times apart, more often two different "
                    "figures than one misreported")  # fmt: skip
    elif rule.params.vague_severity is not None and any(
        f.value is not None and f.value.qualifier is Qualifier.vague for f in facts
    ):
        severity = rule.params.vague_severity
        verdict += "; one of them is a loose word for a number, not a figure"
    values = {
        "subject": first.subject or "?",
        "predicate": measure or "?",
        "item": f" of {what}" if what else "",
        "values": " vs ".join(f"{describe(f.value, f.unit)} ({f.article})" for f in facts),
        "sources": str(len({f.article for f in facts})),
        "verdict": verdict,
    }
    compared = [
        ComparedValue(
            fact=f.id,
            article=f.article,
            value=f.value,
            unit=f.unit,
            normalized=f.value,
            normalized_unit=f.unit,
        )
        for f in facts
    ]
    return make_finding(rule, FindingKind.contradiction, severity, facts, compared, values,
                        context)  # fmt: skip


def _times_apart(facts: list[Fact]) -> float:
    """How many times the largest stated value is the smallest (1 when either is not
    positive)."""
    stated = [abs(v) for f in facts if f.value is not None for v in f.value.stated]
    low, high = (min(stated), max(stated)) if stated else (0, 0)
    return high / low if low > 0 else 1.0
