"""`recovery list` and `recovery show`, the library layers, and how failures are reported."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from support import SHIPPED, Invoke

EXAMPLE = SHIPPED / "scenarios" / "outsourced-delay.yaml"


def copy_as(folder: Path, scenario: str, title: str) -> Path:
    """The shipped example under another id and title, in a trainer's folder."""
    folder.mkdir(parents=True, exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("id: outsourced-delay", f"id: {scenario}", 1)
    text = text.replace("title: A partner missed the date we promised", f"title: {title}", 1)
    path = folder / f"{scenario}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_list_shows_id_title_and_category(invoke: Invoke) -> None:
    result = invoke("list")
    assert result.exit_code == 0, result.stderr
    assert "outsourced-delay" in result.stdout
    assert "late-delivery" in result.stdout


def test_list_json_is_a_list_of_objects_with_id_title_category(invoke: Invoke) -> None:
    result = invoke("list", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert isinstance(rows, list) and rows
    assert all({"id", "title", "category"} <= set(row) for row in rows)
    assert "outsourced-delay" in {row["id"] for row in rows}


def test_extra_folders_add_and_override_playbooks(invoke: Invoke, tmp_path: Path) -> None:
    copy_as(tmp_path / "mine", "lab-delay", "Our own lab delay")
    override = copy_as(tmp_path / "env", "outsourced-delay", "house version")
    rows = json.loads(
        invoke(
            "list",
            "--format",
            "json",
            "--playbooks",
            str(tmp_path / "mine"),
            env={"RECOVERY_PLAYBOOKS": str(override.parent)},
        ).stdout
    )
    titles = {row["id"]: row["title"] for row in rows}
    assert titles["lab-delay"] == "Our own lab delay"
    assert titles["outsourced-delay"] == "house version"


def test_list_sees_an_edit_made_after_it_last_ran(invoke: Invoke, tmp_path: Path) -> None:
    path = copy_as(tmp_path / "mine", "lab-delay", "First title")
    first = json.loads(invoke("list", "--format", "json", "--playbooks", str(path.parent)).stdout)
    assert {row["title"] for row in first} >= {"First title"}
    time.sleep(0.01)
    path.write_text(
        path.read_text(encoding="utf-8").replace("First title", "Second title"), encoding="utf-8"
    )
    os.utime(path, None)
    second = json.loads(invoke("list", "--format", "json", "--playbooks", str(path.parent)).stdout)
    titles = {row["title"] for row in second}
    assert "Second title" in titles and "First title" not in titles


def test_list_reports_a_broken_playbook_and_still_lists_the_rest(
    invoke: Invoke, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    result = invoke("list", "--playbooks", str(folder))
    assert result.exit_code == 2
    assert "outsourced-delay" in result.stdout
    assert "broken.yaml:3" in result.stderr
    assert "flow sequence that starts on line 2" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_playbooks_folder_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("list", "--playbooks", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_show_draws_steps_branches_and_principles(invoke: Invoke) -> None:
    result = invoke("show", "outsourced-delay")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for fragment in (
        "listen",
        "empathise",
        "own-the-outcome",
        "expedite if rush",
        "alternative if replace",
        "only when severity == 'high'",
    ):
        assert fragment in out, fragment


def test_show_unknown_scenario_lists_the_known_ones(invoke: Invoke) -> None:
    result = invoke("show", "nope")
    assert result.exit_code == 2
    assert "no playbook `nope`" in result.stderr
    assert "outsourced-delay" in result.stderr


def test_titles_with_markup_or_escapes_are_shown_as_plain_text(
    invoke: Invoke, tmp_path: Path
) -> None:
    copy_as(tmp_path / "mine", "odd", "'[red]Loud[/red] title'")
    result = invoke("list", "--playbooks", str(tmp_path / "mine"))
    assert "[red]Loud[/red] title" in result.stdout


def test_version_and_help(invoke: Invoke) -> None:
    assert invoke("--version").stdout.startswith("recovery ")
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("list", "show", "run"):
        assert command in result.stdout


def test_an_unexpected_error_is_logged_not_shown_as_a_traceback(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("recovery_cli.playbook.catalogue.summaries", explode)
    result = invoke("list")
    assert result.exit_code == 3
    assert "unexpected error" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_python_m_runs_the_cli() -> None:
    import subprocess
    import sys

    completed = subprocess.run(
        [sys.executable, "-m", "recovery_cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("recovery ")


def test_principles_shows_rule_source_and_examples(invoke: Invoke) -> None:
    result = invoke("principles", "own-the-outcome")
    assert result.exit_code == 0
    assert "own-the-outcome:" in result.stdout
    assert "Jeff Simon" in result.stdout
    assert "say: " in result.stdout and "not: " in result.stdout
    every = json.loads(invoke("principles", "--format", "json").stdout)
    assert len(every) >= 12 and all(item["source"] for item in every)
    unknown = invoke("principles", "nope")
    assert unknown.exit_code == 2 and "empathise-first" in unknown.stderr
