"""Family 5: writing by rename never replaces a device, a FIFO or a link to one.

Run as root (containers, CI), `--transcript /dev/full` and `batch --out` on a device node
turned the device into a regular file. A device or FIFO is written through, or refused
with a clear message; it is never replaced. Devices here are clones made with mknod in
the test's folder (the same major and minor numbers), so a failing tool damages nothing
outside it; one test uses the real /dev/full and repairs it if the tool breaks it.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from hostile.harness import Cli, Device, FifoReader, is_char_device, jsonl

RUN = ("run", "outsourced-delay", "--no-input", "--set", "customer_name=Dana")


@pytest.fixture
def rows(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"T-{n}", "customer_name": "Dana"}) + "\n" for n in range(3))
        # A severity that is not one of the choices: rejected whatever the greeting needs.
        + json.dumps({"id": "T-bad", "customer_name": "Dana", "severity": "catastrophic"})
        + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def real_dev_full() -> Iterator[Path]:
    """/dev/full itself; put back as it was if a failing tool replaced it."""
    path = Path("/dev/full")
    if os.geteuid() != 0:
        pytest.skip("only root can replace /dev/full: nothing to test otherwise")
    try:
        before = os.lstat(path)
    except OSError:
        pytest.skip("no /dev/full")
    if not stat.S_ISCHR(before.st_mode) or not os.access(path, os.W_OK):
        pytest.skip("/dev/full is not a writable character device here")
    entries = set(os.listdir("/dev"))
    yield path
    after = os.lstat(path)
    if not (stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev):
        os.unlink(path)
        os.mknod(path, stat.S_IFCHR | stat.S_IMODE(before.st_mode), before.st_rdev)
        os.chmod(path, stat.S_IMODE(before.st_mode))
    for name in set(os.listdir("/dev")) - entries:
        if "full" in name and os.path.isfile(f"/dev/{name}"):
            os.unlink(f"/dev/{name}")


# ----------------------------------------------------------------------- transcripts


def test_transcript_to_dev_full_keeps_it_a_device_and_says_why(
    cli: Cli, real_dev_full: Path
) -> None:
    outcome = cli(*RUN, "--transcript", real_dev_full)
    still_a_device = is_char_device(real_dev_full)  # before the fixture repairs it
    outcome.refused("space", "full", "transcript", "/dev/full")
    assert still_a_device, "/dev/full was replaced by a regular file"


def test_transcript_to_a_full_device_keeps_it_a_device(cli: Cli, device: Device) -> None:
    full = device("full")
    cli(*RUN, "--transcript", full).refused("space", "full", "transcript")
    assert is_char_device(full)


def test_transcript_to_a_null_device_writes_through(cli: Cli, device: Device) -> None:
    null = device("null")
    cli(*RUN, "--transcript", null).exits(0)
    assert is_char_device(null)


def test_transcript_to_a_fifo_writes_through(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "transcript.fifo"
    os.mkfifo(fifo)
    reader = FifoReader(fifo)
    outcome = cli(*RUN, "--transcript", fifo).exits(0, 2)
    data = reader.stop()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO"
    if outcome.code == 0:
        assert data is not None and json.loads(data)["scenario"] == "outsourced-delay"
    else:
        outcome.says("transcript", "fifo", str(fifo))


def test_transcript_through_a_symlink_to_a_device_keeps_both(
    cli: Cli, tmp_path: Path, device: Device
) -> None:
    null = device("null")
    link = tmp_path / "t.json"
    link.symlink_to(null)
    cli(*RUN, "--transcript", link).exits(0, 2)
    assert link.is_symlink() and is_char_device(null)


# ----------------------------------------------------------------------------- batch


@pytest.mark.parametrize("option", ["--out", "--rejects"])
def test_batch_to_a_null_device_keeps_it_a_device(
    cli: Cli, tmp_path: Path, device: Device, rows: Path, option: str
) -> None:
    null = device("null")
    other = "--rejects" if option == "--out" else "--out"
    other_path = tmp_path / ("rejects.jsonl" if option == "--out" else "out.jsonl")
    outcome = cli(
        "batch", rows, option, null, other, other_path, "--format", "jsonl",
        "--scenario", "outsourced-delay", "-j", "1",
    ).exits(1, 2)  # fmt: skip
    assert is_char_device(null), f"{option} replaced the device with a regular file"
    if outcome.code == 2:
        outcome.says(str(null), "device", "regular file")
    elif option == "--rejects":
        assert len(jsonl(other_path)) == 3, "the drafts are all in the output"
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(("dev-null.", ".dev-null."))]
    assert not [n for n in left if not n.endswith(".lock")], f"left beside the device: {left}"


def test_batch_out_to_a_fifo_writes_through_or_refuses(
    cli: Cli, tmp_path: Path, rows: Path
) -> None:
    fifo = tmp_path / "drafts.fifo"
    os.mkfifo(fifo)
    rejects = tmp_path / "rejects.jsonl"
    reader = FifoReader(fifo)
    outcome = cli(
        "batch", rows, "--out", fifo, "--format", "jsonl", "--rejects", rejects,
        "--scenario", "outsourced-delay", "-j", "1",
    ).exits(1, 2)  # fmt: skip
    data = reader.stop()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO"
    if outcome.code == 1:
        assert data is not None
        records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
        assert [r["id"] for r in records] == ["T-0", "T-1", "T-2"]
        assert [r["row"] for r in jsonl(rejects)] == [4]
    else:
        outcome.says(str(fifo), "fifo", "regular file", "resum")


def test_batch_out_through_a_link_to_standard_output_keeps_the_link(
    cli: Cli, tmp_path: Path, rows: Path
) -> None:
    """`--out /dev/stdout`, with a link of our own (replacing the real one would be
    damage): the records go to standard output, or the output is refused."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    rejects = tmp_path / "rejects.jsonl"
    outcome = cli(
        "batch", rows, "--out", link, "--format", "jsonl", "--rejects", rejects,
        "--scenario", "outsourced-delay", "-j", "1",
    ).exits(1, 2)  # fmt: skip
    assert link.is_symlink(), "the link was replaced by a regular file"
    if outcome.code == 1:
        ids = [json.loads(line)["id"] for line in outcome.out.splitlines() if line.strip()]
        assert ids == ["T-0", "T-1", "T-2"]


