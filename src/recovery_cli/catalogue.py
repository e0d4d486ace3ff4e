"""Plain descriptions of playbooks for listing and showing (no terminal code here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from recovery_cli.library import Library
from recovery_cli.models import END, Playbook


def summaries(library: Library) -> list[dict[str, str]]:
    """One row per loadable playbook: what `recovery list` prints."""
    return [
        {
            "id": playbook.id,
            "title": playbook.title,
            "category": playbook.category,
            "summary": playbook.summary,
        }
        for playbook in library.playbooks()
    ]


@dataclass
class StepOutline:
    step_id: str
    stage: str
    title: str
    principle: str
    when: str | None
    question: str | None
    edges: list[str] = field(default_factory=list)


def outline(playbook: Playbook) -> list[StepOutline]:
    """Each step with where it can lead: the shape `recovery show` draws."""
    result: list[StepOutline] = []
    for index, step in enumerate(playbook.steps):
        following = playbook.steps[index + 1].id if index + 1 < len(playbook.steps) else END
        default_next = step.next or following
        edges: list[str] = []
        if step.question is not None:
            for answer, label in step.question.choices.items():
                target = step.branches.get(answer, default_next)
                mark = " (default)" if answer == step.question.default else ""
                edges.append(f"{target} if {answer}: {label}{mark}")
        else:
            edges.append(default_next)
        result.append(
            StepOutline(
                step.id,
                step.stage,
                step.title,
                step.principle,
                step.when,
                step.question.ask if step.question else None,
                edges,
            )
        )
    return result
