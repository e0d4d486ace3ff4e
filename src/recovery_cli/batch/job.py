"""One batch run, described and checked before a row is read.

`recovery batch` and any program that drafts a whole export describe the run as a `Job`
(the input, where the drafts and the rejects go, the formats and the options) and call
`run_job`. Every mistake in the description is caught first, before anything is written:
an output that is a folder, two outputs with one name, an output that is the input or a
file of the library (under any spelling, a hard link included), or a name taken by
another run's part file, lock or checkpoint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from recovery_cli.batch import checkpoint
from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.outputs import Outputs
from recovery_cli.batch.pipeline import Progress, Summary, default_workers, run
from recovery_cli.batch.rows import InputFormat, RowSource, input_format_for
from recovery_cli.batch.writers import OutputFormat, output_format_for, rejects_format
from recovery_cli.errors import Interrupted, Location, RecoveryError
from recovery_cli.files import refuse_overwriting, same_file

STDIO = "-"
"""The name that means standard input (for the input) or standard output (for `--out`)."""


@dataclass
class Job:
    """A batch run as described: paths as given (`-` for the standard streams)."""

    input: str
    out: str
    rejects: str | None = None
    input_format: InputFormat | None = None
    output_format: OutputFormat | None = None
    workers: int | None = None
    engine: str = "local"
    """`local` (this machine's processes) or `dask` (a Dask cluster)."""
    scheduler: str | None = None
    """With the Dask engine, the address of an existing cluster's scheduler."""
    resume: bool = False
    preset_format: InputFormat | None = None
    """The help desk preset's format, used when the input's name does not say."""
    options: list[str] = field(default_factory=list)
    """Anything else that changes the records, for the checkpoint's fingerprint."""
    reads: dict[Path, str] = field(default_factory=dict)
    """Files the run reads besides its input (the library's), with what each is: no
    output may be written over one."""

    @property
    def input_path(self) -> Path | None:
        return None if self.input == STDIO else Path(self.input)

    @property
    def out_path(self) -> Path | None:
        return None if self.out == STDIO else Path(self.out)

    def formats(self) -> tuple[InputFormat, OutputFormat]:
        """The formats given, else the ones the names imply (`-` needs them given)."""
        fin = self.input_format
        if fin is None:
            try:
                fin = input_format_for(self.input)
            except RecoveryError:
                if self.preset_format is None:
                    raise
                fin = self.preset_format
        if self.output_format is not None:
            return fin, self.output_format
        if self.out == STDIO:
            return fin, OutputFormat.jsonl
        return fin, output_format_for(self.out)

    def rejects_path(self, fmt: OutputFormat) -> Path:
        """`--rejects`, else `OUTPUT.rejects.EXT` beside the output (or the working folder)."""
        if self.rejects is not None:
            if self.rejects == STDIO:
                raise RecoveryError("--rejects cannot be standard output", hint="name a file")
            return Path(self.rejects)
        ext = rejects_format(fmt).value
        out = self.out_path
        if out is None:
            return Path(f"rejects.{ext}")
        stem = out.name
        for suffix in (".jsonl", ".ndjson", ".csv", ".tsv", ".md", ".markdown"):
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
                break
        return out.with_name(f"{stem}.rejects.{ext}")


def check_paths(job: Job, outputs: Outputs) -> None:
    """Refuse, before anything is written, every way the outputs could lose data."""
    for target in (outputs.output, outputs.rejects):
        if target.path is not None and target.path.is_dir():
            raise RecoveryError(
                f"{target.path} is a folder",
                location=Location(str(target.path)),
                hint="give a file name (for example drafts.jsonl)",
            )
    written = outputs.paths()
    for number, path in enumerate(written):
        for earlier in written[:number]:
            if same_file(path, earlier):
                raise RecoveryError(
                    f"{path} is used twice by this run ({earlier} and {path})",
                    hint="give --out and --rejects names that differ, and not ending in "
                    ".part, .checkpoint or .lock",
                )
    source = job.input_path
    read = {source: "the input", **job.reads} if source is not None else job.reads
    for path in written:
        refuse_overwriting(path, read, what="this run's output")


def open_input(path: Path | None) -> BinaryIO:
    if path is None:
        if sys.stdin is None:
            raise RecoveryError("standard input is closed", hint="give an input file")
        return sys.stdin.buffer
    if path.is_dir():
        raise RecoveryError(f"{path} is a folder", location=Location(str(path)))
    try:
        return path.open("rb")
    except OSError as exc:
        raise RecoveryError(
            f"cannot read {path}: {exc.strerror or exc}", location=Location(str(path))
        ) from None


Prepare = Callable[[], BatchContext]


def run_job(
    job: Job, prepare: Prepare, progress: Callable[[int | None], Progress | None] | None = None
) -> tuple[Summary, Outputs]:
    """Check the job, build the context (`prepare`), and run it to the end.

    `progress`, given the input's size (None for a stream), returns the callback for
    progress reports, or None for none.
    """
    in_fmt, out_fmt = job.formats()
    rejects = job.rejects_path(out_fmt)
    # The fingerprint needs the context; the paths are checked against a provisional one.
    check_paths(job, Outputs(job.out_path, rejects, ""))
    stream = open_input(job.input_path)
    with stream:
        context = prepare()
        source = RowSource(stream, in_fmt)
        identity = checkpoint.input_identity(job.input_path)
        run_id = checkpoint.fingerprint(
            context.fingerprint(), identity, in_fmt.value, out_fmt.value,
            str(rejects.resolve()), *job.options,
        )  # fmt: skip
        outputs = Outputs(job.out_path, rejects, run_id)
        size = identity.get("size")
        report = progress(size if isinstance(size, int) else None) if progress else None
        try:
            summary = run(
                context, source, outputs, out_fmt,
                rejects_fmt=rejects_format(out_fmt, rejects.name),
                workers=job.workers or default_workers(), engine=job.engine,
                scheduler=job.scheduler, resume=job.resume, progress=report,
            )  # fmt: skip
        except KeyboardInterrupt:
            raise Stopped(outputs.marked.rows, outputs.resumable) from None
    return summary, outputs


class Stopped(Interrupted):
    """A batch stopped by Ctrl-C: how many rows are safely written, and whether the
    same command with `--resume` continues it."""

    def __init__(self, rows: int, resumable: bool) -> None:
        super().__init__(f"interrupted after {rows:,} rows")
        self.rows = rows
        self.resumable = resumable
