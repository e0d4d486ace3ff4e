"""`recovery run` scripted: answers files, --set, --no-input, formats, transcripts, resume."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from support import Invoke, playbook_dict, step, write

NAME = "Dana"


def run_json(
    invoke: Invoke, *args: str, scenario: str | None = "outsourced-delay"
) -> dict[str, Any]:
    """What `recovery run [SCENARIO] --no-input --format json ARGS` prints, parsed (with no
    scenario, the playbook is read from the message)."""
    head = ("run", scenario) if scenario else ("run",)
    result = invoke(*head, "--no-input", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_scripted_run_prints_a_draft_with_the_name_and_facts(invoke: Invoke) -> None:
    result = invoke(
        "run",
        "outsourced-delay",
        "--no-input",
        "--set",
        f"customer_name={NAME}",
        "--set",
        "stakes=you need them for a job interview on Monday",
    )
    assert result.exit_code == 0, result.stderr
    assert f"Hi {NAME}," in result.stdout
    assert "job interview on Monday" in result.stdout
    assert "Follow-up checklist" in result.stdout
    assert "Transcript saved" in result.stderr


def test_json_output_has_scenario_draft_steps_and_checklist(invoke: Invoke) -> None:
    data = run_json(invoke, "--set", f"customer_name={NAME}")
    assert data["scenario"] == "outsourced-delay"
    assert isinstance(data["draft"], str) and NAME in data["draft"]
    steps = data["steps"]
    assert isinstance(steps, list) and steps[0] == "listen" and steps[-1] == "follow-up"
    assert isinstance(data["checklist"], list) and data["checklist"]


def test_answers_choose_a_branch_and_a_suggestion(invoke: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        f"customer_name: {NAME}\npartner_can_rush: replace\nchoose:\n  empathise: 2\n",
        encoding="utf-8",
    )
    data = run_json(invoke, "--answers", str(answers))
    steps = data["steps"]
    assert isinstance(steps, list)
    assert "alternative" in steps and "expedite" not in steps
    lines = data["lines"]
    assert isinstance(lines, list)
    empathise = next(line for line in lines if line["step"] == "empathise")
    assert empathise["suggestion"] == 2


def test_json_answers_file_and_set_overrides_it(invoke: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"customer_name": "Someone Else"}), encoding="utf-8")
    data = run_json(invoke, "--answers", str(answers), "--set", f"customer_name={NAME}")
    assert isinstance(data["draft"], str)
    assert NAME in data["draft"] and "Someone Else" not in data["draft"]


def test_high_severity_adds_the_bigger_remedy_step(invoke: Invoke) -> None:
    low = run_json(invoke, "--set", f"customer_name={NAME}", "--set", "severity=low")
    high = run_json(invoke, "--set", f"customer_name={NAME}", "--set", "severity=HIGH")
    assert "high-stakes" not in list(low["steps"])
    assert "high-stakes" in list(high["steps"])


def required_playbook(tmp_path: Path) -> Path:
    """A folder with a playbook that needs the customer's name and the order number."""
    data = playbook_dict(
        step("hello", "Hello {{ customer_name }}, about order {{ order }}."),
        inputs=[{"name": "customer_name", "required": True}, {"name": "order", "required": True}],
    )
    write(tmp_path / "books", "tiny.yaml", data)
    return tmp_path / "books"


def test_no_input_names_every_missing_required_value(invoke: Invoke, tmp_path: Path) -> None:
    books = required_playbook(tmp_path)
    result = invoke("run", "tiny", "--playbooks", str(books), "--no-input")
    assert result.exit_code == 2
    assert "customer_name" in result.stderr and "order" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_without_a_terminal_it_never_waits_for_input(invoke: Invoke, tmp_path: Path) -> None:
    books = required_playbook(tmp_path)
    result = invoke("run", "tiny", "--playbooks", str(books), input="")
    assert result.exit_code == 2
    assert "missing required values: customer_name, order" in result.stderr


def test_a_message_without_a_scenario_is_triaged_and_drafted_unattended(invoke: Invoke) -> None:
    message = (
        "Hi, I was charged twice for order 88231 this morning, £64.99 each time. "
        "I need that money back before my rent goes out on Friday. Sam"
    )
    data = run_json(invoke, "--message", message, scenario=None)
    assert data["scenario"] == "billing-problem"
    assert data["draft"].startswith("Hi Sam,")
    assert "rent" in data["draft"]
    assert data["sources"]["customer_name"] == "read"
    assert "88231" in data["facts"]["facts"]["reference"]["value"]


