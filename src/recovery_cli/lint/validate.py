"""Which files a trainer means, what kind each is, and every format problem in them.

`recovery validate` and `recovery lint` both start here: they take files or folders (or
the active library), sort each YAML file into a playbook, a principles file, a checks file
or a playbook test file, and report every problem at once rather than stopping at the
first, each with its file, line, column and field path. A file that cannot be read or
parsed is one problem; a file that parses may have many.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from recovery_cli import documents
from recovery_cli.documents import build, read_document
from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.library import (
    CHECKS_FILE,
    PRINCIPLES_FILE,
    Library,
    is_playbook_file,
    is_test_file,
)
from recovery_cli.playbook.loader import playbook_problems
from recovery_cli.playbook.models import Playbook, PrincipleLibrary

Kind = Literal["playbook", "principles", "checks", "tests"]


@dataclass
class Checked:
    """One file after validation: its problems and, for a playbook that built, the model."""

    path: Path
    kind: Kind
    problems: list[Problem] = field(default_factory=list)
    playbook: Playbook | None = None
    positions: documents.Positions = field(default_factory=dict)

    @property
    def source(self) -> str:
        return str(self.path)


def kind_of(path: Path) -> Kind | None:
    """What a YAML file holds, by its name; None for data files that belong to others."""
    name = path.name
    if name == PRINCIPLES_FILE:
        return "principles"
    if name == CHECKS_FILE:
        return "checks"
    if is_test_file(path):
        return "tests"
    return "playbook" if is_playbook_file(path) else None


def discover(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named or found under the folders named (hidden folders skipped);
    `-` stands for a playbook on standard input."""
    found: list[Path] = []
    for path in paths:
        if path == STDIN or path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(
                sorted(
                    candidate
                    for candidate in path.rglob("*")
                    if candidate.suffix in {".yaml", ".yml"}
                    and candidate.is_file()
                    and not any(part.startswith(".") for part in candidate.relative_to(path).parts)
                )
            )
        else:
            raise RecoveryError(
                f"{path} does not exist",
                location=Location(str(path)),
                hint="give playbook files or folders that hold them",
            )
    return [path for path in dict.fromkeys(found) if path == STDIN or kind_of(path) is not None]


def _stdin_document() -> tuple[Any, documents.Positions]:
    import sys

    if sys.stdin is None:
        raise RecoveryError("standard input is closed", hint="give a playbook file")
    raw = sys.stdin.buffer.read(documents.MAX_BYTES + 1)
    return documents.parse(documents.decode(raw, "<stdin>"), "<stdin>")


def principle_ids(files: Sequence[Path], library: Library | None) -> set[str] | None:
    """Principle ids known to this run: the library's plus any principles file given.

    None when no principles file loads at all, so unknown-principle checks are skipped
    rather than failing every step of a folder checked on its own.
    """
    sources: list[Path] = []
    if library is not None:
        sources.extend(folder / PRINCIPLES_FILE for folder in library.dirs if folder.is_dir())
    sources.extend(path for path in files if kind_of(path) == "principles")
    known: set[str] | None = None
    for path in dict.fromkeys(sources):
        if not path.is_file():
            continue
        try:
            data, positions = read_document(path)
            loaded = build(PrincipleLibrary, data, positions, str(path), "principles file")
        except RecoveryError:
            continue  # reported when the file itself is validated
        known = (known or set()) | {principle.id for principle in loaded.principles}
    return known


PLAYBOOK_KEYS = frozenset({"id", "title", "steps"})
"""A YAML file with none of these at its top is not a playbook (mkdocs.yml, a CI file)."""
STDIN = Path("-")


def check_file(path: Path, principles: set[str] | None) -> Checked:
    """Every format problem in one file (`-`: a playbook on standard input); never raises
    for a problem in the file."""
    kind = kind_of(path) or "playbook"
    checked = Checked(path, kind)
    try:
        if path == STDIN:
            data, checked.positions = _stdin_document()
        else:
            data, checked.positions = read_document(path)
    except RecoveryError as exc:
        checked.problems = exc.problems
        return checked
    if kind == "playbook" and isinstance(data, dict) and not PLAYBOOK_KEYS & set(data):
        checked.problems = [
            Problem(
                "not a playbook (no id, title or steps at its top): left alone",
                Location(checked.source, 1, 1),
                "name playbook files and folders only, or keep other YAML out of the way",
                "format",
                "info",
            )
        ]
        return checked
    if kind == "playbook":
        stem = path.name.rsplit(".", 1)[0]
        checked.playbook, checked.problems = check_playbook(
            data, checked.positions, checked.source, principles, None if path == STDIN else stem
        )
    elif kind == "principles":
        checked.problems = _principles_problems(data, checked.positions, checked.source)
    elif kind == "tests":
        from recovery_cli.playbook.trainer_tests import suite_problems

        checked.problems = suite_problems(data, checked.positions, checked.source)
    elif not isinstance(data, dict):
        checked.problems = [
            Problem("a checks file must be a mapping of keys", Location(checked.source, 1, 1))
        ]
    return checked


def check_playbook(
    data: Any,
    positions: documents.Positions,
    source: str,
    principles: set[str] | None,
    expected_id: str | None,
) -> tuple[Playbook | None, list[Problem]]:
    """The model (when its shape is right) and every format and cross-reference problem."""
    try:
        playbook = build(Playbook, data, positions, source, "playbook")
    except RecoveryError as exc:
        return None, exc.problems
    return playbook, playbook_problems(playbook, positions, source, principles, expected_id)


def _principles_problems(data: Any, positions: documents.Positions, source: str) -> list[Problem]:
    try:
        build(PrincipleLibrary, data, positions, source, "principles file")
    except RecoveryError as exc:
        return [_principle_rule(problem) for problem in exc.problems]
    return []


def _principle_rule(problem: Problem) -> Problem:
    field_path = problem.location.field or ""
    if field_path.endswith(".source") or ".source[" in field_path:
        return Problem(
            problem.message,
            problem.location,
            "every principle names the article(s) it comes from: `source: [{title: ...}]`",
            "principle-source",
        )
    return problem


def library_files(library: Library) -> list[Path]:
    """All the files of the active library: each folder's playbooks, principles and tests."""
    return discover(folder for folder in library.dirs if folder.exists())
