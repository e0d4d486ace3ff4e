"""The standard inputs every playbook shares, and how supplied values become a context.

One batch file can feed any playbook because every playbook names its facts the same way;
the wording of each standard question lives here once, and a playbook only says whether it
needs the input (and may override its default or prompt).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook.models import Input, Playbook
from recovery_cli.playbook.reply import ANSWERED
from recovery_cli.playbook.values import as_clause, tidy
from recovery_cli.text import clean

MAX_VALUE = 500
"""The longest value that goes into a sentence of the reply (a clause, a name, a time)."""
MAX_TEXT = 20_000
"""The longest free text (the customer's message)."""

STANDARD_INPUTS: dict[str, Input] = {
    spec.name: spec
    for spec in (
        Input(
            name="customer_name",
            kind="name",
            prompt="Customer's name",
            help="As they gave it; the replies use it.",
            example="Dana",
        ),
        Input(
            name="message",
            kind="text",
            prompt="What did the customer say?",
            help="Their words, pasted or summarised.",
            example="My glasses were promised for Friday and they still are not here.",
        ),
        Input(
            name="loss",
            kind="phrase",
            prompt="Has someone close to them died? Whose death, in a few words",
            help=(
                "The reply says sorry for it before anything else: 'your husband', 'your mum';"
                " 'your loss' when they did not say whose. Empty when no one has died."
            ),
            example="your husband",
        ),
        Input(
            name="harmed",
            kind="phrase",
            prompt="Was someone hurt, made ill or left without care? Who, in a few words",
            help=(
                "The reply asks after them before anything else: 'your son', 'your mum', 'you';"
                " 'someone' when it is not sure who. Empty when nobody was."
            ),
            example="your son",
        ),
        Input(
            name="contact_request",
            kind="phrase",
            prompt="Did they ask to be reached a certain way? As it follows 'You asked us to'",
            help=(
                "The reply says it back and keeps to it: 'call you on 07700 900123 after 5',"
                " 'text you, not call you', 'not call you at work'. Empty when they did not say."
            ),
            example="call you on 07700 900123 after 5",
        ),
        Input(
            name="needed_by",
            kind="phrase",
            prompt="Do they need it sooner than we usually promise? By when",
            help=(
                "As it follows 'You need it': 'tonight', 'by 7pm tonight', 'by tomorrow'."
                " Empty when a usual date will do."
            ),
            example="by 7pm tonight",
        ),
        Input(
            name="issue",
            kind="phrase",
            prompt="What went wrong, in a few words?",
            help="A short clause read back to the customer: 'your glasses are late'.",
            example="your new glasses are late",
        ),
        Input(
            name="item",
            kind="phrase",
            prompt="What did they order, in their words?",
            help=(
                "The thing, as it follows 'I'm sorry': 'your oak coffee table'. A playbook's"
                " default wording names it ('{item} arrived damaged')."
            ),
            example="your oak coffee table",
        ),
        Input(
            name="appointment",
            kind="phrase",
            prompt="What was the visit for, in their words?",
            help=(
                "As it follows 'I'm sorry about': 'your boiler service'. A playbook's default"
                " wording names it ('{appointment} didn't happen when we said it would')."
            ),
            example="your boiler service",
        ),
        Input(
            name="booking",
            kind="phrase",
            prompt="What had they booked, in their words?",
            help=(
                "As it follows 'I'm sorry about': 'your Garden Room', 'your pitch 42'. A"
                " playbook's default wording names it."
            ),
            example="your Garden Room",
        ),
        Input(
            name="plan",
            kind="phrase",
            prompt="What are they cancelling?",
            help="As it follows 'I'm cancelling': 'your gym membership', 'your broadband'.",
            example="your gym membership",
        ),
        Input(
            name="details",
            kind="phrase",
            prompt="Which of their details went astray, in their words?",
            help=(
                "As the customer named them: 'your payslips', 'your new address'. A playbook's"
                " default wording names them ('{details} went somewhere we should never have"
                " allowed'); a full list, once confirmed, belongs in an input of its own."
            ),
            example="your payslips",
        ),
        Input(
            name="owed",
            kind="phrase",
            prompt="Which money are they waiting for, in their words?",
            help=(
                "By what it was for: 'your deposit', 'your refund for the cancelled gig'. A"
                " playbook's default wording names it ('you're still without {owed}')."
            ),
            example="your refund for the cancelled gig",
        ),
        Input(
            name="staff",
            kind="phrase",
            prompt="Who of ours do they complain about, by role?",
            help=(
                "As it follows 'what you had every right to expect from': 'our receptionist',"
                " 'our night manager'. A playbook's default wording names them."
            ),
            example="our receptionist",
        ),
        Input(
            name="job",
            kind="phrase",
            prompt="What did we send someone to work on, in their words?",
            help=(
                "As it follows 'I'm sorry about': 'your kitchen fitting', 'the work on your new"
                " boiler'. A playbook's default wording names it ('{job} wasn't done properly')."
            ),
            example="your kitchen fitting",
        ),
        Input(
            name="damaged",
            kind="phrase",
            prompt="What of theirs was damaged, in their words?",
            help=(
                "As it follows 'we'll pay for cleaning or replacing': 'your coat', 'her dress'."
                " A playbook's default wording names it."
            ),
            example="your silk blouse",
        ),
        Input(
            name="matter",
            kind="phrase",
            prompt="What is the case about, in their words?",
            help=(
                "The money, charge, service, thing or booking it concerns: 'your deposit',"
                " 'your broadband'. Read from the message as the first of those it names; a"
                " playbook's default wording names it."
            ),
            example="your deposit",
        ),
        Input(
            name="request",
            kind="phrase",
            prompt="What did they ask us to do, in their words?",
            help=(
                "As it follows 'we are not able to': 'extend your free trial', 'let you change"
                " the name on your ticket'. A playbook's default wording names it ('we are not"
                " able to {request} this time')."
            ),
            example="extend your free trial",
        ),
        Input(
            name="service",
            kind="phrase",
            prompt="What stopped working, in their words?",
            help=(
                "Whose it is, then what: 'our app', 'your broadband'. A playbook's default"
                " wording names it ('{service} hasn't been working for you')."
            ),
            example="our app",
        ),
        Input(
            name="charge",
            kind="phrase",
            prompt="Which charge, fee or bill is it, in their words?",
            help=(
                "What it is for: 'your roaming charges', 'your late payment fee'. A playbook's"
                " default wording names it ('there's a problem with {charge}')."
            ),
            example="your roaming charges",
        ),
        Input(
            name="promised",
            kind="phrase",
            prompt="What had we promised?",
            help="What we said, as it would follow 'we told you': 'ready by Friday'.",
            example="ready by Friday",
        ),
        Input(
            name="stakes",
            kind="clause",
            prompt="What is riding on it for the customer?",
            help="Their context as a clause about them: 'you need them for an interview'.",
            example="you need them for a job interview on Monday",
        ),
        Input(
            name="partner",
            kind="phrase",
            prompt="Which partner or vendor was involved, if any?",
            help="Named as the customer would: 'the lens lab'; leave empty if none.",
            example="the lens lab",
        ),
        Input(
            name="severity",
            kind="choice",
            prompt="How severe is it for the customer?",
            choices=["low", "medium", "high"],
            example="high",
        ),
        Input(
            name="channel",
            kind="choice",
            prompt="Channel",
            choices=["phone", "chat", "email", "in-person", "social", "review"],
            example="email",
        ),
        Input(
            name="reference",
            kind="literal",
            prompt="Order, booking or ticket number",
            help="With its kind, as the customer gave it: 'order 99102', 'booking KX7P2Q'.",
            example="order 99102",
        ),
        Input(
            name="amount",
            kind="literal",
            prompt="How much money is involved?",
            help="With its currency: '£49.99'.",
            example="£49.99",
        ),
        Input(
            name="waited",
            kind="phrase",
            prompt="How long have they waited?",
            help="As it would follow 'you have waited': 'three weeks', 'since Monday'.",
            example="three weeks",
        ),
        Input(
            name="times",
            kind="phrase",
            prompt="How often has it happened?",
            help="'twice', 'the third time'.",
            example="the third time",
        ),
        Input(
            name="next_update",
            kind="phrase",
            prompt="When will you next update them?",
            help="A time you will keep, as it follows 'I will update you': 'by 5pm today'.",
            example="by 5pm today",
        ),
    )
}


PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]{0,40})\}")
"""Another input named in a default, `{item}`: filled with that input's value."""


