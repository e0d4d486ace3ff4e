"""Which money the customer is waiting for: read in their words, and named in the refund reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "owed"),
    [
        (
            "I'd like to get a refund for the cycle helmet I returned.",
            "your refund for the cycle helmet",
        ),
        ("Subject: Refund of deposit - cancelled florist booking", "your deposit"),
        ("You still kept the £40 deposit. Can I have it back?", "your deposit"),
        ("I returned the jacket two weeks ago. You have the jacket.", "your refund for the jacket"),
        (
            "Stil no refund for the cancelled concert tix, was told 5-7 days",
            "your refund for the cancelled concert tix",
        ),
        ("Please, I want the refund for my orthodontic deposit.", "your orthodontic deposit"),
    ],
)
def test_the_money_owed_is_read_by_what_it_was_for(message: str, owed: str) -> None:
    assert read(message).value("owed") == owed


@pytest.mark.parametrize(
    "message",
    [
        "I want a refund for it now.",
        "I returned the order last week.",
        "Please refund the remaining balance.",
        "I'd like a refund for the unused 3 months.",
    ],
)
def test_money_named_by_nothing_particular_is_not_read(message: str) -> None:
    assert read(message).value("owed") is None


def test_the_refund_reply_names_the_money(library: Library) -> None:
    playbook = library.playbook("refund")
    reading = read("Hi, can I get a refund for the swimming lessons? Maisie broke her arm.")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == "you're still without your refund for the swimming lessons"
    assert resolve(playbook, {}).values["issue"] == "you're still without your money"
