"""A playbook's questions answered by what the customer already said, never by a guess."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import read
from recovery_cli.listen.answers import heard_answers
from recovery_cli.playbook.models import Playbook, Question
from recovery_cli.triage import Triage
from support import playbook_dict, step


def with_question(question: dict[str, object]) -> Playbook:
    choices: dict[str, str] = question["choices"]  # type: ignore[assignment]
    asking = step("listen", "Tell me more.", question=question)
    asking["branches"] = {answer: "end" for answer in choices}
    return Playbook.model_validate(playbook_dict(asking))


HURT = with_question(
    {
        "id": "hurt",
        "ask": "Was anyone hurt?",
        "choices": {"no": "No", "yes": "Yes"},
        "default": "no",
        "heard": {"yes": ["a burn", "hospital", "got|was|were hurt", "only ... arrived"]},
    }
)


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("It caught fire and I have a burn on my palm.", "a burn"),
        ("My son was hurt when it snapped.", "was hurt"),
        ("We ended up in HOSPITAL overnight.", "HOSPITAL"),
        ("Only the lid and base arrived.", "Only the lid and base arrived"),
    ],
)
def test_an_answer_is_heard_in_the_customers_words(message: str, words: str) -> None:
    heard = heard_answers(message, HURT)["hurt"]
    assert (heard.answer, heard.words) == ("yes", words)
    assert message[heard.start : heard.end] == words


@pytest.mark.parametrize(
    "message",
    [
        "It sparked, but nobody was hurt.",
        "It caught fire; luckily no burn, no hospital.",  # denied, each of them
        "It scorched the table.",  # nothing the trainer listed
        "Only the lid and the base and the handle and the cable and the box arrived.",  # too far
        "The hospitality was poor.",  # a word inside another is not the word
    ],
)
def test_nothing_is_heard_where_it_is_denied_or_not_said(message: str) -> None:
    assert heard_answers(message, HURT) == {}


def test_two_answers_heard_at_once_are_left_to_the_agent() -> None:
    playbook = with_question(
        {
            "id": "mistake",
            "ask": "What went wrong?",
            "choices": {"wrong": "Wrong item", "missing": "Something missing"},
            "default": "wrong",
            "heard": {"wrong": ["wrong size"], "missing": ["missing"]},
        }
    )
    assert heard_answers("The wrong size came, and the belt is missing.", playbook) == {}
    assert heard_answers("The belt is missing.", playbook)["mistake"].answer == "missing"


def test_a_huge_or_hostile_message_is_read_only_as_far_as_a_reading_goes() -> None:
    """Past `MAX_CHARS` nothing is read, as for every fact; the patterns' quantifiers are
    bounded, so a long run of near-misses cannot make them backtrack without end."""
    playbook = Library.configured().playbook("product-safety")
    assert heard_answers("only " * 100_000 + "a&e", playbook) == {}
    assert heard_answers("burned my " * 1_000 + "hand", playbook)["hurt"].answer == "yes"


@pytest.mark.parametrize(
    ("scenario", "message", "question", "answer"),
    [
        ("wrong-item", "No hinges in the box at all. Order 4410982.", "mistake", "missing"),
        ("product-safety", "It caught fire. I have a burn and went to A&E.", "hurt", "yes"),
        ("refund", "Hi, I'd like a refund for the yoga mat please.", "refund_state", "new_request"),
        ("refund", "I still haven't got my refund, 3 weeks on.", "refund_state", "overdue"),
        ("missed-appointment", "Nobody came. I have a baby and no heating.", "can_wait", "urgent"),
        (
            "missed-appointment",
            "Nobody came on Friday, so I paid a local engineer £180 to fix the boiler.",
            "sorted",
            "elsewhere",
        ),
        (
            "missed-appointment",
            "4.35 and no car. got an uber, missed the flight anyway.",
            "sorted",
            "elsewhere",
        ),
        (
            "booking-failure",
            "No booking in my name. I must pay again 380 euro to another hotel for tonight.",
            "availability",
            "afterwards",
        ),
        (
            "premium-failure",
            "Paid for next day and it came 4 days later.",
            "restore",
            "cannot_redo",
        ),
        ("partner-poor-work", "The painters dripped paint all over our floor.", "damage", "damage"),
        (
            "product-safety",
            "Since your engineer left, the carbon monoxide alarm keeps going off.",
            "gas",
            "yes",
        ),
        (
            "product-safety",
            "There's a smell of gas in the kitchen since the fitting.",
            "gas",
            "yes",
        ),
        (
            "product-safety",
            "Told the waiter about his nut allergy and the kitchen said the noodles were safe.",
            "served",
            "yes",
        ),
        (
            "partner-poor-work",
            "The tiles are cracked. I'll get my own builder in, I don't want them back.",
            "fixer",
            "own_trades",
        ),
        ("service-outage", "App down all day, I got fined for parking.", "cost", "elsewhere"),
        (
            "service-outage",
            "I must pay my rent by 5pm or I get a late fee from my landlord.",
            "cost",
            "elsewhere",
        ),
        (
            "booking-failure",
            "They said there was no booking and turned us away.",  # "no" is another clause's
            "availability",
            "afterwards",
        ),
        (
            "in-person-mishap",
            "At your store yesterday a shelf fell on my foot.",
            "day_ahead",
            "afterwards",
        ),
        (
            "in-person-mishap",
            "A tin fell and hit her on the head; she was checked over at hospital.",
            "hurt",
            "yes",
        ),
        (
            "partner-poor-work",
            "The installer you sent didn't connect the earth and there is a burning smell.",
            "damage",
            "unsafe",
        ),
        (
            "booking-failure",
            "Our room had been released. We had to drive another 40 minutes to find somewhere.",
            "availability",
            "afterwards",
        ),
        (
            "privacy-mistake",
            "i got someone elses invoice in my account with their card number. "
            "thought you should know",
            "whose",
            "others",
        ),
        (
            "premium-failure",
            "I pay for a 1-hour call back. Nobody called me until Tuesday afternoon.",
            "restore",
            "cannot_redo",
        ),
        (
            "premium-failure",
            "We paid extra for the lounge and fast track. The lounge was closed all weekend.",
            "restore",
            "cannot_redo",
        ),
        (
            "account-access",
            "Locked out again. The 2FA code goes to a mobile number I haven't had since 2021.",
            "access_problem",
            "text_fails",
        ),
        (
            "privacy-mistake",
            "The letter went to my old address where my ex-partner lives. "
            "I have a non-molestation order.",
            "danger",
            "yes",
        ),
        (
            "damaged-item",
            "The vase arrived in pieces. I'd like my money back please.",
            "remedy",
            "refund",
        ),
        (
            "damaged-item",
            "The lamp arrived cracked, can you send me another?",
            "remedy",
            "replace",
        ),
        (
            "delivered-not-received",
            "Tracking says delivered but nothing came. Please just send me another.",
            "remedy",
            "replace",
        ),
        (
            "billing-problem",
            "my bill this month is $212, its usually $79. nothing changed on my plan.",
            "charge_type",
            "unexplained",
        ),
        (
            "billing-problem",
            "Mum's had a water bill for £1,246.30. Her normal bill is about £30 a month.",
            "charge_type",
            "unexplained",
        ),
        (
            "wrong-fit-order",
            "Could you cancel it or swap it for the 55cm compact one before it's dispatched?",
            "raised",
            "customer",
        ),
        (
            "wrong-fit-order",
            "I think I've ordered the wrong brake pads. Has it gone yet?",
            "decision",
            "swap_item",
        ),
        (
            "billing-problem",
            "I think the meter's been misread, the bill says E next to the reading.",
            "charge_type",
            "unexplained",
        ),
        (
            "hard-to-cancel",
            "charged me R349 for a month i already cancelled. sort it",
            "cancelled",
            "already",
        ),
        (
            "hard-to-cancel",
            "I cancelled my membership in January and you took £39.99 in February.",
            "cancelled",
            "already",
        ),
        (
            "missed-appointment",
            "I took the morning off and drove to the clinic for my scan, and it was cancelled.",
            "visit",
            "ours",
        ),
        (
            "missed-appointment",
            "My video consultation was at 3pm and nobody ever called. I waited an hour.",
            "visit",
            "remote",
        ),
        (
            "privacy-mistake",
            "Inside was a statement for a different customer's account, with their balance.",
            "whose",
            "others",
        ),
        (
            "privacy-mistake",
            "I got an email with lab results attached. They are not my results.",
            "whose",
            "others",
        ),
    ],
)
def test_the_shipped_playbooks_hear_what_their_defaults_would_get_wrong(
    scenario: str, message: str, question: str, answer: str
) -> None:
    playbook = Library.configured().playbook(scenario)
    assert heard_answers(message, playbook)[question].answer == answer


@pytest.mark.parametrize(
    ("scenario", "message", "question"),
    [
        ("in-person-mishap", "The waiter spilled wine on my dress, nobody was hurt.", "hurt"),
        ("hard-to-cancel", "There is no cancel button and you keep charging me.", "cancelled"),
        ("missed-appointment", "The engineer never came, I waited in all day.", "visit"),
        (
            "product-safety",  # a mark on the thing is no injury
            "The blanket has got a burn mark through the cover. My mum was on it. She's fine.",
            "hurt",
        ),
        (
            "privacy-mistake",  # both said: their own details went too, so the default stands
            "I got another customer's order history, and she got my details the same way.",
            "whose",
        ),
    ],
)
def test_the_shipped_playbooks_keep_their_default_when_the_message_does_not_say(
    scenario: str, message: str, question: str
) -> None:
    playbook = Library.configured().playbook(scenario)
    assert question not in heard_answers(message, playbook)


def test_a_question_without_phrases_is_never_answered_from_the_message() -> None:
    question = Question(id="q", ask="?", choices={"a": "A", "b": "B"}, default="a")
    assert question.heard == {}
    assert heard_answers("a b a b", with_question(question.model_dump())) == {}


@pytest.mark.parametrize(
    ("scenario", "message"),
    [
        (
            "in-person-mishap",
            "My little boy got his finger trapped in the door of your play area. "
            "His nail is coming off and he's in a lot of pain.",
        ),
        ("in-person-mishap", "Your hotel room had bed bugs. I have bites all over my arms."),
        ("product-safety", "The kettle sparks when I switch it on. Got a shock off it today."),
        ("product-safety", "Your nut-free bars had peanuts in them. My son came out in hives."),
    ],
)
def test_someone_read_as_hurt_answers_whether_anyone_was_hurt(scenario: str, message: str) -> None:
    """What reads `harmed` for the reply also answers the question (`read: {yes: harmed}`),
    so the draft never asks "was anyone hurt?" of a customer who said their son was."""
    playbook = Library.configured().playbook(scenario)
    reading = read(message, Triage.from_library(Library.configured()))
    heard = heard_answers(message, playbook, reading.facts)["hurt"]
    assert heard.answer == "yes"
    assert heard.words.lower() in message.lower()


def test_harm_that_is_denied_is_not_read_as_an_answer() -> None:
    playbook = Library.configured().playbook("in-person-mishap")
    message = "The waiter spilled soup in my lap. Luckily nobody was hurt, but my suit is ruined."
    reading = read(message, Triage.from_library(Library.configured()))
    assert "hurt" not in heard_answers(message, playbook, reading.facts)
