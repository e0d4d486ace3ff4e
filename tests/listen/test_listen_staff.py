"""Who of ours the customer complains about: read by role, and named in the complaint reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "who"),
    [
        ("The receptionist was so rude to my dad on the phone.", "our receptionist"),
        ("Your delivery driver shouted at my son over a parking space.", "our delivery driver"),
        ("One of your pharmacists lectured me in front of the queue.", "one of our pharmacists"),
        ("I want to complain about the attitude of the night manager.", "our night manager"),
        (
            'When I asked, the receptionist said "you\'ll wait like everyone else".',
            "our receptionist",
        ),
        (
            "I'm writing to complain about the reception team at your Ashford practice.",
            "our reception team",
        ),
        ("Your shop staff refused to help my mum because of her accent.", "our shop staff"),
        ("Rude reception staff. Sat there 90 minutes.", "our reception staff"),
    ],
)
def test_who_treated_the_customer_badly_is_read_by_role(message: str, who: str) -> None:
    assert read(message).value("staff") == who


@pytest.mark.parametrize(
    "message",
    [
        "The driver left it at the door.",
        "I want to speak to a manager.",
        "Sarah on reception was rude to me.",
    ],
)
def test_a_role_with_nothing_about_manner_or_one_asked_for_is_not_read(message: str) -> None:
    assert read(message).value("staff") is None


def test_the_complaint_reply_names_who_fell_short(library: Library) -> None:
    playbook = library.playbook("general-complaint")
    reading = read("I am writing to complain about the attitude of your receptionist today.")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"].endswith("every right to expect from our receptionist")
    assert resolve(playbook, {}).values["issue"] == (
        "we fell short of what you had every right to expect from us"
    )
