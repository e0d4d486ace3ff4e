"""Trainers' tests for playbooks: given these facts and answers, this path and this draft.

A trainer who rewords a line or moves a branch wants to know at once that the playbook
still does what it did: the agent still reaches the step for a partner who can rush, and
the draft still owns the problem. Tests live beside the playbooks as `<id>.test.yaml`:

    scenario: outsourced-delay        # optional; defaults to the file name
    tests:
      - name: the partner can rush it
        inputs: {customer_name: Dana, severity: high}
        answers: {partner_can_rush: rush}
        picks: {empathise: 2}          # suggestion number, or a line the agent typed
        expect:
          path: [listen, empathise, own, expedite, high-stakes, follow-up]
          draft_contains: ["Dana"]
          draft_not_contains: ["the lab did it"]
          checklist_contains: ["Update Dana"]

Each case runs the same scripted walk as `recovery run --no-input`; nothing is mocked.
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from recovery_cli import documents
from recovery_cli.documents import build, read_document
from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.library import is_test_file
from recovery_cli.playbook.models import Identifier, Slug, StepId, Strict

Status = Literal["passed", "failed", "error"]


class Expect(Strict):
    """What a case must produce; every part is optional."""

    path: list[StepId] | None = Field(
        default=None, description="The step ids visited, in order, exactly."
    )
    draft_contains: list[str] = Field(
        default_factory=list, description="Phrases that must appear in the draft."
    )
    draft_not_contains: list[str] = Field(
        default_factory=list, description="Phrases that must not appear in the draft."
    )
    checklist_contains: list[str] = Field(
        default_factory=list, description="Phrases that must appear in some checklist item."
    )
    checklist_not_contains: list[str] = Field(
        default_factory=list, description="Phrases that must appear in no checklist item."
    )


class Case(Strict):
    """One scripted walk and what it must produce."""

    name: str = Field(min_length=1, description="What the case shows, in a few words.")
    scenario: Slug | None = Field(default=None, description="Overrides the file's scenario.")
    inputs: dict[Identifier, str | int | float | bool] = Field(default_factory=dict)
    answers: dict[Identifier, Identifier] = Field(
        default_factory=dict, description="Question id -> answer; unanswered take the default."
    )
    picks: dict[StepId, int | str] = Field(
        default_factory=dict,
        description="Step id -> suggestion number (from 1) or a typed line; default 1.",
    )
    expect: Expect


class Suite(Strict):
    """The contents of a `<id>.test.yaml` file."""

    scenario: Slug | None = Field(default=None, description="Default: the file name's id.")
    tests: list[Case] = Field(min_length=1)


@dataclass
class Outcome:
    """The result of one case: passed, failed (with why) or an error (could not run)."""

    name: str
    file: str
    location: Location
    status: Status
    details: list[str] = field(default_factory=list)


def suite_problems(data: Any, positions: documents.Positions, source: str) -> list[Problem]:
    """Format problems of a parsed test file (for `recovery validate`)."""
    try:
        build(Suite, data, positions, source, "test file")
    except RecoveryError as exc:
        return exc.problems
    return []


def suite_files(paths: Iterable[Path]) -> list[Path]:
    """Test files named, or found under the folders named, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.test.y*ml") if is_test_file(p)))
        elif path.is_file():
            found.append(path)
        else:
            raise RecoveryError(f"{path} does not exist", location=Location(str(path)))
    return list(dict.fromkeys(found))


def run_file(path: Path, find: Callable[[str], Any]) -> list[Outcome]:
    """Run every case in one test file; `find(scenario)` returns a loaded playbook."""
    source = str(path)
    try:
        data, positions = read_document(path)
        suite = build(Suite, data, positions, source, "test file")
    except RecoveryError as exc:
        first = exc.problems[0]
        details = [problem.describe() for problem in exc.problems]
        return [Outcome(path.name, source, first.location, "error", details)]
    default = suite.scenario or path.name.split(".", 1)[0]
    outcomes: list[Outcome] = []
    for index, case in enumerate(suite.tests):
        where = documents.locate(("tests", index, "name"), positions, source)
        try:
            playbook = find(case.scenario or default)
            details = run_case(case, playbook, source)
        except RecoveryError as exc:
            outcomes.append(Outcome(case.name, source, where, "error", [exc.describe()]))
            continue
        status: Status = "failed" if details else "passed"
        outcomes.append(Outcome(case.name, source, where, status, details))
    return outcomes


def run_case(case: Case, playbook: Any, source: str = "") -> list[str]:
    """Walk the playbook as the case says; the differences from `expect` (empty: pass)."""
    from recovery_cli.playbook.inputs import resolve
    from recovery_cli.playbook.walk import run_scripted

    _check_references(case, playbook)
    supplied = {name: _text(value) for name, value in case.inputs.items()}
    resolved = resolve(playbook, supplied)
    values = resolved.values
    if resolved.missing:
        names = ", ".join(spec.name for spec in resolved.missing)
        raise RecoveryError(f"required input(s) missing: {names}", hint="add them under `inputs:`")
    walk = run_scripted(
        playbook, values, case.answers, case.picks, source=playbook.id,
        defaulted=resolved.defaulted,
    )  # fmt: skip
    draft = walk.draft()
    checklist = walk.checklist()
    return explain(case.expect, walk.path(), draft, checklist)


