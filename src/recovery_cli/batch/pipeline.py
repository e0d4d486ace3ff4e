"""Running a batch: rows in input order on one or more processes, and surviving Ctrl-C.

`run` streams an input through `draft.draft_row`, a chunk of rows at a time, on worker
processes that each set the context up once; results are written in input order, with
only a few chunks in flight, so memory stays flat however long the input is. Where the
results go, and how an interrupted run resumes, is `checkpoint`'s business.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import NamedTuple

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.draft import outcome_for
from recovery_cli.batch.outputs import Outputs
from recovery_cli.batch.record import Rejection
from recovery_cli.batch.rows import Item, Line, Row, RowSource
from recovery_cli.batch.writers import OutputFormat, Writer
from recovery_cli.errors import RecoveryError

CHUNK = 256
"""Rows per task sent to a worker: large enough that the hand-over costs little."""


class Result(NamedTuple):
    """One row's outcome as written: its status, the kind of rejection, and the text."""

    status: str
    kind: str
    text: str


_worker: tuple[BatchContext, Writer, Writer] | None = None


def _start_worker(context: BatchContext, fmt: OutputFormat) -> None:
    """Set a worker up once: the context and compiled templates stay for every chunk."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and saves
    context.warm()
    _worker = (context, Writer(fmt, context.keep), rejects_writer(fmt))


def rejects_writer(fmt: OutputFormat) -> Writer:
    """Rejects come in the output's format when it is a table (CSV, TSV), so a team that
    re-imports the drafts can open both the same way; otherwise as JSON lines."""
    return Writer(fmt if fmt in (OutputFormat.csv, OutputFormat.tsv) else OutputFormat.jsonl)


def _work(chunk: Sequence[Item]) -> list[Result]:
    assert _worker is not None
    return _chunk(*_worker, chunk)


def _chunk(
    context: BatchContext, writer: Writer, rejects: Writer, chunk: Iterable[Item]
) -> list[Result]:
    results: list[Result] = []
    for item in chunk:
        outcome = outcome_for(context, item)
        if isinstance(outcome, Rejection):
            results.append(Result("rejected", outcome.kind, rejects.rejection(outcome)))
        else:
            results.append(Result(outcome.status, "", writer.record(outcome)))
    return results


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def results(
    context: BatchContext,
    items: Iterable[Item],
    fmt: OutputFormat,
    *,
    workers: int = 1,
    chunk_size: int = CHUNK,
) -> Iterator[tuple[int, list[Result]]]:
    """(last row number, results) per chunk, in input order, on `workers` processes.

    At most a few chunks per worker are in flight, so memory stays flat however fast the
    input can be read.
    """
    if workers <= 1:
        context.warm()
        writer, rejects = Writer(fmt, context.keep), rejects_writer(fmt)
        for chunk in _chunks(items, chunk_size):
            yield chunk[-1].row, _chunk(context, writer, rejects, chunk)
        return
    window: deque[tuple[int, Future[list[Result]]]] = deque()
    pool = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(context, fmt))
    try:
        for chunk in _chunks(items, chunk_size):
            window.append((chunk[-1].row, pool.submit(_work, chunk)))
            if len(window) >= workers * 3:
                last, future = window.popleft()
                yield last, future.result()
        while window:
            last, future = window.popleft()
            yield last, future.result()
    except BrokenProcessPool:
        raise RecoveryError(
            "a worker process died (out of memory?); the checkpoint is kept",
            hint="run the same command with --resume, perhaps with fewer --workers",
            exit_code=3,
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class Summary:
    """The counts at the end of a run; `read` always equals the other four added."""

    read: int
    drafted: int
    routine: int
    unsupported: int
    rejected: int
    kinds: dict[str, int]
    resumed: int = 0
    """Rows already done by the interrupted run this one resumed."""
    discarded: bool = False
    """An interrupted run's checkpoint was dropped because --resume was not given."""

    def to_json(self) -> dict[str, object]:
        return {
            "read": self.read, "drafted": self.drafted, "routine": self.routine,
            "unsupported": self.unsupported, "rejected": self.rejected,
            "rejected_by_kind": dict(self.kinds), "resumed": self.resumed,
        }  # fmt: skip


Progress = Callable[[int, int], None]
"""Called after each chunk with (rows done, bytes of input read)."""


def run(
    context: BatchContext,
    source: RowSource,
    outputs: Outputs,
    fmt: OutputFormat,
    *,
    workers: int = 1,
    resume: bool = False,
    progress: Progress | None = None,
    chunk_size: int = CHUNK,
) -> Summary:
    """Stream every row of `source` through `draft_row` into `outputs`.

    On Ctrl-C the checkpoint is saved and KeyboardInterrupt propagates; on completion
    the part files are renamed into place.
    """
    columns, items = first_columns(source)
    context.check_columns(columns)
    header, reject_header = Writer(fmt, context.keep).header(), rejects_writer(fmt).reject_header()
    discarded = outputs.start(header, reject_header, resume=resume)
    state = outputs.state
    done = state.rows
    if done:
        items = (item for item in items if item.row > done)
    try:
        for last, chunk in results(context, items, fmt, workers=workers, chunk_size=chunk_size):
            for status, kind, text in chunk:
                outputs.write(status, kind, text)
            outputs.mark(last)
            if progress is not None:
                progress(last, source.position())
    except BaseException:
        outputs.suspend()
        raise
    outputs.finish()
    read = state.drafted + state.routine + state.unsupported + state.rejected
    return Summary(
        read, state.drafted, state.routine, state.unsupported, state.rejected,
        dict(state.kinds), done, discarded,
    )  # fmt: skip


def first_columns(source: RowSource) -> tuple[list[str] | None, Iterable[Item]]:
    """The input's columns (a CSV header, or a JSON row's first fields) and all its items."""
    items = source.items()
    if source.columns is not None:
        return source.columns, items
    first = next(items, None)
    if first is None:
        return None, iter(())
    parsed = first.parse() if isinstance(first, Line) else first
    columns = list(parsed.fields) if isinstance(parsed, Row) else None
    return columns, itertools.chain([first], items)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
