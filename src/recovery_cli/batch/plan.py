"""A playbook prepared for many rows: one render per row instead of one per template.

A batch walks the same playbook a million times, always taking the first suggestion, so
most of the work repeats: the same few routes through the steps, the same `when:`
conditions over the same few values (`severity == 'high'`). A `Plan` finds each route with
the walker's own rules (`walk.settle` and `Playbook.next_after`, with condition results
remembered by the values they read), then joins every template the route renders for its
channel into one template, compiled once. A row then costs one render, split back into
its pieces and put together by `reply.compose`, exactly as the walk would.

The plan steps aside whenever it could differ from the walk: a route whose line reads an
answer not yet given, a value holding the separator, any error (the walk then raises its
own, located error). Tests compare the two over the shipped playbooks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook import render
from recovery_cli.playbook.models import Playbook, Step
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
from recovery_cli.playbook.walk import MAX_VISITS, Assumption, run_scripted, settle, sign_off

SEP = "\ue000"
"""Joins the pieces of a combined template: a private-use character, not whitespace."""
CACHE_LIMIT = 4096


@dataclass(frozen=True)
class Walked:
    """What a walk gives a batch record."""

    reply: Reply
    path: list[str]
    checklist: list[str]
    assumptions: list[Assumption]


@dataclass(frozen=True)
class Route:
    """One way through a playbook for one channel, its templates joined into one.

    `source` is None when the joined template could render differently from the walk;
    `roles` says what each piece is (`opening`, `line`, `chat`, `checklist`, ...).
    """

    path: list[str]
    given: dict[str, str]
    assumed: list[tuple[str, str, str, str]]
    source: str | None
    roles: tuple[str, ...]
    places: dict[str, tuple[int, ...]]
    """Where each role's pieces stand among the rendered pieces, in order."""


