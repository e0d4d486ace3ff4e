"""What was booked, and what the customer wants to cancel: named in the playbook's words."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "booking"),
    [
        ("Booked pitch 42 at Meadowbrook Camping back in January.", "your pitch 42"),
        ("We booked the Garden Room for our party on Saturday.", "your Garden Room"),
        ("I had prepaid a minivan for 7 days and there were none.", "your minivan"),
        ("I booked and paid for a spa day for two.", "your spa day"),
        ("We had a table booked for 8.30 for my partner's birthday.", "your table"),
        ("Booked couples massage 3pm today, paid in advance.", "your couples massage"),
    ],
)
def test_what_was_booked_is_read(message: str, booking: str) -> None:
    assert read(message).value("booking") == booking


@pytest.mark.parametrize(
    "message",
    [
        "I booked it online months ago.",
        "We booked ahead.",
        "We had a plumber booked for Monday.",  # who, not what
        "I had an appointment booked for 9.",  # no more than the playbook says
    ],
)
def test_a_booking_that_names_nothing_is_not_read(message: str) -> None:
    assert read(message).value("booking") is None


@pytest.mark.parametrize(
    ("message", "plan"),
    [
        ("Tried to cancel my PulseFit membership in January.", "your PulseFit membership"),
        ("Mr Sowerby called to cancel broadband.", "your broadband"),
        ("I cancelled my contract last month and you still charge me.", "your contract"),
    ],
)
def test_what_they_want_to_cancel_is_read(message: str, plan: str) -> None:
    assert read(message).value("plan") == plan


def test_a_plan_named_with_your_is_said_once() -> None:
    message = 'I tried the "cancel your subscription" form three times and it just reloads.'
    assert read(message).value("plan") == "your subscription"


def test_the_replies_name_the_booking_and_the_plan(library: Library) -> None:
    booking = library.playbook("booking-failure")
    reading = read("We booked the Garden Room for our party and got there to find nothing.")
    values = resolve(booking, inputs_for(reading, booking)).values
    assert values["issue"] == "we didn't hold your Garden Room for you as we should have"

    cancelling = library.playbook("hard-to-cancel")
    reading = read("I want to cancel my PulseFit membership. Please sort it.")
    resolved = resolve(cancelling, inputs_for(reading, cancelling))
    assert resolved.values["plan"] == "your PulseFit membership"
    assert resolved.values["issue"] == (
        "we didn't stop your PulseFit membership when you asked us to"
    )
    assert "issue" in resolved.defaulted
