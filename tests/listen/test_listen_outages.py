"""What stopped working: read in the customer's words, and named in the outage reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "service"),
    [
        ("Your app keeps crashing every time I try to pay.", "our app"),  # theirs is ours
        ("My broadband has been down since Monday.", "your broadband"),
        ("The website won't load at all.", "our website"),  # what we run
        ("No broadband for 3 days now, I work from home.", "your broadband"),
        ("Our wifi is dead again.", "your wifi"),  # their household's
        ("The smart meter app is offline.", "our smart meter app"),
    ],
)
def test_what_stopped_working_is_read_as_whose_it_is(message: str, service: str) -> None:
    assert read(message).value("service") == service


@pytest.mark.parametrize(
    "message",
    [
        "The whole system is down.",  # which service?
        "There's no issue with the line, it's the router.",
        "Your servers are down.",  # several: the reply's "hasn't" would not agree
    ],
)
def test_no_service_is_read_where_none_is_named_alone(message: str) -> None:
    assert read(message).value("service") is None


def test_the_outage_reply_names_what_stopped_working(library: Library) -> None:
    playbook = library.playbook("service-outage")
    reading = read("3 days with no broadband. I work from home!!")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == "your broadband hasn't been working for you"
    assert "issue" in resolved.defaulted
    assert resolve(playbook, {}).values["issue"] == "our service hasn't been working for you"
