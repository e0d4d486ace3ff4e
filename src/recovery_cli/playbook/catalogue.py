"""Plain descriptions of playbooks for listing and showing (no terminal code here).

`recovery list` should feel instant, but validating a library means importing pydantic and
Jinja and checking every template. So the summaries of a library that validated cleanly are
cached, keyed by the path, size and modification time of every file in it (and the version
of this package): any edit to any playbook or principles file is a cache miss.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from recovery_cli.errors import RecoveryError
from recovery_cli.files import atomic_write
from recovery_cli.library import Library
from recovery_cli.paths import cache_dir
from recovery_cli.playbook.flow import Flow

if TYPE_CHECKING:
    from recovery_cli.playbook.models import Playbook


def summaries(library: Library) -> list[dict[str, str]]:
    """One row per loadable playbook: what `recovery list` prints."""
    root = cache_dir()
    cache = root / "list.json" if root is not None else None
    key = library.fingerprint
    if cache is not None:
        try:
            cached = json.loads(cache.read_text(encoding="utf-8"))
            if cached["key"] == key:
                rows: list[dict[str, str]] = cached["rows"]
                return rows
        except (OSError, ValueError, KeyError, TypeError):
            pass
    rows = [
        {
            "id": playbook.id,
            "title": playbook.title,
            "category": playbook.category,
            "summary": playbook.summary,
        }
        for playbook in library.playbooks()
    ]
    if cache is not None and not library.problems:
        with contextlib.suppress(RecoveryError):  # a cache that cannot be written costs speed
            atomic_write(cache, json.dumps({"key": key, "rows": rows}), durable=False)
    return rows


@dataclass
class StepOutline:
    """One step as `recovery show` describes it: what it is and where it can lead."""

    step_id: str
    stage: str
    title: str
    principle: str
    when: str | None
    question: str | None
    edges: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.step_id, "stage": self.stage, "title": self.title,
            "principle": self.principle, "when": self.when, "question": self.question,
            "edges": list(self.edges),
        }  # fmt: skip


def outline(playbook: Playbook) -> list[StepOutline]:
    """Each step with where it can lead (from the flow's edges): what `recovery show` draws."""
    flow = Flow(playbook)
    result: list[StepOutline] = []
    for step in playbook.steps:
        edges: list[str] = []
        for edge in flow.edges.get(step.id, []):
            if edge.skipped:
                continue
            if edge.answer is not None and step.question is not None:
                mark = " (default)" if edge.answer == step.question.default else ""
                label = step.question.choices[edge.answer]
                edges.append(f"{edge.target} if {edge.answer}: {label}{mark}")
            else:
                edges.append(edge.target)
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
