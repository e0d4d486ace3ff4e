"""The playbook's logic and content, beyond its format: what `recovery lint` adds.

A playbook can be perfectly shaped and still strand an agent: a step nothing leads to, a
loop with no way out, a path that ends with nothing to send, a `{{ name }}` no one
supplies, a suggestion that breaks the very principle the step teaches. Each rule here
yields `Problem`s with a rule id, a severity and the field they point at, so a trainer
can find the line and a CI can annotate it. Rules read the model, never the raw YAML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from jinja2.defaults import DEFAULT_NAMESPACE

from recovery_cli import documents
from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.lint import samples
from recovery_cli.lint.validate import Checked
from recovery_cli.playbook import flow
from recovery_cli.playbook.inputs import STANDARD_INPUTS
from recovery_cli.playbook.integrity import template_fields
from recovery_cli.playbook.models import END, Playbook
from recovery_cli.playbook.voice import DERIVED

FieldPath = tuple[str | int, ...]
Checker = Callable[[str, str | None], list[tuple[str, str, str, str | None]]]

CONTEXT_INPUTS = {"message"}
"""Inputs that record the conversation rather than fill a line: never reported as unused."""


@dataclass
class Site:
    """Where lint findings in one playbook point."""

    source: str
    positions: documents.Positions

    def at(self, *path: str | int) -> Location:
        return documents.locate(path, self.positions, self.source)


def lint_playbook(item: Checked, checker: Checker | None = None) -> list[Problem]:
    """The logic and content findings for one playbook that has the right shape."""
    playbook = item.playbook
    if playbook is None:
        return []
    site = Site(item.source, item.positions)
    broken = {problem.location.field for problem in item.problems}
    found: list[Problem] = []
    found.extend(_reachability(playbook, site))
    found.extend(_choices(playbook, site))
    found.extend(_steps(playbook, site))
    found.extend(_templates(playbook, site, broken, checker))
    if not item.problems and not any(problem.severity == "error" for problem in found):
        found.extend(_sample_run(playbook, site))
    found.extend(_todos(playbook.model_dump(exclude_defaults=True), (), site))
    return found


def _sample_run(playbook: Playbook, site: Site) -> Iterator[Problem]:
    """What a batch row with only sample inputs meets: default answers, first suggestions."""
    failure = samples.default_walk(playbook)
    if failure is not None:
        yield Problem(
            f"a scripted run with sample inputs and default answers fails: {failure.message}",
            site.at(*failure.path),
            failure.hint or "every question's default answer must lead to the end",
            "sample-run",
        )


def _todos(data: object, path: FieldPath, site: Site) -> Iterator[Problem]:
    """Text still marked TODO, as `recovery new` leaves it: a reminder, not an error."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _todos(value, (*path, str(key)), site)
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from _todos(value, (*path, number), site)
    elif isinstance(data, str) and "TODO" in data:
        yield Problem(
            "text still marked TODO",
            site.at(*path),
            "write the real text, or remove the field if it is optional",
            "todo",
            "warning",
        )


# --- the flow of steps ---------------------------------------------------------------


def _reachability(playbook: Playbook, site: Site) -> Iterator[Problem]:
    graph = flow.Flow(playbook)
    reached = graph.reachable()
    for index, step in enumerate(playbook.steps):
        if step.id not in reached:
            yield Problem(
                f"step `{step.id}` cannot be reached: no branch or `next` leads to it",
                site.at("steps", index, "id"),
                "add a branch or `next` that goes to it, or remove the step",
                "unreachable-step",
            )
    trapped = graph.trapped()
    if trapped:
        first = trapped[0]
        steps = ", ".join(f"`{step_id}`" for step_id in trapped)
        yield Problem(
            f"loop with no way out: from {steps} no path reaches `end`",
            site.at("steps", graph.index[first], "id"),
            "give one of these steps a branch or `next` that leaves the loop",
            "loop-no-exit",
        )
    for conditional, severity in ((False, "error"), (True, "warning")):
        path = graph.path_without_draft(conditional)
        if path is not None:
            shown = " -> ".join([*path, END])
            why = " when `when:` conditions skip steps" if conditional else ""
            yield Problem(
                f"a path ends with no line for the draft{why}: {shown}",
                site.at("steps", graph.index[path[0]] if path else 0, "id"),
                "put a step with suggestions and `in_draft: true` on this path",
                "path-without-draft",
                severity,  # type: ignore[arg-type]
            )
            break


def _choices(playbook: Playbook, site: Site) -> Iterator[Problem]:
    used = _names_everywhere(playbook)
    for index, step in enumerate(playbook.steps):
        question = step.question
        if question is None:
            continue
        if step.branches:
            following = playbook.next_after(index)
            for answer in question.choices:
                if answer not in step.branches:
                    yield Problem(
                        f"answer `{answer}` of `{question.id}` has no branch; "
                        f"it goes on to `{following}`",
                        site.at("steps", index, "branches"),
                        f"add `{answer}: {following}` under `branches` if that is meant",
                        "choices-branches",
                        "warning",
                    )
        elif question.id not in used:
            yield Problem(
                f"question `{question.id}` has no branches and its answer is never used",
                site.at("steps", index, "question", "id"),
                "add `branches`, use the answer in a template or condition, or remove it",
                "unused-answer",
                "warning",
            )


