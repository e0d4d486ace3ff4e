"""One row in, one record out: the whole of a batch's work per row, as a pure function.

`draft_row(context, row_number, row)` depends only on its arguments: a `BatchContext`
(built once, picklable) and the row as a mapping of column to value. That is what lets
`recovery batch` fan rows out to worker processes, and a Dask bag or a Spark
`mapPartitions` call the same function on a dataset that does not fit on one machine
(see docs/batch.md). A row never raises: whatever goes wrong becomes a `Rejection` with a
reason, so the counts always add up. `draft_rows` gives the same outcomes for a chunk of
rows, in passes that keep the processor's caches warm; `recovery batch` drafts that way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.presets import lookup
from recovery_cli.batch.record import Outcome, Record, Rejection, Triaged
from recovery_cli.batch.rows import Item, Line, Malformed
from recovery_cli.checks.claims import claim_findings, length_findings
from recovery_cli.errors import RecoveryError
from recovery_cli.listen import Reading, inputs_for, read
from recovery_cli.listen.answers import HeardAnswer, heard_answers
from recovery_cli.playbook.inputs import Resolved, resolve_specs
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.reply import Reply
from recovery_cli.text import clean, is_clean


def draft_row(context: BatchContext, row_number: int, row: Mapping[str, object]) -> Outcome:
    """The record for one input row (1-based `row_number`); never raises.

    Scenario: the context's, else the row's `scenario`, else triage of its text. Inputs
    come from columns of the same name (after `mapping`); answers to a playbook's
    questions from columns named by question id, else the playbook's defaults (listed in
    the record's `assumptions`). Each step takes its first suggestion; the draft is then
    checked like `recovery check` does.
    """
    return draft_rows(context, [(row_number, row)])[0]


def draft_rows(
    context: BatchContext, rows: Sequence[tuple[int, Mapping[str, object]]]
) -> list[Outcome]:
    """`draft_row` for each of some (row number, row) pairs: the same outcomes, in order.

    The work goes in three passes: every row's message is read, then every draft made,
    then every draft checked. Each pass runs far less code than the three together, so
    the processor keeps it, and its tables, in its caches from one row to the next: about
    a tenth less CPU a row. Nothing passes from one row to another but the memos, whose
    results do not depend on order, and whatever a pass raises for a row becomes that
    row's rejection, as in one pass.
    """
    readings: list[_Read | Exception] = []
    for _, row in rows:
        try:
            readings.append(_read_row(context, row))
        except Exception as exc:  # reported in the row's turn in the next pass
            readings.append(exc)
    drafted: list[Outcome | _Unchecked] = []
    for (row_number, row), first in zip(rows, readings, strict=True):
        try:
            if isinstance(first, Exception):
                raise first
            drafted.append(_draft(context, row_number, row, first))
        except Exception as exc:  # one odd row must not stop a million
            drafted.append(_failed(row_number, row, exc))
    outcomes: list[Outcome] = []
    for (row_number, row), second in zip(rows, drafted, strict=True):
        if not isinstance(second, _Unchecked):
            outcomes.append(second)
            continue
        try:
            outcomes.append(_check(context, second))
        except Exception as exc:  # as above
            outcomes.append(_failed(row_number, row, exc))
    return outcomes


def _failed(row_number: int, row: Mapping[str, object], exc: Exception) -> Rejection:
    """The rejection for what went wrong with a row."""
    if isinstance(exc, RecoveryError):  # the playbook, not the row: a template that fails
        return _rejected(row_number, row, exc.describe(), "playbook-error")
    reason = f"unexpected error: {type(exc).__name__}: {exc}"
    return _rejected(row_number, row, reason, "internal-error")


class _Read(NamedTuple):
    """A row after the first pass: its values under their input names, the scenario it
    names (or the context's), its message, and what was read from it."""

    fields: dict[str, str]
    scenario: str
    text: str
    reading: Reading | None


def _read_row(context: BatchContext, row: Mapping[str, object]) -> _Read:
    fields = _fields(context, row)
    scenario = context.scenario or fields.get("scenario", "").strip()
    text = fields.get(context.text_column) or ""
    # What the row's columns give need not be read from the message (a column wins).
    columns = [name for name in _COLUMN_WINS if fields.get(name, "").strip()]
    triage = None if scenario else context.triage
    reading = (
        read(text, triage, known=columns, read_routine=False, guesses=False)
        if text.strip()
        else None
    )
    return _Read(fields, scenario, text, reading)


def _draft(
    context: BatchContext, row_number: int, row: Mapping[str, object], first: _Read
) -> Outcome | _Unchecked:
    fields, scenario, text, reading = first
    row_id = fields.get("id")
    triaged: Triaged | None = None
    if not scenario:
        if context.triage is None or reading is None:
            reason = f"no scenario, and no message to triage in `{context.text_column}`"
            return _rejected(row_number, row, reason, "missing-input")
        if not reading.supported:
            return Record(
                row_number, row_id, "unsupported", language=reading.language,
                kept=_kept(context, row),
            )  # fmt: skip
        verdict = reading.triage
        assert verdict is not None  # read() classifies a supported message when given triage
        triaged = Triaged(verdict.score, list(verdict.evidence))
        if verdict.scenario is None:
            return Record(
                row_number, row_id, "routine", category=verdict.category, triage=triaged,
                kept=_kept(context, row),
            )  # fmt: skip
        scenario = verdict.scenario
    playbook = context.playbooks.get(scenario)
    if playbook is None:
        known = ", ".join(sorted(context.playbooks)) or "none"
        reason = f"no playbook `{scenario}` (known: {known})"
        return _rejected(row_number, row, reason, "unknown-scenario")
    given = {name for name, value in fields.items() if value.strip()}
    filled: set[str] = set()
    if reading is not None:  # a column always wins over what the message says
        offered = inputs_for(
            reading,
            playbook,
            specs=context.specs[scenario],
            meanings=context.meanings[scenario],
        )
        for name, value in offered.items():
            if name not in given:
                fields[name] = value
                filled.add(name)
    try:
        resolved = resolve_specs(context.specs[scenario], fields)
        answers = _answers(playbook, fields)
    except RecoveryError as exc:
        return _rejected(row_number, row, exc.message, "invalid-value")
    heard: dict[str, HeardAnswer] = {}  # a column's answer wins over the message
    if reading is not None and reading.supported:
        heard = {
            question: each
            for question, each in heard_answers(text, playbook, reading.facts).items()
            if question not in answers
        }
        answers.update({question: each.answer for question, each in heard.items()})
    if resolved.missing:
        names = ", ".join(spec.name for spec in resolved.missing)
        return _rejected(row_number, row, f"missing required input: {names}", "missing-input")
    values = resolved.values
    walked = context.plans[scenario].run(
        values, answers, defaulted=resolved.defaulted, agent=context.agent
    )
    reply = walked.reply
    record = Record(
        row_number,
        row_id,
        "drafted",
        scenario=playbook.id,
        category=playbook.category,
        triage=triaged,
        channel=reply.channel,
        draft=reply.text,
        script=list(reply.script),
        findings=[],  # the checks' pass fills them in (`_check`)
        path=walked.path,
        checklist=walked.checklist,
        assumptions=[assumption.to_json() for assumption in walked.assumptions],
        answers_read={question: each.to_json() for question, each in heard.items()},
        facts={name: fact.to_json() for name, fact in reading.facts.items()} if reading else {},
        sources={name: _source(name, given, filled, resolved) for name in values},
        kept=_kept(context, row),
    )
    return _Unchecked(record, reply, values.get("customer_name") or None)


class _Unchecked(NamedTuple):
    """A draft after the second pass: its record, whose findings the third pass adds, the
    reply, and the customer's name (which the checks look for in it)."""

    record: Record
    reply: Reply
    name: str | None


def _check(context: BatchContext, unchecked: _Unchecked) -> Record:
    """The third pass for one draft: the principle, claim and length checks. The record is
    still this module's own, so its findings list is filled where it is."""
    record, reply, name = unchecked
    record.findings.extend(
        [
            *context.checker.check(reply.text, name=name),
            *claim_findings(reply.text),
            *length_findings(reply.channel, reply.text, reply.too_long()),
        ]
    )
    return record


_COLUMN_WINS = ("severity", "channel")
"""What `read` can skip working out when the row's own column gives it."""


def _source(name: str, given: set[str], filled: set[str], resolved: Resolved) -> str:
    """Where an input's value came from: the row, the message, the playbook, or nowhere."""
    if name in given:
        return "given"
    if name in filled:
        return "read"
    if name in resolved.defaulted:
        return "default"
    return "empty"


def _answers(playbook: Playbook, fields: Mapping[str, str]) -> dict[str, str]:
    """Answers the row gives to the playbook's questions; a wrong one is the row's fault."""
    answers: dict[str, str] = {}
    for question in playbook.questions():
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


def _fields(context: BatchContext, row: Mapping[str, object]) -> dict[str, str]:
    """The row's values under their input names, cleaned of control characters: its own
    columns, then what the help desk's preset finds, then `--map` (any capitals, or a
    dotted path into a JSON row)."""
    fields: dict[str, str] = {str(column): _tidy(value) for column, value in row.items()}
    if context.preset is not None:
        fields.update({name: _tidy(value) for name, value in context.preset.apply(row).items()})
    if context.mapping:
        columns = {str(key).lower(): key for key in row}
        for path, name in context.mapping.items():
            found = next(iter(lookup(row, columns, path)), None)
            if found is not None:
                fields[name] = _tidy(found)
    return fields


def _tidy(value: object) -> str:
    """A cell as clean text: other engines hand over None, numbers, dates and objects."""
    if type(value) is not str:
        value = (
            ""
            if value is None
            else json.dumps(value)
            if isinstance(value, dict | list)
            else str(value)
        )
    return value if is_clean(value) else clean(value)


def _kept(context: BatchContext, row: Mapping[str, object]) -> dict[str, str]:
    """The columns carried into the record unchanged (`--keep`, and the preset's)."""
    if not context.keep:
        return {}
    columns = {str(key).lower(): key for key in row}
    found = {}
    for path in context.keep:
        value = next(iter(lookup(row, columns, path)), None)
        found[path] = _tidy(value)
    return found


def _rejected(row_number: int, row: Mapping[str, object], reason: str, kind: str) -> Rejection:
    return Rejection(row_number, reason, kind, dict(row))


def outcome_for(context: BatchContext, item: Item) -> Outcome:
    """`draft_row` for a row that was read, a rejection for one that could not be."""
    return outcomes_for(context, [item])[0]


def outcomes_for(context: BatchContext, items: Sequence[Item]) -> list[Outcome]:
    """`outcome_for` each item, in order; the rows that were read go through `draft_rows`
    together."""
    parsed = [item.parse() if isinstance(item, Line) else item for item in items]
    rows = [item for item in parsed if not isinstance(item, Malformed)]
    drafted = iter(draft_rows(context, [(row.row, row.fields) for row in rows]))
    outcomes: list[Outcome] = []
    for item in parsed:
        if isinstance(item, Malformed):
            text, raw = item.original()
            outcomes.append(Rejection(item.row, item.reason, item.kind, text, item.line, raw))
            continue
        outcome = next(drafted)
        if isinstance(outcome, Rejection):
            outcome = Rejection(
                outcome.row, outcome.reason, outcome.kind, outcome.original, item.line
            )
        outcomes.append(outcome)
    return outcomes
