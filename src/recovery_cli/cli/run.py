"""`recovery run`: a guided recovery, interactive at a terminal or scripted from answers.

Interactive and scripted runs share one walk (`engine.Walk`); this module only asks and
prints. With no terminal (or `--no-input`) it never waits for a keypress: every value
must come from `--answers`/`--set` or the playbook's defaults.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from recovery_cli.cli import EXIT_INTERRUPTED, app
from recovery_cli.cli.common import Playbooks, library
from recovery_cli.errors import Interrupted, RecoveryError

if TYPE_CHECKING:
    from recovery_cli.playbook.transcript import Status
    from recovery_cli.playbook.walk import Walk


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command("run")
def run_command(
    scenario: str = typer.Argument(None, help="Playbook id (see `recovery list`)."),
    answers: Path | None = typer.Option(
        None,
        "--answers",
        "-a",
        metavar="FILE",
        help="YAML or JSON file of inputs, answers and `choose`.",
    ),
    sets: list[str] | None = typer.Option(
        None,
        "--set",
        "-s",
        metavar="KEY=VALUE",
        help="key=value for an input, answer or choose.STEP (repeatable).",
    ),
    no_input: bool = typer.Option(
        False, "--no-input", help="Never prompt; exit 2 naming every missing required value."
    ),
    format: OutputFormat = typer.Option(
        OutputFormat.text, "--format", "-f", help="Final output: text, json or markdown."
    ),
    transcript_path: Path | None = typer.Option(
        None,
        "--transcript",
        metavar="FILE",
        help="Where to save the transcript (default: the state folder).",
    ),
    resume: Path | None = typer.Option(
        None, "--resume", metavar="TRANSCRIPT", help="Continue the run saved in this transcript."
    ),
    playbooks: Playbooks = None,
) -> None:
    """Walk through a recovery step by step and get a draft to send."""
    from recovery_cli.cli import console
    from recovery_cli.playbook import answers as answers_module
    from recovery_cli.playbook import inputs, transcript
    from recovery_cli.playbook import walk as engine
    from recovery_cli.playbook.walk import Walk

    lib = library(playbooks)
    saved = transcript.load(resume) if resume else None
    if saved is None and not scenario:
        raise RecoveryError("which scenario?", hint="recovery run SCENARIO (see `recovery list`)")
    if saved is not None and scenario and scenario != saved.scenario:
        raise RecoveryError(f"the transcript is a run of `{saved.scenario}`, not `{scenario}`")
    playbook = lib.playbook(saved.scenario if saved else scenario)

    raw = answers_module.merge(
        saved.inputs if saved else {},
        answers_module.read_answers_file(answers) if answers else {},
        answers_module.parse_sets(sets or []),
    )
    supplied = answers_module.sort_out(playbook, raw, str(answers or "--set"))
    path = resume or transcript_path or transcript.new_path(playbook.id)
    started = saved.started_at if saved else engine.now()
    interactive = console.interactive() and not no_input
    source = str(lib.files[playbook.id])

    if not interactive:
        resolved = inputs.resolve(playbook, supplied.inputs)
        if resolved.missing:
            raise RecoveryError(
                "missing required values: " + ", ".join(spec.name for spec in resolved.missing),
                hint="give them with --set NAME=VALUE or in --answers FILE",
            )
        walk = Walk.resumed(
            playbook, resolved.values, saved.records() if saved else [], source,
            voice=lib.voice, defaulted=resolved.defaulted,
        )  # fmt: skip
        engine.finish(walk, supplied.answers, supplied.picks)
        transcript.save(transcript.snapshot(walk, "complete", started), path)
        _print_outcome(walk, path, format)
        return

    from recovery_cli.cli import guide

    try:
        values = guide.ask_inputs(playbook, supplied.inputs)
    except Interrupted:
        transcript.save(transcript.before_walk(playbook, supplied.inputs, started), path)
        _stopped(path)
    walk = Walk.resumed(playbook, values, saved.records() if saved else [], source, voice=lib.voice)

    def keep(status: Status) -> None:
        transcript.save(transcript.snapshot(walk, status, started), path)

    try:
        guide.walk_steps(
            walk, lib.principles, supplied.answers, on_step=lambda: keep("in-progress")
        )
    except Interrupted:
        keep("interrupted")
        _stopped(path)
    keep("complete")
    _print_outcome(walk, path, format, interactive=True)


def _stopped(path: Path) -> NoReturn:
    from recovery_cli.cli import console

    console.err.print(console.plain(f"Transcript saved: {path}"))
    console.err.print(console.plain(f"Resume with: recovery run --resume {path}"))
    raise typer.Exit(EXIT_INTERRUPTED)


def _print_outcome(walk: Walk, path: Path, format: OutputFormat, interactive: bool = False) -> None:
    from recovery_cli.cli import console
    from recovery_cli.playbook import outcome

    if format is OutputFormat.json:
        from recovery_cli.cli.common import print_json

        print_json(outcome.as_data(walk, path))
        return
    if format is OutputFormat.markdown:
        console.raw(outcome.as_markdown(walk, path))
        return
    if interactive:
        from recovery_cli.cli import guide

        guide.show_outcome(walk, path)
        return
    console.raw(outcome.as_text(walk))
    console.err.print(console.plain(f"Transcript saved: {path}"))
