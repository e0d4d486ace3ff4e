"""What an agent sees read from a customer's message: each fact worded for the draft."""

from __future__ import annotations

import json

import pytest

from recovery_cli.listen import read
from recovery_cli.listen.model import SURE
from recovery_cli.triage import Triage

SOFA = (
    "You told me Tuesday, then Friday, and my sofa still isn't here. "
    "I took two days off work for this. Order 99102.\nPriya"
)


def values(message: str) -> dict[str, str]:
    return {name: fact.value for name, fact in read(message).facts.items()}


def test_the_sofa_message_gives_issue_promise_stakes_reference_and_name() -> None:
    facts = values(SOFA)
    assert facts["issue"] == "your sofa still isn't here"
    assert "Friday" in facts["promised"]
    assert facts["stakes"] == "you took two days off work for this"
    assert facts["reference"] == "order 99102"
    assert facts["customer_name"] == "Priya"


def test_each_fact_keeps_the_customers_own_words_and_where_they_are() -> None:
    reading = read(SOFA)
    issue = reading.facts["issue"]
    assert issue.words == "my sofa still isn't here"
    assert SOFA[issue.start : issue.end] == issue.words
    assert 0 < issue.confidence <= 1


def test_the_last_of_a_chain_of_promised_dates_is_the_promise() -> None:
    assert values("You said the 4th. Then you said the 11th. Today is the 12th.")["promised"] == (
        "by the 11th"
    )


@pytest.mark.parametrize(
    ("message", "issue"),
    [
        ("youve charged me twice for order 99102", "you were charged twice for order 99102"),
        ("I asked three times and the reset email never arrives.", "the reset email never arrives"),
        ("My order is STILL NOT HERE!!!", "your order is still not here"),
        ("I can't get into my account at all.", "you can't get into your account at all"),
        (
            "the engineer you sent left a leak under my sink",
            "the engineer we sent left a leak under your sink",
        ),
        (
            "The TV I ordered has a crack across the screen.",
            "the TV you ordered has a crack across the screen",
        ),
        ("My glasses were supposed to be ready Friday. Still nothing.", "your glasses are late"),
        ("I'm still waiting for my sofa.", "you're still waiting for your sofa"),
        ("I received the wrong size and need it back.", "you received the wrong size"),
        ("you sent my details to another customer", "we sent your details to another customer"),
        ("The staff were really rude.", "the staff were rude"),
        ("Our room was double booked.", "your room was double booked"),
        ("My laptop has stopped working.", "your laptop has stopped working"),
        ("I'm locked out of my account.", "you're locked out of your account"),
        ("I haven't received my refund yet", "you haven't received your refund yet"),
        (
            "I was charged £30 for a delivery I never got.",
            "you were charged £30 for a delivery you never got",
        ),
    ],
)
def test_what_went_wrong_is_said_back_in_the_second_person(message: str, issue: str) -> None:
    assert values(message)["issue"] == issue


@pytest.mark.parametrize(
    ("message", "stakes"),
    [
        ("I need the prescription tonight.", "you need the prescription tonight"),
        ("It's for my son's birthday on Sunday.", "it is for your son's birthday on Sunday"),
        (
            "this is for my daughters 7th birthday party",
            "it is for your daughter's 7th birthday party",
        ),
        ("I took two days off work for it.", "you took two days off work for it"),
        ("I'm down to my last pair.", "you're down to your last pair"),
        ("We can't afford it.", "you can't afford it"),
    ],
)
def test_what_is_riding_on_it_is_a_clause_about_the_customer(message: str, stakes: str) -> None:
    assert values(message)["stakes"] == stakes


def test_a_request_is_not_a_stake() -> None:
    assert "stakes" not in values("I need to speak to a manager about my order.")


def test_a_threat_about_tomorrow_is_not_what_went_wrong() -> None:
    assert "issue" not in values("if my parcel isnt here tomorrow im coming down there")


@pytest.mark.parametrize(
    ("message", "partner"),
    [
        ("the lab hasnt sent them back yet", "the lab"),
        ("my bank says nothing is pending", "your bank"),
        ("The courier (DPD) was in a rush.", "DPD"),
        ("It came from your supplier late.", "our supplier"),
        ("The installer you sent drilled through a pipe.", "the installer"),
    ],
)
def test_a_third_party_is_named_as_the_customer_would(message: str, partner: str) -> None:
    assert values(message)["partner"] == partner


@pytest.mark.parametrize(
    ("message", "promised"),
    [
        ("my glasses were meant to be ready tues", "ready by Tues"),
        ("I was told delivery would be by Friday.", "with you by Friday"),
        ("The engineer was booked for the 8am-1pm slot.", "between 8am and 1pm"),
        ("the refund would be back on my card within 14 days", "within 14 days"),
    ],
)
def test_a_promise_reads_after_we_said_it_would_be(message: str, promised: str) -> None:
    assert values(message)["promised"] == promised


