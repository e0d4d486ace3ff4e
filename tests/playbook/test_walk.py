"""Walking a playbook: the path taken, what was chosen, and the draft and checklist it makes."""

from __future__ import annotations

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.playbook.models import Playbook
from recovery_cli.playbook.walk import MAX_VISITS, Record, Walk, run_scripted
from support import playbook, question, step

DANA = {"customer_name": "Dana"}


def linear() -> Playbook:
    return playbook(step("a", "Line A1", "Line A2"), step("b", "Line B"), step("c", "Line C"))


def branching() -> Playbook:
    """`ask` branches on `pace`: rush -> hurry -> close; replace -> swap -> close."""
    return playbook(
        step(
            "ask",
            "We will sort it.",
            question=question("pace", "rush", "replace"),
            branches={"rush": "hurry", "replace": "swap"},
        ),
        step("hurry", "I am pushing them.", next="close"),
        step("swap", "I am getting you a replacement."),
        step("close", "Speak soon."),
    )


def high_stakes() -> Playbook:
    return playbook(
        step("sorry", "I am sorry."),
        step("cover", "There will be no charge.", when="severity == 'high'"),
        step("update", "I will call you back."),
        inputs=[{"name": "customer_name"}, {"name": "severity"}],
    )


# --- the path --------------------------------------------------------------------------------


def test_without_branches_the_steps_are_walked_in_order() -> None:
    walk = run_scripted(linear(), DANA)
    assert walk.finished
    assert walk.path() == ["a", "b", "c"]


def test_a_question_without_an_answer_takes_its_default() -> None:
    walk = run_scripted(branching(), DANA)
    assert walk.path() == ["ask", "hurry", "close"]
    assert walk.answers == {"pace": "rush"}


def test_the_answer_picks_the_branch() -> None:
    walk = run_scripted(branching(), DANA, answers={"pace": "replace"})
    assert walk.path() == ["ask", "swap", "close"]
    assert walk.answers == {"pace": "replace"}
    assert walk.records[0].answer == "replace"


def test_next_jumps_over_the_steps_in_between() -> None:
    walk = run_scripted(branching(), DANA, answers={"pace": "rush"})
    assert "swap" not in walk.path()


def test_a_branch_to_end_finishes_the_walk() -> None:
    book = playbook(
        step(
            "ask",
            "Shall we go on?",
            question=question("go", "stop", "more"),
            branches={"stop": "end"},
        ),
        step("more", "Here is more."),
    )
    assert run_scripted(book, DANA).path() == ["ask"]
    assert run_scripted(book, DANA, answers={"go": "more"}).path() == ["ask", "more"]


def test_a_step_whose_when_does_not_hold_is_skipped() -> None:
    assert run_scripted(high_stakes(), {**DANA, "severity": "low"}).path() == ["sorry", "update"]


def test_a_step_whose_when_holds_is_visited() -> None:
    walk = run_scripted(high_stakes(), {**DANA, "severity": "high"})
    assert walk.path() == ["sorry", "cover", "update"]


def test_the_first_step_can_be_skipped_by_its_when() -> None:
    book = playbook(step("intro", "Hello.", when="channel == 'phone'"), step("main", "Sorry."))
    walk = Walk(book, {"channel": "email"})
    assert walk.current is not None and walk.current.id == "main"


def test_a_when_can_test_an_earlier_answer() -> None:
    book = playbook(
        step("ask", "Let me check.", question=question("pace", "rush", "replace")),
        step("loan", "Here is a loan.", when="pace == 'replace'"),
        step("close", "Speak soon."),
    )
    assert run_scripted(book, DANA).path() == ["ask", "close"]
    assert run_scripted(book, DANA, answers={"pace": "replace"}).path() == ["ask", "loan", "close"]


def test_suggestions_are_filled_in_with_inputs_and_earlier_answers() -> None:
    book = playbook(
        step(
            "ask",
            "Let me check, {{ customer_name }}.",
            question=question("pace", "rush", "replace"),
        ),
        step("confirm", "So we {{ pace }} it, {{ customer_name }}."),
    )
    walk = Walk(book, DANA)
    assert walk.suggestions() == ["Let me check, Dana."]
    walk.choose("suggestion", "Let me check, Dana.", suggestion=1, answer="replace")
    assert walk.suggestions() == ["So we replace it, Dana."]


