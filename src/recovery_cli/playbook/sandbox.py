"""Jinja's sandbox, with every cost a template can run up bounded.

The sandbox already keeps templates away from Python internals. A hostile or careless
template can still ask for a billion-character string (`"x" * 10**9`, which Jinja would
even try to fold into a constant while compiling), an astronomical number, ten billion
loop turns (two nested `range(100000)`), endless recursion or another file
(`include`, `import`, `extends`). Here:

- `*`, `**`, `+` and `~` are intercepted: a string or list longer than `MAX_OUTPUT` or an
  exponent over `MAX_EXPONENT` is refused, and nothing is folded at compile time;
- `range` draws on a budget of `MAX_LOOP` turns per render, shared by nested loops;
- the output of one render may not exceed `MAX_OUTPUT` characters;
- `include`, `import` and `extends` are refused as syntax problems (there is no loader);
- `lipsum` is not offered.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_OUTPUT = 100_000
"""Characters one template may render to: a reply is a few thousand."""
MAX_LOOP = 10_000
"""Loop turns (`range` items) one render may use, all loops together."""
MAX_EXPONENT = 100
REFUSED_TAGS = {nodes.Include: "include", nodes.Import: "import",
                nodes.FromImport: "import", nodes.Extends: "extends"}  # fmt: skip

_budget: ContextVar[list[int]] = ContextVar("recovery_loop_budget")


class _BoundedCode(CodeGenerator):
    """Compiles `a ~ b` to a call the sandbox can bound, instead of a bare string join."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_concat((")
        for argument in node.nodes:
            self.visit(argument, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with output, loops, repetition and exponents bounded."""

    intercepted_binops = frozenset({"*", "**", "+"})
    code_generator_class = _BoundedCode

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _range
        self.globals.pop("lipsum", None)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            if isinstance(right, int) and abs(right) > MAX_EXPONENT:
                raise SecurityError(f"an exponent over {MAX_EXPONENT} is not allowed")
            return left**right
        if operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                _fits(len(left) + len(right))
            return left + right
        if isinstance(left, int) and isinstance(right, str | list | tuple):
            left, right = right, left
        if isinstance(left, str | list | tuple) and isinstance(right, int):
            _fits(len(left) * right)
        return left * right

    def bounded_concat(self, parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`, refused before it is built if it would be too long."""
        texts = [str(part) for part in parts]
        _fits(sum(map(len, texts)))
        return "".join(texts)


def _fits(size: int) -> None:
    if size > MAX_OUTPUT:
        raise SecurityError(f"a result longer than {MAX_OUTPUT:,} is not allowed")


def _range(*args: int) -> range:
    """`range`, drawing on the render's loop budget."""
    span = range(*args)
    budget = _budget.get(None)
    if budget is None:
        raise SecurityError("range is only available while rendering")
    budget[0] -= len(span)
    if budget[0] < 0:
        raise SecurityError(f"loops of more than {MAX_LOOP:,} turns are not allowed")
    return span


def bounded(chunks: Iterator[str]) -> str:
    """Join a template's output, refusing it once it passes `MAX_OUTPUT` characters."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise SecurityError(f"the output is longer than {MAX_OUTPUT:,} characters")
        parts.append(chunk)
    return "".join(parts)


class Budget:
    """A fresh loop budget for one render (`with Budget(): ...`)."""

    def __enter__(self) -> None:
        self._token = _budget.set([MAX_LOOP])

    def __exit__(self, *exc: object) -> None:
        _budget.reset(self._token)


def refused_tag(parsed: nodes.Template) -> str | None:
    """The first tag a playbook template may not use (`include`, `import`, `extends`)."""
    for kind, name in REFUSED_TAGS.items():
        if next(parsed.find_all(kind), None) is not None:
            return name
    return None


ENVIRONMENT = BoundedSandbox(
    undefined=StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