def placeholders(default: str | None) -> list[str]:
    """The inputs a default names (`"{item} arrived damaged"` names `item`)."""
    return PLACEHOLDER.findall(default) if default else []


def default_of(spec: Input, values: Mapping[str, object]) -> str:
    """An input's default with each input it names filled in from `values`: damaged-item's
    "{item} arrived damaged" reads "your oak table arrived damaged" when the customer named
    the table, and "your order arrived damaged" with `item` at its own default. Lint makes
    sure each named input is declared and has a default of its own (`integrity`)."""
    default = spec.default or ""
    if "{" not in default:
        return default
    return PLACEHOLDER.sub(lambda match: str(values.get(match.group(1)) or ""), default)


NAMING = frozenset(
    {"item", "appointment", "booking", "plan", "service", "charge", "request", "details"}
    | {"owed", "staff", "job", "damaged", "matter"}
)
"""Standard inputs that put the customer's own name for something into a playbook's default
wording ("{item} arrived damaged"): the thing, the visit, the booking, the plan, the
service, the charge, the request, the details, the money, the person, the job, what was
damaged and the case."""

ASKED_WHEN_READ = frozenset({*ANSWERED, *(NAMING - {"plan"})})
"""Inputs an interactive run asks for only when the customer's message gave them: asking
every customer's agent whether someone has died or been hurt would be intrusive, how they
asked to be reached is asked of the message, not of every agent, and asking
what was ordered, booked or stopped working, what a visit was for, what they asked for,
which details went astray, which money they are owed or who treated them badly only puts a
name to what the default already says ("your order", "your appointment", "our service", "do
what you asked for", "some of your personal details", "your money", "us", "the work we
sent someone to do", "what was damaged", "your case").
What they are cancelling (`plan`) is asked for whenever the playbook has it, since
hard-to-cancel's own lines say it. `--set` still gives one."""


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
    """A supplied value as text, checked against the input's choices and tidied for its kind.

    Every value loses control and invisible characters first (`text.clean`); then a
    clause or phrase is made fit for its sentence (`values.as_clause`), a name keeps one
    line, and a choice must be one of the choices (any capitals).
    """
    if raw is None or raw == "":
        return ""  # nothing given: nothing to check (the commonest case in a batch row)
    value = clean(str(raw)).strip()
    limit = MAX_TEXT if (spec.kind or "text") == "text" else MAX_VALUE
    if len(value) > limit:
        raise RecoveryError(
            f"`{spec.name}` is {len(value):,} characters long; the most it may hold is {limit:,}",
            hint="give the gist: it goes into a sentence of the reply"
            if limit == MAX_VALUE
            else "give the customer's message, not a whole thread",
        )
    if value and spec.choices:
        by_lower = {choice.lower(): choice for choice in spec.choices}
        if value.lower() not in by_lower:
            raise RecoveryError(
                f"`{spec.name}` must be one of {', '.join(spec.choices)}, not {value!r}",
                hint=f"give {spec.name}=" + spec.choices[0],
            )
        return by_lower[value.lower()]  # as the playbook spells it
    kind = spec.kind or "text"
    if kind == "clause":
        return as_clause(value)
    if kind == "phrase":
        return as_clause(value, noun_phrase=False)
    if kind == "literal":
        return tidy(value)  # "customer no. 4410" is a number's name, not a person to turn
    if kind == "name":
        return " ".join(value.split())
    return value