def test_an_answer_that_is_not_a_choice_is_refused_with_the_choices() -> None:
    walk = Walk(branching(), DANA)
    with pytest.raises(RecoveryError) as caught:
        walk.choose("typed", "We will sort it.", answer="delay")
    assert "`delay` is not an answer to `pace`" in caught.value.message
    assert caught.value.hint is not None and "rush, replace" in caught.value.hint
    assert walk.records == []


def test_choosing_after_the_end_is_an_error() -> None:
    walk = run_scripted(linear(), DANA)
    with pytest.raises(RecoveryError, match="finished"):
        walk.choose("typed", "One more thing.")


# --- going back ----------------------------------------------------------------------------


def test_back_undoes_a_choice_and_its_answer() -> None:
    walk = Walk(branching(), DANA)
    walk.choose("suggestion", "We will sort it.", suggestion=1, answer="replace")
    assert walk.current is not None and walk.current.id == "swap"
    assert walk.back() is True
    assert walk.current is not None and walk.current.id == "ask"
    assert walk.answers == {}
    assert walk.records == []
    walk.choose("suggestion", "We will sort it.", suggestion=1, answer="rush")
    assert walk.current is not None and walk.current.id == "hurry"


def test_back_at_the_start_does_nothing() -> None:
    walk = Walk(linear(), DANA)
    assert walk.back() is False
    assert walk.current is not None and walk.current.id == "a"


def test_back_after_the_end_reopens_the_last_step() -> None:
    walk = run_scripted(linear(), DANA)
    assert walk.back() is True
    assert not walk.finished
    assert walk.current is not None and walk.current.id == "c"
    assert walk.path() == ["a", "b"]


# --- picks: by number, by text, typed, skipped -------------------------------------------------


def test_the_first_suggestion_is_used_when_nothing_is_picked() -> None:
    record = run_scripted(linear(), DANA).records[0]
    assert (record.source, record.line, record.suggestion) == ("suggestion", "Line A1", 1)


@pytest.mark.parametrize("pick", [2, "2", " 2 "])
def test_a_suggestion_is_picked_by_its_number(pick: int | str) -> None:
    record = run_scripted(linear(), DANA, picks={"a": pick}).records[0]
    assert (record.source, record.line, record.suggestion) == ("suggestion", "Line A2", 2)


def test_text_given_as_a_pick_is_recorded_as_a_typed_line() -> None:
    record = run_scripted(linear(), DANA, picks={"b": "My own words."}).records[1]
    assert (record.step, record.source, record.line, record.suggestion) == (
        "b",
        "typed",
        "My own words.",
        None,
    )


def test_a_step_with_no_suggestions_is_recorded_as_skipped() -> None:
    book = playbook(step("note", in_draft=False), step("say", "Hello."))
    record = run_scripted(book, DANA).records[0]
    assert (record.step, record.source, record.line) == ("note", "skipped", None)


@pytest.mark.parametrize("pick", [3, 0, "7"])
def test_picking_a_number_out_of_range_is_a_clear_error(pick: int | str) -> None:
    with pytest.raises(RecoveryError) as caught:
        run_scripted(linear(), DANA, picks={"a": pick})
    assert f"step `a` has 2 suggestion(s); {int(pick)} was picked" == caught.value.message
    assert caught.value.hint.startswith("pick a number from 1 to 2")


def test_picking_a_number_at_a_step_without_suggestions_is_a_clear_error() -> None:
    book = playbook(step("note", in_draft=False), step("say", "Hello."))
    with pytest.raises(RecoveryError):
        run_scripted(book, DANA, picks={"note": 2})


# --- the draft and the checklist -------------------------------------------------------------


def test_the_draft_is_opening_then_chosen_lines_in_visit_order_then_closing() -> None:
    book = playbook(
        step("hear", "What happened?", in_draft=False),
        step("a", "Line A.", next="c"),
        step("b", "Line B.", next="end"),
        step("c", "Line C.", next="b"),
        draft={"opening": "Hi {{ customer_name }},", "closing": "Best wishes, the team"},
    )
    walk = run_scripted(book, DANA)
    assert walk.path() == ["hear", "a", "c", "b"]
    assert walk.draft() == "Hi Dana,\n\nLine A.\n\nLine C.\n\nLine B.\n\nBest wishes, the team"


