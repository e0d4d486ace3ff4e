"""What a booked visit was for: read in the customer's words, and named in the reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "appointment"),
    [
        ("Boiler repair booked for today 8-12. Nobody came.", "your boiler repair"),
        ("Fibre install was booked for today 1-6, no show.", "your fibre install"),
        ("I waited in all day for my fridge freezer delivery.", "your fridge freezer delivery"),
        ("Her dental appt was cancelled without any notice.", "your dental appointment"),
        ("I had the gas safety inspection booked for Monday.", "your gas safety inspection"),
        ("I paid for the guaranteed Christmas delivery.", "your Christmas delivery"),
        ("Mum needs the assisted collection for her old bed.", "your assisted collection"),
    ],
)
def test_what_a_visit_was_for_is_read(message: str, appointment: str) -> None:
    assert read(message).value("appointment") == appointment


@pytest.mark.parametrize(
    "message",
    [
        "My 8-12 slot came and went.",  # when, not what for
        "Friday's delivery never came.",
        "The rescheduled visit was missed too.",
        "Your appointment was missed.",  # nothing more than the playbook says
        "Please send a copy of any repair estimate.",  # which, not what for
        "I asked for the manager of your Leeds service department.",  # a place, not a visit
        "Your shop assured me collection by the 7th.",  # a verb and a pronoun, not what for
    ],
)
def test_a_visit_said_only_by_when_or_which_names_nothing(message: str) -> None:
    assert read(message).value("appointment") is None


def test_who_did_not_come_is_said_with_what_they_were_booked_for() -> None:
    message = "My boiler service was booked for 8-12 today. The engineer didn't turn up."
    assert read(message).value("issue") == "the engineer didn't turn up for your boiler service"


def test_a_missed_visit_draft_names_it_in_the_playbooks_own_words(library: Library) -> None:
    reading = read("Boiler service booked for today 8-12. Still waiting, nobody rang. Sarah")
    playbook = library.playbook("missed-appointment")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == "your boiler service didn't happen when we said it would"
    assert "issue" in resolved.defaulted
    assert resolve(playbook, {}).values["issue"] == (
        "your appointment didn't happen when we said it would"
    )
