"""`recovery check`: a reply in, the broken principles out, with exit codes a script can use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_cli.library import Library
from support import Invoke

BLAME = "Hi Dana, I'm sorry, but it's not our fault: the lab is behind."
GOOD = "Dana, I'm so sorry. I've asked the lab to put your glasses first; I'll call you by 4pm."


def test_a_reply_that_breaks_a_principle_shows_where_which_rule_why_and_a_direction(
    invoke: Invoke,
) -> None:
    result = invoke("check", BLAME, "--name", "Dana")
    assert result.exit_code == 1
    out = result.stdout
    rule = Library.configured().principles["own-the-outcome"].rule
    assert f"error: own-the-outcome: {rule}" in out
    lines = out.splitlines()
    context = next(line for line in lines if "not our fault" in line)
    carets = lines[lines.index(context) + 1]
    assert carets.strip() == "^" * len("not our fault")
    assert carets.index("^") == context.index("not our fault")
    assert "why: " in out and "try: " in out
    assert out.strip().splitlines()[-1].startswith("1 error, 0 warnings")


def test_a_good_reply_passes_with_exit_zero(invoke: Invoke) -> None:
    result = invoke("check", GOOD, "--name", "Dana")
    assert result.exit_code == 0, result.stdout
    assert "no findings" in result.stdout


def test_warnings_alone_do_not_fail_the_check(invoke: Invoke) -> None:
    result = invoke("check", "Hi there, I'm sorry. I've refunded you today.", "--name", "Dana")
    assert result.exit_code == 0
    assert "warning: use-their-name" in result.stdout
    assert "0 errors, 1 warning" in result.stdout


def test_json_lists_each_finding_with_offsets_into_the_reply(invoke: Invoke) -> None:
    result = invoke("check", BLAME, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    [blame] = [f for f in findings if f["principle"] == "own-the-outcome"]
    assert {"principle", "rule", "severity", "start", "end", "message"} <= set(blame)
    assert BLAME[blame["start"] : blame["end"]] == "not our fault"
    assert blame["severity"] == "error"


def test_json_for_a_good_reply_is_an_empty_list(invoke: Invoke) -> None:
    result = invoke("check", GOOD, "-f", "json")
    assert json.loads(result.stdout) == {"findings": []}
    assert result.exit_code == 0


@pytest.mark.parametrize("args", [["check"], ["check", "-"]])
def test_the_reply_may_be_piped_in(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args, "--format", "json", input=BLAME)
    assert result.exit_code == 1
    assert any(f["principle"] == "own-the-outcome" for f in json.loads(result.stdout)["findings"])


def test_the_reply_may_come_from_a_file_and_offsets_count_its_characters(
    invoke: Invoke, tmp_path: Path
) -> None:
    text = "Héllo Dana,\n\nSorry — it’s out of our hands.\n"
    path = tmp_path / "reply.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # with a byte-order mark
    result = invoke("check", "--file", str(path), "--name", "Dana", "-f", "json")
    [finding] = json.loads(result.stdout)["findings"]
    assert text[finding["start"] : finding["end"]] == "out of our hands"


def test_a_line_from_the_middle_of_a_conversation_skips_the_opening_checks(
    invoke: Invoke,
) -> None:
    line = "Our records show it left the warehouse on Monday."
    assert invoke("check", line).exit_code == 1
    assert invoke("check", line, "--line", "--name", "Dana").exit_code == 0


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("invalid", "not valid UTF-8"),
        ("empty", "the reply is empty"),
        ("both", "not both"),
    ],
)
def test_unreadable_input_exits_two_with_a_reason(
    invoke: Invoke, tmp_path: Path, setup: str, message: str
) -> None:
    path = tmp_path / "reply.txt"
    args = ["check", "--file", str(path)]
    if setup == "invalid":
        path.write_bytes(b"Sorry,\nit is \xff out of our hands")
    elif setup == "empty":
        path.write_text("  \n\t\n", encoding="utf-8")
    elif setup == "both":
        path.write_text(GOOD, encoding="utf-8")
        args.append(GOOD)
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if setup == "invalid":
        assert "reply.txt:2:7" in result.stderr


def test_empty_standard_input_is_unreadable(invoke: Invoke) -> None:
    result = invoke("check", input="")
    assert result.exit_code == 2
    assert "empty" in result.stderr


def test_the_reply_is_shown_as_text_never_as_markup_or_terminal_codes(invoke: Invoke) -> None:
    reply = "[bold red]Sorry[/] \x1b]0;owned\x07it's \x1b[31mout of our hands\x1b[0m."
    result = invoke("check", reply)
    assert result.exit_code == 1
    assert "[bold red]Sorry[/]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    lines = result.stdout.splitlines()
    context = next(line for line in lines if "out of our hands" in line)
    carets = lines[lines.index(context) + 1]
    assert carets.index("^") == context.index("out of our hands")


def test_a_folder_of_checks_extends_the_shipped_ones(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "checks.yaml").write_text(
        "checks:\n"
        "  - id: cheers-mate\n"
        "    principle: premium-standard\n"
        "    description: Too casual.\n"
        "    message: Too casual for a client who pays for more.\n"
        "    hint: Thank them properly.\n"
        "    patterns: [cheers mate]\n",
        encoding="utf-8",
    )
    result = invoke("check", "Cheers mate, I'm sorry.", "--playbooks", str(folder), "-f", "json")
    assert [f["check"] for f in json.loads(result.stdout)["findings"]] == ["cheers-mate"]


def test_a_broken_checks_file_is_a_located_error(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "checks.yaml").write_text("checks:\n  - id: x\n    colour: red\n", encoding="utf-8")
    result = invoke("check", GOOD, "--playbooks", str(folder))
    assert result.exit_code == 2
    assert "checks.yaml:3" in result.stderr and "colour" in result.stderr