@pytest.mark.parametrize(
    "message",
    [
        "I have been a member for 10 years and never had this.",
        "I had to file a complaint 3 times before anyone listened.",
        "They sent a batch of 200 flyers with the wrong date.",
        "Our project 2026 launch is ruined.",
        "I want to return 200 units of the wrong stock.",
        "We flew on that flight 100 times before this.",
    ],
)
def test_words_that_name_references_elsewhere_do_not_make_one(message: str) -> None:
    assert "reference" not in values(message)


def test_an_order_number_comes_before_the_card_it_was_paid_with() -> None:
    assert values("Order 88123 was paid with my card ending 1234.")["reference"] == "order 88123"


def test_a_time_the_customer_needs_is_not_a_promise() -> None:
    assert "promised" not in values("I have to pay my bill by Friday.")


@pytest.mark.parametrize(
    "message",
    [
        'The man on the desk just said "try Friday" and shrugged.',
        'Your driver said he\'d "be back Monday" with the right part.',
        'The chat said "maybe next week" about my parcel.',
        'The app says "delivered Tuesday" but nothing came.',
        'Your sign says "support hours are 8am-8pm" and nobody picked up.',
        '★☆☆☆☆ Trustpilot - "Cracked TV, 3 weeks of runaround"\nThe TV arrived cracked.',
    ],
)
def test_a_quoted_time_that_is_advice_a_hope_or_the_past_is_not_a_promise(message: str) -> None:
    assert "promised" not in values(message)


def test_noon_is_a_time_a_promise_can_name() -> None:
    message = "Your technician promised to come yesterday by 12noon. We waited till evening."
    assert values(message)["promised"] == "with you by 12noon yesterday"


def test_a_quoted_time_on_its_own_is_still_the_promise_we_made() -> None:
    assert values('You said "within 48 hours" and it has been a week.')["promised"] == (
        "within 48 hours"
    )


@pytest.mark.parametrize(
    ("message", "reference"),
    [
        ("order 99102 is late", "order 99102"),
        ("order #A-4471", "order #A-4471"),
        ("Ref KX7P2Q. 7 weeks now.", "ref KX7P2Q"),
        ("This is about ticket 55-1023.", "ticket 55-1023"),
        ("Order: INV-2026-0113", "order INV-2026-0113"),
        ("acct no. 0042 1187", "account 0042 1187"),
        ("I paid with RX-40912 in mind", "RX-40912"),
        ("Re: savings account ending 3381", "your account ending 3381"),
        ("Taken from my card ending in 7702 twice.", "your card ending 7702"),
        ("my current account (ending 1190) is frozen", "your account ending 1190"),
        ("Dev Malhotra, membership 4471920", "member no. 4471920"),
        ("mem no 8830021, the class was cancelled again", "member no. 8830021"),
        ("Caller re job card 71204, the tyre is flat again", "job 71204"),
        ("The yoghurt from batch B7730 smelt off.", "batch B7730"),
        ("Lost suitcase, file LGWXY40012", "file LGWXY40012"),
        ("Subject: Your bill - ACC/2026/4471", "ACC/2026/4471"),
        ("Please reset the quota on our project dx-20419", "project dx-20419"),
        ("RMA 88120 was approved but nobody collected it", "return 88120"),
        ("PO 55120 arrived short", "PO 55120"),
        ("Flight no. EI412 was cancelled at the gate", "flight EI412"),
        ("Flight EI412 was cancelled, booking ref QP7731", "booking QP7731"),
        ("cx calmed. RO 8812-4.", "RO 8812-4"),
        ("the company on the invoice differs. WO 18832.", "work order 18832"),
        ("Cust Mr Rangi Whaanga. Docket 33102.", "docket 33102"),
        ("I went to my self storage unit 118 and the code failed", "unit 118"),
        ("the exit row seat on flight 1182 to Anchorage", "flight 1182"),
        ("Milan to Bologna, train 9521. Brilliant", "train 9521"),
        ("Her Rx numbers are 6602218 and 6602219.", "Rx 6602218"),
        ("Prescription ref RX-448120", "RX-448120"),
        ("My patient # is 0027745.", "patient ID 0027745"),
        ("Student 2019883, Luca Romano", "student ID 2019883"),
        ("Name: Mr Leonard Price. Acc ending 4410.", "your account ending 4410"),
        ("Complaint ref (previous): BS/CR/2024/0091", "BS/CR/2024/0091"),
        ("tx id 8HK22019XP", "transaction 8HK22019XP"),
        ("Order 90-2231 for the lightweight model", "order 90-2231"),
    ],
)
def test_references_come_in_many_shapes(message: str, reference: str) -> None:
    assert values(message)["reference"] == reference


