"""The playbook format: the single source of validation, the JSON Schema and field docs.

Every field carries a description because `recovery schema` turns these models into the
schema editors use for completion and hover help: a trainer reads these sentences.
Cross-references (a branch to a step that exists, a question default among its choices)
are checked by `recovery_cli.integrity`, which can point at the exact field.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64),
    Field(description="Lower-case words joined by hyphens, e.g. `outsourced-delay`."),
]
Identifier = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64),
    Field(description="Lower-case letters, digits and underscores, starting with a letter."),
]
StepId = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64),
    Field(description="A step id: lower-case letters, digits, `-` and `_`."),
]
Template = Annotated[
    str,
    StringConstraints(min_length=1, max_length=4000),
    Field(description="Text with Jinja placeholders such as `{{ customer_name }}`."),
]
Condition = Annotated[
    str,
    StringConstraints(min_length=1, max_length=500),
    Field(description="A Jinja expression over inputs and answers, e.g. `severity == 'high'`."),
]

_WORD = r"[a-z0-9&'’+-]+(?:\|[a-z0-9&'’+-]+)*"
"""A word of a phrase, or `|` between its alternatives."""
Phrase = Annotated[
    str,
    StringConstraints(pattern=rf"^{_WORD}(?: (?:\.\.\.|{_WORD}))*$", max_length=200),
    Field(
        description=(
            "Lower-case words separated by single spaces; `|` between a word's alternatives, "
            "`...` for a few words between."
        )
    ),
]

Stage = Literal["listen", "empathise", "own", "protect", "fix", "follow-up"]
Category = Literal[
    "late-delivery",
    "service-mistake",
    "escalation-request",
    "order-protection",
    "billing-problem",
    "refund",
    "account-access",
    "general-complaint",
    "policy-limit",
    "order-problem",
    "service-outage",
    "privacy",
    "cancellation",
    "abuse",
]
END = "end"
"""The step reference that finishes the walk and assembles the draft."""


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Source(Strict):
    title: str = Field(min_length=1, description="The article's title.")
    author: str | None = Field(
        default=None, description="The article's author; leave out when the article names none."
    )


class Principle(Strict):
    """One lesson of service recovery, with where it comes from and how it sounds."""

    id: Slug
    rule: str = Field(min_length=1, max_length=200, description="The principle in one line.")
    why: str = Field(min_length=1, description="Why it matters, in the library's own words.")
    source: list[Source] = Field(
        min_length=1, description="The articles this principle is distilled from."
    )
    say_this: list[str] = Field(default_factory=list, description="Short examples to follow.")
    not_this: list[str] = Field(default_factory=list, description="Short examples to avoid.")


class PrincipleLibrary(Strict):
    """The contents of `principles.yaml`."""

    principles: list[Principle] = Field(min_length=1)


class Input(Strict):
    """A fact the agent supplies before the walk, such as the customer's name.

    The standard inputs (`customer_name`, `message`, `issue`, `promised`, `stakes`,
    `partner`, `severity`, `channel`, `reference`, `amount`, `item` and the others listed in
    docs/playbook-format.md) come with a prompt, help and sample already; a playbook only
    says whether it needs them and may override the rest.
    """

    name: Identifier
    prompt: str | None = Field(default=None, description="The question the agent is asked.")
    help: str | None = Field(default=None, description="One line on what a good answer is.")
    required: StrictBool = Field(default=False, description="A run cannot start without it.")
    default: str | None = Field(
        default=None,
        description=(
            "Used when the agent or the batch row gives nothing. It may name another input "
            "declared before it, in braces, to be filled with that input's value: "
            "`{item} arrived damaged`."
        ),
    )
    choices: list[str] | None = Field(
        default=None, description="The only values allowed, e.g. low / medium / high."
    )
    example: str | None = Field(
        default=None, description="A sample value used when lint renders the templates."
    )
    kind: Literal["text", "clause", "phrase", "literal", "name", "choice"] | None = Field(
        default=None,
        description=(
            "How a value is tidied before templates see it: `clause` (turned to the second "
            "person, end punctuation and stray capitals dropped, a bare noun phrase made a "
            "clause: for `stakes`), `phrase` (the same, noun phrases kept: `issue`, "
            "`promised`), `literal` (words kept as given, spaces and end punctuation tidied: "
            "`reference`, `amount`), `name`, `choice`, or `text` (as typed). Standard inputs "
            "know theirs."
        ),
    )


class Question(Strict):
    """A question the agent answers at a step; the answer picks the next step."""

    id: Identifier
    ask: str = Field(min_length=1, description="The question, as the agent sees it.")
    choices: dict[Identifier, str] = Field(
        min_length=2, description="Each answer (a short key) and the label the agent sees."
    )
    default: Identifier = Field(
        description="The most common answer: used by scripted and batch runs that give none."
    )
    heard: dict[Identifier, list[Phrase]] = Field(
        default_factory=dict,
        description=(
            "Words in the customer's message that give an answer, per answer: a phrase in "
            "lower case, `|` between a word's alternatives (`burn|burned|burnt`), `...` for "
            "a few words between (`only ... arrived`). The answer is taken from the message "
            'when the phrases of exactly one answer are said and not denied ("nobody was '
            'hurt"); an agent sees it proposed, a batch or an unattended run uses it.'
        ),
    )
    read: dict[Identifier, Identifier] = Field(
        default_factory=dict,
        description=(
            "An answer given when reading the message finds a standard input, per answer: "
            "`yes: harmed` answers yes when the message says someone was hurt (stitches, "
            "A&E, 'in a lot of pain'), read as `harmed` is for the reply. It counts as a "
            "phrase of that answer under `heard`, so both readings of the message agree."
        ),
    )


class Step(Strict):
    """One moment of the recovery: what to do, why, and what to say."""

    id: StepId
    stage: Stage = Field(description="Where this step sits in the recovery.")
    title: str = Field(min_length=1, max_length=80, description="A short heading.")
    purpose: str = Field(min_length=1, description="What the agent is trying to achieve here.")
    why: str = Field(min_length=1, description="Coaching note: the reasoning behind the step.")
    principle: Slug = Field(description="The id of the principle this step applies.")
    when: Condition | None = Field(
        default=None, description="Show this step only when the condition holds."
    )
    suggestions: list[Template] = Field(
        default_factory=list, description="Alternative lines the agent may use, best first."
    )
    avoid: list[str] = Field(default_factory=list, description="Lines not to say, and why.")
    in_draft: StrictBool = Field(
        default=True, description="Whether the line chosen here goes into the customer draft."
    )
    chat: list[Template] = Field(
        default_factory=list,
        description=(
            "Shorter forms of the suggestions for a chat reply: one for all, or one per "
            "suggestion in the same order. Without them the chat reply uses the line itself."
        ),
    )
    commitment: Template | None = Field(
        default=None,
        description=(
            "What the line promises, as a task for the agent (with its time): added to the "
            "checklist whenever this step's line is in the draft."
        ),
    )
    question: Question | None = Field(
        default=None, description="Ask this after the line is chosen; `branches` use the answer."
    )
    branches: dict[Identifier, StepId] = Field(
        default_factory=dict, description="Answer -> next step id (or `end`)."
    )
    next: StepId | None = Field(
        default=None,
        description="The step after this one when no branch applies (default: the next listed).",
    )


class ChecklistItem(Strict):
    """Something the agent must do after the conversation."""

    kind: Literal["follow-up", "log", "root-cause", "other"] = Field(
        description="follow-up (with a time), log (the complaint), root-cause (fix the system)."
    )
    do: Template = Field(description="The task, as a template over inputs and answers.")
    when: Condition | None = Field(default=None, description="Include only when this holds.")


class Triggers(Strict):
    """What in a customer's message suggests this playbook (used by triage)."""

    phrases: list[str] = Field(default_factory=list, description="Multi-word phrases.")
    words: list[str] = Field(default_factory=list, description="Single telling words.")


