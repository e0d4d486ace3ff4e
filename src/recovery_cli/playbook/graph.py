"""Pictures of a playbook's flow: Mermaid and Graphviz text, and SVG through Graphviz.

A trainer reviewing a playbook with a colleague wants to see its shape, the way a
dialogue writer looks at a conversation graph: each step with its principle, each branch
labelled with the answer that takes it, the dotted way past a conditional step, and where
the walk ends. Mermaid renders in GitHub, GitLab and most wikis; `dot` text goes to
Graphviz, which `render_svg` runs when it is installed.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook.flow import Flow
from recovery_cli.playbook.models import END, Playbook
from recovery_cli.text import clean, shorten

INSTALL_HINT = (
    "install Graphviz: `apt-get install graphviz` (Debian, Ubuntu) or "
    "`brew install graphviz` (macOS); or use --format mermaid"
)
LABEL_WIDTH = 40


@dataclass(frozen=True)
class Arrow:
    """One drawn edge: several answers that lead to the same step share an arrow."""

    source: str
    target: str
    label: str
    skipped: bool


def arrows(playbook: Playbook) -> list[Arrow]:
    """The edges to draw, labelled with the answers (and `(default)`) that take them."""
    result: list[Arrow] = []
    flow = Flow(playbook)
    for number, step in enumerate(playbook.steps):
        if flow.index[step.id] != number:
            continue  # a duplicate id: validation reports it
        labels: dict[str, list[str]] = {}
        skip_target: str | None = None
        for edge in flow.edges.get(step.id, []):
            if not flow.known(edge.target):
                continue
            if edge.skipped:
                skip_target = edge.target
                continue
            words = labels.setdefault(edge.target, [])
            if edge.answer is not None and step.question is not None:
                text = f"{edge.answer}: {_short(step.question.choices[edge.answer])}"
                if edge.answer == step.question.default:
                    text += " (default)"
                words.append(text)
        for target, words in labels.items():
            result.append(Arrow(step.id, target, "\n".join(words), False))
        if skip_target is not None:
            result.append(Arrow(step.id, skip_target, f"skipped unless {step.when}", True))
    return result


def mermaid(playbook: Playbook) -> str:
    """A Mermaid flowchart (`flowchart TD`) of the playbook."""
    names = {step.id: f"s{number}" for number, step in enumerate(playbook.steps)}
    names[END] = "finish"
    lines = ["flowchart TD", f"  %% {playbook.id}: {_one_line(playbook.title)}"]
    for step in playbook.steps:
        label = f"{step.title}<br/>{step.stage} · principle: {step.principle}"
        if step.question is not None:
            label += f"<br/>asks: {_short(step.question.ask)}"
        lines.append(f'  {names[step.id]}["{_mermaid_text(label)}"]')
    lines.append(f'  {names[END]}(["end: draft and checklist"])')
    for arrow in arrows(playbook):
        source, target = names[arrow.source], names[arrow.target]
        link = "-.->" if arrow.skipped else "-->"
        if arrow.label:
            text = _mermaid_text(arrow.label.replace("\n", "<br/>"))
            lines.append(f'  {source} {link}|"{text}"| {target}')
        else:
            lines.append(f"  {source} {link} {target}")
    conditional = [names[step.id] for step in playbook.steps if step.when]
    if conditional:
        lines.append("  classDef conditional stroke-dasharray: 5 5")
        lines.append(f"  class {','.join(conditional)} conditional")
    return "\n".join(lines) + "\n"


def dot(playbook: Playbook) -> str:
    """Graphviz `dot` text of the playbook."""
    lines = [
        f"digraph {_dot_text(playbook.id)} {{",
        f"  label={_dot_text(playbook.title)}; labelloc=t; rankdir=TB;",
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for step in playbook.steps:
        label = f"{step.title}\n{step.stage} · principle: {step.principle}"
        if step.question is not None:
            label += f"\nasks: {_short(step.question.ask)}"
        style = ', style="rounded,dashed"' if step.when else ""
        lines.append(f"  {_dot_text(step.id)} [label={_dot_text(label)}{style}];")
    lines.append(f'  {_dot_text(END)} [label="end: draft and checklist", shape=oval];')
    for arrow in arrows(playbook):
        attributes = [f"label={_dot_text(arrow.label)}"] if arrow.label else []
        if arrow.skipped:
            attributes.append("style=dotted")
        suffix = f" [{', '.join(attributes)}]" if attributes else ""
        lines.append(f"  {_dot_text(arrow.source)} -> {_dot_text(arrow.target)}{suffix};")
    lines.append("}")
    return "\n".join(lines) + "\n"


DRAWN = {".svg": "svg", ".png": "png"}
"""Picture formats Graphviz draws, by the output's extension."""
TEXT = {".dot": "dot", ".gv": "dot", ".mmd": "mermaid", ".mermaid": "mermaid"}
"""Text formats written as they are, by the output's extension."""


def format_for(output: Path | None, asked: str | None) -> str:
    """What to write: the format asked for, else the one the output's extension names.

    An extension nothing here writes is an error rather than Mermaid text under a
    picture's name (`flow.jpg`)."""
    if output is None or str(output) == "-":
        return asked or "mermaid"
    suffix = output.suffix.lower()
    by_name = DRAWN.get(suffix) or TEXT.get(suffix)
    if by_name is None:
        known = ", ".join(sorted({*DRAWN, *TEXT}))
        raise RecoveryError(
            f"cannot tell what to write for {output.name}",
            hint=f"end the file name in one of {known}, or write to standard output with -",
        )
    if asked is not None and asked != by_name and by_name in DRAWN.values():
        raise RecoveryError(
            f"{output.name} is a picture; --format {asked} writes text",
            hint=f"name the file .{asked if asked == 'dot' else 'mmd'}, or drop --format",
        )
    return asked if asked is not None and by_name not in DRAWN.values() else by_name


def draw(dot_text: str, output: Path, kind: str, timeout: float = 60) -> None:
    """Run Graphviz's `dot` to draw an SVG or PNG; a clear hint when it is not installed."""
    program = shutil.which("dot")
    if program is None:
        raise RecoveryError("Graphviz's `dot` program is not installed", hint=INSTALL_HINT)
    try:
        result = subprocess.run(
            [program, f"-T{kind}", "-o", str(output)],
            input=dot_text,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RecoveryError(f"Graphviz failed: {exc}", hint=INSTALL_HINT) from None
    if result.returncode != 0:
        raise RecoveryError(f"Graphviz failed: {result.stderr.strip() or result.returncode}")


def _short(text: str) -> str:
    return shorten(_one_line(text), LABEL_WIDTH)


def _one_line(text: str) -> str:
    """A label on one line, without escape sequences or invisible characters."""
    return clean(text, keep_newlines=False)


def _mermaid_text(text: str) -> str:
    """Text safe inside a quoted Mermaid label (quotes and markup characters as entities)."""
    text = clean(text)
    replacements = {'"': "#quot;", "<br/>": "\0", "<": "#lt;", ">": "#gt;", "|": "#124;"}
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text.replace("\0", "<br/>")


def _dot_text(text: str) -> str:
    """A double-quoted dot string; newlines become centred line breaks."""
    text = clean(text)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
