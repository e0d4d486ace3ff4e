"""How a reply greets the customer, from the name a help desk or a message gives."""

from __future__ import annotations

import pytest

from recovery_cli.playbook.names import greeting, parse_name


@pytest.mark.parametrize(
    ("raw", "greets"),
    [
        ("Priya Shah", "Hi Priya,"),
        ("SHAH, Priya", "Hi Priya,"),
        ("Mrs Gupta", "Dear Mrs Gupta,"),
        ("Ms L. Reyes", "Dear Ms Reyes,"),  # an initial is not said in a greeting
        ("mr p. sharma", "Dear Mr Sharma,"),
        ("Dr Anna Lee", "Dear Dr Lee,"),
        ("Chief Emeka Nwachukwu", "Dear Chief Nwachukwu,"),  # a title, not a first name
        ("Mr & Mrs Greaves", "Dear Mr and Mrs Greaves,"),
        ("Arthur and Jean Pemberton", "Hi Arthur and Jean,"),
        ("R. Osei", "Dear R. Osei,"),  # never "Hi R.,"
        ("G. R. Ashworth", "Dear G. R. Ashworth,"),
        ("Customer", "Hello,"),
        ("Mrs", "Hello,"),
        ("Mr Van der Berg", "Dear Mr van der Berg,"),  # never "Dear Mr Berg,"
        ("Mr Pieter van der Merwe", "Dear Mr van der Merwe,"),
    ],
)
def test_a_titled_name_is_greeted_as_a_letter_greets_it(raw: str, greets: str) -> None:
    assert greeting(parse_name(raw)) == greets


def test_a_house_greeting_word_other_than_hi_is_kept_for_titled_names() -> None:
    assert greeting(parse_name("Mrs Gupta"), word="Hello") == "Hello Mrs Gupta,"
