"""What we promised and when, worded to follow "We said it would be ...".

A time expression (`times`) only counts as a promise next to words that make it one:
a promise verb ("promised", "guaranteed", "assured", "was told", "confirmed for",
"booked", "rebooked", "arranged for", "moved to"), a modal about the thing ("would be
with me", "will now be delivered", "must come", "was meant to"), someone or something
that said it ("you said", "the site said", "your policy says", "the confirmation
states"), a slot or window ("Slot was 12-6", "Booking window 8-1", "the AM slot"), a
quoted promise ("within 48 hours"), a time naming a visit ("a 2pm appointment"), or the
last of a chain of dates ("You told me Tuesday, then Friday"; "Tue 8-12 became Thu 12-4").
Times the customer gives for their own plans ("I need it by Friday") are stakes, a
duration after "for" is how long, not a deadline, and "2 weeks ago" is not a time we
gave. The value is shaped for the sentence it goes into: "with you by Friday", "ready by
Tues", "between 8am and 1pm", "within 14 days".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.sentences import Found, Sentence, keyed, keys_of
from recovery_cli.listen.times import ANY_TIME, TIME, first_part, loose, wording

_PREP = r"(?:(?P<prep>by|on|for|at|before|within|in|until|till)\s)?"
_PLAIN_FUTURE = r"will\s(?:now\s|definitely\s|still\s)?(?:come|arrive|be\shere)"
"""A plain future ("it will come 15th April"): a promise when we said it, not when asked."""
_LATER_LINK = r"\b(?:then|now|but\sthen)\b"
"""A later link of a chain of dates ("..., then Wednesday you said Friday")."""
_CUES = (
    r"promised|promises|promise\s(?:was|is|of)|guaranteed?|guarantees|assured|"
    r"(?:was|were)\s(?:due|told|booked|scheduled|assured|promised|quoted|advised)|"
    r"booked(?=\s(?:for\s)?\d)|(?:delivery|appointment|visit|engineer|technician|collection|"
    r"reader|surveyor|nurse|repair)\s(?:was\s|is\s)?booked|rebooked|scheduled|rescheduled\s(?:for|to)|arranged\sfor|"
    r"confirmed\sfor|supposed\sto|meant\sto|ment\sto|moved\sto|changed\sto|"
    r"(?:was|were)\sto\s(?:be\s(?:delivered|fitted|installed|collected|ready|here)|come|arrive)|"
    r"(?:(?<!\bi\s)(?<!\bwe\s)would|wud|(?<=\w)(?<!\bi)(?<!\bwe)'d|should|must)\s(?:now\s|definitely\s|still\s|only\s|be\s)?(?:be|arrive|"
    r"come|ship|reach|attend|call|visit|deliver|turn\sup|be\sdelivered|be\sready|be\ssent)|"
    r"will\s(?:now\sbe|be\s(?:delivered|with\syou|ready|dispatched|despatched))|"
    rf"{_PLAIN_FUTURE}|"
    r"told\s(?:me|us)|told(?=\s(?:on|by|in)\s)|"
    r"(?:delivery|revised|new|collection)\sdate\s(?:of|was|is|as)|"
    r"confirmed(?=\s(?:the\s)?(?:dispatch|despatch|delivery|installation|collection)\b)|"
    r"(?:(?<=the\s)|(?<=your\s)|(?<=ur\s))(?:engineer|driver|courier|technician|installer|"
    r"nurse|surveyor|van)\s(?:is\s|was\s|'s\s|were\s)?(?:still\s|now\s)?(?:coming|arriving|"
    r"expected)|(?:(?<=the\s)|(?<=my\s)|(?<=your\s))(?:delivery|parcel|order)\s(?:is\s|was\s|'s\s|were\s)?(?:still\s|now\s)?(?:coming|"
    r"arriving|expected)"
)
_CUED = keyed(
    "promis|guarantee|assured|due|told|booked|rebooked|scheduled|rescheduled|arranged|"
    "confirmed|supposed|meant|ment to|moved to|changed to|was to|were to|would|wud|'d|will|"
    "should|must|said|"
    "states|stated|date|advised|quoted|coming|arriving|expected",
    rf"\b(?P<cue>{_CUES})\b(?:\s(?:[^.\n]|\.(?=\d)){{0,50}}?)??\s{_PREP}\"?{TIME}",
)
_SAID = keyed(
    "said|says|say|told|promised|stated|states|written",
    r"\b(?P<cue>(?:you|u|they|he|she|store|shop|guy|lady|man|site|website|app|page|email|"
    r"confirmation|policy|terms|faq|brochure|agent|advisor|adviser|it|option|care|team|support|"
    r"desk|helpline|rep|staff)\s(?:said|says|say|states|"
    r"stated|is\swritten|promised|told\s(?:me|us)))\s(?:it\swould\sbe\s|it'?d\sbe\s|you\s\w{3,10}\s|that\s)?"
    rf"(?:(?!(?:the|next|this)\s)\w{{3,12}}\s)?{_PREP}\"?{TIME}",
)
_CHAIN = keyed(
    "then|became|moved to|changed to",
    rf"\b(?:then|became|moved\sto|changed\sto)\s(?:(?:(?:you|u|they)\s)?(?:said|promised|told(?:\sme|\sus)?)\s"
    rf"|to\s|it\swas\s)?\"?(?:definitely\s|probably\s|hopefully\s|maybe\s)?{_PREP}{TIME}",
)
_SAID_AFTER = re.compile(
    r"^[\s,]{0,3}(?:\w{1,12}\s){0,4}?(?:said|say|says|told|wrote|texted|emailed|promised|"
    r"apologised|apologized)\b|^\W{0,3}\"",
    re.I,
)
"""After "then on the 12th": the date it was said on, when what was said follows."""
_FAR = keyed(
    "said|say|says|states|stated|promised|told|quoted|agreed",
    rf"(?<!\bi\s)(?<!\bwe\s)\b(?P<cue>said|say|says|states|stated|promised|"
    r"told(?:\s(?:me|us))?|quoted|agreed)\b(?:\s(?:[^.\n]|\.(?=\d)){0,60}?)?\s"
    r"(?:(?P<prep>within|by|before)\s|(?=in\s(?:[\w-]{1,8}\s(?:to|or)\s[\w-]{1,8}|\d{1,2}-\d{1,2})"
    r"\s(?:(?:working|business)\s)?days?\b|in\s[\w-]{1,8}\s(?:working|business)\sdays?\b))"
    rf"\"?{TIME}",
)
"""A promise further from what said it: "your policy says refunds are issued within 14
days", "your website said Royal Mail special delivery by Weds", "your SMS told refund will
be credited in 7 working days"."""
_QUOTED_WITHIN = keyed(
    '"',
    r"\"(?:[^\"\n]{0,60}?\s)?(?P<cue>will|would|should)\s(?:[^\"\n]{0,40}?\s)?"
    rf"(?P<prep>within)\s{TIME}",
)
"""A quoted promise with its own modal: '"Refund ... will be processed within 5 working
days."' (a modal alone is anyone's: "I will be away by Friday")."""
_SAID_NOW = keyed(
    "said|told|quoted",
    rf"(?<!\bi\s)(?<!\bwe\s)\b(?P<cue>said|told|quoted)\s(?:me\s|us\s|it\swas\s|it'?d\sbe\s)?"
    rf"\"?{_PREP}{TIME}",
)
"""A time straight after "said" or "told": "Marco said 5-7 working days"."""
_SLOT = keyed(
    "slot|window",
    rf"(?:(?P<a>{TIME.replace('?P<', '?P<a_')})\s(?:delivery\s|appointment\s|booking\s)?"
    r"(?:slot|window)\b|\b(?:slot|window)(?::\s?|\s(?:was\s|is\s|of\s)?)"
    r"(?!\d{1,3}\s(?:days?|weeks?)|(?:in|for)\s)(?P<b>"
    + TIME.replace("?P<", "?P<b_")
    + r")|\b(?P<c>(?:am|pm|morning|afternoon|evening|all[\s-]day)\sslot))",
)
_VISIT = keyed(
    "appointment|booking|delivery|visit|collection",
    rf"\b(?:a|an|the|my|our)\s(?P<t>{TIME.replace('?P<', '?P<t_')})\s(?:appointment|booking|"
    r"delivery|visit|collection)\b",
)
_BOOKED_TIME = keyed(
    "appointment|booking|delivery|visit|collection|table|reservation|class|session|cleaning|"
    "check|consultation|fitting|viewing|haircut|treatment|lesson|tour|flight|train|call|pick|"
    "install|slot",
    rf"\b(?:my|our|the|a|an)\s(?P<t>{TIME.replace('?P<', '?P<t_')})\s(?:appointment|booking|"
    r"delivery|visit|collection|table|reservation|class|session|cleaning|check-?up|consultation|"
    r"fitting|viewing|haircut|treatment|lesson|tour|flight|train|call|pick-?up|install(?:ation)?)\b",
)
"""A time of day naming what was booked: "my 2:30 cleaning", "our 7pm table"."""
_TO_CATCH = re.compile(
    r"\b(?:for|catch|make|get|had|has|have)\s(?:a|an|the|my|our|his|her|their)\s$", re.I
)
_JOURNEY = re.compile(r"\s(?:flight|train|ferry|coach|bus)\b", re.I)


