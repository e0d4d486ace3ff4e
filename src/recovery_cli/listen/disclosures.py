"""Which of the customer's own details went astray, in their words: "your payslips".

privacy-mistake's reply names them ("your payslips went somewhere we should never have
allowed") instead of "some of your personal details". A customer says it in two shapes, with
"my" before the details and a word of disclosure next to them:

- the details, then what happened to them: "my statement was sent to my ex's address", "My
  mortgage details shared with the seller", "my email address is now visible to 200
  strangers", "my details went to a complete stranger";
- what was done, then the details: "read out my passport number", "a confirmation email
  containing my full card number", "posted my photo".

Only the customer's own ("my"): details of someone else that reached them are another case,
which the playbook asks about. A request ("I asked for my notes to be sent to me") is not
a disclosure; nor are details that are only mentioned ("I updated my address").
"""

from __future__ import annotations

from collections.abc import Iterable

from recovery_cli.listen.keys import register
from recovery_cli.listen.sentences import Found, Keyed, Sentence, words
from recovery_cli.wording import unshout

CONFIDENCE = 0.8
"""Sure: it only names what the playbook already says we failed to keep private."""

_DETAILS = (
    r"(?:details|information|info|data|address|addresses|email|e-mail|number|numbers|name|"
    r"statements?|letters?|reports?|notes|records|results|photos?|pictures?|x-rays?|plan|"
    r"payslips?|documents?|docs|passport|licence|license|history|condition|diagnosis|"
    r"prescription|review|claim|file|application|cv|salary|bill|invoices?|pack|dob|"
    r"date\sof\sbirth)"
)
_NP = (
    rf"(?P<np>(?:[\w'-]{{1,20}}\s){{0,3}}?{_DETAILS}"
    r"(?:\s(?:number|details|address|records|notes|results|letter|report))?)"
)
_DISCLOSED = (
    r"(?:sent|posted|published|shared|emailed|e-mailed|shown|showed|visible|given|given\sout|"
    r"read\sout|forwarded|leaked|disclosed|displayed|mailed|posted\sout|passed\son|handed|"
    r"put\sup|uploaded|exposed)"
)
_DISCLOSURE_WORDS = words(
    """
    sent posted published shared emailed e-mailed shown showed showing visible given gave read
    forwarded leaked disclosed displayed mailed passed handed put uploaded exposed went
    containing listing printed
    """
)
"""Words one of which a sentence needs: "my" alone is in most sentences."""
_THEN_WHAT = Keyed(
    _DISCLOSURE_WORDS,
    rf"\bmy\s{_NP}\s(?:(?:was|were|has\sbeen|have\sbeen|had\sbeen|got|is|are|is\snow|are\snow|"
    rf"being)\s)?(?:{_DISCLOSED}|went\sto|went\sout)\b",
)
_WHAT_THEN = Keyed(
    _DISCLOSURE_WORDS,
    r"\b(?:sent|posted|published|shared|emailed|showed|showing|gave|gave\sout|(?<!\bi\s)read|read\sout|"
    r"forwarded|leaked|disclosed|displayed|containing|listing|exposed|uploaded|printed)\s"
    rf"(?:out\s)?my\s{_NP}\b",
)
KEYS = register(_THEN_WHAT.keys | _WHAT_THEN.keys)
"""Words one of which a sentence needs before details can be read in it."""

_NOT_DETAILS = words("order parcel tracking booking reference ticket delivery")
"""Words that make a phrase something other than personal details: "my phone number" is
details, "my order number" a reference and "my delivery address was sent to the courier"
how a parcel travels."""


def disclosures(sentence: Sentence) -> Iterable[Found]:
    """The customer's details that went astray, worded as "your ..."."""
    for pattern in (_THEN_WHAT, _WHAT_THEN):
        for match in pattern.finditer(sentence):
            name = match.group("np")
            if not _NOT_DETAILS.isdisjoint(name.lower().split()):
                continue
            start = sentence.start + match.start("np")
            value = f"your {unshout(name)}"
            yield Found("details", value, start, start + len(name), CONFIDENCE)
