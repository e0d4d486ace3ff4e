"""`recovery run` at a real terminal: an agent types answers and choices, as in a shift."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 20


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    """`recovery run ARGS` at a 50x160 terminal, its state kept in `tmp_path`."""
    env = {
        **os.environ,
        "RECOVERY_HOME": str(tmp_path / "state"),
        "NO_COLOR": "1",
        "COLUMNS": "160",
        "TERM": "xterm",
    }
    env.pop("RECOVERY_PLAYBOOKS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "recovery_cli", "run", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(50, 160),
    )
    child.logfile_read = io.StringIO()  # everything the agent saw
    return child


GLASSES = (
    "My glasses were promised for Friday and still are not here! I need them for my exam on Monday."
)


OPTIONAL_FACTS = (
    "Order, booking or ticket number",
    "How much money is involved?",
    "How long have they waited?",
    "How often has it happened?",
)
"""The optional facts outsourced-delay asks for after the partner, in order."""


def paste(child: pexpect.spawn, message: str) -> None:
    """Paste the customer's words at the first prompt; an empty line ends them."""
    child.expect_exact("Paste what the customer said")
    child.expect_exact("> ")
    if message:
        child.sendline(message)
    child.sendline("")


def answer_inputs(child: pexpect.spawn, name: str, message: str = GLASSES) -> None:
    """Paste the message, give the name, accept what was read from the message, and
    answer the rest the way an agent on a shift would."""
    paste(child, message)
    child.expect_exact("Customer's name (optional): ")
    child.sendline(name)
    for prompt in ("What went wrong, in a few words?", "What had we promised?",
                   "What is riding on it for the customer?"):  # fmt: skip
        child.expect_exact(prompt)
        child.sendline("")  # Enter accepts the value read from the message (or the default)
    child.expect_exact("Which partner or vendor was involved, if any?")
    child.sendline("the lens lab")
    for prompt in OPTIONAL_FACTS:
        child.expect_exact(prompt)
        child.sendline("")  # optional: nothing the message gave
    child.expect_exact("How severe is it for the customer? (low/medium/high)")
    child.sendline("")
    child.expect_exact("Channel (phone/chat/email/in-person/social/review)")
    child.sendline("")
    child.expect_exact("When will you next update them?")
    child.sendline("by 3pm tomorrow")


def take_defaults(child: pexpect.spawn) -> None:
    """Enter at every step and question until the draft is shown."""
    while True:
        index = child.expect([r"Choose 1-\d", r"Answer 1-\d \[\d\]: ", "Draft to send"])
        if index == 2:
            return
        child.sendline("")


def saved_transcript(tmp_path: Path) -> dict[str, object]:
    transcripts = list((tmp_path / "state" / "transcripts").glob("*.json"))
    assert len(transcripts) == 1
    saved: dict[str, object] = json.loads(transcripts[0].read_text(encoding="utf-8"))
    return saved


