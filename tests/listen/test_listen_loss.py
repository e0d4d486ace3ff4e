"""A death the customer tells us of is read, and the reply says sorry for it first."""

from __future__ import annotations

import pytest

from recovery_cli.listen import read
from support import Invoke

WIDOW = (
    "Dear Sir or Madam,\n"
    "My husband Derek died in March. I sent you the death certificate on 2 April, and you "
    "have charged his account twice since.\n"
    "Mrs Joan Petty"
)


@pytest.mark.parametrize(
    ("message", "whose"),
    [
        (WIDOW, "your husband"),
        ("I need to close my late mother's account.", "your mother"),
        ("The flowers were for my dads funeral tomorrow at 11.", "your dad"),
        ("Mum passed away last month and the bills keep coming in her name.", "your mum"),
        ("Since losing my wife I have struggled to keep up with the paperwork.", "your wife"),
        ("My brother, who died on Sunday, had a booking with you.", "your brother"),
        ("Our dog died at your kennels on Saturday.", "your dog"),
        ("The funeral is on the 19th in Cardiff and the cars never came.", "your loss"),
        ("I'm writing about a bereavement on my father-in-law's policy.", "your loss"),
    ],
)
def test_a_death_told_is_read_with_whose_it_was(message: str, whose: str) -> None:
    fact = read(message).facts["loss"]
    assert fact.value == whose
    assert fact.words.lower() in message.lower()


@pytest.mark.parametrize(
    "message",
    [
        "My phone died halfway through the call and nobody rang back.",
        "We lost our dog's lead at the kennels.",
        "The driver told me his father died, which is sad, but my parcel is still missing.",
        "I lost my job last month so this charge really hurts.",
        "The battery passed its test but died on Monday.",
    ],
)
def test_words_that_are_not_a_death_of_theirs_are_not_read_as_one(message: str) -> None:
    assert "loss" not in read(message).facts


def test_the_reply_says_sorry_for_the_death_before_anything_else(invoke: Invoke) -> None:
    base = ("run", "--message", WIDOW, "--no-input")
    email = invoke(*base).stdout
    assert email.startswith("Dear Mrs Petty,\n\nI'm so sorry about your husband.\n\n")
    chat = invoke(*base, "--set", "channel=chat").stdout
    assert chat.startswith("Dear Mrs Petty, I'm so sorry about your husband.\n\n")
    public = invoke(*base, "--set", "channel=social").stdout
    assert "husband" not in public  # nothing private in a public reply
    call = invoke(*base, "--set", "channel=phone").stdout
    assert "Dear Mrs Petty,\n\nI'm so sorry about your husband.\n\n" in call


def test_with_no_death_told_the_reply_opens_as_before(invoke: Invoke) -> None:
    draft = invoke("run", "--message", "I was charged twice for order 4471.", "--no-input").stdout
    assert "so sorry about" not in draft and "sorry for your loss" not in draft


def test_an_agent_can_give_the_loss_to_any_playbook(invoke: Invoke) -> None:
    result = invoke(
        "run", "refund", "--no-input", "--set", "customer_name=Sam", "--set", "loss=your mum"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Hi Sam,\n\nI'm so sorry about your mum.\n\n")


def test_closing_the_account_of_someone_who_died_is_not_called_deciding_to_leave(
    invoke: Invoke,
) -> None:
    message = (
        "My husband died in March. I have written three times asking you to close his gym "
        "membership and you are still taking £40 a month.\nMrs Joan Petty"
    )
    draft = invoke("run", "hard-to-cancel", "--message", message, "--no-input").stdout
    assert "Closing an account after a death should take one request" in draft
    assert "Deciding to leave" not in draft and "let go" not in draft
