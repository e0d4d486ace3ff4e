"""`recovery triage`: which playbook fits a customer's message, and the evidence."""

from __future__ import annotations

import sys

import typer

from recovery_cli.cli import app
from recovery_cli.cli.common import ListFormat, Playbooks, library, print_json

MAX_INPUT_BYTES = 1_000_000
"""A message, not a mailbox: longer input is refused rather than read into memory."""


def read_message(text: str | None) -> str:
    """The message from the argument, or from standard input when it is absent or `-`."""
    from recovery_cli.errors import RecoveryError
    from recovery_cli.text import clean

    if text is None or text == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise RecoveryError(
                "no message to triage",
                hint='give it as an argument (recovery triage "my order is late") or pipe it in',
            )
        try:
            raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise RecoveryError(f"cannot read standard input: {exc.strerror or exc}") from None
        if len(raw) > MAX_INPUT_BYTES:
            raise RecoveryError(
                f"the message is longer than {MAX_INPUT_BYTES:,} bytes",
                hint="triage reads one customer message; use `recovery batch` for many",
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise RecoveryError(
                f"standard input is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at {exc.start})",
                hint="send the message as UTF-8 text",
            ) from None
    elif not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # bytes the terminal could not decode
            raise RecoveryError(
                "the message is not valid UTF-8", hint="send the message as UTF-8 text"
            ) from None
    if not clean(text, keep_newlines=False).strip():
        raise RecoveryError("the message is empty: nothing to triage", hint="give the text to read")
    return text


@app.command("triage")
def triage_command(
    text: str | None = typer.Argument(
        None, help="The customer's message; read from standard input when absent or `-`."
    ),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """Say which playbook fits a customer's message, with the evidence and the runners-up."""
    from recovery_cli import console
    from recovery_cli.cli import EXIT_USAGE
    from recovery_cli.triage import Triage

    message = read_message(text)
    lib = library(playbooks)
    result = Triage.from_library(lib).classify(message)
    if format is ListFormat.json:
        print_json(result.as_dict())
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
        console.problems(lib.problems)
        raise typer.Exit(EXIT_USAGE)


def _runner_up(candidate: dict[str, object]) -> str:
    score = candidate["score"]
    evidence = candidate["evidence"]
    words = ", ".join(map(str, evidence)) if isinstance(evidence, list) else ""
    shown = f"{score:.2f}" if isinstance(score, float) else str(score)
    return f"{candidate['scenario'] or 'routine'} ({candidate['category']}), score {shown}: {words}"