@pytest.mark.parametrize(
    ("message", "amount"),
    [
        ("it cost £49.99", "£49.99"),
        ("I paid $120 for it", "$120"),
        ("a €35 fee", "€35"),
        ("they want 40 quid for that", "£40"),
        ("a refund of 54.20 GBP", "£54.20"),
        ("My bill went from £12 to £38.", "£38"),
        ("I had to pay eur 240 for another room", "€240"),
        ("then paid KES 6,500 for a cab", "KES 6,500"),
        ("why was he charged R1,850 for a cleaning fee", "R1,850"),
        ("a refund of the bungy jump (NZ$275)", "NZ$275"),
        ("We paid 2 189,00 $ for this.", "$2 189,00"),
        ("Customer: 79,90 eur", "€79,90"),
        ("ref ST-20018, 7,850 TRY paid", "TRY 7,850"),
        ("You have since taken CHF 29.90 on 1 February", "CHF 29.90"),
        ("a contract worth ₦1.8m to us", "₦1.8m"),
        ("it cost me $2 million", "$2 million"),
    ],
)
def test_a_sum_keeps_its_currency(message: str, amount: str) -> None:
    assert values(message)["amount"] == amount


@pytest.mark.parametrize(
    ("message", "amount"),
    [
        ("Got billed 9.99 again on the 4th.", "9.99"),
        ("so now 2 charges of 34.50 and only 1 order", "34.50"),
        ("We've been charged 96.00 more than we should be.", "96.00"),
    ],
)
def test_a_sum_without_a_currency_is_read_after_a_word_that_says_money_moved(
    message: str, amount: str
) -> None:
    assert values(message)["amount"] == amount


@pytest.mark.parametrize(
    "message",
    [
        "I try 3 times a day",
        "the app is showing a £0.00 balance",
        "The 14.45 train was cancelled and I paid at 10.30 am",
        "the R2 unit is faulty",
    ],
)
def test_numbers_that_are_not_sums_are_not_read_as_one(message: str) -> None:
    assert "amount" not in values(message)


def test_only_a_large_sum_in_pounds_dollars_or_euros_raises_severity() -> None:
    def large(message: str) -> bool:
        found = read(message).severity
        return found is not None and any(r.kind == "a large sum" for r in found.reasons)

    assert large("The sofa arrived broken. I paid £4,500 for it.")
    assert not large("The sofa arrived broken. I paid KES 4,500 for it.")


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("This is the fourth time the engineer hasn't turned up.", "medium"),
        ("Useless. Second time my parcel has gone missing.", "medium"),
        ("Second time my parcel has gone missing and I need it for my exam on Monday.", "high"),
        ("I am 84 and the engineer never came.", "high"),
        ("The engineer never came.", "medium"),
        ("I'm switching to another provider, so please cancel my account.", "low"),
        ("I'm switching provider. My broadband has been down for a week.", "medium"),
    ],
)
def test_failing_again_is_high_only_with_something_riding_on_it(message: str, level: str) -> None:
    # most writers of the labelled sets weigh a repeat, or a repeat said angrily, as the
    # standard recovery; with a stake, a vulnerability or an occasion it is high
    found = read(message).severity
    assert found is not None and found.level == level


@pytest.mark.parametrize(
    ("message", "waited", "times"),
    [
        (
            "I've been waiting three weeks. This is the third time I've called.",
            "three weeks",
            "the third time",
        ),
        ("The internet has been down since Monday and I rang twice.", "since Monday", "twice"),
        ("Been on hold 1hr 20 twice now.", "1hr 20", "twice"),
    ],
)
def test_how_long_they_have_waited_and_how_often(message: str, waited: str, times: str) -> None:
    facts = values(message)
    assert (facts["waited"], facts["times"]) == (waited, times)


@pytest.mark.parametrize(
    ("message", "waited"),
    [
        ("Two weeks later the skip is still on my drive.", "two weeks"),
        (
            "We logged it at 9am; the first reply came 5 hours 15 minutes later.",
            "5 hours 15 minutes",
        ),
        ("Train delayed by 50 mins and no announcement.", "50 mins"),
    ],
)
def test_a_wait_told_as_what_came_later_or_a_delay_is_read(message: str, waited: str) -> None:
    assert values(message)["waited"] == waited


@pytest.mark.parametrize(
    ("message", "waited"),
    [
        ("I was told they would call. Three weeks ago.", "three weeks"),
        ("The fridge died 19 days ago and I have been living out of a cooler.", "19 days"),
        ("I am waiting since March. Every month you say next run.", "since March"),
        ("Every time I call, I sit on hold for 45 minutes listening to music.", "45 minutes"),
        ("Waited 2 hrs and 15 minutes next to regular customers.", "2 hrs and 15 minutes"),
        ("The lab has now taken 7 weeks to remake my ear moulds.", "7 weeks"),
        ("Car park blocked, nobody from staff for 20 mins.", "20 mins"),
        ("we waited a fortnight for a reply", "a fortnight"),
    ],
)
def test_more_ways_of_saying_how_long_it_has_been(message: str, waited: str) -> None:
    assert values(message)["waited"] == waited


