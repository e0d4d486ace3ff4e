"""Nothing garbled goes into a customer's draft: properties over every development message."""

from __future__ import annotations

import re

from recovery_cli.listen import FACTS, inputs_from, read
from recovery_cli.wording import DANGLING, MAX_CLAUSE

CLAUSES = ("issue", "stakes", "promised", "partner")
FIRST_PERSON = re.compile(r"\b(?:I|my|me|mine|myself|I'm|I've|I'd|I'll|im|ive)\b")


def clauses(messages: list[str]) -> list[tuple[str, str]]:
    return [
        (name, value)
        for message in messages
        for name, value in inputs_from(read(message), min_confidence=0.0).items()
        if name in CLAUSES
    ]


def test_the_development_set_yields_clauses_to_check(english_messages: list[str]) -> None:
    assert len(clauses(english_messages)) > 150


def test_no_clause_speaks_in_the_first_person(english_messages: list[str]) -> None:
    bad = [(name, value) for name, value in clauses(english_messages) if FIRST_PERSON.search(value)]
    assert bad == []


def test_no_clause_ends_in_punctuation_or_a_dangling_word(english_messages: list[str]) -> None:
    bad = [
        value
        for _, value in clauses(english_messages)
        if not value.rstrip('")')[-1:].isalnum() or value.split()[-1].lower() in DANGLING
    ]
    assert bad == []


def test_no_clause_is_too_long_to_read_in_a_sentence(english_messages: list[str]) -> None:
    assert all(len(value) <= MAX_CLAUSE for _, value in clauses(english_messages))


def test_no_clause_shouts(english_messages: list[str]) -> None:
    shouting = re.compile(
        r"\b(?!(?:TV|DHL|DPD|UPS|NHS|DOB|HIV|VIP|AM|PM|GBP|USD|EUR)\b)[A-Z]{3,}\b"
    )
    bad = [
        value
        for name, value in clauses(english_messages)
        if name != "partner" and shouting.search(value.replace('"', ""))
    ]
    assert bad == []


def test_every_span_is_the_customers_words(dev_messages: list[dict[str, object]]) -> None:
    for item in dev_messages:
        message = str(item["text"])
        for fact in read(message).facts.values():
            assert 0 <= fact.start < fact.end <= len(message)
            assert message[fact.start : fact.end] == fact.words
            assert 0.0 < fact.confidence <= 1.0
            assert fact.name in FACTS


def test_labelled_other_languages_are_all_unsupported(
    dev_messages: list[dict[str, object]],
) -> None:
    for item in dev_messages:
        reading = read(str(item["text"]))
        assert reading.supported == (item["language"] == "en"), item["id"]


def test_a_name_is_never_taken_from_a_handle(english_messages: list[str]) -> None:
    for message in english_messages:
        name = read(message).value("customer_name")
        if name:
            assert f"@{name}" not in message
