"""Family 6: an output that collides with another file is refused before any work.

`--rejects` equal to the output's temporary name lost the drafted rows; `--rejects`
named like the checkpoint was deleted at the end; an input named like the output's
temporary file was truncated ("read 0 rows", exit 0); `--out` naming a folder processed
everything, then failed. Each is refused up front (exit 2) and nothing is lost: the
input is unchanged and nothing new is written.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from hostile.harness import Cli, Outcome

COLLIDES = ("same", "collide", "conflict", "clash", "input", "part", "checkpoint", "folder",
            "directory", "temporary", "reserved", "rejects", "--out")  # fmt: skip


def content(n: int = 3) -> str:
    return "".join(json.dumps({"id": f"T-{i}", "customer_name": "Dana"}) + "\n" for i in range(n))


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and a digest of its content."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
        if not p.name.endswith(".lock")  # a lock file of the refused run is not data
    }


def refused_up_front(outcome: Outcome, before: dict[str, str], folder: Path) -> None:
    outcome.refused(*COLLIDES)
    assert "read " not in outcome.err, "refused before reading any row\n" + outcome.describe()
    after = snapshot(folder)
    assert after == before, f"files changed: {set(after.items()) ^ set(before.items())}"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def batch(cli: Cli, work: Path, source: Path, *args: str | Path) -> Outcome:
    return cli("batch", source, *args, "--scenario", "outsourced-delay", "-j", "1", cwd=work)


def test_rejects_named_like_the_outputs_temporary_file_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl",
                    "--rejects", work / "out.jsonl.part")  # fmt: skip
    refused_up_front(outcome, before, work)


def test_rejects_named_like_the_checkpoint_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl",
                    "--rejects", work / "out.jsonl.checkpoint")  # fmt: skip
    refused_up_front(outcome, before, work)


def test_input_named_like_the_outputs_temporary_file_is_refused(cli: Cli, work: Path) -> None:
    source = work / "out.jsonl.part"
    source.write_text(content(), encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--input-format", "jsonl", "--out", work / "out.jsonl")
    refused_up_front(outcome, before, work)


def test_out_naming_an_existing_folder_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    (work / "drafts.jsonl").mkdir()
    (work / "drafts.jsonl" / "keep.txt").write_text("keep", encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "drafts.jsonl")
    refused_up_front(outcome, before, work)


# ------------------------------------------------------------------ beyond the issue


def test_rejects_naming_an_existing_folder_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    (work / "rej").mkdir()
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl", "--rejects", work / "rej")
    refused_up_front(outcome, before, work)


def test_input_named_like_the_rejects_temporary_file_is_refused(cli: Cli, work: Path) -> None:
    source = work / "out.rejects.jsonl.part"
    source.write_text(content(), encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--input-format", "jsonl", "--out", work / "out.jsonl")
    refused_up_front(outcome, before, work)


def test_input_named_like_the_checkpoint_is_refused(cli: Cli, work: Path) -> None:
    source = work / "out.jsonl.checkpoint"
    source.write_text(content(), encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--input-format", "jsonl", "--out", work / "out.jsonl")
    refused_up_front(outcome, before, work)


def test_out_that_is_a_hard_link_to_the_input_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    os.link(source, work / "out.jsonl")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl")
    refused_up_front(outcome, before, work)


def test_out_that_is_a_symlink_to_the_input_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    (work / "out.jsonl").symlink_to(source)
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl")
    refused_up_front(outcome, before, work)


def test_rejects_that_is_the_input_under_another_spelling_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    (work / "sub").mkdir()
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl",
                    "--rejects", "sub/../in.jsonl")  # fmt: skip
    refused_up_front(outcome, before, work)


def test_out_and_rejects_the_same_file_under_two_spellings_is_refused(cli: Cli, work: Path) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    (work / "link").symlink_to(work)
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "out.jsonl",
                    "--rejects", work / "link" / "out.jsonl")  # fmt: skip
    refused_up_front(outcome, before, work)


def test_out_in_a_folder_that_does_not_exist_is_refused_up_front_or_made(
    cli: Cli, work: Path
) -> None:
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    before = snapshot(work)
    outcome = batch(cli, work, source, "--out", work / "missing" / "out.jsonl").exits(0, 2)
    if outcome.code == 2:
        outcome.says("missing", "folder", "directory", "exist")
        assert "read " not in outcome.err
        assert snapshot(work) == before
    else:
        assert len((work / "missing" / "out.jsonl").read_text("utf-8").splitlines()) == 3


def test_out_named_like_a_playbook_of_the_library_is_refused(
    cli: Cli, work: Path, playbooks: Path, valid_yaml: str
) -> None:
    """Writing drafts over the playbook the run is drafting with loses the playbook."""
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    source = work / "in.jsonl"
    source.write_text(content(), encoding="utf-8")
    outcome = cli(
        "batch", source, "--out", playbooks / "valid.yaml", "--format", "jsonl",
        "--scenario", "valid", "--playbooks", playbooks, "-j", "1",
    )  # fmt: skip
    outcome.exits(2)
    assert (playbooks / "valid.yaml").read_text("utf-8") == valid_yaml


def test_run_transcript_that_is_the_answers_file_is_refused(cli: Cli, work: Path) -> None:
    answers = work / "answers.json"
    answers.write_text('{"customer_name": "Dana"}', encoding="utf-8")
    outcome = cli(
        "run", "outsourced-delay", "--no-input", "--answers", answers, "--transcript", answers
    )
    outcome.refused("answers", "transcript", "same")
    assert answers.read_text("utf-8") == '{"customer_name": "Dana"}'


def test_graph_output_that_is_the_playbook_is_refused(
    cli: Cli, playbooks: Path, valid_yaml: str
) -> None:
    path = playbooks / "valid.yaml"
    path.write_text(valid_yaml, encoding="utf-8")
    outcome = cli("graph", "valid", "--playbooks", playbooks, "--output", path)
    outcome.refused("valid.yaml", "playbook", "same")
    assert path.read_text("utf-8") == valid_yaml
