"""A playbook prepared for many rows: one render per row instead of one per template.

`engine.Walk` serves a person at a keyboard, where a few microseconds per step do not
matter. A batch walks the same playbook a million times, always taking the first
suggestion, so most of the work repeats: the same few routes through the steps, the same
`when:` conditions over the same few values (`severity == 'high'`). A `Plan` caches
condition results by the values they read, and for each route joins every template it
renders (opening, the chosen lines, closing, checklist) into one template, compiled once.
A row then costs one render, split back into its pieces.

The result must be exactly what the engine gives, so the plan steps aside whenever it
could differ: a route whose line reads an answer not yet given, a value holding the
separator, any error (the engine then raises its own, located error). Tests compare the
two over the shipped playbooks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from recovery_cli import render
from recovery_cli.engine import MAX_VISITS, Walk
from recovery_cli.errors import Location, RecoveryError
from recovery_cli.models import END, Playbook, Step

SEP = "\ue000"
"""Joins the pieces of a combined template: a private-use character, not whitespace."""
CACHE_LIMIT = 4096


@dataclass(frozen=True)
class Drafted:
    """What a walk gives a batch record."""

    draft: str
    path: list[str]
    checklist: list[str]


class Plan:
    """One playbook compiled for batch use; picklable (caches rebuild in each process)."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.steps = {step.id: (index, step) for index, step in enumerate(playbook.steps)}
        conditions = [step.when for step in playbook.steps if step.when]
        conditions += [item.when for item in playbook.checklist if item.when]
        self.reads = {text: tuple(sorted(render.names_used(text, condition=True)))
                      for text in conditions}  # fmt: skip
        self.known: dict[tuple[str, ...], bool] = {}
        self.routes: dict[tuple[object, ...], str | None] = {}

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "known": {}, "routes": {}}

    def run(self, values: Mapping[str, str], answers: Mapping[str, str]) -> Drafted:
        """The draft, path and checklist of a scripted walk taking every first suggestion."""
        try:
            fast = self._fast(values, answers)
        except RecoveryError:
            fast = None
        return fast if fast is not None else slow(self.playbook, values, answers)

    def holds(self, condition: str, context: Mapping[str, str]) -> bool:
        """`render.holds`, remembered by the values the condition reads."""
        try:
            key = (condition, *(context[name] for name in self.reads[condition]))
        except KeyError:
            return render.holds(condition, context)  # a missing name: raise as the engine does
        found = self.known.get(key)
        if found is None:
            found = render.holds(condition, context)
            if len(self.known) < CACHE_LIMIT:
                self.known[key] = found
        return found

    def _fast(self, values: Mapping[str, str], answers: Mapping[str, str]) -> Drafted | None:
        context = dict(values)
        path: list[Step] = []
        asked: list[str | None] = []
        current = self._settle(self.playbook.steps[0].id, context)
        while current is not None:
            path.append(current)
            if len(path) > MAX_VISITS:
                return None
            answer = None
            if current.question is not None:
                answer = answers.get(current.question.id) or current.question.default
                context[current.question.id] = answer
            asked.append(current.question.id if current.question else None)
            current = self._settle(self._next(current, answer), context)
        items = self.playbook.checklist
        flags = tuple(item.when is None or self.holds(item.when, context) for item in items)
        key = (*(step.id for step in path), flags)
        if key not in self.routes:
            self.routes[key] = self._route(path, asked, flags, set(values))
        source = self.routes[key]
        if source is None:
            return None
        pieces = render.render(source, context).split(SEP)
        return self._assemble(path, flags, [piece.strip() for piece in pieces])

    def _route(
        self, path: list[Step], asked: list[str | None], flags: tuple[bool, ...], names: set[str]
    ) -> str | None:
        """One template for the route, or None when it could render differently."""
        draft = self.playbook.draft
        pieces = [draft.opening] if draft.opening else []
        for position, step in enumerate(path):
            if not step.suggestions:
                continue
            line = step.suggestions[0]
            before = {name for name in asked[:position] if name}
            later = {name for name in asked[position:] if name}
            used = render.names_used(line)
            if not used <= (names | before) or used & later:
                return None  # the engine renders it before that answer exists
            pieces.append(line)
        if draft.closing:
            pieces.append(draft.closing)
        pieces += [
            item.do for item, flag in zip(self.playbook.checklist, flags, strict=True) if flag
        ]
        if any(SEP in piece for piece in pieces):
            return None
        return SEP.join(pieces)

    def _assemble(self, path: list[Step], flags: tuple[bool, ...], pieces: list[str]) -> Drafted:
        draft = self.playbook.draft
        expected = bool(draft.opening) + bool(draft.closing) + sum(flags)
        expected += sum(1 for step in path if step.suggestions)
        if len(pieces) != expected:
            raise RecoveryError("a value holds the separator")  # take the engine's path
        at = iter(pieces)
        parts = [next(at)] if draft.opening else []
        for step in path:
            if step.suggestions:
                line = next(at)
                if line and step.in_draft:
                    parts.append(line)
        if draft.closing:
            parts.append(next(at))
        checklist = list(at)
        text = "\n\n".join(part for part in parts if part)
        return Drafted(text, [step.id for step in path], checklist)

    def _next(self, step: Step, answer: str | None) -> str:
        if answer is not None and answer in step.branches:
            return step.branches[answer]
        if step.next is not None:
            return step.next
        index = self.steps[step.id][0]
        steps = self.playbook.steps
        return steps[index + 1].id if index + 1 < len(steps) else END

    def _settle(self, step_id: str, context: Mapping[str, str]) -> Step | None:
        for _ in range(len(self.playbook.steps) + 1):
            if step_id == END:
                return None
            found = self.steps.get(step_id)
            if found is None:
                raise RecoveryError(f"unknown step `{step_id}`")
            step = found[1]
            if step.when is None or self.holds(step.when, context):
                return step
            step_id = self._next(step, None)
        raise RecoveryError("every step in a loop is skipped by its `when`")


def slow(playbook: Playbook, values: Mapping[str, str], answers: Mapping[str, str]) -> Drafted:
    """The engine's own walk (first suggestion everywhere): the reference, and the fallback."""
    walk = Walk(playbook, values, playbook.id)
    while walk.current is not None:
        step = walk.current
        answer = answers.get(step.question.id) if step.question is not None else None
        if step.suggestions:
            where = Location(playbook.id, field=f"steps.{step.id}.suggestions[0]")
            line = render.render(step.suggestions[0], walk.context(), where)
            walk.choose("suggestion", line, suggestion=1, answer=answer)
        else:
            walk.choose("skipped", answer=answer)
    return Drafted(walk.draft(), walk.path(), walk.checklist())
