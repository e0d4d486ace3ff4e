"""The end of a run in the three shapes people ask for: text, JSON and Markdown."""

from __future__ import annotations

from pathlib import Path

from recovery_cli.playbook.walk import Walk


def as_data(walk: Walk, transcript: Path | None) -> dict[str, object]:
    """Everything a script needs: scenario, draft, steps visited, checklist and more."""
    reply = walk.reply()
    return {
        "status": "drafted",
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


def assumed(walk: Walk) -> list[str]:
    """What nobody confirmed, one line each ("What can we offer instead?: Something close"),
    so an unattended draft says which answers it rests on wherever it is shown."""
    return [
        f"{assumption.asked or assumption.name}: {assumption.label or assumption.value}"
        for assumption in walk.assumptions()
    ]


def as_text(walk: Walk) -> str:
    """The draft, what it assumed, then the agent's checklist: what a pipe or a file should
    hold."""
    items = "\n".join(f"- [ ] {item}" for item in walk.checklist())
    unconfirmed = assumed(walk)
    check = "".join(f"- {line}\n" for line in unconfirmed)
    heading = "Assumed (check before sending):\n" if unconfirmed else ""
    return f"{walk.draft()}\n\n---\n{heading}{check}Follow-up checklist:\n{items}\n"


def as_markdown(walk: Walk, transcript: Path | None) -> str:
    quoted = "\n".join(f"> {line}" if line else ">" for line in walk.draft().splitlines())
    unconfirmed = assumed(walk)
    parts = [
        f"# {walk.playbook.title}",
        f"Scenario `{walk.playbook.id}` ({walk.playbook.category})",
        "## Draft to send",
        quoted,
        *(
            ["## Assumed (check before sending)", "\n".join(f"- {line}" for line in unconfirmed)]
            if unconfirmed
            else []
        ),
        "## Follow-up checklist",
        "\n".join(f"- [ ] {item}" for item in walk.checklist()),
        "## Steps",
        "\n".join(f"{number}. {step}" for number, step in enumerate(walk.path(), 1)),
    ]
    if transcript:
        parts.append(f"Transcript: `{transcript}`")
    return "\n\n".join(parts) + "\n"
