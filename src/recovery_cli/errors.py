"""The one exception type for mistakes a person can fix, and where they are.

A trainer with a broken playbook, an agent with a bad answers file and a script with a
bad row all need the same thing: what is wrong, where (file, line, column, field) and
what to do about it. Nothing here imports typer or rich.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
FieldPath = tuple[str | int, ...]
"""Where a value sits in a document: `("steps", 3, "branches", "yes")`."""


def dotted(path: FieldPath) -> str | None:
    """`("steps", 3, "branches", "yes")` -> `steps[3].branches.yes`; None for the root."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def undotted(text: str) -> FieldPath:
    """The inverse of `dotted`: `steps[3].branches.yes` -> `("steps", 3, "branches", "yes")`."""
    path: list[str | int] = []
    for part in text.replace("[", ".[").split("."):
        if part.startswith("[") and part.endswith("]") and part[1:-1].isdigit():
            path.append(int(part[1:-1]))
        elif part:
            path.append(part)
    return tuple(path)


@dataclass(frozen=True)
class Location:
    """Where a problem is: any part may be unknown."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        if self.file is None and self.line is None and not self.field:
            return ""
        place = self.file or "<input>"
        if self.line is not None:
            place += f":{self.line}"
            if self.column is not None:
                place += f":{self.column}"
        if self.field:
            place += f": {self.field}"
        return place


@dataclass(frozen=True)
class Problem:
    """One fixable finding: a message, its location, a hint and a rule id for tools."""

    message: str
    location: Location = field(default_factory=Location)
    hint: str | None = None
    rule: str = "format"
    severity: Severity = "error"

    def describe(self) -> str:
        place = str(self.location)
        text = f"{place}: {self.message}" if place else self.message
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "field": self.location.field,
        }


class RecoveryError(Exception):
    """A problem (or several, reported together) that the user can fix.

    The CLI prints ``describe()`` and exits 2 (bad usage or unreadable input); it never
    shows a traceback for this type.
    """

    def __init__(
        self,
        message: str,
        *,
        location: Location | None = None,
        hint: str | None = None,
        problems: list[Problem] | None = None,
        exit_code: int = 2,
        rule: str = "format",
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        if problems:
            self.problems = list(problems)
        else:
            self.problems = [Problem(message, location or Location(), hint, rule)]

    @property
    def location(self) -> Location:
        return self.problems[0].location

    @property
    def hint(self) -> str | None:
        return self.problems[0].hint

    def describe(self) -> str:
        if len(self.problems) == 1 and self.problems[0].message == self.message:
            return self.problems[0].describe()
        lines = [self.message]
        lines.extend(problem.describe() for problem in self.problems)
        return "\n".join(lines)


class Interrupted(Exception):
    """The person stopped a run (Ctrl-C, end of input, or `q`): save and exit 130."""
