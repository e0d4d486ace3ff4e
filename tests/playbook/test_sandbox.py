"""The sandbox's limits: what no render could do is found statically, the rest is bounded."""

from __future__ import annotations

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook import render
from recovery_cli.playbook.sandbox import ENVIRONMENT, refused


@pytest.mark.parametrize(
    ("template", "reason"),
    [
        ('{{ "x" * 10**9 }}', "longer than"),
        ("{% for i in range(100000) %}{% endfor %}", "loops of more than"),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "`macro` is not allowed"),
        ("{% for x in [[1]] recursive %}{{ loop(x) }}{% endfor %}", "recursive loop"),
        ("{{ 10 ** 10 ** 8 }}", "power of a power"),
        ("{{ 10 ** 400 }}", "exponent over"),
        ('{{ "%999999999s" % "x" }}', "format width"),
        ('{{ "{:>999999999}".format("x") }}', "format width"),
        ('{{ "x" | center(999999999) }}', "`center` of more than"),
        ("{{ 10**400 | filesizeformat }}", "never be computed"),
    ],
)
def test_what_no_render_could_do_is_refused_without_rendering(template: str, reason: str) -> None:
    found = refused(ENVIRONMENT.parse(template))
    assert found is not None and reason in found


@pytest.mark.parametrize(
    "template",
    ['{{ "%s and %s" % ("a", "b") }}', "{{ 2 ** 10 }}", '{{ ["a", "b"] | join(", ") }}',
     "{% for i in range(3) %}{{ i }}{% endfor %}", "{{ customer_name | upper }}"],
)  # fmt: skip
def test_ordinary_templates_pass(template: str) -> None:
    assert refused(ENVIRONMENT.parse(template)) is None


@pytest.mark.parametrize(
    "template",
    [
        "{{ name.ljust(width) }}",
        "{{ name | center(width) }}",
        '{{ ((name ~ "\\n") * 1000) | indent(width) }}',
        '{{ "%*s" % (width, name) }}',
        "{{ name | replace('D', name * 50000) }}",
        "{{ ([name * 50000] * 3) | join }}",
    ],
)
def test_a_result_too_large_for_the_values_given_is_refused_at_render(template: str) -> None:
    with pytest.raises(RecoveryError, match=r"not allowed|longer than"):
        render.render(template, {"name": "Dana", "width": 10**9})
