"""The plain subset of Jinja that trainers write, understood without compiling it.

Nearly every template in a playbook is text with `{{ name }}`, `{{ name or 'words' }}`
and `{% if name %}…{% elif … %}…{% else %}…{% endif %}`, where a test is `name`,
`not name`, `name == 'x'` or `name != 'x'`. Jinja takes about a millisecond to compile
one; a library of 1,000 playbooks holds some 20,000. This module recognises that subset
and renders it exactly as `recovery_cli.render`'s environment does (`trim_blocks`,
`lstrip_blocks`, no trailing newline, a missing name is an error), so `recovery lint` can
check a large library in seconds. Anything else returns None and goes to Jinja; a test
compares the two on generated templates.

An `if` may also hold a wider test (`Expression`): `and`, `or`, `not` and parentheses over
names, string literals and lists of them, compared with `==`, `!=`, `in` or `not in`, and
`name.startswith('x')` or `(name.split()|last)`. Playbooks use these to avoid saying a fact
twice (`{% if waited and waited not in issue %}`), and a batch renders every route through
them. Such a template is `Simple.exact = False`: whenever its render meets anything
unusual (a missing name, a value that is not text, an empty split, an output past the
sandbox's limit) it raises `Unsure` and the caller renders it with Jinja instead, so the
result, and every error, is Jinja's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
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
_TOKEN = re.compile(rf"[ \t]*(?:({_NAME})|({_LITERAL})|(==|!=|[()\[\],.|]))")
MAX_OUTPUT = 100_000
"""The sandbox's ceiling on one render's output (`sandbox.MAX_OUTPUT`, not imported so that
this module stays free of Jinja); past it, a wider test's render is left to Jinja."""
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


class Unsure(Exception):
    """A wider test met something only Jinja can say for certain: render with Jinja."""


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

    @property
    def names(self) -> frozenset[str]:
        return frozenset({self.name})

    def holds(self, context: Mapping[str, object]) -> bool:
        value = _read(context, self.name)
        if self.operator == "==":
            result = value == self.literal
        elif self.operator == "!=":
            result = value != self.literal
        else:
            result = bool(value)
        return not result if self.negate else result


Term = tuple[object, ...]
"""A node of a wider test: (operator, operands...), evaluated by `_value`."""


@dataclass(frozen=True)
class Expression:
    """A wider `if` test (see the module's docstring), with every name it reads."""

    term: Term
    names: frozenset[str]

    def holds(self, context: Mapping[str, object]) -> bool:
        return bool(_value(self.term, context))


def _text(value: object) -> str:
    if type(value) is not str:
        raise Unsure
    return value


def _value(term: Term, context: Mapping[str, object]) -> object:
    """A term's value as Jinja would compute it, for text values; `Unsure` otherwise."""
    kind = term[0]
    if kind == "name":
        name = term[1]
        assert isinstance(name, str)
        if name not in context:
            raise Unsure  # Jinja's own error: an unknown name, or a TypeError around it
        return _text(context[name])
    if kind == "literal":
        return term[1]
    if kind == "list":
        return list(term[1:])
    if kind == "and":
        return all(_value(part, context) for part in term[1:])  # type: ignore[arg-type]
    if kind == "or":
        return any(_value(part, context) for part in term[1:])  # type: ignore[arg-type]
    if kind == "not":
        return not _value(term[1], context)  # type: ignore[arg-type]
    if kind == "startswith":
        return _text(_value(term[1], context)).startswith(str(term[2]))  # type: ignore[arg-type]
    if kind == "last":
        words = _text(_value(term[1], context)).split()  # type: ignore[arg-type]
        if not words:
            raise Unsure  # Jinja gives an undefined value here
        return words[-1]
    left, right = _value(term[1], context), _value(term[2], context)  # type: ignore[arg-type]
    if kind == "==":
        return _text(left) == _text(right)
    if kind == "!=":
        return _text(left) != _text(right)
    found = _text(left) in (right if type(right) is list else _text(right))
    return found if kind == "in" else not found


@dataclass(frozen=True)
class Variable:
    name: str
    fallback: str | None = None


