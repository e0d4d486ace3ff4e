"""Options and helpers shared by several commands."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from recovery_cli.library import Library

Playbooks = Annotated[
    list[Path] | None,
    typer.Option(
        "--playbooks",
        metavar="DIR",
        help="A folder of extra playbooks (repeatable); also read from RECOVERY_PLAYBOOKS.",
        show_default=False,
    ),
]


class ListFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def shown_path(path: str | None) -> str | None:
    """A path relative to the working folder when it is inside it, as a person typed it."""
    if not path:
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def library(playbooks: list[Path] | None) -> Library:
    from recovery_cli.library import Library

    return Library.configured(playbooks or [])


def print_json(data: object) -> None:
    """JSON on standard output: readable text kept, every control or invisible character
    escaped (`text.json_text`)."""
    from recovery_cli.text import json_text

    typer.echo(json_text(data, indent=2))


MAX_TEXT_BYTES = 1_000_000
"""One reply or message, not a mailbox: longer input is refused rather than read whole."""


def read_text(
    argument: str | None,
    file: Path | None = None,
    *,
    what: str,
    usage: str,
    too_long_hint: str,
) -> str:
    """One text from the argument, `--file`, or standard input (no argument, or `-`).

    `what` names it in messages ("the reply"); `usage` is the hint for giving it at all.
    """
    from recovery_cli.errors import Location, RecoveryError
    from recovery_cli.files import read_limited
    from recovery_cli.text import clean, decode_utf8

    def decode(raw: bytes, source: str) -> str:
        limit = f"{what} is longer than {MAX_TEXT_BYTES:,} bytes"
        return decode_utf8(raw, source, limit=MAX_TEXT_BYTES, too_long=limit, hint=too_long_hint)

    if argument is not None and file is not None:
        raise RecoveryError(f"give {what} as an argument or with --file, not both", hint=usage)
    if file is not None and str(file) == "-":
        file, argument = None, "-"  # `--file -`: standard input, as everywhere else
    if file is not None:
        if not file.exists():
            raise RecoveryError(f"no such file: {file}", location=Location(str(file)))
        text = decode(read_limited(file, MAX_TEXT_BYTES, what=what), str(file))
    elif argument is None or argument == "-":
        if sys.stdin is None or sys.stdin.isatty():
            raise RecoveryError(f"no text given: {what} is needed", hint=usage)
        try:
            text = decode(sys.stdin.buffer.read(MAX_TEXT_BYTES + 1), "<stdin>")
        except OSError as exc:
            raise RecoveryError(f"cannot read standard input: {exc.strerror or exc}") from None
    else:
        text = argument
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # bytes the terminal could not decode
            raise RecoveryError(f"{what} is not valid UTF-8", hint=usage) from None
    if not clean(text, keep_newlines=False).strip():
        raise RecoveryError(f"{what} is empty: there is nothing to read", hint=usage)
    return text
