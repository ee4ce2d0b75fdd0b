"""Find date expressions in a sentence and normalise what they state (year, month, day).

Only what the text writes is normalised: "30 September 2015" -> 2015-09-30, "On 17 August" ->
month 8, day 17, no year; relative expressions ("a week ago", "last year") are kept as
written with no date, because resolving them would be a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH_NAMES = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# "2000 troops" is a count, not a year: no year is followed by a plural noun.
_PLURAL_COUNT = (
    r"(?! (?!(?:was|has|is|as|does|his|its|this|thus|us|yes|less|across|plus|versus|whereas|always|perhaps)\b)[a-z]+s\b"
    r"| (?:people|men|women|children|personnel|staff)\b)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b(?P<day>{_DAY})(?:[ -](?:of )?)(?P<month>{_MONTH}),?[ -](?P<year>{_YEAR})\b")),
    ("mdy", re.compile(rf"\b(?P<month>{_MONTH}) (?P<day>{_DAY}),? (?P<year>{_YEAR})\b")),
    ("numeric", re.compile(r"\b(?P<day>[12]\d|3[01]|0?[1-9])[./](?P<month>1[0-2]|0?[1-9])[./](?P<year>(?:19|20)\d\d)\b")),
    ("iso", re.compile(rf"\b(?P<year>{_YEAR})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")),
    ("range", re.compile(rf"\b(?:from |between )?(?P<year>{_YEAR}) ?(?:[–—-]|to|and|until) ?(?P<year_end>{_YEAR}|\d\d)\b(?![-–]\d)")),
    ("month_year", re.compile(rf"\b(?:(?:early|mid|late|in|since|by|until)[ -])?(?P<month>{_MONTH}),? (?:of )?(?P<year>{_YEAR})\b")),
    ("dm", re.compile(rf"\b(?:[Oo]n |[Ff]rom |[Bb]y |[Ss]ince )?(?P<day>{_DAY})(?:-\d{{1,2}}(?:st|nd|rd|th)?)? (?:of )?(?P<month>{_MONTH})(?! \d)")),
    ("md", re.compile(rf"\b(?:[Oo]n |[Ff]rom |[Bb]y |[Ss]ince )?(?P<month>{_MONTH}) (?P<day>{_DAY})(?:-\d{{1,2}}(?:st|nd|rd|th)?)?\b(?![,.]? ?\d)")),
    ("month_rel", re.compile(rf"\b(?:in |In |since |Since |by |By |last |Last |this |This |next |Next |early |late )(?P<month>{_MONTH})(?: (?:this|last|next) year)?\b")),
    ("year", re.compile(rf"\b(?:(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|[Aa]fter|[Bb]efore|[Dd]uring|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id|[Tt]hrough) (?:the )?(?:year )?)?(?P<year>{_YEAR})\b(?![%\d]|-\d|,\d){_PLURAL_COUNT}")),
    ("decade", re.compile(r"\b(?:the |[Ii]n the |early |late |mid-)?(?P<decade>1[89]\d0|20[0-4]0)s\b")),
    (
        "relative",
        re.compile(
            r"\b(?:(?:a|one|two|three|four|five|six|several|few|\d+) (?:days?|weeks?|months?|years?|decades?) (?:ago|earlier|later)"
            r"|(?:last|this|next|past|previous|coming) (?:week|weekend|month|year|spring|summer|autumn|fall|winter)"
            r"|earlier this (?:week|month|year)|later this (?:week|month|year)|yesterday|today|tonight|tomorrow"
            r"|(?:[Oo]n |[Ll]ast |[Tt]his |[Nn]ext )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
            r"|(?:in )?recent (?:days|weeks|months|years)|recently)\b",
        ),
    ),
]


# What each pattern cannot match without: skipping it when the sentence lacks that changes nothing, faster.
_NEEDS = {
    "dmy": ("digit", "month"), "mdy": ("digit", "month"), "numeric": ("digit",), "iso": ("digit",), "range": ("digit",),
    "month_year": ("digit", "month"), "dm": ("digit", "month"), "md": ("digit", "month"), "month_rel": ("month",),
    "year": ("digit",), "decade": ("digit",), "relative": ("relative",),
}
# Every relative expression contains one of these, as written ("day" for "today", "Monday"...).
_RELATIVE_WORDS = (
    "ago", "earlier", "later", "last", "this", "next", "past", "previous", "coming", "day", "tonight",
    "tomorrow", "recent",
)
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(_MONTH)


@dataclass(frozen=True)
class DateExpression:
    """A date as written at [start, end) of the sentence, with what it states (None = not stated)."""

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year_end: int | None = None


def find_dates(text: str) -> list[DateExpression]:
    """All non-overlapping date expressions in ``text``, most specific pattern first."""
    present = {
        "digit": _DIGIT.search(text) is not None,
        "month": _MONTH_WORD.search(text) is not None,
        "relative": any(word in text for word in _RELATIVE_WORDS),
    }
    if not any(present.values()):
        return []
    taken: list[tuple[int, int]] = []
    found: list[DateExpression] = []
    for kind, pattern in _PATTERNS:
        if not all(present[need] for need in _NEEDS.get(kind, ())):
            continue  # the pattern cannot match without a digit (or a month name)
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            expression = _normalise(kind, match)
            if expression is not None:
                taken.append((match.start(), match.end()))
                found.append(expression)
    return sorted(found, key=lambda d: d.start)


def _normalise(kind: str, match: re.Match[str]) -> DateExpression | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month = _MONTH_NAMES[groups["month"].rstrip(".").lower()] if groups.get("month") and not groups["month"].isdigit() else None
    if groups.get("month") and groups["month"].isdigit():
        month = int(groups["month"])
    day = int(re.match(r"\d+", groups["day"]).group()) if groups.get("day") else None
    year_end = _year_end(year, groups.get("year_end"))
    if kind == "range" and (year_end is None or year_end < year or year_end - year > 100):
        return None
    if kind == "dm" and groups["month"].startswith("May") and not match.group().split()[0][0].isdigit():
        return None
    return DateExpression(match.start(), match.end(), match.group(), kind, year, month, day, year_end)


def _year_end(year: int | None, written: str | None) -> int | None:
    if year is None or not written:
        return None
    if len(written) == 2:
        return (year // 100) * 100 + int(written)
    return int(written)


def date_nearest(dates: list[DateExpression], position: int, text: str = "") -> DateExpression | None:
    """The date expression for an event at ``position``: the closest one stating a year, else the closest.

    Distance is in characters, plus a penalty when a clause break (", ", " and ", ";")
    lies between the date and the event, so "fought ... in 2006 and fought ... in 2008"
    gives the second fight 2008.
    """
    if not dates:
        return None
    pool = [d for d in dates if d.year is not None] or dates
    return min(pool, key=lambda d: (_distance(d, position, text), d.start))


_CLAUSE_BREAK = re.compile(r",\s|;|\s(?:and|but|while|whereas|before|after)\s")
CLAUSE_PENALTY = 40


def _distance(date: DateExpression, position: int, text: str) -> int:
    if date.start >= position:
        gap = (position, date.start)
    else:
        gap = (date.end, position)
    distance = max(0, gap[1] - gap[0])
    if text and _CLAUSE_BREAK.search(text, gap[0], max(gap[0], gap[1])):
        distance += CLAUSE_PENALTY
    return distance
