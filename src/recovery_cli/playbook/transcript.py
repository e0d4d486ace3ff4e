"""The record of a run: saved as it goes, so an interrupted recovery can resume.

A transcript is JSON: the inputs, the answers, each step visited with the line chosen
and when, the draft and the checklist. It is written after every step (atomically, so a
crash never leaves half a file) and read back by `recovery run --resume`.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from recovery_cli.documents import load_json
from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.files import atomic_write, read_limited
from recovery_cli.paths import state_dir
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.walk import Record, Walk, now

Status = Literal["in-progress", "interrupted", "complete"]
MAX_BYTES = 5_000_000
"""A transcript of even a very long run is far smaller; anything larger is not one."""


class _Line(BaseModel):
    model_config = ConfigDict(extra="ignore")

    step: str
    source: Literal["suggestion", "typed", "skipped"]
    line: str | None = None
    suggestion: int | None = None
    answer: str | None = None
    findings: list[dict[str, object]] = []
    at: str
    chat: str | None = None
    assumed: bool = False


class Transcript(BaseModel):
    """The saved form of a run."""

    model_config = ConfigDict(extra="ignore")

    version: Literal[1] = 1
    scenario: str
    title: str
    status: Status
    started_at: str
    updated_at: str
    inputs: dict[str, str]
    answers: dict[str, str]
    steps: list[_Line]
    draft: str | None = None
    checklist: list[str] = []

    def records(self) -> list[Record]:
        return [Record(**line.model_dump()) for line in self.steps]


def folder() -> Path:
    """Where transcripts are kept unless `--transcript` names a file."""
    return state_dir() / "transcripts"


def new_path(scenario: str) -> Path:
    """A fresh name: the scenario, the time and a random part, so two runs started in the
    same second (two agents sharing a machine, a script in a loop) never share a file."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    safe = re.sub(r"[^a-z0-9-]", "", scenario) or "run"
    return folder() / f"{safe}-{stamp}-{secrets.token_hex(3)}.json"


class Recorder:
    """Saves a run's transcript as it goes.

    A transcript kept in the state folder is a convenience: a run whose transcript
    cannot be saved there still ends with its draft, so the failure is kept as a warning
    to show once. A file the person named (`--transcript`, `--resume`) is what they asked
    for: failing to write it is an error, raised at the first save.
    """

    def __init__(self, path: Path | None, *, named: bool = False) -> None:
        self.path = path
        self.named = named
        self.warning: str | None = None

    def save(self, transcript: Transcript) -> None:
        if self.path is None or self.warning is not None:
            return
        try:
            save(transcript, self.path)
        except RecoveryError as exc:
            if self.named:
                raise
            hint = "set RECOVERY_HOME to a writable folder or pass --transcript PATH"
            self.warning = f"{exc.message} ({hint})"

    @property
    def saved(self) -> Path | None:
        """The transcript's path, when it was saved."""
        return self.path if self.warning is None else None


def snapshot(walk: Walk, status: Status, started_at: str) -> Transcript:
    finished = walk.finished
    return Transcript(
        scenario=walk.playbook.id,
        title=walk.playbook.title,
        status=status,
        started_at=started_at,
        updated_at=now(),
        inputs=walk.values,
        answers=walk.answers,
        steps=[_Line.model_validate(record.to_json()) for record in walk.records],
        draft=walk.draft() if finished else None,
        checklist=walk.checklist() if finished else [],
    )


def before_walk(playbook: Playbook, inputs: dict[str, str], started_at: str) -> Transcript:
    """An interrupted run that stopped while its inputs were being asked for."""
    return Transcript(
        scenario=playbook.id,
        title=playbook.title,
        status="interrupted",
        started_at=started_at,
        updated_at=now(),
        inputs=inputs,
        answers={},
        steps=[],
    )


def save(transcript: Transcript, path: Path) -> Path:
    """Write atomically, so a crash never leaves half a transcript."""
    try:
        atomic_write(path, transcript.model_dump_json(indent=2), what="the transcript")
    except RecoveryError as exc:
        raise RecoveryError(
            f"cannot save the transcript: {exc.message}",
            location=Location(str(path)),
            hint=exc.hint,
        ) from None
    return path


def load(path: Path) -> Transcript:
    try:
        raw = read_limited(path, MAX_BYTES, what="a transcript")
    except RecoveryError as exc:
        raise RecoveryError(
            f"cannot read the transcript: {exc.message}", location=Location(str(path))
        ) from None
    if len(raw) > MAX_BYTES:
        raise RecoveryError(
            f"this is not a transcript: it is larger than {MAX_BYTES:,} bytes",
            location=Location(str(path)),
        )
    try:
        data = load_json(raw.decode("utf-8"), str(path))
    except (UnicodeDecodeError, RecoveryError):
        raise RecoveryError(
            "this is not a transcript (not JSON)",
            location=Location(str(path)),
            hint="pass the .json file printed at the end of `recovery run`",
        ) from None
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        problems = [
            Problem(
                error["msg"],
                Location(str(path), field=".".join(str(part) for part in error["loc"])),
            )
            for error in exc.errors()
        ]
        raise RecoveryError("this transcript is damaged", problems=problems) from None


@dataclass(frozen=True)
class Stored:
    """A transcript on disk, as `recovery transcripts list` shows it (no customer details)."""

    path: Path
    scenario: str
    status: str
    updated: datetime

    def to_json(self) -> dict[str, object]:
        return {"path": str(self.path), "scenario": self.scenario, "status": self.status,
                "updated": self.updated.isoformat(timespec="seconds")}  # fmt: skip


def stored() -> list[Stored]:
    """The transcripts in the state folder, newest first; unreadable files are skipped."""
    found = []
    for path in folder().glob("*.json"):
        try:
            saved = load(path)
            updated = datetime.fromisoformat(saved.updated_at)
        except (RecoveryError, ValueError):
            continue
        found.append(Stored(path, saved.scenario, saved.status, updated))
    return sorted(found, key=lambda item: item.updated, reverse=True)


def age(text: str) -> timedelta:
    """`30d`, `12h`, `2w` or `90m` as a length of time."""
    match = re.fullmatch(r"\s*(\d{1,5})\s*([mhdw])\s*", text.lower())
    if match is None:
        raise RecoveryError(f"{text!r} is not an age", hint="e.g. 30d, 12h, 2w or 90m")
    number, unit = int(match.group(1)), match.group(2)
    return timedelta(**{{"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}[unit]: number})


def prune(older_than: timedelta, *, dry_run: bool = False) -> list[Stored]:
    """Delete the transcripts last saved longer ago than `older_than`; the ones deleted."""
    cutoff = datetime.now(UTC) - older_than
    old = [item for item in stored() if item.updated < cutoff]
    if not dry_run:
        for item in old:
            with contextlib.suppress(FileNotFoundError):
                item.path.unlink()
    return old
