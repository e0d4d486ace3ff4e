"""What a booked visit was for, in the customer's words: "your boiler service".

A missed appointment is answered better when it names the visit: "your fibre install
didn't happen when we said it would", "the engineer didn't turn up for your boiler
repair". Customers and agents name it in a few plain shapes:

- a visit word with what it was for before it: "my boiler service", "the smart meter
  install", "our fridge freezer delivery", "her dental appt";
- a note's first words, booked: "Boiler repair booked for today 8-12", "Fibre install was
  booked for today 1-6";
- who was booked, and to do what (`visitors`): "Your electrician was meant to come at 8 to
  fix the socket" is "the visit from our electrician to fix the socket" (the customer's
  "your" is ours), "Nurse was booked for 10am" is "the visit from the nurse".

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

from recovery_cli.listen.items import modifiers_before
from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import quiet_words, unshout

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
_AFTER_A_THING = (
    r"today|tomorrow|tonight|yesterday|this|at|on|in|between|from|by|for|and|but|which|that|"
    r"because|as|so|then|or|before|after|with|until|since|it|they|he|she|we|i|is|was|were|are|"
    r"has|had|did|didn't|never|no"
)
"""Words that end what a visitor was booked to work on ("to fix the boiler between 8 ...")."""
_VISITORS = (
    r"engineers?|technicians?|tech|installers?|fitters?|plumber|electrician|nurse|driver|crew|"
    r"surveyor|inspector|assessor|adjuster|carer|cleaners?|mechanic|optician|physio|roofer|"
    r"locksmith|courier|valuer|gardener|decorator|painter|builder|joiner|glazier"
)
_DUE = (
    r"(?:(?:was|were|is|had\sbeen)\s)?"
    r"(?:booked|scheduled|due|(?:meant|supposed|sposed)\s(?:to|2))\b"
)
_WORK = (
    r"fix|fit|install|service|repair|connect|collect|check|replace|change|measure|set\sup|"
    r"assess|value|survey|unblock|clean|deliver|start|look\sat|sort|do|cut|mow|trim|paint"
)
_VISITOR = Keyed(
    words(
        """
        engineer tech installer fitter plumber electrician nurse driver crew surveyor inspector
        assessor adjuster carer cleaner mechanic optician physio roofer locksmith courier valuer
        gardener decorator painter builder joiner glazier
        """
    ),
    rf"(?:\b(?P<det>my|our|your|ur|the|an?)\s|^(?:@\w{{1,30}}\s)?|(?<=[-–:]\s)|(?<=\badvises\s)|"
    rf"(?<=\bsays\s)|(?<=\breports\s))(?P<mod>(?:[A-Za-z][\w-]{{1,20}}\s)"
    rf"{{0,3}}?)(?P<who>{_VISITORS})\s{_DUE}(?:[^.;!?\n]{{0,45}}?(?:(?:\s|\b)(?:(?:to|2)\s)?"
    rf"(?P<verb>{_WORK})\s(?P<whose>the|my|our|her|his|a|an)\s(?P<thing>(?:[A-Za-z][\w-]{{1,19}}\s){{0,3}}?"
    rf"[A-Za-z][\w-]{{1,19}})(?=\s(?:{_AFTER_A_THING})\b|[,.;:!?)]|$)"
    rf"|\sfor\s(?:(?P<fwhose>the|my|our|her|his)\s)?(?P<fthing>(?:[A-Za-z][\w-]{{1,19}}\s){{0,2}}?"
    rf"[A-Za-z][\w-]{{1,19}})(?=\s(?:{_AFTER_A_THING})\b|[,.;:!?)]|$)))?",
)
"""Who was booked to come, and what for: "your electrician was meant to come at 8 to fix the
socket", "Engineer was booked 8-12 today for the boiler"."""
KEYS = register(_BEFORE.keys | _BOOKED.keys | _VISITOR.keys)
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
_SAYS = words("says said advises reports states explains confirms mentions caller called hi hey ur")
"""A note's verb before who was booked ("Says engineer was booked ...")."""
_OWNERS = words("my our your ur the a an")
"""Whose visitor, as the customer put it ("ur plumber" is ours)."""
_NOT_A_THING = _PERSONS | words(
    """
    this that slot time day appointment appt visit today tomorrow morning afternoon evening am
    pm monday tuesday wednesday thursday friday saturday sunday week weekend
    """
)
"""Words that make what a visitor came for a when or a pronoun ("for the 8-12 slot")."""
_NOT_WHO = _NOT_WHAT_FOR | _PERSONS | _SAYS
"""Words before a visitor that say which or when, a pronoun or a note's verb: not who."""
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
    yield from visitors(sentence)


