"""Rendering trainer templates: strict about names, sandboxed, and never evaluating values."""

from __future__ import annotations

import pytest

from recovery_cli.errors import Location, RecoveryError
from recovery_cli.playbook.render import (
    holds,
    names_used,
    render,
    syntax_problem,
    unsafe_attributes,
)

WHERE = Location("tiny.yaml", field="steps[0].suggestions[0]")


def test_a_template_fills_in_the_facts() -> None:
    text = render(
        "Sorry, {{ customer_name }}: {{ issue }}.", {"customer_name": "Dana", "issue": "it broke"}
    )
    assert text == "Sorry, Dana: it broke."


def test_a_missing_name_is_an_error_naming_it_never_empty_text() -> None:
    with pytest.raises(RecoveryError) as caught:
        render("Hi {{ custmer_name }},", {"customer_name": "Dana"}, WHERE)
    assert "custmer_name" in caught.value.message
    assert caught.value.location == WHERE
    assert caught.value.hint is not None and "inputs" in caught.value.hint


def test_an_attribute_of_a_missing_name_is_an_error() -> None:
    with pytest.raises(RecoveryError) as caught:
        render("Hi {{ customer.name }},", {"customer_name": "Dana"})
    assert "customer" in caught.value.message


def test_an_empty_value_may_be_tested_without_an_error() -> None:
    template = "We are on it{% if partner %} with {{ partner }}{% endif %}."
    assert render(template, {"partner": ""}) == "We are on it."
    assert render(template, {"partner": "the lab"}) == "We are on it with the lab."


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ customer_name.__class__ }}",
        "{{ '{0.__class__}'.format(customer_name) }}",
    ],
)
def test_the_sandbox_refuses_python_internals_with_a_clear_message(template: str) -> None:
    with pytest.raises(RecoveryError) as caught:
        render(template, {"customer_name": "Dana"}, WHERE)
    assert "refused by the sandbox" in caught.value.message
    assert "unsafe" in caught.value.message
    assert caught.value.location == WHERE
    assert caught.value.hint is not None and "Python internals" in caught.value.hint


def test_the_sandbox_refuses_changing_a_value() -> None:
    with pytest.raises(RecoveryError) as caught:
        render("{{ items.append('x') }}", {"items": []})
    assert "sandbox" in caught.value.message


@pytest.mark.parametrize(
    "typed",
    [
        "{{ 7*7 }}",
        "{% raw %}{{ 7*7 }}{% endraw %}",
        "{% raw %}",
        "{{ cycler.__init__.__globals__ }}",
        "{# a comment #}",
    ],
)
def test_what_a_customer_typed_is_shown_verbatim_never_evaluated(typed: str) -> None:
    assert render("You wrote: {{ message }}", {"message": typed}) == f"You wrote: {typed}"


def test_html_in_a_value_is_not_escaped() -> None:
    assert render("{{ name }}", {"name": "O'Brien & <Sons>"}) == "O'Brien & <Sons>"


def test_a_multi_line_template_collapses_to_one_line() -> None:
    template = """
        I am sorry, {{ customer_name }}.
        {% if stakes %}
            I know {{ stakes }}.
        {% endif %}
        We will fix it.
    """
    text = render(template, {"customer_name": "Dana", "stakes": "you fly on Monday"})
    assert text == "I am sorry, Dana. I know you fly on Monday. We will fix it."


def test_a_condition_compares_an_input() -> None:
    assert holds("severity == 'high'", {"severity": "high"}) is True
    assert holds("severity == 'high'", {"severity": "low"}) is False


def test_a_condition_can_combine_inputs_and_answers() -> None:
    condition = "severity == 'high' and partner_can_rush == 'replace'"
    assert holds(condition, {"severity": "high", "partner_can_rush": "replace"}) is True
    assert holds(condition, {"severity": "high", "partner_can_rush": "rush"}) is False


def test_an_empty_value_is_false_in_a_condition() -> None:
    assert holds("partner", {"partner": ""}) is False
    assert holds("partner", {"partner": "the lab"}) is True


def test_a_condition_with_an_unknown_name_is_an_error_naming_it() -> None:
    where = Location("tiny.yaml", field="steps[2].when")
    with pytest.raises(RecoveryError) as caught:
        holds("severty == 'high'", {"severity": "high"}, where)
    assert "severty" in caught.value.message
    assert caught.value.location == where


def test_a_condition_reaching_for_internals_is_refused() -> None:
    with pytest.raises(RecoveryError) as caught:
        holds("severity.__class__.__mro__", {"severity": "high"})
    assert "sandbox" in caught.value.message


def test_a_template_that_compiles_has_no_syntax_problem() -> None:
    assert syntax_problem("Hi {{ customer_name }}{% if x %}!{% endif %}") is None
    assert syntax_problem("severity == 'high'", condition=True) is None


def test_an_unclosed_placeholder_is_a_syntax_problem() -> None:
    assert syntax_problem("Hi {{ customer_name") is not None


def test_a_syntax_problem_on_a_later_line_names_that_line() -> None:
    problem = syntax_problem("Hi\nthere\n{% if x %}")
    assert problem is not None and problem.startswith("line 3:")


def test_a_broken_condition_is_a_syntax_problem() -> None:
    assert syntax_problem("severity ==", condition=True) is not None


def test_the_names_a_template_reads_are_listed() -> None:
    template = (
        "{{ customer_name }}{% if partner %} at {{ partner }}{% endif %}{% set x = 1 %}{{ x }}"
    )
    assert names_used(template) == {"customer_name", "partner"}
    assert names_used("severity == 'high' and stakes", condition=True) == {"severity", "stakes"}


def test_unsafe_attributes_are_found_without_rendering() -> None:
    assert sorted(unsafe_attributes("{{ ''.__class__.__mro__ }}")) == ["__class__", "__mro__"]
    assert unsafe_attributes("{{ x['_secret'] }}") == ["_secret"]
    assert unsafe_attributes("{{ customer_name.title() }}") == []
