"""Where a batch writes: the output and the rejects, never half-written, never shared.

Each output is written to `NAME.part` and renamed into place only when the run
completes, so a file named by `--out` is never half written; the checkpoint beside it
lets `--resume` continue. Two runs aimed at the same output (or the same rejects file)
would tear it, so each run holds a lock (`.NAME.lock`, beside each file it writes) for as
long as it writes, taken before anything is written; a second run is refused at once.
Standard output (`-`), a device or a FIFO is written straight through instead: it cannot
be renamed into place, and replacing it would destroy it.
Such a run cannot be resumed. A write that fails (a full disk) is a clear error, and
the last checkpoint stays for `--resume`.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sys
import time
from pathlib import Path
from typing import IO

from recovery_cli.batch import checkpoint
from recovery_cli.batch.checkpoint import SAVE_EVERY, State
from recovery_cli.errors import Location, RecoveryError
from recovery_cli.files import is_special


def part_path(path: Path) -> Path:
    return path.with_name(path.name + ".part")


def lock_path(path: Path) -> Path:
    return path.with_name("." + path.name + ".lock")


class Target:
    """One file a run writes: staged in a part file, or written straight through."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.direct = path is None or is_special(path)
        self.part = None if self.direct or path is None else part_path(path)
        self.handle: IO[bytes] | None = None

    @property
    def name(self) -> str:
        return "standard output" if self.path is None else str(self.path)

    def open(self, size: int | None = None) -> None:
        """Open for writing: from the start, or (resuming) cut back to `size` bytes."""
        try:
            if self.path is None:
                self.handle = sys.stdout.buffer
            elif self.direct:
                self.handle = open(self.path, "wb")  # noqa: SIM115 - closed by close()
            else:
                assert self.part is not None
                if size is None:
                    self.handle = self.part.open("wb")
                else:
                    self.handle = self.part.open("r+b")
                    self.handle.truncate(size)
                    self.handle.seek(size)
        except OSError as exc:
            raise failed(self.name, exc) from None

    def tell(self) -> int:
        assert self.handle is not None
        return 0 if self.direct else self.handle.tell()

    def close(self) -> None:
        if self.handle is not None and self.path is not None:
            self.handle.close()
        self.handle = None

    def finish(self) -> None:
        """Flush to disk and rename into place (a direct target is only flushed)."""
        assert self.handle is not None
        self.handle.flush()
        if not self.direct:
            os.fsync(self.handle.fileno())
        self.close()
        if self.part is not None and self.path is not None:
            os.replace(self.part, self.path)


def failed(name: str, exc: OSError) -> RecoveryError:
    """A write that failed, as the person can fix it."""
    full = exc.errno == 28
    return RecoveryError(
        f"cannot write {name}: {exc.strerror or exc}",
        location=Location(name),
        hint="free some disk space, then run the same command with --resume"
        if full
        else "check the folder exists and can be written to",
    )


