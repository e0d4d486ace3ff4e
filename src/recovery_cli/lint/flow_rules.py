"""Lint rules on a playbook's flow: every step reachable, every loop escapable, every path
ending with something to send, every question doing something."""

from __future__ import annotations

from collections.abc import Iterator

from recovery_cli.documents import Place
from recovery_cli.errors import Problem
from recovery_cli.lint.registry import rule
from recovery_cli.playbook.flow import Flow
from recovery_cli.playbook.models import END, Playbook
from recovery_cli.playbook.render import names_used


def flow_problems(playbook: Playbook, place: Place) -> Iterator[Problem]:
    yield from _reachability(playbook, place)
    yield from _choices(playbook, place)
    yield from _steps(playbook, place)


def _reachability(playbook: Playbook, place: Place) -> Iterator[Problem]:
    graph = Flow(playbook)
    reached = graph.reachable()
    for index, step in enumerate(playbook.steps):
        if step.id not in reached:
            yield rule("unreachable-step").problem(
                f"step `{step.id}` cannot be reached: no branch or `next` leads to it",
                place.at("steps", index, "id"),
                "add a branch or `next` that goes to it, or remove the step",
            )
    trapped = graph.trapped()
    if trapped:
        steps = ", ".join(f"`{step_id}`" for step_id in trapped)
        yield rule("loop-no-exit").problem(
            f"loop with no way out: from {steps} no path reaches `end`",
            place.at("steps", graph.index[trapped[0]], "id"),
            "give one of these steps a branch or `next` that leaves the loop",
        )
    for conditional in (False, True):
        path = graph.path_without_draft(conditional)
        if path is not None:
            shown = " -> ".join([*path, END])
            why = " when `when:` conditions skip steps" if conditional else ""
            yield rule("path-without-draft").problem(
                f"a path ends with no line for the draft{why}: {shown}",
                place.at("steps", graph.index[path[0]] if path else 0, "id"),
                "put a step with suggestions and `in_draft: true` on this path",
                "warning" if conditional else "error",
            )
            break


def _choices(playbook: Playbook, place: Place) -> Iterator[Problem]:
    used = names_everywhere(playbook)
    for index, step in enumerate(playbook.steps):
        question = step.question
        if question is None:
            continue
        if step.branches:
            following = playbook.next_after(index)
            for answer in question.choices:
                if answer not in step.branches:
                    yield rule("choices-branches").problem(
                        f"answer `{answer}` of `{question.id}` has no branch; "
                        f"it goes on to `{following}`",
                        place.at("steps", index, "branches"),
                        f"add `{answer}: {following}` under `branches` if that is meant",
                        "warning",
                    )
        elif question.id not in used:
            yield rule("unused-answer").problem(
                f"question `{question.id}` has no branches and its answer is never used",
                place.at("steps", index, "question", "id"),
                "add `branches`, use the answer in a template or condition, or remove it",
            )


def _steps(playbook: Playbook, place: Place) -> Iterator[Problem]:
    listed = set(playbook.principles)
    for index, step in enumerate(playbook.steps):
        if not step.suggestions:
            yield rule("no-suggestion").problem(
                f"step `{step.id}` has no suggested line",
                place.at("steps", index, "id"),
                "add at least one line under `suggestions:` for the agent to start from",
            )
        if step.principle not in listed:
            yield rule("principle-not-listed").problem(
                f"principle `{step.principle}` is not in the playbook's `principles` list",
                place.at("steps", index, "principle"),
                f"add `{step.principle}` to `principles:` at the top",
            )


def names_everywhere(playbook: Playbook) -> set[str]:
    """Every name any template or condition of the playbook reads (broken ones skipped)."""
    from recovery_cli.playbook.integrity import template_fields

    names: set[str] = set()
    for _path, source, is_condition in template_fields(playbook):
        try:
            names |= names_used(source, condition=is_condition)
        except Exception:  # a template that does not parse is reported on its own
            continue
    return names
