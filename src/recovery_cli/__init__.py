"""recovery: guided service recovery for support agents, trainers and scripts."""

from __future__ import annotations

import os
import signal
import sys

__version__ = "0.1.0"

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


def main() -> None:
    """The `recovery` command. Ctrl-C while the program is still loading ends it quietly
    (the default action of the signal, no traceback); once loaded, Ctrl-C is a
    KeyboardInterrupt that a running command catches to save its work. A reader that went
    away (`recovery list | head -1`) ends it as it ends any Unix tool: by SIGPIPE, which a
    shell shows as 141."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    from recovery_cli.cli import run

    signal.signal(signal.SIGINT, signal.default_int_handler)
    status = run(sys.argv[1:])
    if status == EXIT_BROKEN_PIPE:
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGPIPE)
    sys.exit(status)
