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

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.playbook import render
from recovery_cli.playbook.models import END, Playbook, Step
from recovery_cli.playbook.walk import MAX_VISITS, Walk

SEP = "\ue000"
"""Joins the pieces of a combined template: a private-use character, not whitespace."""
CACHE_LIMIT = 4096


@dataclass(frozen=True)
class Drafted:
    """What a walk gives a batch record."""

    draft: str
    path: list[str]
    checklist: list[str]


@dataclass(frozen=True)
class Route:
    """One way through a playbook, with every template it renders joined into one.

    `source` is None when the joined template could render differently from the engine;
    `draft` lists the pieces that make the draft, `checklist` where its items start.
    """

    path: list[str]
    given: dict[str, str]
    source: str | None
    pieces: int
    draft: tuple[int, ...]
    checklist: int


class Plan:
    """One playbook compiled for batch use; picklable (caches rebuild in each process)."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.steps = {step.id: (index, step) for index, step in enumerate(playbook.steps)}
        conditions = [step.when for step in playbook.steps if step.when]
        conditions += [item.when for item in playbook.checklist if item.when]
        self.reads = {text: tuple(sorted(render.names_used(text, condition=True)))
                      for text in conditions}  # fmt: skip
        self.questions = tuple(question.id for question in playbook.questions())
        self.read = tuple(sorted({name for names in self.reads.values() for name in names}))
        self.known: dict[tuple[str, ...], bool] = {}
        self.routes: dict[tuple[object, ...], Route] = {}

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
        # The walk depends only on the answers and on the values the conditions read.
        key = (*(answers.get(name) for name in self.questions),
               *(values.get(name) for name in self.read))  # fmt: skip
        route = self.routes.get(key)
        if route is None:
            route = self._walk(values, answers)
            if len(self.routes) < CACHE_LIMIT:
                self.routes[key] = route
        if route.source is None:
            return None
        context = {**values, **route.given}
        pieces = render.render(route.source, context).split(SEP)
        if len(pieces) != route.pieces:
            return None  # a value held the separator
        parts = [pieces[index].strip() for index in route.draft]
        checklist = [piece.strip() for piece in pieces[route.checklist :]]
        return Drafted("\n\n".join(part for part in parts if part), route.path, checklist)

    def _walk(self, values: Mapping[str, str], answers: Mapping[str, str]) -> Route:
        """Walk as the engine does, then join the templates of that route."""
        context = dict(values)
        path: list[Step] = []
        asked: list[str | None] = []
        current = self._settle(self.playbook.steps[0].id, context)
        while current is not None:
            path.append(current)
            if len(path) > MAX_VISITS:
                raise RecoveryError("the playbook loops")
            answer = None
            if current.question is not None:
                answer = answers.get(current.question.id) or current.question.default
                context[current.question.id] = answer
            asked.append(current.question.id if current.question else None)
            current = self._settle(self._next(current, answer), context)
        given = {name: context[name] for name in asked if name}
        draft = self.playbook.draft
        pieces = [draft.opening] if draft.opening else []
        in_draft = [0] if draft.opening else []
        usable = True
        for position, step in enumerate(path):
            if not step.suggestions:
                continue
            line = step.suggestions[0]
            before = set(values) | {name for name in asked[:position] if name}
            used = render.names_used(line)
            if not used <= before or used & {name for name in asked[position:] if name}:
                usable = False  # the engine renders it before that answer exists
            if step.in_draft:
                in_draft.append(len(pieces))
            pieces.append(line)
        if draft.closing:
            in_draft.append(len(pieces))
            pieces.append(draft.closing)
        start = len(pieces)
        for item in self.playbook.checklist:
            if item.when is None or self.holds(item.when, context):
                pieces.append(item.do)
        if any(SEP in piece for piece in pieces):
            usable = False
        source = SEP.join(pieces) if usable else None
        ids = [step.id for step in path]
        return Route(ids, given, source, len(pieces), tuple(in_draft), start)

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
