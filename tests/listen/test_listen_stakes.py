"""What is riding on it for the customer: the shapes it comes in, and what is not a stake.

Every example is written for these tests; none is from the labelled sets.
"""

from __future__ import annotations

import pytest

from recovery_cli.listen import inputs_from, read
from recovery_cli.listen.sentences import split


def stakes(message: str) -> str | None:
    return read(message).value("stakes")


def test_a_stake_wrapped_across_two_lines_by_a_mail_program_is_read_whole() -> None:
    message = (
        "Hello, the replacement laptop you promised for Tuesday has not been sent. I teach\n"
        "from home and need it for my lessons on Monday morning.\n"
    )
    assert stakes(message) == "you need it for your lessons on Monday morning"


def test_unwrapping_keeps_offsets_and_leaves_headers_lists_and_short_lines() -> None:
    message = (
        "Name: Ana\nOrder: 5521\nThe blender I ordered three weeks ago is still not\n"
        "here at all.\n- item one\n"
    )
    pieces = split(message)
    assert [piece.text for piece in pieces] == [
        "Name: Ana",
        "Order: 5521",
        "The blender I ordered three weeks ago is still not here at all.",
        "- item one",
    ]
    assert all(message[p.start : p.end].replace("\n", " ") == p.text for p in pieces)


def test_where_a_wrapped_stake_was_found_points_into_the_message_as_given() -> None:
    message = (
        "The parcel with the new school shoes is lost. Please help, I need them for my son’s\n"
        "first day on Wednesday.\n"
    )
    fact = read(message).facts["stakes"]
    assert message[fact.start : fact.end] == fact.words
    assert "first day" in fact.value


@pytest.mark.parametrize(
    "message",
    [
        "I'm 84 and the new kettle leaks all over the worktop.",
        "Paid £28 for something we can't eat, it was all cold.",
        "The clock you broke in transit was for my late father.",
        "I'm travelling on my own and the receptionist read my room number out loud.",
        "The app logged me out and now I cant see my bill.",
        "Sat in the waiting room 40 mins and the trainer never came.",
        "I want a manager. This is my fourth call about my car claim.",
        "I have been charged a £45 missed appointment fee for my hygienist appointment.",
    ],
)
def test_what_is_not_riding_on_it_is_left_out(message: str) -> None:
    assert stakes(message) is None


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "I'm flying to Rome on the 9th and need the lenses before then.",
            "you're flying to Rome on the 9th",
        ),
        (
            "I can't see anything through these glasses. I start a new job on Monday.",
            "you start a new job on Monday",
        ),
    ],
)
def test_an_occasion_outranks_a_complaint_about_the_thing_itself(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The part is late. My husband needs the car tonight for his hospital appointment.",
            "your husband needs the car tonight for his hospital appointment",
        ),
        (
            "The sweep never came. I've got a chimney sweep booked for Tuesday and no flue cover.",
            "you've got a chimney sweep booked for Tuesday",
        ),
        (
            "My passport expires on the 3rd and the renewal is stuck.",
            "your passport expires on the 3rd",
        ),
        (
            "We're hosting my dad's retirement party on Saturday and the marquee is not here.",
            "you're hosting your dad's retirement party on Saturday",
        ),
        (
            "The oven is broken and I'm having 12 people over on Sunday.",
            "you're having 12 people over on Sunday",
        ),
        (
            "I'm moving out of the flat on the 30th, so I need the deposit back.",
            "you're moving out of the flat on the 30th",
        ),
        ("The card has not come and I'm in Lisbon from Monday.", "you're in Lisbon from Monday"),
        (
            "My case never arrived. I'm at a sales conference in Milan wearing yesterday's shirt.",
            "you're at a sales conference in Milan",
        ),
        ("I work from home, so the broadband matters.", "you work from home"),
        (
            "I'm travelling up from Cornwall for the show and the tickets are missing.",
            "you're travelling up from Cornwall for the show",
        ),
        (
            "I need to get the van insured today because the old policy ends at midnight.",
            "you need to get the van insured today",
        ),
        (
            "I need that money for the deposit on my flat.",
            "you need that money for the deposit on your flat",
        ),
        (
            "The invoice is wrong and I need to pay the roofer £2,400 by Friday.",
            "you need to pay the roofer £2,400 by Friday",
        ),
        (
            "The engineer never came. Grandad is 91 and has dementia.",
            "your grandad is 91 and has dementia",
        ),
        ("The alarm is still faulty. My husband has Parkinson's.", "your husband has Parkinson's"),
        (
            "The lock is broken and I do not feel safe in my own home at night.",
            "you do not feel safe in your own home",
        ),
        (
            "Call note: delivery missed again. Cust's got 2 days of insulin left.",
            "you have only got 2 days of insulin left",
        ),
        (
            "The frame snapped. They're my only glasses - I can't read or see clearly at distance "
            "without them.",
            "you can't read or see clearly at distance without them",
        ),
    ],
)
def test_what_is_riding_on_it_is_read_from_a_general_shape(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    "message",
    ["I want this looked at by a manager.", "I want that sorted by Friday.", "I live alone."],
)
def test_a_request_or_a_bare_circumstance_is_not_a_stake(message: str) -> None:
    assert stakes(message) is None


