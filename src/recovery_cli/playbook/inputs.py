"""The standard inputs every playbook shares, and how supplied values become a context.

One batch file can feed any playbook because every playbook names its facts the same way;
the wording of each standard question lives here once, and a playbook only says whether it
needs the input (and may override its default or prompt).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook.models import Input, Playbook

STANDARD_INPUTS: dict[str, Input] = {
    spec.name: spec
    for spec in (
        Input(
            name="customer_name",
            prompt="Customer's name",
            help="As they gave it; the replies use it.",
            example="Dana",
        ),
        Input(
            name="message",
            prompt="What did the customer say?",
            help="Their words, pasted or summarised.",
            example="My glasses were promised for Friday and they still are not here.",
        ),
        Input(
            name="issue",
            prompt="What went wrong, in a few words?",
            help="A short clause read back to the customer: 'your glasses are late'.",
            example="your new glasses are late",
        ),
        Input(
            name="promised",
            prompt="What had we promised?",
            help="What we said, as it would follow 'we told you': 'ready by Friday'.",
            example="ready by Friday",
        ),
        Input(
            name="stakes",
            prompt="What is riding on it for the customer?",
            help="Their context as a clause about them: 'you need them for an interview'.",
            example="you need them for a job interview on Monday",
        ),
        Input(
            name="partner",
            prompt="Which partner or vendor was involved, if any?",
            help="Named as the customer would: 'the lens lab'; leave empty if none.",
            example="the lens lab",
        ),
        Input(
            name="severity",
            prompt="How severe is it for the customer?",
            choices=["low", "medium", "high"],
            example="high",
        ),
        Input(
            name="channel",
            prompt="Channel",
            choices=["phone", "chat", "email", "in-person", "social"],
            example="email",
        ),
        Input(
            name="next_update",
            prompt="When will you next update them?",
            help="A time you will keep, as it follows 'I will update you': 'by 5pm today'.",
            example="by 5pm today",
        ),
    )
}


def effective_inputs(playbook: Playbook) -> list[Input]:
    """The playbook's inputs with the standard wording filled in where it says nothing."""
    merged: list[Input] = []
    for spec in playbook.inputs:
        base = STANDARD_INPUTS.get(spec.name)
        if base is None:
            merged.append(spec)
            continue
        overrides = spec.model_dump(exclude_unset=True)
        merged.append(base.model_copy(update=overrides))
    return merged


def clean_value(spec: Input, raw: object) -> str:
    """A supplied value as text, checked against the input's choices."""
    value = "" if raw is None else str(raw).strip()
    if value and spec.choices:
        by_lower = {choice.lower(): choice for choice in spec.choices}
        if value.lower() not in by_lower:
            raise RecoveryError(
                f"`{spec.name}` must be one of {', '.join(spec.choices)}, not {value!r}",
                hint=f"give {spec.name}=" + spec.choices[0],
            )
        value = by_lower[value.lower()]  # as the playbook spells it
    return value


def resolve(
    playbook: Playbook, supplied: Mapping[str, object]
) -> tuple[dict[str, str], list[Input]]:
    """Values for every declared input, and the required ones still missing."""
    return resolve_specs(effective_inputs(playbook), supplied)


def resolve_specs(
    specs: Iterable[Input], supplied: Mapping[str, object]
) -> tuple[dict[str, str], list[Input]]:
    """`resolve` over inputs already merged (batch merges them once per run).

    Priority: what was supplied, then the input's default, then empty text (so templates
    can test `{% if partner %}` without the strict renderer failing on an absent name).
    """
    values: dict[str, str] = {}
    missing: list[Input] = []
    for spec in specs:
        value = clean_value(spec, supplied.get(spec.name))
        if not value and spec.default is not None:
            value = spec.default
        if not value and spec.required:
            missing.append(spec)
        values[spec.name] = value
    return values, missing


def sample_values(playbook: Playbook) -> dict[str, str]:
    """Realistic values for every input: for lint, graphs and previews."""
    values: dict[str, str] = {}
    for spec in effective_inputs(playbook):
        values[spec.name] = spec.example or spec.default or (spec.choices or [spec.name])[0]
    return values