class Outputs:
    """The output, the rejects, the lock and the checkpoint of one run."""

    def __init__(self, output: Path | None, rejects: Path, run: str) -> None:
        self.output = Target(output)
        self.rejects = Target(rejects)
        self.run = run
        anchor = output if output is not None and not self.output.direct else rejects
        self.checkpoint = checkpoint.checkpoint_path(anchor)
        self.locks = {
            lock_path(target.path): target
            for target in (self.output, self.rejects)
            if target.path is not None and not target.direct
        }
        """A lock beside each file renamed into place (a device or a FIFO has none)."""
        self.resumable = not self.output.direct and not self.rejects.direct
        self.state = State()
        self.marked = State()
        """The state at the last chunk boundary: what a checkpoint records."""
        self._held: list[int] = []
        self._saved_at = time.monotonic()

    def paths(self) -> list[Path]:
        """Every file this run writes or takes over, for collision checks."""
        found = [self.checkpoint, *self.locks]
        for target in (self.output, self.rejects):
            if target.path is not None:
                found.append(target.path)
            if target.part is not None:
                found.append(target.part)
        return found

    def start(self, header: str, reject_header: str, *, resume: bool) -> bool:
        """Lock, then open both files; True when an old checkpoint was discarded."""
        self._take_locks()
        try:
            return self._open(header, reject_header, resume)
        except BaseException:
            self._close_all()  # the checkpoint on disk is left as it was
            raise

    def _open(self, header: str, reject_header: str, resume: bool) -> bool:
        if resume:
            if not self.resumable:
                raise RecoveryError(
                    f"a run writing to {self.output.name} cannot be resumed",
                    hint="give --out a file name to be able to resume",
                )
            self.state = checkpoint.load(self.checkpoint, self.run, self.checkpoint)
            self.marked = self.state.copy()
            self.output.open(self.state.output_bytes)
            self.rejects.open(self.state.rejects_bytes)
            return False
        discarded = self.checkpoint.exists()
        with contextlib.suppress(FileNotFoundError):
            self.checkpoint.unlink()
        self.output.open()
        self.rejects.open()
        self._write(self.output, header)
        self._write(self.rejects, reject_header)
        self.mark(0)
        if self.resumable:
            self.save()  # there is always a checkpoint to resume from
        return discarded

    def _take_locks(self) -> None:
        """Every file this run renames into place is locked, or the run is refused."""
        for lock, target in self.locks.items():
            try:
                handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o600)
            except OSError as exc:
                self._release()
                raise failed(str(lock), exc) from None
            self._held.append(handle)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                self._release()
                if isinstance(exc, BlockingIOError):
                    raise RecoveryError(
                        f"another `recovery batch` is writing {target.name} right now",
                        location=Location(target.name),
                        hint="wait for it to finish, or give this run other --out and "
                        "--rejects names",
                    ) from None
                raise failed(str(lock), exc) from None

    def _write(self, target: Target, text: str) -> None:
        if not text:
            return
        assert target.handle is not None
        try:
            target.handle.write(text.encode("utf-8", "replace"))
        except OSError as exc:
            raise failed(target.name, exc) from None

    def write(self, status: str, kind: str, text: str) -> None:
        """Append one row's outcome to the output or to the rejects, and count it."""
        state = self.state
        if status == "rejected":
            self._write(self.rejects, text)
            state.rejected += 1
            state.kinds[kind] = state.kinds.get(kind, 0) + 1
            return
        self._write(self.output, text)
        if status == "drafted":
            state.drafted += 1
        elif status == "unsupported":
            state.unsupported += 1
        else:
            state.routine += 1

    def mark(self, rows: int) -> None:
        """Every row up to `rows` is written: note where the files end; save now and then."""
        state = self.state
        state.rows = rows
        state.output_bytes, state.rejects_bytes = self.output.tell(), self.rejects.tell()
        # One assignment, so a Ctrl-C can never leave counts and offsets out of step.
        self.marked = state.copy()
        if self.resumable and time.monotonic() - self._saved_at >= SAVE_EVERY:
            self.save()

    def save(self) -> None:
        """Write the checkpoint for the last marked row (the files flushed first)."""
        try:
            for target in (self.output, self.rejects):
                if target.handle is not None:
                    target.handle.flush()
        except OSError as exc:
            raise failed(self.output.name, exc) from None
        checkpoint.save(self.checkpoint, self.run, self.marked)
        self._saved_at = time.monotonic()

    def suspend(self) -> None:
        """Stop for now (Ctrl-C or an error): save the checkpoint and close the files."""
        if self.resumable:
            with contextlib.suppress(OSError, RecoveryError):
                self.save()
        self._close_all()

    def _close_all(self) -> None:
        for target in (self.output, self.rejects):
            with contextlib.suppress(OSError):
                target.close()
        self._release()

    def finish(self) -> None:
        """Make the outputs real: flushed, renamed into place; the checkpoint dropped."""
        try:
            self.rejects.finish()
            self.output.finish()
        except OSError as exc:
            self.suspend()
            raise failed(self.output.name, exc) from None
        with contextlib.suppress(FileNotFoundError):
            self.checkpoint.unlink()
        self._release()

    def _release(self) -> None:
        while self._held:
            os.close(self._held.pop())
