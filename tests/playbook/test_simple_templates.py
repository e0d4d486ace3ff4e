"""The plain template subset renders exactly as the sandboxed Jinja does.

Lint renders plain templates without Jinja for speed, and validation trusts that they
compile; both are only right if the two agree. Each case is rendered by both, with a
name present, empty, or missing, and every shipped template is compared too.
"""

from __future__ import annotations

import itertools
import random

import pytest
import yaml
from jinja2 import StrictUndefined
from jinja2.exceptions import UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook import render, simple_templates
from support import SHIPPED

JINJA = ImmutableSandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)
CONTEXTS = [
    {"name": "Dana", "stakes": "a trip", "severity": "high"},
    {"name": "Dana", "stakes": "", "severity": "low"},
    {"name": "", "stakes": "a trip", "severity": "medium"},
]
PIECES = [
    "Hi ",
    "{{ name }}",
    "{{ stakes or 'your plans' }}",
    "{% if stakes %}",
    "{% if not stakes %}",
    "{% if severity == 'high' %}",
    "{% elif severity != 'low' %}",
    "{% else %}",
    "{% endif %}",
    "\n",
    "  ",
    "\t",
    ".",
    " and ",
    "\n  ",
]


def jinja(source: str, context: dict[str, str]) -> str | None:
    try:
        return str(JINJA.from_string(source).render(**context))
    except UndefinedError:
        return None


def quick(source: str, context: dict[str, str]) -> str | None:
    simple = simple_templates.parse(source)
    assert simple is not None, source
    try:
        return simple.render(context)
    except simple_templates.Missing:
        return None


def generated(count: int, seed: int) -> list[str]:
    """Random well-formed templates: text, placeholders and nested if blocks."""
    rng = random.Random(seed)
    sources: list[str] = []
    while len(sources) < count:
        parts: list[str] = []
        depth = 0
        for _ in range(rng.randint(1, 14)):
            piece = rng.choice(PIECES)
            if piece.startswith("{% if"):
                depth += 1
            elif piece.startswith(("{% elif", "{% else")) and depth == 0:
                continue
            elif piece == "{% endif %}":
                if depth == 0:
                    continue
                depth -= 1
            parts.append(piece)
        parts.extend(["{% endif %}"] * depth)
        source = "".join(parts)
        if simple_templates.parse(source) is not None:
            sources.append(source)
    return sources


@pytest.mark.parametrize("seed", range(4))
def test_generated_plain_templates_render_as_jinja_renders_them(seed: int) -> None:
    for source, context in itertools.product(generated(300, seed), CONTEXTS):
        assert quick(source, context) == jinja(source, context), repr(source)


def test_a_missing_name_is_an_error_in_both() -> None:
    for source in ["{{ nobody }}", "{% if nobody %}x{% endif %}", "{{ nobody or 'x' }}"]:
        assert jinja(source, {}) is None
        assert quick(source, {}) is None


