"""How the customer asked to be reached is read, said back in the reply and kept to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_cli.listen import read
from recovery_cli.playbook.reply import reach_way
from support import Invoke

DEAF = (
    "My sofa was promised for Friday and it still isn't here. Order 99102.\n"
    "I'm deaf so please text me on 07700 900123, don't phone.\n"
    "Priya"
)


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("My parcel never came. Please ring me on 07700 900123 after 5pm.",
         "call you on 07700 900123 after 5pm"),
        (DEAF, "text you on 07700 900123, not call you"),
        ("Can someone call me back today? My mobile is 07911 123456.",
         "call you back on 07911 123456 today"),
        ("Don't ring me at work, email only.", "email you, not call you at work"),
        ("Please reply by email, I can't take calls at work.", "email you, not call you at work"),
        ("Could you please phone me rather than email? I don't check emails much.",
         "call you, not email you"),
        ("I want a named manager to call me this week. Claim HS-882190", "call you this week"),
        ("You can reach me on 0161 496 0000.", "call you on 0161 496 0000"),
        ("Please call me. 087 555 0192.\nDeirdre", "call you on 087 555 0192"),
        ("I'd like a call tomorrow, please, not an email. Booking ref CC-88193.",
         "call you tomorrow, not email you"),
        ("Email me at jo.bloggs@example.com please.", "email you at jo.bloggs@example.com"),
        ("Please don't ring my home number. Email only.",
         "email you, not call you on your home number"),
        ("Name: Wendell Price\nPreferred contact: Phone\nThe technician never came.", "call you"),
        ("Please cancel it, refund the £119, and confirm by text to 07700 900 563.",
         "text you on 07700 900 563"),
        ("Text me back pls cant talk in the waiting area", "text you, not call you"),
        ("stop calling me every day about this bill", "not call you"),
        ("I would like a written reply explaining what you have done.", "write to you"),
        ("Preferred contact: WhatsApp please, +44 7700 900 512", "text you on +44 7700 900 512"),
        ("Best way to reach me: email, or text (please not calls before 2pm, I work nights).",
         "email you, not call you before 2pm"),
        ("I can't take calls at school, so please write to me at this address.",
         "write to you at this address, not call you"),
        ("I want a manager to ring me. 07700 900 145, any weekday after 5.",
         "call you on 07700 900 145 after 5"),
        ("Please ring me instead - Joan Pratt, 01632 960 441, I'm in most days.",
         "call you on 01632 960 441"),
        ("You can call me on 07700 900 134, I'm free until 4.", "call you on 07700 900 134"),
        ("Please ring after 6pm on 07700 900 861, or email is fine.",
         "call you on 07700 900 861 after 6pm"),
        ("Text me on 07700 900 440, can't hear calls in here.",
         "text you on 07700 900 440, not call you"),
        ("My husband's away so text is easiest, 07700 900 592.", "text you on 07700 900 592"),
        ("Please call me, afternoons are best, on 07700 900 927.",
         "call you on 07700 900 927 in the afternoon"),
        # A time after a dash, a way refused beside the one asked for, a phone of theirs refused.
        ("Please ring me on 07700 900 417 - after 5 is best, I'm on shift.",
         "call you on 07700 900 417 after 5"),
        ("Call me on the shop number 07700 900 770 - please don't email, I won't see it.",
         "call you on 07700 900 770, not email you"),
        ("Please call me on the salon phone, 555-0193, not my cell.",
         "call you on 555-0193, not on your cell"),
        ("Please phone me on 07700 900 584 after 6pm, I can't take calls at work.",
         "call you on 07700 900 584 after 6pm, not at work"),
        ("Please send a text when he is coming, I can't answer calls at work.",
         "text you, not call you at work"),
        # Post by name, a shout, a form's best time and phone, a number on the request's line.
        ("I would like a written response, by post please.", "write to you by post"),
        ("Please reply to me by post at the address above. I do not use email.",
         "write to you by post, not email you"),
        ("Give me a shout back on 086 555 0142 when you know.", "call you back on 086 555 0142"),
        ("Name: Sanjay Patel\nPhone: 07700 900 845\nBest time to call: weekday evenings\n"
         "Message: I ordered the wrong dishwasher.",
         "call you on 07700 900 845 on weekday evenings"),
        ("Any news?\n\nDana Whitfield\n555-0163 (cell - text is fine)\n\n> On Mon, Bill wrote:\n"
         "> It will be ready Thursday.", "text you on 555-0163"),
    ],
)  # fmt: skip
def test_a_request_for_a_way_to_be_reached_is_read_in_the_replys_words(
    message: str, asked: str
) -> None:
    fact = read(message).facts["contact_request"]
    assert fact.value == asked
    assert fact.words.lower() in message.lower()


@pytest.mark.parametrize(
    ("note", "asked"),
    [
        ("Cust Mr Rahimi called re refund. Very upset. Wants callback from TL today.",
         "call you back today"),
        ("Caller Mrs Holt, claim CLM-0098341. CB req by EOD.", "call you back by EOD"),
        ("Cust called re order 4410, asked to be called back on 07700 900 925 asap.",
         "call you back on 07700 900 925 asap"),
        ("Cust Mr Zhang called 10:15 re branch visit. Wants a written response, not a call.",
         "write to you, not call you"),
        ("Cust called re meter. Wants txt updates to 07700 900 506, does NOT want call backs.",
         "text you on 07700 900 506, not call you"),
        ("Cust Ms Price called 10:20. Asks NO calls to mobile, email only to lp@example.org.",
         "email you at lp@example.org, not call you"),
    ],
)  # fmt: skip
def test_an_agents_note_of_a_request_is_read_as_the_customers(note: str, asked: str) -> None:
    assert read(note).facts["contact_request"].value == asked


@pytest.mark.parametrize(
    "message",
    [
        "You never call me back and I have called you three times.",
        "I rang you twice and nobody called me back.",
        "Call me crazy but I expected it on Friday.",
        "Please email me the invoice for order 4411.",
        "Can you text me the code again?",
        "Your app says account locked for security, please call us. I HAVE called.",
        "Call 11:04. Caller Mr Barr, booking ref TT9K2A, shouting re cancelled flight.",
        "The phone line says 'high demand, call back later' and hangs up.",
        "I don't want another call handler, I want someone who can fix it.",
        "Please stop writing to my late husband, he died in March.",
        "Told him I'd ask the manager and call back tomorrow by 12.",
        "I called 0800 123 4567 six times and nobody answered.",
        "Order 5009 - jacket not rated for that. It's being packed now. Call before it ships?",
        "You can call me Dave, everyone does. The boiler is still broken.",
        "My water bill is wrong. Please don't phone Mum, she gets confused.",
    ],
)
def test_what_is_not_a_request_of_theirs_is_not_read_as_one(message: str) -> None:
    assert "contact_request" not in read(message).facts


def test_a_request_in_our_own_turn_of_a_pasted_chat_is_not_theirs() -> None:
    chat = (
        "Customer: my router has been down since Monday, order 55120\n"
        "Agent (Sana): I'm sorry to hear that. Please call me back on 0800 123 4567 "
        "if it drops again.\n"
        "Customer: it has dropped again"
    )
    assert "contact_request" not in read(chat).facts


def test_the_reply_says_back_how_they_asked_to_be_reached_on_every_private_channel(
    invoke: Invoke,
) -> None:
    base = ("run", "--message", DEAF, "--no-input")
    line = "You asked us to text you on 07700 900123, not call you, and we will."
    email = invoke(*base).stdout
    assert line in email
    assert email.index(line) < email.index("Priya") or "Hi Priya" in email
    chat = invoke(*base, "--set", "channel=chat").stdout
    assert line in chat
    phone = invoke(*base, "--set", "channel=phone").stdout
    assert line in phone  # the written confirmation after the call
    public = invoke(*base, "--set", "channel=social", "--format", "json").stdout
    reply = json.loads(public)["draft"]
    assert "07700" not in reply and "text you" not in reply  # nothing private in public


def test_the_checklist_keeps_to_it(invoke: Invoke) -> None:
    result = invoke("run", "--message", DEAF, "--no-input", "--format", "json")
    assert result.exit_code == 0, result.output
    made = json.loads(result.stdout)
    assert (
        "Keep to how Priya asked to be reached: text them on 07700 900123, not call them."
        in made["checklist"]
    )


def test_a_refusal_alone_is_said_back_as_one(invoke: Invoke) -> None:
    message = "I was charged twice for order 4471. Please don't call me at work.\nSam"
    draft = invoke("run", "--message", message, "--no-input").stdout
    assert "You asked us not to call you at work, and we won't." in draft


def test_with_no_request_the_reply_says_nothing_of_it(invoke: Invoke) -> None:
    draft = invoke("run", "--message", "I was charged twice for order 4471.", "--no-input").stdout
    assert "You asked us" not in draft


def test_an_agent_or_a_column_can_give_it_and_a_column_wins(invoke: Invoke, tmp_path: Path) -> None:
    given = invoke(
        "run", "refund", "--no-input", "--set", "customer_name=Sam",
        "--set", "contact_request=call you after 6pm",
    )  # fmt: skip
    assert given.exit_code == 0, given.output
    assert "You asked us to call you after 6pm, and we will." in given.stdout
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"message": DEAF, "contact_request": "email you"}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    batch = invoke("batch", str(rows), "-o", str(out))
    assert batch.exit_code == 0, batch.output
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert "You asked us to email you, and we will." in record["draft"]
    assert "07700" not in record["draft"]


def test_the_replys_own_promises_use_the_way_they_asked_for(invoke: Invoke) -> None:
    message = (
        "The engineer never came between 8 and 12 for my boiler service and I took the day "
        "off. I'm deaf, please text me on 07700 900583, don't phone."
    )
    draft = invoke("run", "missed-appointment", "--message", message, "--no-input").stdout
    assert "whoever we send will text you half an hour before arriving" in draft
    assert "I'll text you the day after the visit" in draft
    promises = draft.replace("not call you", "")
    assert "call you" not in promises and "ring you" not in promises


@pytest.mark.parametrize(
    ("asked", "way"),
    [
        ("", "call you"),
        ("call you back on 07700 900123 after 5", "call you"),
        ("text you on 07700 900123, not call you", "text you"),
        ("email you at jo@example.com", "email you"),
        ("write to you at this address, not call you", "write to you"),
        ("not call you", "write to you"),
        ("not call you at work", "call you"),
    ],
)
def test_how_the_lines_say_we_will_reach_them(asked: str, way: str) -> None:
    assert reach_way(asked) == way


def test_account_access_offers_no_call_to_someone_who_refused_calls(invoke: Invoke) -> None:
    message = (
        "I can't log in, the reset email never comes. I'm deaf so please text me, don't phone."
    )
    draft = invoke("run", "account-access", "--message", message, "--no-input").stdout
    assert "a one-time code by text" in draft
    assert "quick call" not in draft
