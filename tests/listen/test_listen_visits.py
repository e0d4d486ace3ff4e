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


@pytest.mark.parametrize(
    ("message", "appointment"),
    [
        ("Nurse was booked to come for Mum's dressing at 10am.", "the visit from the nurse"),
        (
            "Your electrician was meant to come at 8 to fix the socket in the kitchen.",
            "the visit from our electrician to fix the socket",
        ),
        (
            "Your technician was booked for 8-12 today to connect our broadband.",
            "the visit from our technician to connect your broadband",
        ),
        (
            "Engineer was booked 8-12 today for the boiler, no show.",
            "the visit from the engineer for the boiler",
        ),
        (
            "Caller advises boiler service engineer booked for 8-12 today did not attend.",
            "the visit from the boiler service engineer",
        ),
        (
            "Stair lift engineer was booked 8am-1pm today to fix my stair lift.",
            "the visit from the stair lift engineer to fix your stair lift",
        ),
        (
            "Gardener was due 9am today to do the lawn before our party tomorrow.",
            "the visit from the gardener to do the lawn",
        ),
        (
            "@SkyLineBroadband engineer was booked 8am-1pm for my NEW business line",
            "the visit from the engineer for your new business line",
        ),
    ],
)
def test_who_was_booked_to_come_and_what_for_is_read(message: str, appointment: str) -> None:
    assert read(message).value("appointment") == appointment


@pytest.mark.parametrize(
    "message",
    [
        "Your engineer was booked for 8-12 on Monday.",  # when, never what for
        "The engineer was booked to fix it on Monday.",  # "it" names nothing
    ],
)
def test_a_visitor_booked_for_a_time_or_a_pronoun_is_said_without_it(message: str) -> None:
    value = read(message).value("appointment") or ""
    assert value.endswith("engineer")


def test_who_did_not_come_is_said_with_what_the_visitor_was_booked_to_do() -> None:
    message = (
        "Your solar engineer was booked for 8-12 today to fix the inverter. "
        "The engineer didn't turn up."
    )
    assert read(message).value("issue") == "the engineer didn't turn up to fix the inverter"


def test_a_missed_visit_draft_names_who_was_booked(library: Library) -> None:
    reading = read("hi ur plumber was booked 12-4 today to fix my boiler. nobody rang. Sarah")
    playbook = library.playbook("missed-appointment")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == (
        "the visit from our plumber to fix your boiler didn't happen when we said it would"
    )
