"""The one place problems and findings are put into words for a person or a tool.

A problem (a broken playbook, a bad option, an unreadable row) reads the same wherever
it shows up: `file:line:column: severity [rule] message (field)`, then `hint: ...`, or
just `error: message` when it is about the command line rather than a file. Lint reports
come as that text, as JSON, or as GitHub workflow annotations. A principle-check finding
shows the words it is about, underlined and with a caret line that survives terminals
without colour. Untrusted text is cleaned and never read as markup.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from recovery_cli.cli.common import ReportFormat, shown_path
from recovery_cli.cli.console import plain, write
from recovery_cli.errors import Problem
from recovery_cli.text import clean

if TYPE_CHECKING:
    from recovery_cli.checks import Finding

CONTEXT = 50
"""Characters of a reply shown on each side of the words a finding points at."""
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def place(problem: Problem) -> str:
    """`file:line:column`, as much of it as is known ("" for a command-line problem)."""
    where = problem.location
    if where.file is None and where.line is None:
        return ""
    text = shown_path(where.file) or "<input>"
    if where.line is not None:
        text += f":{where.line}" + (f":{where.column}" if where.column else "")
    return text


def problem_text(problem: Problem) -> list[Text]:
    """A problem as a line (and a hint line), coloured by severity."""
    colour = _COLOURS.get(problem.severity, "red")
    line = Text()
    where = place(problem)
    if where:
        line.append(clean(where), style="bold")
        line.append(": ")
        line.append(f"{problem.severity} [{problem.rule}]", style=f"bold {colour}")
        line.append(" " + clean(problem.message))
        if problem.location.field:
            line.append(clean(f" ({problem.location.field})"), style="dim")
    else:
        line.append(f"{problem.severity}: ", style=f"bold {colour}")
        line.append(clean(problem.message))
        if problem.location.field:
            line.append(clean(f" ({problem.location.field})"), style="dim")
    lines = [line]
    if problem.hint:
        lines.append(Text("  hint: " + clean(problem.hint), style="dim"))
    return lines


def print_problems(problems: Sequence[Problem], console: Console) -> None:
    for problem in problems:
        for line in problem_text(problem):
            console.print(line)


def lint_report(
    problems: Sequence[Problem], files: int, fmt: ReportFormat, console: Console
) -> None:
    """What `validate` and `lint` print: every finding, then a count (text), or data."""
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = sum(problem.severity == "warning" for problem in problems)
    if fmt is ReportFormat.json:
        findings = [{**p.to_json(), "file": shown_path(p.location.file)} for p in problems]
        data = {"files": files, "errors": errors, "warnings": warnings, "findings": findings}
        write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    if fmt is ReportFormat.github:
        write("".join(annotation(problem) + "\n" for problem in problems))
        return
    print_problems(problems, console)
    infos = len(problems) - errors - warnings
    console.print(
        f"{files} file(s): {errors} error(s), {warnings} warning(s)"
        + (f", {infos} note(s)" if infos else "")
    )


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the line in a pull request."""
    level = {"error": "error", "warning": "warning"}.get(problem.severity, "notice")
    where = problem.location
    properties = []
    if where.file:
        properties.append(f"file={_property(shown_path(where.file) or '')}")
    if where.line is not None:
        properties.append(f"line={where.line}")
    if where.column is not None:
        properties.append(f"col={where.column}")
    properties.append(f"title={_property(problem.rule)}")
    message = problem.message + (f" ({where.field})" if where.field else "")
    if problem.hint:
        message += f"\nhint: {problem.hint}"
    return f"::{level} {','.join(properties)}::{_data(clean(message))}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


# --- principle-check findings ----------------------------------------------------------


def print_findings(reply: str, findings: Sequence[Finding], console: Console) -> None:
    """Each finding: the principle, the words in context, why, and which way to go."""
    for finding in findings:
        colour = _COLOURS.get(finding.severity, "yellow")
        head = Text(f"{finding.severity}: ", style=f"bold {colour}")
        head.append(plain(f"{finding.principle}: {finding.rule}", "bold"))
        console.print(head)
        for row in _context(reply, finding.start, finding.end, colour):
            console.print(row)
        console.print(plain(f"  why: {finding.message}"))
        console.print(plain(f"  try: {finding.hint}", "dim"))
        console.print(plain(f"  ({finding.check})", "dim"))


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
