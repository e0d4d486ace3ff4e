"""What the tests share: where things are, how the CLI is driven, and small playbooks.

`step()` and `playbook_dict()` build plain data (what a YAML file holds); `playbook()`
validates it into the model the walk uses; `write()` puts data or text in a file.
Everything here uses the principle `listen`, which the shipped `principles.yaml` defines.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from typer.testing import Result

from recovery_cli.playbook.models import Playbook

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "playbooks"

Invoke = Callable[..., Result]
"""The `invoke` fixture: run `recovery ARGS...` and get the result back."""

PRINCIPLE = "listen"

HEAD = """\
id: tiny
title: A tiny playbook
category: general-complaint
summary: Shows one thing.
principles: [listen]
inputs:
  - name: customer_name
steps:
"""
"""The part before the steps: eight lines, so the first step starts on line 9."""

MINIMAL_YAML = (
    HEAD
    + """\
  - id: hello
    stage: listen
    title: Say hello
    purpose: Greet them.
    why: A greeting opens the conversation.
    principle: listen
    suggestions:
      - "Hello {{ customer_name }}."
"""
)
"""A valid playbook file named `tiny.yaml`; tests append to it or edit a line."""


def step(step_id: str, *lines: str, **fields: Any) -> dict[str, Any]:
    """A valid step whose suggestions are `lines`; `fields` add or replace keys."""
    data: dict[str, Any] = {
        "id": step_id,
        "stage": "listen",
        "title": f"Step {step_id}",
        "purpose": "Move the conversation on.",
        "why": "Each step has a reason.",
        "principle": PRINCIPLE,
    }
    if lines:
        data["suggestions"] = list(lines)
    data.update(fields)
    return data


def question(question_id: str, *answers: str, default: str | None = None) -> dict[str, Any]:
    """A question whose choices are `answers` (labels made up); default: the first."""
    return {
        "id": question_id,
        "ask": f"What about {question_id}?",
        "choices": {answer: f"Label for {answer}" for answer in answers},
        "default": default or answers[0],
    }


def playbook_dict(*steps: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A valid playbook with the given steps (default: one greeting step)."""
    data: dict[str, Any] = {
        "id": "tiny",
        "title": "A tiny playbook",
        "category": "general-complaint",
        "summary": "Shows one thing.",
        "principles": [PRINCIPLE],
        "inputs": [{"name": "customer_name"}],
        "steps": list(steps) or [step("hello", "Hello {{ customer_name }}.")],
    }
    data.update(fields)
    return data


def playbook(*steps: dict[str, Any], **fields: Any) -> Playbook:
    return Playbook.model_validate(playbook_dict(*steps, **fields))


def write(folder: Path, name: str, content: str | dict[str, Any]) -> Path:
    """Write YAML text (dedented) or data to `folder/name`; return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    return path


PARCEL_PLAYBOOK = """\
id: parcel-mixup
title: We sent the wrong parcel
category: service-mistake
summary: The customer received someone else's parcel or the wrong item.
principles: [listen]
triggers:
  phrases: [wrong parcel, wrong item, sent me the wrong]
  words: [mixup]
inputs:
  - name: customer_name
    required: true
  - name: severity
    default: medium
steps:
  - id: hear
    stage: listen
    title: Hear them
    purpose: Let them tell it.
    why: Listening comes first.
    principle: listen
    suggestions:
      - "I'm sorry, {{ customer_name }}: we sent you the wrong parcel."
    question:
      id: remedy
      ask: Resend or refund?
      choices: {resend: Send the right one, refund: Refund it}
      default: resend
    branches: {resend: resend, refund: refund}
  - id: resend
    stage: fix
    title: Resend
    purpose: Put it right.
    why: They still need it.
    principle: listen
    suggestions: ["The right parcel leaves today."]
    next: end
  - id: refund
    stage: fix
    title: Refund
    purpose: Put it right.
    why: They no longer want it.
    principle: listen
    suggestions: ["I have refunded you in full."]
draft:
  opening: "Hi {{ customer_name }},"
"""
"""A playbook with a question, two branches and triggers: what the batch tests draft."""
