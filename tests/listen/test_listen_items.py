"""What the customer ordered: read in their words, and named in a goods playbook's wording."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve
from recovery_cli.playbook.walk import run_scripted


@pytest.mark.parametrize(
    ("message", "item"),
    [
        (
            "Name: Gareth\nOrder no: 300-2219-87\nProduct: 65W USB-C fast charger (black)\n"
            "Message: there was a loud bang when I plugged it in.",
            "your 65W USB-C fast charger",
        ),
        (
            "I ordered the Ridgeline Trek boots mens UK 10 and got kids ones.",
            "your Ridgeline Trek boots",
        ),
        ("Cust ordered 3x cot mattress, one came split.", "your cot mattress"),
        ("Re oil-filled heater purchased 3 wks ago, it cuts out.", "your oil-filled heater"),
        ("The TV I ordered has a crack across the screen.", "your TV"),
        ("Order 7730019, MacBook Pro £2,249. Courier says delivered.", "your MacBook Pro"),
        (
            "Caller re order WP-5520 (foil wedding invitations), not dispatched.",
            "your foil wedding invitations",
        ),
        ("Your stair gate order LT-30219 is wrong.", "your stair gate"),
        ("I was told my new laptop would be delivered by Friday.", "your laptop"),
        ("Bed frame arrived with the headboard cracked.", "your bed frame"),
        ("bought a 12 inch wok, it warped", "your 12 inch wok"),
        ("ordered 20 kg basmati for the restaurant", "your 20 kg basmati"),
        ("I bought my daughters school shoes from you last week.", "your daughter's school shoes"),
    ],
)
def test_the_thing_ordered_is_read_in_the_customers_words(message: str, item: str) -> None:
    assert read(message).value("item") == item


@pytest.mark.parametrize(
    "message",
    [
        "I ordered a sofa and a footstool, and one of them arrived ripped.",  # which one?
        "I start my new job on Monday and the parcel is late.",  # nobody orders a job
        "Order BBZ-50312 has not arrived.",  # a number, not a name
        "Driver came at 9 and left nothing.",  # who came, not what
        "I bought 2 pairs and one is faulty.",  # how many, not what
        "I ordered the Halden and it is the wrong colour.",  # a model's name alone
        "I ordered it last week.",  # nothing named
        "Order held before picking.",  # a note's heading, not an order
        "The loss adjuster came on the 3rd.",  # who came, not what
        "Patient Mr Hassan Farah arrived for 9:10.",  # a note's heading: who, not what
        "We've bought almost all of our furniture from you.",  # how much, not what
        "The chef came out and shouted at my husband in front of everyone.",  # staff, not a thing
    ],
)
def test_no_thing_is_read_where_none_is_named_alone(message: str) -> None:
    assert read(message).value("item") is None


def test_a_goods_draft_names_the_thing_in_its_own_wording(library: Library) -> None:
    """The playbook's default issue, with the customer's thing in place of "your order": the
    claim is the playbook's own, and the issue is still listed as assumed."""
    message = "Product: Mira wool rug\nMessage: It came with a big stain on one corner. Gutted."
    reading = read(message)
    playbook = library.playbook("damaged-item")
    offered = inputs_for(reading, playbook)
    assert offered["item"] == "your Mira wool rug"
    resolved = resolve(playbook, offered)
    assert resolved.values["issue"] == "your Mira wool rug arrived damaged"
    assert "issue" in resolved.defaulted
    draft = run_scripted(playbook, resolved.values, defaulted=resolved.defaulted).draft()
    assert "your Mira wool rug arrived damaged" in draft


def test_a_failure_read_from_the_message_wins_over_the_named_default(library: Library) -> None:
    reading = read("I ordered the Ridgeline Trek boots and the sole is peeling off already.")
    playbook = library.playbook("damaged-item")
    values = resolve(playbook, inputs_for(reading, playbook)).values
    assert reading.value("item") == "your Ridgeline Trek boots"
    assert values["issue"] == reading.value("issue")


def test_with_nothing_named_each_goods_playbook_reads_as_it_always_did(library: Library) -> None:
    expected = {
        "damaged-item": "your order arrived damaged",
        "wrong-item": "what came for your order wasn't right",
        "outsourced-delay": "we still haven't got your order to you",
        "delivered-not-received": ("you're still without your parcel"),
        "product-safety": "the product from us put you at risk",
        "broken-promise": "we still haven't got it to you",
    }
    for scenario, issue in expected.items():
        assert resolve(library.playbook(scenario), {}).values["issue"] == issue, scenario


@pytest.mark.parametrize(
    ("message", "issue"),
    [
        (
            "I ordered a laptop from you last week. The screen is cracked from the hinge side.",
            "the screen on your laptop is cracked from the hinge side",
        ),
        (
            "Bought the Kestrel pressure cooker in March. The lid came off while cooking!",
            "the lid on your Kestrel pressure cooker came off",
        ),
    ],
)
def test_a_broken_part_is_said_with_the_thing_it_is_part_of(message: str, issue: str) -> None:
    assert read(message).value("issue") == issue


@pytest.mark.parametrize(
    "message",
    [
        "I ordered a cake stand. The box was dented at one corner.",  # packaging, not a part
        "I ordered a bed frame. The frame is bent.",  # the thing itself, already said
    ],
)
def test_what_is_not_a_part_of_the_thing_is_said_as_it_was(message: str) -> None:
    issue = read(message).value("issue")
    assert issue is not None and " on your " not in issue


@pytest.mark.parametrize(
    ("message", "issue"),
    [
        (
            'I ordered Sony headphones. Your courier says "delivered" at 10:02. I was in all '
            "day and nothing came.",
            "your Sony headphones show as delivered but haven't reached you",
        ),
        (
            'Order 7730019, MacBook Pro. Your courier says "delivered" at 10:02. I was in all '
            "day and nothing came.",
            "your MacBook Pro shows as delivered but hasn't reached you",
        ),
    ],
)
def test_your_order_or_your_parcel_is_said_as_the_thing(message: str, issue: str) -> None:
    assert read(message).value("issue") == issue
