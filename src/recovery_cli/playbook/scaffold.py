"""`recovery new`: a commented starter playbook that a trainer fills in.

A blank page is the hardest part of writing a playbook. The starter already has the
shape most recoveries take (listen, empathise, own it with a question, two ways to put
it right, follow up) and comments that explain each field in plain words; it validates
and lints as it is, apart from the `TODO` reminders lint points out.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.files import atomic_write

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SCHEMA_NAMES = (Path("schema") / "playbook.schema.json", Path("playbook.schema.json"))

TEMPLATE = """\
# yaml-language-server: $schema={schema}
# A playbook for one kind of service failure. Replace every TODO, then run
#   recovery lint {file}     (the format, the flow and the wording)
#   recovery graph {id}        (a picture of the flow)
# Text in {{{{ }}}} is filled in from the inputs and answers, e.g. {{{{ customer_name }}}}.
id: {id}                      # must match the file name
title: "{title}"               # TODO: a short heading for the list of scenarios
category: general-complaint    # one of the triage categories (see `recovery schema`)
summary: >
  TODO: one paragraph on the situation this playbook covers and what a good
  recovery looks like.
principles:                    # the ids in principles.yaml this playbook applies
  - listen
  - empathise-first
  - own-the-outcome
  - do-what-you-say
  - size-to-stakes
triggers:                      # words in a customer's message that point here
  phrases: []
  words: []

inputs:                        # the facts the agent gives before the walk
  - name: customer_name        # optional: with no name the reply says "Hello,"
  - name: issue
    default: this went wrong
  - name: severity             # low, medium or high: the reply changes with it
    default: medium
  - name: channel              # email, chat, social, phone or in-person
    default: email
  - name: next_update
    default: by the end of today

steps:                         # shown in order unless a branch or `next` says otherwise
  - id: listen
    stage: listen
    title: Let them tell it
    purpose: Hear the whole story before explaining anything.
    why: Until you know what is at stake for them, you cannot size the remedy.
    principle: listen
    in_draft: false            # a line for the conversation, not the written reply
    suggestions:
      - "Thank you for telling me. What happened, from the start?"

  - id: empathise
    stage: empathise
    title: Acknowledge what it cost them
    purpose: Show you understand the impact before any explanation.
    why: Facts offered before feelings sound like excuses.
    principle: empathise-first
    suggestions:               # alternatives, best first; the agent picks one
      - "I'm so sorry: {{{{ issue }}}}, and you deserved better from us."
    chat:                      # the short form for a chat reply
      - "I'm so sorry: {{{{ issue }}}}."
    avoid:
      - Explaining how it happened before saying sorry.

  - id: own
    stage: own
    title: Own it
    purpose: Take responsibility for putting it right.
    why: The customer needs to know someone is in charge of their problem.
    principle: own-the-outcome
    when: "severity != 'low'"  # a small slip needs no speech about ownership
    suggestions:
      - "This is ours to put right, and I will see it through myself."
    question:                  # the agent's answer picks the next step
      id: can_fix_now
      ask: Can you put it right today?
      choices:
        later: No, it needs more time
        today: Yes, today
      default: later           # scripted runs take it: the answer that claims nothing done
    branches:
      today: fix-now
      later: fix-later

  - id: fix-now
    stage: fix
    title: Put it right now
    purpose: Fix the problem while the customer is still with you.
    why: A fix they can see is the best apology.
    principle: do-what-you-say
    suggestions:
      - "I'm putting this right for you now, and I'll confirm {{{{ next_update }}}} that it's done."
    commitment: "Confirm the fix to {{{{ full_name or 'the customer' }}}} {{{{ next_update }}}}."
    next: high-stakes

  - id: fix-later
    stage: fix
    title: Say what you are doing and when
    purpose: Tell them exactly what happens next and when.
    why: A time you keep turns waiting into being looked after.
    principle: do-what-you-say
    suggestions:
      - "I have started on this now and I will have it fixed {{{{ next_update }}}}."
    commitment: "Fix it {{{{ next_update }}}} and tell {{{{ full_name or 'the customer' }}}}."

  - id: high-stakes
    stage: protect
    title: Go further when a lot is riding on it
    purpose: Match the remedy to what the failure costs them.
    why: The same slip costs one person nothing and another a great deal.
    principle: size-to-stakes
    when: "severity == 'high'"
    suggestions:
      - "Because this matters so much, I'll be your single contact until it is done."

  - id: follow-up
    stage: follow-up
    title: Commit to the next update
    purpose: Give a time for the next news, and keep it.
    why: A vague promise is a second failure waiting to happen.
    principle: do-what-you-say
    suggestions:
      - "You'll hear from me {{{{ next_update }}}}, even if there's nothing new."

draft:                         # the reply, for each channel
  opening: "{{{{ greeting }}}}"    # "Hi Priya," or "Hello," when no name is known
  closing: "Thank you for telling us."
  social: >-                   # public: at most 280 characters, nothing private, move to a DM
    {{{{ first_name ~ ', we' if first_name else 'We' }}}} are sorry about this and want to put it
    right. Please {{{{ contact_us }}}} and we'll reply {{{{ next_update }}}}.
  confirmation: >-             # phone and in person: the note sent afterwards
    Thank you for talking with me. As promised, you'll hear from me {{{{ next_update }}}}.

checklist:                     # what the agent does after the conversation
  - kind: follow-up
    do: "Contact {{{{ full_name or 'the customer' }}}} {{{{ next_update }}}}."
  - kind: log
    do: "Log the complaint."
  - kind: root-cause
    do: "TODO: who should hear about this so it does not happen again?"
"""


def starter(scenario: str, schema: str = "playbook.schema.json") -> str:
    """The text of a new playbook with this id."""
    if not SLUG.match(scenario) or len(scenario) > 64:
        raise RecoveryError(
            f"{scenario!r} is not a valid playbook id",
            hint="use lower-case words joined by hyphens, e.g. `lost-parcel`",
        )
    title = scenario.replace("-", " ").capitalize()
    return TEMPLATE.format(id=scenario, title=title, file=f"{scenario}.yaml", schema=schema)


def schema_reference(folder: Path) -> str | None:
    """The editor schema nearest above `folder`, as a path relative to it."""
    here = folder.resolve()
    for parent in (here, *here.parents):
        for name in SCHEMA_NAMES:
            candidate = parent / name
            if candidate.is_file():
                return Path(os.path.relpath(candidate, here)).as_posix()
    return None


def create(scenario: str, folder: Path) -> tuple[Path, Path | None]:
    """Write `<folder>/<id>.yaml`; refuse to overwrite. Its `$schema` line points at the
    nearest schema above the folder, or at one written beside it (returned) when none is
    found, so the line always resolves."""
    if folder.exists() and not folder.is_dir():
        raise RecoveryError(f"{folder} is not a folder", location=Location(str(folder)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RecoveryError(
            f"cannot create {folder}: {exc.strerror or exc}", location=Location(str(folder))
        ) from None
    path = folder / f"{scenario}.yaml"
    schema = schema_reference(folder)
    text = starter(scenario, schema or "playbook.schema.json")
    if path.exists():
        raise RecoveryError(
            f"{path} already exists",
            location=Location(str(path)),
            hint="choose another id, or delete the file first",
        )
    written = None
    if schema is None:
        from recovery_cli.playbook.schema import dumps, playbook_schema

        written = folder / "playbook.schema.json"
        atomic_write(written, dumps(playbook_schema()), what="the schema")
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise RecoveryError(
            f"{path} already exists",
            location=Location(str(path)),
            hint="choose another id, or delete the file first",
        ) from None
    return path, written
