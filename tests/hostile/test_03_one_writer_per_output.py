"""Family 3: two batch runs on the same `--out` never corrupt it.

Two runs writing one output at once produced duplicated rows, rows from the other input
and a torn line, and both reported success. A run takes a lock on its output: a second
run on the same output refuses with a clear message (exit 2) and the first completes with
exactly its own rows.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from hostile.harness import Running, Spawn, accounted, jsonl

LOCKED = ("lock", "another", "already", "in use", "busy", "running")


@pytest.fixture
def pb(playbooks: Path, valid_yaml: str) -> Path:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    return playbooks


def rows(prefix: str, count: int) -> bytes:
    return "".join(
        json.dumps({"id": f"{prefix}-{n}", "customer_name": f"{prefix} {n}", "scenario": "valid"})
        + "\n"
        for n in range(1, count + 1)
    ).encode("utf-8")


def wait_for_output_files(folder: Path, before: set[str], first: Running) -> None:
    """Until the first run has created something beside its output, or has surely got
    past start-up (it is then waiting for more input, its output taken)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        assert first.process.poll() is None, (
            "the first run ended early\n" + first.finish().describe()
        )
        if {p.name for p in folder.iterdir()} - before:
            return
        time.sleep(0.05)


@pytest.mark.slow
def test_second_run_on_the_same_output_refuses_while_the_first_is_running(
    spawn: Spawn, tmp_path: Path, pb: Path
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "drafts.jsonl"
    second_input = tmp_path / "b.jsonl"
    second_input.write_bytes(rows("B", 50))
    first = spawn(
        "batch", "-", "--input-format", "jsonl", "--out", out, "--playbooks", pb, "-j", "1",
        stdin=subprocess.PIPE,
    )  # fmt: skip
    assert first.process.stdin is not None
    first.process.stdin.write(rows("A", 300))
    first.process.stdin.flush()
    wait_for_output_files(out_dir, set(), first)

    second = spawn("batch", second_input, "--out", out, "--playbooks", pb, "-j", "1").finish()
    assert first.process.poll() is None, "the first run must still be running"
    second.refused(*LOCKED)

    first.process.stdin.write(rows("A", 600)[len(rows("A", 300)) :])
    first.process.stdin.close()
    done = first.finish().exits(0)
    written, rejected = accounted(done, out, out_dir / "drafts.rejects.jsonl")
    assert [r["id"] for r in written] == [f"A-{n}" for n in range(1, 601)]
    assert rejected == []


@pytest.mark.slow
def test_two_runs_started_together_leave_one_whole_output(
    spawn: Spawn, tmp_path: Path, pb: Path
) -> None:
    out = tmp_path / "drafts.jsonl"
    inputs = {}
    for prefix in ("A", "B"):
        inputs[prefix] = tmp_path / f"{prefix}.jsonl"
        inputs[prefix].write_bytes(rows(prefix, 1500))
    runs = {
        prefix: spawn("batch", path, "--out", out, "--playbooks", pb, "-j", "1")
        for prefix, path in inputs.items()
    }
    outcomes = {prefix: run.finish() for prefix, run in runs.items()}
    codes = sorted(o.code for o in outcomes.values())
    for outcome in outcomes.values():
        outcome.exits(0, 2)
    winners = [p for p, o in outcomes.items() if o.code == 0]
    # Either the runs took turns (both 0, the later one's output stands), or one refused.
    assert codes in ([0, 0], [0, 2]), [o.describe() for o in outcomes.values()]
    for outcome in outcomes.values():
        if outcome.code == 2:
            outcome.says(*LOCKED)
    records = jsonl(out)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == 1500, "no row duplicated, none missing"
    assert {i.split("-")[0] for i in ids} <= set(winners) and len({i[0] for i in ids}) == 1, (
        "rows from one input only"
    )
    left = [p.name for p in tmp_path.glob("*drafts.jsonl.*") if not p.name.endswith(".lock")]
    assert not left, f"no temporary file left behind: {left}"


@pytest.mark.slow
@pytest.mark.parametrize("shared", ["--out", "--rejects"])
def test_a_second_run_sharing_either_output_refuses(
    spawn: Spawn, tmp_path: Path, pb: Path, shared: str
) -> None:
    """The rejects file is an output too: two runs may not share it any more than --out."""
    first_out, first_rejects = tmp_path / "a.jsonl", tmp_path / "a.rejects.jsonl"
    if shared == "--out":
        second_out, second_rejects = first_out, tmp_path / "b.rejects.jsonl"
    else:
        second_out, second_rejects = tmp_path / "b.jsonl", first_rejects
    source = tmp_path / "B.jsonl"
    source.write_bytes(rows("B", 50) + b'{"id": "B-bad", "scenario": "valid"}\n')
    first = spawn(
        "batch", "-", "--input-format", "jsonl", "--out", first_out, "--rejects", first_rejects,
        "--playbooks", pb, "-j", "1", stdin=subprocess.PIPE,
    )  # fmt: skip
    assert first.process.stdin is not None
    first.process.stdin.write(rows("A", 300) + b'{"id": "A-bad", "scenario": "valid"}\n')
    first.process.stdin.flush()
    wait_for_output_files(tmp_path, {p.name for p in tmp_path.iterdir()}, first)
    second = spawn(
        "batch", source, "--out", second_out, "--rejects", second_rejects,
        "--playbooks", pb, "-j", "1",
    ).finish()  # fmt: skip
    assert first.process.poll() is None, "the first run must still be running"
    second.refused(*LOCKED)
    first.process.stdin.close()
    written, rejected = accounted(first.finish().exits(1), first_out, first_rejects)
    assert [r["id"] for r in written] == [f"A-{n}" for n in range(1, 301)]
    assert [r["row"] for r in rejected] == [301], "only the first run's own reject"