def _to_catch(text: str, start: int, end: int) -> bool:
    """Whether the time at `start`..`end` is a journey the customer had to make ("driving
    his wife to Heathrow for a 6am flight"): what something was needed by, not our promise."""
    return bool(_JOURNEY.match(text, end) and _TO_CATCH.search(text, 0, start))


_QUOTED = keyed('"', r"\"(?P<q>[^\"\n]{1,40})\"(?:\s(?P<noun>delivery|service|turnaround))?", 0)
_NOT_OURS = re.compile(r"(?:[£$€]\s?\d[\d,.]{0,9}\s(?:per\s)?|\blast\s|\bsince\s)$", re.I)
"""Before a time: a price ("£30 a month"), a day gone by ("last Saturday") or a wait."""
_NOT_PROMISED = re.compile(
    r"\b(?:try|back|short|pause|paused|away|until|till|maybe|perhaps|possibly|hopefully|another|"
    r"further|extra|rescheduled|moved|new|"
    r"hours|open|opening|closed|collections?|delivered|arrived|came|was|were|last|suitable|"
    r"from|aged?|ages|left|nothing)\b",
    re.I,
)
"""Before a time in a quote, words that make it something other than our promise: advice
("try Friday", "come back tomorrow"), a hope ("maybe Monday"), a new date or more time
given after the promise broke ("another 7-10 days", "rescheduled to 19th"), opening hours,
a time gone by ("delivered Tuesday"), an age a product suits ("suitable from 10 months"),
what is left ("nothing left tonight")."""
_GONE = re.compile(r"\s(?:yesterday|ago|last|of)\b", re.I)
"""After a time in a quote: it is past ("7am-7pm yesterday") or a length of something else
("3 weeks of runaround")."""
_ORIGINAL = re.compile(r"\b(?:orig(?:inally)?|at\sfirst|first)\b[^.\n]{0,30}$", re.I)
"""Before a promise: the first of a chain ("orig booked 3/11"), not the one that stands."""
_EARLIER = re.compile(r"\bafter\s(?:the\s)?$", re.I)
"""Before a date after "promised": the dates broken before, listed after the one that stands."""
_THEN = re.compile(_LATER_LINK + r"[^.\n]{0,25}$", re.I)
"""Before a promise: a later link of a chain of dates."""
_NOT_A_DEADLINE = re.compile(
    r"\b(?:i|we)\s(?:have|had|need|needed|must|want|wanted|'ve\sgot)\s(?:to\b|an?\s)|"
    r"\bfor(?:\s(?:more|less|longer)(?:\sthan)?|\sover|\sunder|\sup\sto)?\s$",
    re.I,
)
"""Between a cue and a time: the customer's own need ("says I have to accept by 5pm") or a
length ("back-bill for more than 12 months")."""
_COUNTED = re.compile(r"(?<![\d,.£$€])\b\d{1,3}\s[a-z]{3,12}\s$", re.I)
_A_SPAN = re.compile(r"an?\s", re.I)
"""Before a length: a count it is the rate of ("3 visits a day")."""
_LATER_OR_RATE = re.compile(r"\s(?:later|late|longer|behind|apart|each|per)\b", re.I)
"""After a length: how much later or how often, not by when ("put on a flight 26 hours
later")."""
_TOLD_ON = re.compile(
    r"\b(?:told|said|rang|called|emailed|booked|ordered)\s(?:me\s|us\s|it\s)?(?:on|at)\s$", re.I
)


