"""Walking a playbook: which step comes next, what was chosen, and the reply it makes.

One `Walk` serves every driver: the interactive prompt, a scripted run from an answers
file, a resumed transcript, each batch row and lint's sample run. A driver asks for the
current step and its rendered suggestions, then records a choice; the walk follows
branches (`Playbook.next_after`), skips steps whose `when` does not hold (`settle`) and can
step back. At the end it gives the reply for the channel, the checklist (with a task for
every commitment the reply makes) and the answers nobody gave, which were assumed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Literal

from recovery_cli.errors import Location, RecoveryError, dotted
from recovery_cli.playbook import render
from recovery_cli.playbook.answers import is_number, suggestion_number
from recovery_cli.playbook.models import END, Playbook, Step
from recovery_cli.playbook.reply import (
    FALLBACK_SOCIAL,
    PUBLIC,
    SPOKEN,
    Pieces,
    Reply,
    compose,
    concerns_in,
    contact_in,
    reach_task,
)
from recovery_cli.playbook.voice import Voice, derived

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
    chat: str | None = None
    """The chat form of the line, when the step has one."""
    assumed: bool = False
    """The answer is the question's default: nobody gave it."""

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True)
class Assumption:
    """A value nobody gave, taken by default: what a reviewer checks before sending."""

    name: str
    value: str
    kind: Literal["input", "answer"]
    asked: str = ""
    """For an answer, the question; its label is in `value`'s `label`."""
    label: str = ""

    def to_json(self) -> dict[str, object]:
        """As JSON-ready data (by hand: `asdict` deep-copies, and batch writes one a row)."""
        return {"name": self.name, "value": self.value, "kind": self.kind,
                "asked": self.asked, "label": self.label}  # fmt: skip


def settle(playbook: Playbook, step_id: str, holds: Callable[[Step, int], bool]) -> Step | None:
    """The first step from `step_id` on that is shown (its `when` holds); None at the end.

    The one statement of skipping: the walk and batch's compiled plan both call it, each
    with its own way of evaluating a condition.
    """
    for _ in range(len(playbook.steps) + 1):
        if step_id == END:
            return None
        index = playbook.index_of(step_id)
        if index is None:
            raise RecoveryError(f"unknown step `{step_id}`", location=Location(field="steps"))
        step = playbook.steps[index]
        if step.when is None or holds(step, index):
            return step
        step_id = playbook.next_after(index)
    raise RecoveryError(
        "every step in a loop is skipped by its `when`", location=Location(field="steps")
    )