def test_when_a_visit_was_is_not_at_stake_but_an_event_ahead_is() -> None:
    assert stakes("The nail technician cut my cuticle. Visit was Tuesday, with Mia.") is None
    assert stakes("The dye burned my scalp. appointment was friday 2pm.") is None
    assert stakes("Where is my dress? My wedding is Saturday.") == "your wedding is Saturday"


def test_what_is_at_stake_for_someone_else_is_not_made_the_customers() -> None:
    message = "I need the school shoes for my son, term starts Monday. - Priya"
    assert stakes(message) == "the term starts Monday"  # his term, never "your term"


def test_a_relative_who_is_vulnerable_is_not_made_the_customer() -> None:
    note = "cx called re boiler, eng no show. cx elderly mum lives w/ her, no heating since Sun."
    assert not (stakes(note) or "").startswith("you are elderly")


def test_what_the_thing_is_needed_for_outranks_what_else_cannot_be_done() -> None:
    message = (
        "The glasses came snapped. I can't go out to the shop, and I can't read my letters "
        "or my bills without them."
    )
    assert stakes(message) == "you can't read your letters or your bills without them"


def test_a_requirement_quoted_back_is_not_a_stake_but_a_bereavement_is() -> None:
    message = "Your branch says I need to be the account holder. My dad passed away in May."
    assert stakes(message) == "your dad passed away"


def test_a_payment_that_is_due_outranks_a_bereavement() -> None:
    message = "My wife died in March and I need to pay the florist £300 by Friday."
    assert stakes(message) == "you need to pay the florist £300 by Friday"


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        ("The vet food never came. She has a show on the 30th.", "she has a show on the 30th"),
        (
            "Parcel lost. Cust needs laptop for college on Monday.",
            "you need the laptop for college on Monday",
        ),
        ("cancel the broadband please, Im moving to Spain.", "you're moving to Spain"),
        (
            "The shop page won't load and I have a promo going live at 8 for the bank holiday.",
            "you have a promo going live at 8 for the bank holiday",
        ),
        ("I'm on a fixed income and the bill has doubled.", "you're on a fixed income"),
        (
            "We can't travel now: my wife needs an operation on the 2nd.",
            "your wife needs an operation on the 2nd",
        ),
        (
            "The hotel has cancelled. He needs an operation on the 2nd.",
            "he needs an operation on the 2nd",
        ),
    ],
)
def test_who_it_matters_to_is_kept_and_their_verb_agrees(message: str, stake: str) -> None:
    assert stakes(message) == stake


