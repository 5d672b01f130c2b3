"""Timeline geometry for the HTML report: a fact group's statuses or values over their dates.

Columns are the distinct dates the statements are about ("as of": their own date, else the
article's publication date), evenly spaced in date order, then one column for undated
statements. Statuses sit in lanes ordered as a decision usually moves; values on a linear
axis in the unit most statements use. The template draws the SVG from these numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from checker.models import FactGroup, GroupRow, Status
from checker.rules.intervals import describe, format_number

LEFT = 110  # room for lane labels or the value axis
RIGHT = 24
COLUMN_WIDTH = 170  # room for a point's label before the next date
MIN_WIDTH = 720
TOP = 20
LANE_HEIGHT = 40
PLOT_HEIGHT = 220
AXIS_ROOM = 44  # date labels under the plot
CHAR_WIDTH = 6.6  # average advance of a 12 px sans-serif character, to keep labels apart
LINE = 13  # how far a label moves to clear another
MAX_NAME = 22  # source names in labels are cut to this many characters
UNDATED = "undated"

_ISO_PARTS = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-W(\d{2}))?$")


@dataclass(frozen=True)
class Column:
    x: float
    label: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    y_low: float  # the interval's ends (equal to y for a status or an exact value)
    y_high: float
    label: str  # value and who states it, beside the point
    label_x: float
    label_y: float
    anchor: str  # "start": the label reads rightwards from label_x; "end": leftwards
    title: str  # the tooltip: every source with its value and date
    agrees: bool


@dataclass(frozen=True)
class Timeline:
    group: str
    caption: str
    unit: str | None  # the unit of a value axis
    width: int
    height: int
    left: int
    plot_top: float
    plot_bottom: float
    columns: list[Column]
    ticks: list[Tick]
    points: list[Point]
    omitted: int  # statements in another unit than the one plotted
    summary: str  # the chart in words, for screen readers (the SVG's description)


def date_sort_key(value: str | None) -> tuple[int, date]:
    """Order partial ISO dates by the day they start on; undated (and year-less) ones last."""
    match = _ISO_PARTS.match(value or "")
    if not match:
        return (1, date.max)
    year, month, day, quarter, half, week = match.groups()
    if week:
        return (0, date.fromisocalendar(int(year), min(int(week), 52), 1))
    if quarter:
        return (0, date(int(year), 3 * int(quarter) - 2, 1))
    if half:
        return (0, date(int(year), 1 if half == "1" else 7, 1))
    return (0, date(int(year), int(month or 1), int(day or 1)))


def build_timeline(
    group: FactGroup, caption: str, source_names: dict[str, str], superseded: bool
) -> Timeline | None:
    """The group's timeline, or None when it would not show a change over dates: a rule saw
    none and what can be drawn (statuses, or values in one unit) is about a single date."""
    rows = _plottable(list(group.rows))
    columns = _column_labels(rows)
    dated = [label for label in columns if label != UNDATED]
    if not rows or len(columns) < 2 or (not superseded and len(dated) < 2):
        return None
    is_status = rows[0].status is not None
    width = max(MIN_WIDTH, LEFT + RIGHT + COLUMN_WIDTH * len(columns))
    step = (width - LEFT - RIGHT) / len(columns)
    x_of = {label: LEFT + step * (i + 0.5) for i, label in enumerate(columns)}
    ticks, y_of = _status_lanes(rows) if is_status else _value_axis(rows)
    bottom = TOP + (LANE_HEIGHT * len(ticks) if is_status else PLOT_HEIGHT)
    return Timeline(
        group=group.id,
        caption=caption,
        unit=None if is_status else rows[0].unit,
        width=int(width),
        height=int(bottom + AXIS_ROOM),
        left=LEFT,
        plot_top=TOP,
        plot_bottom=bottom,
        columns=[Column(x=x_of[label], label=label) for label in columns],
        ticks=ticks,
        points=_place_labels(_points(rows, x_of, y_of, source_names), width),
        omitted=len(group.rows) - len(rows),
        summary=_summary(caption, rows, source_names),
    )


def _plottable(rows: list[GroupRow]) -> list[GroupRow]:
    """Statuses when the group has any; else the values in the unit most statements use,
    since values in different units cannot share one axis."""
    statuses = [row for row in rows if row.status is not None]
    if statuses:
        return statuses
    units = Counter(row.unit for row in rows if row.value is not None)
    if not units:
        return []
    unit = units.most_common(1)[0][0]
    return [row for row in rows if row.value is not None and row.unit == unit]


def _label(as_of: str | None) -> str:
    return as_of if as_of and date_sort_key(as_of)[0] == 0 else UNDATED


def _column_labels(rows: list[GroupRow]) -> list[str]:
    # By date, then by label: a week and its Monday ("2026-W10", "2026-03-02") start on one
    # day, and a set's order would otherwise decide between them (it varies per process).
    return sorted(
        {_label(row.as_of) for row in rows}, key=lambda label: (date_sort_key(label), label)
    )


def _status_lanes(rows: list[GroupRow]) -> tuple[list[Tick], dict[str, tuple[float, ...]]]:
    """One lane per status present, in the order a decision usually moves."""
    present = [s for s in Status if any(row.status is s for row in rows)]
    ticks = [Tick(y=TOP + LANE_HEIGHT * (i + 0.5), label=s.value) for i, s in enumerate(present)]
    return ticks, {tick.label: (tick.y, tick.y, tick.y) for tick in ticks}


def _value_axis(rows: list[GroupRow]) -> tuple[list[Tick], dict[str, tuple[float, ...]]]:
    """A linear axis from 0 (or the lowest value) to the highest stated end."""
    ends = [v for row in rows for v in _ends(row)]
    low = min([0.0, *ends])
    high = max(ends, default=1.0) or 1.0
    scale = PLOT_HEIGHT / (high - low) if high > low else 0.0

    def y(value: float) -> float:
        return TOP + PLOT_HEIGHT - (value - low) * scale

    ticks = [Tick(y=y(v), label=format_number(v)) for v in (low, (low + high) / 2, high)]
    positions: dict[str, tuple[float, ...]] = {}
    for row in rows:
        row_ends = _ends(row)
        positions[row.fact] = (y(sum(row_ends) / len(row_ends)), y(max(row_ends)), y(min(row_ends)))
    return ticks, positions


def _ends(row: GroupRow) -> list[float]:
    """The finite ends of a value, else what it states (an open end is drawn to the number)."""
    assert row.value is not None
    ends = [v for v in (row.value.low, row.value.high) if v is not None]
    return ends or list(row.value.stated) or [0.0]


def _shown(row: GroupRow, with_unit: bool = True) -> str:
    if row.status is not None:
        return row.status.value
    assert row.value is not None
    return describe(row.value, row.unit if with_unit else None)


def _points(
    rows: list[GroupRow],
    x_of: dict[str, float],
    y_of: dict[str, tuple[float, ...]],
    source_names: dict[str, str],
) -> list[Point]:
    """One point per date and value (or status), labelled with the value and who states it:
    many sources repeating one status are one point that says how many they are."""
    gathered: dict[tuple[str, str], list[GroupRow]] = {}
    for row in rows:
        gathered.setdefault((_label(row.as_of), _shown(row)), []).append(row)
    points = []
    for (column, shown), same in gathered.items():
        first = same[0]
        y, y_high, y_low = y_of[first.status.value if first.status is not None else first.fact]
        names = list(dict.fromkeys(source_names.get(r.article, r.article) for r in same))
        who = _cut(names[0]) if len(names) == 1 else f"{len(names)} sources"
        value = "" if first.status is not None else f"{_shown(first, with_unit=False)} · "
        points.append(
            Point(
                x=x_of[column],
                y=y,
                y_low=y_low,
                y_high=y_high,
                label=value + who,
                label_x=x_of[column],
                label_y=y,
                anchor="start",
                title="; ".join(f"{name}: {shown} ({column})" for name in names),
                agrees=all(r.agrees for r in same),
            )
        )
    return points


def _cut(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1].rstrip() + "…"


def _place_labels(points: list[Point], width: float) -> list[Point]:
    """Put each label beside its point, on the left near the right edge, moved up or down a
    line at a time until it overlaps no label placed before it."""
    placed = [(p.x - 7, p.x + 7, p.y - 7, p.y + 7) for p in points]  # labels cover no point
    result = []
    for point in sorted(points, key=lambda p: (p.x, p.y)):
        size = len(point.label) * CHAR_WIDTH
        anchor = "end" if point.x + 10 + size > width - 4 else "start"
        x0 = point.x - 10 - size if anchor == "end" else point.x + 10
        for shift in (0, LINE, -LINE, 2 * LINE, -2 * LINE, 3 * LINE, -3 * LINE):
            box = (x0, x0 + size, point.y + shift - 10, point.y + shift + 3)
            if not any(_overlap(box, other) for other in placed):
                break
        else:
            shift = 0
            box = (x0, x0 + size, point.y - 10, point.y + 3)
        placed.append(box)
        label_x = point.x - 10 if anchor == "end" else point.x + 10
        result.append(replace(point, label_x=label_x, label_y=point.y + shift + 4, anchor=anchor))
    return result


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _summary(caption: str, rows: list[GroupRow], source_names: dict[str, str]) -> str:
    """The chart in words: each date with each value or status and the sources stating it."""
    said: dict[str, dict[str, list[str]]] = {}
    for row in sorted(rows, key=lambda r: date_sort_key(r.as_of)):
        names = said.setdefault(_label(row.as_of), {}).setdefault(_shown(row), [])
        name = source_names.get(row.article, row.article)
        if name not in names:
            names.append(name)
    parts = [
        f"{when}: " + "; ".join(f"{shown} ({', '.join(names)})" for shown, names in values.items())
        for when, values in said.items()
    ]
    return f"{caption} over time. " + ". ".join(parts) + "."