@pytest.mark.parametrize(
    "message",
    [
        "I bought it 10 days ago and it is broken.",
        "I have been a customer for 10 years and never complained.",
    ],
)
def test_how_old_a_thing_or_a_custom_is_is_no_wait(message: str) -> None:
    assert "waited" not in values(message)


def test_a_time_after_which_things_went_right_is_no_wait() -> None:
    assert "waited" not in values("Two days later the refund arrived, thank you.")


def test_charged_twice_is_a_billing_error_not_a_repeat() -> None:
    assert "times" not in values("You have charged me twice for the same order.")


@pytest.mark.parametrize(
    "message",
    [
        "There are two payments of £42.10 twice on my statement for one lamp.",
        "I switched the router off and on about 8 times, still no lights.",
        "Reinstalled the app twice, it still crashes at login.",
        "I have worn the jacket twice and the zip has gone.",
        "Caller was warned twice about his language and the call was ended.",
        "The hotel charged nearly twice the rate we booked.",
        "Renewal is three times what I paid last year.",
        "It takes twice as long as you said.",
        "Delivery note says 2x Oak Chairs but only one came.",
        "My bill is 3x normal this quarter.",
        "The box it came in was 10 times bigger than the charger.",
        "I cleared my cookies twice and the basket still won't save.",
        "A bill of £1,204.63, roughly eight times my usual amount.",
        "I don't want a 3rd date, I want the fridge.",
        "I am not explaining it a sixth time to a new junior.",
    ],
)
def test_a_count_that_is_not_a_failure_happening_again_is_not_read(message: str) -> None:
    assert "times" not in values(message)


@pytest.mark.parametrize(
    "message",
    [
        "He said he'd rung the GP three times today and still no prescription.",
        "Has spoken to 4 of us. Asked for supervisor 3x.",
        "He missed his GP calling him back twice because the line was down.",
        "Don't tell me to reinstall, I've done it twice.",
    ],
)
def test_a_count_of_what_the_customer_did_or_was_told_is_only_a_guess(message: str) -> None:
    fact = read(message).facts.get("times")
    assert fact is None or fact.confidence < SURE  # shown to an agent, never drafted


@pytest.mark.parametrize(
    ("message", "times"),
    [
        ("I've told you 3 times the parcel number is on the label.", "3 times"),
        ("Chased 4x already and still nothing.", "4x"),
        ("The boiler has lost pressure twice since the service.", "twice"),
    ],
)
def test_a_failure_or_a_chase_said_again_is_read_how_often(message: str, times: str) -> None:
    assert values(message)["times"] == times


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("My parcel is late.\nPriya", "Priya"),
        ("My parcel is late. – Tom", "Tom"),
        ("My parcel is late.\nRegards, Dana Whitfield", "Dana Whitfield"),
        ("Hello, my name is Farid Benali and my parcel is late.", "Farid Benali"),
        ("Hi, this is Ana from Leeds. My parcel is late.", "Ana"),
        ("Mrs Gupta called about her prescription again.", "Mrs Gupta"),
        ("Cust (Mrs Leila Haddad) rang re order RX-40912.", "Mrs Leila Haddad"),
        ("Rahul: hello\nRahul: my laptop is late", "Rahul"),
        # Signed on the last line of a message typed as one line, sure enough to greet.
        ("The fitter left gaps at the joins. Not acceptable. Paul Evans", "Paul Evans"),
        ("Clearly a wrong reading. Account 401-228-77. Mrs J. Carter", "Mrs J. Carter"),
        ("Call notes: no show again. Wants someone today. Caller name: Mr Pillai.", "Mr Pillai"),
        # A title a letter writer puts after the name goes in front, for "Dear Mr Pennington,".
        ("Please refund the £9.98.\n\nYours faithfully,\nArthur Pennington (Mr)",
         "Mr Arthur Pennington"),
        ("My mum's parcel is late.\nThanks,\nSian Powell (daughter of Gwyn Powell)",
         "Sian Powell"),
    ],
)  # fmt: skip
def test_the_customers_name_comes_from_how_they_sign_or_say_it(message: str, name: str) -> None:
    assert values(message)["customer_name"] == name