def test_a_need_for_the_service_itself_is_a_request_not_a_stake() -> None:
    # No rule reads it; the learnt vote may show it to the agent, but never drafts it.
    assert "stakes" not in inputs_from(
        read("The centre had no record of me. I need an MOT this week.")
    )


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The van is still in. I've been paying £25 a day for a courtesy car since Tuesday.",
            "you've been paying £25 a day for a courtesy car since Tuesday",
        ),
        (
            "The bed never came. Sleeping on a sofa in the lounge with a bad hip.",
            "you're sleeping on a sofa in the lounge with a bad hip",
        ),
        (
            "Please chase the refund, it's money I need for the deposit on our new flat.",
            "it is money you need for the deposit on your new flat",
        ),
        ("Subject: Checkout broken - losing sales", "you're losing sales"),
        ("The depot is 15 miles away and shuts at 4. I don't drive.", "you don't drive"),
        ("wrong cake delivered 😡 party starts at 3. order 4471", "your party starts at 3"),
    ],
)
def test_a_cost_borne_a_hardship_or_a_loss_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


def test_not_driving_as_part_of_another_clause_is_not_read_alone() -> None:
    assert stakes("I don't drive past the depot any more.") is None


def test_what_the_customer_cannot_afford_outranks_a_date_said_before_it() -> None:
    message = "The offer ends on Friday and then it's £30 a month, which we can't afford."
    assert stakes(message) == "you can't afford it"


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        ("cant get into the portal to pay. rent due on friday", "your rent is due on Friday"),
        ("The fridge in the shop died overnight and we open tomorrow.", "you open tomorrow"),
        (
            "Please stop the food deliveries. My cat passed away in June.",
            "your cat passed away in June",
        ),
        (
            "The heater sparked and smoked. My 2 year old sleeps in that room.",
            "your 2 year old sleeps in that room",
        ),
    ],
)
def test_a_deadline_an_opening_a_loss_or_a_small_child_at_risk_is_read(
    message: str, stake: str
) -> None:
    assert stakes(message) == stake


def test_a_line_its_writer_ended_is_not_joined_to_the_next() -> None:
    message = (
        "so first it was monday then wednesday and now its next week\n"
        "this is for my daughters birthday party on saturday the 4th\n"
        "the bouncy castle and all the food and the cake are already paid for by the way\n"
    )
    assert [piece.text for piece in split(message)] == message.strip().split("\n")
    assert stakes(message) == "it is for your daughter's birthday party on Saturday the 4th"


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The label said nut free. She reacted at once and we spent the night in A&E.",
            "you spent the night in A&E",
        ),
        (
            "The boiler failed again and I spent the first weekend of my leave at a launderette.",
            "you spent the first weekend of your leave at a launderette",
        ),
    ],
)
def test_time_spent_somewhere_because_of_the_failure_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


