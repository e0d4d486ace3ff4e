"""What of the customer's a mishap damaged: read in their words, and named where we pay."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve
from recovery_cli.playbook.walk import run_scripted


@pytest.mark.parametrize(
    ("message", "damaged"),
    [
        ("One of your staff ran a cage of stock into me and ripped my trousers.", "your trousers"),
        ("Your cabin crew spilled tea over my skirt.", "your skirt"),
        (
            "Our waiter caught a glass of wine and it went straight down the front of her dress.",
            "her dress",
        ),
        ("A member of staff dropped a 10kg plate on my phone.", "your phone"),
        ("My suede boots are stained from the cleaning fluid.", "your suede boots"),
        ("Your valet scratched my car in the car park.", "your car"),
    ],
)
def test_what_was_damaged_is_read_in_the_customers_words(message: str, damaged: str) -> None:
    assert read(message).value("damaged") == damaged


@pytest.mark.parametrize(
    "message",
    [
        "I broke my arm when I slipped on your wet floor.",  # an injury, asked about apart
        "The stylist burned my scalp with the straighteners.",
        "It ruined my evening.",  # not a thing to clean or replace
        "I dropped my phone on your stairs.",  # the customer's own doing
        "The engineer broke the glass door when he dropped his drill on it.",  # his own tool
    ],
)
def test_an_injury_a_day_or_the_customers_own_doing_is_not_read(message: str) -> None:
    assert read(message).value("damaged") is None


def test_the_mishap_reply_names_what_we_pay_to_clean_or_replace(library: Library) -> None:
    playbook = library.playbook("in-person-mishap")
    reading = read("Your waiter knocked a glass of red wine over my coat at table 12. Nobody hurt.")
    values = resolve(playbook, {**inputs_for(reading, playbook), "channel": "chat"}).values
    draft = run_scripted(playbook, values, {"hurt": "no"}).draft()
    assert "We'll pay for cleaning or replacing your coat" in str(draft)