def _steps(playbook: Playbook, site: Site) -> Iterator[Problem]:
    listed = set(playbook.principles)
    for index, step in enumerate(playbook.steps):
        if not step.suggestions:
            yield Problem(
                f"step `{step.id}` has no suggested line",
                site.at("steps", index, "id"),
                "add at least one line under `suggestions:` for the agent to start from",
                "no-suggestion",
                "warning",
            )
        if step.principle not in listed:
            yield Problem(
                f"principle `{step.principle}` is not in the playbook's `principles` list",
                site.at("steps", index, "principle"),
                f"add `{step.principle}` to `principles:` at the top",
                "principle-not-listed",
                "info",
            )


# --- templates -------------------------------------------------------------------------


def _names_everywhere(playbook: Playbook) -> set[str]:
    names: set[str] = set()
    for _path, source, is_condition in template_fields(playbook):
        try:
            names |= samples.names(source, is_condition)
        except Exception:
            continue
    return names


def _templates(
    playbook: Playbook, site: Site, broken: set[str | None], checker: Checker | None
) -> Iterator[Problem]:
    inputs = {spec.name for spec in playbook.inputs}
    questions = {question.id: question for question in playbook.questions()}
    asked_at = {step.question.id: step.id for step in playbook.steps if step.question is not None}
    known = inputs | set(questions) | set(DEFAULT_NAMESPACE) | set(DERIVED)
    answered = flow.Flow(playbook).answered_before()
    context = samples.context(playbook)
    used: set[str] = set()
    for path, source, is_condition in template_fields(playbook):
        where = site.at(*path)
        if where.field in broken:
            continue
        try:
            names = samples.names(source, is_condition)
            unsafe = samples.unsafe(source, is_condition)
        except Exception:
            continue
        used |= names
        clean = True
        for attribute in unsafe:
            clean = False
            yield Problem(
                f"the sandbox refuses `{attribute}`",
                where,
                "templates may only use the inputs and answers, not Python internals",
                "sandbox",
            )
        for name in sorted(names - known):
            clean = False
            yield Problem(
                f"`{name}` is neither an input nor a question id",
                where,
                "declare it under `inputs:` or fix the spelling",
                "undefined-variable",
            )
        available = answered.get(_owner(playbook, path), set())
        for name in sorted((names & set(questions)) - available):
            yield Problem(
                f"`{name}` may not be answered yet here: it is asked at step "
                f"`{asked_at[name]}`, which not every path visits before this",
                where,
                "use it only in steps after the question, or ask the question earlier",
                "answer-order",
                "warning",
            )
        if not clean:
            continue
        problem, text = _render(source, is_condition, context, where)
        if problem is not None:
            yield problem
        elif checker is not None and not is_condition and path[-2:-1] == ("suggestions",):
            for principle, severity, message, hint in checker(text, None):
                yield Problem(
                    f"suggestion breaks `{principle}`: {message}",
                    where,
                    hint,
                    "breaks-principle",
                    "error" if severity == "error" else "warning",
                )
    yield from _unused_inputs(playbook, site, used)


def _owner(playbook: Playbook, path: FieldPath) -> str:
    """The step a template belongs to, or `end` for the draft and checklist."""
    if path[0] == "steps" and isinstance(path[1], int):
        return playbook.steps[path[1]].id
    return END


def _render(
    source: str, is_condition: bool, context: dict[str, object], where: Location
) -> tuple[Problem | None, str]:
    try:
        return None, samples.text(source, context, is_condition)
    except RecoveryError as exc:
        first = exc.problems[0]
        rule = "sandbox" if "sandbox" in first.message else "render"
        message = f"with sample values: {first.message}"
        return Problem(message, where, first.hint, rule), ""


def _unused_inputs(playbook: Playbook, site: Site, used: set[str]) -> Iterator[Problem]:
    if used & {"greeting", "first_name", "full_name"}:
        used = used | {"customer_name"}  # the names derived from it
    for index, spec in enumerate(playbook.inputs):
        if spec.name in used or spec.name in CONTEXT_INPUTS:
            continue
        standard = spec.name in STANDARD_INPUTS
        yield Problem(
            f"input `{spec.name}` is declared but no template or condition uses it",
            site.at("inputs", index, "name"),
            "use it in a line or remove it, so the agent is not asked for nothing",
            "unused-input",
            "info" if standard else "warning",
        )


def principle_checker() -> Checker | None:
    """`recovery check` as a lint rule, when the checks module is there and loads."""
    import importlib

    try:
        check = importlib.import_module("recovery_cli.checks.checker").check
        check("Thank you.", name=None, opening=False)  # loads the rules, once
    except (ImportError, AttributeError, RecoveryError):
        return None  # a broken checks file is reported when it is validated

    def run(text: str, name: str | None) -> list[tuple[str, str, str, str | None]]:
        return [
            (finding.principle, finding.severity, finding.message, finding.hint)
            for finding in check(text, name=name, opening=False)
        ]

    return run
