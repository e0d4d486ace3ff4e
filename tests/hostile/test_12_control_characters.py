"""Family 12: control characters never reach a terminal or a JSON consumer raw.

`recovery graph` printed a step title's escape sequences raw (it changed the terminal
title and cleared the screen); `run --format json` passed U+009B (the one-byte CSI),
DEL and U+202E (right-to-left override) from typed values. Output holds none of them
raw: they are removed, or escaped as `\\u` sequences in JSON, and JSON stays valid.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hostile.harness import Cli, InProcess, Outcome, jsonl

ESCAPES = "\x1b]0;owned\x07\x1b[2J"
TYPED = "Da\u009b2Jna\x7f\u202eevil\x1b[31m\x08"
"""A value as typed: C1 CSI, DEL, a right-to-left override, an SGR sequence, a backspace."""
IN_FILES = TYPED + "\x00\x1b]0;owned\x07"
"""The same in a file, where a NUL and an OSC title change can travel too."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
"""Characters that must never appear raw in output (tab, newline and CR aside)."""


def assert_no_raw_controls(text: str, what: str = "output") -> None:
    found = sorted({f"U+{ord(c):04X}" for c in RAW.findall(text.replace("\r\n", "\n"))})
    assert not found, f"raw control characters in {what}: {found}"


@pytest.fixture
def hostile_title(playbooks: Path, valid_yaml: str) -> Path:
    """valid.yaml with the first step's title holding an OSC title change and a clear."""
    text = valid_yaml.replace(
        "    title: Acknowledge it\n", '    title: "Acknowledge it\\e]0;owned\\a\\e[2J"\n', 1
    )
    assert text != valid_yaml
    text = text.replace(
        "title: A small playbook with one thing wrong",
        'title: "A small playbook\\e[2J\\u009b31m"',
        1,
    )
    (playbooks / "valid.yaml").write_text(text, encoding="utf-8")
    return playbooks


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_graph_prints_no_escape_sequences_from_a_step_title(
    inproc: InProcess, hostile_title: Path, fmt: str
) -> None:
    outcome = inproc("graph", "valid", "--playbooks", str(hostile_title), "--format", fmt)
    outcome.exits(0)
    assert b"\x1b" not in outcome.stdout, "no ESC byte"
    assert_no_raw_controls(outcome.out)


def test_graph_file_holds_no_escape_sequences(
    inproc: InProcess, hostile_title: Path, tmp_path: Path
) -> None:
    target = tmp_path / "flow.mmd"
    inproc("graph", "valid", "--playbooks", str(hostile_title), "--output", str(target)).exits(0)
    assert_no_raw_controls(target.read_text("utf-8"), "the graph file")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("show", "valid"), id="show"),
        pytest.param(("list",), id="list"),
        pytest.param(("list", "--format", "json"), id="list-json"),
        pytest.param(("run", "valid", "--no-input", "--set", "customer_name=Dana"), id="run"),
        pytest.param(
            ("run", "valid", "--no-input", "--set", "customer_name=Dana", "--format", "markdown"),
            id="run-markdown",
        ),
    ],
)
def test_other_commands_print_no_escape_sequences_from_a_playbook(
    inproc: InProcess, hostile_title: Path, args: tuple[str, ...]
) -> None:
    outcome = inproc(*args, "--playbooks", str(hostile_title)).exits(0)
    assert_no_raw_controls(outcome.out)
    assert_no_raw_controls(outcome.err, "stderr")


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_problem_reports_print_no_escape_sequences(
    inproc: InProcess, playbooks: Path, valid_yaml: str, command: str
) -> None:
    """An error message quoting a bad value must not carry its escapes to the terminal."""
    text = valid_yaml.replace("stage: fix", 'stage: "fix\\e]0;owned\\a\\e[2J"', 1)
    (playbooks / "valid.yaml").write_text(text, encoding="utf-8")
    outcome = inproc(command, str(playbooks)).exits(1)
    assert_no_raw_controls(outcome.out)
    assert_no_raw_controls(outcome.err, "stderr")


def json_out(outcome: Outcome) -> object:
    outcome.exits(0)
    assert_no_raw_controls(outcome.out, "JSON output")
    return json.loads(outcome.out)


def test_run_json_passes_no_raw_c1_del_or_bidi_from_a_typed_value(cli: Cli) -> None:
    outcome = cli(
        "run", "outsourced-delay", "--no-input", "--format", "json",
        "--set", f"customer_name={TYPED}", "--set", f"stakes=you need it {TYPED}",
    )  # fmt: skip
    data = json_out(outcome)
    assert isinstance(data, dict)
    assert_no_raw_controls(json.dumps(data, ensure_ascii=False), "decoded values")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_run_text_passes_no_raw_controls_from_a_typed_value(cli: Cli, fmt: str) -> None:
    outcome = cli(
        "run", "outsourced-delay", "--no-input", "--format", fmt,
        "--set", f"customer_name={TYPED}",
    ).exits(0)  # fmt: skip
    assert_no_raw_controls(outcome.out)


def test_run_json_from_an_answers_file_passes_no_raw_controls(cli: Cli, tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    data = {"customer_name": IN_FILES, "partner": IN_FILES}
    answers.write_text(json.dumps(data), encoding="utf-8")
    json_out(cli("run", "outsourced-delay", "--no-input", "--format", "json", "--answers", answers))


def test_saved_transcript_passes_no_raw_controls(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    cli(
        "run", "outsourced-delay", "--no-input", "--set", f"customer_name={TYPED}",
        "--transcript", path,
    ).exits(0)  # fmt: skip
    assert_no_raw_controls(path.read_text("utf-8"), "the transcript")


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_check_echo_of_a_reply_passes_no_raw_controls(inproc: InProcess, fmt: str) -> None:
    outcome = inproc("check", "--format", fmt, f"Sorry {TYPED}, that is not our fault.")
    outcome.exits(1)
    assert_no_raw_controls(outcome.out)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_triage_echo_of_a_message_passes_no_raw_controls(inproc: InProcess, fmt: str) -> None:
    outcome = inproc("triage", "--format", fmt, f"my order {TYPED} is still not here")
    outcome.exits(0, 1)
    assert_no_raw_controls(outcome.out)


@pytest.mark.parametrize("out_name", ["out.jsonl", "out.csv", "out.md", "out.tsv"])
def test_batch_outputs_pass_no_raw_controls_from_a_row(
    cli: Cli, tmp_path: Path, out_name: str
) -> None:
    source = tmp_path / "in.jsonl"
    rows = [
        {"id": f"T-{IN_FILES}", "customer_name": IN_FILES, "stakes": IN_FILES},
        # rejected: a severity that is none of low, medium, high (the reason quotes it)
        {"id": "T-2", "customer_name": "", "stakes": IN_FILES, "severity": IN_FILES},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / out_name
    rejects = tmp_path / "rejects.jsonl"
    outcome = cli(
        "batch", source, "--out", out, "--rejects", rejects, "--scenario", "outsourced-delay",
        "-j", "1",
    ).exits(1)  # fmt: skip
    assert_no_raw_controls(outcome.err, "the summary")
    assert_no_raw_controls(out.read_text("utf-8"), out_name)
    assert_no_raw_controls(rejects.read_text("utf-8"), "the rejects file")
    assert len(jsonl(rejects)) == 1
