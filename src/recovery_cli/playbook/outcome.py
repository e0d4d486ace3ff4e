"""The end of a run in the three shapes people ask for: text, JSON and Markdown."""

from __future__ import annotations

from pathlib import Path

from recovery_cli.playbook.walk import Walk


def as_data(walk: Walk, transcript: Path | None) -> dict[str, object]:
    """Everything a script needs: scenario, draft, steps visited, checklist and more."""
    reply = walk.reply()
    return {
        "scenario": walk.playbook.id,
        "title": walk.playbook.title,
        "category": walk.playbook.category,
        "channel": reply.channel,
        "draft": reply.text,
        "script": list(reply.script),
        "steps": walk.path(),
        "checklist": walk.checklist(),
        "assumptions": [assumption.to_json() for assumption in walk.assumptions()],
        "too_long": reply.too_long(),
        "inputs": walk.values,
        "answers": walk.answers,
        "lines": [record.to_json() for record in walk.records],
        "transcript": str(transcript) if transcript else None,
    }


def as_text(walk: Walk) -> str:
    """The draft, then the agent's checklist: what a pipe or a file should hold."""
    items = "\n".join(f"- [ ] {item}" for item in walk.checklist())
    return f"{walk.draft()}\n\n---\nFollow-up checklist:\n{items}\n"


def as_markdown(walk: Walk, transcript: Path | None) -> str:
    quoted = "\n".join(f"> {line}" if line else ">" for line in walk.draft().splitlines())
    parts = [
        f"# {walk.playbook.title}",
        f"Scenario `{walk.playbook.id}` ({walk.playbook.category})",
        "## Draft to send",
        quoted,
        "## Follow-up checklist",
        "\n".join(f"- [ ] {item}" for item in walk.checklist()),
        "## Steps",
        "\n".join(f"{number}. {step}" for number, step in enumerate(walk.path(), 1)),
    ]
    if transcript:
        parts.append(f"Transcript: `{transcript}`")
    return "\n\n".join(parts) + "\n"