KEYS = keys_of(
    [_CHAIN, _CUED, _SAID, _FAR, _QUOTED_WITHIN, _SAID_NOW, _SLOT, _VISIT, _BOOKED_TIME, _QUOTED]
)
"""Words one of which a sentence needs before `promises` can find anything in it."""


_WILL_COME = re.compile(_PLAIN_FUTURE, re.I)
_LATER = re.compile(_LATER_LINK, re.I)
"""Anywhere before a plain future: a later link of a chain of dates."""
_HOPED = re.compile(
    r"\b(?:whether|if|hope|hoping|hopefully|checking|wondering|sure|think|know|when)\b", re.I
)
"""Before "will come": a hope or a question, not something we told them."""


def promises(sentence: Sentence, text: str) -> Iterable[Found]:
    """Promised times in one sentence; `text` is the message, for the chain of dates."""
    chained = -1  # where the sentence's last link of a chain of dates ends
    for match in _CHAIN.finditer(sentence):
        chained = match.end()
        before = text[max(0, sentence.start + match.start() - 150) : sentence.start + match.start()]
        after = sentence.text[match.end() : match.end() + 60]
        said_on = (match.group("prep") or "").lower() in {"on", ""} and '"' not in match.group()
        told = said_on and _SAID_AFTER.search(after)
        if ANY_TIME.search(before) and not told and not _moved_on(match, sentence, text):
            yield _found(sentence, match, -3, 0.85)
    for pattern in (_CUED, _SAID, _FAR, _QUOTED_WITHIN, _SAID_NOW):
        for match in pattern.finditer(sentence):
            part = first_part(match)
            before = sentence.text[: match.start(part)]
            if _TOLD_ON.search(before):
                continue  # "told me on Monday": when it was said, not what
            if _NOT_OURS.search(before):
                continue  # "£30 a month", "last Saturday": a price or a day gone by
            if (match.group("prep") or "").lower() == "for" and part == "dur":
                continue  # "for a week": how long, not by when
            between = sentence.text[
                match.end("cue") : match.start("prep") if match.group("prep") else match.start(part)
            ]
            if _to_catch(sentence.text, match.start(part), match.end()):
                continue
            if _NOT_A_DEADLINE.search(between) or (
                part == "dur"
                and (
                    (_COUNTED.search(between) and _A_SPAN.match(match.group("dur")))
                    or _LATER_OR_RATE.match(sentence.text, match.end())
                )
            ):
                continue  # "says I have to accept by 5pm", "a flight 26 hours later"
            cue = match.group("cue").lower()
            if pattern in (_FAR, _QUOTED_WITHIN) and ANY_TIME.search(
                sentence.text[match.end("cue") : match.start(part)]
            ):
                continue  # a nearer time is the promise
            if (
                pattern in (_SAID, _SAID_NOW)
                and part == "range"
                and not re.search(r"[ap]m|[:.]|between", match.group("range"), re.I)
            ):
                continue  # "said 5-7" (working days on the next line): not a window
            rank = -1 if "told" in cue or "said" in cue else -2
            if _WILL_COME.match(cue):
                if "?" in sentence.text or _HOPED.search(before):
                    continue  # "checking my roof bars will come before Friday?": asked, not told
                rank = 0  # a slot, a window or a "said" says it more surely
                if _LATER.search(sentence.text, 0, match.start()):
                    rank = -3  # "..., then your colleague said sorry, it will come 15th April"
            if _ORIGINAL.search(before):
                rank = 2
            elif _THEN.search(sentence.text[: match.start()]) or 0 <= chained <= match.start():
                rank = -3  # "..., then Wednesday you said Friday": the chain's latest
            if _EARLIER.search(before):
                continue  # "the third promised date now, after the 2nd and the 9th": gone by
            if _ULTIMATUM.search(before):
                continue  # "he'll go to the ombudsman if no call by Thurs": their deadline
            if _moved_on(match, sentence, text):
                continue  # "the job had been moved to next week": a new date, not yet broken
            yield _found(sentence, match, rank, 0.85)
    yield from _slots(sentence)
    yield from _quoted(sentence)


