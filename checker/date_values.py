"""ISO values of the parts of a date mention: month-days with an inferred year, two-digit
years, and the all-digit forms ('2015-12', '2013-14', '31/12/2024') that dates.py finds."""

from __future__ import annotations

import calendar
import re

# Keyed by the first three letters, which identify every English month name.
MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
          "sep": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
NOT_A_DATE = ""  # a reader's verdict that the match is no date at all (never a date value)


def infer_year(month: int, day: int | None, anchor: str | None) -> int | None:
    """The year of a month(-day) with no year, from an anchor date such as publication."""
    if not anchor or not anchor[:4].isdigit():
        return None
    year = int(anchor[:4])
    anchor_month = int(anchor[5:7]) if len(anchor) >= 7 else None
    if anchor_month is not None and month > anchor_month + 2:
        return year - 1
    return year


def month_day(month: int, day: int | None, year: int | None, anchor: str | None) -> str | None:
    resolved = year if year else infer_year(month, day, anchor)
    if resolved is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if day and day > calendar.monthrange(resolved, month)[1]:
        return None  # "February 29" in a common year, "April 31": not a date
    return f"{resolved:04d}-{month:02d}-{day:02d}" if day else f"{resolved:04d}-{month:02d}"


def month_number(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def two_digit_year(digits: str, anchor: str | None) -> int:
    """'87' -> 1987, '12' -> 2012: the century that puts the year at most ten years after
    the anchor (or before 2050 without one)."""
    latest = int(anchor[:4]) + 10 if anchor and anchor[:4].isdigit() else 2049
    year = 2000 + int(digits)
    return year if year <= latest else year - 100


def read_joined(text: str, anchor: str | None) -> str | None:
    """'Oct/2', 'Dec-2018', '05-Aug-2016', '2019/aug/01', '23-2020-September': one month
    name with at most one day (one or two digits) and one year (four digits)."""
    parts = re.split(r"[-/]", text)
    digits = [p for p in parts if p.isdigit()]
    years = [int(p) for p in digits if len(p) == 4]
    days = [int(p) for p in digits if len(p) <= 2]
    month = next(p for p in parts if not p.isdigit())
    if len(parts) > 3 or len(years) > 1 or len(days) > 1 or len(years) + len(days) < len(digits):
        return NOT_A_DATE
    if (years and not 1800 <= years[0] <= 2199) or (days and not 1 <= days[0] <= 31):
        return NOT_A_DATE
    day, year = (days[0] if days else None), (years[0] if years else None)
    return month_day(month_number(month), day, year, anchor)


def read_iso(year: int, month: int, day: int) -> str | None:
    """'2018-7-6' -> 2018-07-06; '2015-1-32' is no date."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return NOT_A_DATE
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_numeric(first: int, second: int, year: int) -> str | None:
    """'31/12/2015' and '5/17/2018' are days; '03/04/2015' is a day of 2015 that could be
    either 3 April or 4 March, so only its year is read; '32-13-2015' is no date."""
    readings = {(m, d) for m, d in ((second, first), (first, second)) if 1 <= m <= 12 and d >= 1}
    valid = {(m, d) for m, d in readings if d <= calendar.monthrange(year, m)[1]}
    if not valid:
        return NOT_A_DATE
    if len(valid) > 1:
        return str(year)
    month, day = valid.pop()
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_year_and_number(year: int, digits: str, separator: str) -> str | None:
    """'2015-12' and '2015-3' are months; '2013-14' and '1990/95' are spans of years (a
    second year up to ten years later); '2015-32' is neither."""
    number = int(digits)
    ahead = (number - year % 100) % 100
    if len(digits) == 2 and 1 <= ahead <= 10:
        return f"{year}/{year + ahead}"
    if separator == "-" and 1 <= number <= 12:
        return f"{year:04d}-{number:02d}"
    return NOT_A_DATE