@dataclass
class Branch:
    """An `if` block: (test, body) pairs tried in order, then the `else` body."""

    arms: list[tuple[Test | Expression, list[Node]]] = field(default_factory=list)
    otherwise: list[Node] = field(default_factory=list)


Node = Union[str, Variable, Branch]  # noqa: UP007 - a runtime alias needs Union


@dataclass
class Simple:
    """A template (or condition) in the plain subset: the names it reads, and its output."""

    body: list[Node]
    names: frozenset[str]
    test: Test | None = None
    exact: bool = True
    """False when a wider test is used: a render may raise `Unsure` (render with Jinja)."""

    _function: Callable[[Mapping[str, object]], str] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def render(self, context: Mapping[str, object]) -> str:
        """The text Jinja would produce (before `render.render` joins its lines)."""
        if self._function is None:
            self._function = _function(self.body)
        text = self._function(context)
        if not self.exact and len(text) > MAX_OUTPUT:
            raise Unsure  # Jinja refuses it, with its own message
        return text

    def holds(self, context: Mapping[str, object]) -> bool:
        """The value of a condition."""
        assert self.test is not None
        return self.test.holds(context)


def _read(context: Mapping[str, object], name: str) -> object:
    if name not in context:
        raise Missing(name)
    return context[name]

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_function": None}


def _interpreted(body: list[Node]) -> Callable[[Mapping[str, object]], str]:
    def render(context: Mapping[str, object]) -> str:
        parts: list[str] = []
        _emit(body, context, parts)
        return "".join(parts)

    return render


def _function(body: list[Node]) -> Callable[[Mapping[str, object]], str]:
    """The template as one Python function: a batch renders each route's joined template
    for every row, and walking the nodes costs a call per node. Text, names and literals
    reach the code as constants, never as source; a template nested too deep to compile
    is walked instead."""
    constants: dict[str, object] = {"_read": _read, "str": str}
    lines = ["def render(context):", " parts = []", " append = parts.append"]

    def constant(value: object) -> str:
        name = f"_{len(constants)}"
        constants[name] = value
        return name

    def test(node: Test | Expression) -> str:
        if isinstance(node, Expression):
            return f"{constant(node.holds)}(context)"
        value = f"_read(context, {constant(node.name)})"
        if node.operator is not None:
            value = f"({value} {node.operator} {constant(node.literal)})"
        return f"not {value}" if node.negate else value

    def emit(nodes: list[Node], indent: str) -> None:
        lines.append(indent + "pass")
        for node in nodes:
            if isinstance(node, str):
                lines.append(f"{indent}append({constant(node)})")
            elif isinstance(node, Variable):
                lines.append(f"{indent}value = _read(context, {constant(node.name)})")
                if node.fallback is not None:
                    lines.append(f"{indent}if not value: value = {constant(node.fallback)}")
                lines.append(f"{indent}append(str(value))")
            else:
                keyword = "if"
                for arm, body in node.arms:
                    lines.append(f"{indent}{keyword} {test(arm)}:")
                    emit(body, indent + " ")
                    keyword = "elif"
                lines.append(f"{indent}else:")
                emit(node.otherwise, indent + " ")

    try:
        emit(body, " ")
        lines.append(" return ''.join(parts)")
        code = compile("\n".join(lines), "<template>", "exec")
    except (SyntaxError, RecursionError, MemoryError):
        return _interpreted(body)
    exec(code, constants)  # the source holds only names made above, never template text
    made = constants["render"]
    assert callable(made)
    return made


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
        plain = _test(source)
        return None if plain is None else Simple([], frozenset({plain.name}), plain)
    lines = _NEWLINES.split(source)
    if lines[-1] == "":
        lines.pop()  # keep_trailing_newline=False drops one final newline
    pieces = _TAG.split("\n".join(lines))
    names: set[str] = set()
    root: list[Node] = []
    exact = True
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
            plain = _test(rest)
            test: Test | Expression | None = plain or _expression(rest)
            if test is None:
                return None
            if plain is None:
                exact = False
            names.update(test.names)
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
    return Simple(root, frozenset(names), exact=exact)


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


