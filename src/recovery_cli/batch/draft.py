"""Batch drafts: one pure function from a row to a record, and the pipeline around it.

`draft_row(context, row_number, row)` is the whole of the per-row work. It depends only
on its arguments: a `BatchContext` (the loaded playbooks, a compiled `Triage`, a compiled
`Checker` and the run's options, built once and picklable) and the row as a mapping of
column to text. That is what lets `recovery batch` fan rows out to worker processes, and
what lets a Dask bag or a Spark `mapPartitions` call the same function on a dataset that
does not fit on one machine (see docs/batch.md). A row never raises: whatever goes wrong
becomes a rejected `Outcome` with a reason, so the counts always add up.

`run` streams an input through that function, in order, on one or more processes, into
part files that become the output only when the run completes (see `checkpoint`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from recovery_cli.batch.plan import Plan
from recovery_cli.batch.rows import Item, Line, Malformed
from recovery_cli.errors import RecoveryError
from recovery_cli.playbook import render
from recovery_cli.playbook.inputs import STANDARD_INPUTS, effective_inputs, resolve_specs
from recovery_cli.playbook.models import Input, Playbook
from recovery_cli.text import INVISIBLE, clean

if TYPE_CHECKING:
    from recovery_cli.library import Library

Status = Literal["drafted", "routine", "rejected"]
RESERVED = ("id", "scenario")
"""Columns with a meaning of their own: the row's id (carried) and its scenario."""


