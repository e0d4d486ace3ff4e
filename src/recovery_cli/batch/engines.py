"""Where a batch's rows are drafted: in this process, on local processes, or on Dask.

Every engine takes chunks of rows in input order and gives back, in the same order, each
chunk's results as text ready to write: the parent only reads, hands over and writes.
Only a few chunks per worker are in flight at once, so memory stays flat however long the
input. The per-row work is always `draft.outcome_for` (a chunk at a time: `outcomes_for`)
with a `BatchContext` set up once per worker, so every engine writes the same records, in
the same order, with the same rejects.

- `Inline`: one process, no hand-over (`--workers 1`).
- `Processes`: a pool of local processes (`--workers N`, the default).
- `Dask`: a Dask cluster (`--engine dask`): a local one, or the one at `--scheduler
  tcp://host:8786`. The context is sent to every worker once; the workers need
  `recovery-cli` installed (`pip install 'recovery-cli[dask]'`).
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, NamedTuple, Protocol

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.draft import outcomes_for
from recovery_cli.batch.record import Rejection
from recovery_cli.batch.rows import Item
from recovery_cli.batch.writers import Formats, Writer
from recovery_cli.errors import RecoveryError
from recovery_cli.listen import compile_rules

CHUNK = 64
"""Rows per task sent to a worker. A worker holds a chunk's rows and results at once, and the
parent holds `IN_FLIGHT` chunks a worker: on a million rows with two workers, 64 rows a
chunk peaked at 144 MB for all processes (proportional set sizes), 256 at 152, for about 5%
more CPU a row; one process pays it too, so it is not the hand-over."""
IN_FLIGHT = 3
"""Chunks in flight per worker: enough to keep every worker busy, few enough to stay flat."""


class Result(NamedTuple):
    """One row's outcome as written: its status, the kind of rejection, and the text."""

    status: str
    kind: str
    text: str


def draft_chunk(context: BatchContext, formats: Formats, chunk: Sequence[Item]) -> list[Result]:
    """The results of one chunk of rows: the whole of a worker's job."""
    writer, rejects = _writers(context, formats)
    results: list[Result] = []
    for outcome in outcomes_for(context, chunk):
        if isinstance(outcome, Rejection):
            results.append(Result("rejected", outcome.kind, rejects.rejection(outcome)))
        else:
            results.append(Result(outcome.status, "", writer.record(outcome)))
    return results


_WRITERS: dict[tuple[int, Formats], tuple[Writer, Writer]] = {}


def _writers(context: BatchContext, formats: Formats) -> tuple[Writer, Writer]:
    """A worker's writers, made once per context and formats (they keep a reusable buffer)."""
    key = (id(context), formats)
    found = _WRITERS.get(key)
    if found is None:
        found = _WRITERS[key] = (Writer(formats.output, context.keep), Writer(formats.rejects))
    return found


def chunks(items: Iterable[Item], size: int = CHUNK) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Engine(Protocol):
    """Drafts chunks of rows, giving back (last row number, results) in input order."""

    def map(self, batches: Iterable[list[Item]]) -> Iterator[tuple[int, list[Result]]]: ...


class Inline:
    """Every row in this process: the simplest engine, and the reference for the others.

    Once the context is ready, `gc.freeze` sets its objects (playbooks, compiled patterns,
    the learnt counts) aside from the collector: a chunk's passes keep hundreds of rows'
    objects alive at once, which brings full collections, and each would walk all of
    them again (37 µs a row of collecting cut to 12)."""

    def __init__(self, context: BatchContext, formats: Formats) -> None:
        self.context, self.formats = context, formats
        context.warm()

    def map(self, batches: Iterable[list[Item]]) -> Iterator[tuple[int, list[Result]]]:
        gc.collect()
        gc.freeze()
        try:
            for chunk in batches:
                yield chunk[-1].row, draft_chunk(self.context, self.formats, chunk)
        finally:
            gc.unfreeze()


