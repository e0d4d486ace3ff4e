"""Cross-references a playbook must get right before it can run at all.

The models check the shape of each field; this checks what one field says about another:
ids are unique, every `next` and branch names a step, answers are among the choices, the
principles exist and every template compiles. Each problem carries the path of the field
(`steps[3].branches.yes`) so the loader can point at its line and column.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import NamedTuple

from recovery_cli.documents import Place
from recovery_cli.errors import FieldPath, Problem
from recovery_cli.playbook.inputs import STANDARD_INPUTS, effective_inputs, placeholders
from recovery_cli.playbook.models import END, Playbook
from recovery_cli.playbook.render import syntax_problem


class Finding(NamedTuple):
    """A problem before it is located: the field it is in, what is wrong, a hint, its rule."""

    path: FieldPath
    message: str
    hint: str | None
    rule: str


def problems(
    playbook: Playbook, place: Place, principle_ids: set[str] | None = None
) -> list[Problem]:
    """Every cross-reference problem in the playbook, grouped by rule, each located."""
    found = [
        *_duplicate_ids(playbook),
        *_references(playbook),
        *_questions(playbook),
        *_principles(playbook, principle_ids),
        *_templates(playbook),
        *_placeholders(playbook),
    ]
    return [Problem(message, place.at(*path), hint, rule) for path, message, hint, rule in found]


def _duplicate_ids(playbook: Playbook) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, step in enumerate(playbook.steps):
        if step.id == END:
            yield Finding(
                ("steps", index, "id"),
                "`end` is reserved for finishing",
                "rename the step",
                "duplicate-id",
            )
        if step.id in seen:
            yield Finding(
                ("steps", index, "id"),
                f"duplicate step id `{step.id}`",
                "step ids are unique",
                "duplicate-id",
            )
        seen.add(step.id)
    names: set[str] = set()
    for index, spec in enumerate(playbook.inputs):
        if spec.name in names:
            yield Finding(
                ("inputs", index, "name"),
                f"input `{spec.name}` is declared twice",
                None,
                "duplicate-id",
            )
        names.add(spec.name)
    asked: set[str] = set()
    for index, step in enumerate(playbook.steps):
        if step.question is None:
            continue
        where: FieldPath = ("steps", index, "question", "id")
        if step.question.id in names:
            yield Finding(
                where,
                f"question `{step.question.id}` has the name of an input",
                "rename it",
                "duplicate-id",
            )
        if step.question.id in asked:
            yield Finding(
                where, f"question id `{step.question.id}` is used twice", None, "duplicate-id"
            )
        asked.add(step.question.id)


def _references(playbook: Playbook) -> Iterator[Finding]:
    known = {step.id for step in playbook.steps} | {END}
    listing = ", ".join(sorted(known))
    for index, step in enumerate(playbook.steps):
        if step.next is not None and step.next not in known:
            yield Finding(
                ("steps", index, "next"),
                f"`next` names unknown step `{step.next}`",
                f"use one of: {listing}",
                "unknown-step",
            )
        for answer, target in step.branches.items():
            if target not in known:
                yield Finding(
                    ("steps", index, "branches", answer),
                    f"branch `{answer}` goes to unknown step `{target}`",
                    f"use one of: {listing}",
                    "unknown-step",
                )


def _questions(playbook: Playbook) -> Iterator[Finding]:
    for index, step in enumerate(playbook.steps):
        question = step.question
        if question is None:
            if step.branches:
                yield Finding(
                    ("steps", index, "branches"),
                    "`branches` without a `question` can never be taken",
                    "add a question whose answers are the branch keys, or use `next`",
                    "choices-branches",
                )
            continue
        if question.default not in question.choices:
            yield Finding(
                ("steps", index, "question", "default"),
                f"default `{question.default}` is not one of the choices",
                f"use one of: {', '.join(question.choices)}",
                "choices-branches",
            )
        for field, given in (("heard", question.heard), ("read", question.read)):
            for answer in given:
                if answer not in question.choices:
                    yield Finding(
                        ("steps", index, "question", field, answer),
                        f"`{field}` names `{answer}`, which is not an answer to `{question.id}`",
                        f"the answers are: {', '.join(question.choices)}",
                        "choices-branches",
                    )
        for answer, phrases in question.heard.items():
            for number, phrase in enumerate(phrases):
                if phrase.endswith("..."):
                    yield Finding(
                        ("steps", index, "question", "heard", answer, number),
                        f"`{phrase}` ends with `...`, which stands for words between two others",
                        "end the phrase with a word, or leave the `...` out",
                        "choices-branches",
                    )
        for answer, name in question.read.items():
            if name not in STANDARD_INPUTS:
                close = difflib.get_close_matches(name, STANDARD_INPUTS, n=1, cutoff=0.7)
                yield Finding(
                    ("steps", index, "question", "read", answer),
                    f"`{name}` is not a standard input, so nothing reads it from a message",
                    (f"did you mean `{close[0]}`? " if close else "")
                    + f"the standard inputs: {', '.join(sorted(STANDARD_INPUTS))}",
                    "choices-branches",
                )
        for answer in step.branches:
            if answer not in question.choices:
                yield Finding(
                    ("steps", index, "branches", answer),
                    f"branch `{answer}` is not an answer to `{question.id}`",
                    f"the answers are: {', '.join(question.choices)}",
                    "choices-branches",
                )


def _principles(playbook: Playbook, principle_ids: set[str] | None) -> Iterator[Finding]:
    if principle_ids is None:
        return
    hint = "see `principles.yaml` for the ids"
    for index, principle in enumerate(playbook.principles):
        if principle not in principle_ids:
            yield Finding(
                ("principles", index),
                f"unknown principle `{principle}`",
                hint,
                "unknown-principle",
            )
    for index, step in enumerate(playbook.steps):
        if step.principle not in principle_ids:
            yield Finding(
                ("steps", index, "principle"),
                f"unknown principle `{step.principle}`",
                hint,
                "unknown-principle",
            )


def _placeholders(playbook: Playbook) -> Iterator[Finding]:
    """A default that names another input (`{item} arrived damaged`) must name one declared
    before it, with a plain default of its own: the sentence then reads whole whatever was
    read, and an agent is asked for the thing before the sentence that names it."""
    specs = effective_inputs(playbook)
    before: dict[str, str | None] = {}
    for index, spec in enumerate(specs):
        for name in placeholders(spec.default):
            path: FieldPath = ("inputs", index, "default")
            if name not in before:
                declared = any(other.name == name for other in specs)
                yield Finding(
                    path,
                    f"the default names `{{{name}}}`, "
                    + ("which is declared after it" if declared else "which is no input here"),
                    f"declare `{name}` before `{spec.name}`"
                    if declared
                    else "name an input the playbook declares, such as `{item}`",
                    "placeholder",
                )
            elif not before[name] or placeholders(before[name]):
                yield Finding(
                    path,
                    f"the default names `{{{name}}}`, which has no plain default of its own",
                    f"give `{name}` a default such as `your order`, so the sentence reads whole",
                    "placeholder",
                )
        before[spec.name] = spec.default


def _templates(playbook: Playbook) -> Iterator[Finding]:
    hint = "check the `{{ }}` and `{% %}` pairs"
    for path, source, is_condition in template_fields(playbook):
        error = syntax_problem(source, condition=is_condition)
        if error:
            kind = "condition" if is_condition else "template"
            yield Finding(path, f"{kind} does not compile: {error}", hint, "template-syntax")


def template_fields(playbook: Playbook) -> Iterator[tuple[FieldPath, str, bool]]:
    """Every template and condition with its field path; True marks a condition."""
    draft = playbook.draft
    for name in ("opening", "closing", "chat_closing", "social", "confirmation"):
        template = getattr(draft, name)
        if template:
            yield ("draft", name), template, False
    for index, step in enumerate(playbook.steps):
        if step.when:
            yield ("steps", index, "when"), step.when, True
        for number, suggestion in enumerate(step.suggestions):
            yield ("steps", index, "suggestions", number), suggestion, False
        for number, short in enumerate(step.chat):
            yield ("steps", index, "chat", number), short, False
        if step.commitment:
            yield ("steps", index, "commitment"), step.commitment, False
    for index, item in enumerate(playbook.checklist):
        yield ("checklist", index, "do"), item.do, False
        if item.when:
            yield ("checklist", index, "when"), item.when, True
