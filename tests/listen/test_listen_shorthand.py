"""A note's shorthand, as a letter writes it: what a draft says where a log said "3 wks".

Every example is written for these tests; none is from the labelled sets.
"""

from __future__ import annotations

import pytest

from recovery_cli.listen.shorthand import written_out


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("you've been waiting 3 wks", "you've been waiting 3 weeks"),
        ("it is for your mum's funeral tmrw", "it is for your mum's funeral tomorrow"),
        ("you have a mortgage appt Thurs", "you have a mortgage appointment Thursday"),
        ("the DD is due on the 10th", "the direct debit is due on the 10th"),
        ("you were left waiting 4 hour", "you were left waiting 4 hours"),
        ("a hold of 7 working day", "a hold of 7 working days"),
        ("within 2 hrs", "within 2 hours"),
        ("25 min", "25 minutes"),
        ("1 min", "1 minute"),
        ("grazes + bruised hip", "grazes and bruised hip"),
        ("your results were sent to wrong person", "your results were sent to the wrong person"),
        ("you cannot login to the app", "you cannot log in to the app"),
        ("you took afternoon off", "you took the afternoon off"),
        ("stuck in a lay-by nr Ashburton", "stuck in a lay-by near Ashburton"),
        ("delivery on Sat morning", "delivery on Saturday morning"),
    ],
)
def test_shorthand_is_written_out(typed: str, written: str) -> None:
    assert written_out(typed) == written


@pytest.mark.parametrize(
    "kept",
    [
        "a 4 hour wait",  # a count before a noun is right as it is
        "she sat down and waited",  # "sat" the verb is no Saturday
        "ring +44 7700 900418",  # a plus in a number is not "and"
        "the login page",  # a noun, not the verb
        "the 1 hour slot",
        "you took the afternoon off",
    ],
)
def test_words_that_only_look_like_shorthand_are_kept(kept: str) -> None:
    assert written_out(kept) == kept
