"""`recovery check`: which principle a reply breaks, where, and which way a better one goes.

The reply comes from the argument, `--file`, or standard input (`-`, or piped). Offsets in
the findings count characters of the reply exactly as read (after UTF-8 decoding and any
byte-order mark), so a tool can highlight them in its own copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from recovery_cli.cli import EXIT_FINDINGS, app
from recovery_cli.cli.common import ListFormat, Playbooks, print_json, read_text

if TYPE_CHECKING:
    from recovery_cli.checks.checker import Checker, Finding


def read_reply(text: str | None, file: Path | None) -> str:
    """The reply from the argument, the file, or standard input (absent argument or `-`)."""
    return read_text(
        text,
        file,
        what="the reply",
        usage='give the reply as an argument (recovery check "..."), with --file, or piped in',
        too_long_hint="check one reply at a time; `recovery batch` checks many drafts",
    )


@app.command("check")
def check_command(
    text: str | None = typer.Argument(
        None,
        help="The reply to check; read from standard input when absent or `-`.",
        metavar="TEXT",
    ),
    file: Path | None = typer.Option(
        None,
        "--file",
        help="Read the reply from this file (UTF-8).",
        show_default=False,
        metavar="FILE",
    ),
    name: str | None = typer.Option(
        None,
        "--name",
        help="The customer's name, when they gave it.",
        show_default=False,
        metavar="NAME",
    ),
    line: bool = typer.Option(
        False,
        "--line",
        help="The text is one line from the middle of a conversation: skip the checks on "
        "how a reply opens and on using the name.",
    ),
    format: ListFormat = typer.Option(ListFormat.text, "--format", "-f", help="text or json."),
    playbooks: Playbooks = None,
) -> None:
    """Check a reply against the principles before the customer reads it.

    Exit status: 0 when nothing is wrong or there are only warnings, 1 when a finding is an
    error, 2 when the reply cannot be read.
    """
    reply = read_reply(text, file)
    findings = _checker(playbooks).check(reply, name=name or None, opening=not line)
    if format is ListFormat.json:
        print_json({"findings": [finding.to_json() for finding in findings]})
    else:
        _show(reply, findings)
    if any(finding.severity == "error" for finding in findings):
        raise typer.Exit(EXIT_FINDINGS)


def _checker(playbooks: list[Path] | None) -> Checker:
    from recovery_cli.checks.checker import Checker
    from recovery_cli.library import Library

    if not playbooks:
        return Checker.load()
    # Library.configured refuses a folder that does not exist.
    return Checker.load(Library.configured(playbooks).checks_files())


def _show(reply: str, findings: list[Finding]) -> None:
    from recovery_cli.cli import console, report

    report.print_findings(reply, findings, console.out)
    errors = sum(1 for finding in findings if finding.severity == "error")
    warnings = len(findings) - errors
    if not findings:
        console.say("no findings: this reply breaks none of the checked principles", "green")
    else:
        summary = f"{_count(errors, 'error')}, {_count(warnings, 'warning')}"
        advice = ": revise before sending" if errors else ": worth a second look"
        console.say(summary + advice, "bold red" if errors else "bold yellow")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