_ULTIMATUM = re.compile(
    r"\b(?:if|unless)\s(?:no|not|there's\sno|there\sis\sno|nobody|no\sone|i\s(?:don't|haven't|do\snot)|"
    r"we\s(?:don't|haven't)|he\s(?:doesn't|hasn't)|she\s(?:doesn't|hasn't)|it's\snot|it\sisn't)\b"
    r"[^.!?\n]{0,40}$",
    re.I,
)
"""Before a time: the customer's ultimatum ("... the ombudsman if no call by Thurs"), a
deadline of theirs, not a promise of ours."""
_MOVED = re.compile(
    r"\b(?:rescheduled|rebooked|postponed|moved|changed|new\sdate|revised\sdate|pushed\sback|"
    r"now\s(?:told|says|saying))\b",
    re.I,
)
_BROKEN_TOO = re.compile(
    r"\b(?:came\sand\swent|still|nothing|nobody|no\sone|no-one|no-show|didn'?t|did\snot|never|"
    r"not\shere|not\sattend|failed|"
    r"passed|missed|again|today|guaranteed|off\swork|day\soff|took\sthe\s\w+\soff|now|then)\b",
    re.I,
)


def _moved_on(match: re.Match[str], sentence: Sentence, text: str) -> bool:
    """Whether a promise is a new date given after the promise broke ("the job had been moved
    to next week", "now told 24 Jun", "Rebooked Sat 22nd"): not yet broken, so never the
    promise a draft says we missed, unless what follows says it broke too ("Rescheduled to
    Friday. Nobody came again.")."""
    end = sentence.start + match.end()
    moved = _MOVED.search(sentence.text, max(0, match.start() - 12), match.end())
    return bool(moved) and not _BROKEN_TOO.search(text, end, end + 150)


