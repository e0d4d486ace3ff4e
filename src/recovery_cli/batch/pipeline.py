"""Running a batch: rows read, drafted on an engine, written in input order.

`run` streams an input through `draft.draft_row`, a chunk of rows at a time, on an
engine (`engines`: this process, local processes or a Dask cluster); results are written
in input order as they come back. Where they go, and how an interrupted run resumes, is
`outputs`' and `checkpoint`'s business.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.engines import CHUNK, chunks, make_engine
from recovery_cli.batch.outputs import Outputs
from recovery_cli.batch.rows import Item, Line, Row, RowSource
from recovery_cli.batch.writers import Formats, OutputFormat, Writer, rejects_format


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
    rejects_fmt: OutputFormat | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = False,
    progress: Progress | None = None,
    chunk_size: int = CHUNK,
) -> Summary:
    """Stream every row of `source` through `draft_row` into `outputs`, on `engine`.

    On Ctrl-C the checkpoint is saved and KeyboardInterrupt propagates; on completion
    the part files are renamed into place. Rejects are written in `rejects_fmt`, by
    default as `writers.rejects_format` says for `fmt`.
    """
    columns, items = first_columns(source)
    context.check_columns(columns)
    formats = Formats(fmt, rejects_fmt or rejects_format(fmt))
    header, reject_header = (
        Writer(fmt, context.keep).header(),
        Writer(formats.rejects).reject_header(),
    )
    discarded = outputs.start(header, reject_header, resume=resume)
    state = outputs.state
    done = state.rows
    if done:
        items = (item for item in items if item.row > done)
    try:
        drafting = make_engine(
            context, formats, engine=engine, workers=workers, scheduler=scheduler
        ).map(chunks(items, chunk_size))
        for last, chunk in drafting:
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
