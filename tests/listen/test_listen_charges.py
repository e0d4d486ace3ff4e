"""Which charge the customer disputes: read in their words, and named in the billing reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "charge"),
    [
        ("I have £38 of roaming charges for Spain but I was at home.", "your roaming charges"),
        ("Now I have a £15 late payment fee for your website's fault.", "your late payment fee"),
        ("I have now received a final bill charging me to August.", "your final bill"),
        ("Why is there an admin fee on this?", "your admin fee"),
    ],
)
def test_the_charge_in_dispute_is_read_by_what_it_is_for(message: str, charge: str) -> None:
    assert read(message).value("charge") == charge


@pytest.mark.parametrize(
    "message",
    [
        "My last bill was huge.",
        "There is a charge on my card.",
        "I was charged twice.",
        "I want to speak to the person in charge.",
        "Hi this is Bill, what time do you open?",  # a name
    ],
)
def test_a_charge_said_only_by_which_or_how_big_names_nothing(message: str) -> None:
    assert read(message).value("charge") is None


def test_the_billing_reply_names_the_charge(library: Library) -> None:
    playbook = library.playbook("billing-problem")
    reading = read("Why is there an admin fee on this? Nobody told me about it.")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == "there's a problem with your admin fee"
    assert "issue" in resolved.defaulted
    assert resolve(playbook, {}).values["issue"] == "there's a problem with your bill"
