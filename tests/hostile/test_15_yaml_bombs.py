"""Beyond the issue: YAML built to explode, in every file a folder of playbooks can hold.

A "billion laughs" of nested aliases, an alias that contains itself, one long string
aliased thousands of times, deep nesting, a 5,000-digit integer where a number is
expected, and NaN or infinity in triage's points. Each is refused as a located problem
(exit 2, or 1 for validate and lint) or read harmlessly; none crashes or runs away.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.harness import Cli

LAUGHS = "\n".join(
    ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]
)
SELF = "a: &a [*a]\n"
DEEP = "a: " + "[" * 5000 + "]" * 5000 + "\n"
HUGE = "9" * 5000

SETTINGS = {
    "checks.yaml": ("check", "sorry, that is not our fault"),
    "triage.yaml": ("triage", "my order is still not here"),
    "principles.yaml": ("list",),
    "voice.yaml": ("run", "outsourced-delay", "--no-input", "--set", "customer_name=Dana"),
}
BOMBS = {"billion-laughs": LAUGHS, "self-alias": SELF, "deep": DEEP}


@pytest.mark.parametrize("bomb", list(BOMBS.values()), ids=list(BOMBS))
@pytest.mark.parametrize("name", list(SETTINGS))
def test_a_yaml_bomb_in_a_settings_file_is_refused_quickly(
    cli: Cli, playbooks: Path, name: str, bomb: str
) -> None:
    (playbooks / name).write_text(bomb, encoding="utf-8")
    outcome = cli(*SETTINGS[name], "--playbooks", playbooks).exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says(name)


@pytest.mark.parametrize("bomb", list(BOMBS.values()), ids=list(BOMBS))
@pytest.mark.parametrize("command", ["validate", "lint"])
def test_a_yaml_bomb_as_a_playbook_is_a_located_problem(
    cli: Cli, playbooks: Path, command: str, bomb: str
) -> None:
    (playbooks / "bomb.yaml").write_text(bomb, encoding="utf-8")
    outcome = cli(command, playbooks).exits(1)
    assert "bomb.yaml" in outcome.out + outcome.err, outcome.describe()


@pytest.mark.parametrize("bomb", list(BOMBS.values()), ids=list(BOMBS))
def test_a_yaml_bomb_as_an_answers_file_is_refused(cli: Cli, tmp_path: Path, bomb: str) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(bomb, encoding="utf-8")
    cli("run", "outsourced-delay", "--no-input", "--answers", answers).refused("answers.yaml")


def test_a_self_referencing_alias_inside_a_playbook_is_a_located_problem(
    cli: Cli, playbooks: Path, valid_yaml: str
) -> None:
    text = valid_yaml.replace(
        '      - "I\'m putting it right for you now."', "      - &loop [*loop]", 1
    )
    (playbooks / "valid.yaml").write_text(text, encoding="utf-8")
    outcome = cli("validate", playbooks).exits(1)
    assert "valid.yaml" in outcome.out + outcome.err


@pytest.mark.slow
def test_one_long_string_aliased_thousands_of_times_is_bounded(
    cli: Cli, playbooks: Path, valid_yaml: str
) -> None:
    """Few nodes, a small file, and yet a thousand suggestions of 1.5 MB each to check."""
    long_line = "not our fault, we are not liable, " * 45_000
    text = valid_yaml.replace(
        '      - "I\'m putting it right for you now."',
        f'      - &big "{long_line}"\n' + "      - *big\n" * 1000,
        1,
    )
    (playbooks / "valid.yaml").write_text(text, encoding="utf-8")
    for args in (("lint", playbooks), ("validate", playbooks)):
        cli(*args, timeout=30).exits(0, 1)
    cli(
        "run", "valid", "--playbooks", playbooks, "--no-input", "--set", "customer_name=Dana"
    ).exits(0, 1, 2)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("triage.yaml", f"typo_min_length: {HUGE}\n"),
        ("triage.yaml", f"candidates: {HUGE}\n"),
        ("triage.yaml", "word_points: .nan\n"),
        ("triage.yaml", "word_points: .inf\nroutine_head_start: -.inf\n"),
        ("triage.yaml", "routine_head_start: 1e400\n"),
        (
            "checks.yaml",
            f"checks:\n  - id: x\n    principle: listen\n    description: d\n"
            f"    message: m\n    hint: h\n    patterns: [sorry]\n"
            f"    sentences: {HUGE}\n",
        ),
        (
            "checks.yaml",
            f"cues:\n  negation:\n    patterns: [not]\nchecks:\n  - id: x\n"
            f"    principle: listen\n    description: d\n    message: m\n"
            f"    hint: h\n    patterns: [sorry]\n"
            f"    unless_before: {{negation: {HUGE}}}\n",
        ),
    ],
    ids=[
        "typo-min-length",
        "candidates",
        "nan-points",
        "infinite-points",
        "1e400",
        "sentences",
        "unless-before",
    ],
)
def test_a_hostile_number_in_a_settings_file_is_refused_or_harmless(
    cli: Cli, playbooks: Path, name: str, text: str
) -> None:
    (playbooks / name).write_text(text, encoding="utf-8")
    command = SETTINGS[name]
    outcome = cli(*command, "--playbooks", playbooks).exits(0, 1, 2)
    if outcome.code == 2:
        outcome.says(name)


def test_a_5000_digit_integer_in_a_playbook_is_a_located_problem(
    cli: Cli, playbooks: Path, valid_yaml: str
) -> None:
    text = valid_yaml.replace("title: Fix it now", f"title: {HUGE}", 1)
    (playbooks / "valid.yaml").write_text(text, encoding="utf-8")
    for command in ("validate", "lint"):
        outcome = cli(command, playbooks).exits(0, 1)
        if outcome.code == 1:
            assert "valid.yaml" in outcome.out + outcome.err
    cli(
        "run", "valid", "--playbooks", playbooks, "--no-input", "--set", "customer_name=Dana"
    ).exits(0, 2)
