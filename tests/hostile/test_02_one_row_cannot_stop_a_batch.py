"""Family 2: nothing one row holds can end a batch, and `--resume` does not trip on it.

A JSON line with a 5,000-digit integer (Python's int limit) and one whose key is a lone
surrogate escape ("\\udc80", which cannot be written as UTF-8) each ended the run with
exit 3, and `--resume` met the same row again. Each must be one rejected row (exit 1),
with a reason, and every other row drafted.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from hostile.harness import Cli, Spawn, accounted, summary

GOOD = '{{"id": "T-{n}", "customer_name": "Dana", "scenario": "valid"}}\n'
HUGE_INT = (
    '{"id": "BAD-int", "customer_name": "Bob", "scenario": "valid", "n": ' + "9" * 5000 + "}\n"
)
HUGE_NEGATIVE = (
    '{"id": "BAD-neg", "customer_name": "Bob", "scenario": "valid", "n": -' + "1" * 5000 + "}\n"
)
LONE_KEY = '{"id": "BAD-key", "scenario": "valid", "\\udc80": "x"}\n'
"""No customer name, so the row must go to the rejects, with its lone-surrogate key."""
LONE_KEY_DRAFTABLE = '{"id": "key", "customer_name": "Bob", "scenario": "valid", "\\udc80": "x"}\n'
LONE_VALUE = '{"id": "BAD-value", "customer_name": "Bob \\ud800", "scenario": "valid"}\n'
HUGE_FLOAT = '{"id": "BAD-float", "customer_name": "Bob", "scenario": "valid", "n": 1e999999}\n'
NAN = '{"id": "BAD-nan", "customer_name": "Bob", "scenario": "valid", "n": NaN}\n'
DEEP = (
    '{"id": "BAD-deep", "customer_name": "Bob", "scenario": "valid", "n": '
    + "[" * 100_000
    + "]" * 100_000
    + "}\n"
)


def good(n: int) -> str:
    return GOOD.format(n=n)


@pytest.fixture
def pb(playbooks: Path, valid_yaml: str) -> Path:
    (playbooks / "valid.yaml").write_text(valid_yaml, encoding="utf-8")
    return playbooks


@pytest.mark.parametrize(
    ("bad", "must_reject"),
    [
        pytest.param(HUGE_INT, True, id="5000-digit-integer"),
        pytest.param(HUGE_NEGATIVE, True, id="5000-digit-negative-integer"),
        pytest.param(LONE_KEY, True, id="lone-surrogate-key"),
        pytest.param(LONE_KEY_DRAFTABLE, False, id="lone-surrogate-key-in-a-draftable-row"),
        pytest.param(LONE_VALUE, False, id="lone-surrogate-value"),
        pytest.param(HUGE_FLOAT, False, id="float-overflow"),
        pytest.param(NAN, False, id="nan"),
        pytest.param(DEEP, True, id="100k-nested-lists"),
    ],
)
def test_a_hostile_json_line_is_one_rejected_row(
    cli: Cli, tmp_path: Path, pb: Path, bad: str, must_reject: bool
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(good(1) + bad + good(3), encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    codes = (1,) if must_reject else (0, 1)
    outcome = cli("batch", source, "--out", out, "--playbooks", pb, "-j", "1").exits(*codes)
    written, rejected = accounted(outcome, out, rejects)
    rejects.read_bytes().decode("utf-8")  # strictly UTF-8, whatever the row held
    assert [r["id"] for r in written][:1] == ["T-1"] and written[-1]["id"] == "T-3"
    if outcome.code == 1:
        assert [r["row"] for r in rejected] == [2]
    else:  # a value the reader can still take as text (NaN, a big float) may be drafted
        assert len(written) == 3


@pytest.mark.slow
def test_both_bad_rows_rejected_and_the_rest_drafted_with_workers(
    cli: Cli, tmp_path: Path, pb: Path
) -> None:
    lines = [good(n) for n in range(1, 601)]
    lines[100], lines[400] = HUGE_INT, LONE_KEY
    source = tmp_path / "in.jsonl"
    source.write_text("".join(lines), encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    outcome = cli("batch", source, "--out", out, "--playbooks", pb, "-j", "2").exits(1)
    written, rejected = accounted(outcome, out, rejects)
    assert [r["row"] for r in rejected] == [101, 401]
    assert len(written) == 598
    assert not (tmp_path / "out.jsonl.checkpoint").exists()


def test_rejects_file_of_a_lone_surrogate_key_is_valid_utf8(
    cli: Cli, tmp_path: Path, pb: Path
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(good(1) + LONE_KEY, encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    cli("batch", source, "--out", out, "--playbooks", pb, "-j", "1").exits(1)
    rejects.read_bytes().decode("utf-8")  # strict: the file is UTF-8
    (record,) = [json.loads(line) for line in rejects.read_text("utf-8").splitlines()]
    assert record["row"] == 2 and record["reason"]


@pytest.mark.slow
def test_resume_after_an_interruption_rejects_hostile_rows_instead_of_stopping(
    cli: Cli, spawn: Spawn, tmp_path: Path, pb: Path
) -> None:
    """Interrupt a run fed from a pipe after its first rows, then resume with all of them."""
    before = [good(n) for n in range(1, 301)]
    before[10] = HUGE_INT
    after = [good(n) for n in range(301, 601)]
    after[5], after[50] = LONE_KEY, HUGE_INT
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    args = ("batch", "-", "--input-format", "jsonl", "--out", out, "--playbooks", pb, "-j", "1")
    first = spawn(*args, stdin=subprocess.PIPE)
    assert first.process.stdin is not None
    first.process.stdin.write("".join(before).encode("utf-8"))
    first.process.stdin.flush()
    deadline = time.monotonic() + 8
    known = {p.name for p in tmp_path.iterdir()}
    while time.monotonic() < deadline and first.process.poll() is None:
        fresh = [p for p in tmp_path.iterdir() if p.name not in known and p.is_file()]
        if any(p.stat().st_size > 0 for p in fresh):  # the first chunk is out
            break
        time.sleep(0.05)
    time.sleep(0.3)
    if first.process.poll() is None:
        os.killpg(first.process.pid, signal.SIGINT)
    interrupted = first.finish()
    interrupted.exits(130)
    assert (tmp_path / "out.jsonl.checkpoint").exists(), interrupted.describe()

    everything = "".join(before + after).encode("utf-8")
    resumed = cli(*args, "--resume", input=everything).exits(1)
    written, rejected = accounted(resumed, out, rejects)
    assert summary(resumed)["read"] == 600
    assert [r["row"] for r in rejected] == [11, 306, 351]
    assert len({r["id"] for r in written}) == 597, "no row written twice"


def test_resume_after_a_completed_run_with_hostile_rows_is_clear(
    cli: Cli, tmp_path: Path, pb: Path
) -> None:
    """After a run that completed (hostile rows rejected), --resume has nothing to resume:
    a clear refusal or the same result, never a crash; a fresh run gives the same rows."""
    source = tmp_path / "in.jsonl"
    source.write_text(good(1) + HUGE_INT + good(3) + LONE_KEY + good(5), encoding="utf-8")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "out.rejects.jsonl"
    args = ("batch", source, "--out", out, "--playbooks", pb, "-j", "1")
    cli(*args).exits(1)
    again = cli(*args, "--resume")
    # Nothing to resume after a completed run: a clear refusal, or the same result.
    again.exits(1, 2)
    if again.code == 2:
        again.says("resume", "checkpoint")
    written, rejected = accounted(cli(*args).exits(1), out, rejects)
    assert [r["row"] for r in rejected] == [2, 4]
    assert [r["row"] for r in written] == [1, 3, 5]
