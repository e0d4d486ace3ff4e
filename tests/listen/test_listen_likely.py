"""What is at stake when no rule reads it: the customer's sentence most like labelled stakes."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_from, likely, read
from recovery_cli.listen.begin import fit, hear
from recovery_cli.listen.likely import as_stakes, offerable
from recovery_cli.listen.model import KEPT
from recovery_cli.listen.shapes import is_agent_note
from support import REPO

LATE = "The order has still not arrived. "
DRIVER = "I drive for a delivery app and without the phone I cannot take any jobs."


def test_a_sentence_like_the_labelled_stakes_is_offered_turned_to_the_customer() -> None:
    reading = read(LATE + DRIVER)
    stakes = reading.facts["stakes"]
    assert (
        stakes.value
        == "you drive for a delivery app and without the phone you cannot take any jobs"
    )
    assert stakes.words == DRIVER
    assert (LATE + DRIVER)[stakes.start : stakes.end] == stakes.words
    assert stakes.confidence == likely.CONFIDENCE == KEPT  # a guess
    assert "stakes" not in inputs_from(reading)  # never in an unattended draft
    assert inputs_from(reading, KEPT)["stakes"] == stakes.value


def test_an_attended_run_offers_the_guess_marked_as_one_an_unattended_run_does_not() -> None:
    playbook = Library.configured().playbook("outsourced-delay")
    attended = fit(hear(LATE + DRIVER), playbook, {}, attended=True).prefill
    assert attended["stakes"].value.startswith("you drive for a delivery app")
    assert not attended["stakes"].sure
    assert "a guess: check it" in attended["stakes"].describe()
    assert "stakes" not in fit(hear(LATE + DRIVER), playbook, {}).prefill


def test_a_stake_a_rule_reads_wins_over_the_likeliest_sentence() -> None:
    reading = read(LATE + DRIVER + " It was for my son's birthday on Sunday.")
    assert "birthday" in reading.facts["stakes"].value


@pytest.mark.parametrize(
    "message",
    [
        LATE + "Do I drive to the depot to collect it or will the delivery app driver come?",
        LATE + 'I was told "you drive for a delivery app" by your agent.',
        "Cust says order not arrived. She drives for a delivery app and cannot take any jobs.",
        LATE + "Drive for a delivery app and without the phone cannot take any jobs.",
    ],
)
def test_questions_quotations_notes_and_sentences_not_about_the_customer_are_not_offered(
    message: str,
) -> None:
    stakes = read(message).facts.get("stakes")
    assert stakes is None or "delivery app" not in stakes.value


def test_a_sentence_that_speaks_of_us_is_never_offered() -> None:
    assert as_stakes("I was told by your driver that I would get it today") is None
    assert as_stakes("I drive for a delivery app") == "you drive for a delivery app"


def test_what_is_voted_on_loses_its_leading_and_and_trailing_please() -> None:
    assert offerable("And I drive for a delivery app please") == "I drive for a delivery app"
    assert offerable("I drive") is None  # too short to say what rides on it
    assert offerable("I " + "really " * 30 + "need it") is None  # too long to be one clause


def test_without_counts_nothing_is_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(likely, "counts", lambda: None)
    assert "stakes" not in read(LATE + DRIVER).facts


def test_the_shipped_counts_are_a_rebuild_of_the_development_sets_only() -> None:
    path = REPO / "tools" / "learn.py"
    spec = importlib.util.spec_from_file_location("learn_tool", path)
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    sys.modules["learn_tool"] = tool
    spec.loader.exec_module(tool)
    assert not any(name.startswith("heldout") for name in tool.DEVELOPMENT)
    for target, text in tool.built().items():
        assert target.read_text(encoding="utf-8") == text, f"rebuild it: python {path}"


@pytest.mark.parametrize(
    "message",
    [
        "Caller advises his card was charged twice. I need it sorted by Friday.",
        "Tenant rang, says the boiler is still broken. I have a newborn baby.",
    ],
)
def test_a_note_that_opens_with_the_caller_or_tenant_is_the_agents_not_the_customers(
    message: str,
) -> None:
    assert is_agent_note(message)
    stakes = read(message).facts.get("stakes")
    assert stakes is None or "you need it sorted by Friday" not in stakes.value
