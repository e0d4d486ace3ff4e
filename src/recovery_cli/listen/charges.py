"""Which charge, fee or bill the customer is disputing, in their words: "your roaming charges".

billing-problem's reply names it ("there's a problem with your roaming charges") instead of
"your bill". A customer names a charge by what it is for, just before its word: "£38 of
roaming charges", "a £15 late payment fee", "my final bill", "this estimated bill", "the
admin fee". A charge word with nothing before it that says what for ("a charge", "the
bill", "my last invoice") names no more than the playbook's own wording, and is not read.
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only names what the playbook already says there is a problem with."""

_CHARGE = Keyed(
    {"charge", "charges", "fee", "fees", "bill", "invoice", "invoices"},
    r"\b(?:a|an|the|my|your|our|this|that|these|those|of|\d[\d,.]*|[£$€]\s?\d[\d,.]*)\s"
    r"(?:[£$€]\s?\d[\d,.]*\s)?(?:of\s)?(?P<np>(?:(?!of\b)[a-z][\w-]{1,15}\s){1,2}(?:charges?|fees?|bill|"
    r"invoices?))\b",
)
KEYS = register(_CHARGE.keys)
"""Words one of which a sentence needs before a charge can be read in it."""

_NOT_WHAT_FOR = words(
    """
    a an the my your our this that these those last latest first second new big huge same
    another extra other next previous recent whole full total usual normal current old
    monthly's month's year's week's one two three any every each more is was are were be
    """
)
"""Words before a charge word that say which or how big, not what it is for ("my last bill"),
or that make it a name ("this is Bill"); "monthly" and "annual" do say what for, so they are
kept."""
_PLACES = words("in on at by to from with for")
"""A small word inside the phrase: "the person in charge" names no charge."""
_NOT_BEFORE_A_CHARGE = _NOT_WHAT_FOR | _PLACES


def charges(sentence: Sentence) -> Iterable[Found]:
    """The charge in dispute, worded as "your ..."."""
    for match in _CHARGE.finditer(sentence):
        name = match.group("np")
        said = name.split()
        if any(word.lower() in _NOT_BEFORE_A_CHARGE for word in said[:-1]):
            continue  # "my last bill", "the person in charge", "roaming charges on May bill"
        start = sentence.start + match.start("np")
        yield Found("charge", f"your {unshout(name)}", start, start + len(name), CONFIDENCE)
