"""A default that names another input ("{item} arrived damaged"): filled, never shown raw."""

from __future__ import annotations

from recovery_cli.playbook.inputs import resolve, sample_values
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.walk import run_scripted
from support import playbook_dict, step

INPUTS = [
    {"name": "customer_name"},
    {"name": "item", "default": "your order"},
    {"name": "issue", "default": "{item} arrived damaged"},
]


def _playbook(inputs: list[dict[str, str]] = INPUTS) -> Playbook:
    line = step("hello", "I'm so sorry: {{ issue }}.")
    return Playbook.model_validate(playbook_dict(line, inputs=inputs))


def test_the_named_input_fills_the_default() -> None:
    resolved = resolve(_playbook(), {"item": "your oak coffee table"})
    assert resolved.values["issue"] == "your oak coffee table arrived damaged"
    assert "issue" in resolved.defaulted  # still the playbook's words: an assumption


def test_with_nothing_given_the_default_reads_as_it_always_did() -> None:
    assert resolve(_playbook(), {}).values["issue"] == "your order arrived damaged"


def test_a_given_issue_is_used_as_given() -> None:
    given = {"item": "your rug", "issue": "the rug has a tear along one edge"}
    assert resolve(_playbook(), given).values["issue"] == "the rug has a tear along one edge"


def test_a_typed_item_is_tidied_like_any_phrase_before_it_fills_the_default() -> None:
    values = resolve(_playbook(), {"item": "  my new kettle.  "}).values
    assert values["issue"] == "your new kettle arrived damaged"


def test_lint_samples_and_drafts_never_show_the_braces() -> None:
    own = [*INPUTS, {"name": "headline", "default": "{item} came today"}]
    assert sample_values(_playbook(own))["headline"] == "your oak coffee table came today"
    playbook = _playbook()
    draft = run_scripted(playbook, resolve(playbook, {}).values).draft()
    assert "{item}" not in draft
    assert "your order arrived damaged" in draft
