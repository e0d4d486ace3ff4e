"""`recovery lint`: the logic and content of playbooks, beyond their format.

Each test starts from `tests/broken/valid.yaml` (a small, clean playbook) and changes one
thing, so the finding it expects is plainly caused by that change.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from support import REPO, SHIPPED, Invoke

VALID = (REPO / "tests" / "broken" / "valid.yaml").read_text(encoding="utf-8")
SCENARIOS = sorted((SHIPPED / "scenarios").glob("*.yaml"))


def write(folder: Path, name: str, *edits: tuple[str, str]) -> Path:
    """`valid.yaml` renamed to `name` with each (old, new) edit applied once."""
    text = VALID.replace("id: valid", f"id: {name}")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def findings(invoke: Invoke, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = invoke("lint", *args, "--format", "json")
    report = json.loads(result.stdout)
    return result.exit_code, report["findings"]


def rules(items: list[dict[str, object]], severity: str | None = None) -> list[object]:
    return [f["rule"] for f in items if severity is None or f["severity"] == severity]


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_every_shipped_playbook_is_lint_clean(invoke: Invoke, path: Path) -> None:
    code, items = findings(invoke, str(path))
    assert code == 0
    assert [f for f in items if f["severity"] != "info"] == []


def test_the_whole_library_is_linted_when_no_path_is_given(invoke: Invoke) -> None:
    result = invoke("lint")
    assert result.exit_code == 0, result.stdout
    count = int(result.stdout.splitlines()[-1].split(" ")[0])
    assert count >= len(SCENARIOS) + 2  # scenarios, principles, their tests


def test_the_small_clean_playbook_has_no_findings(invoke: Invoke, tmp_path: Path) -> None:
    code, items = findings(invoke, str(write(tmp_path, "clean")))
    assert (code, items) == (0, [])


def test_an_answer_without_a_branch_is_a_warning(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "partial", ("      later: follow-up\n", ""))
    code, items = findings(invoke, str(path))
    assert code == 0
    [finding] = items
    assert finding["rule"] == "choices-branches"
    assert finding["severity"] == "warning"
    assert "answer `later` of `can_fix` has no branch; it goes on to `fix`" in str(
        finding["message"]
    )


def test_a_question_that_neither_branches_nor_is_used_is_a_warning(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = write(
        tmp_path, "idle", ("    branches:\n      today: fix\n      later: follow-up\n", "")
    )
    code, items = findings(invoke, str(path))
    assert code == 0
    assert rules(items) == ["unused-answer"]


def test_a_step_without_suggestions_is_a_warning(invoke: Invoke, tmp_path: Path) -> None:
    path = write(
        tmp_path, "silent", ('    suggestions:\n      - "I\'m putting it right for you now."\n', "")
    )
    code, items = findings(invoke, str(path))
    assert code == 0
    assert rules(items) == ["no-suggestion"]
    assert items[0]["field"] == "steps[2].id"


def test_a_conditional_path_without_a_draft_line_is_a_warning(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "maybe-empty",
        (
            "    why: Feelings before facts.\n",
            "    why: Feelings before facts.\n    in_draft: false\n",
        ),
        ("    why: Someone has to", "    when: \"customer_name != ''\"\n    why: Someone has to"),
        ("    why: A fix they", "    when: \"customer_name != ''\"\n    why: A fix they"),
        ("    why: A vague", "    when: \"customer_name != ''\"\n    why: A vague"),
    )
    code, items = findings(invoke, str(path))
    assert code == 0
    assert rules(items) == ["path-without-draft"]
    assert "when `when:` conditions skip steps" in str(items[0]["message"])


def test_a_suggestion_that_breaks_a_principle_is_reported(invoke: Invoke, tmp_path: Path) -> None:
    pytest.importorskip("recovery_cli.checks.checker")
    path = write(
        tmp_path,
        "blames",
        ('"I\'m putting it right for you now."', '"It\'s not our fault, the lab did it."'),
    )
    code, items = findings(invoke, str(path))
    assert code == 1
    assert "breaks-principle" in rules(items, "error")
    finding = next(f for f in items if f["rule"] == "breaks-principle")
    assert finding["field"] == "steps[2].suggestions[0]"


def test_text_left_marked_todo_is_a_warning(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "unfinished", ("    title: Fix it now", '    title: "TODO: a title"'))
    code, items = findings(invoke, str(path))
    assert code == 0
    assert rules(items) == ["todo"]
    assert items[0]["field"] == "steps[2].title"


def test_a_custom_input_used_only_in_a_condition_counts_as_used(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "vip",
        ("  - name: next_update\n", "  - name: tier\n    default: basic\n  - name: next_update\n"),
        ("    why: A fix they", "    when: \"tier == 'gold'\"\n    why: A fix they"),
    )
    code, items = findings(invoke, str(path))
    assert (code, items) == (0, [])


def test_overriding_a_shipped_playbook_is_noted(invoke: Invoke, tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    shutil.copy(SHIPPED / "scenarios" / "outsourced-delay.yaml", mine / "outsourced-delay.yaml")
    result = invoke("lint", "--format", "json", env={"RECOVERY_PLAYBOOKS": str(mine)})
    assert result.exit_code == 0
    notes = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "override"]
    assert len(notes) == 1
    assert notes[0]["severity"] == "info"
    assert notes[0]["file"].endswith("mine/outsourced-delay.yaml")
    assert "overrides the shipped playbook `outsourced-delay`" in notes[0]["message"]


def test_a_playbooks_folder_override_is_noted_in_text(invoke: Invoke, tmp_path: Path) -> None:
    shutil.copy(SHIPPED / "scenarios" / "refund.yaml", tmp_path / "refund.yaml")
    result = invoke("lint", str(tmp_path), "--playbooks", str(tmp_path))
    assert result.exit_code == 0
    assert "info [override] overrides the shipped playbook `refund`" in result.stdout


def test_github_format_annotates_errors_and_warnings(invoke: Invoke, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "two",
        ("sorry. You were", "sorry, {{ custmer_name }}. You were"),
        ("      later: follow-up\n", ""),
    )
    result = invoke("lint", str(path), "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("::error file=")
    assert ",line=19,col=9,title=undefined-variable::`custmer_name` is neither" in lines[0]
    assert lines[1].startswith("::warning file=")
    assert "title=choices-branches::" in lines[1]


def test_json_format_counts_errors_and_warnings(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "counted", ("sorry. You were", "sorry, {{ custmer_name }}. You were"))
    result = invoke("lint", str(path), "--format", "json")
    report = json.loads(result.stdout)
    assert (report["files"], report["errors"], report["warnings"]) == (1, 1, 0)
    assert set(report["findings"][0]) >= {"rule", "severity", "message", "hint", "file", "line"}


def test_warnings_alone_do_not_fail_lint(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path, "warned", ("      later: follow-up\n", ""))
    result = invoke("lint", str(path))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "1 file(s): 0 error(s), 1 warning(s)"
