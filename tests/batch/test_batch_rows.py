"""The per-row function other engines call, and runs that stop half way.

`draft_row(context, row_number, row)` is what a Dask bag or a Spark `mapPartitions` maps
over a dataset: it must survive pickling and give the record `recovery batch` writes.
An interrupted run must resume without writing any row twice.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recovery_cli.batch import BatchContext, OutputFormat, Record, Rejection, draft_row
from recovery_cli.batch.outputs import Outputs
from recovery_cli.batch.pipeline import run
from recovery_cli.batch.plan import SEP, Walked
from recovery_cli.batch.rows import InputFormat, Malformed, Row, RowSource
from recovery_cli.library import Library
from recovery_cli.playbook.inputs import resolve, sample_values
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.walk import run_scripted
from support import PARCEL_PLAYBOOK as PLAYBOOK
from support import Invoke

ROWS = [
    {"id": "1", "scenario": "parcel-mixup", "customer_name": "Dana", "remedy": "refund"},
    {"id": "2", "scenario": "", "customer_name": "Bob", "message": "you sent the wrong item"},
    {"id": "3", "scenario": "", "customer_name": "Eve", "message": "how do I reset my password"},
    {"id": "4", "scenario": "parcel-mixup", "customer_name": "", "message": ""},
    {"id": "5", "scenario": "outsourced-delay", "customer_name": "Ann", "severity": "high",
     "message": "my order is still not here"},
]  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "playbooks"
    folder.mkdir()
    (folder / "parcel-mixup.yaml").write_text(PLAYBOOK, encoding="utf-8")
    return folder


@pytest.fixture
def context(folder: Path) -> BatchContext:
    return BatchContext.from_library(Library.configured([folder]))


def test_the_context_and_the_function_survive_pickling(context: BatchContext) -> None:
    copy = pickle.loads(pickle.dumps(context))
    function = pickle.loads(pickle.dumps(draft_row))
    for number, row in enumerate(ROWS, start=1):
        assert function(copy, number, row) == draft_row(context, number, row)


def test_the_function_gives_the_record_the_command_writes(
    context: BatchContext, folder: Path, tmp_path: Path, invoke: Invoke
) -> None:
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in ROWS), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke("batch", str(source), "--out", str(out), "--playbooks", str(folder))
    assert result.exit_code == 1, result.stderr  # row 4 lacks a customer name
    written = {r["row"]: r for r in map(json.loads, out.read_text().splitlines())}
    rejected = {r["row"]: r for r in map(json.loads, (tmp_path / "out.rejects.jsonl").open())}
    for number, row in enumerate(ROWS, start=1):
        outcome = draft_row(context, number, row)
        record = json.loads(json.dumps(outcome.to_json()))
        if isinstance(outcome, Rejection):
            assert {**record, "line": number} == rejected[number]
        else:
            assert record == written[number]
    assert sorted([*written, *rejected]) == [1, 2, 3, 4, 5]


def _answer_sets(playbook: Playbook) -> list[dict[str, str]]:
    """No answers (defaults), then each choice of each question in turn."""
    sets: list[dict[str, str]] = [{}]
    for question in playbook.questions():
        sets += [{question.id: choice} for choice in question.choices]
    return sets


def _walked(playbook: Playbook, values: dict[str, str], answers: dict[str, str]) -> Walked:
    """What the one walker makes of a scripted run: the reference the plan must equal."""
    walk = run_scripted(playbook, values, answers, source=playbook.id)
    return Walked(walk.reply(), walk.path(), walk.checklist(), walk.assumptions())


def test_batch_drafts_are_the_drafts_a_scripted_run_makes(context: BatchContext) -> None:
    """The compiled plan is only a faster route to exactly the walk's reply."""
    people = [
        {"customer_name": "Ann", "severity": "high", "partner": "the lab", "stakes": "a trip"},
        {"customer_name": "Bo {{ 7*7 }}", "severity": "low", "channel": "chat"},
        {"customer_name": "Cy", "issue": "your sofa is late", "next_update": "by noon"},
        {"customer_name": "Di", "channel": "social"},
        {"customer_name": "", "channel": "phone", "severity": "high"},
    ]
    checked = 0
    for scenario, playbook in context.playbooks.items():
        plan = context.plans[scenario]
        for supplied in people:
            values = resolve(playbook, supplied).values
            values = {**sample_values(playbook), **{k: v for k, v in values.items() if v}}
            for answers in _answer_sets(playbook):
                scripted = _walked(playbook, values, answers)
                for _ in range(2):  # first compiles the route, second reuses it
                    fast = plan.run(values, answers)
                    assert fast.reply == scripted.reply, (scenario, answers)
                    assert fast.path == scripted.path
                    assert fast.checklist == scripted.checklist
                assert fast == scripted
                checked += 1
    assert checked > 40


