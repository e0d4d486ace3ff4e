"""Batch checks each draft a sentence at a time and remembers what a sentence gave, so a
template sentence seen on one row costs nothing on the next. That must never change a
finding: over every shipped playbook, every channel and answer, and values chosen to be
awkward (phrases the checks look for, quotes, line breaks, bullets, hidden characters,
very long text), the findings a batch reports are those of checking the whole draft in
one piece with nothing remembered."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import pytest

from recovery_cli.batch.context import BatchContext
from recovery_cli.batch.draft import draft_row
from recovery_cli.batch.record import Record
from recovery_cli.checks import checker as checker_module
from recovery_cli.checks.checker import Checker
from recovery_cli.checks.claims import _SENTENCE, _sentence_claims
from recovery_cli.checks.patterns import Matcher
from recovery_cli.checks.reply import Reply
from recovery_cli.library import Library

NAMES = ["Dana Whitfield", "Zoë O'Brien", "Łukasz", "mr smith", "Ana-María García", "Sam"]
AWKWARD = [
    "it isn't our fault",
    "unfortunately that is our policy",
    "I'm sorry but\n\nthere is nothing we can do",
    'they said "we don\'t do refunds" and hung up',
    "sorry.\n- we can't help\n- calm down",
    "it was the courier's fault, not ours!!!",
    "you must calm down. As I said, per our policy",
    "my daughter's wedding on Saturday",
    "I have refunded you. It's all sorted",
    "ne\u200bver ag\u00adain \x1b[31mred\x1b[0m",
    "x" * 480,
    "a. b. c. d. e. f. g. h. i. j. k.",
    "'quoted words' and \"more\" and 'unfinished",
    "",
]
MESSAGES = [
    "My parcel was promised for Friday and it still hasn't arrived, I need it for my son's "
    "birthday.",
    "I was charged twice! This is the third time. Order 88812, £45.",
    "You cancelled my booking for the 12th without telling me.",
    "",
]


BATCH_ONLY = ("unconfirmed-claim", "over-channel-limit")
"""Findings batch adds to what the principle checks say."""


def rows(context: BatchContext, seed: int, per_playbook: int) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    for scenario, playbook in sorted(context.playbooks.items()):
        questions = playbook.questions()
        for _ in range(per_playbook):
            row = {
                "scenario": scenario,
                "customer_name": rng.choice(NAMES),
                "channel": rng.choice(["email", "chat", "social", "phone", ""]),
                "severity": rng.choice(["low", "medium", "high", ""]),
                "message": rng.choice(MESSAGES),
            }
            for spec in context.specs[scenario]:
                if spec.name not in row and not spec.choices:
                    row[spec.name] = rng.choice(AWKWARD) or "it"
            for question in questions:
                row[question.id] = rng.choice([*question.choices, ""])
            yield row


def whole_draft_hits(phrases: Matcher, reply: Reply) -> list[tuple[int, int, int]]:
    """The reference: every pattern searched across the whole draft at once."""
    return phrases.hits(reply.low, reply.keys)


def whole_draft_claims(text: str) -> list[tuple[int, int, str]]:
    """The reference: every sentence read afresh, nothing remembered."""
    return [
        (sentence.start() + start, sentence.start() + end, words)
        for sentence in _SENTENCE.finditer(text)
        for start, end, words in _sentence_claims(sentence.group(0))
    ]


Drafted = list[tuple[dict[str, str], Record]]


@pytest.fixture(scope="module")
def drafted() -> Drafted:
    context = BatchContext.from_library(Library.configured())
    # Two passes over the same generator: the second meets a memo full of the first's.
    made = list(itertools.chain(rows(context, 1, 40), rows(context, 2, 40)))
    outcomes = [draft_row(context, number, row) for number, row in enumerate(made, 1)]
    found = [
        (row, outcome)
        for row, outcome in zip(made, outcomes, strict=True)
        if isinstance(outcome, Record) and outcome.draft
    ]
    assert len(found) > 0.9 * len(made)  # awkward values are still values
    return found


def test_findings_are_those_of_checking_the_whole_draft(
    drafted: Drafted, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checker_module, "_phrase_hits", whole_draft_hits)
    fresh = Checker.load()
    differ = []
    for row, record in drafted:
        assert record.draft is not None
        wanted = fresh.check(record.draft, name=row["customer_name"])
        reported = [f for f in record.findings if f.check not in BATCH_ONLY]
        if reported != wanted:
            differ.append((record.scenario, record.draft, reported, wanted))
    assert not differ, differ[:3]


def test_claims_are_those_of_reading_the_whole_draft(drafted: Drafted) -> None:
    for _, record in drafted:
        assert record.draft is not None
        reported = [(f.start, f.end) for f in record.findings if f.check == "unconfirmed-claim"]
        wanted = [(start, end) for start, end, _ in whole_draft_claims(record.draft)]
        assert reported == wanted, record.draft


def test_some_drafts_do_have_findings(drafted: Drafted) -> None:
    # The comparison is only worth something if the awkward values set checks off.
    flagged = {f.check for _, record in drafted for f in record.findings}
    assert len(flagged) >= 4, flagged
