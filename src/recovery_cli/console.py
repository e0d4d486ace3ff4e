"""The one place that talks to the terminal through Rich.

Everything shown to a person goes through here, so the two safety rules live in one
place: untrusted text is cleaned of control characters (`recovery_cli.text.clean`) and is
printed as a `Text` object, never parsed as Rich markup.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from recovery_cli.errors import Problem
from recovery_cli.text import clean

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def interactive() -> bool:
    """Whether a person is at the keyboard (standard input and output are terminals)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def plain(text: str, style: str = "") -> Text:
    """Untrusted text as a Rich Text: cleaned, never interpreted as markup."""
    return Text(clean(text), style=style)


def say(text: str, style: str = "") -> None:
    out.print(plain(text, style))


def raw(text: str) -> None:
    """Print cleaned text with no styling or wrapping at all (drafts that must paste cleanly)."""
    sys.stdout.write(clean(text) + ("" if text.endswith("\n") else "\n"))
    sys.stdout.flush()


def heading(text: str) -> None:
    out.print(Text(clean(text), style="bold"))


def problems(items: Iterable[Problem]) -> None:
    """Print fixable problems to standard error: location, message and hint."""
    for problem in items:
        label = "error" if problem.severity == "error" else "warning"
        colour = "red" if label == "error" else "yellow"
        line = Text()
        line.append(f"{label}: ", style=f"bold {colour}")
        place = str(problem.location)
        if place:
            line.append(clean(place), style="bold")
            line.append(": ")
        line.append(clean(problem.message))
        err.print(line)
        if problem.hint:
            err.print(Text("  hint: " + clean(problem.hint), style="dim"))


def markup_safe(text: str) -> str:
    """Untrusted text made safe to embed inside a markup string."""
    return escape(clean(text))
