"""Lint rules on a playbook's templates: every name known, nothing the sandbox refuses,
answers read only once asked, every template rendering with sample values, every
suggestion passing the principle checks, every input used."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from jinja2.defaults import DEFAULT_NAMESPACE

from recovery_cli.checks import Finding
from recovery_cli.documents import Place
from recovery_cli.errors import FieldPath, Location, Problem, RecoveryError
from recovery_cli.lint.registry import rule
from recovery_cli.playbook import render
from recovery_cli.playbook.flow import Flow
from recovery_cli.playbook.inputs import STANDARD_INPUTS, placeholders, sample_values
from recovery_cli.playbook.integrity import template_fields
from recovery_cli.playbook.models import END, Playbook
from recovery_cli.playbook.reply import ANSWERED
from recovery_cli.playbook.voice import DERIVED, Voice, derived

Checker = Callable[[str], Sequence[Finding]]
"""The principle checks, as lint uses them: findings for one line said mid-conversation."""

CONTEXT_INPUTS = {"message", "channel", *ANSWERED}
"""Inputs never reported as unused: `message` records the conversation, `channel` shapes
the reply itself (email, chat, social, phone), and the reply answers the `CONCERNS` (a
death, someone hurt) before any line of the playbook's and says back how the customer asked
to be reached (`CONTACT_REQUEST`) after them."""


def sample_context(playbook: Playbook) -> dict[str, object]:
    """Sample inputs, the names derived from them, and every question's default answer."""
    samples = sample_values(playbook)
    values: dict[str, object] = {**samples, **derived(samples, Voice())}
    values.update({question.id: question.default for question in playbook.questions()})
    return values


def template_problems(
    playbook: Playbook, place: Place, broken: set[str | None], checker: Checker | None
) -> Iterator[Problem]:
    inputs = {spec.name for spec in playbook.inputs}
    questions = {question.id: question for question in playbook.questions()}
    asked_at = {step.question.id: step.id for step in playbook.steps if step.question is not None}
    known = inputs | set(questions) | set(DEFAULT_NAMESPACE) | set(DERIVED)
    answered = Flow(playbook).answered_before()
    context = sample_context(playbook)
    used: set[str] = set()
    for path, source, is_condition in template_fields(playbook):
        where = place.at(*path)
        if where.field in broken:
            continue
        try:
            names = render.names_used(source, condition=is_condition)
            unsafe = render.unsafe_attributes(source, condition=is_condition)
        except Exception:  # a template that does not parse is reported on its own
            continue
        used |= names
        clean = True
        for attribute in unsafe:
            clean = False
            yield rule("sandbox").problem(
                f"the sandbox refuses `{attribute}`",
                where,
                "templates may only use the inputs and answers, not Python internals",
            )
        for name in sorted(names - known):
            clean = False
            yield rule("undefined-variable").problem(
                f"`{name}` is neither an input nor a question id",
                where,
                "declare it under `inputs:` or fix the spelling",
            )
        available = answered.get(_owner(playbook, path), set())
        for name in sorted((names & set(questions)) - available):
            yield rule("answer-order").problem(
                f"`{name}` may not be answered yet here: it is asked at step "
                f"`{asked_at[name]}`, which not every path visits before this",
                where,
                "use it only in steps after the question, or ask the question earlier",
            )
        if not clean:
            continue
        problem, text = _render(source, is_condition, context, where)
        if problem is not None:
            yield problem
        elif checker is not None and not is_condition and path[-2:-1] == ("suggestions",):
            for finding in checker(text):
                yield rule("breaks-principle").problem(
                    f"suggestion breaks `{finding.principle}`: {finding.message}",
                    where,
                    finding.hint,
                    "error" if finding.severity == "error" else "warning",
                )
    yield from _unused_inputs(playbook, place, used)


def _owner(playbook: Playbook, path: FieldPath) -> str:
    """The step a template belongs to, or `end` for the draft and checklist."""
    if path[0] == "steps" and isinstance(path[1], int):
        return playbook.steps[path[1]].id
    return END


def _render(
    source: str, is_condition: bool, context: dict[str, object], where: Location
) -> tuple[Problem | None, str]:
    try:
        if is_condition:
            return None, str(render.holds(source, context))
        return None, render.render(source, context)
    except RecoveryError as exc:
        first = exc.problems[0]
        kind = "sandbox" if "sandbox" in first.message else "render"
        message = f"with sample values: {first.message}"
        return rule(kind).problem(message, where, first.hint), ""


def _unused_inputs(playbook: Playbook, place: Place, used: set[str]) -> Iterator[Problem]:
    if used & {"greeting", "first_name", "full_name"}:
        used = used | {"customer_name"}  # the names derived from it
    used = used | {name for spec in playbook.inputs for name in placeholders(spec.default)}
    for index, spec in enumerate(playbook.inputs):
        if spec.name in used or spec.name in CONTEXT_INPUTS:
            continue
        standard = spec.name in STANDARD_INPUTS
        yield rule("unused-input").problem(
            f"input `{spec.name}` is declared but no template or condition uses it",
            place.at("inputs", index, "name"),
            "use it in a line or remove it, so the agent is not asked for nothing",
            "info" if standard else "warning",
        )


def principle_checker() -> Checker | None:
    """`recovery check` as a lint rule: a suggestion is a line said mid-conversation."""
    from recovery_cli.checks import check

    try:
        check("Thank you.", name=None, opening=False)  # loads the rules, once
    except RecoveryError:
        return None  # a broken checks file is reported when it is validated

    def run(text: str) -> Sequence[Finding]:
        return check(text, name=None, opening=False)

    return run
