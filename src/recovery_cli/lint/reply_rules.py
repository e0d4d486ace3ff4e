"""Lint rules on the reply a playbook makes when nobody is at the keyboard.

A batch row and `run --no-input` take the sample inputs' place with real ones, every
question's default answer and every step's first suggestion. Lint walks the playbook that
way (with the one walker, `run_scripted`) at each severity and reads the reply on every
channel, as a trainer would before signing it off:

- the walk reaches the end (`sample-run`);
- each channel's reply is within its limit, and the public reply reads nothing private
  (`channel-fit`);
- no reply states an action as done, since nobody did it (`unconfirmed-claim`);
- the name is said once and each fact once (`name-repeated`, `value-repeated`);
- low, medium and high severity read differently (`severity-alike`).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from recovery_cli.checks.claims import claims
from recovery_cli.documents import Place
from recovery_cli.errors import Location, Problem, RecoveryError, undotted
from recovery_cli.lint.registry import rule
from recovery_cli.lint.template_rules import sample_context
from recovery_cli.playbook import public, render
from recovery_cli.playbook.inputs import default_of, effective_inputs, sample_values
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.reply import ANSWERED, CHANNELS, LIMITS, PUBLIC
from recovery_cli.playbook.walk import MAX_VISITS, Walk, finish

READABLE_IN_PUBLIC = frozenset(
    {
        "first_name",
        "company",
        "agent_name",
        "next_update",
        "greeting",
        public.CONTACT,
        *public.FACT_NAMES,
    }
)
"""What a public reply may read: how to greet the customer, and what they said in public."""
REPEATABLE = ("stakes", "partner", "promised")
"""Facts a reply should say once."""


def reply_problems(playbook: Playbook, place: Place) -> list[Problem]:
    """Every finding of these rules, each reported once however many walks show it."""
    found: dict[tuple[str, str, str | None], Problem] = {}
    for problem in _walks(playbook, place):
        found.setdefault((problem.rule, problem.message, problem.location.field), problem)
    return list(found.values())


def _walks(playbook: Playbook, place: Place) -> Iterator[Problem]:
    """Walk unattended at each severity the playbook knows and read every channel's reply."""
    severities = _severities(playbook)
    emails: dict[str, str] = {}
    for severity in severities:
        # The first words for a death or for someone hurt, and the line that says back how
        # the customer asked to be reached, are the same in every playbook, said only when
        # the customer tells of them: the playbook's own lines are what lint measures and
        # checks.
        values = {**sample_values(playbook), **dict.fromkeys(ANSWERED, "")}
        if severity:
            values["severity"] = severity
        walk = Walk(playbook, values, place.source)
        try:
            finish(walk)
        except RecoveryError as exc:
            yield _failed(walk, exc, place)
            return
        for channel in CHANNELS:
            try:
                reply = walk.reply(channel)
            except RecoveryError as exc:
                yield _failed(walk, exc, place)
                return
            if channel == "email":
                emails[severity] = reply.text
                yield from _claims(walk, reply.text, place)
                yield from _repeats(walk, reply.text, place)
            if reply.over_limit:
                yield rule("channel-fit").problem(
                    f"the {channel} reply at {severity or 'default'} severity is "
                    f"{len(reply.text)} characters; the limit is {reply.limit}",
                    place.at("draft", "social") if channel in PUBLIC else place.at("steps"),
                    "shorten it: give steps `chat:` forms, or skip steps on this channel",
                )
    yield from _public(playbook, place)
    texts = list(emails.values())
    if len(texts) == 3 and len(set(texts)) < 3:
        index = next(i for i, spec in enumerate(playbook.inputs) if spec.name == "severity")
        yield rule("severity-alike").problem(
            "low, medium and high severity do not all give different replies",
            place.at("inputs", index, "name"),
            "let severity change the reply: skip steps at low (`when: \"severity != 'low'\"`),"
            " add one at high",
        )


def _severities(playbook: Playbook) -> list[str]:
    spec = next((spec for spec in playbook.inputs if spec.name == "severity"), None)
    return ["low", "medium", "high"] if spec is not None else [""]


def _failed(walk: Walk, exc: RecoveryError, place: Place) -> Problem:
    """A walk that failed: where, and why, in a trainer's words."""
    if len(walk.records) > MAX_VISITS:
        looping = walk.first_repeat() or walk.path()[-1]
        index = walk.playbook.index_of(looping) or 0
        return rule("sample-run").problem(
            "a scripted run with sample inputs and default answers fails: the default "
            f"answers loop back to step `{looping}` and never reach the end",
            place.at("steps", index, "id"),
            "give the loop's default answer a branch that leaves it",
        )
    field = exc.location.field
    return rule("sample-run").problem(
        f"a scripted run with sample inputs and default answers fails: {exc.message}",
        place.at(*undotted(field)) if field else place.at(),
        exc.hint or "every question's default answer must lead to the end",
    )


