"""`recovery triage`: a customer's message in, the fitting playbook and the evidence out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import Invoke

PLAYBOOK = """\
id: {id}
title: A test playbook
category: {category}
summary: Shows one thing.
principles: [listen]
triggers:
  phrases: {phrases}
  words: {words}
steps:
  - {{id: hello, stage: listen, title: Hello, purpose: Greet., why: It opens., principle: listen}}
"""


def folder(tmp_path: Path, *playbooks: tuple[str, str, str, str]) -> Path:
    """A --playbooks folder holding (id, category, phrases, words) playbooks."""
    scenarios = tmp_path / "extra"
    scenarios.mkdir(exist_ok=True)
    for scenario, category, phrases, words in playbooks:
        text = PLAYBOOK.format(id=scenario, category=category, phrases=phrases, words=words)
        (scenarios / f"{scenario}.yaml").write_text(text, encoding="utf-8")
    return scenarios


@pytest.fixture
def parcels(tmp_path: Path) -> Path:
    return folder(
        tmp_path,
        ("lost-parcel", "late-delivery", "[parcel went missing]", "[parcel, vanished]"),
        ("squashed-parcel", "service-mistake", "[]", "[squashed, parcel]"),
    )


def test_prints_the_best_playbook_its_category_score_evidence_and_runners_up(
    invoke: Invoke, parcels: Path
) -> None:
    result = invoke("triage", "My PARCEL went missing, it vanished!", "--playbooks", str(parcels))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("lost-parcel (late-delivery), score 0.")
    assert "evidence: parcel, parcel went missing, vanished" in lines[1]
    assert "runners-up:" in result.stdout
    assert "squashed-parcel (service-mistake), score 0." in result.stdout


def test_reads_the_message_from_standard_input(invoke: Invoke, parcels: Path) -> None:
    piped = invoke("triage", "--playbooks", str(parcels), input="the parcel vanished\n")
    dashed = invoke("triage", "-", "--playbooks", str(parcels), input="the parcel vanished\n")
    assert piped.exit_code == dashed.exit_code == 0
    assert piped.stdout == dashed.stdout
    assert piped.stdout.startswith("lost-parcel")


def test_json_gives_scenario_category_score_evidence_and_candidates(
    invoke: Invoke, parcels: Path
) -> None:
    result = invoke("triage", "parcel vanished", "--format", "json", "--playbooks", str(parcels))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["scenario"] == "lost-parcel" and data["category"] == "late-delivery"
    assert data["evidence"] == ["parcel", "vanished"]
    assert 0 < data["score"] <= 1
    assert "squashed-parcel" in [candidate["scenario"] for candidate in data["candidates"]]
    assert set(data["candidates"][0]) == {"scenario", "category", "score", "evidence"}


def test_a_routine_request_says_so_and_is_null_in_json(invoke: Invoke) -> None:
    text = invoke("triage", "How do I track my order?")
    assert text.exit_code == 0
    assert text.stdout.startswith("routine")
    assert "no recovery playbook fits" in text.stdout
    data = json.loads(invoke("triage", "How do I track my order?", "-f", "json").stdout)
    assert data["scenario"] is None and data["category"] == "routine"


def test_a_message_with_no_trigger_says_nothing_matched(invoke: Invoke) -> None:
    result = invoke("triage", "lovely weather")
    assert result.exit_code == 0
    assert "evidence: no trigger matched" in result.stdout


@pytest.mark.parametrize("message", ["", "   \n\t", "\x1b[31m\x07\x00"])
def test_an_empty_message_is_refused_with_exit_2(invoke: Invoke, message: str) -> None:
    for result in (invoke("triage", message), invoke("triage", input=message)):
        assert result.exit_code == 2
        assert "the message is empty" in result.stderr
        assert "Traceback" not in result.output


def test_standard_input_that_is_not_utf8_is_refused_clearly(invoke: Invoke) -> None:
    result = invoke("triage", input=b"refund \xff\xfe please")
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr
    assert "Traceback" not in result.output


def test_an_argument_that_is_not_utf8_is_refused_clearly(invoke: Invoke) -> None:
    result = invoke("triage", "refund \udcff please")  # how Python keeps undecodable bytes
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr


def test_a_utf8_byte_order_mark_is_fine(invoke: Invoke) -> None:
    result = invoke("triage", "-f", "json", input="\ufeffI want my money back".encode())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["category"] == "refund"


def test_huge_standard_input_is_refused_not_read_into_memory(invoke: Invoke) -> None:
    result = invoke("triage", input="refund " * 200_000)
    assert result.exit_code == 2
    assert "longer than 1,000,000 bytes" in result.stderr


def test_a_long_argument_is_still_triaged(invoke: Invoke) -> None:
    result = invoke("triage", "I want a refund. " + "blah " * 50_000)
    assert result.exit_code == 0
    assert result.stdout.startswith("refund")


def test_trigger_text_is_printed_cleaned_and_never_as_markup(
    invoke: Invoke, tmp_path: Path
) -> None:
    extra = folder(
        tmp_path, ("odd", "general-complaint", '["[bold]parcel[/bold] \\e]0;pwned\\a gone"]', "[]")
    )
    result = invoke("triage", "bold parcel bold 0 pwned gone", "--playbooks", str(extra))
    assert result.exit_code == 0, result.output
    assert "[bold]parcel[/bold]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_a_missing_playbooks_folder_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("triage", "refund", "--playbooks", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_broken_playbook_is_reported_and_the_rest_still_triage(
    invoke: Invoke, tmp_path: Path
) -> None:
    extra = folder(tmp_path, ("lost-parcel", "late-delivery", "[]", "[parcel]"))
    (extra / "broken.yaml").write_text("id: broken\n", encoding="utf-8")
    result = invoke("triage", "parcel", "--playbooks", str(extra))
    assert result.exit_code == 2
    assert result.stdout.startswith("lost-parcel")
    assert "broken.yaml" in result.stderr


def test_help_says_what_it_does(invoke: Invoke) -> None:
    result = invoke("triage", "--help")
    assert result.exit_code == 0
    assert "Say which playbook fits a customer's message" in result.stdout


def test_a_realistic_email_on_standard_input_goes_to_its_playbook(invoke: Invoke) -> None:
    email = (
        "Subject: Tracking says delivered - it wasn't\n\n"
        "Hi, the tracking for order 99840 says DELIVERED yesterday but nothing came.\n"
        "The neighbours haven't got it either.\nThanks\nCallie\n"
    )
    result = invoke("triage", "-f", "json", input=email)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenario"] == "delivered-not-received"
    assert data["category"] == "order-problem"
    assert "tracking says delivered" in data["evidence"]


def test_a_wrong_item_without_a_failure_word_shows_the_structure_as_evidence(
    invoke: Invoke,
) -> None:
    result = invoke("triage", "-f", "json", "Ordered a phone charger, got a packet of hair grips.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenario"] == "wrong-item"
    assert any("..." in trigger for trigger in data["evidence"])


def test_a_chat_transcript_is_read_without_its_speaker_labels(invoke: Invoke) -> None:
    chat = (
        "Agent 16:20: Hi, you're through to Sam, how can I help?\n"
        "Customer 16:21: i cant log in, it says my password is wrong\n"
    )
    result = invoke("triage", "-f", "json", input=chat)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["scenario"] == "account-access"
    assert "agent" not in [c["scenario"] for c in data["candidates"]]


def test_a_fact_too_unsure_to_draft_says_so(invoke: Invoke) -> None:
    result = invoke("triage", "The centre had no record of me. My son has exams all next week.")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    issue = next(line for line in lines if line.strip().startswith("issue:"))
    stakes = next(line for line in lines if line.strip().startswith("stakes:"))
    assert "not sure enough to draft" not in issue
    assert stakes.endswith("; not sure enough to draft)")


TWO_PROBLEMS = (
    "My sofa arrived with a big tear in the arm. Your driver was rude and swore at my son. "
    "Order 44102. Dana"
)


def test_a_second_problem_is_shown_to_the_agent_and_never_drafted(invoke: Invoke) -> None:
    text = invoke("triage", TWO_PROBLEMS)
    assert text.exit_code == 0, text.output
    assert "also said: our driver was rude and swore at your son" in text.stdout
    data = json.loads(invoke("triage", TWO_PROBLEMS, "--format", "json").stdout)
    assert [fact["words"] for fact in data["also"]] == ["Your driver was rude and swore at my son"]
    drafted = json.loads(
        invoke("run", "--message", TWO_PROBLEMS, "--no-input", "-f", "json").stdout
    )
    assert "driver" not in drafted["draft"]


def test_one_problem_said_twice_is_no_second_problem(invoke: Invoke) -> None:
    message = "Our broadband is down again. The broadband has been down since Sunday. Pat"
    data = json.loads(invoke("triage", message, "--format", "json").stdout)
    assert data["also"] == []
