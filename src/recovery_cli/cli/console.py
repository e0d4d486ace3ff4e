"""The one place that talks to the terminal through Rich.

Everything shown to a person goes through here, so the two safety rules live in one
place: untrusted text is cleaned of control characters (`recovery_cli.text.clean`) and is
printed as a `Text` object, never parsed as Rich markup.
"""

from __future__ import annotations

import os
import sys

from rich.console import Console
from rich.text import Text

from recovery_cli.text import clean

BROKEN_PIPE = 141
"""The conventional status of a program whose reader went away (128 + SIGPIPE)."""


class _Console(Console):
    """Rich's console, ending with the conventional status when the reader goes away
    (`recovery principles | head -1`) rather than Rich's 1, which here means findings."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(BROKEN_PIPE)


out = _Console(highlight=False, soft_wrap=True)
err = _Console(stderr=True, highlight=False, soft_wrap=True)


def styled() -> bool:
    """Whether standard output is a terminal that can show colour and box characters
    (not a pipe, not a file, not TERM=dumb)."""
    return out.is_terminal and not out.is_dumb_terminal


def interactive() -> bool:
    """Whether a person is at the keyboard (standard input and output are terminals).

    A stream the caller closed (`recovery run ... <&-`) is None in Python: no person."""
    streams = (sys.stdin, sys.stdout)
    return all(stream is not None and stream.isatty() for stream in streams)


def plain(text: str, style: str = "") -> Text:
    """Untrusted text as a Rich Text: cleaned, never interpreted as markup."""
    return Text(clean(text), style=style)


def say(text: str, style: str = "") -> None:
    out.print(plain(text, style))


def raw(text: str) -> None:
    """Print cleaned text with no styling or wrapping at all (drafts that must paste cleanly)."""
    write(clean(text) + ("" if text.endswith("\n") else "\n"))


def write(text: str) -> None:
    """Text exactly as given, to standard output: data for other programs (JSON, CSV)."""
    sys.stdout.write(text)
    sys.stdout.flush()


def heading(text: str) -> None:
    out.print(Text(clean(text), style="bold"))


def copy(text: str) -> bool:
    """Put `text` on the clipboard through the terminal (OSC 52), which also works over SSH.

    Terminals that honour it include iTerm2, kitty, WezTerm, Alacritty, foot, Windows
    Terminal and xterm (with `allowWindowOps`), and tmux with `set-clipboard on`; GNOME
    Terminal and other VTE terminals ignore it. False when there is no terminal to ask.
    """
    import base64

    payload = base64.b64encode(clean(text).encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    try:
        with open("/dev/tty", "w", encoding="ascii") as tty:
            tty.write(sequence)
        return True
    except OSError:
        return False