def shipped_templates() -> list[str]:
    found: list[str] = []
    for path in sorted((SHIPPED / "scenarios").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in data["steps"]:
            found.extend(step.get("suggestions", []))
        found.extend(item["do"] for item in data.get("checklist", []))
    return found


def test_every_shipped_template_renders_the_same_either_way() -> None:
    context = {
        "customer_name": "Dana",
        "issue": "your order is late",
        "promised": "by Friday",
        "stakes": "an interview",
        "partner": "the lab",
        "severity": "high",
        "channel": "email",
        "next_update": "by 5pm today",
        "message": "Where is it?",
    }
    plain = 0
    for source in shipped_templates():
        simple = simple_templates.parse(source)
        if simple is None:
            continue
        plain += 1
        names = {name: "x" for name in simple.names}
        values = {**names, **context}
        assert simple_templates.flatten(simple.render(values)) == render.render(source, values)
    assert plain >= len(shipped_templates()) * 0.9


@pytest.mark.parametrize(
    "source",
    [
        "{{ name.upper() }}",
        "{{ ''.__class__ }}",
        "{{ name | upper }}",
        "{# a comment #}",
        "{%- if name %}x{% endif %}",
        "{% for x in name %}{% endfor %}",
        "{% if name %}unclosed",
        "{% endif %}",
        "{% if name %}a{% else %}b{% else %}c{% endif %}",
        "{% if name %}a{% else %}b{% elif x %}c{% endif %}",
        "{{ range }}",
        "{{ name }",
        "{{ a or b }}",
    ],
)
def test_anything_else_is_left_to_jinja(source: str) -> None:
    assert simple_templates.parse(source) is None


def test_conditions_in_the_subset_agree_with_jinja() -> None:
    for condition in ["severity == 'high'", "not stakes", "stakes", "severity != 'low'"]:
        simple = simple_templates.parse(condition, condition=True)
        assert simple is not None
        for context in CONTEXTS:
            expected = bool(JINJA.compile_expression(condition)(**context))
            assert simple.holds(context) is expected
    assert simple_templates.parse("severity in ['high']", condition=True) is None


def test_a_subset_template_is_never_reported_as_broken() -> None:
    for source in generated(100, 99):
        assert render.syntax_problem(source) is None


WIDER_TESTS = [
    "waited",
    "not waited",
    "waited in issue",
    "waited not in issue",
    "severity == 'high'",
    "severity != 'low'",
    "'late' in issue",
    "channel in ['phone', 'in-person']",
    "channel not in ['email']",
    "times.startswith('the ')",
    "(promised.split()|last) not in issue",
]
WIDER_CONTEXTS = [
    {"waited": "three weeks", "issue": "your order is three weeks late", "severity": "high",
     "channel": "phone", "times": "the third time", "promised": "by Friday"},
    {"waited": "", "issue": "your order is late", "severity": "low", "channel": "email",
     "times": "twice", "promised": "Friday"},
    {"waited": "a month", "issue": "", "severity": "medium", "channel": "in-person",
     "times": "", "promised": ""},
]  # fmt: skip


def wider(count: int, seed: int) -> list[str]:
    """Random `if` tests joined by `and`, `or`, `not` and parentheses."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        test = rng.choice(WIDER_TESTS)
        for _ in range(rng.randint(0, 3)):
            other = rng.choice(WIDER_TESTS)
            if rng.random() < 0.3:
                other = f"not ({other})" if rng.random() < 0.5 else f"({other})"
            test = f"{test} {rng.choice(['and', 'or'])} {other}"
        found.append(test)
    return found


def jinja_outcome(source: str, context: dict[str, str]) -> tuple[str, str]:
    try:
        return "text", str(JINJA.from_string(source).render(**context))
    except Exception as exc:  # what each does wrong must agree too
        return "error", type(exc).__name__


@pytest.mark.parametrize("seed", range(3))
def test_wider_if_tests_render_as_jinja_renders_them(seed: int) -> None:
    answered = 0
    for test, context in itertools.product(wider(200, seed), WIDER_CONTEXTS):
        source = f"A{{% if {test} %}} yes {{{{ waited }}}}{{% else %}} no{{% endif %}}."
        simple = simple_templates.parse(source)
        assert simple is not None, source
        expected = jinja_outcome(source, context)
        try:
            quick_text = simple.render(context)
        except simple_templates.Unsure:
            # left to Jinja: the renderer then gives exactly Jinja's text or error
            assert expected[0] == "error" or "promised" in test, (source, context)
        else:
            answered += 1
            assert ("text", quick_text) == expected, (source, context)
        names = {name for name in WIDER_CONTEXTS[0] if name in test or name == "waited"}
        assert set(simple.names) == names
        assert render.names_used(source) == set(meta_names(source))
    assert answered > 500


def meta_names(source: str) -> set[str]:
    from jinja2 import meta

    return set(meta.find_undeclared_variables(JINJA.parse(source)))


def test_a_wider_test_that_meets_a_missing_name_fails_as_jinja_fails() -> None:
    source = "{% if waited and waited not in issue %}for {{ waited }}{% endif %}"
    assert render.render(source, {"waited": "", "customer": "x"}) == ""
    with pytest.raises(RecoveryError) as caught:
        render.render(source, {"waited": "a week"})
    assert "issue" in caught.value.message
    with pytest.raises(RecoveryError) as empty:  # nothing to take the last word of
        render.render("{% if (promised.split()|last) in issue %}x{% endif %}", {
            "promised": " ", "issue": "late"})  # fmt: skip
    assert "TypeError" in empty.value.message


def test_a_wider_test_keeps_the_sandbox_ceiling_on_output() -> None:
    source = "{% if a and a not in b %}{{ a }}{{ a }}{{ a }}{{ a }}{{ a }}{{ a }}{% endif %}"
    with pytest.raises(RecoveryError) as caught:
        render.render(source, {"a": "x" * 20_000, "b": ""})
    assert "longer than" in caught.value.message


@pytest.mark.parametrize(
    "test",
    [
        "a == b == c",
        "a.upper()",
        "(a.split())",
        "a.split()|last in b",
        "a is defined",
        "a in b\nor c",
        "a == 1",
        "a and",
        "(a or b",
        "true and a",
    ],
)
def test_other_tests_are_left_to_jinja(test: str) -> None:
    assert simple_templates.parse(f"{{% if {test} %}}x{{% endif %}}") is None


def test_a_template_nested_too_deep_to_compile_still_renders() -> None:
    depth = 120
    source = "{% if a %}x" * depth + "{% endif %}" * depth
    simple = simple_templates.parse(source)
    assert simple is not None
    assert simple.render({"a": "yes"}) == "x" * depth
    assert render.render(source, {"a": ""}) == ""


def test_text_that_looks_like_code_is_rendered_as_text() -> None:
    source = "'\"\\n{{ a }}\\\\ ) ]}\n{% if a == 'x' %}\"\"\" '''{% endif %}"
    for context in [{"a": "x"}, {"a": "\\n'\""}]:
        assert quick(source, context) == jinja(source, context)