def test_the_default_opening_greets_the_customer_by_name() -> None:
    assert run_scripted(playbook(step("a", "Line A.")), DANA).draft() == "Hi Dana,\n\nLine A."


def test_the_draft_has_no_opening_when_it_is_turned_off() -> None:
    walk = run_scripted(playbook(step("a", "Line A."), draft={"opening": None}), DANA)
    assert walk.draft() == "Line A."


def test_a_typed_line_goes_into_the_draft_verbatim_never_rendered() -> None:
    walk = run_scripted(playbook(step("a", "Line A.")), DANA, picks={"a": "I owe you {{ 7*7 }}."})
    assert walk.draft() == "Hi Dana,\n\nI owe you {{ 7*7 }}."


def test_skipped_steps_leave_no_gap_in_the_draft() -> None:
    book = playbook(step("note"), step("a", "Line A."))
    assert run_scripted(book, DANA).draft() == "Hi Dana,\n\nLine A."


def test_the_checklist_keeps_only_items_whose_when_holds() -> None:
    book = playbook(
        step("a", "Line A."),
        inputs=[{"name": "customer_name"}, {"name": "severity"}],
        checklist=[
            {"kind": "follow-up", "do": "Call {{ customer_name }} back."},
            {"kind": "log", "do": "Tell a manager.", "when": "severity == 'high'"},
            {"kind": "root-cause", "do": "Fix the cause."},
        ],
    )
    low = run_scripted(book, {**DANA, "severity": "low"})
    assert low.checklist() == ["Call Dana back.", "Fix the cause."]
    high = run_scripted(book, {**DANA, "severity": "high"})
    assert high.checklist() == ["Call Dana back.", "Tell a manager.", "Fix the cause."]


# --- loops -----------------------------------------------------------------------------------


def test_a_loop_that_never_ends_is_a_clear_error_not_a_hang() -> None:
    book = playbook(step("a", "Line A.", next="b"), step("b", "Line B.", next="a"))
    with pytest.raises(RecoveryError) as caught:
        run_scripted(book, DANA)
    assert f"more than {MAX_VISITS} steps" in caught.value.message
    assert "loops" in caught.value.message
    assert caught.value.hint is not None and "loop" in caught.value.hint


def test_a_loop_whose_steps_are_all_skipped_is_a_clear_error() -> None:
    book = playbook(
        step("a", "Line A.", when="severity == 'high'", next="b"),
        step("b", "Line B.", when="severity == 'high'", next="a"),
    )
    with pytest.raises(RecoveryError, match="skipped by its `when`"):
        Walk(book, {"severity": "low"})


# --- replaying a transcript -----------------------------------------------------------------


def test_replaying_the_records_rebuilds_the_same_walk() -> None:
    first = run_scripted(
        branching(), DANA, answers={"pace": "replace"}, picks={"swap": "A loan, today."}
    )
    for record in first.records:
        record.at = "2024-05-01T09:00:00+00:00"
    again = Walk(branching(), DANA)
    for record in first.records:
        again.replay(record)
    assert again.finished
    assert again.path() == ["ask", "swap", "close"]
    assert again.answers == {"pace": "replace"}
    assert again.draft() == "Hi Dana,\n\nWe will sort it.\n\nA loan, today.\n\nSpeak soon."
    assert [record.at for record in again.records] == ["2024-05-01T09:00:00+00:00"] * 3


def test_replay_refuses_a_record_for_a_different_step() -> None:
    walk = Walk(branching(), DANA)
    with pytest.raises(RecoveryError) as caught:
        walk.replay(Record("swap", "suggestion", "I am getting you a replacement.", 1))
    assert "does not match the playbook" in caught.value.message
    assert "`swap`" in caught.value.message and "ask" in caught.value.message
    assert caught.value.hint is not None and "new run" in caught.value.hint


def test_replay_refuses_an_answer_the_playbook_no_longer_offers() -> None:
    walk = Walk(branching(), DANA)
    with pytest.raises(RecoveryError, match="not an answer"):
        walk.replay(Record("ask", "suggestion", "We will sort it.", 1, answer="delay"))


def test_replay_refuses_a_record_after_the_end() -> None:
    walk = run_scripted(linear(), DANA)
    with pytest.raises(RecoveryError) as caught:
        walk.replay(Record("c", "suggestion", "Line C", 1))
    assert "the end" in caught.value.message
