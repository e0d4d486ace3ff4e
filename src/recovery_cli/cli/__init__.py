"""The `recovery` command: a thin skin over the library.

Each command lives in its own module of this package and only converts options, calls
the library and prints. Every exception is turned into a message and an exit code here,
in one place, whether the CLI is run for real or by a test runner:
0 ok, 1 findings or failed checks, 2 bad usage or unreadable input, 130 interrupted,
3 a bug (the traceback goes to a log file, never the screen).
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class _Group(TyperGroup):
    """Runs every command inside the error handler and lists commands in a useful order."""

    def list_commands(self, ctx: Any) -> list[str]:  # typer's vendored click.Context
        return list(self.commands)

    def invoke(self, ctx: Any) -> Any:
        from recovery_cli.errors import Interrupted, RecoveryError

        try:
            return super().invoke(ctx)
        except RecoveryError as exc:
            from recovery_cli.cli import console, report

            report.print_problems(exc.problems, console.err)
            if len(exc.problems) > 1:
                console.err.print(f"{len(exc.problems)} problems", style="red")
            raise typer.Exit(exc.exit_code) from None
        except (KeyboardInterrupt, Interrupted):
            sys.stderr.write("\ninterrupted\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_OK) from None
        except Exception as exc:
            if type(exc).__module__.split(".")[0] in {"typer", "click"}:
                raise  # usage errors and exits: typer prints them and picks the code
            log = Path(tempfile.gettempdir()) / "recovery-crash.log"
            log.write_text(traceback.format_exc(), encoding="utf-8")
            sys.stderr.write(
                f"recovery: an unexpected error; details written to {log}. Please report it.\n"
            )
            raise typer.Exit(EXIT_BUG) from None


app = typer.Typer(
    cls=_Group,
    name="recovery",
    help="Guided service recovery: playbooks for agents, checks for replies, drafts in batch.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from recovery_cli import __version__

        typer.echo(f"recovery {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", callback=_version, is_eager=True
    ),
) -> None:
    """Guided service recovery: playbooks for agents, checks for replies, drafts in batch."""


def _register() -> None:
    """Import the command modules; each adds its commands to `app` (in this order)."""
    import importlib

    for name in ("browse", "run", "check", "triage", "batch", "authoring"):
        importlib.import_module(f"recovery_cli.cli.{name}")


_register()


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point."""
    try:
        app(args=list(argv) if argv is not None else None, prog_name="recovery")
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        sys.exit(EXIT_INTERRUPTED)