def test_a_voicemail_is_answered_in_writing_and_thanks_nobody_for_a_call(invoke: Invoke) -> None:
    message = (
        'Voicemail transcript, Tues 09:02: "Hello, this is Dennis Oyelaran. I cannot get into '
        'the website to put my meter reading in, it keeps asking me for a code."'
    )
    data = run_json(invoke, "--message", message, scenario=None)
    assert data["inputs"]["channel"] == "email"
    draft = data["draft"].lower()
    assert "on the call" not in draft and "for calling" not in draft and "we talked" not in draft


def test_a_swollen_battery_is_a_safety_report_and_its_draft_invents_no_story(
    invoke: Invoke,
) -> None:
    message = "My power bank (order #EO-55318) swelled up and burned the nightstand. Gwen"
    data = run_json(invoke, "--message", message, scenario=None)
    assert data["scenario"] == "product-safety"
    assert "EO-55318" in data["draft"]
    # What went wrong is not read here: the draft says it neutrally, never a made-up spill.
    mishap = invoke("run", "in-person-mishap", "--no-input", "--format", "json")
    assert "spill" not in json.loads(mishap.stdout)["draft"]


def test_a_question_the_message_answers_is_not_left_to_its_default(invoke: Invoke) -> None:
    message = "My straightener caught fire in my hand. I have a burn and went to A&E. Fatima"
    data = run_json(invoke, "--message", message, scenario=None)
    assert data["scenario"] == "product-safety"
    assert data["answers_read"]["hurt"]["answer"] == "yes"
    assert data["answers_read"]["hurt"]["words"] in message
    assert "if you or anyone with you was hurt" not in data["draft"]
    assert "hurt" not in [item["name"] for item in data["assumptions"]]
    # What the agent says wins over what was read.
    told = run_json(invoke, "--message", message, "--set", "hurt=no", scenario=None)
    assert "if you or anyone with you was hurt" in told["draft"]
    assert told["answers_read"] == {}


def test_someone_sent_another_customers_details_is_never_told_their_own_went_astray(
    invoke: Invoke,
) -> None:
    message = (
        "Hi, got the dentist letter for Luka but it has someone else's x-rays and name on "
        "the 2nd page?? Another child's full address. Not comfortable with this at all"
    )
    data = run_json(invoke, "--message", message, scenario=None)
    assert data["scenario"] == "privacy-mistake"
    assert data["answers_read"]["whose"]["answer"] == "others"
    assert "Those details should never have reached you." in data["draft"]
    assert "your personal details" not in data["draft"]


def test_someone_who_had_cancelled_is_never_told_we_did_not_let_them(invoke: Invoke) -> None:
    message = "I cancelled my gym membership in January and you're still taking money. Jo"
    data = run_json(invoke, "--message", message, scenario=None)
    assert data["scenario"] == "hard-to-cancel"
    assert data["answers_read"]["cancelled"]["answer"] == "already"
    assert "You'd already cancelled" in data["draft"]
    assert "let you cancel" not in data["draft"]


