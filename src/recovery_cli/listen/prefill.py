"""From a reading to a playbook's input values, and where each value came from.

Only facts that go straight into a customer's draft are offered, and only when the reading
is sure of them: a missing value lets the playbook's neutral wording stand, a wrong one
puts words in the customer's mouth. Each value keeps its origin, so an agent sees
"pre-filled from: 'my sofa still isn't here'" and can overrule it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from recovery_cli.listen.harm import NAMED_HERE
from recovery_cli.listen.letter import for_a_letter
from recovery_cli.listen.model import FACTS, SURE, Reading
from recovery_cli.listen.shapes import is_voicemail
from recovery_cli.playbook.inputs import effective_inputs
from recovery_cli.playbook.models import Input, Playbook
from recovery_cli.playbook.reply import SOMEONE

PREFILLED = tuple(name for name in FACTS if name != "premium")
"""The standard inputs a message can fill, besides severity and channel: every fact but
`premium`, which a playbook whose `promised` is a service takes as `promised`."""
MATTERS = ("owed", "charge", "service", "item", "booking", "appointment", "plan")
"""The things a case can be about, in the order `matter` takes the first one read: the money
owed or the charge disputed says more about a case than the thing it was for."""

_PERIOD = (
    r"(?:\s(?:this|in\sa|in\sthe\s(?:last|past))\s(?:week|month|year|row|fortnight)"
    r"|\sin\sa\srow|\srunning)?"
)
"""The stretch a count is over, kept with it: "the third time this month", "in a row"."""
_FITS = {
    "waited": re.compile(
        r"^(?:since\s|all\s|(?:over|nearly|almost|about|around|more\sthan|some)\s)?"
        r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"several|a\scouple|a\sfew|since|all)|^the\swhole\s(?:day|morning|afternoon|evening|night|"
        r"weekend|week)$",
        re.I,
    ),
    "times": re.compile(
        r"^(?:twice|(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|many)"
        rf"\stimes|the\s(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\stime{_PERIOD}|"
        r"on\s\w{3,5}\s(?:separate\s)?occasions)$",
        re.I,
    ),
}
"""The shape a value needs to read after "you have waited" or as how often; a fact of
another shape ("day 4", "6 different agents") stays in the reading but is not offered."""
_TIMES_X = re.compile(r"^(\d{1,2})x$", re.I)
_CHASES = (
    r"(?:calls?|phone\scalls?|emails?|letters?|messages?|msgs?|chats?|contacts?|chases?|"
    r"reminders?|attempts?|tries|try|goes|go|conversations?|complaints?|tickets?)"
)
"""What the customer did again (called, wrote, tried): a count of these says how hard they
had to chase, not how often we failed, and most playbooks say `times` as failures ("not for
the first time (4 times, you told us)")."""
_ORDINAL_OF = re.compile(
    r"^(?:the\s)?(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s"
    rf"(?!time{_PERIOD}$)(?!{_CHASES}{_PERIOD}$)\S.*?({_PERIOD})$",
    re.I,
)
"""How often, said by what failed again ("the 3rd missed visit", "the second Saturday in a
row"): a draft says "the third time" ("the second time in a row"), which every playbook's
sentences take."""
_CHASED = re.compile(
    r"^(?:the\s)?(?P<nth>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    rf"\d{{1,2}}(?:st|nd|rd|th))\s{_CHASES}$"
    r"|^(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|several|many)\s"
    rf"(?:separate\s|different\s)?{_CHASES}$",
    re.I,
)
"""How often the customer had to chase, said by what they did ("fifth email", "3 calls",
"the third chat"): offered as `times` only to a playbook whose `times` example is such a
count (`Meanings.chases`), as "the fifth email" or "3 calls"."""
_COUNT_OF = re.compile(
    r"^(?:on\s)?(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s"
    r"(?:separate\s)?(?:occasions|visits|outages|reschedules|cancellations|no-shows|delays|"
    r"missed\s(?:deliveries|appointments|visits))$",
    re.I,
)
"""A count of one kind of failure ("4 outages", "on 4 occasions"): "4 times". A count of
the customer's own chasing ("6 calls", "the fifth email"), of people ("4 different
agents") or of two kinds ("3 emails, 2 calls") says something else, and is not offered."""

