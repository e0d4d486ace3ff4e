"""Beginning a run from what the customer said: the playbook, and every input's source.

An agent pastes the customer's message; a script passes `--message`; a batch row has a
message column. Either way the message is read once (`read`), the playbook comes from the
agent (or the row) or else from the reading's triage, and each input the playbook
declares is filled by the first source that has it: what was given (`--set`, an answers
file, a column), then what was read from the message, then the playbook's default. Each
value remembers its source, so a reviewer sees what nobody typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from recovery_cli.errors import RecoveryError
from recovery_cli.listen.answers import HeardAnswer, heard_answers
from recovery_cli.listen.model import KEPT, SURE, Reading
from recovery_cli.listen.prefill import Origin, origins_for
from recovery_cli.listen.reader import read

if TYPE_CHECKING:
    from recovery_cli.playbook.inputs import Resolved
    from recovery_cli.playbook.models import Playbook
    from recovery_cli.triage import Triage

Source = Literal["given", "read", "default", "empty"]


@dataclass
class Heard:
    """A message read for a run: the reading and the values it offers each input."""

    message: str
    reading: Reading
    prefill: dict[str, Origin] = field(default_factory=dict)
    answers: dict[str, HeardAnswer] = field(default_factory=dict)
    """The playbook's questions the message answers (`listen.answers`), by question id."""

    def answered(self) -> dict[str, str]:
        return {question: heard.answer for question, heard in self.answers.items()}

    def values(self) -> dict[str, str]:
        return {name: origin.value for name, origin in self.prefill.items()}


def hear(message: str, triage: Triage | None = None, playbook: str | None = None) -> Heard:
    """Read a message (with triage when the playbook is still to be chosen, or else the
    playbook chosen)."""
    return Heard(message, read(message, triage, playbook=playbook))


def fit(
    heard: Heard, playbook: Playbook, given: Mapping[str, str], *, attended: bool = False
) -> Heard:
    """The values the message offers `playbook`'s inputs that nobody gave.

    `attended`: an agent confirms each value (an interactive run), so guesses (`model.KEPT`
    to `model.SURE`) are offered too, marked as such; an unattended run takes only sure ones.
    """
    least = KEPT if attended else SURE
    offered = origins_for(heard.reading, playbook, least)
    heard.prefill = {
        name: origin for name, origin in offered.items() if not str(given.get(name) or "").strip()
    }
    heard.answers = (
        heard_answers(heard.message, playbook, heard.reading.facts)
        if heard.reading.supported
        else {}
    )
    return heard


def routine(heard: Heard) -> bool:
    """Whether the message is a plain request (in a language we read) that no recovery
    playbook answers."""
    reading = heard.reading
    return reading.supported and reading.triage is not None and reading.triage.scenario is None


def chosen(heard: Heard) -> str:
    """The playbook the message reads as; a clear error when it fits none."""
    reading = heard.reading
    if not reading.supported:
        raise RecoveryError(
            f"the message is in a language the playbooks do not cover ({reading.language})",
            hint="give the playbook yourself: recovery run SCENARIO",
        )
    result = reading.triage
    if result is None or result.scenario is None:  # `routine`, said so mypy narrows it
        raise RecoveryError(
            "the message reads as a routine request: no recovery playbook fits",
            hint="give the playbook yourself if it is a failure: recovery run SCENARIO",
        )
    return result.scenario


def sources(
    resolved: Resolved, given: Mapping[str, object], heard: Heard | None
) -> dict[str, Source]:
    """Where each input's value came from."""
    found: dict[str, Source] = {}
    read_names = set(heard.prefill) if heard else set()
    for name, value in resolved.values.items():
        if str(given.get(name) or "").strip():
            found[name] = "given"
        elif name in read_names:
            found[name] = "read"
        elif name in resolved.defaulted:
            found[name] = "default"
        else:
            found[name] = "empty" if not value else "given"
    return found