class Draft(Strict):
    """How the reply is assembled for each channel.

    Email: `opening`, then the line chosen at each visited step whose `in_draft` is true (in
    the order visited, one paragraph each), then `closing`, then the team's sign-off. Chat:
    the opening and the first line as one message, then each line in its `chat` form, then
    `chat_closing`. Social: `social` alone. Phone and in person: the lines are what to say,
    and `confirmation` is the written note sent afterwards.
    """

    opening: Template | None = Field(
        default="{{ greeting }}",
        description="The first paragraph: `{{ greeting }}` is `Hi Priya,` or `Hello,`.",
    )
    closing: Template | None = Field(default=None, description="The last paragraph of an email.")
    chat_closing: Template | None = Field(
        default=None, description="The last message of a chat reply (short, or none)."
    )
    social: Template | None = Field(
        default=None,
        description=(
            "The public reply for social channels and review sites: at most 280 characters; "
            "acknowledge, own, name nothing private (no order numbers, amounts or personal "
            "circumstances) and move to a private channel with a time. Besides the greeting "
            "names it may say back what the customer said in public: `public_issue`, "
            "`public_waited`, `public_times`, `public_promised` (empty when private, too "
            "long or not given)."
        ),
    )
    confirmation: Template | None = Field(
        default=None,
        description=(
            "Phone and in person: the written note sent after the conversation, confirming "
            "what was agreed and when they will next hear from us."
        ),
    )


class Playbook(Strict):
    """A scenario: a kind of service failure and how to recover from it."""

    id: Slug = Field(description="Stable id; the file is named `<id>.yaml`.")
    title: str = Field(min_length=1, max_length=100)
    category: Category = Field(description="The triage category this scenario answers.")
    summary: str = Field(min_length=1, description="One paragraph: the situation it covers.")
    principles: list[Slug] = Field(min_length=1, description="Principle ids this playbook applies.")
    triggers: Triggers = Field(default_factory=Triggers)
    inputs: list[Input] = Field(default_factory=list)
    steps: list[Step] = Field(min_length=1)
    draft: Draft = Field(default_factory=Draft)
    checklist: list[ChecklistItem] = Field(default_factory=list)

    def step(self, step_id: str) -> Step:
        index = self.index_of(step_id)
        if index is None:
            raise KeyError(step_id)
        return self.steps[index]

    def index_of(self, step_id: str) -> int | None:
        """The position of the (first) step with this id; None when there is none."""
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return None

    def next_after(self, index: int, answer: str | None = None) -> str:
        """Where the walk goes after step `index`: the branch for `answer`, else the step's
        `next`, else the step listed after it, else `end`. The one statement of routing."""
        step = self.steps[index]
        if answer is not None and answer in step.branches:
            return step.branches[answer]
        if step.next is not None:
            return step.next
        return self.steps[index + 1].id if index + 1 < len(self.steps) else END

    def questions(self) -> list[Question]:
        return [step.question for step in self.steps if step.question is not None]
