"""What the customer asks us to do: read in their words, and named in the refusal."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("can u extend my free trial by a week? exams ended", "extend your free trial by a week"),
        (
            "Could you please repair it free of charge, as it is barely two years old?",
            "repair it free of charge",
        ),
        (
            "Can I change the name on my ticket to my brother? I have covid.",
            "let you change the name on your ticket to your brother",
        ),
        ("Is there any way I can get my annual pass extended?", "extend your annual pass"),
        (
            "I'd like to have the £35 fee for my transfer refunded.",
            "refund the £35 fee for your transfer",
        ),
        ("Can I get a full refund please", "give you a full refund"),
        ("I'd like at least half of the £480 back.", "give you at least half of the £480 back"),
        ("Please refund me the full amount.", "refund you the full amount"),
        ("Cust calm, asked if we can at least offer store credit.", "offer store credit"),
    ],
)
def test_what_the_customer_asks_for_is_read_as_what_we_would_do(message: str, asked: str) -> None:
    assert read(message).value("request") == asked


@pytest.mark.parametrize(
    "message",
    [
        "Can you tell me why my parcel is late?",
        "Could you call me back this afternoon?",
        "I want the truth.",
        "Can you apply it?",
        "Can I get out of my contract early?",
    ],
)
def test_asking_to_be_told_or_a_request_that_names_nothing_is_not_read(message: str) -> None:
    assert read(message).value("request") is None


def test_the_refusal_names_what_they_asked_for(library: Library) -> None:
    playbook = library.playbook("saying-no")
    reading = read("Hi, can you extend my free trial by a week? I didn't get to use it.")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert (
        resolved.values["issue"] == "we are not able to extend your free trial by a week this time"
    )
    assert "issue" in resolved.defaulted
    assert resolve(playbook, {}).values["issue"] == (
        "we are not able to do what you asked for this time"
    )


def test_a_failure_read_from_the_message_never_stands_in_for_the_refusal(
    library: Library,
) -> None:
    message = "The motor on my recliner has stopped working. Could you repair it for free?"
    reading = read(message)
    assert reading.value("issue") is not None
    assert "issue" not in inputs_for(reading, library.playbook("saying-no"))
    assert "issue" in inputs_for(reading, library.playbook("damaged-item"))
