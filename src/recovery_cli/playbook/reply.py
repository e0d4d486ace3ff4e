"""The reply a walk ends with, shaped for the channel it goes out on.

A public post, a chat window, an email and a phone call want different things: a public
reply is short, owns the failure where everyone can see it, names nothing private and
moves to a private channel; a chat reply is a few short messages, one idea each; an email
is the full letter; on the phone the lines are spoken, and a short written confirmation
follows. The walk renders the pieces (opening, the chosen lines, their chat forms,
closings, the public reply); `compose` puts them together, so the interactive guide, a
scripted run and a batch row shape a reply the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

CHANNELS = ("email", "chat", "social", "review", "phone", "in-person")
PUBLIC = frozenset({"social", "review"})
"""Channels answered where everyone can see it, with the playbook's public reply: a post on
a social network (`social`), or a review on a review site or app store (`review`), which
has no direct messages."""
LIMITS = {"social": 280, "review": 280, "chat": 700}
"""The most characters a reply on that channel may have; others have no limit."""
SPOKEN = frozenset({"phone", "in-person"})

FALLBACK_SOCIAL = (
    "{% if first_name %}{{ first_name }}, we{% else %}We{% endif %} are sorry, and we want to "
    "put this right. Please {{ contact_us }} so we can look at your details in private; we "
    "will reply {{ next_update or 'today' }}."
)
"""The public reply of a playbook that has none of its own (lint says so)."""


@dataclass(frozen=True)
class Pieces:
    """Everything a reply can be made of, rendered: the walk provides them."""

    opening: str = ""
    concerns: Mapping[str, str] = field(default_factory=dict)
    """The `CONCERNS` the customer told us of: `compose` answers them before anything else."""
    lines: Sequence[str] = ()
    chat_lines: Sequence[str] = ()
    closing: str = ""
    chat_closing: str = ""
    social: str = ""
    confirmation: str = ""
    sign_off: str = ""
    """The sign-off block (`Best wishes,\\nSam`), empty when no agent signs."""
    contact: str = ""
    """How the customer asked to be reached (`CONTACT_REQUEST`): `compose` says it back last."""


@dataclass(frozen=True)
class Reply:
    """What to send (`text`) and, on the phone or in person, what to say (`script`)."""

    channel: str
    text: str
    script: tuple[str, ...] = ()

    @property
    def limit(self) -> int | None:
        return LIMITS.get(self.channel)

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and len(self.text) > self.limit

    def too_long(self) -> str | None:
        """What to tell whoever sends it when the reply is over its channel's limit: long
        values (a pasted story as the stakes) can push a reply that fits past it."""
        if not self.over_limit:
            return None
        return (
            f"this {self.channel} reply is {len(self.text)} characters; "
            f"keep it under {self.limit} (shorten it before sending)"
        )

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {"channel": self.channel, "text": self.text, "script": list(self.script)}


CONCERNS = ("loss", "harmed")
"""Standard inputs a reply answers before any line of the playbook's, whatever went wrong:
a death (`loss`: whose, "your husband"), then someone hurt, made ill or left without care
(`harmed`: who, "your son", "you"). The person comes before the process."""

CONTACT_REQUEST = "contact_request"
"""The standard input a reply says back after the playbook's lines, whatever went wrong: how
the customer asked to be reached, as it follows "You asked us to" ("call you on 07700
900123 after 5", "text you, not call you", "not call you at work"). A customer who said
"I'm deaf, text me" and gets a reply promising a call has not been listened to."""
ANSWERED = (*CONCERNS, CONTACT_REQUEST)
"""Every standard input the reply itself answers, whatever the playbook."""

SOMEONE = "someone"
"""The `harmed` of an unattended draft: that someone was hurt, without saying who."""

NO_ONE_NAMED = "your loss"
"""The `loss` of a death told without saying whose ("the funeral is on Friday")."""


def condolence(loss: str) -> str:
    """The first words after the greeting when someone close to the customer has died.

    Whatever went wrong, a person who has lost someone hears sorry for that first; the
    playbook's own lines follow. `loss` is whose death ("your husband"), or "your loss"
    when the customer did not say (`NO_ONE_NAMED`)."""
    who = loss.strip().rstrip(".")
    if not who:
        return ""
    if who.lower() in {NO_ONE_NAMED, "loss", "a loss", "a death in the family", "bereavement"}:
        return "I'm so sorry for your loss."
    return f"I'm so sorry about {who}."


HE = frozenset(
    {
        "husband",
        "father",
        "dad",
        "daddy",
        "son",
        "brother",
        "grandfather",
        "grandad",
        "granddad",
        "grandpa",
        "uncle",
        "boyfriend",
        "father-in-law",
        "stepfather",
        "stepdad",
        "nephew",
        "fiance",
    }
)
SHE = frozenset(
    {
        "wife",
        "mother",
        "mum",
        "mom",
        "mam",
        "mummy",
        "mommy",
        "daughter",
        "sister",
        "grandmother",
        "grandma",
        "gran",
        "granny",
        "nan",
        "nana",
        "nanna",
        "aunt",
        "auntie",
        "aunty",
        "girlfriend",
        "mother-in-law",
        "stepmother",
        "stepmum",
        "niece",
        "fiancee",
        "fiancée",
    }
)
"""Relations spoken of as "he" and "she"; any other (a partner, a child, a dog) is "they"."""
_MANY = frozenset(
    {"kids", "children", "twins", "grandparents", "parents", "cats", "dogs", "family"}
)


def wellbeing(harmed: str, *, short: bool = False) -> str:
    """The first words after the greeting when someone was hurt, made ill or left without
    care: sorry, and the hope that they are all right, without saying whose fault it was
    (that is the playbook's to own). `harmed` is who ("your son", "you", `SOMEONE`);
    `short` is the hope alone, for a chat window."""
    who = harmed.strip().rstrip(".")
    if not who:
        return ""
    if who.lower() == SOMEONE:
        hope = "I hope whoever was hurt is being well looked after now."
        sorry = "I'm so sorry for what happened"
    elif who.lower() == "you":
        hope, sorry = "I hope you're all right now.", "I'm so sorry for what you went through"
    else:
        relation = who.lower().removeprefix("your ").strip()
        pronoun = "he's" if relation in HE else "she's" if relation in SHE else "they're"
        hope = f"I hope {pronoun} all right now."
        sorry = f"I'm so sorry about what happened to {who}"
        if short:
            verb = "are" if relation in _MANY else "is"
            hope = f"I hope {who} {verb} all right."
    if short:
        return hope.replace(" now.", ".")
    return f"{sorry}, and {hope}"


def _asked(contact_request: str) -> str:
    """A contact request as one line of words, without end punctuation."""
    return " ".join(contact_request.split()).strip(" .,;")


def as_asked(contact: str) -> str:
    """The line that says back how the customer asked to be reached, and keeps to it."""
    way = _asked(contact)
    if not way:
        return ""
    if way.lower().startswith("not "):
        return f"You asked us not to {way[4:]}, and we won't."
    return f"You asked us to {way}, and we will."


REACH = "reach_you"
"""The name templates read for how we next reach the customer ("I'll {{ reach_you }} within
two hours"): "call you", unless the customer asked for another way (`reach_way`)."""
_ASKED_WAYS = ("text you", "email you", "write to you")


def reach_way(contact_request: str) -> str:
    """How the reply's own lines say we will next reach the customer: as they asked ("text
    you", "email you", "write to you"), "write to you" when they refused calls and named no
    other way, else "call you". A line promising a call to someone who wrote "I'm deaf,
    text me" would undo the line that says we will."""
    way = _asked(contact_request).lower()
    asked = next((said for said in _ASKED_WAYS if way.startswith(said)), None)
    if asked is not None:
        return asked
    return "write to you" if way == "not call you" else "call you"


def contact_in(context: Mapping[str, object]) -> str:
    """The `CONTACT_REQUEST` given in a walk's values, as text."""
    return str(context.get(CONTACT_REQUEST) or "")


def reach_task(context: Mapping[str, object]) -> str:
    """The follow-up task that keeps to how the customer asked to be reached, for the agent's
    checklist: the same words, said of the customer ("text them on ..., not call them"), or
    "" when they did not say."""
    way = _asked(contact_in(context))
    if not way:
        return ""
    way = re.sub(r"\byour\b", "their", re.sub(r"\byou\b", "them", way))
    return f"Keep to how {context.get('first_name') or 'the customer'} asked to be reached: {way}."


def concerns_in(context: Mapping[str, object]) -> dict[str, str]:
    """The `CONCERNS` given in a walk's values, as text."""
    return {name: str(context.get(name) or "") for name in CONCERNS}


def first_words(concerns: Mapping[str, str], *, short: bool = False) -> str:
    """What the reply says before the playbook's lines: sorry for a death, else for harm
    (`short`: as one line of a chat)."""
    loss = condolence(concerns.get("loss", ""))
    return loss or wellbeing(concerns.get("harmed", ""), short=short)


def compose(channel: str, pieces: Pieces) -> Reply:
    """The reply for `channel` (an unknown channel is treated as email)."""
    if channel in PUBLIC:
        return Reply(channel, pieces.social.strip())
    sorry = first_words(pieces.concerns, short=channel == "chat")
    asked = as_asked(pieces.contact)
    if channel == "chat":
        lines = [line for line in (sorry, *(pieces.chat_lines or pieces.lines), asked) if line]
        if lines and pieces.opening.rstrip().endswith(","):
            lines[0] = _after_comma(lines[0])
        first = " ".join(part for part in (pieces.opening, lines[0] if lines else "") if part)
        messages = [first, *lines[1:], pieces.chat_closing]
        return Reply(channel, _paragraphs(messages))
    body = [sorry, *pieces.lines]
    letter = _paragraphs([pieces.opening, *body, asked, pieces.closing, pieces.sign_off])
    if channel in SPOKEN:
        script = tuple(line.strip() for line in body if line.strip())
        written = pieces.confirmation.strip()
        if written:
            written = _paragraphs([pieces.opening, sorry, written, asked, pieces.sign_off])
        return Reply(channel, written or letter, script)
    return Reply(channel if channel in CHANNELS else "email", letter)


_COMMON_OPENERS = frozenset(
    {"thank", "thanks", "sorry", "that", "this", "there", "we", "you", "your", "it", "please"}
    | {"what", "so", "our", "here", "before", "first"}
)
"""Words a line may open with that lose their capital after "Hi Dana," in one chat message
(never "I" or a name)."""


def _after_comma(line: str) -> str:
    """The line as it reads after a greeting and a comma: "Hi Dana, thank you ..."."""
    word = line.split(" ", 1)[0].rstrip(",.:;!?")
    if word[:1].isupper() and word.lower() in _COMMON_OPENERS:
        return line[0].lower() + line[1:]
    return line


def _paragraphs(parts: Sequence[str]) -> str:
    return "\n\n".join(part.strip() for part in parts if part and part.strip())
