"""The one place that talks to the terminal through Rich.

Everything shown to a person goes through here, so the two safety rules live in one
place: untrusted text is cleaned of control characters (`recovery_cli.text.clean`) and is
printed as a `Text` object, never parsed as Rich markup.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from recovery_cli.errors import Problem
from recovery_cli.text import clean

CONTEXT = 50
"""Characters of a reply shown on each side of the words a finding points at."""

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


def findings(reply: str, items: Sequence[Mapping[str, object]]) -> None:
    """Each principle-check finding: the principle, the words in context, why, and a hint."""
    for finding in items:
        severity = str(finding.get("severity", "warning"))
        colour = "red" if severity == "error" else "yellow"
        head = Text(f"{severity}: ", style=f"bold {colour}")
        head.append(plain(f"{finding.get('principle', '')}: {finding.get('rule', '')}", "bold"))
        out.print(head)
        start, end = int(str(finding.get("start", 0))), int(str(finding.get("end", 0)))
        for row in _context(reply, start, end, colour):
            out.print(row)
        out.print(plain(f"  why: {finding.get('message', '')}"))
        out.print(plain(f"  try: {finding.get('hint', '')}", "dim"))
        if finding.get("check"):
            out.print(plain(f"  ({finding['check']})", "dim"))


def _context(reply: str, start: int, end: int, colour: str) -> list[Text]:
    """The offending words highlighted in their line, and a caret line for plain output."""
    if start == end:
        return [Text("  (the reply as a whole)", style="dim")]
    flat = reply.translate({10: 32, 9: 32, 13: 32})  # one line, same offsets
    left = max(flat.rfind("  ", 0, start), start - CONTEXT, 0)
    if left > 0 and flat[left - 1] != " " and " " in flat[left:start]:
        left = flat.index(" ", left, start)  # start the context at a word
    right = min(end + CONTEXT, len(flat))
    before = ("…" if left > 0 else "") + clean(flat[left:start]).lstrip()
    words = clean(flat[start:end])
    after = clean(flat[end:right]).rstrip() + ("…" if right < len(flat) else "")
    line = Text("  ")
    line.append(before)
    line.append(words, style=f"bold underline {colour}")
    line.append(after)
    carets = Text("  " + " " * cell_len(before) + "^" * max(cell_len(words), 1), style=colour)
    return [line, carets]
