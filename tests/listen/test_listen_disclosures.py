"""Which of the customer's details went astray: read in their words, and named in the reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "details"),
    [
        ("Subject: My statement was sent to my ex's address", "your statement"),
        ("My mortgage details shared with the seller. How?", "your mortgage details"),
        ("So my details went to a complete stranger.", "your details"),
        ("Your email arrived containing my full card number.", "your full card number"),
        ("The receptionist read my passport number out loud.", "your passport number"),
    ],
)
def test_the_customers_details_that_went_astray_are_read_in_their_words(
    message: str, details: str
) -> None:
    assert read(message).value("details") == details


@pytest.mark.parametrize(
    "message",
    [
        "I asked for a copy of my physio notes to be sent to me.",
        "I updated my address last week.",
        "My order number was sent to me twice.",
        "I read my statement and the figures are wrong.",
    ],
)
def test_details_only_mentioned_or_asked_for_are_not_read(message: str) -> None:
    assert read(message).value("details") is None


def test_the_privacy_reply_names_the_details(library: Library) -> None:
    playbook = library.playbook("privacy-mistake")
    reading = read("Hello, my payslips were posted to the flat downstairs. Please explain.")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == "your payslips went somewhere we should never have allowed"
    assert resolve(playbook, {}).values["issue"] == (
        "some of your personal details went somewhere we should never have allowed"
    )