def test_time_spent_with_us_is_not_a_stake() -> None:
    assert stakes("I spent two hours on hold and an hour at the branch.") is None


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "I have to pay my gas bill by Friday or I get a late fee.",
            "you have to pay your gas bill by Friday or you get a late fee",
        ),
        (
            "Cust needs to pay the plumber £1,200 by Monday or loses the slot.",
            "you need to pay the plumber £1,200 by Monday",
        ),
    ],
)
def test_what_follows_or_is_kept_only_when_it_says_who(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The stairlift is still not fitted. My dad, who is 88 and lives alone, can't cope.",
            "your dad is 88 and lives alone",
        ),
        ("The heating failed again. My granny lives on her own.", "your granny lives on her own"),
        (
            "No hot water since Friday. My elderly aunt living with us.",
            "your elderly aunt lives with you",
        ),
        (
            "The scooter has not come. My wife has broken her ankle.",
            "your wife has broken her ankle",
        ),
        (
            "The wheelchair is late and my nan is being discharged from hospital on Thursday.",
            "your nan is being discharged from hospital on Thursday",
        ),
        (
            "Your engineer cut the line. I was rushed to hospital last night with chest pain.",
            "you were rushed to hospital last night with chest pain",
        ),
        (
            "The menu said no sesame. My daughter has a sesame allergy.",
            "your daughter has a sesame allergy",
        ),
        (
            "You posted my new address to the wrong house. I have a protection order against him.",
            "you have a protection order against him",
        ),
        ("My mum is on dialysis and the power keeps cutting out.", "your mum is on dialysis"),
        (
            "The stove is dead. I have a microwave and four hungry kids.",
            "you have four hungry kids",
        ),
        ("My dad lives alone.", "your dad lives alone"),
    ],
)
def test_who_depends_on_the_customer_or_what_ails_them_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "Called re faulty cot. Has a newborn, cot collapsed twice.",
            "you have a newborn",
        ),
        (
            "Called re bed delivery. Has a bad back injury, cannot sleep on the sofa.",
            "you have a bad back injury",
        ),
        ("The order is wrong. Caller is a paramedic and works nights.", "you are a paramedic"),
    ],
)
def test_a_note_that_leaves_out_who_it_means_is_read_as_the_customer(
    message: str, stake: str
) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The card reader is dead. We run a small bakery from this unit.",
            "you run a small bakery from this unit",
        ),
        (
            "The kitchen is closed. We're turning customers away at the door.",
            "you're turning customers away",
        ),
        (
            "The till system crashed and we lost three days of trading.",
            "you lost three days of trading",
        ),
        ("The cleaner missed the oven. Lost £250 of our deposit.", "you lost £250 of your deposit"),
        (
            "The payroll errors are serious. We have had two drivers quit over it.",
            "you have had two drivers quit over it",
        ),
        (
            "The website has been down all week, at the height of our busiest season.",
            "it is the height of your busiest season",
        ),
        (
            "The fitter never came. I took two days of annual leave for this.",
            "you took two days of annual leave for this",
        ),
        (
            "cx took a morning unpaid to be in for the delivery.",
            "you took a morning unpaid to be in for the delivery",
        ),
        (
            "The leak came through the ceiling. We've been sleeping on an airbed in the lounge.",
            "you've been sleeping on an airbed in the lounge",
        ),
        (
            "Our family of five have been staying in a hotel since the fire.",
            "your family of five have been staying in a hotel since the fire",
        ),
    ],
)
def test_what_the_failure_costs_a_business_or_a_household_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The shower tray is cracked and our bathroom fitter is booked for Tuesday.",
            "your bathroom fitter is booked for Tuesday",
        ),
        ("The tablet has not come and college starts on Monday.", "college starts on Monday"),
        (
            "The banner is wrong and the summer fete opens on Saturday.",
            "the summer fete opens on Saturday",
        ),
        (
            "The dress is the wrong size. The prom for her school is on Friday.",
            "the prom for her school is on Friday",
        ),
        (
            "The flat is not ready and the new tenants move into our old place on the 3rd.",
            "the new tenants move into your old place on the 3rd",
        ),
        ("The chairs have not come. The christening is the 21st.", "the christening is the 21st"),
        (
            "My thesis submission is on the 30th and the laptop is dead.",
            "your thesis submission is on the 30th",
        ),
        (
            "I'm having my engagement party on the 9th and the cake is wrong.",
            "you're having your engagement party on the 9th",
        ),
        (
            "The report is missing and my lender needs the survey by the 15th or we lose it.",
            "your lender needs the survey by the 15th",
        ),
        (
            "Your driver cancelled on us the morning before our daughter's wedding.",
            "it was the morning before your daughter's wedding",
        ),
        (
            "The hire car was not there. We were six of us with cases and flying to a wedding.",
            "you're flying to a wedding",
        ),
        (
            "My provisional licence expires end of the month and the test centre cancelled again.",
            "your provisional licence expires end of the month",
        ),
        (
            "I can't pay online and there's a late fee if I miss the payment.",
            "there is a late fee if you miss the payment",
        ),
        (
            "Please refund it before the 1st, because that would bounce our rent payment.",
            "it would bounce your rent payment",
        ),
        (
            "The app will not load and I can't get my boarding pass.",
            "you can't get your boarding pass",
        ),
    ],
)
def test_an_occasion_a_deadline_or_a_charge_coming_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        ("The parcel is my husband's heart medication.", "it is your husband's heart medication"),
        ("It's my son's inhaler spacer.", "it is your son's inhaler spacer"),
        (
            "The storage company lost three boxes. The boxes held my late husband's letters and "
            "medals.",
            "the boxes held your late husband's letters and medals",
        ),
    ],
)
def test_what_was_inside_is_read_when_it_cannot_be_replaced(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    "message",
    [
        "There's a late fee on my account that I never agreed to.",
        "Can I move my dental appointment to next week please.",
        "The engineer is booked for Monday.",
        "I've been living in this house for 20 years and never had this.",
        "We're turning the spare room into an office.",
        "The parcel had my late dad's watch in it.",
    ],
)
def test_a_charge_complained_of_a_request_or_a_clause_cut_short_is_not_a_stake(
    message: str,
) -> None:
    assert stakes(message) is None


