"""Family 10: bad input is exit 2 with a clear message, never exit 3.

`--set` bytes that are not UTF-8, `choose.listen=²` (`isdigit()` but not `int()`), a
5,000-digit `choose`, a huge integer in `--answers` or in a transcript, standard input
closed, a dangling `*.yaml` link in `list`, a checkpoint that is a JSON list and a full
disk were all reported as internal errors (exit 3).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hostile.harness import (
    Cli,
    Device,
    InProcess,
    accounted,
    command,
    environment,
    is_char_device,
    jsonl,
    summary,
)

HUGE = "9" * 5000
RUN = ("run", "outsourced-delay", "--no-input", "--set", "customer_name=Dana")


# ------------------------------------------------------------------------- --set


@pytest.mark.parametrize(
    "setting",
    [
        pytest.param(b"customer_name=Dana\xff\xfe", id="value-not-utf8"),
        pytest.param(b"customer_\xffname=Dana", id="key-not-utf8"),
        pytest.param(b"choose.listen=\xc3", id="choose-truncated-utf8"),
        pytest.param(b"stakes=\xed\xa0\x80", id="encoded-surrogate"),
    ],
)
def test_set_with_bytes_that_are_not_utf8_is_refused(cli: Cli, setting: bytes) -> None:
    cli(*RUN, "--set", setting).refused("utf-8", "utf8", "encoding", "--set")


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("²", id="superscript-two"),
        pytest.param("٣", id="arabic-indic-three"),
        pytest.param("１", id="fullwidth-one"),
        pytest.param(HUGE, id="5000-digits"),
        pytest.param("-1", id="minus-one"),
        pytest.param("0", id="zero"),
        pytest.param("99999999999999999999", id="twenty-nines"),
    ],
)
def test_set_choose_with_a_number_that_is_no_suggestion_is_refused_or_used_as_text(
    inproc: InProcess, value: str
) -> None:
    """Either a clear refusal (exit 2) or the value is taken as the agent's own line."""
    outcome = inproc(*RUN, "--set", f"choose.listen={value}").exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says("choose", "listen", "suggestion")


# --------------------------------------------------------------- answers, transcripts


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("answers.json", '{"customer_name": "Dana", "choose": {"listen": ' + HUGE + "}}"),
        ("answers.json", '{"customer_name": ' + HUGE + "}"),
        ("answers.json", '{"customer_name": "Dana", "severity": -' + HUGE + "}"),
        ("answers.yaml", "customer_name: Dana\nchoose:\n  listen: " + HUGE + "\n"),
        ("answers.yaml", "customer_name: " + HUGE + "\n"),
        ("answers.json", '{"customer_name": "Dana", "stakes": 1e999999}'),
        ("answers.json", '{"customer_name": "Dana", "\\udc80": "x"}'),
    ],
    ids=[
        "json-choose",
        "json-value",
        "json-negative",
        "yaml-choose",
        "yaml-value",
        "json-float-overflow",
        "json-lone-surrogate-key",
    ],
)
def test_answers_file_with_a_hostile_number_is_refused(
    inproc: InProcess, tmp_path: Path, name: str, text: str
) -> None:
    answers = tmp_path / name
    answers.write_text(text, encoding="utf-8")
    outcome = inproc("run", "outsourced-delay", "--no-input", "--answers", answers).exits(0, 2)
    if outcome.code == 2:
        outcome.says(name)


@pytest.fixture
def transcript(inproc: InProcess, tmp_path: Path) -> Path:
    """A real transcript, from a scripted run that completed."""
    path = tmp_path / "t.json"
    inproc(*RUN, "--transcript", path).exits(0)
    return path


