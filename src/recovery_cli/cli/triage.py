"""`recovery triage`: which playbook fits a customer's message, and the evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from recovery_cli.cli import app

if TYPE_CHECKING:
    from recovery_cli.listen import Reading
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
        None,
        help="The customer's message; read from standard input when absent or `-`.",
        metavar="TEXT",
    ),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """Say which playbook fits a customer's message, with the evidence, the runners-up and
    the facts read from it."""
    from recovery_cli.cli import EXIT_USAGE, console, report
    from recovery_cli.listen import read
    from recovery_cli.triage import Triage

    message = read_message(text)
    lib = library(playbooks)
    reading = read(message, Triage.from_library(lib))
    if format is ListFormat.json:
        print_json(verdict_json(reading))
    else:
        _show(reading)
    if lib.problems:
        report.print_problems(lib.problems, console.err)
        raise typer.Exit(EXIT_USAGE)


def verdict_json(reading: Reading) -> dict[str, object]:
    """Triage's verdict (scenario, category, score, evidence, candidates), then what was read
    (and any second failure the message tells of, `also`)."""
    data: dict[str, object] = {
        "scenario": None, "category": "unsupported", "score": 0.0, "evidence": [],
        "candidates": [],
    }  # fmt: skip
    if reading.triage is not None:
        data = reading.triage.to_json()
    found = reading.to_json()
    for key in ("language", "supported", "facts", "also", "severity", "channel"):
        data[key] = found[key]
    return data


def _show(reading: Reading) -> None:
    from recovery_cli.cli import console

    result = reading.triage
    if not reading.supported or result is None:
        console.say(
            f"unsupported language ({reading.language}): no playbook covers messages in it; "
            "an agent who reads it can pick one",
            "bold",
        )
        return
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
    if reading.facts:
        console.say("  read from the message:")
    for name, fact in reading.facts.items():
        unsure = "" if reading.sure(name) else "; not sure enough to draft"
        console.say(f"    {name}: {fact.value}  (from {fact.words!r}{unsure})")
    for fact in reading.also:
        console.say(f"    also said: {fact.value}  (from {fact.words!r}; shown, never drafted)")
    if reading.severity is not None:
        why = "; ".join(reason.describe() for reason in reading.severity.reasons)
        console.say(f"  severity: {reading.severity.level}" + (f" ({why})" if why else ""))
    if reading.channel is not None:
        console.say(f"  channel: {reading.channel.name} ({reading.channel.evidence})")


def _runner_up(candidate: Candidate) -> str:
    words = ", ".join(candidate.evidence)
    name = candidate.scenario or "routine"
    return f"{name} ({candidate.category}), score {candidate.score:.2f}: {words}"