def test_a_reason_that_only_looks_like_a_stake_is_at_most_a_guess_no_draft_says() -> None:
    reading = read("My family is 5 people so the small one is no use.")
    assert reading.sure("stakes") is None
    guess = reading.facts.get("stakes")
    assert guess is None or guess.value == "your family is 5 people so the small one is no use"


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The toy fell apart. My 18 month old nearly swallowed a button that came off.",
            "your 18 month old nearly swallowed a button that came off",
        ),
        (
            "The battery cover is loose. My toddler had one of the batteries in his hand before I "
            "noticed.",
            "your toddler had one of the batteries in his hand",
        ),
        ("The cream you sold me made my eczema much worse.", "it made your eczema worse"),
        (
            "The flight was cancelled and I spent the night in the airport, before a 9am meeting.",
            "you spent the night in the airport before a 9am meeting",
        ),
    ],
)
def test_harm_to_a_small_child_or_to_the_customer_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    "message",
    [
        "My 5 year old got it for Christmas and it already squeaks.",
        "My 4 year old was so excited about the present.",
        "The delay made my day worse.",
    ],
)
def test_a_child_or_a_bad_day_in_passing_is_not_a_stake(message: str) -> None:
    # No rule reads one; a learnt guess may be shown, but never drafted unattended.
    assert "stakes" not in inputs_from(read(message))


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "Resident rang about the bins. Resident is disabled and cannot carry the bin down.",
            "you are disabled",
        ),
        ("Tenant has two small children, no heating since Monday.", "you have two small children"),
        ("Pt on a low income and was charged the private rate.", "you are on a low income"),
        (
            "Member is losing business while the card machine is down.",
            "you are losing business",
        ),
    ],
)
def test_a_note_that_calls_the_customer_by_their_role_is_read_as_the_customer(
    message: str, stake: str
) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        ("Our dog nearly died after eating the treats.", "your dog nearly died"),
        (
            "The cottage was double booked. Slept in the car, no refund offered.",
            "you slept in the car",
        ),
        (
            "My husband has stage 3 kidney disease and needs this diet.",
            "your husband has stage 3 kidney disease",
        ),
        (
            "The kids have been sleeping downstairs on the sofa for a week because of the leak.",
            "the kids have been sleeping downstairs on the sofa for a week",
        ),
    ],
)
def test_a_near_miss_an_illness_or_a_night_away_from_bed_is_read(message: str, stake: str) -> None:
    assert stakes(message) == stake


def test_a_member_losing_patience_is_not_a_loss_of_trade() -> None:
    assert stakes("The member is losing patience.") is None


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "The frame snapped. These glasses were a gift from my late husband.",
            "these glasses were a gift from your late husband",
        ),
        ("Dad slipped again. He is 91 and lives alone.", "he is 91 and lives alone"),
        ("We arrived at midnight with two exhausted kids.", "you had two exhausted kids with you"),
        ("I bought the cream for my daughter's eczema.", "it is for your daughter's eczema"),
        (
            "Cust is travelling to her daughter's graduation on Friday, flight cancelled.",
            "you are travelling to your daughter's graduation on Friday",
        ),
    ],
)
def test_a_gift_from_someone_lost_a_parent_alone_or_a_trip_for_family_is_read(
    message: str, stake: str
) -> None:
    assert stakes(message) == stake


def test_a_gift_from_someone_living_is_not_a_stake_a_draft_says() -> None:
    # No rule reads it; the learnt vote may still offer it as a guess for an agent to check.
    assert read("My ring was a gift from my mum.").sure("stakes") is None