def test_a_value_holding_the_separator_still_drafts_correctly(context: BatchContext) -> None:
    playbook = context.playbooks["parcel-mixup"]
    values = {"customer_name": f"Dana{SEP}", "severity": "medium"}
    assert context.plans["parcel-mixup"].run(values, {}) == _walked(playbook, values, {})


def test_the_function_never_raises_whatever_the_row(context: BatchContext) -> None:
    odd: list[dict[str, object]] = [
        {},
        {"scenario": "\x00"},
        {"customer_name": "x" * 100_000, "scenario": "parcel-mixup"},
        {"message": "{{ ''.__class__ }}", "customer_name": "{% for %}"},
    ]
    for number, row in enumerate(odd, start=1):
        outcome = draft_row(context, number, row)
        assert isinstance(outcome, Rejection) or outcome.status in {"drafted", "routine"}
        assert outcome.row == number


def test_values_from_other_engines_need_not_be_text(context: BatchContext) -> None:
    """Spark and Dask rows carry None for a missing cell, and numbers."""
    missing = draft_row(context, 1, {"scenario": "parcel-mixup", "customer_name": None})
    assert isinstance(missing, Rejection) and missing.kind == "missing-input"
    number = draft_row(context, 2, {"scenario": "parcel-mixup", "customer_name": 42, "id": 7})
    assert isinstance(number, Record) and number.status == "drafted"
    assert str(number.draft).startswith("Hi 42,") and number.id == "7"


# ----------------------------------------------------------------------- reading


def rows(data: bytes, fmt: InputFormat = InputFormat.csv, limit: int = 1000) -> list[object]:
    return list(RowSource(io.BytesIO(data), fmt, limit=limit))


def test_a_quoted_field_may_span_lines() -> None:
    found = rows(b'id,message\n1,"line one\nline two"\n2,next\n')
    assert found == [Row(1, 2, {"id": "1", "message": "line one\nline two"}),
                     Row(2, 4, {"id": "2", "message": "next"})]  # fmt: skip


def test_an_open_quote_is_cut_at_the_size_limit_and_reading_goes_on() -> None:
    lines = b"".join(b"%d,plain text\n" % n for n in range(2, 200))
    found = rows(b'id,message\n1,"never closed\n' + lines, limit=500)
    assert isinstance(found[0], Malformed) and found[0].kind == "too-large"
    assert [item.row for item in found] == list(range(1, 200))
    assert all(isinstance(item, Row) for item in found[1:])


def test_a_long_line_is_skipped_in_bounded_memory() -> None:
    found = rows(b"id,message\n1," + b"y" * 10_000 + b"\n2,ok\n", limit=500)
    assert isinstance(found[0], Malformed) and len(found[0].text) <= 501
    assert found[1] == Row(2, 3, {"id": "2", "message": "ok"})


def test_json_scalars_become_text_and_nested_values_stay_for_preset_paths() -> None:
    line = b'{"id": 3, "vip": true, "note": null, "tags": ["a"], "source": {"body": "hi"}}\n'
    found = rows(line, InputFormat.jsonl)
    fields = {"id": "3", "vip": "true", "note": "", "tags": ["a"], "source": {"body": "hi"}}
    assert found == [Row(1, 1, fields)]


def test_a_duplicate_or_unreadable_header_is_bad_input() -> None:
    from recovery_cli.errors import RecoveryError

    with pytest.raises(RecoveryError, match="twice"):
        rows(b"id,id\n1,2\n")
    with pytest.raises(RecoveryError, match="header"):
        rows(b'"id,message\n')


# ----------------------------------------------------------------------- interruption


