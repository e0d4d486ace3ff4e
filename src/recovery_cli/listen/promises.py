"""What we promised and when, worded to follow "We said it would be ...".

A time expression only counts as a promise next to words that make it one: "you
promised", "was told ... would be", "were due", "supposed to", "guaranteed", "was booked
for", a delivery "slot", a quoted promise ("within 48 hours"), or the last of a chain of
dates ("You told me Tuesday, then Friday"). Times the customer mentions for their own
plans ("I need it by Friday") are stakes, not promises, and "2 weeks ago" is not a time
we gave. The value is shaped for the sentence it goes into: "with you by Friday", "ready
by Tues", "between 8am and 1pm", "within 14 days".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.sentences import Found, Sentence, keyed, keys_of
from recovery_cli.wording import mend

_DAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|"
    r"thu(?:rs?)?|fri|sat|sun)\b"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_DATE = (
    rf"(?:the\s)?\d{{1,2}}(?:st|nd|rd|th)(?:\s(?:of\s)?{_MONTH})?|\d{{1,2}}\s{_MONTH}|"
    rf"{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b"
)
_REL = (
    r"today|tomorrow|tonight|yesterday|(?:the\s)?end\sof\s(?:the\s)?(?:day|week|month)\b|"
    r"next\sweek|this\sweek|the\sweekend"
)
_CLOCK = (
    r"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?\s?(?:am|pm)\b|(?:[01]?\d|2[0-3])[.:][0-5]\d\b"
    r"(?!\s?(?:gbp|usd|eur|euros?|pounds?|dollars?))|noon|midday"
)
_RANGE = r"\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)?\s?[-–]\s?\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)?\b"
_DURATION = (
    r"(?:(?:within|in)\s)?(?:\d{1,2}(?:\s?[-–]\s?\d{1,2})?|one|two|three|four|five|six|seven|"
    r"ten|a)\s(?:working\s|business\s)?(?:hours?|days?|weeks?|months?)\b(?!\sago)"
)
_WHEN = rf"(?:{_REL}|{_DAY}|{_DATE})"
TIME = (
    rf"(?:(?P<dur>{_DURATION})"
    rf"|(?P<range>{_RANGE})(?:\s(?P<rwhen>{_REL}|{_DAY}))?"
    rf"|(?P<when>{_WHEN})(?P<part>\s(?:morning|afternoon|evening|am|pm)\b)?"
    rf"(?:\s(?:at\s|between\s)?(?:(?P<wrange>{_RANGE})|(?P<wclock>{_CLOCK})))?"
    rf"|(?P<clock>{_CLOCK})(?:\s(?P<cwhen>{_REL}|{_DAY}))?)"
)
_PREP = r"(?:(?P<prep>by|on|for|at|before|within|in|until|till|between)\s)?"
_CUES = (
    r"promised|promises|guaranteed?|(?:was|were)\s(?:due|told|booked|scheduled)|"
    r"supposed\sto|meant\sto|ment\sto|would\s(?:be|arrive|come|ship|reach)|"
    r"told\s(?:me|us)|confirmed\sfor"
)
_CUED = keyed(
    "promis|guarantee|due|told|booked|scheduled|supposed|meant|ment to|would|said|confirmed",
    rf"\b(?P<cue>{_CUES})\b(?:\s[^.\n]{{0,50}}?)??\s{_PREP}\"?{TIME}",
)
_SAID = keyed(
    "said",
    rf"\b(?P<cue>(?:you|u|they|he|she|store|shop|guy)\ssaid)\s(?:it\swould\sbe\s|it'?d\sbe\s)?"
    rf"{_PREP}\"?{TIME}",
)
_CHAIN = keyed(
    "then",
    rf"\bthen\s(?:(?:you|u|they)\s(?:said|promised|told\sme)\s|to\s|it\swas\s)?{_PREP}{TIME}",
)
_SLOT = keyed(
    "slot",
    rf"(?:(?P<a>{_RANGE}|{_CLOCK})\s(?:delivery\s|appointment\s)?slot\b"
    rf"|\bslot\s(?P<b>{_WHEN}(?:\s(?:am|pm|morning|afternoon)\b)?))",
)
_QUOTED = keyed('"', r"\"(?P<q>[^\"\n]{1,40})\"(?:\s(?P<noun>delivery|service|turnaround))?", 0)
_ANY_TIME = re.compile(TIME, re.I)
_TOLD_ON = re.compile(r"\b(?:told|said|rang|called|emailed)\s(?:me\s|us\s)?(?:on|at)\s$", re.I)


KEYS = keys_of([_CHAIN, _CUED, _SAID, _SLOT, _QUOTED])
"""Words one of which a sentence needs before `promises` can find anything in it."""


def promises(sentence: Sentence, text: str) -> Iterable[Found]:
    """Promised times in one sentence; `text` is the message, for the chain of dates."""
    for match in _CHAIN.finditer(sentence):
        before = text[max(0, sentence.start + match.start() - 150) : sentence.start + match.start()]
        if _ANY_TIME.search(before):
            yield _found(sentence, match, -3, 0.85)
    for pattern in (_CUED, _SAID):
        for match in pattern.finditer(sentence):
            begin = match.start("prep") if match.group("prep") else match.start(_time_group(match))
            if _TOLD_ON.search(sentence.text[:begin]):
                continue
            cue = match.group("cue").lower()
            yield _found(sentence, match, -1 if "told" in cue or "said" in cue else -2, 0.85)
    for match in _SLOT.finditer(sentence):
        words = match.group("a") or match.group("b")
        start = match.start("a") if match.group("a") else match.start("b")
        value = _format_loose(words)
        if value:
            yield Found(
                "promised",
                value,
                sentence.start + start,
                sentence.start + start + len(words),
                0.8,
                1,
            )
    for match in _QUOTED.finditer(sentence):
        quote = match.group("q")
        if len(quote.split()) > 6:
            continue
        inner = _ANY_TIME.search(quote)
        if inner is None:
            continue
        start = sentence.start + match.start("q")
        noun = match.group("noun")
        if (
            noun
            and inner.group("dur")
            and not inner.group("dur").lower().startswith(("in", "within"))
        ):
            value = f"a {inner.group('dur').lower()} {noun}"
        else:
            value = _format(inner, None, "")
        yield Found("promised", value, start, start + len(quote), 0.8, -1)


def _time_group(match: re.Match[str]) -> str:
    for name in ("dur", "range", "when", "clock"):
        if match.group(name):
            return name
    return "dur"


def _found(sentence: Sentence, match: re.Match[str], rank: int, sure: float) -> Found:
    start = match.start("prep") if match.group("prep") else match.start(_time_group(match))
    frame = _frame(sentence.text[: match.end()])
    value = _format(match, match.group("prep"), frame)
    return Found(
        "promised", value, sentence.start + start, sentence.start + match.end(), sure, rank
    )


def _frame(text: str) -> str:
    """The words before the time that say what was promised: ready, sent or with you."""
    low = text.lower()
    if "ready" in low:
        return "ready "
    if re.search(r"\b(?:ship|dispatch|sent|send|post)", low):
        return "sent "
    if re.search(r"\b(?:deliver|arriv|come|here|with\sme|due)", low):
        return "with you "
    return ""


def _clean(words: str) -> str:
    return " ".join(mend(word) for word in words.replace("–", "-").split())


def _between(words: str) -> str:
    first, _, last = _clean(words).partition("-")
    return f"between {first.strip()} and {last.strip()}"


def _format(match: re.Match[str], prep: str | None, frame: str) -> str:
    """The time as it follows "We said it would be", e.g. "with you by Friday"."""
    prep = (prep or "").lower()
    if match.group("dur"):
        dur = _clean(match.group("dur")).lower()
        return frame + (dur if dur.startswith(("within", "in ")) else f"within {dur}")
    if match.group("range"):
        tail = f" {_clean(match.group('rwhen'))}" if match.group("rwhen") else ""
        return frame + _between(match.group("range")) + tail
    if match.group("when"):
        when = _clean(match.group("when") + (match.group("part") or ""))
        if match.group("wrange"):
            return frame + f"{_between(match.group('wrange'))} {when}"
        if match.group("wclock"):
            return frame + f"by {_clean(match.group('wclock'))} {when}"
        if prep not in {"on", "before", "until", "by"}:
            prep = "by"
        return frame + f"{'by' if prep == 'until' else prep} {when}"
    clock = _clean(match.group("clock"))
    tail = f" {_clean(match.group('cwhen'))}" if match.group("cwhen") else ""
    return frame + f"{prep if prep in {'by', 'before'} else 'at'} {clock}{tail}"


def _format_loose(words: str) -> str | None:
    match = _ANY_TIME.fullmatch(words.strip())
    return _format(match, None, "") if match else None