def test_guests_coming_on_a_day_cut_off_by_a_line_end_are_read_without_the_dangling_word() -> None:
    message = (
        "The table arrived chipped and one chair leg is split along the grain, I paid for\n"
        "all of it in full. I'm having 10 people over on\n"
        "Christmas Day.\n"
    )
    assert stakes(message) in {
        "you're having 10 people over",
        "you're having 10 people over on Christmas Day",
    }


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        (
            "Why did your courier give my address to my ex? There's a restraining order.",
            "there is a restraining order",
        ),
        (
            "Cust rang re test strips, order late. Cust has approx 4 days supply left.",
            "you have only 4 days supply",
        ),
        (
            "My electrician is coming on Friday and the sockets are missing.",
            "your electrician is coming on Friday",
        ),
    ],
)
def test_an_order_in_force_what_little_is_left_or_a_trade_coming_is_read(
    message: str, stake: str
) -> None:
    assert stakes(message) == stake


def test_a_bare_dad_opening_a_sentence_is_said_back_as_written() -> None:
    assert stakes("The care line was cut. Dad is housebound.") == "Dad is housebound"


@pytest.mark.parametrize(
    "message",
    [
        "Call notes: engineer no show again. caller is elderly, waited all morning.",
        "Cust rang re repair visit. Tech never arrived. Cust elderly, says he waited in.",
    ],
)
def test_an_agents_one_word_label_for_the_caller_weighs_but_is_not_said_back(
    message: str,
) -> None:
    reading = read(message)
    assert reading.value("stakes") is None  # never "as you are elderly" in a draft
    assert reading.severity is not None and reading.severity.level == "high"


def test_the_day_off_keeps_who_it_was_for() -> None:
    message = "I took the whole day off work for your broadband engineer, booked for 8am-1pm."
    assert read(message).value("stakes") == (
        "you took the whole day off work for our broadband engineer"
    )


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("No light since Friday and my mother uses a nebuliser.", "your mother uses a nebuliser"),
        ("I use a wheelchair and the ramp was broken again.", "you use a wheelchair"),
        ("My dad relies on his stairlift and it is broken.", "your dad relies on his stairlift"),
    ],
)
def test_someone_who_depends_on_equipment_is_what_is_at_stake(message: str, said: str) -> None:
    assert stakes(message) == said


def test_using_an_app_is_not_depending_on_equipment() -> None:
    assert stakes("We use the app every day and it keeps crashing.") is None


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("My order still hasn't come. Wedding is SATURDAY.", "your wedding is Saturday"),
        ("The cake had nuts in it. My son is anaphylactic.", "your son is anaphylactic"),
        ("We have a 4 month old and no heating since Friday.", "you have a 4 month old"),
        (
            "I have a tutorial at 1 and can't get into the lecture notes.",
            "you have a tutorial at 1",
        ),
        (
            "Pt's husband rang 10:15 re repeat prescription. Not ready. "
            "Pt has 2 tabs left, runs out Thurs.",
            "you have only 2 tabs left",
        ),
    ],
)
def test_more_of_what_rides_on_it(message: str, said: str) -> None:
    assert stakes(message) == said


@pytest.mark.parametrize(
    "message",
    [
        "Queue of about 6 behind him, one lady with a baby. He shouted at the till.",
        'The manager told a family with three little kids "not my problem" and walked off.',
    ],
)
def test_someone_elses_children_are_not_what_rides_on_it_for_the_customer(message: str) -> None:
    assert stakes(message) is None


def test_the_customers_own_baby_still_is() -> None:
    assert (
        stakes("I was stuck at the station for 3 hours with a baby.") == "you had a baby with you"
    )


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            "The portal is down. My tax return is due tonight at midnight.",
            "your tax return is due tonight at midnight",
        ),
        (
            "The van is still in your garage. I'm paying £40 a day for a hire van.",
            "you're paying £40 a day for a hire van",
        ),
        (
            "The ferry was cancelled. Had to book a hotel for the night.",
            "you had to book a hotel for the night",
        ),
        (
            "Nobody came. Waited in all day, took unpaid leave for it.",
            "you took unpaid leave for it",
        ),
    ],
)
def test_costs_and_deadlines_said_more_ways(message: str, said: str) -> None:
    assert stakes(message) == said


