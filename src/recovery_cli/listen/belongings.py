"""What of the customer's was damaged in a mishap, in their words: "your coat", "her dress".

in-person-mishap's reply names it where it pays for the damage ("we'll pay for cleaning or
replacing your coat") instead of "what was damaged". Customers say it in three shapes:

- what was done to it: "ripped my trousers", "scratched my car", "dropped a plate on my
  phone";
- where something spilt or fell: "spilled tea over my skirt", "a glass of red wine went
  straight down the front of her dress";
- the thing, then what happened to it: "my coat was ruined", "my suede boots are stained".

Only a belonging: a part of the body ("broke my arm", "burned my scalp") is an injury, which
the playbook asks about, and a day, a trip or a person is not something to clean or replace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only names what the playbook already offers to clean or replace."""

_HARMED = (
    r"ruined|stained|damaged|ripped|tore|torn|scratched|scuffed|dented|smashed|broke|broken|"
    r"cracked|soaked|drenched|splashed|scorched|chipped|snapped|shattered|marked"
)
_FELL = r"spill(?:ed|t)|knock(?:ed)|tipp(?:ed)|splash(?:ed)|pour(?:ed)|dropp(?:ed)|went|landed|fell"
_THING = r"(?:[A-Za-z][\w'-]{1,19}\s){0,2}?[A-Za-z][\w-]{1,19}"
_END = (
    r"(?=\s(?:and|but|with|in|at|on|by|when|while|as|so|which|that|who|during|after|before|"
    r"from|for|to|today|yesterday|this|last|again|completely|beyond|all|too|somewhere|here|"
    r"there)\b|\s?[,.;:!?)(\"]|"
    r"\s[-–]\s|$)"
)
_KEYS = words(
    """
    ruin stain damag rip tore torn scratch scuff dent smash broke crack soak drench splash
    scorch chip snap shatter mark spill spilt knock tip pour drop went landed fell
    """
)
_DONE_TO = Keyed(
    _KEYS,
    rf"\b(?:(?P<verb>{_HARMED})\s(?P<whose>my|our|her|his|their)|dropped\s(?P<mine>my|our))\s"
    rf"(?P<thing>{_THING}){_END}",
)
"""What was done to it ("ripped my trousers"); a thing dropped only when it is the
customer's ("dropped my suitcase", never "dropped his drill on it")."""
_LANDED_ON = Keyed(
    _KEYS,
    rf"\b(?:{_FELL})\b[^.;!?\n]{{0,60}}?\s(?:all\sover|over|on|onto|down|across|into)\s"
    r"(?:the\s(?:front|back|side|top|sleeve)\sof\s)?"
    rf"(?P<whose>my|our|her|his|their)\s(?P<thing>{_THING}){_END}",
)
"""Where something spilt or fell ("spilled tea over my skirt")."""
_WAS_HARMED = Keyed(
    _KEYS,
    rf"\b(?P<whose>my|our|her|his|their)\s(?P<thing>{_THING})\s(?:was|were|is|are|got|has\sbeen|"
    rf"have\sbeen)\s(?:\w+\s)?(?P<verb>{_HARMED})\b",
)
"""The thing, then what happened to it ("my coat was ruined")."""
KEYS = register(_KEYS)
"""Words one of which a sentence needs before a damaged belonging can be read in it."""

_NOT_A_BELONGING = words(
    """
    arm arms leg legs wrist wrists ankle ankles finger fingers hand hands foot feet toe toes
    head nose tooth teeth back neck shoulder shoulders knee knees hip hips ear ears face eye
    eyes skin scalp lip lips chin chest elbow thumb body bones bone rib ribs heel lap
    son daughter child kids children wife husband partner mum mom dad mother father baby
    friend friends sister brother nan gran grandson granddaughter dog cat
    day evening night morning afternoon holiday trip plans plan time weekend birthday
    anniversary meal dinner lunch breakfast visit stay experience confidence trust heart
    wedding funeral party christening graduation interview meeting
    nerves mood it them this that one ones way name
    """
)
"""What is not a belonging to clean or replace: the body, a person, a pet, a day, a feeling."""
_SMALL = words("a an the of and or")
_OWN_DOING = re.compile(r"\b(?:I|I've|I\shad|we|we've)\s$", re.I)
_OWNER = {"my": "your", "our": "your", "her": "her", "his": "his", "their": "their"}


def belongings(sentence: Sentence) -> Iterable[Found]:
    """What of the customer's was damaged, worded as "your coat" (or "her dress")."""
    for rank, pattern in enumerate((_DONE_TO, _LANDED_ON, _WAS_HARMED)):
        for match in pattern.finditer(sentence):
            if _OWN_DOING.search(sentence.text, max(0, match.start() - 12), match.start()):
                continue  # "I dropped my phone": not ours to pay for
            thing = match.group("thing")
            said = thing.lower().split()
            if any(word in _NOT_A_BELONGING for word in said) or said[0] in _SMALL:
                continue
            whose = "whose" if match.group("whose") else "mine"
            owner = _OWNER[match.group(whose).lower()]
            start = sentence.start + match.start(whose)
            end = sentence.start + match.end("thing")
            yield Found("damaged", f"{owner} {unshout(thing)}", start, end, CONFIDENCE, rank)
