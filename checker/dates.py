"""Date grammar shared by ingest (publication dates) and extract (event times).

A mention resolves to an ISO 8601 value of the precision the text gives: ``2026-01-15``,
``2026-01``, ``2026-Q1``, ``2026-H1``, ``2026``, or ``--12-10`` when the year is unknown.
A missing year is inferred from an anchor date (the publication date) when one is known:
the month-day is placed in the anchor's year, or the year before when that would put it
more than two months after publication (news reports the recent past, not the far future).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

# Keyed by the first three letters, which identify every English month name.
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                 "4th": 4}  # fmt: skip

# Capitalized as news writes them; lower case too except "may" and "march", which are verbs
# far more often (a lower-case month alone, with no day or year, is rejected later anyway).
_MONTH = (
    r"(?:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|Mar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?|"
    r"[Aa]ug(?:ust)?|[Ss]ept?(?:ember)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_DASH = r"\s*[-–—]\s*"

# Alternatives are ordered longest first so that "January 8–9, 2026" is one mention.
DATE_PATTERN = re.compile(
    rf"""
    (?P<mdy>{_WEEKDAY}(?P<mdy_m>{_MONTH})\.?\s+(?P<mdy_d>{_DAY})(?:{_DASH}(?P<mdy_d2>{_DAY}))?
        (?:\s?,?\s+(?P<mdy_y>{_YEAR}))?(?![\d,]*\d))
  | (?P<dmy>{_WEEKDAY}(?:the\s+)?(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH})\.?
        (?:,?\s+(?P<dmy_y>{_YEAR}))?)
  | (?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d))
  | (?P<q>(?:[Qq](?P<q_n>[1-4])|(?P<q_w>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)
        (?:\s+(?:of\s+)?(?P<q_y>{_YEAR}))?)
  | (?P<h>(?:H(?P<h_n>[12])|(?P<h_w>first|second|1st|2nd)\s+half)(?:\s+(?:of\s+)?(?P<h_y>{_YEAR}))?)
  | (?P<my>(?:(?:early|mid|late)[-\s])?(?P<my_m>{_MONTH})\.?(?:,?\s+(?:of\s+)?(?P<my_y>{_YEAR}))?)
  | (?P<yr>(?P<yr_y>{_YEAR})(?:{_DASH}(?P<yr_y2>{_YEAR}))?)
  | (?P<relm>(?P<relm_w>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<relm_m>{_MONTH}))
  | (?P<rel>(?P<rel_w>[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+past|[Tt]he\s+coming|[Ee]arlier\s+this|
        [Ll]ater\s+this)\s+(?P<rel_u>week|month|quarter|year|weekend))
  | (?P<coming>(?:[Ii]n\s+)?[Tt]he\s+(?:coming|next\s+few|next\s+several)\s+years)
  | (?P<day>[Yy]esterday|[Tt]oday|[Tt]omorrow)
  | (?P<wd>(?<=on\s)(?P<wd_n>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))
    """,
    re.VERBOSE,
)
_DATE_BOUNDED = re.compile(
    rf"(?<![\w$€£¥.,])(?:{DATE_PATTERN.pattern})(?![\w%]|[.,]\d)", re.VERBOSE
)

# Words that read as a month name but usually are not one.
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jun", "dec", "sep"}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    is_year_only: bool


def infer_year(month: int, day: int | None, anchor: str | None) -> int | None:
    """The year of a month(-day) with no year, from an anchor date such as publication."""
    if not anchor or not anchor[:4].isdigit():
        return None
    year = int(anchor[:4])
    anchor_month = int(anchor[5:7]) if len(anchor) >= 7 else None
    if anchor_month is not None and month > anchor_month + 2:
        return year - 1
    return year


def _month_day(month: int, day: int | None, year: str | None, anchor: str | None) -> str | None:
    resolved = int(year) if year else infer_year(month, day, anchor)
    if resolved is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if day and day > calendar.monthrange(resolved, month)[1]:
        return None  # "February 29" in a common year, "April 31": not a date
    return f"{resolved:04d}-{month:02d}-{day:02d}" if day else f"{resolved:04d}-{month:02d}"


def _month(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def _day(text: str | None) -> int | None:
    if not text:
        return None
    return int(text.rstrip("stndrh"))


def _quarter_year(year: str | None, anchor: str | None) -> str | None:
    if year:
        return year
    if anchor and anchor[:4].isdigit():
        return anchor[:4]
    return None


def resolve(match: re.Match[str], anchor: str | None) -> str | None:
    """ISO value of a DATE_PATTERN match, inferring a missing year from ``anchor``."""
    g = match.groupdict()
    if g["mdy"]:
        return _month_day(_month(g["mdy_m"]), _day(g["mdy_d"]), g["mdy_y"], anchor)
    if g["dmy"]:
        return _month_day(_month(g["dmy_m"]), _day(g["dmy_d"]), g["dmy_y"], anchor)
    if g["iso"]:
        return g["iso"]
    if g["q"]:
        number = g["q_n"] or str(ORDINAL_WORDS[g["q_w"].lower()])
        year = _quarter_year(g["q_y"], anchor)
        return f"{year}-Q{number}" if year else None
    if g["h"]:
        number = g["h_n"] or str(ORDINAL_WORDS[g["h_w"].lower()])
        year = _quarter_year(g["h_y"], anchor)
        return f"{year}-H{number}" if year else None
    if g["my"]:
        return _month_day(_month(g["my_m"]), None, g["my_y"], anchor)
    if g["yr"]:
        return g["yr_y"] if not g["yr_y2"] else f"{g['yr_y']}/{g['yr_y2']}"
    return _relative(g, anchor)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_STEP = {"last": -1, "the past": -1, "this": 0, "earlier this": 0, "later this": 0,
                  "next": 1, "the coming": 1}  # fmt: skip


def _anchor_date(anchor: str | None) -> date | None:
    if anchor and re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor):
        return date.fromisoformat(anchor)
    return None


def _relative(g: dict[str, str | None], anchor: str | None) -> str | None:
    """'last month', 'this quarter', 'next year', 'on Monday', 'yesterday' from the anchor."""
    today = _anchor_date(anchor)
    if today is None:
        return None
    if g["day"]:
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["day"].lower()]
        return (today + timedelta(days=offset)).isoformat()
    if g["wd"]:
        back = (today.weekday() - _WEEKDAYS.index(g["wd_n"].lower())) % 7
        return (today - timedelta(days=back)).isoformat()
    if g["coming"]:
        return f"{today.year}/{today.year + 5}"
    if g["relm"]:
        month = _month(g["relm_m"])
        step = g["relm_w"].lower()
        year = today.year - (month >= today.month) if step == "last" else today.year + (
            step == "next" and month <= today.month)  # fmt: skip
        return f"{year:04d}-{month:02d}"
    step = _RELATIVE_STEP[" ".join(g["rel_w"].lower().split())]
    unit = g["rel_u"]
    if unit in ("week", "weekend"):
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return f"{monday.isocalendar().year}-W{monday.isocalendar().week:02d}"
    if unit == "month":
        index = today.year * 12 + today.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "quarter":
        index = today.year * 4 + (today.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{today.year + step:04d}"


def _is_plausible(match: re.Match[str]) -> bool:
    """Reject bare month words that are ordinary words ("may", "march") without a day/year."""
    if match.group("my") and not match.group("my_y"):
        word = match.group("my_m")
        if word.lower() in _AMBIGUOUS_MONTHS or not word[0].isupper():
            return False
    return True


def find_dates(text: str, anchor: str | None = None) -> list[DateMention]:
    """Every date mention in ``text`` with its resolved value."""
    mentions = []
    for match in _DATE_BOUNDED.finditer(text):
        if not _is_plausible(match):
            continue
        mentions.append(
            DateMention(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=resolve(match, anchor),
                is_year_only=bool(match.group("yr")),
            )
        )
    return mentions


_WHOLE_LINE_DATE = re.compile(rf"^\s*(?:{DATE_PATTERN.pattern})\s*$", re.VERBOSE)


def parse_date_line(line: str) -> str | None:
    """The date a line consists of (a byline date such as '15 January 2026'), else None."""
    match = _WHOLE_LINE_DATE.match(line)
    if not match or match.group("yr") or match.group("q") or match.group("h"):
        return None
    return resolve(match, None)


def parse_date_value(value: str) -> str | None:
    """Normalize a metadata date ('2026-01-15T08:00:00Z', 'January 15, 2026') to ISO."""
    value = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        return iso.group(0)
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value
    return parse_date_line(value)