class Verdict(Protocol):
    """What triage says of one message (see `recovery_cli.triage.TriageResult`)."""

    @property
    def scenario(self) -> str | None: ...
    @property
    def category(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def evidence(self) -> list[str]: ...


class Classifier(Protocol):
    def classify(self, text: str) -> Verdict: ...


class Finding(Protocol):
    def to_json(self) -> dict[str, object]: ...


class ReplyChecker(Protocol):
    def check(self, text: str, *, name: str | None = None) -> Sequence[Finding]: ...


@dataclass(frozen=True)
class Outcome:
    """What became of one row: its status and the record for the output or the rejects."""

    status: Status
    record: dict[str, object]
    kind: str = ""
    """For a rejected row, the sort of reason (`missing-input`, `malformed`, ...)."""


@dataclass
class BatchContext:
    """Everything `draft_row` needs, built once per run and once per worker process.

    `mapping` renames input columns (column -> input name); `scenario` forces one
    playbook for every row; `text_column` is what triage reads when a row names no
    scenario. `triage` may be None when `scenario` is set.
    """

    playbooks: dict[str, Playbook]
    checker: ReplyChecker
    triage: Classifier | None = None
    scenario: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    text_column: str = "message"
    specs: dict[str, list[Input]] = field(init=False, repr=False)
    plans: dict[str, Plan] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Merging input specs is pydantic work and plans compile templates: once, not per row.
        self.specs = {key: effective_inputs(book) for key, book in self.playbooks.items()}
        self.plans = {key: Plan(book) for key, book in self.playbooks.items()}

    @classmethod
    def from_library(
        cls,
        library: Library,
        *,
        scenario: str | None = None,
        mapping: Mapping[str, str] | None = None,
        text_column: str = "message",
    ) -> BatchContext:
        """Load and compile a library for a batch; a broken playbook stops it here."""
        from recovery_cli.checks.checker import Checker
        from recovery_cli.triage import Triage

        # The library's folders, --playbooks included, may each extend the checks.
        checks = library.checks_files()

        if scenario is not None:
            playbooks = {scenario: library.playbook(scenario)}
            triage = None
        else:
            loaded = library.playbooks()
            if library.problems:
                raise RecoveryError(
                    "some playbooks do not load; fix them or leave their folder out",
                    problems=library.problems,
                )
            playbooks = {playbook.id: playbook for playbook in loaded}
            triage = Triage.from_library(library)
        context = cls(
            playbooks=playbooks,
            checker=Checker.load(checks or None),
            triage=triage,
            scenario=scenario,
            mapping=dict(mapping or {}),
            text_column=text_column,
        )
        context.check_mapping()
        return context

    def input_names(self) -> set[str]:
        """Every name a column may map to: standard inputs, declared inputs, question ids."""
        names = set(STANDARD_INPUTS) | set(RESERVED)
        for scenario, playbook in self.playbooks.items():
            names.update(spec.name for spec in self.specs[scenario])
            names.update(question.id for question in playbook.questions())
        return names

    def check_mapping(self) -> None:
        known = self.input_names()
        for column, name in self.mapping.items():
            if name not in known:
                raise RecoveryError(
                    f"--map {column}={name}: no playbook has an input called `{name}`",
                    hint="map to one of: " + ", ".join(sorted(known)),
                )

    def check_columns(self, columns: Sequence[str] | None) -> None:
        """Mistakes a header reveals before any row is read (CSV and TSV only)."""
        if not columns:  # JSON lines have no header; an empty file has no rows
            return
        for column in self.mapping:
            if column not in columns:
                raise RecoveryError(
                    f"--map names the column `{column}`, which the input does not have",
                    hint="the columns are: " + ", ".join(columns),
                )
        named = set(columns) | set(self.mapping.values())
        if self.scenario is None and "scenario" not in named and self.text_column not in named:
            raise RecoveryError(
                f"the input has no `scenario` column and no `{self.text_column}` column to triage",
                hint="give --scenario ID, or --text-column with the column holding the message",
            )

    def fingerprint(self) -> dict[str, object]:
        """What a checkpoint must match to resume: the playbooks' content and the options."""
        playbooks = {
            key: hashlib.sha256(playbook.model_dump_json().encode()).hexdigest()
            for key, playbook in sorted(self.playbooks.items())
        }
        return {
            "playbooks": playbooks,
            "scenario": self.scenario,
            "mapping": self.mapping,
            "text_column": self.text_column,
        }

    def warm(self) -> None:
        """Compile every template now, so the first rows are not slower than the rest."""
        for playbook in self.playbooks.values():
            for step in playbook.steps:
                for text in step.suggestions[:1]:
                    render.syntax_problem(text)
            for template in (playbook.draft.opening, playbook.draft.closing):
                if template:
                    render.syntax_problem(template)


def draft_row(context: BatchContext, row_number: int, row: Mapping[str, object]) -> Outcome:
    """The record for one input row (1-based `row_number`); never raises.

    Scenario: the context's, else the row's `scenario`, else triage of its text. Inputs
    come from columns of the same name (after `mapping`); answers to a playbook's
    questions from columns named by question id, else the playbook's defaults. Each step
    takes its first suggestion; the draft is then checked like `recovery check` does.
    """
    try:
        return _draft(context, row_number, row)
    except RecoveryError as exc:  # the playbook, not the row: a template that fails
        return _rejected(row_number, row, exc.describe(), "playbook-error")
    except Exception as exc:  # one odd row must not stop a million
        reason = f"unexpected error: {type(exc).__name__}: {exc}"
        return _rejected(row_number, row, reason, "internal-error")


def _draft(context: BatchContext, row_number: int, row: Mapping[str, object]) -> Outcome:
    fields = _fields(row, context.mapping)
    record: dict[str, object] = {"row": row_number, "id": fields.get("id")}
    scenario = context.scenario or fields.get("scenario", "").strip()
    triaged: dict[str, object] | None = None
    if not scenario:
        text = fields.get(context.text_column) or ""
        if context.triage is None or not text.strip():
            reason = f"no scenario, and no message to triage in `{context.text_column}`"
            return _rejected(row_number, row, reason, "missing-input")
        verdict = context.triage.classify(text)
        triaged = {"score": verdict.score, "evidence": list(verdict.evidence)}
        if verdict.scenario is None:
            record.update(
                scenario=None,
                category=verdict.category,
                triage=triaged,
                draft=None,
                findings=[],
                path=[],
                checklist=[],
            )
            return Outcome("routine", record)
        scenario = verdict.scenario
    playbook = context.playbooks.get(scenario)
    if playbook is None:
        known = ", ".join(sorted(context.playbooks)) or "none"
        reason = f"no playbook `{scenario}` (known: {known})"
        return _rejected(row_number, row, reason, "unknown-scenario")
    try:
        values, missing = resolve_specs(context.specs[scenario], fields)
        answers = _answers(playbook, fields)
    except RecoveryError as exc:
        return _rejected(row_number, row, exc.message, "invalid-value")
    if missing:
        names = ", ".join(spec.name for spec in missing)
        return _rejected(row_number, row, f"missing required input: {names}", "missing-input")
    walked = context.plans[scenario].run(values, answers)
    name = values.get("customer_name") or None
    findings = context.checker.check(walked.draft, name=name)
    record.update(
        scenario=playbook.id,
        category=playbook.category,
        triage=triaged,
        draft=walked.draft,
        findings=[finding.to_json() for finding in findings],
        path=walked.path,
        checklist=walked.checklist,
    )
    return Outcome("drafted", record)


def _answers(playbook: Playbook, fields: Mapping[str, str]) -> dict[str, str]:
    """Answers the row gives to the playbook's questions; a wrong one is the row's fault."""
    answers: dict[str, str] = {}
    for step in playbook.steps:
        question = step.question
        if question is None:
            continue
        answer = fields.get(question.id, "").strip().lower()
        if not answer:
            continue
        if answer not in question.choices:
            raise RecoveryError(
                f"`{answer}` is not an answer to `{question.id}` "
                f"(one of: {', '.join(question.choices)})"
            )
        answers[question.id] = answer
    return answers


def _fields(row: Mapping[str, object], mapping: Mapping[str, str]) -> dict[str, str]:
    """The row's values under their input names, cleaned of control characters."""
    fields: dict[str, str] = {}
    for column, value in row.items():
        if type(value) is not str:  # other engines hand over None, numbers, dates
            value = "" if value is None else str(value)
        if INVISIBLE.search(value):
            value = clean(value)
        fields[str(column)] = value
    for column, name in mapping.items():
        if column in fields:
            fields[name] = fields[column]
    return fields


def _rejected(row_number: int, row: Mapping[str, object], reason: str, kind: str) -> Outcome:
    record = {"row": row_number, "reason": reason, "kind": kind, "original": dict(row)}
    return Outcome("rejected", record, kind)


def outcome_for(context: BatchContext, item: Item) -> Outcome:
    """`draft_row` for a row that was read, a rejection for one that could not be."""
    if isinstance(item, Line):
        item = item.parse()
    if isinstance(item, Malformed):
        record: dict[str, object] = {"row": item.row, "line": item.line}
        record.update(reason=item.reason, kind=item.kind, **item.original())
        return Outcome("rejected", record, item.kind)
    outcome = draft_row(context, item.row, item.fields)
    if outcome.status == "rejected":
        record = outcome.record
        return Outcome("rejected", {"row": item.row, "line": item.line, **record}, outcome.kind)
    return outcome
