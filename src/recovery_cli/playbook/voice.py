"""A team's voice: the company's name, who signs, how replies greet and sign off.

These belong to the team, not to each playbook, so they live in one file of a library
folder (`voice.yaml`; a later folder's file wins key by key) and every playbook reads them
as `{{ company }}`, `{{ agent_name }}`, `{{ greeting }}`. `--agent NAME` overrides the
signing agent for one run or batch.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Literal

from pydantic import Field

from recovery_cli.documents import build, read_document
from recovery_cli.playbook.models import Strict
from recovery_cli.playbook.names import greeting, parse_name
from recovery_cli.playbook.public import CONTACT, FACT_NAMES, contact_us, public_facts
from recovery_cli.playbook.reply import CONTACT_REQUEST, PUBLIC, REACH, reach_way


class Voice(Strict):
    """The contents of `voice.yaml` (`VOICE_FILE`); every key optional."""

    company: str = Field(
        default="", max_length=80, description="The company as customers know it; `{{ company }}`."
    )
    agent: str = Field(
        default="", max_length=80, description="Who signs replies when no --agent is given."
    )
    sign_off: str = Field(
        default="Best wishes", max_length=60, description="The line before the agent's name."
    )
    greeting_word: str = Field(
        default="Hi", max_length=20, description="`Hi`, `Hello` or `Dear`: before the name."
    )
    address: Literal["first", "full"] = Field(
        default="first", description="Greet by first name (`Hi Priya,`) or full name."
    )
    neutral_greeting: str = Field(
        default="Hello,", max_length=40, description="The greeting when no name is known."
    )
    review_contact: str = Field(
        default="",
        max_length=80,
        description=(
            "How the author of a public review reaches you in private, as it follows "
            "'Please': 'email care@example.com', 'call us on 0800 123 456'. Review sites have "
            "no direct messages; empty says 'contact us directly'."
        ),
    )


def load_voice(paths: list[Path]) -> Voice:
    """The voice files of a library, merged in order (a later file wins key by key)."""
    merged: dict[str, object] = {}
    for path in paths:
        data, positions = read_document(path)
        merged.update(
            build(Voice, data, positions, str(path), "voice file").model_dump(exclude_unset=True)
        )
    return Voice.model_validate(merged)


def derived(
    values: Mapping[str, str],
    voice: Voice,
    agent: str | None = None,
    defaulted: Collection[str] = (),
) -> dict[str, str]:
    """The names every template may read besides the inputs: how to greet, who signs, and
    what a public reply may say back (worked out only for a public channel: a letter, a
    chat or a call writes nothing in public, and its `public_` names are empty)."""
    name = parse_name(values.get("customer_name"))
    contact = contact_us(values.get("channel", ""), voice.review_contact)
    if voice.address == "full" and name.known:
        name = type(name)(name.full, name.full)
    return {
        "greeting": greeting(name, voice.greeting_word, voice.neutral_greeting),
        "first_name": name.first,
        "full_name": name.full,
        "company": voice.company,
        "agent_name": (agent if agent is not None else voice.agent).strip(),
        "sign_off": voice.sign_off,
        **(
            public_facts(values, defaulted, contact)
            if values.get("channel") in PUBLIC
            else dict.fromkeys(FACT_NAMES, "")
        ),
        CONTACT: contact,
        REACH: reach_way(values.get(CONTACT_REQUEST, "")),
    }


DERIVED = (
    "greeting", "first_name", "full_name", "company", "agent_name", "sign_off", CONTACT, REACH,
    *FACT_NAMES,
)  # fmt: skip
"""Names templates may use that no input declares: `derived` fills them."""
