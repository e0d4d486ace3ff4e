"""Whose words a chat transcript's lines are: the customer's, or ours.

A pasted chat holds both sides ("Customer: the sofa never came" / "Agent (Sana): I can see
you're booked on our Saver fare"). What the customer said is turned to the second person
for the reply; what our agent or bot said is not the customer's to be turned ("you can see
we're booked on your Saver fare"), so the clause rules read only the customer's turns. A
turn runs from its speaker's label to the next label. Names, references and sums are read
from every line: an agent often repeats them ("Thanks, Priya. Order 4410?").
"""

from __future__ import annotations

import re

TRANSCRIPT_LINE = re.compile(
    r"^\s{0,3}(?P<time>\[?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[ap]m)?\]?\s{1,3})?"
    r"(?P<label>[^\W\d_][\w'’]{0,20}(?:\s?\([^()\n]{1,30}\)|\s[-–]\s[^:\n]{1,30}|\s\w{1,12})?):\s",
    re.M | re.I,
)
"""A transcript line's speaker, with the time a chat export may put before it."""

OURS = frozenset(
    {"agent", "bot", "chatbot", "support", "advisor", "adviser", "operator", "assistant", "rep"}
    | {"staff"}
)
"""Labels of the business's side of a chat ("Agent (Sana):", "Bot:", "Support:")."""
THEIRS = frozenset(
    {"you", "me", "customer", "visitor", "user", "guest", "tenant", "member", "client"}
)
"""Labels of the customer's side ("Customer:", "Visitor:", "10:02 You:")."""
ROLES = OURS | THEIRS
"""Every label that says a line is a turn of a chat, whoever speaks."""


def ours(text: str) -> list[tuple[int, int]]:
    """Where the business speaks in a chat transcript, as (start, end) spans of `text`; none
    when no line is labelled as ours."""
    labels = list(TRANSCRIPT_LINE.finditer(text))
    spans: list[tuple[int, int]] = []
    for index, label in enumerate(labels):
        if label.group("label").split()[0].split("(")[0].lower() in OURS:
            end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
            spans.append((label.start(), end))
    return spans