@pytest.mark.parametrize(
    "message",
    [
        "@SarahJones my parcel is late again",
        "My parcel is late.\nSent from Hollis Print Ltd",
        "My parcel is late.\nThanks",
        "Colleague Priti tried to calm him down.",
        "I see a policy for a Mr J. Collins on my account.",
        "Shop floor, 15:20. Staff member (Callum) reversed a pallet truck into the pushchair.",
        "Note: Staff member apologised and gave his name (Ryan). Screen cracked.",
        "You are now chatting with Ria\nRia: Hi there, how can I help today?\nRia: Still there?",
        "Merchant: all 3 card terminals are down\nMerchant: we're a cafe, cash only now",
        "Kettle leaked all over the worktop and tripped the fuses.\nVerified purchase",
        "Charged £12.99 again this morning after cancelling.\nFitPulse Pro user",
        "Waited an hour at the gate and nobody told us anything.\nDisgraceful",
        "The engineer cut the wrong cable and left.\nShaken - have told the team leader",
        "Courier left it in the rain, then told me 'not our problem'. Amazing",
        "The manager said he was busy. 11 years I've had a trade account here.\n- Mo's Sarnies",
    ],
)
def test_no_name_from_a_handle_a_company_or_someone_else(message: str) -> None:
    assert "customer_name" not in values(message)


@pytest.mark.parametrize(
    "message",
    [
        "Sehr geehrte Damen und Herren, meine Waschmaschine wurde gestern geliefert und hat eine "
        "große Delle. Ich erwarte einen Austausch.",
        "bonjour, mon colis est marqué livré depuis lundi mais je n'ai rien reçu, c'est un cadeau",
        "Me cancelasteis el vuelo y llevo 6 semanas esperando el reembolso de 230€. Nadie me "
        "responde.",
    ],
)
def test_another_language_is_unsupported_with_no_facts(message: str) -> None:
    reading = read(message)
    assert not reading.supported
    assert reading.language != "en"
    assert reading.facts == {}
    assert reading.severity is None


def test_english_with_foreign_names_stays_english() -> None:
    reading = read("My dining table still isn't here.\nJoanna Wiśniewska")
    assert reading.supported and reading.language == "en"


def test_a_reading_is_json_ready() -> None:
    data = read(SOFA).to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["facts"]["issue"]["value"] == "your sofa still isn't here"  # type: ignore[index]


def test_what_the_caller_already_knows_is_not_read_again() -> None:
    message = (
        "Subject: medication still missing\n\nHi,\nI am a carer and my medication STILL has "
        "not come!! Three weeks now.\n\nKind regards,\nAnna Bell"
    )
    full = read(message)
    assert full.severity is not None and full.channel is not None
    told = read(message, known={"severity", "channel"})
    assert told.severity is None and told.channel is None
    assert told.facts == full.facts  # the facts are read all the same


def test_a_routine_request_can_be_left_unread_past_its_triage(triage: Triage) -> None:
    question = "Hi, could you tell me if the blue jacket comes in size 12? Thanks, Tom Reyes"
    full = read(question, triage)
    assert full.triage is not None and full.triage.scenario is None
    assert full.facts  # read in full, the sign-off names the customer
    short = read(question, triage, read_routine=False)
    assert short.triage == full.triage and short.supported
    assert short.facts == {} and short.severity is None and short.channel is None
    complaint = "My sofa was promised for Friday and it still hasn't arrived. Tom Reyes"
    assert read(complaint, triage, read_routine=False).facts == read(complaint, triage).facts


@pytest.mark.parametrize(
    "message",
    ["the order 38kg of feed was short", "job 3/22 was the last visit", "a room 4-5 people"],
)
def test_a_weight_a_date_or_a_range_after_a_word_that_names_references_is_not_one(
    message: str,
) -> None:
    assert "reference" not in values(message)


@pytest.mark.parametrize(
    ("message", "times"),
    [
        ("This is the second deadline you have missed.", "the second deadline"),
        ("3rd outage THIS WEEK in Spokane Valley.", "the 3rd outage this week"),
        ("cx says this is 2nd delay. adv will contact the fitter", "2nd delay"),
        ("This is the 3rd week in a row the veg box is short.", "the 3rd week in a row"),
        ("4 outages in 2 weeks. My son has finals today.", "4 outages"),
        ("I have had 5 conversations about the same refund.", "5 conversations"),
        ("Tried with 0, without 0. Ten attempts at least.", "ten attempts"),
    ],
)
def test_how_often_is_read_from_more_nouns(message: str, times: str) -> None:
    assert values(message)["times"] == times


