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
from recovery_cli.listen.answers import HeardAnswer
from recovery_cli.listen.begin import Heard
from recovery_cli.listen.prefill import Origin
from recovery_cli.playbook import outcome
from recovery_cli.playbook.inputs import (
    ASKED_WHEN_READ,
    clean_value,
    default_of,
    effective_inputs,
)
from recovery_cli.playbook.models import Playbook, Principle, Step
from recovery_cli.playbook.walk import Source, Walk
from recovery_cli.text import clean

HELP = "number = use that line, t = type your own, s = skip, b = back, q = quit"
MAX_MESSAGE = 20_000
"""As much of a pasted message as is read (see `recovery_cli.listen`)."""


def read(prompt: str) -> str:
    """One line from the agent; end of input or Ctrl-C stops the run (it is saved)."""
    return clean(read_raw(prompt), keep_newlines=False)


def read_raw(prompt: str) -> str:
    """One line as typed or pasted (the message keeps its own spacing until it is read)."""
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        raise Interrupted from None


def ask_message() -> str:
    """The customer's message, pasted: lines until an empty one (Enter alone skips it)."""
    console.say("Paste what the customer said, then an empty line (Enter alone to skip):", "bold")
    lines: list[str] = []
    while True:
        line = read_raw("> " if not lines else "  ")
        if not line.strip():
            return "\n".join(lines)
        lines.append(line)
        if sum(map(len, lines)) > MAX_MESSAGE:
            console.say("That is as much as a message needs; reading it now.", "yellow")
            return "\n".join(lines)


def propose(heard: Heard, known: Mapping[str, str]) -> str:
    """The playbook the message reads as, with the evidence, for the agent to confirm or
    change; `known` maps every playbook id to its title."""
    reading = heard.reading
    result = reading.triage
    if not reading.supported:
        console.say(
            f"The message is in a language the playbooks do not cover ({reading.language})."
        )
    elif result is not None and result.scenario is not None:
        console.say(f"This reads as: {result.scenario} ({known.get(result.scenario, '')})", "bold")
        console.say(f"  evidence: {', '.join(result.evidence)}", "dim")
        for fact in reading.also:  # a second problem: for the agent to handle, not drafted
            console.say(f"  they also said: {fact.words}", "dim")
    else:
        console.say("This reads as a routine request: no recovery playbook fits.", "yellow")
    options = [result.scenario] if result is not None and result.scenario else []
    options += [c.scenario for c in (result.candidates if result else []) if c.scenario]
    for number, scenario in enumerate(options, 1):
        console.say(f"  {number}. {scenario}: {known.get(scenario, '')}")
    default = "1" if options else ""
    while True:
        reply = read(f"Playbook (number or id{', Enter for 1' if default else ''}): ") or default
        if reply.isascii() and reply.isdigit() and 1 <= int(reply) <= len(options):
            return options[int(reply) - 1]
        if reply in known:
            return reply
        console.say(
            "Type a number from the list, or a playbook id (see `recovery list`).", "yellow"
        )


def ask_inputs(
    playbook: Playbook, given: Mapping[str, str], prefill: Mapping[str, Origin] | None = None
) -> dict[str, str]:
    """Ask for each input not given; a value read from the customer's message is offered
    with the words it came from, and Enter keeps it (or the default in brackets)."""
    console.out.print(Text(f"{playbook.title}  ({playbook.id})", style="bold"))
    note(playbook.summary, "dim")
    console.out.print()
    prefill = prefill or {}
    values: dict[str, str] = {}
    for spec in effective_inputs(playbook):
        if spec.name in given:  # given ahead or answered before a resume, even if empty
            value = clean_value(spec, given[spec.name]) or default_of(spec, values)
            if value or not spec.required:
                values[spec.name] = value
                continue
        if spec.name == "message" and "message" in given:
            continue
        offered = prefill.get(spec.name)
        if offered is None and spec.name in ASKED_WHEN_READ:
            values[spec.name] = default_of(spec, values)
            continue
        suggestion = offered.value if offered else default_of(spec, values)
        label = spec.prompt or spec.name.replace("_", " ").capitalize()
        if spec.choices:
            label += f" ({'/'.join(spec.choices)})"
        if suggestion:
            label += f" [{suggestion}]"
        elif not spec.required:
            label += " (optional)"
        if offered:
            note(f"{offered.describe()}", "cyan")
        elif spec.help:
            note(spec.help, "dim")
        while True:
            answer = read(f"{label}: ") or suggestion
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


