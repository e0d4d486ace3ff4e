"""Where a batch's results go, and how an interrupted run picks up where it stopped.

A batch over a million rows can be stopped by Ctrl-C, a closed laptop or a killed job.
The output is written to `OUTPUT.part` (and `REJECTS.part`) and only renamed into place
when the run completes, so OUTPUT is never half written. After every chunk the byte
length of both part files is noted, and about once a second that note (with the counts
so far) is saved to `OUTPUT.checkpoint`. `--resume` cuts the part files back to the last
note and skips the rows it covers, so no row is written twice or lost. A checkpoint
records a fingerprint of the input and the options; resuming a different run is refused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.files import atomic_write

SAVE_EVERY = 1.0
"""Seconds between checkpoint saves; each save costs one small file write."""


@dataclass
class State:
    """How far a run has got: every row up to `rows` is in the output or the rejects."""

    rows: int = 0
    drafted: int = 0
    routine: int = 0
    rejected: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    output_bytes: int = 0
    rejects_bytes: int = 0


def input_identity(path: Path | None) -> dict[str, object]:
    """What makes an input file the same one: path, size, modification time, first bytes."""
    if path is None:
        return {"path": "-"}
    stat = path.stat()
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        digest.update(handle.read(65536))
    return {
        "path": str(path.resolve()),
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "head": digest.hexdigest(),
    }


def fingerprint(context: Mapping[str, object], identity: dict[str, object], *options: str) -> str:
    """What a checkpoint must match to be resumed: input, playbooks and options alike.

    `context` is `BatchContext.fingerprint()`: the playbooks' content and the run's options.
    """
    parts = {"input": identity, "options": options, **context}
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + ".checkpoint")


class Outputs:
    """The two part files and the checkpoint of one run."""

    def __init__(self, output: Path, rejects: Path, fingerprint: str) -> None:
        self.output = output
        self.rejects = rejects
        self.fingerprint = fingerprint
        self.checkpoint = checkpoint_path(output)
        self.state = State()
        self.marked = State()
        """The state at the last chunk boundary: what a checkpoint records."""
        self._out: IO[bytes] | None = None
        self._rej: IO[bytes] | None = None
        self._saved_at = time.monotonic()

    def start(self, header: str, *, resume: bool) -> bool:
        """Open the part files; True when an old checkpoint was discarded (no --resume)."""
        if resume:
            self._resume()
            return False
        discarded = self.checkpoint.exists()
        with contextlib.suppress(FileNotFoundError):
            self.checkpoint.unlink()
        try:
            self._out = part_path(self.output).open("wb")
            self._rej = part_path(self.rejects).open("wb")
        except OSError as exc:
            raise RecoveryError(
                f"cannot write beside {self.output}: {exc.strerror or exc}",
                location=Location(str(self.output)),
            ) from None
        self._out.write(header.encode("utf-8"))
        self.mark(0)
        return discarded

    def _resume(self) -> None:
        where = Location(str(self.checkpoint))
        try:
            data = json.loads(self.checkpoint.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise RecoveryError(
                f"nothing to resume: no checkpoint for {self.output}",
                location=where,
                hint="run without --resume to start from the first row",
            ) from None
        except (OSError, ValueError) as exc:
            raise RecoveryError(f"the checkpoint cannot be read: {exc}", location=where) from None
        if data.get("fingerprint") != self.fingerprint:
            raise RecoveryError(
                "the checkpoint belongs to a different run: the input, the playbooks or the "
                "options have changed since it was saved",
                location=where,
                hint="repeat the interrupted command exactly, or run without --resume",
            )
        self.state = State(**data["state"])
        self.marked = replace(self.state, kinds=dict(self.state.kinds))
        try:
            self._out = _reopen(part_path(self.output), self.state.output_bytes)
            self._rej = _reopen(part_path(self.rejects), self.state.rejects_bytes)
        except OSError as exc:
            raise RecoveryError(
                f"the partial output cannot be reopened: {exc.strerror or exc}",
                location=Location(str(part_path(self.output))),
                hint="run without --resume to start again",
            ) from None

    def write(self, status: str, kind: str, text: str) -> None:
        """Append one row's outcome to the output or to the rejects, and count it."""
        assert self._out is not None and self._rej is not None
        state = self.state
        if status == "rejected":
            self._rej.write(text.encode("utf-8"))
            state.rejected += 1
            state.kinds[kind] = state.kinds.get(kind, 0) + 1
        else:
            self._out.write(text.encode("utf-8"))
            if status == "drafted":
                state.drafted += 1
            else:
                state.routine += 1

    def mark(self, rows: int) -> None:
        """Every row up to `rows` is written: note where the files end; save now and then."""
        assert self._out is not None and self._rej is not None
        state = self.state
        state.rows, state.output_bytes, state.rejects_bytes = (
            rows,
            self._out.tell(),
            self._rej.tell(),
        )
        # One assignment, so a Ctrl-C can never leave counts and offsets out of step.
        self.marked = replace(state, kinds=dict(state.kinds))
        if time.monotonic() - self._saved_at >= SAVE_EVERY:
            self.save()

    def save(self) -> None:
        """Write the checkpoint (atomically) for the last marked row."""
        assert self._out is not None and self._rej is not None
        self._out.flush()
        self._rej.flush()
        data = {"fingerprint": self.fingerprint, "state": asdict(self.marked)}
        atomic_write(self.checkpoint, json.dumps(data), what="the checkpoint")
        self._saved_at = time.monotonic()

    def suspend(self) -> None:
        """Stop for now (Ctrl-C or an error): save the checkpoint and close the files."""
        if self._out is None or self._rej is None:
            return
        with contextlib.suppress(OSError):
            self.save()
        self._close()

    def finish(self) -> None:
        """Make the output real: flush to disk, rename into place, drop the checkpoint."""
        assert self._out is not None and self._rej is not None
        for handle in (self._out, self._rej):
            handle.flush()
            os.fsync(handle.fileno())
        self._close()
        os.replace(part_path(self.rejects), self.rejects)
        os.replace(part_path(self.output), self.output)
        with contextlib.suppress(FileNotFoundError):
            self.checkpoint.unlink()

    def _close(self) -> None:
        for handle in (self._out, self._rej):
            if handle is not None:
                handle.close()
        self._out = self._rej = None


def _reopen(path: Path, size: int) -> IO[bytes]:
    handle = path.open("r+b")
    handle.truncate(size)
    handle.seek(size)
    return handle
