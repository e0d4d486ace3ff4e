"""What a scripted run is told: answers files, `--set` flags, their layering, and the inputs.

Inputs (`recovery_cli.inputs`) are specified here too: they are what the supplied values
become before a walk starts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook.answers import Supplied, merge, parse_sets, read_answers_file, sort_out
from recovery_cli.playbook.inputs import effective_inputs, resolve, sample_values
from recovery_cli.playbook.models import Playbook
from support import playbook, question, step, write


def book() -> Playbook:
    return playbook(
        step(
            "own",
            "It is ours to fix.",
            "I will sort it myself.",
            question=question("partner_can_rush", "rush", "replace"),
        ),
        step("close", "Speak soon."),
        inputs=[
            {"name": "customer_name", "required": True},
            {"name": "severity", "default": "medium"},
            {"name": "partner"},
        ],
    )


def refusal(raw: dict[str, object]) -> RecoveryError:
    with pytest.raises(RecoveryError) as caught:
        sort_out(book(), raw, "answers.yaml")
    return caught.value


# --- answers files -------------------------------------------------------------------------


def test_a_yaml_answers_file_is_read_as_a_mapping(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "answers.yaml",
        """\
        customer_name: Dana
        partner_can_rush: replace
        choose:
          own: 2
        """,
    )
    assert read_answers_file(path) == {
        "customer_name": "Dana",
        "partner_can_rush": "replace",
        "choose": {"own": 2},
    }


def test_a_json_answers_file_is_read_as_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"customer_name": "Dana", "choose": {"own": "My line."}}))
    assert read_answers_file(path) == {"customer_name": "Dana", "choose": {"own": "My line."}}


def test_yes_in_a_yaml_answers_file_is_the_answer_yes(tmp_path: Path) -> None:
    asks = playbook(step("ask", "Let me check.", question=question("in_time", "yes", "no")))
    path = write(tmp_path, "answers.yaml", "in_time: no\n")
    assert sort_out(asks, read_answers_file(path)).answers == {"in_time": "no"}


def test_invalid_json_is_located_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{\n  "customer_name": "Dana",\n  "severity": high\n}\n')
    with pytest.raises(RecoveryError) as caught:
        read_answers_file(path)
    assert caught.value.message.startswith("not valid JSON")
    location = caught.value.location
    assert (location.file, location.line, location.column) == (str(path), 3, 15)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("answers.yaml", "- customer_name: Dana\n"),
        ("answers.json", '["Dana"]'),
        ("a.yaml", "Dana\n"),
    ],
)
def test_an_answers_file_that_is_not_a_mapping_is_refused(
    tmp_path: Path, name: str, text: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(RecoveryError) as caught:
        read_answers_file(path)
    assert "must be a mapping" in caught.value.message
    assert (caught.value.location.line, caught.value.location.column) == (1, 1)


def test_a_yaml_answers_file_with_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "answers.yaml", "customer_name: Dana\ncustomer_name: Sam\n")
    with pytest.raises(RecoveryError, match="duplicate key"):
        read_answers_file(path)


def test_a_json_answers_file_with_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"customer_name": "Dana", "customer_name": "Sam"}')
    with pytest.raises(RecoveryError, match="customer_name"):
        read_answers_file(path)


def test_a_deeply_nested_json_answers_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(RecoveryError):
        read_answers_file(path)


@pytest.mark.parametrize("name", ["answers.yaml", "answers.json"])
def test_a_missing_answers_file_is_a_clear_error(tmp_path: Path, name: str) -> None:
    with pytest.raises(RecoveryError) as caught:
        read_answers_file(tmp_path / name)
    assert "cannot read" in caught.value.message


# --- --set -----------------------------------------------------------------------------------


def test_set_flags_become_a_mapping() -> None:
    assert parse_sets(["customer_name=Dana", "message=It says a=b"]) == {
        "customer_name": "Dana",
        "message": "It says a=b",
    }


def test_set_choose_step_nests_under_choose() -> None:
    assert parse_sets(["choose.own=2", "choose.close=See you soon."]) == {
        "choose": {"own": "2", "close": "See you soon."}
    }


@pytest.mark.parametrize("pair", ["customer_name", "=Dana", " =Dana"])
def test_a_set_flag_without_a_key_and_value_is_refused_with_an_example(pair: str) -> None:
    with pytest.raises(RecoveryError) as caught:
        parse_sets([pair])
    assert "key=value" in caught.value.message
    assert caught.value.hint is not None and "--set customer_name=Dana" in caught.value.hint


def test_a_plain_choose_flag_then_a_choose_step_flag_is_a_clear_error() -> None:
    with pytest.raises(RecoveryError):
        sort_out(book(), parse_sets(["choose=2", "choose.own=1"]))


# --- layering --------------------------------------------------------------------------------


def test_a_set_flag_beats_the_answers_file() -> None:
    from_file = {"customer_name": "Dana", "severity": "low"}
    assert merge(from_file, parse_sets(["severity=high"])) == {
        "customer_name": "Dana",
        "severity": "high",
    }


def test_picks_merge_step_by_step_across_layers() -> None:
    from_file = {"choose": {"own": 2, "close": "See you."}}
    assert merge(from_file, parse_sets(["choose.own=1"])) == {
        "choose": {"own": "1", "close": "See you."}
    }


def test_a_file_and_flags_together_sort_into_inputs_answers_and_picks(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "answers.yaml",
        """\
        customer_name: Dana
        partner_can_rush: rush
        choose:
          own: 2
          close: Talk tomorrow.
        """,
    )
    raw = merge(read_answers_file(path), parse_sets(["partner_can_rush=replace", "choose.own=1"]))
    assert sort_out(book(), raw) == Supplied(
        inputs={"customer_name": "Dana"},
        answers={"partner_can_rush": "replace"},
        picks={"own": 1, "close": "Talk tomorrow."},
    )


def test_a_choose_flag_over_a_file_whose_choose_is_not_a_mapping_is_a_clear_error() -> None:
    with pytest.raises(RecoveryError):
        sort_out(book(), merge({"choose": 2}, parse_sets(["choose.own=1"])))


# --- sorting out what was supplied ----------------------------------------------------------


def test_numbers_and_empty_values_for_inputs_become_text() -> None:
    supplied = sort_out(book(), {"customer_name": 42, "partner": None})
    assert supplied.inputs == {"customer_name": "42", "partner": ""}


def test_an_answer_is_trimmed_before_it_is_checked() -> None:
    assert sort_out(book(), {"partner_can_rush": " replace "}).answers == {
        "partner_can_rush": "replace"
    }


def test_an_unknown_key_is_refused_with_a_suggestion_and_the_known_names() -> None:
    error = refusal({"custmer_name": "Dana"})
    [problem] = error.problems
    assert problem.message == "`custmer_name` is not an input or question of `tiny`"
    assert problem.hint == (
        "did you mean `customer_name`? known: customer_name, partner, partner_can_rush, severity"
    )
    assert (problem.location.file, problem.location.field) == ("answers.yaml", "custmer_name")


def test_a_standard_input_the_playbook_does_not_use_is_set_aside_with_a_note() -> None:
    supplied = sort_out(book(), {"customer_name": "Dana", "stakes": "a wedding"})
    assert supplied.inputs == {"customer_name": "Dana"}
    assert supplied.notes == ["`stakes` is not used by `tiny`; it is set aside"]


def test_an_answer_that_is_not_a_choice_is_refused_with_the_choices() -> None:
    [problem] = refusal({"partner_can_rush": "delay"}).problems
    assert problem.message == "`delay` is not an answer to `partner_can_rush`"
    assert problem.hint == "answer one of: rush, replace"


def test_a_pick_for_an_unknown_step_is_refused_with_the_step_ids() -> None:
    [problem] = refusal({"choose": {"owm": 1}}).problems
    assert problem.message == "`choose.owm`: no such step"
    assert problem.hint == "steps: close, own"


def test_choose_must_be_a_mapping() -> None:
    [problem] = refusal({"choose": 2}).problems
    assert "`choose` must map step ids" in problem.message


def test_an_input_given_a_list_is_refused() -> None:
    [problem] = refusal({"customer_name": ["Dana", "Sam"]}).problems
    assert "`customer_name` must be text" in problem.message


def test_every_problem_in_the_supplied_values_is_reported_at_once() -> None:
    error = refusal({"custmer_name": "Dana", "partner_can_rush": "delay", "choose": {"x": 1}})
    assert "3 problem(s)" in error.message
    assert len(error.problems) == 3


# --- inputs ----------------------------------------------------------------------------------


def test_a_required_input_that_is_missing_is_reported() -> None:
    resolved = resolve(book(), {"partner": "the lab"})
    values, missing = resolved.values, resolved.missing
    assert [spec.name for spec in missing] == ["customer_name"]
    assert values["customer_name"] == ""


def test_a_blank_value_for_a_required_input_counts_as_missing() -> None:
    missing = resolve(book(), {"customer_name": "   "}).missing
    assert [spec.name for spec in missing] == ["customer_name"]


def test_defaults_fill_what_was_not_supplied_and_others_are_empty_text() -> None:
    resolved = resolve(book(), {"customer_name": " Dana "})
    values, missing = resolved.values, resolved.missing
    assert missing == []
    assert values == {"customer_name": "Dana", "severity": "medium", "partner": ""}


def test_a_supplied_value_beats_the_default() -> None:
    values = resolve(book(), {"customer_name": "Dana", "severity": "low"}).values
    assert values["severity"] == "low"


def test_choices_are_matched_without_regard_to_case() -> None:
    values = resolve(book(), {"customer_name": "Dana", "severity": "HIGH"}).values
    assert values["severity"] == "high"


def test_a_value_outside_the_choices_is_refused_with_the_choices() -> None:
    with pytest.raises(RecoveryError) as caught:
        resolve(book(), {"customer_name": "Dana", "severity": "urgent"})
    assert caught.value.message == "`severity` must be one of low, medium, high, not 'urgent'"
    assert caught.value.hint == "give severity=low"


def test_a_choice_written_with_capitals_accepts_that_exact_value() -> None:
    regional = playbook(
        inputs=[{"name": "customer_name"}, {"name": "region", "choices": ["EU", "US"]}]
    )
    values = resolve(regional, {"region": "EU"}).values
    assert values["region"] in {"EU", "eu"}


def test_standard_inputs_get_their_standard_prompt_and_choices() -> None:
    specs = {spec.name: spec for spec in effective_inputs(book())}
    assert specs["customer_name"].prompt == "Customer's name"
    assert specs["customer_name"].required is True
    assert specs["severity"].prompt == "How severe is it for the customer?"
    assert specs["severity"].choices == ["low", "medium", "high"]
    assert specs["severity"].default == "medium"


def test_a_playbook_may_reword_a_standard_input_and_keep_the_rest() -> None:
    clinic = playbook(inputs=[{"name": "customer_name", "prompt": "Patient's name"}])
    [spec] = effective_inputs(clinic)
    assert spec.prompt == "Patient's name"
    assert spec.help == "As they gave it; the replies use it."


def test_an_input_of_the_playbooks_own_is_kept_as_written() -> None:
    own = playbook(inputs=[{"name": "order_number", "prompt": "Order number?"}])
    [spec] = effective_inputs(own)
    assert (spec.name, spec.prompt, spec.help) == ("order_number", "Order number?", None)


def test_sample_values_use_examples_then_defaults_then_first_choice_then_the_name() -> None:
    sampled = playbook(
        inputs=[
            {"name": "customer_name"},
            {"name": "order_number", "default": "A-1"},
            {"name": "region", "choices": ["eu", "us"]},
            {"name": "store"},
        ]
    )
    assert sample_values(sampled) == {
        "customer_name": "Dana",
        "order_number": "A-1",
        "region": "eu",
        "store": "store",
    }