_worker: tuple[BatchContext, Formats] | None = None


def _start_worker(context: BatchContext, formats: Formats) -> None:
    """Set a worker process up once: the context and compiled templates stay."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and saves
    context.warm()
    _worker = (context, formats)


def _work(chunk: Sequence[Item]) -> list[Result]:
    assert _worker is not None
    return draft_chunk(*_worker, chunk)


def ordered(
    submit: Any, batches: Iterable[list[Item]], window: int
) -> Iterator[tuple[int, list[Result]]]:
    """Submit chunks as fast as results are taken, `window` at most in flight, and give
    the results back in input order."""
    pending: deque[tuple[int, Any]] = deque()
    for chunk in batches:
        pending.append((chunk[-1].row, submit(chunk)))
        if len(pending) >= window:
            last, future = pending.popleft()
            yield last, future.result()
    while pending:
        last, future = pending.popleft()
        yield last, future.result()


class Processes:
    """A pool of local worker processes, each set up once.

    Where it is safe to fork (Linux, and no other thread in this process that could be
    holding a lock), the context is made ready here and the workers are forked from this
    process, so they share its playbooks, compiled templates and patterns (every clause rule
    compiled here first) instead of each building a copy; `gc.freeze` keeps the collector
    from touching (and so copying) the pages of those objects in every worker.
    """

    def __init__(self, context: BatchContext, formats: Formats, workers: int) -> None:
        self.workers = workers
        self.forked = sys.platform == "linux" and threading.active_count() == 1
        if self.forked:
            context.warm()
            compile_rules()  # shared by every forked worker; one process compiles on first use
            gc.collect()
            gc.freeze()
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork") if self.forked else None,
            initializer=_start_worker,
            initargs=(context, formats),
        )

    def map(self, batches: Iterable[list[Item]]) -> Iterator[tuple[int, list[Result]]]:
        try:
            yield from ordered(self._submit, batches, self.workers * IN_FLIGHT)
        except BrokenProcessPool:
            raise RecoveryError(
                "a worker process died (out of memory?); the checkpoint is kept",
                hint="run the same command with --resume, perhaps with fewer --workers",
                exit_code=3,
            ) from None
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
            if self.forked:
                gc.unfreeze()

    def _submit(self, chunk: list[Item]) -> Future[list[Result]]:
        return self.pool.submit(_work, chunk)


class Dask:
    """A Dask cluster: a local one with `workers` processes, or the one at `scheduler`."""

    def __init__(
        self, context: BatchContext, formats: Formats, workers: int, scheduler: str | None
    ) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise RecoveryError(
                "the Dask engine needs Dask's distributed scheduler",
                hint="pip install 'recovery-cli[dask]'",
            ) from None
        self.cluster: Any = None
        try:
            if scheduler is None:
                self.cluster = LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True,
                    dashboard_address=None,
                )  # fmt: skip
                self.client = Client(self.cluster)
            else:
                self.client = Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise RecoveryError(
                f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}",
                hint="check the address (tcp://host:8786) and that the scheduler is running",
            ) from None
        self.formats = formats
        self.width = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        context.warm()
        self.context = self.client.scatter(context, broadcast=True)

    def map(self, batches: Iterable[list[Item]]) -> Iterator[tuple[int, list[Result]]]:
        try:
            yield from ordered(self._submit, batches, self.width * IN_FLIGHT)
        finally:
            self.close()

    def _submit(self, chunk: list[Item]) -> Any:
        return self.client.submit(draft_chunk, self.context, self.formats, chunk, pure=False)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(
    context: BatchContext,
    formats: Formats,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
) -> Engine:
    """The engine asked for: `local` (inline for one worker) or `dask`."""
    if engine == "dask":
        return Dask(context, formats, workers, scheduler)
    if scheduler is not None:
        raise RecoveryError("--scheduler goes with --engine dask", hint="add --engine dask")
    if workers <= 1:
        return Inline(context, formats)
    return Processes(context, formats, workers)