@pytest.mark.parametrize(
    "message",
    [
        "The boiler is broken. The plasterers are due Monday morning.",
        "Why am I paying for a phone that doesn't work?",
    ],
)
def test_a_visit_due_or_a_question_about_paying_is_no_stake(message: str) -> None:
    assert stakes(message) is None


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            "The parcel is late. My daughter has her graduation on Friday.",
            "your daughter has her graduation on Friday",
        ),
        (
            "Our flight from Lagos lands on 27 August and we have nowhere to stay.",
            "your flight from Lagos lands on 27 August and you have nowhere to stay",
        ),
        (
            "We are sitting in the dark with two kids.",
            "you are sitting in the dark with two kids",
        ),
    ],
)
def test_what_rides_on_it_is_said_as_a_whole_clause(message: str, said: str) -> None:
    assert stakes(message) == said


def test_a_childminder_is_no_child() -> None:
    assert stakes("The app is down. I've got a childminder to pay by 5.") != "you've got a child"


@pytest.mark.parametrize(
    "message",
    [
        "Nobody came. I had a boiler service booked today between eight and twelve.",
        "The cake was ruined and I spent the rest of the night in a wet dress.",
    ],
)
def test_half_a_range_or_an_adjective_with_no_noun_is_never_said_back(message: str) -> None:
    said = stakes(message)
    assert said is None or not said.endswith(("between eight", "in a wet"))


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        ("Its my mums birthday present. Order 9917-4405.", "it is your mum's birthday present"),
        ("Its my dads 70th. Can you do anything right now??", "it is your dad's 70th"),
        (
            "I'm best man at a wedding at 2pm and my suit is ruined.",
            "you're best man at a wedding at 2pm",
        ),
        ("My son is due at a job interview at 3.", "your son is due at a job interview at 3"),
        (
            "Went in for a blow dry before my sister's wedding.",
            "it was before your sister's wedding",
        ),
    ],
)
def test_an_occasion_named_with_the_thing_or_the_moment_is_what_is_at_stake(
    message: str, stake: str
) -> None:
    assert stakes(message) == stake


@pytest.mark.parametrize(
    "message",
    ["It was all fine before my 3rd.", "I booked it before the meeting was moved."],
)
def test_a_date_or_a_moment_passed_is_not_an_occasion(message: str) -> None:
    # No rule reads an occasion here; the learnt vote may still offer the sentence to an
    # attended agent as a guess, which an unattended draft never takes.
    assert read(message).sure("stakes") is None


def test_what_went_wrong_is_never_also_said_as_what_is_at_stake() -> None:
    reading = read("I pay $299 for Priority Support. My payroll run was blocked the whole time.")
    assert reading.value("issue") == "your payroll run was blocked the whole time"
    assert reading.value("stakes") is None


def test_an_issue_that_runs_on_into_the_stakes_stops_before_them() -> None:
    reading = read("The tablet has not come and college starts on Monday.")
    assert reading.value("stakes") == "college starts on Monday"
    assert reading.value("issue") == "the tablet has not come"


def test_a_stake_wrapped_before_its_date_is_read_with_it() -> None:
    message = (
        "Hello, I am writing about order 5521 which you promised for the start of this week. "
        "The christening is on\nthe 21st and the chairs have not come, which is a disgrace."
    )
    assert stakes(message) == "the christening is on the 21st"  # never cut at "is on"


@pytest.mark.parametrize(
    ("message", "said"),
    [
        (
            "My water bill came out twice. That pushed me into my overdraft.",
            "it pushed you into your overdraft",
        ),
        ("The refund never came and I went into my overdraft.", "you went into your overdraft"),
        (
            "The cleaner never turned up. The letting agent says I'm losing part of my deposit.",
            "you're losing part of your deposit",
        ),
        (
            "Says delivered, nothing here. its the laptop charger i need for work tomorrow",
            "you need it for work tomorrow",
        ),
        (
            "Cust called, repeat prescription not delivered. He has 2 days of BP tablets left.",
            "you have only 2 days of BP tablets left",
        ),
    ],
)
def test_money_a_home_or_a_supply_running_out_is_what_is_at_stake(message: str, said: str) -> None:
    assert stakes(message) == said


