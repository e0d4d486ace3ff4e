"""`recovery new`, `recovery schema` and `recovery graph`: starting, editing and seeing."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from support import REPO, SHIPPED, Invoke

SCENARIOS = sorted((SHIPPED / "scenarios").glob("*.yaml"))
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/playbook.schema.json"


def test_new_writes_a_starter_that_validates_and_lints_with_only_reminders(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("new", "lost-parcel", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    path = tmp_path / "lost-parcel.yaml"
    assert f"wrote {path}" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "id: lost-parcel" in text
    assert invoke("validate", str(path)).exit_code == 0
    lint = invoke("lint", str(path), "--format", "json")
    assert lint.exit_code == 0
    found = json.loads(lint.stdout)["findings"]
    assert found and {f["rule"] for f in found} == {"todo"}


def test_new_refuses_to_overwrite(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "lost-parcel.yaml").write_text("mine\n", encoding="utf-8")
    result = invoke("new", "lost-parcel", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (tmp_path / "lost-parcel.yaml").read_text(encoding="utf-8") == "mine\n"


def test_new_creates_the_folder_it_is_asked_to_write_into(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "team" / "playbooks"
    result = invoke("new", "lost-parcel", "--dir", str(folder))
    assert result.exit_code == 0, result.stderr
    assert (folder / "lost-parcel.yaml").is_file()
    assert invoke("validate", str(folder)).exit_code == 0


def test_new_refuses_an_id_that_is_not_a_slug(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("new", "Lost Parcel", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "not a valid playbook id" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_points_the_editor_at_the_nearest_schema(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    shutil.copy(REPO / "schema" / "playbook.schema.json", tmp_path / "schema")
    folder = tmp_path / "playbooks" / "scenarios"
    folder.mkdir(parents=True)
    result = invoke("new", "lost-parcel", "--dir", str(folder))
    assert result.exit_code == 0
    first = (folder / "lost-parcel.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE
    assert "recovery schema >" not in result.stdout


def test_new_writes_a_schema_beside_the_playbook_when_there_is_none(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("new", "lost-parcel", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    first = (tmp_path / "lost-parcel.yaml").read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=", 1)[1].strip()
    written = (tmp_path / target).resolve()
    assert written.is_file(), first  # the editor's $schema line resolves
    schema = json.loads(written.read_text(encoding="utf-8"))
    assert "steps" in schema["properties"]
    assert str(written.name) in result.stdout


def test_the_committed_playbook_schema_is_current(invoke: Invoke) -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    committed = (REPO / "schema" / "playbook.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "run: recovery schema > schema/playbook.schema.json"


def test_the_committed_principles_schema_is_current(invoke: Invoke) -> None:
    result = invoke("schema", "--principles")
    committed = (REPO / "schema" / "principles.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, (
        "run: recovery schema --principles > schema/principles.schema.json"
    )


def test_the_schema_describes_fields_for_editors(invoke: Invoke) -> None:
    schema = json.loads(invoke("schema").stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"id", "title", "category", "summary", "steps"}
    step = schema["$defs"]["Step"]["properties"]
    assert "description" in step["why"]


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_every_shipped_playbook_names_the_schema_on_its_first_line(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == SCHEMA_LINE


def test_principles_yaml_names_its_schema_on_its_first_line() -> None:
    first = (SHIPPED / "principles.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/principles.schema.json"


@pytest.mark.parametrize("path", SCENARIOS, ids=[path.stem for path in SCENARIOS])
def test_graph_draws_every_shipped_playbook_in_mermaid(invoke: Invoke, path: Path) -> None:
    result = invoke("graph", path.stem)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("flowchart TD\n")
    assert 'finish(["end: draft and checklist"])' in out
    assert out.count("-->") >= 3


def test_graph_labels_branches_with_answers_and_marks_the_default(invoke: Invoke) -> None:
    out = invoke("graph", "outsourced-delay").stdout
    assert '["Own it, even though a partner failed<br/>own · principle: own-the-outcome' in out
    assert '-->|"checking: Not asked yet: ask the partner first (default)"|' in out
    assert '-->|"rush: Yes, if we push them, they can rush it"|' in out
    assert "-.->|\"skipped unless severity == 'high'\"|" in out


def test_graph_dot_is_graphviz_text(invoke: Invoke) -> None:
    result = invoke("graph", "outsourced-delay", "--format", "dot")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith('digraph "outsourced-delay" {')
    assert '"own" -> "alternative" [label="replace: ' in out
    assert '"follow-up" -> "end";' in out
    assert out.rstrip().endswith("}")


def test_graph_writes_text_to_a_file(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "flow.mmd"
    result = invoke("graph", "refund", "--output", str(target))
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("flowchart TD")


def test_svg_without_graphviz_says_how_to_install_it(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(
        "graph", "refund", "--output", str(tmp_path / "flow.svg"), env={"PATH": str(tmp_path)}
    )
    assert result.exit_code == 2
    assert "apt-get install graphviz" in result.stderr
    assert "brew install graphviz" in result.stderr
    assert not (tmp_path / "flow.svg").exists()


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_svg_is_drawn_by_graphviz_when_installed(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "flow.svg"
    result = invoke(
        "graph", "outsourced-delay", "--output", str(target), env={"PATH": os.environ["PATH"]}
    )
    assert result.exit_code == 0, result.output
    assert "<svg" in target.read_text(encoding="utf-8")


def test_graph_of_an_unknown_playbook_is_bad_usage(invoke: Invoke) -> None:
    result = invoke("graph", "no-such-thing")
    assert result.exit_code == 2
    assert "no playbook `no-such-thing`" in result.stderr