def note(text: str, style: str = "") -> None:
    """Coaching and help, wrapped at word boundaries to the terminal's width."""
    wrapped(console.plain(text, style))


def wrapped(text: Text) -> None:
    """Print wrapped at word boundaries (the console itself leaves long lines whole)."""
    console.out.print(text, soft_wrap=False)


def walk_steps(
    walk: Walk,
    principles: Mapping[str, Principle],
    answers: Mapping[str, str],
    on_step: Callable[[], None],
    heard: Mapping[str, HeardAnswer] | None = None,
) -> None:
    """Show each step and record the agent's choice until the walk ends. `heard`: answers
    the customer's message gives, proposed (Enter accepts) instead of the default."""
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
            answer = _ask_question(step, (heard or {}).get(step.question.id))
        walk.choose(source, line, suggestion=number, answer=answer, findings=findings)
        on_step()


def _show_step(step: Step, number: int, principle: Principle | None, options: list[str]) -> None:
    console.out.print()
    console.out.print(Rule(Text(f"Step {number} · {step.stage} · {step.title}", style="bold")))
    wrapped(Text("Purpose: ", style="bold").append(console.plain(step.purpose)))
    why = console.plain(step.why, "italic")
    if principle is not None:
        why.append(console.plain(f"  ({principle.id}: {principle.rule})", "cyan"))
    wrapped(Text("Why: ", style="bold").append(why))
    for line in step.avoid:
        wrapped(Text("Avoid: ", style="bold red").append(console.plain(line, "red")))
    for index, option in enumerate(options, 1):
        wrapped(Text(f"  {index}. ", style="bold green").append(console.plain(option)))
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


def _ask_question(step: Step, heard: HeardAnswer | None = None) -> str:
    question = step.question
    assert question is not None
    keys = list(question.choices)
    proposed = heard.answer if heard is not None else question.default
    console.out.print(Text(question.ask, style="bold magenta"))
    for index, key in enumerate(keys, 1):
        mark = ""
        if key == proposed:
            mark = f" ({heard.describe()})" if heard is not None else " (default)"
        console.out.print(console.plain(f"  {index}. {question.choices[key]}{mark}"))
    default = keys.index(proposed) + 1
    while True:
        reply = read(f"Answer 1-{len(keys)} [{default}]: ") or str(default)
        if reply.isdigit() and 1 <= int(reply) <= len(keys):
            return keys[int(reply) - 1]
        if reply in question.choices:
            return reply
        console.say(f"Type a number from 1 to {len(keys)}.", "yellow")


def show_outcome(walk: Walk, transcript: Path | None) -> None:
    """What to say (on the phone or in person), then the reply as plain text between rules
    (nothing inside them but the reply, so it pastes cleanly), the assumptions, the
    checklist and where the transcript is."""
    reply = walk.reply()
    console.out.print()
    if reply.script:
        console.out.print(Rule(Text("What to say", style="bold")))
        for line in reply.script:
            note(f"• {line}")
    title = "Note to send afterwards" if reply.script else f"Draft to send ({reply.channel})"
    console.out.print(Rule(Text(title, style="bold")))
    console.raw(reply.text)
    console.out.print(Rule())
    unconfirmed = outcome.assumed(walk)
    if unconfirmed:
        console.out.print(Text("Assumed (check before sending)", style="bold yellow"))
        for line in unconfirmed:
            note(f"  - {line}")
    console.out.print(Text("Follow-up checklist", style="bold"))
    for item in walk.checklist():
        console.out.print(Text("  [ ] ").append(console.plain(item)), soft_wrap=False)
    console.out.print()
    if transcript is not None:
        console.out.print(console.plain(f"Transcript saved: {transcript}", "dim"))
