"""The plain subset of Jinja that trainers write, understood without compiling it.

Nearly every template in a playbook is text with `{{ name }}`, `{{ name or 'words' }}`
and `{% if name %}…{% elif … %}…{% else %}…{% endif %}`, where a test is `name`,
`not name`, `name == 'x'` or `name != 'x'`. Jinja takes about a millisecond to compile
one; a library of 1,000 playbooks holds some 20,000. This module recognises that subset
and renders it exactly as `recovery_cli.render`'s environment does (`trim_blocks`,
`lstrip_blocks`, no trailing newline, a missing name is an error), so `recovery lint` can
check a large library in seconds. Anything else returns None and goes to Jinja; a test
compares the two on generated templates.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Union

_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_LITERAL = r"'[^'\\\n{}%#]*'|\"[^\"\\\n{}%#]*\""
_TAG = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)
_VARIABLE = re.compile(rf"^[ \t]*({_NAME})(?:[ \t]+or[ \t]+({_LITERAL}))?[ \t]*$")
_TEST = re.compile(rf"^[ \t]*(?:(not)[ \t]+)?({_NAME})(?:[ \t]*(==|!=)[ \t]*({_LITERAL}))?[ \t]*$")
_STATEMENT = re.compile(r"^[ \t]*(if|elif|else|endif)\b(.*)$", re.S)
_NEWLINES = re.compile(r"\r\n|\r|\n")
_KEYWORDS = frozenset(
    [
        "and",
        "or",
        "not",
        "in",
        "is",
        "if",
        "else",
        "elif",
        "endif",
        "for",
        "endfor",
        "true",
        "false",
        "none",
        "True",
        "False",
        "None",
        "range",
        "dict",
        "lipsum",
        "cycler",
        "joiner",
        "namespace",
        "loop",
        "self",
        "block",
        "set",
        "with",
    ]
)


class Missing(Exception):
    """A template read a name the context does not have."""

    def __init__(self, name: str) -> None:
        super().__init__(f"'{name}' is undefined")
        self.name = name


@dataclass(frozen=True)
class Test:
    """`name`, `not name`, `name == 'x'` or `name != 'x'`."""

    name: str
    negate: bool = False
    operator: str | None = None
    literal: str = ""

    def holds(self, context: Mapping[str, object]) -> bool:
        value = _read(context, self.name)
        if self.operator == "==":
            result = value == self.literal
        elif self.operator == "!=":
            result = value != self.literal
        else:
            result = bool(value)
        return not result if self.negate else result


@dataclass(frozen=True)
class Variable:
    name: str
    fallback: str | None = None


@dataclass
class Branch:
    """An `if` block: (test, body) pairs tried in order, then the `else` body."""

    arms: list[tuple[Test, list[Node]]] = field(default_factory=list)
    otherwise: list[Node] = field(default_factory=list)


Node = Union[str, Variable, Branch]  # noqa: UP007 - a runtime alias needs Union


@dataclass
class Simple:
    """A template (or condition) in the plain subset: the names it reads, and its output."""

    body: list[Node]
    names: frozenset[str]
    test: Test | None = None

    def render(self, context: Mapping[str, object]) -> str:
        """The text Jinja would produce (before `render.render` joins its lines)."""
        parts: list[str] = []
        _emit(self.body, context, parts)
        return "".join(parts)

    def holds(self, context: Mapping[str, object]) -> bool:
        """The value of a condition."""
        assert self.test is not None
        return self.test.holds(context)


def _read(context: Mapping[str, object], name: str) -> object:
    if name not in context:
        raise Missing(name)
    return context[name]


def _emit(nodes: list[Node], context: Mapping[str, object], parts: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Variable):
            value = _read(context, node.name)
            if node.fallback is not None and not value:
                value = node.fallback
            parts.append(str(value))
        else:
            for test, body in node.arms:
                if test.holds(context):
                    _emit(body, context, parts)
                    break
            else:
                _emit(node.otherwise, context, parts)


@lru_cache(maxsize=8192)
def parse(source: str, *, condition: bool = False) -> Simple | None:
    """The template as a `Simple`, or None when it uses anything beyond the subset."""
    if condition:
        test = _test(source)
        return None if test is None else Simple([], frozenset({test.name}), test)
    lines = _NEWLINES.split(source)
    if lines[-1] == "":
        lines.pop()  # keep_trailing_newline=False drops one final newline
    pieces = _TAG.split("\n".join(lines))
    names: set[str] = set()
    root: list[Node] = []
    stack: list[tuple[Branch, list[Node]]] = []
    body = root
    line_starting = True
    for index, piece in enumerate(pieces):
        if index % 2 == 0:  # text between tags
            if "{{" in piece or "{%" in piece or "{#" in piece:
                return None
            if index + 1 < len(pieces) and pieces[index + 1].startswith("{%"):
                piece = _lstrip(piece, line_starting)
            if piece:
                body.append(piece)
            continue
        if piece.startswith("{#") or piece[2:3] in "-+" or piece[-3:-2] in "-+":
            return None  # comments and whitespace control: leave them to Jinja
        inner = piece[2:-2]
        if piece.startswith("{{"):
            match = _VARIABLE.match(inner)
            if match is None or match.group(1) in _KEYWORDS:
                return None
            names.add(match.group(1))
            literal = match.group(2)
            body.append(Variable(match.group(1), literal[1:-1] if literal else None))
            line_starting = False
            continue
        statement = _STATEMENT.match(inner)
        if statement is None:
            return None
        keyword, rest = statement.groups()
        if keyword in {"if", "elif"}:
            test = _test(rest)
            if test is None:
                return None
            names.add(test.name)
            if keyword == "if":
                branch = Branch()
                body.append(branch)
                stack.append((branch, body))
            elif not stack or _in_else(stack[-1][0], body):
                return None
            body = []
            stack[-1][0].arms.append((test, body))
        elif rest.strip():
            return None
        elif keyword == "else":
            if not stack or _in_else(stack[-1][0], body):
                return None
            body = stack[-1][0].otherwise
        else:  # endif
            if not stack:
                return None
            body = stack.pop()[1]
        following = pieces[index + 1] if index + 1 < len(pieces) else ""
        line_starting = following.startswith("\n")
        if line_starting:
            pieces[index + 1] = following[1:]  # trim_blocks: the newline after a block goes
    if stack:
        return None
    return Simple(root, frozenset(names))


def _in_else(branch: Branch, body: list[Node]) -> bool:
    return body is branch.otherwise


def _test(text: str) -> Test | None:
    match = _TEST.match(text)
    if match is None:
        return None
    negate, name, operator, literal = match.groups()
    if name in _KEYWORDS:
        return None
    return Test(name, bool(negate), operator, literal[1:-1] if literal else "")


def _lstrip(text: str, line_starting: bool) -> str:
    """lstrip_blocks: spaces and tabs between a line's start and a block tag go."""
    start = text.rfind("\n") + 1
    if (start > 0 or line_starting) and text[start:] and text[start:].isspace():
        return text[:start]
    return text


def flatten(text: str) -> str:
    """What `render.render` makes of rendered text: its lines, stripped, joined by spaces."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())