def test_unknown_key_in_answers_is_an_error_naming_it(invoke: Invoke, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("customer_name: Dana\ncustmer_mood: angry\n", encoding="utf-8")
    result = invoke("run", "outsourced-delay", "--no-input", "--answers", str(answers))
    assert result.exit_code == 2
    assert "custmer_mood" in result.stderr and "known:" in result.stderr


def test_bad_answer_to_a_question_lists_the_answers(invoke: Invoke) -> None:
    result = invoke(
        "run",
        "outsourced-delay",
        "--no-input",
        "--set",
        "customer_name=D",
        "--set",
        "partner_can_rush=maybe",
    )
    assert result.exit_code == 2
    assert "rush" in result.stderr and "replace" in result.stderr


def test_broken_answers_files_give_located_errors(invoke: Invoke, tmp_path: Path) -> None:
    cases = {
        "bad.yaml": "customer_name: [unclosed\n",
        "list.yaml": "- customer_name\n",
        "bad.json": '{"customer_name": "Dana",}',
        "tag.yaml": "customer_name: !!python/object/apply:os.system ['echo hacked']\n",
    }
    for name, text in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = invoke("run", "outsourced-delay", "--no-input", "--answers", str(path))
        assert result.exit_code == 2, name
        assert name in result.stderr, name
        assert "Traceback" not in result.stderr + result.stdout, name
        assert "hacked" not in result.stdout


def test_missing_answers_file_and_unknown_scenario(invoke: Invoke, tmp_path: Path) -> None:
    missing = invoke("run", "outsourced-delay", "--answers", str(tmp_path / "nope.yaml"))
    assert missing.exit_code == 2 and "cannot read" in missing.stderr
    unknown = invoke("run", "no-such-scenario", "--no-input")
    assert unknown.exit_code == 2 and "outsourced-delay" in unknown.stderr


def test_customer_text_is_data_not_a_template_or_markup(invoke: Invoke) -> None:
    data = run_json(
        invoke,
        "--set",
        f"customer_name={NAME}",
        "--set",
        "issue={{ 7*7 }} [bold]parcel[/bold] is late",
        "--set",
        "stakes={% raw %}a wedding",
    )
    draft = data["draft"]
    assert isinstance(draft, str)
    assert "{{ 7*7 }} [bold]parcel[/bold] is late" in draft
    assert "49" not in draft
    assert "{% raw %}a wedding" in draft


def test_escape_sequences_typed_by_a_user_never_reach_the_terminal(invoke: Invoke) -> None:
    result = invoke(
        "run",
        "outsourced-delay",
        "--no-input",
        "--set",
        "customer_name=Dana\x1b]0;pwned\x07\x1b[2J",
    )
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Dana" in result.stdout


def test_markdown_output_quotes_the_draft(invoke: Invoke) -> None:
    result = invoke(
        "run",
        "outsourced-delay",
        "--no-input",
        "--format",
        "markdown",
        "--set",
        "customer_name=Dana",
    )
    assert result.exit_code == 0
    assert "## Draft to send" in result.stdout
    assert "> Hi Dana," in result.stdout
    assert "- [ ] " in result.stdout


def test_transcript_records_inputs_steps_and_draft(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    data = run_json(invoke, "--set", f"customer_name={NAME}", "--transcript", str(path))
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["status"] == "complete"
    assert saved["inputs"]["customer_name"] == NAME
    assert [step["step"] for step in saved["steps"]] == data["steps"]
    assert saved["draft"] == data["draft"]
    assert all(step["at"] for step in saved["steps"])


def test_resume_finishes_an_interrupted_transcript(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    interrupted = {
        "version": 1,
        "scenario": "outsourced-delay",
        "title": "A partner missed the date we promised",
        "status": "interrupted",
        "started_at": "2026-01-01T10:00:00+00:00",
        "updated_at": "2026-01-01T10:01:00+00:00",
        "inputs": {"customer_name": NAME},
        "answers": {"partner_can_rush": "replace"},
        "steps": [
            {"step": "listen", "source": "skipped", "at": "2026-01-01T10:00:30+00:00"},
            {
                "step": "empathise",
                "source": "typed",
                "line": "I am so sorry, Dana.",
                "at": "2026-01-01T10:00:40+00:00",
            },
            {
                "step": "own",
                "source": "suggestion",
                "line": "This is ours to fix.",
                "suggestion": 1,
                "answer": "replace",
                "at": "2026-01-01T10:00:50+00:00",
            },
        ],
    }
    path.write_text(json.dumps(interrupted), encoding="utf-8")
    result = invoke("run", "--resume", str(path), "--no-input", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["steps"][:4] == ["listen", "empathise", "own", "alternative"]
    assert "I am so sorry, Dana." in data["draft"]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["status"] == "complete"
    assert saved["started_at"] == "2026-01-01T10:00:00+00:00"


def test_resume_of_a_damaged_transcript_is_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text("not json at all", encoding="utf-8")
    result = invoke("run", "--resume", str(path), "--no-input")
    assert result.exit_code == 2
    assert "not a transcript" in result.stderr


def test_run_needs_a_scenario_or_resume(invoke: Invoke) -> None:
    result = invoke("run", "--no-input")
    assert result.exit_code == 2
    assert "which scenario" in result.stderr


def test_a_chat_reply_over_its_limit_is_sent_with_a_warning(invoke: Invoke) -> None:
    story = "you were relying on it for " + "the move and the family visit and the party, " * 9
    args = ["--set", "channel=chat", "--set", f"stakes={story.strip()}"]
    result = invoke("run", "outsourced-delay", "--no-input", "--set", f"customer_name={NAME}",
                    *args)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "warning: this chat reply is" in result.stderr
    assert "keep it under 700" in result.stderr
    data = run_json(invoke, "--set", f"customer_name={NAME}", *args)
    assert isinstance(data["too_long"], str) and "700" in data["too_long"]
    assert run_json(invoke, "--set", f"customer_name={NAME}")["too_long"] is None


def test_an_unattended_text_or_markdown_draft_says_which_answers_it_assumed(
    invoke: Invoke,
) -> None:
    """The JSON lists its assumptions; a person reading the text or Markdown must see them
    too, before the checklist, so nothing assumed is sent unchecked."""
    base = ("run", "outsourced-delay", "--no-input", "--set", f"customer_name={NAME}")
    text = invoke(*base).stdout
    assumed = text.split("Assumed (check before sending):\n", 1)[1].split("Follow-up", 1)[0]
    question = "- Can the partner still get it to them in time for what they need?"
    assert f"{question}: Not asked yet" in assumed
    markdown = invoke(*base, "--format", "markdown").stdout
    assert "## Assumed (check before sending)" in markdown
    answered = invoke(*base, "--set", "severity=high", "--set", "channel=email").stdout
    assert "- severity:" not in answered  # what was given is not an assumption


def test_an_unattended_routine_message_is_no_error_and_says_nothing_was_drafted(
    invoke: Invoke,
) -> None:
    """A script must tell "nothing to send" from a failed run: a plain request exits 0,
    prints no draft, and JSON says `routine` with what was read."""
    ask = "Hi, can I change the delivery address for order 4471? Thanks, Dana"
    text = invoke("run", "--message", ask, "--no-input", "--no-transcript")
    assert text.exit_code == 0
    assert text.stdout == ""
    assert "nothing drafted" in text.stderr and "routine request" in text.stderr
    result = invoke("run", "--message", ask, "--no-input", "--no-transcript", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["status"] == "routine" and data["draft"] is None
    assert data["facts"]["reference"]["value"] == "order 4471"
    drafted = invoke(
        "run", "--message", "You charged me twice for order 4471.", "--no-input",
        "--no-transcript", "--format", "json",
    )  # fmt: skip
    assert json.loads(drafted.stdout)["status"] == "drafted"


def test_a_run_names_the_thing_ordered_in_the_playbooks_own_words_and_lists_it_as_assumed(
    invoke: Invoke,
) -> None:
    """No failure is read, so the issue is the playbook's default; the customer's thing
    takes the place of "your order" in it, and the draft still says it assumed the issue."""
    message = "Order 44102, Mira wool rug. Not what I expected when I opened it, sort it.\nAnna"
    data = run_json(invoke, "--message", message, scenario="damaged-item")
    assert data["sources"]["item"] == "read"
    assert data["inputs"]["issue"] == "your Mira wool rug arrived damaged"
    assert data["sources"]["issue"] == "default"
    assert "issue" in [assumed["name"] for assumed in data["assumptions"]]
    assert "your Mira wool rug arrived damaged" in data["draft"]


@pytest.mark.parametrize(
    ("scenario", "message", "issue"),
    [
        (
            "refund",
            "Hi, can I get a refund for the swimming lessons? She broke her arm. Priya",
            "you're still without your refund for the swimming lessons",
        ),
        (
            "saying-no",
            "can u extend my free trial by a week? exams ended and I never used it",
            "we are not able to extend your free trial by a week this time",
        ),
        (
            "general-complaint",
            "I am writing to complain about the attitude of your receptionist today.",
            "we fell short of what you had every right to expect from our receptionist",
        ),
    ],
)
def test_a_run_names_what_the_customer_asked_for_or_complained_of_in_the_playbooks_words(
    invoke: Invoke, scenario: str, message: str, issue: str
) -> None:
    data = run_json(invoke, "--message", message, scenario=scenario)
    assert data["inputs"]["issue"] == issue
    assert data["sources"]["issue"] == "default"
    assert "issue" in [assumed["name"] for assumed in data["assumptions"]]
    assert issue in data["draft"]
