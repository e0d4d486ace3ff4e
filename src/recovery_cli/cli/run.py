"""`recovery run`: a guided recovery, interactive at a terminal or scripted from answers.

Listen first: the customer's message (pasted at the prompt, `--message TEXT`, or `-` for
standard input) is read once, proposes the playbook when none is given, and pre-fills each
input with the words it came from. Interactive and scripted runs share one walk; this
module only asks and prints. With no terminal (or `--no-input`) it never waits for a key.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from recovery_cli.cli import EXIT_INTERRUPTED, app
from recovery_cli.cli.common import ListFormat, Playbooks, library, print_json, read_text
from recovery_cli.errors import Interrupted, RecoveryError

if TYPE_CHECKING:
    from recovery_cli.library import Library
    from recovery_cli.listen.begin import Heard
    from recovery_cli.playbook.transcript import Recorder
    from recovery_cli.playbook.walk import Walk


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


@app.command("run")
def run_command(
    scenario: str = typer.Argument(
        None,
        help="Playbook id (see `recovery list`); read from the message when left out.",
        metavar="ID",
    ),
    message: str | None = typer.Option(
        None, "--message", "-m", metavar="TEXT", help="What the customer said (- reads stdin)."
    ),
    answers: Path | None = typer.Option(
        None,
        "--answers",
        "-a",
        metavar="FILE",
        help="YAML or JSON file of inputs, answers and `choose` (- reads stdin).",
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
    agent: str | None = typer.Option(
        None, "--agent", metavar="NAME", help="Who signs the draft (default: voice.yaml)."
    ),
    copy: bool = typer.Option(
        False, "--copy", help="Also put the draft on the clipboard (the terminal's OSC 52)."
    ),
    transcript_path: Path | None = typer.Option(
        None,
        "--transcript",
        metavar="FILE",
        help="Where to save the transcript (default: the state folder).",
    ),
    no_transcript: bool = typer.Option(
        False, "--no-transcript", help="Keep no transcript of this run."
    ),
    resume: Path | None = typer.Option(
        None, "--resume", metavar="TRANSCRIPT", help="Continue the run saved in this transcript."
    ),
    playbooks: Playbooks = None,
) -> None:
    """Walk through a recovery step by step and get a draft to send."""
    from recovery_cli.cli import console
    from recovery_cli.playbook import answers as supplied_values
    from recovery_cli.playbook import transcript
    from recovery_cli.playbook.walk import now

    lib = library(playbooks)
    saved = transcript.load(resume) if resume else None
    if saved is not None and scenario and scenario != saved.scenario:
        raise RecoveryError(f"the transcript is a run of `{saved.scenario}`, not `{scenario}`")
    interactive = console.interactive() and not no_input
    raw = supplied_values.merge(
        saved.inputs if saved else {},
        _answers_file(answers) if answers else {},
        supplied_values.parse_sets(sets or []),
    )
    text = _message(message, raw, interactive and saved is None)
    chosen = saved.scenario if saved else scenario
    heard = _hear(text, lib, chosen)
    if not chosen and not interactive and heard is not None:
        from recovery_cli.listen.begin import routine

        if routine(heard):
            _nothing_to_draft(heard, format)
    if not chosen:
        chosen = _choose(heard, lib, interactive)
    playbook = lib.playbook(chosen)
    if heard is not None and any(spec.name == "message" for spec in playbook.inputs):
        raw = {**raw, "message": heard.message}
    supplied = supplied_values.sort_out(playbook, raw, str(answers or "--set"))
    for note in supplied.notes:
        console.err.print(console.plain(f"note: {note}"), style="dim")
    if heard is not None:
        from recovery_cli.listen.begin import fit

        fit(heard, playbook, supplied.inputs, attended=interactive)
        for question in supplied.answers:  # what the agent says wins over what was read
            heard.answers.pop(question, None)
    named = None if no_transcript else resume or transcript_path
    if named is not None:
        from recovery_cli.files import refuse_overwriting

        read = lib.sources()
        if answers is not None and str(answers) != "-":
            read[answers] = "the answers file"
        refuse_overwriting(named, read, what="the transcript")
    recorder = transcript.Recorder(
        named or (None if no_transcript else transcript.new_path(playbook.id)),
        named=named is not None,
    )
    started = saved.started_at if saved else now()
    source = str(lib.files[playbook.id])
    records = saved.records() if saved else []

    if not interactive:
        from recovery_cli.playbook import inputs
        from recovery_cli.playbook.walk import Walk, finish

        given = {**(heard.values() if heard else {}), **supplied.inputs}
        resolved = inputs.resolve(playbook, given)
        if resolved.missing:
            raise RecoveryError(
                "missing required values: " + ", ".join(spec.name for spec in resolved.missing),
                hint="give them with --set NAME=VALUE or in --answers FILE",
            )
        walk = Walk.resumed(
            playbook, resolved.values, records, source,
            voice=lib.voice, agent=agent, defaulted=resolved.defaulted,
        )  # fmt: skip
        finish(walk, {**(heard.answered() if heard else {}), **supplied.answers}, supplied.picks)
        recorder.save(transcript.snapshot(walk, "complete", started))
        _finish(walk, recorder, format, heard, supplied.inputs, resolved, copy)
        return

    from recovery_cli.cli import guide
    from recovery_cli.playbook.walk import Walk

    asked = dict(supplied.inputs)
    if any(spec.name == "message" for spec in playbook.inputs):
        asked.setdefault("message", heard.message if heard else "")  # asked for already
    try:
        values = guide.ask_inputs(playbook, asked, heard.prefill if heard else None)
    except Interrupted:
        recorder.save(transcript.before_walk(playbook, supplied.inputs, started))
        _stopped(recorder)
    walk = Walk.resumed(playbook, values, records, source, voice=lib.voice, agent=agent)

    def keep(status: transcript.Status) -> None:
        recorder.save(transcript.snapshot(walk, status, started))

    try:
        guide.walk_steps(
            walk,
            lib.principles,
            supplied.answers,
            on_step=lambda: keep("in-progress"),
            heard=heard.answers if heard else None,
        )
    except Interrupted:
        keep("interrupted")
        _stopped(recorder)
    keep("complete")
    _finish(walk, recorder, format, heard, supplied.inputs, None, copy, interactive=True)


def _answers_file(path: Path) -> dict[str, object]:
    from recovery_cli.playbook.answers import parse_answers, read_answers_file

    if str(path) != "-":
        return read_answers_file(path)
    text = read_text(
        None,
        what="the answers",
        usage="pipe a YAML or JSON mapping in, or give --answers FILE",
        too_long_hint="an answers file is a handful of values",
    )
    return parse_answers(text, "<stdin>")


def _message(option: str | None, raw: dict[str, object], ask: bool) -> str:
    """The customer's message: `--message` (or `-`), an answers file's `message`, or
    pasted at the prompt; empty when there is none."""
    from recovery_cli.cli import guide

    if option is not None:
        return read_text(
            None if option == "-" else option,
            what="the message",
            usage='give it as --message "..." or pipe it in with --message -',
            too_long_hint="a message, not a mailbox: use `recovery batch` for many",
        )
    given = raw.get("message")
    if isinstance(given, str) and given.strip():
        return given
    return guide.ask_message() if ask else ""


def _hear(message: str, lib: Library, chosen: str | None) -> Heard | None:
    """The message read, with triage unless the playbook is already `chosen`."""
    if not message.strip():
        return None
    from recovery_cli.listen.begin import hear
    from recovery_cli.triage import Triage

    if chosen:
        return hear(message, playbook=chosen)
    return hear(message, Triage.from_library(lib))


def _nothing_to_draft(heard: Heard, format: OutputFormat) -> NoReturn:
    """A routine message, unattended: nothing went wrong, so nothing is drafted and the run
    succeeds. JSON says so (`status: routine`, with the reading), so a script tells it
    from a draft and from a failed run; text and Markdown print nothing on standard output
    and say why on standard error."""
    from recovery_cli.cli import console

    if format == OutputFormat.json:
        print_json({"status": "routine", "scenario": None, "draft": None,
                    **heard.reading.to_json()})  # fmt: skip
    else:
        console.err.print(
            console.plain(
                "nothing drafted: the message reads as a routine request (no recovery "
                "playbook fits); if it is a failure, give the playbook: recovery run SCENARIO"
            )
        )
    raise typer.Exit(0)


def _choose(heard: Heard | None, lib: Library, interactive: bool) -> str:
    """The playbook when none was named: the one the message reads as (confirmed by the
    agent at a terminal)."""
    from recovery_cli.listen.begin import chosen

    if heard is None:
        raise RecoveryError(
            "which scenario?",
            hint="recovery run SCENARIO, or give the customer's message with --message",
        )
    if interactive:
        from recovery_cli.cli import guide

        titles = {book.id: book.title for book in lib.playbooks()}
        try:
            return guide.propose(heard, titles)
        except Interrupted:
            raise typer.Exit(EXIT_INTERRUPTED) from None
    return chosen(heard)


def _stopped(recorder: Recorder) -> NoReturn:
    from recovery_cli.cli import console

    if recorder.saved is not None:
        console.err.print(console.plain(f"Transcript saved: {recorder.saved}"))
        console.err.print(console.plain(f"Resume with: recovery run --resume {recorder.saved}"))
    raise typer.Exit(EXIT_INTERRUPTED)


def _finish(
    walk: Walk,
    recorder: Recorder,
    format: OutputFormat,
    heard: Heard | None,
    given: dict[str, str],
    resolved: object,
    copy: bool,
    interactive: bool = False,
) -> None:
    """The outcome in the format asked for, a warning if the transcript was not saved,
    and the draft on the clipboard when asked."""
    from recovery_cli.cli import console
    from recovery_cli.playbook import outcome

    path = recorder.saved
    if format is OutputFormat.json:
        from recovery_cli.listen.begin import sources
        from recovery_cli.playbook.inputs import Resolved

        data = outcome.as_data(walk, path)
        data["facts"] = heard.reading.to_json() if heard else None
        data["answers_read"] = (
            {question: each.to_json() for question, each in heard.answers.items()} if heard else {}
        )
        if isinstance(resolved, Resolved):
            data["sources"] = sources(resolved, given, heard)
        print_json(data)
    elif format is OutputFormat.markdown:
        console.raw(outcome.as_markdown(walk, path))
    elif interactive:
        from recovery_cli.cli import guide

        guide.show_outcome(walk, path)
    else:
        console.raw(outcome.as_text(walk))
        if path is not None:
            console.err.print(console.plain(f"Transcript saved: {path}"))
    too_long = walk.reply().too_long()
    if too_long and format is not OutputFormat.json:
        console.err.print(console.plain(f"warning: {too_long}"), style="yellow")
    if recorder.warning:
        console.err.print(console.plain(f"warning: {recorder.warning}"), style="yellow")
    if copy and not console.copy(walk.draft()):
        console.err.print(console.plain("note: no terminal to copy to"), style="dim")


transcripts = typer.Typer(
    name="transcripts",
    help="The transcripts runs keep: list them, prune old ones.",
    no_args_is_help=True,
)
app.add_typer(transcripts)


@transcripts.command("list")
def transcripts_list(
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """The saved transcripts, newest first: path, playbook, status and when last saved."""
    from recovery_cli.cli import console
    from recovery_cli.playbook import transcript

    found = transcript.stored()
    if format is ListFormat.json:
        print_json([item.to_json() for item in found])
        return
    for item in found:
        when = item.updated.strftime("%Y-%m-%d %H:%M")
        console.write(f"{when}  {item.status:<11}  {item.scenario:<24}  {item.path}\n")


@transcripts.command("prune")
def transcripts_prune(
    older_than: str = typer.Option(
        ..., "--older-than", metavar="AGE", help="Delete those last saved longer ago: 30d, 12h."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would go; delete nothing."),
) -> None:
    """Delete transcripts last saved longer ago than AGE (they hold customers' details)."""
    from recovery_cli.cli import console
    from recovery_cli.playbook import transcript

    gone = transcript.prune(transcript.age(older_than), dry_run=dry_run)
    verb = "would delete" if dry_run else "deleted"
    for item in gone:
        console.write(f"{verb} {item.path}\n")
    console.err.print(console.plain(f"{verb} {len(gone)} transcript(s)"))
