"""A playbook rendered with sample values, quickly: what lint shows a trainer before an agent.

Lint renders every template with the inputs' sample values and every question's default
answer, and walks the path a scripted run with no answers takes, exactly as the engine
would, to find what would fail in front of an agent: an unknown name, a sandbox refusal,
a loop the default answers never leave. Templates in the plain subset are rendered by
`simple_templates` (no compiling); the rest by the sandboxed Jinja of `render`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook import render, simple_templates
from recovery_cli.playbook.inputs import sample_values
from recovery_cli.playbook.models import END, Playbook
from recovery_cli.playbook.voice import Voice, derived
from recovery_cli.playbook.walk import MAX_VISITS

FieldPath = tuple[str | int, ...]


def context(playbook: Playbook) -> dict[str, object]:
    """Sample inputs plus every question's default answer."""
    samples = sample_values(playbook)
    values: dict[str, object] = {**samples, **derived(samples, Voice())}
    values.update({question.id: question.default for question in playbook.questions()})
    return values


def names(source: str, condition: bool = False) -> set[str]:
    """The names a template reads (raises Jinja's error when it does not parse)."""
    simple = simple_templates.parse(source, condition=condition)
    if simple is not None:
        return set(simple.names)
    return render.names_used(source, condition=condition)


def unsafe(source: str, condition: bool = False) -> list[str]:
    """Attributes the sandbox refuses; the plain subset reads no attributes at all."""
    if simple_templates.parse(source, condition=condition) is not None:
        return []
    return render.unsafe_attributes(source, condition=condition)


def text(source: str, values: Mapping[str, object], condition: bool = False) -> str:
    """Render (or evaluate) as the engine does; problems raise RecoveryError."""
    simple = simple_templates.parse(source, condition=condition)
    if simple is None:
        if condition:
            return str(render.holds(source, values))
        return render.render(source, values)
    try:
        if condition:
            return str(simple.holds(values))
        return simple_templates.flatten(simple.render(values))
    except simple_templates.Missing as exc:
        kind = "condition" if condition else "template"
        raise RecoveryError(
            f"{kind} uses an unknown name: {exc}",
            hint="declare it under `inputs:` or as a question id, or fix the spelling",
        ) from None


@dataclass
class Failure:
    """Where the default walk failed and why."""

    path: FieldPath
    message: str
    hint: str | None


def default_walk(playbook: Playbook) -> Failure | None:
    """Walk with sample inputs, default answers and first suggestions, as a batch row would.

    Mirrors `engine.Walk`: conditions are checked on arrival, a skipped step passes to its
    `next`, and each line is rendered with the answers given so far.
    """
    index = {step.id: number for number, step in enumerate(playbook.steps)}
    samples = sample_values(playbook)
    values: dict[str, object] = {**samples, **derived(samples, Voice())}
    seen: set[tuple[str, tuple[tuple[str, object], ...]]] = set()
    step_id = playbook.steps[0].id
    visits = 0
    while True:
        skipped = 0
        while step_id != END:
            number = index.get(step_id)
            if number is None:
                return None  # an unknown step: validation reports it
            step = playbook.steps[number]
            if step.when is None:
                break
            try:
                shown = text(step.when, values, condition=True) == "True"
            except RecoveryError as exc:
                return Failure(("steps", number, "when"), exc.message, exc.hint)
            if shown:
                break
            step_id = playbook.next_after(number)
            skipped += 1
            if skipped > len(playbook.steps):
                return Failure(("steps",), "every step in a loop is skipped by its `when`", None)
        if step_id == END:
            return _finish(playbook, values)
        number = index[step_id]
        step = playbook.steps[number]
        for position, suggestion in enumerate(step.suggestions):
            try:
                text(suggestion, values)
            except RecoveryError as exc:
                return Failure(("steps", number, "suggestions", position), exc.message, exc.hint)
        answer = None
        if step.question is not None:
            answer = step.question.default
            values[step.question.id] = answer
        state = (step_id, tuple(sorted(values.items())))
        visits += 1
        if state in seen or visits > MAX_VISITS:
            return Failure(
                ("steps", number, "id"),
                f"the default answers loop back to step `{step_id}` and never reach the end",
                "give the loop's default answer a branch that leaves it",
            )
        seen.add(state)
        step_id = playbook.next_after(number, answer)


def _finish(playbook: Playbook, values: Mapping[str, object]) -> Failure | None:
    """The draft's opening and closing, and the checklist, at the end of the walk."""
    parts: list[tuple[FieldPath, str, bool]] = []
    if playbook.draft.opening:
        parts.append((("draft", "opening"), playbook.draft.opening, False))
    if playbook.draft.closing:
        parts.append((("draft", "closing"), playbook.draft.closing, False))
    for number, item in enumerate(playbook.checklist):
        if item.when:
            try:
                if text(item.when, values, condition=True) != "True":
                    continue
            except RecoveryError as exc:
                return Failure(("checklist", number, "when"), exc.message, exc.hint)
        parts.append((("checklist", number, "do"), item.do, False))
    for path, source, condition in parts:
        try:
            text(source, values, condition=condition)
        except RecoveryError as exc:
            return Failure(path, exc.message, exc.hint)
    return None
