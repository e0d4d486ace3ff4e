"""When the customer needs it by, when that is sooner than any usual promise.

"The party is at 7pm tonight", "she needs her warfarin tonight", "my exam is at 9am
tomorrow": a reply that promises a replacement "within two working days" has not listened.
The value is the time, as it follows "You need it": "by 7pm tonight", "tonight", "by
tomorrow". Only today, tonight and tomorrow count, said as a need or as the day of an
event; a date further off is what is at stake, not a deadline a draft must race, and a time
we promised ("you said it would come tomorrow") is `promised`, never this.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.sentences import Found, Sentence, keyed

_DAY = (
    r"(?P<day>tonight|today|tomorrow(?:\s(?:morning|afternoon|evening|night))?|"
    r"this\s(?:morning|afternoon|evening))"
)
_CLOCK = r"(?P<time>\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm)|noon|midday)"
_WHEN = rf"(?:(?:by|before|for|at)\s)?(?:{_CLOCK}\s)?{_DAY}\b"
_KEYS = "tonight|today|tomorrow|this morning|this afternoon|this evening"

_NEED = keyed(
    _KEYS,
    r"\b(?:need|needs|needed|must\shave|have\sto\shave|relying\son|rely\son)\s"
    rf"(?:[\w']+\s){{0,6}}?(?:{_WHEN})",
)
"""A need with its time: "I need it by 5pm today", "she needs her warfarin tonight"."""
_EVENT = keyed(
    _KEYS,
    r"\b(?:party|wedding|funeral|flight|exam|interview|birthday|christening|event|operation|"
    r"surgery|test|ceremony|dinner|sangeet|celebration|do|match|show|appointment|trip|"
    r"move|handover|opening|launch|meeting|presentation|shoot|service)\s(?:(?:is|'s|starts|"
    r"begins|was\sbooked\sfor)\s)?(?:(?:at|from)\s"
    rf"{_CLOCK}\s)?{_DAY}\b",
)
"""An event the order is for, on the day: "the party is at 7pm tonight"."""
_TRAVEL = keyed(
    _KEYS,
    r"\b(?:I'm|I\sam|we're|we\sare|I|we)\s(?:fly|flying|leave|leaving|travel|travelling|off)\s"
    rf"(?:out\s|abroad\s|away\s|early\s)?(?:at\s{_CLOCK}\s)?{_DAY}\b",
)
"""Leaving on the day: "we fly out tomorrow morning"."""
_NOT = re.compile(r"\b(?:not|no|don't|doesn't|didn't|never|until)\b|n't\b", re.I)

KEYS = _NEED.keys
"""Words one of which a sentence needs before `deadlines` can find anything in it."""


def deadlines(sentence: Sentence) -> Iterable[Found]:
    """The soonest need in one sentence, as it follows "You need it"."""
    for rank, pattern in enumerate((_NEED, _EVENT, _TRAVEL)):
        for match in pattern.finditer(sentence):
            if _NOT.search(match.group()):
                continue  # "I don't need it until tomorrow"
            groups = match.groupdict()
            day = (groups.get("day") or "").lower()
            time = (groups.get("time") or "").lower().replace(" ", "")
            value = " ".join(part for part in (f"by {time}" if time else "", day) if part)
            if not time and day.startswith("tomorrow"):
                value = f"by {day}"
            start, end = sentence.start + match.start(), sentence.start + match.end()
            yield Found("needed_by", value, start, end, 0.85, rank)
