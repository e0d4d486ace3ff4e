"""Time expressions, and how each is worded to follow "We said it would be".

One grammar for the times people give: a duration ("within 48 hours", "5-7 working days",
"7 to 10 days", "a few days", "24h"), a window ("8-1", "between eight and twelve",
"between 10:00 and 14:00 on 3 May"), a day or date with or without a time ("next
Tuesday", "Thursday 14th", "today before 6", "tomorrow 7-11", "2pm on the 15th", "10
o'clock Friday 7th", "09/03"). `TIME` matches one; `wording` shapes it: "within 5-7
working days", "between 8 and 1", "before 6 today", "at 2pm on the 15th". Every
quantifier is bounded.
"""

from __future__ import annotations

import re

from recovery_cli.wording import mend

_DAY = (
    r"(?<![a-z][-–])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|"
    r"thu(?:rs?)?|fri|sat|sun)\b(?!\s?[-–]\s?(?:mon|tue|wed|thu|fri|sat|sun))"
)
"""A day of the week, not the first of a range of days ("Mon-Fri": opening hours)."""
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_ORDINAL = (
    r"\d{1,2}(?:st|nd|rd|th)\b(?!\s(?:birthday|bday|b-day|anniversary|floor|grade|year|place|"
    r"row|edition|generation|time|attempt|call|email|month|week|day|person|one|delivery|date|"
    r"visit|appointment|missed|slot|promise|order|reschedule|cancellation|driver|engineer)\b)"
)
"""A day of the month: "the 14th", not "5th birthday", "the 3rd floor" or "the 2nd delivery
date you've missed" (how often)."""
_DATE = (
    rf"{_DAY}\s{_ORDINAL}|(?:the\s)?{_ORDINAL}(?:\s(?:of\s)?{_MONTH})?|\d{{1,2}}\s{_MONTH}|"
    rf"{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?\b|(?<![\d/])(?!24/7\b)\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b"
)
_REL = (
    r"today|tomorrow|tonight|yesterday|(?:the\s)?end\sof\s(?:the\s)?(?:day|week|month)\b|"
    r"next\sweek|this\sweek|the\sweekend"
)
_HOUR = r"(?:[01]?\d|2[0-3])"
_WORD_HOUR = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_CLOCK = (
    rf"(?<![\d£$€.,]){_HOUR}(?:[.:][0-5]\d)?\s?(?:am|pm)\b|(?<![\d£$€.,]){_HOUR}[.:][0-5]\d\b"
    rf"(?!\s?(?:gbp|usd|eur|euros?|pounds?|dollars?))|(?:12\s?)?noon|midday|"
    rf"(?:{_HOUR}|{_WORD_HOUR})\so'?clock\b"
)
_POINT = rf"(?:{_HOUR}(?:[.:]\d{{2}})?(?:\s?(?:am|pm))?|{_WORD_HOUR})"
_RANGE = (
    rf"(?:between\s)?{_POINT}\s?(?:[-–]|to|till|until)\s?{_POINT}\b"
    r"(?!\s?(?:days?|weeks?|hours?|months?|working|business|degrees|°|kg|cm|mm|%|miles|km|mph|"
    r"years?|inch|inches|people|guests|items|pieces))"
    rf"|between\s{_POINT}\sand\s{_POINT}\b"
)
_COUNT = (
    r"\d{1,3}(?:\s?(?:[-–]|to)\s?\d{1,3})?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|fourteen|twenty|thirty|a\sfew|a\scouple\sof|a"
)
_DURATION = (
    r"(?<![\d-])\d{1,2}(?:[-–]\d{1,2})?[-\s](?:hour|day|minute|min)\s(?:response|turnaround|"
    r"delivery|service|repair|fix)\b|"
    rf"(?:(?:within|in)\s)?(?:{_COUNT})\s(?:working\s|business\s|full\s)?(?:(?:hours|hrs|"
    r"days|weeks|months|minutes|mins)\b|(?:hour|hr|day|week|month|minute|min)\b"
    r"(?!\s(?!(?:of|or|and|to|from|after|before|at|on|by|for|in|if|so|but|then|now|please|"
    r"late|later|max|maximum|tops|latest)\b)[a-z]))(?!\sago)|\d{1,3}\s?(?:h|hrs?)\b"
)
_WHEN = rf"(?:(?:next|this)\s{_DAY}|{_REL}|{_DATE}|{_DAY})"
TIME = (
    rf"(?:(?P<dur>{_DURATION})"
    rf"|(?P<range>{_RANGE})(?:\s(?P<ron>on\s)?(?P<rwhen>{_WHEN}))?"
    rf"|(?P<when>{_WHEN})(?P<part>\s(?:morning|afternoon|evening|am|pm|lunchtime|lunch|"
    r"first\sthing|end\sof\s(?:the\s)?day|close\sof\sbusiness)\b)?"
    rf"(?:\s(?P<wprep>at|before|by|from)\s(?P<wclock>{_CLOCK}|{_HOUR}\b(?![.:]\d))"
    rf"|\s(?P<wrange>{_RANGE})|\s(?P<wtime>{_CLOCK}))?"
    rf"|(?P<clock>{_CLOCK})(?:\s(?P<con>on\s)?(?P<cwhen>{_WHEN}))?)"
)
"""One time expression, with named parts for `wording`."""