WRITTEN = "a message the customer wrote, showing no other channel"
"""Where `email` comes from when the message shows no channel: the customer wrote to us, so
the reply is written too. A playbook's own default (phone, in person) would thank them for
a call nobody had and confirm what "we agreed"; an agent's call notes keep that default."""

VOICEMAIL = "a voicemail: nobody has spoken with them yet, so the reply is written"
"""Where `email` comes from for a voicemail. The message came by phone, but a phone draft is
the note after a call ("Thank you for staying with me on the call"), which no one has had."""

_NOUN_PHRASE_START = ("a ", "an ", "the ", "our ", "your ", "their ")


@dataclass(frozen=True)
class Origin:
    """Where one input's value came from: the message's words, or the signals read in it."""

    input: str
    value: str
    words: str
    start: int | None = None
    end: int | None = None
    sure: bool = True
    """False for a guess (`model.KEPT` to `model.SURE`), offered only in an attended run."""

    def describe(self) -> str:
        """One line for a person, e.g. "pre-filled from: 'my sofa still isn't here'"."""
        guess = " (a guess: check it)" if not self.sure else ""
        return f"pre-filled from: {self.words!r}{guess}"

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {
            "input": self.input,
            "value": self.value,
            "words": self.words,
            "start": self.start,
            "end": self.end,
            "sure": self.sure,
        }


@dataclass(frozen=True)
class Meanings:
    """What a playbook means by a standard input when it gives one a meaning of its own,
    read from the input's example (or default), so the reading offers only what fits."""

    chases: bool = False
    """`times` counts the customer's chasing ("the fifth email"), not our failures."""
    service: bool = False
    """`promised` is the service paid for ("our priority support plan"), not a time: it
    takes what the customer paid extra for (`premium`) and never a time."""
    refuses: bool = False
    """`issue` is our answer ("we cannot take back the jacket"), not what went wrong: a
    failure read from the message would say the wrong thing there, so none is offered."""

    @classmethod
    def of(cls, specs: Sequence[Input]) -> Meanings:
        return cls(
            chases=bool(_CHASED.match(_sample(specs, "times"))),
            service=_sample(specs, "promised").lower().startswith(_NOUN_PHRASE_START),
            refuses=_sample(specs, "issue").lower().startswith(_REFUSAL_START),
        )


_REFUSAL_START = ("we cannot ", "we can't ", "we are not able ", "we aren't able ")


def origins(
    reading: Reading, min_confidence: float = SURE, meanings: Meanings = Meanings()
) -> dict[str, Origin]:
    """Each input a reading can fill, with its value and the words it came from, as the
    playbook means its inputs (`meanings`)."""
    found: dict[str, Origin] = {}
    if not reading.supported:
        return found
    for name in PREFILLED:
        if name == "issue" and meanings.refuses:
            continue
        fact = reading.facts.get("premium" if meanings.service and name == "promised" else name)
        if fact is not None and name == "harmed" and min_confidence >= SURE:
            # Unattended: that someone was hurt is read far better than who (docs/listen.md),
            # and "your son" for a hurt daughter is worse than no name at all; but "I broke
            # my wrist" says who in its own words, and "whoever was hurt" would read cold.
            own = fact.value.lower() == "you" and fact.confidence >= NAMED_HERE
            found[name] = Origin(name, "you" if own else SOMEONE, fact.words, fact.start, fact.end)
            continue
        if fact is None or fact.confidence < min_confidence:
            continue
        value = _fitted(name, fact.value, meanings.chases, reading.note)
        if value is not None:
            sure = reading.sure(name) is not None
            found[name] = Origin(name, value, fact.words, fact.start, fact.end, sure)
    if min_confidence >= SURE:
        _not_said_twice(found)
    matter = next((found[name] for name in MATTERS if name in found), None)
    if matter is not None:
        found["matter"] = replace(matter, input="matter")
    if reading.severity is not None and reading.severity.reasons:
        words = "; ".join(reason.describe() for reason in reading.severity.reasons)
        found["severity"] = Origin("severity", reading.severity.level, words)
    if reading.channel is not None and is_voicemail(reading.channel.evidence):
        found["channel"] = Origin("channel", "email", VOICEMAIL)
    elif reading.channel is not None:
        found["channel"] = Origin("channel", reading.channel.name, reading.channel.evidence)
    elif not reading.note:
        found["channel"] = Origin("channel", "email", WRITTEN)
    return found


