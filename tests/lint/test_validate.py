"""`recovery validate`: every format problem at once, located, with the right exit code.

The broken corpus in `tests/broken/` holds one mistake per file; `expected.yaml` beside it
says what a trainer must read about each. Documents too big to commit (huge, deeply nested,
multiplied by aliases) are written at run time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from support import REPO, SHIPPED, Invoke

BROKEN = REPO / "tests" / "broken"
EXPECTED: dict[str, dict[str, object]] = yaml.safe_load(
    (BROKEN / "expected.yaml").read_text(encoding="utf-8")
)
TIMEOUT = 60


def recovery(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, with a timeout: nothing may hang."""
    return subprocess.run(
        [sys.executable, "-m", "recovery_cli", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1", "RECOVERY_PLAYBOOKS": ""},
        check=False,
    )


def test_the_corpus_has_at_least_thirty_broken_playbooks_each_with_an_expectation() -> None:
    files = {path.stem for path in BROKEN.glob("*.yaml") if path.name != "expected.yaml"}
    assert files == set(EXPECTED)
    broken = [name for name, spec in EXPECTED.items() if spec["exit"] != 0]
    assert len(broken) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_playbook_gives_a_located_message_and_the_right_exit_code(
    invoke: Invoke, name: str
) -> None:
    spec = EXPECTED[name]
    path = BROKEN / f"{name}.yaml"
    result = invoke(str(spec["command"]), str(path), "--format", "json")
    assert result.exit_code == spec["exit"], result.output
    report = json.loads(result.stdout)
    if "message" not in spec:
        assert [f for f in report["findings"] if f["severity"] != "info"] == []
        return
    matching = [f for f in report["findings"] if str(spec["message"]) in f["message"]]
    assert matching, report["findings"]
    finding = matching[0]
    assert finding["rule"] == spec["rule"]
    assert finding["line"] == spec["line"]
    assert finding["column"] is not None
    assert finding["file"].endswith(f"{name}.yaml")


@pytest.mark.parametrize(
    "name", sorted(name for name, spec in EXPECTED.items() if spec["command"] == "lint")
)
def test_validate_checks_the_format_only_and_leaves_logic_to_lint(
    invoke: Invoke, name: str
) -> None:
    result = invoke("validate", str(BROKEN / f"{name}.yaml"))
    assert result.exit_code == 0, result.output


def test_the_text_report_names_file_line_column_field_and_hint(invoke: Invoke) -> None:
    result = invoke("validate", str(BROKEN / "unknown-branch-target.yaml"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(
        line.endswith(
            "unknown-branch-target.yaml:37:7: error [unknown-step] branch `later` goes to "
            "unknown step `escalate` (steps[1].branches.later)"
        )
        for line in lines
    ), result.stdout
    assert "  hint: use one of: empathise, end, fix, follow-up, own" in lines
    assert lines[-1] == "1 file(s): 1 error(s), 0 warning(s)"


def test_every_error_in_a_file_is_reported_at_once(invoke: Invoke, tmp_path: Path) -> None:
    text = (BROKEN / "valid.yaml").read_text(encoding="utf-8")
    text = text.replace("id: valid", "id: many")
    text = text.replace("summary:", "sumary:")  # unknown key (and summary missing)
    text = text.replace("    title: Fix it now", "    title: [Fix, it, now]")  # wrong type
    (tmp_path / "many.yaml").write_text(text, encoding="utf-8")
    result = invoke("validate", str(tmp_path / "many.yaml"), "--format", "json")
    assert result.exit_code == 1
    messages = {(f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]}
    assert (4, "unknown key `sumary`") in messages
    assert (1, "missing required key `summary`") in messages
    assert any(line == 40 and "expected text here" in text for line, text in messages)


def test_cross_reference_errors_are_reported_together(invoke: Invoke, tmp_path: Path) -> None:
    text = (BROKEN / "valid.yaml").read_text(encoding="utf-8").replace("id: valid", "id: refs")
    text = text.replace("      later: follow-up", "      later: escalate")
    text = text.replace("      default: today", "      default: never")
    (tmp_path / "refs.yaml").write_text(text, encoding="utf-8")
    result = invoke("validate", str(tmp_path / "refs.yaml"), "--format", "json")
    rules = sorted(f["rule"] for f in json.loads(result.stdout)["findings"])
    assert rules == ["choices-branches", "unknown-step"]


def test_a_folder_reports_the_errors_of_every_file(invoke: Invoke) -> None:
    result = invoke("validate", str(BROKEN), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    files = {Path(f["file"]).stem for f in report["findings"] if f["severity"] == "error"}
    broken = {name for name, spec in EXPECTED.items() if spec["command"] == "validate"}
    assert broken <= files
    assert report["files"] == len(EXPECTED) + 1  # expected.yaml is read as a playbook too


def test_the_whole_corpus_never_shows_a_traceback_or_hangs() -> None:
    for command in ("validate", "lint"):
        result = recovery(command, str(BROKEN))
        assert result.returncode == 1
        assert "Traceback" not in result.stdout + result.stderr
        assert "unexpected error" not in result.stderr


def test_yaml_tags_never_construct_python_objects(tmp_path: Path) -> None:
    target = tmp_path / "python-object-tag.yaml"
    target.write_bytes((BROKEN / "python-object-tag.yaml").read_bytes())
    result = recovery("validate", target.name, cwd=tmp_path)
    assert result.returncode == 1
    assert "custom YAML tags are not allowed" in result.stdout
    assert not (tmp_path / "recovery-was-hacked").exists()


def _huge(path: Path) -> None:
    line = '      - "I will update you {{ next_update }}, whatever the news, and then again."\n'
    body = (BROKEN / "valid.yaml").read_text(encoding="utf-8").replace("id: valid", "id: huge")
    path.write_text(body + line * 30_000, encoding="utf-8")


def _deep(path: Path) -> None:
    path.write_text("id: deep\ntitle: " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")


def _deep_block(path: Path) -> None:
    lines = [f"{'  ' * depth}k{depth}:" for depth in range(200)]
    path.write_text("\n".join(lines) + " end\n", encoding="utf-8")


def _laughs(path: Path) -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for number in range(1, 10):
        previous, name = chr(ord("a") + number - 1), chr(ord("a") + number)
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    lines.append("id: laughs\ntitle: *j")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _wide(path: Path) -> None:
    items = ", ".join(["x"] * 250_000)
    path.write_text(f"id: wide\nwords: [{items}]\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (_huge, "the limit is 2,000,000"),
        (_deep, "nested too deeply"),
        (_deep_block, "nested too deeply"),
        (_laughs, "expands to more than"),
        (_wide, "expands to more than"),
    ],
    ids=["huge", "deep-flow", "deep-block", "billion-laughs", "wide"],
)
def test_oversized_documents_are_refused_quickly_with_a_message(
    tmp_path: Path, make: Callable[[Path], None], fragment: str
) -> None:
    name = getattr(make, "__name__", "doc").strip("_")
    path = tmp_path / f"{name}.yaml"
    make(path)
    result = recovery("validate", str(path))
    assert result.returncode == 1, result.stdout + result.stderr
    assert fragment in result.stdout
    assert f"{name}.yaml" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_the_library_is_validated_when_no_path_is_given(invoke: Invoke) -> None:
    result = invoke("validate")
    assert result.exit_code == 0, result.stdout
    assert "0 error(s)" in result.stdout


def test_a_broken_playbook_in_the_environment_library_is_found(
    invoke: Invoke, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "empty.yaml").write_text("", encoding="utf-8")
    result = invoke("validate", env={"RECOVERY_PLAYBOOKS": str(mine)})
    assert result.exit_code == 1
    assert "empty.yaml:1:1: error [yaml] the file is empty" in result.stdout


def test_a_broken_playbook_in_a_playbooks_folder_is_found(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "list-not-mapping.yaml").write_bytes(
        (BROKEN / "list-not-mapping.yaml").read_bytes()
    )
    result = invoke("validate", "--playbooks", str(tmp_path))
    assert result.exit_code == 1
    assert "must be a mapping of keys, not a list" in result.stdout


def test_a_principles_file_without_a_source_is_reported(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "principles.yaml").write_text(
        "principles:\n  - id: be-kind\n    rule: Be kind.\n    why: It helps.\n",
        encoding="utf-8",
    )
    result = invoke("validate", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["rule"] == "principle-source"
    assert finding["line"] == 2
    assert finding["field"] == "principles[0].source"


def test_the_shipped_principles_and_tests_are_validated_too(invoke: Invoke) -> None:
    result = invoke("validate", str(SHIPPED), "--format", "json")
    assert result.exit_code == 0, result.stdout
    files = json.loads(result.stdout)["files"]
    assert files >= len(list((SHIPPED / "scenarios").glob("*.yaml"))) + 1


def test_a_broken_test_file_is_located(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "valid.test.yaml").write_text(
        "tests:\n  - name: no expectations\n    answers: {can_fix: today}\n", encoding="utf-8"
    )
    result = invoke("validate", str(tmp_path / "valid.test.yaml"))
    assert result.exit_code == 1
    assert "valid.test.yaml:2:5: error [format] missing required key `expect`" in result.stdout


def test_a_path_that_does_not_exist_is_bad_usage(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "nowhere.yaml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_bom_and_crlf_line_ends_load_like_any_other_file(invoke: Invoke) -> None:
    for name in ("bom", "crlf"):
        result = invoke("validate", str(BROKEN / f"{name}.yaml"))
        assert result.exit_code == 0, result.stdout


def test_github_format_prints_workflow_annotations(invoke: Invoke) -> None:
    result = invoke("validate", str(BROKEN / "duplicate-key.yaml"), "--format", "github")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("::error file=")
    assert "duplicate-key.yaml,line=4,col=1,title=duplicate-key::" in line
    assert "::duplicate key `category` (first on line 3) (category)%0Ahint: remove one" in line
