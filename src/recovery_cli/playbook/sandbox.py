"""Jinja's sandbox, with every cost a template can run up bounded.

The sandbox already keeps templates away from Python internals. A hostile or careless
template can still ask for a billion-character string (`"x" * 10**9`, `"x" | center(10**9)`,
`"%999999999s" % "x"`), an astronomical number, ten billion loop turns (two nested
`range(100000)`), endless recursion or another file (`include`, `import`, `extends`). Here:

- nothing is computed while compiling (Jinja's constant folding is off), so `validate`
  never builds what a template asks for;
- `refused()` finds statically what no render could do within the limits: a tag that
  reaches for another file, a macro or a recursive loop (a template cannot call itself),
  a power of a power, and constant repetitions, exponents or ranges past the limits, so
  `validate` reports them where they are;
- `*`, `**`, `+`, `%` and `~` are intercepted: a string or list longer than `MAX_OUTPUT`, an
  exponent over `MAX_EXPONENT` or a format width over `MAX_OUTPUT` is refused;
- every filter and string method is vetted before it runs: no number over `MAX_OUTPUT`
  (a width, a count), and no `replace`, `join`, `indent` or `format` whose result could not
  fit;
- `range` draws on a budget of `MAX_LOOP` turns per render, shared by nested loops;
- the output of one render may not exceed `MAX_OUTPUT` characters;
- `lipsum` is not offered.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg

MAX_OUTPUT = 100_000
"""Characters one template may render to: a reply is a few thousand."""
MAX_LOOP = 10_000
"""Loop turns (`range` items) one render may use, all loops together."""
MAX_EXPONENT = 100
"""The largest exponent, and the most digits a power may have."""
REFUSED_TAGS = {nodes.Include: "include", nodes.Import: "import",
                nodes.FromImport: "import", nodes.Extends: "extends"}  # fmt: skip
CALLS_ITSELF = {nodes.Macro: "macro", nodes.CallBlock: "call"}
SIZED = {"center", "ljust", "rjust", "zfill", "indent", "expandtabs", "batch", "slice",
         "tojson", "wordwrap", "truncate"}  # fmt: skip
"""Filters and string methods whose numbers are widths or counts: none over MAX_OUTPUT."""
_PRINTF = re.compile(r"%[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?")
_SPEC = re.compile(r"\{[^{}]*?:((?:[^{}]|\{[^{}]*\})*)\}")

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

    intercepted_binops = frozenset({"*", "**", "+", "%"})
    code_generator_class = _BoundedCode

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _range
        self.globals.pop("lipsum", None)
        self.filters = {name: _vetted(name, func) for name, func in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            _power_fits(left, right)
            return left**right
        if operator == "%":
            if isinstance(left, str):
                _format_fits(left, right if isinstance(right, tuple) else (right,))
            return left % right
        if operator == "+":
            if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
                _fits(len(left) + len(right))
            return left + right
        if isinstance(left, int) and isinstance(right, str | list | tuple):
            left, right = right, left
        if isinstance(left, str | list | tuple) and isinstance(right, int):
            _fits(len(left) * right)
        return left * right

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call from a template; a string method is vetted like a filter first."""
        method = getattr(__obj, "__wrapped__", __obj)  # str.format comes wrapped
        owner = getattr(method, "__self__", None)
        if isinstance(owner, str):
            _, args = _vet(getattr(method, "__name__", "method"), owner, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def bounded_concat(self, parts: tuple[Any, ...]) -> str:
        """`a ~ b ~ c`, refused before it is built if it would be too long."""
        texts = [str(part) for part in parts]
        _fits(sum(map(len, texts)))
        return "".join(texts)


def _vetted(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that is vetted (`_vet`) before it runs; Jinja's context argument kept."""
    skip = 0 if _PassArg.from_obj(func) is None else 1

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        if len(args) > skip:
            subject, rest = _vet(name, args[skip], args[skip + 1 :], kwargs)
            args = (*args[:skip], subject, *rest)
        return func(*args, **kwargs)

    return run


def _vet(
    name: str, subject: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, tuple[Any, ...]]:
    """Refuse a filter or string method (`name`, applied to `subject`) whose result could
    not fit; the subject and arguments to call it with (what `join` joins is read here,
    once, so it is counted before it is joined)."""
    if name in ("format", "format_map"):
        if isinstance(subject, str):
            _format_fits(subject, (*args, *kwargs.values()))
        return subject, args
    if name in SIZED:
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and abs(value) > MAX_OUTPUT:
                raise SecurityError(f"`{name}` of more than {MAX_OUTPUT:,} is not allowed")
    if name == "join":
        if isinstance(subject, str):  # separator.join(items)
            items = list(args[0]) if args else []
            _joined_fits(subject, items)
            return subject, (items, *args[1:])
        items = list(subject)  # items | join(separator)
        _joined_fits(str(args[0] if args else kwargs.get("d", "")), items)
        return items, args
    if isinstance(subject, str):
        _grown_fits(name, subject, args, kwargs)
    return subject, args


def _joined_fits(separator: str, items: list[Any]) -> None:
    size = len(separator) * max(len(items) - 1, 0)
    _fits(size + sum(len(item) for item in items if isinstance(item, str)))


def _grown_fits(name: str, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """`replace`, `indent` and `expandtabs` grow a text by a multiple of its size."""
    if name == "replace" and len(args) >= 2:
        old, new = str(args[0]), str(args[1])
        hits = text.count(old) if old else len(text) + 1
        _fits(len(text) + hits * len(new))
    elif name == "indent":
        width = args[0] if args else kwargs.get("width", 4)
        step = len(width) if isinstance(width, str) else int(width)
        _fits(len(text) + (text.count("\n") + 1) * step)
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        _fits(len(text) + text.count("\t") * int(size))


def _format_fits(template: str, values: tuple[Any, ...]) -> None:
    """A `%` or `format` template whose widths and precisions all fit (a width given as
    an argument, `*` or `{:{}}`, counts too)."""
    widths = [part for found in _PRINTF.findall(template) for part in found if part]
    for spec in _SPEC.findall(template):
        widths.extend(re.findall(r"\d+", spec))
        widths.extend("*" for _ in re.finditer(r"\{", spec))
    if any(width != "*" and int(width) > MAX_OUTPUT for width in widths):
        raise SecurityError(f"a format width over {MAX_OUTPUT:,} is not allowed")
    if "*" in widths and any(isinstance(v, int) and abs(v) > MAX_OUTPUT for v in values):
        raise SecurityError(f"a format width over {MAX_OUTPUT:,} is not allowed")


def _power_fits(base: Any, exponent: Any) -> None:
    """An exponent and a result of at most `MAX_EXPONENT` (digits)."""
    if not isinstance(exponent, int) or not isinstance(base, int | float):
        return
    if abs(exponent) > MAX_EXPONENT:
        raise SecurityError(f"an exponent over {MAX_EXPONENT} is not allowed")
    if isinstance(base, int) and abs(base) > 1 and exponent > 0:
        digits = exponent * math.log10(abs(base)) if base.bit_length() < 1024 else math.inf
        if digits > MAX_EXPONENT:
            raise SecurityError(f"a number of more than {MAX_EXPONENT} digits is not allowed")


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


def refused(parsed: nodes.Node) -> str | None:
    """Why a template could never render within the limits, found without running it
    (so `validate` reports it where it is), or None."""
    for kind, name in REFUSED_TAGS.items():
        if next(parsed.find_all(kind), None) is not None:
            return f"`{name}` is not allowed: a template stands alone"
    for kind, name in CALLS_ITSELF.items():
        if next(parsed.find_all(kind), None) is not None:
            return f"`{name}` is not allowed: a template may not define what calls itself"
    if any(loop.recursive for loop in parsed.find_all(nodes.For)):
        return "a recursive loop is not allowed: a template may not call itself"
    kinds = (nodes.Pow, nodes.Mul, nodes.Add, nodes.Mod, nodes.Call, nodes.Filter)
    for node in parsed.find_all(kinds):
        if isinstance(node, nodes.Pow) and isinstance(node.left, nodes.Pow):
            return "a power of a power (`a ** b ** c`) is not allowed"
        try:
            _constant(node)
        except SecurityError as exc:
            return str(exc)
        except (ArithmeticError, TypeError, ValueError) as exc:
            return f"it can never be computed: {exc}"
    return None


def _constant(node: nodes.Node) -> Any:
    """The value of a constant expression, computed within the limits (a SecurityError
    past them); None when it is not constant."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.List | nodes.Tuple):
        items = [_constant(item) for item in node.items]
        if any(item is None for item in items):
            return None
        return tuple(items) if isinstance(node, nodes.Tuple) else items
    if isinstance(node, nodes.Neg | nodes.Pos):
        value = _constant(node.node)
        if not isinstance(value, int | float):
            return None
        return -value if isinstance(node, nodes.Neg) else value
    if isinstance(node, nodes.Call):
        if isinstance(node.node, nodes.Getattr):  # "...".format(...): vetted, not run
            owner, args = _constant(node.node.node), [_constant(arg) for arg in node.args]
            if isinstance(owner, str) and not node.kwargs and None not in args:
                _vet(node.node.attr, owner, tuple(args), {})
            return None
        if not (isinstance(node.node, nodes.Name) and node.node.name == "range"):
            return None
        bounds = [_constant(arg) for arg in node.args]
        if node.kwargs or not bounds or not all(isinstance(b, int) for b in bounds):
            return None
        if 0 not in bounds[2:] and len(range(*bounds)) > MAX_LOOP:
            raise SecurityError(f"loops of more than {MAX_LOOP:,} turns are not allowed")
        return None
    if isinstance(node, nodes.Filter):
        return _constant_filter(node)
    if isinstance(node, nodes.Pow | nodes.Mul | nodes.Add | nodes.Mod):
        left, right = _constant(node.left), _constant(node.right)
        if left is None or right is None:
            return None
        return ENVIRONMENT.call_binop(None, node.operator, left, right)
    return None


def _constant_filter(node: nodes.Filter) -> Any:
    """A filter of constants, applied (vetted, so within the limits); None when it is
    not constant or needs a render's context."""
    func = ENVIRONMENT.filters.get(node.name)
    if func is None or node.node is None or node.kwargs or node.dyn_args or node.dyn_kwargs:
        return None
    if _PassArg.from_obj(func) is not None:
        return None
    value, args = _constant(node.node), [_constant(arg) for arg in node.args]
    if value is None or any(arg is None for arg in args):
        return None
    return func(value, *args)


ENVIRONMENT = BoundedSandbox(
    optimized=False,  # folding constants would build `"x" * 10**9` while compiling
    undefined=StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
