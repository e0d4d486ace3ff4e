"""`recovery triage`: which playbook fits a customer's message, and the evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from recovery_cli.cli import app

if TYPE_CHECKING:
    from recovery_cli.triage import Candidate

from recovery_cli.cli.common import ListFormat, Playbooks, library, print_json, read_text

"""A message, not a mailbox: longer input is refused rather than read into memory."""


def read_message(text: str | None) -> str:
    """The message from the argument, or from standard input when it is absent or `-`."""
    return read_text(
        text,
        what="the message",
        usage='give it as an argument (recovery triage "my order is late") or pipe it in',
        too_long_hint="triage reads one customer message; use `recovery batch` for many",
    )


@app.command("triage")
def triage_command(
    text: str | None = typer.Argument(
        None, help="The customer's message; read from standard input when absent or `-`."
    ),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """Say which playbook fits a customer's message, with the evidence and the runners-up."""
    from recovery_cli.cli import EXIT_USAGE, console, report
    from recovery_cli.triage import Triage

    message = read_message(text)
    lib = library(playbooks)
    result = Triage.from_library(lib).classify(message)
    if format is ListFormat.json:
        print_json(result.to_json())
    else:
        if result.scenario is None:
            console.say(
                f"routine (score {result.score:.2f}): this reads as a routine request; "
                "no recovery playbook fits",
                "bold",
            )
        else:
            console.say(f"{result.scenario} ({result.category}), score {result.score:.2f}", "bold")
        found = ", ".join(result.evidence) if result.evidence else "no trigger matched"
        console.say(f"  evidence: {found}")
        if result.candidates:
            console.say("  runners-up:")
        for candidate in result.candidates:
            console.say("    " + _runner_up(candidate))
    if lib.problems:
        report.print_problems(lib.problems, console.err)
        raise typer.Exit(EXIT_USAGE)


def _runner_up(candidate: Candidate) -> str:
    words = ", ".join(candidate.evidence)
    name = candidate.scenario or "routine"
    return f"{name} ({candidate.category}), score {candidate.score:.2f}: {words}"
