"""Loading playbooks and principles: the format checked, then the cross-references.

A trainer fixing a playbook wants all the mistakes at once, each pointing at a line, a
column and a field path; `recovery_cli.documents` reads and validates the YAML, and this
adds what one field says about another (`integrity`) and that the id matches the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from recovery_cli.documents import Place, Positions, build, locate, read_document
from recovery_cli.errors import Problem, RecoveryError
from recovery_cli.playbook import integrity
from recovery_cli.playbook.models import Playbook, PrincipleLibrary


def playbook_problems(
    playbook: Playbook,
    positions: Positions,
    source: str,
    principle_ids: set[str] | None = None,
    expected_id: str | None = None,
) -> list[Problem]:
    """Every cross-reference problem of a well-shaped playbook, located and with its rule."""
    problems = integrity.problems(playbook, Place(source, positions), principle_ids)
    if expected_id is not None and playbook.id != expected_id:
        problems.insert(
            0,
            Problem(
                f"id `{playbook.id}` does not match the file name `{expected_id}`",
                locate(("id",), positions, source),
                f"rename the file to {playbook.id}.yaml or the id to {expected_id}",
                "id-matches-file",
            ),
        )
    return problems


def parse_playbook(
    data: Any,
    positions: Positions,
    source: str,
    principle_ids: set[str] | None = None,
    expected_id: str | None = None,
) -> Playbook:
    """Validate a parsed document as a playbook, cross-references included."""
    playbook = build(Playbook, data, positions, source, "playbook")
    problems = playbook_problems(playbook, positions, source, principle_ids, expected_id)
    if problems:
        raise RecoveryError(
            f"{source}: {len(problems)} problem(s) in this playbook", problems=problems
        )
    return playbook


def load_playbook(path: Path, principle_ids: set[str] | None = None) -> Playbook:
    """Load one playbook file; its id must match the file name."""
    data, positions = read_document(path)
    return parse_playbook(data, positions, str(path), principle_ids, _stem(path))


def load_principles(path: Path) -> PrincipleLibrary:
    data, positions = read_document(path)
    return build(PrincipleLibrary, data, positions, str(path), "principles file")


def _stem(path: Path) -> str:
    return path.name.rsplit(".", 1)[0]