_SAID_WITHIN = ("waited", "times")
"""Facts an issue clause often holds already ("the internet has been down since yesterday
lunchtime"): a draft that said them again would say them twice."""


def _not_said_twice(found: dict[str, Origin]) -> None:
    """Drops from an unattended draft's inputs a wait or a count the issue already says,
    whatever sentence each playbook puts them in."""
    issue = found.get("issue")
    if issue is None:
        return
    said = issue.value.lower()
    for name in _SAID_WITHIN:
        held = found.get(name)
        if held is not None and held.value.lower() in said:
            del found[name]


def _fitted(name: str, value: str, chases: bool = False, note: bool = False) -> str | None:
    """A fact's value as an input takes it ("3x" -> "3 times"), or None if it does not fit.
    With `chases`, a count of the customer's chasing is a `times` too ("the fifth email").
    Every value is first said as a letter says it (`letter.for_a_letter`); `note` says the
    reading is of an agent's note, whose "her rent" is the customer's."""
    fitted = for_a_letter(name, value, note)
    if fitted is None:
        return None
    value = fitted
    if name == "times" and chases:
        chased = _CHASED.match(value)
        if chased is not None:
            return f"the {value.lower().removeprefix('the ')}" if chased.group("nth") else value
    if name == "times":
        value = _TIMES_X.sub(r"\1 times", value)
        value = _ORDINAL_OF.sub(
            lambda match: f"the {match.group(1).lower()} time{match.group(2)}", value
        )
        value = _COUNT_OF.sub(lambda match: f"{match.group(1).lower()} times", value)
    shape = _FITS.get(name)
    return value if shape is None or shape.match(value) else None


def inputs_from(
    reading: Reading, min_confidence: float = SURE, meanings: Meanings = Meanings()
) -> dict[str, str]:
    """Standard input values from a reading: only the facts it is sure of."""
    found = origins(reading, min_confidence, meanings)
    return {name: origin.value for name, origin in found.items()}


def _sample(specs: Sequence[Input], name: str) -> str:
    """What a playbook's input `name` reads like: its example, else its default, else ""."""
    spec = next((spec for spec in specs if spec.name == name), None)
    return (spec.example or spec.default or "") if spec is not None else ""


def origins_for(
    reading: Reading,
    playbook: Playbook,
    min_confidence: float = SURE,
    *,
    specs: Sequence[Input] | None = None,
    meanings: Meanings | None = None,
) -> dict[str, Origin]:
    """`origins`, limited to the inputs `playbook` declares and can use as read.

    A playbook may give a standard input a meaning of its own (`Meanings`): premium-failure's
    `promised` is the service paid for ("our priority support plan"), not a time. Such a
    playbook takes what the customer paid extra for ('the "VIP Fast Track"'), never a time
    read from the message ("by Friday"), which would not fit its sentences. saying-no's
    `issue` is our refusal, so a failure read from the message is not offered there.
    `specs` are the playbook's inputs already merged (`effective_inputs`), and `meanings`
    what it means by them, when the caller keeps them: batch works both out once per run,
    not once per row.
    """
    merged = effective_inputs(playbook) if specs is None else specs
    found = origins(reading, min_confidence, meanings or Meanings.of(merged))
    declared = {spec.name for spec in merged}
    return {name: origin for name, origin in found.items() if name in declared}


def inputs_for(
    reading: Reading,
    playbook: Playbook,
    min_confidence: float = SURE,
    *,
    specs: Sequence[Input] | None = None,
    meanings: Meanings | None = None,
) -> dict[str, str]:
    """The values of `origins_for`: the input values `playbook` takes from a reading."""
    found = origins_for(reading, playbook, min_confidence, specs=specs, meanings=meanings)
    return {name: origin.value for name, origin in found.items()}