class Walk:
    """The state of one recovery through one playbook."""

    def __init__(
        self,
        playbook: Playbook,
        values: Mapping[str, str],
        source: str = "",
        *,
        voice: Voice | None = None,
        agent: str | None = None,
        defaulted: Sequence[str] = (),
    ) -> None:
        self.playbook = playbook
        self.values = dict(values)
        self.derived = derived(self.values, voice or Voice(), agent, defaulted)
        self.defaulted = list(defaulted)
        self.answers: dict[str, str] = {}
        self.records: list[Record] = []
        self.source = source
        self.current: Step | None = self._settle(playbook.steps[0].id)

    @classmethod
    def resumed(
        cls,
        playbook: Playbook,
        values: Mapping[str, str],
        records: list[Record],
        source: str = "",
        *,
        voice: Voice | None = None,
        agent: str | None = None,
        defaulted: Sequence[str] = (),
    ) -> Walk:
        """A walk with the choices of a saved transcript replayed (none for a new run)."""
        walk = cls(playbook, values, source, voice=voice, agent=agent, defaulted=defaulted)
        for record in records:
            walk.replay(record)
        return walk

    @property
    def finished(self) -> bool:
        return self.current is None

    @property
    def channel(self) -> str:
        return self.values.get("channel") or "email"

    def context(self) -> dict[str, str]:
        return {**self.values, **self.derived, **self.answers}

    def _where(self, *path: str | int) -> Location:
        return Location(self.source or self.playbook.id, field=dotted(path))

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
        assumed = False
        if step.question is not None:
            if answer is None:
                answer, assumed = step.question.default, True
            if answer not in step.question.choices:
                raise RecoveryError(
                    f"`{answer}` is not an answer to `{step.question.id}`",
                    hint=f"answer one of: {', '.join(step.question.choices)}",
                )
        else:
            answer = None
        chat = self._chat_form(step, source, line, suggestion)
        record = Record(step.id, source, line, suggestion, answer, findings or [], chat=chat)
        record.assumed = assumed
        self._apply(record)

    def _apply(self, record: Record) -> None:
        step = self.playbook.step(record.step)
        if step.question is not None and record.answer is not None:
            self.answers[step.question.id] = record.answer
        self.records.append(record)
        if len(self.records) > MAX_VISITS:
            raise RecoveryError(
                f"more than {MAX_VISITS} steps visited: the playbook loops",
                location=self._where("steps"),
                hint="give every loop a branch that leaves it",
            )
        index = self.playbook.steps.index(step)
        self.current = self._settle(self.playbook.next_after(index, record.answer))

    def _chat_form(
        self, step: Step, source: Source, line: str | None, suggestion: int | None
    ) -> str | None:
        """The chat form of a chosen suggestion (a typed line is its own chat form)."""
        if source != "suggestion" or not step.chat or suggestion is None:
            return None
        number = suggestion - 1 if len(step.chat) > 1 else 0
        if number >= len(step.chat):
            return None
        index = self.playbook.steps.index(step)
        where = self._where("steps", index, "chat", number)
        return render.render(step.chat[number], self.context(), where)

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
        self.records[-1].assumed = record.assumed

    def _settle(self, step_id: str) -> Step | None:
        def holds(step: Step, index: int) -> bool:
            assert step.when is not None
            where = self._where("steps", index, "when")
            return render.holds(step.when, self.context(), where)

        try:
            return settle(self.playbook, step_id, holds)
        except RecoveryError as exc:
            if exc.location.file is None:  # located in the playbook, not yet in the file
                raise RecoveryError(exc.message, location=self._where("steps")) from None
            raise

    def _drafted(self) -> list[Record]:
        return [
            record
            for record in self.records
            if record.line and self.playbook.step(record.step).in_draft
        ]

    def pieces(self, channel: str) -> Pieces:
        """What a reply on `channel` is made of, rendered with the facts and answers."""
        context = self.context()
        draft = self.playbook.draft

        def text(template: str | None, name: str) -> str:
            if not template:
                return ""
            return render.render(template, context, self._where("draft", name))

        drafted = self._drafted()
        if channel in PUBLIC:
            if draft.social:
                return Pieces(social=text(draft.social, "social"))
            fallback = {"first_name": "", "next_update": "", **context}
            return Pieces(social=render.render(FALLBACK_SOCIAL, fallback))
        return Pieces(
            opening=text(draft.opening, "opening"),
            concerns=concerns_in(context),
            contact=contact_in(context),
            lines=[record.line.strip() for record in drafted if record.line],
            chat_lines=[(record.chat or record.line or "").strip() for record in drafted]
            if channel == "chat"
            else [],
            closing=text(draft.closing, "closing"),
            chat_closing=text(draft.chat_closing, "chat_closing") if channel == "chat" else "",
            confirmation=text(draft.confirmation, "confirmation") if channel in SPOKEN else "",
            sign_off=sign_off(context),
        )

    def reply(self, channel: str | None = None) -> Reply:
        """The reply for `channel` (default: the run's own `channel` input, else email)."""
        channel = channel or self.channel
        return compose(channel, self.pieces(channel))

    def draft(self, channel: str | None = None) -> str:
        """The text to send on the run's channel (or `channel`)."""
        return self.reply(channel).text

    def checklist(self) -> list[str]:
        """The playbook's tasks that apply, then one for each commitment the reply makes."""
        context = self.context()
        items: list[str] = []
        for index, item in enumerate(self.playbook.checklist):
            where = self._where("checklist", index)
            if item.when is None or render.holds(item.when, context, where):
                items.append(render.render(item.do, context, where))
        for record in self._drafted():
            index = self.playbook.index_of(record.step) or 0
            commitment = self.playbook.steps[index].commitment
            if commitment:
                where = self._where("steps", index, "commitment")
                items.append(render.render(commitment, context, where))
        items.append(reach_task(context))
        return list(dict.fromkeys(item for item in items if item))

    def assumptions(self) -> list[Assumption]:
        """Every input and answer taken by default: what nobody confirmed."""
        found = [
            Assumption(name, self.values.get(name, ""), "input")
            for name in self.defaulted
            if self.values.get(name)
        ]
        for record in self.records:
            step = self.playbook.step(record.step)
            if record.assumed and step.question is not None and record.answer:
                label = step.question.choices.get(record.answer, "")
                found.append(
                    Assumption(step.question.id, record.answer, "answer", step.question.ask, label)
                )
        return found

    def path(self) -> list[str]:
        return [record.step for record in self.records]

    def first_repeat(self) -> str | None:
        """The first step visited twice with the same answers: where a walk began to loop."""
        seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
        answers: dict[str, str] = {}
        for record in self.records:
            question = self.playbook.step(record.step).question
            if question is not None and record.answer is not None:
                answers[question.id] = record.answer
            state = (record.step, tuple(sorted(answers.items())))
            if state in seen:
                return record.step
            seen.add(state)
        return None


def sign_off(context: Mapping[str, str]) -> str:
    """`Best wishes,\\nSam\\nAcme` when an agent signs; empty otherwise."""
    agent = context.get("agent_name", "")
    if not agent:
        return ""
    lines = [f"{context.get('sign_off') or 'Best wishes'},", agent]
    if context.get("company"):
        lines.append(context["company"])
    return "\n".join(lines)


Pick = int | str


def run_scripted(
    playbook: Playbook,
    values: Mapping[str, str],
    answers: Mapping[str, str] | None = None,
    picks: Mapping[str, Pick] | None = None,
    source: str = "",
    *,
    voice: Voice | None = None,
    agent: str | None = None,
    defaulted: Sequence[str] = (),
) -> Walk:
    """Walk a playbook from the start to the reply with no one at the keyboard."""
    walk = Walk(playbook, values, source, voice=voice, agent=agent, defaulted=defaulted)
    return finish(walk, answers, picks)


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
        if isinstance(pick, str) and not is_number(pick.strip()):
            walk.choose("typed", pick, answer=answer)
        elif not options and pick is None:
            walk.choose("skipped", answer=answer)
        else:
            number = (
                1
                if pick is None
                else pick
                if isinstance(pick, int)
                else suggestion_number(pick.strip())
            )
            if not 1 <= number <= len(options):
                raise RecoveryError(
                    f"step `{step.id}` has {len(options)} suggestion(s); {number} was picked",
                    hint=f"pick a number from 1 to {len(options)}, or give your own line"
                    if options
                    else "give your own line as the text to use",
                )
            walk.choose("suggestion", options[number - 1], suggestion=number, answer=answer)
    return walk
