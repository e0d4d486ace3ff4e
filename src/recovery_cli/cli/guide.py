"""The interactive side of `recovery run`: asking the agent, one step at a time.

The agent is mid-conversation with an upset customer, so each screen is short: what this
step is for, why (the principle), what to avoid, and numbered lines ready to say. A line
the agent types is checked against the principles at once; they may revise or keep it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from rich.rule import Rule
from rich.text import Text

from recovery_cli.checks import check
from recovery_cli.cli import console, report
from recovery_cli.errors import Interrupted, RecoveryError
from recovery_cli.playbook.inputs import clean_value, effective_inputs
from recovery_cli.playbook.models import Playbook, Principle, Step
from recovery_cli.playbook.walk import Source, Walk
from recovery_cli.text import clean

HELP = "number = use that line, t = type your own, s = skip, b = back, q = quit"


def read(prompt: str) -> str:
    """One line from the agent; end of input or Ctrl-C stops the run (it is saved)."""
    try:
        return clean(input(prompt), keep_newlines=False)
    except (EOFError, KeyboardInterrupt):
        raise Interrupted from None


def ask_inputs(playbook: Playbook, given: Mapping[str, str]) -> dict[str, str]:
    """Ask for each input not given; Enter keeps the default shown in brackets."""
    console.out.print(Text(f"{playbook.title}  ({playbook.id})", style="bold"))
    console.out.print(console.plain(playbook.summary, "dim"))
    console.out.print()
    values: dict[str, str] = {}
    for spec in effective_inputs(playbook):
        if spec.name in given:  # given ahead or answered before a resume, even if empty
            value = clean_value(spec, given[spec.name]) or spec.default or ""
            if value or not spec.required:
                values[spec.name] = value
                continue
        label = spec.prompt or spec.name.replace("_", " ").capitalize()
        if spec.choices:
            label += f" ({'/'.join(spec.choices)})"
        if spec.default:
            label += f" [{spec.default}]"
        elif not spec.required:
            label += " (optional)"
        if spec.help:
            console.say(spec.help, "dim")
        while True:
            answer = read(f"{label}: ") or (spec.default or "")
            try:
                answer = clean_value(spec, answer)
            except RecoveryError as exc:
                console.say(exc.message, "yellow")
                continue
            if spec.required and not answer:
                console.say("This one is needed for the replies.", "yellow")
                continue
            values[spec.name] = answer
            break
    return values


def walk_steps(
    walk: Walk,
    principles: Mapping[str, Principle],
    answers: Mapping[str, str],
    on_step: Callable[[], None],
) -> None:
    """Show each step and record the agent's choice until the walk ends."""
    while walk.current is not None:
        step = walk.current
        options = walk.suggestions()
        _show_step(step, len(walk.records) + 1, principles.get(step.principle), options)
        choice = _choose(walk, step, options)
        if choice is None:
            continue  # went back
        source, line, number, findings = choice
        answer = answers.get(step.question.id) if step.question else None
        if step.question is not None and answer is None:
            answer = _ask_question(step)
        walk.choose(source, line, suggestion=number, answer=answer, findings=findings)
        on_step()


def _show_step(step: Step, number: int, principle: Principle | None, options: list[str]) -> None:
    console.out.print()
    console.out.print(Rule(Text(f"Step {number} · {step.stage} · {step.title}", style="bold")))
    console.out.print(Text("Purpose: ", style="bold").append(console.plain(step.purpose)))
    why = console.plain(step.why, "italic")
    if principle is not None:
        why.append(console.plain(f"  ({principle.id}: {principle.rule})", "cyan"))
    console.out.print(Text("Why: ", style="bold").append(why))
    for line in step.avoid:
        console.out.print(Text("Avoid: ", style="bold red").append(console.plain(line, "red")))
    for index, option in enumerate(options, 1):
        console.out.print(Text(f"  {index}. ", style="bold green").append(console.plain(option)))
    if not options:
        console.say("  (no suggested line here: type your own or skip)", "dim")


Choice = tuple[Source, str | None, int | None, list[dict[str, object]]]


def _choose(walk: Walk, step: Step, options: list[str]) -> Choice | None:
    default = "1" if options else "t"
    while True:
        reply = (
            read(
                f"Choose 1-{len(options)}, t, s, b or q [{default}]: "
                if options
                else f"t, s, b or q [{default}]: "
            ).lower()
            or default
        )
        if reply.isdigit() and 1 <= int(reply) <= len(options):
            return "suggestion", options[int(reply) - 1], int(reply), []
        if reply in {"t", "type"}:
            typed = _type_own_line(walk)
            if typed is not None:
                return typed
            continue
        if reply in {"s", "skip"}:
            return "skipped", None, None, []
        if reply in {"b", "back"}:
            if walk.back():
                return None
            console.say("This is the first step.", "yellow")
            continue
        if reply in {"q", "quit"}:
            raise Interrupted
        console.say(HELP, "yellow")


def _type_own_line(walk: Walk) -> Choice | None:
    """Read the agent's own line, check it, and let them revise or keep it."""
    opening = not any(
        record.line and walk.playbook.step(record.step).in_draft for record in walk.records
    )
    while True:
        line = read("Your line (empty to go back to the list): ")
        if not line:
            return None
        findings = check(line, name=walk.values.get("customer_name") or None, opening=opening)
        if not findings:
            return "typed", line, None, []
        report.print_findings(line, findings, console.out)
        keep = read("k = keep it anyway, r = revise [r]: ").lower()
        if keep in {"k", "keep"}:
            return "typed", line, None, [finding.to_json() for finding in findings]


def _ask_question(step: Step) -> str:
    question = step.question
    assert question is not None
    keys = list(question.choices)
    console.out.print(Text(question.ask, style="bold magenta"))
    for index, key in enumerate(keys, 1):
        mark = " (default)" if key == question.default else ""
        console.out.print(console.plain(f"  {index}. {question.choices[key]}{mark}"))
    default = keys.index(question.default) + 1
    while True:
        reply = read(f"Answer 1-{len(keys)} [{default}]: ") or str(default)
        if reply.isdigit() and 1 <= int(reply) <= len(keys):
            return keys[int(reply) - 1]
        if reply in question.choices:
            return reply
        console.say(f"Type a number from 1 to {len(keys)}.", "yellow")


def show_outcome(walk: Walk, path: Path) -> None:
    """The draft as plain text between rules (nothing inside it but the draft), then the rest."""
    console.out.print()
    console.out.print(Rule(Text("Draft to send", style="bold")))
    console.raw(walk.draft())
    console.out.print(Rule())
    console.out.print(Text("Follow-up checklist", style="bold"))
    for item in walk.checklist():
        console.out.print(Text("  [ ] ").append(console.plain(item)))
    console.out.print()
    console.out.print(console.plain(f"Transcript saved: {path}", "dim"))