def test_batch_rejects_to_a_full_device_is_a_clear_message(
    cli: Cli, tmp_path: Path, device: Device, rows: Path
) -> None:
    full = device("full")
    out = tmp_path / "out.jsonl"
    cli(
        "batch", rows, "--out", out, "--rejects", full, "--scenario", "outsourced-delay",
        "-j", "1",
    ).refused("space", "full", "cannot write", "device")  # fmt: skip
    assert is_char_device(full)


def test_batch_still_accounts_for_every_row_with_rejects_to_a_null_device(
    cli: Cli, tmp_path: Path, device: Device, rows: Path
) -> None:
    null = device("null")
    out = tmp_path / "out.jsonl"
    outcome = cli(
        "batch", rows, "--out", out, "--rejects", null, "--scenario", "outsourced-delay",
        "-j", "1",
    ).exits(1, 2)  # fmt: skip
    if outcome.code == 1:
        written = jsonl(out)
        assert [r["id"] for r in written] == ["T-0", "T-1", "T-2"]
    assert is_char_device(null)


# ----------------------------------------------------------------------------- graph


def test_graph_output_to_a_null_device_keeps_it_a_device(cli: Cli, device: Device) -> None:
    null = device("null")
    cli("graph", "outsourced-delay", "--output", null).exits(0, 2)
    assert is_char_device(null)


def test_graph_output_to_a_full_device_is_a_clear_message(cli: Cli, device: Device) -> None:
    full = device("full")
    cli("graph", "outsourced-delay", "--output", full).refused("space", "full", "write")
    assert is_char_device(full)


def test_graph_output_to_a_fifo_writes_through_or_refuses(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "flow.mmd"
    os.mkfifo(fifo)
    reader = FifoReader(fifo)
    outcome = cli("graph", "outsourced-delay", "--output", fifo).exits(0, 2)
    data = reader.stop()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    if outcome.code == 0:
        assert data, "the graph went through the FIFO"
