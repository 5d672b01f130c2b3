"""Date grammar shared by ingest (publication dates) and extract (event times).

A mention resolves to an ISO 8601 value of the precision the text gives: ``2026-01-15``,
``2026-01``, ``2026-Q1``, ``2026-H1``, ``2026``, or ``--12-10`` when the year is unknown.
A missing year is inferred from an anchor date (the publication date) when one is known:
the month-day is placed in the anchor's year, or the year before when that would put it
more than two months after publication (news reports the recent past, not the far future).

Month names are read in any case, but "may", "march" and "mar" are verbs far more often than
months, so a lower-case one is a date only with a year, a day that reads as one ('5th',
'the 9th of', 'mar3'), or a preposition before it ('in may'). Days and years may be written
in words ('the twenty third of September', 'October two thousand and five').
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from checker.date_values import (
    NOT_A_DATE,
    month_day,
    month_number,
    read_iso,
    read_joined,
    read_numeric,
    read_year_and_number,
    two_digit_year,
)
from checker.date_words import (
    CARDINAL_DAY,
    FIRST_WORDS,
    ORDINAL_DAY,
    WORD_END,
    YEAR_WORDS,
    day_value,
    year_value,
)
from checker.models import PARTIAL_DATE_PATTERN
from checker.regex_trie import trie_alternation

ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                 "4th": 4}  # fmt: skip

_MONTH_SPELLINGS = ("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
                    "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
                    "oct", "october", "nov", "november", "dec", "december")  # fmt: skip
_MONTH = rf"(?i:{trie_alternation(_MONTH_SPELLINGS)})(?![A-Za-z])"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2[01]\d\d)"
_DASH = r"\s*[-–—]\s*"
# A year glued by a dash or slash to other digits is part of a phone number or a code
# ('138-2010-2015', '82-2100') or of a date that does not exist ('32-2015').
_NOT_AFTER_DIGITS = r"(?<!\d[-/–])(?<!\d\s-\s)(?<!\d-\s)(?<!\d\s-)"
# ('2015 - 32' is no date, but in '2015 - 20 years on' the spaced hyphen is a dash).
_NOT_BEFORE_DIGITS = r"(?![-/–]\s?\d|\s-\s?\d+(?!\d)(?!\s*[A-Za-z]))"
# After a year, "may" and "march" are verbs ('2027 may rise'); the year alone is the date.
_NOT_A_VERB = r"(?!(?i:may|mar(?:ch)?)(?![A-Za-z]))"
_ORDINAL = r"(?i:first|second|third|fourth|1st|2nd|3rd|4th)"
# A spoken day after a month ('May twenty nine', 'January first') needs a year or the end of
# the clause after it: 'in May twenty nine people died' counts people.
_SPOKEN_DAY_END = (
    rf"(?=(?:\s*,\s*|\s+)(?:(?:of|in)\s+)?{_YEAR}|,?\s+(?:of\s+)?{YEAR_WORDS}|{WORD_END})"
)


def _year_tail(p: str) -> str:
    """The optional year after a day and month: ', 1994', ' of 1995', ' in 2020', " '87",
    ' of 87' (two digits only after 'of', before the end of the clause), ' nineteen ninety'."""
    return (
        rf"(?:(?:\s*,\s*|\s+)(?:(?:of|in)\s+)?(?P<{p}_y>{_YEAR})"
        rf"|\s+of\s+(?P<{p}_y2>\d\d)(?={WORD_END})"
        rf"|\s*['’](?P<{p}_y3>\d\d)(?!\d)"
        rf"|,?\s+(?:of\s+)?(?P<{p}_yw>{YEAR_WORDS}))?"
    )


# Alternatives are ordered longest first so that "January 8–9, 2026" is one mention, and
# year-first forms come before the bare year.
DATE_PATTERN = re.compile(
    rf"""
    (?P<j>(?:\d{{1,4}}[-/]){{1,2}}(?P<j_m>{_MONTH})(?:[-/]\d{{1,4}})?
        |(?P<j_m2>{_MONTH})(?:[-/]\d{{1,4}}(?!\d)){{1,2}})
  | (?P<iso>{_WEEKDAY}{_NOT_AFTER_DIGITS}(?P<iso_y>{_YEAR})
        -(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?![-/]?\d))
  | (?P<num>(?<![\d/.-])(?P<num_a>\d{{1,2}})(?P<num_s>[-/])(?P<num_b>\d{{1,2}})(?P=num_s)
        (?P<num_y>{_YEAR})(?![-/]?\d))
  | (?P<yx>{_NOT_AFTER_DIGITS}(?P<yx_y>{_YEAR})(?P<yx_s>[-–/])(?P<yx_n>\d{{1,2}})(?![-/–]?\d))
  | (?P<q>(?:{_NOT_AFTER_DIGITS}(?P<q_y0>{_YEAR})(?:\s*-\s*|\s+))?
        (?:[Qq](?P<q_n>[1-4])|(?P<q_w>{_ORDINAL})\s+quarter)
        (?:(?:\s*-\s*|\s+)(?:of\s+)?(?P<q_y>{_YEAR}))?)
  | (?P<h>(?:{_NOT_AFTER_DIGITS}(?P<h_y0>{_YEAR})(?:\s*-\s*|\s+))?
        (?:H(?P<h_n>[12])|(?P<h_w>(?i:first|second|1st|2nd))\s+half)
        (?:\s+(?:of\s+)?(?P<h_y>{_YEAR}))?)
  | (?P<mdy>{_WEEKDAY}(?P<mdy_m>{_MONTH})\.?(?:,\s*(?=\d{{1,2}}(?:st|nd|rd|th))|(?P<mdy_sp>\s*))
        (?:(?P<mdy_d>{_DAY})(?:{_DASH}(?P<mdy_d2>{_DAY}))?
          |(?P<mdy_dw>{ORDINAL_DAY}|{CARDINAL_DAY}){_SPOKEN_DAY_END})
        {_year_tail("mdy")}(?![\d,]*\d))
  | (?P<dmy>{_WEEKDAY}(?<![$€£¥]\s)
        (?:(?P<dmy_d>{_DAY})\s+(?P<dmy_of>of\s+)?
          |(?P<dmy_do>{ORDINAL_DAY})(?:\s+day)?\s+of\s+
          |(?P<dmy_dc>{CARDINAL_DAY})\s+(?=\S+\s*,?\s*(?:{_YEAR}|{YEAR_WORDS})))
        (?P<dmy_m>{_MONTH})\.?{_year_tail("dmy")})
  | (?P<ym>{_NOT_AFTER_DIGITS}(?P<ym_y>{_YEAR})\s+{_NOT_A_VERB}(?P<ym_m>{_MONTH})(?!\.?\s*\d))
  | (?P<my>(?P<my_pre>(?i:early|mid|late)[-\s])?(?P<my_m>{_MONTH})\.?
        (?:\s*,?\s*(?:of\s+)?(?P<my_y>{_YEAR})
          |\s+of\s+(?P<my_y2>\d\d)(?={WORD_END})
          |\s*['’](?P<my_y3>\d\d)(?!\d)
          |\s+(?:of\s+)?(?P<my_yw>{YEAR_WORDS}))?)
  | (?P<cy>(?i:cy)\s?(?P<cy_y>(?:19|20)?\d\d)(?!\d))
  | (?P<yr>{_NOT_AFTER_DIGITS}(?P<yr_y>{_YEAR})(?:(?:{_DASH}|/)(?P<yr_y2>{_YEAR}))?
        {_NOT_BEFORE_DIGITS})
  | (?P<relm>(?P<relm_w>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<relm_m>{_MONTH}))
  | (?P<rel>(?P<rel_w>[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+past|[Tt]he\s+coming|[Ee]arlier\s+this|
        [Ll]ater\s+this)\s+(?P<rel_u>week|month|quarter|year|weekend))
  | (?P<coming>(?:[Ii]n\s+)?[Tt]he\s+(?:coming|next\s+few|next\s+several)\s+years)
  | (?P<day>[Yy]esterday|[Tt]oday|[Tt]omorrow)
  | (?P<prev>(?:[Tt]he\s+)?(?:[Pp]revious|[Pp]rior)\s+year(?![-\w])
        |(?<=\b[Aa]\s)year\s+(?:earlier|ago|before)\b|[Yy]ear-(?:ago|earlier)\b)
  | (?P<wd>(?:(?<=on\s)|(?<=[Bb]y\s)|(?<=[Ss]ince\s)|(?<=until\s)|(?<=said\s)|(?<=ed\s)
        |(?<=[Aa]s\sof\s)|(?<=through\s)
        |(?<=days\sto\s)|(?<=week\sto\s)|(?<=weeks\sto\s)|(?<=hours\sto\s)
        |(?=\w+day\s+(?:night|evening|morning|afternoon)\b)|(?=\w+day['’]s\s))
        (?P<wd_n>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))
    """,
    re.VERBOSE,
)
# The words a date can begin with, tested before the full grammar: most words of a sentence
# fail this test after a character or two, and the grammar's twenty alternatives are tried
# only where it passes.
_FIRST_WORDS = (*_MONTH_SPELLINGS, *(f"{d}day" for d in ("mon", "tues", "wednes", "thurs", "fri",
                "satur", "sun")), *FIRST_WORDS, "early", "mid", "late", "last", "this", "next",
                "previous", "prior", "year", "earlier", "later", "yesterday", "today", "tomorrow",
                "cy")  # fmt: skip
# A date that begins with a digit begins with a year, with digits before a dash or a slash,
# with a day before its month ('5 May', '9th of March') or with a quarter or half ('1st
# quarter'): a number ('5,000', '12 chips') is rejected before the grammar is tried.
_DIGIT_DATE_START = rf"{_YEAR}|\d{{1,4}}[-/]|{_DAY}\s+(?:of\s+)?{_MONTH}|{_ORDINAL}"
_DATE_START = (
    rf"(?={_DIGIT_DATE_START}|[Qq][1-4]|H[12]"
    rf"|(?i:{trie_alternation(w.lower() for w in _FIRST_WORDS)})"
    r"|[Tt]he\s+(?:past|coming|next)|[Ii]n\s+the\s+(?:coming|next))"
)
_DATE_BOUNDED = re.compile(
    rf"(?<![\w$€£¥.,]){_DATE_START}(?:{DATE_PATTERN.pattern})(?![\w%]|[.,]\d)", re.VERBOSE
)
# A sentence with no digit and none of these word stems holds no date: two fast scans reject
# the sentences that reach the grammar for a number word alone.
_DIGIT = re.compile(r"\d")
_CUE_WORDS = ("day", "week", "month", "year", "quarter", "half", "tomorrow",
              *(m[:3] for m in _MONTH_SPELLINGS))  # fmt: skip
_WORD_CUE = re.compile(rf"(?i:{trie_alternation(_CUE_WORDS)})")
# Context before a month that makes it a date: 'in may', 'since the april', 'end of March'
# ('of' alone is not enough: 'shares of May Department Stores').
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|on|since|until|till|by|during|from|through|throughout|before|after|between|"
    r"(?:end|start|beginning|middle|month|week|rest)\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A second month joined to a first: 'from March to May', 'in April and May'.
# A year right after a name inside a sentence is part of the name ("FC Brennholm 1907",
# "the Vision 2030 plan"), unless the word before it is one a date follows (a month, a season,
# "fiscal", a preposition of "In 2024" in a headline). The name's own first word must follow a
# word, not begin the sentence: "Paris 2024" at a sentence's start may date it.
_NAME_BEFORE_YEAR = re.compile(r"(?<=[\w,)])[ \t]+(?P<word>[A-Z][\w&'’.-]*)[ \t]+$")
_DATE_WORD_BEFORE_YEAR = frozenset(
    (*_MONTH_SPELLINGS, "spring", "summer", "autumn", "fall", "winter", "fiscal", "fy", "year",
     "christmas", "easter", "ramadan", "in", "on", "since", "until", "by", "during", "from",
     "through", "throughout", "before", "after", "between", "of", "and", "to", "or", "for",
     "around", "circa", "early", "late", "mid", "end", "q1", "q2", "q3", "q4", "h1", "h2")
)  # fmt: skip
_MONTH_BEFORE = re.compile(rf"{_MONTH}\.?,?\s*(?:to|and|or|through|until|till|[-–])\s*$")
_WORD_END = re.compile(WORD_END)

# Month words that read as another word when they stand alone: verbs ("may", "march",
# "mar") and abbreviations that are names or words too ("Jan", "Jun", "Dec", "Sep").
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "dec", "sep"}
_VERB_MONTHS = {"may", "march", "mar"}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    is_year_only: bool


def _year(g: dict[str, str | None], p: str, anchor: str | None) -> int | None:
    """The year stated after a day or month, in digits, two digits or words."""
    if g[f"{p}_y"]:
        return int(g[f"{p}_y"] or 0)
    short = g[f"{p}_y2"] or g[f"{p}_y3"]
    if short:
        return two_digit_year(short, anchor)
    spoken = g[f"{p}_yw"]
    return year_value(spoken) if spoken else None


def _digit_day(text: str) -> int:
    return int(text.rstrip("stndrh"))


def _quarter_year(*years: str | None, anchor: str | None) -> str | None:
    stated = next((y for y in years if y), None)
    if stated:
        return stated
    if anchor and anchor[:4].isdigit():
        return anchor[:4]
    return None


def resolve(match: re.Match[str], anchor: str | None) -> str | None:
    """ISO value of a DATE_PATTERN match, inferring a missing year from ``anchor``; '' when
    the match turns out to be no date ('2015-1-32')."""
    return _resolve(match.lastgroup or "", match.groupdict(), anchor)


def _resolve(kind: str, g: dict[str, str | None], anchor: str | None) -> str | None:
    if kind == "j":
        return read_joined(g["j"] or "", anchor)
    if kind == "iso":
        return read_iso(int(g["iso_y"] or 0), int(g["iso_m"] or 0), int(g["iso_d"] or 0))
    if kind == "yx":
        return read_year_and_number(int(g["yx_y"] or 0), g["yx_n"] or "", g["yx_s"] or "")
    if kind == "num":
        return read_numeric(int(g["num_a"] or 0), int(g["num_b"] or 0), int(g["num_y"] or 0))
    if kind == "mdy":
        day = _digit_day(g["mdy_d"]) if g["mdy_d"] else day_value(g["mdy_dw"] or "")
        return month_day(month_number(g["mdy_m"] or ""), day, _year(g, "mdy", anchor), anchor)
    if kind == "dmy":
        spoken = g["dmy_do"] or g["dmy_dc"]
        day = day_value(spoken) if spoken else _digit_day(g["dmy_d"] or "")
        return month_day(month_number(g["dmy_m"] or ""), day, _year(g, "dmy", anchor), anchor)
    if kind == "q":
        number = g["q_n"] or str(ORDINAL_WORDS[(g["q_w"] or "").lower()])
        year = _quarter_year(g["q_y0"], g["q_y"], anchor=anchor)
        return f"{year}-Q{number}" if year else None
    if kind == "h":
        number = g["h_n"] or str(ORDINAL_WORDS[(g["h_w"] or "").lower()])
        year = _quarter_year(g["h_y0"], g["h_y"], anchor=anchor)
        return f"{year}-H{number}" if year else None
    if kind == "ym":
        return month_day(month_number(g["ym_m"] or ""), None, int(g["ym_y"] or 0), anchor)
    if kind == "my":
        return month_day(month_number(g["my_m"] or ""), None, _year(g, "my", anchor), anchor)
    if kind == "cy":
        digits = g["cy_y"] or ""
        return str(two_digit_year(digits, anchor) if len(digits) == 2 else int(digits))
    if kind == "yr":
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
        back = (today.weekday() - _WEEKDAYS.index((g["wd_n"] or "").lower())) % 7
        return (today - timedelta(days=back)).isoformat()
    if g["prev"]:  # "(previous year: 2,677 million euros)", "from 104 million a year earlier"
        return f"{today.year - 1:04d}"
    if g["coming"]:
        return f"{today.year}/{today.year + 5}"
    if g["relm"]:
        month = month_number(g["relm_m"] or "")
        step = (g["relm_w"] or "").lower()
        year = today.year - (month >= today.month) if step == "last" else today.year + (
            step == "next" and month <= today.month)  # fmt: skip
        return f"{year:04d}-{month:02d}"
    step = _RELATIVE_STEP[" ".join((g["rel_w"] or "").lower().split())]
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


def _after_preposition(match: re.Match[str]) -> bool:
    start = match.start()
    return _PREPOSITION_BEFORE.search(match.string, max(0, start - 24), start) is not None


def _ends_a_name(match: re.Match[str]) -> bool:
    start = match.start()
    name = _NAME_BEFORE_YEAR.search(match.string, max(0, start - 40), start)
    return name is not None and name["word"].lower().rstrip(".") not in _DATE_WORD_BEFORE_YEAR


def _after_month(match: re.Match[str]) -> bool:
    start = match.start()
    return _MONTH_BEFORE.search(match.string, max(0, start - 16), start) is not None


def _verb_day_reads_as_date(match: re.Match[str], kind: str, g: dict[str, str | None]) -> bool:
    """'may 5th', 'the 9th of march', 'mar3', 'on march 10', 'by may 5.' are dates;
    '5 may be', 'to march 10 kilometres', 'it may first need' are not."""
    digit_day = g[f"{kind}_d"]
    if digit_day and digit_day[-1].isalpha():
        return True
    if (kind == "dmy" and g["dmy_of"]) or (kind == "mdy" and digit_day and g["mdy_sp"] == ""):
        return True
    if _after_preposition(match):
        return True
    return bool(digit_day) and _WORD_END.match(match.string, match.end()) is not None


def _is_plausible(match: re.Match[str], kind: str, g: dict[str, str | None]) -> bool:
    """Whether a month-bearing match reads as a date rather than an ordinary word, and a
    bare year as a date rather than the end of a name; quarters and the like always are."""
    if kind == "yr":
        return not _ends_a_name(match)
    if kind in ("mdy", "dmy", "my", "relm"):
        word = g[f"{kind}_m"] or ""
    else:
        return True
    lowered = word.lower()
    verb_like = lowered in _VERB_MONTHS and word.islower()
    if kind == "relm":
        return not verb_like  # 'this march' is a protest
    if kind == "my":
        if g["my_y"] or g["my_y2"] or g["my_y3"] or g["my_yw"] or g["my_pre"]:
            return True
        if word.islower():
            return _after_preposition(match)
        return lowered not in _AMBIGUOUS_MONTHS or _after_preposition(match) or _after_month(match)
    if g[f"{kind}_y"] or g[f"{kind}_y2"] or g[f"{kind}_y3"] or g[f"{kind}_yw"]:
        return True
    return not verb_like or _verb_day_reads_as_date(match, kind, g)


def _names_years_only(kind: str, value: str | None) -> bool:
    """A bare year or span of years ('2026', '2013-14', 'CY18'), which may be a count instead."""
    return kind in ("yr", "cy") or (kind == "yx" and value is not None and "/" in value)


def find_dates(text: str, anchor: str | None = None) -> list[DateMention]:
    """Every date mention in ``text`` with its resolved value."""
    if not _DIGIT.search(text) and not _WORD_CUE.search(text):
        return []
    mentions = []
    position = 0
    while match := _DATE_BOUNDED.search(text, position):
        kind, g = match.lastgroup or "", match.groupdict()
        value = _resolve(kind, g, anchor) if _is_plausible(match, kind, g) else NOT_A_DATE
        if value == NOT_A_DATE:
            position = match.start() + 1  # another reading may start inside this one
            continue
        mentions.append(
            DateMention(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                value=value,
                is_year_only=_names_years_only(kind, value),
            )
        )
        position = match.end()
    return mentions


# A byline date line may carry a label and a clock time: "Published: 13 Mar 2026, 07:45 UTC".
_LINE_LABEL = (
    r"(?:(?i:published|updated|posted|last\s+updated|first\s+published|issued|released|"
    r"date|dated)\s*:?\s*(?:(?i:on)\s+)?)?"
)
_CLOCK_TIME = (
    r"(?:\s*(?:,|\||(?i:at)|-|–|—)?\s*\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?"
    r"(?:\s*[A-Z]{2,4}|\s*(?i:GMT|UTC)[+-]\d{1,2}|\s+(?i:local\s+time))?)?"
)
# "Published 4:18 PM CDT, August 14, 2026": a clock time may come before the date.
_CLOCK_FIRST = r"(?:\d{1,2}[:.]\d{2}\s*(?i:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*,?\s+)?"
_WHOLE_LINE_DATE = re.compile(
    rf"^\s*{_LINE_LABEL}{_CLOCK_FIRST}(?:{DATE_PATTERN.pattern}){_CLOCK_TIME}\s*$", re.VERBOSE
)
_PUBLICATION_DATE = re.compile(PARTIAL_DATE_PATTERN)


def parse_date_line(line: str) -> str | None:
    """The date a line consists of (a byline date such as '15 January 2026'), else None."""
    match = _WHOLE_LINE_DATE.match(line)
    if not match or match.lastgroup in ("yr", "q", "h", "yx", "cy"):
        return None
    value = resolve(match, None)
    # Only a calendar date a publication can carry: no spans, no month without a year.
    return value if value and _PUBLICATION_DATE.match(value) else None


def parse_date_value(value: str) -> str | None:
    """Normalize a metadata date ('2026-01-15T08:00:00Z', 'January 15, 2026') to ISO."""
    value = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if iso:
        return iso.group(0)
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value
    return parse_date_line(value)
