"""A chunk of rows is drafted in passes (read every message, make every draft, check every
draft), which must give each row exactly what drafting it on its own gives, and keep a
failure in any pass to its own row."""

from __future__ import annotations

import pytest

from recovery_cli.batch import draft as draft_module
from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.draft import draft_row, draft_rows
from recovery_cli.batch.record import Record, Rejection
from recovery_cli.errors import RecoveryError
from recovery_cli.library import Library

ROWS = [
    {"id": "a", "message": "My sofa was promised for Friday and still hasn't arrived. Dana"},
    {"id": "b", "scenario": "billing-problem", "message": "You charged me twice, order 4410."},
    {"id": "c", "message": "What are your opening hours?"},
    {"id": "d", "message": "Hola, mi pedido no ha llegado todavía y estoy muy enfadada."},
    {"id": "e", "message": ""},
    {"id": "f", "scenario": "no-such-playbook", "message": "Where is my parcel?"},
    {"id": "g", "message": "The engineer damaged my kitchen worktop on Monday. Priya Patel"},
]


@pytest.fixture(scope="module")
def context() -> BatchContext:
    return BatchContext.from_library(Library.configured())


def numbered(rows: list[dict[str, str]]) -> list[tuple[int, dict[str, str]]]:
    return list(enumerate(rows, 1))


def test_passes_give_each_row_what_drafting_it_alone_gives(context: BatchContext) -> None:
    together = draft_rows(context, numbered(ROWS))
    alone = [draft_row(context, number, row) for number, row in numbered(ROWS)]
    assert together == alone
    assert [type(outcome) for outcome in together] == [
        Record, Record, Record, Record, Rejection, Rejection, Record,
    ]  # fmt: skip


@pytest.mark.parametrize("where", ["_read_row", "_draft", "_check"])
def test_a_failure_in_any_pass_rejects_only_its_row(
    context: BatchContext, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    original = getattr(draft_module, where)

    def failing(*args: object) -> object:
        if any(isinstance(arg, dict) and arg.get("id") == "g" for arg in args) or (
            where == "_check" and "Priya" in str(args[-1])
        ):
            raise KeyError("boom")
        return original(*args)

    monkeypatch.setattr(draft_module, where, failing)
    outcomes = draft_rows(context, numbered(ROWS))
    rejected = outcomes[-1]
    assert isinstance(rejected, Rejection)
    assert rejected.kind == "internal-error"
    assert rejected.reason == "unexpected error: KeyError: 'boom'"
    assert rejected.original == ROWS[-1]
    assert all(isinstance(outcome, Record) for outcome in outcomes[:4])


def test_a_playbook_error_in_a_pass_is_reported_as_one(
    context: BatchContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*args: object) -> object:
        raise RecoveryError("the template does not render")

    monkeypatch.setattr(draft_module, "_check", failing)
    outcome = draft_rows(context, numbered(ROWS[:1]))[0]
    assert isinstance(outcome, Rejection)
    assert outcome.kind == "playbook-error"
    assert "the template does not render" in outcome.reason