@pytest.mark.parametrize(
    "field",
    ["version", "suggestion", "started_at", "customer_name"],
)
def test_resume_of_a_transcript_holding_a_5000_digit_integer_is_refused(
    inproc: InProcess, transcript: Path, field: str
) -> None:
    data = json.loads(transcript.read_text("utf-8"))
    data["status"] = "in-progress"
    marker = "__HUGE__"
    if field == "suggestion":
        data["steps"][0]["suggestion"] = marker
    elif field == "customer_name":
        data["inputs"]["customer_name"] = marker
    else:
        data[field] = marker
    transcript.write_text(json.dumps(data).replace(f'"{marker}"', HUGE), encoding="utf-8")
    inproc("run", "--no-input", "--resume", transcript).refused("transcript", "t.json")


def test_resume_of_a_transcript_that_is_a_json_list_is_refused(
    inproc: InProcess, tmp_path: Path
) -> None:
    path = tmp_path / "t.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    inproc("run", "--no-input", "--resume", path).refused("transcript", "t.json")


# -------------------------------------------------------------------- standard input


@pytest.mark.parametrize("command_name", ["check", "triage"])
def test_standard_input_really_closed_is_refused(cli: Cli, command_name: str) -> None:
    cli(command_name, close_stdin=True).refused("input", "text", "reply", "message")


@pytest.mark.parametrize("command_name", ["check", "triage"])
def test_standard_input_closed_with_a_dash_is_refused(cli: Cli, command_name: str) -> None:
    cli(command_name, "-", close_stdin=True).refused("input", "text", "reply", "message")


@pytest.mark.parametrize("command_name", ["check", "triage"])
def test_standard_input_empty_is_refused(cli: Cli, command_name: str) -> None:
    cli(command_name, stdin=subprocess.DEVNULL).refused("empty", "no text", "nothing")


def test_batch_from_closed_standard_input_is_refused(cli: Cli, tmp_path: Path) -> None:
    cli(
        "batch", "-", "--input-format", "jsonl", "--out", tmp_path / "o.jsonl",
        close_stdin=True,
    ).refused("input")  # fmt: skip


def test_run_with_closed_standard_input_does_not_crash(cli: Cli) -> None:
    cli(*RUN, close_stdin=True).exits(0)


# --------------------------------------------------------------------- playbook folders


def test_list_with_a_dangling_yaml_link_lists_the_rest_or_refuses(
    cli: Cli, playbooks: Path, valid_yaml: str
) -> None:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    (playbooks / "gone.yaml").symlink_to(playbooks / "nowhere.yaml")
    outcome = cli("list", "--playbooks", playbooks).exits(0, 2)
    if outcome.code == 0:
        assert "valid" in outcome.out
    else:
        outcome.says("gone.yaml")


@pytest.mark.parametrize("name", ["checks.yaml", "triage.yaml", "principles.yaml", "voice.yaml"])
def test_dangling_link_named_like_a_settings_file_is_refused_or_ignored(
    cli: Cli, playbooks: Path, name: str
) -> None:
    (playbooks / name).symlink_to(playbooks / "nowhere.yaml")
    for args in (("list",), ("check", "sorry, it is late"), ("triage", "my order is late")):
        outcome = cli(*args, "--playbooks", playbooks).exits(0, 1, 2)
        if outcome.code == 2:
            outcome.says(name)


# -------------------------------------------------------------------------- checkpoints


@pytest.fixture
def batch_input(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"T-{n}", "customer_name": "Dana"}) + "\n" for n in range(5)),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("[]", id="json-list"),
        pytest.param("[1, 2]", id="json-list-of-numbers"),
        pytest.param("null", id="null"),
        pytest.param('"text"', id="string"),
        pytest.param(HUGE, id="5000-digit-number"),
        pytest.param('{"fingerprint": ' + HUGE + "}", id="5000-digit-fingerprint"),
        pytest.param('{"fingerprint": [], "state": []}', id="wrong-types"),
        pytest.param("[" * 100_000 + "]" * 100_000, id="deeply-nested"),
        pytest.param("\xff\xfe not json", id="not-utf8-ish"),
        pytest.param("", id="empty"),
    ],
)
def test_resume_from_a_hostile_checkpoint_is_refused(
    inproc: InProcess, tmp_path: Path, batch_input: Path, content: str
) -> None:
    out = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.checkpoint").write_text(content, encoding="utf-8")
    inproc(
        "batch", batch_input, "--out", out, "--scenario", "outsourced-delay", "--resume"
    ).refused("checkpoint", "resume")


