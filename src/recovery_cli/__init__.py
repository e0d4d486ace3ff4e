"""recovery: guided service recovery for support agents, trainers and scripts."""

from __future__ import annotations

import signal
import sys

__version__ = "0.1.0"

EXIT_INTERRUPTED = 130


def main() -> None:
    """The `recovery` command. Ctrl-C while the program is still loading ends it quietly
    (the default action of the signal, no traceback); once loaded, Ctrl-C is a
    KeyboardInterrupt that a running command catches to save its work."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from recovery_cli.cli import run

    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(run(sys.argv[1:]))
