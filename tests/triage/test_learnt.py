"""The vote learnt from labelled messages: what it settles, what it may not do, how it is built."""

from __future__ import annotations

import json
import pickle
import time
from pathlib import Path

import pytest

from recovery_cli.errors import RecoveryError
from recovery_cli.library import Library
from recovery_cli.triage import Triage, TriageSettings
from recovery_cli.triage.bayes import learn, load_learnt
from recovery_cli.triage.scorer import LEARNT_FILE
from support import SHIPPED
from triage.test_triage import PLAYBOOKS, SETTINGS, playbook

# Two playbooks whose triggers both read "my card": the labelled examples tell them apart.
CARD = [
    playbook("lost-card", "account-access", [], ["card"]),
    playbook("card-charge", "billing-problem", [], ["card"]),
]
EXAMPLES = [
    ("my card was stolen on the bus and someone used it", "lost-card"),
    ("lost my card at the station, please block it", "lost-card"),
    ("my card went missing in town, block it now", "lost-card"),
    ("someone stole my wallet and the card inside it", "lost-card"),
    ("you took payment from my card twice this month", "card-charge"),
    ("a payment on my card I never made, refund it", "card-charge"),
    ("the payment hit my card twice for one order", "card-charge"),
    ("my card shows a payment I do not recognise", "card-charge"),
    ("what are your opening hours at the station", "routine"),
    ("can you send me a copy of my statement", "routine"),
]
STOLEN = (
    "Somebody stole my bag on the bus this morning with my card in it, and I think they "
    "have used it already. Please block it straight away, I lost everything in that bag "
    "and I am at the station now with no way to get home."
)
CHARGED = STOLEN.replace("stole my bag", "took a payment from my card twice").replace(
    "block it", "refund the payment"
)


def scorer(points: float = 0.4, examples: list[tuple[str, str]] = EXAMPLES) -> Triage:
    settings = TriageSettings.model_validate({**SETTINGS, "learnt_points": points})
    return Triage(CARD, settings, learnt=learn(examples, most=1.0))


def test_the_vote_settles_a_tie_between_triggers_the_examples_tell_apart() -> None:
    assert scorer(0).classify(STOLEN).scenario == "lost-card"  # a tie: the first mentioned
    assert scorer(0).classify(CHARGED).scenario == "lost-card"
    assert scorer().classify(CHARGED).scenario == "card-charge"


def test_a_tempered_vote_names_the_same_label_but_is_less_sure_of_it() -> None:
    learnt = learn(EXAMPLES, most=1.0)
    sure, tempered = learnt.vote(CHARGED), learnt.vote(CHARGED, temperature=8.0)
    assert max(sure.shares, key=sure.shares.__getitem__) == "card-charge"
    assert max(tempered.shares, key=tempered.shares.__getitem__) == "card-charge"
    assert max(sure.shares.values()) > 0.95
    assert max(tempered.shares.values()) < 0.9
    assert sum(tempered.shares.values()) == pytest.approx(1.0)


def test_when_the_vote_decides_the_evidence_shows_the_words_that_decided_it() -> None:
    result = scorer().classify(CHARGED)
    shown = [item for item in result.evidence if item.startswith("like its examples:")]
    assert len(shown) == 1, result.evidence
    assert "payment" in shown[0] or "twice" in shown[0]
    assert "charg" not in shown[0].replace("charged", "")  # the message's own words, not stems
    agreed = scorer().classify(STOLEN)  # triggers and vote agree: nothing to explain
    assert agreed.scenario == "lost-card"
    assert not any(item.startswith("like its examples:") for item in agreed.evidence)


def test_with_no_trigger_a_message_stays_routine_whatever_the_vote() -> None:
    message = "Somebody stole my wallet on the bus, block it, I lost everything at the station"
    result = scorer(2.0).classify(message.replace("card", ""))
    assert result.scenario is None


def test_a_short_message_leans_on_the_triggers() -> None:
    # One word in common with the charge examples cannot overrule a three-word phrase.
    settings = TriageSettings.model_validate(SETTINGS)
    phrase = [
        playbook("sign-up", "account-access", ["sign up not working"], []),
        playbook("outage", "service-outage", ["not working"], []),
    ]
    examples = [("the page is not working again", "outage")] * 3 + [("hello", "sign-up")]
    triage = Triage(phrase, settings, learnt=learn(examples, most=1.0))
    assert triage.classify("sign up page is not working").scenario == "sign-up"


def test_a_playbook_the_counts_do_not_know_is_neither_helped_nor_held_back() -> None:
    mine = playbook("card-fraud", "account-access", [], ["card"])
    settings = TriageSettings.model_validate({**SETTINGS, "learnt_points": 2.0})
    layers = [0, 0, 1]  # yours, in a later folder, wins a tie of triggers
    voted = Triage([*CARD, mine], settings, layers, learnt=learn(EXAMPLES, most=1.0))
    alone = Triage([*CARD, mine], settings, layers)
    for message in (STOLEN, CHARGED):
        assert voted.classify(message) == alone.classify(message)
        assert voted.classify(message).scenario == "card-fraud"


def test_zero_points_triage_by_triggers_alone() -> None:
    with_counts = Triage(PLAYBOOKS, TriageSettings.model_validate({**SETTINGS, "learnt_points": 0}))
    without = Triage(PLAYBOOKS, TriageSettings.model_validate(SETTINGS))
    message = "I was charged twice and want my money back, refund status please"
    assert with_counts.classify(message) == without.classify(message)


def test_the_counts_come_from_the_librarys_folders_the_last_one_winning(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "card.yaml").write_text(
        json.dumps(CARD[0].model_dump(mode="json", exclude_none=True)), encoding="utf-8"
    )
    (folder / LEARNT_FILE).write_text(
        json.dumps(learn([("my card was stolen", "lost-card")] * 2).to_json()), encoding="utf-8"
    )
    triage = Triage.from_library(Library([SHIPPED, folder]))
    assert triage.learnt is not None and triage.learnt.messages == {"lost-card": 2}
    assert Triage.from_library(Library([SHIPPED])).learnt is not None


@pytest.mark.parametrize(
    "text",
    ["not json", '{"messages": {"refund": -1}, "counts": {}}', '{"counts": {}}', "[]"],
)
def test_a_broken_counts_file_is_reported_with_its_place(tmp_path: Path, text: str) -> None:
    path = tmp_path / LEARNT_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecoveryError) as caught:
        load_learnt(path)
    assert str(path) in str(caught.value.location)
    assert caught.value.hint


def test_huge_or_hostile_text_is_read_only_so_far_and_quickly() -> None:
    triage = Triage.from_library(Library([SHIPPED]))
    started = time.process_time()
    for text in ("refund " * 500_000, "\x00\u202e" * 100_000, "ß" * 300_000):
        triage.classify(text)
    assert time.process_time() - started < 20  # a ceiling, not a benchmark


def test_a_triage_with_counts_survives_pickling_for_worker_processes() -> None:
    triage = Triage.from_library(Library([SHIPPED]))
    again = pickle.loads(pickle.dumps(triage))
    assert again.classify(STOLEN) == triage.classify(STOLEN)