def _slots(sentence: Sentence) -> Iterable[Found]:
    """Slots, windows and visits: "the 8am-1pm slot", "Slot was 12-6", "a 2pm appointment"."""
    for pattern, names in ((_SLOT, ("a", "b", "c")), (_VISIT, ("t",)), (_BOOKED_TIME, ("t",))):
        for match in pattern.finditer(sentence):
            name = next(name for name in names if match.group(name))
            if pattern is _BOOKED_TIME and not match.group("t_clock"):
                continue  # only a time of day: "the 2 week delivery" is not a booking
            if pattern is _BOOKED_TIME and _to_catch(
                sentence.text, match.start(name), match.end(name)
            ):
                continue  # "driving his wife to Heathrow for a 6am flight": what it was for
            words = match.group(name)
            value = f"in the {words}" if name == "c" else loose(words)
            if value:
                start = sentence.start + match.start(name)
                yield Found("promised", value, start, start + len(words), 0.8, 1)


def _quoted(sentence: Sentence) -> Iterable[Found]:
    """A promise quoted back at us: "within 48 hours", "end of day"."""
    for match in _QUOTED.finditer(sentence):
        quote = match.group("q")
        if len(quote.split()) > 6:
            continue
        inner = ANY_TIME.search(quote)
        if inner is None or _NOT_OURS.search(quote[: inner.start()]):
            continue
        if _NOT_PROMISED.search(quote[: inner.start()]) or _GONE.match(quote[inner.end() :]):
            continue  # "be back Monday", "maybe next week", "7am-7pm yesterday"
        if _MOVED.search(sentence.text, max(0, match.start() - 25), match.start()):
            continue  # 'the new date is "up to 30 working days"': given after it broke
        start = sentence.start + match.start("q")
        noun = match.group("noun")
        if (
            noun
            and inner.group("dur")
            and not inner.group("dur").lower().startswith(("in", "within"))
        ):
            value = f"a {inner.group('dur').lower()} {noun}"
        else:
            value = wording(inner)
        yield Found("promised", value, start, start + len(quote), 0.8, -1)


def _found(sentence: Sentence, match: re.Match[str], rank: int, sure: float) -> Found:
    start = match.start("prep") if match.group("prep") else match.start(first_part(match))
    frame = _frame(sentence.text[: match.end()])
    value = _IN_DAYS.sub("within ", wording(match, match.group("prep"), frame))
    return Found(
        "promised", value, sentence.start + start, sentence.start + match.end(), sure, rank
    )


_IN_DAYS = re.compile(r"^in\s(?=[\w-]{1,8}\s(?:working\s|business\s)?days?\b)")
"""A promised span said as "in 7 working days": a draft says "within 7 working days"."""


def _frame(text: str) -> str:
    """The words before the time that say what was promised: ready, sent or with you; the
    nearest wins ("dispatched and will arrive on 14 March" is "with you on 14 March")."""
    frames = [match.lastgroup or "" for match in _FRAMES.finditer(text)]
    return _FRAME_OF[frames[-1]] if frames else ""


_FRAMES = re.compile(
    r"(?P<ready>ready)|(?P<sent>\b(?:ship|dispatch|despatch|sent|send|post))|"
    r"(?P<with>\b(?:deliver|arriv|come|here|with\sme|due))",
    re.I,
)
_FRAME_OF = {"ready": "ready ", "sent": "sent ", "with": "with you "}
