"""`recovery batch`: a draft for every row of a ticket export, losing none.

Only options, the progress bar and the summary live here; the work is
`recovery_cli.batch` (reading rows, drafting each, the pipeline, writers, checkpoints).
Exit codes: 0 when every row was drafted or routine, 1 when any row was rejected (see
the rejects file), 2 for bad options or an unreadable input, 130 when interrupted (the
checkpoint is saved; `--resume` continues).
"""

from __future__ import annotations

import json
import time
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from recovery_cli.cli import EXIT_FINDINGS, EXIT_INTERRUPTED, EXIT_OK, app
from recovery_cli.cli.common import ListFormat, Playbooks, library
from recovery_cli.text import shorten

if TYPE_CHECKING:
    from recovery_cli.batch.outputs import Outputs
    from recovery_cli.batch.pipeline import Progress, Summary


class Engine(StrEnum):
    local = "local"
    dask = "dask"


@app.command("batch")
def batch_command(
    input: str = typer.Argument(
        ..., help="CSV, TSV or JSON lines file, or - for standard input.", metavar="INPUT"
    ),
    out: str = typer.Option(
        ...,
        "--out",
        "-o",
        help="Where the drafts go (.jsonl, .csv, .md), or - for standard output.",
        metavar="FILE",
    ),
    input_format: str | None = typer.Option(
        None,
        "--input-format",
        help="csv, tsv or jsonl (default: from INPUT's name).",
        metavar="csv|tsv|jsonl",
    ),
    format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="jsonl, csv, tsv or md (default: from OUTPUT's name).",
        metavar="jsonl|csv|tsv|md",
    ),
    preset: str | None = typer.Option(
        None,
        "--preset",
        metavar="NAME|FILE",
        help="A help desk's export: zendesk, freshdesk, intercom, helpscout, or a preset file.",
    ),
    map: list[str] | None = typer.Option(
        None,
        "--map",
        metavar="COLUMN=INPUT",
        help="COLUMN=INPUT: read an input from a column (any capitals) or a JSON path.",
        show_default=False,
    ),
    keep: list[str] | None = typer.Option(
        None,
        "--keep",
        metavar="COLUMN",
        help="Carry a column into the output unchanged, for re-import (repeatable).",
        show_default=False,
    ),
    scenario: str | None = typer.Option(
        None, "--scenario", "-s", help="Use this playbook for every row (no triage).", metavar="ID"
    ),
    text_column: str = typer.Option(
        "message",
        "--text-column",
        help="The column triage reads when a row has no scenario.",
        metavar="COLUMN",
    ),
    rejects: str | None = typer.Option(
        None,
        "--rejects",
        help="Rows that could not be drafted (default: OUTPUT.rejects.*).",
        metavar="FILE",
    ),
    agent: str | None = typer.Option(
        None, "--agent", metavar="NAME", help="Who signs the drafts (default: voice.yaml)."
    ),
    workers: int | None = typer.Option(
        None,
        "--workers",
        "-j",
        min=1,
        max=256,
        help="Processes to use (default: all cores).",
        metavar="N",
    ),
    engine: Engine = typer.Option(
        Engine.local, "--engine", help="local (processes on this machine) or dask (a cluster)."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: an existing cluster's scheduler (tcp://host:8786); "
        "default: a local cluster.",
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Continue an interrupted run of the same command."
    ),
    summary_format: ListFormat = typer.Option(
        ListFormat.text, "--summary", help="How the counts are reported: text or json."
    ),
    playbooks: Playbooks = None,
) -> None:
    """Draft a reply for every row of a ticket export, checked, in input order.

    Each row gets the playbook its `scenario` column (or --scenario) names, or the one
    triage picks from its message; rows that read as routine requests are written with no
    draft. Rows that cannot be drafted go to the rejects file with the reason.
    """
    from recovery_cli.batch import BatchContext, rows, writers
    from recovery_cli.batch.job import Job, Stopped, run_job
    from recovery_cli.batch.presets import load_preset

    mapping = _mapping(map or [])
    help_desk = load_preset(preset) if preset else None
    lib = library(playbooks)
    job = Job(
        input=input,
        out=out,
        rejects=rejects,
        input_format=rows.InputFormat(_choice(input_format, rows.InputFormat, "--input-format"))
        if input_format
        else None,
        output_format=writers.OutputFormat(_choice(format, writers.OutputFormat, "--format"))
        if format
        else None,
        workers=workers,
        engine=engine.value,
        scheduler=scheduler,
        resume=resume,
        preset_format=rows.InputFormat(help_desk.format)
        if help_desk and help_desk.format
        else None,
        reads=lib.sources(),
    )

    def prepare() -> BatchContext:
        return BatchContext.from_library(
            lib, scenario=scenario, mapping=mapping, text_column=text_column,
            agent=agent, preset=help_desk, keep=keep or [],
        )  # fmt: skip

    bars: list[_ProgressBar] = []

    def progress(total: int | None) -> Progress | None:
        """A progress bar on standard error when it is a terminal; nothing otherwise."""
        from recovery_cli.cli import console

        if not console.err.is_terminal:
            return None
        bars.append(_ProgressBar(total))
        return bars[-1].__enter__()

    try:
        summary, outputs = run_job(job, prepare, progress)
    except Stopped as stop:
        from recovery_cli.cli import console

        again = "Run the same command with --resume to continue." if stop.resumable else ""
        console.err.print(console.plain(f"\n{stop} and saved. {again}".rstrip()))
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        for bar in bars:
            bar.__exit__()
    _report(summary, outputs, summary_format)
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
                f"--map {shorten(pair)!r} is not COLUMN=INPUT",
                hint="e.g. --map client=customer_name",
            )
        mapping[column.strip()] = name.strip()
    return mapping


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
        # Redrawn on each update, with no thread of its own: worker processes are forked
        # from this one, and a fork must not happen while another thread holds a lock.
        self.bar = Bar(*columns, console=console.err, transient=True, auto_refresh=False)
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
        self.bar.refresh()


def _report(summary: Summary, outputs: Outputs, fmt: ListFormat) -> None:
    """The counts (which always add up) and where things went, on standard error."""
    from recovery_cli.cli import console
    from recovery_cli.cli.common import print_json

    if fmt is ListFormat.json:
        data = {**summary.to_json(), "drafts": outputs.output.name,
                "rejects": outputs.rejects.name}  # fmt: skip
        if outputs.output.path is None:
            console.err.print(console.plain(json.dumps(data)))
        else:
            print_json(data)
        return
    line = (
        f"read {summary.read:,} rows: {summary.drafted:,} drafted, "
        f"{summary.routine:,} routine, "
        + (f"{summary.unsupported:,} in another language, " if summary.unsupported else "")
        + f"{summary.rejected:,} rejected"
    )
    if summary.resumed:
        line += f" ({summary.resumed:,} done before the interruption)"
    if summary.discarded:
        note = "note: started again from the first row; --resume would have continued the run"
        console.err.print(console.plain(note + " that was interrupted"), style="dim")
    console.err.print(console.plain(line))
    console.err.print(console.plain(f"drafts: {outputs.output.name}"))
    if summary.rejected:
        kinds = ", ".join(f"{count:,} {kind}" for kind, count in sorted(summary.kinds.items()))
        console.err.print(
            console.plain(f"rejects: {outputs.rejects.name} ({kinds})"), style="yellow"
        )
