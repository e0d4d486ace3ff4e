"""Drafting on a Dask cluster: the same records, in the same order, as on this machine.

A team past one machine runs `recovery batch --engine dask`: against a local cluster, or
against a scheduler and workers started on their own. Either way the output, the rejects,
the counts and `--resume` must be exactly what the local engine gives. The Dask recipe in
docs/batch.md is run here as written.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from recovery_cli.batch import BatchContext, InputFormat, OutputFormat, RowSource
from recovery_cli.batch.outputs import Outputs
from recovery_cli.batch.pipeline import run
from recovery_cli.library import Library
from support import REPO, Invoke

distributed = pytest.importorskip("distributed")

MESSAGES = [
    "My sofa still isn't here. You promised Friday and I took two days off work. Priya",
    "you charged me twice for order 99102!!",
    "how do I change my delivery address?",
    "Hallo, mein Paket ist kaputt angekommen und niemand antwortet.",
    "The lamp arrived smashed, it's for my mum's 80th on Saturday.",
    "tracking says delivered but nothing came. Tom",
]


def export(path: Path, rows: int = 120) -> Path:
    """A JSON lines export with a broken line and a row that names no message."""
    lines = []
    for number in range(1, rows + 1):
        message = MESSAGES[number % len(MESSAGES)]
        lines.append(json.dumps({"id": f"T{number}", "message": message, "customer_name": ""}))
    lines[40] = '{"id": "broken", "message": '
    lines[70] = json.dumps({"id": "empty"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def batch(invoke: Invoke, source: Path, out: Path, *options: str) -> tuple[str, str, str]:
    """Run `recovery batch`; (drafts, rejects, the counts line)."""
    result = invoke("batch", str(source), "--out", str(out), *options)
    assert result.exit_code == 1, result.stderr  # the broken and the empty row are rejected
    counts = next(line for line in result.stderr.splitlines() if line.startswith("read "))
    rejects = out.with_name(out.stem + ".rejects.jsonl")
    return out.read_text(encoding="utf-8"), rejects.read_text(encoding="utf-8"), counts


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two workers started as separate processes, as a team runs them."""
    folder = tmp_path_factory.mktemp("cluster")
    address_file = folder / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    started = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(address_file),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    deadline = time.monotonic() + 60
    while not address_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    address = json.loads(address_file.read_text())["address"]
    started.append(
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "distributed.cli.dask_worker",
                address,
                "--nworkers",
                "2",
                "--nthreads",
                "1",
                "--no-dashboard",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    )
    with distributed.Client(address, timeout=60) as client:
        client.wait_for_workers(2, timeout=60)
    try:
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            process.wait(timeout=30)


def test_a_local_dask_cluster_writes_what_the_local_engine_writes(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = export(tmp_path / "tickets.jsonl")
    local = batch(invoke, source, tmp_path / "local.jsonl", "--workers", "1")
    dask = batch(invoke, source, tmp_path / "dask.jsonl", "--engine", "dask", "--workers", "2")
    assert dask == local
    assert "in another language" in local[2]
    rejected = [json.loads(line)["row"] for line in local[1].splitlines()]
    assert {41, 71} <= set(rejected)


def test_a_scheduler_and_workers_started_apart_give_the_same_output(
    invoke: Invoke, tmp_path: Path, scheduler: str
) -> None:
    source = export(tmp_path / "tickets.jsonl", rows=300)
    local = batch(invoke, source, tmp_path / "local.jsonl", "--workers", "2")
    remote = batch(
        invoke, source, tmp_path / "remote.jsonl", "--engine", "dask", "--scheduler", scheduler
    )
    assert remote == local
    rows = [json.loads(line)["row"] for line in remote[0].splitlines()]
    assert rows == sorted(rows) and 41 not in rows and 71 not in rows  # the input's numbers


def test_a_run_interrupted_here_resumes_on_the_cluster_losing_nothing(
    tmp_path: Path, scheduler: str
) -> None:
    data = export(tmp_path / "tickets.jsonl", rows=400).read_bytes()
    context = BatchContext.from_library(Library.configured())
    out, rejects = tmp_path / "o.jsonl", tmp_path / "o.rejects.jsonl"

    class Stopped(Outputs):
        writes = 0

        def write(self, status: str, kind: str, text: str) -> None:
            Stopped.writes += 1
            if Stopped.writes == 250:
                raise KeyboardInterrupt
            super().write(status, kind, text)

    def source() -> RowSource:
        return RowSource(io.BytesIO(data), InputFormat.jsonl)

    with pytest.raises(KeyboardInterrupt):
        run(context, source(), Stopped(out, rejects, "same"), OutputFormat.jsonl, chunk_size=32)
    summary = run(
        context, source(), Outputs(out, rejects, "same"), OutputFormat.jsonl,
        engine="dask", scheduler=scheduler, resume=True, chunk_size=32,
    )  # fmt: skip
    assert summary.read == 400 and 0 < summary.resumed < 250
    written = [json.loads(line)["row"] for line in out.open()]
    rejected = [json.loads(line)["row"] for line in rejects.open()]
    assert sorted(written + rejected) == list(range(1, 401))
    assert written == sorted(written)


def test_the_documented_dask_recipe_runs_as_written(invoke: Invoke, tmp_path: Path) -> None:
    doc = (REPO / "docs" / "batch.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: dask -->\n```python\n(.*?)```", doc, re.S)
    assert found, "docs/batch.md has the Dask recipe"
    script = tmp_path / "draft_dask.py"
    script.write_text(found.group(1), encoding="utf-8")
    source = export(tmp_path / "tickets.jsonl")
    env = {**os.environ, "RECOVERY_HOME": str(tmp_path / "state")}
    env.pop("RECOVERY_PLAYBOOKS", None)
    done = subprocess.run(
        [sys.executable, str(script), str(source)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    drafts = "".join(p.read_text() for p in sorted((tmp_path / "drafts").glob("*.jsonl")))
    rejects = "".join(p.read_text() for p in sorted((tmp_path / "rejects").glob("*.jsonl")))
    expected = batch(invoke, source, tmp_path / "cli.jsonl", "--workers", "1")
    assert drafts == expected[0]
    assert rejects == expected[1]