def _export(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,scenario,customer_name\n")
        for number in range(1, count + 1):
            handle.write(f"T{number},parcel-mixup,Customer {number}\n")
        handle.write('T-bad,parcel-mixup,"broken\n')


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_saves_a_checkpoint_and_resume_finishes_without_duplicates(
    tmp_path: Path, folder: Path, workers: str
) -> None:
    """Rows arrive on a pipe; Ctrl-C lands while the run waits for more of them."""
    count = 3000
    rows = [f"T{n},parcel-mixup,Customer {n}\n" for n in range(1, count + 1)]
    rows.insert(100, 'T-bad,parcel-mixup,"broken"quote\n')
    data = "id,scenario,customer_name\n" + "".join(rows)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "recovery_cli", "batch", "-", "--input-format", "csv",
               "--out", str(out), "--playbooks", str(folder), "-j", workers,
               "--scenario", "parcel-mixup"]  # fmt: skip
    env = {**os.environ, "RECOVERY_HOME": str(tmp_path / "state")}
    process = subprocess.Popen(command, env=env, start_new_session=True, text=True,
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    assert process.stdin is not None
    process.stdin.write(data[: len(data) * 2 // 3])
    process.stdin.flush()
    part = tmp_path / "out.jsonl.part"
    deadline = time.monotonic() + 120
    while not (part.exists() and part.stat().st_size > 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C on a terminal does
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "--resume" in stderr and "Traceback" not in stderr
    assert not out.exists(), "no half-written output"
    assert (tmp_path / "out.jsonl.checkpoint").exists()

    again = subprocess.run([*command, "--resume"], input=data, env=env, capture_output=True,
                           text=True, timeout=600)  # fmt: skip
    assert again.returncode == 1, again.stderr  # the one broken row
    assert f"read {count + 1:,} rows: {count:,} drafted, 0 routine, 1 rejected" in again.stderr
    assert "done before the interruption" in again.stderr
    numbers = [json.loads(line)["row"] for line in out.open()]
    assert numbers == [n for n in range(1, count + 2) if n != 101]
    assert not (tmp_path / "out.jsonl.checkpoint").exists()


def test_resume_refuses_a_different_run_and_needs_a_checkpoint(
    tmp_path: Path, folder: Path, invoke: Invoke
) -> None:
    source, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    _export(source, 3)
    result = invoke("batch", str(source), "--out", str(out), "--resume", "--playbooks", str(folder))
    assert result.exit_code == 2 and "nothing to resume" in result.stderr
    (tmp_path / "out.jsonl.checkpoint").write_text(
        json.dumps({"fingerprint": "other", "state": {}}), encoding="utf-8"
    )
    result = invoke("batch", str(source), "--out", str(out), "--resume", "--playbooks", str(folder))
    assert result.exit_code == 2 and "different run" in result.stderr


def test_an_interrupt_in_the_middle_of_a_chunk_loses_and_repeats_nothing(
    context: BatchContext, tmp_path: Path
) -> None:
    lines = [f"parcel-mixup,Customer {n}" for n in range(1, 1001)]
    lines.insert(499, 'parcel-mixup,"broken')
    data = ("scenario,customer_name\n" + "\n".join(lines) + "\n").encode()
    out, rejects = tmp_path / "o.jsonl", tmp_path / "o.rejects.jsonl"

    class Stopped(Outputs):
        writes = 0

        def write(self, status: str, kind: str, text: str) -> None:
            Stopped.writes += 1
            if Stopped.writes == 700:  # part way through a chunk
                raise KeyboardInterrupt
            super().write(status, kind, text)

    def source() -> RowSource:
        return RowSource(io.BytesIO(data), InputFormat.csv)

    with pytest.raises(KeyboardInterrupt):
        run(context, source(), Stopped(out, rejects, "same"), OutputFormat.jsonl, chunk_size=64)
    assert not out.exists()
    summary = run(context, source(), Outputs(out, rejects, "same"), OutputFormat.jsonl,
                  resume=True, chunk_size=64)  # fmt: skip
    assert (summary.read, summary.drafted, summary.rejected) == (1001, 1000, 1)
    assert 0 < summary.resumed < 700
    written = [json.loads(line)["row"] for line in out.open()]
    rejected = [json.loads(line)["row"] for line in rejects.open()]
    assert rejected == [500]
    assert sorted(written + rejected) == list(range(1, 1002))
    assert written == sorted(written)
