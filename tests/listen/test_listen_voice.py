"""Saying the customer's words back to them: persons turned, shouting lowered, mistakes mended."""

from __future__ import annotations

import pytest

from recovery_cli.listen.voice import from_note, second_person, tidy


@pytest.mark.parametrize(
    ("said", "back"),
    [
        ("my sofa still isn't here", "your sofa still isn't here"),
        ("I'm down to my last pair", "you're down to your last pair"),
        ("I was charged twice", "you were charged twice"),
        ("the lab hasnt sent them back to me", "the lab hasn't sent them back to you"),
        ("our broadband has been down", "your broadband has been down"),
        ("the engineer you sent broke it", "the engineer we sent broke it"),
        ("your app logged me out", "our app logged you out"),
        ("they told you it was fine", "they told us it was fine"),
        ("my order is STILL NOT HERE", "your order is still not here"),
        ("my TV from DHL", "your TV from DHL"),
        ("ive had no fridge since sat", "you've had no fridge since Sat"),
    ],
)
def test_first_person_becomes_second_and_ours_becomes_yours(said: str, back: str) -> None:
    assert second_person(said) == back


def test_quoted_words_are_left_as_they_were_said() -> None:
    assert second_person('it just says "call us"') == 'it just says "call us"'


@pytest.mark.parametrize(
    "clause",
    ["", "?", "your order?? really", "you need it to", "a" * 200, "it arrived 😡", "my (aside"],
)
def test_a_clause_that_would_read_wrong_is_refused(clause: str) -> None:
    assert tidy(clause) is None


def test_trailing_punctuation_goes() -> None:
    assert tidy("your sofa is late.") == "your sofa is late"


def test_an_agents_note_is_said_to_the_customer() -> None:
    assert from_note("she has a fitter booked for Thurs") == "you have a fitter booked for Thurs"
    assert from_note("it was for his son's birthday") == "it was for your son's birthday"
