"""An unattended draft must not say something is done that nobody did: which sentences
state an action as finished, and which only promise, ask or describe one."""

from __future__ import annotations

import pytest

from recovery_cli.checks.claims import claims


@pytest.mark.parametrize(
    "sentence",
    [
        "I have refunded the full amount taken in error today.",
        "I've moved you to a better room.",
        "Your replacement has been dispatched.",
        "Everything is set up for you.",
        "We've already cancelled the second payment.",
        "I did it this morning, so you're all set.",
    ],
)
def test_a_finished_action_is_a_claim(sentence: str) -> None:
    assert claims(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    [
        "Once I have refunded it, you'll get an email.",
        "I'll only give you a date once I've verified it with the courier.",
        "You'll hear from me by 5pm today, with the date I've verified, or your refund.",
        "This should have been settled long before now, and that's on us.",
        "I'll check with you the same day that you've heard from them and that it's sorted.",
        "I'll write to you by Friday with everything we've done.",
        "Has your refund been processed yet?",
        "We haven't refunded it yet, and that is on us.",
    ],
    ids=[
        "once",
        "only-once",
        "future-far-back",
        "should-have",
        "check-that",
        "everything-we",
        "question",
        "negated",
    ],
)
def test_a_promise_a_question_or_a_regret_is_not_a_claim(sentence: str) -> None:
    assert claims(sentence) == [], sentence


def test_a_claim_points_at_its_words() -> None:
    text = "Thank you for waiting. I have refunded the charge."
    (found,) = claims(text)
    assert text[found.start : found.end] == found.words == "I have refunded"
