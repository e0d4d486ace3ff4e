"""How far an interrupted batch got, so `--resume` picks up exactly where it stopped.

After every chunk the byte length of both part files is noted (`State`), and about once a
second that note, with the counts so far, is saved to `OUTPUT.checkpoint`. `--resume`
cuts the part files back to the last note and skips the rows it covers, so no row is
written twice or lost. A checkpoint records a fingerprint of the input and the options;
resuming a different run is refused.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from recovery_cli.documents import load_json
from recovery_cli.errors import Location, RecoveryError
from recovery_cli.files import atomic_write, read_limited

SAVE_EVERY = 1.0
"""Seconds between checkpoint saves; each save costs one small file write."""
MAX_BYTES = 1_000_000
"""A checkpoint is a few hundred bytes; anything much larger is not one."""


@dataclass
class State:
    """How far a run has got: every row up to `rows` is in the output or the rejects."""

    rows: int = 0
    drafted: int = 0
    routine: int = 0
    unsupported: int = 0
    rejected: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    output_bytes: int = 0
    rejects_bytes: int = 0

    def copy(self) -> State:
        return State(**{**asdict(self), "kinds": dict(self.kinds)})


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


def checkpoint_path(output: Path) -> Path:
    return output.with_name(output.name + ".checkpoint")


def save(path: Path, run: str, state: State) -> None:
    """Write the checkpoint atomically."""
    data = {"fingerprint": run, "state": asdict(state)}
    atomic_write(path, json.dumps(data), what="the checkpoint")


def load(path: Path, run: str, output: Path) -> State:
    """The state a checkpoint saved, if it is this run's; a clear error otherwise."""
    where = Location(str(path))
    if not path.exists():
        raise RecoveryError(
            f"nothing to resume: no checkpoint for {output}",
            location=where,
            hint="run without --resume to start from the first row",
        )
    raw = read_limited(path, MAX_BYTES, what="a checkpoint")
    try:
        data = load_json(raw.decode("utf-8"), str(path))
        if not isinstance(data, dict):
            raise TypeError("not a mapping")
        saved = data["state"]
        known = {item.name for item in fields(State)}
        if not isinstance(saved, dict) or not set(saved) <= known:
            raise TypeError("unexpected fields")
        state = State(**saved)
        numbers = [getattr(state, name) for name in known - {"kinds"}]
        if not all(type(number) is int and number >= 0 for number in numbers):
            raise TypeError("counts must be whole numbers")
        if not isinstance(state.kinds, dict):
            raise TypeError("kinds must be a mapping")
    except (ValueError, TypeError, KeyError, RecoveryError) as exc:
        why = exc.message if isinstance(exc, RecoveryError) else str(exc)
        raise RecoveryError(
            f"the checkpoint is damaged ({why})",
            location=where,
            hint="run without --resume to start from the first row",
        ) from None
    if data.get("fingerprint") != run:
        raise RecoveryError(
            "the checkpoint belongs to a different run: the input, the playbooks or the "
            "options have changed since it was saved",
            location=where,
            hint="repeat the interrupted command exactly, or run without --resume",
        )
    return state
