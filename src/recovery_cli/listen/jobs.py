"""What someone was sent to work on, in the customer's words: "your kitchen fitting", "the
work on your new boiler".

partner-poor-work's reply names it ("your kitchen fitting wasn't done properly") instead of
"the work we sent someone to do". Customers and agents name the job in three plain shapes:

- the job itself, a thing and a work word: "Subject: Kitchen fitting - awful job", "re
  carpet fitting on 12/3", "our annual boiler service", "Heat pump install - absolute
  guddle": "your kitchen fitting";
- what was done to the thing: "the engineer you sent to install my new boiler", "Brodie
  Plumbing fitted our air source heat pump on Thursday", "your contractor came to replace
  the rotten window frame": "the work on your new boiler";
- the thing, done: "Had a new boiler fitted via HomeFix", "Kitchen fitted Mon-Wed by our
  installer": "the work on your new boiler", "the work on your kitchen".

Not read: work the customer did themselves ("I fixed it myself"), a thing named only by a
pronoun or a time ("to fix it", "for the 8-12 slot"), and work that is only asked for ("I
want someone to fix the wall") - what went wrong is what was done, not what is wanted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from recovery_cli.listen.items import modifiers_before
from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import quiet_words, unshout

CONFIDENCE = 0.8
"""Sure: it only names the work the playbook already says was not done properly."""

_DONE = (
    r"fitted|installed|instal+ed|laid|repaired|serviced|replaced|tiled|plastered|mounted|"
    r"rewired|assembled|built|fixed|painted|resurfaced|re-fitted|refitted|put\sin|put\sup"
)
_TO_DO = (
    r"fit|install|lay|repair|service|replace|tile|plaster|mount|rewire|assemble|build|fix|"
    r"paint|resurface|refit|re-fit|put\sin|put\sup"
)
_JOBS = r"fitting|fit|installation|install|repair|service|refit|re-fit|clean|cleaning|replacement"
_THING = r"(?:[A-Za-z][\w-]{1,19}\s){0,3}?[A-Za-z][\w-]{1,19}"
_AFTER = (
    r"(?=\s(?:today|tomorrow|yesterday|this|last|at|on|in|into|between|from|by|for|and|but|"
    r"which|that|because|as|so|then|or|before|after|with|until|since|it|they|he|she|we|i|is|"
    r"was|were|are|has|had|did|didn't|never|no|under|behind|via|through|using|without|"
    r"to|down|up|off|out|over|back|again|properly|correctly|twice|badly|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\b|\s?[,.;:!?)(\"]|\s[-–]\s|$)"
)
"""Where the thing ends: a small word, a day or a stop ("fitted our heat pump on Thursday")."""

_KEYS = words(
    """
    fit install laid lay repair service replace tile plaster mount rewire assemble built build
    fix paint resurface refit re-fit put clean
    """
)
_JOB = Keyed(
    _KEYS,
    r"(?:\b(?P<det>my|our|the|your|his|her|their|an?)\s|^(?:subject:\s|re:\s)?|\bre\s|"
    r"(?<=[-–:(]\s)|(?<=\())"
    rf"(?P<np>(?:[A-Za-z][\w-]{{1,19}}\s){{1,3}}?(?:{_JOBS}))(?=\s?[-–:,.;!?(]|\s(?:on|at|by|"
    r"was|were|is|has|had|done|carried|booked|job|ref|last|this|in|via|through|from|with|for|"
    r"to|and|but|which|that)\b|$)",
)
"""The job named: a thing and a work word ("Kitchen fitting - awful job")."""
_DID = Keyed(
    _KEYS,
    rf"\b(?:(?P<done>{_DONE})\"?|(?<=\bto\s)(?P<todo>{_TO_DO}))\s"
    rf"(?:(?P<whose>my|our|the|her|his|their|a|an|some|two|three)\s|(?=new\s))"
    rf"(?P<thing>{_THING}){_AFTER}",
)
"""What was done to the thing ("fitted our air source heat pump on Thursday")."""
_NOT_OURS = re.compile(
    r"(?:\b(?:I|we|me|us|want|wants|need)|\b(?:someone|somebody|how|enough|able|like|trying|"
    r"tried)\sto)\s\"?$",
    re.I,
)
"""What makes the work the customer's, or only wanted or possible ("I fixed", "want someone
to fix", "big enough to fit"), just before its verb."""
_HAD_DONE = Keyed(
    _KEYS,
    rf"(?:\b(?:had|got|have)\s(?P<whose>my|our|a|an|the)\s|^)(?P<thing>{_THING})\s"
    rf"(?:(?:was|were)\s)?(?P<done>{_DONE})\s(?:via|by|through|from|on|last|mon|tue|wed|thu|fri|"
    r"sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
)
"""The thing, done ("Had a new boiler fitted via HomeFix", "Kitchen fitted Mon-Wed by ...")."""
KEYS = register(_KEYS)
"""Words one of which a sentence needs before a job can be read in it."""