# ---------------------------------------------------------------------------- full disk


def test_batch_out_to_a_full_device_is_a_clear_message(
    cli: Cli, tmp_path: Path, batch_input: Path, device: Device
) -> None:
    """Where /dev/full stands in for a full disk (a clone of it, made in tmp_path)."""
    full = device("full")
    cli(
        "batch", batch_input, "--out", full, "--format", "jsonl",
        "--rejects", tmp_path / "rejects.jsonl", "--scenario", "outsourced-delay", "-j", "1",
    ).refused("space", "full", "cannot write", "device")  # fmt: skip
    assert is_char_device(full), "the device stays a device"


def in_a_small_tmpfs(
    folder: Path, snapshot: Path, size: str, args: list[str | os.PathLike[str]], home: Path
) -> subprocess.CompletedProcess[bytes]:
    """Run recovery with a tmpfs of `size` mounted at `folder`, in a private mount
    namespace (gone when it exits); the tmpfs's files are copied to `snapshot`."""
    script = (
        'mount -t tmpfs -o size="$1" tmpfs "$2" || exit 99; shift 2; '
        '"$@"; rc=$?; cp -a "$FOLDER/." "$SNAPSHOT/"; exit $rc'
    )
    argv = ["unshare", "-m", "--propagation", "private", "sh", "-c", script, "sh", size,
            str(folder), *command(args)]  # fmt: skip
    env = environment(home, {"FOLDER": str(folder), "SNAPSHOT": str(snapshot)})
    return subprocess.run(argv, capture_output=True, env=env, timeout=60, check=False)


@pytest.fixture
def can_mount(tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a private tmpfs needs root and unshare")
    probe = tmp_path / "probe"
    probe.mkdir()
    tried = subprocess.run(
        ["unshare", "-m", "--propagation", "private", "mount", "-t", "tmpfs", "tmpfs", probe],
        capture_output=True,
        check=False,
    )
    if tried.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {tried.stderr!r}")


@pytest.mark.slow
def test_batch_on_a_full_disk_stops_cleanly_and_resumes_losing_nothing(
    can_mount: None, tmp_path: Path, home: Path, cli: Cli
) -> None:
    """The disk fills up mid-run: exit 2 with a message, the checkpoint stays, and once
    there is space `--resume` finishes with every row exactly once."""
    rows = 3000
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"T-{n}", "customer_name": "Dana"}) + "\n" for n in range(rows)),
        encoding="utf-8",
    )
    disk, snapshot = tmp_path / "disk", tmp_path / "snapshot"
    disk.mkdir()
    snapshot.mkdir()
    out = disk / "out.jsonl"
    args: list[str | os.PathLike[str]] = [
        "batch", source, "--out", out, "--scenario", "outsourced-delay", "-j", "1",
    ]  # fmt: skip
    done = in_a_small_tmpfs(disk, snapshot, "256k", args, home)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, (done.returncode, err)
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert any(w in err.lower() for w in ("space", "full", "cannot write")), err
    assert (snapshot / "out.jsonl.checkpoint").exists(), "the checkpoint is left in place"
    assert not (snapshot / "out.jsonl").exists(), "no half-written output"

    for item in snapshot.iterdir():  # the disk now has room: same paths, same files
        shutil.copy2(item, disk / item.name)
    resumed = cli(*args, "--resume").exits(0)
    written, rejected = accounted(resumed, out, disk / "out.rejects.jsonl")
    assert summary(resumed)["read"] == rows
    assert [r["id"] for r in written] == [f"T-{n}" for n in range(rows)]
    assert rejected == [] and jsonl(out)