def visitors(sentence: Sentence) -> Iterable[Found]:
    """Who was booked to come and what for, worded as "the visit from our engineer to fix
    your boiler": ranked below a visit named by what it was for ("your boiler repair")."""
    for match in _VISITOR.finditer(sentence):
        who = _visitor(match)
        if who is None:
            continue
        purpose = _purpose(match)
        if purpose is None and match.group("verb") is None and match.group("fthing") is None:
            end = match.end("who")
        else:
            end = match.end()
        value = f"the visit from {who}{'' if purpose is None else ' ' + purpose}"
        start = sentence.start + (match.start("det") if match.group("det") else match.start("mod"))
        yield Found("appointment", value, start, sentence.start + end, CONFIDENCE, 2)


def _visitor(match: re.Match[str]) -> str | None:
    """ "the engineer", "our solar engineer", "the window cleaners": who was booked."""
    det = (match.group("det") or "").lower()
    mods = match.group("mod").split()
    kept = modifiers_before(mods, _ends_who)
    stopper = mods[-len(kept) - 1] if len(kept) < len(mods) else ""
    if stopper and (stopper.lower() in _NOT_WHO or not stopper.isalpha()):
        det = det or stopper.lower()  # "hi ur plumber": the sentence began before the det
    if len(kept) < len(mods) and det not in _OWNERS:
        kept = []  # "says engineer", "Mrs Ferris advises boiler engineer": only the words kept
    if kept and match.start("mod") == 0 and kept[0][1:].islower():
        kept[0] = kept[0].lower()  # "Stair lift engineer was booked": the sentence's capital
    owner = "our" if det in {"your", "ur"} else "your" if det == "my" else "the"
    who = " ".join([*kept, match.group("who")])
    who = unshout(who if who[:1].islower() or kept else who.lower())
    return f"{owner} {who}"


def _ends_who(word: str) -> bool:
    """Whether a word before the visitor stops what says who ("says", "booked", "2pm")."""
    lowered = word.lower()
    return (
        lowered in _NOT_WHO
        or not word.isalpha()
        or (lowered.endswith("ed") and lowered not in _SAYS_WHAT_FOR)
    )


def _purpose(match: re.Match[str]) -> str | None:
    """ "to fix your boiler", "for your boiler service": what the visitor was coming to do."""
    if match.group("verb") is not None:
        whose, thing, lead = match.group("whose"), match.group("thing"), "to " + match.group("verb")
    elif match.group("fthing") is not None:
        whose, thing, lead = match.group("fwhose"), match.group("fthing"), "for"
        if whose is None and thing.split()[-1].lower() not in _VISIT_KEYS:
            return None  # "booked for Monday": when, not what for
    else:
        return None
    said = thing.split()
    if any(word.lower() in _NOT_A_THING for word in said):
        return None  # "to fix it", "for the 8-12 slot"
    owner = {"my": "your", "our": "your", None: "your"}.get(whose and whose.lower(), whose)
    return f"{lead.lower()} {owner} {quiet_words(said)}"  # "my NEW business line"


def _named(run: str, starts: bool) -> str | None:
    """The visit and what it was for, or None when nothing before its word says what for;
    `starts` when the run starts its sentence, so a capital may be the sentence's."""
    parts = run.split()
    *before, visit = parts
    kept = modifiers_before(before, _ends_what_for)  # "my 8-12 boiler service": "boiler"
    if not kept:
        return None
    said = [*kept, _SHORT.get(visit.lower(), visit)]
    if starts and len(said) == 2 and said[0][:1].isupper() and said[0][1:].islower():
        said[0] = said[0].lower()  # "Boiler repair booked": a capital for the sentence only
    return unshout(" ".join(said))


def _ends_what_for(word: str) -> bool:
    """Whether a word before the visit stops what says what it was for: a person, a number,
    a verb ("shop assured me collection")."""
    lowered = word.lower()
    return (
        lowered in _NOT_WHAT_FOR
        or lowered in _PERSONS
        or not word[0].isalpha()
        or (lowered.endswith("ed") and len(lowered) > 4 and lowered not in _SAYS_WHAT_FOR)
    )


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
    visitor = _VISITOR_SAID.match(visit)
    if visitor is None:
        return f"{issue} for {visit}"
    purpose = visitor.group("purpose")  # "the visit from our engineer to fix the boiler"
    return None if purpose is None else f"{issue} {purpose}"


_VISITOR_SAID = re.compile(
    r"^the\svisit\sfrom\s(?:the|our|your)\s[\w\s-]{1,60}?(?:\s(?P<purpose>(?:to\s\w+|for)\s.+))?$"
)
"""A visit read as who was booked (`visitors`), with what for when the message said it."""
