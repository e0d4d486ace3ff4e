"""Reading never crashes and its cost has a ceiling, whatever a message holds."""

from __future__ import annotations

import os
import time

import pytest

from recovery_cli.listen import MAX_CHARS, MAX_SENTENCE, read
from recovery_cli.listen.sentences import split

HOSTILE = {
    "empty": "",
    "whitespace": " \n\t \n",
    "one megabyte of prose": (
        "My order 99102 still isn't here and I need it for Friday. " * 18_000
    ),
    "binary junk": os.urandom(200_000).decode("utf-8", errors="replace"),
    "a hundred thousand bangs": "!" * 100_000 + "x",
    "fifty thousand my orders on one line": "my order " * 50_000,
    "digits without end": "9" * 100_000,
    "dots and spaces": ". " * 60_000,
    "nested brackets": "(" * 30_000 + "my sofa" + ")" * 30_000,
    "quotes": '"' * 50_000 + "my sofa is broken",
    "escape sequences": "\x1b[31mmy order\x1b[0m is late\u200b\u202e " * 5_000,
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_is_read_quickly_without_a_crash(name: str) -> None:
    message = HOSTILE[name]
    read("My sofa is late and I need it for Friday.")  # the patterns compile once, on first use
    start = time.process_time()
    reading = read(message)
    elapsed = time.process_time() - start
    assert elapsed < 1.0, f"{name}: {elapsed:.2f}s"
    assert reading.read_chars == min(len(message), MAX_CHARS)
    assert reading.total_chars == len(message)
    assert reading.truncated == (len(message) > MAX_CHARS)
    for fact in reading.facts.values():
        assert message[fact.start : fact.end] == fact.words


@pytest.mark.parametrize("name", HOSTILE)
def test_patterns_only_ever_see_bounded_pieces(name: str) -> None:
    pieces = split(HOSTILE[name][:MAX_CHARS])
    assert all(0 < len(piece.text) <= MAX_SENTENCE for piece in pieces)
    assert sum(len(piece.text) for piece in pieces) <= MAX_CHARS


def test_reading_costs_linear_time_in_the_length_read() -> None:
    """Doubling the text at most roughly doubles the work: no pattern backtracks quadratically."""
    line = "I ordered the sofa on the 2nd and my sofa still isn't here, order 99102. "

    def cost(repeats: int) -> float:
        message = line * repeats
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            read(message)
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(60), cost(240)
    assert large < small * 4 * 3  # four times the text, generous margin for a busy machine


def test_a_typical_message_costs_well_under_a_millisecond_on_average(
    english_messages: list[str],
) -> None:
    for message in english_messages:  # warm the key index and the regex cache
        read(message)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for message in english_messages:
            read(message)
        best = min(best, time.process_time() - start)
    assert best / len(english_messages) < 0.005  # 5 ms: a generous bound for a loaded machine