@pytest.mark.parametrize(
    ("message", "partner"),
    [
        ("nobody came up the walk all day. Courier was SwiftLane. Support says wait.", "SwiftLane"),
        ("The audiology lab you use (SoundTech Labs) has taken 7 weeks.", "SoundTech Labs"),
        ("says installer Bright Line Electric (our sub) left holes", "Bright Line Electric"),
        ("Your crew from Apex Roofing left nails everywhere.", "Apex Roofing"),
        ("promised install by 5/1, mfr (ShadeCraft) hasn't shipped.", "ShadeCraft"),
        ("Our driver (subcontracted - Coastline Taxis) never came", "Coastline Taxis"),
        ("Shuttle (run by Airlink Transfers) didn't show till 5:40.", "Airlink Transfers"),
        ("the print is on its way with ParcelSwift. It arrived cracked.", "ParcelSwift"),
        ('tracking says delivered at 11:47 by "Speedrop" but nothing here', "Speedrop"),
        ("On the way back the coach (Sunrise Travel) left without him.", "Sunrise Travel"),
        ("The ground handling desk (Aviapartner) gave me a report.", "Aviapartner"),
        (
            "done by the lad you sent in (I think from Brightwall Plastering)",
            "Brightwall Plastering",
        ),
    ],
)
def test_a_partner_is_named_by_its_own_name_beside_its_role(message: str, partner: str) -> None:
    assert values(message)["partner"] == partner


def test_in_a_chat_where_the_customer_is_me_the_other_speaker_is_not_their_name() -> None:
    chat = (
        "Me: I'm trying to cancel my membership\n"
        "FitZone: Hi! To cancel you need to visit your home club\n"
        "Me: I've been in twice\n"
        "FitZone: I understand. Is there anything else I can help with?\n"
    )
    assert "customer_name" not in values(chat)  # never "Hi FitZone,"


def test_an_account_number_in_three_groups_is_read_whole() -> None:
    letter = "I am writing about the account for 14 Mill Lane, Account No. 6630 1192 45."
    assert values(letter)["reference"] == "account 6630 1192 45"


def test_whoever_signed_for_a_parcel_is_not_a_partner() -> None:
    message = 'tracking says delivered and signed for by "MARK". There is no Mark.'
    assert values(message).get("partner") != "MARK"


def test_a_closing_remark_is_no_more_than_a_guess_at_a_name() -> None:
    reading = read("She got dressed and waited all day for nothing. Very poor")
    assert reading.sure("customer_name") is None  # never greets "Hi Very,"


def test_the_sum_that_left_their_account_is_the_one_the_complaint_is_about() -> None:
    letter = (
        "This month £240 has come out of my bank instead of the usual £85, "
        "and the bank has charged me £25."
    )
    assert values(letter)["amount"] == "£240"


def test_among_many_sums_with_no_word_for_which_one_the_first_is_only_a_guess() -> None:
    reading = read("It was quoted at £300, then £120 for parts and £180 for labour. No fitter.")
    assert "amount" in reading.facts
    assert reading.sure("amount") is None  # offered to an agent, never drafted unattended


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("Hi, how do I add a new payee on the app? It's for my son's birthday present.", "low"),
        ("Do you deliver on Sundays? It's for my mum's 80th.", "low"),
        ("Can I add my carer to my account? I'm registered blind.", "high"),
    ],
)
def test_a_plain_request_is_low_whatever_it_is_for(
    triage: Triage, message: str, level: str
) -> None:
    reading = read(message, triage)
    assert reading.triage is not None and reading.triage.scenario is None
    assert reading.severity is not None and reading.severity.level == level


def test_an_ordinal_before_what_it_counts_is_how_often_not_a_promised_date() -> None:
    reading = read("Uniform order hasn't arrived. This is the 2nd delivery date you've missed.")
    assert reading.value("promised") != "by 2nd"
    assert read("The parcel was promised by the 2nd.").value("promised") == "by the 2nd"


@pytest.mark.parametrize(
    "message",
    [
        "Listing definitely says it includes 1x battery and it isn't in the box.",
        "Order EV-40021, 2x tickets for Calloway Park, booked in her name.",
        "The desk wanted an upgrade fee and he is refusing to pay twice.",
        "I checked everything twice and the bag of screws isn't there.",
        "We left Bristol at 10am, stopped twice on the way, and the cottage was locked.",
        "How many times do I have to say no to your offers?",
    ],
)
def test_a_quantity_or_what_the_customer_did_twice_is_not_how_often_we_failed(
    message: str,
) -> None:
    assert "times" not in values(message)


def test_a_count_of_times_they_chased_is_still_read() -> None:
    assert values("I've rung 3x about it and nobody calls back.")["times"] == "3x"


@pytest.mark.parametrize(
    "message",
    [
        "The front wheel came off after 2 days of normal use.",
        "I arrived ten minutes late because the bus was diverted, and the receptionist was rude.",
        "The code doesn't work and now the app says account locked for 24hrs.",
        "No rush if it's a day late, I just want to know whether to stay in.",
        "Tried 5 times now, locked out for 24 hrs apparently.",
        "He's just been stitched up by his car insurance on the phone for an hour.",
    ],
)
def test_how_long_something_lasted_or_the_customer_was_late_is_no_wait(message: str) -> None:
    assert "waited" not in values(message)