ANY_TIME = re.compile(TIME, re.I)
PARTS = ("dur", "range", "when", "clock")
"""The groups one of which every time expression fills (the first tells its kind)."""


def first_part(match: re.Match[str]) -> str:
    """The name of the group that holds the start of the time in `match`."""
    for name in PARTS:
        if match.group(name):
            return name
    return "dur"


def clean(words: str) -> str:
    """The words of a time with capitals and spellings mended ("friday" -> "Friday")."""
    return " ".join(mend(word) for word in words.replace("–", "-").split())


def between(words: str) -> str:
    """A window as "between A and B", from "8-1", "7 to 11" or "between 9 and 13"."""
    words = clean(words)
    if words.lower().startswith("between "):
        return words
    first, last = re.split(r"\s?(?:-|\bto\b|\btill\b|\buntil\b)\s?", words, maxsplit=1)
    return f"between {first.strip()} and {last.strip()}"


_PLURAL = re.compile(
    r"^((?:within\s|in\s)?(?:[2-9]|\d{2,3}|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fourteen|twenty|thirty)\s(?:working\s|business\s)?(?:hour|day|week|month|"
    r"minute))$",
    re.I,
)
"""A count of more than one with its unit left singular, as the customer typed it."""
_COMPOUND = re.compile(r"(\d{1,2}(?:[-–]\d{1,2})?)[-\s](hour|day|minute|min)\s(\w+)$", re.I)
"""A duration that names a kind of service: "4 hour fix", "5-7 day delivery"."""


_NO_ON = ("today", "tomorrow", "tonight", "yesterday", "this ", "next ", "last ", "on ")
"""Days said after a window ("between 8 and 12 tomorrow"); a named day or date comes
before it, with "on" ("on Saturday between 9 and 12")."""


def wording(match: re.Match[str], prep: str | None = None, frame: str = "") -> str:
    """The time as it follows "We said it would be", e.g. "with you by Friday"."""
    prep = (prep or "").lower()
    if match.group("dur"):
        dur = clean(match.group("dur"))
        compound = _COMPOUND.match(dur)
        if compound:  # "4 hour fix": "a 4-hour fix"; "5-7 day delivery" as it was said
            count, unit, noun = compound.groups()
            unit = "minute" if unit.lower() == "min" else unit
            joined = f"{count}-{unit}" if count.isdigit() else f"{count} {unit}"
            return f"a {joined} {noun}"
        dur = _PLURAL.sub(r"\1s", dur)  # "within 48 hour": "within 48 hours"
        return frame + (dur if dur.lower().startswith(("within", "in ")) else f"within {dur}")
    if match.group("range"):
        tail = ""
        if match.group("rwhen"):
            tail = f" {match.group('ron') or ''}{clean(match.group('rwhen'))}"
        return frame + between(match.group("range")) + tail
    if match.group("when"):
        when = clean(match.group("when") + (match.group("part") or ""))
        if match.group("wrange"):
            if when.lower().startswith(_NO_ON):  # "between 8 and 12 today"
                return frame + f"{between(match.group('wrange'))} {when}"
            # "on Saturday between 9 and 12"
            return frame + f"on {when} {between(match.group('wrange'))}"
        if match.group("wclock"):
            return frame + f"{match.group('wprep').lower()} {clean(match.group('wclock'))} {when}"
        if match.group("wtime"):
            return frame + f"by {clean(match.group('wtime'))} {when}"
        if prep not in {"on", "before", "until", "by"}:
            prep = "by"
        return frame + f"{'by' if prep == 'until' else prep} {when}"
    clock = clean(match.group("clock"))
    tail = ""
    if match.group("cwhen"):
        tail = f" {match.group('con') or ''}{clean(match.group('cwhen'))}"
    return frame + f"{prep if prep in {'by', 'before'} else 'at'} {clock}{tail}"


def loose(words: str) -> str | None:
    """`words` worded as a time, if the whole of them is one."""
    match = ANY_TIME.fullmatch(words.strip())
    return wording(match) if match else None
