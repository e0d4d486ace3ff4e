"""Turning someone's words into words addressed to the customer: one way, for every caller."""

from __future__ import annotations

import pytest

from recovery_cli.playbook.values import as_clause
from recovery_cli.wording import agree, from_agent, from_customer, from_note, mend, tidy, unshout


@pytest.mark.parametrize(
    ("said", "back"),
    [
        ("my sofa still isn't here", "your sofa still isn't here"),
        ("I'm down to my last pair", "you're down to your last pair"),
        ("I was charged twice", "you were charged twice"),
        ("the lab hasnt sent them back to me", "the lab hasn't sent them back to you"),
        ("our broadband has been down", "your broadband has been down"),
        ("the engineer you sent broke it", "the engineer we sent broke it"),
        ("your app logged me out", "our app logged you out"),
        ("they told you it was fine", "they told us it was fine"),
        ("my order is STILL NOT HERE", "your order is still not here"),
        ("my TV from DHL", "your TV from DHL"),
        ("ive had no fridge since sat", "you've had no fridge since Sat"),
        ("ur driver gave my parcel to my ex", "our driver gave your parcel to your ex"),
        ("Ur booking app is broken", "our booking app is broken"),
        ("ur charging me twice", "we're charging you twice"),
        ("I paid & now my bank has charged me", "you paid and now your bank has charged you"),
        ("my M&S voucher", "your M&S voucher"),
        ("you guys charged me $15.49 twice", "we charged you $15.49 twice"),
        ("and you lot never called back", "and we never called back"),
        ("I paid you people twice", "you paid us twice"),
        ("my HDFC account is locked", "your HDFC account is locked"),
        ("my NBN keeps dropping out", "your NBN keeps dropping out"),
        ("tell me what you intend to do", "tell you what we intend to do"),
        ("change it before you post the SIM", "change it before we post the SIM"),
        ("I waited for you", "you waited for us"),
        ("your company cancelled our holiday to Crete", "we cancelled your holiday to Crete"),
        ("your company has taken my money twice", "we have taken your money twice"),
    ],
)
def test_the_customers_first_person_becomes_second_and_ours_becomes_yours(
    said: str, back: str
) -> None:
    assert from_customer(said) == back


def test_quoted_words_are_left_as_they_were_said() -> None:
    assert from_customer('it just says "call us"') == 'it just says "call us"'


@pytest.mark.parametrize(
    ("noted", "back"),
    [
        ("she has a fitter booked for Thurs", "you have a fitter booked for Thurs"),
        ("it was for his son's birthday", "it was for your son's birthday"),
        ("cx says pkg never arrived", "you say parcel never arrived"),
        ("cx rec'd TV w/ a crack, ord 4401", "you received TV with a crack, order 4401"),
        ("the customer needs it for her exams", "you need it for your exams"),
        ("she's got 2 days of pens left", "you've got 2 days of pens left"),
        ("he's housebound", "you're housebound"),
        ("cx's laptop won't power on", "your laptop won't power on"),
        ("server knocked wine over a guest", "server knocked wine over you"),
        ("the passenger was left behind", "you were left behind"),
        ("coffee spilled on the passenger seat", "coffee spilled on the passenger seat"),
        ("he can't drive without them", "you can't drive without them"),  # his glasses
        ("told them we would call back", "told you we would call back"),
    ],
)
def test_an_agents_note_is_said_to_the_customer(noted: str, back: str) -> None:
    assert from_note(noted) == back


@pytest.mark.parametrize(
    ("typed", "turned"),
    [
        ("I need it for my son's birthday", "you need it for your son's birthday"),
        ("Customer is a pensioner and needs the money", "you are a pensioner and need the money"),
        ("she flies to Rome on Monday", "you fly to Rome on Monday"),
        ("the caller has a fitter booked", "you have a fitter booked"),
        ("I am a carer", "you are a carer"),
        ("you need them for an interview", "you need them for an interview"),
        ("we will refund it", "we will refund it"),
        ("refund hasnt arrived", "refund hasn't arrived"),
        ("they've charged you twice", "they've charged you twice"),  # not "you 've"
    ],
)
def test_an_agents_typed_value_keeps_their_you_and_turns_the_rest(typed: str, turned: str) -> None:
    assert from_agent(typed) == turned


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("Customer is a pensioner and needs the money.", "you are a pensioner and need the money"),
        ("I need it for my son's birthday!!", "you need it for your son's birthday"),
        ("Refund not received after 3 weeks..", "refund not received after 3 weeks"),
        ("I took two days off", "you took two days off"),
        ("job interview on Monday", "it is for your job interview on Monday"),
        ("MY ORDER IS LATE", "your order is late"),
        ("DHL lost it", "DHL lost it"),
        ("  a   trip  ", "it is for a trip"),
        ('your app says "already registered".', 'your app says "already registered"'),
        ('"broken" again!', '"broken" again'),
        ('it says "pending', "it says pending"),
    ],
)
def test_a_value_an_agent_types_reads_inside_a_sentence(raw: str, value: str) -> None:
    assert as_clause(raw) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("you've been waiting THREE WEEKS", "you've been waiting three weeks"),
        ("I said I WANT A REFUND NOW from DHL", "you said you want a refund now from DHL"),
        ("DHL UK lost it", "DHL UK lost it"),
        ("the NHS GP letter", "the NHS GP letter"),
        ("it is NOT OK", "it is NOT OK"),
    ],
)
def test_shouted_words_inside_a_value_are_lowered_and_acronyms_kept(raw: str, value: str) -> None:
    assert as_clause(raw, noun_phrase=False) == value


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("Delivered by Tuesday", "delivered by Tuesday"),
        ("Arriving on the 12th", "arriving on the 12th"),
        ("Alfred said so", "Alfred said so"),
        ("A refund within five working days", "a refund within five working days"),
        ("A Level results", "A Level results"),
        ("Redding Logistics", "Redding Logistics"),
        ("Between 8am and 1pm", "between 8am and 1pm"),
        ("Within 14 days", "within 14 days"),
        ("Before Friday", "before Friday"),
        ("Between Friends Catering", "Between Friends Catering"),
    ],
)
def test_a_verb_that_began_the_typed_value_loses_its_capital_and_a_name_keeps_it(
    raw: str, value: str
) -> None:
    assert as_clause(raw, noun_phrase=False) == value


