"""The public reply says back what the customer said in public, and nothing private.

A post or review is answered where everyone can see it. The reply shows it listened (what
went wrong, how long they waited, what we promised) and still names no order number, sum,
address or circumstance; a playbook's neutral words stand in for anything the customer did
not give. Lint holds trainers to both: a public reply that reads a private fact, or that
would run past a post's length once the customer's words are in it, is an error.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recovery_cli.playbook.voice import Voice, derived
from support import REPO, Invoke

VALID = (REPO / "tests" / "broken" / "valid.yaml").read_text(encoding="utf-8")

SOFA = (
    "@HomeCo my sofa still hasn't arrived and I've been waiting three weeks. "
    "Order 99102, paid £1,450. Useless."
)
REFUND = (
    "@HomeCo my refund still hasn't arrived and I've been waiting three weeks. "
    "Order 99102, £1,450. Useless."
)


def public_reply(invoke: Invoke, *args: str, scenario: str = "outsourced-delay") -> str:
    result = invoke("run", scenario, "--no-input", "--set", "channel=social", *args)
    assert result.exit_code == 0, result.output
    return result.stdout.split("\n\n")[0]  # the reply; the follow-up checklist comes after


def test_a_public_reply_says_back_what_went_wrong_and_the_wait(invoke: Invoke) -> None:
    reply = public_reply(invoke, "--message", REFUND, scenario="refund")
    assert "your refund still hasn't arrived, and you've waited three weeks" in reply
    assert "99102" not in reply and "1,450" not in reply
    assert len(reply) <= 280


@pytest.mark.parametrize(
    ("issue", "private"),
    [
        ("you were charged twice for order 99102", "99102"),
        ("you were charged £30 twice", "£30"),
        ("your refund went to jo.bloggs@example.com", "example.com"),
        ("your booking KX7P2Q vanished", "KX7P2Q"),
        ("nobody answered 0161 496 0000 all day", "0161"),
    ],
)
def test_an_issue_holding_something_private_is_not_said_in_public(
    invoke: Invoke, issue: str, private: str
) -> None:
    reply = public_reply(invoke, "--set", f"issue={issue}")
    assert private not in reply
    assert "your order hasn't reached you when we said it would" in reply  # the neutral words


def test_a_playbook_default_is_not_said_in_public_as_if_the_customer_had(
    invoke: Invoke,
) -> None:
    reply = public_reply(invoke)
    default = invoke("run", "outsourced-delay", "--no-input").stdout
    assert "I'm sorry for the wait: your order hasn't reached you when we said it would." in reply
    assert "sorry:" not in reply
    assert "your order" in default  # the letter still has its default wording


def test_a_batch_row_posted_in_public_gets_its_own_facts_back(
    invoke: Invoke, tmp_path: Path
) -> None:
    rows = tmp_path / "rows.jsonl"
    lines = [
        {"id": "1", "channel": "social", "message": SOFA},
        {"id": "2", "channel": "social", "message": SOFA, "issue": "your sofa came in pieces"},
    ]
    rows.write_text("".join(json.dumps(row) + "\n" for row in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = invoke("batch", str(rows), "--out", str(out), "--workers", "1")
    assert done.exit_code == 0, done.output
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert "your sofa still hasn't arrived" in first["draft"]
    assert "your sofa came in pieces" in second["draft"]  # a column wins, in public too
    for record in (first, second):
        assert "99102" not in record["draft"] and "1,450" not in record["draft"]


def lint_social(invoke: Invoke, tmp_path: Path, social: str) -> list[dict[str, object]]:
    text = VALID.replace(
        "  - name: next_update\n",
        "  - name: issue\n  - name: stakes\n  - name: next_update\n",
        1,
    )
    path = tmp_path / "valid.yaml"
    path.write_text(text + f'draft:\n  social: "{social}"\n', encoding="utf-8")
    result = invoke("lint", str(path), "--format", "json")
    return [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "channel-fit"]


def test_lint_refuses_a_public_reply_that_reads_a_private_fact(
    invoke: Invoke, tmp_path: Path
) -> None:
    found = lint_social(invoke, tmp_path, "Sorry: {{ stakes }}. Please DM us.")
    assert len(found) == 1 and "`stakes`" in str(found[0]["message"])
    said_back = "Sorry{% if public_issue %}: {{ public_issue }}{% endif %}. DM us."
    assert lint_social(invoke, tmp_path, said_back) == []


def test_lint_measures_a_public_reply_with_the_longest_facts_it_may_say(
    invoke: Invoke, tmp_path: Path
) -> None:
    words = "We are very sorry about this and we will put it right for you. " * 3
    found = lint_social(invoke, tmp_path, f"Sorry: {{{{ public_issue }}}}. {words.strip()}")
    assert len(found) == 1
    assert "when the customer's public facts take all the room" in str(found[0]["message"])
    assert lint_social(invoke, tmp_path, f"Sorry. {words.strip()}") == []


def test_lint_measures_the_neutral_words_a_missing_issue_switches_in(
    invoke: Invoke, tmp_path: Path
) -> None:
    """With no issue to say, the wait still is: the reply's neutral words and the wait
    together must fit, not only the issue and the wait."""
    words = "We will put it right today. " * 4
    neutral = "we let you down badly and we know exactly how much it matters to you " * 2
    social = (
        "Sorry{% if public_issue %}: {{ public_issue }}{% else %} " + neutral.strip()
        + "{% endif %}{% if public_waited %}, after {{ public_waited }}{% endif %}. "
        + words.strip()
    )  # fmt: skip
    found = lint_social(invoke, tmp_path, social)
    assert len(found) == 1, found
    shorter = social.replace(neutral.strip(), "we let you down")
    assert lint_social(invoke, tmp_path, shorter) == []


REVIEW = "★☆☆☆☆ Ordered a mirror, it arrived in pieces and nobody answers. Would not recommend."


def test_a_review_is_answered_in_public_without_asking_for_a_dm(invoke: Invoke) -> None:
    result = invoke("run", "--message", REVIEW, "--no-input", "--format", "json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    reply = record["draft"]
    assert record["channel"] == "review"
    assert "contact us directly" in reply and "DM" not in reply
    assert len(reply) <= 280


def test_a_team_says_how_a_reviewer_reaches_them(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "voice.yaml").write_text(
        "review_contact: email care@homeco.example\n", encoding="utf-8"
    )
    env = {"RECOVERY_PLAYBOOKS": str(tmp_path)}
    review = invoke("run", "damaged-item", "--no-input", "--set", "channel=review", env=env)
    post = invoke("run", "damaged-item", "--no-input", "--set", "channel=social", env=env)
    assert "Please email care@homeco.example with your order number" in review.stdout
    assert "Please DM us with your order number" in post.stdout


LONGEST_CONTACT = "call our customer care team free on 0800 123 4567, any day of the week, 8am-10pm"


@pytest.mark.parametrize(
    "scenario", sorted(path.stem for path in (REPO / "playbooks" / "scenarios").glob("*.yaml"))
)
def test_a_review_reply_fits_whatever_contact_the_team_gives(
    invoke: Invoke, tmp_path: Path, scenario: str
) -> None:
    assert len(LONGEST_CONTACT) == 80  # the most voice.yaml allows
    (tmp_path / "voice.yaml").write_text(f"review_contact: {LONGEST_CONTACT}\n", encoding="utf-8")
    long_issue = (
        "the sofa we promised for the weekend still hasn't arrived "
        "and nobody has told you why or when it will"
    )
    values = [f"issue={long_issue}", "waited=nearly three whole weeks", "times=the third time"]
    result = invoke(
        "run", scenario, "--no-input", "--set", "channel=review",
        *(arg for value in values for arg in ("--set", value)),
        env={"RECOVERY_PLAYBOOKS": str(tmp_path)},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    reply = result.stdout.split("\n\n")[0]
    assert len(reply) <= 280, reply


def test_what_may_be_said_in_public_is_only_worked_out_for_a_public_channel() -> None:
    values = {"issue": "your sofa still hasn't arrived", "waited": "three weeks"}
    posted = derived({**values, "channel": "social"}, Voice())
    written = derived({**values, "channel": "email"}, Voice())
    assert posted["public_issue"] == "your sofa still hasn't arrived"
    assert posted["public_waited"] == "three weeks"
    assert written["public_issue"] == written["public_waited"] == ""
