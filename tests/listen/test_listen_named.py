"""What failed, by name, when no rule reads it: a learnt guess an agent confirms."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_from, named, read
from recovery_cli.listen.begin import fit, hear
from recovery_cli.listen.model import KEPT
from recovery_cli.listen.named import Model, as_issue, candidates
from recovery_cli.listen.sentences import split
from recovery_cli.triage import Triage

TILES = "I ordered the bathroom tiles on the 2nd for a fitter on Friday. Where are they?"


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage.from_library(Library.configured())


def test_the_thing_a_message_names_is_offered_as_a_guess_worded_as_ours_to_own(
    triage: Triage,
) -> None:
    reading = read(TILES, triage)
    issue = reading.facts["issue"]
    assert issue.value == "we got it wrong with the bathroom tiles"
    assert issue.words == "bathroom tiles" == TILES[issue.start : issue.end]
    assert issue.confidence == named.CONFIDENCE == KEPT  # a guess
    assert "issue" not in inputs_from(reading)  # never in an unattended draft
    assert inputs_from(reading, KEPT)["issue"] == issue.value


def test_an_attended_run_offers_it_marked_as_a_guess_an_unattended_run_does_not() -> None:
    playbook = Library.configured().playbook("outsourced-delay")
    heard = hear(TILES, playbook="outsourced-delay")  # chosen by the agent: no triage
    attended = fit(heard, playbook, {}, attended=True).prefill
    assert attended["issue"].value == "we got it wrong with the bathroom tiles"
    assert not attended["issue"].sure
    assert "a guess: check it" in attended["issue"].describe()
    assert "issue" not in fit(heard, playbook, {}).prefill


def test_an_issue_a_rule_reads_wins_over_the_learnt_one(triage: Triage) -> None:
    issue = read("My bathroom tiles arrived cracked. " + TILES, triage).facts["issue"]
    assert issue.value == "your bathroom tiles arrived cracked"
    assert issue.confidence > KEPT


def test_a_message_that_names_nothing_gets_no_learnt_issue(triage: Triage) -> None:
    assert "issue" not in read("Can you call me back when you get a moment?", triage).facts


def test_without_weights_nothing_is_offered(
    monkeypatch: pytest.MonkeyPatch, triage: Triage
) -> None:
    monkeypatch.setattr(named, "model", lambda: None)
    assert "issue" not in read(TILES, triage).facts


@pytest.mark.parametrize(
    ("message", "names"),
    [
        ("My sofa still hasn't come.", ["sofa"]),
        ("The new crib mattress was due on the 9th.", ["new crib mattress"]),
        ("Your app wont load and my card is blocked", ["app", "card"]),
        ("the big grey corner sofa bed arrived", []),  # four words: not a name
        ("My, well, the order", ["order"]),  # a comma parts a determiner from a name
        ("my 2 boxes came on the 9th", []),  # numbers and dates are never names
        ("The nail technician used the wrong colour", ["nail technician", "wrong colour"]),
        ("my fitted wardrobe is wonky", ["fitted wardrobe"]),  # "-ed" may start a name
        ("If my parcel doesn't arrive by Friday I'm leaving a review.", []),  # what may happen
    ],
)
def test_a_candidate_is_a_run_of_one_to_three_naming_words_after_a_determiner(
    message: str, names: list[str]
) -> None:
    assert [candidate.text for candidate in candidates(split(message))] == names


def test_a_hostile_message_has_a_bounded_number_of_candidates(triage: Triage) -> None:
    message = "the box " * 5_000
    assert len(candidates(split(message))) == named.MAX_CANDIDATES
    read(message, triage)  # and reading it still ends, with or without an issue


@pytest.mark.parametrize(
    ("message", "note", "issue"),
    [
        ("My sofa still hasn't come.", False, "we got it wrong with your sofa"),
        ("Your app wont load.", False, "we got it wrong with our app"),
        ("I bought a kettle.", False, "we got it wrong with the kettle"),
        ("My mum's laptop is dead.", False, "we got it wrong with your mum's laptop"),
        ("Her dress was ruined.", False, "we got it wrong with her dress"),
        ("Cust says her dress was ruined.", True, "we got it wrong with your dress"),
        ("MY FRIDGE IS WARM.", False, "we got it wrong with your fridge"),
    ],
)
def test_the_name_is_turned_to_the_customer(message: str, note: bool, issue: str) -> None:
    first = candidates(split(message))[0]
    assert as_issue(first, note) == issue


def test_the_best_candidate_wins_only_against_none_of_them() -> None:
    found = candidates(split("My sofa is late and the driver was rude."))
    sofa = Model({"head=sofa": 3.0}, none=0.0).best(found, None)
    assert sofa is not None and sofa[0].text == "sofa" and sofa[1] > 0.8
    doubtful = Model({"head=sofa": 0.1}, none=2.0).best(found, None)
    assert doubtful is not None and doubtful[1] < named.LIKELY


def test_a_routine_question_gets_no_learnt_issue(triage: Triage) -> None:
    reading = read("How do I change the delivery address on my sofa order?", triage)
    assert reading.triage is not None and reading.triage.scenario is None
    assert "issue" not in reading.facts


def test_without_triage_nothing_is_learnt_about_the_issue() -> None:
    assert "issue" not in read(TILES).facts


def test_an_unattended_reading_leaves_guesses_unread(triage: Triage) -> None:
    assert "issue" not in read(TILES, triage, guesses=False).facts


@pytest.mark.parametrize(
    ("message", "verb"),
    [
        ("Our pharmacy text saying it was ready was wrong.", "saying"),
        ("My husband's prescription became a problem last week.", "became"),
        ("A storm brought down part of my garden wall onto my neighbour's car.", "onto"),
        ("They sent your prescription wrong again.", "wrong"),
        ("The plumber never fixed the waste pipe properly.", "properly"),
        ("I want my deposit back.", "back"),
        ("The dress inside was soaked.", "inside"),
        ("I've rung about my broadband three times.", "three"),
        ("Engineer due to look at the irrigation controller tues.", "tues"),
        ("The guide spent the whole tour on his phone.", "spent"),
        ("Please fix the fridge asap.", "asap"),
    ],
)
def test_a_named_thing_never_runs_on_into_a_verb_or_a_preposition(message: str, verb: str) -> None:
    assert all(verb not in candidate.words for candidate in candidates(split(message)))