def _claims(walk: Walk, text: str, place: Place) -> Iterator[Problem]:
    for claim in claims(text):
        where = place.at("draft")
        for record in walk.records:
            if record.line and claim.words in record.line:
                index = walk.playbook.index_of(record.step) or 0
                where = place.at("steps", index, "suggestions", (record.suggestion or 1) - 1)
                break
        yield rule("unconfirmed-claim").problem(
            f"an unattended reply says {claim.words!r}, but nobody confirmed it was done",
            where,
            "make the first suggestion say what will be done and by when (\"I'm refunding it "
            "now; you'll see it by Friday\"), and the default answer the branch that claims "
            "nothing",
        )


def _repeats(walk: Walk, text: str, place: Place) -> Iterator[Problem]:
    low = text.lower()
    name = walk.derived.get("first_name", "")
    if name and low.count(name.lower()) > 1:
        yield rule("name-repeated").problem(
            f"the reply names the customer ({name}) {low.count(name.lower())} times",
            _line_with(walk, name, place, 1),
            "greet them once with `{{ greeting }}`; leave the name out of the lines",
        )
    for key in REPEATABLE:
        value = walk.values.get(key, "")
        if len(value) > 6 and low.count(value.lower()) > 1:
            yield rule("value-repeated").problem(
                f"the reply says `{key}` ({value!r}) {low.count(value.lower())} times",
                _line_with(walk, value, place, 2),
                "say each fact once; refer back to it in other words",
            )


def _line_with(walk: Walk, words: str, place: Place, nth: int) -> Location:
    """The suggestion that put the `nth` occurrence of `words` into the reply (else the steps)."""
    seen = 0
    for record in walk.records:
        if record.line and walk.playbook.step(record.step).in_draft:
            seen += record.line.lower().count(words.lower())
            if seen >= nth:
                index = walk.playbook.index_of(record.step) or 0
                return place.at("steps", index, "suggestions", (record.suggestion or 1) - 1)
    return place.at("steps")


def _public(playbook: Playbook, place: Place) -> Iterator[Problem]:
    social = playbook.draft.social
    if not social:
        return
    try:
        names = render.names_used(social)
    except Exception:  # reported as a syntax problem
        return
    private = sorted(names - READABLE_IN_PUBLIC)
    if private:
        yield rule("channel-fit").problem(
            f"the public reply reads {', '.join(f'`{name}`' for name in private)}: "
            "a social post must name nothing private",
            place.at("draft", "social"),
            "use only first_name, company, agent_name, next_update, contact_us and the "
            f"public facts ({', '.join(public.FACT_NAMES)}), and move the details to a "
            "private channel",
        )
        return
    longest = _longest_public(social, playbook)
    if longest is not None and longest > LIMITS["social"]:
        yield rule("channel-fit").problem(
            f"the public reply is {longest} characters when the customer's public facts "
            f"take all the room they may ({public.PUBLIC_BUDGET} characters); the limit is "
            f"{LIMITS['social']}",
            place.at("draft", "social"),
            f"shorten its own words by {longest - LIMITS['social']} characters",
        )


def _longest_public(social: str, playbook: Playbook) -> int | None:
    """The length of the longest public reply the facts can make: each set of them said
    (a fact left out can switch in other words, "this isn't working for you"), with the
    ones said as long as `public.public_facts` lets them be, and every input at the longer
    of its example and its default."""
    context = {**sample_context(playbook), "first_name": "Alexandra", public.CONTACT: public.DIRECT}
    for spec in effective_inputs(playbook):  # "within the next two hours", not "by 5pm"
        context[spec.name] = max(spec.example or "", default_of(spec, context), key=len)
    longest = 0
    for said in product((False, True), repeat=len(public.FACT_NAMES)):
        facts, room = {}, public.PUBLIC_BUDGET
        for name, on in sorted(zip(public.FACT_NAMES, said, strict=True), key=_issue_last):
            most = room if name == "public_issue" else min(room, public.BESIDE_ISSUE)
            facts[name] = _padded(str(context.get(name) or "x"), most) if on else ""
            room -= len(facts[name])
        try:
            longest = max(longest, len(render.render(social, {**context, **facts})))
        except RecoveryError:
            return None  # reported by the sample run
    return longest


def _issue_last(said: tuple[str, bool]) -> bool:
    """The short facts take their most first; the issue takes the room left."""
    return said[0] == "public_issue"


def _padded(sample: str, length: int) -> str:
    """A sample fact made exactly `length` characters long (cut, or padded after " and ")."""
    return (sample + " and " + "x" * length)[:length]
