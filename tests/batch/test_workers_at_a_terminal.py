"""`recovery batch --workers 2` at a real terminal: the progress bar is drawn while the
workers are forked, and the drafts are exactly those of one worker."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

MESSAGES = [
    "My sofa still isn't here. You promised Friday and I took two days off work. Priya",
    "you charged me twice for order 99102!!",
    "how do I change my delivery address?",
    "The lamp arrived smashed, it's for my mum's 80th on Saturday.",
]


def batch_at_a_terminal(tmp_path: Path, source: Path, out: Path, workers: int) -> str:
    """Run `recovery batch` under a pseudo-terminal; what the person saw."""
    env = {**os.environ, "RECOVERY_HOME": str(tmp_path / "state"), "TERM": "xterm"}
    env.pop("RECOVERY_PLAYBOOKS", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "recovery_cli", "batch", str(source), "--out", str(out),
         "--workers", str(workers)],
        env=env, encoding="utf-8", timeout=120, dimensions=(40, 120),
    )  # fmt: skip
    seen = child.read()
    child.close()
    assert child.exitstatus == 0, seen
    return str(seen)


def test_two_workers_under_a_progress_bar_finish_with_the_drafts_of_one(
    tmp_path: Path,
) -> None:
    source = tmp_path / "tickets.jsonl"
    rows = [{"id": f"T{n}", "message": MESSAGES[n % len(MESSAGES)]} for n in range(1, 1201)]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")

    seen = batch_at_a_terminal(tmp_path, source, tmp_path / "two.jsonl", workers=2)
    batch_at_a_terminal(tmp_path, source, tmp_path / "one.jsonl", workers=1)

    assert "read 1,200 rows" in seen
    two = (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    assert two == (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in two.splitlines()] == [row["id"] for row in rows]