def test_a_phrase_value_is_not_made_a_clause() -> None:
    assert as_clause("job interview on Monday", noun_phrase=False) == "job interview on Monday"


@pytest.mark.parametrize(
    "clause",
    ["", "?", "your order?? really", "you need it to", "a" * 200, "it arrived 😡", "my (aside"],
)
def test_a_clause_that_would_read_wrong_is_refused(clause: str) -> None:
    assert tidy(clause) is None


def test_a_clause_still_in_the_first_person_is_refused() -> None:
    assert tidy("you said I would get it") is None


def test_trailing_punctuation_goes() -> None:
    assert tidy("your sofa is late.") == "your sofa is late"


@pytest.mark.parametrize(
    ("word", "mended"),
    [("hasnt", "hasn't"), ("STILL", "still"), ("DHL", "DHL"), ("friday", "Friday"), ("u", "you")],
)
def test_a_word_is_mended(word: str, mended: str) -> None:
    assert mend(word) == mended


def test_only_a_value_typed_all_in_capitals_is_lowered() -> None:
    assert unshout("MY SOFA IS LATE") == "my sofa is late"
    assert unshout("the IKEA sofa") == "the IKEA sofa"


@pytest.mark.parametrize(
    ("verb", "agreed"), [("needs", "need"), ("is", "are"), ("watches", "watch"), ("has", "have")]
)
def test_a_verb_agrees_with_you(verb: str, agreed: str) -> None:
    assert agree(verb) == agreed


@pytest.mark.parametrize(
    ("written", "repaired"),
    [
        ("the frame is bend", "the frame is bent"),
        ("my parcel is not arrive", "your parcel has not arrived"),
        ("nobody come and nobody call", "nobody came and nobody called"),
        ("my class is not reserve", "your class is not reserved"),
        ("the product never arrive", "the product never arrived"),
        ("the shop is open", "the shop is open"),
        ("I needs it for work", "you need it for work"),
        ("I has a hospital visit", "you have a hospital visit"),
        ("she needs it for work", "she needs it for work"),
    ],
)
def test_a_non_native_verb_form_is_put_right_where_the_meaning_is_plain(
    written: str, repaired: str
) -> None:
    assert from_customer(written) == repaired


@pytest.mark.parametrize(
    ("clause", "said"),
    [
        ("Your useless idiot driver smashed my TV", "our driver smashed your TV"),
        ("I got someone elses order", "you got someone else's order"),
        ("tonights dinner is ruined", "tonight's dinner is ruined"),
        ("your f***ing courier threw my parcel", "our courier threw your parcel"),
        ("an absolute disaster of a delivery", "an absolute disaster of a delivery"),
    ],
)
def test_a_customers_insults_go_and_their_apostrophes_come_back(clause: str, said: str) -> None:
    assert from_customer(clause) == said


@pytest.mark.parametrize(
    "clause",
    [
        "your drivers are cowboys",
        "the app is a pile of crap",
        "you lot are liars",
        "your staff are scum",
        "the manager is a prick",
    ],
)
def test_a_clause_whose_point_is_an_insult_is_not_ours_to_repeat(clause: str) -> None:
    assert from_customer(clause) is None


def test_a_notes_bare_year_is_no_clause_but_a_year_after_a_preposition_is() -> None:
    assert from_customer("joint acct is closed 2022") is None
    assert from_customer("my flight SH417 is cancelled 3rd April") is None
    assert from_customer("you took it on 1st April and 1st May") == (
        "we took it on 1st April and 1st May"
    )
    assert from_customer("my account was closed in 2022") == "your account was closed in 2022"
