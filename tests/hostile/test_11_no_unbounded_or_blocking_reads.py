"""Family 11: nothing reads without a bound, and nothing waits on a FIFO it found.

`--resume /dev/zero` read without limit; a FIFO named `f.yaml` in a playbook folder hung
`list` and `triage`. A special file met where a regular file is expected is refused (or
skipped) at once. Devices are clones made in the test's folder, so that a tool which
writes where it should only read damages nothing else.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from hostile.harness import Cli, Device, is_char_device

RUN = ("run", "outsourced-delay", "--no-input", "--set", "customer_name=Dana")


def test_resume_from_dev_zero_is_refused_quickly(cli: Cli, device: Device) -> None:
    zero = device("zero")
    cli("run", "--no-input", "--resume", zero).refused("transcript", str(zero), "regular")
    assert is_char_device(zero)


def test_resume_from_a_link_to_dev_zero_is_refused_quickly(
    cli: Cli, tmp_path: Path, device: Device
) -> None:
    zero = device("zero")
    link = tmp_path / "t.json"
    link.symlink_to(zero)
    cli("run", "--no-input", "--resume", link).refused("transcript", "t.json", "regular")
    assert link.is_symlink() and is_char_device(zero)


def test_resume_from_a_fifo_is_refused_without_waiting(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "t.json"
    os.mkfifo(fifo)
    cli("run", "--no-input", "--resume", fifo, timeout=20).refused("transcript", "t.json")


@pytest.mark.parametrize("command", [("list",), ("triage", "my order is still not here")])
def test_fifo_named_like_a_playbook_does_not_hang(
    cli: Cli, playbooks: Path, valid_yaml: str, command: tuple[str, ...]
) -> None:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    os.mkfifo(playbooks / "f.yaml")
    outcome = cli(*command, "--playbooks", playbooks, timeout=20).exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says("f.yaml")
    elif command == ("list",):
        assert "valid" in outcome.out


SETTINGS_READERS = [
    ("checks.yaml", ("check", "sorry, that is not our fault")),
    ("checks.yaml", ("run", "valid", "--no-input", "--set", "customer_name=Dana")),
    ("triage.yaml", ("triage", "my order is still not here")),
    ("principles.yaml", ("list",)),
    ("principles.yaml", ("show", "valid")),
    ("principles.yaml", ("lint",)),
    ("voice.yaml", ("run", "valid", "--no-input", "--set", "customer_name=Dana")),
    ("f.test.yaml", ("test",)),
    ("f.test.yaml", ("validate",)),
]
"""A settings file, and a command that reads it."""


@pytest.mark.parametrize(
    ("name", "command"), SETTINGS_READERS, ids=[f"{n}-{c[0]}" for n, c in SETTINGS_READERS]
)
def test_fifo_named_like_a_settings_file_does_not_hang(
    cli: Cli, playbooks: Path, valid_yaml: str, name: str, command: tuple[str, ...]
) -> None:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    os.mkfifo(playbooks / name)
    where = (playbooks,) if command[0] in ("lint", "validate") else ("--playbooks", playbooks)
    outcome = cli(*command, *where, timeout=20).exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says(name)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["f.yaml", "checks.yaml", "triage.yaml", "principles.yaml"])
def test_link_to_dev_zero_in_a_playbook_folder_is_bounded(
    cli: Cli, playbooks: Path, valid_yaml: str, device: Device, name: str
) -> None:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    (playbooks / name).symlink_to(device("zero"))
    for command in (("list",), ("triage", "my order is late"), ("check", "sorry it is late")):
        outcome = cli(*command, "--playbooks", playbooks).exits(0, 1, 2)
        if outcome.code == 2:
            outcome.says(name)


def test_answers_file_that_is_a_fifo_is_refused_without_waiting(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    cli("run", "outsourced-delay", "--no-input", "--answers", fifo, timeout=20).refused(
        "answers.yaml"
    )


@pytest.mark.parametrize("name", ["answers.json", "answers.yaml"])
def test_answers_file_that_is_dev_zero_is_refused_quickly(
    cli: Cli, tmp_path: Path, device: Device, name: str
) -> None:
    link = tmp_path / name
    link.symlink_to(device("zero"))
    cli("run", "outsourced-delay", "--no-input", "--answers", link).refused(name)


def test_check_file_that_is_dev_zero_is_bounded(cli: Cli, device: Device) -> None:
    outcome = cli("check", "--file", device("zero")).exits(2)
    outcome.says("long", "large", "regular", "empty", "text")


def test_checkpoint_that_is_a_fifo_is_refused_without_waiting(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"customer_name": "Dana"}) + "\n", encoding="utf-8")
    os.mkfifo(tmp_path / "out.jsonl.checkpoint")
    cli(
        "batch", source, "--out", tmp_path / "out.jsonl", "--scenario", "outsourced-delay",
        "--resume", timeout=20,
    ).refused("checkpoint")  # fmt: skip


def test_checkpoint_that_is_a_link_to_dev_zero_is_refused_quickly(
    cli: Cli, tmp_path: Path, device: Device
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"customer_name": "Dana"}) + "\n", encoding="utf-8")
    zero = device("zero")
    (tmp_path / "out.jsonl.checkpoint").symlink_to(zero)
    cli(
        "batch", source, "--out", tmp_path / "out.jsonl", "--scenario", "outsourced-delay",
        "--resume",
    ).refused("checkpoint")  # fmt: skip
    assert is_char_device(zero)
