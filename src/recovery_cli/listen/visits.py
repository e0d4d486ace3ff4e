"""What a booked visit was for, in the customer's words: "your boiler service".

A missed appointment is answered better when it names the visit: "your fibre install
didn't happen when we said it would", "the engineer didn't turn up for your boiler
repair". Customers and agents name it in a few plain shapes:

- a visit word with what it was for before it: "my boiler service", "the smart meter
  install", "our fridge freezer delivery", "her dental appt";
- a note's first words, booked: "Boiler repair booked for today 8-12", "Fibre install was
  booked for today 1-6".

Only a visit with something before its word is kept: "your appointment" says no more than
the playbook's own wording. A time, a day or an order word before it ("my 8-12 slot", "the
rescheduled visit", "Friday's delivery") is not what it was for.

It is the `appointment` fact; missed-appointment's default issue names it ("{appointment}
didn't happen when we said it would"),
and a clause that says only who did not come ("the engineer didn't turn up") is said with
it (`with_visit`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only names the visit in a sentence the playbook already says."""

_VISITS = (
    r"appointment|appt|visit|install|installation|repair|service|inspection|delivery|"
    r"collection|pickup|pick-up|fitting|survey|assessment|consultation|viewing|check-?up|"
    r"test|measure-up|callout|call-out"
)
_WORD = r"[A-Za-z][\w'-]{1,20}"
_VISIT_KEYS = words(
    """
    appointment appt visit install repair service inspection delivery collection pickup
    pick-up fitting survey assessment consultation viewing check test measure callout call-out
    """
)
"""The visit words' keys: a key is found where a word starts ("install" in "installation")."""
_BEFORE = Keyed(
    _VISIT_KEYS,
    rf"\b(?:my|our|the|your|his|her|their|a|an)\s(?P<np>(?:{_WORD}\s){{1,3}}(?:{_VISITS}))\b",
)
_BOOKED = Keyed(
    {"booked", "scheduled", "arranged"},
    rf"^(?P<np>(?:{_WORD}\s){{0,3}}(?:{_VISITS}))\s(?:was\s|is\s|had\sbeen\s)?"
    r"(?:booked|scheduled|arranged)\b",
)
KEYS = register(_BEFORE.keys | _BOOKED.keys)
"""Words one of which a sentence needs before a visit can be read in it."""

_NOT_WHAT_FOR = words(
    """
    today today's tomorrow tomorrow's yesterday yesterday's morning afternoon evening am pm
    monday tuesday wednesday thursday friday saturday sunday monday's tuesday's wednesday's
    thursday's friday's saturday's sunday's next last first second third original new
    rescheduled missed booked planned arranged agreed same other whole scheduled follow-up
    follow up promised latest earlier later previous usual routine annual regular this that
    these those another customer cust customer's cx home free paid online phone telephone
    urgent emergency priority standard quick short long full two-hour all-day firm the a an my our
    your their his her and or of to for with at on in by from any after before during until
    """
)
"""Words before a visit word that say when or which visit, not what it was for."""
_PERSONS = words("me us him them it i we you they he she")
"""A pronoun before a visit word ends what it was for ("assured me collection")."""
_SAYS_WHAT_FOR = words("assisted managed guided supervised accompanied speed seed")
"""Words ending "-ed" that are not verbs before a visit word ("your assisted collection")."""
_PART_OF_A_PLACE = words("department dept desk centre center team manager estimate")
"""A word after a visit word that makes it a place or a paper ("service department")."""
_SHORT = {"appt": "appointment"}


def visits(sentence: Sentence) -> Iterable[Found]:
    """What a booked visit was for, worded as "your ..."."""
    for pattern, rank in ((_BEFORE, 0), (_BOOKED, 1)):
        for match in pattern.finditer(sentence):
            named = _named(match.group("np"), starts=pattern is _BOOKED)
            after = sentence.text[match.end("np") :].split(maxsplit=1)[:1]
            if named is None or (after and after[0].lower().strip(".,;:!?") in _PART_OF_A_PLACE):
                continue
            start = sentence.start + match.start("np")
            yield Found("appointment", f"your {named}", start, sentence.start + match.end("np"),
                        CONFIDENCE, rank)  # fmt: skip


def _named(run: str, starts: bool) -> str | None:
    """The visit and what it was for, or None when nothing before its word says what for;
    `starts` when the run starts its sentence, so a capital may be the sentence's."""
    parts = run.split()
    *before, visit = parts
    kept: list[str] = []
    for word in reversed(before):  # from the visit word back: "my 8-12 boiler service"
        lowered = word.lower()
        if lowered in _NOT_WHAT_FOR or lowered in _PERSONS or not word[0].isalpha():
            break
        if lowered.endswith("ed") and len(lowered) > 4 and lowered not in _SAYS_WHAT_FOR:
            break  # "shop assured me collection": a verb, not what the visit was for
        kept.insert(0, word)
    if not kept:
        return None
    said = [*kept, _SHORT.get(visit.lower(), visit)]
    if starts and len(said) == 2 and said[0][:1].isupper() and said[0][1:].islower():
        said[0] = said[0].lower()  # "Boiler repair booked": a capital for the sentence only
    return unshout(" ".join(said))


_NO_SHOW = re.compile(
    r"^(?P<who>(?:the|our|your)\s(?:[a-z-]{2,15}\s)?(?:engineer|technician|tech|installer|"
    r"fitter|plumber|electrician|nurse|driver|crew|team|assessor|surveyor|inspector|adjuster|"
    r"courier|man|guy|lady|carer|cleaner|cleaners|fitters|engineers|drivers|mechanic))\s"
    r"(?P<verb>didn't\s(?:turn\sup|come|show(?:\sup)?|arrive|attend)|did\snot\s(?:turn\sup|come|"
    r"show(?:\sup)?|arrive|attend)|never\s(?:came|turned\sup|showed(?:\sup)?|arrived|attended)|"
    r"(?:was|were)\sa\sno-show|no-showed)$"
)


def with_visit(issue: str, visit: str) -> str | None:
    """Who did not come, said with what they were booked for: "the engineer didn't turn up"
    and "your fibre install" read "the engineer didn't turn up for your fibre install"."""
    if _NO_SHOW.match(issue) is None or visit.lower().split()[-1] in issue.lower():
        return None
    return f"{issue} for {visit}"
