"""Reading and writing files people name, without trusting what the names point at.

The primitives used by everything that touches a file:

- `read_limited` reads at most a given number of bytes, and only from a regular file: a
  FIFO named like a playbook must not hang `recovery list`, and `--resume /dev/zero` must
  not read forever.
- `atomic_write` replaces a file's content all at once (a unique temporary file beside it,
  flushed to disk, then renamed), so a crash never leaves half a transcript and two runs
  never share a temporary name. It never turns a device or a FIFO into a regular file: it
  writes through to them instead; it refuses a directory.
- `same_file` and `refuse_overwriting` stop an output from landing on a file the command
  reads (its input, an answers file, a playbook), whatever the spelling: `..`, a symbolic
  link or a hard link.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from recovery_cli.errors import Location, RecoveryError


def read_limited(path: Path, limit: int, *, what: str = "the file") -> bytes:
    """Up to `limit + 1` bytes of a regular file (one more than allowed shows it is too long).

    The file is opened without blocking and checked to be a regular file before a byte is
    read, so a FIFO, a socket or a device is refused at once with a clear message.
    """
    source = str(path)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise RecoveryError(
            f"cannot read {source}: {exc.strerror or exc}", location=Location(source)
        ) from None
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
            raise RecoveryError(
                f"{source} is {kind}",
                location=Location(source),
                hint=f"give {what} as a regular file",
            )
        os.set_blocking(descriptor, True)
        try:
            return handle.read(limit + 1)
        except OSError as exc:
            raise RecoveryError(
                f"cannot read {source}: {exc.strerror or exc}", location=Location(source)
            ) from None


def is_special(path: Path) -> bool:
    """Whether `path` exists and is a device, FIFO or socket (written through, not replaced)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def same_file(path: Path, other: Path) -> bool:
    """Whether two names reach one file, so writing one would overwrite the other.

    The same path once links and `..` are resolved, or (both existing) the same device
    and inode: a hard link shares the content under a name no resolving reveals.
    """
    if path.resolve() == other.resolve():
        return True
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def refuse_overwriting(path: Path, read: Mapping[Path, str], *, what: str) -> None:
    """Refuse `path` as the place for `what` when it is one of the files the command
    reads (`read` maps each to what it is, such as "the answers file")."""
    for other, name in read.items():
        if same_file(path, other):
            raise RecoveryError(
                f"{path} is {name} ({other}): writing {what} there would destroy it",
                location=Location(str(path)),
                hint=f"choose another name for {what}",
            )


def atomic_write(
    path: Path, data: str | bytes, *, what: str = "the file", durable: bool = True
) -> None:
    """Replace `path`'s content with `data` all at once; a clear RecoveryError if it cannot.

    A device or FIFO is written through (that is what naming `/dev/stdout` means); a
    folder is refused. The folder holding `path` is created when missing. `durable`
    flushes the data to disk before the rename; a cache, which can always be rebuilt,
    skips that.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    where = Location(str(path))
    if path.is_dir():
        raise RecoveryError(f"{path} is a folder", location=where, hint=f"name a file for {what}")
    if is_special(path):
        try:
            with open(path, "wb") as handle:
                handle.write(raw)
        except OSError as exc:
            raise _failed(path, exc, what) from None
        return
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle_number, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle_number, "wb") as handle:
            handle.write(raw)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        raise _failed(path, exc, what) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _failed(path: Path, exc: OSError, what: str) -> RecoveryError:
    reason = exc.strerror or str(exc)
    hint = "free some disk space" if exc.errno == 28 else f"choose another place for {what}"
    return RecoveryError(f"cannot write {path}: {reason}", location=Location(str(path)), hint=hint)
