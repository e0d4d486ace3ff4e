"""Walking a playbook: which step comes next, what was chosen, and the draft it makes.

One `Walk` serves every driver: the interactive prompt, a scripted run from an answers
file, a resumed transcript and each batch row. A driver asks for the current step and its
rendered suggestions, then records a choice; the walk follows branches, skips steps whose
`when` does not hold, and can step back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Literal

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.playbook import render
from recovery_cli.playbook.models import END, Playbook, Step

Source = Literal["suggestion", "typed", "skipped"]
MAX_VISITS = 500


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Record:
    """What happened at one visited step."""

    step: str
    source: Source
    line: str | None = None
    suggestion: int | None = None
    answer: str | None = None
    findings: list[dict[str, object]] = field(default_factory=list)
    at: str = field(default_factory=now)

    def to_json(self) -> dict[str, object]:
        return asdict(self)


class Walk:
    """The state of one recovery through one playbook."""

    def __init__(self, playbook: Playbook, values: Mapping[str, str], source: str = "") -> None:
        self.playbook = playbook
        self.values = dict(values)
        self.answers: dict[str, str] = {}
        self.records: list[Record] = []
        self.source = source
        self.current: Step | None = self._settle(playbook.steps[0].id)

    @classmethod
    def resumed(
        cls, playbook: Playbook, values: Mapping[str, str], records: list[Record], source: str = ""
    ) -> Walk:
        """A walk with the choices of a saved transcript replayed (none for a new run)."""
        walk = cls(playbook, values, source)
        for record in records:
            walk.replay(record)
        return walk

    @property
    def finished(self) -> bool:
        return self.current is None

    def context(self) -> dict[str, str]:
        return {**self.values, **self.answers}

    def _where(self, *path: str | int) -> Location:
        dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
        return Location(self.source or self.playbook.id, field=dotted.lstrip("."))

    def suggestions(self, step: Step | None = None) -> list[str]:
        """The current step's suggestions, filled in with the facts so far."""
        step = step or self.current
        if step is None:
            return []
        index = self.playbook.steps.index(step)
        context = self.context()
        return [
            render.render(text, context, self._where("steps", index, "suggestions", number))
            for number, text in enumerate(step.suggestions)
        ]

    def choose(
        self,
        source: Source,
        line: str | None = None,
        *,
        suggestion: int | None = None,
        answer: str | None = None,
        findings: list[dict[str, object]] | None = None,
    ) -> None:
        """Record the agent's choice at the current step and move on."""
        step = self.current
        if step is None:
            raise RecoveryError("the walk is already finished")
        if step.question is not None:
            answer = answer or step.question.default
            if answer not in step.question.choices:
                raise RecoveryError(
                    f"`{answer}` is not an answer to `{step.question.id}`",
                    hint=f"answer one of: {', '.join(step.question.choices)}",
                )
            self.answers[step.question.id] = answer
        else:
            answer = None
        self.records.append(Record(step.id, source, line, suggestion, answer, findings or []))
        if len(self.records) > MAX_VISITS:
            raise RecoveryError(
                f"more than {MAX_VISITS} steps visited: the playbook loops",
                location=self._where("steps"),
                hint="give every loop a branch that leaves it",
            )
        self.current = self._settle(self._next_id(step, answer))

    def back(self) -> bool:
        """Undo the last choice; False when there is nothing to go back to."""
        if not self.records:
            return False
        record = self.records.pop()
        step = self.playbook.step(record.step)
        if step.question is not None:
            self.answers.pop(step.question.id, None)
        self.current = step
        return True

    def replay(self, record: Record) -> None:
        """Apply a choice saved in a transcript, checking it still fits the playbook."""
        if self.current is None or self.current.id != record.step:
            expected = self.current.id if self.current else "the end"
            raise RecoveryError(
                f"the transcript does not match the playbook: it has step `{record.step}` "
                f"where the playbook now has {expected}",
                hint="the playbook changed since the run started; start a new run",
            )
        self.choose(
            record.source,
            record.line,
            suggestion=record.suggestion,
            answer=record.answer,
            findings=record.findings,
        )
        self.records[-1].at = record.at

    def _next_id(self, step: Step, answer: str | None) -> str:
        return self.playbook.next_after(self.playbook.steps.index(step), answer)

    def _settle(self, step_id: str) -> Step | None:
        """The first step from `step_id` on whose condition holds (None at the end)."""
        for _ in range(len(self.playbook.steps) + 1):
            if step_id == END:
                return None
            try:
                step = self.playbook.step(step_id)
            except KeyError:
                raise RecoveryError(
                    f"unknown step `{step_id}`", location=self._where("steps")
                ) from None
            index = self.playbook.steps.index(step)
            if step.when is None or render.holds(
                step.when, self.context(), self._where("steps", index, "when")
            ):
                return step
            step_id = self._next_id(step, None)
        raise RecoveryError(
            "every step in a loop is skipped by its `when`", location=self._where("steps")
        )

    def draft(self) -> str:
        """The customer-facing text: opening, the chosen lines, closing; plain paragraphs."""
        context = self.context()
        parts: list[str] = []
        if self.playbook.draft.opening:
            parts.append(render.render(self.playbook.draft.opening, context, self._where("draft")))
        for record in self.records:
            if record.line and self.playbook.step(record.step).in_draft:
                parts.append(record.line.strip())
        if self.playbook.draft.closing:
            parts.append(render.render(self.playbook.draft.closing, context, self._where("draft")))
        return "\n\n".join(part for part in parts if part)

    def checklist(self) -> list[str]:
        context = self.context()
        items: list[str] = []
        for index, item in enumerate(self.playbook.checklist):
            where = self._where("checklist", index)
            if item.when is None or render.holds(item.when, context, where):
                items.append(render.render(item.do, context, where))
        return items

    def path(self) -> list[str]:
        return [record.step for record in self.records]


Pick = int | str


def run_scripted(
    playbook: Playbook,
    values: Mapping[str, str],
    answers: Mapping[str, str] | None = None,
    picks: Mapping[str, Pick] | None = None,
    source: str = "",
) -> Walk:
    """Walk a playbook from the start to the draft with no one at the keyboard."""
    return finish(Walk(playbook, values, source), answers, picks)


def finish(
    walk: Walk,
    answers: Mapping[str, str] | None = None,
    picks: Mapping[str, Pick] | None = None,
) -> Walk:
    """Walk on from wherever `walk` is to the end.

    Each question takes its answer from `answers` or its default; each step takes the
    suggestion numbered in `picks` (1-based), the text given there, or the first one.
    """
    answers = answers or {}
    picks = picks or {}
    while walk.current is not None:
        step = walk.current
        options = walk.suggestions()
        pick = picks.get(step.id)
        answer = answers.get(step.question.id) if step.question else None
        if isinstance(pick, str) and not pick.strip().isdigit():
            walk.choose("typed", pick, answer=answer)
        elif not options and pick is None:
            walk.choose("skipped", answer=answer)
        else:
            number = 1 if pick is None else int(pick)
            if not 1 <= number <= len(options):
                raise RecoveryError(
                    f"step `{step.id}` has {len(options)} suggestion(s); {number} was picked",
                    hint=f"pick a number from 1 to {len(options)}, or give your own line"
                    if options
                    else "give your own line as the text to use",
                )
            walk.choose("suggestion", options[number - 1], suggestion=number, answer=answer)
    return walk
