"""Checking playbooks: their format (`validate`) and whether they work and read well (`lint`).

`validate` finds the files and checks each one's format; `flow_rules`, `template_rules` and
`reply_rules` are the lint rules, each finding carrying a rule from `registry`; `runner`
checks many files at once (in parallel, with `cache`).
"""

from __future__ import annotations

from collections.abc import Iterator

from recovery_cli.documents import Place
from recovery_cli.errors import FieldPath, Problem
from recovery_cli.lint.flow_rules import flow_problems
from recovery_cli.lint.registry import RULES, LintRule, rule
from recovery_cli.lint.reply_rules import reply_problems
from recovery_cli.lint.template_rules import Checker, principle_checker, template_problems
from recovery_cli.lint.validate import Checked

__all__ = ["RULES", "Checked", "Checker", "LintRule", "lint_playbook", "principle_checker"]


def lint_playbook(item: Checked, checker: Checker | None = None) -> list[Problem]:
    """The logic and content findings for one playbook that has the right shape."""
    playbook = item.playbook
    if playbook is None:
        return []
    place = Place(item.source, item.positions)
    broken = {problem.location.field for problem in item.problems}
    found = [
        *flow_problems(playbook, place),
        *template_problems(playbook, place, broken, checker),
    ]
    if not item.problems and not any(problem.severity == "error" for problem in found):
        found.extend(reply_problems(playbook, place))
    found.extend(_todos(playbook.model_dump(exclude_defaults=True), (), place))
    return found


def _todos(data: object, path: FieldPath, place: Place) -> Iterator[Problem]:
    """Text still marked TODO, as `recovery new` leaves it: a reminder, not an error."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _todos(value, (*path, str(key)), place)
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from _todos(value, (*path, number), place)
    elif isinstance(data, str) and "TODO" in data:
        yield rule("todo").problem(
            "text still marked TODO",
            place.at(*path),
            "write the real text, or remove the field if it is optional",
        )
