"""Note-takers' shorthand, written out for a letter: "waiting 3 wks" -> "waiting 3 weeks".

An agent's note says "appt Thurs", "tmrw", "2 hrs", "DD"; a customer's text says "4 hour".
The reading keeps their words as evidence; a draft says them as a letter would, because
"since it is for your mum's funeral tmrw" reads as pasted from a log, not as listening.
Only forms with one meaning are written out: "Sat" could be a verb, so short day names are
taken only with their capital, and "min" only after a number.
"""

from __future__ import annotations

import re

_WORDS = {
    "hrs": "hours",
    "hr": "hour",
    "mins": "minutes",
    "wks": "weeks",
    "wk": "week",
    "mths": "months",
    "mnths": "months",
    "yrs": "years",
    "tmrw": "tomorrow",
    "tmrow": "tomorrow",
    "tmr": "tomorrow",
    "tomoz": "tomorrow",
    "appt": "appointment",
    "appts": "appointments",
    "approx": "about",
    "nr": "near",
    "pls": "please",
    "plz": "please",
    "asap": "as soon as possible",
    "tues": "Tuesday",
    "weds": "Wednesday",
    "thurs": "Thursday",
}
"""Shorthand with one meaning, in any case."""
_DAYS = {"Mon": "Monday", "Tue": "Tuesday", "Wed": "Wednesday", "Thu": "Thursday"} | {
    "Thur": "Thursday",
    "Fri": "Friday",
    "Sat": "Saturday",
    "Sun": "Sunday",
    "DD": "direct debit",
}
"""Shorthand that is a word too ("sat", "sun", "wed"): written out only as capitalised."""

_SHORT = re.compile(
    r"(?<![\w'’/-])(?:(?i:" + "|".join(_WORDS) + r")|" + "|".join(_DAYS) + r")\.?(?![\w'’/-])"
)
_MIN = re.compile(r"\b(?P<n>\d+)\s?min\b\.?", re.I)
""""25 min", "25min": minutes, after a number only."""
_COUNT_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a\sfew|a\scouple\sof"
)
_COUNTED = re.compile(
    rf"\b(?P<n>\d+(?:\.\d+)?|{_COUNT_WORDS})\s(?P<unit>(?:working\s|business\s|calendar\s)?(?:hour|"
    r"minute|day|week|month|year))"
    r"(?=\s?$|[,.;:!?)]|\s(?:and|now|already|ago|later|late|on|of|in|for|before|after|since|so|"
    r"but|with|at|to)\b)",
    re.I,
)
"""A count before a unit left singular ("left waiting 4 hour"), where no noun follows it
("a 4 hour wait" is right as it is)."""
_WRONG = re.compile(r"\b(?P<to>to|in|at|from|into|on|with)\s(?=wrong\s)", re.I)
"""A note's "sent to wrong person": "sent to the wrong person"."""
_TIME_OFF = re.compile(
    r"\b(?P<took>took|take|takes|taking|taken|had|has|have)\s(?=(?:unpaid\s|a\shalf\s)?(?:morning|"
    r"afternoon|evening)\soff\b)",
    re.I,
)
"""A note's "took afternoon off": "took the afternoon off"."""
_LOGIN = re.compile(
    r"\b(?P<verb>(?:can'?t|cannot|can\snot|couldn'?t|unable\sto|to)\s)log-?in\b", re.I
)
"""The noun used as a verb ("you cannot login"): "log in"."""
_PLUS = re.compile(r"(?<=\w)\s\+\s(?=\w)")
"""A note's " + " between two things: "grazes + bruised hip"."""


_MAYBE = re.compile(
    r"\d|\+|\b(?:" + "|".join([*_WORDS, *_DAYS]) + rf"|wrong|log-?in|off|{_COUNT_WORDS})\b",
    re.I,
)
"""Whether any rule above could apply (their words, a digit or a plus): most values hold
none, and skip them all."""


def written_out(text: str) -> str:
    """`text` with shorthand written out, counted units made plural and a note's dropped
    "the" put back before "wrong"."""
    if _MAYBE.search(text) is None:
        return text
    text = _SHORT.sub(_expanded, text)
    text = _MIN.sub(lambda m: f"{m['n']} minute{'' if m['n'] == '1' else 's'}", text)
    text = _COUNTED.sub(_plural, text)
    text = _WRONG.sub(r"\g<to> the ", text)
    text = _TIME_OFF.sub(r"\g<took> the ", text)
    text = _LOGIN.sub(r"\g<verb>log in", text)
    return _PLUS.sub(" and ", text)


def _expanded(match: re.Match[str]) -> str:
    word = match.group().rstrip(".")
    return _DAYS.get(word) or _WORDS[word.lower()]


def _plural(match: re.Match[str]) -> str:
    number, unit = match.group("n"), match.group("unit")
    one = number == "1"
    return match.group() if one else f"{number} {unit}s"
