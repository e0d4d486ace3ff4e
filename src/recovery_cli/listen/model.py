"""What reading a customer's message produces: facts with their spans, and the verdicts.

Every fact keeps the span of the message it came from, so an agent (or a CLI) can show the
customer's own words beside the value that was derived from them, and a test can check the
offsets point into the message as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from recovery_cli.playbook.inputs import NAMING

if TYPE_CHECKING:
    from recovery_cli.triage import TriageResult

FACTS = (
    "issue",
    "stakes",
    "partner",
    "promised",
    "reference",
    "amount",
    "waited",
    "times",
    "customer_name",
    "loss",
    "harmed",
    "contact_request",
    "needed_by",
    "premium",
    "item",
    "appointment",
    "booking",
    "plan",
    "service",
    "charge",
    "request",
    "details",
    "owed",
    "staff",
    "job",
    "damaged",
)
"""Every fact a reading can hold, in the order they are reported."""
_UNLABELLED = frozenset({"loss", "harmed", "needed_by", "premium", "contact_request"}) | NAMING
LABELLED = tuple(name for name in FACTS if name not in _UNLABELLED)
"""The facts the labelled message sets mark (`loss`, a death the customer tells of,
`harmed`, someone hurt, and `needed_by`, a deadline of today or tomorrow, are read for what
the reply says first and tested on their own; `contact_request`, how the customer asked to be
reached, is labelled apart, in `contact.yaml` beside the sets; `premium`, what the customer
paid extra for, is said back as the service a premium playbook's `promised` names; `item`, the thing
ordered, `appointment`, what a booked visit was for, `booking`, what was booked, `plan`,
what they want to cancel, `service`, what stopped working, `charge`, the charge in
dispute, `request`, what they asked us to do, `details`, which of theirs went astray,
`owed`, which money they are waiting for, `staff`, who treated them badly, `job`, what we
sent someone to work on, and `damaged`, what of theirs a mishap damaged, are said
back inside a playbook's own wording, so the labelled issue measures them)."""

SURE = 0.8
"""How sure a fact must be before it goes into an unattended draft or weighs in severity."""
KEPT = 0.75
"""How sure a fact must be to be kept at all. One between `KEPT` and `SURE` is a guess: it is
shown, and offered in an attended run, where the agent sees its words and confirms it."""

Level = Literal["low", "medium", "high"]
ChannelName = Literal["phone", "chat", "email", "in-person", "social", "review"]


@dataclass(frozen=True)
class Fact:
    """One fact: the value to use, where in the message it came from, and how sure we are."""

    name: str
    value: str
    start: int
    end: int
    confidence: float
    words: str
    """The message's own text between `start` and `end`."""

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {
            "name": self.name,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "confidence": self.confidence,
            "words": self.words,
        }


@dataclass(frozen=True)
class Signal:
    """One reason for a severity: its kind ("medical", "threat to go public") and the words."""

    kind: str
    words: str
    start: int

    def describe(self) -> str:
        """One line for a person: "medical: 'insulin'"."""
        return f"{self.kind}: {self.words!r}"

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {"kind": self.kind, "words": self.words, "start": self.start}


@dataclass(frozen=True)
class Severity:
    """A suggested severity and the signals that led to it (an agent decides)."""

    level: Level
    reasons: list[Signal] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {"level": self.level, "reasons": [reason.to_json() for reason in self.reasons]}


@dataclass(frozen=True)
class Channel:
    """The channel the text itself shows, with the words that show it."""

    name: ChannelName
    evidence: str

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return {"name": self.name, "evidence": self.evidence}


@dataclass(frozen=True)
class Reading:
    """Everything read from one message.

    `supported` is false for a message in another language: it then has no facts, no
    severity, no channel and no triage, so nothing downstream mistakes it for routine.
    `read_chars` is how much of the message was read (at most `bounds.MAX_CHARS`).
    """

    language: str
    supported: bool
    facts: dict[str, Fact] = field(default_factory=dict)
    severity: Severity | None = None
    channel: Channel | None = None
    triage: TriageResult | None = None
    read_chars: int = 0
    total_chars: int = 0
    note: bool = False
    """An agent's notes about the customer (a call, a visit), not the customer's own words."""
    also: tuple[Fact, ...] = ()
    """Another failure the message tells of beside `issue` ("...and the driver was rude"):
    shown to an agent, never drafted, since a second clause is as often the first said
    again as a second problem."""

    def sure(self, name: str) -> Fact | None:
        """One fact, when it is sure enough to draft (`SURE`)."""
        fact = self.facts.get(name)
        return fact if fact is not None and fact.confidence >= SURE else None

    def value(self, name: str) -> str | None:
        """The value of one fact, or None when it was not found."""
        fact = self.facts.get(name)
        return fact.value if fact else None

    @property
    def truncated(self) -> bool:
        """Whether part of the message was left unread (it was too long)."""
        return self.read_chars < self.total_chars

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data: facts in a fixed order, verdicts as nested objects."""
        return {
            "language": self.language,
            "supported": self.supported,
            "facts": {name: self.facts[name].to_json() for name in FACTS if name in self.facts},
            "severity": self.severity.to_json() if self.severity else None,
            "channel": self.channel.to_json() if self.channel else None,
            "triage": self.triage.to_json() if self.triage else None,
            "read_chars": self.read_chars,
            "total_chars": self.total_chars,
            "note": self.note,
            "also": [fact.to_json() for fact in self.also],
        }