@pytest.mark.parametrize(
    ("message", "stakes"),
    [
        ("No water since 6am. Got a disabled son who needs his feeds made up.",
         "you've got a disabled son who needs his feeds made up"),
        ("Engineer was meant to be here 8-12. Its nearly 3. I swapped shifts for this.",
         "you swapped shifts for this"),
        ("You charged me twice. I'm a student and that's my food for the week",
         "that's your food for the week"),
        ("The heating is off again and I have a disabled son.", "you have a disabled son"),
    ],
)  # fmt: skip
def test_a_family_member_in_care_a_shift_given_up_and_the_weeks_food_are_stakes(
    message: str, stakes: str
) -> None:
    assert read(message).value("stakes") == stakes


def test_a_cars_age_is_no_child() -> None:
    message = "Got a 6-year-old sedan with a cracked windscreen. The fitter never came."
    assert (
        read(message).value("stakes") != "you've got a 6-year-old sedan with a cracked windscreen"
    )


@pytest.mark.parametrize(
    ("message", "stake"),
    [
        # A telegraphic occasion, as notes and texts say it.
        ("Wedding tomorrow and the suit hasn't arrived.", "your wedding is tomorrow"),
        (
            "Family wedding in Kerry tomorrow at 12pm. The car is not here.",
            "your family wedding in Kerry is tomorrow at 12pm",
        ),
        ("Job interview at 9am tomorrow and my laptop is dead.",
         "your job interview is at 9am tomorrow"),
        # Occasions of more traditions, and a birthday with its number.
        ("I ordered a suit for my sister's mehndi on 12th and it is the wrong colour.",
         "it is for your sister's mehndi on 12th"),
        ("It was a 40th birthday present from my partner and it arrived smashed.",
         "it is a 40th birthday present"),
        # Running out of a medicine, with how soon, and "nearly" kept.
        ("He's out of his blood thinners (warfarin) tonight. The parcel never came.",
         "he's out of his blood thinners tonight"),
        ("My son is nearly out of his formula and the order is late.",
         "your son is nearly out of his formula"),
        # What a small business has had to do, and who the family are.
        ("The card machine is down and we've had to turn people away.",
         "you've had to turn people away"),
        ("The till is dead. We have had to close the shop early.",
         "you have had to close the shop early"),
        ("It is 11pm and my parents are senior citizens.", "your parents are senior citizens"),
        # What the money or the thing is for, said with the thing: never a bare "is for".
        ("It was debited twice. This money is for my daughter's school fees.",
         "this money is for your daughter's school fees"),
        ("The sofa is for my mum's 70th and it came torn.", "the sofa is for your mum's 70th"),
    ],
)  # fmt: skip
def test_more_occasions_and_needs_are_what_is_at_stake(message: str, stake: str) -> None:
    assert read(message).sure("stakes") is not None
    assert stakes(message) == stake


@pytest.mark.parametrize(
    "message",
    [
        "I tried to cancel online and it said I need to give a month's notice, fine.",
        "They told me I have to come in person to cancel.",
    ],
)
def test_what_we_told_them_to_do_is_not_what_is_at_stake(message: str) -> None:
    assert read(message).sure("stakes") is None


def test_a_thing_someone_else_owns_is_not_said_as_the_customers_circumstance() -> None:
    """ "a customer's van that's booked in" is the customer's customer, and "'s" there is
    not "has": it was drafted as "Knowing customer's van that's booked in at 8 tomorrow"."""
    stake = stakes(
        "Nothing came. These are brake pads for a customer's van that's booked in at 8 tomorrow."
    )
    assert stake is None or not stake.startswith("customer's")


def test_a_stake_is_never_cut_after_a_title() -> None:
    """Once drafted as "you had a telehealth appointment booked with Dr."."""
    stake = stakes("I had a telehealth appointment booked with Dr. Adeyemi for Tuesday.")
    assert stake is None or not stake.endswith(" Dr")
