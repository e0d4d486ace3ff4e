"""What we sent someone to work on: read in the customer's words, and named in the reply."""

from __future__ import annotations

import pytest

from recovery_cli.library import Library
from recovery_cli.listen import inputs_for, read
from recovery_cli.playbook.inputs import resolve


@pytest.mark.parametrize(
    ("message", "job"),
    [
        (
            "Subject: Kitchen fitting - awful job\n\nThe worktops are chipped.",
            "your kitchen fitting",
        ),
        ("Cust called re carpet fitting on 12/3, seams visible.", "your carpet fitting"),
        ("Service: End of tenancy clean, ref CN-66230", "your end-of-tenancy clean"),
        (
            "The engineer you sent to install my new boiler yesterday left a leak.",
            "the work on your new boiler",
        ),
        (
            "Brodie Heating fitted our air source heat pump on Thursday and it howls.",
            "the work on your air source heat pump",
        ),
        (
            "Had a new kitchen tap fitted via HomeFix and the floor flooded.",
            "the work on your new kitchen tap",
        ),
        (
            "The plumber you sent to fix a leak under the bath made it worse.",
            "the work on the leak",
        ),
        ("The windows were fitted on Monday by Kestrel.", "the work on the windows"),
        ("They fitted my kitchen worktop crooked.", "the work on your kitchen worktop"),
        ("Call 09:14 - Mrs Farah, job KI-7735 (kitchen fit, finished Fri)", "your kitchen fit"),
        ("Service: Oven cleaning\nDate of visit: 12/03", "your oven cleaning"),
        (
            "The engineer who came on Tuesday to fix my boiler broke the thermostat.",
            "the work on your boiler",  # what he came to work on, without what he did next
        ),
    ],
)
def test_the_job_is_read_in_the_customers_words(message: str, job: str) -> None:
    assert read(message).value("job") == job


@pytest.mark.parametrize(
    "message",
    [
        "I fixed it myself in the end.",  # the customer's own work
        "I want someone to fix the wall this week.",  # asked for, not done
        "The gaps are big enough to fit a coin.",  # what could be done
        "Customer service never rang back.",  # a department, not a job
        "The cleaning was poor.",  # no job named
        "The room was clean but the bed was broken.",  # a state, not a job
        "They fitted on Monday.",  # nothing worked on
        "Water is dripping from the light fitting in the kitchen.",  # a part, not a job
        "The engineer who came to repair the dish-\nwasher did not fix it.",  # cut at a wrap
    ],
)
def test_work_not_done_by_us_or_not_done_at_all_is_not_read(message: str) -> None:
    assert read(message).value("job") is None


def test_the_poor_work_reply_names_the_job(library: Library) -> None:
    playbook = library.playbook("partner-poor-work")
    reading = read("Subject: Kitchen fitting - awful job\n\nCall me please. Dana")
    resolved = resolve(playbook, inputs_for(reading, playbook))
    assert resolved.values["issue"] == "your kitchen fitting wasn't done properly"
    assert "issue" in resolved.defaulted
    assert resolve(playbook, {}).values["issue"] == (
        "the work we sent someone to do wasn't done properly"
    )
