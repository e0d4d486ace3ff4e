"""Rendering trainer templates safely: Jinja's sandbox, strict about missing names.

Templates come from playbooks (trainers); values come from agents and customers. Values
are only ever passed as data, never compiled, so a customer who types `{{ 7*7 }}` gets
those characters back verbatim. A missing name is an error the trainer sees (StrictUndefined),
never an empty gap a customer reads. Each template compiles once per process.

Nearly every template is plain text with `{{ name }}` and simple `{% if %}` blocks;
`simple_templates` renders that subset exactly as Jinja would, without compiling it (a
compile costs about a millisecond, a batch route's joined template far more, and lint
renders every template of a library), and everything else goes to the sandbox, as does any
render the subset is unsure of. Callers see one renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.parser import Parser

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.playbook.sandbox import ENVIRONMENT, Budget, bounded, refused
from recovery_cli.playbook.simple_templates import Missing, Unsure, flatten, parse

_ENV = ENVIRONMENT
_INTERNALS_HINT = "templates may only use the inputs and answers, not Python internals"
_LIMITS_HINT = "templates must stay within modest limits: output, loops and repetition"


@lru_cache(maxsize=4096)
def _compiled(source: str) -> Any:
    return _ENV.from_string(_allowed(source))


@lru_cache(maxsize=1024)
def _compiled_condition(source: str) -> Any:
    expression = _ENV.compile_expression(source, undefined_to_none=False)
    reason = refused(Parser(_ENV, source, state="variable").parse_expression())
    if reason is not None:
        raise TemplateSyntaxError(reason, 1)
    return expression


def _allowed(source: str) -> str:
    """The source, once it is known to ask for nothing the sandbox would refuse."""
    reason = refused(_ENV.parse(source))
    if reason is not None:
        raise TemplateSyntaxError(reason, 1)
    return source


def _unknown(kind: str, name: str, where: Location | None) -> RecoveryError:
    return RecoveryError(
        f"{kind} uses an unknown name: '{name}' is undefined",
        location=where,
        hint="declare it under `inputs:` or as a question id, or fix the spelling",
    )


def _failed(kind: str, exc: BaseException, where: Location | None) -> RecoveryError:
    """Whatever a template's evaluation raised, as the trainer's problem at `where`."""
    if isinstance(exc, SecurityError):
        hint = _INTERNALS_HINT if "unsafe" in str(exc) else _LIMITS_HINT
        return RecoveryError(f"{kind} refused by the sandbox: {exc}", location=where, hint=hint)
    if isinstance(exc, UndefinedError):
        return RecoveryError(
            f"{kind} uses an unknown name: {exc.message}",
            location=where,
            hint="declare it under `inputs:` or as a question id, or fix the spelling",
        )
    if isinstance(exc, RecursionError):
        return RecoveryError(f"{kind} calls itself without end", location=where)
    if isinstance(exc, TemplateSyntaxError):
        return RecoveryError(f"{kind} does not compile: {exc.message}", location=where)
    if isinstance(exc, TemplateError):
        return RecoveryError(f"{kind} error: {exc}", location=where)
    return RecoveryError(f"{kind} error: {type(exc).__name__}: {exc}", location=where)


def render(source: str, context: Mapping[str, object], where: Location | None = None) -> str:
    """Render one template; a problem becomes a RecoveryError at `where`."""
    simple = parse(source)
    if simple is not None:
        try:
            return flatten(simple.render(context))
        except Missing as exc:
            if simple.exact:
                raise _unknown("template", exc.name, where) from None
        except Unsure:
            pass  # Jinja says what happens, error or not
    try:
        template = _compiled(source)
        with Budget():
            text = bounded(template.generate(**context))
    except (TemplateError, ArithmeticError, ValueError, TypeError, RecursionError) as exc:
        raise _failed("template", exc, where) from None
    except MemoryError:
        raise _failed("template", SecurityError("it needs too much memory"), where) from None
    return flatten(text)


def holds(condition: str, context: Mapping[str, object], where: Location | None = None) -> bool:
    """Evaluate a `when:` condition such as `severity == 'high'`."""
    simple = parse(condition, condition=True)
    if simple is not None:
        try:
            return simple.holds(context)
        except Missing as exc:
            raise _unknown("condition", exc.name, where) from None
    try:
        expression = _compiled_condition(condition)
        with Budget():
            return bool(expression(**context))
    except (TemplateError, ArithmeticError, ValueError, TypeError, RecursionError) as exc:
        raise _failed("condition", exc, where) from None
    except MemoryError:
        raise _failed("condition", SecurityError("it needs too much memory"), where) from None


def syntax_problem(source: str, *, condition: bool = False) -> str | None:
    """The syntax error in a template or condition, or None when it compiles."""
    if parse(source, condition=condition) is not None:
        return None  # the plain subset always compiles; skip the (slow) compiler
    try:
        if condition:
            _compiled_condition(source)
        else:
            _compiled(source)
    except TemplateSyntaxError as exc:
        return f"line {exc.lineno}: {exc.message}" if exc.lineno > 1 else str(exc.message)
    except (TemplateError, ArithmeticError, ValueError, TypeError, RecursionError) as exc:
        return str(exc) or type(exc).__name__
    except MemoryError:
        return "it needs too much memory to compile"
    return None


def names_used(source: str, *, condition: bool = False) -> set[str]:
    """The variable names a template (or condition) reads, for static checks."""
    simple = parse(source, condition=condition)
    if simple is not None:
        return set(simple.names)
    parsed = _ENV.parse("{{ " + source + " }}" if condition else source)
    return set(meta.find_undeclared_variables(parsed))


def unsafe_attributes(source: str, *, condition: bool = False) -> list[str]:
    """Attribute names the sandbox will refuse (`__class__` and friends), found statically."""
    if parse(source, condition=condition) is not None:
        return []  # the plain subset reads no attributes at all
    parsed = _ENV.parse("{{ " + source + " }}" if condition else source)
    found = [node.attr for node in parsed.find_all(nodes.Getattr) if node.attr.startswith("_")]
    for node in parsed.find_all(nodes.Getitem):
        if isinstance(node.arg, nodes.Const) and str(node.arg.value).startswith("_"):
            found.append(str(node.arg.value))
    return found
