"""What the customer booked, and what they want to cancel, in their own words.

Two more things a reply names instead of the playbook's general word:

- `booking`, what was booked and not there: "booked pitch 42" is "your pitch 42", "we
  reserved the Garden Room" is "your Garden Room", "I'd prepaid a minivan" is "your
  minivan", "we had a table booked for 8.30" is "your table". booking-failure's default
  issue names it ("we didn't have {booking} ready for
  you when you arrived").
- `plan`, what they are trying to leave: "cancel my PulseFit membership" is "your PulseFit
  membership", "called to cancel broadband" is "your broadband". hard-to-cancel's lines
  name it ("I'm cancelling your PulseFit membership"), and its default issue too ("we
  didn't stop {plan} when you asked us to").

Both keep the customer's words, cut where the name ends (at a small word, a date, a price or
punctuation), and are left unread when the words name nothing particular ("booked it",
"cancel the lot").
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_cli.listen.items import NOT_IN_A_NAME, PEOPLE, leading_name
from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: each only names a thing in a sentence the playbook already says."""

_WORD = r"(?:[A-Za-z][\w'&-]{0,20}|\d{1,4}[a-z]?\b)"
_NAME = rf"(?P<np>(?:{_WORD}\s){{0,3}}{_WORD})"
_BOOKED = Keyed(
    {"booked", "reserved", "prepaid", "pre-paid", "pre-booked", "prebooked"},
    r"(?:^|\b(?:i|we|i'd|we'd|i\shad|we\shad|i've|we've|cust|customer|she|he|they|had|who)\s)"
    r"(?:(?:already|originally|specifically)\s)?(?:booked|reserved|prepaid|pre-paid|pre-booked|"
    rf"prebooked)\s(?:(?:and\spaid\sfor|in)\s)?(?:(?:a|an|the|our|my|two|three|four)\s)?{_NAME}",
)
_HAD_BOOKED = Keyed(
    {"booked", "reserved"},
    r"\b(?:had|have|'d|'ve)\s(?:a|an|the|our|my)\s(?P<np>(?:[A-Za-z][\w'&-]{0,20}\s){0,2}?"
    r"[A-Za-z][\w'&-]{1,20})\s(?:booked|reserved)\b",
)
"""What they had booked, before its verb ("we had a table booked for 8.30")."""
_BARE_VISITS = words("appointment appt visit slot")
"""A visit named by no more than its word says nothing the playbook does not."""
_CANCEL = Keyed(
    {"cancel", "cancelling", "canceling", "cancelled", "canceled"},
    r"\bcancel(?:l?ing|l?ed)?\s(?:(?:my|our|your|his|her|their|the|this)\s)?"
    r"(?P<np>(?:[A-Za-z][\w'&-]{0,20}\s){0,2}(?:membership|subscription|sub|contract|plan|"
    r"account|broadband|policy|insurance|package|box|service|trial|line|direct\sdebit|"
    r"standing\sorder|renewal|bundle|deal))\b",
)
KEYS = register(_BOOKED.keys | _HAD_BOOKED.keys | _CANCEL.keys)
"""Words one of which a sentence needs before either can be read in it."""

_ENDS = NOT_IN_A_NAME | words("months' months-ago weekend prepaid pre-paid upfront")
"""Words no name of a booking holds (those of a thing's name, `items.NOT_IN_A_NAME`)."""
_NOTHING_PARTICULAR = words(
    """
    it them this that one something everything anything booking bookings lot place slot
    ticket tickets trip holiday online ahead months weeks days time
    """
)
"""What names no particular booking ("booked it", "booked online")."""


def booked(sentence: Sentence) -> Iterable[Found]:
    """What the customer booked and what they want to cancel, worded as "your ..."."""
    for match in _BOOKED.finditer(sentence):
        kept = leading_name(match.group("np").split(), _ENDS, _NOTHING_PARTICULAR)
        if kept:
            start = sentence.start + match.start("np")
            end = start + len(" ".join(kept))
            yield Found("booking", f"your {unshout(' '.join(kept))}", start, end, CONFIDENCE)
    for match in _HAD_BOOKED.finditer(sentence):
        kept = leading_name(match.group("np").split(), _ENDS, _NOTHING_PARTICULAR)
        if (
            kept
            and kept[-1].lower() not in PEOPLE
            and (kept[1:] or kept[0].lower() not in _BARE_VISITS)
        ):
            start = sentence.start + match.start("np")
            end = start + len(" ".join(kept))
            yield Found("booking", f"your {unshout(' '.join(kept))}", start, end, CONFIDENCE, 1)
    for match in _CANCEL.finditer(sentence):
        name = match.group("np")
        start = sentence.start + match.start("np")
        yield Found("plan", f"your {unshout(name)}", start, start + len(name), CONFIDENCE)
