"""YAML documents from people we do not control: parsed safely, validated, every problem located.

Only the safe loader is used (libyaml's C parser when installed), so no tag can build a
Python object. On top of that: a size limit, a limit on the number of nodes after alias
expansion (a "billion laughs" document is refused before it is built), a depth limit,
duplicate keys are errors, a number of more than `MAX_DIGITS` digits is refused where it
is (Python would take long over it, then fail with its own message), and only
`true`/`false` are booleans, so `yes:` and `no:` stay the strings a trainer meant.
Positions are 1-based line and column per field path, so `build` can turn pydantic's
errors into problems that point at a line, a column and a field, in a trainer's words:
all of them at once. `load_json` reads JSON (answers files,
checkpoints, transcripts, export rows) under the same limits.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from recovery_cli.errors import FieldPath, Location, Problem, RecoveryError, dotted
from recovery_cli.files import read_limited
from recovery_cli.text import decode_utf8

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_DIGITS = 100
"""The longest number a document may hold: ids, counts and amounts are a few digits."""
_INT_TAG = "tag:yaml.org,2002:int"

Positions = dict[FieldPath, tuple[int, int]]
Model = TypeVar("Model", bound=BaseModel)

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader with YAML 1.2 booleans (no `yes`/`no`/`on`/`off`)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def decode(raw: bytes, source: str) -> str:
    """Bytes to text: UTF-8 with or without a BOM, any line ending; a clear error if not."""
    text = decode_utf8(
        raw,
        source,
        limit=MAX_BYTES,
        too_long=f"file is {len(raw):,} bytes or more; the limit is {MAX_BYTES:,}",
        hint="split it into smaller files",
    )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(text: str, source: str) -> tuple[Any, Positions]:
    """Parse one YAML document; return plain data and the position of every field."""
    if len(text) > MAX_BYTES:
        raise RecoveryError(
            f"document is longer than {MAX_BYTES:,} characters",
            location=Location(source),
            hint="split it into smaller files",
            rule="yaml",
        )
    _refuse_deep_nesting(text, source)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise RecoveryError(
                "the file is empty",
                location=Location(source, 1, 1),
                hint="see `recovery new`",
                rule="yaml",
            )
        positions: Positions = {}
        _inspect(node, (), source, positions)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, source, text) from None
    except yaml.YAMLError as exc:
        raise RecoveryError(
            f"not valid YAML: {exc}", location=Location(source), rule="yaml"
        ) from None
    except RecursionError:
        raise RecoveryError(
            "the document is nested too deeply",
            location=Location(source),
            hint=f"keep nesting under {MAX_DEPTH} levels",
            rule="yaml",
        ) from None
    finally:
        loader.dispose()
    return data, positions


_NESTING_MARKS = ("[", "{", "- ", "-\n", "? ")
_SCAN_ABOVE = 10_000


def _refuse_deep_nesting(text: str, source: str) -> None:
    """Refuse documents nested deeper than MAX_DEPTH before anything recursive runs.

    libyaml's composer recurses in C, so a line of 500,000 `[` would crash the process
    rather than raise. Nesting by indentation alone cannot get that deep within the size
    limit, so only a text with very many opening marks is scanned, event by event.
    """
    if sum(text.count(mark) for mark in _NESTING_MARKS) <= _SCAN_ABOVE:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    where = Location(source, mark.line + 1, mark.column + 1) if mark else None
                    raise RecoveryError(
                        "the document is nested too deeply",
                        location=where,
                        hint=f"keep nesting under {MAX_DEPTH} levels",
                        rule="yaml",
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, source, text) from None


def _starts_with_tab(text: str, line: int, column: int) -> bool:
    """Whether the line holding the error is indented with (or breaks on) a tab."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return False
    content = lines[line]
    indent = content[: len(content) - len(content.lstrip(" \t"))]
    return "\t" in indent or content[column : column + 1] == "\t"


def _syntax_error(exc: yaml.MarkedYAMLError, source: str, text: str = "") -> RecoveryError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = exc.problem or "not valid YAML"
    if "nesting" in problem.lower():  # libyaml's own limit can trip before ours is checked
        return RecoveryError(
            "the document is nested too deeply",
            location=Location(source, line, column),
            hint=f"keep nesting under {MAX_DEPTH} levels",
            rule="yaml",
        )
    context = exc.context_mark
    if exc.context and context is not None and (mark is None or context.line != mark.line):
        problem += f" ({exc.context} that starts on line {context.line + 1})"
    hint = None
    if "tab" in problem.lower() or (mark and _starts_with_tab(text, mark.line, mark.column)):
        problem = f"a tab character where YAML needs spaces ({problem})"
        hint = "indent with spaces, not tabs"
    elif "could not determine a constructor" in problem:
        problem = "custom YAML tags are not allowed"
        hint = "remove the `!tag`; playbooks hold plain text, lists and mappings"
    elif "found character" in problem or "mapping values" in problem:
        hint = "check the indentation and quote text that contains `: ` or starts with `{`"
    return RecoveryError(
        f"YAML syntax: {problem}", location=Location(source, line, column), hint=hint, rule="yaml"
    )