class Plan:
    """One playbook compiled for batch use; picklable (caches rebuild in each process)."""

    def __init__(self, playbook: Playbook, voice: Voice | None = None) -> None:
        self.playbook = playbook
        self.voice = voice or Voice()
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

    def run(
        self,
        values: Mapping[str, str],
        answers: Mapping[str, str],
        *,
        defaulted: Sequence[str] = (),
        agent: str | None = None,
    ) -> Walked:
        """The reply, path, checklist and assumptions of a scripted walk (first suggestions)."""
        context = {**values, **derived(values, self.voice, agent, defaulted)}
        try:
            fast = self._fast(values, context, answers)
        except RecoveryError:
            fast = None
        if fast is None:
            walk = run_scripted(
                self.playbook, values, answers, source=self.playbook.id, voice=self.voice,
                agent=agent, defaulted=defaulted,
            )  # fmt: skip
            return Walked(walk.reply(), walk.path(), walk.checklist(), walk.assumptions())
        reply, path, checklist, assumed = fast
        found = [Assumption(name, values[name], "input") for name in defaulted if values.get(name)]
        found += [Assumption(name, answer, "answer", ask, label)
                  for name, answer, ask, label in assumed]  # fmt: skip
        return Walked(reply, path, checklist, found)

    def holds(self, condition: str, context: Mapping[str, str]) -> bool:
        """`render.holds`, remembered by the values the condition reads."""
        try:
            key = (condition, *(context[name] for name in self.reads[condition]))
        except KeyError:
            return render.holds(condition, context)  # a missing name: raise as the walk does
        found = self.known.get(key)
        if found is None:
            found = render.holds(condition, context)
            if len(self.known) < CACHE_LIMIT:
                self.known[key] = found
        return found

    def _fast(
        self, values: Mapping[str, str], context: dict[str, str], answers: Mapping[str, str]
    ) -> tuple[Reply, list[str], list[str], list[tuple[str, str, str, str]]] | None:
        channel = values.get("channel") or "email"
        # The route depends only on the answers, the channel and what the conditions read.
        key = (channel, *(answers.get(name) for name in self.questions),
               *(values.get(name) for name in self.read))  # fmt: skip
        route = self.routes.get(key)
        if route is None:
            route = self._walk(values, context, answers, channel)
            if len(self.routes) < CACHE_LIMIT:
                self.routes[key] = route
        if route.source is None:
            return None
        rendered = render.render(route.source, {**context, **route.given}).split(SEP)
        if len(rendered) != len(route.roles):
            return None  # a value held the separator
        by_role = {role: [rendered[at].strip() for at in places]
                   for role, places in route.places.items()}  # fmt: skip

        def one(role: str) -> str:
            return by_role.get(role, [""])[0]

        pieces = Pieces(
            opening=one("opening"),
            concerns=concerns_in(context),
            contact=contact_in(context),
            lines=by_role.get("line", []),
            chat_lines=by_role.get("chat", []),
            closing=one("closing"),
            chat_closing=one("chat_closing"),
            social=one("social"),
            confirmation=one("confirmation"),
            sign_off=sign_off(context),
        )
        asked = reach_task(context)
        checklist = list(
            dict.fromkeys(item for item in (*by_role.get("checklist", []), asked) if item)
        )
        return compose(channel, pieces), route.path, checklist, route.assumed

    def _walk(
        self,
        values: Mapping[str, str],
        context: dict[str, str],
        answers: Mapping[str, str],
        channel: str,
    ) -> Route:
        """Walk as the walker does, then join the templates that route renders."""
        known = dict(context)

        def holds(step: Step, index: int) -> bool:
            assert step.when is not None
            return self.holds(step.when, known)

        path: list[Step] = []
        asked: list[str | None] = []
        assumed: list[tuple[str, str, str, str]] = []
        current = settle(self.playbook, self.playbook.steps[0].id, holds)
        while current is not None:
            path.append(current)
            if len(path) > MAX_VISITS:
                raise RecoveryError("the playbook loops")
            answer = None
            if current.question is not None:
                question = current.question
                answer = answers.get(question.id)
                if answer is None:
                    answer = question.default
                    assumed.append((question.id, answer, question.ask, question.choices[answer]))
                known[question.id] = answer
            asked.append(current.question.id if current.question else None)
            index = self.playbook.steps.index(current)
            current = settle(self.playbook, self.playbook.next_after(index, answer), holds)
        given = {name: known[name] for name in asked if name}
        pieces, roles, usable = self._templates(path, asked, set(context), channel)
        for item in self.playbook.checklist:
            if item.when is None or self.holds(item.when, known):
                pieces.append(item.do)
                roles.append("checklist")
        for step in path:
            if step.commitment and step.in_draft and step.suggestions:
                pieces.append(step.commitment)
                roles.append("checklist")
        if any(SEP in piece for piece in pieces):
            usable = False
        source = SEP.join(pieces) if usable and pieces else None
        ids = [step.id for step in path]
        places: dict[str, list[int]] = {}
        for at, role in enumerate(roles):
            places.setdefault(role, []).append(at)
        return Route(
            ids, given, assumed, source, tuple(roles),
            {role: tuple(at) for role, at in places.items()},
        )  # fmt: skip

    def _templates(
        self, path: list[Step], asked: list[str | None], given: set[str], channel: str
    ) -> tuple[list[str], list[str], bool]:
        """The templates of a route for one channel, each with its role."""
        draft = self.playbook.draft
        pieces: list[str] = []
        roles: list[str] = []

        def add(template: str | None, role: str) -> None:
            if template:
                pieces.append(template)
                roles.append(role)

        add(draft.opening, "opening")
        usable = True
        for position, step in enumerate(path):
            if not step.suggestions:
                continue
            line = step.suggestions[0]
            before = given | {name for name in asked[:position] if name}
            used = render.names_used(line)
            if step.chat:
                used |= render.names_used(step.chat[0])
            if not used <= before or used & {name for name in asked[position:] if name}:
                usable = False  # the walk renders it before that answer exists
            if step.in_draft:
                add(line, "line")
                if channel == "chat":
                    add(step.chat[0] if step.chat else line, "chat")
        add(draft.closing, "closing")
        if channel == "chat":
            add(draft.chat_closing, "chat_closing")
        if channel in PUBLIC:
            return [draft.social or FALLBACK_SOCIAL], ["social"], bool(draft.social)
        if channel in SPOKEN:
            add(draft.confirmation, "confirmation")
        return pieces, roles, usable
