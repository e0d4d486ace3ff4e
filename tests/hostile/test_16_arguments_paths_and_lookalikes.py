"""Beyond the issue: hostile arguments, paths and look-alike text.

Typed values that try to become templates or new lines of a draft, look-alike letters
that read as a flagged phrase, arguments at the kernel's size limit, and playbook folders
that loop back on themselves.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hostile.harness import Cli, InProcess

RUN_JSON = ("run", "outsourced-delay", "--no-input", "--format", "json")


# ------------------------------------------------------------ values are only data


@pytest.mark.parametrize(
    "value",
    [
        "{{ 7*7 }}",
        "{% for i in range(10**9) %}x{% endfor %}",
        "{{ ''.__class__.__mro__ }}",
        "{{ customer_name * 10**9 }}",
        "${jndi:ldap://example.invalid/a}",
        "[bold red]loud[/]",
    ],
)
def test_a_typed_value_is_never_run_as_a_template(inproc: InProcess, value: str) -> None:
    """A stake comes back as typed (only its "I" turned to "you"); a "name" that is no name
    is not used to greet (the draft opens "Hello,"), and neither is ever evaluated."""
    outcome = inproc(
        *RUN_JSON, "--set", f"customer_name={value}", "--set", f"stakes=you said {value}"
    ).exits(0)
    draft = outcome.json()["draft"]
    first, *_, last = value.split(" ") * 2
    said = draft[draft.index("you said ") :]
    assert said.startswith(f"you said {first}") and last in said, "the markup comes back as text"
    assert draft.startswith(("Hello,", f"Hi {value},")), draft[:80]
    assert "49" not in draft and "<class" not in draft and len(draft) < 5_000


def test_a_batch_value_is_never_run_as_a_template(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    row = {"customer_name": "{{ 7*7 }}", "stakes": "you said {{ 7*7 }}"}
    source.write_text(json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cli("batch", source, "--out", out, "--scenario", "outsourced-delay", "-j", "1").exits(0)
    draft = json.loads(out.read_text("utf-8"))["draft"]
    assert "you said {{ 7*7 }}" in draft and "49" not in draft


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r", "\u2028", "\u0085", "\x0b", "\x0c"])
def test_a_line_break_in_a_name_cannot_start_a_new_line_of_the_draft(
    inproc: InProcess, newline: str
) -> None:
    """`customer_name=Dana<CRLF>Bcc: x`: the opening keeps the name on its own line."""
    outcome = inproc(*RUN_JSON, "--set", f"customer_name=Dana{newline}Bcc: attacker").exits(0, 2)
    if outcome.code == 2:
        outcome.says("customer_name", "line")
        return
    draft = outcome.json()["draft"]
    assert "\r" not in draft
    assert not any(line.startswith("Bcc:") for line in draft.splitlines()), draft[:300]


# --------------------------------------------------------------- look-alike letters


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("ｎｏｔ ｏｕｒ ｆａｕｌｔ", id="fullwidth"),
        pytest.param("𝐧𝐨𝐭 𝐨𝐮𝐫 𝐟𝐚𝐮𝐥𝐭", id="mathematical-bold"),
        pytest.param("𝚗𝚘𝚝 𝚘𝚞𝚛 𝚏𝚊𝚞𝚕𝚝", id="mathematical-monospace"),
        pytest.param("NOT OUR FAULT", id="capitals"),
        pytest.param("not\u00a0our\u2009fault", id="odd-spaces"),
    ],
)
def test_compatibility_forms_of_a_phrase_are_flagged_like_it(inproc: InProcess, text: str) -> None:
    """What NFKC folds to "not our fault" reads as "not our fault" on screen."""
    outcome = inproc("check", "--line", "--format", "json", f"Sorry, that is {text}.").exits(1)
    assert "denies-responsibility" in [f["check"] for f in outcome.json()["findings"]]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("not our f\u0430ult", id="cyrillic-a"),
        pytest.param("n\u03bft our fault", id="greek-omicron"),
        pytest.param("not \u043eur fault", id="cyrillic-o"),
    ],
)
def test_cross_script_look_alikes_of_a_phrase_are_flagged_like_it(
    inproc: InProcess, text: str
) -> None:
    """A Cyrillic `а` in "fault" looks the same on screen; the check should not be fooled."""
    outcome = inproc("check", "--line", "--format", "json", f"Sorry, that is {text}.").exits(1)
    assert "denies-responsibility" in [f["check"] for f in outcome.json()["findings"]]


# ------------------------------------------------------------------------ arguments


def test_an_argument_at_the_kernels_size_limit_is_bounded(cli: Cli) -> None:
    """One argument can hold 128 KB: the largest reply a command line can carry."""
    text = ("not our fault, " * 9000)[: 128 * 1024 - 1]
    cli("check", text).exits(0, 1, 2)


def test_a_set_key_of_100KB_is_refused_with_a_short_message(cli: Cli) -> None:
    outcome = cli(*RUN_JSON, "--set", "k" * 100_000 + "=x").refused("--set", "unknown", "key")
    assert len(outcome.err) < 20_000, "the message does not repeat 100 KB of key"


@pytest.mark.slow
def test_many_set_options_are_bounded(cli: Cli) -> None:
    sets = [a for n in range(5000) for a in ("--set", f"stakes=value {n}")]
    cli(*RUN_JSON, "--set", "customer_name=Dana", *sets).exits(0, 2)


def test_a_scenario_id_that_is_a_path_is_refused(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: secret\n", encoding="utf-8")
    for scenario in (f"../../../../{secret}", str(secret), "../scenarios/refund", "refund\x00x"):
        if "\x00" in scenario:
            continue
        outcome = cli("run", scenario, "--no-input", "--set", "customer_name=Dana")
        outcome.refused("playbook", "scenario")


# ------------------------------------------------------------------------ folders


def test_a_playbook_folder_that_is_a_symlink_loop_is_refused(cli: Cli, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.symlink_to(b)
    b.symlink_to(a)
    for command in (("list",), ("triage", "my order is late"), ("check", "sorry")):
        cli(*command, "--playbooks", a).refused("loop", "symbolic", "exist", "folder")


@pytest.mark.slow
def test_a_playbook_folder_holding_a_link_to_itself_is_bounded(
    cli: Cli, playbooks: Path, valid_yaml: str
) -> None:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    (playbooks / "again").symlink_to(playbooks)
    (playbooks / "up").symlink_to(playbooks.parent)
    for command in (("list",), ("lint", playbooks), ("validate", playbooks)):
        where = () if command[0] != "list" else ("--playbooks", playbooks)
        outcome = cli(*command, *where).exits(0, 1, 2)
        if command == ("list",) and outcome.code == 0:
            assert outcome.out.count("valid ") <= 1 or outcome.out.count("\nvalid") <= 1


def test_a_playbook_folder_with_thousands_of_nested_folders_is_bounded(
    cli: Cli, playbooks: Path
) -> None:
    deep = playbooks
    for _ in range(200):
        deep = deep / "d"
    deep.mkdir(parents=True)
    (deep / "x.yaml").write_text("id: x\n", encoding="utf-8")
    cli("list", "--playbooks", playbooks).exits(0, 1, 2)


def test_an_output_folder_that_cannot_be_written_is_a_clear_message(
    cli: Cli, tmp_path: Path
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"customer_name": "Dana"}) + "\n", encoding="utf-8")
    cli("batch", source, "--out", locked / "out.jsonl", "--scenario", "outsourced-delay").refused(
        "permission", "cannot write"
    )