def _expression(text: str) -> Expression | None:
    """A wider test (see the module's docstring), or None when it is not one."""
    tokens: list[tuple[str, str]] = []
    at = 0
    while at < len(text.rstrip(" \t")):
        match = _TOKEN.match(text, at)
        if match is None:
            return None
        name, literal, symbol = match.groups()
        if name is not None:
            kind = name if name in ("and", "or", "not", "in") else "name"
            if kind == "name" and name in _KEYWORDS:
                return None
            tokens.append((kind, name))
        elif literal is not None:
            tokens.append(("literal", literal[1:-1]))
        else:
            tokens.append((symbol, symbol))
        at = match.end()
    names: set[str] = set()
    reader = _Tokens(tokens, names)
    try:
        term = reader.either()
    except ValueError:
        return None
    if reader.at < len(tokens):
        return None
    return Expression(term, frozenset(names))


class _Tokens:
    """Reads a wider test by Jinja's precedence: `or`, `and`, `not`, one comparison."""

    def __init__(self, tokens: list[tuple[str, str]], names: set[str]) -> None:
        self.tokens, self.names, self.at = tokens, names, 0

    def peek(self, offset: int = 0) -> str:
        at = self.at + offset
        return self.tokens[at][0] if at < len(self.tokens) else ""

    def take(self, kind: str) -> str:
        if self.peek() != kind:
            raise ValueError(kind)
        self.at += 1
        return self.tokens[self.at - 1][1]

    def either(self) -> Term:
        parts = [self.both()]
        while self.peek() == "or":
            self.at += 1
            parts.append(self.both())
        return parts[0] if len(parts) == 1 else ("or", *parts)

    def both(self) -> Term:
        parts = [self.negated()]
        while self.peek() == "and":
            self.at += 1
            parts.append(self.negated())
        return parts[0] if len(parts) == 1 else ("and", *parts)

    def negated(self) -> Term:
        if self.peek() == "not":
            self.at += 1
            return ("not", self.negated())
        left = self.operand()
        if self.peek() in ("==", "!=", "in"):
            operator = self.take(self.peek())
        elif self.peek() == "not" and self.peek(1) == "in":
            self.at += 2
            operator = "not in"
        else:
            return left
        term = (operator, left, self.operand())
        if self.peek() in ("==", "!=", "in") or (self.peek() == "not" and self.peek(1) == "in"):
            raise ValueError("a chain of comparisons")
        return term

    def operand(self) -> Term:
        kind = self.peek()
        if kind == "literal":
            return ("literal", self.take("literal"))
        if kind == "[":
            self.at += 1
            items = [self.take("literal")]
            while self.peek() == ",":
                self.at += 1
                items.append(self.take("literal"))
            self.take("]")
            return ("list", *items)
        if kind == "(":
            self.at += 1
            if self.peek() == "name" and self.peek(1) == "." and self.peek(3) == "(":
                term = self.method()
                if self.peek() == "|":
                    self.at += 1
                    if term[0] != "split" or self.take("name") != "last":
                        raise ValueError("a filter")
                    term = ("last", term[1])
            else:
                term = self.either()
            if term[0] == "split":
                raise ValueError("a list of words")
            self.take(")")
            return term
        if self.peek(1) == ".":
            term = self.method()
            if term[0] == "split":
                raise ValueError("a list of words")
            return term
        return self.name()

    def name(self) -> Term:
        name = self.take("name")
        self.names.add(name)
        return ("name", name)

    def method(self) -> Term:
        """`name.startswith('x')`, or `name.split()` (only ever followed by `|last`)."""
        subject = self.name()
        self.take(".")
        method = self.take("name")
        self.take("(")
        if method == "startswith":
            prefix = self.take("literal")
            self.take(")")
            return ("startswith", subject, prefix)
        if method == "split":
            self.take(")")
            return ("split", subject)
        raise ValueError(method)


def _lstrip(text: str, line_starting: bool) -> str:
    """lstrip_blocks: spaces and tabs between a line's start and a block tag go."""
    start = text.rfind("\n") + 1
    if (start > 0 or line_starting) and text[start:] and text[start:].isspace():
        return text[:start]
    return text


def flatten(text: str) -> str:
    """What `render.render` makes of rendered text: its lines, stripped, joined by spaces."""
    return " ".join(filter(None, map(str.strip, text.splitlines())))