def explain(expect: Expect, path: list[str], draft: str, checklist: list[str]) -> list[str]:
    """Each way the actual walk differs from the expected one, as short diff-like blocks."""
    details: list[str] = []
    if expect.path is not None and expect.path != path:
        lines = ["path differs (- expected, + actual):"]
        for line in difflib.ndiff(expect.path, path):
            if not line.startswith("?"):
                lines.append("  " + line.rstrip())
        details.append("\n".join(lines))
    flat = _flat(draft)
    wrong = [f"draft does not contain {p!r}" for p in expect.draft_contains if _flat(p) not in flat]
    wrong += [f"draft contains {p!r}" for p in expect.draft_not_contains if _flat(p) in flat]
    if wrong:
        details.append("\n".join(wrong) + "; the draft is:\n" + _quote(draft))
    items = [_flat(item) for item in checklist]
    for phrase in expect.checklist_contains:
        if not any(_flat(phrase) in item for item in items):
            shown = "\n".join(f"  | - {item}" for item in checklist) or "  | (empty)"
            details.append(f"no checklist item contains {phrase!r}; the checklist is:\n{shown}")
    for phrase in expect.checklist_not_contains:
        found = [raw for raw, item in zip(checklist, items, strict=True) if _flat(phrase) in item]
        if found:
            details.append(f"a checklist item contains {phrase!r}: {found[0]!r}")
    return details


def _check_references(case: Case, playbook: Any) -> None:
    """Misspelt inputs, questions, answers or steps would make a test pass for nothing."""
    declared = {spec.name for spec in playbook.inputs}
    questions = {question.id: question for question in playbook.questions()}
    steps = {step.id for step in playbook.steps}
    problems: list[str] = []
    for name in case.inputs:
        if name not in declared:
            problems.append(f"input `{name}` is not declared by `{playbook.id}`")
    for question_id, answer in case.answers.items():
        if question_id not in questions:
            problems.append(f"`{playbook.id}` has no question `{question_id}`")
        elif answer not in questions[question_id].choices:
            choices = ", ".join(questions[question_id].choices)
            problems.append(f"`{answer}` is not an answer to `{question_id}` ({choices})")
    for step_id in case.picks:
        if step_id not in steps:
            problems.append(f"`picks` names unknown step `{step_id}`")
    for step_id in case.expect.path or []:
        if step_id not in steps:
            problems.append(f"`expect.path` names unknown step `{step_id}`")
    if problems:
        raise RecoveryError(
            "; ".join(problems), hint=f"see `recovery show {playbook.id}` for its names"
        )


def _text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _quote(text: str) -> str:
    return "\n".join(f"  | {line}" for line in text.splitlines()) or "  | (empty)"


@dataclass
class SuiteRun:
    """The outcome of every case in every test file, in order, and how long it took."""

    files: list[tuple[Path, list[Outcome]]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def outcomes(self) -> list[Outcome]:
        return [outcome for _, outcomes in self.files for outcome in outcomes]

    def count(self, status: Status) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)

    @property
    def ok(self) -> bool:
        """Every case passed (an empty run is not ok: nothing was shown to work)."""
        return bool(self.outcomes) and all(o.status == "passed" for o in self.outcomes)

    def to_json(self) -> dict[str, object]:
        return {
            "passed": self.count("passed"),
            "failed": self.count("failed"),
            "errors": self.count("error"),
            "seconds": round(self.seconds, 3),
            "cases": [
                {
                    "file": outcome.file,
                    "line": outcome.location.line,
                    "name": outcome.name,
                    "status": outcome.status,
                    "details": list(outcome.details),
                }
                for outcome in self.outcomes
            ],
        }


def run_suites(paths: Sequence[Path], library_dirs: Sequence[Path]) -> SuiteRun:
    """Run the test files named (or found under the folders named, else the library's).

    A test file's folder is searched for playbooks too, so a trainer's folder of playbooks
    and their tests works as it is; `library_dirs` are the folders of the active library.
    """
    from recovery_cli.library import Library

    folders = [path if path.is_dir() else path.parent for path in paths]
    library = Library(list(dict.fromkeys(folder.resolve() for folder in [*library_dirs, *folders])))
    files = suite_files(paths or [folder for folder in library_dirs if folder.is_dir()])
    started = time.perf_counter()
    run = SuiteRun()
    for file in files:
        run.files.append((file, run_file(file, library.playbook)))
    run.seconds = time.perf_counter() - started
    return run
