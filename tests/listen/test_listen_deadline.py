"""A deadline of today or tomorrow is read, and a delivery draft races it before the usual date."""

from __future__ import annotations

import pytest

from recovery_cli.listen import read
from support import Invoke

SMASHED = (
    "Hi, the cake you delivered this morning is smashed in the box and her party is at 7pm "
    "tonight. Order CK-2210.\nMichelle"
)


@pytest.mark.parametrize(
    ("message", "by"),
    [
        (SMASHED, "by 7pm tonight"),
        ("The pharmacy sent the wrong bag and my dad needs his insulin tonight.", "tonight"),
        ("Still no charger and I need it for my exam at 9am tomorrow.", "by 9am tomorrow"),
        ("The suitcase hasn't come and we fly out tomorrow morning.", "by tomorrow morning"),
        ("It's for my son's birthday party tomorrow and the box is empty.", "by tomorrow"),
    ],
)
def test_a_need_today_or_tomorrow_is_read_as_it_follows_you_need_it(message: str, by: str) -> None:
    fact = read(message).facts["needed_by"]
    assert fact.value == by
    assert fact.words.lower() in message.lower()


@pytest.mark.parametrize(
    "message",
    [
        "You said it would come tomorrow and it hasn't.",
        "I don't need it until tomorrow, but please confirm the date.",
        "The wedding is on Saturday and the dress is the wrong size.",
        "The delivery tomorrow is the third attempt.",
    ],
)
def test_a_promise_a_later_date_or_no_need_is_not_a_deadline(message: str) -> None:
    assert "needed_by" not in read(message).facts


def test_a_delivery_draft_races_the_deadline_and_keeps_the_usual_date_as_the_fallback(
    invoke: Invoke,
) -> None:
    result = invoke("run", "--message", SMASHED, "--no-input")
    assert result.exit_code == 0, result.output
    draft, _, rest = result.stdout.partition("\n---\n")
    assert (
        "You need it by 7pm tonight, so I'm looking right now for a way to get a replacement "
        "to you in time, and I'll call you within the hour to tell you." in draft
    )
    assert "If there's no way to make it in time, would you like a replacement" in draft
    assert "They need it by 7pm tonight: look now for a way" in rest  # the checklist


def test_with_no_deadline_the_draft_offers_the_usual_date_alone(invoke: Invoke) -> None:
    message = "The cake you delivered is smashed in the box. Order CK-2210. Michelle"
    draft = invoke("run", "--message", message, "--no-input").stdout
    assert "in time" not in draft and "Would you like a replacement" in draft


def test_an_agent_can_give_the_deadline(invoke: Invoke) -> None:
    result = invoke(
        "run", "wrong-item", "--no-input", "--set", "customer_name=Ola",
        "--set", "needed_by=by noon tomorrow", "--set", "channel=email",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "You need it by noon tomorrow, so I'm looking right now" in result.stdout
