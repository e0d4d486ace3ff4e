"""Every line the shipped playbooks suggest, and every draft they assemble, passes the checks.

A suggestion is what an agent sends with one keypress, so it must practise what the
principles preach. Each playbook is rendered with its sample values, with every question
answered each way and every input with choices set each way; a single suggestion is checked
as a line within a conversation, and each assembled draft as a whole reply (its opening and
the use of the customer's name included), on every channel it can go out on.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from recovery_cli.checks.checker import Finding, check
from recovery_cli.library import Library
from recovery_cli.playbook.inputs import effective_inputs, sample_values
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.render import render
from recovery_cli.playbook.reply import CHANNELS
from recovery_cli.playbook.voice import Voice, derived
from recovery_cli.playbook.walk import run_scripted

PLAYBOOKS = Library.configured().playbooks()


def contexts(playbook: Playbook) -> Iterator[tuple[dict[str, str], dict[str, str]]]:
    """(values, answers): the samples, then each question answer and input choice in turn."""
    values = sample_values(playbook)
    answers = {question.id: question.default for question in playbook.questions()}
    yield values, answers
    for question in playbook.questions():
        for choice in question.choices:
            yield values, {**answers, question.id: choice}
    for spec in effective_inputs(playbook):
        for choice in spec.choices or []:
            yield {**values, spec.name: choice}, answers


def errors(findings: list[Finding], text: str) -> list[str]:
    return [
        f"{f.check} ({f.principle}) on {text[f.start : f.end]!r}"
        for f in findings
        if f.severity == "error"
    ]


def test_the_shipped_library_has_playbooks_to_check() -> None:
    assert len(PLAYBOOKS) >= 13


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda playbook: playbook.id)
def test_every_suggested_line_passes_the_checks(playbook: Playbook) -> None:
    wrong: dict[str, list[str]] = {}
    for values, answers in contexts(playbook):
        context = {**values, **derived(values, Voice()), **answers}
        for step in playbook.steps:
            for template in [*step.suggestions, *step.chat]:
                line = render(template, context)
                found = errors(check(line, name=values["customer_name"], opening=False), line)
                if found:
                    wrong[f"{step.id}: {line}"] = found
    assert wrong == {}


@pytest.mark.parametrize("playbook", PLAYBOOKS, ids=lambda playbook: playbook.id)
def test_every_assembled_draft_passes_the_checks_as_a_whole_reply(playbook: Playbook) -> None:
    most = max(len(step.suggestions) for step in playbook.steps)
    wrong: dict[str, list[str]] = {}
    for values, answers in contexts(playbook):
        for pick in range(1, most + 1):
            picks = {step.id: min(pick, len(step.suggestions)) or 1 for step in playbook.steps}
            walk = run_scripted(playbook, values, answers, picks)
            name = values["customer_name"]
            for channel in CHANNELS:
                draft = walk.draft(channel)
                findings = check(draft, name=name if channel != "social" else None)
                found = [f for f in findings if f.severity == "error"]
                if channel in {"email", "chat"}:
                    found += [f for f in findings if f.principle == "use-their-name"]
                if found:
                    wrong[draft] = errors(found, draft) or ["the customer's name is never used"]
    assert wrong == {}
