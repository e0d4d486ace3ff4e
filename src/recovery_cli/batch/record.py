"""What a batch writes for each row: a typed record, or a rejection with its reason.

Every writer (JSON lines, CSV, Markdown) and every engine (one process, many, a Dask
cluster) handles these two types and nothing looser, so a field cannot go missing in one
format and not another. `to_json()` is the record as JSON-ready data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Protocol

Status = Literal["drafted", "routine", "unsupported", "rejected"]


class Finding(Protocol):
    """A principle-check finding (see `recovery_cli.checks.Finding`)."""

    @property
    def severity(self) -> str: ...
    @property
    def principle(self) -> str: ...
    @property
    def message(self) -> str: ...
    def to_json(self) -> dict[str, object]: ...


@dataclass(frozen=True)
class Triaged:
    """Why triage chose the playbook: its score and the triggers that matched."""

    score: float
    evidence: list[str]

    def to_json(self) -> dict[str, object]:
        return {"score": self.score, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Record:
    """One row's result: a draft (`drafted`), or none (`routine`, `unsupported`).

    `unsupported` is a message in a language the library does not cover: counted and
    reported as such, never mistaken for a routine request.
    """

    row: int
    id: str | None
    status: Status
    scenario: str | None = None
    category: str | None = None
    triage: Triaged | None = None
    channel: str = ""
    """The channel the draft is shaped for (empty when there is no draft)."""
    draft: str | None = None
    script: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)
    assumptions: list[dict[str, object]] = field(default_factory=list)
    answers_read: dict[str, dict[str, object]] = field(default_factory=dict)
    """Questions the row's message answered (`listen.answers`): answer and words, by id."""
    language: str = "en"
    facts: dict[str, object] = field(default_factory=dict)
    """What was read from the row's message: each fact with its words and confidence."""
    sources: dict[str, str] = field(default_factory=dict)
    """Where each input came from: `given` (a column), `read` (the message), `default`."""
    kept: dict[str, str] = field(default_factory=dict)
    """Columns carried through unchanged (`--keep`), for re-import into the help desk."""

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data, in a stable order."""
        data: dict[str, object] = {
            "row": self.row,
            "id": self.id,
            "status": self.status,
            "scenario": self.scenario,
            "category": self.category,
            "triage": self.triage.to_json() if self.triage else None,
            "channel": self.channel,
            "draft": self.draft,
            "script": list(self.script),
            "findings": [finding.to_json() for finding in self.findings],
            "path": list(self.path),
            "checklist": list(self.checklist),
            "assumptions": list(self.assumptions),
            "answers_read": dict(self.answers_read),
            "language": self.language,
            "facts": dict(self.facts),
            "sources": dict(self.sources),
        }
        if self.kept:
            data["kept"] = dict(self.kept)
        return data


@dataclass(frozen=True)
class Rejection:
    """A row that could not be drafted: where it was, why, and what it held."""

    row: int
    reason: str
    kind: str
    """The sort of reason: `missing-input`, `malformed`, `encoding`, `too-large`, ..."""
    original: dict[str, object] | str = field(default_factory=dict)
    """The row's fields as read, or the text of a row that could not be read at all."""
    line: int | None = None
    """The first physical line of the row in the input, when it came from a file."""
    original_base64: str | None = None
    """The exact bytes of a row that was not valid UTF-8."""

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"row": self.row}
        if self.line is not None:
            data["line"] = self.line
        data.update(reason=self.reason, kind=self.kind, original=self.original)
        if self.original_base64 is not None:
            data["original_base64"] = self.original_base64
        return data


Outcome = Record | Rejection