def test_a_wait_since_part_of_a_day_keeps_the_part() -> None:
    message = "Internet's been down since yesterday lunchtime again."
    assert values(message)["waited"] == "since yesterday lunchtime"


def test_a_firm_named_beside_its_role_is_the_partner_and_another_firm_is_none() -> None:
    told = "Our manufacturer, Tessuti Morbidi, has advised us of a production delay."
    assert values(told)["partner"] == "Tessuti Morbidi"
    assert values("My bank, Lloyds, confirms the cheque was cashed.")["partner"] == "Lloyds"
    elsewhere = "Flight cancelled. Cust wanted same-day on another carrier, which we can't do."
    assert "partner" not in values(elsewhere)


@pytest.mark.parametrize(
    "message",
    [
        "The VIP showers were out of action Saturday and Sunday.",
        "The toilets in the two coaches I could reach were out of order.",
        "I've got 46,000 points and my wife is 2,000 short of a flight.",
    ],
)
def test_a_stake_is_never_a_verb_without_its_subject_or_half_a_number(message: str) -> None:
    stakes = values(message).get("stakes", "")
    assert not stakes.startswith("were") and not stakes.endswith(" 2")


def test_the_place_someone_works_did_not_do_what_they_did() -> None:
    message = "Barista at the Bridge St branch knocked a flat white straight onto my laptop."
    assert "branch knocked" not in values(message).get("issue", "")


@pytest.mark.parametrize(
    ("message", "issue"),
    [
        ("Subject: TV arrived with cracked screen", "your TV arrived with cracked screen"),
        ("The chair has a snapped leg.", "the chair has a snapped leg"),
    ],
)
def test_damage_said_with_its_adjective_is_what_went_wrong(message: str, issue: str) -> None:
    assert values(message)["issue"] == issue


def test_our_agents_lines_in_a_pasted_chat_are_not_turned_into_the_customers_words() -> None:
    chat = (
        "Customer: hi, I need to cancel my flight to Dublin on the 22nd, my work has moved "
        "the meeting. booking ref PLX4RT\n"
        "Agent: Hi! I can help with that. I can see you're booked on our Saver fare.\n"
        "Customer: yes. can I get the money back? its £168\n"
    )
    facts = values(chat)
    assert "Saver fare" not in facts.get("stakes", "") + facts.get("issue", "")
    assert facts["reference"] == "booking PLX4RT"  # numbers are read from every line


def test_a_plain_future_we_told_them_is_a_promise_and_the_chains_latest_wins() -> None:
    told = (
        "It was supposed to arrive 4th April, then your colleague call me and say sorry, "
        "there is problem in warehouse, it will come 15th April for sure."
    )
    assert values(told)["promised"] == "with you by 15th April"
    sent = "Your order has been dispatched and will arrive on 14 March."
    assert values(sent)["promised"] == "with you on 14 March"


def test_a_future_asked_about_is_no_promise() -> None:
    asked = "hi, just checking my roof bars will come before Friday? we're going camping"
    assert "promised" not in values(asked)


def test_a_broken_part_belongs_to_the_thing_named_just_before_it() -> None:
    message = (
        "I came in to collect my new glasses. The assistant knocked my handbag off the "
        "counter. My mobile phone fell out and the screen shattered."
    )
    assert "glasses" not in values(message).get("issue", "")


@pytest.mark.parametrize(
    "message",
    [
        "The table was booked for the 30th and nobody had it on the system.",
        "Cust works as a medical secretary and has had to go into the office.",
        "The form fails at the last page (confirm GP surgery) every time.",
    ],
)
def test_a_date_a_job_title_or_a_place_is_no_occasion_or_medical_need(message: str) -> None:
    reading = read(message)
    assert reading.severity is not None
    kinds = {reason.describe().split(":")[0] for reason in reading.severity.reasons}
    assert not kinds & {"a big occasion", "medical"}


def test_a_birthday_said_by_its_number_is_still_an_occasion() -> None:
    reading = read("The cake was for my mum's 70th on Saturday and it arrived smashed.")
    assert reading.severity is not None
    assert any(
        reason.describe().startswith("a big occasion") for reason in reading.severity.reasons
    )


@pytest.mark.parametrize(
    "message",
    [
        "Glasses dropped at the counter - right arm snapped, lens scratched.",
        "Subject: Order 30-77195 - lens cracked",
    ],
)
def test_a_bare_part_named_like_a_body_or_run_on_from_a_reference_is_not_said(
    message: str,
) -> None:
    issue = values(message).get("issue", "")
    assert "right arm" not in issue and "30-77195 lens" not in issue


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ('Now my bill has "Early Termination Charge £186.40" on it.', "promised"),
        ("The insulin arrived warm and it says store between 2-8 degrees.", "promised"),
        ("This is my 4th chat this week about moving my number over.", "stakes"),
        ("The catch gave way. I've used it every day for 4 months.", "waited"),
        ('It says "Licence server unreachable - working offline for 0 days".', "waited"),
    ],
)
def test_a_price_a_temperature_a_count_of_chats_or_a_time_in_use_is_none_of_these(
    message: str, fact: str
) -> None:
    assert fact not in values(message)


