"""Someone hurt, made ill or left without care is read, and the reply asks after them first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_cli.listen import read
from recovery_cli.listen.model import SURE
from recovery_cli.playbook.reply import wellbeing
from support import Invoke

GRAZED = (
    "Hello, the gate on your play area came off its hinge on Saturday and my daughter "
    "needed three stitches in her knee. Booking ref PL-5521.\nRuth"
)


@pytest.mark.parametrize(
    ("message", "who"),
    [
        (GRAZED, "your daughter"),
        (
            "My husband slipped on the wet floor by your tills and fractured his wrist.",
            "your husband",
        ),
        ("The carer never came on Sunday, so Dad missed his evening insulin.", "your dad"),
        ("I ended up in A&E after eating the chicken wrap from your Dover St shop.", "you"),
        ("The lid flew off and I scalded my hand on the boiling water.", "you"),
        (
            "Our terrier Rex ate the bait your pest team left out and had to go to the vets.",
            "your dog",
        ),
        (
            "Mum was left sitting in her chair all night because the evening visit was missed.",
            "your mum",
        ),
        ("Cx says her son (7) burnt his arm on the exposed heater pipe. Ref 88120.", "your son"),
        ("My son was admitted to hospital after eating the cake you sold us.", "your son"),
    ],
)
def test_who_was_harmed_is_read_in_the_customers_terms(message: str, who: str) -> None:
    fact = read(message).facts["harmed"]
    assert fact.value == who
    assert fact.words.lower() in message.lower()


def test_a_he_or_she_is_the_relation_named_before_and_only_a_guess() -> None:
    message = (
        "My wife has a severe nut allergy and we told the waiter twice. He promised the curry "
        "was safe. Within minutes she had a reaction and we spent the night at the hospital."
    )
    fact = read(message).facts["harmed"]
    assert fact.value == "your wife"  # past the waiter's "he"
    assert fact.confidence < SURE  # resolved, so an agent confirms it


@pytest.mark.parametrize(
    "message",
    [
        "My son could have been badly hurt by that loose shelf.",
        "Luckily nobody was injured, but the oven door shattered across the kitchen.",
        "I was really hurt by the way your manager spoke to me.",
        "Your driver slipped on our drive and I hope he is OK, but my parcel is still missing.",
        "I'm sick of waiting for this refund, it has been three weeks.",
        "My phone died and the battery is swollen.",
        "The cake was ruined and the top tier fell off in the box.",
        "I'm a nurse and work nights at the hospital, so I need a morning slot.",
        "My hospital appointment was cancelled twice and I took a day off for it.",
        "The power cut tripped the electrics and I had to reset everything.",
        "A man collapsed in the queue and your staff did nothing.",
        "Nobody was hurt but my 4 year old was right next to it when it sparked.",
        "Sorting this out has been a real pain and a headache to deal with.",
        "My dad passed away last month.",
        "We ended up running a cut-down event in the car park in the rain.",
        "I work shifts as a paramedic and I'm on at 10, so the slot has to be early.",
        "The cupboard base is now swollen where the sink leaked into it.",
        "My mobile phone fell out of my bag and the screen shattered.",
        "They said the bumper brackets are broken and have been glued.",
        "If I hadn't looked, we'd have been in A&E.",
        "My flight is on the 20th but mum has been taken into hospital, can I get my money back?",
        "It was £899 in your sale but my wife was in hospital and I didn't get round to it.",
    ],
)
def test_near_misses_denials_idioms_and_other_peoples_harm_are_not_read(message: str) -> None:
    assert "harmed" not in read(message).facts


def test_harm_makes_the_suggested_severity_high_with_its_reason() -> None:
    severity = read(GRAZED).severity
    assert severity is not None and severity.level == "high"
    assert any(reason.kind == "someone was hurt" for reason in severity.reasons)


@pytest.mark.parametrize(
    ("who", "email", "chat"),
    [
        ("your son", "I'm so sorry about what happened to your son, and I hope he's all right "
         "now.", "I hope your son is all right."),
        ("your mum", "I'm so sorry about what happened to your mum, and I hope she's all right "
         "now.", "I hope your mum is all right."),
        ("your kids", "I'm so sorry about what happened to your kids, and I hope they're all "
         "right now.", "I hope your kids are all right."),
        ("you", "I'm so sorry for what you went through, and I hope you're all right now.",
         "I hope you're all right."),
        ("someone", "I'm so sorry for what happened, and I hope whoever was hurt is being well "
         "looked after now.", "I hope whoever was hurt is being well looked after."),
    ],
)  # fmt: skip
def test_the_first_words_ask_after_whoever_was_harmed(who: str, email: str, chat: str) -> None:
    assert wellbeing(who) == email
    assert wellbeing(who, short=True) == chat


def test_an_unattended_draft_asks_after_everyone_without_guessing_who(invoke: Invoke) -> None:
    result = invoke("run", "--message", GRAZED, "--no-input", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["draft"].startswith(
        "Hi Ruth,\n\nI'm so sorry for what happened, and I hope whoever was hurt is being well"
        " looked after now.\n\n"
    )
    assert "your daughter" not in out["draft"].split("\n\n")[1]
    assert out["inputs"]["harmed"] == "someone" and out["sources"]["harmed"] == "read"
    assert out["facts"]["facts"]["harmed"]["value"] == "your daughter"  # shown, not drafted


def test_triage_shows_who_was_harmed(invoke: Invoke) -> None:
    result = invoke("triage", GRAZED)
    assert result.exit_code == 0, result.output
    assert "harmed: your daughter" in result.stdout


def test_an_agent_or_a_column_names_who_and_the_reply_asks_after_them(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke(
        "run", "refund", "--no-input", "--set", "customer_name=Sam", "--set", "harmed=your wife"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        "Hi Sam,\n\nI'm so sorry about what happened to your wife, and I hope she's all right now."
    )
    rows = tmp_path / "rows.jsonl"
    row = {"id": "1", "customer_name": "Ali", "harmed": "your dad", "message": GRAZED}
    rows.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = invoke("batch", str(rows), "--out", str(out), "--workers", "1")
    assert done.exit_code == 0, done.output
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert (
        "I'm so sorry about what happened to your dad, and I hope he's all right now."
        in (record["draft"])
    )


def test_a_death_is_said_first_and_harm_is_not_said_again(invoke: Invoke) -> None:
    result = invoke(
        "run", "refund", "--no-input", "--set", "customer_name=Sam",
        "--set", "loss=your mum", "--set", "harmed=your dad",
    )  # fmt: skip
    assert result.stdout.startswith("Hi Sam,\n\nI'm so sorry about your mum.\n\n")
    assert "what happened to your dad" not in result.stdout


@pytest.mark.parametrize(
    "message",
    [
        "I was in for a cut and colour at your salon and a latte went into my bag.",
        "The junior bringing drinks tripped on the dryer cable and soaked my laptop.",
    ],
)
def test_a_haircut_or_a_fall_by_our_staff_is_no_harm_to_the_customer(message: str) -> None:
    assert "harmed" not in read(message).facts


def test_an_unattended_draft_asks_after_the_customer_who_says_they_were_hurt(
    invoke: Invoke,
) -> None:
    """ "I've broken my ankle" says who in its own words: "whoever was hurt" would read as
    if we had not listened."""
    message = (
        "Can I freeze my gym membership for 3 months? I've broken my ankle playing football "
        "and I'm in a boot until March. Thanks, Sam"
    )
    result = invoke("run", "--message", message, "--no-input", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["inputs"]["harmed"] == "you"
    assert "I hope you're all right now." in out["draft"]
    assert "whoever was hurt" not in out["draft"]
