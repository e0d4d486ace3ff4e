"""`recovery batch`: a draft for every row of a ticket export, losing none.

Only options, the progress bar and the summary live here; the work is
`recovery_cli.batch` (reading rows, drafting each, the pipeline, writers, checkpoints).
Exit codes: 0 when every row was drafted or routine, 1 when any row was rejected (see
the rejects file), 2 for bad options or an unreadable input, 130 when interrupted (the
checkpoint is saved; `--resume` continues).
"""

from __future__ import annotations

import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import typer

from recovery_cli.cli import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, app
from recovery_cli.cli.common import Playbooks, library

if TYPE_CHECKING:
    from recovery_cli.batch import BatchContext, OutputFormat, RowSource
    from recovery_cli.batch.checkpoint import Outputs
    from recovery_cli.batch.pipeline import Progress, Summary


@app.command("batch")
def batch_command(
    input: str = typer.Argument(..., help="CSV, TSV or JSON lines file, or - for standard input."),
    out: Path = typer.Option(..., "--out", "-o", help="Where the drafts go (.jsonl, .csv, .md)."),
    input_format: str | None = typer.Option(
        None, "--input-format", help="csv, tsv or jsonl (default: from INPUT's name)."
    ),
    format: str | None = typer.Option(
        None, "--format", "-f", help="jsonl, csv, tsv or md (default: from OUTPUT's name)."
    ),
    map: list[str] | None = typer.Option(
        None,
        "--map",
        metavar="COLUMN=INPUT",
        help="COLUMN=INPUT: read an input from a column of another name.",
        show_default=False,
    ),
    scenario: str | None = typer.Option(
        None, "--scenario", "-s", help="Use this playbook for every row (no triage)."
    ),
    text_column: str = typer.Option(
        "message", "--text-column", help="The column triage reads when a row has no scenario."
    ),
    rejects: Path | None = typer.Option(
        None, "--rejects", help="Rows that could not be drafted (default: OUTPUT.rejects.jsonl)."
    ),
    workers: int | None = typer.Option(
        None, "--workers", "-j", min=1, max=256, help="Processes to use (default: all cores)."
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run of the same command."
    ),
    playbooks: Playbooks = None,
) -> None:
    """Draft a reply for every row of a ticket export, checked, in input order.

    Each row gets the playbook its `scenario` column (or --scenario) names, or the one
    triage picks from its message; rows that read as routine requests are written with no
    draft. Rows that cannot be drafted go to the rejects file with the reason.
    """
    from recovery_cli.batch import BatchContext, checkpoint, pipeline, rows, writers
    from recovery_cli.errors import RecoveryError

    in_fmt = rows.InputFormat(
        _choice(input_format, rows.InputFormat, "--input-format")
        if input_format
        else rows.input_format_for(input)
    )
    out_fmt = writers.OutputFormat(
        _choice(format, writers.OutputFormat, "--format")
        if format
        else writers.output_format_for(out.name)
    )
    rejects = rejects or pipeline.default_rejects(out)
    if rejects.resolve() == out.resolve():
        raise RecoveryError("--rejects and --out name the same file", hint="give them two names")
    source_path = None if input == "-" else Path(input)
    if source_path is not None:
        for other in (out, rejects):
            if other.resolve() == source_path.resolve():
                raise RecoveryError(f"{other} is the input: pick another name for the output")
    mapping = _mapping(map or [])
    stream = _open(source_path)
    with stream:
        context = BatchContext.from_library(
            library(playbooks), scenario=scenario, mapping=mapping, text_column=text_column
        )
        source = rows.RowSource(stream, in_fmt)
        identity = checkpoint.input_identity(source_path)
        run_id = checkpoint.fingerprint(
            context.fingerprint(), identity, in_fmt.value, out_fmt.value, str(rejects.resolve())
        )
        outputs = checkpoint.Outputs(out, rejects, run_id)
        size = identity.get("size")
        total = size if isinstance(size, int) else None
        summary = _run(context, source, outputs, out_fmt, workers, resume, total)
    _report(summary, out, rejects)
    raise typer.Exit(EXIT_FINDINGS if summary.rejected else EXIT_OK)


