"""Lines wrapped by a mail program are one sentence; lines a writer ended stay apart.
Each message is written for the test."""

from __future__ import annotations

from recovery_cli.listen import read
from recovery_cli.listen.sentences import split

WRAPPED_EMAIL = (
    "Hello,\n"
    "\n"
    "I booked the deep clean for the flat on 3 June and paid in advance. The cleaners\n"
    "never arrived and nobody answered the phone. I had already taken the afternoon off\n"
    "work without pay so I could let them in. My tenancy ends on Friday and the agent\n"
    "inspects the flat that morning.\n"
    "\n"
    "Regards,\n"
    "Colm Furey\n"
)


def test_a_sentence_wrapped_by_a_mail_program_is_read_whole() -> None:
    texts = [sentence.text for sentence in split(WRAPPED_EMAIL)]
    assert "I had already taken the afternoon off work without pay so I could let them in." in (
        texts
    )


def test_what_a_wrapped_sentence_says_is_read_across_the_break() -> None:
    reading = read(WRAPPED_EMAIL)
    stakes = reading.value("stakes") or ""
    assert "without pay" in stakes
    assert "\n" not in stakes


def test_offsets_still_point_into_the_message_as_written() -> None:
    for sentence in split(WRAPPED_EMAIL):
        assert WRAPPED_EMAIL[sentence.start : sentence.end].replace("\n", " ") == sentence.text


def test_lines_of_a_message_that_ends_sentences_with_line_breaks_stay_apart() -> None:
    chat = (
        "so the courier left my parcel out in the rain all afternoon yesterday\n"
        "order 44-10923\n"
        "everything inside is soaked through and the box fell apart\n"
    )
    texts = [sentence.text for sentence in split(chat)]
    assert texts[1] == "order 44-10923"


def test_a_line_that_had_room_for_the_next_word_was_ended_by_its_writer() -> None:
    email = (
        "The engineer came at 9. He left after ten minutes saying the part was wrong and\n"
        "he would come back on Monday with the right one, which he never did.\n"
        "the boiler still does not work and the house has no heating at all\n"
        "and my son has asthma\n"
    )
    texts = [sentence.text for sentence in split(email)]
    assert "the boiler still does not work and the house has no heating at all" in texts
    assert "and my son has asthma" in texts
    assert any(text.startswith("He left after ten minutes") and "Monday" in text for text in texts)


def test_a_round_the_clock_promise_is_not_a_date() -> None:
    reading = read('Your plan says "emergency cover, 24/7" and nobody came for two days.')
    assert reading.value("promised") is None


def test_a_line_that_stops_before_its_day_goes_on_into_it() -> None:
    email = (
        "It's been nine days and I still can't get into the student portal. My essay is due on\n"
        "Friday and all the readings are on there. Please sort it out.\n"
    )
    texts = [sentence.text for sentence in split(email)]
    assert "My essay is due on Friday and all the readings are on there." in texts
