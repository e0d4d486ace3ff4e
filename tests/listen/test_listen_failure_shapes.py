"""What went wrong, said in more of the ways customers say it: a thing that went off or
packed in, a service nobody collected or joined, a home with no hot water, something done
to the customer by one of ours, a fault reported again and again. Each message is written
for the test; each expected clause is what a draft would say back."""

from __future__ import annotations

import pytest

from recovery_cli.listen import read


def issue(message: str) -> str | None:
    return read(message).value("issue")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Our heating is off again.", "your heating is off again"),
        ("My wifi's been off since lunchtime.", "your wifi has been off since lunchtime"),
        ("The dishwasher packed in on day three.", "the dishwasher packed in on day three"),
        (
            "The crew have not collected my old mattress.",
            "the crew have not collected your old mattress",
        ),
        ("The tutor never joined the video call.", "the tutor never joined the video call"),
        ("Our cabin had no hot water for two days.", "your cabin had no hot water for two days"),
        (
            "My router has dropped out every evening this week.",
            "your router has dropped out every evening this week",
        ),
        (
            "The lamp arrived with a hairline crack in the base.",
            "the lamp arrived with a hairline crack in the base",
        ),
        (
            "Your waiter tripped and spilled red wine over my coat.",
            "our waiter tripped and spilled red wine over your coat",
        ),
        (
            "I've reported the damp in the hallway four times since March.",
            "you've reported the damp in the hallway four times since March",
        ),
        (
            "Garden waste not emptied for 3 weeks now.",
            "your garden waste has not been emptied for 3 weeks now",
        ),
        (
            "At 9pm the front desk says they have no booking under our name.",
            "the front desk says they have no booking under your name",
        ),
        (
            "Arrived for my filling and receptionist says I'm not on the system.",
            "the receptionist says you're not on the system",
        ),
        ("Boiler engineer no show again.", "the boiler engineer was a no-show again"),
        ("Kitchen fitted Mon, plumber no show Tues.", "the plumber was a no-show"),
        (
            "The hamper came with a bottle of gin instead of the champagne we chose.",
            "the hamper came with a bottle of gin instead of the champagne you chose",
        ),
        (
            "I got the blue kettle instead of the cream one.",
            "you got the blue kettle instead of the cream one",
        ),
        (
            "The coach turned up with no wheelchair lift.",
            "the coach turned up with no wheelchair lift",
        ),
        (
            "Son rang. Advises carer did not attend the lunch visit.",
            "the carer did not attend the lunch visit",
        ),
        (
            "Your barista tipped a latte over my laptop.",
            "our barista tipped a latte over your laptop",
        ),
        (
            "The tiler your company sent left a gap along the skirting.",
            "the tiler our company sent left a gap along the skirting",
        ),
        (
            "You sent my boarding passes to a completely different email address.",
            "we sent your boarding passes to a completely different email address",
        ),
        (
            "My statement this month arrived with someone else's payslip in it.",
            "your statement arrived with someone else's payslip in it",
        ),
        (
            'The portal has been giving me "error 500" since Monday.',
            'the portal has been giving you "error 500" since Monday',
        ),
        (
            "Login link in ur text just opens a blank page.",
            "the login link in our text just opens a blank page",
        ),
        ("4 of the 12 glasses cracked in the box.", "4 of the 12 glasses cracked in the box"),
        (
            'Tracking for the printer ink says "delivered" but nothing came.',
            "the printer ink shows as delivered but hasn't reached you",
        ),
        ("The sofa bed would not go flat.", "the sofa bed would not go flat"),
        ("The barrier wouldn't read my ticket.", "the barrier wouldn't read your ticket"),
        (
            "Desk (the airport branch) says no estate cars available.",
            "the desk says no estate cars available",
        ),
        ("The broadband is rubbish again.", "the broadband is rubbish again"),
        (
            "A security guard grabbed my arm at the exit.",
            "a security guard grabbed your arm at the exit",
        ),
        ("My screen had no signal she had to restart it", "your screen had no signal"),
        (
            "My card is getting declined at every till.",
            "your card is getting declined at every till",
        ),
        ("The top tier has slid off the cake.", "the top tier has slid off the cake"),
        (
            "Warden says it's been given to someone else, we booked months ago.",
            "the warden says it's been given to someone else",
        ),
        ("The table you delivered has a cracked leg.", "the table we delivered has a cracked leg"),
        ("You've cut my gas off and I'm 80.", "we've cut your gas off"),
        (
            'Your courier says "delivered" at 10:02. I was in all day and nothing came.',
            "your parcel shows as delivered but hasn't reached you",
        ),
        (
            "Cx rang (acct 5512) - locked out of online banking after 3 failed OTP attempts.",
            "you were locked out of online banking after 3 failed OTP attempts",
        ),
        (
            "Your driver today (van ending 4LX) threw my parcel over the gate.",
            "our driver threw your parcel over the gate",
        ),
        (
            "Incident 10:05. Waiter spilled soup onto a customer's coat.",
            "the waiter spilled soup onto your coat",
        ),
        (
            "You've taken my direct debit twice this month.",
            "we've taken your direct debit twice this month",
        ),
        (
            "A jug of water went straight down my back.",
            "a jug of water went straight down your back",
        ),
        (
            "Call 11:20 - Mr Gold, acc 5510. Cannot log in since the update.",
            "you cannot log in since the update",
        ),
        ("Subject: Someone else's payslip", "you received someone else's payslip"),
        ("Hi, wrong size shoes.", "you received the wrong size shoes"),
        (
            "hiya, got a red scarf instead of the blue one!",
            "you got a red scarf instead of the blue one",
        ),
        (
            "We drove 4 hours to be told they had no booking for us.",
            "you were told they had no booking for you",
        ),
    ],
)
def test_more_ways_of_saying_what_went_wrong(message: str, expected: str) -> None:
    assert issue(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "The pharmacist is off sick so the clinic was moved.",
        "Our driver is off to the depot, he'll call you back.",
        "I reported the fault and it was fixed the same day, thank you.",
        "The guide says there is no charge for children under five.",
        "Mrs Adeyemi advises she will be away until the 4th.",
        "The sauce for 2 of the 3 meals is missing.",
        "She tore a split in the seam.",
        "Could someone help with the appeal?",
        "Probably won't be back.",
        "Wrong house.",
        "Can I get a refund for the lessons? Maisie broke her arm.",
    ],
)
def test_words_that_only_look_like_a_failure_are_not_one(message: str) -> None:
    assert issue(message) is None


def test_a_note_says_her_as_the_customer_made_or_let_do_something() -> None:
    said = issue(
        "Caller says the barrier wouldn't accept her ticket and the attendant made her pay "
        "again before letting her out."
    )
    assert said == (
        "the barrier wouldn't accept your ticket and the attendant made you pay again before "
        "letting you out"
    )