def _choice(value: str, enum: type[StrEnum], option: str) -> str:
    from recovery_cli.errors import RecoveryError

    names = [str(member) for member in enum]
    if value.lower() not in names:
        raise RecoveryError(f"{option} must be one of {', '.join(names)}, not {value!r}")
    return value.lower()


def _mapping(pairs: list[str]) -> dict[str, str]:
    from recovery_cli.errors import RecoveryError

    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, name = pair.partition("=")
        if not sep or not column.strip() or not name.strip():
            raise RecoveryError(
                f"--map {pair!r} is not COLUMN=INPUT", hint="e.g. --map client=customer_name"
            )
        mapping[column.strip()] = name.strip()
    return mapping


def _open(path: Path | None) -> BinaryIO:
    from recovery_cli.errors import Location, RecoveryError

    if path is None:
        return sys.stdin.buffer
    try:
        return path.open("rb")
    except OSError as exc:
        raise RecoveryError(
            f"cannot read {path}: {exc.strerror or exc}", location=Location(str(path))
        ) from None


def _run(
    context: BatchContext,
    source: RowSource,
    outputs: Outputs,
    fmt: OutputFormat,
    workers: int | None,
    resume: bool,
    total: int | None,
) -> Summary:
    """Run with a progress bar on a terminal; on Ctrl-C say how to resume and exit 130."""
    from recovery_cli.batch import pipeline
    from recovery_cli.cli import console

    count = workers or pipeline.default_workers()
    try:
        if not console.err.is_terminal:
            return pipeline.run(context, source, outputs, fmt, workers=count, resume=resume)
        with _ProgressBar(total) as progress:
            return pipeline.run(
                context, source, outputs, fmt, workers=count, resume=resume, progress=progress
            )
    except KeyboardInterrupt:
        done = outputs.marked.rows
        console.err.print(
            console.plain(
                f"\ninterrupted after {done:,} rows; the checkpoint is saved. "
                "Run the same command with --resume to continue."
            )
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None


class _ProgressBar:
    """Rich progress on standard error: bytes of input for the bar and ETA, rows per second."""

    def __init__(self, total: int | None) -> None:
        from rich.progress import (
            BarColumn,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as Bar,
        )

        from recovery_cli.cli import console

        columns = [
            TextColumn("drafting"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rows]} rows, {task.fields[rate]} rows/s"),
        ]
        if total:
            columns.append(TimeRemainingColumn())
        self.bar = Bar(*columns, console=console.err, transient=True)
        self.task = self.bar.add_task("batch", total=total, rows="0", rate="-")
        self.started = time.monotonic()

    def __enter__(self) -> Progress:
        self.bar.start()
        return self.update

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def update(self, rows: int, position: int) -> None:
        rate = rows / max(time.monotonic() - self.started, 1e-6)
        self.bar.update(self.task, completed=position, rows=f"{rows:,}", rate=f"{rate:,.0f}")


def _report(summary: Summary, out: Path, rejects: Path) -> None:
    """The counts (which always add up) and where things went, on standard error."""
    from recovery_cli.cli import console

    line = (
        f"read {summary.read:,} rows: {summary.drafted:,} drafted, "
        f"{summary.routine:,} routine, {summary.rejected:,} rejected"
    )
    if summary.resumed:
        line += f" ({summary.resumed:,} done before the interruption)"
    if summary.discarded:
        note = "note: started again from the first row; --resume would have continued the run"
        console.err.print(console.plain(note + " that was interrupted"), style="dim")
    console.err.print(console.plain(line))
    console.err.print(console.plain(f"drafts: {out}"))
    if summary.rejected:
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(summary.kinds.items()))
        console.err.print(console.plain(f"rejects: {rejects} ({kinds})"), style="yellow")
