"""Options and helpers shared by several commands."""

from __future__ import annotations

import json
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


def library(playbooks: list[Path] | None) -> Library:
    from recovery_cli.library import Library

    return Library.configured(playbooks or [])


def print_json(data: object) -> None:
    """JSON on standard output; non-ASCII kept readable, control characters escaped by json."""
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
