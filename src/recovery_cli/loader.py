"""From a YAML file to a validated model, or every problem with its line and field.

A trainer fixing a playbook wants all the mistakes at once, each pointing at a line, a
column and a field path, in words rather than pydantic's internals.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from recovery_cli import integrity, yamlsafe
from recovery_cli.errors import Location, Problem, RecoveryError
from recovery_cli.models import Playbook, PrincipleLibrary

Model = TypeVar("Model", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "int_type": "a whole number",
    "model_type": "a mapping of keys",
}


def read_document(path: Path) -> tuple[Any, yamlsafe.Positions]:
    """Read and parse one YAML file safely (size, encoding and YAML limits apply)."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(yamlsafe.MAX_BYTES + 1)
    except OSError as exc:
        raise RecoveryError(
            f"cannot read {source}: {exc.strerror or exc}", location=Location(source)
        ) from None
    return yamlsafe.parse(yamlsafe.decode(raw, source), source)


def build(
    model: type[Model], data: Any, positions: yamlsafe.Positions, source: str, what: str
) -> Model:
    """Validate parsed data against a model; all problems at once, each located."""
    if not isinstance(data, dict):
        found = type(data).__name__ if data is not None else "nothing"
        found = {"list": "a list", "str": "plain text"}.get(found, found)
        raise RecoveryError(
            f"a {what} must be a mapping of keys, not {found}",
            location=Location(source, 1, 1),
            hint="start with `id:` and `title:` lines; see `recovery new`",
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(error, positions, source) for error in exc.errors()]
        raise RecoveryError(
            f"{source}: {len(problems)} problem(s) in this {what}", problems=problems
        ) from None


def _problem(error: Any, positions: yamlsafe.Positions, source: str) -> Problem:
    path = tuple(part for part in error["loc"] if isinstance(part, (str, int)) and part != "[key]")
    kind = error["type"]
    where = yamlsafe.locate(path, positions, source)
    if kind == "extra_forbidden":
        return Problem(f"unknown key `{path[-1]}`", where, "remove it or check its spelling")
    if kind == "missing":
        return Problem(f"missing required key `{path[-1]}`", where, "add it")
    if kind in _TYPE_WORDS:
        found = _describe(error.get("input"))
        hint = (
            "quote text that YAML could read as something else"
            if kind == "string_type"
            else (f"write {_TYPE_WORDS[kind]} here")
        )
        return Problem(f"expected {_TYPE_WORDS[kind]} here, found {found}", where, hint)
    if kind == "bool_parsing":
        return Problem(f"{error['input']!r} is not true or false", where, "write true or false")
    if kind == "string_pattern_mismatch":
        return Problem(
            f"{error['input']!r} is not a valid id",
            where,
            "use lower-case letters, digits and hyphens (steps and inputs: underscores)",
        )
    if kind == "literal_error":
        allowed = error.get("ctx", {}).get("expected", "")
        return Problem(
            f"{error['input']!r} is not allowed here; the choices are {allowed}",
            where,
            "use one of the choices, spelt as shown",
        )
    if kind in {"too_short", "string_too_short"}:
        return Problem(error["msg"], where, "this may not be empty")
    if kind in {"too_long", "string_too_long"}:
        return Problem(error["msg"], where, "shorten it")
    return Problem(error["msg"], where, "see `recovery schema` for what this field takes")


def _describe(value: object) -> str:
    """A value's kind in a trainer's words."""
    if value is None:
        return "nothing"
    return {
        "str": "text",
        "bool": "true/false",
        "int": "a number",
        "float": "a number",
        "list": "a list",
        "dict": "a mapping",
    }.get(type(value).__name__, type(value).__name__)


def playbook_problems(
    playbook: Playbook,
    positions: yamlsafe.Positions,
    source: str,
    principle_ids: set[str] | None = None,
    expected_id: str | None = None,
) -> list[Problem]:
    """Every cross-reference problem of a well-shaped playbook, located and with its rule."""
    problems = [
        Problem(message, yamlsafe.locate(path, positions, source), hint, rule)
        for path, message, hint, rule in integrity.problems(playbook, principle_ids)
    ]
    if expected_id is not None and playbook.id != expected_id:
        problems.insert(
            0,
            Problem(
                f"id `{playbook.id}` does not match the file name `{expected_id}`",
                yamlsafe.locate(("id",), positions, source),
                f"rename the file to {playbook.id}.yaml or the id to {expected_id}",
                "id-matches-file",
            ),
        )
    return problems


def parse_playbook(
    data: Any,
    positions: yamlsafe.Positions,
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