@dataclass
class Resolved:
    """Values for every declared input, which ones are still missing, and which defaulted."""

    values: dict[str, str]
    missing: list[Input] = field(default_factory=list)
    defaulted: list[str] = field(default_factory=list)
    """Inputs nobody gave that took the playbook's default: assumptions to check."""


def resolve(playbook: Playbook, supplied: Mapping[str, object]) -> Resolved:
    """Values for every declared input, the required ones still missing, the defaulted."""
    return resolve_specs(effective_inputs(playbook), supplied)


def resolve_specs(specs: Iterable[Input], supplied: Mapping[str, object]) -> Resolved:
    """`resolve` over inputs already merged (batch merges them once per run).

    Priority: what was supplied, then the input's default, then empty text (so templates
    can test `{% if partner %}` without the strict renderer failing on an absent name).
    """
    resolved = Resolved({})
    naming: list[Input] = []
    for spec in specs:
        value = clean_value(spec, supplied.get(spec.name))
        if not value and spec.default is not None:
            value = spec.default
            resolved.defaulted.append(spec.name)
            if "{" in value:
                naming.append(spec)
        if not value and spec.required:
            resolved.missing.append(spec)
        resolved.values[spec.name] = value
    for spec in naming:  # filled once every input has its value, whatever the order
        resolved.values[spec.name] = default_of(spec, resolved.values)
    return resolved


def sample_values(playbook: Playbook) -> dict[str, str]:
    """Realistic values for every input: for lint, graphs and previews."""
    values: dict[str, str] = {}
    specs = effective_inputs(playbook)
    for spec in specs:
        values[spec.name] = spec.example or spec.default or (spec.choices or [spec.name])[0]
    for spec in specs:
        if not spec.example and placeholders(spec.default):
            values[spec.name] = default_of(spec, values)
    return values
