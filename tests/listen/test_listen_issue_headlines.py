"""What went wrong, read from a subject line and from sentences a mail program wrapped.
Each message is written for the test."""

from __future__ import annotations

import pytest

from recovery_cli.listen import read

BODY = "\n\nHello, I placed the order on Monday evening from my laptop.\n\nThanks,\nRosa Lindqvist"


def issue(message: str) -> str | None:
    return read(message).value("issue")


@pytest.mark.parametrize(
    ("subject", "said"),
    [
        ("Wrong kettle sent - order KT-5531", "you received the wrong kettle"),
        (
            "Wrong size shoes in my son's school order",
            "you received the wrong size shoes in your son's school order",
        ),
        ("Order BX-4410 - wrong colour and lid missing", "you received the wrong colour"),
        ("Direct debit taken twice", "your direct debit was taken twice"),
        ("Re: Fwd: Warranty claim not processed", "your warranty claim was not processed"),
        ("Tennis court booking — double booked", "your tennis court booking was double booked"),
        ("Refused entry despite a valid ticket", "you were refused entry despite a valid ticket"),
    ],
)
def test_a_subject_line_that_names_the_problem_is_said_back(subject: str, said: str) -> None:
    assert issue(f"Subject: {subject}{BODY}") == said


@pytest.mark.parametrize(
    "subject",
    [
        "Order KT-5531 - wrong size, please swap before it ships",
        "Order KT-5531 — wrong plan?",
    ],
)
def test_a_subject_line_that_asks_for_something_is_not_a_failure(subject: str) -> None:
    assert issue(f"Subject: {subject}{BODY}") is None


def test_a_sentence_wrapped_across_lines_is_read_as_one() -> None:
    message = (
        "Hello,\n\nWe went to your Harbour Road branch for lunch on Sunday and the\n"
        "waiter knocked a whole jug of water over my laptop, which no longer starts.\n\n"
        "Gideon"
    )
    assert issue(message) == ("the waiter knocked a whole jug of water over your laptop")


def test_a_short_line_is_not_joined_to_the_next() -> None:
    message = "my kettle leaks\nneed a new one by friday"
    assert issue(message) == "your kettle leaks"
