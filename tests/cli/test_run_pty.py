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


def answer_inputs(child: pexpect.spawn, name: str, stakes: str) -> None:
    """Answer the standard questions in the order the playbook asks them."""
    child.expect_exact("Customer's name: ")
    child.sendline(name)
    child.expect_exact("What did the customer say? (optional): ")
    child.sendline("My glasses were promised for Friday and still are not here!")
    child.expect_exact("What went wrong, in a few words?")
    child.sendline("your glasses are a week late")
    child.expect_exact("What had we promised?")
    child.sendline("ready by Friday")
    child.expect_exact("What is riding on it for the customer? (optional): ")
    child.sendline(stakes)
    child.expect_exact("Which partner or vendor was involved, if any? (optional): ")
    child.sendline("the lens lab")
    child.expect_exact("How severe is it for the customer? (low/medium/high)")
    child.sendline("high")
    child.expect_exact("Channel (phone/chat/email/in-person/social)")
    child.sendline("")
    child.expect_exact("When will you next update them?")
    child.sendline("by 3pm tomorrow")


def test_agent_walks_a_recovery_and_gets_a_draft_with_their_facts(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    answer_inputs(child, "Priya\x1b[31m", "you need them for your exam on Monday")
    child.expect("Step 1 · listen")
    child.expect_exact("Choose 1-")
    child.sendline("")  # Enter takes the first suggestion
    child.expect("Step 2 · empathise")
    child.expect_exact("Priya, I'm so sorry")  # suggestions are filled with the facts
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
    child.expect_exact("Can the partner still deliver in time")
    child.expect_exact("Answer 1-2 [1]: ")
    child.sendline("2")  # the partner cannot: protect them with an alternative
    child.expect("Step 4 · protect")
    child.expect_exact("Choose 1-")
    child.sendline("1")
    child.expect("Step 5 · protect")  # severity high: the bigger remedy
    child.expect_exact("Choose 1-")
    child.sendline("1")
    child.expect("Step 6 · follow-up")
    child.expect_exact("Choose 1-")
    child.sendline("1")
    child.expect_exact("Draft to send")
    child.expect_exact("Transcript saved: ")
    child.expect(pexpect.EOF)
    screen = child.logfile_read.getvalue()
    child.close()
    assert child.exitstatus == 0

    transcripts = list((tmp_path / "state" / "transcripts").glob("outsourced-delay-*.json"))
    assert len(transcripts) == 1
    saved = json.loads(transcripts[0].read_text(encoding="utf-8"))
    draft = saved["draft"]
    assert saved["status"] == "complete"
    assert saved["inputs"]["customer_name"] == "Priya"  # the escape sequence was removed
    assert "Hi Priya," in draft
    assert "exam on Monday" in draft
    assert "This one is on us, and I will put it right today." in draft
    assert "by 3pm tomorrow" in draft
    assert [step["step"] for step in saved["steps"]] == [
        "listen",
        "empathise",
        "own",
        "alternative",
        "high-stakes",
        "follow-up",
    ]
    assert "Follow-up checklist" in screen
    assert "\x1b[31m" not in screen


def test_ctrl_c_saves_the_transcript_and_resume_continues(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    answer_inputs(child, "Sam", "")
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
        index = resumed.expect_exact(["Choose 1-", "Answer 1-2 [1]: ", "Draft to send"])
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
    answer_inputs(child, "Lee", "")
    child.expect_exact("Choose 1-")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(tmp_path, "outsourced-delay", "--set", "customer_name=Lee")
    child.expect_exact("What did the customer say?")
    child.sendeof()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert len(list((tmp_path / "state" / "transcripts").glob("*.json"))) == 2


def test_a_typed_line_is_checked_at_once_and_kept_findings_are_recorded(tmp_path: Path) -> None:
    child = spawn(tmp_path, "outsourced-delay")
    answer_inputs(child, "Ines", "")
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
        index = child.expect_exact(["Choose 1-", "Answer 1-2 [1]: ", "Draft to send"])
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
