"""Which of our services is down for the customer, in their words: "our app", "your broadband".

service-outage's reply names what stopped working ("our app hasn't been working for you")
instead of "our service". The customer names it beside what happened to it ("your app keeps
crashing", "my broadband has been down since Monday", "the website won't load") or by its
absence ("no broadband for 3 days", "no water since 6am").

Only a service word of one thing is read (the app, the website, the line: each reads with
"hasn't"), with up to two words before it ("the smart meter app"). Whose it is follows the
customer: their "your app" is ours ("our app"), their "my broadband" is theirs ("your
broadband"); "the" is ours for what we run (an app, a website, a portal) and theirs for
what comes into their home (broadband, heating, water).
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only names what the playbook already says stopped working."""

_OURS = words("app website site portal platform system checkout server")
"""What we run: "the app" is ours."""
_THEIRS = words(
    """
    broadband internet wifi wi-fi connection line landline signal network heating water
    power electricity tv stream streaming
    """
)
"""What comes into the customer's home: "the broadband" is theirs."""
_SERVICE = (
    r"(?:app|website|site|portal|platform|system|checkout|server|broadband|internet|wi-?fi|"
    r"connection|(?:phone\s)?line|landline|signal|network|heating|water|power|electricity|tv|"
    r"stream|streaming)"
)
_DOWN = (
    r"(?:down|not\sworking|isn'?t\sworking|is\snot\sworking|stopped\sworking|won'?t\s(?:load|"
    r"open|work|connect)|keeps?\s(?:crashing|dropping|freezing|failing|going\soff)|crash(?:ed|"
    r"es|ing)?|offline|dead|dropping|unavailable|failing|outage|cut\soff|off\sagain|gone\soff)"
)
_DOWN_KEYS = words(
    """
    down working load open connect crash crashed crashes crashing keeps keep offline dead
    dropping unavailable failing outage cut off
    """
)
_NAMED_DOWN = Keyed(
    _DOWN_KEYS,
    rf"\b(?P<det>your|ur|the|my|our)\s(?P<np>(?:[a-z][\w-]{{1,14}}\s){{0,2}}?{_SERVICE})\b"
    rf"(?:\s(?:has|have|is|'s|has\sbeen|is\sstill|still|keeps|just|completely|totally)){{0,2}}\s"
    rf"{_DOWN}\b",
)
_NONE = Keyed(
    {"no"},
    r"\bno\s(?P<np>broadband|internet|wi-?fi|signal|water|heating|hot\swater|power|electricity|"
    r"(?:phone\s)?line|landline|connection|tv)\b(?!\s(?:issue|problem|fault|bill|charge))",
)
KEYS = register(_NAMED_DOWN.keys | _NONE.keys)
"""Words one of which a sentence needs before a service can be read in it."""

_NOT_A_SERVICE = words("same other whole new old main usual")
"""Words before a service word that do not say which service ("the whole system")."""


def outages(sentence: Sentence) -> Iterable[Found]:
    """What stopped working, worded as "our ..." or "your ..."."""
    for match in _NAMED_DOWN.finditer(sentence):
        name = match.group("np")
        if name.split()[0].lower() in _NOT_A_SERVICE:
            continue
        whose = _whose(match.group("det").lower(), name.split()[-1].lower())
        start = sentence.start + match.start("np")
        yield Found("service", f"{whose} {unshout(name)}", start, start + len(name), CONFIDENCE)
    for match in _NONE.finditer(sentence):
        name = match.group("np")
        start = sentence.start + match.start("np")
        yield Found("service", f"your {name.lower()}", start, start + len(name), CONFIDENCE, 1)


def _whose(determiner: str, head: str) -> str:
    """Whose the service is in our reply: the customer's "your app" is "our app"."""
    if determiner in ("my", "our"):
        return "your"  # the customer's own, or their household's
    if determiner in ("your", "ur"):
        return "our"
    return "our" if head in _OURS else "your"
