"""The `recovery` command: a thin skin over the library.

Each command lives in its own module of this package and only converts options, calls
the library and prints. Every exception is turned into a message and an exit code here,
in one place, whether the CLI is run for real or by a test runner:
0 ok, 1 findings or failed checks, 2 bad usage or unreadable input, 130 interrupted,
3 a bug (the traceback goes to a log file, never the screen).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperArgument, TyperGroup

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
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:
            if type(exc).__module__.split(".")[0] in {"typer", "click"}:
                raise  # usage errors and exits: typer prints them and picks the code
            if isinstance(exc, OSError) and _unwritable_output(exc):
                _cannot_write(exc)
                raise typer.Exit(EXIT_USAGE) from None
            log = crash_log(traceback.format_exc())
            where = f"details written to {log}" if log else "no log could be written"
            sys.stderr.write(f"recovery: an unexpected error; {where}. Please report it.\n")
            raise typer.Exit(EXIT_BUG) from None


def crash_log(details: str) -> Path | None:
    """Write a traceback to this user's private crash log; None when it cannot be written.

    The log lives in the user's state folder, is readable by its owner only (it may hold
    customers' words) and is never written through a link planted at its name.
    """
    from recovery_cli.paths import state_dir

    path = state_dir() / "crash.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC
        descriptor = os.open(path, flags, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as handle:
            os.fchmod(descriptor, 0o600)
            handle.write(details)
    except OSError:
        return None
    return path


def _argument_type(self: TyperArgument, ctx: Any) -> str | None:
    """An argument with a metavar (`ID`, `TEXT`) says what it takes; Typer would add a
    Python type name beside it (`ID <str>`), which tells a person nothing."""
    return None if self.metavar else _TYPE_OF_ARGUMENT(self, ctx)


_TYPE_OF_ARGUMENT = TyperArgument.display_type_rich
TyperArgument.display_type_rich = _argument_type  # type: ignore[method-assign,assignment]


app = typer.Typer(
    cls=_Group,
    name="recovery",
    help="Guided service recovery: playbooks for agents, checks for replies, drafts in batch.",
    no_args_is_help=True,
    add_completion=True,
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


EXIT_BROKEN_PIPE = 141
"""What a shell reports for a program whose reader went away (128 + SIGPIPE)."""


def run(argv: Sequence[str]) -> int:
    """Run the command line; the exit status, whatever happened on the way.

    A reader that goes away (`recovery principles | head -1`) ends the run quietly with the
    conventional status, and standard output that cannot be written (a full disk) is one
    clear line, never a traceback.
    """
    status = EXIT_OK
    try:
        app(args=list(argv), prog_name="recovery")
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (EXIT_USAGE if exc.code else EXIT_OK)
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        status = EXIT_BROKEN_PIPE
    except RuntimeError as exc:
        if not _interrupted(exc):
            raise
        sys.stderr.write("\ninterrupted\n")  # Ctrl-C inside a library's lazy import
        return EXIT_INTERRUPTED
    except OSError as exc:  # writing help or a usage message to a full or closed stream
        _cannot_write(exc)
        status = EXIT_USAGE
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = EXIT_BROKEN_PIPE
    except OSError as exc:
        _cannot_write(exc)
        status = EXIT_USAGE
    if status == EXIT_BROKEN_PIPE or (status == EXIT_USAGE and _stdout_broken()):
        _silence_stdout()
    return status


def _interrupted(exc: BaseException) -> bool:
    """Whether an error is Ctrl-C in disguise: a KeyboardInterrupt that landed inside a
    library's lazy import while the arguments were parsed, which Python re-raises as a
    RuntimeError ("Error calling __set_name__")."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _stdout_broken() -> bool:
    """Whether standard output can no longer be written (what is left in it cannot)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EPIPE}
"""Why a stream cannot take more: a full disk or device, a quota, a dead reader."""


def _unwritable_output(exc: OSError) -> bool:
    """Whether an error that escaped a command is its output failing (a full disk, a
    closed reader), not a bug. Files the library writes turn their own errors into
    RecoveryError; a bare stream error (no file name) is the output's. A failed large write
    may leave nothing buffered, so a flush cannot always tell."""
    return (exc.errno in _OUTPUT_ERRORS and exc.filename is None) or _stdout_broken()


def _cannot_write(exc: OSError) -> None:
    """One line for output that could not be written, then nothing more is tried."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"recovery: cannot write its output: {exc.strerror or exc}\n")
    _silence_stdout()


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