def test_agent_walks_a_recovery_and_gets_a_draft_with_their_facts(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    paste(child, GLASSES)
    child.expect_exact("Customer's name (optional): ")
    child.sendline("Priya\x1b[31m")
    child.expect_exact("What went wrong, in a few words? [your glasses are late]: ")
    child.sendline("")
    child.expect_exact("What had we promised? [by Friday]: ")
    child.sendline("")
    child.expect_exact("pre-filled from: 'I need them for my exam on Monday'")  # and why
    child.expect_exact("[you need them for your exam on Monday]: ")
    child.sendline("")
    child.expect_exact("Which partner or vendor was involved, if any?")
    child.sendline("the lens lab")
    child.expect_exact("Order, booking or ticket number (optional): ")
    child.sendline("order 99102")
    for prompt in OPTIONAL_FACTS[1:]:
        child.expect_exact(f"{prompt} (optional): ")
        child.sendline("")
    child.expect_exact("(low/medium/high) [high]: ")  # an exam at stake reads as high
    child.sendline("")
    child.expect_exact("Channel (phone/chat/email/in-person/social/review)")
    child.sendline("")
    child.expect_exact("When will you next update them?")
    child.sendline("by 3pm tomorrow")
    child.expect("Step 1 · listen")
    child.expect_exact("Choose 1-")
    child.sendline("")  # Enter takes the first suggestion
    child.expect("Step 2 · empathise")
    child.expect_exact("exam on Monday")  # suggestions are filled with the facts
    child.expect_exact("Choose 1-")
    child.sendline("b")  # back to the listening step
    child.expect("Step 1 · listen")
    child.expect_exact("Choose 1-")
    child.sendline("1")
    child.expect("Step 2 · empathise")
    child.expect_exact("Choose 1-")
    child.sendline("2")
    child.expect("Step 3 · own")
    child.expect_exact("Choose 1-")
    child.sendline("t")
    child.expect_exact("Your line")
    child.sendline("This one is on us, and I will put it right today.")
    child.expect_exact("Answer 1-3 [1]: ")
    child.sendline("3")  # the partner cannot make it: protect them with another way
    take_defaults(child)
    child.expect_exact("Transcript saved: ")
    child.expect(pexpect.EOF)
    screen = child.logfile_read.getvalue()
    child.close()
    assert child.exitstatus == 0

    saved = saved_transcript(tmp_path)
    draft = str(saved["draft"])
    assert saved["status"] == "complete"
    inputs = saved["inputs"]
    assert isinstance(inputs, dict)
    assert inputs["customer_name"] == "Priya"  # the escape sequence was removed
    assert inputs["partner"] == "the lens lab"
    assert inputs["reference"] == "order 99102"
    assert draft.startswith("Hi Priya,")
    assert "exam on Monday" in draft and "by Friday" in draft
    assert "This one is on us, and I will put it right today." in draft
    assert "another source" in draft  # the branch the agent chose
    assert "by 3pm tomorrow" in draft
    steps = saved["steps"]
    assert isinstance(steps, list)
    assert [step["step"] for step in steps] == [
        "listen", "empathise", "own", "alternative", "fallback", "high-stakes", "follow-up",
    ]  # fmt: skip
    assert "Follow-up checklist" in screen
    assert "\x1b[31m" not in screen


def test_a_pasted_message_alone_finds_the_playbook_and_fills_the_draft(tmp_path: Path) -> None:
    child = spawn(tmp_path)
    paste(
        child,
        "Hi, I was charged twice for order 88231 this morning, £64.99 each time. "
        "I need that money back before my rent goes out on Friday.",
    )
    child.expect_exact("This reads as: billing-problem")
    child.expect_exact("Playbook (number or id, Enter for 1): ")
    child.sendline("")
    child.expect_exact("Customer's name (optional): ")
    child.sendline("Sam")
    while True:  # accept every value read from the message, and the defaults
        index = child.expect([r"\]: $", r"\(optional\): $", "Step 1 · "])
        if index == 2:
            break
        child.sendline("")
    take_defaults(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = saved_transcript(tmp_path)
    assert saved["scenario"] == "billing-problem"
    draft = str(saved["draft"])
    assert draft.startswith("Hi Sam,")
    assert "charged twice" in draft  # what went wrong, in their words


def test_a_second_problem_is_shown_to_the_agent_before_they_choose_the_playbook(
    tmp_path: Path,
) -> None:
    child = spawn(tmp_path)
    paste(
        child,
        "My sofa arrived with a big tear in the arm. Your driver was rude and swore at my son.",
    )
    child.expect_exact("This reads as: ")
    child.expect_exact("they also said: Your driver was rude and swore at my son")
    child.expect_exact("Playbook (number or id, Enter for 1): ")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()


def test_a_guess_is_shown_as_one_and_goes_into_the_draft_only_when_the_agent_takes_it(
    tmp_path: Path,
) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    paste(child, "I ordered the bathroom tiles on the 2nd for a fitter on Friday. Where are they?")
    child.expect_exact("Customer's name (optional): ")
    child.sendline("Dana")
    child.expect_exact("What did they order, in their words? [your bathroom tiles]: ")
    child.sendline("")  # the thing ordered, read for sure: it names the default's "your order"
    child.expect_exact("pre-filled from: 'bathroom tiles' (a guess: check it)")
    child.expect_exact(
        "What went wrong, in a few words? [we got it wrong with the bathroom tiles]: "
    )
    child.sendline("")  # the agent takes the guess
    while True:  # every other value read from the message, and the defaults
        index = child.expect(
            [r"\]: $", r"\(optional\): $", r"next update them\?.*: $", "Step 1 · "]
        )
        if index == 3:
            break
        child.sendline("by 3pm tomorrow" if index == 2 else "")
    take_defaults(child)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = saved_transcript(tmp_path)
    assert "we got it wrong with the bathroom tiles" in str(saved["draft"])


def test_ctrl_c_saves_the_transcript_and_resume_continues(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    answer_inputs(child, "Sam", message="")
    child.expect_exact("Choose 1-")
    child.sendline("1")
    child.expect("Step 2 · empathise")
    child.expect_exact("Choose 1-")
    child.sendintr()
    child.expect_exact("Resume with: recovery run --resume ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    transcripts = list((tmp_path / "state" / "transcripts").glob("*.json"))
    assert len(transcripts) == 1
    saved = json.loads(transcripts[0].read_text(encoding="utf-8"))
    assert saved["status"] == "interrupted"
    assert [step["step"] for step in saved["steps"]] == ["listen"]

    resumed = spawn(tmp_path, "--resume", str(transcripts[0]))
    resumed.expect("Step 2 · empathise")  # no inputs asked again, first step not repeated
    while True:  # take the first line and the default answer until the draft appears
        index = resumed.expect([r"Choose 1-\d", r"Answer 1-\d \[\d\]: ", "Draft to send"])
        if index == 2:
            break
        resumed.sendline("")
    resumed.expect(pexpect.EOF)
    resumed.close()
    assert resumed.exitstatus == 0
    final = json.loads(transcripts[0].read_text(encoding="utf-8"))
    assert final["status"] == "complete"
    assert "Hi Sam," in final["draft"]


def test_quitting_with_q_and_end_of_input_both_save(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    answer_inputs(child, "Lee", message="")
    child.expect_exact("Choose 1-")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(tmp_path, "outsourced-delay")
    paste(child, GLASSES)
    child.expect_exact("Customer's name (optional): ")
    child.sendeof()  # Ctrl-D once the message is in: it is kept for --resume
    child.expect_exact("Resume with: recovery run --resume ")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert len(list((tmp_path / "state" / "transcripts").glob("*.json"))) == 2

    child = spawn(tmp_path, "outsourced-delay")
    child.expect_exact("Paste what the customer said")
    child.sendeof()  # before anything was typed there is nothing to keep
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert len(list((tmp_path / "state" / "transcripts").glob("*.json"))) == 2


def test_a_typed_line_is_checked_at_once_and_kept_findings_are_recorded(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    answer_inputs(child, "Ines", message="")
    child.expect_exact("Choose 1-")
    child.sendline("1")  # listen
    child.expect("Step 2 · empathise")
    child.expect_exact("Choose 1-")
    child.sendline("1")
    child.expect("Step 3 · own")
    child.expect_exact("Choose 1-")
    child.sendline("t")
    child.expect_exact("Your line")
    child.sendline("Sorry Ines, but that's not our fault: the lab is behind.")
    child.expect_exact("own-the-outcome")  # the principle it breaks, shown before sending
    child.expect_exact("k = keep it anyway, r = revise [r]: ")
    child.sendline("")  # revise
    child.expect_exact("Your line")
    child.sendline("Sorry Ines, that's not our fault really, the lab is behind.")
    child.expect_exact("k = keep it anyway, r = revise [r]: ")
    child.sendline("k")  # the agent keeps it: the finding goes into the transcript
    while True:
        index = child.expect([r"Choose 1-\d", r"Answer 1-\d \[\d\]: ", "Draft to send"])
        if index == 2:
            break
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = json.loads(
        next((tmp_path / "state" / "transcripts").glob("*.json")).read_text(encoding="utf-8")
    )
    own = next(step for step in saved["steps"] if step["step"] == "own")
    assert own["source"] == "typed"
    assert own["line"] == "Sorry Ines, that's not our fault really, the lab is behind."
    assert {finding["principle"] for finding in own["findings"]} >= {"own-the-outcome"}
    assert all({"start", "end", "message"} <= set(finding) for finding in own["findings"])


def test_a_question_the_message_answers_is_proposed_with_the_words_and_enter_takes_it(
    tmp_path: Path,
) -> None:
    child = spawn(tmp_path, "product-safety")
    paste(child, "The straightener caught fire in my hand. I have a burn and went to A&E.")
    child.expect_exact("Customer's name (optional): ")
    child.sendline("Fatima")
    while True:  # every value read from the message, and the defaults
        index = child.expect(
            [r"\]: $", r"\(optional\): $", r"next update them\?.*: $", "Step 1 · "]
        )
        if index == 3:
            break
        child.sendline("by 3pm tomorrow" if index == 2 else "")
    proposed = False
    while True:  # Enter at every step and question: the proposal, not the default
        index = child.expect([r"Choose 1-\d", r"Answer 1-\d \[(\d)\]: ", "Draft to send"])
        if index == 2:
            break
        if index == 1 and "Was anyone hurt" in str(child.before):
            assert "Yes, someone was hurt (from the message: 'A&E')" in str(child.before)
            assert child.match.group(1) == "2"  # the heard answer is what Enter takes
            proposed = True
        child.sendline("")
    assert proposed
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = saved_transcript(tmp_path)
    draft = str(saved["draft"])
    # The burn was read as harm to the customer and accepted with Enter: the reply asks
    # after them first, and the care-first line does not say sorry a second time.
    assert draft.startswith("Hi Fatima,\n\nI'm so sorry for what you went through")
    assert "Please get whatever care is needed first" in draft
    assert "sorry for the injury" not in draft
