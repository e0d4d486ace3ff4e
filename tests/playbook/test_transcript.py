"""The saved record of a run: written atomically, read back whole, or refused clearly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.paths import state_dir
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.transcript import (
    Recorder,
    Transcript,
    load,
    new_path,
    save,
    snapshot,
)
from recovery_cli.playbook.walk import Walk, run_scripted
from support import playbook, question, step

STARTED = "2024-05-01T09:00:00+00:00"


def book() -> Playbook:
    return playbook(
        step(
            "ask",
            "We will sort it, {{ customer_name }}.",
            question=question("pace", "rush", "swap"),
        ),
        step("close", "Speak soon."),
        checklist=[{"kind": "follow-up", "do": "Call {{ customer_name }} back."}],
    )


def finished() -> Transcript:
    walk = run_scripted(book(), {"customer_name": "Zoë"}, answers={"pace": "swap"})
    return snapshot(walk, "complete", STARTED)


def test_a_saved_transcript_reads_back_the_same(tmp_path: Path) -> None:
    saved = finished()
    path = save(saved, tmp_path / "run.json")
    loaded = load(path)
    assert loaded == saved
    assert loaded.scenario == "tiny"
    assert loaded.inputs == {"customer_name": "Zoë"}
    assert loaded.answers == {"pace": "swap"}
    assert loaded.draft == "Hi Zoë,\n\nWe will sort it, Zoë.\n\nSpeak soon."
    assert loaded.checklist == ["Call Zoë back."]


def test_the_records_read_back_resume_the_same_walk(tmp_path: Path) -> None:
    loaded = load(save(finished(), tmp_path / "run.json"))
    walk = Walk(book(), loaded.inputs)
    for record in loaded.records():
        walk.replay(record)
    assert walk.path() == ["ask", "close"]
    assert walk.draft() == loaded.draft
    assert [record.at for record in walk.records] == [line.at for line in loaded.steps]


def test_a_run_in_progress_has_no_draft_or_checklist_yet() -> None:
    walk = Walk(book(), {"customer_name": "Zoë"})
    walk.choose("typed", "Let me look.", answer="rush")
    saved = snapshot(walk, "interrupted", STARTED)
    assert saved.status == "interrupted"
    assert saved.draft is None
    assert saved.checklist == []
    assert [(line.step, line.source, line.line) for line in saved.steps] == [
        ("ask", "typed", "Let me look.")
    ]


def test_saving_creates_the_folder(tmp_path: Path) -> None:
    path = save(finished(), tmp_path / "deep" / "er" / "run.json")
    assert path.is_file()


def test_saving_again_replaces_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "run.json"
    save(finished(), path)
    later = finished().model_copy(update={"status": "in-progress"})
    save(later, path)
    assert load(path).status == "in-progress"
    assert [entry.name for entry in tmp_path.iterdir()] == ["run.json"]


def test_a_failed_save_keeps_the_previous_transcript_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save(finished(), tmp_path / "run.json")
    before = path.read_bytes()

    def disk_full(source: str, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(RecoveryError) as caught:
        save(finished().model_copy(update={"status": "interrupted"}), path)
    assert "No space left on device" in caught.value.message
    assert caught.value.hint is not None and "disk space" in caught.value.hint
    assert path.read_bytes() == before


def test_a_transcript_in_the_state_folder_that_cannot_be_saved_is_a_warning(
    tmp_path: Path,
) -> None:
    (tmp_path / "blocked").write_text("a file, not a folder")
    recorder = Recorder(tmp_path / "blocked" / "run.json")
    recorder.save(finished())
    assert recorder.saved is None
    assert recorder.warning is not None and "RECOVERY_HOME" in recorder.warning


def test_a_named_transcript_that_cannot_be_saved_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file, not a folder")
    recorder = Recorder(tmp_path / "blocked" / "run.json", named=True)
    with pytest.raises(RecoveryError, match="cannot save the transcript"):
        recorder.save(finished())


def test_a_failed_save_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(source: str, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(RecoveryError):
        save(finished(), tmp_path / "run.json")
    assert list(tmp_path.iterdir()) == []


def test_saving_where_a_file_blocks_the_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file, not a folder")
    with pytest.raises(RecoveryError) as caught:
        save(finished(), tmp_path / "blocked" / "run.json")
    assert "cannot save the transcript" in caught.value.message
    assert caught.value.location.file == str(tmp_path / "blocked" / "run.json")


@pytest.mark.parametrize(
    "content",
    [b"scenario: tiny\n", b'{"scenario": "tiny", "title": "Ti', b"\xff\xfe\x00garbage"],
    ids=["yaml", "cut-short", "binary"],
)
def test_a_file_that_is_not_json_is_refused_clearly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "run.json"
    path.write_bytes(content)
    with pytest.raises(RecoveryError) as caught:
        load(path)
    assert caught.value.message == "this is not a transcript (not JSON)"
    assert caught.value.location.file == str(path)
    assert caught.value.hint


def test_a_damaged_transcript_names_the_fields_that_are_wrong(tmp_path: Path) -> None:
    data = json.loads(finished().model_dump_json())
    del data["scenario"]
    data["status"] = "paused"
    path = tmp_path / "run.json"
    path.write_text(json.dumps(data))
    with pytest.raises(RecoveryError) as caught:
        load(path)
    assert caught.value.message == "this transcript is damaged"
    assert {problem.location.field for problem in caught.value.problems} == {"scenario", "status"}


def test_a_transcript_from_a_future_version_is_refused(tmp_path: Path) -> None:
    data = json.loads(finished().model_dump_json())
    data["version"] = 2
    path = tmp_path / "run.json"
    path.write_text(json.dumps(data))
    with pytest.raises(RecoveryError, match="damaged"):
        load(path)


def test_a_missing_transcript_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(RecoveryError) as caught:
        load(tmp_path / "nowhere.json")
    assert "cannot read the transcript" in caught.value.message


def test_the_state_folder_is_recovery_home_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOVERY_HOME", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert state_dir() == tmp_path / "mine"


def test_the_state_folder_falls_back_to_xdg_state_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECOVERY_HOME")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert state_dir() == tmp_path / "xdg" / "recovery"


def test_the_state_folder_defaults_to_local_state_in_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("RECOVERY_HOME")
    monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert state_dir() == tmp_path / ".local" / "state" / "recovery"


def test_a_new_transcript_goes_under_recovery_home_named_for_the_scenario(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RECOVERY_HOME", str(tmp_path / "mine"))
    path = new_path("outsourced-delay")
    assert path.parent == tmp_path / "mine" / "transcripts"
    assert path.name.startswith("outsourced-delay-")
    assert path.suffix == ".json"


def test_a_new_transcript_never_reuses_an_existing_file(tmp_path: Path) -> None:
    first = new_path("tiny")
    first.parent.mkdir(parents=True)
    first.write_text("{}")
    assert new_path("tiny") != first


def test_a_scenario_id_cannot_steer_the_transcript_out_of_its_folder() -> None:
    path = new_path("../../etc/passwd")
    assert path.parent == state_dir() / "transcripts"
    assert "/" not in path.name and ".." not in path.name