def _inspect(root: yaml.Node, path: FieldPath, source: str, positions: Positions) -> None:
    """Record positions, refuse duplicate keys, and bound depth and expanded size.

    Aliased nodes are visited each time they are referenced, so the count measures the
    document as it would be built: that is what catches exponential alias expansion.
    """
    budget = MAX_NODES
    problems: list[Problem] = []
    stack: list[tuple[yaml.Node, FieldPath]] = [(root, path)]
    while stack:
        node, here = stack.pop()
        budget -= 1
        if budget < 0:
            raise RecoveryError(
                f"the document expands to more than {MAX_NODES:,} values",
                location=Location(source),
                hint="aliases (`*name`) may be multiplying it; write the content out",
                rule="yaml",
            )
        if len(here) > MAX_DEPTH:
            raise RecoveryError(
                "the document is nested too deeply",
                location=_at(node, source),
                hint=f"keep nesting under {MAX_DEPTH} levels",
                rule="yaml",
            )
        positions.setdefault(here, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
                if key in seen:
                    problems.append(
                        Problem(
                            f"duplicate key `{key}` (first on line {seen[key]})",
                            _at(key_node, source, dotted((*here, key))),
                            "remove one of them: YAML would silently keep only the last",
                            "duplicate-key",
                        )
                    )
                seen.setdefault(key, key_node.start_mark.line + 1)
                positions.setdefault(
                    (*here, key), (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                )
                if _too_long(key_node):
                    problems.append(_long_number(key_node, source, dotted((*here, key))))
                stack.append((value_node, (*here, key)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*here, index)))
        elif _too_long(node):
            problems.append(_long_number(node, source, dotted(here)))
    if problems:
        headline = problems[0].message if len(problems) == 1 else f"{len(problems)} problems"
        raise RecoveryError(headline, problems=problems)


def _digits(node: yaml.Node) -> int:
    return len(str(node.value).lstrip("+-")) if node.tag == _INT_TAG else 0


def _too_long(node: yaml.Node) -> bool:
    return _digits(node) > MAX_DIGITS


def _long_number(node: yaml.Node, source: str, field: str | None) -> Problem:
    return Problem(
        f"a number of {_digits(node):,} digits is not a value",
        _at(node, source, field),
        "quote it if it is meant as text",
        "yaml",
    )


def load_json(text: str, source: str, *, unique_keys: bool = True) -> Any:
    """JSON from someone we do not control, every problem a RecoveryError at `source`:
    broken syntax (at its line and column), nesting too deep for the parser, a number
    of more than `MAX_DIGITS` digits, and (with `unique_keys`) a key given twice."""

    def number(text: str) -> int:
        digits = len(text.lstrip("-"))
        if digits > MAX_DIGITS:
            raise RecoveryError(
                f"a number of {digits:,} digits is not a value",
                location=Location(source),
                hint="check the file",
            )
        return int(text)

    def no_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        result: dict[str, object] = {}
        for key, value in pairs:
            if key in result:
                raise RecoveryError(
                    f"duplicate key `{key}`",
                    location=Location(source, field=key),
                    hint="remove one of them: only one value can count",
                )
            result[key] = value
        return result

    try:
        return json.loads(
            text, parse_int=number, object_pairs_hook=no_duplicates if unique_keys else None
        )
    except json.JSONDecodeError as exc:
        raise RecoveryError(
            f"not valid JSON: {exc.msg}", location=Location(source, exc.lineno, exc.colno)
        ) from None
    except RecursionError:
        raise RecoveryError("the JSON is nested too deeply", location=Location(source)) from None


def _at(node: yaml.Node, source: str, field: str | None = None) -> Location:
    return Location(source, node.start_mark.line + 1, node.start_mark.column + 1, field)


def locate(path: FieldPath, positions: Positions, source: str) -> Location:
    """The location of the deepest part of `path` that exists in the document."""
    for end in range(len(path), -1, -1):
        if path[:end] in positions:
            line, column = positions[path[:end]]
            return Location(source, line, column, dotted(path))
    return Location(source, field=dotted(path))


@dataclass(frozen=True)
class Place:
    """A field of a document, so a problem found in it can say where it is.

    `place.at("steps", 3, "id")` is the location of that field below this one (its line
    and column when the document has it); `place / "cues"` is the field below.
    """

    source: str
    positions: Positions
    path: FieldPath = ()

    def at(self, *more: str | int) -> Location:
        return locate((*self.path, *more), self.positions, self.source)

    def __truediv__(self, more: str | int) -> Place:
        return Place(self.source, self.positions, (*self.path, more))


# --- from a file to a validated model --------------------------------------------------

_TYPE_WORDS = {
    "string_type": "text",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "int_type": "a whole number",
    "model_type": "a mapping of keys",
}


def read_document(path: Path) -> tuple[Any, Positions]:
    """Read and parse one YAML file safely (size, encoding and YAML limits apply)."""
    source = str(path)
    return parse(decode(read_limited(path, MAX_BYTES, what="a YAML file"), source), source)


def build(model: type[Model], data: Any, positions: Positions, source: str, what: str) -> Model:
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


def _problem(error: Any, positions: Positions, source: str) -> Problem:
    path = tuple(part for part in error["loc"] if isinstance(part, (str, int)) and part != "[key]")
    kind = error["type"]
    where = locate(path, positions, source)
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
    if kind == "string_pattern_mismatch" and "heard" in path:
        return Problem(
            f"{error['input']!r} is not a phrase `heard` can look for",
            where,
            "lower-case words separated by single spaces, `|` between a word's alternatives "
            "and `...` for a few words between: `burned|burnt my hand`, `only ... arrived`",
        )
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
