"""`recovery test`: trainers' YAML tests of paths and drafts, reported like pytest."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from support import SHIPPED, Invoke

SCENARIOS = sorted((SHIPPED / "scenarios").glob("*.yaml"))
TESTS = SHIPPED / "tests"


def test_every_shipped_playbook_has_at_least_two_tests() -> None:
    for scenario in SCENARIOS:
        path = TESTS / f"{scenario.stem}.test.yaml"
        assert path.is_file(), f"no tests for {scenario.stem}"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]
        assert len(cases) >= 2, scenario.stem
        answered = {tuple(sorted(case.get("answers", {}).items())) for case in cases}
        assert len(answered) >= 2, f"{scenario.stem}: the tests should take different branches"


def test_the_shipped_tests_pass(invoke: Invoke) -> None:
    result = invoke("test")
    assert result.exit_code == 0, result.stdout
    last = result.stdout.strip().splitlines()[-1]
    assert last.startswith(f"{2 * len(SCENARIOS)} passed") or " passed" in last
    assert "failed" not in last


def suite(folder: Path, text: str) -> Path:
    path = folder / "outsourced-delay.test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


PASSING = """\
tests:
  - name: the default path
    inputs: {customer_name: Dana}
    expect:
      path: [listen, empathise, own, ask-partner, follow-up]
      draft_contains: [Hi Dana]
"""


def test_a_passing_file_prints_a_dot_and_a_summary(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(tmp_path, PASSING)
    result = invoke("test", str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("outsourced-delay.test.yaml .")
    assert lines[-1].startswith("1 passed in ")


def test_a_failure_explains_the_path_difference_like_a_diff(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(
        tmp_path,
        PASSING
        + """\
  - name: the partner cannot rush it
    inputs: {customer_name: Dana}
    answers: {partner_can_rush: replace}
    expect:
      path: [listen, empathise, own, expedite, follow-up]
""",
    )
    result = invoke("test", str(path))
    assert result.exit_code == 1
    out = result.stdout
    assert "outsourced-delay.test.yaml .F" in out
    assert "FAILED " in out and ":7:5: tests[1].name: the partner cannot rush it" in out
    assert "    - expedite\n    + alternative\n" in out
    assert out.strip().splitlines()[-1].startswith("1 passed, 1 failed in ")


def test_a_missing_phrase_shows_the_draft(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(
        tmp_path,
        PASSING.replace(
            "draft_contains: [Hi Dana]",
            "draft_contains: [Hello Dana]\n      draft_not_contains: [Hi Dana]",
        ),
    )
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "draft does not contain 'Hello Dana'" in result.stdout
    assert "draft contains 'Hi Dana'; the draft is:" in result.stdout
    assert "  | Hi Dana," in result.stdout


def test_a_checklist_phrase_is_looked_for_in_every_item(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(
        tmp_path,
        PASSING + "      checklist_contains: [Call Dana tomorrow]\n",
    )
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "no checklist item contains 'Call Dana tomorrow'" in result.stdout
    assert "  | - Update Dana by the end of today" in result.stdout


def test_a_misspelt_answer_is_an_error_not_a_silent_pass(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(
        tmp_path,
        PASSING.replace(
            "inputs: {customer_name: Dana}",
            "inputs: {customer_name: Dana}\n    answers: {partner_can_rush: hurry}",
        ),
    )
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "outsourced-delay.test.yaml E" in result.stdout
    choices = "(checking, rush, replace)"
    assert f"`hurry` is not an answer to `partner_can_rush` {choices}" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("0 passed, 1 error in ")


def test_an_undeclared_input_and_unknown_step_are_errors(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(
        tmp_path,
        PASSING.replace("{customer_name: Dana}", "{customer_nam: Dana}").replace(
            "own, ask-partner", "own, hurry"
        ),
    )
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "input `customer_nam` is not declared by `outsourced-delay`" in result.stdout
    assert "`expect.path` names unknown step `hurry`" in result.stdout


def test_an_unknown_scenario_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "nothing-like-it.test.yaml"
    path.write_text(PASSING, encoding="utf-8")
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "no playbook `nothing-like-it`" in result.stdout


def test_a_trainers_folder_tests_its_own_playbooks(invoke: Invoke, tmp_path: Path) -> None:
    shutil.copy(SHIPPED / "scenarios" / "refund.yaml", tmp_path / "late-money.yaml")
    text = (tmp_path / "late-money.yaml").read_text(encoding="utf-8")
    (tmp_path / "late-money.yaml").write_text(text.replace("\nid: refund\n", "\nid: late-money\n"))
    (tmp_path / "late-money.test.yaml").write_text(
        "tests:\n  - name: default\n    inputs: {customer_name: Ann}\n"
        "    expect: {path: [listen, empathise, own, chase-refund, follow-up]}\n",
        encoding="utf-8",
    )
    result = invoke("test", str(tmp_path))
    assert result.exit_code == 0, result.stdout
    assert "1 passed" in result.stdout


def test_a_malformed_test_file_is_an_error_with_its_line(invoke: Invoke, tmp_path: Path) -> None:
    path = suite(tmp_path, "tests:\n  - name: nothing expected\n")
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "missing required key `expect`" in result.stdout
    assert ":2:5" in result.stdout


def test_no_tests_found_fails(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("test", str(tmp_path))
    assert result.exit_code == 1
    assert "no tests found" in result.stdout


def test_a_checklist_phrase_that_must_not_appear_fails_when_it_does(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = suite(
        tmp_path,
        PASSING.replace(
            "      draft_contains: [Hi Dana]",
            "      draft_contains: [Hi Dana]\n      checklist_not_contains: [check with Dana]",
        ),
    )
    result = invoke("test", str(path))
    assert result.exit_code == 1
    assert "a checklist item contains 'check with Dana'" in result.stdout