def test_a_lab_named_beside_its_role_is_the_partner() -> None:
    message = "The young man said the lab, Vantage Optical, haven't sent my glasses."
    assert values(message)["partner"] == "Vantage Optical"


@pytest.mark.parametrize(
    ("message", "name"),
    [
        (
            "Once more. Fraud said it's Disputes. Disputes said it's Fraud. I want a manager.\n\n"
            "Ahmed Siddiqui\n07958 223 017",
            "Ahmed Siddiqui",
        ),
        ("Our line has been down for days.\n\nDr Helen Wyatt MRCVS\nPractice Principal", None),
        ("Please call me back today.\n\nTom Reid PhD", "Tom Reid"),
        ("Your staff searched his bag in front of everyone. This is Aisling, his mum.", "Aisling"),
    ],
)
def test_a_name_is_the_one_signed_never_a_team_a_title_or_letters_after_it(
    message: str, name: str | None
) -> None:
    got = values(message).get("customer_name")
    assert got == name or (name is None and got is not None and "Practice" not in got)


def test_a_sign_off_at_the_end_of_one_long_line_is_never_cut_mid_word() -> None:
    message = "We would pay extra for cleaning. " * 20 + "Thank you, Jan & Pete Hollis"
    assert values(message).get("customer_name") != "Than"


@pytest.mark.parametrize(
    ("message", "fact"),
    [
        ("I have telephoned twice and been told it is with accounts.", "times"),
        ("Sally is doing 2 visits a day for now while the alarm is broken.", "times"),
        (
            'Tracking says delivered to site yesterday "signed by MARK". There is no Mark.',
            "partner",
        ),
        ("I returned the Luton van on 3 March, no damage, and the deposit never came.", "partner"),
    ],
)
def test_the_customers_calls_a_rate_a_signature_or_a_van_is_no_count_or_partner(
    message: str, fact: str
) -> None:
    reading = read(message)
    assert reading.sure(fact) is None


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("Inbound 17:20, Mr Adebayo\nComplaint re the gym trainer's manner.", "Mr Adebayo"),
        (
            "Call log 18:40. Mrs S. Okonkwo\nOrig call 18:10, car broke down on the A38.",
            "Mrs S. Okonkwo",
        ),
        ("Please confirm the cancellation.\nThanks, P Carstairs", "P. Carstairs"),
        ("My name is Aisling and I'm emailing because I'm getting nowhere.", "Aisling"),
    ],
)
def test_a_name_ends_with_its_line_and_a_bare_initial_keeps_its_place(
    message: str, name: str
) -> None:
    """A name never runs on into the next line's first word ("Mr Adebayo Complaint" was
    greeted "Dear Mr Complaint,"), and "P Carstairs" is never greeted "Hi P,"."""
    assert values(message)["customer_name"] == name


def test_the_usual_bill_is_a_yardstick_not_the_sum_that_went_wrong() -> None:
    message = "They sent her a bill for £1,246.30. Her normal bill is about £30 a month."
    assert values(message)["amount"] == "£1,246.30"


def test_a_voucher_we_offered_is_only_a_guess_at_the_sum() -> None:
    fact = read("Both times the reply was a £20 voucher. I don't want vouchers.").facts["amount"]
    assert fact.confidence < SURE  # never drafted as what the customer lost


@pytest.mark.parametrize(
    "message",
    [
        "Sort code / account: 40-11-72 / 11930488\nType: Complaint",
        "Account number 60-14-22 11930488. Please send my statement.",
    ],
)
def test_a_sort_code_is_not_the_account_number(message: str) -> None:
    assert values(message)["reference"] == "account 11930488"


def test_the_sum_the_customer_expected_is_a_yardstick() -> None:
    message = "£38 consult I expected, but we left with a £212 bill because they recommended tests."
    assert values(message)["amount"] == "£212"


def test_what_we_told_them_they_must_do_is_no_stake() -> None:
    message = (
        "When I called, I was told there's no cancellation on file and I need to send a "
        "certified letter."
    )
    assert "stakes" not in values(message)


def test_a_wait_our_agent_asks_for_is_not_the_wait_they_had() -> None:
    message = (
        "Agent: I understand. Can you hold for a few minutes?\n"
        "Customer: I've been holding for 40 minutes already"
    )
    assert values(message)["waited"] == "40 minutes"


def test_a_town_under_a_street_address_is_no_name() -> None:
    message = "Please delete the record.\n\nSamantha Kerr\n4 Orchard Close\nThornbury"
    assert read(message).value("customer_name") != "Thornbury"