_VERBS = words(
    """
    broke broken left made caused flooded damaged cracked scratched smashed came went said told
    took put got has have had was were is are did does do didn't doesn't won't can't isn't
    wasn't leaked stopped started keeps kept fell snapped crooked wonky loose uneven missing
    wrong dirty badly
    """
)
"""Words that end the thing worked on: what happened next, not the thing."""
_WHOSE = {"my": "your", "our": "your", "your": "the", "a": "the", "an": "the", "some": "the"}
_WHOSE |= {"the": "the", "her": "her", "his": "his", "their": "their"}
_WHOSE |= {"two": "the two", "three": "the three"}
"""Whose thing it is in the reply: the customer's "my" is "your", "a leak" is "the leak"."""
_NOT_A_THING = words(
    """
    it them this that these those one ones something everything anything slot time day job
    today tomorrow morning afternoon evening am pm week weekend me us him her you myself mine
    monday tuesday wednesday thursday friday saturday sunday way problem issue mess damage
    they we i he she complaint claim request order application form ticket call effort
    """
)
"""Words that make a "thing" a pronoun, a time or what went wrong, not what was worked on."""
_NOT_A_JOB = words(
    """
    a an the my our your his her their this that which what each every any some no new same
    first second last next annual yearly monthly free full proper professional quick cheap
    shocking awful terrible poor bad good great whole standard basic premium re subject
    of on in for to at with from by and or but is was are were be been not has have had
    please arrange says said cust customer original promised booked scheduled cancelled
    missing covered final permanent temporary
    """
)
"""Words before a work word that say which or how good, not what was worked on."""
_SERVICED = words(
    """
    boiler car bike van vehicle heating furnace ac aircon gas stairlift lift chimney hvac
    autoclave alarm sprinkler generator oven engine gutter lawn packing mounting installation
    fitting assembly cleaning maintenance
    """
)
"""What a "service" is of when it is work done ("your boiler service"), not a department
("customer service") or a tier ("Platinum service")."""
_CLEANED = words("deep tenancy window carpet oven office house spring builders gutter upholstery")
"""What a "clean" is when it is work done ("end of tenancy clean"), not a state ("was clean")."""
_FITTINGS = words("light compression pipe waste tap door ceiling wall bathroom kitchen-light")
"""What a "fitting" is when it is a part ("a light fitting"), not the work of fitting."""


def jobs(sentence: Sentence) -> Iterable[Found]:
    """The job we sent someone to do, worded as "your kitchen fitting" or "the work on your
    new boiler"; a job named outright ranks above one made from what was done."""
    for match in _JOB.finditer(sentence):
        named = _job(match.group("np"), starts=match.group("det") is None)
        if named is not None:
            start = sentence.start + match.start("np")
            yield Found("job", named, start, sentence.start + match.end("np"), CONFIDENCE, 0)
    for pattern, theirs in ((_DID, False), (_HAD_DONE, True)):
        for match in pattern.finditer(sentence):
            before = sentence.text[max(0, match.start() - 16) : match.start()]
            if pattern is _DID and _NOT_OURS.search(before):
                continue
            thing = _thing(match.group("thing"), starts=match.start("thing") == 0)
            if thing is None:
                continue
            whose = (match.group("whose") or "").lower()
            first, _, rest = thing.partition(" ")
            if first.lower() in _WHOSE and rest:  # "The windows were fitted on Monday"
                whose, thing = first.lower(), rest
            theirs_now = theirs and whose in {"a", "an"}  # "Had a new boiler fitted"
            owner = "your" if theirs_now else _WHOSE.get(whose, whose or "your")
            start = sentence.start + match.start()
            end = sentence.start + match.end("thing")
            yield Found("job", f"the work on {owner} {thing}", start, end, CONFIDENCE, 1)


_ENDS_JOB = _NOT_A_JOB | _NOT_A_THING
"""Words before the work that stop what says which job it was ("the", "awful", "my")."""


def _job(run: str, starts: bool) -> str | None:
    """ "your kitchen fitting" from "Kitchen fitting", or None when nothing says what on."""
    if run.lower().startswith("end of tenancy "):
        return f"your end-of-tenancy {run.split()[-1].lower()}"
    *before, work = run.split()
    previous = before[-1].lower() if before else ""
    if (
        (work.lower() == "service" and previous not in _SERVICED)
        or (work.lower() in {"clean", "cleaning"} and previous not in _CLEANED)
        or (work.lower() == "fitting" and previous in _FITTINGS)
    ):
        return None  # "customer service", "the room was clean", "a light fitting": no job
    kept = modifiers_before(before, lambda word: word.lower() in _ENDS_JOB or not word.isalpha())
    if not kept:
        return None
    if starts and kept[0][1:].islower():
        kept[0] = kept[0].lower()  # "Kitchen fitting - awful job": the sentence's capital
    return f"your {unshout(' '.join([*kept, work.lower()]))}"


def _thing(run: str, starts: bool) -> str | None:
    """The thing worked on, or None when it is a pronoun, a time or what went wrong; it
    stops before a verb ("fix my boiler broke the thermostat" is "boiler")."""
    said = run.split()
    for at, word in enumerate(said):
        if (at and word.lower() in _VERBS) or (word.endswith("-") and at == len(said) - 1):
            said = said[:at]  # "the dish-" cut by a line wrapped at a hyphen: unsure
            break
    if not said or any(word.lower() in _NOT_A_THING for word in said):
        return None
    if starts and said[0][1:].islower():
        said[0] = said[0].lower()  # "Kitchen fitted Mon-Wed": the sentence's capital
    return quiet_words(said)
